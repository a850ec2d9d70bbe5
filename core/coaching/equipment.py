"""What a person can actually load: bar and plates, dumbbell steps, machine stacks.

Pure math over plain values, plus the `/equipment` syntax and the hook that moves a
plan's load onto a weight that can be loaded (never losing an increment to rounding).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from core.coaching.progression import Plan
from core.recording.entries import Unit, from_kg, to_kg

Kind = Literal["plates", "steps", "stack"]

# Which catalogue lifts the default (barbell) setup applies to; others need their own line.
BARBELL_LIFTS = frozenset(
    {
        "squat",
        "front_squat",
        "deadlift",
        "romanian_deadlift",
        "hip_thrust",
        "bench_press",
        "incline_bench_press",
        "overhead_press",
        "barbell_row",
    }
)
DUMBBELL_LIFTS = frozenset(
    {"dumbbell_bench_press", "incline_dumbbell_press", "dumbbell_row", "goblet_squat", "lunge"}
)
BARBELL = "barbell"  # the default target
DUMBBELLS = "dumbbells"
GROUP_NAMES = {
    "barbell": BARBELL,
    "bar": BARBELL,
    "default": BARBELL,
    "dumbbell": DUMBBELLS,
    "dumbbells": DUMBBELLS,
    "db": DUMBBELLS,
}
DEFAULT_BAR = {"kg": "20", "lb": "45"}  # an Olympic bar, unless told otherwise
MAX_LOAD = {"kg": 500.0, "lb": 1100.0}  # the heaviest load the math considers
_RESOLUTION = 100  # loads are exact to 0.01 of a unit
_EPS = 1e-6


@dataclass(frozen=True)
class Gear:
    """One setup. `plates` lists (plate, pairs) with pairs=None for "as many as needed"."""

    unit: Unit
    kind: Kind
    bar: float = 0.0
    plates: tuple[tuple[float, int | None], ...] = ()
    step: float = 0.0
    start: float = 0.0  # lightest dumbbell or stack plate (0: multiples of step)

    def describe(self) -> str:
        u = self.unit
        if self.kind == "plates":
            listed = ", ".join(
                number(p) if n is None else f"{number(p)}×{n}" for p, n in self.plates
            )
            return f"bar {number(self.bar)} {u}, plates {listed or 'none'} {u} (pairs)"
        start = f" from {number(self.start)}" if self.start else ""
        what = "steps of" if self.kind == "steps" else "stack in steps of"
        return f"{what} {number(self.step)} {u}{start}"


@dataclass(frozen=True)
class EquipmentSetup:
    """A person's gear by target: "barbell", "dumbbells" or a catalogue exercise id."""

    gear: Mapping[str, Gear]

    def for_exercise(self, exercise: str) -> Gear | None:
        if exercise in self.gear:
            return self.gear[exercise]
        if exercise in DUMBBELL_LIFTS and DUMBBELLS in self.gear:
            return self.gear[DUMBBELLS]
        if exercise in BARBELL_LIFTS:
            return self.gear.get(BARBELL)
        return None


def number(value: float) -> str:
    return f"{round(value, 3):g}"


def _units(value: float) -> int:
    return round(value * _RESOLUTION)


def loadable(gear: Gear, limit: float | None = None) -> list[float]:
    """Return every load the gear can make up to `limit` (in the gear's unit), ascending."""
    top = limit if limit is not None else MAX_LOAD[gear.unit]
    if gear.kind in ("steps", "stack"):
        if gear.step <= 0:
            return []
        first = gear.start if gear.start > 0 else gear.step
        count = int((top - first) / gear.step + _EPS) + 1
        return [round(first + i * gear.step, 3) for i in range(max(count, 0))]
    # Plates go on in pairs: reachable per-side sums as bits of one big integer.
    side_limit = _units(max(top - gear.bar, 0) / 2)
    reach = 1
    mask = (1 << (side_limit + 1)) - 1
    for plate, pairs in gear.plates:
        size = _units(plate)
        if size <= 0:
            continue
        copies = pairs if pairs is not None else side_limit // size
        for _ in range(copies):
            grown = (reach | (reach << size)) & mask
            if grown == reach:
                break
            reach = grown
    sides = [i for i in range(side_limit + 1) if reach >> i & 1]
    return [round(gear.bar + 2 * s / _RESOLUTION, 3) for s in sides]


def round_up(gear: Gear, target: float) -> float:
    """Return the lightest loadable weight at or above `target` (the heaviest if none)."""
    loads = loadable(gear, max(target, 0) * 1.5 + 2 * max(gear.step, gear.bar, 1))
    if not loads:
        return target
    return next((w for w in loads if w >= target - _EPS), loads[-1])


def round_down(gear: Gear, target: float) -> float:
    """Return the heaviest loadable weight at or below `target` (the lightest if none)."""
    loads = loadable(gear, max(target, 0) + _EPS)
    if loads:
        return loads[-1]
    lightest = loadable(gear, max(gear.bar, gear.start, gear.step) + _EPS)
    return lightest[0] if lightest else target


def round_nearest(gear: Gear, target: float) -> float:
    """Return the loadable weight closest to `target` (the heavier one on a tie)."""
    up, down = round_up(gear, target), round_down(gear, target)
    return up if up - target <= target - down + _EPS else down


def _convert(weight: float, source: Unit, dest: Unit) -> float:
    return weight if source == dest else from_kg(to_kg(weight, source), dest)


def fit_plan(plan: Plan, setup: EquipmentSetup) -> Plan:
    """Return the plan with its load moved onto a weight the person can load.

    The load the person just lifted is loadable, so a plan to lift it again (repeat, hold)
    stays as it is. Progress rounds up (the increment is never lost), deload and return
    round down, the rest go to the nearest loadable weight. The plan takes the gear's unit.
    """
    gear = setup.for_exercise(plan.exercise)
    if gear is None or (plan.bodyweight and plan.exercise not in setup.gear):
        return plan
    if plan.last_load is not None and abs(plan.weight - plan.last_load) < _EPS:
        if plan.rule in ("repeat", "hold"):
            return plan
    target = _convert(plan.weight, plan.unit, gear.unit)
    if plan.rule == "progress" and not plan.bodyweight:
        weight = round_up(gear, target)
    elif plan.rule in ("deload", "return"):
        weight = round_down(gear, target)
    elif plan.rule == "progress":
        weight = round_up(gear, target) if target > 0 else 0.0
    else:
        weight = round_nearest(gear, target) if target > 0 else 0.0
    if plan.unit == gear.unit and abs(weight - plan.weight) < _EPS:
        return plan
    reason = f"{plan.reason}; {number(weight)} {gear.unit} is what your equipment loads"
    return replace(plan, weight=weight, unit=gear.unit, reason=reason)


def fit_plans(plans: Sequence[Plan], setup: EquipmentSetup | None) -> list[Plan]:
    if setup is None or not setup.gear:
        return list(plans)
    return [fit_plan(p, setup) for p in plans]
