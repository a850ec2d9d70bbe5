"""The buttons under a log the coach could not read alone: which reading, which exercise.

A fragment with two plausible readings (`225x3x5`) or a name the catalogue does not
confidently know is never guessed: the reply asks, one question at a time, and each
button carries a command (`/read`, `/exercise`) that answers it for that stored message.
"""

from __future__ import annotations

import hashlib

from core.messages import Choice
from core.recording import catalogue
from core.recording.entries import ParseResult, Problem

CLOSEST = 3  # exercises offered for a name we don't know
NONE_OF_THESE = "none"
# Add it as the person's own exercise, progressing by the upper- or lower-body increment.
OWN_UPPER, OWN_LOWER = "own-upper", "own-lower"


def unknown_names(result: ParseResult) -> list[Problem]:
    """Return the unknown-exercise problems that carry the name as typed, in order."""
    return [p for p in result.problems if p.kind == "unknown_exercise" and p.name]


def question_choices(result: ParseResult, message_id: int) -> tuple[Choice, ...]:
    """Return the buttons for the first open question of a log stored as `message_id`."""
    if result.ambiguities:
        return tuple(
            Choice(reading.label, f"/read {message_id} {reading.notation}")
            for reading in result.ambiguities[0].readings
        )
    unknown = unknown_names(result)
    if not unknown:
        return ()
    found = catalogue.closest(unknown[0].name, CLOSEST)
    key = name_digest(unknown[0].name)
    return (
        *(Choice(e.name, f"/exercise {message_id} {e.id} {key}") for e in found),
        Choice("My own, upper body", f"/exercise {message_id} {OWN_UPPER} {key}"),
        Choice("My own, lower body", f"/exercise {message_id} {OWN_LOWER} {key}"),
        Choice("None of these", f"/exercise {message_id} {NONE_OF_THESE} {key}"),
    )


def name_digest(name: str) -> str:
    """Return six characters that identify a typed name, for a button's data."""
    return hashlib.sha256(catalogue.name_key(name).encode()).hexdigest()[:6]


def question_lines(result: ParseResult) -> list[str]:
    """Return a line per ambiguous fragment, and what the buttons are for."""
    lines = [f"❓ {a.question}" for a in result.ambiguities]
    asked = asked_name(result)
    if asked is not None:
        lines.append(
            f"❓ Not recorded yet: “{asked.source[:60]}”. Which exercise is “{asked.name}”? "
            "Tap it below and I'll remember. Not listed? Add it as your own: upper body "
            "(+1.25 kg or 2.5 lb a step) or lower body (+2.5 kg or 5 lb)."
        )
    return lines


def asked_name(result: ParseResult) -> Problem | None:
    """Return the unknown-name problem the buttons ask about, if they ask about one."""
    unknown = unknown_names(result)
    return unknown[0] if unknown and not result.ambiguities else None
