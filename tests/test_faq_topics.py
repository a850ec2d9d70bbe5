"""Ask the coach: the newer topics, the person's own next load, and follow-up questions,
driven through the conversation service the way a person types them."""

from __future__ import annotations

import pytest

from core.coaching.returning import RETURN_AFTER, RETURN_FACTORS
from core.coaching.session import WARMUP_RAMP
from core.faq.answer import NOT_MEDICAL_ADVICE, _knowledge, answer
from core.faq.personal import age_in_text
from tests.conftest import ChatUser

NEW_TOPICS = (
    "rest-between-sets", "same-day", "missed-sessions", "walking-enough", "joint-pain",
    "warm-up", "soreness", "results-time", "short-on-time", "next-load",
)  # fmt: skip
# Every source a new topic may cite: guidelines and trials that exist, attributed as the
# older topics attribute them. A new citation has to be added here on purpose.
KNOWN_SOURCES = {
    "ACSM 2009 position stand, Progression models in resistance training for healthy adults",
    "WHO 2020 guidelines on physical activity and sedentary behaviour",
    "Bannuru et al. 2019, Osteoarthritis and Cartilage (OARSI guideline)",
    "Cheung et al. 2003, Sports Medicine (DOMS review)",
    "Fiatarone Singh et al. 2014, JAMDA (SMART)",
    "Liu-Ambrose et al. 2010, Archives of Internal Medicine",
}


async def onboarded(user: ChatUser) -> ChatUser:
    """Return `user` past the first-contact questions, each one skipped."""
    reply = await user.say("/start")
    while "All set" not in reply:
        reply = await user.say("/skip", is_callback=True)
    return user


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # README's own example: answered, and it says 45 minutes is in range.
        ("is zone 2 for 45 min enough?", "45–60 minutes"),
        ("how long should I rest between sets", "2–3 minutes"),
        ("can I do cardio and weights the same day", "Lift first"),
        ("I missed a week, what now?", "restarts at 90%"),
        ("is walking enough?", "For muscle and strength it isn't"),
        ("/ask I'm 68 with bad knees", "osteoarthritis"),
        ("how should I warm up before squats?", "40%, 60% and 80%"),
        ("why am I so sore two days after lifting?", "DOMS"),
        ("how long until I see results?", "6 months (SMART) to 12 months"),
        ("I only have 20 minutes, what should I do?", "compound lifts"),
    ],
)
async def test_the_questions_people_ask_get_their_topic(
    ann: ChatUser, question: str, expected: str
) -> None:
    reply = await (await onboarded(ann)).say(question)
    assert expected in reply
    assert "I don't know that one" not in reply
    assert ann.last is not None
    assert ann.last.status == "answered"


async def test_joint_pain_is_not_the_generic_safety_paragraph(ann: ChatUser) -> None:
    reply = await (await onboarded(ann)).say("/ask I'm 68 with bad knees")
    assert answer("is lifting safe for me?").answer.split("\n")[0] not in reply
    assert "Bannuru et al. 2019" in reply
    assert reply.endswith(NOT_MEDICAL_ADVICE)


async def test_asking_for_a_lifts_next_weight_gives_that_lifts_own_next_load(
    ann: ChatUser,
) -> None:
    await onboarded(ann)
    await ann.say("squat 3x8 100kg")
    reply = await ann.say("/ask what weight should I squat next?")
    assert "Squat 3×8 @ 102.5 kg" in reply
    assert "/plan" in reply
    assert all(r.private for r in ann.replies)  # the person's own loads


async def test_a_lift_not_logged_points_to_the_plan_and_invents_no_load(ann: ChatUser) -> None:
    await onboarded(ann)
    await ann.say("squat 3x8 100kg")
    reply = await ann.say("/ask how much should I bench next?")
    assert "haven't logged bench press" in reply
    assert "/plan" in reply
    assert " kg" not in reply


async def test_what_should_i_lift_next_is_the_plan(ann: ChatUser) -> None:
    await onboarded(ann)
    await ann.say("squat 3x8 100kg")
    await ann.say("bench 60kg 8,8,8")
    reply = await ann.say("/ask what should I lift next?")
    assert reply == await ann.say("/plan")
    assert "Squat 3×8 @ 102.5 kg" in reply


async def test_what_to_lift_next_with_nothing_logged_says_how_to_start(ann: ChatUser) -> None:
    reply = await (await onboarded(ann)).say("/ask what weight next?")
    assert "No lifts logged" in reply


async def test_next_load_after_a_break_is_the_coachs_own_return_rule(ann: ChatUser) -> None:
    await onboarded(ann)
    await ann.say("squat 3x8 100kg", at="2026-11-02T18:00")
    reply = await ann.say("/ask what weight should I squat next?", at="2026-11-23T18:00")
    assert "start at 90%" in reply
    assert "Squat 3×8 @ 90 kg" in reply


async def test_a_plain_next_weight_question_points_to_the_plan(ann: ChatUser) -> None:
    await onboarded(ann)
    await ann.say("squat 3x8 100kg")
    reply = await ann.say("what weight should I squat next?")
    assert "/plan" in reply
    assert "I don't know that one" not in reply


@pytest.mark.parametrize("follow_up", ["and for a 70 year old?", "what about at 70?"])
async def test_a_follow_up_answers_the_previous_topic(ann: ChatUser, follow_up: str) -> None:
    await onboarded(ann)
    await ann.say("/ask what is zone 2?", at="2026-11-23T18:00")
    reply = await ann.say(f"/ask {follow_up}", at="2026-11-23T18:02")
    assert "Zone 2" in reply
    assert "95–111 bpm" in reply  # Tanaka at 70: max 159, 60–70%


async def test_a_follow_up_long_after_is_not_tied_to_the_old_question(ann: ChatUser) -> None:
    await onboarded(ann)
    await ann.say("/ask what is zone 2?", at="2026-11-23T09:00")
    reply = await ann.say("/ask and for a 70 year old?", at="2026-11-23T18:00")
    assert "I don't know that one" in reply


async def test_a_follow_up_after_a_log_is_not_a_guess(ann: ChatUser) -> None:
    await onboarded(ann)
    await ann.say("squat 3x8 100kg", at="2026-11-23T18:00")
    reply = await ann.say("/ask what about at 70?", at="2026-11-23T18:01")
    assert "I don't know that one" in reply


async def test_a_follow_up_with_its_own_topic_answers_that_topic(ann: ChatUser) -> None:
    await onboarded(ann)
    await ann.say("/ask what is zone 2?", at="2026-11-23T18:00")
    reply = await ann.say("/ask and how much protein?", at="2026-11-23T18:01")
    assert "protein" in reply
    assert "bpm" not in reply


def test_missed_sessions_answer_states_the_coachs_own_return_rule() -> None:
    text = _knowledge()[0]["missed-sessions"].answer
    (long_break, long_factor), (short_break, short_factor) = RETURN_FACTORS
    assert short_break == RETURN_AFTER
    assert f"{short_break.days // 7} weeks or more off a lift, it restarts at" in text.replace(
        "two", "2"
    )
    assert f"{round(short_factor * 100)}% of your last" in text
    assert f"{long_break.days // 7} weeks or more, at {round(long_factor * 100)}%" in (
        text.replace("four", "4")
    )


def test_warm_up_answer_states_the_plans_own_ramp() -> None:
    text = _knowledge()[0]["warm-up"].answer
    low, mid, high = (f"{round(share * 100)}%" for share, _ in WARMUP_RAMP)
    assert f"{low}, {mid} and {high} of the working weight" in text


def test_new_topics_cite_only_known_sources_and_carry_the_health_note() -> None:
    topics = _knowledge()[0]
    for tid in NEW_TOPICS:
        topic = topics[tid]
        assert set(topic.sources) <= KNOWN_SOURCES, tid
        assert topic.health_claim == (tid != "next-load"), tid
        assert len(topic.answer) <= 450, tid


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("what about at 70?", 70),
        ("and for a 70 year old?", 70),
        ("how about someone who is 72", 72),
        ("zone 2 at 70% of max", None),
        ("squat at 60 kg", None),
        ("zone 2 at 45 min", None),
        ("remind me at 18:00", None),
        ("hiit at 07 am", None),
    ],
)
def test_an_age_is_read_from_a_follow_up_but_not_from_a_load(text: str, age: int | None) -> None:
    assert age_in_text(text) == age
