"""An export that names no unit and reads as absurd in kg asks "pounds?" before storing.

Found in testing: a Strong export in pounds, sent by someone whose /units is kg, came in
as a 200 kg bench and a 552.5 kg leg press, with no question.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.history.import_file import read_export
from core.history.import_units import too_heavy_in_kg
from core.history.import_values import ReadExport
from core.messages import Attachment
from storage.models import Message, StrengthSet
from storage.pending_imports import PendingImportRow
from tests.conftest import ChatUser

FIXTURES = Path(__file__).parent / "fixtures"
EXPORTS = Path(__file__).parents[1].parent / "shared/fixtures/exports"
KG_IN_LB = 2.2046
ASKED = "They look like pounds: read them as lb?"
AFTER = "2021-07-10T10:00"  # the day after the fixture's last workout, for /history


def in_pounds(name: str, column: str = "Weight") -> bytes:
    """Return a fixture with its loads written in pounds (×2.2046, to the nearest 2.5)."""
    rows = list(csv.DictReader(io.StringIO((FIXTURES / name).read_text())))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if row[column]:
            row[column] = f"{round(float(row[column]) * KG_IN_LB / 2.5) * 2.5:g}"
        writer.writerow(row)
    return out.getvalue().encode()


LB_STRONG = in_pounds("strong_comma.csv")  # squat 185 → 407.5, the file says no unit


async def send(user: ChatUser, name: str, data: bytes) -> str:
    return await user.say("", attachment=Attachment(name, data, "text/csv"))


async def ask(user: ChatUser, data: bytes = LB_STRONG) -> dict[str, str]:
    """Send a file that is asked about; return its buttons' data by label."""
    reply = await send(user, "strong.csv", data)
    assert ASKED in reply
    return {c.label: c.data for r in user.replies for c in r.choices}


async def tap(user: ChatUser, data: str) -> str:
    return await user.say(data, at=AFTER, is_callback=True)


async def count(engine: AsyncEngine, model: type, **where: object) -> int:
    async with engine.connect() as conn:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return (await conn.execute(query)).scalar_one()


async def units_stored(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as conn:
        return set((await conn.execute(select(StrengthSet.unit))).scalars())


async def test_a_strong_export_in_pounds_asks_and_stores_nothing(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    reply = await send(ann, "strong.csv", LB_STRONG)
    assert ASKED in reply
    assert "squat mostly 407.5" in reply
    assert [c.label for r in ann.replies for c in r.choices] == [
        "Read as lb",
        "Read as kg",
        "Cancel",
    ]
    assert await count(engine, StrengthSet) == 0
    assert await count(engine, Message, platform="import") == 0


async def test_tapping_lb_imports_the_loads_in_pounds_once(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    buttons = await ask(ann)
    answer = await tap(ann, buttons["Read as lb"])
    assert "Imported 2 workouts with 5 sets" in answer
    assert "Weights were read as lb, as you said." in answer
    assert await units_stored(engine) == {"lb"}
    history = await ann.say("/history squat", at=AFTER)
    assert "407.5 lb" in history
    assert "kg" not in history
    again = await tap(ann, buttons["Read as lb"])
    assert "isn't waiting any more" in again
    assert await count(engine, StrengthSet) == 5
    assert await count(engine, Message, platform="import") == 2
    assert await count(engine, PendingImportRow) == 0


async def test_tapping_kg_imports_as_written_and_lb_after_it_changes_nothing(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    buttons = await ask(ann)
    assert "Imported 2 workouts with 5 sets" in await tap(ann, buttons["Read as kg"])
    assert await units_stored(engine) == {"kg"}
    assert "isn't waiting any more" in await tap(ann, buttons["Read as lb"])
    assert await units_stored(engine) == {"kg"}
    assert await count(engine, StrengthSet) == 5


async def test_cancel_imports_nothing_and_lets_the_file_go(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    buttons = await ask(ann)
    assert "nothing imported from strong.csv" in await tap(ann, buttons["Cancel"])
    assert "isn't waiting any more" in await tap(ann, buttons["Read as lb"])
    assert await count(engine, StrengthSet) == 0
    assert await count(engine, PendingImportRow) == 0


async def test_the_same_file_again_after_the_answer_is_not_asked_again(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    buttons = await ask(ann)
    await tap(ann, buttons["Read as lb"])
    again = await send(ann, "strong.csv", LB_STRONG)
    assert ASKED not in again
    assert "already in your history, so nothing changed" in again
    assert await count(engine, StrengthSet) == 5


async def test_someone_elses_tap_is_refused_and_imports_nothing(
    ann: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    buttons = await ask(ann)
    refused = await tap(bob, buttons["Read as lb"])
    assert "for someone else" in refused
    assert await count(engine, StrengthSet) == 0
    assert "Imported 2 workouts" in await tap(ann, buttons["Read as lb"])


async def test_a_plausible_kg_file_imports_without_a_question(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    reply = await send(ann, "strong.csv", (FIXTURES / "strong_comma.csv").read_bytes())
    assert ASKED not in reply
    assert "Imported 2 workouts with 5 sets" in reply
    assert not [c for r in ann.replies for c in r.choices]
    assert await units_stored(engine) == {"kg"}


async def test_a_hevy_file_in_weight_lbs_never_asks(ann: ChatUser, engine: AsyncEngine) -> None:
    heavy = in_pounds("hevy_lbs.csv", "weight_lbs")  # bench 297.5 lb: absurd if it were kg
    reply = await send(ann, "hevy.csv", heavy)
    assert ASKED not in reply
    assert "Imported 1 workout with 3 sets" in reply
    assert await units_stored(engine) == {"lb"}


async def test_a_strong_file_with_a_pounds_column_never_asks(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    text = LB_STRONG.decode().replace("Weight,", "Weight (lbs),", 1)
    reply = await send(ann, "strong.csv", text.encode())
    assert ASKED not in reply
    assert "Imported 2 workouts with 5 sets" in reply
    assert await units_stored(engine) == {"lb"}


def _read(data: bytes) -> ReadExport:
    found = read_export(data, "kg")
    assert isinstance(found, ReadExport), found
    return found


@pytest.mark.parametrize(
    ("name", "too_heavy"),
    [
        # albTian/strong-export-parser: a real Strong export in pounds, no unit column.
        ("strong-comma.csv", ["bench_press", "deadlift", "squat"]),  # leg press: 360
        # Real kg exports, and Hevy's weight_kg: nothing out of the ordinary.
        ("strong-comma-2024.csv", []),
        ("strong-2016.csv", []),
        ("strong-android-semicolon.csv", []),
        ("hevy-sample.csv", []),
    ],
)
def test_the_rule_on_real_exports(name: str, too_heavy: list[str]) -> None:
    path = EXPORTS / name
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    assert [h.exercise for h in too_heavy_in_kg(_read(path.read_bytes()))] == too_heavy


async def test_the_pending_imports_table_matches_the_migration(engine: AsyncEngine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    def diff(connection):  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(connection)
        found = compare_metadata(context, SQLModel.metadata)
        return [d for d in found if "pending_imports" in repr(d)]

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_a_strong_file_whose_column_says_kg_is_never_asked_about(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    text = LB_STRONG.decode().replace("Weight,", "Weight (kg),", 1)  # its word, not ours
    reply = await send(ann, "strong.csv", text.encode())
    assert ASKED not in reply
    assert "Imported 2 workouts with 5 sets" in reply
    assert await units_stored(engine) == {"kg"}


async def test_export_and_delete_include_a_waiting_file(ann: ChatUser, engine: AsyncEngine) -> None:
    await ask(ann)
    await ann.say("/export", at=AFTER)
    assert {r.file.filename.rsplit(".", 1)[1] for r in ann.replies if r.file} == {"csv", "json"}
    await ann.say("/delete", at=AFTER)
    yes = ann.replies[0].choices[0]
    await ann.say(yes.data, at=AFTER, is_callback=True)
    assert "Everything I held about you is deleted" in ann.replies[0].text
    assert await count(engine, PendingImportRow) == 0


def test_coach_import_asks_for_units_it_cannot_tap_and_units_answers(tmp_path: Path) -> None:
    """A one-shot `coach import` can't tap "Read as lb": it says so, imports nothing and
    exits 1; `--units lb` answers as the button does."""
    from tests.test_cli import coach

    db = f"sqlite:///{tmp_path / 'coach.db'}"
    export = tmp_path / "strong.csv"
    export.write_bytes(LB_STRONG)
    asked = coach("import", str(export), db=db)
    assert asked.returncode == 1
    assert ASKED in asked.stdout
    assert asked.stdout.rstrip().endswith("run it again with --units lb or --units kg.")
    assert "Imported" not in asked.stdout
    read = coach("import", str(export), "--units", "lb", db=db)
    assert read.returncode == 0, read.stdout + read.stderr
    assert "Imported 2 workouts with 5 sets" in read.stdout
    assert "Weights were read as lb, as you said." in read.stdout
    history = coach("say", "--at", AFTER, "/history squat", db=db).stdout
    assert "407.5 lb" in history
