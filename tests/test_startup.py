"""`coach parse` and `coach say` start quickly: they import no chart library, bot platform,
scheduler or web server. Imports, not timings, are asserted (bench/startup.py times them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: the test process itself has imported everything by now.
SCRIPT = """
import contextlib, io, json, sys
import bot.cli
with contextlib.redirect_stdout(io.StringIO()):
    code = bot.cli.main(sys.argv[1:])
heavy = (
    "matplotlib", "telegram", "discord", "apscheduler", "aiohttp", "prometheus_client", "alembic"
)
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def imported(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_coach_parse_imports_no_heavy_module() -> None:
    assert imported("parse", "--json", "squat 3x8 100kg") == {"code": 0, "loaded": []}


def test_coach_say_imports_no_chart_library_platform_or_web_server(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    found = imported("--db", db, "say", "squat 3x8 100kg")
    assert found["code"] == 0
    # The reminders' cron arithmetic (core.reminders.schedule) uses APScheduler's trigger,
    # and a new file is migrated, so only the scheduler and alembic may be loaded here.
    assert set(found["loaded"]) <= {"apscheduler", "alembic"}  # type: ignore[arg-type]


def test_coach_say_on_a_migrated_file_does_not_load_alembic(tmp_path: Path) -> None:
    """The schema check is one SELECT against every head migration (the history branches)."""
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    assert "alembic" in imported("--db", db, "say", "hello")["loaded"]  # new file: migrated
    again = imported("--db", db, "say", "squat 3x8 100kg")
    assert again["code"] == 0
    assert "alembic" not in again["loaded"]
