"""Charts and files in the terminal: `coach say`, `coach chat` and `coach chart` write them
to a folder (`--files`, default ./coach-files) and say where; nothing is overwritten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_cli import coach

PNG = b"\x89PNG\r\n\x1a\n"
AT = "2026-11-30T10:00"  # a new person's timezone is UTC: the files are dated 2026-11-30
CSV_HEADER = "workout_start,workout_name,day,exercise,exercise_name,set_order,set_kind,reps,"


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'coach.db'}"
    logged = coach("say", "--at", "2026-11-27T18:00", "squat 3x8 100kg", db=url)
    assert logged.returncode == 0, logged.stderr
    return url


def test_a_chart_asked_with_say_is_saved_in_coach_files_and_its_path_printed(
    db: str, tmp_path: Path
) -> None:
    out = coach("say", "--at", AT, "/chart squat", db=db, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Squat: 1 session" in out.stdout
    assert "📈 Chart saved: coach-files/chart-squat-2026-11-30.png" in out.stdout
    assert "not shown" not in out.stdout
    assert (tmp_path / "coach-files" / "chart-squat-2026-11-30.png").read_bytes()[:8] == PNG


def test_export_with_say_writes_the_csv_and_the_json(db: str, tmp_path: Path) -> None:
    files = tmp_path / "my files"
    out = coach("say", "--files", str(files), "--at", AT, "/export", db=db)
    assert out.returncode == 0, out.stderr
    csv_path, json_path = (
        files / "coach-sets-2026-11-30.csv",
        files / "coach-everything-2026-11-30.json",
    )
    assert f"📄 File saved: {csv_path}" in out.stdout
    assert f"📄 File saved: {json_path}" in out.stdout
    rows = csv_path.read_text().splitlines()
    assert rows[0].startswith(CSV_HEADER)
    assert len(rows) == 4  # the header and three sets of squat
    assert json.loads(json_path.read_text())


def test_a_file_already_there_is_never_overwritten(db: str, tmp_path: Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    mine = files / "chart-squat-2026-11-30.png"
    mine.write_bytes(b"my own picture")
    for n in (2, 3):
        out = coach("say", "--files", str(files), "--at", AT, "/chart squat", db=db)
        assert out.returncode == 0, out.stderr
        assert f"Chart saved: {files / f'chart-squat-2026-11-30-{n}.png'}" in out.stdout
    assert mine.read_bytes() == b"my own picture"
    assert (files / "chart-squat-2026-11-30-3.png").read_bytes()[:8] == PNG


def test_a_folder_that_cannot_be_made_is_said_in_the_reply_and_exits_1(
    db: str, tmp_path: Path
) -> None:
    (tmp_path / "a file").write_text("not a folder")
    out = coach("say", "--files", str(tmp_path / "a file" / "sub"), "/chart squat", db=db)
    assert out.returncode == 1
    assert "Squat: 1 session" in out.stdout  # the answer still comes
    [said] = [line for line in out.stdout.splitlines() if "not saved" in line]
    assert "can't create the folder" in said
    assert "--files" in said
    assert "Traceback" not in out.stdout + out.stderr


def test_a_reply_without_a_file_makes_no_folder(db: str, tmp_path: Path) -> None:
    out = coach("say", "/plan", db=db, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert not (tmp_path / "coach-files").exists()


def test_chat_saves_the_chart_and_the_export_in_the_files_folder(db: str, tmp_path: Path) -> None:
    files = tmp_path / "out"
    out = coach("chat", "--files", str(files), db=db, input="/chart squat\n/export\n")
    assert out.returncode == 0, out.stderr
    saved = sorted(p.name for p in files.iterdir())
    assert [re.sub(r"-\d{4}-\d{2}-\d{2}\.\w+$", "", name) for name in saved] == [
        "chart-squat",
        "coach-everything",
        "coach-sets",
    ]
    for name in saved:
        assert f"saved: {files / name}" in out.stdout


def test_coach_chart_writes_the_png_asked_for(db: str, tmp_path: Path) -> None:
    output = tmp_path / "squat.png"
    out = coach("chart", "squat", "--output", str(output), "--at", AT, db=db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"📈 Chart saved: {output}"
    assert output.read_bytes()[:8] == PNG


def test_coach_chart_week_goes_to_coach_files_by_default(db: str, tmp_path: Path) -> None:
    out = coach("chart", "week", "--at", AT, db=db, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "📈 Chart saved: coach-files/chart-week-2026-11-30.png"
    assert (tmp_path / "coach-files" / "chart-week-2026-11-30.png").read_bytes()[:8] == PNG


@pytest.mark.parametrize(
    ("what", "said"),
    [("bench", "No bench press logged yet"), ("frobnicate", "frobnicate")],
    ids=["nothing logged", "unknown exercise"],
)
def test_coach_chart_with_nothing_to_draw_is_one_line_exit_1(
    db: str, tmp_path: Path, what: str, said: str
) -> None:
    out = coach("chart", what, db=db, cwd=tmp_path)
    assert out.returncode == 1
    assert out.stdout == ""
    [line] = out.stderr.splitlines()
    assert said in line
    assert not (tmp_path / "coach-files").exists()


def test_coach_chart_to_an_unwritable_place_is_one_line_exit_1(db: str, tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("not a folder")
    out = coach("chart", "squat", "--output", str(tmp_path / "a file" / "x.png"), db=db)
    assert out.returncode == 1
    [line] = out.stderr.splitlines()
    assert line.startswith("coach: can't write")
