"""People with a due Telegram reminder, and a real Telegram notifier on the stand-in Bot API.

Shared by the reminder tests that send through python-telegram-bot over real HTTP
(tests/telegram_fake.py): the rows are written directly, as many as a test needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from bot.telegram.notifier import TelegramNotifier
from bot.telegram.request import AiohttpRequest
from storage.models import User
from storage.reminder_models import ReminderDelivery, ReminderSchedule
from tests.telegram_fake import TOKEN, FakeBotAPI

USERS = User.__table__  # type: ignore[attr-defined]
SCHEDULES = ReminderSchedule.__table__  # type: ignore[attr-defined]
DELIVERIES = ReminderDelivery.__table__  # type: ignore[attr-defined]


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


async def add_people(engine: AsyncEngine, due: dict[int, datetime]) -> None:
    """Give each Telegram chat a HIIT reminder next due at its instant, and weekly at 18:00
    UTC on the day three days from now: its next time, once sent, is never within a test's
    hours (a Monday reminder sent on a Monday at 17:30 came due again at 18:00)."""
    now = datetime.now(UTC)
    day = DAYS[(now.weekday() + 3) % 7]
    async with engine.begin() as conn:
        for chat, fire_at in due.items():
            user = await conn.execute(
                insert(USERS)
                .values(units="kg", timezone="UTC", paused=False, created_at=now)
                .returning(USERS.c.id)
            )
            await conn.execute(
                insert(SCHEDULES).values(
                    user_id=user.scalar_one(),
                    kind="hiit",
                    days=day,
                    hour=18,
                    minute=0,
                    timezone="UTC",
                    platform="telegram",
                    external_id=str(chat),
                    next_fire_at=fire_at,
                    updated_at=now,
                )
            )


async def statuses(engine: AsyncEngine) -> dict[int, str]:
    """Return each chat's delivery status (one delivery per chat in these tests)."""
    async with engine.connect() as conn:
        rows = await conn.execute(select(DELIVERIES.c.external_id, DELIVERIES.c.status))
        found = [(int(chat), status) for chat, status in rows.all()]
    assert len(found) == len({chat for chat, _ in found}), "one delivery per chat"
    return dict(found)


def received(api: FakeBotAPI, chats: Sequence[int]) -> dict[int, int]:
    """Return how many messages each chat got from the bot (every one, even unanswered)."""
    got = Counter(int(call.params["chat_id"]) for call in api.sent("sendMessage"))
    return {chat: got[chat] for chat in chats}


@asynccontextmanager
async def telegram_notifier(
    api: FakeBotAPI, *, read_timeout: float = 5.0, base_url: str | None = None
) -> AsyncIterator[TelegramNotifier]:
    """Yield the production notifier: PTB with our aiohttp client and rate limiter.

    With `base_url` (a dead address) it skips getMe, which could not get through.
    """
    config = TelegramConfig(TOKEN, base_url or api.base_url)
    clients = (AiohttpRequest(1), AiohttpRequest(4, read_timeout=read_timeout))
    application = build_application(config, clients)
    try:
        if base_url is None:
            await application.initialize()  # getMe, as the bot does at start
        else:
            for client in clients:
                await client.initialize()
        yield TelegramNotifier(application.bot)
    finally:
        await application.shutdown()
        for client in clients:  # PTB shuts down only what it initialized itself
            await client.shutdown()
