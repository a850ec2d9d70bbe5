import pytest

from core.recording.catalogue import (
    CATALOGUE,
    MAJOR_MUSCLES,
    display_name,
    name_key,
    resolve,
    search,
)

REQUIRED_IDS = (
    "squat front_squat goblet_squat bulgarian_split_squat lunge leg_press deadlift "
    "romanian_deadlift trap_bar_deadlift hip_thrust kettlebell_swing bench_press "
    "incline_bench_press dumbbell_bench_press overhead_press push_up dip barbell_row "
    "dumbbell_row seated_row lat_pulldown pull_up chin_up face_pull leg_curl leg_extension "
    "calf_raise bicep_curl tricep_extension"
).split()
BODYWEIGHT_IDS = {"push_up", "dip", "pull_up", "chin_up"}
MUSCLES = {*MAJOR_MUSCLES, "biceps", "triceps", "calves", "core"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("squat", "squat"),
        ("Squats", "squat"),
        ("sqaut", "squat"),
        ("sqat", "squat"),
        ("back squat", "squat"),
        ("front squats", "front_squat"),
        ("goblet squat", "goblet_squat"),
        ("bss", "bulgarian_split_squat"),
        ("split squat", "bulgarian_split_squat"),
        ("Bulgarian split squats", "bulgarian_split_squat"),
        ("lunges", "lunge"),
        ("leg press", "leg_press"),
        ("dl", "deadlift"),
        ("DL", "deadlift"),
        ("deadlfit", "deadlift"),
        ("RDLs", "romanian_deadlift"),
        ("romanian deadlifts", "romanian_deadlift"),
        ("trap bar dl", "trap_bar_deadlift"),
        ("hip thrusts", "hip_thrust"),
        ("kb swings", "kettlebell_swing"),
        ("bench", "bench_press"),
        ("benchpress", "bench_press"),
        ("bench presses", "bench_press"),
        ("incline bench", "incline_bench_press"),
        ("db bench", "dumbbell_bench_press"),
        ("ohp", "overhead_press"),
        ("press", "overhead_press"),
        ("push ups", "push_up"),
        ("push-ups", "push_up"),
        ("dips", "dip"),
        ("row", "barbell_row"),
        ("db rows", "dumbbell_row"),
        ("seated rows", "seated_row"),
        ("lat pulldown", "lat_pulldown"),
        ("pull ups", "pull_up"),
        ("pull-ups", "pull_up"),
        ("pullups", "pull_up"),
        ("chin-ups", "chin_up"),
        ("facepulls", "face_pull"),
        ("leg curls", "leg_curl"),
        ("leg extensions", "leg_extension"),
        ("calf raises", "calf_raise"),
        ("curls", "bicep_curl"),
        ("skull crushers", "tricep_extension"),
        ("triceps extension", "tricep_extension"),
        ("tricep extentions", "tricep_extension"),
    ],
)
def test_resolve_finds_aliases_plurals_and_typos(typed: str, expected: str) -> None:
    found = resolve(typed)
    assert found is not None
    assert found.id == expected


@pytest.mark.parametrize(
    "typed",
    [
        "", "hello", "thanks", "what", "felt", "easy", "zone", "walked", "today", "push",
        "pull", "deload", "good", "heavy", "week", "run", "walk", "bike", "hiit", "legs",
        "lift", "session", "workout", "tired", "a" * 500, "🙂",
    ],
)  # fmt: skip
def test_resolve_ignores_ordinary_words(typed: str) -> None:
    assert resolve(typed) is None


@pytest.mark.parametrize("exercise_id", REQUIRED_IDS)
def test_required_exercise_is_described_sensibly(exercise_id: str) -> None:
    exercise = CATALOGUE[exercise_id]
    assert exercise.id == exercise_id
    assert exercise.name[0].isupper()
    assert exercise.bodyweight == (exercise_id in BODYWEIGHT_IDS)
    assert exercise.muscles
    assert set(exercise.muscles) <= MUSCLES
    assert resolve(exercise.name) == exercise
    assert resolve(exercise_id) == exercise


@pytest.mark.parametrize(
    ("exercise_id", "pattern", "region"),
    [
        ("squat", "squat", "lower"),
        ("deadlift", "hinge", "lower"),
        ("bulgarian_split_squat", "lunge", "lower"),
        ("bench_press", "push", "upper"),
        ("pull_up", "pull", "upper"),
        ("bicep_curl", "isolation", "upper"),
        ("leg_curl", "isolation", "lower"),
    ],
)
def test_pattern_and_region(exercise_id: str, pattern: str, region: str) -> None:
    assert (CATALOGUE[exercise_id].pattern, CATALOGUE[exercise_id].region) == (pattern, region)


def test_no_alias_points_at_two_exercises() -> None:
    owners: dict[str, set[str]] = {}
    for exercise in CATALOGUE.values():
        for label in (exercise.id, exercise.name, *exercise.aliases):
            owners.setdefault(name_key(label), set()).add(exercise.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(
    ("prefix", "first"),
    [("ben", "bench_press"), ("pull", "pull_up"), ("rdl", "romanian_deadlift"),
     ("dead", "deadlift"), ("sqaut", "squat"), ("incl", "incline_bench_press")],
)  # fmt: skip
def test_search_puts_the_best_match_first(prefix: str, first: str) -> None:
    assert search(prefix)[0].id == first


def test_search_without_text_lists_the_catalogue_in_order() -> None:
    assert [e.id for e in search("", limit=3)] == list(CATALOGUE)[:3]
    assert len(search("")) == min(25, len(CATALOGUE))


def test_search_respects_the_limit_and_finds_nothing_for_nonsense() -> None:
    assert len(search("s", limit=2)) == 2
    assert search("qqqqqq") == []


@pytest.mark.parametrize(
    ("exercise_id", "name"),
    [("bench_press", "Bench press"), ("romanian_deadlift", "Romanian deadlift"),
     ("squat", "Squat"), ("zercher_squat", "Zercher squat")],
)  # fmt: skip
def test_display_name(exercise_id: str, name: str) -> None:
    assert display_name(exercise_id) == name
