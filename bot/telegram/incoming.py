"""Telegram -> core: which updates the coach sees, as the core's IncomingMessage.

`translate` turns an Update into an `Inbound` (the message, where to answer, what file to
fetch); `with_attachment` fetches that file; `chat_key` says which chat an update belongs to.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from telegram import Bot, Message, Update
from telegram import User as TelegramUser
from telegram.constants import ChatType

from bot.platform_text import clean_name, clean_text, fit_id
from core.messages import Attachment, IncomingMessage

logger = logging.getLogger(__name__)

PLATFORM = "telegram"
MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API's getFile limit
MAX_FILE_NAME = 255  # a longer name is no one's file name; it shows in replies, cut


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


def callback_key(chat_id: int, query_id: str) -> str:
    """Return the core's id of a button tap: the chat first, where its replies go."""
    return f"cb:{chat_id}:{query_id}"


def chat_of(key: str, person: int) -> int:
    """Return the chat of a stored message from its key (`message_key`, `callback_key`)."""
    parts = key.split(":")
    try:
        return int(parts[-2]) if parts[0] == "cb" and len(parts) == 3 else int(parts[0])
    except ValueError:
        return person


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
        text=clean_text(text),
        sent_at=message.date,
        edited=update.edited_message is not None,
        display_name=clean_name(sender.full_name),
    )
    document = message.document
    if document is None:
        return Inbound(incoming, message.chat.id)
    return Inbound(
        incoming,
        message.chat.id,
        document_file_id=document.file_id,
        document_name=clean_name(document.file_name, MAX_FILE_NAME) or "document",
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
        message_id=fit_id(callback_key(chat_id, query.id)),
        text=clean_text(query.data),
        # A callback query carries no timestamp; the tap happened just now.
        sent_at=datetime.now(UTC),
        is_callback=True,
        display_name=clean_name(query.from_user.full_name),
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


async def with_attachment(bot: Bot, inbound: Inbound) -> IncomingMessage:
    """Return the message with its document attached (downloaded), if it has one to fetch."""
    if inbound.document_file_id is None:
        return inbound.message
    if inbound.document_size is not None and inbound.document_size > MAX_DOWNLOAD:
        logger.info("document of %s bytes is too big to download", inbound.document_size)
        return inbound.message
    file = await bot.get_file(inbound.document_file_id)
    data = bytes(await file.download_as_bytearray())
    attachment = Attachment(inbound.document_name, data, inbound.document_mime)
    return replace(inbound.message, attachment=attachment)
