"""Telegram updates through the core: per-chat order, concurrency, retries; replies queued.

Translating an update is in `incoming`, rendering a reply in `replies`, sending in
`outbox`; this module decides how updates are handled, for polling and the webhook alike.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from telegram import Bot, Update
from telegram.error import TelegramError

from bot.answered import AnsweredMarks, marker_of
from bot.locks import KeyedLocks
from bot.telegram.incoming import PLATFORM, chat_key, chat_of, translate, with_attachment
from bot.telegram.outbox import Outbox, Outgoing
from core.clock import utcnow
from core.conversation.outbox import OWED_WITHIN, OwedReplies
from core.conversation.results import HandleResult, MessageHandler
from core.messages import IncomingMessage

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
BATCH_LIMIT = 100  # updates per getUpdates, Telegram's maximum
# Updates handled at once (each chat's in order): a whole getUpdates batch, so that the
# core writes it in one transaction (group commit; measured: 64 at once gave 15% fewer
# updates/s).
CONCURRENCY = BATCH_LIMIT
# A failed handling (the core rolled back) is retried this often before the user is told.
FAILED_RETRIES = 2
FAILED_BACKOFF = 0.5
# An update whose handling keeps raising (a download failing, say) is left for Telegram
# to deliver again, and given up on after this many tries.
MAX_ATTEMPTS = 5
# Updates of one chat whose replies may wait to be sent; past that, its updates are refused
# unread (Telegram lets a private chat have about one message a second).
MAX_QUEUED_PER_CHAT = 30
OWED_AT_MOST = 10_000  # replies owed at start read at once (within OWED_WITHIN)

# Hands updates that arrived together to the adapter; returns the ids it is done with.
HandleUpdates = Callable[[Sequence[Update]], Awaitable[set[int]]]


class TelegramAdapter:
    """Hands Telegram updates to the core and queues the replies for sending.

    The one place that decides how updates are handled, for polling and the webhook
    alike: each chat's updates in order, at most `concurrency` at once, a core rollback
    retried in place, an update that raised left for Telegram to deliver again (and given
    up on after `max_attempts` tries), and one the core could not store because the
    database is out of reach left for Telegram to deliver again, without limit. An update
    is done once the core committed it: its replies then go out in their chat's lane.
    """

    def __init__(
        self,
        bot: Bot,
        service: MessageHandler,
        *,
        concurrency: int = CONCURRENCY,
        max_attempts: int = MAX_ATTEMPTS,
    ) -> None:
        self.bot = bot
        self.service = service
        self.max_attempts = max_attempts
        self.outbox = Outbox(bot, AnsweredMarks(PLATFORM, marker_of(service)))
        self._chats = KeyedLocks()
        self._slots = asyncio.Semaphore(concurrency)
        self._attempts: dict[int, int] = {}

    async def send_owed(self) -> int:
        """Queue the replies stored messages are still owed; return how many messages."""
        read = getattr(self.service, "owed", None)  # a stand-in core may keep no outbox
        if read is None:
            return 0
        owed: list[OwedReplies] = await read(PLATFORM, utcnow() - OWED_WITHIN, OWED_AT_MOST)
        for item in owed:
            person = int(item.user_id)
            chat = chat_of(item.message_key, person)
            self.outbox.put(Outgoing(chat, person, item.replies, item.message_key))
        if owed:
            logger.info("sending the replies of %d messages not answered before", len(owed))
        return len(owed)

    async def close(self, within: float) -> None:
        """Send what is queued for at most `within` seconds; the rest is sent next start."""
        await self.outbox.close(within)

    async def handle_updates(self, updates: Sequence[Update]) -> set[int]:
        """Handle updates that arrived together; return the ids of those done with.

        Done means the core committed it (or it was given up on). An update not done must
        be delivered again, and so must every later update of its chat: they are not
        handled, so nothing overtakes it. All chats start at once, so a getUpdates batch
        reaches the core together (one transaction, by group commit).
        """
        by_chat: dict[int, list[Update]] = {}
        for update in sorted(updates, key=lambda u: u.update_id):
            by_chat.setdefault(chat_key(update), []).append(update)
        results = await asyncio.gather(
            *(self._handle_chat(chat, group) for chat, group in by_chat.items())
        )
        return set().union(*results)

    async def _handle_chat(self, chat: int, updates: list[Update]) -> set[int]:
        """Handle one chat's updates in order; stop at the first that fails."""
        done: set[int] = set()
        async with self._chats.hold(chat):  # updates of this chat arriving meanwhile wait
            for update in updates:
                if not await self._attempt(update):
                    break
                done.add(update.update_id)
        return done

    async def _attempt(self, update: Update) -> bool:
        """Process `update`; return False if it failed and should be delivered again."""
        try:
            async with self._slots:
                if not await self.process(update):
                    return False  # the database is out of reach: not a failure of the update
        except asyncio.CancelledError:
            raise
        except Exception:
            attempts = self._attempts.get(update.update_id, 0) + 1
            if attempts < self.max_attempts:
                self._attempts[update.update_id] = attempts
                logger.warning(
                    "update %s failed (attempt %d); it will be delivered again",
                    update.update_id,
                    attempts,
                    exc_info=True,
                )
                return False
            logger.exception("update %s failed %d times; skipping it", update.update_id, attempts)
        self._attempts.pop(update.update_id, None)
        return True

    async def process(self, update: Update) -> bool:
        """Handle one update; return True once the core committed it (False: not stored).

        Raises if the update could not be handed to the core (a file download failed).
        """
        inbound = translate(update, self.bot.bot)
        if inbound is None:
            logger.debug("update %s ignored", update.update_id)
            return True
        if self.outbox.queued(inbound.chat_id) >= MAX_QUEUED_PER_CHAT:
            # A chat sending faster than its replies can go out, for long: refused unread.
            logger.warning(
                "chat %s has %d replies queued; update refused",
                inbound.chat_id,
                MAX_QUEUED_PER_CHAT,
            )
            return True
        if inbound.callback_query_id is not None:
            try:
                await self.bot.answer_callback_query(inbound.callback_query_id)
            except TelegramError as exc:  # too old after a restart: the tap still counts
                logger.debug("answering callback failed: %s", exc)
        message = await with_attachment(self.bot, inbound)
        result = await self._handle(message)
        logger.info(
            "update %s from user %s: %s, %d replies",
            update.update_id,
            message.user_id,
            result.status,
            len(result.replies),
        )
        if result.status == "unavailable":
            return False
        # A tap the core refused (someone else's button, a flood) leaves the buttons be.
        tapped = inbound.callback_message_id if result.status != "refused" else None
        if result.replies or tapped is not None:
            key = message.message_id if result.owed else None
            person = int(message.user_id)
            self.outbox.put(Outgoing(inbound.chat_id, person, result.replies, key, tapped))
        return True

    async def _handle(self, message: IncomingMessage) -> HandleResult:
        for attempt in range(FAILED_RETRIES + 1):
            if attempt:
                # The core rolled back: trying again is safe and usually works (a lock, a blip).
                await asyncio.sleep(FAILED_BACKOFF * attempt)
            result = await self.service.handle(message)
            if result.status != "failed":
                break
        return result
