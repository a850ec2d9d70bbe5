"""Composing a due ping from the person's training: today's plan, the week's dose.

The claim reads a whole batch's sets and cardio in two queries and hands each ping a
`Prefetched` view, so composing a ping needs no query of its own; `data_need` says
which days a ping's text is built from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.coaching.commands import week_text
from core.coaching.dose import lookback_start, week_bounds, weekly_dose
from core.coaching.planning import PLAN_WINDOW, recent_plans
from core.coaching.program import decode
from core.coaching.progression import INTENSITY_LOOKBACK
from core.coaching.session import program_plans, training_days
from core.formatting import plan_line
from core.ports import StoredCardio, StoredSet
from core.reminders.dispatch_ports import Recipient
from core.reminders.texts import (
    RESISTANCE_TARGET,
    hiit_text,
    nudge_text,
    resistance_text,
    summary_text,
    walk_text,
    zone2_text,
)


@dataclass(frozen=True)
class DataNeed:
    """The days of sets (and cardio) a ping's text is built from."""

    since: date
    until: date
    cardio: bool


def local_day(fire_at: datetime, timezone: str) -> date:
    return fire_at.astimezone(ZoneInfo(timezone)).date()


def data_need(kind: str, day: date) -> DataNeed | None:
    """Return what `kind` needs on `day`, or None for a ping that needs no history."""
    if kind == "resistance":
        return DataNeed(day - PLAN_WINDOW - INTENSITY_LOOKBACK, day, False)
    if kind in ("weekly-summary", "nudge"):
        start, end = week_bounds(day)
        return DataNeed(lookback_start(start), end, True)
    return None


class Prefetched:
    """A batch's sets and cardio, fetched together and read per person from memory."""

    def __init__(
        self, sets: Iterable[tuple[int, StoredSet]], cardio: Iterable[tuple[int, StoredCardio]]
    ):
        self._sets: dict[int, list[StoredSet]] = defaultdict(list)
        self._cardio: dict[int, list[StoredCardio]] = defaultdict(list)
        for user_id, s in sets:
            self._sets[user_id].append(s)
        for user_id, c in cardio:
            self._cardio[user_id].append(c)

    def sets(self, user_id: int, since: date, until: date) -> list[StoredSet]:
        return [s for s in self._sets.get(user_id, ()) if since <= s.day <= until]

    def cardio(self, user_id: int, since: date, until: date) -> list[StoredCardio]:
        return [c for c in self._cardio.get(user_id, ()) if since <= c.day <= until]

    def trained_on(self, user_id: int, day: date) -> bool:
        """Return whether a strength set is logged on `day`."""
        return any(s.day == day for s in self._sets.get(user_id, ()))


def compose(data: Prefetched, who: Recipient, kind: str, fire_at: datetime) -> str | None:
    """Return the ping's text, or None when it has nothing to say.

    None for a resistance ping on a day a session is already logged, and for the nudge
    in a week that already has two resistance sessions. The same planning and dose
    code as /plan and /week, over the same rows.
    """
    day = local_day(fire_at, who.timezone)
    if kind == "resistance":
        if data.trained_on(who.user_id, day):
            return None
        sets = data.sets(who.user_id, day - PLAN_WINDOW - INTENSITY_LOOKBACK, day)
        plans = recent_plans(sets, who.units, day)
        program = decode(who.program)
        if program is not None:  # the program's next session, not every lift logged
            recent = training_days([s for s in sets if s.day > day - PLAN_WINDOW])
            plans = program_plans(day, recent, plans, program, who.units)
        return resistance_text([plan_line(p) for p in plans])
    if kind == "zone2":
        return zone2_text(who.age, who.max_hr, who.rest_hr)
    if kind == "hiit":
        return hiit_text()
    if kind == "walk":
        return walk_text()
    start, end = week_bounds(day)
    dose = weekly_dose(
        day,
        data.sets(who.user_id, lookback_start(start), end),
        data.cardio(who.user_id, start, end),
        # So the summary notes Zone 2 sessions above the person's range, as /week does.
        who.age,
        who.max_hr,
        who.rest_hr,
    )
    if kind == "weekly-summary":
        return summary_text(week_text(dose))
    if kind == "nudge":
        if dose.resistance_sessions >= RESISTANCE_TARGET:
            return None
        return nudge_text(dose.resistance_sessions, (dose.week_end - day).days + 1)
    raise ValueError(f"unknown reminder kind {kind!r}")
