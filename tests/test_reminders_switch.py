"""DISPATCHER, as `coach run` reads it: on (the default) an adapter process also sends the
reminders; off it leaves them to a `coach run scheduler` elsewhere."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot import runner
from bot.bootstrap import build
from bot.settings import load_settings
from core.messages import IncomingMessage
from tests.telegram_fake import TOKEN, FakeBotAPI

pytestmark = pytest.mark.usefixtures("settings_from_nothing")

MONDAY = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
PINGED = 90  # the Telegram chat with a due reminder
CHATTING = 91  # a chat that talks to the bot while it runs


async def a_due_reminder(db: str) -> None:
    coach = await build(db)
    try:
        message = IncomingMessage(
            "telegram", str(PINGED), uuid.uuid4().hex, "/remind hiit mon 18:00", MONDAY
        )
        assert (await coach.service.handle(message)).status == "answered"
        # Answered back then: its reply is not owed to the process under test.
        await coach.service.answered("telegram", [message.message_id])
        async with coach.engine.begin() as conn:
            await conn.execute(
                text("UPDATE reminder_schedules SET next_fire_at = :at WHERE kind = 'hiit'"),
                {"at": datetime.now(UTC) - timedelta(minutes=1)},
            )
    finally:
        await coach.close()


async def deliveries(db: str) -> int:
    coach = await build(db, migrate=False)
    try:
        async with coach.engine.connect() as conn:
            return (await conn.execute(text("SELECT count(*) FROM reminder_deliveries"))).scalar()
    finally:
        await coach.close()


@pytest.mark.parametrize(
    ("dispatcher", "sends"),
    [(None, True), ("on", True), ("off", False), (" Off ", False)],
)
async def test_dispatcher_env_switch(
    dispatcher: str | None,
    sends: bool,
    api: FakeBotAPI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    await a_due_reminder(db)
    monkeypatch.setenv("TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", api.base_url)
    if dispatcher is not None:
        monkeypatch.setenv("DISPATCHER", dispatcher)
    dispatching: list[str] = []
    real_dispatch = runner._dispatch

    def dispatch(store, name, *args):  # type: ignore[no-untyped-def]
        dispatching.append(name)
        return real_dispatch(store, name, *args)

    monkeypatch.setattr(runner, "_dispatch", dispatch)
    stop = asyncio.Event()
    # What `coach run telegram` does: the settings from the environment, then run.
    running = asyncio.create_task(
        runner.run("telegram", load_settings(env_file=None), db, stop=stop, on_signals=False)
    )
    try:
        api.message(CHATTING, "/start")
        await api.wait_sent(1, chat_id=CHATTING, within=15)  # the bot is up and answering
        if sends:
            [ping] = await api.wait_sent(1, chat_id=PINGED, within=15)
            assert "HIIT" in ping
    finally:
        stop.set()
        assert await asyncio.wait_for(running, 20) == 0
    assert dispatching == (["telegram"] if sends else [])
    if not sends:
        assert api.texts(PINGED) == []
        assert await deliveries(db) == 0  # left, still due, for a dispatcher elsewhere
