"""The logged sessions, newest first: each log message with its sets, as the page lists them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from core.accounts.profile import Profile
from core.history.exercise_names import exercise_name
from core.ports import Repository, StoredSet

SESSIONS_WINDOW = timedelta(days=365)
SESSIONS_SHOWN = 40


@dataclass(frozen=True)
class LoggedSet:
    position: int
    exercise: str
    name: str
    reps: int
    weight: float
    unit: str
    bodyweight: bool
    rpe: float | None


@dataclass(frozen=True)
class LoggedSession:
    """One stored log (a message, or an imported workout) and the sets it holds."""

    message_id: int
    day: date
    text: str
    sets: tuple[LoggedSet, ...]


def logged_set(s: StoredSet) -> LoggedSet:
    return LoggedSet(
        s.position,
        s.exercise,
        exercise_name(s.exercise),
        s.reps,
        s.weight,
        s.unit,
        s.bodyweight,
        s.rpe,
    )


async def logged_sessions(
    repo: Repository, profile: Profile, today: date, shown: int = SESSIONS_SHOWN
) -> list[LoggedSession]:
    """Return the last `shown` logs of the past year with their sets, newest first."""
    sets = await repo.strength_sets(profile.user_id, today - SESSIONS_WINDOW, today)
    by_message: dict[int, list[StoredSet]] = defaultdict(list)
    for s in sets:
        by_message[s.message_id].append(s)
    newest = sorted(by_message, key=lambda m: (by_message[m][0].day, m), reverse=True)[:shown]
    texts = await repo.message_texts(newest)
    return [
        LoggedSession(
            m,
            by_message[m][0].day,
            texts.get(m, ""),
            tuple(logged_set(s) for s in sorted(by_message[m], key=lambda s: s.position)),
        )
        for m in newest
    ]
