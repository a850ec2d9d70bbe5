"""The core's Notifier on Telegram: a reminder to a user goes to their private chat."""

from __future__ import annotations

import logging

import aiohttp
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut

from bot.observability import METRICS
from bot.telegram.incoming import PLATFORM
from bot.telegram.replies import send_reply
from core.messages import Reply
from core.reminders.notifier import DeliveryRefused, DeliveryUnknown

logger = logging.getLogger(__name__)

# What our HTTP client (bot/telegram/request.py) fails with when no connection was ever
# made (refused, DNS, a connect timeout): the request never went out.
NEVER_CONNECTED = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
CLIENT_ERRORS = (aiohttp.ClientError, OSError)  # the HTTP client's (TimeoutError is an OSError)


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
        except TelegramError as exc:
            METRICS.platform_error(PLATFORM)
            if answer_lost(exc):
                cause = type(exc.__cause__).__name__ if exc.__cause__ else exc.message
                raise DeliveryUnknown(f"telegram user {user_id}: {cause}") from exc
            raise


def answer_lost(exc: TelegramError) -> bool:
    """Return whether the call may have done its work though no readable answer came back.

    A timeout or a connection cut after the request (TimedOut or NetworkError from the
    HTTP client), or a success answer whose JSON could not be read. Not an error that
    Telegram answered (BadRequest, RetryAfter, a 5xx), nor a connection never made.
    """
    cause = exc.__cause__
    if type(exc) is TelegramError:  # PTB's "Invalid server response" to a 2xx answer
        return isinstance(cause, ValueError)
    if type(exc) not in (TimedOut, NetworkError):
        return False
    if cause is None:  # PTB's own mapping of an answered 5xx, or a call never made
        return isinstance(exc, TimedOut)
    return isinstance(cause, CLIENT_ERRORS) and not isinstance(cause, NEVER_CONNECTED)
