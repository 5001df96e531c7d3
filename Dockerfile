# syntax=docker/dockerfile:1
# talestream API worker (docs/deploy.md). Multi-stage: compilers stay in the build stage, the
# runtime image runs as an unprivileged user.
#
#   docker build -t talestream .
#   docker compose -f deploy/compose.yaml up --scale app=3
ARG PYTHON=python:3.11-slim-bookworm

FROM ${PYTHON} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential cmake \
 && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY requirements.lock ./
# llama-cpp-python compiles llama.cpp for several minutes: build its wheel once, in a layer of
# its own that only a new pinned version invalidates (not a code change). Portable CPU flags, so
# the image runs on any x86-64/arm64 host, not only on the build machine's CPU.
ENV CMAKE_ARGS="-DGGML_NATIVE=OFF"
RUN pip wheel --no-deps --wheel-dir /wheels "$(grep -E '^llama-cpp-python==' requirements.lock)"
COPY pyproject.toml README.md ./
COPY src ./src
# Everything else as wheels, at the versions the test suite ran with (the lock as constraints;
# the dev tools in it are not installed because nothing asks for them).
RUN pip wheel --wheel-dir /wheels --find-links /wheels -c requirements.lock .

FROM ${PYTHON} AS runtime
# libgomp: llama.cpp's OpenMP threads. curl-free healthcheck below uses Python itself.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin talestream \
 && mkdir /data && chown talestream /data
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels talestream
USER talestream
WORKDIR /data
ENV TALESTREAM_DATA_DIR=/data PYTHONUNBUFFERED=1
EXPOSE 8000
# SIGTERM drains running stories (TALESTREAM_DRAIN_SECONDS) before the worker exits: give it
# that long (compose: stop_grace_period).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/health', timeout=2)"]
ENTRYPOINT ["talestream"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
