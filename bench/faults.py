"""`coach run telegram` as a real process under faults, against the stand-in Bot API.

Three runs on a scratch PostgreSQL database (TEST_DATABASE_URL names the server), each
counting what was lost (sent to the bot, confirmed to Telegram, never stored), doubled
(stored twice) and left unanswered (stored, no reply):

- kill: 1,000 workout logs from 100 people; SIGKILL after 150, 400 and 650 replies, a
  restart after each.
- db cut: 300 logs from 100 people while a TCP proxy in front of the database refuses
  connections for 10 s and then hangs them for 10 s.
- flood: one chat sends /start 200 times, then 50 other people send one log each; how
  long the others wait for their reply, and how long SIGTERM takes with replies queued.

    TEST_DATABASE_URL=postgresql://root@127.0.0.1:5432/test python bench/faults.py [RUN…]

RUN is kill, "db cut" or flood (all three when none is named).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text
from sqlalchemy.engine import make_url

from storage.database import create_engine, upgrade
from tests.db_proxy import DatabaseProxy
from tests.scratch_db import scratch_database
from tests.telegram_fake import TOKEN, FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent
WAIT = 300  # seconds the flood run waits for the others' replies


async def start(url: str, api: FakeBotAPI) -> asyncio.subprocess.Process:
    env = {**os.environ, "TELEGRAM_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url}
    env["LOG_LEVEL"] = "ERROR"
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "--db", url, "run", "telegram",
        cwd=ROOT, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip


async def stop(process: asyncio.subprocess.Process) -> str:
    """SIGTERM the bot; return how long it took to exit (killed after 60 s)."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), 60)
    except TimeoutError:
        process.kill()
        await process.wait()
        return "did not exit within 60 s of SIGTERM (killed)"
    return f"exited {time.monotonic() - started:.1f} s after SIGTERM"


async def count(url: str, query: str) -> int:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text(query))).scalar_one())
    finally:
        await engine.dispose()


async def tally(url: str, api: FakeBotAPI, sent: int, chats: list[int], per_chat: int) -> str:
    stored = await count(url, "SELECT count(DISTINCT platform_message_id) FROM messages")
    rows = await count(url, "SELECT count(*) FROM messages")
    owed = await count(url, "SELECT count(*) FROM messages WHERE NOT answered")
    replies = [len([t for t in api.texts(c) if t.startswith("✅")]) for c in chats]
    confirmed = api.confirmed - 1  # update ids are 1..n
    lost = max(0, min(confirmed, sent) - stored)
    unanswered = sum(max(0, per_chat - n) for n in replies)
    doubled_replies = sum(max(0, n - per_chat) for n in replies)
    return (
        f"sent {sent}, stored {stored}, confirmed {confirmed}, lost {lost}, "
        f"doubled rows {rows - stored}, unanswered {unanswered}, "
        f"replies sent twice {doubled_replies}, still owed {owed}"
    )


async def kill_run(url: str) -> str:
    async with FakeBotAPI() as api:
        chats = [7000 + u for u in range(100)]
        for k in range(10):
            for chat in chats:
                api.message(chat, f"squat 3x5 {60 + 5 * k}kg")
        for replies in (150, 400, 650):
            process = await start(url, api)
            await api.wait_sent(replies, within=120)
            process.send_signal(signal.SIGKILL)
            await process.wait()
        last = await start(url, api)
        await api.wait_for(lambda: api.confirmed > 1000, within=120)
        with contextlib.suppress(TimeoutError):
            await api.wait_for(lambda: all(len(api.texts(c)) >= 10 for c in chats), within=120)
        await asyncio.sleep(2)
        await stop(last)
        return await tally(url, api, 1000, chats, 10)


async def db_cut_run(url: str) -> str:
    target = make_url(url)
    async with DatabaseProxy(target.host or "127.0.0.1", target.port or 5432) as proxy:
        via = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        async with FakeBotAPI() as api:
            chats = [8000 + u for u in range(100)]
            process = await start(via, api)
            await asyncio.sleep(3)
            await proxy.refuse()
            for k in range(3):
                for chat in chats:
                    api.message(chat, f"squat 3x5 {60 + 5 * k}kg")
            await asyncio.sleep(10)
            await proxy.hang()
            await asyncio.sleep(10)
            await proxy.restore()
            back = time.monotonic()
            with contextlib.suppress(TimeoutError):
                await api.wait_for(lambda: api.confirmed > 300, within=120)
                await api.wait_for(lambda: all(len(api.texts(c)) >= 3 for c in chats), 120)
            caught_up = time.monotonic() - back
            sorry = sum("couldn't save" in t for t in api.texts())
            await stop(process)
            return (
                f"{await tally(url, api, 300, chats, 3)}; all answered {caught_up:.1f} s "
                f"after the database came back; 'send it again' replies {sorry}"
            )


async def flood_run(url: str) -> str:
    async with FakeBotAPI() as api:
        process = await start(url, api)
        await asyncio.sleep(3)
        for _ in range(200):
            api.message(9000, "/start")
        started = time.monotonic()
        others = [9100 + u for u in range(50)]
        for chat in others:
            api.message(chat, "squat 3x5 100kg")
        waits: dict[int, float] = {}

        def answered() -> bool:
            for chat in others:
                if chat not in waits and api.sent(chat_id=chat):
                    waits[chat] = time.monotonic() - started
            return len(waits) == len(others)

        try:
            await api.wait_for(answered, within=WAIT)
        except TimeoutError:
            pass  # reported: how many were still waiting after WAIT seconds
        flood_replies = len(api.sent(chat_id=9000))
        ordered = sorted(waits.values()) or [float("nan")]
        return (
            f"others answered {len(waits)}/50 within {WAIT} s: median "
            f"{ordered[len(ordered) // 2]:.1f} s, slowest {ordered[-1]:.1f} s; "
            f"the flooding chat got {flood_replies} replies; {await stop(process)}"
        )


async def main() -> None:
    server = os.environ["TEST_DATABASE_URL"]
    runs = sys.argv[1:] or ["kill", "db cut", "flood"]
    for run in runs:
        async with scratch_database(server, "coach_faults") as url:
            engine = create_engine(url)
            await upgrade(engine)
            await engine.dispose()
            if run == "kill":
                print(f"kill:   {await kill_run(url)}", flush=True)
            elif run == "db cut":
                print(f"db cut: {await db_cut_run(url)}", flush=True)
            else:
                print(f"flood:  {await flood_run(url)}", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
