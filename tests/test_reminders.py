"""Reminder rules without a database: /remind arguments, fire times across DST, ping texts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from core.coaching.heart_rate import zone2_range
from core.reminders.remind_syntax import Invalid, SetDefaults, SetReminder, TurnOff, parse_remind
from core.reminders.schedule import (
    Schedule,
    following_fire,
    is_late,
    next_fire,
    next_week_fire,
    upcoming,
)
from core.reminders.texts import nudge_text, resistance_text, zone2_text

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("resistance mon,thu 18:00", SetReminder("resistance", (MON, THU), 18, 0)),
        ("zone2 tue wed sat 07:30", SetReminder("zone2", (TUE, WED, SAT), 7, 30)),
        ("hiit fri 07:00", SetReminder("hiit", (FRI,), 7, 0)),
        ("Zone 2 Tuesday, Saturday at 7:30", SetReminder("zone2", (TUE, SAT), 7, 30)),
        ("strength monday thursday 6pm", SetReminder("resistance", (MON, THU), 18, 0)),
        ("hiit fri 7 am", SetReminder("hiit", (FRI,), 7, 0)),
        ("zone2 mon-wed 06.45", SetReminder("zone2", (MON, TUE, WED), 6, 45)),
        ("zone2 fri-mon 12:00", SetReminder("zone2", (MON, FRI, SAT, SUN), 12, 0)),
        ("resistance 18:00 weekdays", SetReminder("resistance", (0, 1, 2, 3, 4), 18, 0)),
        ("summary sun 19:00", SetReminder("weekly-summary", (SUN,), 19, 0)),
        ("off zone2", TurnOff("zone2")),
        ("off", TurnOff(None)),
        ("stop all", TurnOff(None)),
        ("defaults", SetDefaults()),
    ],
)
def test_remind_arguments(args: str, expected: object) -> None:
    assert parse_remind(args) == expected


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ("", "/remind resistance mon,thu 18:00"),
        ("yoga mon 18:00", "don't know the reminder 'yoga'"),
        ("resistance 18:00", "On which days?"),
        ("resistance mon", "At what time?"),
        ("resistance mon 25:00", "couldn't read '25:00'"),
        ("resistance mon 18", "couldn't read '18'"),
        ("resistance mon 13pm", "couldn't read '13pm'"),
        ("resistance mon 18:00 19:00", "One time per reminder"),
        ("off yoga", "Which reminder?"),
    ],
)
def test_remind_arguments_that_are_refused(args: str, says: str) -> None:
    request = parse_remind(args)
    assert isinstance(request, Invalid)
    assert says in request.message


def schedule(days: tuple[int, ...], hour: int, minute: int, tz: str, kind="resistance") -> Schedule:  # type: ignore[no-untyped-def]
    return Schedule(1, kind, days, hour, minute, tz, "test", "ann")


def local_fires(s: Schedule, start: datetime, count: int) -> list[datetime]:
    fires, at = [], start
    for _ in range(count):
        fire = next_fire(s, at)
        fires.append(fire)
        at = fire + timedelta(seconds=1)
    return [f.astimezone(ZoneInfo(s.timezone)) for f in fires]


@pytest.mark.parametrize(
    ("tz", "start", "offsets"),
    [
        # Berlin springs forward on Sun 29 Mar 2026 and falls back on Sun 25 Oct 2026.
        ("Europe/Berlin", "2026-03-16", [1, 1, 2, 2]),
        ("Europe/Berlin", "2026-10-12", [2, 2, 1, 1]),
        # New York springs forward on Sun 8 Mar 2026 and falls back on Sun 1 Nov 2026.
        ("America/New_York", "2026-02-23", [-5, -5, -4, -4]),
        ("America/New_York", "2026-10-19", [-4, -4, -5, -5]),
    ],
)
def test_a_monday_1800_ping_stays_at_1800_local_across_dst(
    tz: str, start: str, offsets: list[int]
) -> None:
    s = schedule((MON,), 18, 0, tz)
    fires = local_fires(s, datetime.fromisoformat(start).replace(tzinfo=UTC), 4)
    assert [(f.weekday(), f.hour, f.minute) for f in fires] == [(MON, 18, 0)] * 4
    assert [f.utcoffset() // timedelta(hours=1) for f in fires] == offsets  # type: ignore[operator]
    gaps = {b - a for a, b in pairwise(fires)}
    assert gaps == {timedelta(days=7)}  # calendar weeks, whatever the UTC hours


def test_next_fire_is_in_utc_and_never_before_now() -> None:
    s = schedule((MON, THU), 18, 0, "Europe/Berlin")
    now = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # Mon 18:00 Berlin exactly
    assert next_fire(s, now) == now
    assert next_fire(s, now).tzinfo == UTC
    # After the Monday fire: Thursday, unless the dispatcher is so late Thursday passed too.
    assert following_fire(s, now, now + timedelta(minutes=3)) == datetime(
        2026, 11, 26, 17, 0, tzinfo=UTC
    )
    assert following_fire(s, now, now + timedelta(days=4)) == datetime(
        2026, 11, 30, 17, 0, tzinfo=UTC
    )


def test_nudge_moves_to_next_week_once_sent() -> None:
    s = schedule((THU, FRI, SAT), 12, 0, "Europe/Berlin", kind="nudge")
    thursday = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
    assert next_week_fire(s, thursday) == datetime(2026, 12, 3, 11, 0, tzinfo=UTC)


def test_a_ping_more_than_two_hours_late_is_late() -> None:
    fire = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert not is_late(fire, fire + timedelta(hours=2))
    assert is_late(fire, fire + timedelta(hours=2, seconds=1))


def test_upcoming_lists_a_week_in_local_time_without_nudges() -> None:
    tz = "Europe/Berlin"
    schedules = [
        schedule((MON, THU), 18, 0, tz),
        schedule((FRI,), 7, 0, tz, kind="hiit"),
        schedule((SUN,), 19, 0, tz, kind="weekly-summary"),
        schedule((THU, FRI, SAT), 12, 0, tz, kind="nudge"),
    ]
    start = datetime(2026, 11, 23, 0, 0, tzinfo=ZoneInfo(tz))
    found = upcoming(schedules, start, start + timedelta(days=7))
    assert [(kind, at.isoformat()) for kind, at in found] == [
        ("resistance", "2026-11-23T18:00:00+01:00"),
        ("resistance", "2026-11-26T18:00:00+01:00"),
        ("hiit", "2026-11-27T07:00:00+01:00"),
        ("weekly-summary", "2026-11-29T19:00:00+01:00"),
    ]


@pytest.mark.parametrize(("age", "bpm"), [(62, (99, 115)), (40, (108, 126)), (25, (114, 133))])
def test_zone2_range_uses_tanaka(age: int, bpm: tuple[int, int]) -> None:
    assert (zone2_range(age).low, zone2_range(age).high) == bpm
    assert f"{bpm[0]}–{bpm[1]} bpm" in zone2_text(age)
    assert "208 − 0.7 ×" in zone2_text(age)


def test_zone2_without_an_age_asks_for_it() -> None:
    text = zone2_text(None)
    assert "45–60 minutes at 60–70%" in text
    assert "/profile age" in text


def test_resistance_without_lifts_suggests_three_compound_lifts() -> None:
    text = resistance_text([])
    assert all(word in text for word in ("squat", "hinge", "push or pull"))
    assert "• Squat 3×8 @ 102.5 kg" in resistance_text(["Squat 3×8 @ 102.5 kg"])


def test_nudge_counts_what_is_missing() -> None:
    assert "1 more session in the 3 days left" in nudge_text(1, 3)
    assert "2 more sessions today" in nudge_text(0, 1)
