"""Zone 2 by heart rate: the person's range from age, the log reply's line, and /week.

Expected numbers were worked out by hand before the code: Tanaka's 208 − 0.7 × age for
the maximum, Zone 2 at 60–70% of it (the article), each rounded half up.
"""

from __future__ import annotations

import pytest

from core.coaching.heart_rate import Zone2Range, zone2_for, zone2_position
from tests.conftest import ChatUser

ABOVE_ADVICE = "slow down until you can talk in full sentences; walk the hills"
AGE_HINT = "/profile age 62"


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (18, Zone2Range(195, 117, 137)),  # max 195.4; 117.24–136.78
        (30, Zone2Range(187, 112, 131)),  # max 187.0; 112.2–130.9
        (40, Zone2Range(180, 108, 126)),
        (55, Zone2Range(170, 102, 119)),  # max 169.5; 101.7–118.65
        (62, Zone2Range(165, 99, 115)),  # max 164.6; 98.76–115.22
        (70, Zone2Range(159, 95, 111)),  # max 159.0; 95.4–111.3
        (100, Zone2Range(138, 83, 97)),  # max 138.0; 82.8–96.6
        (17, None),  # outside the ages the estimate is given for
        (101, None),
        (None, None),
    ],
)
def test_zone2_range_by_age(age: int | None, expected: Zone2Range | None) -> None:
    assert zone2_for(age) == expected


@pytest.mark.parametrize(
    ("avg_hr", "position"),
    [(95, "below"), (101, "below"), (102, "in"), (110, "in"), (119, "in"), (120, "above")],
)
def test_where_an_average_falls_in_the_range_of_a_55_year_old(avg_hr: int, position: str) -> None:
    assert zone2_position(avg_hr, Zone2Range(170, 102, 119)) == position


@pytest.mark.parametrize(
    ("log", "says", "never"),
    [
        (
            "zone 2 45 min avg hr 132",
            f"132 bpm is above your Zone 2 (102–119): {ABOVE_ADVICE}.",
            "is in your Zone 2",
        ),
        ("zone 2 run 45 min avg hr 132", "132 bpm is above your Zone 2 (102–119)", "is in your"),
        ("zone 2 45 min avg hr 110", "110 bpm is in your Zone 2 (102–119)", ABOVE_ADVICE),
        ("Zone 2 for an hour, avg HR 119", "119 bpm is in your Zone 2 (102–119)", ABOVE_ADVICE),
        ("zone 2 45 min avg hr 95", "95 bpm is below your Zone 2 (102–119)", ABOVE_ADVICE),
        ("zone 2 45 min", "✅ Zone 2: 45 min", "bpm"),
        ("hiit 20 min avg hr 150", "✅ HIIT: 20 min, avg HR 150", "Zone 2 ("),
        ("run 45 min avg hr 150", "avg HR 150", "Zone 2 ("),
    ],
)
async def test_a_zone2_log_with_heart_rate_is_checked_against_the_range(
    ann: ChatUser, log: str, says: str, never: str
) -> None:
    await ann.say("/profile age 55")
    reply = await ann.say(log)
    assert says in reply
    assert never not in reply
    assert AGE_HINT not in reply


async def test_without_an_age_the_reply_says_once_how_to_get_the_check(ann: ChatUser) -> None:
    reply = await ann.say("zone 2 45 min avg hr 132\nzone 2 30 min avg hr 125")
    assert reply.count(AGE_HINT) == 1
    assert "bpm is" not in reply


async def test_without_a_heart_rate_nothing_is_said_about_age_or_range(ann: ChatUser) -> None:
    reply = await ann.say("zone 2 45 min")
    assert AGE_HINT not in reply
    assert "bpm" not in reply


async def test_week_counts_every_zone2_minute_and_notes_the_sessions_above_range(
    ann: ChatUser,
) -> None:
    await ann.say("/profile age 55")
    await ann.say("zone 2 45 min avg hr 132", at="2026-11-23T07:00")
    await ann.say("zone 2 50 min avg hr 125", at="2026-11-24T07:00")
    await ann.say("zone 2 40 min avg hr 110", at="2026-11-25T07:00")
    week = await ann.say("/week", at="2026-11-25T20:00")
    assert "Zone 2 sessions (135 min, 45–60 each): 3" in week
    assert "2 of 3 Zone 2 sessions with a heart rate ran above your range (102–119 bpm)" in week


async def test_week_says_nothing_of_the_range_when_every_session_was_in_it(ann: ChatUser) -> None:
    await ann.say("/profile age 55")
    await ann.say("zone 2 45 min avg hr 110", at="2026-11-23T07:00")
    await ann.say("zone 2 45 min", at="2026-11-24T07:00")
    week = await ann.say("/week", at="2026-11-25T20:00")
    assert "Zone 2 sessions (90 min, 45–60 each): 2" in week
    assert "ran above" not in week


async def test_week_without_an_age_counts_the_minutes_and_notes_nothing(ann: ChatUser) -> None:
    await ann.say("zone 2 45 min avg hr 132", at="2026-11-23T07:00")
    week = await ann.say("/week", at="2026-11-25T20:00")
    assert "Zone 2 sessions (45 min, 45–60 each): 1" in week
    assert "ran above" not in week
