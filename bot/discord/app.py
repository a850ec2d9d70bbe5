"""Builds the Discord bot from settings and runs it (`coach run discord`, `coach run all`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass

import aiohttp
import discord

from bot.discord.client import CoachClient
from bot.discord.notifier import DiscordNotifier
from bot.stopping import sleep_unless_stopped
from core.conversation.results import MessageHandler

__all__ = ["ConfigError", "DiscordBot", "DiscordConfig", "serve"]

logger = logging.getLogger(__name__)

MAX_STARTUP_BACKOFF = 60.0
# What a gateway that cannot be reached raises: retried, never fatal.
_UNREACHABLE = (
    aiohttp.ClientError,
    OSError,
    discord.DiscordServerError,
    discord.GatewayNotFound,
    discord.ConnectionClosed,
)


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


class DiscordBot:
    """The running bot: log in over HTTP, then hold the gateway connection until stopped.

    With `receive=False` it only sends (the reminder dispatcher's notifier): a plain
    client logged in over HTTP is enough to DM a user; no gateway, no command sync.
    """

    name = "discord"

    def __init__(
        self, service: MessageHandler, config: DiscordConfig, *, receive: bool = True
    ) -> None:
        self.config = config
        self.receive = receive
        self.client: discord.Client = (
            CoachClient(service, guild_id=config.guild_id)
            if receive
            else discord.Client(intents=discord.Intents.none())
        )
        self.notifier = DiscordNotifier(self.client)
        self._logged_in = False

    def connected(self) -> bool:
        """Return True while the gateway is ready (send-only: once logged in), for /healthz."""
        return self.client.is_ready() if self.receive else self._logged_in

    async def start(self, stop: asyncio.Event | None = None) -> bool:
        """Log in (retrying while Discord is unreachable); return False if stopped first."""
        stop = stop or asyncio.Event()
        delay = 1.0
        while not stop.is_set():
            try:
                await self.client.login(self.config.token)
                self._logged_in = True
                return True
            except discord.LoginFailure:
                raise ConfigError(
                    "Discord rejected DISCORD_TOKEN (reset it in the portal)"
                ) from None
            except (aiohttp.ClientError, OSError, discord.DiscordServerError) as exc:
                logger.warning("Discord unreachable (%s); retrying in %.0f s", exc, delay)
                await sleep_unless_stopped(stop, delay)
                delay = min(delay * 2, MAX_STARTUP_BACKOFF)
        return False

    async def run(self, stop: asyncio.Event) -> None:
        """Hold the gateway connection until `stop` is set (send-only: just wait)."""
        if not self.receive:
            await stop.wait()
            return
        delay = 1.0
        while not stop.is_set():
            gateway = asyncio.create_task(self.client.connect(reconnect=True))
            stopper = asyncio.create_task(stop.wait())
            try:
                await asyncio.wait({gateway, stopper}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                stopper.cancel()
                if not gateway.done():
                    gateway.cancel()
            if not gateway.done() or gateway.cancelled():
                return
            try:
                gateway.result()
                return
            except discord.PrivilegedIntentsRequired:
                raise ConfigError("Discord refused the bot's intents") from None
            except (*_UNREACHABLE, AttributeError) as exc:
                # A gateway that never answered: discord.py's own retry then fails on the
                # session it never had (AttributeError). Try again, as at login.
                logger.warning(
                    "Discord gateway unreachable (%s); retrying in %.0f s",
                    type(exc).__name__,
                    delay,
                )
                await sleep_unless_stopped(stop, delay)
                delay = min(delay * 2, MAX_STARTUP_BACKOFF)

    async def stop(self) -> None:
        self._logged_in = False
        await self.client.close()


async def serve(service: MessageHandler, config: DiscordConfig, stop: asyncio.Event) -> None:
    """Run the Discord bot on this event loop until `stop` is set.

    Reminders are not sent from here: bot.runner owns the one dispatcher of a process.
    """
    bot = DiscordBot(service, config)
    try:
        if await bot.start(stop):
            await bot.run(stop)
    finally:
        await bot.stop()
