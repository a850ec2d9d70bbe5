"""Private stays private in a Telegram group: the group sees a pointer, the person the rest.

Through the real python-telegram-bot and real HTTP to the stand-in Bot API
(tests/telegram_fake.py): Ann asks in the group, her answer (text, buttons, picture or
file) arrives in her private chat, a tap there works, and Bob's tap on a button of hers
gets a notice and changes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import text

from bot.bootstrap import Coach
from bot.telegram.app import TelegramBot
from bot.telegram.config import TelegramConfig
from bot.telegram.outbox import SENT_PRIVATELY
from core.conversation.ownership import NOT_OPEN, NOT_YOURS
from tests.telegram_fake import T0, TOKEN, FakeBotAPI

GROUP = -100900
ANN, BOB = 41, 42
SENDS = ("sendMessage", "sendPhoto", "sendDocument")
LOGGED = ("squat 3x8 100kg",)


@pytest.fixture
async def bot(api: FakeBotAPI, coach: Coach) -> AsyncIterator[TelegramBot]:
    bot = TelegramBot(coach.service, TelegramConfig(TOKEN, api.base_url), poll_timeout=2)
    stop = asyncio.Event()
    assert await bot.start(stop)
    task = asyncio.create_task(bot.run(stop))
    yield bot
    stop.set()
    await asyncio.wait_for(task, 10)
    await bot.stop()


def said_to(api: FakeBotAPI, chat: int) -> list[str]:
    """Return the text or caption of everything the bot sent to `chat`, in order."""
    return [
        c.params.get("text") or c.params.get("caption") or ""
        for c in api.calls
        if c.method in SENDS and str(c.params.get("chat_id")) == str(chat)
    ]


def buttons_to(api: FakeBotAPI, chat: int) -> dict[str, str]:
    """Return label -> data of the buttons of the last message with buttons sent to `chat`."""
    asked = [c for c in api.sent(chat_id=chat) if "reply_markup" in c.params][-1]
    rows = asked.params["reply_markup"]["inline_keyboard"]
    return {b["text"]: b["callback_data"] for row in rows for b in row}


def bot_message(api: FakeBotAPI, chat: int, message_id: int) -> dict[str, Any]:
    """Return the bot's message a button sits on (what a tap carries back)."""
    kind = "private" if chat > 0 else "supergroup"
    return {"message_id": message_id, "date": T0, "chat": {"id": chat, "type": kind}}


async def until(api: FakeBotAPI, chat: int, phrase: str) -> None:
    await api.wait_for(lambda: any(phrase in t for t in said_to(api, chat)), within=15)


async def settled(api: FakeBotAPI) -> None:
    """Wait until every update so far is confirmed and nothing more is being sent."""
    last = api.updates[-1]["update_id"]
    await api.wait_for(lambda: api.confirmed > last, within=15)
    count = -1
    while count != len(api.calls):
        count = len(api.calls)
        await asyncio.sleep(0.3)


async def in_private(api: FakeBotAPI, who: int, *texts: str) -> None:
    for sent in texts:
        before = len(said_to(api, who))
        api.message(who, sent)
        await api.wait_for(lambda: len(said_to(api, who)) > before, within=15)  # noqa: B023


async def sets_of(coach: Coach, who: int) -> list[tuple[Any, ...]]:
    async with coach.engine.connect() as conn:
        query = text(
            "SELECT s.exercise, s.reps, s.weight FROM strength_sets s "
            "JOIN identities i ON i.user_id = s.user_id JOIN messages m ON m.id = s.message_id "
            "WHERE i.external_id = :who AND NOT m.undone ORDER BY s.id"
        )
        return [tuple(row) for row in await conn.execute(query, {"who": str(who)})]


@pytest.mark.parametrize(
    ("before", "command", "phrase"),
    [
        (LOGGED, "/undo", "Remove your last log, “squat 3x8 100kg”"),
        (("/remind zone2 mon 18:00",), "/reminders", "Your reminders"),
        ((), "/remind zone2 tue 07:30", "Zone 2 reminder"),
        (("/remind zone2 mon 18:00",), "/remind off zone2", "reminders are off"),
        (LOGGED, "/delete", "deletes everything"),
        ((), "/link", "Your link code"),
        (LOGGED, "/export", "Your training history"),
        (LOGGED, "/plan", "Next session"),
        (LOGGED, "/history squat", "Squat, last session"),
        (LOGGED, "/chart squat", "Squat: 1 session"),
        (LOGGED, "/chart week", "Your last"),
        (LOGGED, "/week", "This week"),
        (("/profile age 62",), "/profile", "Age: 62"),
        ((), "/equipment", "No equipment set"),
        ((), "/timezone", "Your timezone is"),
        (("/profile age 62",), "/ask what is zone 2 for me?", "For you (age 62)"),
    ],
)
async def test_in_a_group_the_group_sees_a_pointer_and_the_person_the_answer(
    api: FakeBotAPI, bot: TelegramBot, before: tuple[str, ...], command: str, phrase: str
) -> None:
    await in_private(api, ANN, *before)
    earlier = len(said_to(api, ANN))
    api.message(ANN, command, chat_id=GROUP, chat_type="supergroup")
    await until(api, GROUP, SENT_PRIVATELY)
    await settled(api)
    assert any(phrase in said for said in said_to(api, ANN)[earlier:])
    assert said_to(api, GROUP) == [SENT_PRIVATELY]
    assert not [c for c in api.calls if c.method in SENDS[1:] and int(c.params["chat_id"]) < 0]


async def test_undo_asked_in_a_group_is_answered_and_tapped_in_private(
    api: FakeBotAPI, bot: TelegramBot, coach: Coach
) -> None:
    await in_private(api, ANN, "squat 3x8 100kg", "bench 3x8 60kg")
    api.message(ANN, "/undo", chat_id=GROUP, chat_type="supergroup")
    await until(api, ANN, "Remove your last log, “bench 3x8 60kg”")
    yes = buttons_to(api, ANN)["Yes, undo"]
    api.tap(ANN, yes, on=bot_message(api, ANN, 700))  # in her private chat
    await until(api, ANN, "Undone: “bench 3x8 60kg”")
    await settled(api)
    assert said_to(api, GROUP) == [SENT_PRIVATELY]
    assert await sets_of(coach, ANN) == [("squat", 8, 100.0)] * 3
    removed = [c.params for c in api.sent("editMessageReplyMarkup")]
    assert [(int(p["chat_id"]), int(p["message_id"])) for p in removed] == [(ANN, 700)]


async def test_someone_elses_undo_button_in_a_group_changes_nothing(
    api: FakeBotAPI, bot: TelegramBot, coach: Coach
) -> None:
    # A prompt posted in the group before this change: its button names Ann's log.
    await in_private(api, ANN, "squat 3x8 100kg")
    api.message(ANN, "/undo", chat_id=GROUP, chat_type="supergroup")
    await until(api, ANN, "Remove your last log")
    yes = buttons_to(api, ANN)["Yes, undo"]
    api.tap(BOB, yes, on=bot_message(api, GROUP, 701))
    await until(api, GROUP, NOT_YOURS.text)
    await settled(api)
    assert await sets_of(coach, ANN) == [("squat", 8, 100.0)] * 3
    assert not said_to(api, BOB)
    api.tap(ANN, yes, on=bot_message(api, GROUP, 701))  # hers still works
    await until(api, ANN, "Undone")
    assert await sets_of(coach, ANN) == []


async def test_someone_elses_onboarding_button_in_a_group_changes_nothing(
    api: FakeBotAPI, bot: TelegramBot, coach: Coach
) -> None:
    api.message(ANN, "@coach_test_bot hi", chat_id=GROUP, chat_type="supergroup")
    await until(api, GROUP, "kilograms or pounds")  # a question with nothing of hers in it
    lb = buttons_to(api, GROUP)["lb"]
    api.tap(BOB, lb, on=bot_message(api, GROUP, 702))
    await until(api, GROUP, NOT_OPEN.text)
    await settled(api)
    async with coach.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT i.external_id, u.units, u.onboarding_step FROM users u "
                "JOIN identities i ON i.user_id = u.id ORDER BY i.external_id"
            )
        )
        assert [tuple(r) for r in rows] == [(str(ANN), "kg", "units"), (str(BOB), "kg", None)]
    api.tap(ANN, lb, on=bot_message(api, GROUP, 702))  # hers still works
    await until(api, GROUP, "timezone")


async def test_someone_elses_tap_leaves_the_buttons(api: FakeBotAPI, bot: TelegramBot) -> None:
    api.message(ANN, "@coach_test_bot hi", chat_id=GROUP, chat_type="supergroup")
    await until(api, GROUP, "kilograms or pounds")
    api.tap(BOB, buttons_to(api, GROUP)["lb"], on=bot_message(api, GROUP, 703))
    await until(api, GROUP, NOT_OPEN.text)
    await settled(api)
    assert api.sent("editMessageReplyMarkup") == []
