"""`coach reminders --json` and `coach run scheduler`, as real processes on a SQLite file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.coach_forks import run_coach

COACH = str(Path(sys.executable).with_name("coach"))


def coach(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return run_coach(["--db", db, "--user", "ann", *args], env=env)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'coach.db'}"


def test_reminders_json_lists_the_coming_days_in_the_users_offset(db: str) -> None:
    coach(db, "say", "/timezone America/New_York")
    coach(db, "say", "/remind resistance mon,thu 18:00")
    coach(db, "say", "/remind hiit fri 07:00")
    # New York falls back on Sun 1 Nov 2026: the offset changes, the local times don't.
    out = coach(db, "reminders", "--json", "--from", "2026-10-29T00:00", "--days", "5")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {
        "upcoming": [
            {"kind": "resistance", "at": "2026-10-29T18:00:00-04:00"},
            {"kind": "hiit", "at": "2026-10-30T07:00:00-04:00"},
            {"kind": "weekly-summary", "at": "2026-11-01T19:00:00-05:00"},
            {"kind": "resistance", "at": "2026-11-02T18:00:00-05:00"},
        ]
    }


def test_reminders_json_without_reminders_is_empty(db: str) -> None:
    out = coach(db, "reminders", "--json")
    assert json.loads(out.stdout) == {"upcoming": []}


def test_reminders_refuses_a_bad_start(db: str) -> None:
    out = coach(db, "reminders", "--json", "--from", "tomorrow")
    assert out.returncode == 2
    assert "ISO 8601" in out.stderr


def run_due(db: str, path: Path, kind: str) -> tuple[int, str, str]:
    """Make the person's `kind` reminder due, run `coach run scheduler` until it sent it,
    stop it with SIGTERM; return its exit code, stdout and stderr."""
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE reminder_schedules SET next_fire_at = datetime('now', '-1 minute') "
            "WHERE kind = ?",
            (kind,),
        )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    process = subprocess.Popen(
        [COACH, "--db", db, "run", "scheduler"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 20
        with sqlite3.connect(path) as conn:
            while time.monotonic() < deadline:
                sent = conn.execute(
                    "SELECT count(*) FROM reminder_deliveries WHERE status = 'sent'"
                ).fetchone()[0]
                if sent:
                    break
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    return process.returncode, out, err


def test_run_scheduler_prints_a_due_console_ping_once(db: str, tmp_path: Path) -> None:
    coach(db, "say", "/remind hiit mon 18:00")
    returncode, out, err = run_due(db, tmp_path / "coach.db", "hiit")
    assert returncode == 0, err
    assert out.count("[reminder for ann]") == 1
    assert "🔥 HIIT today" in out
    assert "2) Snooze 1h" in out
