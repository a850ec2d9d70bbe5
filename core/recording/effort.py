"""Effort marks the set reader would miss, rewritten into the ones it reads.

`2 in the tank` (or `2 reps left in the tank`) is reps in reserve: `2 rir`, kept as RPE 8.
`@8` (1 to 10) after a load with its unit or `bw` (`squat 3x8 100kg @8`, `pull ups 3x10
bw @8`) is an RPE, `@rpe 8`: the load is already named. Without one (`135x1 @ 1`, `curl
3x10 @8`) `@n` stays what the reader makes of it (a load, or an RPE after reps).
"""

from __future__ import annotations

import re

# The set reader's number and unit (core.recording.marks, which calls this first), and the
# marks it turns into units there (`225#`, `70k`).
NUM = r"\d+(?:\.\d+)?"
UNIT = r"(?:kilograms?|kilos?|kgs?|pounds?|lbs?|k\b|#)"

_TANK = re.compile(rf"(?<![\w.])({NUM})\s*(?:reps?\s+)?(?:left\s+)?in\s+(?:the\s+)?tank\b")
_LOAD_NAMED = re.compile(rf"(?<![\w.]){NUM}\s*{UNIT}|\b(?:bw|body\s*weight)\b")
_NOT_AN_RPE = rf"{UNIT}|%|:|sets?\b|reps?\b|x\b|rpe\b|rir\b|[ap]\.?m\b"  # `@ 8:30`, `@8pm`
_AT_NUMBER = re.compile(rf"@\s*({NUM})(?![\d.])(?!\s*(?:{_NOT_AN_RPE}))")
LOWEST_RPE, HIGHEST_RPE = 1, 10


def effort_marks(text: str) -> str:
    """Return one part's text (lower case) with `n in the tank` and `@n` after a load made plain."""
    if "tank" in text:
        text = _TANK.sub(r" \1 rir ", text)
    if "@" in text and _LOAD_NAMED.search(text):
        text = _AT_NUMBER.sub(_as_rpe, text)
    return text


def _as_rpe(m: re.Match[str]) -> str:
    value = float(m[1])
    return f"@rpe {m[1]} " if LOWEST_RPE <= value <= HIGHEST_RPE else m[0]
