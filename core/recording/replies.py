"""The reply to a logged workout: what was recorded, the next loads, what was not read."""

from __future__ import annotations

from core.coaching.heart_rate import heart_rate_lines
from core.coaching.progression import Plan
from core.formatting import cardio_summary, number, plan_line, sets_summary
from core.recording.catalogue import display_name
from core.recording.entries import CardioEntry, ParseResult, StrengthEntry
from core.recording.questions import asked_name, question_lines, unknown_names


def recorded_lines(result: ParseResult) -> list[str]:
    lines = []
    for entry in result.entries:
        if isinstance(entry, StrengthEntry):
            lines.append(f"✅ {display_name(entry.exercise)}: {sets_summary(entry.sets)}")
        elif isinstance(entry, CardioEntry):
            lines.append(f"✅ {cardio_summary(entry)}")
    return lines


def plan_lines(plan: Plan) -> list[str]:
    lines = [f"Next: {plan_line(plan)} ({plan.rule}: {plan.reason})"]
    if plan.below_intensity and plan.best_e1rm:
        lines.append(
            f"⚠️ That load is under 70% of your estimated max ({number(plan.best_e1rm)} "
            f"{plan.unit}); the brain-health range is 70–85%."
        )
    return lines


def problem_lines(result: ParseResult) -> list[str]:
    """Return a line per fragment not recorded, but for the name the buttons ask about; a
    question asked of two fragments alike (`... this past April ..., and today's ride ...`)
    is asked once."""
    asked = asked_name(result)
    said: set[str] = set()
    lines = []
    for p in result.problems:
        if p is not asked and p.message not in said:
            said.add(p.message)
            lines.append(f"❓ Not recorded: “{p.source[:60]}”: {p.message}")
    return lines


def _says_how_to_send(message: str) -> bool:
    lower = message.lower()
    return "e.g." in lower or "send " in lower


def strength_exercises(result: ParseResult) -> list[str]:
    """Return the catalogue exercises of `result`, in order, once each."""
    return list(dict.fromkeys(e.exercise for e in result.entries if isinstance(e, StrengthEntry)))


FIX_HINT = "Not what you did? Edit your message, or /undo."
FIX_HINT_NO_EDIT = "Not what you did? /undo it and send it again."


def zone2_heart_rates(result: ParseResult) -> list[int]:
    """Return the average heart rates of the Zone 2 sessions in `result`."""
    return [
        e.avg_hr
        for e in result.entries
        if isinstance(e, CardioEntry) and e.modality == "zone2" and e.avg_hr is not None
    ]


def workout_text(
    result: ParseResult,
    plans: list[Plan],
    age: int | None = None,
    measured: tuple[int | None, int | None] = (None, None),
    editable: bool = True,
) -> str:
    """Return the reply to a logged workout: what was recorded, next loads, questions.

    `measured` is the person's own maximum and resting heart rate, if they set them;
    `editable` says whether their platform lets them edit a sent message (not a terminal).
    """
    lines = recorded_lines(result)
    lines += heart_rate_lines(zone2_heart_rates(result), age, *measured)
    for plan in plans:
        lines += plan_lines(plan)
    lines += problem_lines(result)
    lines += question_lines(result)
    if result.entries:
        lines.append(FIX_HINT if editable else FIX_HINT_NO_EDIT)
    elif (
        not result.ambiguities
        and not unknown_names(result)
        # each question above already says how to send it: not said again
        and not (result.problems and all(_says_how_to_send(p.message) for p in result.problems))
    ):
        lines.append("Nothing was recorded. Send it again corrected, e.g. `squat 3x8 100kg`.")
    return "\n".join(lines)
