"""When a reading is not confidently the writer's: a question instead of a record.

A plan or a wish and a session in the past (the words are `notes.PLAN` and `notes.PAST`,
checked by the parser over the whole fragment), sets done for a time (`5 minutes of
getups`), load from gear with no weight on a bodyweight lift (`2 chains on my back`), a
load in grams (`260g`), a load inside a bracket note (`(BW=156 lbs + 60 lbs)`), and a
later part that names a variant (`305 x 1 seated`).
"""

from __future__ import annotations

import re

from core.recording import notes
from core.recording.catalogue import Exercise, resolve
from core.recording.entries import StrengthEntry
from core.recording.fragments import Segment
from core.recording.marks import MAX_PLAUSIBLE_SETS
from core.recording.readings import BARBELL_LIFTS

# Doubts that turn a strength reading into a question (`_doubt`).
_LENGTHS = re.compile(r"\b(\d+)\s*(lengths?|lanes?|trips?|laps?)\b")
_TWO_BARE = re.compile(r"[a-z][a-z' -]*?\s+(\d{1,2})\s+(\d{1,2})")
_SHORT_ON_SETS = re.compile(
    r"\b(?:\d+|a|one|two)\s+reps?\s+short\b[^.;\n]{0,30}\b(?:\d+|two|three|four)\s+sets\b"
)
_MORE_AT = re.compile(r"\b\d+\s+more\s+(?:sets?\s+)?(?:at|@|with|of)\s+\d")
_TIMED_WORK = re.compile(r"\b\d+\s*(?:minutes?|mins?)\s+(?:bursts?\s+|intervals?\s+)?of\b")
# `3 x 10 reps of chest press. 2 x 10Kg weight.`: a pair of weights, not a set of 2 reps
_PAIR_OF_WEIGHTS = re.compile(
    r"\b(?:2|two)\s*[x×]\s*(\d+(?:[.,]\d+)?\s*(?:kgs?|lbs?|kilos?|pounds?))\s+"
    r"(?:weights?|dumbbells?|dbs?|bells?|kettlebells?)\b"
)
_GEAR_LOAD = re.compile(r"\b(?:chains?|vest|backpack|weight belt|plates? on|on my back)\b")
# `bench 225 plus 2 chains per side`, `squat 100kg + bands`: the load changes through the lift
_CHAINS_OR_BANDS = re.compile(
    r"(?:\bwith|\bplus|\+|\band)\s+(?:\d+\s+|an?\s+|light\s+|heavy\s+|mini\s+)*(?:chains?|bands?)\b"
)
# `shrugs 20 pounds each hand`, `bench 30kg dumbbells`, `ohp 15kg each`: two dumbbells (or
# kettlebells) on a lift we know as a barbell's
_EACH_HAND = re.compile(
    r"\b(?:in\s+)?(?:each|per|a|every)\s+(?:hand|arm)\b|\b(?:dumbbells?|dbs|kettlebells?|kbs)\b"
    r"|\d\s*(?:kgs?|lbs?|#|pounds?|kilos?)?\s+each\b(?!\s+(?:side|leg|set|way)\b)"
)
# A bracket with this many words besides loads is a remark about the sets, not more of them.
MIN_BRACKET_PROSE_WORDS = 5
# ... unless it tells of sets: `(did the last two sets at 90kg)`, `(first set was 130kg)`
_SETS_NAMED = re.compile(
    r"\b(?:sets?|first|second|third|fourth|fifth|last|final|reps?|used|did|dropped|went)\b"
)
_PROSE_WORD = re.compile(
    r"\b(?!(?:kgs?|lbs?|pounds?|bw|x|reps?|sets?|each|plus)\b)[a-z]{2,}\b", re.I
)
_BRACKET_LOAD = re.compile(r"[(\[][^()\[\]\n]*?\d\s*(?:kgs?|lbs?|pounds?|#)[^()\[\]\n]*[)\]]")
# A load in grams is a typo for kilos, or a note (`6 reps x 260g`): asked, never guessed.
_GRAMS = re.compile(
    r"(?:[x×@]\s*|\bat\s+)(\d+(?:\.\d+)?)\s*(?:g|gr|grams?)\b"
    r"|(?<![\w.])(\d+(?:\.\d+)?)\s*(?:g|gr|grams?)\s*[x×]\s*\d"
)
# (a dumbbell's `15kg each side` is its own weight, the usual way: only after a `+` or plates)
_A_SIDE = r"\s*(?:/\s*|per\s+|each\s+|a\s+|on\s+each\s+)side\b"
_PER_SIDE_LOAD = re.compile(
    r"(?:\+\s*\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#|pounds?|kilos?)|\d\s*(?:kgs?|lbs?)?\s*plates?)"
    + _A_SIDE
)
# `squat 3x5 40kg/side`: on a barbell, plates a side (the bar beside them unsaid)
_LOAD_A_SIDE = re.compile(r"\d\s*(?:kgs?|lbs?|#)?" + _A_SIDE)
_MORE_THAN_LAST = re.compile(
    r"\+\s*\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#|pounds?|kilos?)?\s*(?:from|than|on|over|vs)\s+"
    r"(?:last|previous|before)"
)
# `squat 3x5 up 5kg`, `added 5kg`, `5kg heavier than friday`, `2.5 kg less than monday`:
# with no other load written, only what changed
_RELATIVE_LOAD = re.compile(
    r"(?:(?<!-)(?<!chin\s)(?<!pull\s)(?<!push\s)(?<!sit\s)(?<!step\s)(?<!get\s)(?<!warm\s)"
    r"(?<!work\s)(?<!ramp\s)(?<!worked\s)(?<!ramped\s)(?<!built\s)\bup"
    r"|\b(?:added|add|adding|down|dropped))\s+(?:by\s+)?\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#|pounds?|kilos?)\b"
    r"|\d+(?:\.\d+)?\s*(?:kgs?|lbs?|#|pounds?|kilos?)\s+(?:more|less|heavier|lighter)\b"
)
_LOAD_WITH_UNIT = re.compile(r"\d\s*(?:kgs?|lbs?|#|pounds?|kilos?)\b")
_PIN = re.compile(r"\b(?:stack|pin|plate|notch|level|setting)\s*(?:#|no\.?)?\s*\d+\b")
_AMRAP = re.compile(r"\bamrap\s*:?\s*(?:of\s+|for\s+|x\s*)?\d|\d+\s*(?:x\s*)?amrap\s+\d")
_COUNT_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_TIMES_WORDS = re.compile(rf"(?<![\w.]){_COUNT_WORD}\s+times\s+{_COUNT_WORD}\b")
_SET_SKIPPED = re.compile(
    r"\b(?:failed|skipped|missed|bailed\s+on)\s+(?:on\s+)?(?:the\s+)?(?:last|final|\d+(?:st|nd|rd|th))"
    r"\s+set\b|\b(?:failed|skipped|missed)\s+set\s+\d"
    r"|\b(?:couldn'?t|could\s+not|didn'?t|did\s+not)\s+(?:finish|complete)\s+(?:the\s+)?last\s+set\b"
)
# A bar that makes another lift of it (`Shrugs w/ Apollons Axle`, `squat with the SSB`)
_SPECIAL_BAR = re.compile(
    r"\b(?:w/|with|on|using)\s+(?:an?\s+|the\s+)?(?:apollons?\s+|fat\s+)?"
    r"(axle|ssb|safety\s+(?:squat\s+)?bar|trap\s+bar|hex\s+bar|football\s+bar|swiss\s+bar|"
    r"cambered\s+bar)\b"
    r"|\b(?:w/|with|using)\s+(?:a\s+|the\s+)?(log)\b(?!\s+(?:book|app|sheet))"
)
_SPECIAL_BAR_NAME = {"ssb": "the safety squat bar", "axle": "an axle", "log": "a log"}
# Reps `each` on a lift done with both hands (or feet) at once: each of what? (`x 20ea`)
_BOTH_SIDES_AT_ONCE = BARBELL_LIFTS | {
    "lat_pulldown", "seated_row", "leg_press", "machine_chest_press", "machine_shoulder_press",
    "leg_extension", "leg_curl", "pec_deck", "machine_row", "hack_squat", "smith_machine_squat",
}  # fmt: skip
_ONE_SIDE_SAID = re.compile(r"\b(?:single|one|1)[\s-]*(?:arm|leg|side|hand)|\bunilateral\b")
_EACH_REPS = re.compile(r"x\s*\d+\s*(?:ea|each)\b(?!\s*(?:side|leg|arm|hand|way|direction)s?\b)")
_FAILED_SINGLE = re.compile(
    r"(?:(?:\b|(?<=\d))x\s*1|\b1\s*x\s*1|\bsingle)\b\W{0,3}(?:[a-z&]+\W{1,3}){0,2}?"
    r"(?:failed|missed|fail|miss)\b(?!\s+(?:the\s+)?last)"  # `95 x 1 x 1 Clean miss`
)
_SET_DROPPED = re.compile(r"\b(?:dropped|went|came)\s+(?:back\s+)?(?:down|up)?\s*to\s+\d")
# `(last set 6 reps)`, `(4 on last)`
_LAST_ONE = r"(?:\blast\s+(?:set|one|rep)|\bon\s+(?:the\s+)?last\b)"
_BRACKET_LAST = re.compile(
    rf"\((?![^()]*\b(?:failed|missed|rpe|rir)\b)[^()]*(?:{_LAST_ONE}[^()]*\d|\d[^()]*{_LAST_ONE})"
    r"[^()]*\)"
)
# `- got 5,5,4`; `Ended up with 3, 3, 2, 2, 2 reps.` on the line below the sets
_GOT_LIST = re.compile(
    r"(?:[-–,;]\s*got|(?:^|[\n.]\s*)(?:ended\s+up\s+with|only\s+got|managed))"
    r"\s+\d+(?:\s*[,/-]\s*\d+|\s+\d+)+"
)
# `didn't get the last rep on sets 2 and 3`, `... on the first set`: which sets, asked
_REP_ON_SETS = re.compile(
    r"\blast\s+reps?\s+on\s+(?:sets?\s+\d|the\s+(?:first|second|third|1st|2nd|3rd))"
)
_NAMED_SET = re.compile(
    r"\b(?P<which>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)\s+set\s*"
    r"(?:was\s+|at\s+|@\s*|:\s*|with\s+)?(?P<n>\d+(?:\.\d+)?)"
)
_REPS_OR_RPE = re.compile(r"\s*(?:reps?\b(?!\s*(?:at|with|@)\s*\d)|(?:at\s+|@\s*)?(?:rpe|rir)\b)")
# `4 on the last 2 sets`, `+5 on the last`, `last set 4 reps at 90kg`: more than one set's
# reps, or another load
_LAST_MORE = re.compile(
    r"\d\s+(?:reps?\s+)?on\s+(?:the\s+)?last\s+(?:\d|two|three|four|few)"
    r"|\+\s*\d+(?:\.\d+)?\s*(?:kgs?|lbs?)?\s+on\s+(?:the\s+)?last\b"
    r"|\blast\s+(?:set|one)\s*:?\s*\d+\s*reps?\s*(?:at|with|@)\s*\d"
)
# A number this big after `last set` is a load (`last set 105`), not its reps.
MIN_SET_LOAD = 20
_VARIANT = re.compile(
    r"\b(?:seated|one[- ]?hand(?:ed)?|one[- ]?arm(?:ed)?|single[- ]?(?:arm|leg)|incline|decline"
    r"|close[- ]?grip|paused?|deficit|sumo)\b"
)


def _set_changed(raw: str, label: str, bodyweight: bool = False) -> str | None:
    """Return a question when one named set differs in a way the sets can't show: failed or
    skipped (`failed set 5`, `skipped last set`), another load (`last set 105`, `dropped to
    60 for last set`, `2nd set 125`), another set's reps (`third set 4 reps`), a list of what
    each got after the dash (`- got 5,5,4`)."""
    question = (
        f"Which {label} set was different, and how? Send each set, e.g. "
        f"`{label} {'bw' if bodyweight else '100kg'} 5, 5, 4`"
    )
    shapes = (_SET_SKIPPED, _SET_DROPPED, _GOT_LIST, _BRACKET_LAST, _REP_ON_SETS, _LAST_MORE)
    if any(p.search(raw) for p in shapes):
        return question
    for m in _NAMED_SET.finditer(raw):
        last = m["which"] in ("last", "final")
        marked = _REPS_OR_RPE.match(raw, m.end())  # `last set 7 reps`, `last set 9 rpe`
        if not last or float(m["n"]) >= MIN_SET_LOAD or not marked:
            return question
    return None


def doubt(fragment: list[Segment], exercise: Exercise, source: str) -> str | None:
    """Return a question when sets were read but something beside them may change them.

    Sets done for a time (`5 minutes of getups`), load from gear with no weight on a
    bodyweight lift (`2 chains on my back`), a load inside brackets (`(BW=156 lbs + 60
    lbs)`), and a part after the first that names a variant (`305 x 1 seated`).
    """
    label = exercise.name.lower()
    raw = source.lower()
    if _TIMED_WORK.search(" ".join(s.text for s in fragment)):
        return f"How many reps of {label} was that? e.g. `{label} 3x8 100kg`"
    if m := _GRAMS.search(raw):
        grams = m[1] or m[2]
        return (
            f"Was that {grams} kg on the {label}? Send the load with its unit, "
            f"e.g. `{label} 3x8 {grams}kg`"
        )
    barbell_only = "barbell" in exercise.equipment and "dumbbell" not in exercise.equipment
    if _PER_SIDE_LOAD.search(raw) or (barbell_only and _LOAD_A_SIDE.search(raw)):
        # `bench 60kg + 20kg/side`: the bar and a plate a side, or what? The total is asked.
        return f"What did the {label} weigh in all, bar and plates? e.g. `{label} 3x5 100kg`"
    if _AMRAP.search(raw) or _TIMES_WORDS.search(raw):
        # `+ 1 amrap 8`, `amrap 9`: a set of as many reps as possible, its reps unsure where;
        # `three times eight`: 3 sets of 8, or 8 of 3? Asked.
        return f"How many sets of how many reps? Send each set, e.g. `{label} 100kg 5, 5, 8`"
    if m := _LENGTHS.search(raw):
        # `sled push 4 lengths 60kg`: pushes, not reps
        count = m[1]
        return (
            f"Were those {count} {m[2]} of {label}? I log them as sets of one, e.g. "
            f"`{label} {count}x1 60kg`"
        )
    if (m := _TWO_BARE.fullmatch(raw.strip())) and int(m[1]) <= min(int(m[2]), MAX_PLAUSIBLE_SETS):
        # `Chins 3 6`: 3 sets of 6, or two sets of 3 and 6? (`8 6`: two sets, fewer the 2nd)
        return (
            f"{exercise.name}: {m[1]} sets of {m[2]}, or two sets of {m[1]} and {m[2]}? "
            f"e.g. `{label} {m[1]}x{m[2]}`"
        )
    if _SHORT_ON_SETS.search(raw):
        # `1 rep short on the last 2 sets`: which sets had how many? Asked, never more sets
        return f"How many reps in each set of {label}? Send each set, e.g. `{label} 80kg 8, 7, 7`"
    if _MORE_AT.search(raw):
        # `then 2 more at 180`: two more sets, their reps unsaid; never a set of 2
        return (
            f"How many reps in each of the extra sets of {label}? Send each set, e.g. "
            f"`{label} 180x8, 180x6`"
        )
    bar = _SPECIAL_BAR.search(raw)
    kind = (bar[1] or bar[2]) if bar else ""
    if kind and kind not in exercise.name.lower():
        # `Shrugs w/ Apollons Axle`: on another bar it is a lift of its own, never this one
        named = f"{kind} {label}"
        add = "" if resolve(named) is not None else ", and I'll ask to add it"
        return (
            f"Was that {label} done with {_SPECIAL_BAR_NAME.get(kind, 'a ' + kind)}? On "
            f"that bar it is a lift of its own: send it with its name first, e.g. "
            f"`{named} 3x8`{add}."
        )
    if (
        exercise.id in _BOTH_SIDES_AT_ONCE
        and not _ONE_SIDE_SAID.search(raw)
        and (each := _EACH_REPS.search(raw))
    ):
        # `Seated Lat. Pulldown 60lb x 20ea (wide and narrow grip)`: each grip, each side?
        return (
            f"What does `{each[0].strip()}` mean for the {label}: each side, or each of more "
            f"sets? Send each set, e.g. `{label} 60 x 20, 60 x 20`"
        )
    if _FAILED_SINGLE.search(raw):
        # `squat 140kg x 1 failed`: a single that didn't go up is no set to log. Asked.
        return (
            f"Did that {label} single go up? A missed lift can't be logged: send the sets "
            f"you made, e.g. `{label} 3x5 100kg`"
        )
    if question := _set_changed(raw, label, exercise.bodyweight):
        return question
    relative = _RELATIVE_LOAD.search(raw) and len(_LOAD_WITH_UNIT.findall(raw)) == 1
    if _MORE_THAN_LAST.search(raw) or relative:
        # `bench 3x8 +2.5kg from last time`: what was added, not the load. What was it in all?
        return f"What did the {label} weigh in all this time? e.g. `{label} 3x8 100kg`"
    if _PIN.search(raw) and not _LOAD_WITH_UNIT.search(raw):
        # `chest press 3x12 stack 7`: a pin's place on the stack, not kilos. Asked.
        return (
            f"How heavy was the {label}, in kg or lb? A stack's pin number isn't a weight, "
            f"e.g. `{label} 3x12 40kg`"
        )
    if m := notes.EITHER.search(raw):
        return f"Was it {m[1]} or {m[2]} on the {label}? Send the sets as they were, e.g. " + (
            f"`{label} 3x8`" if exercise.bodyweight else f"`{label} 3x8 100kg`"
        )
    if barbell_only and _EACH_HAND.search(raw):
        return (
            f"A weight in each hand: was the {label} done with dumbbells? Send it with its "
            f"name, e.g. `dumbbell {label} 3x10 10kg`"
        )
    if not exercise.bodyweight and _CHAINS_OR_BANDS.search(raw):
        return (
            f"Chains or bands change the {label}'s load through the lift: what did the bar "
            f"weigh without them? e.g. `{label} 3x3 100kg`"
        )
    if exercise.bodyweight and _GEAR_LOAD.search(raw):
        return f"How much weight did you add to the {label}? e.g. `{label} 3x8 bw+10kg`"
    read = notes.sets_bracket(raw) if "(" in raw else None
    for m in _BRACKET_LOAD.finditer(raw):
        if read is not None and read[0] == m[0]:
            continue  # `Chest Press (10 @26kg, 9 @22kg)`: the sets themselves
        if len(_PROSE_WORD.findall(m[0])) >= MIN_BRACKET_PROSE_WORDS and not _SETS_NAMED.search(
            m[0]
        ):
            continue  # `(funny how much easier 165 is than 175..only 10 lb.)`: a remark
        if not notes.kept(m[0]) and not notes.TARGET_NOTE.fullmatch(m[0]):
            return f"Is {m[0]} part of the {label} sets? Send them with the load, e.g. " + (
                f"`{label} 3x5 bw+20kg`" if exercise.bodyweight else f"`{label} 3x5 100kg`"
            )
    for segment in fragment[1:]:
        if not segment.exercise and (m := _VARIANT.search(segment.text)):
            return (
                f"Was the {m[0]} set another lift than {label}? "
                f"Send it on its own line with its name."
            )
    return None


# More reps than one set of most people holds, with no set written (`I did 100 pull-ups
# today`, `80 sit ups`): one set, or a day's total? Asked.
MANY_REPS = 51  # more than 50
_SET_WRITTEN = re.compile(
    r"\bsets?\b|\d\s*[x×]\s*\d|[x×]\s*\d|\b(?:straight|unbroken|in\s+a\s+row|one\s+go|non-?stop)\b"
)
# `3 muscle-up attempts`: tries, not reps made
_ATTEMPTS = re.compile(r"\b\d+\s+(?:[a-z-]+\s+){0,3}?(?:attempts|tries)\b|\battempts\s*:")


# A machine's load with no unit, under this: the pin's place on the stack (`leg press 3x12 8`)
MIN_BARE_MACHINE_LOAD = 15
_UNIT_WRITTEN = re.compile(r"\d\s*(?:kgs?|kilos?|lbs?|pounds?|#)(?![a-z])")


def entry_doubt(
    entry: StrengthEntry, exercise: Exercise, source: str, named_first: bool
) -> str | None:
    """Return a question about sets as read: a machine's bare load that may be its pin, a
    count that may be tries (`3 muscle-up attempts`), or a day's total written before the
    name in prose (`I did 100 pull-ups today`; not an app's `Situps: 100`)."""
    label = exercise.name.lower()
    raw = source.lower()
    loads = {s.weight for s in entry.sets if not s.bodyweight}
    if (
        "machine" in exercise.equipment
        and loads
        and max(loads) < MIN_BARE_MACHINE_LOAD
        and not _UNIT_WRITTEN.search(raw)
    ):
        pin = f"{max(loads):g}"
        return (
            f"Was that {pin} kg or lb on the {label}, or the pin's number on the stack? "
            f"Send the load with its unit, e.g. `{label} 3x12 40kg`"
        )
    if pair := _PAIR_OF_WEIGHTS.search(raw):
        one = pair[1].replace(" ", "")
        lift = re.sub(r"^(?:machine|barbell|dumbbell|cable)\s+", "", label)
        return (
            f"Was that a pair of {pair[1]} weights, one in each hand? Send the sets with the load "
            f"of one, e.g. `dumbbell {lift} 3x10 {one}`"
        )
    if _ATTEMPTS.search(raw):
        load = "bw" if exercise.bodyweight else f"100{entry.sets[0].unit}"
        return f"How many reps of {label} went up, in how many sets? e.g. `{label} 3x5 {load}`"
    most_reps = max(s.reps for s in entry.sets)
    if (
        not named_first
        and len(entry.sets) == 1
        and most_reps >= MANY_REPS
        and not _SET_WRITTEN.search(raw)
    ):
        return (
            f"Were those {most_reps} {_plural(label)} in one set, or in all? Send the sets, "
            f"e.g. `{label} 5x{most_reps // 5}`"
        )
    return None


def _plural(label: str) -> str:
    # (core.formatting.plural, which gives `N word`, imports the coaching package, which
    # imports this parser: a cycle, and a heavier start-up for `coach parse`)
    return label + ("es" if label.endswith(("s", "sh", "ch", "x")) else "s")
