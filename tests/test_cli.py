"""The `coach` command as a person or a script uses it: real processes, real files."""

from __future__ import annotations

import asyncio
import json
import os
import pty
import select
import sys
import time
from pathlib import Path

import pytest

from tests.coach_forks import run_coach

COACH = str(Path(sys.executable).with_name("coach"))


def coach(*args: str, db: str | None = None, input: str | None = None, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return run_coach([*(["--db", db] if db else []), *args], input=input, env=env, cwd=cwd)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'coach.db'}"


def test_parse_json_prints_entries_and_problems() -> None:
    out = coach("parse", "--json", "squat 3x8 100kg\nzone 2 45 min avg hr 128")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {
        "entries": [
            {
                "kind": "strength",
                "exercise": "squat",
                "sets": [{"reps": 8, "weight_kg": 100.0, "bodyweight": False, "rpe": None}] * 3,
            },
            {
                "kind": "cardio",
                "modality": "zone2",
                "activity": None,
                "minutes": 45.0,
                "avg_hr": 128,
            },
        ],
        "problems": [],
    }


def test_parse_json_converts_pounds() -> None:
    out = coach("parse", "--json", "--units", "lb", "ohp 3x8 @ 95")
    sets = json.loads(out.stdout)["entries"][0]["sets"]
    assert sets[0]["weight_kg"] == pytest.approx(43.0913, abs=1e-3)


def test_say_then_plan_and_week_json(sqlite_db: str) -> None:
    said = coach("say", "--at", "2026-11-23T18:00", "squat 3x8 100kg", db=sqlite_db)
    assert said.returncode == 0, said.stderr
    assert "102.5 kg" in said.stdout
    plan = json.loads(coach("plan", "--json", "--at", "2026-11-24T09:00", db=sqlite_db).stdout)
    assert plan == {
        "exercises": [
            {
                "exercise": "squat",
                "sets": 3,
                "reps": 8,
                "weight_kg": 102.5,
                "weight": 102.5,
                "unit": "kg",
                "rule": "progress",
                "reason": plan["exercises"][0]["reason"],
            }
        ]
    }
    assert plan["exercises"][0]["reason"]
    later = json.loads(coach("plan", "--json", "--at", "2026-12-25T09:00", db=sqlite_db).stdout)
    [back] = later["exercises"]  # 32 days later: still planned (12 weeks), lower after a break
    assert (back["exercise"], back["rule"], back["weight"]) == ("squat", "return", 80.0)
    gone = json.loads(coach("plan", "--json", "--at", "2027-02-25T09:00", db=sqlite_db).stdout)
    assert gone == {"exercises": []}  # nothing in the 12 weeks before
    week = json.loads(coach("week", "--json", "--at", "2026-11-25T09:00", db=sqlite_db).stdout)
    assert week["resistance_sessions"] == 1
    assert week["intensity_sets"]["quads"] == 3


def test_session_json_gives_the_next_session(sqlite_db: str) -> None:
    for at, text in (
        ("2026-11-23T18:00", "squat 3x8 100kg\nbench 3x8 60kg\nrow 3x8 60kg"),
        ("2026-11-25T18:00", "deadlift 3x8 120kg\nohp 3x8 40kg\nlat pulldown 3x8 50kg"),
        ("2026-11-26T07:00", "zone 2 100 min"),
    ):
        assert coach("say", "--at", at, text, db=sqlite_db).returncode == 0
    out = coach("session", "--json", "--at", "2026-11-27T09:00", db=sqlite_db)
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    lifts = [
        (e["exercise"], e["sets"], e["reps"], e["weight"], e["rule"])
        for e in shown.pop("exercises")
    ]
    assert lifts == [
        ("squat", 3, 8, 102.5, "progress"),  # day A again (B was last), legs first
        ("deadlift", 3, 8, 122.5, "progress"),  # hamstrings: 3 of 8 sets this week
        ("bench_press", 3, 8, 61.25, "progress"),
        ("barbell_row", 3, 8, 61.25, "progress"),
    ]
    assert shown == {
        "date": "2026-11-27",
        "warmup": [
            {"exercise": "squat", "reps": 8, "weight": 40.0, "unit": "kg"},
            {"exercise": "squat", "reps": 5, "weight": 62.5, "unit": "kg"},
            {"exercise": "squat", "reps": 3, "weight": 82.5, "unit": "kg"},
        ],
        "cardio": [
            {"modality": "zone2", "minutes": 45, "reason": "100 of 135 Zone 2 minutes this week"}
        ],
    }
    keys = coach("session", "--json", "--at", "2026-11-27T09:00", db=sqlite_db).stdout
    assert set(json.loads(keys)["exercises"][0]) == {
        "exercise",
        "sets",
        "reps",
        "weight",
        "unit",
        "rule",
        "reason",
    }


def test_say_with_the_same_id_twice_records_once(sqlite_db: str) -> None:
    for _ in range(2):
        coach("say", "--id", "m-1", "--at", "2026-11-23T18:00", "squat 3x8 100kg", db=sqlite_db)
    week = json.loads(coach("week", "--json", "--at", "2026-11-23T19:00", db=sqlite_db).stdout)
    assert week["intensity_sets"]["quads"] == 3


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["say", "--at", "yesterday", "squat 3x8 100kg"],
        ["parse", "--json", "--units", "stone", "squat"],
        [],
    ],
    ids=["unknown command", "bad --at", "bad --units", "no command"],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], sqlite_db: str) -> None:
    out = coach(*args, db=sqlite_db)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_a_bad_database_url_is_one_line_exit_2() -> None:
    out = coach("say", "squat 3x8 100kg", db="not a url")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "coach: --db / DATABASE_URL: not a database URL like sqlite:///data/coach.db or "
        "postgresql://user@host/db"
    ]


def test_a_bare_sqlite_path_is_that_file(tmp_path: Path) -> None:
    # `--db coach.db`, as a newcomer types it: the SQLite file at that path, made on first use
    out = coach("say", "squat 3x8 100kg", db="my-coach.db", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "my-coach.db").is_file()
    again = coach("say", "/history squat", db=str(tmp_path / "my-coach.db"))
    assert "100" in again.stdout


def test_an_unreachable_database_is_one_line_without_the_password() -> None:
    out = coach("say", "squat 3x8 100kg", db="postgresql://coach:s3cret@127.0.0.1:1/coach")
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1
    assert "can't open the database" in out.stderr
    assert "s3cret" not in out.stderr


def test_default_database_is_created_on_first_run(tmp_path: Path) -> None:
    out = coach("say", "squat 3x8 100kg", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "data" / "coach.db").exists()


def test_db_upgrade_is_idempotent(sqlite_db: str) -> None:
    assert coach("db", "upgrade", db=sqlite_db).returncode == 0
    assert coach("db", "upgrade", db=sqlite_db).returncode == 0


def test_chat_through_pipes(sqlite_db: str) -> None:
    out = coach("chat", db=sqlite_db, input="squat 3x8 100kg\n/undo\n1\n/plan\n")
    assert out.returncode == 0, out.stderr
    assert "102.5 kg" in out.stdout
    assert "1) Yes, undo" in out.stdout
    assert "Undone" in out.stdout
    assert "No lifts logged" in out.stdout


def test_chat_in_a_terminal(sqlite_db: str) -> None:
    """Drive `coach chat` through a pseudo-terminal, typing as a person would."""
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes `coach chat`
        os.execv(COACH, [COACH, "--db", sqlite_db, "chat"])
    transcript = b""

    def read_until(marker: bytes, timeout: float = 30) -> None:
        nonlocal transcript
        deadline = time.monotonic() + timeout
        while marker not in transcript and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    transcript += os.read(fd, 4096)
                except OSError:
                    break
        assert marker in transcript, transcript.decode(errors="replace")

    try:
        read_until(b"you> ")
        os.write(fd, b"hello\r")
        read_until(b"kilograms or pounds")
        os.write(fd, b"2\r")  # the numbered choice "lb"
        read_until(b"timezone")
        os.write(fd, b"squat 3x8 225\r")
        read_until(b"230 lb")
        os.write(fd, b"/quit\r")
        read_until(b"Bye!")
    finally:
        os.close(fd)
        os.waitpid(pid, 0)


async def test_import_exit_status_says_whether_the_file_was_read(
    db_url: str, tmp_path: Path
) -> None:
    """`coach import`: 1 for a file it can't read, 0 once imported and for a re-import."""
    good = Path(__file__).parent / "fixtures" / "hevy.csv"
    broken = tmp_path / "hevy.csv"
    broken.write_bytes(good.read_bytes()[:-40])  # cut short: line 7 is missing columns

    refused = await asyncio.to_thread(coach, "import", str(broken), db=db_url)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "couldn't import hevy.csv" in refused.stdout
    imported = await asyncio.to_thread(coach, "import", str(good), db=db_url)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Imported 2 workouts with 6 sets" in imported.stdout
    again = await asyncio.to_thread(coach, "import", str(good), db=db_url)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "already in your history, so nothing changed" in again.stdout
