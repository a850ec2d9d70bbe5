"""Discord -> core: DMs, mentions, slash commands and clicks as the core's IncomingMessage."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.platform_text import clean_name, clean_text, fit_id
from core.messages import IncomingMessage

PLATFORM = "discord"


def _mention(user_id: int) -> re.Pattern[str]:
    return re.compile(rf"<@!?{user_id}>[,:]?")


def addressed_text(message: discord.Message, me: discord.abc.User) -> str | None:
    """Return what the bot should read of `message` (mention stripped), or None to ignore it.

    Every DM is for the bot; in a server only messages that mention it are.
    """
    if message.author.bot or message.type not in (
        discord.MessageType.default,
        discord.MessageType.reply,
    ):
        return None
    text = message.content
    if message.guild is None:
        return text.strip() or ("" if message.attachments else None)
    if me.id not in message.raw_mentions:
        return None
    stripped = re.sub(r"[ \t]{2,}", " ", _mention(me.id).sub("", text)).strip()
    return stripped or "/help"


def incoming_message(
    message: discord.Message, me: discord.abc.User, *, edited: bool = False
) -> IncomingMessage | None:
    """Return the core's view of a DM or a mention, or None if the bot should ignore it."""
    text = addressed_text(message, me)
    if text is None:
        return None
    return IncomingMessage(
        platform=PLATFORM,
        # The person, never the channel or server: records follow the user everywhere.
        user_id=str(message.author.id),
        # Snowflakes are unique across Discord, so the id alone is stable and enough.
        message_id=str(message.id),
        text=clean_text(text),
        # An edit keeps the original time: the workout stays on the day it was logged.
        sent_at=message.created_at,
        edited=edited,
        display_name=clean_name(message.author.display_name),
    )


def incoming_interaction(
    interaction: discord.Interaction[Any], text: str, *, is_callback: bool = False, part: int = 0
) -> IncomingMessage:
    """Return a slash command or a button click as the core's message."""
    suffix = f":{part}" if part else ""
    return IncomingMessage(
        platform=PLATFORM,
        user_id=str(interaction.user.id),
        message_id=fit_id(f"int:{interaction.id}{suffix}"),
        text=clean_text(text),
        sent_at=interaction.created_at,
        is_callback=is_callback,
        display_name=clean_name(interaction.user.display_name),
    )


def command_of(text: str) -> str | None:
    """Return the command name of `/plan args`, or None for free text."""
    if not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].lower() if len(text) > 1 else None
