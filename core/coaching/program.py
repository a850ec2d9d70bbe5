"""A starting program for someone with nothing logged: the article's week, fitted to them.

The rule, as a coach would write it:

1. **Full body, 2 or 3 days.** Each lifting day has one lift for each movement the
   article names: a squat or lunge, a hinge, a push and a pull. Two templates, A and B,
   alternate (A B A, then B A B): every major muscle group is worked on every lifting day.
2. **Sets and reps.** 3 sets of 8 on 3 days a week (9 weekly sets per group), 4 sets of 8
   on 2 days (8): the article's 3–4 sets of 6–10 and 8–16 weekly sets. The load goes up
   by the usual rule once 3 sets of 8 are done (`core.coaching.progression`).
3. **The equipment they have.** A full gym, dumbbells only, a kettlebell, or home with
   the body's own weight: each has its own lifts (`LIFTS`).
4. **Age.** From 60 on, the gentler variant of a lift where one exists (leg press and
   step-ups instead of barbell squats and lunges, dumbbell presses, incline push-ups).
5. **Cardio.** Zone 2 on 3 days for 45 minutes (the article's 3–4 × 45–60, starting at
   the low end), intervals once a week, and a walk every day.
6. **Calibration first.** With no loads known, the first session works up to one set of 8
   that feels like 2–3 reps left; that set, logged, sets the first working loads (the
   progression's `calibrate` rule: 75% of its estimated max).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

Equipment = Literal["gym", "dumbbells", "kettlebell", "home"]
EQUIPMENT: dict[Equipment, str] = {
    "gym": "a full gym",
    "dumbbells": "dumbbells",
    "kettlebell": "a kettlebell",
    "home": "home, no equipment",
}
OLDER = 60  # from this age, the gentler variant of a lift
REPS = 8
SETS_BY_DAYS = {2: 4, 3: 3}
LIFT_DAYS = {2: (0, 3), 3: (0, 2, 4)}  # Mon Thu · Mon Wed Fri
ZONE2_DAYS = {2: (1, 5, 6), 3: (1, 3, 5)}  # Tue Sat Sun · Tue Thu Sat
HIIT_DAY = {2: 4, 3: 6}  # Fri · Sun
ZONE2_MINUTES = 45
HIIT_MINUTES = 20
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Per equipment, the lifts of templates A and B in order: knee, hinge, push, pull.
# A pair is (under 60, 60 and over).
_Pair = tuple[str, str]
LIFTS: dict[Equipment, tuple[tuple[_Pair, ...], ...]] = {
    "gym": (
        (
            ("squat", "leg_press"),
            ("romanian_deadlift", "romanian_deadlift"),
            ("bench_press", "dumbbell_bench_press"),
            ("seated_row", "seated_row"),
        ),
        (
            ("lunge", "step_up"),
            ("hip_thrust", "hip_thrust"),
            ("incline_bench_press", "incline_bench_press"),
            ("lat_pulldown", "lat_pulldown"),
        ),
    ),
    "dumbbells": (
        (
            ("goblet_squat", "goblet_squat"),
            ("romanian_deadlift", "romanian_deadlift"),
            ("dumbbell_bench_press", "dumbbell_bench_press"),
            ("dumbbell_row", "dumbbell_row"),
        ),
        (
            ("lunge", "step_up"),
            ("glute_bridge", "glute_bridge"),
            ("incline_dumbbell_press", "incline_dumbbell_press"),
            ("chest_supported_row", "chest_supported_row"),
        ),
    ),
    "kettlebell": (
        (
            ("goblet_squat", "goblet_squat"),
            ("kettlebell_swing", "glute_bridge"),
            ("push_up", "incline_push_up"),
            ("dumbbell_row", "dumbbell_row"),
        ),
        (
            ("lunge", "step_up"),
            ("glute_bridge", "glute_bridge"),
            ("push_up", "incline_push_up"),  # chest on every day: the press has none
            ("dumbbell_row", "dumbbell_row"),  # one arm, with the kettlebell
        ),
    ),
    "home": (
        (
            ("bodyweight_squat", "bodyweight_squat"),
            ("glute_bridge", "glute_bridge"),
            ("push_up", "incline_push_up"),
            ("inverted_row", "inverted_row"),
        ),
    ),
}


@dataclass(frozen=True)
class Program:
    """The week chosen with /program: its lifting days and what each day holds."""

    equipment: Equipment
    lift_days: tuple[int, ...]  # weekday numbers, Monday 0
    templates: tuple[tuple[str, ...], ...]  # A, B: catalogue ids in order
    sets: int
    reps: int
    zone2_days: tuple[int, ...]
    zone2_minutes: int
    hiit_days: tuple[int, ...]
    hiit_minutes: int

    @property
    def lifts(self) -> tuple[str, ...]:
        """Every lift of the program, each once, in template order."""
        return tuple(dict.fromkeys(e for t in self.templates for e in t))


def build_program(equipment: Equipment, days: int, age: int | None) -> Program:
    """Return the starting week for `equipment`, `days` lifting days (2 or 3) and `age`."""
    if days not in SETS_BY_DAYS:
        raise ValueError(f"days must be 2 or 3, not {days}")
    older = age is not None and age >= OLDER
    templates = tuple(tuple(pair[older] for pair in t) for t in LIFTS[equipment])
    return Program(
        equipment,
        LIFT_DAYS[days],
        templates,
        SETS_BY_DAYS[days],
        REPS,
        ZONE2_DAYS[days],
        ZONE2_MINUTES,
        (HIIT_DAY[days],),
        HIIT_MINUTES,
    )


def days_text(days: tuple[int, ...]) -> str:
    return " ".join(WEEKDAYS[d] for d in days)


def encode(program: Program) -> str:
    """Return the program as the JSON the profile keeps."""
    return json.dumps(
        {
            "equipment": program.equipment,
            "lift_days": program.lift_days,
            "templates": program.templates,
            "sets": program.sets,
            "reps": program.reps,
            "zone2_days": program.zone2_days,
            "zone2_minutes": program.zone2_minutes,
            "hiit_days": program.hiit_days,
            "hiit_minutes": program.hiit_minutes,
        }
    )


def decode(text: str | None) -> Program | None:
    """Return the program kept in the profile, or None (none chosen, or unreadable)."""
    if not text:
        return None
    try:
        d = json.loads(text)
        return Program(
            d["equipment"],
            tuple(d["lift_days"]),
            tuple(tuple(t) for t in d["templates"]),
            int(d["sets"]),
            int(d["reps"]),
            tuple(d["zone2_days"]),
            int(d["zone2_minutes"]),
            tuple(d["hiit_days"]),
            int(d["hiit_minutes"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def template_after(program: Program, last_lifts: tuple[str, ...] | None) -> tuple[str, ...]:
    """Return the template after the one `last_lifts` (the last lifting day) matched most.

    With nothing logged, or a day that matches no template, the session is template A.
    """
    if not last_lifts or len(program.templates) == 1:
        return program.templates[0]
    shared = [len(set(t) & set(last_lifts)) for t in program.templates]
    best = max(range(len(shared)), key=lambda i: shared[i])
    if shared[best] == 0:
        return program.templates[0]
    return program.templates[(best + 1) % len(program.templates)]
