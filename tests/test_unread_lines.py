"""A line of a log read as nothing is said back; a comment about the past asks only of itself."""

from __future__ import annotations

import pytest

from core.recording.parser import parse


def _exercises(text: str) -> list[str]:
    return [e.exercise for e in parse(text, "lb").entries if hasattr(e, "exercise")]


def test_an_unread_line_naming_a_lift_is_said_back_and_nothing_of_it_recorded() -> None:
    text = "squat 3x5 225\nI had my five deadlifts at a heavy for me, 305 pounds."
    result = parse(text, "lb")
    assert _exercises(text) == ["squat"]
    (note,) = result.problems
    assert note.source == "I had my five deadlifts at a heavy for me, 305 pounds."
    assert "couldn't read that line" in note.message


@pytest.mark.parametrize(
    "note",
    [
        "felt good, 3rd week in a row",
        "Week 4 of 12",
        "slept 7 hours",
        "Great session!",
        "deadlifts skipped, back sore 2 days",
        "run tomorrow 5k",
        "2 years ago I squatted 140",
    ],
    ids=[
        "a streak, no rowing",
        "a week",
        "sleep",
        "words",
        "skipped",
        "a plan",
        "the past",
    ],
)
def test_a_note_beside_the_sets_stays_quiet(note: str) -> None:
    result = parse(f"squat 3x5 225\n{note}", "lb")
    assert _exercises(f"squat 3x5 225\n{note}") == ["squat"]
    assert not result.problems


def test_an_unread_line_on_its_own_is_not_said_back_twice() -> None:
    # one line: the coach's usual answer for text with no workout, not this note
    assert not parse("I had my five deadlifts at a heavy for me, 305 pounds.", "lb").problems


def test_many_unread_lines_are_said_back_in_a_few_notes() -> None:
    lifts = ("deadlift", "bench", "row", "curl", "shrug", "lunge")
    lines = [
        f"I had my five {lift}s at a heavy for me, 1{n}5 pounds." for n, lift in enumerate(lifts)
    ]
    result = parse("squat 3x5 225\n" + "\n".join(lines), "lb")
    assert len(result.problems) == 4
    assert "and 3 more lines I couldn't read" in result.problems[-1].message


def test_a_past_comment_below_todays_sets_asks_about_its_own_line_only() -> None:
    text = "Leg day\nSquat 5x5 225\nRDL 135 3x10\nFelt strong, squat PR was 245 last month"
    assert _exercises(text) == ["squat", "romanian_deadlift"]


def test_a_past_said_above_the_sets_is_said_of_them_all() -> None:
    result = parse("Last week:\nsquat 5x5 225\nRDL 135 3x10", "lb")
    assert not result.entries
    assert all("earlier one" in p.message for p in result.problems)


def test_a_number_too_long_for_any_set_is_said_back_and_nothing_recorded() -> None:
    result = parse("squat 3x5 " + "1" * 2000, "kg")
    assert not result.entries
    (problem,) = result.problems
    assert problem.kind == "implausible"
    assert "too long" in problem.message


def test_a_treadmills_settings_under_its_walk_are_not_said_back() -> None:
    # h21-135: `incline` here is the treadmill's, not an incline bench press's
    result = parse("Cardio\nIncline Walking\n-30 minutes\n-2.2mph @ 10 degree incline", "lb")
    assert [e.minutes for e in result.entries if not hasattr(e, "exercise")] == [30]
    assert not result.problems
