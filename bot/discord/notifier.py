"""The core's Notifier on Discord: a reminder reaches a user as a DM."""

from __future__ import annotations

import logging

import aiohttp
import discord

from bot.discord.incoming import PLATFORM
from bot.discord.replies import render
from bot.observability import METRICS
from core.messages import Reply
from core.reminders.notifier import DeliveryRefused, DeliveryUnknown

logger = logging.getLogger(__name__)

# discord.py lets these through from aiohttp. A timeout or a connection cut after the
# request was written may come after Discord posted the message; a connection that was
# never made (refused, DNS, a connect timeout) certainly sent nothing.
ANSWER_LOST = (TimeoutError, aiohttp.ClientConnectionError, aiohttp.ClientPayloadError)
NEVER_CONNECTED = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)


class DiscordNotifier:
    """Sends through the running client; closed DMs or an unknown user are DeliveryRefused."""

    platform = PLATFORM

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def send(self, user_id: str, reply: Reply) -> None:
        try:
            user = self.client.get_user(int(user_id)) or await self.client.fetch_user(int(user_id))
            channel = user.dm_channel or await user.create_dm()
            for out in render(reply):
                try:
                    await channel.send(**out.kwargs())
                except Exception as exc:
                    if not answer_lost(exc):
                        raise
                    METRICS.platform_error(PLATFORM)
                    name = type(exc).__name__
                    raise DeliveryUnknown(f"discord user {user_id}: {name}") from exc
        except discord.Forbidden as exc:
            METRICS.platform_error(PLATFORM)
            # 50007 "Cannot send messages to this user": DMs closed, no shared server, blocked.
            raise DeliveryRefused(f"discord user {user_id}: {exc.text or exc.status}") from exc
        except discord.NotFound as exc:
            METRICS.platform_error(PLATFORM)
            raise DeliveryRefused(f"discord user {user_id}: unknown user") from exc
        except discord.HTTPException:
            METRICS.platform_error(PLATFORM)
            raise


def answer_lost(exc: BaseException) -> bool:
    """Return whether a message's POST went out and its answer was lost: it may have arrived."""
    return isinstance(exc, ANSWER_LOST) and not isinstance(exc, NEVER_CONNECTED)
