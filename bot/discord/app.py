"""Builds the Discord bot from the environment and runs it: `coach run discord`."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Mapping
from dataclasses import dataclass

import discord
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.discord.client import CoachClient
from bot.discord.notifier import DiscordNotifier
from core.service import ConversationService

__all__ = ["ConfigError", "DiscordConfig", "run_from_env", "serve"]

logger = logging.getLogger(__name__)


class ConfigError(Exception):
    """A setting is missing or wrong: one line for the user, exit code 2."""


@dataclass(frozen=True)
class DiscordConfig:
    token: str
    guild_id: int | None = None  # sync slash commands to this server only (instant)

    def __repr__(self) -> str:  # never show the token, even in a traceback
        return f"DiscordConfig(token=***, guild_id={self.guild_id})"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> DiscordConfig:
        token = env.get("DISCORD_TOKEN", "").strip()
        if not token:
            raise ConfigError(
                "DISCORD_TOKEN is not set (the bot token from the Discord developer portal)"
            )
        guild = env.get("DISCORD_GUILD_ID", "").strip()
        if guild and not guild.isdigit():
            raise ConfigError("DISCORD_GUILD_ID must be a server id (digits)")
        return cls(token, int(guild) if guild else None)


async def serve(
    service: ConversationService,
    config: DiscordConfig,
    stop: asyncio.Event,
    *,
    engine: AsyncEngine | None = None,
) -> None:
    """Run the Discord bot on this event loop until `stop` is set.

    With `engine`, due reminders for Discord users are also sent from here (as DMs).
    """
    client = CoachClient(service, guild_id=config.guild_id)
    async with client:
        runner = asyncio.create_task(client.start(config.token, reconnect=True))
        stopper = asyncio.create_task(stop.wait())
        reminders = (
            asyncio.create_task(_dispatch_reminders(engine, client, stop)) if engine else None
        )
        await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if reminders is not None:
            reminders.cancel()
        if not runner.done():
            runner.cancel()
            return
        try:
            runner.result()
        except discord.LoginFailure:
            raise ConfigError("Discord rejected DISCORD_TOKEN (reset it in the portal)") from None
        except discord.PrivilegedIntentsRequired:
            raise ConfigError("Discord refused the bot's intents") from None


async def _dispatch_reminders(
    engine: AsyncEngine, client: CoachClient, stop: asyncio.Event
) -> None:
    """Deliver due reminders to Discord users once the client is connected."""
    from bot.scheduler import dispatcher_enabled, run_dispatcher

    if not dispatcher_enabled():
        return
    await client.wait_until_ready()
    await run_dispatcher(engine, {DiscordNotifier.platform: DiscordNotifier(client)}, stop)


def configure_logging(env: Mapping[str, str]) -> None:
    """Log to stderr at LOG_LEVEL (default INFO). discord.py never logs the token."""
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=env.get("LOG_LEVEL", "INFO").upper(),
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )


async def run_from_env(db_url: str | None, env: Mapping[str, str] | None = None) -> int:
    """`coach run discord`: settings from the environment, stop on SIGINT/SIGTERM."""
    from bot.bootstrap import build

    env = os.environ if env is None else env
    config = DiscordConfig.from_env(env)
    configure_logging(env)
    coach = await build(db_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await serve(coach.service, config, stop, engine=coach.engine)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await coach.close()
    return 0
