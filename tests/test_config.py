"""Settings as an operator meets them: `.env` read, secrets masked, a bad value is one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.coach_forks import run_coach
from tests.telegram_fake import TOKEN

COACH = str(Path(sys.executable).with_name("coach"))
SETTINGS = {name.upper() for name in Settings.model_fields}


def coach(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `coach ARGS` in `cwd` with no setting from this environment, only `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    return run_coach(list(args), cwd=cwd, env={**clean, **(env or {})})


def test_config_check_prints_the_settings_with_secrets_masked(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_TOKEN": TOKEN,
        "DATABASE_URL": "postgresql://coach:pg-secret@db.example:5432/coach",
        "DISCORD_TOKEN": "discord-secret-token",
        "HTTP_PORT": "8080",
    }
    out = coach("config", "check", cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert TOKEN not in out.stdout
    assert TOKEN.split(":")[1] not in out.stdout
    assert "pg-secret" not in out.stdout
    assert "discord-secret-token" not in out.stdout
    lines = dict(line.split(None, 1) for line in out.stdout.splitlines())
    assert lines["TELEGRAM_TOKEN"] == "********"
    assert lines["DATABASE_URL"] == "postgresql://coach:***@db.example:5432/coach"
    assert lines["HTTP_PORT"] == "8080"
    assert lines["LOG_FORMAT"] == "text"
    assert lines["TELEGRAM_WEBHOOK_URL"] == "(not set)"


def test_config_check_reads_dot_env_in_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "# the operator's file\nLOG_FORMAT=json\nFLOOD_MESSAGES=5\nTELEGRAM_TOKEN=\n"
    )
    out = coach("config", "check", cwd=tmp_path, env={"FLOOD_MESSAGES": "7"})
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(None, 1) for line in out.stdout.splitlines())
    assert lines["LOG_FORMAT"] == "json"
    assert lines["FLOOD_MESSAGES"] == "7"  # the environment wins over .env
    assert lines["TELEGRAM_TOKEN"] == "(not set)"  # an empty line means not set


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("HTTP_PORT", "eighty"),
        ("HTTP_PORT", "70000"),
        ("LOG_FORMAT", "xml"),
        ("LOG_LEVEL", "LOUD"),
        ("DISPATCHER", "sometimes"),
        ("FLOOD_SECONDS", "-1"),
        ("DATABASE_URL", "not a url"),
    ],
)
@pytest.mark.parametrize("command", [("config", "check"), ("run", "all")])
def test_a_bad_setting_is_one_line_naming_it_and_exit_2(
    tmp_path: Path, name: str, value: str, command: tuple[str, ...]
) -> None:
    out = coach(*command, cwd=tmp_path, env={name: value, "TELEGRAM_TOKEN": TOKEN})
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith(f"coach: {name}: ")
    assert "Traceback" not in out.stderr
    assert out.stdout == ""


def test_a_bad_setting_in_dot_env_is_named_too(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_WEBHOOK_PORT=0\n")
    out = coach("config", "check", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith("coach: TELEGRAM_WEBHOOK_PORT: ")


def test_run_all_without_any_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = coach("--db", f"sqlite:///{tmp_path / 'c.db'}", "run", "all", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "TELEGRAM_TOKEN" in out.stderr
    assert "DISCORD_TOKEN" in out.stderr


def test_a_malformed_token_is_one_line_without_the_value(tmp_path: Path) -> None:
    out = coach("run", "telegram", cwd=tmp_path, env={"TELEGRAM_TOKEN": "12345:short"})
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "TELEGRAM_TOKEN is malformed" in out.stderr
    assert "short" not in out.stderr


def test_database_url_from_dot_env_is_used_and_db_option_wins(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"DATABASE_URL=sqlite:///{tmp_path / 'from-env.db'}\n")
    out = coach("say", "squat 3x8 100kg", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "from-env.db").exists()
    option = tmp_path / "from-option.db"
    out = coach("--db", f"sqlite:///{option}", "say", "squat 3x8 100kg", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert option.exists()
    assert "102.5 kg" in out.stdout  # a fresh history: the first log, not the second


def test_an_unreachable_database_is_one_line(tmp_path: Path) -> None:
    env = {"DATABASE_URL": "postgresql://coach:pw@127.0.0.1:1/coach", "TELEGRAM_TOKEN": TOKEN}
    out = coach("run", "all", cwd=tmp_path, env=env)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith("coach: DATABASE_URL: can't open postgresql")
    assert ":pw@" not in out.stderr
