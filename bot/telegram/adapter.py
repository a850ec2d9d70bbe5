"""Telegram updates through the core: per-chat order, concurrency, retries, replies sent.

Translating an update is in `incoming`, rendering a reply in `replies`; this module decides
how updates are handled, for polling and the webhook alike.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.locks import KeyedLocks
from bot.observability import METRICS
from bot.telegram.incoming import PLATFORM, Inbound, chat_key, translate, with_attachment
from bot.telegram.replies import send_reply
from core.conversation.results import HandleResult, MessageHandler
from core.messages import IncomingMessage, Reply

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
SENT_PRIVATELY = "📬 I've answered you in a private chat."
START_A_CHAT_FIRST = (
    "I answer that in a private chat, so the group doesn't see your data, but I can't "
    "message you yet: open a chat with me, press Start, then ask again."
)

# Hands updates that arrived together to the adapter; returns the ids it is done with.
HandleUpdates = Callable[[Sequence[Update]], Awaitable[set[int]]]


class TelegramAdapter:
    """Hands Telegram updates to the core and sends the replies back.

    The one place that decides how updates are handled, for polling and the webhook
    alike: each chat's updates in order, at most `concurrency` at once, a core rollback
    retried in place, an update that raised left for Telegram to deliver again (and given
    up on after `max_attempts` tries). Polling and the webhook only move updates in and
    confirm the ones `handle_updates` reports done.
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
        self._chats = KeyedLocks()
        self._slots = asyncio.Semaphore(concurrency)
        self._attempts: dict[int, int] = {}

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
                await self.process(update)
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

    async def process(self, update: Update) -> None:
        """Handle one update; return only once the core has committed what it carried.

        Raises if the update could not be handed to the core (a file download failed).
        """
        inbound = translate(update, self.bot.bot)
        if inbound is None:
            logger.debug("update %s ignored", update.update_id)
            return
        if inbound.callback_query_id is not None:
            await self._answer_callback(inbound)
        message = await with_attachment(self.bot, inbound)
        result = await self._handle(message)
        logger.info(
            "update %s from user %s: %s, %d replies",
            update.update_id,
            message.user_id,
            result.status,
            len(result.replies),
        )
        await self._reply(inbound, message, result)

    async def _reply(
        self, inbound: Inbound, message: IncomingMessage, result: HandleResult
    ) -> None:
        """Send the replies; in a group, ones showing the person's own data go to them alone."""
        person = int(message.user_id)  # their private chat with the bot has their user id
        told_group = False
        for reply in result.replies:
            target = person if reply.private else inbound.chat_id
            delivered = await self._deliver(target, reply)
            if target == inbound.chat_id:
                if not delivered:
                    return  # the chat refuses the bot
                continue
            if not told_group:  # a group message answered in private: say so, once
                told_group = True
                notice = SENT_PRIVATELY if delivered else START_A_CHAT_FIRST
                if not await self._deliver(inbound.chat_id, Reply(notice)):
                    return
            if not delivered:
                return

    async def _handle(self, message: IncomingMessage) -> HandleResult:
        for attempt in range(FAILED_RETRIES + 1):
            if attempt:
                # The core rolled back: trying again is safe and usually works (a lock, a blip).
                await asyncio.sleep(FAILED_BACKOFF * attempt)
            result = await self.service.handle(message)
            if result.status != "failed":
                break
        return result

    async def _answer_callback(self, inbound: Inbound) -> None:
        assert inbound.callback_query_id is not None
        try:
            await self.bot.answer_callback_query(inbound.callback_query_id)
        except TelegramError as exc:  # too old after a restart: the tap still counts
            logger.debug("answering callback failed: %s", exc)
        if inbound.callback_message_id is None:
            return
        try:  # the question is answered: take its buttons away so it isn't answered twice
            await self.bot.edit_message_reply_markup(
                inbound.chat_id, inbound.callback_message_id, reply_markup=None
            )
        except TelegramError as exc:
            logger.debug("removing buttons failed: %s", exc)

    async def _deliver(self, chat_id: int, reply: Reply) -> bool:
        """Send a reply; return False if the chat refuses messages (stop sending to it)."""
        try:
            await send_reply(self.bot, chat_id, reply)
        except Forbidden:
            METRICS.platform_error(PLATFORM)
            logger.info("chat %s does not accept messages from the bot", chat_id)
            return False
        except BadRequest as exc:
            METRICS.platform_error(PLATFORM)
            logger.warning("reply to chat %s rejected: %s", chat_id, exc)
        except TelegramError as exc:
            METRICS.platform_error(PLATFORM)
            # The update is committed; re-processing it would be a no-op, so don't raise.
            logger.warning("reply to chat %s not sent: %s", chat_id, exc)
        return True
