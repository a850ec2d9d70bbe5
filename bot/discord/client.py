"""The Discord client: intents, slash commands (with autocomplete) and event wiring."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any, Literal
from zoneinfo import available_timezones

import discord
from discord import app_commands

from bot.discord.adapter import DiscordAdapter
from bot.discord.views import ChoiceButton
from core.conversation.results import MessageHandler
from core.recording.search import search

logger = logging.getLogger(__name__)

MAX_AUTOCOMPLETE = 25  # Discord's limit


def intents() -> discord.Intents:
    """Return only what the coach needs; none of these is privileged.

    DMs and messages that mention the bot carry their text without the privileged
    message_content intent, and slash commands need no intent at all.
    """
    wanted = discord.Intents.none()
    wanted.guilds = True  # server and channel info for interactions and mentions
    wanted.dm_messages = True  # free-text logging in DMs, and DM edits
    wanted.guild_messages = True  # mentions of the bot in servers
    return wanted


class CoachClient(discord.Client):
    """A discord.Client holding the adapter; slash commands live on its CommandTree."""

    def __init__(
        self, service: MessageHandler, *, guild_id: int | None = None, **options: Any
    ) -> None:
        super().__init__(
            intents=intents(),
            # The bot never pings anyone by accident (a user's text echoed in a reply).
            allowed_mentions=discord.AllowedMentions(everyone=False, roles=False, users=True),
            **options,
        )
        self.adapter = DiscordAdapter(self, service)
        self.guild_id = guild_id
        self.tree = app_commands.CommandTree(self)
        add_commands(self.tree, self.adapter)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ChoiceButton)
        if self.guild_id is not None:
            # One server updates at once: for development.
            guild = discord.Object(self.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        else:
            synced = await self.tree.sync()  # global: may take a while to show up
        logger.info("synced %d slash commands", len(synced))

    async def on_ready(self) -> None:
        logger.info("discord bot %s (%s) ready", self.user, getattr(self.user, "id", "?"))
        self.adapter.catch_up.request()  # a (re)start: what came while the bot was away

    async def on_resumed(self) -> None:
        self.adapter.catch_up.request()  # Discord does not replay what the gap missed

    async def close(self) -> None:
        await self.adapter.catch_up.stop()
        await super().close()

    async def on_message(self, message: discord.Message) -> None:
        await self.adapter.on_message(message)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        await self.adapter.on_raw_edit(payload)


async def exercise_choices(
    _interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Return the catalogue's exercises matching what was typed so far."""
    found = search(current, MAX_AUTOCOMPLETE)
    return [app_commands.Choice(name=e.name, value=e.name.lower()) for e in found]


@cache
def _zones() -> tuple[str, ...]:
    skip = ("Etc/", "SystemV/", "posix/", "right/")
    return tuple(sorted(z for z in available_timezones() if not z.startswith(skip)))


def zone_matches(current: str) -> list[str]:
    """Return IANA zones whose name or city matches `current`: city prefix first."""
    key = current.strip().lower().replace(" ", "_")
    if not key:
        return ["UTC", "Europe/London", "Europe/Berlin", "America/New_York"]
    city_first = [z for z in _zones() if z.rsplit("/", 1)[-1].lower().startswith(key)]
    anywhere = [z for z in _zones() if key in z.lower() and z not in city_first]
    return (city_first + anywhere)[:MAX_AUTOCOMPLETE]


async def timezone_choices(
    _interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=z, value=z) for z in zone_matches(current)]


def add_commands(tree: app_commands.CommandTree[Any], adapter: DiscordAdapter) -> None:
    """Register the slash commands: each one is the core command text it stands for."""

    @tree.command(name="log", description="Log a workout, e.g. squat 3x8 100kg")
    @app_commands.describe(text="what you did, e.g. squat 3x8 100kg or zone 2 45 min")
    async def log(interaction: discord.Interaction[Any], text: str) -> None:
        await adapter.on_command(interaction, text)

    @tree.command(name="plan", description="Next session's loads")
    async def plan(interaction: discord.Interaction[Any]) -> None:
        await adapter.on_command(interaction, "/plan")

    @tree.command(name="app", description="Your training at a glance: a link to your page")
    async def app(interaction: discord.Interaction[Any]) -> None:
        await adapter.on_command(interaction, "/app")

    @tree.command(name="program", description="A starting week if you have nothing logged")
    async def program(interaction: discord.Interaction[Any]) -> None:
        await adapter.on_command(interaction, "/program")

    @tree.command(name="week", description="This week against the protocol")
    async def week(interaction: discord.Interaction[Any]) -> None:
        await adapter.on_command(interaction, "/week")

    @tree.command(name="history", description="Recent sessions of a lift")
    @app_commands.describe(exercise="the lift, e.g. squat")
    @app_commands.autocomplete(exercise=exercise_choices)
    async def history(interaction: discord.Interaction[Any], exercise: str) -> None:
        await adapter.on_command(interaction, f"/history {exercise}")

    @tree.command(name="undo", description="Remove your last log")
    async def undo(interaction: discord.Interaction[Any]) -> None:
        await adapter.on_command(interaction, "/undo")

    @tree.command(name="units", description="Log in kg or lb")
    @app_commands.describe(unit="kg or lb (leave empty to see the current one)")
    async def units(
        interaction: discord.Interaction[Any], unit: Literal["kg", "lb"] | None = None
    ) -> None:
        await adapter.on_command(interaction, f"/units {unit}" if unit else "/units")

    @tree.command(name="timezone", description="Your timezone, e.g. Europe/Berlin")
    @app_commands.describe(zone="a city or IANA name (leave empty to see the current one)")
    @app_commands.autocomplete(zone=timezone_choices)
    async def timezone(interaction: discord.Interaction[Any], zone: str | None = None) -> None:
        await adapter.on_command(interaction, f"/timezone {zone}" if zone else "/timezone")

    @tree.command(name="profile", description="Your age and bodyweight")
    @app_commands.describe(age="your age in years", weight="your bodyweight, e.g. 80kg")
    async def profile(
        interaction: discord.Interaction[Any],
        age: app_commands.Range[int, 1, 130] | None = None,
        weight: str | None = None,
    ) -> None:
        texts = []
        if age is not None:
            texts.append(f"/profile age {age}")
        if weight:
            texts.append(f"/profile weight {weight}")
        await adapter.on_command(interaction, *(texts or ["/profile"]))

    @tree.command(name="ask", description="Ask the coach a question")
    @app_commands.describe(question="e.g. how heavy should I lift?")
    async def ask(interaction: discord.Interaction[Any], question: str) -> None:
        await adapter.on_command(interaction, f"/ask {question}")

    @tree.command(name="help", description="How to log a workout, and every command")
    async def help_(interaction: discord.Interaction[Any]) -> None:
        await adapter.on_command(interaction, "/help")

    @tree.command(name="link", description="One history on Telegram and Discord")
    @app_commands.describe(code="the code /link gave you on your other account")
    async def link(interaction: discord.Interaction[Any], code: str | None = None) -> None:
        await adapter.on_command(interaction, f"/link {code}" if code else "/link")
