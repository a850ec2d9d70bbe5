"""Reminder schedules: the kinds, the article's defaults, and when each fires next.

Fire times come from APScheduler's CronTrigger in the user's IANA timezone, so a
Monday 18:00 reminder stays at 18:00 local on both sides of a DST change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from apscheduler.triggers.cron import CronTrigger

Kind = Literal["resistance", "zone2", "hiit", "walk", "weekly-summary", "nudge"]
SESSION_KINDS: tuple[Kind, ...] = ("resistance", "zone2", "hiit")
# Daily movement: a walk on top of the sessions. It brings no summary or nudge of its own.
MOVEMENT_KINDS: tuple[Kind, ...] = ("walk",)
# Set with the first session reminder, removed with the last one.
COMPANION_KINDS: tuple[Kind, ...] = ("weekly-summary", "nudge")
ALL_KINDS: tuple[Kind, ...] = SESSION_KINDS + MOVEMENT_KINDS + COMPANION_KINDS

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LATE_LIMIT = timedelta(hours=2)  # a ping found later than this is dropped, not sent
SNOOZE = timedelta(hours=1)

KIND_LABELS: dict[str, str] = {
    "resistance": "Resistance",
    "zone2": "Zone 2",
    "hiit": "HIIT",
    "walk": "Walk",
    "weekly-summary": "Weekly summary",
    "nudge": "Mid-week nudge",
}


@dataclass(frozen=True)
class Schedule:
    """One reminder of one kind for one user, on some weekdays at a local time."""

    user_id: int
    kind: Kind
    days: tuple[int, ...]  # 0 = Monday
    hour: int
    minute: int
    timezone: str
    platform: str
    external_id: str
    next_fire_at: datetime | None = None  # UTC; None while the user is paused

    @property
    def cron_days(self) -> str:
        """Return the weekdays as cron names, `mon,thu` (how a schedule row stores them)."""
        return days_text(self.days)

    @staticmethod
    def days_of(cron_days: str) -> tuple[int, ...]:
        """Return the weekdays that `cron_days` (`mon,thu`) names: its inverse."""
        return tuple(DAY_NAMES.index(name) for name in cron_days.split(",") if name)


# The article's week: resistance twice, Zone 2 three times, HIIT once; a Sunday review.
DEFAULTS: dict[Kind, tuple[tuple[int, ...], int, int]] = {
    "resistance": ((0, 3), 18, 0),
    "zone2": ((1, 2, 5), 7, 30),
    "hiit": ((4,), 7, 0),
}
COMPANIONS: dict[Kind, tuple[tuple[int, ...], int, int]] = {
    "weekly-summary": ((6,), 19, 0),
    "nudge": ((3, 4, 5), 12, 0),  # from Thursday on, at most one per week
}
# Not part of the defaults: offered when someone asks for a walk without saying when.
WALK: tuple[tuple[int, ...], int, int] = (tuple(range(7)), 12, 0)

# What the article suggests, per kind, when someone names no days: the default first.
# Resistance 2–3 times a week, Zone 2 3–4, HIIT 1–2, and some movement every day.
SUGGESTED_DAYS: dict[Kind, tuple[tuple[int, ...], ...]] = {
    "resistance": ((0, 3), (0, 2, 4)),
    "zone2": ((1, 2, 5), (1, 3, 5), (1, 2, 4, 5)),
    "hiit": ((4,), (1, 4)),
    "walk": (tuple(range(7)), tuple(range(5))),
    "weekly-summary": ((6,),),
    "nudge": ((3, 4, 5),),
}
ADVICE: dict[Kind, str] = {
    "resistance": "The article suggests resistance training 2–3 times a week.",
    "zone2": "The article suggests Zone 2 3–4 times a week.",
    "hiit": "The article suggests HIIT 1–2 times a week.",
    "walk": "The article suggests moving every day.",
}


def usual_time(kind: Kind) -> tuple[int, int]:
    """Return the hour and minute a `kind` reminder goes out at unless told otherwise."""
    _, hour, minute = {**DEFAULTS, **COMPANIONS, "walk": WALK}[kind]
    return hour, minute


def days_text(days: tuple[int, ...]) -> str:
    """Return cron weekday names: `mon,thu`."""
    return ",".join(DAY_NAMES[d] for d in sorted(set(days)))


@lru_cache(maxsize=4096)
def trigger(days: str, hour: int, minute: int, timezone: str) -> CronTrigger:
    """Return the cron trigger for weekdays `mon,thu` at hour:minute local time."""
    from apscheduler.triggers.cron import CronTrigger  # imported when a reminder is set

    return CronTrigger(day_of_week=days, hour=hour, minute=minute, timezone=ZoneInfo(timezone))


@lru_cache(maxsize=65536)
def _next_fire(days: str, hour: int, minute: int, timezone: str, not_before: datetime) -> datetime:
    fire = trigger(days, hour, minute, timezone).get_next_fire_time(None, not_before)
    assert fire is not None  # a weekly cron trigger without an end date always fires again
    return fire.astimezone(UTC)


def next_fire(schedule: Schedule, not_before: datetime) -> datetime:
    """Return the first fire instant at or after `not_before`, in UTC."""
    return _next_fire(
        schedule.cron_days, schedule.hour, schedule.minute, schedule.timezone, not_before
    )


def following_fire(schedule: Schedule, fired_at: datetime, now: datetime) -> datetime:
    """Return the fire after `fired_at` that is not in the past.

    Cached by the fire instant, so a batch of schedules due at the same minute costs
    one trigger computation per distinct schedule shape.
    """
    candidate = next_fire(schedule, fired_at + timedelta(seconds=1))
    return candidate if candidate >= now else next_fire(schedule, now)


def next_week_fire(schedule: Schedule, fired_at: datetime) -> datetime:
    """Return the first fire in the local week after the one `fired_at` falls in."""
    local = fired_at.astimezone(ZoneInfo(schedule.timezone))
    monday = (local - timedelta(days=local.weekday())).date() + timedelta(days=7)
    start = datetime(monday.year, monday.month, monday.day, tzinfo=ZoneInfo(schedule.timezone))
    return next_fire(schedule, start)


def is_late(fire_at: datetime, now: datetime) -> bool:
    return now - fire_at > LATE_LIMIT


def defaults_for(user_id: int, timezone: str, platform: str, external_id: str) -> list[Schedule]:
    """Return the article's default week of reminders in `timezone`."""
    return [
        Schedule(user_id, kind, days, hour, minute, timezone, platform, external_id)
        for kind, (days, hour, minute) in DEFAULTS.items()
    ]


def companions_for(template: Schedule) -> list[Schedule]:
    """Return the weekly summary and nudge schedules that go with any session reminder."""
    return [
        replace(template, kind=kind, days=days, hour=hour, minute=minute, next_fire_at=None)
        for kind, (days, hour, minute) in COMPANIONS.items()
    ]


def with_next_fire(schedule: Schedule, now: datetime) -> Schedule:
    return replace(schedule, next_fire_at=next_fire(schedule, now))


def upcoming(
    schedules: list[Schedule], start: datetime, end: datetime, include_nudges: bool = False
) -> list[tuple[Kind, datetime]]:
    """Return (kind, local instant) of every fire in [start, end), sorted by time."""
    found: list[tuple[Kind, datetime]] = []
    for schedule in schedules:
        if schedule.kind == "nudge" and not include_nudges:
            continue  # sent only when the week is short of resistance sessions
        zone = ZoneInfo(schedule.timezone)
        at = next_fire(schedule, start)
        while at < end:
            found.append((schedule.kind, at.astimezone(zone)))
            at = next_fire(schedule, at + timedelta(seconds=1))
    return sorted(found, key=lambda item: (item[1], ALL_KINDS.index(item[0])))


def describe(schedule: Schedule) -> str:
    """Return `Mon, Thu 18:00`."""
    return f"{days_label(schedule.days)} {schedule.hour:02d}:{schedule.minute:02d}"


def days_label(days: tuple[int, ...]) -> str:
    """Return `Mon, Thu`, or `Every day`, `Weekdays`, `Weekends`."""
    found = tuple(sorted(set(days)))
    named = {tuple(range(7)): "Every day", tuple(range(5)): "Weekdays", (5, 6): "Weekends"}
    return named.get(found) or ", ".join(DAY_NAMES[d].capitalize() for d in found)
