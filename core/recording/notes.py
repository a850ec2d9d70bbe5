"""Notes in a workout log, which never become sets, and failure words, which change reps.

`blank(line)` returns the line with its notes replaced by spaces (same length, so the
parser's offsets into the message still hold):

* text in quotes or brackets: `"felt heavy"`, `(failed the last 2 reps)`, `[Failure]`,
  except brackets that hold data: `(x 3)` (three such sets), one load `(170 lbs)`, and a
  list of loads `(80, 85, 90kg)`, which is kept as `80/ 85/ 90kg` for the sets before it;
  a load's own conversion (`20kg (44lbs)`) is a note: the load first written is the one;
  sets in brackets with no number outside them (`Bench (135 x 8 x 3 – fast)`) are read;
* after a spaced dash that follows numbers, text that starts with a word, or a number
  that is not a load (`3x8 100kg - good day`, `4 x 10 - 2 chains on my back`);
* after a glued `--` too (`3x5x220--last rep ...`);
* an age with a bodyweight: `48 Years Old @ 195 Pounds`, a total after `=` that follows
  sets (`10 x 20 = 200 reps`; in `90% = 280 x 13` the set is after it), and a count with
  `total` (`20 total work reps`, `total of 25 reps`).

`failure(text)` reads words of failure that change the last set of a uniform block:
`last set only 6` (that set had 6 reps) and `missed the last rep` (one fewer).
"""

from __future__ import annotations

import re

from core.recording.entries import LB_IN_KG
from core.recording.numbers import VALUES

# A `"` right after a number is inches or seconds (`12" Box Squat`), not a quote.
_QUOTED = re.compile(r"(?<!\d)\"[^\"\n]*\"?|“[^”\n]*”?")
# Sets in brackets (`Bench Press (135 x 8 x 3 – fast reps)`, `Chest Press (10 @26kg, 9 @22kg)`)
# with no number outside them.
_SETS_INSIDE = re.compile(r"\(([^()\n]*\d\s*(?:weighted\s*)?[x×@]\s*\d[^()\n]*)\)")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[a-zA-Z]")
_DASH_TAIL = re.compile(r"\s[-–—].*$")
# Words a bracket of sets may hold; any other (`was too heavy`) makes it a note.
_WORDS_BESIDE_SETS = re.compile(
    r"\b(?!(?:x|kgs?|lbs?|reps?|sets?|at|bw|bodyweight|weighted)\b)[a-zA-Z]+", re.IGNORECASE
)
_BRACKETED = re.compile(r"\([^()\n]*\)?|\[[^\[\]\n]*\]?|\{[^{}\n]*\}?")
# `one set of 20 or 30, I don't remember`, `zone 2 40 or 45 min`: two numbers, either may be
# it; `5 x 3 or 3 x 5` too. Not `2 or 3 days ago`, `1 or 2 warm up sets` (a note).
_ONE = r"\d+(?:\.\d+)?(?:\s*[x×]\s*\d+|\s*[x×](?!\w))?"
EITHER = re.compile(
    rf"(?<![\w.])({_ONE})\s+or\s+({_ONE})(?![\w.])"
    r"(?!\s+(?:days?|weeks?|months?|years?|times|warm\s*-?\s*ups?|warmups?)\b)"
)
_REPEAT = re.compile(r"\(\s*[x×]\s*\d+\s*(?:sets?)?\s*\)", re.IGNORECASE)
_LOADS = re.compile(
    r"\(\s*(?:pr\s*)?\d+(?:\.\d+)?(?:\s*,\s*(?:pr\s*)?\d+(?:\.\d+)?)+\s*(?:kgs?|lbs?)?\s*\)",
    re.IGNORECASE,
)
# One load in brackets, maybe with the gear that held it: `(40 lbs.)`, `(15 lb dumbbells)`,
# `(holding 8 lb dumbbells)`: the sets' load.
_ONE_LOAD = re.compile(
    r"\(\s*(?:holding|with|using)?\s*(?:an?\s+)?(\d+(?:\.\d+)?\s*(?:kgs?|lbs?|pounds?))\.?\s*"
    r"(?:dumbbells?|dbs?|kettlebells?|kbs?|weights?|plate|each(?:\s+hand)?)?\s*\)",
    re.IGNORECASE,
)
# `15kg (7.5kg per arm)`: the load split by side, after the load itself: a note
_LOAD_PER_SIDE = re.compile(
    r"\(\s*\d+(?:\.\d+)?\s*(?:kgs?|lbs?|pounds?)\s*(?:per|each|a)\s+(?:arm|side|hand|leg)\s*\)",
    re.IGNORECASE,
)
# A load, then the same load in the other unit in brackets (`20kg (44lbs)`): a conversion.
_A_LOAD = r"(\d+(?:\.\d+)?)\s*(kgs?|kilos?|lbs?|pounds?)"
_CONVERTED = re.compile(rf"{_A_LOAD}\s*(\(\s*{_A_LOAD}\s*\))", re.IGNORECASE)
CONVERTED_WITHIN = 0.03  # a conversion rounded to a whole number is this close
_DASH_LOADS = re.compile(
    r"(?<=\d)(\s*[-–]\s*)(\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)+)(?=\s*(?:kgs?|lbs?)?\s*$)",
    re.IGNORECASE,
)
# `5 x 10 @ 20, 30, 40, 50, 60 kg`: a load a set, the unit once at the end
_AT_LOADS = re.compile(
    r"(?<=\d)(\s*@\s*)(\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)+)(?=\s*(?:kgs?|lbs?)\s*$)",
    re.IGNORECASE,
)
# `4 x 34 Kg / 75 lbs`: the load, then the same in the other unit: a conversion
_SLASH_CONVERTED = re.compile(rf"{_A_LOAD}\s*(/\s*{_A_LOAD})", re.IGNORECASE)
_TOTAL = re.compile(r"\s=\s*\d.*$")
# A total after `=` follows sets (`10 x 20 = 200 reps`, `6, 5, 4 = 15`); after anything else
# (`90% = 280 x 13`) the `=` is a label and what follows it may be the set.
_SETS_BEFORE = re.compile(r"\d\s*[x×*]\s*\d|\d\s*[,/]\s*\d")
# A count with "total" beside it (`20 total work reps`, `total of 25 reps`) sums the sets.
_TOTAL_WORDS = re.compile(
    r"\b\d+\s+(?:total|in\s+total)\b[^,;]*|\btotal\s*(?:of|:)?\s*\d+[^,;]*", re.IGNORECASE
)
_PR = re.compile(r"pr", re.IGNORECASE)
# `*PR for 5 reps`, `new PB of 8 reps` after the sets: a note on them, never another set
_PR_NOTE = re.compile(
    r"\*?\b(?:new\s+)?(?:pr|pb)\s*(?:for|of|at)\s+\d+\s*reps?\b(?=\s*[\W]*$)", re.IGNORECASE
)
_UNIT_WORD = r"(?:kgs?|kilos?|lbs?|pounds?|reps?|sets?|x|bw|rpe|rir|for|at)\b"
_DASH_NOTE = re.compile(
    rf"\d[^-–—\n]*?(?:\s[-–—]+|--+|—)\s*((?!{_UNIT_WORD})[^\W\d_].*|\d+\s+(?!{_UNIT_WORD})[^\W\d_].*)$",
    re.IGNORECASE,
)
# Where the writer is, not sets: `day 3 of program`, `week 4 day 2:`, `6 weeks post op`,
# `2 weeks off`, `age 62`, `I'm 67 and`; never a load (`I'm 80kg`).
_WHERE_I_AM = re.compile(
    r"\b(?:week|wk|day)\s*#?\d+\s+(?:of\s+(?:the\s+|my\s+)?(?:program(?:me)?|plan|\d+)|day\s*\d+)\b"
    r"|\b(?:week|wk)\s*#?\d+\s*(?=[:,-])|^\s*day\s*#?\d+\s*(?=[:,-])"
    r"|\b\d+\s+(?:days?|weeks?|months?|years?)\s+(?:post[- ]?op|off|out|after\s+\w+|since\s+\w+)\b"
    r"|\bage[ds]?\s*:?\s*\d+\b|\bi['’]?m\s+\d+\b(?!\s*(?:kgs?|lbs?|kilos?|pounds?|st\b|%))"
    r"|\bwith\s+\d+\s+warm[- ]?up\s+sets?\b|\bback\s+at\s+it\b|\blast\s+one\s*:",
    re.IGNORECASE,
)
# One of these is in every match of `_WHERE_I_AM`: the pattern runs only where one is.
_WHERE_WORDS = (
    "day", "week", "wk", "post", "off", "out", "after", "since", "age", "m ", "warm", "back at",
    "last one",
)  # fmt: skip
_OLD = re.compile("old", re.IGNORECASE)  # in every `_AGE`
_AGE = re.compile(
    r"\b\d+\s*(?:years?|yrs?)[\s-]*old\b(?:\s*@\s*\d+(?:\.\d+)?\s*[a-z]+)?", re.IGNORECASE
)

_COUNT = rf"(\d+|an?|{'|'.join(VALUES)})"
_LAST_ONLY = re.compile(
    r"\blast\s+(?:set|one)\b[^.;:\d]{0,30}?\b(?:only|got|did|just|managed)\s+(\d+)(?!\s*(?:kg|lb|%))"
)
_MISSED = re.compile(
    rf"\b(?:missed|failed)\s+(?:on\s+)?(?:the\s+)?last\s+(?:{_COUNT}\s+)?reps?\b"
    r"|\blast\s+rep\s+(?:failed|missed)\b"
)
# `1 rep short on the last`, `two reps short on the last set`: that many fewer
_SHORT = re.compile(
    rf"\b{_COUNT}\s+reps?\s+short\s+(?:on|in)\s+(?:the\s+)?last(?:\s+(?:set|one))?\b"
    r"(?!\s+(?:\d|two|three|four|sets))"  # not `on the last 2 sets`
)
# `last set 6 reps`, `4 on the last`, `6 on the last set`: the last set's reps (a bare
# `last set 4` may be its RPE: asked, see core.recording.doubts)
_LAST_IS = re.compile(
    r"\blast\s+(?:set|one)\s*:?\s*(?:was\s+)?(\d{1,2})\s*reps?\b(?!\s*(?:at|with|@)\s*\d)"
    r"|(?<![+@\d])(?<!rir\s)(?<!rpe\s)\b(\d{1,2})\s+(?:reps?\s+)?on\s+(?:the\s+)?last"
    r"(?:\s+(?:set|one))?\b(?!\s+(?:\d|two|three|four|few|sets))"
)
# `couldn't finish the last rep`, `failed the 8th rep on the last set`: one rep fewer
_LAST_REP = re.compile(
    r"\b(?:couldn'?t|could\s+not|didn'?t|did\s+not)\s+(?:finish|get|complete)\s+(?:the\s+)?"
    r"last\s+rep\b(?!\s+on\b)"
    r"|\bfailed\s+(?:the\s+)?\d+(?:st|nd|rd|th)\s+rep\s+on\s+(?:the\s+)?last\s+set\b"
)


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m[0])


def _slashed(m: re.Match[str]) -> str:
    """Return `- 80, 100, 120` as `- 80/100/120`, padded to its length: one load a set."""
    return m[1] + _LIST_COMMA.sub("/", m[2]).ljust(len(m[2]))


_LIST_COMMA = re.compile(r"\s*,\s*")


def _keep_loads(m: re.Match[str]) -> str:
    inner = _PR.sub("  ", m[0][1:-1]).replace(",", "/")
    return f" {inner} "


def _conversion(m: re.Match[str]) -> str:
    """Return `20kg (44lbs)` with its bracket blanked when it holds the same load."""
    first, first_unit, second, second_unit = float(m[1]), m[2].lower(), float(m[4]), m[5].lower()
    in_kg = first_unit.startswith("k")
    if in_kg == second_unit.startswith("k") or not first or not second:
        return m[0]
    expected = first / LB_IN_KG if in_kg else first * LB_IN_KG
    if abs(second - expected) > CONVERTED_WITHIN * expected:
        return m[0]
    return m[0][: m.start(3) - m.start()] + " " * len(m[3])


# The reps of the set just before a bracket: `5@90kg`, `90kg x 5`, `5 reps`.
_REPS_BEFORE = re.compile(
    r"(?:(?<![\w.])(\d+)\s*@\s*\d+(?:\.\d+)?\s*(?:kgs?|lbs?)?|[x×]\s*(\d+)|(\d+)\s*reps?)\s*$",
    re.IGNORECASE,
)


_COUNT_BEFORE = re.compile(r"(?<![\w.])(\d+)\s*(?:sets?\s*(?:of|x)?|[x×])\s*\d+\s*$", re.IGNORECASE)
_UNIT_LOAD_BEFORE = re.compile(
    r"\d\s*(?:kgs?|lbs?|kilos?|pounds?|#)(?![a-z])[^()]*$", re.IGNORECASE
)
SMALL_COUNT = 30  # numbers this small after a load with a unit are reps, not more loads


def _breakdown(m: re.Match[str], numbers: list[float]) -> bool:
    """Return whether a bracket of numbers splits the set before it: `5@90kg (3,2)`, not
    `2 x 12 (5, 7)` (a load for each of the two sets)."""
    before = _REPS_BEFORE.search(m.string, 0, m.start())
    if before is None:
        return False
    count = _COUNT_BEFORE.search(m.string, 0, m.start())
    if count is not None and int(count[1]) == len(numbers):
        return False
    return sum(numbers) == int(next(g for g in before.groups() if g))


def _reps_not_loads(m: re.Match[str], numbers: list[float]) -> bool:
    """Return whether a bracket of small numbers with no unit follows a load that has one:
    `bench 3x5 80kg (5,5,4)` holds reps (or notes), not loads of 5, 5 and 4 kg."""
    return max(numbers) <= SMALL_COUNT and bool(_UNIT_LOAD_BEFORE.search(m.string, 0, m.start()))


# A set's reps in brackets after its load, the set ending there: `40kg (6 reps),`, `40s (8)`,
# `bench 135 (8), 155 (6)` (a bare load only where the shape repeats).
_REPS_OF_LOAD = re.compile(r"\(\s*(\d{1,2})\s*(?:reps?)?\s*\)", re.IGNORECASE)
_LOAD_BEFORE = re.compile(
    r"(?:\d\s*(?:kgs?|lbs?|kilos?|pounds?|#|s)|\bbar|(?<![\w.])(\d{2,3}(?:\.\d+)?))\s*$",
    re.IGNORECASE,
)
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
_SET_ENDS = re.compile(r"\s*(?:[,;]|[.!]*(?:\n|$))")
_BARE_LOAD_REPS = re.compile(r"(?<![\w.])\d{2,3}(?:\.\d+)?\s*\(\s*\d{1,2}\s*\)")


def _reps_of_load(m: re.Match[str], reps: int) -> bool:
    """Return whether the bracket is the reps of the load just before it (see above)."""
    before = _LOAD_BEFORE.search(m.string, 0, m.start())
    if before is None or not _SET_ENDS.match(m.string, m.end()):
        return False
    # the load is the set's only number (`squat 3x5 100kg (5)` has its reps: a note)
    start = max(m.string.rfind(c, 0, m.start()) for c in ",;:\n") + 1
    if len(_NUMBERS.findall(m.string, start, m.start())) > 1:
        return False
    if before[1] is None:
        return True
    return float(before[1]) > reps and len(_BARE_LOAD_REPS.findall(m.string)) > 1


def _bracket(m: re.Match[str]) -> str:
    if _REPEAT.fullmatch(m[0]):
        return m[0]
    if (reps := _REPS_OF_LOAD.fullmatch(m[0])) and _reps_of_load(m, int(reps[1])):
        return f" x {reps[1]}".ljust(len(m[0]))
    if _LOADS.fullmatch(m[0]):
        if not re.search(r"[a-zA-Z]", m[0]):  # numbers alone, no unit or `PR`
            numbers = [float(n) for n in _NUMBERS.findall(m[0])]
            # `5@90kg (3,2)`: five reps done as three and two (rest-pause), not more sets.
            if _breakdown(m, numbers):
                return _spaces(m)
            if _reps_not_loads(m, numbers):
                return f" ({m[0][1:-1]} ) "  # left as it was typed: asked, never loads
        return _keep_loads(m)
    if _LOAD_PER_SIDE.fullmatch(m[0]) and _UNIT_LOAD_BEFORE.search(m.string, 0, m.start()):
        return _spaces(m)
    if one := _ONE_LOAD.fullmatch(m[0]):
        return f" {one[1]}".ljust(len(m[0]))
    if "last" in m[0].lower() and _failure_at_the_end(m):
        return f",{m[0][1:-1]} "  # `5x6 (failed on the last rep)`: words of failure count
    return _spaces(m)


# Words that make a failure not this session's, or not one: `(nearly failed the last rep)`.
_HEDGE = re.compile(r"\b(?:nearly|almost|never|not|no|didn'?t|last\s+time|previous|usually)\b")
# `(failed the last rep of the first set)`: a set named, not the last one
_WHICH_SET = re.compile(r"\b(?:first|second|third|1st|2nd|3rd|set\s+\d|of\s+set)\b")
_LINE_END = re.compile(r"[\s.!]*(?:\n|$)")


def _failure_at_the_end(m: re.Match[str]) -> bool:
    """Whether a bracket closing its line tells of a failed last rep: it then changes the
    last set (`chin ups 5x6 (failed on the last rep)`); one before more sets is a note."""
    inner = m[0][1:-1].lower()
    return (
        _LINE_END.match(m.string, m.end()) is not None
        and not _HEDGE.search(inner)
        and not _WHICH_SET.search(inner)
        and failure(inner) is not None
    )


def kept(bracket: str) -> bool:
    """Return whether `blank` keeps a bracket as data (`(x 3)`, `(80, 85, 90kg)`)."""
    return any(p.fullmatch(bracket) for p in (_REPEAT, _LOADS, _ONE_LOAD, _LOAD_PER_SIDE))


# `(EMOM 10)`, `EMOM x 10 min`, `10 min EMOM`: a set every minute for that many minutes, so
# that many sets of the one set written (a count, as `(x 10)`).
_EMOM = re.compile(
    r"\(?\bemom\s*(?:x|for)?\s*(\d+)\s*(?:min(?:ute)?s?\b|')?\s*\)?"
    r"|\b(\d+)\s*(?:min(?:ute)?s?\b|')\s*emom\b",
    re.IGNORECASE,
)


def _emom(m: re.Match[str]) -> str:
    minutes = int(m[1] or m[2])
    return f"(x {minutes})".ljust(len(m[0])) if minutes > 1 else m[0]  # too many: asked


# `curl 15x10 three times`, `bench 80x8 twice`: the set before, that many times (not `3
# times a week`, a habit, nor `three times eight`, asked in doubts)
_TIMES_OVER = re.compile(
    # after a number, or a set's last word (`5 reps, 3 times`, `with 40kg, three times over`)
    r"(?:(?<=[\dx])|(?<=reps)|(?<=rep)|(?<=kg)|(?<=kgs)|(?<=lb)|(?<=lbs)|(?<=kilos))"
    r"(\s*,?\s*)(?:x\s*)?(?:(\d|two|three|four|five|six)\s+times|(twice))\b"
    r"(?!\s+(?:a|per|each|every|in|this|last|that|these|those|more|less|as)\b|\s+\w*\d"
    r"|\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE,
)
_TIMES_WORD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twice": 2}


def _times_over(m: re.Match[str]) -> str:
    word = (m[2] or m[3]).lower()
    count = int(word) if word.isdigit() else _TIMES_WORD[word]
    # the comma after it ends the part: `x 3 twice and 120 x 1` repeats the 3, not the 1
    return (" " * len(m[1]) + f"(x {count}),").ljust(len(m[0])) if count > 1 else m[0]


def sets_bracket(line: str) -> re.Match[str] | None:
    """Return the bracket that holds the line's sets, with no number outside it."""
    inside = _SETS_INSIDE.search(line)
    if inside is None:
        return None
    outside = line[: inside.start()] + line[inside.end() :]
    numbers_only = not _WORDS_BESIDE_SETS.findall(_DASH_TAIL.sub("", inside[1]))
    if numbers_only and _LETTER.search(outside) and not _DIGIT.search(outside):
        return inside
    return None


def blank(line: str) -> str:
    """Return `line` with its notes replaced by spaces (see the module docstring)."""
    if "mom" in line or "MOM" in line:
        line = _EMOM.sub(_emom, line)
    if "times" in line.lower() or "twice" in line.lower():
        line = _TIMES_OVER.sub(_times_over, line)
    # Each pattern is tried only when the line holds a string every match of it holds.
    if '"' in line or "“" in line:
        line = _QUOTED.sub(_spaces, line)
    if "(" in line and (inside := sets_bracket(line)):
        # `Bench Press (135 x 8 x 3 – fast reps)`: the sets are the bracket's, read
        line = f"{line[: inside.start()]} {inside[1]} {line[inside.end() :]}"
    if "(" in line or "[" in line or "{" in line:
        line = _CONVERTED.sub(_conversion, line) if "(" in line else line
        line = _BRACKETED.sub(_bracket, line)
    if _OLD.search(line):
        line = _AGE.sub(_spaces, line)
    lowered = line.lower()
    if any(word in lowered for word in _WHERE_WORDS):
        line = _WHERE_I_AM.sub(_spaces, line)
    if "=" in line and (m := _TOTAL.search(line)) and _SETS_BEFORE.search(line[: m.start()]):
        line = line[: m.start()] + _spaces(m)
    if ("pr" in line or "PR" in line or "pb" in line or "PB" in line) and _PR_NOTE.search(line):
        line = _PR_NOTE.sub(_spaces, line)
    if "total" in line.lower():
        line = _TOTAL_WORDS.sub(_spaces, line)
    dashed = "-" in line or "–" in line
    if dashed and "," in line:
        line = _DASH_LOADS.sub(_slashed, line)
    if "@" in line and "," in line:
        line = _AT_LOADS.sub(_slashed, line)
    if "/" in line and (m := _SLASH_CONVERTED.search(line)):
        line = _SLASH_CONVERTED.sub(_conversion, line)
    if (dashed or "—" in line) and (m := _DASH_NOTE.search(line)):
        if failure(m[1].lower()) is not None and not _HEDGE.search(m[1].lower()):
            # `bench 3x8 80kg - last set only 6`: words of failure after a dash count
            dash = max(line.rfind(c, 0, m.start(1)) for c in "-–—")
            line = line[:dash] + "," + line[dash + 1 :]
        else:
            line = line[: m.start(1)] + " " * (m.end(1) - m.start(1))
    return line


def without_failure(text: str) -> str:
    """Return `text` with its words of failure blanked: their numbers are not sets."""
    if "last" not in text:  # in every `_LAST_ONLY` and `_MISSED`
        return text
    for pattern in (_LAST_ONLY, _MISSED, _SHORT, _LAST_IS, _LAST_REP):
        text = pattern.sub(_spaces, text)
    return text


def failure(text: str) -> tuple[str, int] | None:
    """Return ("last", n) for `last set only n`, ("fewer", n) for `missed the last n reps`."""
    if "last" not in text:  # in every `_LAST_ONLY` and `_MISSED`
        return None
    if m := _LAST_ONLY.search(text):
        return "last", int(m[1])
    if m := _MISSED.search(text):
        word = m[1] or "one"
        count = int(word) if word.isdigit() else VALUES.get(word, 1)
        return "fewer", count
    if m := _SHORT.search(text):
        return "fewer", int(m[1]) if m[1].isdigit() else VALUES.get(m[1], 1)
    if m := _LAST_IS.search(text):
        return "last-is", int(m[1] or m[2])  # the last set's reps, more or fewer
    if _LAST_REP.search(text):
        return "fewer", 1
    return None


# Words of a plan or a wish, not a record: such sets are asked about, never logged.
PLAN = re.compile(
    r"\bplan\s*[-:–]|\bwill\s+be\s*:|"  # `thursday plan - bench 3x8 82.5`, `plan: squat 3x5`
    # what one would have done (`I'd happily have done it`)
    r"\bi['’]d\s+(?:\w+\s+)?have\s+(?:done|gone|run|walked|ridden|lifted)\b|"
    r"\b(?:supposed to|called for|planned|plan(?:ning)? to|going to|gonna|will do|"
    r"(?<!n't )(?<!n’t )(?<!not )want(?:ed)? to|next (?:time|week|session)|tomorrow|goal|"
    # `could have done more` (a note on the sets done) is no plan
    r"optional|(?:could|would|should|might) have"
    r"(?!\s+(?:done|gone|got|gotten)\s+(?:more|another|a\s+few|an?\s+extra|extra|one|two|\d))|"
    r"for example|if you|(?:when|until|once) you can|"
    # `plan for thursday:`, `my coach wants me to do 4x6`, `physio said do 3x10 squats`
    r"plan\s+for|wants?\s+me\s+to|told\s+me\s+to|(?:my\s+)?aim\s+(?:was|is)|committed\s+to|"
    r"(?:doc|doctor|trainer|coach|physio)\s+(?:says|wants)|my\s+program(?:me)?\s+(?:has|says)|"
    r"(?:coach|physio|doctor|trainer|therapist)\s+(?:said|says|gave|prescribed)(?:\s+me)?(?:\s+to)?"
    r"\s+do)\b"
)
# A habit, not a session: `I run 5 times a week`, `lift twice per week`, `I work up in 20kg
# increments`, `I usually do 3 sets`.
HABIT = re.compile(
    r"\b(?:\d+|once|twice|two|three|four|five|six|seven|several|a\s+few|few|many)\s+"
    r"(?:times|days|sessions?|runs?)?\s*(?:a|per|each|every)\s+week\b"
    r"|\bi\s+(?:usually|always|normally|generally|typically|tend\s+to|work\s+up)\b"
    r"|\bi\s+can\s+(?:now\s+|still\s+|only\s+)?(?:do|get|manage|walk|run|jog|swim|ride|cycle|lift"
    r"|squat|bench|deadlift|press|hold)\b"  # what one can do, not what one did
    r"|\bevery\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    # `I walk 45 min every morning`, `mondays I squat 3x5`, `every week I do 3x8 bench`
    r"|(?<!\bas\s)\bi\s+(?:walk|run|jog|swim|ride|cycle|bike|lift|squat|bench|do)\b[^.\n]{0,40}"
    r"\bevery\s*(?:morning|evening|night|day|week)\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\s+i\b|\bevery\s+week\s+i\b"
    r"|^\s*(?:usually|normally)\b|\b(?:usually|normally)[\s.!]*$"
    # `most days I do 50 push ups`, `daily: 10 min walk`, `each monday:`, `3x a week`
    # `is always a mile`, `Monday's are my full days`, `most weekdays for last 27 years`
    r"|\b(?:is|are)\s+always\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]?s?\s+(?:are|is)\s+my\b"
    r"|\bmost\s+(?:week)?days\b|\bfor\s+(?:the\s+)?(?:last|past)\s+\d+\s+years\b"
    r"|^\s*daily\s*:|^\s*(?:each|every)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\bevery\s+day\s+i\b|(?:^|[.!]\s*)every\s+day\b|\b\d\s*x\s+(?:a|per)\s+week\b"
    r"|\bi\s+could\s+(?:now\s+|probably\s+|easily\s+)?(?:do|get|manage|lift|squat|bench|deadlift"
    r"|press|run|walk|swim|ride|row|cycle)\b"
    # `On days that were raining, I'd walk about 24 minutes`: what one would do then
    r"|\bi['’]d\s+(?:usually\s+|often\s+|always\s+)?(?:walk|run|jog|swim|ride|cycle|bike|row|do|go)\b"
    r"|\bon\s+days\s+(?:that|when)\b"
    # `Coach Greg would send me out on a ten minute run`, `I'd only ever do the first ten`
    r"|\bwould\s+(?:send|have|make|get|take)\s+(?:me|us)\b|\bi['’]d\s+only\s+ever\b"
    r"|\bwould\s+(?:only\s+)?(?:normally|usually|typically|generally)\b"  # `a run would normally`
    # where one has got to: `my deadlifts are at 185`, `currently doing about 3 sets of 4`
    r"|\bcurrently\s+doing\b|\bmy\s+(?:\w+\s+)?(?:lifts?|squats?|deadlifts?|bench(?:es)?|"
    r"press(?:es)?|maxe?s?|numbers|rows?|curls?)\s+(?:are|is)\s+(?:at|up\s+to)\s+\d"
)
# What is done as a rule: `Our normal run is 25 minutes or so`, `We do a solid half-hour on
# cardio` (beside today's, `Today we are gone for just over an hour`, which time is whose?)
USUAL = re.compile(
    r"\b(?:my|our)\s+(?:normal|usual|regular|typical)\s+(?:\w+\s+)?(?:is|was|takes|lasts)\b"
    r"|\bwe\s+do\s+(?:a|an|our)\s+(?:\w+\s+)?(?:half[- ]hour|hour|\d+\s*(?:min|minutes))"
    r"\s+(?:on|of)\b"
)
# A target in brackets (`Squats (Goal Weight: 140kg)`): a note about the aim, neither a
# plan for these sets nor a load of theirs.
TARGET_NOTE = re.compile(r"\([^()]*\b(?:goal|target)\b[^()]*\)")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# Words that put the session in the past (`On Tuesday I deadlifted`, `two weeks ago`): what
# it names is history, not today's log, so its sets are asked about, never recorded.
PAST = re.compile(
    r"\b(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:days?|weeks?|months?|years?) ago"
    rf"|(?<!than )last (?:week|month|year|{_MONTHS})|used to|back then|at that time"
    r"|\bi\s+was\s+up\s+to\b"  # `In six months I was up to 2 sets of 15 push ups`
    # `my first ride around the park this past April`
    rf"|this\s+past\s+(?:{_MONTHS}|spring|summer|autumn|fall|winter)"
    r"|^\s*last\s+time\s+i|back\s+in\s+the\s+day|in\s+(?:19|20)\d\d|when\s+i\s+was\s+\d+"
    # `Back on July 9, I took 42 mins to swim`: a day recalled
    rf"|back\s+(?:on|in)\s+(?:{_MONTHS}))\b"
    r"|\b(?:recent|current) (?:work|lifts|numbers|maxes|bests|prs)\s*:"  # a bio's list
    # `last weeks run of 10.97km`, `current capacity: 295x6`, `strongest session at 225 was`
    r"|\blast\s+weeks?['’]?s?\s+(?:run|walk|ride|swim|session|workout)\b"
    r"|\b\d+\s+days?\s+in\s+a\s+row\b"  # `I've rowed 8 days in a row`: a streak's tally
    # `course PB: 28:33` (not `new all time pr:`, today's)
    r"|(?<!new\s)\b(?:course|overall|all[- ]time|lifetime)\s+(?:pb|pr|best)\s*:"
    r"|\b(?:current\s+)?capacity\s*:|\b(?:strongest|heaviest|best|fastest)\s+"
    r"(?:session|set|lift|run|time|day)\b[^.\n]{0,30}\bwas\b"
)
