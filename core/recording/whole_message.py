"""Questions about a whole message, asked before anything in it is recorded.

A log may not be today's (a past session, a habit, a plan, an aim), not the writer's
(someone else's sets), or not sets at all (a workout of rounds, a score, a run's splits, a
load for men and women). Each check here turns what would be recorded into one question;
nothing is guessed. `checked` runs them all on the outcomes of `core.recording.parser`.
"""

from __future__ import annotations

import re

from core.recording.cardio import ACTIVITIES, activity_noun
from core.recording.catalogue import NAME_WORDS, display_name, exercise, singular
from core.recording.entries import Ambiguity, CardioEntry, Problem, StrengthEntry
from core.recording.notes import HABIT, PAST, PLAN, USUAL
from core.recording.strength import Outcome

_DIGIT = re.compile(r"\d")


def checked(outcomes: list[Outcome], text: str) -> list[Outcome]:
    """Return `outcomes` with what the whole message says is no log of today asked about."""
    lower = text.lower()
    if past := PAST.search(lower):
        # a session in words of its own day (`my run on Thursday`) may be today's; sets are asked
        weekday = past[0].startswith("on ")
        below = _line_below_sets(text, past.start(), outcomes)
        outcomes = [
            o
            if (weekday and isinstance(o.item, CardioEntry))
            or (below is not None and not _from_line(o, below))
            else _history(o)
            for o in outcomes
        ]
    if PLAN.search(lower):
        outcomes = [_planned_before(o, text) for o in outcomes]
    if _INSTRUCTED.search(lower) and not _DONE_WORDS.search(lower):
        # `doc says walk 30 min a day`, `my coach wants me to do 4x6 at 85`: advice, not a log
        outcomes = _asked_whole(outcomes, text, _NOT_YET)
    if ("aim" in lower or "goal" in lower or "target" in lower) and _AIMED.search(
        _IN_BRACKETS.sub(" ", lower)  # `(my target was 140)`: a heart rate's, beside the log
    ):
        # `My aim was 4:45/km pace to finish in 38 mins`: what was aimed at, not what was done
        outcomes = _asked_whole(outcomes, text, _AIM_OR_DONE)
    if "total" in lower and _LOAD_TOTAL.search(lower):
        # `2 sets of 15 with 20 lbs total`: both dumbbells together, or each? Asked.
        outcomes = [_load_total(o) for o in outcomes]
    if _METCON.search(lower) or (
        _EMOM.search(lower) and sum(o.item is not None for o in outcomes) > 1
    ):
        # `10 minute AMRAP` / `5 pull ups` / `10 push ups`: one round's list, not the sets;
        # a clock of known length is that long a session of intervals
        outcomes = _timed_rounds(outcomes, text) or _asked_whole(outcomes, text, _METCON_QUESTION)
    if "/" in lower and (pair := _RX_PAIR.search(lower)) and float(pair[1]) > float(pair[2]):
        # `kb swings 24/16kg x 10`: a workout's loads for men and women; which was used?
        outcomes = [_which_load(o, pair) for o in outcomes]
    if "side" in lower and _PER_SIDE_LOAD.search(lower):
        outcomes = [_per_side(o) for o in outcomes]  # `Smith squat 20kg per side 4x8`
    if "score" in lower and _SCORE.search(lower):
        # `My score: 10 + 2 push ups`: a workout's score (rounds + reps), not a set
        outcomes = _asked_whole(outcomes, text, _SCORE_QUESTION)
    if "warm" in lower and _PROGRAM_STEP.search(lower):
        # `3) After warmup, jog 20 mins`: a programme's step as Couch to 5K writes it
        outcomes = _asked_whole(outcomes, text, _STEP_OR_DONE)
    if len(_SPLIT_LINE.findall(text)) >= MIN_SPLIT_LINES and not any(
        isinstance(o.item, StrengthEntry) for o in outcomes
    ):  # (`Kettlebell swings` / `24:10` / `24:10`: 24 kg for 10, a lift's sets)
        # `1km 6:17/km` / `2km 6:19/km` ..., `1. 8:40` / `2. 7:57`: one session's splits
        outcomes = _asked_whole(outcomes, text, _SPLITS)
        if not any(o.item is not None for o in outcomes):  # `Mile 1: 10:18` ... `Total: 30:24`
            outcomes = [
                *outcomes,
                Outcome(Problem("unreadable", text.strip()[:200], _SPLITS), True),
            ]
    if "instead" in lower or "rather" in lower:
        if _INSTEAD_OF_SESSION.search(lower):
            outcomes = _asked_whole(outcomes, text, _WHICH_SESSION_DONE)
    if _INSTEAD_OF_SETS.search(lower):
        # `instead of 3x8 bench I did 3x10`, `only managed 3x5 of the 5x5`: one set chain
        # was planned, the other done. Which? Asked, never both added up.
        outcomes = _asked_whole(outcomes, text, _WHICH_SETS_DONE)
    if (frame := _frame(text)) is not None:
        # `Plan for Thursday` / `My husband's session today:` / `Is this a good routine?`
        # above the sets: the heading says whose they are, or that they are not done.
        outcomes = _asked_whole(outcomes, text, frame)
    if (fixed := _CORRECTED.search(lower)) and _DIGIT.search(lower[: fixed.start()]):
        # `squat 3x8 100kg, no wait 95kg`, `... sorry 3x6`, a line `actually 95kg`: the
        # numbers were corrected in the message; which are right? Asked, never the first.
        # (Not `Sorry, 3x5 squat 100kg`: sorry first, nothing to correct yet.)
        outcomes = _asked_whole(outcomes, text, _WHICH_NUMBERS)
    if (other := _SOMEONE_ELSE.search(lower)) and (
        below := _line_below_sets(text, other.start(), outcomes)
    ):
        # `squat 3x5 100kg` / `my son's bench is 60kg`: that line is his, the rest mine
        outcomes = [_whose(o) if _from_line(o, below) else o for o in outcomes]
    elif other or (
        (_THIRD_PERSON.search(lower) or named_subject(text)) and not _FIRST_PERSON.search(lower)
    ):
        # `my wife did squat 3x5 60kg`: whose sets? Asked, never put in this person's log.
        outcomes = _asked_whole(outcomes, text, _WHOSE)
    if _SKIPPED.search(lower):
        outcomes = [_not_done(o, lower) for o in outcomes]
    if "no " in lower or lower.lstrip().startswith("total"):
        outcomes = [_not_this_session(o, lower) for o in outcomes]
    if (
        (future := _FUTURE.search(lower))
        and not TODAY.search(lower)
        and (not _BREAK.search(lower) or future.start() < _first_digit(lower))
        and not _DONE_WORDS.search(lower)
    ):
        # `walk 40 min tomorrow`, `heading out for a 40 min walk`: not done yet. Asked.
        outcomes = _asked_whole(outcomes, text, _NOT_YET)
    if "round" in lower or "repeat" in lower or " times" in lower or _BLOCK_WORDS.search(lower):
        outcomes = [_in_rounds(o, text) for o in outcomes]
    if (habit := HABIT.search(lower)) and not _INTENT.search(
        lower[max(0, habit.start() - 30) : habit.start()]
    ):
        outcomes = [_habit(o, text) for o in outcomes]
    elif usual := USUAL.search(lower):  # (with `today` too: which time is today's? Asked)
        # a note under today's sets (`my usual bench is 85`) speaks only of its own line
        below = _line_below_sets(text, usual.start(), outcomes)
        outcomes = [o if below and not _from_line(o, below) else _habit(o, text) for o in outcomes]
    return outcomes


# Sets done in rounds, said on a line of its own: `Repeat 5 times.`, `repeat x3`, `3 rounds
# of:`, `Rounds: 4`; never `boxing 3 rounds then squat` or `will repeat 2 times a week`.
# `3 rounds: 10 swings 24kg, 10 goblet squats`, `bench 80x8 / rows 60x10, 3 rounds`
_ROUNDS_IN_LINE = re.compile(
    r"(?:^|[,;:]\s*)(?P<n>\d+|two|three|four|five|six)\s+rounds?\s*(?::|,|of\b|$)"
    # `3 times w/ 30 secs rest between` under a circuit's lines
    r"|^[ \t]*(?P<times>\d+|two|three|four|five|six)\s+times\s+(?:w/|with|through|round)"
    # `Circuit x3`, `Giant set x3: ...`, `Complex x5: 5 deadlifts, 5 rows`
    r"|\b(?:circuits?|giant\s+sets?|complex|tri-?sets?)\s*[x×]\s*(?P<block>\d+)\b",
    re.IGNORECASE | re.MULTILINE,
)
_BLOCK_WORDS = re.compile(r"circuit|giant|complex|tri-?set")
_ROUNDS = re.compile(
    r"^[\s*•–-]*(?:\(\d\)\s*)?"  # a list's marker: `(2) 5 rounds`
    r"(?:repeat(?:ed)?(?:\s+(?:it|this|that|all|the\s+lot|circuit))?\s*"
    r"(?:x\s*(?P<x>\d+)|(?P<count>\d+|two|three|four|five|six|twice)\s*(?:times|x|rounds?)?)"
    r"|(?P<n>\d+|two|three|four|five|six)\s+rounds?(?:\s+of)?|rounds?\s*[:x]\s*(?P<of>\d+))"
    r"\s*[.!:]*\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _line_below_sets(text: str, at: int, outcomes: list[Outcome]) -> str | None:
    """Return the line holding `at` when it comes below a line already read as sets (a
    comment under today's log: `squat PR was 110 last month`), else None: a past said on
    the first line, or above the sets, is said of them all."""
    start = text.rfind("\n", 0, at) + 1
    if start == 0:
        return None
    above = text[:start].lower()
    sources = (o.item.source for o in outcomes if o.item is not None)
    if not any(s.split("\n")[0].strip().lower() in above for s in sources):
        return None
    end = text.find("\n", at)
    line = text[start : end if end != -1 else len(text)].strip().lower()
    if not _DIGIT.search(line) or line.endswith(":"):
        return None  # `last week I did:` heads the lines under it: said of them all
    return line


def _from_line(outcome: Outcome, line: str) -> bool:
    item = outcome.item
    return item is not None and any(
        p.strip().lower() in line or line in p.strip().lower()
        for p in item.source.split("\n")
        if _DIGIT.search(p)  # a line of numbers, not a word beside them (`Felt strong,`)
    )


def _instead(outcome: Outcome, message: str) -> Outcome:
    """Return `message` asked about the outcome's source in place of what it would record."""
    assert outcome.item is not None
    return Outcome(Problem("unreadable", outcome.item.source, message), counted=outcome.counted)


def _asked_if_recorded(outcome: Outcome, message: str) -> Outcome:
    """Return `message` asked instead of the sets or session an outcome would record."""
    if not isinstance(outcome.item, StrengthEntry | Ambiguity | CardioEntry):
        return outcome
    return _instead(outcome, message)


def _whose(outcome: Outcome) -> Outcome:
    return _asked_if_recorded(outcome, _WHOSE)


def _history(outcome: Outcome) -> Outcome:
    """Return a question instead of sets from a session in the past (see `PAST`)."""
    return _asked_if_recorded(outcome, _EARLIER)


_EARLIER = "Was that today's session, or an earlier one? Send what you did today."


_SENTENCE_END = re.compile(r"[.!?\n]")
# A plan to do something (not a goal or a rest day named beside today's sets).
_DOING_LATER = re.compile(
    r"\bplan\s*[-:–]|"  # `thursday plan - bench 3x8 82.5`
    r"\b(?:going to|gonna|will do|plan(?:ning)? to|planned|supposed to|called for|plan\s+for|"
    r"(?<!n't )(?<!not )want(?:ed)? to)\b"
)
_IN_BRACKETS = re.compile(r"\([^()\n]*\)")
# A line that heads a plan: the lines below it are the plan (`For November, my exercise
# will be:`, `Plan:`).
_PLAN_HEADING = re.compile(
    r"(?:\bwill\s+be|\bplan(?:ned)?|\bgoals?|\bto\s+do)\s*:\s*$", re.MULTILINE
)
# ... unless the message also says what was done (`Tomorrow is a rest day, today squat 3x5`).
_DONE_WORDS = re.compile(r"\b(?:did|done|finished|just)\b")
_BREAK = re.compile(r"[.!?,]\s+\w|\n")
# A session the day before, logged the morning after (`walked 40 min yesterday`): recorded
# on that day. A message that also says today is left on today.
_WHEN = r"(?:yesterday|yday|yest|last\s+(?:night|nite|evening))"
# (at the start, or closing the log's own clause: never `felt better than yesterday`, `ate too
# much last night` after a comma, `(same as yesterday)`, `day before yesterday`)
YESTERDAY = re.compile(
    rf"^(?:(?:i\s+)?did\s+|(?:[a-z]+\s+){{0,2}}day\s+)?{_WHEN}\b(?!\s+(?:was|is|i\s+rested|rest))"
    rf"|\d[^,.;:!?\n()]*?(?<!than\s)(?<!from\s)(?<!since\s)(?<!as\s)(?<!like\s)(?<!before\s)"
    rf"\b{_WHEN}\s*[.!]*$"
)
TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")
# Someone else's session: `my wife did squat 3x5 60kg`, `my son ran 5k in 25 min`.
# The people whose sets a message may tell: `my wife`, `my son's`.
KIN = (
    "wife|husband|son|daughter|partner|friend|dad|mom|mum|father|mother|brother|sister|kids?|"
    "grandson|granddaughter|boyfriend|girlfriend"
)
_SOMEONE_ELSE = re.compile(
    rf"\b(?:my|our)\s+(?:{KIN}|grandkids?|coach|trainer|instructor|mate|pal|buddy)"
    # `my mate Steve did 27:40`, `our instructor ran 10k`
    r"(?:(?:\s+[a-z]+)?\s+(?:did|ran|walked|rode|swam|lifted|benched|squatted|deadlifted|"
    r"has\s+done|just\s+did)\b"
    # `my daughter's squat is 3x5 60kg` (not `my wife's birthday is 14 march`)
    r"|['’]s\s+(?:\w+\s+){0,2}(?:is|was|were)\s+\d+\s*(?:[x×]\s*\d|kgs?\b|lbs?\b|kilos?\b|pounds?\b))"
)
# A heading line, with no numbers, that frames the sets under it as not the writer's done
# session: a plan, a template or prescription, a usual routine, an app's suggestion,
# someone else's, or a question about them.
_FRAME_NOT_DONE = re.compile(
    r"^\s*(?:\w+['’]s\s+)?plan\b|\bplan\s+for\b|\btemplate\b|\broutine\s+(?:i\s+use|for)\b"
    r"|\bsuggest(?:s|ed|ion)?\b|\bgave\s+me\b|\bprescri\w*|\bfor\s+my\s+clients?\b"
    r"|\bto\s+do\s+(?:daily|every|each|today|tomorrow|later)\b"
)
_FRAME_WHOSE = re.compile(
    rf"\bmy\s+(?:{KIN}|client)['’]s\b"
    r"|\b(?:his|her|their)\s+(?:first\s+)?(?:session|workout)\b"
)
_WHICH_DONE = "Did you do those today? Send what you did, and I'll log it."
_SETS_OR_TIME = re.compile(r"\d\s*[x×]\s*\d|\d\s*(?:kgs?|lbs?|#|min|mins|minutes|km|miles?)\b")


def _frame(text: str) -> str | None:
    """Return the question a heading line asks of the sets under it, if it frames them as
    someone else's (`My son's first gym session!`), not done (`Plan for Thursday`), or a
    question (`Is this a good routine for a 60 year old?`)."""
    head, newline, below = text.strip().partition("\n")
    if not newline or _SETS_OR_TIME.search(head) or not _DIGIT.search(below):
        return None
    head = head.lower()
    if _FRAME_WHOSE.search(head):
        return _WHOSE
    if _FRAME_NOT_DONE.search(head) or head.rstrip().endswith("?"):
        return _WHICH_DONE
    return None


# A number corrected in the message: `no wait 95kg`, `sorry 3x6`, `I meant 95`, a line of its
# own `actually 95kg`, `oops 8 reps not 6`.
_SET_NUMBER = (
    r"\d+(?:[.,]\d+)?\s*(?:(?:[x×]\s*\d+|kgs?|lbs?|kilos?|pounds?|reps?|#)(?![\w.,])|[.!]?\s*$)"
)
_CORRECTED = re.compile(
    r"\b(?:no\s+wait|sorry|oops|correction|i\s+meant?|typo)\s*[,:!-]?\s*(?:it\s+was\s+)?"
    rf"{_SET_NUMBER}(?!\s*(?:days?|weeks?|more|min|mins|minutes|hours?|workouts?|sessions?)\b)"
    rf"|(?:^|\n|[,;]\s*)actually\s*[,:]?\s*(?:it\s+was\s+)?{_SET_NUMBER}"
    r"(?!\s*(?:days?|weeks?|more|min|mins|minutes|hours?|workouts?|sessions?)\b)",
    re.MULTILINE,
)
_WHICH_NUMBERS = (
    "You corrected a number in that message, so I recorded nothing. Send it again as it "
    "was, e.g. `squat 3x8 95kg`."
)
# `In his last round he cranked 9 thrusters with 135#`: he or she did it, and no `I` is there.
_THIRD_PERSON = re.compile(
    r"\b(?:he|she)\s+(?:\w+ed|did|got|hit|made|ran|swam|rode|went|managed|pulled|lifted|"
    r"benched|squatted|pressed|repped)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|im|me|my|we|our)\b")
# A person named as the one who did it: `Byron set a new benchmark for us at 146 Calories`.
_NAMED_SUBJECT = re.compile(
    # (a first name or an age may come first: `Joe Allen ran`, `77-year-old Ginette Bedard ran`)
    r"(?:^|[.!;:]\s+|,\s*)(?:\d+[- ]year[- ]old\s+)?(?:[A-Z][a-z]+\s+)?([A-Z][a-z]{2,})\s+"
    r"(?:set|ran|rode|swam|lifted|benched|squatted|"
    r"deadlifted|pulled|hit|walked|managed|completed|did|went\s+for)\s+(?:a|an|his|her|the|\d)"
)
_TITLED_NAME = re.compile(
    r"(?:^|[.!;]\s+)(?:Chairman|Chairwoman|Captain|Coach|Dr|Mr|Mrs|Ms|Miss|Uncle|Aunt|Grandpa|"
    r"Grandma)\.?\s+[A-Z][a-z]+\s+(?:took|ran|rode|swam|walked|did|won|set|finished|"
    r"completed|clocked|lifted|hit)\b"
)
# Words that open a sentence before a verb without being anyone (`Then did 3x5`).
_NOT_A_NAME = frozenset(
    "then also finally just today yesterday tonight this morning afternoon evening and so but "
    "first next later again still only easily barely never really actually eventually somehow "
    "mostly everyone everybody nobody someone coach trainer".split()
)


def named_subject(text: str) -> bool:
    """Return whether a sentence of `text` opens with someone's name doing the session, or
    with a titled name (`Chairman Darren took advantage ... to run 17:48`)."""
    return _TITLED_NAME.search(text) is not None or any(
        m[1].lower() not in _NOT_A_NAME
        and singular(m[1].lower()) not in NAME_WORDS
        and m[1].lower() not in ACTIVITIES
        for m in _NAMED_SUBJECT.finditer(text)
    )


# A lift not done: `didn't do squat 3x5 100kg`, `skipped my bench`, `never did deadlifts`.
_SKIPPED = re.compile(
    r"\b(?:didn'?t\s+(?:do|get\s+to)|did\s+not\s+do|never\s+did|skipped|skip|missed|"
    r"couldn'?t\s+do)\b"
)
_WORDS = re.compile(r"[a-z]+")
# Words of a session still to come, anywhere in the message.
_TRAIN_VERB = r"(?:walk|run|do|go|lift|ride|bike|swim|hike|squat|bench|train|try|hit)"
_FUTURE = re.compile(
    rf"\b(?:tomorrow|(?:will|i'll|going\s+to|gonna|need\s+to|off\s+to)\s+{_TRAIN_VERB}|"
    r"planning|plan\s*:|about to|heading out|off for a|up next|next up|on my way to|"
    r"later today|"
    # a wish: `a 45 min walk would be nice`, `I'd like to do squat 3x5 100kg`
    r"would\s+be\s+(?:nice|good|great|lovely)|i['’]?d\s+(?:like|love)\s+to|hop(?:e|ing)\s+to|"
    r"wish\s+i\s+(?:could|had))(?!\w)"
)


_PLAN_WAS = re.compile(r"\b(?:the|my|today['’]?s)\s+plan\s+(?:for\s+\w+\s+)?(?:was|is)\b")


def _planned_before(outcome: Outcome, text: str) -> Outcome:
    """Return a question instead of sets that a plan earlier in their sentence governs:
    `Tonight I am going to do 3x5x 115 squats, 3x5x60 overhead press` plans both lifts."""
    item = outcome.item
    if not isinstance(item, StrengthEntry | Ambiguity | CardioEntry) or not item.source:
        return outcome
    at = text.find(item.source)
    if at < 0:
        return outcome
    # `The plan for today was for 85min of Zone 1`: the plan is in the sets' own words;
    # `my ingredients will be:` above a list: in a heading before them
    if not _PLAN_WAS.search(item.source.lower()) and not _PLAN_HEADING.search(text[:at].lower()):
        if isinstance(item, CardioEntry):
            return outcome
        plain = _IN_BRACKETS.sub(lambda m: " " * len(m[0]), text)  # `(War with the BAR!)`
        ends = [m.end() for m in _SENTENCE_END.finditer(plain, 0, at)]
        sentence = text[ends[-1] if ends else 0 : at].lower()
        if not _DOING_LATER.search(sentence):
            return outcome
    message = "Were those sets planned or done? Send what you did."
    return Outcome(Problem("unreadable", text.strip()[:200], message), counted=outcome.counted)


_WHOSE = "Were those yours? Send what you did, and I'll log it."
_SPLITS = (
    "Are those the splits of one session? Send its activity and total time, e.g. `run 10 km 60:31`"
)
MIN_SPLIT_LINES = 3
# A workout done as rounds against the clock: its lines are one round, not the sets.
# (An EMOM of one lift is that many sets of it: `Snatch (EMOM 10): 95 lb * 3 reps`.)
_METCON = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|')\s*amrap\b|\bfor\s+time\b"  # (`WOD: squat 5x5`: sets)
)
_EMOM = re.compile(r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|')\s*emom\b|\bemom\s*(?:of\s+)?\d+")
# How long a workout of rounds ran when it says so: `10 minute AMRAP`, `EMOM 12`, `20' AMRAP`
_ROUNDS_CLOCK = re.compile(
    r"\b(\d{1,2})\s*(?:-\s*)?(?:min(?:ute)?s?|')\s*(?:amrap|emom)\b|\bemom\s*(?:of\s+)?(\d{1,2})\b"
)
_ROUND_LIFTS = (
    "The lifts of a round aren't counted as sets. To count them, send each lift's sets in "
    "all, e.g. `pull up 5x5 bw`."
)
_METCON_QUESTION = (
    "Was that a workout of rounds? Send how long it took, e.g. `hiit 20 min`, and each "
    "lift's sets in all if you want them counted, e.g. `pull up 5x5 bw`"
)
# `24/16kg`: a load for men and one for women, as a box writes a workout
_RX_PAIR = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*(kgs?|lbs?|#)(?![a-z])")
_LOADED_BY_SIDE = frozenset({"barbell", "smith", "machine"})
# `20kg per side`: the plates on each side of a bar, not the load on it
_PER_SIDE_LOAD = re.compile(
    r"\d\s*(?:kgs?|lbs?|#|pounds?|kilos?)\s*(?:plates?\s+)?(?:per|each|a|on\s+each)\s+side\b"
)
_SCORE = re.compile(r"(?m)^[ \t]*(?:my[ \t]+)?score[ \t]*:")
_SCORE_QUESTION = (
    "Is that a workout's score? Send the workout as you did it, e.g. `hiit 20 min` and "
    "its lifts' sets"
)
# `2 sets of 15 with 20 lbs total`: the weights' load together (never `2500 kg in total`)
_LOAD_TOTAL = re.compile(
    r"\b(?:with|using|holding)\s+(?:a\s+)?\d+(?:\.\d+)?\s*(?:lbs?|kgs?|pounds?|kilos?|#)\s+"
    r"(?:in\s+)?total\b"
)
_PROGRAM_STEP = re.compile(
    r"(?m)^[ \t]*\d{1,2}[.)][ \t]*after[ \t]+(?:a[ \t]+|the[ \t]+|your[ \t]+)?warm[ \t-]*up\b"
    r",?[ \t]+(?:jog|run|walk|ride|cycle|bike|swim|row)"  # a cardio step, never a lift's sets
)
_STEP_OR_DONE = (
    "Is that a step of your programme, or what you did? Send what you did, and I'll log it."
)
# A line of one split: a distance and a pace, or a numbered clock time.
_SPLIT_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:\d{1,2}[.)]|(?:mile|km|lap|split)[ \t]*\d{1,2}[ \t]*:?)[ \t]*)?"
    r"(?:\d+(?:[.,]\d+)?[ \t]*(?:km|k|mi|miles?)[ \t]+(?:/[ \t]*)?)?\d{1,2}:[0-5]\d(?:\.\d)?"
    r"(?:[ \t]*/[ \t]*(?:km|mi|mile)|[ \t]*/[ \t]*pace[ \t]+\d{1,2}:[0-5]\d)?"
    r"[ \t]*(?:\(.*\))?[ \t]*$",
    re.IGNORECASE,
)
_AIM_OR_DONE = "Was that your aim, or what you did? Send what you did, and I'll log it."
_AIMED = re.compile(
    r"\b(?:aim|goal|target)\s+(?:for\s+today\s+)?was\b"  # not `My goal is 150, squat 3x5`
    r"(?!\s+(?:met|reached|achieved|hit|done|smashed|beaten))"
    r"|^[ \t]*(?:target|goal|aim)s?[ \t]*:"  # `Target: Time for 400m = 1:39`
)
_NOT_YET = "Is that done, or still to do? Send it once you've done it, and I'll log it."


def _timed_rounds(outcomes: list[Outcome], text: str) -> list[Outcome] | None:
    """Return a workout of rounds on a clock (`10 minute AMRAP`) as that many minutes of
    intervals and a word about its lifts; None when the clock is not given."""
    if not any(o.item is not None for o in outcomes) or not (
        clock := _ROUNDS_CLOCK.search(text.lower())
    ):
        return None
    minutes = float(clock[1] or clock[2])
    lifts = " / ".join(
        p.strip() for p in text[clock.end() :].strip(" :\n").splitlines() if p.strip()
    )
    return [
        Outcome(CardioEntry("hiit", minutes, None, None, text.strip()[:200]), counted=True),
        Outcome(Problem("unreadable", lifts[:80] or text.strip()[:80], _ROUND_LIFTS), counted=True),
    ]


def _asked_whole(outcomes: list[Outcome], text: str, question: str) -> list[Outcome]:
    """Return one question about the whole message in place of what it would record, or
    `outcomes` as they were when it records nothing."""
    if not any(isinstance(o.item, CardioEntry | StrengthEntry) for o in outcomes):
        return outcomes
    return [Outcome(Problem("unreadable", text.strip()[:200], question), counted=True)]


_INSTRUCTED = re.compile(
    r"\b(?:doc|doctor|gp|trainer|coach|physio|therapist|pt)\s+"
    r"(?:says|wants|told\s+me|said\s+(?:to|do|i\s+should))\b"
    r"|\bwants?\s+me\s+to\b|\btold\s+me\s+to\b"
    r"|\b(?:i\s+am|i['’]m|i\s+was|i['’]ve\s+been)\s+told\b"  # `I am told a good time will be`
)
_INSTEAD_OF_SETS = re.compile(
    r"\b(?:instead\s+of|rather\s+than|swapped|swap|in\s+place\s+of|meant\s+to\s+do|of\s+the)"
    r"\s+(?:my\s+|the\s+)?\d+\s*x\s*\d+|\d+\s*x\s*\d+\s+(?:instead|rather)\b"
    # `wanted 3x8 but only got 3x6`
    r"|\b(?:wanted|aimed\s+for|going\s+for|planned)\s+\d+\s*x\s*\d+[^.\n]{0,20}\bbut\b"
)
_WHICH_SETS_DONE = "Which sets did you do? Send only those, e.g. `squat 3x5 100kg`"
# `instead of the one hour row, I decided to do 15km`: the session planned is not the one done
_INSTEAD_OF_SESSION = re.compile(
    r"\b(?:instead\s+of|rather\s+than)\s+(?:the|my|a|an)\s+(?:[\w-]+\s+){0,3}"
    r"(?:run|row|walk|ride|swim|session|workout)\b"
)
_WHICH_SESSION_DONE = "Which did you do? Send the session as it was, e.g. `row 15 km 62 min`"
# `No walk, but a work out with my trainer. 30 minutes.`: the activity named was not done.
_NO_ACTIVITY = re.compile(r"\bno\s+(walk|run|ride|bike|swim|jog|row|hike|cardio)\b")
# `Total: 120 minutes of walking, and 30 minutes of strength`: a summary of sessions.
_TOTAL_FIRST = re.compile(
    r"\s*totals?(?:\s+time)?\s*:|\s*totals?\s+for\s+(?:the|this|today|my)\b"
    # `Total training duration - 22 hours` above a week's parts
    r"|\s*total\s+(?:training\s+)?(?:time|duration|volume|hours)\s*[-–:]"
)


def _which_load(outcome: Outcome, pair: re.Match[str]) -> Outcome:
    """Return a question instead of sets written with a men's/women's load pair."""
    item = outcome.item
    if not isinstance(item, StrengthEntry | Ambiguity) or pair[0] not in item.source.lower():
        return outcome
    unit = pair[3].rstrip("s")
    message = f"Which did you use, {pair[1]} or {pair[2]} {unit}? Send the load you lifted."
    return _instead(outcome, message)


def _per_side(outcome: Outcome) -> Outcome:
    """Return a question instead of a bar's sets loaded `per side`: the bar's total?"""
    item = outcome.item
    if not isinstance(item, StrengthEntry) or not _PER_SIDE_LOAD.search(item.source.lower()):
        return outcome
    lift = exercise(item.exercise)
    if lift is None or not lift.equipment or lift.equipment[0] not in _LOADED_BY_SIDE:
        return outcome  # `lunges 10kg each side`: a dumbbell in each hand is its own load
    name = display_name(item.exercise).lower()
    message = (
        f"Was that the plates on each side? Send the {name}'s load in all, bar included, "
        f"e.g. `{name} 4x8 60kg`"
    )
    return _instead(outcome, message)


def _load_total(outcome: Outcome) -> Outcome:
    """Return a question instead of sets whose load is a total (`20 lbs total`)."""
    item = outcome.item
    if not isinstance(item, StrengthEntry) or not _LOAD_TOTAL.search(item.source.lower()):
        return outcome
    unit = item.sets[0].unit if item.sets else "kg"
    example = f"{display_name(item.exercise).lower()} 2x15 {5 if unit == 'kg' else 10}{unit}"
    message = (
        f"Was that weight in each hand, or both together? Send the weight of one, e.g. `{example}`"
    )
    return _instead(outcome, message)


def _not_this_session(outcome: Outcome, lower: str) -> Outcome:
    """Return a question instead of a session whose activity was not done, or a total."""
    item = outcome.item
    if not isinstance(item, CardioEntry):
        return outcome
    activity = item.activity
    if activity is not None and any(
        m[1] == "cardio" or ACTIVITIES.get(m[1]) == activity for m in _NO_ACTIVITY.finditer(lower)
    ):
        message = (
            f"Was there a {activity_noun(activity)}, and how long? Send it as it was, e.g. "
            "`walk 30 min`"
        )
    elif _TOTAL_FIRST.match(lower):
        message = (
            "Is that one session, or a total of several? Send each session, e.g. `walk 30 min`"
        )
    else:
        return outcome
    return _instead(outcome, message)


def _first_digit(text: str) -> int:
    found = _DIGIT.search(text)
    return found.start() if found else len(text)


def _not_done(outcome: Outcome, lower: str) -> Outcome:
    """Return a question instead of sets of a lift the message says was not done:
    `didn't do squat 3x5 100kg`, `skipped my bench 3x8 70kg`."""
    item = outcome.item
    if not isinstance(item, StrengthEntry):
        return outcome
    names = _name_words(item.exercise)
    for m in _SKIPPED.finditer(lower):
        after = [w for w in _WORDS.findall(lower[m.end() : m.end() + 30]) if w not in ("my", "the")]
        if after and after[0] in names:
            label = item.exercise.replace("_", " ")
            message = f"Did you do the {label}, or skip it? Send what you did."
            return Outcome(Problem("unreadable", item.source, message), counted=True)
    return outcome


def _name_words(exercise_id: str) -> set[str]:
    """The first word a lift goes by, singular and plural (`squat`, `squats`; `bench`)."""
    first = exercise_id.split("_")[0]
    return {first, first + "s"}


def _in_rounds(outcome: Outcome, text: str) -> Outcome:
    """Return a question instead of sets done in rounds (`10 swings / 2 dips ... Repeat 5
    times`, `3 rounds of:`, `3 rounds: 10 swings 24kg, ...`, `..., 3 rounds`): each lift's
    sets are the lines times the rounds, asked."""
    item = outcome.item
    if not isinstance(item, StrengthEntry | Ambiguity):
        return outcome
    if not (m := _ROUNDS.search(text) or _ROUNDS_IN_LINE.search(text)):
        return outcome
    count = next(value for value in m.groupdict().values() if value)
    count = "2" if count.lower() == "twice" else count
    message = (
        f"Were those {count} rounds of the same lifts? Send each lift's sets in all, "
        "e.g. `dip 5x3 bw`."
    )
    return Outcome(Problem("unreadable", text.strip()[:200], message), counted=outcome.counted)


# Words that make `2 times a week` an intention for later, not the habit a log describes.
_INTENT = re.compile(r"\b(?:will|going to|plan|aim|try to|want|hope)\b|'ll\b")


def _habit(outcome: Outcome, text: str) -> Outcome:
    """Return a question instead of a usual week (`I run 5 times a week, 3 easy runs for 45
    minutes...`): what it names is a habit, not today's log."""
    if not isinstance(outcome.item, StrengthEntry | CardioEntry | Ambiguity | Problem):
        return outcome
    message = (
        "Is that how you usually train, or what you did today? Send today's session to log it."
    )
    return Outcome(Problem("unreadable", text.strip()[:200], message), counted=outcome.counted)
