"""Core -> Telegram: a core Reply as Bot API calls (text split, inline buttons, files)."""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, WebAppInfo
from telegram.constants import MessageLimit

from bot.text_split import split_text as split
from core.messages import Choice, Reply

logger = logging.getLogger(__name__)

MAX_TEXT = MessageLimit.MAX_TEXT_LENGTH  # 4096, counted in UTF-16 code units
MAX_CAPTION = MessageLimit.CAPTION_LENGTH  # 1024
MAX_CALLBACK_DATA = 64  # bytes


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
        if choice.url:  # the page, opened inside Telegram (a Mini App)
            buttons.append(InlineKeyboardButton(choice.label, web_app=WebAppInfo(choice.url)))
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
