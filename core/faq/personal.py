"""Personal numbers for answers: Zone 2 heart-rate range from age, protein grams from weight."""

from __future__ import annotations

import re
from typing import Literal

from core.coaching.heart_rate import MAX_AGE, MIN_AGE, zone2_for
from core.coaching.heart_rate import zone2_range as zone2_range  # the one definition
from core.recording.entries import LB_IN_KG

PROTEIN_LOW, PROTEIN_HIGH = 1.6, 2.2  # grams per kg of bodyweight per day

MIN_KG, MAX_KG = 30.0, 250.0

_AGE_IN_TEXT = re.compile(
    r"\b(?:a\s+)?(\d{2})\s*(?:-\s*)?(?:years?|yrs?|y/?o)\b(?:\s*-?\s*old\b)?"
    r"|\b(?:i\s*am|im|aged?|whos|who\s+is)\s+(\d{2})\b"
    # "what about at 70?": an age, unless a unit or a clock follows ("at 70%", "at 18:00").
    r"|\bat\s+(\d{2})\b(?![:.]\d|\s*(?:%|percent|kgs?|kilos?|lbs?|pounds?|mins?|minutes?|bpm|"
    r"reps?|x|secs?|seconds?|hours?|hrs?|rpm|watts?|w\b|am\b|pm\b|h\b|oclock))"
)
# Only a weight the user says is theirs: "I lift 100kg" is a load, not a bodyweight.
_WEIGHT_IN_TEXT = re.compile(
    r"\b(?:weigh|weighing|weight is|bodyweight is|bodyweight of)\s+(?:about\s+|around\s+)?"
    r"(\d{2,3}(?:\.\d)?)\s*(kg|kgs|kilos?|lbs?|pounds?)\b"
)


def _round(x: float) -> int:
    return int(x + 0.5)


def protein_range(bodyweight_kg: float) -> tuple[int, int]:
    """Return the daily protein target (low, high) in grams for `bodyweight_kg`."""
    return _round(PROTEIN_LOW * bodyweight_kg), _round(PROTEIN_HIGH * bodyweight_kg)


def zone2_line(age: int | None) -> str:
    """Return the personal Zone 2 line, or how to tell the coach your age."""
    zone = zone2_for(age)
    if zone is None:
        return "Tell me your age (/profile age 62) and I'll work out your Zone 2 range in bpm."
    max_hr, low, high = zone
    return (
        f"For you (age {age}): max heart rate ≈ {max_hr} bpm by the Tanaka formula "
        f"(208 − 0.7 × age), so Zone 2 is about {low}–{high} bpm."
    )


def protein_line(bodyweight_kg: float | None, units: Literal["kg", "lb"]) -> str:
    """Return the personal protein line, or how to tell the coach your weight."""
    if bodyweight_kg is None or not MIN_KG <= bodyweight_kg <= MAX_KG:
        return "Tell me your weight (/profile weight 80kg) and I'll work it out in grams."
    low, high = protein_range(bodyweight_kg)
    kg = f"{bodyweight_kg:.0f} kg"
    you = f"{bodyweight_kg / LB_IN_KG:.0f} lb, about {kg}" if units == "lb" else kg
    return f"For you ({you}): about {low}–{high} g of protein a day."


def without_age(text: str) -> str:
    """Return `text` without an age written as one (`a 70 year old`): it says who asks,
    not what about, so it never picks a topic (`what about at 70?`)."""
    return _AGE_IN_TEXT.sub(" ", text.lower().replace("'", ""))


def age_in_text(text: str) -> int | None:
    """Return an age the question states ("for a 70 year old", "I'm 64"), if any."""
    m = _AGE_IN_TEXT.search(text.lower().replace("'", ""))
    if not m:
        return None
    age = int(m.group(1) or m.group(2) or m.group(3))
    return age if MIN_AGE <= age <= MAX_AGE else None


def weight_in_text(text: str) -> float | None:
    """Return a bodyweight in kg the question states ("I weigh 80kg", "180 lbs"), if any."""
    m = _WEIGHT_IN_TEXT.search(text.lower())
    if not m:
        return None
    value = float(m.group(1))
    kg = value if m.group(2).startswith("k") else value * LB_IN_KG
    return kg if MIN_KG <= kg <= MAX_KG else None
