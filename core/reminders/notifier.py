"""The outgoing port: how the core pushes a message (a reminder) to a person."""

from __future__ import annotations

from typing import Protocol

from core.messages import Reply


class DeliveryRefused(Exception):
    """The platform will not deliver to this person (blocked the bot, closed DMs)."""


class Notifier(Protocol):
    """One per platform. The core says who and what; the adapter knows how."""

    platform: str

    async def send(self, user_id: str, reply: Reply) -> None:
        """Deliver `reply` to the platform user `user_id`; raise DeliveryRefused if refused."""
        ...
