"""A set corrected or deleted on the training page, written back as the log's new text.

The page changes nothing directly: it rewrites the stored log message's text with the set
changed and hands that to the conversation service as an edit of that message, the one
path a chat edit takes. So the stored message keeps saying what the history holds, and
every reply, plan and chart follows from it as after an edit in the chat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.accounts.profile import Profile
from core.history.exercise_names import exercise_name
from core.ports import StoredSet
from core.recording.entries import CardioEntry, StrengthEntry
from core.recording.reading import read_log

NOTHING_LEFT = "(every set deleted on the training page)"
MAX_REPS = 1000
MAX_WEIGHT = 2000.0


@dataclass(frozen=True)
class SetChange:
    """The set at `position` gets these reps and this load (None: deleted)."""

    position: int
    reps: int | None = None
    weight: float | None = None


@dataclass(frozen=True)
class Corrected:
    text: str | None  # the log's new text, or None when it can't be written back
    refusal: str = ""


def corrected(
    original: str, sets: Sequence[StoredSet], change: SetChange, profile: Profile
) -> Corrected:
    """Return the log's text with `change` made, checked to read back as intended."""
    positions = [s.position for s in sets]
    if change.position not in positions:
        return Corrected(None, "That set isn't in this log any more.")
    if change.reps is not None and not 0 < change.reps <= MAX_REPS:
        return Corrected(None, f"Reps go from 1 to {MAX_REPS}.")
    if change.weight is not None and not 0 <= change.weight <= MAX_WEIGHT:
        return Corrected(None, f"A load goes from 0 to {MAX_WEIGHT:g}.")
    if any(isinstance(e, CardioEntry) for e in read_log(original, profile).entries):
        # Its cardio isn't among the sets: rewriting the text would drop it.
        return Corrected(None, "This log has cardio in it too: correct it in the chat.")
    kept = []
    for s in sorted(sets, key=lambda s: s.position):
        if s.position != change.position:
            kept.append(s)
        elif change.reps is not None or change.weight is not None:
            kept.append(_changed(s, change))
    if not kept:
        return Corrected(NOTHING_LEFT)
    text = log_text(kept)
    if _read_back(text, profile) != [_key(s) for s in kept]:
        return Corrected(None, "I couldn't write that log back safely: correct it in the chat.")
    return Corrected(text)


def log_text(sets: Sequence[StoredSet]) -> str:
    """Return a log's text for `sets`: one line per run of one exercise, `load x reps`."""
    lines: list[str] = []
    current = None
    pieces: list[str] = []
    for s in sets:
        if s.exercise != current:
            if pieces:
                lines.append(f"{exercise_name(current or '')}: {', '.join(pieces)}")
            current, pieces = s.exercise, []
        pieces.append(_set_text(s))
    lines.append(f"{exercise_name(current or '')}: {', '.join(pieces)}")
    return "\n".join(lines)


def _set_text(s: StoredSet) -> str:
    if s.bodyweight:
        load = "bw" if s.weight == 0 else f"+{s.weight:g}{s.unit}"
        if s.weight < 0:  # a machine's help
            load = f"bw-{-s.weight:g}{s.unit}"
    else:
        load = f"{s.weight:g}{s.unit}"
    rpe = f" @{s.rpe:g}" if s.rpe is not None else ""
    return f"{load} x {s.reps}{rpe}"


def _changed(s: StoredSet, change: SetChange) -> StoredSet:
    return replace(
        s,
        reps=change.reps if change.reps is not None else s.reps,
        weight=s.weight if change.weight is None else _as_before(change.weight, s.weight),
    )


def _as_before(weight: float, before: float) -> float:
    """Return a load typed on the page as the set had it: a machine's help stays help."""
    return -weight if before < 0 else weight


def _key(s: StoredSet) -> tuple[str, int, float, bool, float | None]:
    return (s.exercise, s.reps, round(s.weight, 3), s.bodyweight, s.rpe)


def _read_back(text: str, profile: Profile) -> list[tuple[str, int, float, bool, float | None]]:
    read = []
    for entry in read_log(text, profile).entries:
        if not isinstance(entry, StrengthEntry):
            return []
        for s in entry.sets:
            read.append((entry.exercise, s.reps, round(s.weight, 3), s.bodyweight, s.rpe))
    return read
