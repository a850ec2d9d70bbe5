import json
import re
from datetime import date
from pathlib import Path

import pytest

from core.coaching.dose import weekly_dose
from core.ports import StoredSet
from core.recording import catalogue
from core.recording.catalogue import (
    CATALOGUE,
    MAJOR_MUSCLES,
    Exercise,
    closest,
    display_name,
    name_key,
    resolve,
)
from core.recording.search import search

ROOT = Path(__file__).resolve().parents[1]

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


# --- issue #13 part 3: never guess the exercise ------------------------------------------

DATASET = Path(__file__).resolve().parents[1].parent / "shared/data/free-exercise-db"
EXTENDED_MUSCLES = {*MUSCLES, "forearms", "traps", "adductors"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # names that used to be read as another lift
        ("Barbell Bent Over Row", "barbell_row"),
        ("Pistol squats", "pistol_squat"),
        ("Hack Squat Sled", "hack_squat"),
        ("Chest press", "machine_chest_press"),
        # the lifts people log, by the names they type
        ("lat raise", "lateral_raise"),
        ("Lateral Raises", "lateral_raise"),
        ("front raises", "front_raise"),
        ("rear delt flys", "rear_delt_fly"),
        ("reverse flyes", "rear_delt_fly"),
        ("hammer curls", "bicep_curl"),
        ("preacher curls", "preacher_curl"),
        ("cable flys", "cable_fly"),
        ("cable crossover", "cable_fly"),
        ("db fly", "dumbbell_fly"),
        ("dumbbell flies", "dumbbell_fly"),
        ("chest press machine", "machine_chest_press"),
        ("pec deck", "pec_deck"),
        ("pec dec", "pec_deck"),
        ("hack squats", "hack_squat"),
        ("single leg press", "single_leg_press"),
        ("seated leg press", "seated_leg_press"),
        ("45 degree leg press", "leg_press"),
        ("walking lunges", "lunge"),
        ("reverse lunge", "lunge"),
        ("dumbbell lunges", "lunge"),
        ("step-ups", "step_up"),
        ("good mornings", "good_morning"),
        ("power cleans", "power_clean"),
        ("hang clean", "hang_clean"),
        ("clean and jerk", "clean_and_jerk"),
        ("C&J", "clean_and_jerk"),
        ("snatch", "snatch"),
        ("push press", "push_press"),
        ("shrugs", "shrug"),
        ("farmer's walk", "farmers_walk"),
        ("farmers walks", "farmers_walk"),
        ("back extensions", "back_extension"),
        ("hypers", "back_extension"),
        ("hip abduction", "hip_abduction"),
        ("hip adduction", "hip_adduction"),
        ("abductor machine", "hip_abduction"),
        ("t-bar row", "t_bar_row"),
        ("pendlay row", "barbell_row"),
        ("chest supported row", "chest_supported_row"),
        ("cable row", "seated_row"),
        ("single arm cable row", "single_arm_cable_row"),
        ("close grip bench", "close_grip_bench_press"),
        ("floor press", "floor_press"),
        ("zercher squats", "zercher_squat"),
        ("box squat", "box_squat"),
        ("pause squat", "pause_squat"),
        ("paused squats", "pause_squat"),
        ("paused bench", "pause_bench_press"),
        ("sumo deadlift", "deadlift"),
        ("sumo", "deadlift"),
        ("deficit deadlifts", "deficit_deadlift"),
        ("rack pulls", "rack_pull"),
        ("nordic curls", "nordic_curl"),
        ("nordics", "nordic_curl"),
        ("glute ham raise", "glute_ham_raise"),
        ("GHRs", "glute_ham_raise"),
        ("ab wheel", "ab_wheel"),
        ("russian twists", "russian_twist"),
        ("hanging leg raises", "hanging_leg_raise"),
        ("inverted rows", "inverted_row"),
        ("muscle-ups", "muscle_up"),
        ("kettlebell clean", "kettlebell_clean"),
        ("kb press", "kettlebell_press"),
        ("kb snatch", "kettlebell_snatch"),
        ("kb goblet squat", "goblet_squat"),
        ("dumbbell squat", "goblet_squat"),
        ("turkish get-up", "turkish_get_up"),
        ("TGU's", "turkish_get_up"),
        ("sled push", "sled_push"),
        ("prowler", "sled_push"),
        ("ohp", "overhead_press"),
        ("rdl", "romanian_deadlift"),
        ("incline dumbbell press", "incline_dumbbell_press"),  # per dumbbell: not a barbell
        ("incline bench press", "incline_bench_press"),
        ("tricep dumbbell extension", "tricep_extension"),
        # harmless words: a qualifier, or the gear the lift is done with
        ("heavy squats", "squat"),
        ("light deadlifts", "deadlift"),
        ("seated lateral raise", "lateral_raise"),
        ("standing leg curl", "leg_curl"),
        ("flat db press", "dumbbell_bench_press"),
        ("weighted pull-ups", "pull_up"),
        ("weighted dips", "dip"),
        ("strict curls", "bicep_curl"),
        ("barbell rdl", "romanian_deadlift"),
        ("dumbbell incline press", "incline_dumbbell_press"),
        ("machine leg press", "leg_press"),
        ("cable face pulls", "face_pull"),
        ("seated shoulder press machine", "machine_shoulder_press"),
        ("seated db press", "dumbbell_shoulder_press"),
        ("heavy sqauts", "squat"),
    ],
)
def test_resolve_knows_the_lifts_people_log(typed: str, expected: str) -> None:
    found = resolve(typed)
    assert found is not None, typed
    assert found.id == expected


@pytest.mark.parametrize(
    "typed",
    [
        # a known lift's words with a word that makes it another lift: not known
        "smith machine bench", "dumbbell deadlift", "kettlebell row", "cable lateral raises x",
        "paused deadlift", "tempo squat", "banded bench press", "assisted squat",
        "zottman curl", "spider curl", "box jumps", "wide grip bench", "block press",
        "cable kickback", "barbell bent row", "hack squat sled push", "hip thrust machine",
        "bodyweight calf raise", "kirk shrug", "single leg hip thrust",
        "seated shoulder press", "seated overhead press",  # heavier than standing, or a machine
        # one word away from a name, but not a typo of it
        "barbell bent", "jack squat", "bent press", "chest flies x",
        # timed holds are left out: they are not sets of reps
        "plank", "side plank", "wall sit", "dead hang",
        # chat
        "good", "heavy", "light", "standing", "barbell", "dumbbells", "machine",
    ],
)  # fmt: skip
def test_resolve_never_turns_an_unknown_name_into_another_lift(typed: str) -> None:
    assert resolve(typed) is None


def test_each_exercise_resolves_from_its_own_id_name_and_aliases() -> None:
    wrong = {
        label: found.id if found else None
        for exercise in CATALOGUE.values()
        for label in (exercise.id, exercise.name, *exercise.aliases)
        if (found := resolve(label)) != exercise
    }
    assert wrong == {}


@pytest.mark.parametrize("exercise", CATALOGUE.values(), ids=list(CATALOGUE))
def test_every_exercise_is_described_in_our_words(exercise: Exercise) -> None:
    assert exercise.name[0].isupper()
    assert exercise.muscles
    assert set(exercise.muscles) <= EXTENDED_MUSCLES
    assert exercise.region in ("lower", "upper")
    assert exercise.pattern in ("squat", "hinge", "lunge", "push", "pull", "isolation", "carry")
    assert exercise.bodyweight == ("bodyweight" in exercise.equipment)
    assert exercise.measure == ("distance" if exercise.pattern == "carry" else "reps")
    assert all(alias == alias.lower().strip() for alias in exercise.aliases)


def test_the_catalogue_has_the_lifts_people_log_but_no_timed_holds() -> None:
    assert 120 <= len(CATALOGUE) <= 200
    assert list(CATALOGUE)[: len(REQUIRED_IDS)] == REQUIRED_IDS
    assert not {"plank", "side_plank", "wall_sit"} & set(CATALOGUE)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("zottman curl", "bicep_curl"),
        ("dumbbell deadlift", "deadlift"),
        ("paused deadlift", "deadlift"),
        ("kirk shrug", "shrug"),
        ("cable rear delt fly", "rear_delt_fly"),
        ("squat", "squat"),  # a known name is its own first candidate
        ("bulgarain split squat", "bulgarian_split_squat"),
    ],
)
def test_closest_offers_candidates_for_a_question(typed: str, first: str) -> None:
    found = closest(typed)
    assert found[0].id == first
    assert 1 <= len(found) <= 3
    assert len({e.id for e in found}) == len(found)


def test_closest_offers_a_few_names_or_none_and_never_picks() -> None:
    assert {e.id for e in closest("tricep dips")} >= {"dip", "tricep_extension"}
    assert len(closest("curl", limit=1)) == 1
    assert len(closest("press", limit=5)) == 5
    assert resolve("tricep dips") is None  # offered, not chosen
    for nonsense in ("", "hello", "qqqqq", "thanks", "🙂", "a" * 500):
        assert closest(nonsense) == []


def test_gear_words_are_one_spelling() -> None:
    assert name_key("Dumbbell Rows") == name_key("db row") == "dbrow"
    assert name_key("kettlebell swings") == name_key("KB swing")
    assert name_key("farmer's walk") == name_key("Farmers Walks")


@pytest.mark.skipif(not DATASET.is_dir(), reason=f"free-exercise-db is not at {DATASET}")
def test_the_shipped_file_is_what_the_tool_derives() -> None:
    from tools.derive_catalogue import OUTPUT, derive, read_dataset

    assert OUTPUT == catalogue.DATA
    assert derive(*read_dataset(DATASET)) == OUTPUT.read_text(encoding="utf-8")


def test_the_shipped_file_says_where_it_comes_from() -> None:
    about = json.loads(catalogue.DATA.read_text(encoding="utf-8"))["about"]
    assert about["source"] == "https://github.com/yuhonas/free-exercise-db"
    assert re.fullmatch(r"[0-9a-f]{40}", about["commit"])
    assert "Unlicense" in about["licence"]
    assert about["exercises"] == len(CATALOGUE)


MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("exercise_id", "counted", "not_counted"),
    [
        ("hack_squat", {"quads", "glutes"}, {"hamstrings", "back"}),
        ("lateral_raise", {"shoulders"}, {"chest", "back"}),
        ("t_bar_row", {"back"}, {"shoulders"}),
        ("hip_abduction", {"glutes"}, {"quads"}),
        ("power_clean", {"quads", "hamstrings", "glutes", "back"}, {"chest"}),
        ("pec_deck", {"chest"}, {"shoulders"}),
        ("shrug", set(), {"back", "shoulders"}),  # traps are not the back's dose
        ("nordic_curl", {"hamstrings"}, {"glutes"}),
    ],
)
def test_new_exercises_count_toward_their_muscles_in_the_weekly_dose(
    exercise_id: str, counted: set[str], not_counted: set[str]
) -> None:
    bodyweight = CATALOGUE[exercise_id].bodyweight
    sets = [
        StoredSet(exercise_id, MONDAY, i, 8, 0 if bodyweight else 100, "kg", 100, bodyweight,
                  None, 1)
        for i in range(3)
    ]  # fmt: skip
    dose = weekly_dose(MONDAY, sets, []).intensity_sets
    assert {m for m, n in dose.items() if n == 3} == counted
    assert not {m for m in not_counted if dose[m]}
