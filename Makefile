# Two commands: `make run` serves the app on the embedded defaults, `make test` runs every check.
# Both install .venv from requirements.lock (exact versions, the set the suite was run with) first,
# so a fresh clone needs nothing else and gets exactly what was tested. `make lock` refreshes it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# The JavaScript linter (ESLint) comes from the npm registry, pinned by package-lock.json.
NPM_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck format check-format lock bench bench-concurrency clean

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(NPM_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

run: $(STAMP)
	$(BIN)/talestream serve --host $(HOST) --port $(PORT)

lint: $(STAMP) $(NPM_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	npx eslint src/talestream/web/static
	$(BIN)/mypy

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest --cov --cov-report=term:skip-covered $(PYTEST_ARGS)

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Resolve pyproject.toml's ranges to the newest versions and pin them; run `make test` after.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --upgrade \
		--no-header -o $(LOCK)

bench: $(STAMP)
	$(BIN)/python -m bench.stream_throughput

# N = 300, 1,000 and 3,000 live story streams on one worker beside raw ASGI, in-process and on
# Redis (several minutes), then the plot in docs/images/concurrency.png.
bench-concurrency: $(STAMP)
	mkdir -p test-artifacts
	$(BIN)/python -m bench.concurrency --json test-artifacts/concurrency.json
	$(BIN)/python -m bench.plot_concurrency test-artifacts/concurrency.json

clean:
	rm -rf $(VENV) node_modules build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache .coverage
