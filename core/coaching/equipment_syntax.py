"""The /equipment command's words: `bar 20 plates 25,20,10`, `dumbbells steps 2 lb`, `reset`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from core.coaching.equipment import (
    BARBELL,
    DEFAULT_BAR,
    GROUP_NAMES,
    MAX_LOAD,
    Gear,
    Kind,
    number,
)
from core.recording.catalogue import CATALOGUE, resolve
from core.recording.entries import Unit

KEYWORDS = {"bar", "plates", "plate", "steps", "step", "increment", "stack", "from"}
UNIT_WORDS: dict[str, Unit] = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}


@dataclass(frozen=True)
class EquipmentCommand:
    """A parsed `/equipment …`: show, reset (target or all) or set a target's gear."""

    action: Literal["show", "reset", "set"]
    target: str | None = None
    gear: Gear | None = None
    error: str | None = None


def target_key(words: str) -> str | None:
    """Return "barbell", "dumbbells" or a catalogue id for what the user named, or None."""
    text = words.strip().lower()
    if not text:
        return BARBELL
    if text in GROUP_NAMES:
        return GROUP_NAMES[text]
    if text.replace(" ", "_") in CATALOGUE:
        return text.replace(" ", "_")
    exercise = resolve(text)
    return exercise.id if exercise else None


def _numbers(text: str, zero_ok: bool = False) -> list[tuple[float, int | None]] | None:
    """Parse `25,20x4,2.5` into (plate, pairs); None if any part is not a number."""
    out: list[tuple[float, int | None]] = []
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[x×*](\d+))?", part)
        if not match or float(match[1]) < 0 or (float(match[1]) == 0 and not zero_ok):
            return None
        out.append((float(match[1]), int(match[2]) if match[2] else None))
    return out


def parse_command(args: str, default_unit: Unit) -> EquipmentCommand:
    """Parse the arguments of `/equipment` (see HELP)."""
    text = args.strip().lower().replace(", ", ",")
    if not text:
        return EquipmentCommand("show")
    words = text.split()
    if words[-1] == "reset" or words[0] == "reset":
        rest = " ".join(w for w in words if w != "reset")
        if not rest or rest == "all":
            return EquipmentCommand("reset")
        key = target_key(rest)
        if key is None:
            return EquipmentCommand("reset", error=f"I don't know the exercise '{rest[:40]}'.")
        return EquipmentCommand("reset", key)
    unit: Unit | None = None
    head: list[str] = []
    fields: dict[str, str] = {}
    current: str | None = None
    for word in words:
        if word in UNIT_WORDS:
            unit = UNIT_WORDS[word]
        elif word in KEYWORDS:
            current = {"plate": "plates", "step": "steps", "increment": "steps"}.get(word, word)
            fields.setdefault(current, "")
        elif current is None:
            head.append(word)
        else:
            fields[current] = f"{fields[current]},{word}".strip(",")
    key = target_key(" ".join(head))
    if key is None:
        return EquipmentCommand("set", error=f"I don't know the exercise '{' '.join(head)[:40]}'.")
    unit = unit or default_unit
    if "plates" in fields or "bar" in fields:
        plates = _numbers(fields.get("plates", ""))
        bar = _numbers(fields.get("bar", DEFAULT_BAR[unit]), zero_ok=True)
        if plates is None or bar is None or len(bar) != 1 or bar[0][1] is not None:
            return EquipmentCommand("set", error=USAGE)
        if not plates:
            return EquipmentCommand(
                "set", error="Which plates do you have? e.g. plates 20,10,5,2.5"
            )
        ordered = tuple(sorted(plates, key=lambda p: -p[0]))
        problem = _implausible(unit, [p for p, _ in plates], bar[0][0], [n for _, n in plates])
        if problem:
            return EquipmentCommand("set", error=problem)
        return EquipmentCommand("set", key, Gear(unit, "plates", bar[0][0], ordered))
    kind: Kind | None = "stack" if "stack" in fields else "steps" if "steps" in fields else None
    if kind is None:
        return EquipmentCommand("set", error=USAGE)
    step = _numbers(fields[kind])
    start = _numbers(fields.get("from", "0"), zero_ok=True)
    if not step or len(step) != 1 or start is None or len(start) != 1:
        return EquipmentCommand("set", error=USAGE)
    problem = _implausible(unit, [step[0][0]], start[0][0], [])
    if problem:
        return EquipmentCommand("set", error=problem)
    return EquipmentCommand("set", key, Gear(unit, kind, step=step[0][0], start=start[0][0]))


SMALLEST = 0.25  # the smallest change real plates and dumbbells come in (kg or lb)
MOST_PLATE_KINDS = 20
MOST_PAIRS = 50


def _implausible(
    unit: Unit, sizes: list[float], base: float, pairs: list[int | None]
) -> str | None:
    """Return why a setup can't be real (and would make loads slow to list), or None."""
    if any(size < SMALLEST for size in sizes):
        return f"The smallest plate or step I can use is {number(SMALLEST)} {unit}."
    if len(sizes) > MOST_PLATE_KINDS or any(n is not None and n > MOST_PAIRS for n in pairs):
        return f"That's more plates than I can keep track of: up to {MOST_PLATE_KINDS} sizes."
    if any(size > MAX_LOAD[unit] for size in sizes) or base > MAX_LOAD[unit]:
        return f"That's heavier than I can log (over {number(MAX_LOAD[unit])} {unit})."
    return None


USAGE = (
    "Tell me what you lift with, e.g.\n"
    "• /equipment bar 20 plates 25,20,15,10,5,2.5,1.25\n"
    "• /equipment lb bar 45 plates 45,35,25,10,5,2.5\n"
    "• /equipment dumbbells steps 2 lb (or one lift: /equipment db bench steps 2.5 from 5)\n"
    "• /equipment leg press stack 5\n"
    "• /equipment to show · /equipment reset (or /equipment leg press reset)\n"
    "Plates are pairs; 20x3 means three pairs of 20."
)
