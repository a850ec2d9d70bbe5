"""Any name and text the platforms allow fits, on SQLite and PostgreSQL alike.

Telegram: first and last names of up to 64 characters each (129 with the space), usernames
of up to 32, texts of up to 4096 UTF-16 code units; user and chat ids of up to 52 bits
(supergroups: -100 before the id), message ids 32-bit. Discord: usernames, global names
and server nicknames of up to 32 characters, messages of up to 2000 (4000 with Nitro),
ids 64-bit snowflakes. JSON may carry what no database stores: NUL, other control
characters and lone UTF-16 surrogates (`"\\ud800"`). Each arrives through the real library
over real HTTP (Telegram) or the client's own gateway parser (Discord), and is answered
normally and stored.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.bootstrap import Coach
from bot.platform_text import (
    MAX_DISPLAY_NAME,
    MAX_EXTERNAL_ID,
    MAX_MESSAGE_ID,
    clean_name,
    clean_text,
    fit_id,
)
from bot.telegram.app import TelegramBot
from bot.telegram.config import TelegramConfig
from core.conversation.service import FAILED, ConversationService
from storage.models import Identity, Message
from tests.discord_fake import BOT_USER, CHANNEL_ID, GUILD_ID, FakeDiscord, message_payload, user
from tests.telegram_fake import BOT_USERNAME, TOKEN, FakeBotAPI
from tests.test_discord import Bot, start_bot

TELEGRAM_MAX_ID = 2**52 - 1
SUPERGROUP = -(10**12) - TELEGRAM_MAX_ID  # -100 in front of a 52-bit id
MAX_MESSAGE = 2**31 - 1
LOG = "squat 3x8 100kg"

# (first name, last name, the display name stored)
TELEGRAM_NAMES = [
    ("a" * 64, "b" * 64, "a" * 64 + " " + "b" * 63),
    ("💪" * 64, "🔥" * 64, "💪" * 64 + " " + "🔥" * 63),
    ("Zoë" * 21 + "é", "Ñ" * 64, ("Zoë" * 21 + "é" + " " + "Ñ" * 64)[:128]),
    ("An\x00n", "Smith\x00", "Ann Smith"),
    ("An\ud800n", "\udfffSmith", "An\ufffdn \ufffdSmith"),
    ("Ann\nMarie", "\tSmith\x07\x1b[31m", "Ann Marie Smith[31m"),
    ("a" * 63, "👨\u200d👩\u200d👧", "a" * 63 + " 👨\u200d👩\u200d👧"),
    ("a" * 64, "b" * 61 + "👨\u200d👩", "a" * 64 + " " + "b" * 61 + "👨"),
    ("\x00\x01", None, None),
]

# (what was typed, what is stored)
TELEGRAM_TEXTS = [
    (LOG + "\x00", LOG),
    (LOG + " \ud800", LOG + " \ufffd"),
    (LOG + " 💪🏽", LOG + " 💪🏽"),
    (LOG + "\x1b\x07\n(easy)", LOG + "\n(easy)"),
    (LOG + "\x0bbench 3x5 60kg", LOG + "\nbench 3x5 60kg"),  # a separator stays a break
    (LOG + "\n" + "💪" * 2040, LOG + "\n" + "💪" * 2040),  # 4096 UTF-16 code units
]


def test_the_limits_are_the_columns() -> None:
    def length(model: Any, column: str) -> int:
        return int(model.__table__.c[column].type.length)

    assert length(Identity, "display_name") == MAX_DISPLAY_NAME
    assert length(Identity, "external_id") == MAX_EXTERNAL_ID
    assert length(Message, "platform_message_id") == MAX_MESSAGE_ID


def test_cleaning_keeps_what_is_storable_as_it_is() -> None:
    assert clean_text("squat 3x8 100kg\n(easy) 💪🏽") == "squat 3x8 100kg\n(easy) 💪🏽"
    assert clean_name("Ann  Smith") == "Ann Smith"
    assert clean_name("") is None
    assert fit_id("123:456") == "123:456"
    long = fit_id("cb:-1001234:" + "9" * 200)
    assert len(long) == MAX_MESSAGE_ID
    assert long.startswith("cb:-1001234:")
    assert long == fit_id("cb:-1001234:" + "9" * 200)
    assert long != fit_id("cb:-1001234:" + "9" * 199 + "8")


# --- Telegram ------------------------------------------------------------------------


@pytest.fixture
async def telegram(api: FakeBotAPI, coach: Coach) -> AsyncIterator[FakeBotAPI]:
    bot = TelegramBot(coach.service, TelegramConfig(TOKEN, api.base_url), poll_timeout=1)
    stop = asyncio.Event()
    assert await bot.start(stop)
    task = asyncio.create_task(bot.run(stop))
    yield api
    stop.set()
    await asyncio.wait_for(task, 10)
    await bot.stop()


async def rows(coach: Coach, query: str, **params: object) -> list[tuple[Any, ...]]:
    async with coach.engine.connect() as conn:
        return [tuple(r) for r in (await conn.execute(text(query), params)).all()]


def answered_normally(reply: str) -> bool:
    return reply != FAILED.text and "Sorry" not in reply


async def test_telegram_names_at_every_limit_are_answered_and_stored(
    telegram: FakeBotAPI, coach: Coach
) -> None:
    for n, (first, last, _) in enumerate(TELEGRAM_NAMES):
        telegram.message(
            TELEGRAM_MAX_ID - n, LOG, first_name=first, last_name=last, username="a" * 32
        )
    for n in range(len(TELEGRAM_NAMES)):
        [reply] = await telegram.wait_sent(1, chat_id=TELEGRAM_MAX_ID - n, within=20)
        assert answered_normally(reply)
        assert "102.5 kg" in reply
    stored = dict(
        await rows(
            coach, "SELECT external_id, display_name FROM identities WHERE platform = 'telegram'"
        )
    )
    for n, (_, _, expected) in enumerate(TELEGRAM_NAMES):
        assert stored[str(TELEGRAM_MAX_ID - n)] == expected
    assert await rows(coach, "SELECT count(*) FROM strength_sets") == [(3 * len(TELEGRAM_NAMES),)]


async def test_telegram_texts_at_every_limit_are_answered_and_stored(
    telegram: FakeBotAPI, coach: Coach
) -> None:
    for n, (typed, _) in enumerate(TELEGRAM_TEXTS):
        telegram.message(1000 + n, typed)
    for n in range(len(TELEGRAM_TEXTS)):
        [reply] = await telegram.wait_sent(1, chat_id=1000 + n, within=20)
        assert answered_normally(reply)
    stored = dict(await rows(coach, "SELECT platform_message_id, text FROM messages"))
    assert sorted(stored.values()) == sorted(kept for _, kept in TELEGRAM_TEXTS)


async def test_telegram_ids_at_their_limits_are_answered_and_stored(
    telegram: FakeBotAPI, coach: Coach
) -> None:
    mention = f"@{BOT_USERNAME} {LOG}"
    telegram.message(
        TELEGRAM_MAX_ID,
        mention,
        chat_id=SUPERGROUP,
        chat_type="supergroup",
        message_id=MAX_MESSAGE,
        first_name="a" * 64,
        last_name="b" * 64,
    )
    await telegram.wait_sent(1, chat_id=SUPERGROUP, within=20)
    [reply] = await telegram.wait_sent(1, chat_id=TELEGRAM_MAX_ID, within=20)
    assert "102.5 kg" in reply
    # A tap whose query id is longer than Telegram ever sends: it still fits its column.
    telegram.push(
        {
            "callback_query": {
                "id": "7" * 300,
                "from": {"id": TELEGRAM_MAX_ID, "is_bot": False, "first_name": "a" * 64},
                "chat_instance": "ci",
                "data": "/help",
            }
        }
    )
    await telegram.wait_sent(2, chat_id=TELEGRAM_MAX_ID, within=20)
    assert answered_normally(telegram.texts(TELEGRAM_MAX_ID)[-1])
    keys = [key for (key,) in await rows(coach, "SELECT platform_message_id FROM messages")]
    assert f"{SUPERGROUP}:{MAX_MESSAGE}" in keys
    assert all(len(key) <= MAX_MESSAGE_ID for key in keys)
    assert len(keys) == 2


# --- Discord -------------------------------------------------------------------------


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await fake.start())
    yield fake
    await fake.stop()


@pytest.fixture
async def bot(service: ConversationService, fake: FakeDiscord) -> AsyncIterator[Bot]:
    bot = await start_bot(service, fake)
    yield bot
    await bot.client.close()


DISCORD_MAX_ID = 2**63 - 1

# (username, global name, the display name stored)
DISCORD_NAMES = [
    ("a" * 32, "G" * 32, "G" * 32),
    ("emoji", "💪" * 32, "💪" * 32),
    ("nul", "An\x00n", "Ann"),
    ("surrogate", "An\ud800n", "An\ufffdn"),
    ("control", "Ann\n\x1b", "Ann"),
]


async def identities(engine: AsyncEngine) -> dict[str, str | None]:
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT external_id, display_name FROM identities WHERE platform = 'discord'")
        )
        return dict(found.all())


async def test_discord_global_names_at_every_limit_are_answered_and_stored(
    bot: Bot, engine: AsyncEngine
) -> None:
    for n, (name, global_name, _) in enumerate(DISCORD_NAMES):
        who = {**user(DISCORD_MAX_ID - n, name), "global_name": global_name}
        await bot.dm(who, LOG)
        [reply] = bot.dms_to(who)
        assert "Next: Squat 3×8 @ 102.5 kg" in reply.content
    stored = await identities(engine)
    for n, (_, _, expected) in enumerate(DISCORD_NAMES):
        assert stored[str(DISCORD_MAX_ID - n)] == expected


async def test_discord_nicknames_and_texts_at_every_limit_are_answered_and_stored(
    bot: Bot, engine: AsyncEngine
) -> None:
    nicks = ["N" * 32, "💪" * 32, "Ni\x00ck\ud800"]
    for n, nick in enumerate(nicks):
        who = user(760000000000000000 + n, "member")
        mentions = [BOT_USER]
        data = message_payload(
            author=who,
            content=f"<@{BOT_USER['id']}> /help\x00\ud800",
            channel_id=CHANNEL_ID,
            guild_id=GUILD_ID,
            mentions=mentions,
        )
        data["member"] = {**data["member"], "nick": nick}
        await bot.gateway.send("MESSAGE_CREATE", data)
    replies = bot.sent_to(CHANNEL_ID)
    assert len(replies) == len(nicks)
    assert all(answered_normally(r.content) for r in replies)
    stored = await identities(engine)
    assert [stored[str(760000000000000000 + n)] for n in range(3)] == [
        "N" * 32,
        "💪" * 32,
        "Nick\ufffd",
    ]
    longest = "squat 3x8 100kg\n" + "💪" * 3984  # 4000 characters, a Nitro message
    who = user(DISCORD_MAX_ID, "nitro")
    await bot.dm(who, longest)
    [reply] = bot.dms_to(who)
    assert answered_normally(reply.content)
    async with engine.connect() as conn:
        texts = (await conn.execute(text("SELECT text FROM messages"))).scalars().all()
    assert "/help\ufffd" in texts
    assert longest in texts
