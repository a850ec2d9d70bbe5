"""Translation both ways: Telegram updates to IncomingMessage, core replies to Bot API calls."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram import User as TelegramUser
from telegram.constants import ChatType, MessageLimit
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.locks import KeyedLocks
from bot.observability import METRICS
from bot.text_split import split_text as split
from core.conversation.results import HandleResult, MessageHandler
from core.messages import Attachment, Choice, IncomingMessage, Reply

logger = logging.getLogger(__name__)

PLATFORM = "telegram"
MAX_TEXT = MessageLimit.MAX_TEXT_LENGTH  # 4096, counted in UTF-16 code units
MAX_CAPTION = MessageLimit.CAPTION_LENGTH  # 1024
MAX_CALLBACK_DATA = 64  # bytes
MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API's getFile limit
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

COMMANDS = (
    BotCommand("start", "start or restart the short setup"),
    BotCommand("plan", "next session's loads"),
    BotCommand("week", "this week against the protocol"),
    BotCommand("history", "recent sessions of a lift, e.g. /history squat"),
    BotCommand("undo", "remove your last log"),
    BotCommand("units", "kg or lb"),
    BotCommand("timezone", "your timezone, e.g. /timezone Europe/Berlin"),
    BotCommand("profile", "age and bodyweight, e.g. /profile age 62"),
    BotCommand("ask", "ask the coach a question"),
    BotCommand("help", "how to log a workout"),
)


@dataclass(frozen=True)
class Inbound:
    """An update the core should see: the message, where to answer, what to fetch first."""

    message: IncomingMessage
    chat_id: int
    callback_query_id: str | None = None
    callback_message_id: int | None = None  # the bot message whose buttons were tapped
    document_file_id: str | None = None
    document_name: str = "document"
    document_mime: str | None = None
    document_size: int | None = None


# Hands updates that arrived together to the adapter; returns the ids it is done with.
HandleUpdates = Callable[[Sequence[Update]], Awaitable[set[int]]]


# --- Telegram -> core ---------------------------------------------------------------


def chat_key(update: Update) -> int:
    """Return the chat an update belongs to: updates of one chat are handled in order."""
    chat = update.effective_chat
    if chat is not None:
        return chat.id
    user = update.effective_user
    return user.id if user is not None else 0


def message_key(chat_id: int, message_id: int) -> str:
    """Return the core's message id: Telegram message ids are only unique within a chat."""
    return f"{chat_id}:{message_id}"


def translate(update: Update, me: TelegramUser) -> Inbound | None:
    """Return what the core should see of `update`, or None if the bot should ignore it."""
    if update.callback_query is not None:
        return _from_callback(update)
    message = update.message or update.edited_message
    if message is None or message.from_user is None or message.from_user.is_bot:
        return None
    text = message.text if message.text is not None else message.caption
    if text is None and message.document is None:
        return None  # stickers, photos, joins...: nothing for the coach
    text = text or ""
    if message.chat.type != ChatType.PRIVATE:
        addressed = _addressed_text(message, text, me)
        if addressed is None:
            return None
        text = addressed
    sender = message.from_user
    incoming = IncomingMessage(
        platform=PLATFORM,
        user_id=str(sender.id),
        message_id=message_key(message.chat.id, message.message_id),
        text=text,
        sent_at=message.date,
        edited=update.edited_message is not None,
        display_name=sender.full_name or None,
    )
    document = message.document
    if document is None:
        return Inbound(incoming, message.chat.id)
    return Inbound(
        incoming,
        message.chat.id,
        document_file_id=document.file_id,
        document_name=document.file_name or "document",
        document_mime=document.mime_type,
        document_size=document.file_size,
    )


def _from_callback(update: Update) -> Inbound | None:
    query = update.callback_query
    assert query is not None
    if query.data is None or query.from_user.is_bot:
        return None
    bot_message = query.message if isinstance(query.message, Message) else None
    chat_id = bot_message.chat.id if bot_message is not None else query.from_user.id
    incoming = IncomingMessage(
        platform=PLATFORM,
        user_id=str(query.from_user.id),
        message_id=f"cb:{query.id}",
        text=query.data,
        # A callback query carries no timestamp; the tap happened just now.
        sent_at=datetime.now(UTC),
        is_callback=True,
        display_name=query.from_user.full_name or None,
    )
    return Inbound(
        incoming,
        chat_id,
        callback_query_id=query.id,
        callback_message_id=bot_message.message_id if bot_message is not None else None,
    )


def _addressed_text(message: Message, text: str, me: TelegramUser) -> str | None:
    """Return the text of a group message meant for the bot (mention stripped), else None."""
    username = me.username or ""
    stripped = text.strip()
    if stripped.startswith("/"):
        head = stripped.split(maxsplit=1)[0]
        _, at, target = head.partition("@")
        if at and target.lower() != username.lower():
            return None  # a command for another bot
        return stripped
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == me.id:
        return _strip_mention(stripped, username)
    if username and _mention(username).search(text):
        return _strip_mention(stripped, username)
    for entity in message.entities or message.caption_entities or ():
        if entity.type == "text_mention" and entity.user is not None and entity.user.id == me.id:
            return stripped
    return None


def _mention(username: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)@{re.escape(username)}(?!\w)[,:]?", re.IGNORECASE)


def _strip_mention(text: str, username: str) -> str:
    if not username:
        return text
    return re.sub(r"[ \t]{2,}", " ", _mention(username).sub("", text)).strip()


# --- core -> Telegram ---------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Return the length Telegram counts (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Return `text` in messages Telegram accepts (it counts UTF-16 code units)."""
    return split(text, limit, utf16_len)


def keyboard(choices: tuple[Choice, ...]) -> InlineKeyboardMarkup | None:
    """Return inline buttons for `choices` (short labels share a row), or None."""
    buttons = []
    for choice in choices:
        if len(choice.data.encode()) > MAX_CALLBACK_DATA:
            logger.warning("choice %r dropped: callback data over 64 bytes", choice.label)
            continue
        buttons.append(InlineKeyboardButton(choice.label, callback_data=choice.data))
    if not buttons:
        return None
    if all(len(b.text) <= 8 for b in buttons):
        rows = [buttons[i : i + 4] for i in range(0, len(buttons), 4)]
    else:
        rows = [[b] for b in buttons]
    return InlineKeyboardMarkup(rows)


async def send_reply(bot: Bot, chat_id: int, reply: Reply) -> None:
    """Send one core reply: photo, document or text, buttons on the last message."""
    markup = keyboard(reply.choices)
    text = reply.text.strip()
    caption = text if text and utf16_len(text) <= MAX_CAPTION else None
    rest = "" if caption is not None else text
    if reply.image is not None:
        await bot.send_photo(
            chat_id,
            InputFile(reply.image, filename="chart.png"),
            caption=caption,
            reply_markup=None if rest else markup,
        )
    elif reply.file is not None:
        await bot.send_document(
            chat_id,
            InputFile(reply.file.data, filename=reply.file.filename),
            caption=caption,
            reply_markup=None if rest else markup,
        )
    else:
        rest = text
    chunks = split_text(rest)
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        await bot.send_message(chat_id, chunk, reply_markup=markup if last else None)


# --- the adapter --------------------------------------------------------------------


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
        message = await self._with_attachment(inbound)
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

    async def _with_attachment(self, inbound: Inbound) -> IncomingMessage:
        if inbound.document_file_id is None:
            return inbound.message
        if inbound.document_size is not None and inbound.document_size > MAX_DOWNLOAD:
            logger.info("document of %s bytes is too big to download", inbound.document_size)
            return inbound.message
        file = await self.bot.get_file(inbound.document_file_id)
        data = bytes(await file.download_as_bytearray())
        attachment = Attachment(inbound.document_name, data, inbound.document_mime)
        return replace(inbound.message, attachment=attachment)

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
