"""Telegram end to end: updates/s from getUpdates to the reply arriving at the Bot API.

One fake Bot API (tests/telegram_fake.py, aiohttp on 127.0.0.1, same event loop) serves
5,000 updates from 500 users as fast as the bot asks. Measured, on that same server:

- echo (PTB defaults): the bare python-telegram-bot echo bot the target is set against:
  Application + its own Updater + a MessageHandler, on PTB's default HTTP client
  (httpx); sequential (PTB's default) and with concurrent_updates=True;
- echo (our loop): the same echo behind our confirm-after-commit Poller, the adapter's
  batch handling (each chat in order, 100 at once) and our HTTP client
  (bot/telegram/request.py, aiohttp): everything the coach has but the coach;
- coach: `TelegramBot` (the real adapter and ConversationService) on a temp SQLite file;
  every update is a workout ("squat 3x5 62kg"), so each one writes a message and 3 sets.

Two ratios: coach / best PTB echo (the target, >= 0.8), and coach / echo on our loop,
which isolates what the coaching itself costs (parsing, the database, the plan).
All runs go without a rate limiter (AIORateLimiter would cap every bot at 30 msg/s).
The clock starts once the bot is initialized and stops at the 5,000th sendMessage.

Run: .venv/bin/python bench/telegram_e2e.py [updates] [users]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import Application, ContextTypes, MessageHandler, filters  # noqa: E402

from bot.bootstrap import build  # noqa: E402
from bot.telegram.adapter import TelegramAdapter  # noqa: E402
from bot.telegram.app import TelegramBot, build_application, http_clients  # noqa: E402
from bot.telegram.config import TelegramConfig  # noqa: E402
from bot.telegram.polling import Poller  # noqa: E402
from core.conversation.group_commit import GroupCommit  # noqa: E402
from tests.telegram_fake import TOKEN, FakeBotAPI  # noqa: E402

WITHIN = 600.0
NO_CORE: Any = None  # the echo never reaches a core


def queue(api: FakeBotAPI, updates: int, users: int) -> None:
    for k in range(updates // users):
        for user in range(users):
            api.message(900_000 + user, f"squat 3x5 {60 + 2 * (k % 20)}kg", first_name=f"U{user}")


async def measure(
    api: FakeBotAPI,
    updates: int,
    users: int,
    start: Callable[[], Awaitable[None]],
    stop: Callable[[], Awaitable[None]],
) -> float:
    """Return updates/s: queue a burst, start the bot, wait for every reply."""
    queue(api, updates, users)
    target = api.counts["sendMessage"] + updates
    began = time.perf_counter()
    await start()
    await api.wait_for(lambda: api.counts["sendMessage"] >= target, within=WITHIN)
    elapsed = time.perf_counter() - began
    await stop()
    await asyncio.sleep(0.2)
    assert api.counts["sendMessage"] == target, "a reply too many or too few"
    return updates / elapsed


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(update.effective_message.text or "")


async def ptb_echo(api: FakeBotAPI, updates: int, users: int, concurrent: bool) -> float:
    app = (
        Application.builder()
        .token(TOKEN)
        .base_url(api.base_url)
        .concurrent_updates(concurrent)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()

    async def start() -> None:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=1, poll_interval=0)

    async def stop() -> None:
        assert app.updater is not None
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    return await measure(api, updates, users, start, stop)


async def loop_echo(api: FakeBotAPI, updates: int, users: int) -> float:
    app = build_application(TelegramConfig(TOKEN, api.base_url), http_clients(), rate_limited=False)
    await app.initialize()

    class Echo(TelegramAdapter):  # the adapter's ordering and concurrency, no core
        async def process(self, update: Update) -> bool:
            assert update.effective_message is not None
            message = update.effective_message
            await self.bot.send_message(message.chat_id, message.text)
            return True

    poller = Poller(app.bot, Echo(app.bot, NO_CORE).handle_updates, timeout=1)
    stopping = asyncio.Event()
    task: asyncio.Task[None] | None = None

    async def start() -> None:
        nonlocal task
        task = asyncio.create_task(poller.run(stopping))

    async def stop() -> None:
        stopping.set()
        assert task is not None
        await task
        await app.shutdown()

    return await measure(api, updates, users, start, stop)


async def coach(api: FakeBotAPI, updates: int, users: int, folder: Path) -> float:
    built = await build(f"sqlite+aiosqlite:///{folder / 'coach.db'}")
    bot = TelegramBot(
        GroupCommit(built.service),  # as `coach run` wires it
        TelegramConfig(TOKEN, api.base_url),
        rate_limited=False,
        poll_timeout=1,
    )
    stopping = asyncio.Event()
    assert await bot.start(stopping)
    task: asyncio.Task[None] | None = None

    async def start() -> None:
        nonlocal task
        task = asyncio.create_task(bot.run(stopping))

    async def stop() -> None:
        stopping.set()
        assert task is not None
        await task
        await bot.stop()
        await built.close()

    return await measure(api, updates, users, start, stop)


def cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


async def main(updates: int, users: int) -> None:
    machine = platform.machine()  # what `uname -m` prints
    print(f"# telegram e2e {dt.date.today()} {machine} {cpu()} ({os.cpu_count()} cpus)")
    print(f"# {updates} updates from {users} users, no rate limiter, fake Bot API in-process")
    with tempfile.TemporaryDirectory() as folder:
        async with FakeBotAPI() as api:
            seq = await ptb_echo(api, updates, users, concurrent=False)
            print(f"echo, PTB defaults, sequential:  {seq:8.0f} updates/s")
            ptb = await ptb_echo(api, updates, users, concurrent=True)
            print(f"echo, PTB defaults, concurrent:  {ptb:8.0f} updates/s")
            ours = await loop_echo(api, updates, users)
            print(f"echo, our loop and HTTP client:  {ours:8.0f} updates/s")
            real = await coach(api, updates, users, Path(folder))
            print(f"coach (SQLite, each a workout):  {real:8.0f} updates/s")
    best = max(seq, ptb)
    print(f"coach / best PTB echo = {real / best:.2f}  (target >= 0.8)")
    print(f"coach / echo on our loop = {real / ours:.2f}  (the coaching's own cost)")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    people = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    asyncio.run(main(count, people))
