"""The core's Notifier on Discord: a reminder reaches a user as a DM."""

from __future__ import annotations

import logging

import discord

from bot.discord.incoming import PLATFORM
from bot.discord.replies import render
from bot.observability import METRICS
from core.messages import Reply
from core.reminders.notifier import DeliveryRefused

logger = logging.getLogger(__name__)


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
                await channel.send(**out.kwargs())
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
