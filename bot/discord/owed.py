"""Replies a stored Discord message is still owed after a restart: sent to the author's DMs.

Discord never delivers a message twice, so a message stored just before the bot died is not
read back (the catch-up starts after the newest stored one). Its replies were kept with it
(core.conversation.outbox); at start they go to the person's DMs, where they can be read
whatever channel the message came from, and the message is marked answered.
"""

from __future__ import annotations

import logging

import discord

from bot.answered import AnsweredMarks
from bot.discord.incoming import PLATFORM
from bot.discord.replies import render
from core.clock import utcnow
from core.conversation.outbox import OWED_WITHIN, OwedReplies

logger = logging.getLogger(__name__)

OWED_AT_MOST = 1_000


class OwedSender:
    def __init__(self, client: discord.Client, service: object, marks: AnsweredMarks) -> None:
        self.client = client
        self._read = getattr(service, "owed", None)  # a stand-in core may keep no outbox
        self.marks = marks
        # Messages this process answered itself (their marks may still be on their way).
        self.answered_here: set[str] = set()
        self._done = False

    def answered_by_us(self, key: str) -> None:
        """Note a message this process answered, until the owed ones have been sent."""
        if not self._done:
            self.answered_here.add(key)

    async def send(self) -> int:
        """Send what stored messages are still owed; return how many messages were answered.

        Only what was owed before this process started: once, at the first catch-up. Raises
        what the core raises while the database is out of reach (the caller retries).
        """
        if self._read is None or self._done:
            return 0
        owed: list[OwedReplies] = await self._read(PLATFORM, utcnow() - OWED_WITHIN, OWED_AT_MOST)
        answered = 0
        self._done = True
        for item in owed:
            if item.message_key in self.answered_here:
                continue
            await self._deliver(item)
            self.marks.add(item.message_key)
            answered += 1
        if answered:
            logger.info("discord: sent the replies of %d messages not answered before", answered)
        return answered

    async def _deliver(self, item: OwedReplies) -> None:
        try:
            person = self.client.get_user(int(item.user_id)) or await self.client.fetch_user(
                int(item.user_id)
            )
            for reply in item.replies:
                for out in render(reply):
                    await person.send(**out.kwargs())
        except (discord.HTTPException, ValueError) as exc:
            logger.info("owed replies to a discord user not sent: %s", exc)
