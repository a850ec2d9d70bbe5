"""Replies on their way out: one lane per chat, so a slow or flooding chat holds up no one.

Handling an update ends at the core's commit (the replies are then owed, kept with the
message); sending happens here, in the chat's lane, in order, at the pace Telegram allows
that chat. Once a message's replies went out it is marked answered. What is still in a
lane when the bot stops stays owed, and is sent when it starts again.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, deque
from dataclasses import dataclass

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut

from bot.answered import AnsweredMarks
from bot.observability import METRICS
from bot.telegram.incoming import PLATFORM
from bot.telegram.replies import send_reply
from core.messages import Reply

logger = logging.getLogger(__name__)

SENT_PRIVATELY = "📬 I've answered you in a private chat."
START_A_CHAT_FIRST = (
    "I answer that in a private chat, so the group doesn't see your data, but I can't "
    "message you yet: open a chat with me, press Start, then ask again."
)
# A send that surely did not reach Telegram (no connection) is tried again this often.
SEND_TRIES = 3
SEND_BACKOFF = 1.0
REMEMBER_SENT = 10_000


@dataclass(frozen=True)
class Outgoing:
    """Replies to one update: where it came from, whose they are, what to mark when sent."""

    chat_id: int  # the chat the update came from
    person: int  # the person's private chat (their user id)
    replies: tuple[Reply, ...]
    key: str | None = None  # the stored message owed these replies
    buttons_of: int | None = None  # a tapped prompt whose buttons go before the replies

    @property
    def once(self) -> str | None:
        """What makes it the same sending: the message, and what it says (an edit differs)."""
        if self.key is None:
            return None
        return f"{self.key}\n" + "\n".join(reply.text for reply in self.replies)


class Outbox:
    """Sends each chat's replies in order, chats independently of one another."""

    def __init__(self, bot: Bot, marks: AnsweredMarks) -> None:
        self.bot = bot
        self.marks = marks
        self._lanes: dict[int, deque[Outgoing]] = {}
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._keys: set[str] = set()  # owed messages queued: a re-delivery adds nothing
        # ... and ones sent lately, whose answered mark may still be on its way.
        self._sent: OrderedDict[str, None] = OrderedDict()

    def put(self, item: Outgoing) -> None:
        once = item.once
        if once is not None:
            if once in self._keys or once in self._sent:
                return
            self._keys.add(once)
        self._lanes.setdefault(item.chat_id, deque()).append(item)
        if item.chat_id not in self._workers:
            self._workers[item.chat_id] = asyncio.create_task(self._drain(item.chat_id))

    def queued(self, chat_id: int | None = None) -> int:
        """Return how many updates' replies wait to be sent (in one chat, or in all)."""
        if chat_id is not None:
            return len(self._lanes.get(chat_id, ()))
        return sum(len(lane) for lane in self._lanes.values())

    async def close(self, within: float) -> None:
        """Send what is queued for at most `within` seconds; what is left stays owed."""
        workers = list(self._workers.values())
        if workers:
            _, late = await asyncio.wait(workers, timeout=within)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            if late:
                logger.info("%d replies left owed, to be sent at the next start", self.queued())
        await self.marks.flush(within=2.0)

    async def _drain(self, chat_id: int) -> None:
        lane = self._lanes[chat_id]
        try:
            while lane:
                item = lane[0]
                try:
                    await self._send(item)
                except Exception:  # a bug in rendering, say: don't stall the chat behind it
                    logger.exception("replies to chat %s not sent", chat_id)
                lane.popleft()
                once = item.once
                if item.key is not None and once is not None:
                    self._keys.discard(once)
                    self._sent[once] = None
                    if len(self._sent) > REMEMBER_SENT:
                        self._sent.popitem(last=False)
                    self.marks.add(item.key)
        finally:
            if not lane:
                del self._lanes[chat_id]
            del self._workers[chat_id]

    async def _send(self, item: Outgoing) -> None:
        """Send the replies; in a group, ones showing the person's own data go to them alone."""
        if item.buttons_of is not None:
            try:  # the question is answered: take its buttons away so it isn't answered twice
                await self.bot.edit_message_reply_markup(
                    item.chat_id, item.buttons_of, reply_markup=None
                )
            except TelegramError as exc:
                logger.debug("removing buttons failed: %s", exc)
        told_group = False
        for reply in item.replies:
            target = item.person if reply.private else item.chat_id
            delivered = await self._deliver(target, reply)
            if target == item.chat_id:
                if not delivered:
                    return  # the chat refuses the bot
                continue
            if not told_group:  # a group message answered in private: say so, once
                told_group = True
                notice = SENT_PRIVATELY if delivered else START_A_CHAT_FIRST
                if not await self._deliver(item.chat_id, Reply(notice)):
                    return
            if not delivered:
                return

    async def _deliver(self, chat_id: int, reply: Reply) -> bool:
        """Send a reply; return False if the chat refuses messages (stop sending to it)."""
        for attempt in range(SEND_TRIES):
            try:
                await send_reply(self.bot, chat_id, reply)
                return True
            except Forbidden:
                METRICS.platform_error(PLATFORM)
                logger.info("chat %s does not accept messages from the bot", chat_id)
                return False
            except BadRequest as exc:
                METRICS.platform_error(PLATFORM)
                logger.warning("reply to chat %s rejected: %s", chat_id, exc)
                return True
            except TimedOut as exc:
                # It may have arrived: sending it again could show it twice.
                METRICS.platform_error(PLATFORM)
                logger.warning("reply to chat %s may not have arrived: %s", chat_id, exc)
                return True
            except NetworkError as exc:
                METRICS.platform_error(PLATFORM)
                logger.warning("reply to chat %s not sent (%s); try %d", chat_id, exc, attempt + 1)
                await asyncio.sleep(SEND_BACKOFF * (attempt + 1))
            except TelegramError as exc:
                METRICS.platform_error(PLATFORM)
                logger.warning("reply to chat %s not sent: %s", chat_id, exc)
                return True
        return True
