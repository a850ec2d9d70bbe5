"""The deployment files hold together: compose validates against the Compose schema."""

from __future__ import annotations

import json
import re
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


def env_example_names() -> list[str]:
    """Return every variable in deploy/.env.example, set or commented out."""
    names = []
    for line in (DEPLOY / ".env.example").read_text().splitlines():
        match = re.match(r"^#?\s*([A-Z][A-Z0-9_]*)=", line)
        if match:
            names.append(match.group(1))
    return names


def test_every_variable_in_the_env_example_is_a_setting_or_for_compose() -> None:
    from bot.settings import Settings

    known = {name.upper() for name in Settings.model_fields}
    names = env_example_names()
    assert {"TELEGRAM_TOKEN", "DISCORD_TOKEN", "DATABASE_URL", "HTTP_PORT"} <= set(names)
    unknown = [n for n in names if n not in known and not n.startswith("POSTGRES_")]
    assert unknown == []


def test_the_env_example_as_copied_is_valid_and_starts_nothing_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.runner import RunError, plan_for
    from bot.settings import Settings, load_settings

    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text((DEPLOY / ".env.example").read_text())
    settings = load_settings(str(env_file))
    assert settings.telegram_token is None  # the empty lines mean "not set"
    with pytest.raises(RunError, match="TELEGRAM_TOKEN"):
        plan_for("all", settings)


def test_compose_roles_share_the_work_as_the_readme_says(compose: dict) -> None:
    services = compose["services"]
    for role in ("telegram", "discord"):  # one process per token; reminders left to others
        assert services[role]["environment"]["DISPATCHER"] == "off"
        assert "replicas" not in services[role].get("deploy", {})
    assert services["scheduler"]["deploy"]["replicas"] >= 2  # SKIP LOCKED shares the rows
