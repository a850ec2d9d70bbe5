"""The outgoing port: how the core pushes a message (a reminder) to a person."""

from __future__ import annotations

from typing import Protocol

from core.messages import Reply


class DeliveryRefused(Exception):
    """The platform will not deliver to this person (blocked the bot, closed DMs)."""


class DeliveryUnknown(Exception):
    """The request went out but no answer came back: the message may have arrived.

    A read timeout, or the connection cut after the request was written. Sending it
    again could deliver it twice, so it is not sent again. A send that certainly did
    not go out (no connection, a clear error answer) raises something else.
    """


class Notifier(Protocol):
    """One per platform. The core says who and what; the adapter knows how."""

    platform: str

    async def send(self, user_id: str, reply: Reply) -> None:
        """Deliver `reply` to the platform user `user_id`.

        Raise DeliveryRefused if the platform refuses this person, DeliveryUnknown if
        the request went out and its answer was lost.
        """
        ...
