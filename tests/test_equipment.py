"""Loadable weights: plates, dumbbell steps, stacks; plans rounded without losing a step."""

from __future__ import annotations

import pytest

from core.coaching.equipment import (
    EquipmentSetup,
    Gear,
    fit_plan,
    loadable,
    round_down,
    round_nearest,
    round_up,
)
from core.coaching.equipment_syntax import parse_command
from core.coaching.progression import Plan
from tests.conftest import ChatUser

KG_PLATES = Gear(
    "kg", "plates", 20, ((25, None), (20, None), (10, None), (5, None), (2.5, None), (1.25, None))
)
LB_PLATES = Gear(
    "lb", "plates", 45, ((45, None), (35, None), (25, None), (10, None), (5, None), (2.5, None))
)
FEW_PLATES = Gear("kg", "plates", 20, ((20, 1), (10, 1), (5, 1)))
DUMBBELLS_LB = Gear("lb", "steps", step=5, start=5)
DUMBBELLS_KG = Gear("kg", "steps", step=2, start=2)
STACK = Gear("kg", "stack", step=5)


@pytest.mark.parametrize(
    ("gear", "target", "up", "down", "nearest"),
    [
        (KG_PLATES, 101, 102.5, 100, 100),
        (KG_PLATES, 102.5, 102.5, 102.5, 102.5),
        (LB_PLATES, 136, 140, 135, 135),  # 45 lb bar + 2.5 lb plates: 5 lb jumps
        (LB_PLATES, 186, 190, 185, 185),
        (LB_PLATES, 30, 45, 45, 45),  # nothing lighter than the bar
        (FEW_PLATES, 75, 80, 70, 80),  # one pair each: 20, 30, 40, 50, 60, 70, 80
        (FEW_PLATES, 200, 90, 90, 90),  # the heaviest it loads
        (DUMBBELLS_LB, 52.76, 55, 50, 55),
        (DUMBBELLS_LB, 2, 5, 5, 5),
        (DUMBBELLS_KG, 23, 24, 22, 24),
        (STACK, 62, 65, 60, 60),
    ],
)
def test_rounding_to_loadable_weights(gear, target, up, down, nearest) -> None:
    assert (round_up(gear, target), round_down(gear, target), round_nearest(gear, target)) == (
        up,
        down,
        nearest,
    )


def test_barbell_loads_are_the_bar_plus_pairs_of_plates() -> None:
    assert loadable(FEW_PLATES) == [20, 30, 40, 50, 60, 70, 80, 90]
    assert loadable(LB_PLATES, 60) == [45, 50, 55, 60]


def _plan(exercise: str, weight: float, rule: str, unit: str = "kg") -> Plan:
    return Plan(exercise, 3, 8, weight, unit, rule, "why")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("plan", "setup", "weight", "unit"),
    [
        # +2.5 kg on 100 with only 5 kg jumps: 105, never back to 100
        (
            _plan("squat", 102.5, "progress"),
            {"barbell": Gear("kg", "plates", 20, ((2.5, None),))},
            105,
            "kg",
        ),
        (
            _plan("squat", 94.5, "deload"),
            {"barbell": Gear("kg", "plates", 20, ((2.5, None),))},
            90,
            "kg",
        ),
        (_plan("squat", 96, "calibrate"), {"barbell": KG_PLATES}, 95, "kg"),
        # lb lifter: 135 + 5 lb = 140 is loadable as it stands
        (_plan("bench_press", 140, "progress", "lb"), {"barbell": LB_PLATES}, 140, "lb"),
        (_plan("bench_press", 137.5, "progress", "lb"), {"barbell": LB_PLATES}, 140, "lb"),
        # kg lifter with lb dumbbells: 24 kg + 1.25 → 25.25 kg = 55.7 lb → 60 lb
        (
            _plan("dumbbell_bench_press", 25.25, "progress"),
            {"dumbbell_bench_press": DUMBBELLS_LB},
            60,
            "lb",
        ),
        (_plan("dumbbell_row", 23, "progress"), {"dumbbells": DUMBBELLS_KG}, 24, "kg"),
        (_plan("leg_press", 122, "repeat"), {"leg_press": STACK}, 120, "kg"),
        # a barbell setup does not touch dumbbell or machine lifts
        (_plan("leg_press", 122, "repeat"), {"barbell": KG_PLATES}, 122, "kg"),
    ],
)
def test_plans_move_onto_what_can_be_loaded(plan, setup, weight, unit) -> None:
    fitted = fit_plan(plan, EquipmentSetup(setup))
    assert (fitted.weight, fitted.unit) == (weight, unit)
    if plan.rule == "progress":
        assert fitted.weight >= plan.weight - 1e-9 or fitted.unit != plan.unit


@pytest.mark.parametrize(
    ("args", "target", "gear"),
    [
        ("bar 20 plates 25,20,15,10,5,2.5,1.25", "barbell",
         Gear("kg", "plates", 20, tuple((p, None) for p in (25, 20, 15, 10, 5, 2.5, 1.25)))),
        ("lb bar 45 plates 45,35,25,10,5,2.5", "barbell",
         Gear("lb", "plates", 45, tuple((p, None) for p in (45, 35, 25, 10, 5, 2.5)))),
        ("plates 20x2, 10", "barbell", Gear("kg", "plates", 20, ((20, 2), (10, None)))),
        ("dumbbell_bench_press steps 2 lb", "dumbbell_bench_press", Gear("lb", "steps", step=2)),
        ("db bench steps 2.5 from 5", "dumbbell_bench_press",
         Gear("kg", "steps", step=2.5, start=5)),
        ("dumbbells steps 2", "dumbbells", Gear("kg", "steps", step=2)),
        ("leg press stack 5", "leg_press", Gear("kg", "stack", step=5)),
    ],
)  # fmt: skip
def test_equipment_syntax(args: str, target: str, gear: Gear) -> None:
    command = parse_command(args, "kg")
    assert (command.action, command.target, command.gear) == ("set", target, gear)


@pytest.mark.parametrize(
    ("args", "action", "target"),
    [("", "show", None), ("reset", "reset", None), ("leg press reset", "reset", "leg_press")],
)
def test_equipment_show_and_reset(args: str, action: str, target: str | None) -> None:
    command = parse_command(args, "kg")
    assert (command.action, command.target, command.error) == (action, target, None)


@pytest.mark.parametrize("args", ["bar twenty plates 5", "frobnicate steps 2", "squat steps"])
def test_equipment_mistakes_get_help(args: str) -> None:
    assert parse_command(args, "kg").error


async def test_next_load_follows_the_equipment(ann: ChatUser) -> None:
    await ann.say("/units lb")
    reply = await ann.say("/equipment lb bar 45 plates 45,25,10,5", at="2026-11-20T18:00")
    assert "Saved" in reply
    assert "45, 55, 65" in reply  # 5 lb plates: 10 lb jumps
    logged = await ann.say("bench 3x8 135 lb", at="2026-11-23T18:00")
    assert "145 lb" in logged  # +2.5 lb rounds up to the next loadable 145, never down to 135
    shown = await ann.say("/equipment")
    assert "Barbell lifts: bar 45 lb" in shown
    await ann.say("/equipment reset")
    assert "137.5 lb" in await ann.say("/plan", at="2026-11-24T09:00")


@pytest.mark.parametrize(
    "args",
    [
        "dumbbells steps 0.0001",
        "bar 20 plates 25,0.001",
        "leg press stack 0.01",
        "bar 20 plates 25x9999",
        "bar 5000 plates 25",
    ],
)
def test_setups_that_cannot_be_real_are_refused_before_anything_is_listed(args: str) -> None:
    from core.coaching.equipment_syntax import parse_command

    command = parse_command(args, "kg")
    assert command.error
    assert command.gear is None
