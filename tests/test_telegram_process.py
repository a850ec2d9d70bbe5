"""`coach run telegram` as a real process: SIGKILLed mid-burst, nothing lost or doubled."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from sqlalchemy import text

from storage.database import create_engine
from tests.telegram_fake import TOKEN, FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent
USERS = 100
PER_USER = 5  # 500 updates


async def _start(db: Path, api: FakeBotAPI) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "LOG_LEVEL": "WARNING",
    }
    env.pop("TELEGRAM_WEBHOOK_URL", None)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "--db",
        f"sqlite:///{db}",
        "run",
        "telegram",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_killed_mid_burst_then_restarted_records_every_update_exactly_once(
    tmp_path: Path,
) -> None:
    db = tmp_path / "coach.db"
    async with FakeBotAPI() as api:
        for k in range(PER_USER):  # interleaved, as a busy evening would arrive
            for user in range(USERS):
                api.message(5000 + user, f"squat 3x5 {60 + 5 * k}kg", first_name=f"U{user}")
        last_update = api.updates[-1]["update_id"]

        first = await _start(db, api)
        try:
            await api.wait_sent(150, within=40)
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL
        # Killed with updates committed but not yet confirmed: Telegram will send them again.
        assert api.confirmed <= last_update
        assert await _count(db, "SELECT count(*) FROM messages") > api.confirmed - 1

        second = await _start(db, api)
        try:
            await api.wait_for(lambda: api.confirmed > last_update, within=50)
        finally:
            second.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(second.communicate(), 15)
        assert second.returncode == 0, stderr.decode()[-2000:]

    total = USERS * PER_USER
    assert await _count(db, "SELECT count(*) FROM messages") == total
    assert await _count(db, "SELECT count(DISTINCT platform_message_id) FROM messages") == total
    assert await _count(db, "SELECT count(*) FROM messages WHERE recorded") == total
    assert await _count(db, "SELECT count(*) FROM strength_sets") == 3 * total
    not_three = (
        "SELECT count(*) FROM (SELECT message_id FROM strength_sets "
        "GROUP BY message_id HAVING count(*) != 3) AS odd"
    )
    assert await _count(db, not_three) == 0


async def _count(db: Path, query: str) -> int:
    engine = create_engine(f"sqlite:///{db}")
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text(query))).scalar_one())
    finally:
        await engine.dispose()
