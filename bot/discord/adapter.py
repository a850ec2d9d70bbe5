"""Discord events through the core: each person's turn, concurrency, retries, replies sent.

Translating an event is in `incoming`, rendering a reply in `replies`; this module decides
how messages, slash commands and clicks are handled and answered.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import discord

from bot.answered import AnsweredMarks, marker_of
from bot.discord.catch_up import CatchUp
from bot.discord.incoming import PLATFORM, command_of, incoming_interaction, incoming_message
from bot.discord.owed import OwedSender
from bot.discord.replies import render
from bot.locks import KeyedLocks
from bot.observability import METRICS
from core.conversation.ownership import refused
from core.conversation.results import HandleResult, MessageHandler
from core.conversation.service import FAILED
from core.messages import Attachment, IncomingMessage, Reply

logger = logging.getLogger(__name__)

MAX_DOWNLOAD = 20 * 1024 * 1024  # a workout app's export is far smaller
TOO_BIG = "That file is over 20 MB, so I didn't read it. Nothing was imported."
NOT_DOWNLOADED = "I couldn't download that file, so nothing was imported. Please send it again."
SENT_PRIVATELY = "📬 I've answered you in a DM."
# Discord wants an answer to an interaction within 3 s; past this, say "thinking…" first.
DEFER_AFTER = 2.0
# A failed handling (the core rolled back) is retried this often before the user is told.
FAILED_RETRIES = 2
FAILED_BACKOFF = 0.5
# Discord does not deliver a message again, so one that met the database out of reach is
# tried again for this long (seconds), then kept for the catch-up (bot.discord.catch_up).
UNAVAILABLE_PATIENCE = 120.0
UNAVAILABLE_BACKOFF = 1.0
UNAVAILABLE_MAX_PAUSE = 10.0
# Messages in the core at once: those arriving together share one transaction (group
# commit), so this also bounds a transaction's size.
CONCURRENCY = 100


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
        self._marks = AnsweredMarks(PLATFORM, marker_of(service))
        writers = getattr(service, "correspondents", None)  # a stand-in core may have none
        self.owed = OwedSender(client, service, self._marks)
        self.catch_up = CatchUp(client, self.on_message, writers, before=self.owed.send)

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
            if result.status == "unavailable" and what != "message":
                # No channel's history holds an interaction to catch up from: ask again.
                result = HandleResult((FAILED,), "failed")
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
            if result.owed and result.status != "duplicate":
                # Sent (or given up on): not owed any more. An interaction can't be
                # answered later, so it is marked whatever happens to its answer.
                self._marks.add(message.message_id)
                self.owed.answered_by_us(message.message_id)
        return result

    # Messages: DMs and mentions --------------------------------------------------------

    async def on_message(self, message: discord.Message, *, edited: bool = False) -> None:
        me = self.client.user
        if me is None or message.author.id == me.id:
            return
        incoming = incoming_message(message, me, edited=edited)
        self.catch_up.saw(message, addressed=incoming is not None)
        if incoming is None:
            return
        if message.attachments and message.guild is None and not edited:
            incoming = await self._with_attachment(message, incoming)
            if incoming is None:
                return
        command = command_of(incoming.text)

        async def reply(result: HandleResult) -> None:
            if result.status == "unavailable":  # nothing stored, nothing said: kept for later
                self.catch_up.keep(message, edited=edited)
            else:
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
        told_about_dm = pointed = False
        for reply in result.replies:
            channel: discord.abc.Messageable = message.channel
            if in_guild and reply.private:
                # A server channel can't show a message to one person only: use their DMs.
                channel = message.author
            try:
                for out in render(reply, command):
                    await channel.send(**out.kwargs())
                if channel is not message.channel and not pointed:
                    pointed = True  # say where the answer went, once, under their message
                    await self._send_quietly(message.channel, SENT_PRIVATELY, message)
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

    async def _send_quietly(
        self,
        channel: discord.abc.Messageable,
        text: str,
        answering: discord.Message | None = None,
    ) -> None:
        try:
            if answering is None:
                await channel.send(text)
            else:
                reference = answering.to_reference(fail_if_not_exists=False)
                await channel.send(text, reference=reference, mention_author=False)
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
        """A button click: its data goes to the core as if typed, then the buttons go away.

        A click the core refused (someone else's button) changes nothing, the buttons
        included: the clicker alone sees why.
        """
        message = incoming_interaction(interaction, data, is_callback=True)
        work = asyncio.ensure_future(self._take_turn(message, "click"))
        done, _ = await asyncio.wait({work}, timeout=DEFER_AFTER)
        if not done:  # slow: acknowledge within Discord's 3 s, leaving the message as it is
            await self._defer_quietly(interaction)
        result = await work
        if refused(result):
            notices = [replace(reply, private=True) for reply in result.replies]
            if not notices and not interaction.response.is_done():
                await self._defer_quietly(interaction)
            await self._answer(interaction, notices, None)
            return
        try:  # taken: remove the buttons so the question isn't answered twice
            if interaction.response.is_done():
                await interaction.edit_original_response(view=None)
            else:
                await interaction.response.edit_message(view=None)
        except discord.HTTPException as exc:
            METRICS.platform_error(PLATFORM)
            logger.debug("removing buttons failed: %s", exc)
        await self._answer(interaction, list(result.replies), command_of(data))

    async def _defer_quietly(self, interaction: discord.Interaction[Any]) -> None:
        try:  # a click's defer changes nothing the person sees
            await interaction.response.defer()
        except discord.HTTPException as exc:
            METRICS.platform_error(PLATFORM)
            logger.debug("deferring click %s failed: %s", interaction.id, exc)

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
        result = await self._stored(message)
        for attempt in range(1, FAILED_RETRIES + 1):
            if result.status != "failed":
                break
            # The core rolled back: trying again is safe and usually works (a lock, a blip).
            await asyncio.sleep(FAILED_BACKOFF * attempt)
            result = await self._stored(message)
        if result.status == "duplicate":
            # Discord never delivers a message twice: a repeat is an edit that changed
            # nothing, or an event seen twice; its replies went out with the first.
            return replace(result, replies=())
        return result

    async def _stored(self, message: IncomingMessage) -> HandleResult:
        """Handle `message`, waiting (within bounds) for a database that is out of reach."""
        waited, pause = 0.0, UNAVAILABLE_BACKOFF
        result = await self.service.handle(message)
        while result.status == "unavailable" and waited < UNAVAILABLE_PATIENCE:
            await asyncio.sleep(pause)
            waited, pause = waited + pause, min(pause * 2, UNAVAILABLE_MAX_PAUSE)
            result = await self.service.handle(message)
        return result
