"""/history for cardio: `/history zone 2`, `/history cardio`, `/history walk`, `/history run`.

Which sessions a word asks for (a kind, an activity, or all cardio), and the reply that
lists the recent ones: day, minutes, average heart rate, and the minutes in Zone 2 that an
activity file measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.formatting import cardio_name, day_label, number, plural
from core.messages import Reply
from core.ports import StoredCardio
from core.recording.cardio import ACTIVITIES


@dataclass(frozen=True)
class CardioKind:
    """The sessions a `/history` word asks for: one kind, one activity, or every session."""

    name: str  # as the reply's first line says it: `Zone 2, last 3 sessions:`
    nothing: str  # the answer when none is logged
    modality: str | None = None
    activity: str | None = None

    def covers(self, session: StoredCardio) -> bool:
        if self.modality is not None and session.modality != self.modality:
            return False
        return self.activity is None or session.activity == self.activity


_ZONE2 = CardioKind("Zone 2", "No Zone 2 logged yet. Log it like `zone 2 45 min`.", "zone2")
_HIIT = CardioKind("HIIT", "No HIIT logged yet. Log it like `hiit 20 min`.", "hiit")
_WALK = CardioKind("Walk", "No walks logged yet. Log one like `walked 40 minutes`.", "walk")
_ALL = CardioKind(
    "Cardio", "No cardio logged yet. Log it like `zone 2 45 min` or `walked 40 minutes`."
)
KINDS: dict[str, CardioKind] = {
    # An activity (`/history run`): every session of it, whatever its kind.
    **{
        word: CardioKind(
            activity.capitalize(), f"No {activity} sessions logged yet.", None, activity
        )
        for word, activity in ACTIVITIES.items()
        if activity != "walk"
    },
    **dict.fromkeys(("cardio", "conditioning"), _ALL),
    **dict.fromkeys(("zone 2", "zone2", "z2", "zone two", "zone ii"), _ZONE2),
    **dict.fromkeys(("hiit", "intervals", "interval", "sprints"), _HIIT),
    **dict.fromkeys(("walk", "walks", "walked", "walking"), _WALK),
}


def cardio_kind(words: str) -> CardioKind | None:
    """Return the cardio that `/history WORDS` asks for, or None when it names none."""
    return KINDS.get(" ".join(words.lower().split()))


def cardio_history(kind: CardioKind, sessions: Sequence[StoredCardio], last: int) -> Reply:
    """Return the reply listing the `last` sessions of `kind` among `sessions` (by day)."""
    shown = [s for s in sessions if kind.covers(s)][-last:]
    if not shown:
        return Reply(kind.nothing, private=True)
    count = "session" if len(shown) == 1 else plural(len(shown), "session")
    lines = [f"{kind.name}, last {count}:"]
    lines += [f"{day_label(s.day)}: {session_text(s, kind)}" for s in shown]
    return Reply("\n".join(lines), private=True)


def session_text(session: StoredCardio, kind: CardioKind) -> str:
    """Return `45 min, avg HR 128, 38 min in Zone 2`, named when the first line doesn't."""
    name = cardio_name(session.modality, session.activity)
    if kind.modality == session.modality:  # `Zone 2, last …`: only the activity is news
        activity = session.activity if session.activity != "walk" else None
        name = activity.capitalize() if activity else ""
    text = f"{name} {number(session.minutes)} min".lstrip()
    if session.avg_hr:
        text += f", avg HR {session.avg_hr}"
    if session.zone2_minutes is not None:
        text += f", {number(session.zone2_minutes)} min in Zone 2"
    return text
