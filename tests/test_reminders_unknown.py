"""A ping whose answer never came back is not sent again; one that certainly failed is.

Through the real python-telegram-bot (our aiohttp client and rate limiter) against the
stand-in Bot API, and the real discord.py against the stand-in Discord: the request
arrives, then its answer comes after the bot's read timeout, or the connection is cut.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import aiohttp
import discord
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.discord.notifier import DiscordNotifier
from bot.discord.notifier import answer_lost as discord_answer_lost
from bot.observability import Health, Metrics, http_app
from bot.scheduler import drain
from bot.telegram.notifier import answer_lost as telegram_answer_lost
from core.messages import Reply
from core.reminders.notifier import DeliveryUnknown
from storage.reminder_dispatch import SqlDispatchStore
from tests.discord_fake import TOKEN as DISCORD_TOKEN
from tests.discord_fake import Call, FakeDiscord, user
from tests.reminder_people import add_people, received, statuses, telegram_notifier
from tests.telegram_fake import FakeBotAPI

DUE = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)  # a Monday, 18:00 UTC
PEOPLE = 20
SLOW = 12  # of them, whose answer comes after the bot's read timeout
READ_TIMEOUT = 0.3  # the bot's (5 s in production)
# A round at the due minute, then past each retry delay (1 and 5 minutes) and beyond.
ROUNDS = [timedelta(minutes=m) for m in (0, 1, 2, 6, 7, 12, 30, 90)]


def at(instant: datetime) -> Callable[[], datetime]:
    return lambda: instant


async def metrics_page(engine: AsyncEngine, metrics: Metrics) -> str:
    """Return what GET /metrics answers."""
    async with TestClient(TestServer(http_app(Health(engine), metrics))) as client:
        return await (await client.get("/metrics")).text()


async def test_a_send_whose_answer_times_out_is_never_repeated_and_is_counted(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    chats = [8000 + n for n in range(PEOPLE)]
    await add_people(engine, dict.fromkeys(chats, DUE))
    metrics, store = Metrics(), SqlDispatchStore(engine)
    caplog.set_level(logging.WARNING, logger="core.reminders.dispatch")
    async with FakeBotAPI() as api:
        for chat in chats[:SLOW]:
            api.slow_chats[chat] = READ_TIMEOUT * 3
        async with telegram_notifier(api, read_timeout=READ_TIMEOUT) as notifier:
            for after in ROUNDS:  # what run_dispatcher's tick does, at these instants
                stats = await drain(store, {"telegram": notifier}, clock=at(DUE + after))
                metrics.reminder_round(stats)
        got = received(api, chats)
    assert got == dict.fromkeys(chats, 1)  # everyone once: the slow ones' pings did arrive
    found = await statuses(engine)
    assert Counter(found.values()) == {"unknown": SLOW, "sent": PEOPLE - SLOW}
    assert {chat for chat, status in found.items() if status == "unknown"} == set(chats[:SLOW])
    page = await metrics_page(engine, metrics)
    assert f"coach_reminders_unknown_total {SLOW}.0" in page
    assert f"coach_reminders_sent_total {PEOPLE - SLOW}.0" in page
    assert "coach_reminders_dropped_total 0.0" in page
    logged = [r.getMessage() for r in caplog.records if "got no answer" in r.getMessage()]
    assert len(logged) == SLOW  # once each
    assert all("TimeoutError" in line for line in logged)


async def test_a_cut_connection_is_unknown_and_certain_failures_are_retried(
    engine: AsyncEngine,
) -> None:
    failing, cut = [8100, 8101], 8102
    await add_people(engine, {**dict.fromkeys(failing, DUE), cut: DUE + ROUNDS[3]})
    metrics, store = Metrics(), SqlDispatchStore(engine)
    async with FakeBotAPI() as gone:
        dead = gone.base_url  # nothing listens there any more: connection refused
    async with FakeBotAPI() as api:
        async with telegram_notifier(api, base_url=dead) as unreachable:
            stats = await drain(store, {"telegram": unreachable}, clock=at(DUE))
        assert (stats.sent, stats.retried, stats.unknown) == (0, 2, 0)
        metrics.reminder_round(stats)
        async with telegram_notifier(api) as notifier:
            api.down.add("sendMessage")  # 502 Bad Gateway: Telegram answered, nothing sent
            stats = await drain(store, {"telegram": notifier}, clock=at(DUE + ROUNDS[1]))
            assert (stats.sent, stats.retried, stats.unknown) == (0, 2, 0)
            metrics.reminder_round(stats)
            api.down.clear()
            api.cut_chats.add(cut)  # the call arrives; the connection closes unanswered
            for after in ROUNDS[3:]:
                stats = await drain(store, {"telegram": notifier}, clock=at(DUE + after))
                metrics.reminder_round(stats)
        got = received(api, [*failing, cut])
    assert got == {8100: 1, 8101: 1, 8102: 1}  # the failed tries never reached Telegram
    assert await statuses(engine) == {8100: "sent", 8101: "sent", 8102: "unknown"}
    page = await metrics_page(engine, metrics)
    assert "coach_reminders_unknown_total 1.0" in page
    assert "coach_reminders_sent_total 2.0" in page


class CuttingDiscord(FakeDiscord):
    """The stand-in Discord, closing the connection after a DM to `cut` arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.cut: set[int] = set()  # DM channel ids

    async def _handle(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        channel = path.removeprefix("/channels/").removesuffix("/messages")
        if request.method == "POST" and channel.isdigit() and int(channel) in self.cut:
            self.calls.append(Call("POST", path, {}, await request.json()))
            assert request.transport is not None
            request.transport.close()  # the message arrived; its answer never leaves
            return web.Response()
        return await super()._handle(request)


@pytest.fixture
async def discord_client(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[CuttingDiscord]:
    fake = CuttingDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await fake.start())
    yield fake
    await fake.stop()


async def test_on_discord_a_cut_dm_is_unknown_and_a_refused_connection_is_not(
    discord_client: CuttingDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = discord_client
    ann, bob = user(760000000000000001, "ann"), user(760000000000000002, "bob")
    # With the members intent users are cached: bob's second ping goes straight to his
    # DM channel, so the refused connection is the message's own.
    client = discord.Client(intents=discord.Intents(members=True))
    await client.login(DISCORD_TOKEN)
    try:
        notifier = DiscordNotifier(client)
        fake.cut.add(FakeDiscord.dm_channel_id(ann["id"]))
        with pytest.raises(DeliveryUnknown):
            await notifier.send(ann["id"], Reply("Time to lift!"))
        await notifier.send(bob["id"], Reply("Time to lift!"))
        known = client.get_user(int(bob["id"]))
        assert known is not None
        assert known.dm_channel is not None
        gone = FakeDiscord()
        dead = await gone.start()
        await gone.stop()  # nothing listens there any more: connection refused
        monkeypatch.setattr(discord.http.Route, "BASE", dead)
        with pytest.raises(aiohttp.ClientConnectorError):  # not DeliveryUnknown: retried
            await notifier.send(bob["id"], Reply("Time to lift!"))
    finally:
        await client.close()
    posts = [c for c in fake.calls if c.method == "POST" and c.path.endswith("/messages")]
    assert len(posts) == 2  # ann's (unanswered) and bob's first


def caused(error: TelegramError, cause: BaseException) -> TelegramError:
    """Return `error` raised from `cause`, as PTB and our HTTP client raise them."""
    error.__cause__ = cause
    return error


def retry_after(seconds: int) -> RetryAfter:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB's notice of the attribute's future type
        return RetryAfter(seconds)


@pytest.mark.parametrize(
    ("error", "lost"),
    [
        (caused(TimedOut(), aiohttp.SocketTimeoutError("read")), True),
        (caused(TimedOut(), TimeoutError()), True),
        (caused(NetworkError("cut"), aiohttp.ServerDisconnectedError()), True),
        (caused(NetworkError("reset"), aiohttp.ClientOSError(104, "reset by peer")), True),
        (caused(NetworkError("short"), aiohttp.ClientPayloadError("cut short")), True),
        (caused(TelegramError("Invalid server response"), ValueError("json")), True),
        (caused(TimedOut(), aiohttp.ConnectionTimeoutError("connect")), False),
        (NetworkError("the HTTP client was shut down before the call went out"), False),
        (NetworkError("Bad Gateway"), False),  # Telegram answered 502
        (caused(NetworkError("Internal Server Error (500)"), TelegramError("json")), False),
        (caused(NetworkError("Unknown error in HTTP implementation"), RuntimeError()), False),
        (BadRequest("Message is too long"), False),
        (retry_after(5), False),
    ],
)
def test_which_telegram_errors_may_have_delivered(error: TelegramError, lost: bool) -> None:
    assert telegram_answer_lost(error) is lost


@pytest.mark.parametrize(
    ("error", "lost"),
    [
        (TimeoutError(), True),
        (aiohttp.SocketTimeoutError("read"), True),
        (aiohttp.ServerDisconnectedError(), True),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), True),
        (aiohttp.ClientPayloadError("cut short"), True),
        (aiohttp.ConnectionTimeoutError("connect"), False),
        (ConnectionRefusedError(111, "refused"), False),
        (ValueError("not the network"), False),
    ],
)
def test_which_discord_errors_may_have_delivered(error: Exception, lost: bool) -> None:
    assert discord_answer_lost(error) is lost


async def test_a_refused_connection_is_a_connection_never_made() -> None:
    async with FakeBotAPI() as gone:
        dead = gone.base_url
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.ClientConnectorError) as caught:
            await session.get(dead)
    assert not discord_answer_lost(caught.value)
