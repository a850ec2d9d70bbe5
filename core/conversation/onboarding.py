"""The short first-contact conversation: units, timezone, age, bodyweight; each skippable."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.accounts.profile import Profile
from core.accounts.timezones import resolve_timezone
from core.messages import Choice, Reply
from core.recording.entries import to_kg

STEPS = ("units", "timezone", "age", "bodyweight", "reminders")
DONE = "done"
SKIP = Choice("Skip", "/skip")

AGE_RANGE = (13, 110)
BODYWEIGHT_KG_RANGE = (25.0, 350.0)

PROMPTS: dict[str, Reply] = {
    "units": Reply(
        "Do you lift in kilograms or pounds?",
        (Choice("kg", "/units kg"), Choice("lb", "/units lb"), SKIP),
    ),
    "timezone": Reply(
        "What's your timezone? Type a city or zone like Europe/Berlin or America/New_York.",
        (
            Choice("Europe/London", "/timezone Europe/London"),
            Choice("Europe/Berlin", "/timezone Europe/Berlin"),
            Choice("America/New_York", "/timezone America/New_York"),
            SKIP,
        ),
    ),
    "age": Reply("How old are you? It sets your Zone 2 heart-rate range. e.g. 62", (SKIP,)),
    "bodyweight": Reply(
        "What do you weigh? It sets your protein target. e.g. 80 kg or 176 lb", (SKIP,)
    ),
    "reminders": Reply(
        "Shall I remind you of the article's week, in your timezone? Resistance Mon & Thu "
        "18:00, Zone 2 Tue, Wed & Sat 07:30, HIIT Fri 07:00, and a Sunday-evening summary.",
        (Choice("Yes, set the defaults", "/remind defaults"), SKIP),
    ),
}

WELCOME = "Hi! I'm your strength coach. Five quick questions, each one skippable."
FINISHED = Reply(
    "All set. After a workout, just type what you did, like `squat 3x8 100kg` or "
    "`zone 2 45 min`, and I'll give you the load for next time. New to this, or want a "
    "plan? /program sets up a week for you. /help lists the rest.",
    (Choice("Set up my week", "/program"),),
)


@dataclass(frozen=True)
class Answer:
    ok: bool
    message: str = ""


def next_step(step: str | None) -> str:
    """Return the step after `step` (None starts at the first), or DONE."""
    if step is None or step not in STEPS:
        return STEPS[0]
    index = STEPS.index(step) + 1
    return STEPS[index] if index < len(STEPS) else DONE


def in_progress(profile: Profile) -> bool:
    return profile.onboarding_step in STEPS


# Typed instead of tapped: what people write for Skip, and for "Yes" to the reminders.
SKIP_WORDS = {"skip", "skip it", "pass", "next", "later", "not now", "no", "no thanks", "nope"}
YES_WORDS = {"yes", "y", "yes please", "yeah", "yep", "sure", "ok", "okay", "please", "defaults"}
# Steps whose question offers choices to pick, so a typed `2` means the second one (as in
# the console's numbered list); at the age and weight questions a number is the answer.
NUMBERED_STEPS = ("units", "timezone", "reminders")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _words(text: str) -> str:
    """Return `text` lowercased, without punctuation around words, spaces collapsed."""
    return " ".join(word.strip(".,!?;:\"'“”‘’()") for word in text.lower().split()).strip()


def typed_choice(step: str, text: str) -> str | None:
    """Return the button data a typed answer to `step`'s question stands for, or None.

    `Skip`, `no thanks`, a choice's number (`1`, `2)`), and at the reminders question
    `yes` all mean the tap; anything else is an answer for `apply` to read.
    """
    words = _words(text)
    choices = PROMPTS[step].choices if step in PROMPTS else ()
    if words in SKIP_WORDS or words == "/skip":
        return SKIP.data
    if step in NUMBERED_STEPS and words.isdecimal() and 1 <= int(words) <= len(choices):
        return choices[int(words) - 1].data
    if step == "reminders" and (words in YES_WORDS or words.startswith("yes ")):
        return choices[0].data
    return None


def parse_age(text: str) -> int | None:
    """Return the age in `62`, `I'm 55`, `55 years old`; None without exactly one number."""
    numbers = _NUMBER.findall(text)
    if len(numbers) != 1 or not numbers[0].isdecimal() or len(numbers[0]) > 3:
        return None
    age = int(numbers[0])
    return age if AGE_RANGE[0] <= age <= AGE_RANGE[1] else None


def parse_bodyweight(text: str, default_unit: str) -> float | None:
    """Return kilograms from `80`, `80kg`, `176 lb`, `80,5 kg`, or None."""
    cleaned = text.strip().lower().replace(",", ".").replace("kgs", "kg").replace("lbs", "lb")
    unit = default_unit
    for suffix in ("kg", "lb"):
        if cleaned.endswith(suffix):
            unit, cleaned = suffix, cleaned.removesuffix(suffix).strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None
    kg = to_kg(value, "lb" if unit == "lb" else "kg")
    low, high = BODYWEIGHT_KG_RANGE
    return round(kg, 2) if low <= kg <= high else None


def apply(profile: Profile, step: str, text: str) -> Answer:
    """Apply an answer to `step` on the profile; a bad answer changes nothing."""
    value = text.strip()
    if step == "units":
        unit = _words(value).removeprefix("in ").rstrip("s")
        if unit in ("kg", "lb", "kilo", "kilogram", "pound"):
            profile.units = "lb" if unit in ("lb", "pound") else "kg"
            return Answer(True)
        return Answer(False, "Please answer kg or lb (or Skip).")
    if step == "timezone":
        zone = resolve_timezone(value)
        if zone is None:
            return Answer(False, f"I don't know the timezone '{value[:40]}'. Try Europe/Berlin.")
        profile.timezone = zone
        return Answer(True)
    if step == "age":
        age = parse_age(value)
        if age is None:
            return Answer(False, "Please send your age as a number, like 62 (or Skip).")
        profile.age = age
        return Answer(True)
    if step == "bodyweight":
        kg = parse_bodyweight(value, profile.units)
        if kg is None:
            return Answer(False, "Please send your weight like 80 kg or 176 lb (or Skip).")
        profile.bodyweight_kg = kg
        return Answer(True)
    if step == "reminders":
        return Answer(False, "Tap “Yes, set the defaults” or Skip (or send /remind defaults).")
    return Answer(False, "")


def advance(profile: Profile) -> Reply:
    """Move to the next step and return its question (or the closing message)."""
    profile.onboarding_step = next_step(profile.onboarding_step)
    if profile.onboarding_step == DONE:
        return FINISHED
    return PROMPTS[profile.onboarding_step]
