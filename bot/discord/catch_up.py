"""Catching up on DMs and mentions that reached Discord while the bot could not store them.

Discord sends each gateway event once: what arrives while the bot is disconnected (a
resume, a restart) or while the database is out of reach is never sent again. So at each
start, at each resume, and until the database is back after a message met it out of
reach, the bot hands over again what it kept, reads the channels back and hands each
message it has not handled through the adapter's normal path (one already stored comes
back a duplicate, which sends nothing).

Read, oldest first, at most PER_CHANNEL messages each and never more than WINDOW back:
the DM channels of the MAX_CHANNELS people who wrote last (within PEOPLE_WITHIN), from
their newest stored message; and the channels where the bot was addressed in this
process, from the last message seen there. The server channel of a stored mention is not
stored, so after a restart only DMs are read.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Protocol

import discord

from bot.discord.incoming import PLATFORM
from core.clock import utcnow
from core.conversation.catch_up import Correspondent

# Who wrote on a platform since a time, the latest first, at most so many (the core's).
Writers = Callable[[str, datetime, int], Awaitable[list[Correspondent]]]

logger = logging.getLogger(__name__)

WINDOW = timedelta(hours=24)  # never read further back than this
PEOPLE_WITHIN = timedelta(days=7)  # the DMs of people who wrote this recently are read
MAX_CHANNELS = 200  # channels read in one catch-up
PER_CHANNEL = 100  # messages read per channel: one request
RETRY_AFTER = 15.0  # seconds between catch-ups while the database is out of reach
MAX_KEPT = 10_000  # messages kept for the database to come back (beyond: read back later)
MAX_REMEMBERED = 10_000  # ids of messages handled in this process, not handed over again

Channel = discord.abc.Messageable


class Feed(Protocol):
    async def __call__(self, message: discord.Message, *, edited: bool = False) -> None: ...


class CatchUp:
    """Reads back what the bot missed and hands it to `feed` (the adapter's on_message)."""

    def __init__(
        self,
        client: discord.Client,
        feed: Feed,
        writers: Writers | None,
        *,
        before: Callable[[], Awaitable[int]] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.client = client
        self._feed = feed
        self._writers = writers  # None: a stand-in core, no one to look up
        self._before = before  # what to do first each time (send replies still owed)
        self._clock = clock
        self._handled: OrderedDict[int, None] = OrderedDict()
        self._watched: OrderedDict[int, tuple[Channel, datetime]] = OrderedDict()
        self._kept: dict[int, tuple[discord.Message, bool]] = {}
        self._again: set[int] = set()  # kept messages being handed over again now
        self._wanted = False
        self._failing = False
        self._task: asyncio.Task[None] | None = None

    def saw(self, message: discord.Message, *, addressed: bool) -> None:
        """Note a message the bot got; a channel where it is addressed is watched from here."""
        if addressed:
            self._handled[message.id] = None
            self._handled.move_to_end(message.id)
            if len(self._handled) > MAX_REMEMBERED:
                self._handled.popitem(last=False)
        channel_id = message.channel.id
        if addressed or channel_id in self._watched:
            _, since = self._watched.pop(channel_id, (message.channel, message.created_at))
            self._watched[channel_id] = (message.channel, max(since, message.created_at))
            if len(self._watched) > MAX_CHANNELS:
                self._watched.popitem(last=False)

    def keep(self, message: discord.Message, *, edited: bool) -> None:
        """Keep a message the database could not take: it is handed over again once it can."""
        level = logging.DEBUG if message.id in self._again else logging.WARNING
        logger.log(level, "discord message %s kept until the database is back", message.id)
        self._kept[message.id] = (message, edited)
        if len(self._kept) > MAX_KEPT:
            oldest = next(iter(self._kept))
            del self._kept[oldest]
            self._handled.pop(oldest, None)  # read back from its channel instead
        self.request()

    def request(self) -> None:
        """Catch up now, or once more after the catch-up under way."""
        self._wanted = True
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="discord catch-up")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        while self._wanted or self._kept:
            self._wanted = False
            try:
                handed = await self.read_back()
            except Exception as exc:  # the database or Discord out of reach: try again
                self._wanted = True
                if not self._failing:
                    logger.warning(
                        "discord catch-up failed (%s: %s); retrying every %.0f s",
                        type(exc).__name__,
                        exc,
                        RETRY_AFTER,
                    )
                self._failing = True
                await asyncio.sleep(RETRY_AFTER)
                continue
            self._failing = False
            logger.info("discord catch-up: %d messages handed to the core", handed)
            if self._kept:  # some met the database out of reach again
                await asyncio.sleep(RETRY_AFTER)

    async def read_back(self) -> int:
        """Hand over what the bot missed; return how many messages went to the core."""
        now = self._clock()
        people = await self._correspondents(now)  # first: this fails while the database is out
        if self._before is not None:
            await self._before()
        handed = 0
        self._again = set(self._kept)
        for key, (message, edited) in list(self._kept.items()):
            del self._kept[key]
            await self._feed(message, edited=edited)
            handed += 1
        self._again = set()
        for channel, since in (await self._channels(people)).values():
            handed += await self._read(channel, max(since, now - WINDOW))
        return handed

    async def _correspondents(self, now: datetime) -> list[Correspondent]:
        if self._writers is None:
            return []
        return await self._writers(PLATFORM, now - PEOPLE_WITHIN, MAX_CHANNELS)

    async def _channels(self, people: list[Correspondent]) -> dict[int, tuple[Channel, datetime]]:
        """Return the channels to read, each from when: people's DMs first, latest first."""
        channels: dict[int, tuple[Channel, datetime]] = {}
        for person in people:
            if not person.user_id.isdigit():
                continue  # not a Discord user id: nothing to read
            try:
                dm = await self.client.create_dm(discord.Object(int(person.user_id)))
            except (discord.Forbidden, discord.NotFound) as exc:
                logger.info("no DM channel with discord user %s: %s", person.user_id, exc)
                continue
            channels[dm.id] = (dm, person.last_stored)
        for channel_id, (channel, seen) in reversed(self._watched.items()):
            _, stored = channels.get(channel_id, (channel, seen))
            channels[channel_id] = (channel, min(seen, stored))
        return dict(list(channels.items())[:MAX_CHANNELS])

    async def _read(self, channel: Channel, since: datetime) -> int:
        """Hand over the messages of `channel` after `since` not handled yet; return how many."""
        me = self.client.user
        handed = 0
        try:
            async for message in channel.history(limit=PER_CHANNEL, after=since, oldest_first=True):
                if message.id in self._handled or (me is not None and message.author.id == me.id):
                    continue
                await self._feed(message)
                if message.id in self._handled:  # the adapter took it: it was for the bot
                    handed += 1
        except (discord.Forbidden, discord.NotFound) as exc:
            logger.info("discord channel %s not read back: %s", getattr(channel, "id", "?"), exc)
        return handed
