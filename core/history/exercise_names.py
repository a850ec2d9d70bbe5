"""An app's exercise names onto the catalogue, or kept as the person's own `custom:` ids."""

from __future__ import annotations

import re

from core.coaching.equipment import BARBELL_LIFTS
from core.recording.catalogue import display_name, resolve
from core.recording.catalogue import exercise as find

# Words in brackets that change what the exercise is, so it stays custom.
_KEEP_CUSTOM = {"assisted", "band", "bodyweight", "smith machine", "smith"}
_EQUIPMENT_PREFIX = {"dumbbell": "dumbbell", "kettlebell": "kb", "barbell": "barbell"}
_DUMBBELL_TWIN = {
    "bench_press": "dumbbell_bench_press",
    "barbell_row": "dumbbell_row",
    "squat": "goblet_squat",
    "incline_bench_press": "incline_bench_press",
    "romanian_deadlift": "romanian_deadlift",
}


def custom_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:50] or "exercise"
    return f"custom:{slug}"


def map_exercise(name: str) -> str:
    """Return the catalogue id for an app's exercise name, or a `custom:` id."""
    if find(name) is not None or name.startswith("custom:"):
        return name  # a catalogue id, or a person's own (`own:`) or imported (`custom:`) one
    if "assist" in name.lower():
        # An app's `Assisted Pull Up` holds the help as a plain weight: never added load.
        return custom_id(name)
    match = re.fullmatch(r"\s*(.*?)\s*\(([^)]*)\)\s*", name)
    base, equipment = (match[1], match[2].strip().lower()) if match else (name.strip(), "")
    if equipment in _KEEP_CUSTOM:
        return custom_id(name)
    candidates = []
    if equipment in _EQUIPMENT_PREFIX:
        candidates.append(f"{_EQUIPMENT_PREFIX[equipment]} {base}")
        candidates.append(f"{equipment} {base}")
    candidates.append(base)
    for candidate in candidates:
        exercise = resolve(candidate)
        if exercise is None:
            continue
        if equipment in ("", "barbell") or exercise.id not in BARBELL_LIFTS:
            return exercise.id
        # A barbell lift done with other gear: its dumbbell twin, else its own exercise.
        if equipment == "dumbbell" and exercise.id in _DUMBBELL_TWIN:
            return _DUMBBELL_TWIN[exercise.id]
        break
    return custom_id(name)


def exercise_name(exercise: str) -> str:
    """Return a readable name for a catalogue id or a `custom:` id."""
    if exercise.startswith("custom:"):
        return exercise.removeprefix("custom:").replace("_", " ").capitalize()
    return display_name(exercise)
