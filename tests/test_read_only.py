"""A read-only database still answers what needs no write, and says plainly it saves nothing.

Opened read-only through the URL (`mode=ro`): chmod alone can't stop root, who runs these.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import coach

SAVED = "is read-only: answering from what is stored, nothing is saved."


@pytest.fixture
def read_only(tmp_path: Path) -> str:
    path = tmp_path / "coach.db"
    db = f"sqlite:///{path}"
    assert coach("say", "--at", "2026-11-30T18:00", "squat 3x8 100kg", db=db).returncode == 0
    return f"sqlite:///file:{path}?mode=ro&uri=true"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("/plan", "• Squat 3×8 @ 102.5 kg (progress)"),
        ("/plan all", "• Squat 3×8 @ 102.5 kg (progress)"),
        ("/week", "⬜ Resistance sessions: 1 (target 2–3) under"),
        ("/ask how heavy should I lift?", "70–85% of the most you could lift once"),
        ("is once a week enough?", "Once a week is far better than none"),
    ],
)
def test_read_only_commands_are_answered(read_only: str, text: str, shown: str) -> None:
    out = coach("say", "--at", "2026-12-01T08:00", text, db=read_only)
    assert out.returncode == 0, out.stderr
    assert shown in out.stdout
    assert SAVED in out.stderr
    assert "Traceback" not in out.stderr


def test_a_log_is_refused_in_one_line_and_nothing_changes(read_only: str) -> None:
    out = coach("say", "--at", "2026-12-01T08:00", "bench 3x8 60kg", db=read_only)
    assert out.returncode == 1
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    assert "read-only, so nothing could be saved" in out.stderr
    plan = coach("say", "--at", "2026-12-01T08:00", "/plan all", db=read_only).stdout
    assert "Bench" not in plan


def test_someone_unknown_is_told_there_is_nothing_yet(read_only: str) -> None:
    out = coach("--user", "bob", "say", "/plan", db=read_only)
    assert (out.returncode, out.stdout) == (0, "Nothing logged yet.\n")
