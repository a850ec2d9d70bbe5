"""Makes the marks of one strength part plain before its numbers are read.

`225#` is 225 lb, `70k` 70 kg, `lbs.` lbs, `12r 4s` 12 reps 4 sets, `2 singles` 2 sets of
1, `x bar` an empty bar (20 kg / 45 lb), `5 reps x 3 sets` 3 sets of 5, `5-5-5-3` a list
like `5/5/5/3`, `160x4,4,4` three sets of 4 at 160, `265 x 1+: 4` (a plus set) one set of
4. Also taken out: a trailing `x 3 sets` or `(x 3)` (a count for the set before it), RIR
(`2 RIR`, `--rir 2`, kept as RPE 10 − RIR), an RPE bound (`@RPE<8`: no single number, so
no RPE), percentages (`5x5 50%`: not a load), angles (`45 degree back raise`) and times
(`39 second chin-up` is a hold, not 39 reps); `405-425 lbs` is a list of loads.
"""

from __future__ import annotations

import re

from core.recording.effort import effort_marks
from core.recording.entries import Unit

NUM = r"\d+(?:\.\d+)?"
UNIT = r"(?:kilograms?|kilos?|kgs?|pounds?|lbs?)(?![a-wyz])"
UNIT_STARTS = ("k", "lb", "pound")  # every UNIT word holds one: no unit without them
MAX_RPE = 10

_POUND_MARK = re.compile(r"(\d)\s*#(?!(?!x\d|x\s)[a-z]{2})")  # not a hashtag: `4x8 #chest`
_BODYWEIGHT_WORD = re.compile(r"\bbody\s*-?\s*weight\b")
_BW_GLUED = re.compile(r"\bbwx(?=\s*\d)")
_BW_REPS = re.compile(r"(?<![\w.+])(?<!x\s)(?<!x)(\d+)\s*x\s*bw\b(?!\s*[+-])")
_K_MARK = re.compile(r"(\d)k\b")
_UNIT_DOT = re.compile(rf"({UNIT})\.(?!\d)")
_R_MARK = re.compile(r"(\d)\s*r\b")
_S_MARK = re.compile(r"(\d)\s*s\b")
# `60 10r` (an app's weight, then reps marked r), optionally `4s` sets after it.
_LOAD_REPS_MARK = re.compile(rf"(?<![\w.])({NUM})\s+(\d+)\s*r\b(?:\s*(\d+)\s*s\b)?")
# `160x4,4,4`: a load (no set count: over MAX_PLAUSIBLE_SETS, or with a unit) for reps, then
# more sets of it. Each is written out: `160x4 160x4 160x4`.
_SAME_LOAD_REPS = re.compile(
    rf"(?<![\w.+])(?<!\+\s)({NUM})\s*({UNIT})?\s*x\s*(\d+)((?:\s*,\s*\d+)+)(?![\w.]|\s*x|\s*{UNIT})"
)
MAX_PLAUSIBLE_SETS = 10
# A plus set and what it got (`265 x 1+: 4`, a 5/3/1 AMRAP): the reps done are the set.
_PLUS_SET_GOT = re.compile(r"x\s*\d+\s*\+\s*[:=]\s*(\d+)")
_SINGLES = re.compile(rf"({NUM})\s*singles?\b")
_BAR = re.compile(r"x\s*(?:an?\s+)?(?:empty\s+)?bar\b")
# `empty bar x 10`, `bar for 10`: the bar first, then its reps (not an EZ or trap bar's)
_BAR_FIRST = re.compile(
    r"(?<![\w-])(?<!ez\s)(?<!trap\s)(?<!hex\s)(?<!smith\s)(?:the\s+)?(?:empty\s+)?bar"
    r"\s*(?:x|for)\s*(\d+)(?!\s*(?:kg|lb|#|\.\d))"
)
_REPS_X_SETS = re.compile(
    rf"(?:x\s*)?(?<![\w.])({NUM})\s*reps?\s*x\s*({NUM})\s*sets?\b"
    # `3 reps x 3`: a count no load is (a set count), with no unit after it
    rf"|(?:x\s*)?(?<![\w.])({NUM})\s*reps?\s*x\s*([1-9]|10)(?![\w.]|\s*{UNIT}|\s*x)"
    # `100kg 5 reps 3 times`: that set three times
    rf"|(?<![\w.])({NUM})\s*reps?\s*,?\s+([1-9]|10)\s*times\b"
)
_TIMES = re.compile(rf"\(\s*x\s*({NUM})\s*(?:sets?)?\s*\)|x\s*({NUM})\s*sets\b")
_RPE_BOUND = re.compile(r"@?\s*\brpe\s*[<>≤≥~]\s*\d+(?:\.\d+)?")
# A RIR: the number after `rir` when there is one (`8 rir 2`: 8 reps, RIR 2), else before it.
_RIR_AFTER = re.compile(rf"-*\brir\s*[:=]?\s*({NUM})")
_RIR_BEFORE = re.compile(rf"@?\s*(?<![\w.])({NUM})\s*rir\b")
_PERCENT = re.compile(rf"(?<![\w.]){NUM}\s*%")
_ANGLE = re.compile(rf"(?<![\w.]){NUM}\s*-?\s*(?:degrees?|deg|°)")  # `45 degree`: no count
# (never a count's reps: `3 x 20 - 50 lb kettlebell` is 20 reps, then the load)
_PAIR_DASH = re.compile(rf"(?<![\w.-])(?<!x\s)(?<!x\s\s)({NUM})\s?-\s?(?={NUM}\s*{UNIT})")
_TIMED = re.compile(rf"(?<![\w.]){NUM}\s*(?:seconds?|secs?|minutes?|mins?)\b")
_DASH_RUN = re.compile(rf"(?<![\w.-]){NUM}(?:\s?-\s?{NUM}){{2,}}(?![\w.-])")


def _each_set(m: re.Match[str]) -> str:
    if not m[2] and float(m[1]) <= MAX_PLAUSIBLE_SETS:
        return m[0]  # `3x5,5`: a count, not a load; left as written
    load = f"{m[1]}{m[2] or ''}"
    reps = [m[3], *re.findall(r"\d+", m[4])]
    return " " + " ".join(f"{load} x {r}" for r in reps) + " "


def plain(
    text: str, units: Unit, standard_bar: bool = True
) -> tuple[str, float | None, float | None]:
    """Return `text` with its marks made plain, the RPE from a RIR, and a trailing count.

    `standard_bar`: the lift is done on a standard barbell, so `x bar` or `bar x 10` is its
    empty bar (20 kg / 45 lb); on any other (a curl's EZ bar, a safety bar) it is asked."""
    text = effort_marks(text)  # `2 in the tank`, and `@8` after a load, as RIR and RPE
    # Each pattern is tried only when the text holds a string every match of it holds.
    if "body" in text:  # `10x bodyweight`, `body weight x 8`: as `bw`
        text = _BODYWEIGHT_WORD.sub("bw", text)
    if "bw" in text:  # `bwx8` is bw x 8; `5xBW` is 5 reps on bodyweight
        text = _BW_REPS.sub(r" bw x \1", _BW_GLUED.sub("bw x ", text))
    if "#" in text:
        text = _POUND_MARK.sub(r"\1lb ", text)
    if "k" in text:
        text = _K_MARK.sub(r"\1kg", text)
    if "." in text:
        text = _UNIT_DOT.sub(r"\1", text)
    if "r" in text and _R_MARK.search(text):
        text = _LOAD_REPS_MARK.sub(
            lambda m: f" {m[1]}{units} x {m[2]}" + (f" x {m[3]} sets " if m[3] else " "), text
        )
        text = _S_MARK.sub(r"\1 sets", _R_MARK.sub(r"\1 reps", text))
    if "," in text and "x" in text:
        text = _SAME_LOAD_REPS.sub(_each_set, text)
    if "+" in text:
        text = _PLUS_SET_GOT.sub(r"x \1", text)
    if "single" in text:
        text = _SINGLES.sub(r"\1 sets of 1", text)
    if "bar" in text and standard_bar:
        empty = "20kg" if units == "kg" else "45lb"
        text = _BAR_FIRST.sub(rf"{empty} x \1", _BAR.sub(f"x {empty}", text))
    if "rep" in text:
        text = _REPS_X_SETS.sub(
            lambda m: f" {m[2] or m[4] or m[6]} sets of {m[1] or m[3] or m[5]}", text
        )
    times = None
    if ("(" in text or "sets" in text) and (m := _TIMES.search(text)):
        times = float(m[1] or m[2])
        text = text[: m.start()] + " " + text[m.end() :]
    rpe = None
    if "rpe" in text:
        text = _RPE_BOUND.sub(" ", text)
    if "rir" in text and (m := _RIR_AFTER.search(text) or _RIR_BEFORE.search(text)):
        rpe = MAX_RPE - float(m[1])
        text = text[: m.start()] + " " + text[m.end() :]
    if "%" in text:
        text = _PERCENT.sub(" ", text)
    if "deg" in text or "°" in text:
        text = _ANGLE.sub(" ", text)
    if "s" in text or "m" in text:
        text = _TIMED.sub(" ", text)
    if "-" in text:
        text = _PAIR_DASH.sub(r"\1/", text)
        text = _DASH_RUN.sub(lambda m: m[0].replace("-", "/"), text)
    return text, rpe, times
