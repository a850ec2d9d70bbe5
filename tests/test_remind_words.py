"""`/remind` in the words people use, through `coach say` as a person would type them.

Every message is sent `--at` Sunday 15 Nov 2026 10:00 (the user's timezone, UTC), so each
"Next: …" is that message's own next fire, not the wall clock's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.reminders.remind_syntax import Invalid, parse_remind
from tests.test_reminders_cli import coach, run_due

SUNDAY = "2026-11-15T10:00"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'coach.db'}"


def say(db: str, text: str, at: str = SUNDAY) -> str:
    """Return what `coach say` prints for `text` sent at `at`."""
    out = coach(db, "say", "--at", at, text)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def saved(kind: str, when: str, nxt: str) -> str:
    return f"⏰ {kind} reminder: {when} (UTC). Next: {nxt}. /reminders lists them all."


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        (
            "/remind me to lift mon thu 6pm",
            saved("Resistance", "Mon, Thu 18:00", "Mon 16 Nov 18:00"),
        ),
        ("/remind walk daily 12:30", saved("Walk", "Every day 12:30", "Sun 15 Nov 12:30")),
        (
            "/remind lift every weekday 6 pm",
            saved("Resistance", "Weekdays 18:00", "Mon 16 Nov 18:00"),
        ),
        ("/remind zone2 weekdays 18h", saved("Zone 2", "Weekdays 18:00", "Mon 16 Nov 18:00")),
        ("/remind walk weekends 18.00", saved("Walk", "Weekends 18:00", "Sun 15 Nov 18:00")),
        ("/remind hiit every monday 18:00", saved("HIIT", "Mon 18:00", "Mon 16 Nov 18:00")),
        (
            "/remind lift mondays and thursdays at 6:30pm",
            saved("Resistance", "Mon, Thu 18:30", "Mon 16 Nov 18:30"),
        ),
        ("/remind zone2 mon-fri noon", saved("Zone 2", "Weekdays 12:00", "Mon 16 Nov 12:00")),
        (
            "/remind zone2 tue to sat 07:30",
            saved("Zone 2", "Tue, Wed, Thu, Fri, Sat 07:30", "Tue 17 Nov 07:30"),
        ),
        (
            "/remind strength tuesdays 7 in the morning",
            saved("Resistance", "Tue 07:00", "Tue 17 Nov 07:00"),
        ),
        ("/remind hiit fri 6 p.m.", saved("HIIT", "Fri 18:00", "Fri 20 Nov 18:00")),
        (
            "/remind please remind me to go for a walk every day at noon",
            saved("Walk", "Every day 12:00", "Sun 15 Nov 12:00"),
        ),
    ],
)
def test_everyday_phrasings_set_the_reminder(db: str, typed: str, reply: str) -> None:
    assert say(db, typed) == reply


def asks(advice: str, example: str, *buttons: str) -> str:
    numbered = [f"  {i}) {label}" for i, label in enumerate(buttons, 1)]
    return "\n".join([f"On which days? {advice} Tap one, or type e.g. {example}", *numbered])


RESISTANCE = "The article suggests resistance training 2–3 times a week."
HIIT = "The article suggests HIIT 1–2 times a week."
WALK = "The article suggests moving every day."


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        (
            "/remind lift twice a week",
            asks(RESISTANCE, "/remind resistance mon,thu 18:00", "Mon, Thu 18:00"),
        ),
        (
            "/remind resistance 3 times a week at 6pm",
            asks(
                RESISTANCE,
                "/remind resistance mon,wed,fri 18:00",
                "Mon, Wed, Fri 18:00",
                "Mon, Thu 18:00",
            ),
        ),
        (
            "/remind hiit 2x a week 7am",
            asks(HIIT, "/remind hiit tue,fri 07:00", "Tue, Fri 07:00", "Fri 07:00"),
        ),
        (
            "/remind zone2 07:30",
            asks(
                "The article suggests Zone 2 3–4 times a week.",
                "/remind zone2 tue,wed,sat 07:30",
                "Tue, Wed, Sat 07:30",
                "Tue, Thu, Sat 07:30",
                "Tue, Wed, Fri, Sat 07:30",
            ),
        ),
        (
            "/remind walk",
            asks(WALK, "/remind walk daily 12:00", "Every day 12:00", "Weekdays 12:00"),
        ),
    ],
)
def test_no_days_named_offers_the_articles_days_as_buttons(db: str, typed: str, reply: str) -> None:
    assert say(db, typed) == reply
    assert "No reminders set" in say(db, "/reminders")  # asked, nothing saved yet


def test_a_tapped_day_button_sets_the_reminder_on_its_own(db: str) -> None:
    # The button's data is the whole command, so the tap needs nothing remembered.
    request = parse_remind("resistance 3 times a week at 6pm")
    assert isinstance(request, Invalid)
    tapped = request.choices[0].data
    assert tapped == "/remind resistance mon,wed,fri 18:00"
    assert say(db, tapped) == saved("Resistance", "Mon, Wed, Fri 18:00", "Mon 16 Nov 18:00")


KINDS = "Kinds: resistance, zone2, hiit, walk, summary, nudge."
AS = "as a day or a time, e.g."


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        (
            "/remind yoga mon 6pm",
            f"I don't know the reminder 'yoga'. {KINDS} e.g. /remind resistance mon 18:00",
        ),
        ("/remind lift mon thu 6", f"I couldn't read '6' {AS} /remind resistance mon,thu 18:00"),
        (
            "/remind walk every other day 9am",
            f"I couldn't read 'other' {AS} /remind walk daily 09:00",
        ),
        (
            "/remind lift mon 6pm 7pm",
            "One time per reminder, please, e.g. /remind resistance mon 18:00",
        ),
        (
            "/remind lift hiit fri 7am",
            "One kind per reminder, please, e.g. /remind resistance fri 07:00",
        ),
        ("/remind walk mon", "At what time? e.g. /remind walk mon 12:00"),
        (
            "/remind lift 9 times a week",
            "At most once a day, e.g. /remind resistance mon,thu 18:00",
        ),
        ("/remind 6pm mon", f"Which reminder? {KINDS} e.g. /remind resistance mon 18:00"),
    ],
)
def test_what_is_not_understood_gets_one_line_and_changes_nothing(
    db: str, typed: str, reply: str
) -> None:
    assert say(db, typed) == reply  # one line: no newline in it
    assert "No reminders set" in say(db, "/reminders")


def test_at_governs_next_in_the_reply_and_the_listing(db: str) -> None:
    thursday = "2026-11-19T10:00"
    assert say(db, "/remind lift mon thu 6pm", at=thursday) == saved(
        "Resistance", "Mon, Thu 18:00", "Thu 19 Nov 18:00"
    )
    assert "• Resistance: Mon, Thu 18:00, next Thu 19 Nov 18:00" in say(
        db, "/reminders", at=thursday
    )
    assert "• Resistance: Mon, Thu 18:00, next Mon 16 Nov 18:00" in say(db, "/reminders")


def test_a_walk_is_listed_turned_off_alone_and_brings_no_nudge(db: str) -> None:
    say(db, "/remind walk daily 12:30")
    assert say(db, "/reminders") == (
        "Your reminders (UTC):\n"
        "• Walk: Every day 12:30, next Sun 15 Nov 12:30\n"
        "Change: /remind zone2 tue 07:30 · Stop: /remind off zone2 · /remind off"
    )
    say(db, "/remind lift mon thu 6pm")
    listing = say(db, "/reminders")
    assert "• Walk: Every day 12:30, next Sun 15 Nov 12:30" in listing
    assert "• Mid-week nudge" in listing  # the resistance reminder brought it
    assert say(db, "/remind off walk") == "Walk reminders are off."
    listing = say(db, "/reminders")
    assert "Walk" not in listing
    assert "• Resistance: Mon, Thu 18:00, next Mon 16 Nov 18:00" in listing


def test_a_due_walk_ping_says_to_move(db: str, tmp_path: Path) -> None:
    say(db, "/remind walk daily 12:30")
    returncode, out, err = run_due(db, tmp_path / "coach.db", "walk")
    assert returncode == 0, err
    assert "🚶 Time to move: a walk, the stairs, some gardening" in out
    assert "Log a walk, e.g. `walk 30 min`" in out
    assert "1) Done" in out
