"""Number words in a workout log: `three sets of five` is `3 sets of 5`.

Only words next to a set or rep word are numbers (`one arm row` stays a name): a number
word followed by `sets`, `reps`, `singles`, `times` (or their singulars), or following
`of` / `for` / `did` / `rir` / `rpe`; `a set`, `a single` is one; `five by five` is `5x5`.
"""

from __future__ import annotations

import re

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
VALUES: dict[str, int] = {word: n for n, word in enumerate(_UNITS)} | _TENS

_WORD = r"(?:(?:twenty|thirty|forty|fifty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|{})"
_ANY = _WORD.format("|".join(sorted(VALUES, key=len, reverse=True)))
_BEFORE_COUNT = re.compile(
    rf"\b({_ANY})\b(?=\s+(?:sets?|reps?|singles?|times|more|extra|rounds?)\b)"
)
_COUNT_WORDS = ("set", "rep", "single", "times", "more", "extra", "round")  # one in each
_AFTER_WORD = re.compile(rf"\b(of|for|did|rir|rpe)\s+({_ANY})\b")
_A_SET = re.compile(r"\ba (set|single)\b")
# `five by five`, `3 by 8`: sets by reps, as `5x5`
_BY = re.compile(rf"\b({_ANY}|\d{{1,2}})\s+by\s+({_ANY}|\d{{1,2}})\b")


def _number(word: str) -> str:
    return word if word.isdigit() else str(value(word))


def _sets_by_reps(m: re.Match[str]) -> str:
    """Return `five by five` as `5x5`; `one by one` is how, not how many."""
    if m[1] == m[2] == "one":
        return m[0]
    return f"{_number(m[1])}x{_number(m[2])}"


def value(word: str) -> int:
    """Return the value of a number word: `five` 5, `twenty-five` 25."""
    parts = re.split(r"[- ]", word)
    return sum(VALUES[p] for p in parts)


def digits(text: str) -> str:
    """Return lowercase `text` with number words next to set/rep words as digits."""
    # Each pattern is tried only when the text holds a string every match of it holds.
    if "a s" in text:
        text = _A_SET.sub(r"1 \1", text)
    if " by " in text:
        text = _BY.sub(_sets_by_reps, text)
    if any(word in text for word in _COUNT_WORDS):
        text = _BEFORE_COUNT.sub(lambda m: str(value(m[1])), text)
    if "of" in text or "for" in text or "did" in text or "rir" in text or "rpe" in text:
        text = _AFTER_WORD.sub(lambda m: f"{m[1]} {value(m[2])}", text)
    return text
