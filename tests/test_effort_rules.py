"""Effort and pain feed the rules (issue #15, item 1), before the article's four.

In order: a pain phrase about a lift holds it (no increase, have it checked); a hard last
working set (RPE 9.5 or more, 0 RIR, a failed rep) repeats the load even at 3×8; every
working set at RPE 7 or less adds two increments. A session without RPE or such words
gets the article's rules, as before. Each rule is tested where it is decided
(`next_plan`), where words are read (`read_notes`, the parser), and end to end through the
conversation service and the `coach` command, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.coaching.effort import LiftNotes, read_notes
from core.coaching.planning import plans_in_order, recent_plans, sessions_by_exercise
from core.coaching.progression import LoggedSet, Session, next_plan
from core.history.sets import StoredSet
from core.recording.catalogue import CATALOGUE
from core.recording.entries import StrengthEntry
from core.recording.parser import parse
from tests.coach_forks import run_coach
from tests.conftest import ChatUser

MONDAY = date(2026, 11, 2)
COACH = str(Path(sys.executable).with_name("coach"))

Set = tuple[float, int, float | None] | tuple[float, int, float | None, bool]


def session(*sets: Set, pain: str | None = None, day: int = 0) -> Session:
    """Build a session from (weight, reps, rpe[, failed]) sets."""
    return Session(
        MONDAY + timedelta(days=day), tuple(LoggedSet(s[1], s[0], *s[2:]) for s in sets), pain
    )


def three(weight: float, reps: int, *rpe: float | None) -> tuple[Set, ...]:
    """Return three sets of `reps` at `weight`, with one RPE each (or None for all)."""
    return tuple((weight, reps, r) for r in (rpe or (None, None, None)))


STALLED = [session((140, 8, None), (140, 7, None), (140, 6, None), day=d) for d in (-6, -3)]

CASES = [
    # id, exercise, unit, history, rule, next weight, reps, words in the reason
    # 1. pain: no increase, have it checked
    (
        "knee hurt holds squat at 3x8",
        "squat",
        "kg",
        [session(*three(100, 8), pain="knee hurt")],
        ("hold", 100, 8, "you wrote “knee hurt”, so no increase"),
    ),
    (
        "pain comes before easy",
        "bench_press",
        "kg",
        [session(*three(60, 8, 6, 6, 6), pain="shoulder pain")],
        ("hold", 60, 8, "shoulder pain"),
    ),
    (
        "pain keeps the article's deload (never more than W)",
        "deadlift",
        "kg",
        [*STALLED, session((140, 8, None), (140, 7, None), (140, 6, None), pain="back tweaked")],
        ("hold", 125, 8, "deload"),
    ),
    (
        "pain on a bodyweight move holds its reps",
        "pull_up",
        "kg",
        [session(*three(0, 10), pain="elbow pain")],
        ("hold", 0, 10, "elbow pain"),
    ),
    # 2. a hard last set: the same load, saying why
    (
        "squat 3x8 100kg @10 repeats 100 kg",
        "squat",
        "kg",
        [session(*three(100, 8, 10, 10, 10))],
        ("repeat", 100, 8, "your last set was RPE 10, so keep 100 kg"),
    ),
    (
        "only the last set at 9.5 is enough",
        "squat",
        "kg",
        [session(*three(100, 8, 8, 9, 9.5))],
        ("repeat", 100, 8, "RPE 9.5"),
    ),
    (
        "a failed rep in the last set repeats even at 3x8",
        "squat",
        "kg",
        [session((100, 8, None), (100, 8, None), (100, 8, None, True))],
        ("repeat", 100, 8, "you failed a rep in your last set, so keep 100 kg"),
    ),
    (
        "a hard last set says why at 8,8,7 too",
        "bench_press",
        "kg",
        [session((60, 8, 9), (60, 8, 9), (60, 7, 10))],
        ("repeat", 60, 8, "your last set was RPE 10"),
    ),
    (
        "a hard last set does not stop a deload",
        "deadlift",
        "kg",
        [*STALLED, session((140, 8, None), (140, 7, None), (140, 6, 10))],
        ("deload", 125, 8, "3 sessions at 140 kg"),
    ),
    (
        "a hard last set does not stop calibration",
        "squat",
        "kg",
        [session(*[(100, 5, 10)] * 5)],
        ("calibrate", 87.5, 8, "75%"),
    ),
    (
        "RPE 9 is not hard",
        "squat",
        "kg",
        [session(*three(100, 8, 9, 9, 9))],
        ("progress", 102.5, 8, "3 sets of 8 done, so add 2.5 kg"),
    ),
    (
        "a failed rep in an earlier set does not count",
        "squat",
        "kg",
        [session((100, 8, None, True), (100, 8, None), (100, 8, None))],
        ("progress", 102.5, 8, "3 sets of 8 done"),
    ),
    (
        "bodyweight, hard: the same reps again",
        "pull_up",
        "kg",
        [session(*three(0, 10, 8, 9, 10))],
        ("repeat", 0, 10, "your last set was RPE 10, so 3×10 again"),
    ),
    # 3. every working set easy: two increments
    (
        "bench 3x8 60kg @6, @7, @7 adds two increments",
        "bench_press",
        "kg",
        [session(*three(60, 8, 6, 7, 7))],
        ("progress", 62.5, 8, "every working set felt easy (RPE 7 or less), so add 2 × 1.25 kg"),
    ),
    (
        "in pounds, two increments of 5 lb",
        "squat",
        "lb",
        [session(*three(225, 8, 7, 7, 7))],
        ("progress", 235, 8, "2 × 5 lb"),
    ),
    (
        "warm-ups without RPE do not matter",
        "bench_press",
        "kg",
        [session((20, 10, None), *three(60, 8, 6, 6, 6))],
        ("progress", 62.5, 8, "felt easy"),
    ),
    (
        "one working set at 7.5: one increment",
        "bench_press",
        "kg",
        [session(*three(60, 8, 6, 7, 7.5))],
        ("progress", 61.25, 8, "3 sets of 8 done, so add 1.25 kg"),
    ),
    (
        "one working set without RPE: one increment",
        "bench_press",
        "kg",
        [session(*three(60, 8, 6, None, 7))],
        ("progress", 61.25, 8, "3 sets of 8 done"),
    ),
    (
        "easy but short of 3x8: repeat",
        "bench_press",
        "kg",
        [session((60, 8, 6), (60, 8, 6), (60, 7, 7))],
        ("repeat", 60, 8, "same load"),
    ),
    (
        "bodyweight, easy: two more reps",
        "pull_up",
        "kg",
        [session(*three(0, 9, 6, 6, 7))],
        ("progress", 0, 11, "so 2 more reps each"),
    ),
    (
        "bodyweight, easy: never past 12 reps",
        "push_up",
        "kg",
        [session(*three(0, 11, 6, 6, 6))],
        ("progress", 0, 12, "so 1 more rep each"),
    ),
    (
        "bodyweight at 3x12, easy: two increments of load, back to 8",
        "dip",
        "kg",
        [session(*three(0, 12, 5, 5, 5))],
        ("progress", 2.5, 8, "add 2 × 1.25 kg and go back to 8 reps"),
    ),
    # no RPE, no words: the article's rules as before
    (
        "squat 3x8 100kg without RPE progresses as before",
        "squat",
        "kg",
        [session(*three(100, 8))],
        ("progress", 102.5, 8, "3 sets of 8 done, so add 2.5 kg"),
    ),
    (
        "squat 3x8 100kg 2 RIR (RPE 8) progresses as before",
        "squat",
        "kg",
        [session(*three(100, 8, 8, 8, 8))],
        ("progress", 102.5, 8, "3 sets of 8 done, so add 2.5 kg"),
    ),
]


@pytest.mark.parametrize(
    ("exercise", "unit", "history", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_effort_comes_before_the_articles_rules(
    exercise: str, unit: str, history: list[Session], expected: tuple
) -> None:
    rule, weight, reps, said = expected
    plan = next_plan(CATALOGUE[exercise], history, unit)  # type: ignore[arg-type]
    assert (plan.rule, plan.weight, plan.reps) == (rule, weight, reps)
    assert said in plan.reason
    assert bool(plan.advice) == (rule == "hold")


def test_a_hold_says_to_have_it_checked() -> None:
    plan = next_plan(CATALOGUE["squat"], [session(*three(100, 8), pain="knee hurt")], "kg")
    assert plan.advice == "knee hurt: have it checked"


# --- what a log's words say about a lift ----------------------------------------------------

PAIN = [
    ("squat 3x8 100kg, knee hurt", "knee hurt"),
    ("squat 3x8 100kg (knee hurts)", "knee hurts"),
    ("squat 3x8 100kg back tweaked", "back tweaked"),
    ("squat 3x8 100kg, tweaked my lower back", "tweaked my lower back"),
    ("squat 3x8 100kg, shoulder pain", "shoulder pain"),
    ("squat 3x8 100kg - pain in my left knee", "pain in my left knee"),
    ("squat 3x8 100kg, sore elbow", "sore elbow"),
    ("squat 3x8 100kg, felt a twinge", "twinge"),
    ("squat 3x8 100kg, something pinched", "pinched"),
    ("squat 3x8 100kg\nknee was hurting", "knee was hurting"),
    ("squat 3x8 100kg, knee’s fine, no pain", None),
    ("squat 3x8 100kg, no knee pain today", None),
    ("squat 3x8 100kg, knee didn't hurt", None),
    ("squat 3x8 100kg, shoulder pain free", None),
    ("squat 3x8 100kg, hurts so good", None),
    ("squat 3x8 100kg, no pain no gain", None),
    ("squat 3x8 100kg, quads sore", None),  # sore muscles are normal; a sore joint is not
    ("back squat 3x8 100kg", None),
    ("squat 3x8 100kg then back off 80kg 2x10", None),
]


@pytest.mark.parametrize(("text", "pain"), PAIN, ids=[t for t, _ in PAIN])
def test_pain_words(text: str, pain: str | None) -> None:
    assert read_notes(text).about("squat").pain == pain


FAILED = [
    ("squat 3x8 100kg, failed the last rep", True),
    ("squat 3x8 100kg (failed the last rep)", True),
    ("squat 3x8 100kg missed the 8th", True),
    ("squat 3x8 100kg, couldn’t finish the last set", True),
    ("squat 3x8 100kg, last set to failure", True),
    ("squat 3x8 100kg, didn't fail a rep", False),
    ("squat 3x8 100kg, never missed", False),
    ("squat 3x8 100kg, missed a workout last week", False),
    ("squat 3x8 100kg", False),
]


@pytest.mark.parametrize(("text", "failed"), FAILED, ids=[t for t, _ in FAILED])
def test_failure_words(text: str, failed: bool) -> None:
    assert read_notes(text).about("squat").failed is failed


def test_words_are_about_the_lift_they_are_written_with() -> None:
    notes = read_notes(
        "squat 3x8 100kg, knee hurt\nbench 3x8 60kg\nshoulder pain on the last set\n"
        "deadlift 3x5 140kg, failed the last rep"
    )
    assert notes.about("squat") == LiftNotes("knee hurt")
    assert notes.about("bench_press") == LiftNotes("shoulder pain")
    assert notes.about("deadlift") == LiftNotes(None, failed=True)
    assert notes.about("overhead_press") == LiftNotes()


def stored(
    reps: int, rpe: float | None = None, kind: str = "normal", message: int = 1
) -> StoredSet:
    return StoredSet("squat", MONDAY, 1, reps, 100, "kg", 100, False, rpe, message, kind)


def test_a_failure_set_of_an_imported_file_repeats() -> None:
    sets = [stored(8), stored(8), stored(8, kind="failure")]
    assert [p.rule for p in plans_in_order(sets, "kg", ["squat"])] == ["repeat"]


def test_a_failure_word_marks_only_its_logs_last_set_of_the_lift() -> None:
    sets = [stored(8), stored(8), stored(8, message=2)]
    failed = {1: "squat 2x8 100kg, failed the last rep", 2: "squat 100kg x8"}
    last = sessions_by_exercise(sets, "kg", failed)["squat"][-1]
    assert [s.failed for s in last.sets] == [False, True, False]
    assert next_plan(CATALOGUE["squat"], [last], "kg").rule == "progress"


def test_without_the_logs_texts_rpe_still_counts() -> None:
    """A reminder ping plans from the sets alone: RPE is read, the words are not."""
    sets = [stored(8, 10), stored(8, 10), stored(8, 10)]
    assert [p.rule for p in recent_plans(sets, "kg", MONDAY)] == ["repeat"]


RPE_FORMS = [
    ("squat 3x8 100kg @8", [8, 8, 8]),
    ("squat 3x8 100kg @10", [10, 10, 10]),
    ("squat 3x8 100kg rpe 9.5", [9.5] * 3),
    ("squat 3x8 100kg @ 2 RIR", [8, 8, 8]),
    ("squat 3x8 100kg 2 RIR", [8, 8, 8]),
    ("squat 3x8 100kg 0 RIR", [10, 10, 10]),
    ("squat 3x8 100kg 2 in the tank", [8, 8, 8]),
    ("squat 3x8 225# @9", [9, 9, 9]),
    ("bench 60kg 8@6, 8@7, 8@7", [6, 7, 7]),
    ("bench 60kg x8 @6, x8 @7, x8 @7", [6, 7, 7]),
    ("pull ups 3x10 bw @6", [6, 6, 6]),
    ("squat 3x8 100kg @ 8:30", [None] * 3),  # a time, not an RPE
    ("curl 3x10 @8", [None] * 3),  # no load named: 8 is the load
    ("bench 3x8 60kg @6, @8, @9", [6, 8, 9]),  # one mark a set, in order
    ("bench 3x8 60kg @6, @8", [None] * 3),  # two marks, three sets: which? none kept
]


@pytest.mark.parametrize(("text", "rpe"), RPE_FORMS, ids=[t for t, _ in RPE_FORMS])
def test_rpe_and_rir_are_kept_per_set(text: str, rpe: list[float | None]) -> None:
    entry = parse(text).entries[0]
    assert isinstance(entry, StrengthEntry)
    assert [s.rpe for s in entry.sets] == rpe


# --- end to end: the conversation service, on SQLite and PostgreSQL -------------------------

LOGS = [
    # what you type, the Next line of the reply
    (
        "squat 3x8 100kg @10",
        "Squat 3×8 @ 100 kg (repeat: your last set was RPE 10, so keep 100 kg)",
    ),
    (
        "bench 60kg x8 @6, x8 @7, x8 @7",
        "Bench press 3×8 @ 62.5 kg (progress: every working set felt easy (RPE 7 or less), "
        "so add 2 × 1.25 kg)",
    ),
    (
        "squat 3x8 100kg, knee hurt",
        "Squat 3×8 @ 100 kg ⚠️ knee hurt: have it checked (hold: you wrote “knee hurt”, "
        "so no increase for now)",
    ),
    (
        "squat 3x8 100kg (failed the last rep)",
        "Squat 3×8 @ 100 kg (repeat: you failed a rep in your last set, so keep 100 kg)",
    ),
    ("squat 3x8 100kg 2 RIR", "Squat 3×8 @ 102.5 kg (progress: 3 sets of 8 done, so add 2.5 kg)"),
    ("squat 3x8 100kg", "Squat 3×8 @ 102.5 kg (progress: 3 sets of 8 done, so add 2.5 kg)"),
]


@pytest.mark.parametrize(("text", "next_line"), LOGS, ids=[t for t, _ in LOGS])
async def test_the_reply_says_the_rule_and_why(ann: ChatUser, text: str, next_line: str) -> None:
    reply = await ann.say(text)
    assert f"Next: {next_line}" in reply.splitlines()


async def test_plan_shows_the_hold_and_its_advice(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg, knee hurt\nbench 3x8 60kg @6")
    plan = await ann.say("/plan", at="2026-11-24T09:00")
    assert "• Squat 3×8 @ 100 kg ⚠️ knee hurt: have it checked (hold)" in plan.splitlines()
    assert "• Bench press 3×8 @ 62.5 kg (progress)" in plan.splitlines()


async def test_pain_in_an_earlier_log_of_the_day_still_holds(ann: ChatUser) -> None:
    await ann.say("squat 3x5 60kg, knee hurt", at="2026-11-23T18:00")
    reply = await ann.say("squat 3x8 100kg", at="2026-11-23T18:20")
    assert "Next: Squat 3×8 @ 100 kg ⚠️ knee hurt: have it checked (hold" in reply


async def test_a_later_session_without_pain_progresses_again(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg, knee hurt", at="2026-11-23T18:00")
    reply = await ann.say("squat 3x8 100kg", at="2026-11-26T18:00")
    assert "Next: Squat 3×8 @ 102.5 kg (progress" in reply


async def test_editing_the_pain_away_lifts_the_hold(ann: ChatUser) -> None:
    await ann.send(ann.message("squat 3x8 100kg, knee hurt", message_id="m-1"))
    edited = ann.message("squat 3x8 100kg", message_id="m-1", edited=True)
    reply = "\n".join(r.text for r in (await ann.send(edited)).replies)
    assert "Next: Squat 3×8 @ 102.5 kg (progress" in reply


# --- end to end: `coach say` and `coach plan --json` ----------------------------------------


def coach(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    out = run_coach(["--db", db, *args], env=env)
    assert out.returncode == 0, out.stderr
    return out


def test_coach_plan_json_carries_each_rule_and_reason(db_url: str) -> None:
    for text in (
        "squat 3x8 100kg @10",
        "bench 60kg x8 @6, x8 @7, x8 @7",
        "deadlift 3x8 140kg, knee hurt",
        "ohp 3x8 40kg 2 RIR",
        "row 3x8 60kg",
    ):
        said = coach(db_url, "say", "--at", "2026-11-23T18:00", text).stdout
        assert "Next:" in said
    plan = json.loads(coach(db_url, "plan", "--json", "--at", "2026-11-24T09:00").stdout)
    got = {p["exercise"]: (p["rule"], p["weight"], p["reason"]) for p in plan["exercises"]}
    assert got == {
        "squat": ("repeat", 100, "your last set was RPE 10, so keep 100 kg"),
        "bench_press": (
            "progress",
            62.5,
            "every working set felt easy (RPE 7 or less), so add 2 × 1.25 kg",
        ),
        "deadlift": ("hold", 140, "you wrote “knee hurt”, so no increase for now"),
        "overhead_press": ("progress", 41.25, "3 sets of 8 done, so add 1.25 kg"),
        "barbell_row": ("progress", 61.25, "3 sets of 8 done, so add 1.25 kg"),
    }
