"""Numbers past what the parser can log are refused with a problem, never read as others.

`1e308` read digit by digit is 1, `inf` and `nan` are floats no one lifts, and a heart rate
too long to be real used to be dropped: each is now a question back, and nothing is logged.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from core.recording.parser import parse
from tests.conftest import ChatUser

# (what was typed, what the problem quotes back)
REFUSED = [
    ("pull ups 3x8 bw+1e308", "1e308"),
    ("pull ups 3x8 +1e308kg", "1e308"),
    ("dips 3x8 bw+1E308", "1e308"),
    ("squat 3x8 1e308kg", "1e308"),
    ("squat 3x8 1.5e2kg", "1.5e2"),
    ("squat 1e2x5", "1e2"),
    ("squat 3x1e308 100kg", "1e308"),
    ("squat 3 sets of 1e3 reps 100kg", "1e3"),
    ("bench 80kg 8,8,1e3", "1e3"),
    ("squat 100x5, 1e308x5", "1e308"),
    ("squat 3x8 100kg @rpe 1e308", "1e308"),
    ("squat 3x8 100kg, 1e308 rpe", "1e308"),
    ("squat 3x8 100kg 1e3 rir", "1e3"),
    ("squat 3x8 inf kg", "inf"),
    ("squat 3x8 infinity kg", "infinity"),
    ("squat 3x8 ∞kg", "∞"),
    ("squat infx8 100kg", "inf"),
    ("squat 3xnan 100kg", "nan"),
    ("squat 3x8 100kg @rpe nan", "nan"),
    ("squat 3x8 100kg @rpe inf", "inf"),
    ("pull ups 3x8 bw+inf", "inf"),
    ("zone 2 45 min avg hr 1e308", "1e308"),
    ("zone 2 1e3 min", "1e3"),
    ("zone 2 inf min", "inf"),
    ("zone 2 nan min", "nan"),
    ("run 5km in 1e308 min", "1e308"),
    ("intervals 1e3x1min hard, 20 min total", "1e3"),
]

# Huge numbers written out in digits: asked about with the limits already in place.
HUGE = [
    ("squat 3x8 99999999999999999999999999kg", "over a billion"),
    ("pull ups 3x8 bw+99999999999999999999999999", "over a billion"),
    ("squat 99999999999x8 100kg", "over a billion"),
    ("squat 3x99999999999 100kg", "over a billion"),
    ("squat 3x8 100kg @rpe 99999999999", "over a billion"),
    ("zone 2 99999999999 min", "over a billion"),
    ("zone 2 45 min avg hr 99999999999", "over a billion"),
]

# Still read as before: nothing here is a number out of bounds.
KEPT = [
    "squat 3x8 100kg",
    "pull ups 3x8 bw+10",
    "squat 3x8 100kg rpe 8",
    "squat 3x8 100kg with my nan watching",
    "zone 2 45 min avg hr 128",
]


@pytest.mark.parametrize(("typed", "quoted"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_number_no_one_logs_is_refused_with_a_problem(typed: str, quoted: str) -> None:
    result = parse(typed, "kg")
    assert result.entries == ()
    assert result.ambiguities == ()
    [problem] = result.problems
    assert problem.kind == "implausible"
    assert f"`{quoted}`" in problem.message
    assert "Check the numbers, e.g. `" in problem.message


@pytest.mark.parametrize(("typed", "says"), HUGE, ids=[r[0] for r in HUGE])
def test_a_huge_number_is_refused_never_clamped(typed: str, says: str) -> None:
    result = parse(typed, "kg")
    assert result.entries == ()
    [problem] = result.problems
    assert problem.kind == "implausible"
    assert says in problem.message.lower()  # at a sentence's start: `Over a billion kg`


@pytest.mark.parametrize("typed", KEPT)
def test_ordinary_logs_beside_these_words_are_still_read(typed: str) -> None:
    result = parse(typed, "kg")
    assert result.problems == ()
    assert len(result.entries) == 1


async def test_bw_plus_1e308_is_answered_and_nothing_is_recorded(
    ann: ChatUser, engine: AsyncEngine
) -> None:
    reply = await ann.say("pull ups 3x8 bw+1e308")
    assert "`1e308`" in reply
    assert "❓ Not recorded" in reply
    async with engine.connect() as conn:
        sets = (await conn.execute(text("SELECT count(*) FROM strength_sets"))).scalar_one()
    assert sets == 0
