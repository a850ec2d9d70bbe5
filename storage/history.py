"""Storage for the history tools: bulk import, export, equipment, deleting a person."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, MetaData, Table, delete, insert, or_, select, true
from sqlalchemy.engine import Connection
from sqlmodel.ext.asyncio.session import AsyncSession

from core.coaching.equipment import Gear
from core.history.import_values import NewWorkout
from core.history.sets import HistorySet, StoredSet
from storage.history_models import DeleteRequest, EquipmentRow
from storage.models import CardioSession, Message, StrengthSet
from storage.rows import message_row, plates_text, strength_set_row

IMPORT_PLATFORM = "import"
DELETE_TOKEN_TTL = timedelta(minutes=15)
_CHUNK = 500


def import_message_id(user_id: int, key: str) -> str:
    """Return the platform message id an imported workout is stored under.

    Unique across people (the same file may be imported by two), while the workout's
    own key, checked within one person's rows, is what makes re-importing a no-op.
    """
    return f"{user_id}:{key}"


def import_key(platform_message_id: str) -> str:
    """Return the workout key of an import message (an older row's id is its key whole)."""
    return platform_message_id.rpartition(":")[2]


def _reflect(connection: Connection) -> MetaData:
    metadata = MetaData()
    metadata.reflect(connection)
    return metadata


def _ownership(tables: Sequence[Table], user_id: int) -> dict[str, ColumnElement[bool]]:
    """Return, per table that holds anything of the user, the condition picking their rows.

    A table is the user's by a `user_id` column or by a foreign key into a table that
    is (so rows of tables other engineers add are found without knowing them).
    """
    by_name = {t.name: t for t in tables}
    found: dict[str, ColumnElement[bool]] = {}
    if "users" in by_name:
        found["users"] = by_name["users"].c.id == user_id
    changed = True
    while changed:
        changed = False
        for table in tables:
            if table.name in found:
                continue
            if "user_id" in table.c:
                found[table.name] = table.c.user_id == user_id
                changed = True
                continue
            parts = [
                fk.parent.in_(select(fk.column).where(found[fk.column.table.name]))
                for fk in table.foreign_keys
                if fk.column.table.name in found
            ]
            if parts:
                found[table.name] = or_(*parts)
                changed = True
    return found


class SqlHistory:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _tables(self) -> list[Table]:
        connection = await self.session.connection()
        metadata = await connection.run_sync(_reflect)
        return list(metadata.sorted_tables)

    # --- import -------------------------------------------------------------------

    async def imported_keys(self, user_id: int, keys: Sequence[str]) -> set[str]:
        """Return which of the workout keys are already in the user's history.

        Whichever account imported them: linking moves the rows, keys and all.
        """
        query = select(Message.platform_message_id).where(
            Message.user_id == user_id,  # type: ignore[arg-type]
            Message.platform == IMPORT_PLATFORM,  # type: ignore[arg-type]
        )
        stored = {import_key(p) for p in (await self.session.execute(query)).scalars()}
        return stored & set(keys)

    async def logged_at(
        self, user_id: int, starts: Sequence[datetime]
    ) -> set[tuple[datetime, str]]:
        """Return (sent at, text) of the user's recorded, not undone logs sent at `starts`."""
        if not starts:
            return set()
        m = Message.__table__.c  # type: ignore[attr-defined]
        # In UTC, as stored: SQLite compares the wall time it was given.
        utc = [start.astimezone(UTC) for start in starts]
        query = select(m.sent_at, m.text).where(
            m.user_id == user_id, m.recorded, ~m.undone, m.sent_at.in_(utc)
        )
        rows = (await self.session.execute(query)).all()
        # SQLite gives UTC wall time back without its zone.
        return {(at if at.tzinfo else at.replace(tzinfo=UTC), text) for at, text in rows}

    async def add_workouts(
        self, user_id: int, workouts: Sequence[NewWorkout], now: datetime
    ) -> None:
        """Store each workout as an "import" message with its sets and cardio (bulk inserts).

        All in the caller's transaction: the file is stored whole or not at all.
        """
        if not workouts:
            return
        messages = Message.__table__  # type: ignore[attr-defined]
        await self.session.execute(
            insert(messages),
            [
                message_row(
                    user_id,
                    IMPORT_PLATFORM,
                    import_message_id(user_id, w.key),
                    w.text,
                    w.started_at,
                    now,
                    recorded=True,
                )
                for w in workouts
            ],
        )
        ids: dict[str, int] = {}
        keys = [import_message_id(user_id, w.key) for w in workouts]
        for i in range(0, len(keys), _CHUNK):
            query = select(messages.c.platform_message_id, messages.c.id).where(
                messages.c.platform == IMPORT_PLATFORM,
                messages.c.platform_message_id.in_(keys[i : i + _CHUNK]),
            )
            ids.update(dict((await self.session.execute(query)).all()))
        rows = [
            strength_set_row(
                user_id,
                ids[import_message_id(user_id, w.key)],
                w.day,
                w.started_at,
                s.exercise,
                s.position,
                s,
            )
            for w in workouts
            for s in w.sets
        ]
        if rows:
            await self.session.execute(insert(StrengthSet.__table__), rows)  # type: ignore[attr-defined]
        await self.add_cardio(user_id, workouts, ids)

    async def add_cardio(
        self, user_id: int, workouts: Sequence[NewWorkout], message_ids: dict[str, int]
    ) -> None:
        """Insert the cardio sessions of imported workouts, each under its workout's message.

        `message_ids` maps each workout's import message id to its row id; the workouts
        are the new ones only, so a session is stored once, with its workout.
        """
        rows = [
            {
                "user_id": user_id,
                "message_id": message_ids[import_message_id(user_id, w.key)],
                "day": w.day,
                # An activity file's session happened when the file says, as when logged.
                "performed_at": c.started or w.started_at,
                "modality": c.modality,
                "activity": c.activity,
                "minutes": c.minutes,
                "avg_hr": c.avg_hr,
                "zone2_minutes": c.zone2_minutes,
                "above_minutes": c.above_minutes,
                "max_hr": c.max_hr,
                "file_start": c.started,
            }
            for w in workouts
            for c in w.cardio
        ]
        if rows:
            await self.session.execute(insert(CardioSession.__table__), rows)  # type: ignore[attr-defined]

    # --- export -------------------------------------------------------------------

    async def all_sets(self, user_id: int) -> list[HistorySet]:
        """Every stored set of the user, warm-ups included, oldest first."""
        s = StrengthSet.__table__.c  # type: ignore[attr-defined]
        m = Message.__table__.c  # type: ignore[attr-defined]
        query = (
            select(
                m.sent_at,
                m.text,
                s.exercise,
                s.day,
                s.position,
                s.reps,
                s.weight,
                s.unit,
                s.weight_kg,
                s.bodyweight,
                s.rpe,
                s.message_id,
                s.set_kind,
                s.seconds,
                s.distance_m,
            )
            .join_from(StrengthSet.__table__, Message.__table__, s.message_id == m.id)  # type: ignore[attr-defined]
            .where(s.user_id == user_id, ~m.undone)
            .order_by(s.day, m.sent_at, s.message_id, s.position)
        )
        return [
            HistorySet(sent_at, text, StoredSet(*stored))
            for sent_at, text, *stored in (await self.session.execute(query)).all()
        ]

    async def dump(self, user_id: int) -> dict[str, list[dict[str, Any]]]:
        """Return every row the database holds about the user, by table."""
        tables = await self._tables()
        owned = _ownership(tables, user_id)
        out: dict[str, list[dict[str, Any]]] = {}
        for table in tables:
            if table.name not in owned:
                continue
            query = select(table).where(owned[table.name])
            if "id" in table.c:
                query = query.order_by(table.c.id)
            rows = (await self.session.execute(query)).mappings().all()
            out[table.name] = [dict(r) for r in rows]
        return out

    # --- delete -------------------------------------------------------------------

    async def new_delete_token(self, user_id: int, now: datetime) -> str:
        token = secrets.token_urlsafe(9)
        await self.session.execute(delete(DeleteRequest).where(DeleteRequest.user_id == user_id))  # type: ignore[arg-type]
        self.session.add(DeleteRequest(user_id=user_id, token=token, created_at=now))
        await self.session.flush()
        return token

    async def check_delete_token(self, user_id: int, token: str, now: datetime) -> bool:
        query = select(DeleteRequest).where(
            DeleteRequest.user_id == user_id,  # type: ignore[arg-type]
            DeleteRequest.token == token,  # type: ignore[arg-type]
        )
        row = (await self.session.execute(query)).scalars().first()
        if row is None:
            return False
        created = row.created_at
        if created.tzinfo is None:
            created = created.replace(tzinfo=now.tzinfo)
        return now - created <= DELETE_TOKEN_TTL

    async def delete_everything(self, user_id: int) -> int:
        """Delete every row about the user in every table; return how many went."""
        tables = await self._tables()
        owned = _ownership(tables, user_id)
        removed = 0
        for table in reversed(tables):  # children before the rows they point at
            if table.name in owned:
                result = await self.session.execute(delete(table).where(owned[table.name]))
                removed += result.rowcount or 0  # type: ignore[attr-defined]
        self.session.expunge_all()
        return removed

    # --- equipment ----------------------------------------------------------------

    async def save_equipment(self, user_id: int, target: str, gear: Gear) -> None:
        await self.reset_equipment(user_id, target)
        self.session.add(
            EquipmentRow(
                user_id=user_id,
                target=target,
                unit=gear.unit,
                kind=gear.kind,
                bar=gear.bar,
                plates=plates_text(gear),
                step=gear.step,
                start=gear.start,
            )
        )
        await self.session.flush()

    async def reset_equipment(self, user_id: int, target: str | None = None) -> None:
        condition = EquipmentRow.target == target if target is not None else true()  # type: ignore[arg-type]
        await self.session.execute(
            delete(EquipmentRow).where(EquipmentRow.user_id == user_id, condition)  # type: ignore[arg-type]
        )
