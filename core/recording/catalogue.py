"""The exercises the coach knows, and how to find one from what a user typed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

Pattern = Literal["squat", "hinge", "lunge", "push", "pull", "isolation"]
Region = Literal["lower", "upper"]

MAJOR_MUSCLES = ("quads", "hamstrings", "glutes", "chest", "back", "shoulders")

# Typos are only forgiven on names this long: short words ("what", "easy") are too
# close to short exercise names for a fuzzy match to mean anything.
FUZZY_MIN_LENGTH = 4
# Edit similarity (swaps count as one edit) a typo must reach: one slip in five letters
# ("sqaut") is 0.8, while "push" against "pushup" or "deload" against "dead" is 0.67.
FUZZY_CUTOFF = 0.79  # 0.8, less slack for float rounding inside rapidfuzz
# fuzz.partial_ratio an autocomplete query must reach against a name or alias.
PARTIAL_CUTOFF = 85
# No exercise name is longer than this once squeezed; longer text is never a name.
MAX_KEY_LENGTH = 40


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    pattern: Pattern
    muscles: tuple[str, ...]
    region: Region
    bodyweight: bool
    aliases: tuple[str, ...]


def _ex(
    id: str,
    name: str,
    pattern: Pattern,
    muscles: str,
    region: Region,
    aliases: str,
    bodyweight: bool = False,
) -> Exercise:
    """Return an Exercise from space- and comma-separated shorthand."""
    return Exercise(
        id=id,
        name=name,
        pattern=pattern,
        muscles=tuple(muscles.split()),
        region=region,
        bodyweight=bodyweight,
        aliases=tuple(a.strip() for a in aliases.split(",") if a.strip()),
    )


_EXERCISES = (
    _ex("squat", "Squat", "squat", "quads glutes core", "lower",
        "back squat, barbell squat, bb squat, high bar squat, low bar squat, sq"),
    _ex("front_squat", "Front squat", "squat", "quads glutes core", "lower", "fs"),
    _ex("goblet_squat", "Goblet squat", "squat", "quads glutes", "lower",
        "goblet, kb squat, db squat"),
    _ex("bulgarian_split_squat", "Bulgarian split squat", "lunge", "quads glutes", "lower",
        "bss, split squat, bulgarian, rfess, rear foot elevated split squat"),
    _ex("lunge", "Lunge", "lunge", "quads glutes", "lower",
        "walking lunge, reverse lunge, db lunge, forward lunge"),
    _ex("leg_press", "Leg press", "squat", "quads glutes", "lower", "lp"),
    _ex("deadlift", "Deadlift", "hinge", "hamstrings glutes back", "lower",
        "dl, dead, conventional deadlift, sumo deadlift, sumo, barbell deadlift"),
    _ex("romanian_deadlift", "Romanian deadlift", "hinge", "hamstrings glutes", "lower",
        "rdl, romanian, stiff leg deadlift, sldl, db rdl"),
    _ex("trap_bar_deadlift", "Trap bar deadlift", "hinge", "quads hamstrings glutes back",
        "lower", "trap bar, trap bar dl, hex bar, hex bar deadlift, hex bar dl, tbdl"),
    _ex("hip_thrust", "Hip thrust", "hinge", "glutes hamstrings", "lower",
        "barbell hip thrust, glute bridge, thrust"),
    _ex("kettlebell_swing", "Kettlebell swing", "hinge", "glutes hamstrings core", "lower",
        "kb swing, swing, kettlebell, kbs"),
    _ex("bench_press", "Bench press", "push", "chest shoulders triceps", "upper",
        "bench, bp, flat bench, barbell bench, bb bench"),
    _ex("incline_bench_press", "Incline bench press", "push", "chest shoulders triceps",
        "upper", "incline bench, incline, incline press, incline db press"),
    _ex("dumbbell_bench_press", "Dumbbell bench press", "push", "chest shoulders triceps",
        "upper", "db bench, dumbbell bench, db press, db bench press, dumbbell press"),
    _ex("overhead_press", "Overhead press", "push", "shoulders triceps core", "upper",
        "ohp, press, military press, shoulder press, strict press, standing press"),
    _ex("push_up", "Push-up", "push", "chest shoulders triceps core", "upper",
        "push up, pushup, press up", bodyweight=True),
    _ex("dip", "Dip", "push", "chest triceps shoulders", "upper",
        "parallel bar dip, chest dip", bodyweight=True),
    _ex("barbell_row", "Barbell row", "pull", "back biceps", "upper",
        "row, bb row, bent over row, pendlay row"),
    _ex("dumbbell_row", "Dumbbell row", "pull", "back biceps", "upper",
        "db row, one arm row, single arm row"),
    _ex("seated_row", "Seated row", "pull", "back biceps", "upper",
        "cable row, seated cable row"),
    _ex("lat_pulldown", "Lat pulldown", "pull", "back biceps", "upper",
        "pulldown, lat pull down, pull down"),
    _ex("pull_up", "Pull-up", "pull", "back biceps", "upper", "pull up, pullup",
        bodyweight=True),
    _ex("chin_up", "Chin-up", "pull", "back biceps", "upper", "chin up, chinup, chin",
        bodyweight=True),
    _ex("face_pull", "Face pull", "pull", "shoulders back", "upper", "facepull"),
    _ex("leg_curl", "Leg curl", "isolation", "hamstrings", "lower",
        "hamstring curl, lying leg curl, seated leg curl"),
    _ex("leg_extension", "Leg extension", "isolation", "quads", "lower",
        "leg ext, quad extension"),
    _ex("calf_raise", "Calf raise", "isolation", "calves", "lower",
        "calves, standing calf raise, seated calf raise"),
    _ex("bicep_curl", "Bicep curl", "isolation", "biceps", "upper",
        "curl, biceps curl, db curl, barbell curl, hammer curl"),
    _ex("tricep_extension", "Tricep extension", "isolation", "triceps", "upper",
        "triceps extension, skull crusher, skullcrusher, tricep pushdown, pushdown, "
        "overhead extension, triceps"),
)  # fmt: skip

CATALOGUE: dict[str, Exercise] = {e.id: e for e in _EXERCISES}


def _singular(word: str) -> str:
    """Return `word` without a plural ending; applied alike to names and input."""
    if word.endswith("sses"):
        return word[:-2]
    if len(word) >= 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_key(text: str) -> str:
    """Return `text` squeezed for lookup: lowercase, singular, no spaces or hyphens."""
    return "".join(_singular(w) for w in re.findall(r"[a-z0-9]+", text.lower()))


def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for exercise in _EXERCISES:
        for label in (exercise.id, exercise.name, *exercise.aliases):
            index.setdefault(name_key(label), exercise.id)
    return index


_INDEX = _index()
_KEYS = tuple(_INDEX)


@lru_cache(maxsize=4096)
def resolve(name: str) -> Exercise | None:
    """Return the exercise `name` refers to (alias, plural or typo), or None."""
    key = name_key(name)
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    if key in _INDEX:
        return CATALOGUE[_INDEX[key]]
    if len(key) < FUZZY_MIN_LENGTH:
        return None
    match = process.extractOne(
        key, _KEYS, scorer=OSA.normalized_similarity, score_cutoff=FUZZY_CUTOFF
    )
    return CATALOGUE[_INDEX[match[0]]] if match else None


def _search_rank(exercise: Exercise, query: str) -> int | None:
    """Return how well `query` fits: 0 starts the name, 1 an alias, 2 a later word,
    3 is a typo of a name, 4 is close to part of one; None if it does not fit."""
    labels = (exercise.name.lower(), *exercise.aliases)
    if exercise.name.lower().startswith(query):
        return 0
    if any(label.startswith(query) for label in labels):
        return 1
    if any(f" {query}" in f" {label}" for label in labels):
        return 2
    if len(query) < FUZZY_MIN_LENGTH:
        return None
    if resolve(query) == exercise:
        return 3
    best = max(fuzz.partial_ratio(query, label) for label in labels)
    return 4 if best >= PARTIAL_CUTOFF else None


def search(prefix: str, limit: int = 25) -> list[Exercise]:
    """Return exercises for autocomplete: best matches first, catalogue order on ties."""
    query = " ".join(re.findall(r"[a-z0-9]+", prefix.lower()))
    if not query:
        return list(_EXERCISES[:limit])
    ranked = [
        (rank, position, exercise)
        for position, exercise in enumerate(_EXERCISES)
        if (rank := _search_rank(exercise, query)) is not None
    ]
    return [exercise for _, _, exercise in sorted(ranked, key=lambda r: r[:2])][:limit]


def display_name(id: str) -> str:
    """Return the human name of exercise `id` ("Bench press"); unknown ids are prettified."""
    exercise = CATALOGUE.get(id)
    return exercise.name if exercise else id.replace("_", " ").capitalize()
