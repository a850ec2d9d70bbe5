"""The one path a workout log takes: store its entries, work out the next loads, reply.

A log alone, a burst of logs from many people, and an edited log all come through
`record`: one INSERT per table for the entries, one query for the history behind the
next loads, one for equipment and one for the texts of that day's earlier logs (pain and
failure words), whatever the number of logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from core.accounts.profile import Profile
from core.coaching.equipment import fit_plans
from core.coaching.planning import plans_in_order
from core.coaching.progression import INTENSITY_LOOKBACK, Plan
from core.formatting import day_label
from core.messages import CANNOT_EDIT, IncomingMessage, Reply
from core.ports import EntryBatch, Repository
from core.recording.entries import ParseResult
from core.recording.questions import question_choices
from core.recording.replies import strength_exercises, workout_text


@dataclass
class Log:
    """One message read as a workout, on its way into the history."""

    index: int  # the caller's key for the reply
    message: IncomingMessage
    profile: Profile
    result: ParseResult
    message_id: int = 0  # the stored message the entries belong to

    @cached_property
    def today(self) -> date:
        """The person's own day when they sent the message."""
        return self.profile.local_day(self.message.sent_at)

    @cached_property
    def day(self) -> date:
        """The day of the sets: today, yesterday for `yesterday`, or the latest day not after
        today that a date heading names (`Nov 28 - squat 3x5 100kg`)."""
        return self.today - timedelta(days=self.days_back)

    @cached_property
    def performed_at(self) -> datetime:
        """When the sets were done: the message's time, that many days back."""
        return self.message.sent_at - timedelta(days=self.days_back)

    @cached_property
    def days_back(self) -> int:
        if self.result.dated is None:
            return self.result.days_ago
        day = self.result.dated.on_or_before(self.today)
        return (self.today - day).days if day is not None else 0

    @property
    def back_dated(self) -> bool:
        """Whether a date heading put the sets on an earlier day than today."""
        return self.result.dated is not None and self.days_back > 0


async def record(repo: Repository, logs: Sequence[Log]) -> dict[int, Reply]:
    """Store the entries of stored logs; return each log's reply by its index.

    The next loads are worked out as if the logs had been recorded one after another:
    a log's plan sees the history up to it, not a later log of the same person.
    """
    await repo.add_entries_of(
        [
            EntryBatch(
                log.profile.user_id,
                log.message_id,
                log.result.entries,
                log.day,
                log.performed_at,
            )
            for log in logs
            if log.result.entries
        ]
    )
    # A back-dated log's "next" would be as of that day, behind any later session: /plan says
    plans = await _plans(
        repo, [log for log in logs if strength_exercises(log.result) and not log.back_dated]
    )
    return {
        log.index: Reply(
            _for_day(log)
            + workout_text(
                log.result,
                plans.get(log.index, []),
                log.profile.age,
                (log.profile.max_hr, log.profile.rest_hr),
                editable=log.message.platform not in CANNOT_EDIT,
            ),
            question_choices(log.result, log.message_id),
            private=True,
        )
        for log in logs
    }


def _for_day(log: Log) -> str:
    """The reply's first line when the sets were another day's: `📅 For yesterday, Sun 29 Nov`."""
    dated = log.result.dated
    if dated is not None and dated.on_or_before(log.today) is None:
        return f"📅 {dated.label()} is still to come, so this is logged for today.\n"
    if not log.days_back:
        return ""
    # a back-dated log's reply has no plan (see `record`): it says where the plan is
    plan = " (your next loads: /plan)" if log.back_dated and strength_exercises(log.result) else ""
    if log.days_back == 1:
        return f"📅 For yesterday, {day_label(log.day)}{plan}:\n"
    year = f" {log.day.year}" if log.days_back > 180 else ""
    return f"📅 For {day_label(log.day)}{year}{plan}:\n"


async def _plans(repo: Repository, logs: list[Log]) -> dict[int, list[Plan]]:
    """Return each log's next plans, as if the logs had been handled one after another."""
    if not logs:
        return {}
    user_ids = sorted({log.profile.user_id for log in logs})
    history = await repo.strength_sets_of(
        user_ids,
        min(log.day for log in logs) - INTENSITY_LOOKBACK,
        max(log.day for log in logs),
        sorted({e for log in logs for e in strength_exercises(log.result)}),
    )
    # A log's lifts have their last session on its day: what that day's logs say counts.
    days, texts = {log.day for log in logs}, {log.message_id: log.message.text for log in logs}
    earlier = {s.message_id for sets in history.values() for s in sets if s.day in days}
    if earlier - texts.keys():
        texts |= await repo.message_texts(sorted(earlier - texts.keys()))
    with_gear = sorted({log.profile.user_id for log in logs if log.profile.has_equipment})
    setups = await repo.equipment_of(with_gear) if with_gear else {}
    ids: dict[int, set[int]] = {}
    for log in logs:
        ids.setdefault(log.profile.user_id, set()).add(log.message_id)
    plans: dict[int, list[Plan]] = {}
    for log in logs:
        user_id, wanted, day = log.profile.user_id, strength_exercises(log.result), log.day
        later = {i for i in ids[user_id] if i > log.message_id}
        sets = [
            s
            for s in history.get(user_id, [])
            if s.exercise in wanted
            and day - INTENSITY_LOOKBACK <= s.day <= day
            and s.message_id not in later
        ]
        plans[log.index] = fit_plans(
            plans_in_order(sets, log.profile.units, wanted, texts, since=log.profile.units_since),
            setups.get(user_id),
        )
    return plans
