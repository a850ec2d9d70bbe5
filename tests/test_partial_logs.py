"""A message that holds part of a workout is asked about, never met with "no workout found".

Real lines (tests/corpus/, ids noted) that read as no log: each gets a question naming the
piece it saw and an example to send. The example is itself read as a log, so following the
advice works. Numbers about something else (body weight, a week's total, a goal, someone
else's lift) stay quiet, as does a question. Nothing is ever recorded from any of them.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.recording.entries import Unit
from core.recording.parser import parse
from core.recording.partial import partial_log
from storage.models import CardioSession, StrengthSet
from tests.conftest import ChatUser
from tests.test_first_hour import STEPS

ASKED = [
    # (text, units, the piece named in the question, the example it gives)
    ("I pumped 240 kilograms today. OMG!!!!!!!!", "kg", "240 kg", "deadlift 5x3 240kg"),  # h12-059
    ("The 120kg came off the floor but got stuck mid shin.", "kg", "120 kg", "deadlift 5x3 120kg"),
    ("93# (Fail. Got greedy.)", "lb", "93 lb", "deadlift 5x3 93lb"),  # h15-113
    ("80 kg", "kg", "80 kg", "deadlift 5x3 80kg"),
    ("Finished up with a 27:40!", "kg", "27:40", "run 27:40"),  # h15-034
    ("Today I crushed that with 1:37.3.", "kg", "1:37.3", "run 1:37.3"),  # h16-039
    (
        "Thus, I made it to 66 laps before being asked to leave",
        "kg",
        "66 laps",
        "run 66 laps 45 min",
    ),
    ("The distance based on the GPS data is 7.4 miles", "kg", "7.4 miles", "run 7.4 miles 45 min"),
    ("I did an hour yesterday while watching a film.", "kg", "an hour", "walk an hour"),  # h6-056
    ("299 W average - exactly my FTP.", "kg", "299 W", "bike 45 min"),  # h16-004
    (  # h15-094: a lift named, its sets unreadable
        "I warmed up with 45, 75, and then 85 for thrusters, and asked Ashley to watch me.",
        "lb",
        "thruster",
        "thruster 3x8 135lb",
    ),
    (  # h18-011: the longest catalogue name around the lift's word
        "Then we did some dumb bell bench presses went from 6 to 7.5 to 10kg.",
        "kg",
        "bench press",
        "bench press 3x8 10kg",
    ),
    ("Also had a go at some chin ups, did 2!", "kg", "chin-up", "chin-up 3x8"),  # h18-012
    (  # h20-066: `as I could` is no claim of what one can do
        "I basically had to do as many push ups as I could do before collapsing. I did 30.",
        "kg",
        "push-up",
        "push-up 3x8",
    ),
    # a bare load after a lifting verb, in the person's unit (a probe's phone lines)
    ("hit 225 today", "lb", "225", "deadlift 5x3 225lb"),
    ("pulled 160 today", "kg", "160", "deadlift 5x3 160kg"),
    ("out for 1h20 this morning", "kg", "1h20", "walk 1h20"),
    ("did 200 watts for 20 mins", "kg", "200 watts", "bike 20 mins"),
    ("Walked a mile this morning", "kg", "how long that walk was", "walk 30 min"),
    # something named we don't know: the example is one we do, and says so
    ("plank 1:30 today", "kg", "couldn't tell which session", "run 1:30"),
    ("My half hour flew by.", "kg", "half hour", "walk half hour"),  # h21-064: no flight
    (  # h20-048: a swim named, its time not given
        "2000 yards.  The schools and day camps are back, so less swim lanes.",
        "kg",
        "how long that swim was",
        "swim 30 min",
    ),
    # session 16 (h23-*): a length in words, a shower beside the laps (no shower's time)
    ("65 FLOORS in TEN MINUTES! Woo-hoo!", "kg", "ten minutes", "walk ten minutes"),  # h23-034
    ("Another sunny morning and another eighteen lengths for me.", "kg", "swim", "swim 30 min"),
    (  # h23-097
        "I got in 13 laps, floated, hit the shower and headed home.",
        "kg",
        "13 laps",
        "run 13 laps 45 min",
    ),
]

QUIET = [
    "My bodyweight is 82kg",
    "Plus I was 72.3kg yesterday, up from 71.6kg before the weekend",  # h13-122
    "32 y/o male, 5’8” 210 lbs",  # forum-015
    "My vitals are 6′ 2″ and 220lbs.",  # h19-005
    "My 1RM right now is 250lbs.",  # h12-031
    "This week's total: 140 minutes of exercise.",  # h12-080
    "I lifted a total of 16,410 pounds compared to the 12,180 pounds from a week ago.",  # h19-079
    "My lovely wife was also able to get a PR of 255lbs",  # h15-082
    "She had a 15 kg dumbbell and I was barely holding a side plank with 7.5kg.",  # h18-151
    "Next up, 200lbs!",  # h14-145
    "I WILL walk 180 miles by Sept. 25!!!",  # h18-069
    "Back in January 2013 we had our first 1 RM back squat at 120#.",  # h15-132
    "I played pickle ball for an hour most days during the summer.",  # h14-010
    "Sleep 9.5 hours. Good.",
    "Rest 2min between sets",  # blog-164
    "Could I do a bench press with 30 pound dumbbells?",  # h15-079
    "Costs N10,000/month",
    "felt great today",
    "Rocket Roy pulled 6:38 when he was 55.",  # h16-036
    "Monday morning weigh in 88.8kg, Saturday morning weigh in 89.2kg.",  # h15-010
    # a probe's phone lines (2026-12-01): places, things, trips, people, rest, limits
    "the park is 2km away",
    "the pool is 25m long",
    "it's 20 minutes drive to the pool",
    "my commute is 45 minutes",
    "my barbell is 15kg",
    "ordered a 24kg kettlebell",
    "the dumbbells at my gym go to 40kg",
    "the baby is 9kg now, my back is killing me",
    "I'm 54 kilos at 160cm, is that ok",
    "scales say 185 lbs",
    "put on 2 kg over christmas",
    "was 90kg in january, 84 now",
    "target 90 kg by march",
    "might do an hour this evening",
    "when I was younger i did 100kg easy",
    "my trainer squats 200kg",
    "Dave lifted 140 today, I'm jealous",
    "watched the marathon on tv, winner did 2:05",
    "nap for 1 hour",
    "sauna 15 mins",
    "it's 7:30 now, heading out soon",
    "told not to lift more than 10 kg after the op",
    "training max set at 90kg",
    "120kg is that good for my age",
    "dead hang 45 secs",
    "weight 78.2kg",
    "a 10 minute shower",
    "Took me twenty minutes to find parking at the gym lol",
    "my class starts in thirty minutes",
    "drove forty minutes to the pool",
]


@pytest.mark.parametrize(("text", "units", "piece", "example"), ASKED)
def test_a_piece_of_a_workout_is_asked_about_with_an_example_that_logs(
    text: str, units: Unit, piece: str, example: str
) -> None:
    assert not parse(text, units).looks_like_workout  # the parser read no log in it
    asked = partial_log(text, units)
    assert asked is not None, text
    assert piece in asked.message, asked.message
    assert f"`{example}`" in asked.message, asked.message
    assert "nothing is logged" in asked.message
    sent = parse(example, units)  # what the person is told to send is read as a log
    assert sent.entries, (example, sent)
    assert not sent.problems, (example, sent)


@pytest.mark.parametrize("text", QUIET)
def test_numbers_about_something_else_are_not_asked_about(text: str) -> None:
    assert partial_log(text) is None, text


async def _onboarded(user: ChatUser) -> None:
    await user.say("/start")
    for _ in STEPS:
        await user.say("/skip")


async def _count(engine, table) -> int:  # type: ignore[no-untyped-def]
    async with AsyncSession(engine) as session:
        return (await session.execute(select(func.count()).select_from(table))).scalar_one()


async def test_the_coach_asks_about_the_piece_and_records_nothing(ann: ChatUser, engine) -> None:
    await _onboarded(ann)
    reply = await ann.say("I pumped 240 kilograms today. OMG!!!!!!!!")
    assert "I see 240 kg but not the lift or the reps" in reply, reply
    assert "didn't find a workout" not in reply
    reply = await ann.say("Finished up with a 27:40!")
    assert "I see 27:40 but couldn't tell which session it was" in reply, reply
    assert await _count(engine, StrengthSet) == 0
    assert await _count(engine, CardioSession) == 0
    # following the example logs it
    reply = await ann.say("deadlift 5x3 240kg")
    assert "Deadlift: 5×3 @ 240 kg" in reply, reply
    assert await _count(engine, StrengthSet) == 5


async def test_body_weight_during_onboarding_still_answers_its_question(ann: ChatUser) -> None:
    await ann.say("/start")
    await ann.say("kg")
    await ann.say("/skip")  # timezone
    await ann.say("/skip")  # age
    reply = await ann.say("80 kg")  # the weight question's answer, not a lift's load
    assert "I see 80 kg" not in reply, reply
    assert "Shall I remind you" in reply, reply


async def test_a_statement_of_body_weight_gets_the_plain_answer(ann: ChatUser) -> None:
    await _onboarded(ann)
    reply = await ann.say("My bodyweight is 82kg")
    assert "didn't find a workout" in reply, reply
