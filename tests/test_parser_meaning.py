"""Reading strength lines by meaning (issue #13): one row per rule, written as a spec."""

# ruff: noqa: E501  (one table row per case reads better on one line)

import pytest

from core.recording.entries import SetEntry, StrengthEntry, Unit
from core.recording.parser import parse


def reps_at(weight: float, unit: Unit, *reps: int, bw: bool = False) -> list[tuple]:
    return [(r, weight, unit, bw) for r in reps]


def got(text: str, units: Unit = "kg", **kw: object) -> list[tuple[str, list[tuple]]]:
    result = parse(text, units, **kw)  # type: ignore[arg-type]
    assert result.problems == (), result
    assert result.ambiguities == (), result
    return [
        (e.exercise, [(s.reps, s.weight, s.unit, s.bodyweight) for s in e.sets])
        for e in result.entries
        if isinstance(e, StrengthEntry)
    ]


READINGS = [
    # a unit mark settles the weight; 70k is kg, 225# is lb
    ("squat 3x5 70k", "lb", [("squat", reps_at(70, "kg", 5, 5, 5))]),
    ("Bench press: 3×5 @ 195#", "kg", [("bench_press", reps_at(195, "lb", 5, 5, 5))]),
    # reps × weight when the other reading is implausible for the lift
    ("squat 5×80 / 3×120 / 2×160", "lb", [("squat", [(5, 80, "lb", False), (3, 120, "lb", False), (2, 160, "lb", False)])]),
    ("squat 100x5, 105x5, 110x3", "kg", [("squat", [(5, 100, "kg", False), (5, 105, "kg", False), (3, 110, "kg", False)])]),
    ("Deadlifts: 10/95; 10/105", "lb", [("deadlift", [(10, 95, "lb", False), (10, 105, "lb", False)])]),
    ("OHP 115: 6, 5, 5", "lb", [("overhead_press", reps_at(115, "lb", 6, 5, 5))]),
    ("Bench Press\n3 x 5 - 80, 100, 120", "lb", [("bench_press", [(5, 80, "lb", False), (5, 100, "lb", False), (5, 120, "lb", False)])]),
    ("Chin ups BW x 12, 45 lbs x 3, 50 x 3", "lb", [("chin_up", [(12, 0, "lb", True), (3, 45, "lb", True), (3, 50, "lb", True)])]),
    ("bench 83.75kg x8, x8, x7", "kg", [("bench_press", reps_at(83.75, "kg", 8, 8, 7))]),
    ("Squat 260x 5 reps x 3 sets", "lb", [("squat", reps_at(260, "lb", 5, 5, 5))]),
    ("Dumbbell bench: 21 x 10 (x 3)", "kg", [("dumbbell_bench_press", reps_at(21, "kg", 10, 10, 10))]),
    ("Squats, 5X5, 90kg", "kg", [("squat", reps_at(90, "kg", 5, 5, 5, 5, 5))]),
    ("Calf Raises: 50kg 15x4", "kg", [("calf_raise", reps_at(50, "kg", 15, 15, 15, 15))]),
    ("squat: 105lbs/120lbs/135lbs 3x5", "lb", [("squat", [(5, 105, "lb", False), (5, 120, "lb", False), (5, 135, "lb", False)])]),
    ("Bench press 405-425 lbs. x 1", "lb", [("bench_press", [(1, 405, "lb", False), (1, 425, "lb", False)])]),
    ("Deadlift\n405 for 2 singles", "lb", [("deadlift", reps_at(405, "lb", 1, 1))]),
    # notes never become sets; failure words change the reps they name
    ("squat 102.5kg 8, 8, 6 (failed the last 2 reps)", "kg", [("squat", reps_at(102.5, "kg", 8, 8, 6))]),
    ("squat 3x8 102.5kg last set only 6", "kg", [("squat", reps_at(102.5, "kg", 8, 8, 6))]),
    ("squat 3x5 100kg, missed the last rep", "kg", [("squat", reps_at(100, "kg", 5, 5, 4))]),
    ("squat 5x5 100kg – total of 25 reps", "kg", [("squat", reps_at(100, "kg", 5, 5, 5, 5, 5))]),
    ("squat 3x5 100kg (15 minute deficit)", "kg", [("squat", reps_at(100, "kg", 5, 5, 5))]),
    # the exercise after the numbers or in prose
    ("6 chin-ups", "kg", [("chin_up", reps_at(0, "kg", 6, bw=True))]),
    ("4x6 squat @ 185lbs", "kg", [("squat", reps_at(185, "lb", 6, 6, 6, 6))]),
    ("3x12 curls @ 30lbs + 3x12 tricep extensions @ 20lbs", "lb", [("bicep_curl", reps_at(30, "lb", 12, 12, 12)), ("tricep_extension", reps_at(20, "lb", 12, 12, 12))]),
    ("I did my three sets of five at 245 pounds of squats", "lb", [("squat", reps_at(245, "lb", 5, 5, 5))]),
    # several lifts on one line, back-off sets
    ("Squat: 305 lbs x 5 reps x 3 sets Press: 135 x 5 x 5 Deadlift: 315 x 5", "lb", [("squat", reps_at(305, "lb", 5, 5, 5)), ("overhead_press", reps_at(135, "lb", 5, 5, 5, 5, 5)), ("deadlift", reps_at(315, "lb", 5))]),
    ("squat 100kg 3x8 then 80kg 2x10 backoff", "kg", [("squat", [*reps_at(100, "kg", 8, 8, 8), *reps_at(80, "kg", 10, 10)])]),
    # a set count alone gives its count to the reps in the next part
    ("good mornings: 5 sets, 10x 73.5 kg", "kg", [("good_morning", reps_at(73.5, "kg", 10, 10, 10, 10, 10))]),
    # one load in brackets is the load; an app's `60 10r` is weight then reps
    ("Barbell Row (170 lbs), 2 sets x 12 reps", "lb", [("barbell_row", reps_at(170, "lb", 12, 12))]),
    ("Bench press:\n  60 10r\n  80 6r 75 2r", "kg", [("bench_press", [(10, 60, "kg", False), (6, 80, "kg", False), (2, 75, "kg", False)])]),
    # failure words on a line of their own change the last set; chat sentences add no sets
    ("Back Squat 3x5 @ 100kg\nLast set failed - got only 4 reps", "kg", [("squat", reps_at(100, "kg", 5, 5, 4))]),
    ("Dead lift: 3×5 @ 355#. These were HARD. I had to really stick with it to get through all 5 reps.", "lb", [("deadlift", reps_at(355, "lb", 5, 5, 5))]),
    # a qualifier before the name, a number after `then`, a number that ends a sentence
    ("Wide chin-ups: 15, 15, ", "kg", [("chin_up", reps_at(0, "kg", 15, 15, bw=True))]),
    ("incline dumbbell presses. 75 lbs dumbbells for 10, 9, and then 11.", "lb", [("incline_dumbbell_press", reps_at(75, "lb", 10, 9, 11))]),
    # names joined by a slash with no space are one name, read from its first known lift
    ("Crunches/Sit-ups, 75 reps", "kg", [("crunch", reps_at(0, "kg", 75, bw=True))]),
    # the lift named above the numbers: `kettlebell` on their line is the gear, not a lift
    ("swings\n16 kg kettlebell – 10 x 20\n20 kg kettlebell – 5 x 20", "kg", [("kettlebell_swing", [*reps_at(16, "kg", *[20] * 10), *reps_at(20, "kg", *[20] * 5)])]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "units", "expected"), READINGS, ids=[r[0] for r in READINGS])
def test_strength_lines_are_read_by_meaning(text: str, units: Unit, expected: list) -> None:
    assert got(text, units) == expected


AMBIGUOUS = [
    "Squats - 225x3x5",
    "squat 315x5x3",
    "Military press 135 x 5 x 10",
    "dip 15x3x8",
    "Ring Dips:             BW 10x5 @RPE7",  # a reps-first logger: 10 reps x 5 sets
    "squat 10x3 100kg",  # ten triples, or three sets of ten?
]


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_weight_then_two_plausible_counts_is_asked_not_guessed(text: str) -> None:
    result = parse(text, "lb")
    assert result.entries == ()
    assert result.problems == ()
    (ambiguity,) = result.ambiguities
    assert [r.notation for r in ambiguity.readings] == ["sets-reps", "reps-sets"]


NOTATION = [
    ("squat 225x3x5", "sets-reps", 3, 5),  # W x A x B: A sets of B reps
    ("squat 225x3x5", "reps-sets", 5, 3),  # W x A x B: A reps, B sets
    ("face pulls 60x3x15", None, 3, 15),  # 15 sets is no plausible count: no question
    ("squat 3x5x225", None, 3, 5),  # weight last: sets x reps x weight, as always
    ("Ring Dips: BW 10x5", "reps-sets", 5, 10),  # asked once, then read the person's way
    ("Ring Dips: BW 10x5", "sets-reps", 10, 5),
    ("squat 5x10 100kg", None, 5, 10),  # fewer sets of more reps: as written, no question
    ("Bench press 8x3 (80, 85, 90, 92, 94, 96, 98, 100kg)", None, 8, 3),  # a load a set
]


@pytest.mark.parametrize(("text", "notation", "count", "reps"), NOTATION)
def test_a_remembered_notation_reads_without_asking(
    text: str, notation: str | None, count: int, reps: int
) -> None:
    (entry,) = parse(text, "lb", notation=notation).entries  # type: ignore[arg-type]
    assert isinstance(entry, StrengthEntry)
    assert [s.reps for s in entry.sets] == [reps] * count


UNKNOWN_NAMES = [
    ("Zorbo squats 3x5 100kg", "Zorbo squats"),
    ("Zorbo Squat Sled, 5 x 10, 225 lbs", "Zorbo Squat Sled"),
    ("Flux press 3x10 50kg", "Flux press"),
    ("Flux-grip bench press - 320x6", "Flux-grip bench press"),
    ("Zorbo Press: 175×2", "Zorbo Press"),
    ("OH Plate Extensions - 3 sets/16 reps/45lbs.", "OH Plate Extensions"),  # not an OH squat
    ("OH extensions 3x16 45lb", "OH extensions"),  # a plural after the name changes it too
]


@pytest.mark.parametrize(("text", "name"), UNKNOWN_NAMES)
def test_a_longer_unknown_name_never_becomes_a_known_lift(text: str, name: str) -> None:
    result = parse(text, "lb")
    assert result.entries == ()
    (problem,) = result.problems
    assert (problem.kind, problem.name) == ("unknown_exercise", name)


def test_a_cluster_written_a_plus_b_is_never_an_added_load() -> None:
    """`3+3 reps on 40 kg` was recorded as 3 reps with 3 kg added: now it is asked."""
    result = parse("dips 3+3 reps on 40 kg", "kg")
    assert result.entries == ()
    assert [p.kind for p in result.problems] == ["implausible"]
    (entry,) = parse("dips 3x8 +10kg", "kg").entries  # the added load it is for still reads
    assert isinstance(entry, StrengthEntry)
    assert [s.weight for s in entry.sets] == [10.0] * 3


def test_weight_slash_reps_times_sets_is_asked_like_weight_x_a_x_b() -> None:
    """`100/3*10` is 100 kg for 3 reps × 10 sets where it is written, 3 sets of 10 elsewhere."""
    result = parse("squat: 100/3*10", "kg")
    assert result.entries == ()
    (ambiguity,) = result.ambiguities
    assert [r.notation for r in ambiguity.readings] == ["sets-reps", "reps-sets"]
    (entry,) = parse("squat: 100/3*10", "kg", notation="reps-sets").entries
    assert isinstance(entry, StrengthEntry)
    assert [(s.reps, s.weight) for s in entry.sets] == [(3, 100.0)] * 10


def test_a_variant_in_brackets_after_the_name_is_that_lift() -> None:
    (entry,) = parse("Bench press (close grip)\n60 kgs x 5\n100 kgs x 3", "kg").entries
    assert isinstance(entry, StrengthEntry)
    assert entry.exercise == "close_grip_bench_press"
    (noted,) = parse("Squat (felt heavy) 3x5 100kg", "kg").entries  # a note stays a note
    assert isinstance(noted, StrengthEntry)
    assert noted.exercise == "squat"


def test_barbell_bent_over_row_is_a_barbell_row() -> None:
    assert got("Barbell Bent Over Row 3x8 60kg")[0][0] == "barbell_row"


def test_own_names_are_consulted_before_the_catalogue() -> None:
    names = {"hacksquatsled": "own:hack_squat_sled"}
    (entry,) = parse("Hack Squat Sled 5x10 100kg", names=names).entries
    assert entry == StrengthEntry(
        "own:hack_squat_sled",
        tuple(SetEntry(10, 100, "kg") for _ in range(5)),
        "Hack Squat Sled 5x10 100kg",
    )


RPE = [
    ("squat 3x5 100kg @ 2 RIR", 8.0),
    ("squat 3x5 100kg @RPE<8", None),
    ("Comp SQ 100kg x5@7", 7.0),
]


@pytest.mark.parametrize(("text", "rpe"), RPE)
def test_rir_is_kept_as_rpe_and_a_bound_is_no_rpe(text: str, rpe: float | None) -> None:
    (entry,) = parse(text).entries
    assert isinstance(entry, StrengthEntry)
    assert {s.rpe for s in entry.sets} == {rpe}


PLANS_AND_QUESTIONS = [
    "So I was supposed to squat this week 250x5x5 but didn't",
    "Thursday's bench was heavy, still doing sets of 8 @ 42.5kg",
    "39 second chin-up",
]


@pytest.mark.parametrize("text", PLANS_AND_QUESTIONS)
def test_plans_holds_and_missing_counts_are_asked_never_recorded(text: str) -> None:
    assert parse(text, "lb").entries == ()


DOUBTS = [
    "db bench 2x90 4x10,7",  # 90 reps a set with a load: not plausible
    "pullups: 1 12r 4s",  # 1 kg added to a pull-up: below the smallest plate
    "3x10 pull ups @ 135lbs",  # a load a person could weigh, not marked as added
    "Weighted Pullups 25x5 4/1 4 BWx 5 5",  # numbers left unread
    "Pushups : 2 sets of 8 reps, 1 set of as many reps as possible",  # a set with no reps
    "did a set of RDLs with just the bar, then 2x5x95",  # `a set` with no reps
    "I did 5 minutes of Turkish Getups with a 24kg bell",  # sets for a time
    "Pushups 4 x 10 - 2 chains on my back",  # load from gear, weight not given
    "Chin-ups* (BW=156 lbs + 60 lbs), 3 sets x 5 reps",  # a load inside a bracket note
    "Overhead press 235 lbs. x 1 standing, 305 lbs. x 1 seated",  # a variant after the first
    "Deadlift:  5×135 + 3×165 + 1×205 + 1×25 + 5×250",  # `1×25` after weight pairs: a typo?
    "On Tuesday I deadlifted a set of 5 at 205",  # a session in the past
    "Weighted Chins (optional) 5×3",  # a template line, a plan
    "I could have pushed out 4 on the 135kg squat",  # what might have been
    "Hoist Crunch (Machine)\nSet 1: 90 lbs x 8",  # an unknown name heading set lines
]


@pytest.mark.parametrize("text", DOUBTS)
def test_a_doubtful_reading_is_asked_never_recorded(text: str) -> None:
    result = parse(text, "lb")
    assert result.entries == ()
    assert result.problems or result.ambiguities


@pytest.mark.parametrize(
    ("text", "reps"),
    [
        ("bench 100kg x 5, 5, 3 fail", [5, 5, 3]),
        ("Bench press: 162.5 kgs x 2, 1 FAIL", [2, 1]),  # a failed single after a double
    ],
)
def test_a_set_marked_failed_is_still_a_set_of_the_reps_it_got(text: str, reps: list) -> None:
    (entry,) = parse(text, "kg").entries
    assert isinstance(entry, StrengthEntry)
    assert [s.reps for s in entry.sets] == reps


@pytest.mark.parametrize(
    "text", ["Farmers walk, 28kg/28kg – 45sec carry/15sec rest x 4", "farmers walk 4x40m 32kg"]
)
def test_a_carry_by_time_or_distance_is_asked_never_recorded_as_reps(text: str) -> None:
    result = parse(text, "kg")
    assert result.entries == ()
    (problem,) = result.problems
    assert "by time or distance" in problem.message
