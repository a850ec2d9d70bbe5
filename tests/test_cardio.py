"""How a cardio note is read (core.recording.cardio): one table per rule, one row per case.

Each row is a fragment as the parser hands it over (lowercased; parts joined by " , ").
"""

from __future__ import annotations

import pytest

from core.recording.cardio import mentions_cardio, read_cardio, read_distance
from core.recording.durations import find_durations, session_minutes
from core.recording.entries import CardioEntry, Problem
from core.recording.parser import parse
from core.recording.replies import workout_text


def entry(text: str) -> tuple:
    """Return (modality, minutes, activity, avg_hr) of the entry read from `text`."""
    got = read_cardio(text, text)
    assert isinstance(got, CardioEntry), got
    return got.modality, got.minutes, got.activity, got.avg_hr


def question(text: str) -> str:
    got = read_cardio(text, text)
    assert isinstance(got, Problem), got
    assert (got.kind, got.source) == ("unreadable", text)
    return got.message


DURATIONS = [
    ("zone 2 45 min", 45),
    ("walked 45 mins", 45),
    ("z2 45m", 45),
    ("zone 2 cycling 1h15", 75),
    ("zone 2 row 1:15", 75),
    ("bike 1:35:24", 95.4),
    ("bike 3:04:00", 184),
    ("run 0:30:03", 30.05),
    ("just did a 5k run in 20:15", 20.25),
    ("run duration: 23:14.87", 23.25),
    ("20' on an elliptical", 20),
    ("4.03 mile run , 37′ 30″", 37.5),
    ("6.54 mile run , 1h 01′ 42″", 61.7),
    ("1 hour and 33 minutes of running", 93),
    ("rode out and back , which took an hour and 10 minutes", 70),
    ("half an hour on the bike", 30),
    ("an hour and a half on the bike", 90),
    ("zone 2 for an hour", 60),
    ("30-minute zone 2 easy run", 30),
    ("0.67hr. trainer ride", 40.2),
    ("rode for 1:30hrs this morning", 90),
    # 1 h 50 min for 500 m is no speed at all: 1 min 50 s; a distance timed is a whole piece
    ("500m row 1:50", 1.83),
    ("rowed for twenty minutes", 20),
    ("5k run 1:50", 110),  # plausible as 1 h 50 min: hours:minutes
]


@pytest.mark.parametrize(("text", "minutes"), DURATIONS, ids=[r[0] for r in DURATIONS])
def test_durations_as_people_write_them(text: str, minutes: float) -> None:
    assert entry(text)[1] == pytest.approx(minutes, abs=0.01)


# Read as written, then asked: a time this short is a piece of a session more often than all
# of it (`60 seconds jogging, 90 seconds walking`), so the whole session's time is asked.
SHORT = [
    ("walked for 90 seconds", 1.5, "Was the whole walk only 1.5 minutes?"),
    ("row 2 min", 2, "Was the whole row only 2 minutes?"),
    ("walk 1 min", 1, "Was the whole walk only a minute?"),
]


@pytest.mark.parametrize(("text", "minutes", "asked"), SHORT, ids=[r[0] for r in SHORT])
def test_a_session_of_a_minute_or_two_is_read_then_asked(
    text: str, minutes: float, asked: str
) -> None:
    durations = find_durations(text, read_distance(text))
    assert session_minutes(durations, repeats=False) == pytest.approx(minutes, abs=0.01)
    assert question(text).startswith(asked)


NOT_DURATIONS = [
    ("rowing 30min 2:00/500m", 30),
    ("row 2:00/500m for 30 min", 30),
    ("ran 45 min at 10:00 pace", 45),
    ("run 30 min , 8:21 min/mile", 30),
    ("run 30 min @ 5:30/km", 30),
    ("run 40 min , 9′26″ avg pace", 40),
    ("38 minute run. 3.45 miles at 11:01 pace.", 38),
    ("run 40 min , 10.31 minutes a mile", 40),
    ("run 50 min , an average pace of 10:28 per mile", 50),
    ("zone 2 bike 45 min (15 minute deficit)", 45),
    ("ran at 6:30am for 45 min", 45),
    ("bike 6:30 pm , 40 min", 40),
    ("run 30 min with strides every 5 minutes", 30),
    ("run 25:10 , splits 8:38 , 8:07 , 8:25", 25.17),
]


@pytest.mark.parametrize(("text", "minutes"), NOT_DURATIONS, ids=[r[0] for r in NOT_DURATIONS])
def test_paces_times_of_day_splits_and_notes_are_not_the_duration(
    text: str, minutes: float
) -> None:
    assert entry(text)[1] == pytest.approx(minutes, abs=0.01)


TOTALS = [
    ("intervals 10x1min hard , 20 min total", 20),
    ("hiit 4x4 min , 28 min total", 28),
    ("hiit 4x4 min with 3 min rest , 30 min in total", 30),
    ("rode 8.5 miles. 40:41 time. 33:12 in zone. 5:06 above range , 2:23 below.", 40.68),
    ("i measured the run at 3.5 miles and it took 32 minutes", 32),
    ("26 minute run. 12 minute fast/2 minute easy/12 minute fast", 26),  # 12 + 2 + 12
    ("ran 1:04:04 , 7.73 miles , 1:04:04", 64.07),  # the same time written twice
    ("bike (45 min)", 45),  # brackets holding only a duration
]


@pytest.mark.parametrize(("text", "minutes"), TOTALS, ids=[r[0] for r in TOTALS])
def test_a_total_beats_its_parts(text: str, minutes: float) -> None:
    assert entry(text)[1] == pytest.approx(minutes, abs=0.01)


FROM_PACE = [
    ("5k run @ 5:30/km", 27.5),  # apps-070
    ("/log treadmill 1 degree incline, 7.2 mph, 3.0 miles", 25.0),  # apps-011
    ("run 4 miles @ 8:55 average pace", 35.67),  # blog-126, with its activity named
    ("ran 6km, average pace 7:15min/km", 43.5),
    ("bike 20 km at 25 km/h", 48.0),
]


@pytest.mark.parametrize(("text", "minutes"), FROM_PACE, ids=[r[0] for r in FROM_PACE])
def test_a_distance_at_a_pace_or_speed_gives_the_time(text: str, minutes: float) -> None:
    assert entry(text)[1] == pytest.approx(minutes, abs=0.01)


QUESTIONS = [
    # distance or pace without a time
    ("5k run", "How long was the run?"),
    ("6.54 mile run", "How long was the run?"),
    ("fast running", "How long was the run?"),  # apps-103: an activity alone is asked
    # a time from a distance at a pace or speed only when each is said once, exactly
    ("ran 5k and 3k @ 5:00/km", "How long was the run?"),
    ("row 2k @ 2:05/500m", "How long was the row?"),  # a rower's split is per 500 m
    ("ride just over 20 miles at about 16mph", "How long was the ride?"),
    ("run 5k at a target pace of 5:00/km", "How long was the run?"),
    ("run 6 miles, last mile at 7:30 pace", "How long was the run?"),  # a part's pace
    ("run 3 miles with 4x400m at 7:00 pace", "How long was the run?"),
    ("bike 20 miles max speed 28 mph", "How long was the ride?"),  # a peak, not the pace
    ("run 10.31 minutes a mile , average heart rate of 130bpm", "How long was the run?"),
    ("swim 2 x 250y/2:00 , 5 x 50y/:30", "How long was the swim?"),
    ("warmup: 500 m row / 1:50", "How long was the row?"),
    ("recovery ride for 56 miles.", "How long was the ride?"),
    ("over four miles of running", "How long was the run?"),
    ("run 8:38 , 8:07 , 8:25", "How long was the run?"),  # splits
    # intervals without a total
    ("hiit 4x4 min with 3 min rest", "in total, start to finish"),
    ("4 x 4′ / 5′ rest on the erg", "in total, start to finish"),
    ("4 sets of 30 second sprint / 90 second rest", "in total, start to finish"),
    ("interval session , 60 seconds fast then 120 seconds easy. repeated 8 times", "in total"),
    ("intervals - 10x400 @ 7:03 pace w/45 sec. recovery.", "parts of the run"),  # a run's pace
    # time in zones is one session of unstated length
    ("18 minutes in zone 2 , 69 minutes in zone 3 , and 64 minutes in zone 4.", "zones"),
    ("14 minutes were spent in zone 2&3", "zones"),
    ("30 min zone 2 , then back down to zone 4 for 10 minutes", "zones"),
    ("ride , 33:12 in zone", "parts of the ride"),
    # parts, several times, bounds, vague amounts
    ("after my first six minutes of running", "parts of the run"),
    ("i warm up for 10 minutes and then do 4 intervals", "parts of the session"),
    ("zone 2 45 min , 10 min warmup", "parts of the zone 2"),
    ("30 minutes in zone 2 then back to zone 2 for 45 minutes", "more than one time"),
    ("60 minutes on the bike. then a 30 minute ride home", "more than one time"),
    ("less than an hour on the bike", "Roughly how many minutes"),
    ("did some minutes on the bike", "How long was the ride?"),
    # two activities at once
    ("bike / row : 10 min", "Was that bike or row?"),
    ("walked 30 min , ran 20 min", "Was that walk or run?"),
]


@pytest.mark.parametrize(("text", "says"), QUESTIONS, ids=[r[0] for r in QUESTIONS])
def test_an_unclear_duration_is_a_question_never_a_guess(text: str, says: str) -> None:
    assert says in question(text)


HEART_RATES = [
    ("zone 2 run 45 min avg hr 128", 128),
    ("run 45 min , average hr 131", 131),
    ("run 45 min , ahr 146 , mhr 157 bpm", 146),
    ("bike 40 min hrav:133", 133),
    ("run 40 min , avg hr = 146 , max hr = 170", 146),
    ("ran 30 min with an average heart rate of 130bpm", 130),
    ("zone 2 swim 40 min 128 bpm", 128),
    ("total ride time: 1 hr 33 min (140 ahr/153 mhr)", 140),  # h5-083: the number first
    ("walk 1 hr 6 mins", None),  # `hr 6` before minutes is an hour, no heart rate
    ("zone 2 run 45 min hr 128", 128),
    ("run 30 min max hr 170", None),
    ("run 30 min , mhr 157 bpm", None),
    ("run 30 min , peak heart rate 181", None),
]


@pytest.mark.parametrize(("text", "hr"), HEART_RATES, ids=[r[0] for r in HEART_RATES])
def test_the_average_heart_rate_never_the_maximum(text: str, hr: int | None) -> None:
    assert entry(text)[3] == hr


MODALITIES = [
    ("zone 2 run 45 min", ("zone2", "run")),
    ("z2 bike 45 min", ("zone2", "bike")),
    ("19th september:- 30 minutes in heart zone 2", ("zone2", None)),
    ("0.67hr. trainer ride (zone 2)", ("zone2", "bike")),
    ("hiit 20 min", ("hiit", None)),
    ("intervals on the bike 25 min", ("hiit", "bike")),
    ("sprints 15 min", ("hiit", None)),
    ("tabata 8 min", ("hiit", None)),
    ("walked 45 minutes", ("walk", "walk")),
    ("treadmill 10min 3.2mph incline15", ("walk", "walk")),
    ("treadmill 30 min 6 mph", ("other", "run")),
    ("ran 30 min", ("other", "run")),
    ("rode for 40 minutes", ("other", "bike")),
    ("40 minute zone 1 ride", ("other", "bike")),
    ("10 minutes on rowing machine", ("other", "row")),
    ("30 minutes on the elliptical", ("other", "elliptical")),
    ("swam 40 min", ("other", "swim")),
    ("skierg 20 min", ("other", "ski")),
    ("i did 1.2 miles in 10 minutes", ("other", None)),
]


@pytest.mark.parametrize(("text", "kind"), MODALITIES, ids=[r[0] for r in MODALITIES])
def test_zone2_only_when_written_hiit_for_intervals_walk_for_walks(
    text: str, kind: tuple[str, str | None]
) -> None:
    modality, _, activity, _ = entry(text)
    assert (modality, activity) == kind


NOTHING = [
    "i'm supposed to run in zone 2 for an hour , with 3 minute surges every 20 minutes.",
    "tomorrow: zone 2 run 45 min",
    "going to ride 2 hours on saturday",
    "did zone 2 today",
    "walked the dog",
    "i love running",
    "no run",
    "running late",
    "walk later",
    "squat 3x5 100kg",
]


@pytest.mark.parametrize("text", NOTHING)
def test_plans_and_chat_read_nothing(text: str) -> None:
    assert read_cardio(text, text) is None


MENTIONS = [
    ("zone 2 45 min", True),
    ("ran 5k", True),
    ("i only covered 2 miles in 30 minutes", True),
    ("distance 24.8 km", True),
    ("for 3:30hrs i had an avg hr of 140bpm.", True),
    ("56.13miles", False),  # a detail of the session before it on the line
    ("9′28″ avg pace", False),
    ("5:39 (for .73 miles for 7:47 pace)", False),
    ("32 y/o male", False),
    ("squat 3x5 100kg", False),
]


@pytest.mark.parametrize(("text", "mentions"), MENTIONS, ids=[r[0] for r in MENTIONS])
def test_what_starts_a_cardio_note(text: str, mentions: bool) -> None:
    assert mentions_cardio(text) is mentions


def test_plan_words_after_the_log_do_not_make_it_a_plan() -> None:
    text = "i only covered 2 miles in 30 minutes but i am going to roll with it"
    assert entry(text)[1] == 30


def test_implausible_durations_and_heart_rates_are_questioned() -> None:
    for text, says in [
        ("zone 2 run 25h", "1500 minutes"),
        ("zone 2 run 0 min", "0 minutes"),
        ("zone 2 " + "9" * 50 + " min", "over a billion"),
        ("zone 2 run 45 min hr 300", "300 bpm"),
    ]:
        got = read_cardio(text, text)
        assert isinstance(got, Problem)
        assert got.kind == "implausible"
        assert says in got.message


ONE_SESSION = [
    # (a) a distance, pace or heart rate beside an activity on its line is the same session
    ("run 5k, 27:30, avg hr 150", 27.5, 150),
    ("bike 45 min, 20 km, hr 128", 45.0, 128),
    # (b) `Key: value` lines after a cardio heading ending in `:` are that session's details
    ("Run:\n- Distance: 5 km\n- Time: 27:30", 27.5, None),
    ("Run:\n- Distance: 5 km\n- Duration: 30 min\n- Avg HR: 140", 30.0, 140),
]


@pytest.mark.parametrize(("text", "minutes", "hr"), ONE_SESSION)
def test_the_details_of_a_session_stay_with_it(text: str, minutes: float, hr: int | None) -> None:
    (entry,) = parse(text).entries
    assert isinstance(entry, CardioEntry)
    assert (entry.minutes, entry.avg_hr) == (minutes, hr)


def test_a_cardio_question_stays_when_a_lift_name_leads_and_there_are_no_sets() -> None:
    # (c) `Row` is also a lift, but with no set or rep pattern the line is cardio: asked
    result = parse("I) Bike / Row : 10 min")
    assert result.entries == ()
    assert "bike or row" in result.problems[0].message


@pytest.mark.parametrize(
    ("text", "age", "line"),
    [
        ("zone 2 45 min avg hr 132", 55, "⚠️ 132 bpm is above your Zone 2 (102–119)"),
        ("zone 2 45 min avg hr 110", 55, "❤️ 110 bpm is in your Zone 2 (102–119)"),
        ("zone 2 45 min avg hr 95", 55, "❤️ 95 bpm is below your Zone 2 (102–119)"),
        ("zone 2 45 min avg hr 132", None, "Tell me your age (/profile age 62)"),
        ("zone 2 45 min avg hr 132", 15, None),  # an age the estimate is not given for
        ("zone 2 45 min", 55, None),
        ("zone 2 45 min", None, None),
        ("hiit 20 min avg hr 160", 55, None),
        ("walk 40 min avg hr 100", 55, None),
    ],
)
def test_a_zone2_average_heart_rate_gets_one_line_in_the_reply(
    text: str, age: int | None, line: str | None
) -> None:
    got = workout_text(parse(text, "kg"), [], age).splitlines()
    assert got[0].startswith("✅ ")
    extra = got[1:-1]  # between what was recorded and the fix hint
    assert len(extra) == (0 if line is None else 1), got
    if line is not None:
        assert extra[0].startswith(line)


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("walk 5", "`walk 45 min`"),
        ("zone 2 bike 60", "`zone 2 bike 45 min`"),
        ("golf 18 holes", "`golf 45 min`"),
        ("ran 5k", "`run 45 min`"),
    ],
)
def test_how_long_is_asked_with_an_example_of_the_session_named(text: str, example: str) -> None:
    (problem,) = parse(text, "kg").problems
    assert problem.message.startswith("How long was the")
    assert problem.message.endswith(f"e.g. {example}")
