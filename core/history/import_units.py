"""Does an export without a unit read as pounds? Loads no one lifts in kg say it does.

Pure: a read export in, the lifts that give it away out. Only sets whose unit the file
did not name count (Hevy's `weight_lbs`, Strong's `Weight (kg)` or `Weight Unit` name it),
and only working sets of the big lifts, where a coach knows what is humanly usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from core.history.exercise_names import map_exercise
from core.history.import_values import ReadExport

# The median working-set load (kg) above which a lift reads as pounds, not kg: more than
# most sets of an elite lifter, and what an ordinary lifter's pounds look like in kg
# (a 185 lb bench read as 185 kg). A kg log of a strong lifter stays well under them.
BENCH_CEILING_KG = 180.0
SQUAT_CEILING_KG = 250.0
DEADLIFT_CEILING_KG = 300.0
LEG_PRESS_CEILING_KG = 400.0
CEILINGS_KG = {
    "bench_press": BENCH_CEILING_KG,
    "squat": SQUAT_CEILING_KG,
    "deadlift": DEADLIFT_CEILING_KG,
    "leg_press": LEG_PRESS_CEILING_KG,
}
WORKING_KINDS = {"normal", "failure", "drop"}  # warm-ups are light on purpose


@dataclass(frozen=True)
class TooHeavy:
    """A big lift whose usual load is past its ceiling when read in kg."""

    exercise: str  # catalogue id
    median: float  # the median working load, as written in the file


def too_heavy_in_kg(found: ReadExport) -> list[TooHeavy]:
    """Return the big lifts whose median working load, read as kg, is past its ceiling.

    Empty when the file names its units, or no lift is out of the ordinary: then the
    file imports as it reads. Anything here means the file is likely in pounds.
    """
    loads: dict[str, list[float]] = {}
    for workout in found.workouts:
        for s in workout.sets:
            if s.unit_stated or s.unit != "kg" or s.kind not in WORKING_KINDS or s.weight <= 0:
                continue
            exercise = s.exercise_id or map_exercise(s.exercise)
            if exercise in CEILINGS_KG:
                loads.setdefault(exercise, []).append(s.weight)
    return [
        TooHeavy(exercise, median(weights))
        for exercise, weights in sorted(loads.items())
        if median(weights) > CEILINGS_KG[exercise]
    ]
