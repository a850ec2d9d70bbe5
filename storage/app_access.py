"""What the training page needs of the database beyond the core's ports: spending a link's
nonce once, and the platform message behind a stored log (to edit it as the chat would).

A spent nonce is kept in `link_codes`, the table of one-time codes, as a row already used
(`platform` "app", only the nonce's hash): `/link` looks only for unused codes, so the
two never meet, and the unique hash makes a second spend fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.link_models import LinkCode
from storage.models import Identity, Message

APP_PLATFORM = "app"


@dataclass(frozen=True)
class LoggedMessage:
    """Where a stored log came from: its platform, its id there, and its author's id there."""

    platform: str
    platform_message_id: str
    author: str | None  # the author's external id on that platform (None: an import)
    sent_at: datetime


class AppAccess:
    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)

    async def spend_nonce(
        self, user_id: int, nonce_key: str, now: datetime, expires_at: datetime
    ) -> bool:
        """Record a link's nonce as spent; return False if it already was."""
        t = LinkCode.__table__.c  # type: ignore[attr-defined]
        async with self._sessions() as session:
            try:
                await session.execute(
                    insert(LinkCode).values(
                        code_hash=nonce_key,
                        user_id=user_id,
                        platform=APP_PLATFORM,
                        created_at=now,
                        expires_at=expires_at,
                        used_at=now,
                    )
                )
                # Spent links past their expiry can't be replayed anyway: keep the table small.
                await session.execute(
                    delete(LinkCode).where(t.platform == APP_PLATFORM, t.expires_at < now)
                )
                await session.commit()
            except IntegrityError:
                await session.rollback()
                return False
        return True


async def logged_message(
    session: AsyncSession, user_id: int, message_id: int
) -> LoggedMessage | None:
    """Return where the person's stored message `message_id` came from (None: not theirs)."""
    m = Message.__table__.c  # type: ignore[attr-defined]
    i = Identity.__table__.c  # type: ignore[attr-defined]
    query = (
        select(m.platform, m.platform_message_id, m.sent_at, i.external_id)
        .select_from(Message)
        .outerjoin(Identity, (i.user_id == m.user_id) & (i.platform == m.platform))
        .where(m.id == message_id, m.user_id == user_id)
        .limit(1)
    )
    row = (await session.execute(query)).first()
    if row is None:
        return None
    sent_at = row.sent_at if row.sent_at.tzinfo else row.sent_at.replace(tzinfo=UTC)
    return LoggedMessage(row.platform, row.platform_message_id, row.external_id, sent_at)
