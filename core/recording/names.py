"""Finds the exercise a part of a log names: at its start (`squat 3x8`), after the numbers
(`4x8 squat @ 185lbs`, `6 chin-ups`) or in prose (`I did my sets of squats`).

Any run of words may name it, longest first, the person's own names before the
catalogue. A known name inside a longer unknown one is never taken: the word before it
must be chat or a qualifier that keeps the lift (`barbell bent over row`, `ring dips`,
`then squats`), and the word after it must not make it another lift (`hack squat sled`,
`pistol squats`, `chest press` and `push press` are unknown, not squat or press).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from core.recording.catalogue import NAME_WORDS, Exercise, exercise, name_key, resolve, singular

MAX_WORDS = 40
MAX_NAME_WORDS = 5
STOP_WORDS = frozenset(
    "bw bodyweight body sets set reps rep x at rpe rir of for kg kgs lb lbs pounds pound "
    "kilos kilo singles single r s".split()
)
# Words that head a log line before the lift without being part of its name: a day label
# (`Monday- Press 170x1`), a logger's command (`workout log bench-press 135 8,8,7,6`), or
# a word that moves on to the next lift (`Further squats: 100 x 1`), `max` (as many reps as
# could be done, asked for). The lift still leads.
PREFACE = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu
    thur thurs fri sat sun today tonight log logged workout exercise superset then next further
    finally also plus and after max day yesterday this morning afternoon evening pr new legs wod
    gym am pm""".split()
)
# Words that may stand just before an exercise name without changing the lift.
HARMLESS_BEFORE = PREFACE | frozenset(
    """a an the my some few more of did do does doing done then and also with plus after
    before first last next second third final followed by finished started cracked off
    managed completed performed following these those
    on up in into to at for i was were got hit today tonight s heavy light heavier lighter
    volume working
    work warm warmup easy hard max top regular normal standard usual comp competition
    barbell bb ring wide conventional semi bodyweight set sets reps x bw rpe rir
    kg kgs lb lbs pounds kilos of real degree failed missed""".split()
)
_ON = frozenset({"on", "in", "using"})
_BODYWEIGHT = frozenset({"bodyweight", "bw"})
# Words that make a known name into another lift when they follow it.
CHANGING_AFTER = frozenset(
    "machine sled hold holds jump jumps walk walks complex press row raise curl extension "
    "pulldown pull dip dips clean cleans snatch thruster thrusters swing swings plate hang "
    "hangs step steps stepup stepups grip walker".split()
)

# Words of our names that follow a lift's name without naming another (`squat and bench`,
# `bench paused 3x5`, `deadlift up to 140`).
NOT_NAMING_AFTER = frozenset(
    "and the to up down over one get through c j t 2 45 morning standing strict natural pause "
    "paused flat full low high wide close bar back degree straight single body feet bw "
    "conventional rack".split()
)
# Words that carry a name on in another language (`press de banca`, `curl con barra`).
FOREIGN_LINKS = frozenset("de del con al avec mit com da di du des".split())

# `banged out 25 pushups`, `knocked out 3x10 curls`: did, in other words
_DID_OUT = frozenset(
    """banged knocked cranked pumped ground churned bust busted pushed repped hammered smashed
    belted pounded squeezed ripped punched rattled""".split()
)


def _done_out(words: list[str], start: int) -> bool:
    return start > 1 and words[start - 1] == "out" and words[start - 2] in _DID_OUT


# Words after `get up` that make it a phrase, not the Turkish get-up.
_GET_UP_TO = frozenset({"to", "at", "early", "and", "off", "from", "in", "this", "for"})

# A body part named in how a rep went, not the lift: `couldn't get my chin over the bar`.
_BODY_PART = frozenset({("chin", "over"), ("chin", "above"), ("chin", "past"), ("chin", "to")})


def _changes_the_lift(word: str) -> bool:
    """Return whether `word`, after a known name, makes it another lift (plurals too:
    `OH extensions` is no overhead squat)."""
    return word in CHANGING_AFTER or (word.endswith("s") and word[:-1] in CHANGING_AFTER)


def another_name_after(word: str) -> bool:
    """Return whether `word`, right after a known name, names another lift with it (`row
    cable`, `curl hammer`, `squat front`) or carries on in another language (`press de
    banca`): never the known lift alone."""
    return word in FOREIGN_LINKS or (
        word not in NOT_NAMING_AFTER and word not in STOP_WORDS and singular(word) in NAME_WORDS
    )


def _lookup(words: list[str], names: Mapping[str, str] | None) -> Exercise | None:
    """Return what the words name: the person's own names first, then the catalogue."""
    typed = " ".join(words)
    if names and (id := names.get(name_key(typed))):
        # An id the catalogue cannot describe still names something of the person's own.
        stand_in = Exercise(id, typed.strip().capitalize(), "isolation", (), "upper", False, ())
        return exercise(id) or stand_in
    return resolve(typed)


def find_exercise(
    words: list[str], names: Mapping[str, str] | None = None
) -> tuple[Exercise | None, int, int]:
    """Return the exercise named in `words`, where its name starts, and how many words."""
    if not names:  # the catalogue alone: the same words always name the same lift
        return _find_in_catalogue(tuple(words[:MAX_WORDS]))
    return _find(words[:MAX_WORDS], names)


@lru_cache(maxsize=4096)
def _find_in_catalogue(words: tuple[str, ...]) -> tuple[Exercise | None, int, int]:
    return _find(list(words), None)


def _find(words: list[str], names: Mapping[str, str] | None) -> tuple[Exercise | None, int, int]:
    stops = [i for i, word in enumerate(words) if word in STOP_WORDS]
    for start, word in enumerate(words):
        if word in _BODYWEIGHT and start + 1 < len(words):
            # `bodyweight squats`, `bw squat`: a lift of its own, not the barbell's
            own = _lookup(words[start : start + 2], names)
            if own is not None and own.bodyweight:
                return own, start, 2
        if word in STOP_WORDS:
            continue
        if start and words[start - 1] not in HARMLESS_BEFORE and not _done_out(words, start):
            continue
        if start > 1 and words[start - 1] in _ON and words[start - 2] not in HARMLESS_BEFORE:
            continue  # `Calf Press On Leg Press`: done on that lift's machine, not that lift
        # A name never spans a stop word: runs end before the next one.
        end = next((i for i in stops if i > start), len(words))
        # A name the person taught us may be longer than any catalogue name.
        longest = MAX_NAME_WORDS if not names else MAX_WORDS
        for n in range(min(longest, end - start), 0, -1):
            run = words[start : start + n]
            after = words[start + n] if start + n < len(words) else ""
            if _changes_the_lift(after) or (n == 1 and (word, after) in _BODY_PART):
                continue
            if run == ["get", "up"] and after in _GET_UP_TO:
                continue  # `I was able to get up to 18 pounds`: reached, not a get-up
            if exercise := _lookup(run, names):
                return exercise, start, n
    return None, 0, 0


_NAME_THEN_BRACKET = re.compile(
    r"(?m)^([ \t]*)([A-Za-z][A-Za-z' -]{1,40}?)[ \t]*\(([A-Za-z][A-Za-z' -]{1,30})\)"
)


def variant_first(text: str) -> str:
    """Return `text` with `Bench press (close grip)` read as `close grip Bench press`: a
    bracket right after a lift's name that, put before or after it, names another catalogue
    lift (`Seated Shoulder Press (Machine)`) is that lift, not a note. Same length, so
    positions in the text still match."""
    if "(" not in text:
        return text

    def swap(m: re.Match[str]) -> str:
        name, inner = m[2].strip(), m[3].strip()
        plain = resolve(name)
        # `Seated Shoulder Press (Machine)`: unknown alone, known with its bracket after it.
        for varied_name in (f"{inner} {name}", f"{name} {inner}"):
            varied = resolve(varied_name)
            if varied is not None and varied != plain:
                return m[1] + varied_name.ljust(len(m[0]) - len(m[1]))
        return m[0]

    return _NAME_THEN_BRACKET.sub(swap, text)
