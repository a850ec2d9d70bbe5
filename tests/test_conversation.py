"""The conversation service, as a user meets it: send this, get that back, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.conversation.service import ConversationService
from storage.models import CardioSession, Message, StrengthSet, User
from tests.conftest import ChatUser


async def count(engine, table) -> int:  # type: ignore[no-untyped-def]
    async with AsyncSession(engine) as session:
        return (await session.execute(select(func.count()).select_from(table))).scalar_one()


async def test_logged_squat_replies_with_next_load(ann: ChatUser) -> None:
    reply = await ann.say("squat 3x8 100kg")
    assert "Squat: 3×8 @ 100 kg" in reply
    assert "Next: Squat 3×8 @ 102.5 kg (progress" in reply


async def test_a_labelled_warm_up_is_stored_as_one_and_leaves_the_next_load_alone(
    ann: ChatUser, bob: ChatUser, engine
) -> None:
    shared = (
        "Squat (Barbell)\nW1: 60 kg × 10\nSet 1: 100 kg × 8\nSet 2: 100 kg × 8\nSet 3: 100 kg × 8"
    )
    reply = await ann.say(shared)
    assert "Squat: 10 @ 60 kg (warm-up) · 3×8 @ 100 kg" in reply, reply
    plain = await bob.say("squat 3x8 100kg")
    next_line = [line for line in reply.splitlines() if line.startswith("Next:")]
    assert next_line == [line for line in plain.splitlines() if line.startswith("Next:")]
    async with AsyncSession(engine) as session:
        kinds = (
            (await session.execute(select(StrengthSet.set_kind).order_by(StrengthSet.id)))
            .scalars()
            .all()
        )
    assert kinds == ["warmup", "normal", "normal", "normal", "normal", "normal", "normal"]


async def test_every_set_is_recorded_with_the_original_text(ann: ChatUser, engine) -> None:
    await ann.say("bench 80kg 8,8,7\nzone 2 45 min avg hr 128")
    async with AsyncSession(engine) as session:
        sets = (await session.execute(select(StrengthSet))).scalars().all()
        message = (await session.execute(select(Message))).scalars().one()
        cardio = (await session.execute(select(CardioSession))).scalars().one()
    assert [(s.exercise, s.reps, s.weight_kg) for s in sets] == [
        ("bench_press", 8, 80),
        ("bench_press", 8, 80),
        ("bench_press", 7, 80),
    ]
    assert message.text == "bench 80kg 8,8,7\nzone 2 45 min avg hr 128"
    assert message.platform == "test"
    assert (cardio.modality, cardio.minutes, cardio.avg_hr) == ("zone2", 45, 128)


async def test_same_message_delivered_twice_is_recorded_once(ann: ChatUser, engine) -> None:
    message = ann.message("squat 3x8 100kg")
    first = await ann.send(message)
    second = await ann.send(message)
    assert first.status == "recorded"
    assert second.status == "duplicate"
    # Its reply is still owed (no adapter marked it sent), so it comes again; nothing else.
    assert second.replies == first.replies
    await ann.service.answered("test", [message.message_id])
    third = await ann.send(message)
    assert third.status == "duplicate"
    assert third.replies == ()
    assert await count(engine, StrengthSet) == 3
    assert await count(engine, Message) == 1


async def test_progress_over_sessions_reaches_deload(ann: ChatUser) -> None:
    for day in ("2026-11-02T18:00", "2026-11-05T18:00"):
        reply = await ann.say("deadlift 140kg 8,7,6", at=day)
        assert "Next: Deadlift 3×8 @ 140 kg (repeat" in reply
    reply = await ann.say("deadlift 140kg 8,7,6", at="2026-11-09T18:00")
    assert "Next: Deadlift 3×8 @ 125 kg (deload" in reply


async def test_sets_on_one_local_day_form_one_session(service: ConversationService) -> None:
    # 23:30 and 00:30 UTC are the same evening in New York: one session of 3 sets.
    user = ChatUser(service, "nyc", tz="America/New_York")
    await user.say("/timezone America/New_York")
    await user.say("squat 100kg 8", at="2026-11-23T23:30+00:00")
    reply = await user.say("squat 100kg 8, 100kg 8", at="2026-11-24T00:30+00:00")
    assert "Next: Squat 3×8 @ 102.5 kg (progress" in reply


async def test_sets_across_local_midnight_are_two_sessions(service: ConversationService) -> None:
    user = ChatUser(service, "berlin")
    await user.say("/timezone Europe/Berlin")
    await user.say("squat 100kg 8", at="2026-11-23T22:30+00:00")  # 23:30 Berlin
    reply = await user.say("squat 100kg 8, 100kg 8", at="2026-11-23T23:30+00:00")  # 00:30
    assert "(calibrate" in reply


async def test_lb_user_gets_lb_loads(ann: ChatUser) -> None:
    await ann.say("/units lb")
    reply = await ann.say("squat 3x8 225")
    assert "Squat: 3×8 @ 225 lb" in reply
    assert "Squat 3×8 @ 230 lb" in reply


async def test_undo_asks_then_removes_the_last_log(ann: ChatUser, engine) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("bench 3x8 60kg")
    question = await ann.say("/undo")
    assert "bench 3x8 60kg" in question
    yes = ann.replies[0].choices[0]
    assert yes.label == "Yes, undo"
    done = await ann.say(yes.data, is_callback=True)
    assert "Undone" in done
    assert await count(engine, StrengthSet) == 3
    plan = await ann.say("/plan")
    assert "Squat" in plan
    assert "Bench" not in plan


async def test_undo_of_nothing_changes_nothing(ann: ChatUser) -> None:
    assert "nothing to undo" in await ann.say("/undo")


async def test_one_user_cannot_undo_anothers_log(ann: ChatUser, bob: ChatUser, engine) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("/undo")
    forged = ann.replies[0].choices[0].data  # "/undo yes <id>" of Ann's message
    reply = await bob.say(forged)
    assert "Nothing changed" in reply
    assert await count(engine, StrengthSet) == 3


async def test_edit_replaces_the_records_of_that_message(ann: ChatUser, engine) -> None:
    original = ann.message("squat 3x8 10kg", message_id="m1")
    await ann.send(original)
    edited = ann.message("squat 3x8 100kg", message_id="m1", edited=True)
    result = await ann.send(edited)
    assert "Updated" in result.replies[0].text
    async with AsyncSession(engine) as session:
        weights = (await session.execute(select(StrengthSet.weight_kg))).scalars().all()
        text = (await session.execute(select(Message.text))).scalar_one()
    assert weights == [100, 100, 100]
    assert text == "squat 3x8 100kg"
    again = await ann.send(edited)
    assert again.status == "duplicate"


async def test_implausible_load_is_questioned_and_not_recorded(ann: ChatUser, engine) -> None:
    reply = await ann.say("squat 3x8 1000kg")
    assert "Not recorded" in reply
    assert await count(engine, StrengthSet) == 0


@pytest.mark.parametrize(
    "text", ["hello", "asdf qwer", "", "🙂" * 10, "x" * 5000, "\x00\x07 squat"]
)
async def test_text_without_a_workout_records_nothing(ann: ChatUser, engine, text: str) -> None:
    await ann.say("/skip")  # past onboarding's start
    result = await ann.send(ann.message(text))
    assert result.replies
    assert result.status != "failed"
    assert await count(engine, StrengthSet) == 0
    assert await count(engine, CardioSession) == 0


async def test_onboarding_runs_start_to_end(ann: ChatUser, engine) -> None:
    first = await ann.say("hi")
    assert "kilograms or pounds" in first
    assert [c.data for c in ann.replies[-1].choices] == ["/units kg", "/units lb", "/skip"]
    assert "timezone" in await ann.say("/units lb", is_callback=True)
    bad = await ann.say("Narnia/Capital")
    assert "don't know the timezone" in bad
    assert "How old" in await ann.say("new york")
    assert "number" in await ann.say("sixty")
    assert "weigh" in await ann.say("62")
    assert "remind you" in await ann.say("180 lb")
    assert "All set" in await ann.say("/skip", is_callback=True)
    async with AsyncSession(engine) as session:
        user = (await session.execute(select(User))).scalars().one()
    assert (user.units, user.timezone, user.age) == ("lb", "America/New_York", 62)
    assert user.bodyweight_kg == pytest.approx(81.65, abs=0.01)


async def test_a_workout_during_onboarding_is_recorded(ann: ChatUser, engine) -> None:
    await ann.say("/start")
    reply = await ann.say("squat 3x8 100kg")
    assert "Next: Squat" in reply
    assert "kilograms or pounds" in reply  # and the question is asked again
    assert await count(engine, StrengthSet) == 3


async def test_a_question_with_numbers_is_answered_not_logged(ann: ChatUser, engine) -> None:
    reply = await ann.say("is zone 2 for 45 min enough?")
    assert "✅" not in reply
    assert ann.last is not None
    assert ann.last.status == "answered"
    assert await count(engine, CardioSession) == 0


async def test_first_workout_message_is_recorded_without_onboarding(ann: ChatUser) -> None:
    reply = await ann.say("squat 3x8 100kg")
    assert "kilograms or pounds" not in reply


async def test_week_reports_dose(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    await ann.say("squat 3x8 100kg\nzone 2 50 min", at="2026-11-26T18:00")
    reply = await ann.say("/week", at="2026-11-27T09:00")
    assert "Resistance sessions: 2 (target 2–3) met" in reply
    assert "Quads sets: 6 (target 8–16) under" in reply
    assert "Zone 2 sessions (50 min, 45–60 each): 1 (target 3–4) under" in reply


async def test_history_lists_recent_sessions(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    await ann.say("sqaut 100kg 8,8,7", at="2026-11-26T18:00")
    reply = await ann.say("/history squat", at="2026-11-27T09:00")
    assert "Mon 23 Nov: 3×8 @ 100 kg" in reply
    assert "Thu 26 Nov: 100 kg × 8, 8, 7" in reply


async def test_profile_and_help(ann: ChatUser) -> None:
    assert "Age: 62" in await ann.say("/profile age 62")
    assert "Bodyweight: 80 kg" in await ann.say("/profile weight 80kg")
    assert "/plan" in await ann.say("/help")
    assert "don't know /frobnicate" in await ann.say("/frobnicate")


async def test_a_failed_write_is_rolled_back_and_the_user_told(
    ann: ChatUser, engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.repository import SqlRepository

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(SqlRepository, "add_entries_of", broken)
    result = await ann.send(ann.message("squat 3x8 100kg"))
    assert result.status == "failed"
    assert "nothing was recorded" in result.replies[0].text
    assert await count(engine, StrengthSet) == 0
    assert await count(engine, Message) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thanks!", "You're welcome"),
        ("Thank you so much", "You're welcome"),
        ("Hello", "Hi!"),
        ("good morning bot", "Hi!"),
        ("how r u today", "Hi!"),  # reads as a question: was answered with a logging topic
        ("Hi coach, how are you?", "Hi!"),
        ("whats ur name", "I'm a bot"),
        ("are u a real person", "I'm a bot"),
        ("Who made you?", "I'm a bot"),
        ("good night!", "Bye for now"),
    ],
)
async def test_greetings_and_thanks_get_a_friendly_word(
    ann: ChatUser, engine, text: str, expected: str
) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("/start")
    for _ in range(5):
        await ann.say("/skip")
    assert expected in await ann.say(text)
    assert await count(engine, StrengthSet) == 3


@pytest.mark.parametrize(
    ("text", "topic_word"),
    [
        ("hi, how many sets should I do?", "sets"),
        ("hiit or zone 2 for the brain?", "intervals"),
        ("how are you supposed to warm up?", "warm"),
    ],
)
async def test_a_question_after_a_hello_is_still_answered(
    ann: ChatUser, text: str, topic_word: str
) -> None:
    await ann.say("/start")
    for _ in range(5):
        await ann.say("/skip")
    reply = await ann.say(text)
    assert "I'm a bot" not in reply, reply
    assert not reply.startswith("Hi!"), reply
    assert topic_word.lower() in reply.lower(), reply


@pytest.mark.parametrize("answer", ["²", "٦٢", "9" * 40])
async def test_odd_digits_as_an_age_are_asked_again_or_taken(ann: ChatUser, answer: str) -> None:
    await ann.say("/start")
    await ann.say("/skip")
    await ann.say("/skip")  # now at the age question
    reply = await ann.say(answer)
    assert ann.last is not None
    assert ann.last.status == "answered"
    assert "number" in reply or "weigh" in reply  # re-asked, or taken (٦٢ is 62)


@pytest.mark.parametrize("new_text", ["is zone 2 for 45 min enough?", "/plan"])
async def test_editing_a_log_into_a_question_removes_its_entries(
    ann: ChatUser, engine, new_text: str
) -> None:
    await ann.send(ann.message("zone 2 45 min", message_id="q1"))
    result = await ann.send(ann.message(new_text, message_id="q1", edited=True))
    assert "no workout in it now" in result.replies[0].text
    assert await count(engine, CardioSession) == 0


async def test_switching_units_gives_loads_on_the_new_units_grid(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg\nbench 60kg 8,8,7", at="2026-11-23T18:00")
    await ann.say("/units lb")
    plan = await ann.say("/plan", at="2026-11-24T09:00")
    # 100 kg is 220 lb on the 5 lb grid, 60 kg is 132.5 lb on the 2.5 lb grid.
    assert "Squat 3×8 @ 225 lb" in plan
    assert "Bench press 3×8 @ 132.5 lb" in plan


async def test_good_morning_is_a_greeting_not_a_lift(ann: ChatUser, engine) -> None:
    await ann.say("/start")
    for _ in range(5):
        await ann.say("/skip")
    reply = await ann.say("Good morning!")
    assert reply.startswith("Hi!")
    assert await count(engine, StrengthSet) == 0


@pytest.mark.parametrize("text", ["squat 3x5 100kg?", "walk 40 min - too long?"])
async def test_a_short_log_with_a_question_mark_is_answered_and_offered_not_recorded(
    ann: ChatUser, engine, text: str
) -> None:
    await ann.say("/start")
    for _ in range(5):
        await ann.say("/skip")
    reply = await ann.say(text)
    assert await count(engine, StrengthSet) == 0
    assert "log" in reply.lower(), reply  # the offer to log it, if it was a log


async def test_a_session_logged_the_morning_after_goes_on_yesterday(ann: ChatUser, engine) -> None:
    reply = await ann.say(
        "squat 3x5 100kg yesterday\nwalked 40 min last night", at="2026-11-24T08:00"
    )
    assert reply.startswith("📅 For yesterday, Mon 23 Nov"), reply
    async with AsyncSession(engine) as session:
        sets = (await session.execute(select(StrengthSet))).scalars().all()
        walk = (await session.execute(select(CardioSession))).scalars().one()
    assert {s.day.isoformat() for s in sets} == {"2026-11-23"}
    assert walk.day.isoformat() == "2026-11-23"
    today = await ann.say("bench 3x8 60kg", at="2026-11-24T08:05")
    assert "yesterday" not in today


async def test_a_dated_log_goes_on_the_day_its_heading_names(ann: ChatUser, engine) -> None:
    reply = await ann.say("Nov 20 - squat 3x5 100kg\nwalk 40 min", at="2026-11-24T08:00")
    assert reply.startswith("📅 For Fri 20 Nov (your next loads: /plan):"), reply
    pasted = await ann.say("28/12/2025\nbench 3x8 60kg", at="2026-11-24T08:01")
    assert pasted.startswith("📅 For Sun 28 Dec 2025 (your next loads: /plan):"), pasted
    async with AsyncSession(engine) as session:
        sets = (await session.execute(select(StrengthSet))).scalars().all()
        walk = (await session.execute(select(CardioSession))).scalars().one()
    assert {(s.exercise, s.day.isoformat()) for s in sets} == {
        ("squat", "2026-11-20"),
        ("bench_press", "2025-12-28"),
    }
    assert walk.day.isoformat() == "2026-11-20"


async def test_a_weekday_heading_puts_the_sets_on_that_day_this_week(ann: ChatUser, engine) -> None:
    reply = await ann.say("Monday: squat 3x5 100kg", at="2026-11-25T08:00")  # a Wednesday
    assert reply.startswith("📅 For Mon 23 Nov (your next loads: /plan):"), reply
    tuesday = await ann.say("Tue: bench 3x8 60kg", at="2026-11-25T08:02")
    assert tuesday.startswith("📅 For yesterday, Tue 24 Nov (your next loads: /plan):"), tuesday
    today = await ann.say("Wednesday - walk 30 min", at="2026-11-25T08:01")
    assert not today.startswith("📅"), today
    async with AsyncSession(engine) as session:
        squat = (
            (await session.execute(select(StrengthSet.day).where(StrengthSet.exercise == "squat")))
            .scalars()
            .all()
        )
        walk = (await session.execute(select(CardioSession.day))).scalars().one()
    assert {d.isoformat() for d in squat} == {"2026-11-23"}
    assert walk.isoformat() == "2026-11-25"


async def test_a_date_still_to_come_is_logged_for_today_and_says_so(ann: ChatUser, engine) -> None:
    reply = await ann.say("2026-12-25 squat 3x5 100kg", at="2026-11-24T08:00")
    assert reply.startswith("📅 25 Dec 2026 is still to come, so this is logged for today."), reply
    leap = await ann.say("Feb 29 - bench 3x8 60kg", at="2026-11-24T08:01")  # the last 29 Feb
    assert leap.startswith("📅 For Thu 29 Feb 2024"), leap
    async with AsyncSession(engine) as session:
        days = (await session.execute(select(StrengthSet.exercise, StrengthSet.day))).all()
    assert {(e, d.isoformat()) for e, d in days} == {
        ("squat", "2026-11-24"),
        ("bench_press", "2024-02-29"),
    }


async def test_a_session_over_six_hours_in_minutes_is_asked_and_in_hours_is_logged(
    ann: ChatUser, engine
) -> None:
    reply = await ann.say("zone 2 900 min")
    assert "really 900 minutes, 15 hours?" in reply, reply
    assert await count(engine, CardioSession) == 0
    await ann.say("zone 2 15h")
    async with AsyncSession(engine) as session:
        minutes = (await session.execute(select(CardioSession.minutes))).scalars().all()
    assert minutes == [900]


async def test_a_date_either_way_round_is_asked_and_records_nothing(ann: ChatUser, engine) -> None:
    reply = await ann.say("3/11: squat 3x5 100kg", at="2026-11-24T08:00")
    assert "Which day is 3/11?" in reply, reply
    assert await count(engine, StrengthSet) == 0


async def test_one_question_asked_of_two_fragments_is_said_once(ann: ChatUser, engine) -> None:
    reply = await ann.say(
        "(I completed my first ride around the park this past April with a time of 1:26:49, "
        "and today's ride had a time of 1:03:11.)"
    )
    assert reply.count("Was that today's session, or an earlier one?") == 1, reply
    # the question says what to send; the generic "send it again" line is not added
    assert "Send it again corrected" not in reply, reply
    assert await count(engine, CardioSession) == 0
