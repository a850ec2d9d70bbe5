"""Many plain workout logs in one transaction: the group-commit path of the service.

Alone, each message costs a handful of database round trips. When many people log at
once (a burst of Telegram updates), their logs can share one transaction: one query for
the profiles, one INSERT for the messages, one per table for the sets, one for the
history behind the next loads. Each message gets the reply that handling it alone would
give. Anything that is not a plain log from a known, active person is left to the
caller, which handles it the one-at-a-time way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from core import faq, onboarding
from core.entries import ParseResult
from core.equipment import equipment_of, fit_plans
from core.messages import IncomingMessage, Reply
from core.parser import parse
from core.planning import plans_in_order
from core.ports import EntryBatch, Repository
from core.profile import Profile
from core.progression import INTENSITY_LOOKBACK, Plan
from core.results import HandleResult
from core.workouts import strength_exercises, workout_text

Account = tuple[str, str]  # (platform, platform user id)


@dataclass
class _Log:
    index: int
    message: IncomingMessage
    profile: Profile
    result: ParseResult
    day: date
    message_id: int = 0


def may_be_plain_log(message: IncomingMessage) -> bool:
    """Return False for what surely needs the one-at-a-time path (commands, edits, files)."""
    text = message.text
    return not (
        message.edited
        or message.is_callback
        or message.attachment is not None
        or text.lstrip().startswith("/")
        or faq.is_plain_question(text)
    )


async def record_logs(
    repo: Repository, items: Sequence[tuple[int, IncomingMessage]], now: datetime
) -> dict[int, HandleResult]:
    """Record the plain logs among `items` (index, message); return their results by index.

    A person is taken whole or not at all, so one person's messages keep their order.
    """
    logs = await _plain_logs(repo, items, now)
    if not logs:
        return {}
    ids = await repo.add_messages(
        [(log.profile.user_id, log.message, bool(log.result.entries)) for log in logs], now
    )
    results: dict[int, HandleResult] = {}
    stored: list[_Log] = []
    for log in logs:
        message_id = ids.get((log.message.platform, log.message.message_id))
        if message_id is None:  # stored before: a re-delivery
            results[log.index] = HandleResult((), "duplicate")
            continue
        log.message_id = message_id
        stored.append(log)
    await repo.add_entries_of(
        [
            EntryBatch(
                log.profile.user_id,
                log.message_id,
                log.result.entries,
                log.day,
                log.message.sent_at,
            )
            for log in stored
            if log.result.entries
        ]
    )
    plans = await _plans(repo, [log for log in stored if strength_exercises(log.result)])
    for log in stored:
        replies = [Reply(workout_text(log.result, plans.get(log.index, [])), private=True)]
        if onboarding.in_progress(log.profile):
            replies.append(onboarding.PROMPTS[log.profile.onboarding_step or ""])
        status = "recorded" if log.result.entries else "answered"
        results[log.index] = HandleResult(tuple(replies), status, len(log.result.problems))
    return results


async def _plain_logs(
    repo: Repository, items: Sequence[tuple[int, IncomingMessage]], now: datetime
) -> list[_Log]:
    """Return the logs of the people whose every message here is a plain log."""
    firsts = {(m.platform, m.user_id): m for _, m in reversed(items)}
    profiles = await repo.profiles(list(firsts))
    # A first message that is a workout: the account is made here, as alone.
    new = [
        (platform, user_id, message.display_name)
        for (platform, user_id), message in firsts.items()
        if (platform, user_id) not in profiles and may_be_plain_log(message)
    ]
    if new:
        profiles.update(await repo.create_accounts(new, now))
    by_person: dict[Account, list[_Log]] = {}
    left_out: set[Account] = set()
    seen: set[Account] = set()  # (platform, message id): the same message twice in a batch
    for index, message in items:
        person = (message.platform, message.user_id)
        profile = profiles.get(person)
        key = (message.platform, message.message_id)
        if profile is None or profile.paused or key in seen or not may_be_plain_log(message):
            # Paused people get a welcome back, new ones onboarding: one at a time.
            left_out.add(person)
            continue
        seen.add(key)
        result = parse(message.text, profile.units)
        if not result.looks_like_workout:
            left_out.add(person)
            continue
        day = profile.local_day(message.sent_at)
        by_person.setdefault(person, []).append(_Log(index, message, profile, result, day))
    return [log for person, logs in by_person.items() if person not in left_out for log in logs]


async def _plans(repo: Repository, logs: list[_Log]) -> dict[int, list[Plan]]:
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
    setups = await equipment_of(
        repo, sorted({log.profile.user_id for log in logs if log.profile.has_equipment})
    )
    batch_ids: dict[int, set[int]] = {}
    for log in logs:
        batch_ids.setdefault(log.profile.user_id, set()).add(log.message_id)
    plans: dict[int, list[Plan]] = {}
    for log in logs:
        user_id, wanted = log.profile.user_id, strength_exercises(log.result)
        later = {i for i in batch_ids[user_id] if i > log.message_id}
        sets = [
            s
            for s in history.get(user_id, [])
            if s.exercise in wanted
            and log.day - INTENSITY_LOOKBACK <= s.day <= log.day
            and s.message_id not in later
        ]
        found = plans_in_order(sets, log.profile.units, wanted)
        plans[log.index] = fit_plans(found, setups.get(user_id))
    return plans
