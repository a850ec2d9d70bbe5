"""The replies each stored message is owed, kept on its row until they went out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.conversation.outbox import OwedReplies
from storage.models import Identity, Message

_m = Message.__table__.c  # type: ignore[attr-defined]
# Every handled message runs this: built once, so SQLAlchemy keys its cache only once.
_OWE = (
    update(Message.__table__)  # type: ignore[attr-defined]
    .where(_m.id == bindparam("message_id"))
    .values(answered=False, replies=bindparam("owed"), choices=bindparam("offered"))
)


class SqlOutbox:
    """The core's OutboxStore on one session."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def owe(self, replies: Sequence[tuple[int, str, str | None]]) -> None:
        """Keep (message id, encoded replies, encoded buttons or None) on each message's row:
        it is owed the replies until they went out, and a typed answer picks a button."""
        if not replies:
            return
        params = [
            {"message_id": message_id, "owed": owed, "offered": offered}
            for message_id, owed, offered in replies
        ]
        # Core, not the ORM's bulk update: one cached statement, nothing to synchronise.
        connection = await self.session.connection()
        await connection.execute(_OWE, params if len(params) > 1 else params[0])

    async def owed(self, platform: str, since: datetime, limit: int) -> list[OwedReplies]:
        """Return the messages of `platform` received since `since` still owed their replies."""
        m = Message.__table__.c  # type: ignore[attr-defined]
        identities = Identity.__table__  # type: ignore[attr-defined]
        i = identities.c
        query = (
            select(m.platform_message_id, i.external_id, m.replies)
            .join(identities, (i.user_id == m.user_id) & (i.platform == m.platform))
            .where(m.platform == platform, ~m.answered, m.received_at >= since)
            .order_by(m.received_at, m.id)
            .limit(limit)
        )
        rows = (await self.session.execute(query)).all()
        return [OwedReplies(key, user, owed or "[]") for key, user, owed in rows]

    async def answered(self, platform: str, keys: Sequence[str]) -> None:
        """Mark these messages answered: their replies went out (or never will)."""
        if not keys:
            return
        m = Message.__table__.c  # type: ignore[attr-defined]
        await self.session.execute(
            update(Message.__table__)  # type: ignore[attr-defined]
            .where(m.platform == platform, m.platform_message_id.in_(list(keys)))
            .values(answered=True, replies=None)
        )

    async def recent_senders(
        self, platform: str, since: datetime, limit: int
    ) -> list[tuple[str, datetime]]:
        """Return (user id, newest message's time) of who wrote on `platform` since `since`.

        The latest first: a catch-up reads each one's channel from that time.
        """
        m = Message.__table__.c  # type: ignore[attr-defined]
        identities = Identity.__table__  # type: ignore[attr-defined]
        i = identities.c
        last = func.max(m.sent_at).label("last")
        query = (
            select(i.external_id, last)
            .select_from(Message.__table__)  # type: ignore[attr-defined]
            .join(identities, (i.user_id == m.user_id) & (i.platform == m.platform))
            .where(m.platform == platform, m.sent_at >= since)
            .group_by(i.external_id)
            .order_by(last.desc(), i.external_id)
            .limit(limit)
        )
        return [(user, at) for user, at in (await self.session.execute(query)).all()]
