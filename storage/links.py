"""The SQL side of account linking: codes, attempts, and moving one user's rows to another."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, func, inspect, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from core.accounts.ports import LinkCode, MergeOutcome
from storage.history import IMPORT_PLATFORM, import_key, import_message_id
from storage.link_models import LinkAttempt
from storage.link_models import LinkCode as LinkCodeRow
from storage.models import CardioSession, ExerciseName, Message, StrengthSet, User

logger = logging.getLogger(__name__)

# Used and expired codes are kept this long (for support questions), then purged.
KEEP_OLD_CODES = timedelta(days=1)
_CHUNK = 500


def _user_tables(session: Session) -> list[str]:
    """Return every table with a `user_id` column, found in the live schema.

    Read from the database, not from our models, so tables added by later migrations
    (reminders, history, ...) move with the user too.
    """
    inspector = inspect(session.connection())
    return sorted(
        name
        for name in inspector.get_table_names()
        if name != User.__tablename__
        and any(col["name"] == "user_id" for col in inspector.get_columns(name))
    )


class SqlLinkStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create_code(
        self, user_id: int, platform: str, code_hash: str, now: datetime, expires_at: datetime
    ) -> None:
        t = LinkCodeRow.__table__.c  # type: ignore[attr-defined]
        # A new code replaces the user's unused one: only one live code per person.
        await self.session.execute(
            delete(LinkCodeRow).where(t.user_id == user_id, t.used_at.is_(None))
        )
        await self.session.execute(delete(LinkCodeRow).where(t.expires_at < now - KEEP_OLD_CODES))
        self.session.add(
            LinkCodeRow(
                code_hash=code_hash,
                user_id=user_id,
                platform=platform,
                created_at=now,
                expires_at=expires_at,
            )
        )
        await self.session.flush()

    async def find_live_code(self, code_hash: str, now: datetime) -> LinkCode | None:
        t = LinkCodeRow.__table__.c  # type: ignore[attr-defined]
        query = select(t.user_id, t.platform, t.expires_at).where(
            t.code_hash == code_hash, t.used_at.is_(None), t.expires_at > now
        )
        row = (await self.session.execute(query)).first()
        return LinkCode(row.user_id, row.platform, row.expires_at) if row else None

    async def count_failed_attempts(self, user_id: int, since: datetime) -> int:
        t = LinkAttempt.__table__.c  # type: ignore[attr-defined]
        query = select(func.count()).where(
            t.user_id == user_id, t.ok.is_(False), t.attempted_at >= since
        )
        return int((await self.session.execute(query)).scalar_one())

    async def record_attempt(self, user_id: int, ok: bool, now: datetime) -> None:
        self.session.add(LinkAttempt(user_id=user_id, attempted_at=now, ok=ok))
        await self.session.flush()

    async def use_code_and_merge(
        self, code_hash: str, source_user_id: int, target_user_id: int, now: datetime
    ) -> MergeOutcome:
        t = LinkCodeRow.__table__.c  # type: ignore[attr-defined]
        try:
            async with self.session.begin_nested():
                # Conditional update: of two people entering one code at once, one wins.
                used = await self.session.execute(
                    update(LinkCodeRow)
                    .where(t.code_hash == code_hash, t.used_at.is_(None), t.expires_at > now)
                    .values(used_at=now)
                )
                if used.rowcount != 1:  # type: ignore[attr-defined]
                    return "gone"
                await self._fill_profile(source_user_id, target_user_id)
                await self._merge_imports(source_user_id, target_user_id)
                await self._merge_names(source_user_id, target_user_id)
                for table in await self.session.run_sync(_user_tables):
                    await self.session.execute(
                        text(f'UPDATE "{table}" SET user_id = :target WHERE user_id = :source'),
                        {"target": target_user_id, "source": source_user_id},
                    )
        except IntegrityError as exc:
            # A per-user unique row exists on both sides (a reminder of the same kind).
            logger.info("link of user %s into %s refused: %s", source_user_id, target_user_id, exc)
            return "conflict"
        await self._drop_user(source_user_id)
        logger.info("user %s linked into user %s", source_user_id, target_user_id)
        return "linked"

    async def _fill_profile(self, source_user_id: int, target_user_id: int) -> None:
        """The code owner's settings win; only what they never set comes from the other side."""
        source = await self.session.get(User, source_user_id)
        target = await self.session.get(User, target_user_id)
        assert source is not None
        assert target is not None
        values = {}
        if target.age is None and source.age is not None:
            values["age"] = source.age
        if target.bodyweight_kg is None and source.bodyweight_kg is not None:
            values["bodyweight_kg"] = source.bodyweight_kg
        if target.notation is None and source.notation is not None:
            values["notation"] = source.notation
        if values:
            u = User.__table__.c  # type: ignore[attr-defined]
            await self.session.execute(update(User).where(u.id == target_user_id).values(**values))

    async def _merge_names(self, source_user_id: int, target_user_id: int) -> None:
        """Drop the source's names for exercises that the target also has (the owner's win)."""
        n = ExerciseName.__table__.c  # type: ignore[attr-defined]
        theirs = select(n.name_key).where(n.user_id == target_user_id)
        await self.session.execute(
            delete(ExerciseName).where(n.user_id == source_user_id, n.name_key.in_(theirs))
        )

    async def _merge_imports(self, source_user_id: int, target_user_id: int) -> None:
        """Drop the source's imported workouts the target has too; re-key the rest.

        The same export imported on both accounts would otherwise count twice. The
        rest take the target's id prefix, as if the target had imported them.
        """
        m = Message.__table__.c  # type: ignore[attr-defined]
        query = select(m.id, m.user_id, m.platform_message_id).where(
            m.user_id.in_([source_user_id, target_user_id]), m.platform == IMPORT_PLATFORM
        )
        rows = (await self.session.execute(query)).all()
        kept = {import_key(r.platform_message_id) for r in rows if r.user_id == target_user_id}
        doubled: list[int] = []
        rekeyed: list[dict[str, object]] = []
        for row in rows:
            if row.user_id != source_user_id:
                continue
            key = import_key(row.platform_message_id)
            if key in kept:
                doubled.append(row.id)
            elif key != row.platform_message_id:  # older rows' ids have no owner prefix
                new_id = import_message_id(target_user_id, key)
                rekeyed.append({"mid": row.id, "pmid": new_id})
        for i in range(0, len(doubled), _CHUNK):
            chunk = doubled[i : i + _CHUNK]
            for table in (StrengthSet, CardioSession):
                await self.session.execute(
                    delete(table).where(table.message_id.in_(chunk))  # type: ignore[attr-defined]
                )
            await self.session.execute(delete(Message).where(m.id.in_(chunk)))
        if rekeyed:
            await self.session.execute(
                update(Message.__table__)  # type: ignore[attr-defined]
                .where(m.id == bindparam("mid"))
                .values(platform_message_id=bindparam("pmid")),
                rekeyed,
            )
        if doubled:
            logger.info("link: %s imported workouts were on both accounts", len(doubled))

    async def _drop_user(self, user_id: int) -> None:
        """Delete the now empty user; keep it if something we don't know still points at it."""
        u = User.__table__.c  # type: ignore[attr-defined]
        try:
            async with self.session.begin_nested():
                await self.session.execute(delete(User).where(u.id == user_id))
        except IntegrityError:
            logger.warning("user %s still referenced after linking; kept", user_id)
