"""The deployment files hold together: compose validates against the Compose schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def validate(document: dict) -> None:
    # The schema names draft 2019-09 in a form jsonschema doesn't look up by itself.
    schema = json.loads((ROOT / "tests" / "schemas" / "compose_spec.json").read_text())
    jsonschema.Draft201909Validator(schema).validate(document)


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_file_is_valid_against_the_compose_spec(compose: dict) -> None:
    validate(compose)


def test_compose_has_postgres_and_every_role(compose: dict) -> None:
    services = compose["services"]
    assert {"postgres", "telegram", "discord", "scheduler"} <= set(services)
    for role in ("telegram", "discord", "scheduler"):
        assert services[role]["command"] == [role]
        assert "postgresql://" in services[role]["environment"]["DATABASE_URL"]
        assert services[role]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_a_broken_compose_file_is_caught() -> None:
    broken = {"services": {"telegram": {"image": "coach", "restart": 5, "ports": "8443"}}}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_image_runs_as_non_root_and_migrates_at_start() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in dockerfile
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users
    assert users[-1] not in ("root", "0")
    assert "coach db upgrade" in dockerfile


def test_systemd_unit_runs_a_role_after_migrating() -> None:
    unit = (DEPLOY / "systemd" / "coach@.service").read_text()
    assert "ExecStartPre=/opt/coach/.venv/bin/coach db upgrade" in unit
    assert "ExecStart=/opt/coach/.venv/bin/coach run %i" in unit
    assert "User=coach" in unit
