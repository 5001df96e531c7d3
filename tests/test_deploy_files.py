"""The deployment files we ship and cannot run here (Docker does not run on this machine):
deploy/compose.yaml is checked against the Compose Specification's JSON schema, vendored in
tests/data/compose/ (compose-spec/compose-spec, schema/compose-spec.json, Apache-2.0). The nginx
configuration is checked by `nginx -t` and run for real in test_topology.py."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).parents[1]
SCHEMA = json.loads((ROOT / "tests" / "data" / "compose" / "compose-spec.json").read_text())


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    return document


def problems(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]


def test_the_shipped_compose_file_follows_the_compose_specification(
    compose: dict[str, Any],
) -> None:
    assert problems(compose) == []
    assert {"nginx", "app", "postgres", "redis"} <= set(compose["services"])


def test_a_misspelt_key_is_caught(compose: dict[str, Any]) -> None:
    broken = copy.deepcopy(compose)
    broken["services"]["app"]["restart_polcy"] = "always"
    assert any("restart_polcy" in p for p in problems(broken))
