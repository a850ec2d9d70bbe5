"""The core's Notifier on Telegram: a reminder to a user goes to their private chat."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.observability import METRICS
from bot.telegram.incoming import PLATFORM
from bot.telegram.replies import send_reply
from core.messages import Reply
from core.reminders.notifier import DeliveryRefused

logger = logging.getLogger(__name__)


class TelegramNotifier:
    """Sends through the same (rate-limited) bot as replies; a block is DeliveryRefused."""

    platform = PLATFORM

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, user_id: str, reply: Reply) -> None:
        # A user's private chat with the bot has the user's id.
        try:
            await send_reply(self.bot, int(user_id), reply)
        except Forbidden as exc:
            METRICS.platform_error(PLATFORM)
            raise DeliveryRefused(f"telegram user {user_id}: {exc.message}") from exc
        except BadRequest as exc:
            METRICS.platform_error(PLATFORM)
            if "chat not found" in exc.message.lower():
                raise DeliveryRefused(f"telegram user {user_id}: {exc.message}") from exc
            raise
        except TelegramError:
            METRICS.platform_error(PLATFORM)
            raise
