"""Every button can be typed: its number, its label, yes/no/skip/cancel, or a word only it
has, answered as the tap would be (on SQLite and PostgreSQL, through the service; the
console and the bots hand typed text to the same place)."""

from __future__ import annotations

import pytest

from core.conversation.typed_choice import choose
from core.messages import Choice
from tests.conftest import ChatUser
from tests.test_import_units import LB_STRONG
from tests.test_questions import stored_sets
from tests.test_telegram import tg  # noqa: F401  (fixture)

UNDO = (Choice("Yes, undo", "/undo yes 7"), Choice("Keep it", "/undo no 7"))
UNITS = (Choice("Read as lb", "lb"), Choice("Read as kg", "kg"), Choice("Cancel", "cancel"))
DAYS = (Choice("2 days (Mon Thu)", "2"), Choice("3 days (Mon Wed Fri)", "3"))
LOG = (Choice("Log them", "log"), Choice("No", "no"))


@pytest.mark.parametrize(
    ("typed", "choices", "chosen"),
    [
        ("1", UNDO, "/undo yes 7"),
        ("yes", UNDO, "/undo yes 7"),
        ("Yes!", UNDO, "/undo yes 7"),
        ("nope", UNDO, "/undo no 7"),
        ("keep it", UNDO, "/undo no 7"),
        ("lb", UNITS, "lb"),
        ("read as kg", UNITS, "kg"),
        ("cancel", UNITS, "cancel"),
        ("3", UNITS, "cancel"),
        ("2", DAYS, "2"),  # a label's own number before the button's place
        ("3 days", DAYS, "3"),
        ("y", LOG, "log"),
        ("no thanks", LOG, "no"),
        ("4", UNDO, None),
        ("maybe", UNDO, None),
        ("read", UNITS, None),  # in every label: names none
        ("yes", UNITS, None),  # no label says yes, and three buttons: no guess
        ("squat 3x8 100kg", UNDO, None),
    ],
)
def test_what_a_typed_answer_chooses(
    typed: str, choices: tuple[Choice, ...], chosen: str | None
) -> None:
    found = choose(typed, choices)
    assert (found.data if found else None) == chosen


async def test_typed_answers_choose_the_reading_of_225x3x5(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    await ann.say("/units lb")
    await ann.say("Squats - 225x3x5")
    answered = await ann.say("3 sets of 5")
    assert "Squat: 3×5 @ 225 lb" in answered
    assert await stored_sets(engine) == [("squat", 5, 225.0, "lb")] * 3


async def test_a_typed_number_names_an_unknown_exercise(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    await ann.say("zercher carry 3x8 60kg")
    labels = [c.label for r in ann.replies for c in r.choices]
    assert labels[-1] == "None of these"
    await ann.say(str(len(labels)))  # the last button, by its number
    assert await stored_sets(engine) == []


async def _onboarded(ann: ChatUser) -> None:
    for text in ("/start", "skip", "skip", "skip", "skip", "skip"):
        await ann.say(text)


async def test_typed_yes_logs_the_sets_in_a_question(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    await _onboarded(ann)
    await ann.say("my knee hurts after squats 3x8 100kg, what should I do")
    assert [c.label for r in ann.replies for c in r.choices] == ["Log them", "No"]
    await ann.say("yes")
    assert await stored_sets(engine) == [("squat", 8, 100.0, "kg")] * 3


async def test_typed_lb_answers_the_import_unit_question(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    from core.messages import Attachment

    await ann.say("", attachment=Attachment("strong.csv", LB_STRONG, "text/csv"))
    assert "Read as lb" in [c.label for r in ann.replies for c in r.choices]
    imported = await ann.say("lb")
    assert "Imported 2 workouts with 5 sets" in imported
    units = {unit for *_, unit in await stored_sets(engine)}
    assert units == {"lb"}


async def test_a_typed_answer_long_after_is_not_taken(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    await _onboarded(ann)
    await ann.say("my knee hurts after squats 3x8 100kg, what should I do", at="2026-11-23T18:00")
    await ann.say("yes", at="2026-11-23T18:30")
    assert await stored_sets(engine) == []


async def test_a_typed_number_chooses_in_telegram(tg) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Through the stand-in Bot API and real python-telegram-bot: `/undo`, then `1`."""
    for text in ("squat 3x8 100kg", "/undo", "1"):
        count = len(tg.api.sent(chat_id=31))
        tg.api.message(31, text)
        await tg.api.wait_for(lambda count=count: len(tg.api.sent(chat_id=31)) > count)
    assert tg.api.sent(chat_id=31)[-1].params["text"].startswith("Undone: “squat 3x8 100kg”")
    assert await tg.sets_of(31) == []


@pytest.mark.parametrize("typed", ["yes", "ok", "Okay!", "sure"])
async def test_no_typed_yes_deletes_everything(ann: ChatUser, engine, typed: str) -> None:  # type: ignore[no-untyped-def]
    await ann.say("squat 3x8 100kg")
    await ann.say("/delete")
    assert "tap the button" in await ann.say(typed)
    assert len(await stored_sets(engine)) == 3
