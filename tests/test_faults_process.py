"""`coach run telegram` as a real process under a database outage and a flood.

The database runs behind a TCP proxy (tests/db_proxy.py) that refuses and then hangs
connections; a flooding chat sends 200 messages at once. What is counted: messages lost
(confirmed to Telegram, never stored), doubled (stored or answered twice), unanswered,
and how long everyone else waits.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from storage.database import create_engine, resolve_url, upgrade
from tests.db_proxy import DatabaseProxy
from tests.processes import start_coach
from tests.telegram_fake import FakeBotAPI

SORRY = "Sorry, I couldn't save that"


async def start_bot(db_url: str, api: FakeBotAPI) -> asyncio.subprocess.Process:
    return await start_coach(db_url, api)


async def stop_bot(process: asyncio.subprocess.Process) -> tuple[float, str]:
    """SIGTERM the bot; return how long it took to exit and the end of its stderr."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    except TimeoutError:
        process.kill()
        _, stderr = await process.communicate()
    return time.monotonic() - started, stderr.decode(errors="replace")[-3000:]


async def scalar(url: str, query: str) -> int:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text(query))).scalar_one())
    finally:
        await engine.dispose()


@pytest.fixture
async def scratch_pg() -> AsyncIterator[str]:
    """A fresh, migrated PostgreSQL database of its own (the bot runs in another process)."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL leg not run")
    admin_url = resolve_url(base)
    name = f"coach_faults_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    await upgrade(engine)
    await engine.dispose()
    try:
        yield url
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@pytest.mark.slow
async def test_database_refusing_then_hanging_for_20_s_loses_and_doubles_nothing(
    scratch_pg: str,
) -> None:
    chats = [8000 + n for n in range(100)]
    per_chat = 3
    target = make_url(scratch_pg)
    async with DatabaseProxy(target.host or "127.0.0.1", target.port or 5432) as proxy:
        via_proxy = target.set(host="127.0.0.1", port=proxy.port).render_as_string(
            hide_password=False
        )
        async with FakeBotAPI() as api:
            bot = await start_bot(via_proxy, api)
            try:
                api.message(chats[0], "/units kg")
                await api.wait_sent(1, chat_id=chats[0], within=30)  # up and answering
                await proxy.refuse()
                for k in range(per_chat):  # the burst arrives while the database is away
                    for chat in chats:
                        api.message(chat, f"squat 3x5 {60 + 5 * k}kg")
                await asyncio.sleep(10)
                await proxy.hang()
                await asyncio.sleep(10)
                assert api.confirmed <= 2  # nothing confirmed while it could not be stored
                await proxy.restore()
                last = api.updates[-1]["update_id"]
                await api.wait_for(lambda: api.confirmed > last, within=90)
                await api.wait_for(
                    lambda: all(len(api.texts(c)) >= per_chat + (c == chats[0]) for c in chats),
                    within=60,
                )
                await asyncio.sleep(1)  # a reply sent twice would show by now
            finally:
                _, stderr = await stop_bot(bot)
            assert bot.returncode == 0, stderr
            texts = {chat: api.texts(chat) for chat in chats}

    total = len(chats) * per_chat
    logs = "SELECT count(*) FROM messages WHERE text LIKE 'squat%'"
    assert await scalar(scratch_pg, logs) == total  # none lost
    distinct = "SELECT count(DISTINCT platform_message_id) FROM messages"
    assert await scalar(scratch_pg, distinct) == total + 1  # none doubled
    assert await scalar(scratch_pg, "SELECT count(*) FROM strength_sets") == 3 * total
    assert await scalar(scratch_pg, "SELECT count(*) FROM messages WHERE NOT answered") == 0
    for chat, replies in texts.items():
        loads = [reply for reply in replies if reply.startswith("✅")]
        assert len(loads) == per_chat, (chat, replies)  # each answered exactly once
        assert not any(SORRY in reply for reply in replies)  # never asked to send it again


@pytest.mark.slow
async def test_one_chat_flooding_holds_up_no_one_else(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    flooder, others = 9000, [9100 + n for n in range(50)]
    async with FakeBotAPI() as api:
        bot = await start_bot(db, api)
        try:
            api.message(others[0], "/units kg")
            await api.wait_sent(1, chat_id=others[0], within=30)  # up and answering
            for _ in range(200):
                api.message(flooder, "/start")
            sent_at = time.monotonic()
            for chat in others:
                api.message(chat, "squat 3x5 100kg")
            waits: dict[int, float] = {}

            def answered() -> bool:
                for chat in others:
                    if chat not in waits and any("Squat" in t for t in api.texts(chat)):
                        waits[chat] = time.monotonic() - sent_at
                return len(waits) == len(others)

            await api.wait_for(answered, within=60)
            queued_replies = len(api.texts(flooder))
        finally:
            took, stderr = await stop_bot(bot)
        assert bot.returncode == 0, stderr

    assert max(waits.values()) < 5.0, sorted(waits.values())  # nobody waited on the flood
    assert took < 10.0  # SIGTERM with the flood's replies still queued
    # The flood was refused at the door: at most the limit's worth was read and stored.
    stored = await scalar(db, "SELECT count(*) FROM messages WHERE text = '/start'")
    assert stored <= 21
    assert queued_replies < stored + 1  # its replies were still trickling out (1/s)
