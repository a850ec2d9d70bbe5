"""A log the coach cannot read alone gets a question with buttons, never a guess; the answer
is applied to that message and remembered, so each person is asked once (both databases)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.messages import Reply
from storage.models import StrengthSet
from tests.conftest import ChatUser


async def stored_sets(engine) -> list[tuple[str, int, float, str]]:  # type: ignore[no-untyped-def]
    async with AsyncSession(engine) as session:
        rows = await session.execute(
            select(
                StrengthSet.exercise, StrengthSet.reps, StrengthSet.weight, StrengthSet.unit
            ).order_by(StrengthSet.id)
        )
    return [tuple(row) for row in rows.all()]  # type: ignore[misc]


def buttons(replies: tuple[Reply, ...]) -> dict[str, str]:
    """Return each button's data by its label, and by the label's first four words too."""
    found = {}
    for choice in (choice for reply in replies for choice in reply.choices):
        found[choice.label] = choice.data
        found[" ".join(choice.label.split()[:4])] = choice.data
    return found


async def test_weight_by_two_small_counts_is_asked_and_the_answer_remembered(
    ann: ChatUser, engine
) -> None:
    await ann.say("/units lb")
    reply = await ann.say("Squats - 225x3x5")
    assert "3 sets of 5" in reply
    assert "5 sets of 3" in reply
    assert await stored_sets(engine) == []  # nothing guessed
    tap = buttons(ann.replies)
    answered = await ann.say(tap["3 sets of 5"])
    assert "Squat: 3×5 @ 225 lb" in answered
    assert await stored_sets(engine) == [("squat", 5, 225.0, "lb")] * 3
    # Asked once: the next one is read the same way without a question.
    again = await ann.say("squat 235x3x5", at="2026-11-25T18:00")
    assert "Squat: 3×5 @ 235 lb" in again
    assert buttons(ann.replies) == {}


async def test_the_other_reading_is_remembered_too(ann: ChatUser, engine) -> None:
    await ann.say("/units lb")
    await ann.say("bench 185x3x5")
    await ann.say(buttons(ann.replies)["5 sets of 3"])
    assert await stored_sets(engine) == [("bench_press", 3, 185.0, "lb")] * 5


async def test_an_unknown_exercise_is_asked_with_the_closest_ones_and_remembered(
    ann: ChatUser, engine
) -> None:
    reply = await ann.say("zottman good morning 3x8 60kg")
    assert await stored_sets(engine) == []
    assert "zottman good morning" in reply.lower()
    tap = buttons(ann.replies)
    assert "None of these" in tap
    assert len(tap) >= 2
    answered = await ann.say("/exercise " + tap["None of these"].split()[1] + " good_morning")
    assert "Good morning" in answered
    assert await stored_sets(engine) == [("good_morning", 8, 60.0, "kg")] * 3
    again = await ann.say("zottman good morning 3x8 65kg", at="2026-11-25T18:00")
    assert "Good morning: 3×8 @ 65 kg" in again
    assert buttons(ann.replies) == {}


async def test_none_of_these_records_nothing(ann: ChatUser, engine) -> None:
    await ann.say("zottman good morning 3x8 60kg")
    reply = await ann.say(buttons(ann.replies)["None of these"])
    assert "stays unrecorded" in reply
    assert await stored_sets(engine) == []


async def test_a_question_with_sets_is_answered_not_logged_and_offers_to_log(
    ann: ChatUser, engine
) -> None:
    reply = await ann.say("my knee hurts after squats 3x8 100kg, what should I do")
    assert await stored_sets(engine) == []
    assert "Log them?" in reply
    await ann.say(buttons(ann.replies)["Log them"])
    assert await stored_sets(engine) == [("squat", 8, 100.0, "kg")] * 3


async def test_nobody_answers_another_persons_question(
    ann: ChatUser, bob: ChatUser, engine
) -> None:
    await ann.say("/units lb")
    await ann.say("squat 225x3x5")
    tap = buttons(ann.replies)["3 sets of 5"]
    reply = await bob.say(tap)
    assert "gone" in reply
    assert await stored_sets(engine) == []


async def test_log_command_records_text_that_reads_as_a_question(ann: ChatUser, engine) -> None:
    reply = await ann.say("/log squat 3x8 100kg, should I add weight?")
    assert "Squat: 3×8 @ 100 kg" in reply
    assert await stored_sets(engine) == [("squat", 8, 100.0, "kg")] * 3


async def test_the_reply_says_how_to_fix_a_misreading(ann: ChatUser) -> None:
    reply = await ann.say("bench 80kg 8,8,7")
    assert "Bench press: 80 kg × 8, 8, 7" in reply
    assert "Edit your message, or /undo" in reply


async def test_an_exercise_added_as_ones_own_is_logged_planned_charted_and_exported(
    ann: ChatUser, engine
) -> None:
    await ann.say("zottman good morning 3x8 60kg")
    reply = await ann.say(buttons(ann.replies)["My own, lower body"])
    assert "as your own exercise" in reply
    assert "Zottman good morning: 3×8 @ 60 kg" in reply
    assert "Next: Zottman good morning 3×8 @ 62.5 kg" in reply  # the lower-body step
    again = await ann.say("zottman good morning 3x8 62.5kg", at="2026-11-26T18:00")
    assert "Next: Zottman good morning 3×8 @ 65 kg" in again
    assert buttons(ann.replies) == {}
    assert "62.5 kg" in await ann.say("/history zottman good morning", at="2026-11-27T18:00")
    chart = await ann.send(ann.message("/chart zottman good morning", at="2026-11-27T18:00"))
    assert chart.replies[0].image
    export = await ann.send(ann.message("/export", at="2026-11-27T18:00"))
    csv = next(r.file for r in export.replies if r.file and r.file.filename.endswith(".csv"))
    assert "Zottman good morning" in csv.data.decode()
    assert {row[0] for row in await stored_sets(engine)} == {"own:lower:zottman_good_morning"}


def test_every_answer_button_fits_in_a_telegram_button() -> None:
    from core.ports import MAX_ID
    from core.recording.catalogue import CATALOGUE
    from core.recording.questions import NONE_OF_THESE, OWN_LOWER, OWN_UPPER, name_digest

    answers = [*CATALOGUE, OWN_UPPER, OWN_LOWER, NONE_OF_THESE]
    digest = name_digest("any name at all")
    longest = max(len(f"/exercise {MAX_ID} {answer} {digest}".encode()) for answer in answers)
    assert longest <= 64  # Telegram's limit on a button's callback data
    assert len(f"/read {MAX_ID} sets-reps".encode()) <= 64


async def test_answering_one_log_also_lets_the_other_pending_log_of_that_name_record(
    ann: ChatUser, engine
) -> None:
    await ann.say("belt squat 3x10 100kg")
    first = buttons(ann.replies)
    await ann.say("belt squat 3x10 105kg", at="2026-11-23T18:10")
    second = buttons(ann.replies)
    await ann.say(first["My own, lower body"])
    reply = await ann.say(second["My own, lower body"])
    assert "3×10 @ 105 kg" in reply
    assert len(await stored_sets(engine)) == 6


async def test_a_long_name_is_remembered_on_both_databases(ann: ChatUser, engine) -> None:
    name = "super duper reverse hyper extension machine deluxe version"
    await ann.say(f"{name} 3x10 40kg")
    reply = await ann.say(buttons(ann.replies)["My own, lower body"])
    assert "as your own exercise" in reply
    again = await ann.say(f"{name} 3x10 42.5kg", at="2026-11-25T18:00")
    assert "3×10 @ 42.5 kg" in again
    assert buttons(ann.replies) == {}


async def test_a_button_from_before_an_edit_changes_nothing(ann: ChatUser, engine) -> None:
    message = ann.message("zottman curl 3x8 20kg", message_id="z1")
    await ann.send(message)
    stale = buttons(ann.replies)["Bicep curl"]
    await ann.send(ann.message("belt squat 3x10 100kg", message_id="z1", edited=True))
    reply = await ann.say(stale)
    assert "before the message changed" in reply
    assert await stored_sets(engine) == []


async def test_a_taught_name_can_be_forgotten(ann: ChatUser, engine) -> None:
    await ann.say("zottman curl 3x8 20kg")
    await ann.say(buttons(ann.replies)["Bicep curl"])
    assert "Forgotten" in await ann.say("/forget zottman curl")
    await ann.say("zottman curl 3x8 22kg", at="2026-11-25T18:00")
    assert "None of these" in buttons(ann.replies)  # asked again


async def test_an_edited_log_command_stays_a_log(ann: ChatUser, engine) -> None:
    await ann.send(ann.message("/log squat 3x8 100kg, should I go heavier?", message_id="l1"))
    edited = ann.message("/log squat 3x8 110kg, should I go heavier?", message_id="l1")
    reply = await ann.say(edited.text, message_id="l1", edited=True)
    assert "3×8 @ 110 kg" in reply
    assert await stored_sets(engine) == [("squat", 8, 110.0, "kg")] * 3


async def test_an_answer_never_rereads_a_log_that_asked_nothing(ann: ChatUser, engine) -> None:
    await ann.say("/units lb")
    await ann.say("squat 3x8 225")
    own = await stored_sets(engine)
    from sqlalchemy import text as sql

    async with AsyncSession(engine) as session:
        message_id = (
            await session.execute(sql("SELECT id FROM messages WHERE text = 'squat 3x8 225'"))
        ).scalar_one()
    assert "already recorded" in await ann.say(f"/read {message_id} reps-sets")
    assert "already recorded" in await ann.say(f"/log #{message_id}")
    assert await stored_sets(engine) == own
    await ann.say("squat 235x3x5", at="2026-11-25T18:00")
    assert "5 sets of 3" in " ".join(buttons(ann.replies))  # notation still unknown


async def test_a_complaint_during_onboarding_is_answered_and_offered_to_log(
    ann: ChatUser, engine
) -> None:
    await ann.say("hi")
    reply = await ann.say("my knee hurts after squats 3x8 100kg, what should I do?")
    assert "Log them?" in reply
    assert "kilograms or pounds" in reply  # and the onboarding question again
    assert await stored_sets(engine) == []
