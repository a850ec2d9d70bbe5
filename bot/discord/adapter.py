"""Translation both ways: Discord messages and interactions in, core replies out."""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

import discord

from bot.discord.views import choices_view
from bot.locks import KeyedLocks
from bot.observability import METRICS
from bot.text_split import split_text as split
from core.conversation.results import HandleResult, MessageHandler
from core.messages import Attachment, IncomingMessage, Reply

logger = logging.getLogger(__name__)

PLATFORM = "discord"
MAX_TEXT = 2000  # characters per message
MAX_EMBED_TEXT = 4096  # characters in an embed description
MAX_DOWNLOAD = 20 * 1024 * 1024  # a workout app's export is far smaller
TOO_BIG = "That file is over 20 MB, so I didn't read it. Nothing was imported."
NOT_DOWNLOADED = "I couldn't download that file, so nothing was imported. Please send it again."
EPHEMERAL = discord.MessageFlags(ephemeral=True).value  # 64
# Replies to these commands are shown as an embed (title + body) when they carry data.
EMBED_COMMANDS = ("plan", "week")
EMBED_COLOUR = discord.Colour.teal()
# Discord wants an answer to an interaction within 3 s; past this, say "thinking…" first.
DEFER_AFTER = 2.0
# A failed handling (the core rolled back) is retried this often before the user is told.
FAILED_RETRIES = 2
FAILED_BACKOFF = 0.5
# Messages in the core at once: those arriving together share one transaction (group
# commit), so this also bounds a transaction's size.
CONCURRENCY = 100


# --- Discord -> core -----------------------------------------------------------------


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
        text=text,
        # An edit keeps the original time: the workout stays on the day it was logged.
        sent_at=message.created_at,
        edited=edited,
        display_name=message.author.display_name or None,
    )


def incoming_interaction(
    interaction: discord.Interaction[Any], text: str, *, is_callback: bool = False, part: int = 0
) -> IncomingMessage:
    """Return a slash command or a button click as the core's message."""
    suffix = f":{part}" if part else ""
    return IncomingMessage(
        platform=PLATFORM,
        user_id=str(interaction.user.id),
        message_id=f"int:{interaction.id}{suffix}",
        text=text,
        sent_at=interaction.created_at,
        is_callback=is_callback,
        display_name=interaction.user.display_name or None,
    )


def command_of(text: str) -> str | None:
    """Return the command name of `/plan args`, or None for free text."""
    if not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].lower() if len(text) > 1 else None


# --- core -> Discord -----------------------------------------------------------------


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Return `text` in messages Discord accepts (at most 2,000 characters each)."""
    return split(text, limit)


@dataclass
class Outgoing:
    """One Discord message to send: the keyword arguments of `send`."""

    content: str | None = None
    embed: discord.Embed | None = None
    file: discord.File | None = None
    view: discord.ui.View | None = None

    def kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}


def render(reply: Reply, command: str | None = None) -> list[Outgoing]:
    """Return the Discord messages for one reply; attachment and buttons go on the last."""
    text = reply.text.strip()
    view = choices_view(reply.choices)
    embed = _embed(reply, text, command)
    if embed is not None:
        return [Outgoing(embed=embed, view=view)]
    out = [Outgoing(content=chunk) for chunk in split_text(text)] or [Outgoing()]
    last = out[-1]
    if reply.image is not None:
        last.file = discord.File(io.BytesIO(reply.image), filename="chart.png")
    elif reply.file is not None:
        last.file = discord.File(io.BytesIO(reply.file.data), filename=reply.file.filename)
    last.view = view
    if last.content is None and last.file is None and last.view is None:
        return []
    return out


def _embed(reply: Reply, text: str, command: str | None) -> discord.Embed | None:
    """Return /plan and /week data as an embed: its first line is the title."""
    if command not in EMBED_COMMANDS or not reply.private or reply.image or reply.file:
        return None
    title, _, body = text.partition("\n")
    if not body or len(title) > 256 or len(body) > MAX_EMBED_TEXT:
        return None
    return discord.Embed(title=title.rstrip(":"), description=body, colour=EMBED_COLOUR)


# --- the adapter ---------------------------------------------------------------------


class DiscordAdapter:
    """Hands each Discord event to the core and sends the replies back.

    Every message, slash command and click goes through `_take_turn`: one person's
    messages in order, at most `concurrency` in the core at once, a rollback retried.
    """

    def __init__(
        self, client: discord.Client, service: MessageHandler, concurrency: int = CONCURRENCY
    ) -> None:
        self.client = client
        self.service = service
        self._people = KeyedLocks()
        self._slots = asyncio.Semaphore(concurrency)

    async def _take_turn(
        self,
        message: IncomingMessage,
        what: str,
        then: Callable[[HandleResult], Awaitable[None]] | None = None,
    ) -> HandleResult:
        """Hand `message` to the core in its person's turn, log the outcome, run `then`.

        `then` (sending the replies) runs before the person's next message is handled.
        """
        async with self._people.hold(message.user_id):
            async with self._slots:
                result = await self._handle(message)
            logger.info(
                "discord %s %s from user %s: %s, %d replies",
                what,
                message.message_id,
                message.user_id,
                result.status,
                len(result.replies),
            )
            if then is not None:
                await then(result)
        return result

    # Messages: DMs and mentions --------------------------------------------------------

    async def on_message(self, message: discord.Message, *, edited: bool = False) -> None:
        me = self.client.user
        if me is None or message.author.id == me.id:
            return
        incoming = incoming_message(message, me, edited=edited)
        if incoming is None:
            return
        if message.attachments and message.guild is None and not edited:
            incoming = await self._with_attachment(message, incoming)
            if incoming is None:
                return
        command = command_of(incoming.text)

        async def reply(result: HandleResult) -> None:
            await self._reply_to_message(message, result, command)

        await self._take_turn(incoming, "message", reply)

    async def _with_attachment(
        self, message: discord.Message, incoming: IncomingMessage
    ) -> IncomingMessage | None:
        """Return the message with its first file (a Strong or Hevy export, say) attached."""
        file = message.attachments[0]
        if file.size > MAX_DOWNLOAD:
            await self._send_quietly(message.channel, TOO_BIG)
            return None
        try:
            data = await file.read()
        except discord.HTTPException as exc:
            METRICS.platform_error(PLATFORM)
            logger.warning("attachment of message %s not downloaded: %s", message.id, exc)
            await self._send_quietly(message.channel, NOT_DOWNLOADED)
            return None
        return replace(
            incoming, attachment=Attachment(file.filename, data, file.content_type or None)
        )

    async def on_raw_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """An edited message edits its record (the core matches it by message id)."""
        if "content" not in payload.data:
            return  # an embed unfurled or a pin changed: not the user's words
        await self.on_message(payload.message, edited=True)

    async def _reply_to_message(
        self, message: discord.Message, result: HandleResult, command: str | None
    ) -> None:
        in_guild = message.guild is not None
        told_about_dm = False
        for reply in result.replies:
            channel: discord.abc.Messageable = message.channel
            if in_guild and reply.private:
                # A server channel can't show a message to one person only: use their DMs.
                channel = message.author
            try:
                for out in render(reply, command):
                    await channel.send(**out.kwargs())
            except discord.Forbidden:
                METRICS.platform_error(PLATFORM)
                if channel is message.channel or told_about_dm:
                    logger.info("channel %s refuses messages from the bot", message.channel.id)
                    return
                told_about_dm = True
                await self._send_quietly(
                    message.channel,
                    f"{message.author.mention} I can't DM you, so I won't show your data here. "
                    "Allow DMs from server members, or use the slash commands (only you see "
                    "their answers).",
                )
            except discord.HTTPException as exc:
                METRICS.platform_error(PLATFORM)
                # The write is committed; re-handling would be a no-op, so just log it.
                logger.warning("reply to message %s not sent: %s", message.id, exc)

    async def _send_quietly(self, channel: discord.abc.Messageable, text: str) -> None:
        try:
            await channel.send(text)
        except discord.HTTPException as exc:
            METRICS.platform_error(PLATFORM)
            logger.info("notice not sent: %s", exc)

    # Interactions: slash commands and buttons -------------------------------------------

    async def on_command(self, interaction: discord.Interaction[Any], *texts: str) -> None:
        """Run a slash command given as one or more core command texts, then answer it."""
        work = asyncio.ensure_future(self._handle_all(interaction, texts))
        done, _ = await asyncio.wait({work}, timeout=DEFER_AFTER)
        if not done:
            # Slow: acknowledge now. The answer's privacy is fixed here, so choose private.
            await interaction.response.defer(
                ephemeral=interaction.guild_id is not None, thinking=True
            )
        replies = await work
        await self._answer(interaction, replies, command_of(texts[0]) if texts else None)

    async def on_choice(self, interaction: discord.Interaction[Any], data: str) -> None:
        """A button click: its data goes to the core as if typed; the buttons go away."""
        message = incoming_interaction(interaction, data, is_callback=True)
        try:  # answered: take the buttons away so the question isn't answered twice
            await interaction.response.edit_message(view=None)
        except discord.HTTPException as exc:
            METRICS.platform_error(PLATFORM)
            logger.debug("removing buttons failed: %s", exc)
        result = await self._take_turn(message, "click")
        await self._answer(interaction, list(result.replies), command_of(data))

    async def _handle_all(
        self, interaction: discord.Interaction[Any], texts: tuple[str, ...]
    ) -> list[Reply]:
        replies: list[Reply] = []
        for part, text in enumerate(texts):
            message = incoming_interaction(interaction, text, part=part)
            result = await self._take_turn(message, "interaction")
            replies += result.replies
        return replies

    async def _answer(
        self, interaction: discord.Interaction[Any], replies: list[Reply], command: str | None
    ) -> None:
        """Send replies as the interaction's response and follow-ups; private ones ephemeral."""
        in_guild = interaction.guild_id is not None
        try:
            for reply in replies:
                ephemeral = in_guild and reply.private
                for out in render(reply, command):
                    if interaction.response.is_done():
                        await interaction.followup.send(**out.kwargs(), ephemeral=ephemeral)
                    else:
                        await interaction.response.send_message(**out.kwargs(), ephemeral=ephemeral)
        except discord.HTTPException as exc:
            METRICS.platform_error(PLATFORM)
            logger.warning("answer to interaction %s not sent: %s", interaction.id, exc)

    async def _handle(self, message: IncomingMessage) -> HandleResult:
        result = await self.service.handle(message)
        for attempt in range(1, FAILED_RETRIES + 1):
            if result.status != "failed":
                break
            # The core rolled back: trying again is safe and usually works (a lock, a blip).
            await asyncio.sleep(FAILED_BACKOFF * attempt)
            result = await self.service.handle(message)
        return result
