"""Charts: PNGs a phone can read, drawn from the person's own history."""

from __future__ import annotations

import io
from datetime import date, timedelta

from PIL import Image

from core.history.charts import SIZE_PX, lift_chart, week_chart
from core.history.series import dose_series, lift_series
from core.ports import StoredCardio, StoredSet
from tests.conftest import ChatUser


def _png_size(data: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG"
    return image.size


def _set(day: date, reps: int, weight: float, exercise: str = "squat") -> StoredSet:
    return StoredSet(exercise, day, 1, reps, weight, "kg", weight, False, None, 1)


def test_lift_series_has_one_point_per_session_with_epley_and_top_load() -> None:
    monday = date(2026, 11, 2)
    sets = [_set(monday, 8, 100), _set(monday, 8, 100), _set(monday, 5, 90)]
    sets += [_set(monday + timedelta(days=3), 5, 110)]
    series = lift_series(sets, "Squat", "kg")
    assert [(p.day, p.e1rm, p.top) for p in series.points] == [
        (monday, 126.7, 100),  # 100 x (1 + 8/30)
        (monday + timedelta(days=3), 128.3, 110),
    ]


def test_lift_series_converts_to_the_users_units() -> None:
    series = lift_series([_set(date(2026, 11, 2), 1, 100)], "Squat", "lb")
    assert series.points[0].top == 220.462


def test_dose_series_covers_twelve_weeks_ending_this_week() -> None:
    today = date(2026, 11, 25)
    sets = [_set(date(2026, 11, 23), 8, 100), _set(date(2026, 11, 24), 8, 100)]
    cardio = [StoredCardio("zone2", None, date(2026, 11, 23), 50, None)]
    series = dose_series(today, sets, cardio)
    assert len(series.weeks) == 12
    assert series.weeks[-1].week_start == date(2026, 11, 23)
    assert (series.weeks[-1].resistance_sessions, series.weeks[-1].zone2_minutes) == (2, 50)
    assert all(w.resistance_sessions == 0 for w in series.weeks[:-1])


def test_charts_are_square_pngs_for_a_phone() -> None:
    series = lift_series([_set(date(2026, 11, 2), 8, 100)], "Squat", "kg", False,
                         date(2026, 11, 5), 102.5)  # fmt: skip
    assert _png_size(lift_chart(series)) == SIZE_PX
    weeks = dose_series(date(2026, 11, 25), [], [])
    assert _png_size(week_chart(weeks)) == SIZE_PX


async def test_chart_command_draws_the_users_own_lift(ann: ChatUser, bob: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-16T18:00")
    await ann.say("squat 3x8 102.5kg", at="2026-11-19T18:00")
    await bob.say("squat 3x5 180kg", at="2026-11-19T18:00")
    text = await ann.say("/chart squat", at="2026-11-20T09:00")
    assert "2 sessions" in text
    assert "estimated max 129.8 kg" in text  # 102.5 x (1 + 8/30)
    assert "next 105 kg" in text
    image = ann.replies[0].image
    assert image is not None
    assert _png_size(image) == SIZE_PX


async def test_chart_week_and_unknown_lifts(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-16T18:00")
    await ann.say("zone 2 45 min", at="2026-11-17T18:00")
    text = await ann.say("/chart week", at="2026-11-20T09:00")
    assert "45 Zone 2 minutes" in text
    assert ann.replies[0].image is not None
    assert "No xyzzy logged yet" in await ann.say("/chart xyzzy")
    assert "nothing to chart" in await ann.say("/chart deadlift")


async def test_one_session_is_one_and_a_zero_load_marks_no_next(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-16T18:00")
    text = await ann.say("/chart squat", at="2026-11-17T09:00")
    assert text == "Squat: 1 session, latest estimated max 126.7 kg, next 102.5 kg."
    await ann.say("bench 3x8 0", at="2026-11-16T18:30")
    bench = await ann.say("/chart bench", at="2026-11-17T09:01")
    assert bench.startswith("Bench press: 1 session")
    assert "next" not in bench
