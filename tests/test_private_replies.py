"""Which replies are private: every one showing the person's own data or carrying their button.

A private reply goes to the person alone (their private chat, a DM, an ephemeral answer),
so in a group nobody else reads it or taps its buttons. The table is the audit of the
commands: what each is sent after, and a phrase of the answer that must be private.
"""

from __future__ import annotations

import pytest

from tests.conftest import ChatUser

LOGGED = ("squat 3x8 100kg",)

PRIVATE = [
    # (what the person sent before, the command, a phrase of its private answer)
    (LOGGED, "/undo", "Remove your last log"),
    ((), "/undo", "nothing to undo"),
    (LOGGED, "/undo yes", "Undone"),
    ((), "/undo yes", "already gone"),
    ((), "/undo no", "Kept"),
    ((), "/reminders", "No reminders set"),
    (("/remind zone2 mon 18:00",), "/reminders", "Your reminders"),
    ((), "/remind zone2 tue 07:30", "Zone 2 reminder"),
    ((), "/remind defaults", "Your reminders"),
    (("/remind zone2 mon 18:00",), "/remind off zone2", "reminders are off"),
    ((), "/remind off zone2", "You had no"),
    ((), "/remind off", "All reminders are off"),
    (LOGGED, "/delete", "deletes everything"),
    ((), "/delete cancel", "Kept"),
    ((), "/link", "Your link code"),
    (LOGGED, "/export", "Your training history"),
    (LOGGED, "/plan", "Next session"),
    ((), "/plan", "No lifts logged"),
    (LOGGED, "/week", "This week"),
    (LOGGED, "/history squat", "Squat, last session"),
    ((), "/history squat", "No squat logged"),
    (LOGGED, "/chart squat", "Squat: 1 session"),
    ((), "/chart squat", "nothing to chart"),
    (LOGGED, "/chart week", "Your last"),
    ((), "/profile", "Age: not set"),
    ((), "/profile age 62", "Age: 62"),
    ((), "/timezone", "Your timezone is UTC"),
    ((), "/equipment", "No equipment set"),
    ((), "/equipment bar 20 plates 20,10,5", "Saved"),
    (("/equipment bar 20 plates 20,10,5",), "/equipment", "Your equipment"),
    ((), "/equipment reset", "plain rounding"),
    ((), "/forget notation", "Forgotten"),
    ((), "/forget squat", "no name"),
    ((), "/log no", "nothing recorded"),
    (("/profile age 62",), "/ask what is zone 2 for me?", "For you (age 62)"),
    (("/profile weight 80kg",), "/ask how much protein do I need?", "protein"),
    (LOGGED, "squat 3x8 102.5kg", "Next: Squat"),
]

PUBLIC = [
    # Nothing of the person's in these: they may be answered where they were asked.
    ((), "/help", "/plan"),
    ((), "/ask how heavy should I lift?", "6–10 reps"),
    ((), "/ask what is zone 2?", "Tell me your age"),
    ((), "/history", "Which lift?"),
    ((), "/remind zone2 someday", "couldn't read"),
    ((), "/nonsense", "I don't know /nonsense"),
]


@pytest.mark.parametrize(("before", "command", "phrase"), PRIVATE)
async def test_a_reply_about_the_person_is_private(
    ann: ChatUser, before: tuple[str, ...], command: str, phrase: str
) -> None:
    for text in before:
        await ann.say(text)
    await ann.say(command)
    assert ann.replies
    assert phrase.lower() in "\n".join(r.text for r in ann.replies).lower()
    assert [r.private for r in ann.replies] == [True] * len(ann.replies)


@pytest.mark.parametrize(("before", "command", "phrase"), PUBLIC)
async def test_a_reply_with_nothing_of_the_person_may_stay_in_the_group(
    ann: ChatUser, before: tuple[str, ...], command: str, phrase: str
) -> None:
    for text in before:
        await ann.say(text)
    await ann.say(command)
    assert phrase in "\n".join(r.text for r in ann.replies)
    assert not any(r.private for r in ann.replies)


async def test_an_offer_to_log_a_questions_sets_is_private_and_the_answer_is_not(
    ann: ChatUser,
) -> None:
    await ann.say("my knee hurts after squats 3x8 100kg, what should I do?")
    answer, offer = ann.replies[:2]
    assert "Log them?" in offer.text
    assert not answer.private  # the knowledge base's answer: nothing of hers
    assert offer.private  # her message's buttons: hers alone
    assert offer.choices


async def test_a_personal_answer_to_a_typed_question_is_private(ann: ChatUser) -> None:
    await ann.say("/profile age 62")
    await ann.say("what is zone 2 for me?")
    assert "For you (age 62)" in ann.replies[0].text
    assert ann.replies[0].private
