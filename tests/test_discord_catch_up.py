"""Discord delivers nothing twice, so what the bot missed is read back from the channels.

Through the real discord.py client against the stand-in Discord (tests/discord_fake.py),
on SQLite and PostgreSQL: DMs posted while the bot was away (a gateway resume, a restart)
or while the database was out of reach are recorded and answered once, nobody is asked to
send anything again, messages already stored are neither recorded nor answered twice, and
nothing older than the window (or from people not seen for a week) is read.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import discord
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.discord.client import CoachClient
from core.conversation.results import HandleResult
from core.conversation.service import FAILED, ConversationService
from core.messages import IncomingMessage
from storage.database import create_engine
from storage.models import Message, StrengthSet
from storage.unit_of_work import unit_of_work_factory
from tests.db_proxy import DatabaseProxy
from tests.discord_fake import (
    APP_ID,
    BOT_USER,
    CHANNEL_ID,
    GUILD_ID,
    TOKEN,
    Call,
    FakeDiscord,
    Gateway,
    guild_payload,
    message_payload,
    options,
    settle,
    snowflake,
    user,
)

ANN = user(770000000000000001, "ann")
BOB = user(770000000000000002, "bob")
ANN_DM = FakeDiscord.dm_channel_id(ANN["id"])
BOB_DM = FakeDiscord.dm_channel_id(BOB["id"])
SEND_AGAIN = "send it again"


class Bot:
    """The coach on the stand-in Discord; what people post is kept in its channel's history."""

    def __init__(self, client: CoachClient, fake: FakeDiscord) -> None:
        self.client = client
        self.fake = fake
        self.gateway = Gateway(client)

    async def dm(self, who: dict[str, Any], text: str, *, settled: bool = True, **kw: Any) -> None:
        data = message_payload(author=who, content=text, channel_id=_dm(who), **kw)
        await self._deliver(data, settled)

    async def mention(self, who: dict[str, Any], text: str) -> None:
        data = message_payload(
            author=who,
            content=f"<@{BOT_USER['id']}> {text}",
            channel_id=CHANNEL_ID,
            guild_id=GUILD_ID,
            mentions=[BOT_USER],
        )
        await self._deliver(data, True)

    async def _deliver(self, data: dict[str, Any], settled: bool) -> None:
        self.fake.posted(data)
        if settled:
            await self.gateway.send("MESSAGE_CREATE", data)
        else:  # the bot is left to it: the test decides when to wait
            self.client._connection.parsers["MESSAGE_CREATE"](data)

    async def resume(self, *, settled: bool = True) -> None:
        """The gateway reconnected and resumed its session (Discord replays nothing missed)."""
        if settled:
            await self.gateway.send("RESUMED", {})
        else:
            self.client._connection.parsers["RESUMED"]({})

    async def slash(self, who: dict[str, Any], name: str, **values: Any) -> list[Call]:
        data = {"id": str(snowflake()), "name": name, "type": 1, "options": options(**values)}
        payload = self.gateway.interaction(2, who, data)
        await self.gateway.send("INTERACTION_CREATE", payload)
        token = payload["token"]
        paths = (f"/interactions/{payload['id']}/{token}/callback", f"/webhooks/{APP_ID}/{token}")
        return [c for c in self.fake.calls if c.path in paths]

    def sent_to(self, channel_id: int) -> list[str]:
        posts = self.fake.to(f"/channels/{channel_id}/messages")
        return [c.text for c in posts if c.method == "POST"]

    def reads_of(self, channel_id: int) -> list[Call]:
        return [c for c in self.fake.to(f"/channels/{channel_id}/messages") if c.method == "GET"]

    async def close(self) -> None:
        await self.client.close()


def _dm(who: dict[str, Any]) -> int:
    return FakeDiscord.dm_channel_id(who["id"])


def ready_payload() -> dict[str, Any]:
    return {
        "v": 10,
        "user": BOT_USER,
        "guilds": [],
        "session_id": "session",
        "resume_gateway_url": "ws://127.0.0.1",
        "application": {"id": str(APP_ID), "flags": 0},
    }


async def start(service: Any, fake: FakeDiscord) -> Bot:
    """Start a bot process: log in, then READY and the server, as the gateway sends them."""
    client = CoachClient(service, guild_ready_timeout=0.05)
    await client.login(TOKEN)
    bot = Bot(client, fake)
    client._connection.parsers["READY"](ready_payload())
    await bot.gateway.send("GUILD_CREATE", guild_payload([BOT_USER, ANN, BOB]))
    await asyncio.wait_for(client.wait_until_ready(), 5)
    await settle()  # on_ready, and the catch-up it starts
    return bot


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    base = await fake.start()
    monkeypatch.setattr(discord.http.Route, "BASE", base)
    yield fake
    await fake.stop()


@pytest.fixture
async def bot(service: ConversationService, fake: FakeDiscord) -> AsyncIterator[Bot]:
    bot = await start(service, fake)
    yield bot
    await bot.close()


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """The database's patience and the catch-up's retries in tenths of a second."""
    monkeypatch.setattr("bot.discord.adapter.UNAVAILABLE_PATIENCE", 0.2)
    monkeypatch.setattr("bot.discord.adapter.UNAVAILABLE_BACKOFF", 0.05)
    monkeypatch.setattr("bot.discord.adapter.UNAVAILABLE_MAX_PAUSE", 0.05)
    monkeypatch.setattr("bot.discord.catch_up.RETRY_AFTER", 0.1)


async def stored(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        query = select(func.count()).select_from(Message).where(Message.platform == "discord")  # type: ignore[arg-type]
        return (await conn.execute(query)).scalar_one()


async def sets(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(StrengthSet))).scalar_one()


async def eventually(condition: Callable[[], bool], within: float = 5.0) -> None:
    for _ in range(int(within / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"still not so after {within} s")


# --- a gateway resume -------------------------------------------------------------------


async def test_dms_missed_while_disconnected_are_recorded_and_answered_once_after_a_resume(
    bot: Bot, engine: AsyncEngine
) -> None:
    await bot.dm(ANN, "squat 3x8 100kg")
    bot.fake.post_missed(ANN_DM, ANN, "bench 3x8 60kg")  # the gateway was down
    bot.fake.post_missed(ANN_DM, ANN, "deadlift 3x5 140kg")
    await bot.resume()
    await bot.resume()  # a second resume finds nothing new
    squat, bench, deadlift = bot.sent_to(ANN_DM)
    assert "Squat" in squat
    assert "Bench" in bench
    assert "Deadlift" in deadlift
    assert await stored(engine) == 3
    assert await sets(engine) == 3 + 3 + 3


async def test_a_mention_missed_in_a_channel_the_bot_was_mentioned_in_is_caught_up(
    bot: Bot, engine: AsyncEngine
) -> None:
    await bot.mention(ANN, "/help")
    bot.fake.post_missed(
        CHANNEL_ID,
        BOB,
        f"<@{BOT_USER['id']}> squat 3x8 80kg",
        guild_id=GUILD_ID,
        mentions=[BOT_USER],
    )
    bot.fake.post_missed(CHANNEL_ID, BOB, "lunch anyone?", guild_id=GUILD_ID)  # not for the bot
    await bot.resume()
    (bobs,) = bot.sent_to(BOB_DM)  # his own data, by DM as always
    assert "Squat" in bobs
    assert await stored(engine) == 2


async def test_a_message_refused_before_a_resume_is_not_refused_again(
    bot: Bot, engine: AsyncEngine
) -> None:
    await bot.dm(ANN, "squat 3x8 100kg")
    await bot.dm(ANN, "x" * 5000)  # refused unread, so not stored: read back after a resume
    await bot.resume()
    _, refused = bot.sent_to(ANN_DM)
    assert "over 4,096 characters" in refused
    assert await stored(engine) == 1


@pytest.mark.usefixtures("quick")
async def test_a_channel_the_bot_may_not_read_is_skipped_not_retried(
    bot: Bot, engine: AsyncEngine
) -> None:
    await bot.mention(ANN, "/help")
    await bot.dm(ANN, "squat 3x8 100kg")
    bot.fake.fail("GET", f"/channels/{CHANNEL_ID}/messages", 403, 50001, "Missing Access")
    bot.fake.post_missed(ANN_DM, ANN, "bench 3x8 60kg")
    await bot.resume(settled=False)
    await eventually(lambda: len(bot.sent_to(ANN_DM)) == 2)
    await asyncio.sleep(0.5)  # five retries' worth, were it retried
    assert "Bench" in bot.sent_to(ANN_DM)[-1]
    assert len(bot.reads_of(CHANNEL_ID)) == 1
    assert await stored(engine) == 3


# --- a restart ----------------------------------------------------------------------------


async def test_after_a_restart_dms_since_the_last_stored_one_are_caught_up_once(
    service: ConversationService, fake: FakeDiscord, engine: AsyncEngine
) -> None:
    first = await start(service, fake)
    await first.dm(ANN, "squat 3x8 100kg")
    await first.close()
    fake.post_missed(ANN_DM, ANN, "bench 3x8 60kg")  # while no process was running
    fake.post_missed(ANN_DM, ANN, "/plan")
    second = await start(service, fake)
    await second.close()
    squat, bench, plan = first.sent_to(ANN_DM)
    assert "Squat" in squat
    assert "Bench" in bench
    assert "Squat" in plan
    assert "Bench" in plan
    assert await stored(engine) == 3
    assert await sets(engine) == 3 + 3
    (read, *_) = second.reads_of(ANN_DM)
    assert read.query["limit"] == "100"


# --- the database out of reach ------------------------------------------------------------


class OutOfReach:
    """The real core, but "unavailable" (nothing written, nothing said) while `down`."""

    def __init__(self, service: ConversationService) -> None:
        self.service = service
        self.down = False
        self.refused = 0

    async def handle(self, message: IncomingMessage) -> HandleResult:
        if self.down:
            self.refused += 1
            return HandleResult((), "unavailable")
        return await self.service.handle(message)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.service, name)


@pytest.mark.usefixtures("quick")
async def test_dms_met_with_the_database_out_of_reach_are_recorded_and_answered_once_it_is_back(
    service: ConversationService, fake: FakeDiscord, engine: AsyncEngine
) -> None:
    core = OutOfReach(service)
    bot = await start(core, fake)
    try:
        await bot.dm(ANN, "squat 3x8 100kg")
        core.down = True
        await bot.dm(ANN, "bench 3x8 60kg", settled=False)
        await bot.dm(ANN, "deadlift 3x5 140kg", settled=False)
        # Well past the patience, and through a few catch-ups that met it still out.
        await eventually(lambda: core.refused >= 20)
        assert len(bot.sent_to(ANN_DM)) == 1
        core.down = False
        await settle()
    finally:
        await bot.close()
    _, bench, deadlift = bot.sent_to(ANN_DM)
    assert "Bench" in bench
    assert "Deadlift" in deadlift
    assert all(SEND_AGAIN not in text for text in bot.sent_to(ANN_DM))
    assert await stored(engine) == 3
    assert await sets(engine) == 9


@pytest.mark.usefixtures("quick")
async def test_postgresql_refusing_connections_loses_no_dm(
    db_url: str, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("a proxy cuts PostgreSQL's connections; SQLite has none")
    target = make_url(db_url)
    async with DatabaseProxy(target.host or "127.0.0.1", target.port or 5432) as proxy:
        via = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        engine = create_engine(via)
        bot = await start(ConversationService(unit_of_work_factory(engine)), fake)
        try:
            await bot.dm(ANN, "squat 3x8 100kg")
            await proxy.refuse()
            await bot.dm(ANN, "bench 3x8 60kg", settled=False)
            # Past the patience it is kept, and the catch-up cannot read the database yet.
            await eventually(lambda: "catch-up failed (StoreUnavailable" in caplog.text)
            assert "kept until the database is back" in caplog.text
            assert len(bot.sent_to(ANN_DM)) == 1
            await proxy.restore()
            await settle()
        finally:
            await bot.close()
        try:
            _, bench = bot.sent_to(ANN_DM)
            assert "Bench" in bench
            assert SEND_AGAIN not in bench
            assert await stored(engine) == 2
            assert await sets(engine) == 6
        finally:
            await engine.dispose()


@pytest.mark.usefixtures("quick")
async def test_a_slash_command_past_the_patience_is_asked_again(
    service: ConversationService, fake: FakeDiscord, engine: AsyncEngine
) -> None:
    core = OutOfReach(service)
    bot = await start(core, fake)
    try:
        core.down = True
        (answer, *_) = await bot.slash(ANN, "log", text="squat 3x8 100kg")
    finally:
        await bot.close()
    assert answer.content == FAILED.text  # no channel holds it to catch up from
    assert await stored(engine) == 0


# --- bounds ---------------------------------------------------------------------------------


async def test_nothing_older_than_the_window_is_read(
    service: ConversationService, fake: FakeDiscord, engine: AsyncEngine
) -> None:
    now = datetime.now(UTC)
    first = await start(service, fake)
    await first.dm(ANN, "squat 3x8 100kg", at=now - timedelta(days=3))
    await first.dm(BOB, "squat 3x8 80kg", at=now - timedelta(days=8))
    await first.close()
    fake.post_missed(ANN_DM, ANN, "bench 3x8 60kg", at=now - timedelta(hours=25))
    fake.post_missed(ANN_DM, ANN, "deadlift 3x5 140kg", at=now - timedelta(hours=23))
    fake.post_missed(BOB_DM, BOB, "bench 3x8 50kg", at=now - timedelta(hours=1))
    second = await start(service, fake)
    await second.close()
    _, deadlift = first.sent_to(ANN_DM)
    assert "Deadlift" in deadlift
    assert await stored(engine) == 3  # the two live ones and the deadlift
    (read,) = second.reads_of(ANN_DM)
    after = discord.utils.snowflake_time(int(read.query["after"]))
    assert now - timedelta(hours=24) <= after < now - timedelta(hours=23)
    assert second.reads_of(BOB_DM) == []  # Bob last wrote 8 days ago
    assert len(first.sent_to(BOB_DM)) == 1


async def test_at_most_so_many_channels_are_read_the_latest_writers_first(
    service: ConversationService, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.discord.catch_up.MAX_CHANNELS", 1)
    now = datetime.now(UTC)
    first = await start(service, fake)
    await first.dm(BOB, "squat 3x8 80kg", at=now - timedelta(hours=2))
    await first.dm(ANN, "squat 3x8 100kg", at=now - timedelta(hours=1))
    await first.close()
    second = await start(service, fake)
    try:
        assert len(second.reads_of(ANN_DM)) == 1
        assert second.reads_of(BOB_DM) == []
        await second.mention(ANN, "/help")  # a server channel to watch, and Ann still last
        await second.resume()
    finally:
        await second.close()
    assert len(second.reads_of(ANN_DM)) == 2
    assert second.reads_of(CHANNEL_ID) == []  # one channel a catch-up: her DM came first


# --- replies owed at a crash -------------------------------------------------------------


async def test_a_reply_owed_when_the_bot_died_goes_to_the_authors_dms_once_at_start(
    service: ConversationService, fake: FakeDiscord, engine: AsyncEngine
) -> None:
    # Stored with its reply, which never went out: the process died between the two.
    message = IncomingMessage(
        "discord", ANN["id"], str(snowflake()), "squat 3x8 100kg", datetime.now(UTC)
    )
    assert (await service.handle(message)).owed
    first = await start(service, fake)
    await eventually(lambda: len(first.sent_to(ANN_DM)) == 1)
    await asyncio.sleep(0.2)  # the answered mark is written
    await first.close()
    second = await start(service, fake)  # and again: it was marked answered
    await second.close()
    (reply,) = first.sent_to(ANN_DM)
    assert "102.5 kg" in reply
    assert await service.owed("discord", datetime.now(UTC) - timedelta(days=1), 10) == []
    assert await sets(engine) == 3
