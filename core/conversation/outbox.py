"""Replies owed: stored with the message in the commit, marked answered once they went out.

A message's replies are kept on its row in the same transaction that stores it, so a
crash between the commit and the send loses nothing: the adapter sends what is still
owed when it starts again, and marks it answered after sending. Only text, buttons and
where a reply goes are kept; an image or a file is made again by asking again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from core.messages import Choice, Reply

REMADE = "(Ask again for the picture or file: it was not kept.)"
# Replies still owed when a bot starts (it stopped or died before sending them) are sent if
# their message is at most this old; Telegram itself keeps an update for 24 hours.
OWED_WITHIN = timedelta(hours=24)


@dataclass(frozen=True)
class OwedReplies:
    """A stored message still owed its replies: its platform id, its author, the replies."""

    message_key: str
    user_id: str
    encoded: str

    @property
    def replies(self) -> tuple[Reply, ...]:
        return decode(self.encoded)


class OutboxStore(Protocol):
    async def owe(self, replies: Sequence[tuple[int, str, str | None]]) -> None: ...

    async def owed(self, platform: str, since: datetime, limit: int) -> list[OwedReplies]: ...

    async def answered(self, platform: str, keys: Sequence[str]) -> None: ...

    async def recent_senders(
        self, platform: str, since: datetime, limit: int
    ) -> list[tuple[str, datetime]]: ...


def encode(replies: Sequence[Reply]) -> str:
    """Return the replies as JSON: text, buttons, and whether each is private."""
    return json.dumps(
        [
            {
                "text": reply.text,
                "choices": [[c.label, c.data] for c in reply.choices],
                "private": reply.private,
                "remade": reply.image is not None or reply.file is not None,
            }
            for reply in replies
        ],
        ensure_ascii=False,
    )


def decode(encoded: str) -> tuple[Reply, ...]:
    """Return the replies `encode` kept (a picture or file becomes a line saying so)."""
    replies = []
    for item in json.loads(encoded):
        text = item["text"]
        if item.get("remade"):
            text = f"{text}\n{REMADE}"
        choices = tuple(Choice(label, data) for label, data in item.get("choices", ()))
        replies.append(Reply(text, choices, private=bool(item.get("private"))))
    return tuple(replies)
