"""Every real Strong and Hevy export in ../shared/fixtures/exports imports with its counts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.messages import Attachment
from storage.models import Message, StrengthSet
from tests.conftest import ChatUser

EXPORTS = Path(__file__).parents[1].parent / "shared/fixtures/exports"
NOT_SETS = {"rest timer", "note", "notes"}


def expected_counts(data: bytes) -> tuple[int, int]:
    """Count workouts and sets straight from the CSV, independently of the importer."""
    text = data.decode("utf-8-sig")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    if "exercise_title" in rows[0]:  # Hevy
        workouts = {(r["start_time"], r["title"]) for r in rows}
        return len(workouts), len(rows)
    sets = [r for r in rows if (r.get("Set Order") or "").strip().lower() not in NOT_SETS]
    workouts = {(r.get("Workout #"), r["Date"], r["Workout Name"]) for r in sets}
    return len(workouts), len(sets)


# Real exports with no unit column whose loads read as absurd in kg: the coach asks first.
ASKED = {"strong-comma.csv"}


@pytest.mark.fixtures_export
@pytest.mark.skipif(not EXPORTS.is_dir(), reason=f"{EXPORTS} is not here")
async def test_every_real_export_imports_with_its_counts(service, engine: AsyncEngine) -> None:
    files = sorted(EXPORTS.glob("*.csv"))
    assert files
    total_workouts = total_sets = 0
    for path in files:
        data = path.read_bytes()
        workouts, sets = expected_counts(data)
        user = ChatUser(service, path.stem)
        reply = await user.say("", attachment=Attachment(path.name, data, "text/csv"))
        lb = [c.data for r in user.replies for c in r.choices if c.label == "Read as lb"]
        if lb:  # a file in pounds with no unit column (strong-comma.csv): asked, then lb
            assert path.name in ASKED, path.name
            reply = await user.say(lb[0], is_callback=True)
        assert f"Imported {workouts} workouts with {sets} sets" in reply, (path.name, reply)
        async with engine.connect() as conn:
            stored = (
                await conn.execute(select(func.count()).select_from(StrengthSet))
            ).scalar_one()
            imported = (
                await conn.execute(
                    select(func.count()).select_from(Message).where(Message.platform == "import")
                )
            ).scalar_one()
        total_workouts, total_sets = total_workouts + workouts, total_sets + sets
        assert (imported, stored) == (total_workouts, total_sets), path.name
        again = await user.say("", attachment=Attachment(path.name, data, "text/csv"))
        assert "nothing changed" in again, path.name
