"""Bodyweight movements: reps climb to a ceiling that fits the movement, then the next step.

The next step is added load where a belt or vest is practical (pull-ups, dips), a harder
form where it is not (push-ups go to feet raised), or, where neither is, the top reps again.
With a machine's help (a load below bodyweight, `30 kg assistance`), the next step is less
help, down to none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.coaching.sessions import (
    DEFAULT_RULES,
    Plan,
    Rule,
    Rules,
    Session,
    fmt,
    increment_for,
    round_down_to,
    stalled_sessions,
    top_sets,
)
from core.recording.catalogue import Exercise, display_name
from core.recording.entries import Unit

LOAD = "load"  # at the ceiling: add one increment of load and go back to the target reps
KEEP = ""  # at the ceiling: no practical next step, so the top reps again
DELOAD_FRACTION = 0.90  # three stalled sessions with added load: drop 10% of it
STALLED_SESSIONS_BEFORE_DELOAD = 3


@dataclass(frozen=True)
class Climb:
    """How far reps climb for a movement, and what comes after: LOAD, KEEP or a harder form."""

    ceiling: int
    then: str


CLIMBS: dict[str, Climb] = {
    "pull_up": Climb(12, LOAD),  # a dip belt
    "chin_up": Climb(12, LOAD),
    "dip": Climb(12, LOAD),
    "ring_dip": Climb(12, LOAD),
    "back_extension": Climb(15, LOAD),  # a plate held to the chest
    "push_up": Climb(12, "decline_push_up"),  # feet on a bench, not a vest
    "incline_push_up": Climb(12, "push_up"),
    "bench_dip": Climb(15, "dip"),
    "inverted_row": Climb(12, "pull_up"),
    "glute_bridge": Climb(15, LOAD),  # a dumbbell or bag across the hips
    "bodyweight_squat": Climb(15, LOAD),  # a weight held at the chest (a backpack works)
}
DEFAULT_CLIMB = Climb(15, KEEP)  # core and other moves: reps only
# How much a machine's help comes off at the top of the climb: one or two plates of its
# stack, which moves in 5 kg or 10 lb steps, not a barbell's small plates.
HELP_STEP: dict[Unit, float] = {"kg": 5.0, "lb": 10.0}


def climb_for(exercise_id: str) -> Climb:
    return CLIMBS.get(exercise_id, DEFAULT_CLIMB)


def bodyweight_plan(
    exercise: Exercise,
    history: Sequence[Session],
    unit: Unit,
    rules: Rules = DEFAULT_RULES,
    goal: int | None = None,
) -> tuple[Plan, int]:
    """Return the plan and the reps target the last session reached (its level).

    `goal` is the reps the last session was planned for (None: the target reps): 9, 9, 8
    against 3×9 is short of it, so the same again.
    """
    climb = climb_for(exercise.id)
    step = increment_for(exercise, unit, rules)
    load, at_top = top_sets(history[-1])
    first = at_top[: rules.target_sets]
    reached = min(s.reps for s in first) if len(first) == rules.target_sets else 0
    goal = goal or rules.target_reps
    level = min(max(reached, rules.target_reps), climb.ceiling)

    def plan(weight: float, reps: int, rule: Rule, reason: str, form: str = "") -> Plan:
        return Plan(
            exercise.id, rules.target_sets, reps, weight, unit, rule, reason, True, form=form
        )

    done = f"{rules.target_sets} sets of {climb.ceiling} done"
    if reached >= climb.ceiling and load < 0:  # top of the climb with help: less of it
        less = min(0.0, round(load + HELP_STEP[unit], 3))
        why = (
            "so on to your own bodyweight"
            if less == 0
            else f"so {fmt(less - load)} {unit} less help"
        )
        return plan(
            less,
            rules.target_reps,
            "progress",
            f"{done}, {why} and back to {rules.target_reps} reps",
        ), level
    if reached >= climb.ceiling and climb.then == LOAD:  # top of the climb: add load
        return plan(
            round(load + step, 3),
            rules.target_reps,
            "progress",
            f"{done}, so add {fmt(step)} {unit} and go back to {rules.target_reps} reps",
        ), level
    if reached >= climb.ceiling and climb.then:  # top of the climb: a harder form
        harder = display_name(climb.then).lower()
        return plan(
            load,
            rules.target_reps,
            "progress",
            f"{done}, so on to {harder}, {rules.target_sets}×{rules.target_reps}",
            form=climb.then,
        ), level
    if reached >= climb.ceiling:  # top of the climb, nowhere practical to go
        return plan(
            load,
            climb.ceiling,
            "repeat",
            f"{done}, the top for this movement: keep it, lowering slower (3 s down)",
        ), climb.ceiling
    if reached >= goal:  # reps climb first
        return plan(
            load, reached + 1, "progress", f"all sets reached {reached}, so one more rep each"
        ), level
    stalled = stalled_sessions(history, load, rules)
    if load > 0 and stalled >= STALLED_SESSIONS_BEFORE_DELOAD:
        return plan(
            round_down_to(DELOAD_FRACTION * load, step),
            rules.target_reps,
            "deload",
            f"{stalled} sessions at +{fmt(load)} {unit} without progress, so drop 10% of the "
            "added load",
        ), level
    return plan(
        load,
        goal,
        "repeat",
        f"same again until all {rules.target_sets} sets reach {goal} reps",
    ), goal
