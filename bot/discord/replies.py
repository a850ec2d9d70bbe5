"""Core -> Discord: a core Reply as Discord messages (text split, embeds, files, buttons)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import discord

from bot.discord.views import choices_view
from bot.text_split import split_text as split
from core.messages import Reply

MAX_TEXT = 2000  # characters per message
MAX_EMBED_TEXT = 4096  # characters in an embed description
EPHEMERAL = discord.MessageFlags(ephemeral=True).value  # 64
# Replies to these commands are shown as an embed (title + body) when they carry data.
EMBED_COMMANDS = ("plan", "week")
EMBED_COLOUR = discord.Colour.teal()


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
