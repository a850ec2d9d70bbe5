"""The Telegram adapter through real python-telegram-bot, real HTTP and a fake Bot API."""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from sqlalchemy import text

from bot.bootstrap import Coach
from bot.telegram.app import TelegramBot, TokenRejected
from bot.telegram.config import TelegramConfig, WebhookConfig
from bot.telegram.webhook import SECRET_HEADER
from core.conversation.service import HandleResult
from core.messages import IncomingMessage, Reply
from core.reminders.notifier import DeliveryRefused
from tests.telegram_fake import BOT_USERNAME, TOKEN, FakeBotAPI

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class SpyService:
    """The real service, remembering every message it was handed."""

    def __init__(self, service: Any) -> None:
        self.service = service
        self.seen: list[IncomingMessage] = []

    async def handle(self, message: IncomingMessage) -> HandleResult:
        self.seen.append(message)
        return await self.service.handle(message)

    def __getattr__(self, name: str) -> Any:  # owed replies, answered marks: the service's
        return getattr(self.service, name)


@dataclass
class Harness:
    api: FakeBotAPI
    bot: TelegramBot
    coach: Coach
    spy: SpyService

    async def sql(self, query: str, **params: object) -> list[Any]:
        return await sql(self.coach, query, **params)

    async def sets_of(self, user_id: int) -> list[tuple[str, int, float]]:
        return await sets_of(self.coach, user_id)


async def sql(coach: Coach, query: str, **params: object) -> list[Any]:
    async with coach.engine.connect() as conn:
        return list((await conn.execute(text(query), params)).all())


async def sets_of(coach: Coach, user_id: int) -> list[tuple[str, int, float]]:
    """The Telegram user's strength sets, in the order they were recorded."""
    return [
        tuple(row)
        for row in await sql(
            coach,
            "SELECT s.exercise, s.reps, s.weight FROM strength_sets s "
            "JOIN identities i ON i.user_id = s.user_id "
            "WHERE i.platform = 'telegram' AND i.external_id = :uid ORDER BY s.id",
            uid=str(user_id),
        )
    ]


async def _started(bot: TelegramBot) -> tuple[asyncio.Event, asyncio.Task[None]]:
    stop = asyncio.Event()
    assert await bot.start(stop)
    return stop, asyncio.create_task(bot.run(stop))


@pytest.fixture
async def tg(api: FakeBotAPI, coach: Coach) -> AsyncIterator[Harness]:
    spy = SpyService(coach.service)
    bot = TelegramBot(spy, TelegramConfig(TOKEN, api.base_url), poll_timeout=2)  # type: ignore[arg-type]
    stop, task = await _started(bot)
    yield Harness(api, bot, coach, spy)
    stop.set()
    await asyncio.wait_for(task, 10)
    await bot.stop()


async def _until(condition: Callable[[], bool], within: float = 15) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never held"
        await asyncio.sleep(0.05)


async def test_health_follows_polling_failures(tg: Harness) -> None:
    assert tg.bot.connected()
    tg.api.down.add("getUpdates")
    await _until(lambda: not tg.bot.connected())
    tg.api.down.clear()
    await _until(tg.bot.connected)


# --- a conversation -----------------------------------------------------------------


async def test_commands_are_registered_for_the_menu(tg: Harness) -> None:
    [call] = tg.api.sent("setMyCommands")
    names = {c["command"] for c in call.params["commands"]}
    assert names >= {"plan", "week", "history", "undo", "units", "timezone", "profile"}
    assert names >= {"help", "start", "ask"}
    assert tg.api.sent("deleteWebhook")


async def test_start_shows_buttons_and_a_tap_advances_onboarding(tg: Harness) -> None:
    tg.api.message(1001, "/start")
    await tg.api.wait_for(lambda: any("reply_markup" in c.params for c in tg.api.sent()))
    asked = next(c for c in tg.api.sent(chat_id=1001) if "reply_markup" in c.params)
    assert "kilograms or pounds" in asked.params["text"]
    buttons = [b for row in asked.params["reply_markup"]["inline_keyboard"] for b in row]
    assert {b["callback_data"] for b in buttons} >= {"/units kg", "/units lb"}

    bot_message = {
        "message_id": 555,
        "date": 1_795_000_000,
        "chat": {"id": 1001, "type": "private"},
        "from": tg.api.me,
        "text": asked.params["text"],
    }
    tap = tg.api.tap(1001, "/units kg", on=bot_message)
    await tg.api.wait_for(lambda: any("timezone" in t for t in tg.api.texts(1001)))

    [answered] = tg.api.sent("answerCallbackQuery")
    assert answered.params["callback_query_id"] == tap["callback_query"]["id"]
    assert tg.api.sent("editMessageReplyMarkup")[0].params["message_id"] == "555"
    tapped = tg.spy.seen[-1]
    assert tapped.is_callback
    assert tapped.message_id == f"cb:1001:{tap['callback_query']['id']}"
    [(units,)] = await tg.sql("SELECT units FROM users")
    assert units == "kg"


async def test_logged_workout_gets_the_next_load(tg: Harness) -> None:
    tg.api.message(7, "squat 3x8 100kg")
    [reply] = await tg.api.wait_sent(1, chat_id=7)
    assert "102.5 kg" in reply
    assert "parse_mode" not in tg.api.sent(chat_id=7)[0].params
    assert await tg.sets_of(7) == [("squat", 8, 100.0)] * 3


async def test_edited_message_moves_the_record_with_it(tg: Harness) -> None:
    tg.api.message(8, "squat 3x8 100kg", message_id=42)
    await tg.api.wait_sent(1, chat_id=8)
    tg.api.message(8, "squat 3x8 110kg", message_id=42, edited=True)
    texts = await tg.api.wait_sent(2, chat_id=8)
    assert "Updated" in texts[-1]
    assert await tg.sets_of(8) == [("squat", 8, 110.0)] * 3
    [(key, body)] = await tg.sql("SELECT platform_message_id, text FROM messages")
    assert (key, body) == ("8:42", "squat 3x8 110kg")


async def test_same_update_twice_is_recorded_once(tg: Harness) -> None:
    update = tg.api.message(9, "bench 3x5 60kg", message_id=77)
    await tg.api.wait_sent(1, chat_id=9)
    again = copy.deepcopy(update)
    del again["update_id"]  # Telegram delivering it again after a crash, say
    tg.api.push(again)
    await tg.api.wait_for(lambda: tg.api.confirmed > again["update_id"])
    assert len(tg.api.sent(chat_id=9)) == 1
    assert await tg.sql("SELECT count(*) FROM messages") == [(1,)]
    assert len(await tg.sets_of(9)) == 3


async def test_burst_from_fifty_users_each_gets_their_reply(tg: Harness) -> None:
    users = range(2000, 2050)
    for user in users:
        tg.api.message(user, "squat 3x5 60kg", first_name=f"U{user}")
    await tg.api.wait_sent(50, within=30)
    for user in users:
        [reply] = tg.api.texts(user)
        assert "Squat" in reply
    assert await tg.sql("SELECT count(*) FROM messages") == [(50,)]
    assert await tg.sql("SELECT count(*) FROM strength_sets") == [(150,)]
    assert await tg.sql("SELECT count(DISTINCT user_id) FROM strength_sets") == [(50,)]


async def test_rate_limited_reply_is_delivered_after_waiting(tg: Harness) -> None:
    tg.api.too_many_once["sendMessage"] = 1
    tg.api.message(10, "deadlift 1x5 140kg")
    await tg.api.wait_for(lambda: len(tg.api.sent(chat_id=10)) == 2, within=15)
    refused, delivered = tg.api.sent(chat_id=10)
    assert refused.params["text"] == delivered.params["text"]
    assert delivered.at - refused.at >= 1.0


async def test_document_is_downloaded_and_handed_over_with_its_caption(tg: Harness) -> None:
    document = tg.api.add_file("F1", b"date,exercise\n2026-01-01,squat\n", "documents/log.csv")
    tg.api.message(11, "my old log", document=document)
    await tg.api.wait_for(lambda: any(m.attachment for m in tg.spy.seen))
    [message] = [m for m in tg.spy.seen if m.attachment]
    assert message.text == "my old log"
    assert message.attachment is not None
    assert message.attachment.filename == "log.csv"
    assert message.attachment.data == b"date,exercise\n2026-01-01,squat\n"
    assert tg.api.sent("getFile")
    assert tg.api.sent("download")


async def test_reply_to_a_chat_that_blocked_the_bot_is_skipped(tg: Harness) -> None:
    tg.api.forbidden_chats.add(12)
    tg.api.message(12, "squat 3x5 60kg")
    tg.api.message(13, "squat 3x5 60kg")
    await tg.api.wait_sent(1, chat_id=13)  # the other chat is answered
    await tg.api.wait_for(lambda: tg.api.confirmed > 2)  # both confirmed: both committed
    assert len(await tg.sets_of(12)) == 3  # recorded all the same
    owed = "SELECT count(*) FROM messages WHERE NOT answered"
    for _ in range(100):  # marked once the send was refused for good: not tried again
        if (await tg.sql(owed))[0][0] == 0:
            break
        await asyncio.sleep(0.05)
    assert (await tg.sql(owed))[0][0] == 0


# --- the notifier -------------------------------------------------------------------


async def test_notifier_raises_delivery_refused_for_a_blocked_user(tg: Harness) -> None:
    tg.api.forbidden_chats.add(14)
    with pytest.raises(DeliveryRefused):
        await tg.bot.notifier.send("14", Reply("Time to lift!"))
    assert len(tg.api.sent(chat_id=14)) == 1  # refused once, not retried


async def test_long_reply_is_split_at_line_breaks(tg: Harness) -> None:
    lines = [f"line {i:04d} " + "x" * 60 for i in range(200)]  # ~14,000 characters
    await tg.bot.notifier.send("15", Reply("\n".join(lines)))
    texts = tg.api.texts(15)
    assert len(texts) == 4
    assert all(len(t) <= 4096 for t in texts)
    assert [line for t in texts for line in t.split("\n")] == lines


async def test_image_reply_goes_out_as_a_photo(tg: Harness) -> None:
    await tg.bot.notifier.send("16", Reply("Your week", image=PNG))
    [call] = tg.api.sent("sendPhoto", chat_id=16)
    assert call.files["photo"] == PNG
    assert call.params["caption"] == "Your week"


async def test_file_reply_goes_out_as_a_document(tg: Harness) -> None:
    from core.messages import OutgoingFile

    await tg.bot.notifier.send("17", Reply("Export", file=OutgoingFile("log.csv", b"a,b\n")))
    [call] = tg.api.sent("sendDocument", chat_id=17)
    assert call.files["document"] == b"a,b\n"


# --- groups -------------------------------------------------------------------------


async def test_group_answers_mentions_and_commands_only_and_records_the_sender(
    tg: Harness,
) -> None:
    group = -100500
    tg.api.message(21, "squat 3x5 60kg", chat_id=group, chat_type="supergroup")
    tg.api.message(21, "/plan@someone_elses_bot", chat_id=group, chat_type="supergroup")
    tg.api.message(21, f"@{BOT_USERNAME} squat 3x5 80kg", chat_id=group, chat_type="supergroup")
    tg.api.message(22, f"/help@{BOT_USERNAME}", chat_id=group, chat_type="supergroup")
    await tg.api.wait_sent(2, chat_id=group)
    await tg.api.wait_for(lambda: tg.api.confirmed > 4)
    assert len(tg.api.sent(chat_id=group)) == 2  # "answered in private" and the help
    (private,) = tg.api.sent(chat_id=21)  # the person's own loads go to them alone
    assert "Next: Squat" in private.params["text"]
    assert not tg.api.sent(chat_id=22)
    assert await tg.sets_of(21) == [("squat", 5, 80.0)] * 3
    assert await tg.sql("SELECT text FROM messages ORDER BY id") == [
        ("squat 3x5 80kg",),
        (f"/help@{BOT_USERNAME}",),
    ]
    assert [m.user_id for m in tg.spy.seen] == ["21", "22"]


async def test_a_link_code_asked_for_in_a_group_goes_to_the_person_alone(tg: Harness) -> None:
    group = -100600
    tg.api.message(31, f"/link@{BOT_USERNAME}", chat_id=group, chat_type="supergroup")
    await tg.api.wait_sent(1, chat_id=31)
    await tg.api.wait_sent(1, chat_id=group)
    (code,) = tg.api.sent(chat_id=31)
    (notice,) = tg.api.sent(chat_id=group)
    assert "/link " in code.params["text"]
    assert "private chat" in notice.params["text"]
    assert code.params["text"] not in notice.params["text"]


async def test_private_data_is_never_posted_in_a_group_when_the_person_has_no_chat(
    tg: Harness,
) -> None:
    group = -100700
    tg.api.forbidden_chats.add(32)  # never pressed Start with the bot
    tg.api.message(32, f"/link@{BOT_USERNAME}", chat_id=group, chat_type="supergroup")
    await tg.api.wait_sent(1, chat_id=group)
    (notice,) = tg.api.sent(chat_id=group)
    assert "press Start" in notice.params["text"]
    assert "/link " not in notice.params["text"]


# --- webhook ------------------------------------------------------------------------


@pytest.fixture
async def hooked(api: FakeBotAPI, coach: Coach) -> AsyncIterator[Harness]:
    hook = WebhookConfig("https://coach.example/tg", "s3cret-Token_1", "127.0.0.1", 0)
    spy = SpyService(coach.service)
    bot = TelegramBot(spy, TelegramConfig(TOKEN, api.base_url, hook))  # type: ignore[arg-type]
    stop, task = await _started(bot)
    yield Harness(api, bot, coach, spy)
    stop.set()
    await task
    await bot.stop()


async def _post(port: int, update: dict[str, Any], secret: str | None) -> int:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"http://127.0.0.1:{port}/tg", json=update, headers=headers) as response,
    ):
        return response.status


async def test_webhook_refuses_a_wrong_secret_and_records_nothing(hooked: Harness) -> None:
    [call] = hooked.api.sent("setWebhook")
    assert call.params["url"] == "https://coach.example/tg"
    assert call.params["secret_token"] == "s3cret-Token_1"
    assert hooked.bot.webhook is not None
    assert hooked.bot.webhook.port
    port = hooked.bot.webhook.port
    update = {
        "update_id": 1,
        "message": {
            "message_id": 5,
            "date": 1_795_000_000,
            "chat": {"id": 31, "type": "private"},
            "from": {"id": 31, "is_bot": False, "first_name": "Ann"},
            "text": "squat 3x8 100kg",
        },
    }
    assert await _post(port, update, "wrong") == 403
    assert await _post(port, update, None) == 403
    assert await hooked.sql("SELECT count(*) FROM messages") == [(0,)]
    assert not hooked.api.sent(chat_id=31)

    assert await _post(port, update, "s3cret-Token_1") == 200
    # 200 means handled: recorded and answered already.
    assert len(await hooked.sets_of(31)) == 3
    assert "102.5 kg" in hooked.api.texts(31)[0]


# --- the token ----------------------------------------------------------------------


async def test_token_never_appears_in_logs(
    api: FakeBotAPI, coach: Coach, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bot = TelegramBot(coach.service, TelegramConfig(TOKEN, api.base_url), poll_timeout=1)
    for name in ("httpx", "httpcore", "telegram"):
        logging.getLogger(name).setLevel(logging.DEBUG)  # as loud as anyone could make it
    try:
        stop, task = await _started(bot)
        api.too_many_once["sendMessage"] = 1
        api.forbidden_chats.add(41)
        api.message(40, "/start")
        api.message(41, "squat 3x8 100kg")
        api.message(40, "squat 3x8 100kg", message_id=3)
        api.message(40, "squat 3x8 105kg", message_id=3, edited=True)
        await api.wait_sent(4, chat_id=40, within=20)
        with pytest.raises(DeliveryRefused):
            await bot.notifier.send("41", Reply("hi"))
        stop.set()
        await task
    finally:
        await bot.stop()
        for name in ("httpx", "httpcore", "telegram"):
            logging.getLogger(name).setLevel(logging.WARNING if name != "telegram" else 0)
    assert "getUpdates" in caplog.text  # the URL loggers did log requests...
    assert TOKEN not in caplog.text  # ...without the token
    assert all(TOKEN not in r.getMessage() for r in caplog.records)
    assert TOKEN.split(":")[1] not in caplog.text


async def test_rejected_token_is_reported_without_it(api: FakeBotAPI, coach: Coach) -> None:
    other = "987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9"
    bot = TelegramBot(coach.service, TelegramConfig(other, api.base_url))
    try:
        with pytest.raises(TokenRejected) as caught:
            await bot.start()
    finally:
        await bot.stop()
    assert other not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


class FlakyService:
    """The real service, raising the first time it is handed one of `failing` (texts)."""

    def __init__(self, service: Any, api: FakeBotAPI, failing: set[str]) -> None:
        self.service = service
        self.api = api
        self.failing = failing
        self.seen: list[tuple[str, str, int]] = []  # (user, text, confirmed at that moment)

    async def handle(self, message: IncomingMessage) -> HandleResult:
        self.seen.append((message.user_id, message.text, self.api.confirmed))
        if message.text in self.failing:
            self.failing.discard(message.text)
            raise RuntimeError("the database went away")
        return await self.service.handle(message)


async def test_failed_update_and_all_after_it_stay_unconfirmed_until_handled(
    api: FakeBotAPI, coach: Coach
) -> None:
    failed = api.message(70, "squat 3x5 60kg")  # the batch's first update: it fails once
    api.message(71, "bench 3x5 40kg")
    api.message(70, "squat 3x5 65kg")  # same chat: must wait for the failed one
    last = api.message(71, "bench 3x5 42.5kg")
    flaky = FlakyService(coach.service, api, {"squat 3x5 60kg"})
    bot = TelegramBot(flaky, TelegramConfig(TOKEN, api.base_url), poll_timeout=2)  # type: ignore[arg-type]
    try:
        stop, task = await _started(bot)
        await api.wait_for(lambda: api.confirmed > last["update_id"], within=20)
        stop.set()
        await asyncio.wait_for(task, 10)
    finally:
        await bot.stop()

    chat_70 = [(text, confirmed) for user, text, confirmed in flaky.seen if user == "70"]
    # Handed over again after the failure; "65kg" never overtook it.
    assert [text for text, _ in chat_70] == ["squat 3x5 60kg", "squat 3x5 60kg", "squat 3x5 65kg"]
    # Until it was handled, neither it nor anything after it was confirmed...
    assert chat_70[1][1] <= failed["update_id"]
    # ...so the other chat's updates, handled at the first try, came again with it.
    chat_71 = [text for user, text, _ in flaky.seen if user == "71"]
    assert chat_71 == ["bench 3x5 40kg", "bench 3x5 42.5kg"] * 2
    assert await sets_of(coach, 70) == [("squat", 5, 60.0)] * 3 + [("squat", 5, 65.0)] * 3
    first, second = api.texts(70)  # the replies in the order the chat wrote
    assert "60 kg" in first
    assert "65 kg" in second
    assert (
        await sets_of(coach, 71) == [("bench_press", 5, 40.0)] * 3 + [("bench_press", 5, 42.5)] * 3
    )
    assert len(api.texts(71)) == 2  # handled in the first batch, a no-op when delivered again


async def test_updates_are_processed_in_order_per_chat_and_concurrently_across_chats(
    api: FakeBotAPI,
) -> None:
    from telegram import Bot

    from bot.telegram.adapter import TelegramAdapter

    log: list[tuple[int, str]] = []
    busy: set[int] = set()
    arrived = {60: asyncio.Event(), 61: asyncio.Event()}

    class Recording(TelegramAdapter):
        async def process(self, update: Any) -> bool:
            chat = update.effective_chat.id
            assert chat not in busy  # one update of a chat at a time
            busy.add(chat)
            log.append((chat, update.message.text))
            arrived[chat].set()
            # Returns only once the other chat has started too: both are in at once.
            await arrived[121 - chat].wait()
            await asyncio.sleep(0)
            busy.discard(chat)
            return True

    for i in range(3):
        api.message(60, f"a{i}")
        api.message(61, f"b{i}")
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        updates = await bot.get_updates(offset=0, timeout=0)
        adapter = Recording(bot, service=None)  # type: ignore[arg-type]
        # A generous bound: handling one chat after the other never returns at all.
        done = await asyncio.wait_for(adapter.handle_updates(updates), 30)
    assert done == {u.update_id for u in updates}
    assert [t for c, t in log if c == 60] == ["a0", "a1", "a2"]
    assert [t for c, t in log if c == 61] == ["b0", "b1", "b2"]


async def test_webhook_asks_again_for_an_update_that_failed(api: FakeBotAPI, coach: Coach) -> None:
    hook = WebhookConfig("https://coach.example/tg", "s3cret-Token_1", "127.0.0.1", 0)
    flaky = FlakyService(coach.service, api, {"squat 3x8 100kg"})
    bot = TelegramBot(flaky, TelegramConfig(TOKEN, api.base_url, hook))  # type: ignore[arg-type]
    update = api.message(33, "squat 3x8 100kg")
    try:
        stop, task = await _started(bot)
        assert bot.webhook is not None
        assert bot.webhook.port
        assert await _post(bot.webhook.port, update, "s3cret-Token_1") == 500
        assert await sets_of(coach, 33) == []
        assert await _post(bot.webhook.port, update, "s3cret-Token_1") == 200
        stop.set()
        await task
    finally:
        await bot.stop()
    assert await sets_of(coach, 33) == [("squat", 8, 100.0)] * 3
    assert len(api.texts(33)) == 1


async def test_unreachable_telegram_at_start_is_retried_until_stopped(
    api: FakeBotAPI, coach: Coach, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.telegram.app.FIRST_STARTUP_BACKOFF", 0.01)
    api.down.add("getMe")  # 502 Bad Gateway: Telegram can't be reached
    bot = TelegramBot(coach.service, TelegramConfig(TOKEN, api.base_url))
    stop = asyncio.Event()
    try:
        starting = asyncio.create_task(bot.start(stop))
        await api.wait_for(lambda: api.refused["getMe"] >= 3)
        assert not starting.done()  # still trying
        stop.set()
        assert await asyncio.wait_for(starting, 10) is False
    finally:
        await bot.stop()
    assert not bot.connected()


async def test_telegram_reachable_again_during_start_starts_the_bot(
    api: FakeBotAPI, coach: Coach, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.telegram.app.FIRST_STARTUP_BACKOFF", 0.01)
    api.down.add("getMe")
    bot = TelegramBot(coach.service, TelegramConfig(TOKEN, api.base_url))
    try:
        starting = asyncio.create_task(bot.start(asyncio.Event()))
        await api.wait_for(lambda: api.refused["getMe"] >= 2)
        api.down.clear()
        assert await asyncio.wait_for(starting, 10) is True
        assert bot.connected()
        assert api.sent("setMyCommands")
    finally:
        await bot.stop()


async def test_a_line_read_two_ways_is_asked_with_buttons_and_the_tap_records_it(
    tg: Harness,
) -> None:
    tg.api.message(81, "/units lb")
    await tg.api.wait_sent(1, chat_id=81)
    tg.api.message(81, "Squats - 225x3x5")
    await tg.api.wait_for(lambda: any("reply_markup" in c.params for c in tg.api.sent(chat_id=81)))
    asked = next(c for c in tg.api.sent(chat_id=81) if "reply_markup" in c.params)
    assert "3 sets of 5" in asked.params["text"]
    assert await tg.sets_of(81) == []  # nothing recorded until the person answers
    buttons = {
        b["text"]: b["callback_data"]
        for row in asked.params["reply_markup"]["inline_keyboard"]
        for b in row
    }
    data = next(d for label, d in buttons.items() if label.startswith("3 sets of 5"))
    bot_message = {
        "message_id": 556,
        "date": 1_795_000_000,
        "chat": {"id": 81, "type": "private"},
        "from": tg.api.me,
        "text": asked.params["text"],
    }
    tg.api.tap(81, data, on=bot_message)
    await tg.api.wait_for(lambda: any("3×5 @ 225 lb" in t for t in tg.api.texts(81)))
    assert await tg.sets_of(81) == [("squat", 5, 225.0)] * 3


async def test_a_chat_whose_replies_pile_up_is_refused_unread_and_holds_no_one_up(
    tg: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.telegram.adapter.MAX_QUEUED_PER_CHAT", 3)
    tg.api.slow_chats[40] = 1.0  # every reply to chat 40 takes a second to go out
    for k in range(8):
        tg.api.message(40, f"squat 3x5 {60 + k}kg", first_name="Flo")
    tg.api.message(41, "bench 3x5 40kg")
    await tg.api.wait_sent(1, chat_id=41, within=5)  # not behind chat 40's queue
    await tg.api.wait_for(lambda: tg.api.confirmed > 9, within=10)
    stored = await tg.sql("SELECT count(*) FROM messages WHERE text LIKE 'squat%'")
    assert stored[0][0] == 3  # the rest refused at the door: never recorded
    await tg.api.wait_sent(3, chat_id=40, within=10)  # each stored one answered
