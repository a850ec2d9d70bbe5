"""The SQL implementation of the core's Repository port."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import Insert, Select, bindparam, delete, exists, insert, select, update

from core.coaching.equipment import EquipmentSetup, Gear
from core.messages import IncomingMessage
from core.ports import DuplicateMessage, EntryBatch, StoredCardio, StoredMessage, StoredSet
from core.recording.entries import CardioEntry, StrengthEntry
from storage.accounts import SqlAccounts
from storage.database import upsert
from storage.history_models import EquipmentRow
from storage.models import CardioSession, Message, StrengthSet
from storage.rows import gear_of, incoming_row, stored_message, strength_set_row


def _message_query() -> Select:
    """The columns of a stored message, as plain rows (no ORM object to track)."""
    m = Message.__table__.c  # type: ignore[attr-defined]
    return select(
        m.id, m.user_id, m.text, m.sent_at, m.recorded, m.undone, m.answered, m.replies, m.choices
    )


@cache
def _sets_query(by_exercise: bool) -> Select:
    """Sets of some users between two days (of some exercises), built once: each log and
    each plan asks it. Warm-ups and timed/cardio rows of imports count for neither
    progression nor dose."""
    t = StrengthSet.__table__.c  # type: ignore[attr-defined]
    query = (
        select(
            t.user_id,
            t.exercise,
            t.day,
            t.position,
            t.reps,
            t.weight,
            t.unit,
            t.weight_kg,
            t.bodyweight,
            t.rpe,
            t.message_id,
            t.set_kind,
            t.seconds,
            t.distance_m,
        )
        .where(
            t.user_id.in_(bindparam("users", expanding=True)),
            t.day >= bindparam("since"),
            t.day <= bindparam("until"),
        )
        .where(t.set_kind != "warmup", t.reps > 0)
        .order_by(t.day, t.performed_at, t.message_id, t.position)
    )
    if by_exercise:
        query = query.where(t.exercise.in_(bindparam("exercises", expanding=True)))
    return query


@cache
def _add_messages_statement(dialect: str) -> Insert:
    """Insert messages, skipping one already stored, returning the new ids (built once)."""
    m = Message.__table__.c  # type: ignore[attr-defined]
    return (
        upsert(dialect, Message.__table__)  # type: ignore[attr-defined]
        .on_conflict_do_nothing(index_elements=["platform", "platform_message_id"])
        .returning(m.platform, m.platform_message_id, m.id)
    )


class SqlRepository(SqlAccounts):
    """The core's Repository: messages, the sets and cardio they hold, equipment; and people."""

    async def find_message(self, platform: str, platform_message_id: str) -> StoredMessage | None:
        m = Message.__table__.c  # type: ignore[attr-defined]
        query = _message_query().where(
            m.platform == platform, m.platform_message_id == platform_message_id
        )
        row = (await self.session.execute(query)).first()
        return stored_message(row) if row else None

    async def add_message(
        self, user_id: int, message: IncomingMessage, now: datetime, recorded: bool = False
    ) -> int:
        """Insert the message once: a second delivery of the same id inserts nothing."""
        statement = (
            upsert(self.dialect, Message)
            .values(incoming_row(user_id, message, now, recorded))
            .on_conflict_do_nothing(index_elements=["platform", "platform_message_id"])
            .returning(Message.id)
        )
        message_id = (await self.session.execute(statement)).scalar_one_or_none()
        if message_id is None:
            raise DuplicateMessage(message.message_id)
        return message_id

    async def update_message_text(self, message_id: int, text: str) -> None:
        await self.session.execute(
            update(Message).where(Message.id == message_id).values(text=text)  # type: ignore[arg-type]
        )

    async def set_recorded(self, message_id: int, recorded: bool) -> None:
        await self.session.execute(
            update(Message).where(Message.id == message_id).values(recorded=recorded)  # type: ignore[arg-type]
        )

    async def add_entries_of(self, batches: Sequence[EntryBatch]) -> None:
        """Insert the entries of many messages: one statement per table."""
        sets: list[dict[str, object]] = []
        cardio: list[dict[str, object]] = []
        for b in batches:
            strength = ((e, s) for e in b.entries if isinstance(e, StrengthEntry) for s in e.sets)
            sets += (
                strength_set_row(
                    b.user_id, b.message_id, b.day, b.performed_at, entry.exercise, position, s
                )
                for position, (entry, s) in enumerate(strength, 1)
            )
            cardio += (
                {
                    "user_id": b.user_id,
                    "message_id": b.message_id,
                    "day": b.day,
                    "performed_at": b.performed_at,
                    "modality": e.modality,
                    "activity": e.activity,
                    "minutes": e.minutes,
                    "avg_hr": e.avg_hr,
                    "zone2_minutes": e.zone2_minutes,
                    "above_minutes": e.above_minutes,
                    "max_hr": e.max_hr,
                    "file_start": e.started,
                }
                for e in b.entries
                if isinstance(e, CardioEntry)
            )
        # Core tables, not ORM entities: a plain executemany, without ORM bulk bookkeeping.
        if sets:
            await self.session.execute(insert(StrengthSet.__table__), sets)  # type: ignore[attr-defined]
        if cardio:
            await self.session.execute(insert(CardioSession.__table__), cardio)  # type: ignore[attr-defined]

    async def delete_entries(self, message_id: int) -> None:
        for table in (StrengthSet, CardioSession):
            await self.session.execute(delete(table).where(table.message_id == message_id))  # type: ignore[arg-type]

    async def last_recorded_message(self, user_id: int) -> StoredMessage | None:
        query = (
            _message_query()
            .where(Message.user_id == user_id, Message.recorded, ~Message.undone)  # type: ignore[arg-type]
            # Only a log with entries: an import's file message (older rows marked it
            # recorded) holds none, and undoing it would remove nothing.
            .where(
                exists().where(StrengthSet.message_id == Message.id)  # type: ignore[arg-type]
                | exists().where(CardioSession.message_id == Message.id)  # type: ignore[arg-type]
            )
            .order_by(Message.sent_at.desc(), Message.id.desc())  # type: ignore[union-attr, attr-defined]
            .limit(1)
        )
        row = (await self.session.execute(query)).first()
        return stored_message(row) if row else None

    async def get_message(self, user_id: int, message_id: int) -> StoredMessage | None:
        row = await self.session.get(Message, message_id)
        if row is None or row.user_id != user_id:
            return None
        return stored_message(row)

    async def previous_message(self, user_id: int, message_id: int) -> StoredMessage | None:
        query = (
            _message_query()
            .where(Message.user_id == user_id, Message.id < message_id)  # type: ignore[arg-type]
            .order_by(Message.id.desc())  # type: ignore[union-attr]
            .limit(1)
        )
        row = (await self.session.execute(query)).first()
        return stored_message(row) if row else None

    async def mark_undone(self, message_id: int) -> None:
        await self.delete_entries(message_id)
        await self.session.execute(
            update(Message).where(Message.id == message_id).values(undone=True)  # type: ignore[arg-type]
        )

    async def strength_sets(
        self, user_id: int, since: date, until: date, exercises: Sequence[str] | None = None
    ) -> list[StoredSet]:
        by_user = await self.strength_sets_of([user_id], since, until, exercises)
        return by_user.get(user_id, [])

    async def strength_sets_of(
        self,
        user_ids: Sequence[int],
        since: date,
        until: date,
        exercises: Sequence[str] | None = None,
    ) -> dict[int, list[StoredSet]]:
        """Return each user's sets with since <= day <= until, in the order they were done."""
        params: dict[str, object] = {"users": list(user_ids), "since": since, "until": until}
        if exercises is not None:
            params["exercises"] = list(exercises)
        query = _sets_query(exercises is not None)
        by_user: dict[int, list[StoredSet]] = {}
        for user_id, *row in (await self.session.execute(query, params)).all():
            by_user.setdefault(user_id, []).append(StoredSet(*row))
        return by_user

    async def add_messages(
        self, rows: Sequence[tuple[int, IncomingMessage, bool]], now: datetime
    ) -> dict[tuple[str, str], int]:
        """Insert (user id, message, recorded) rows at once; return ids of those not stored yet.

        Keys are (platform, platform message id); one already stored is left out.
        """
        if not rows:
            return {}
        statement = _add_messages_statement(self.dialect)
        # An executemany with RETURNING: SQLAlchemy batches it as multi-row INSERTs
        # ("insertmanyvalues") from one cached statement.
        params = [
            incoming_row(user_id, message, now, recorded) for user_id, message, recorded in rows
        ]
        returned = (await self.session.execute(statement, params)).all()
        return {(platform, pmid): id_ for platform, pmid, id_ in returned}

    async def cardio_started_near(self, user_id: int, start: datetime, within: timedelta) -> bool:
        t = CardioSession.__table__.c  # type: ignore[attr-defined]
        query = select(t.id).where(
            t.user_id == user_id,
            t.file_start >= start - within,
            t.file_start <= start + within,
        )
        return (await self.session.execute(query.limit(1))).first() is not None

    async def cardio(self, user_id: int, since: date, until: date) -> list[StoredCardio]:
        t = CardioSession.__table__.c  # type: ignore[attr-defined]
        query = (
            select(
                t.modality, t.activity, t.day, t.minutes, t.avg_hr, t.zone2_minutes, t.above_minutes
            )
            .where(t.user_id == user_id, t.day >= since, t.day <= until)
            .order_by(t.day, t.performed_at)
        )
        return [StoredCardio(*row) for row in (await self.session.execute(query)).all()]

    async def equipment_of(self, user_ids: Sequence[int]) -> dict[int, EquipmentSetup]:
        """Return each user's equipment (an empty setup for a user who set none)."""
        query = select(EquipmentRow).where(EquipmentRow.user_id.in_(list(user_ids)))  # type: ignore[attr-defined]
        gear: dict[int, dict[str, Gear]] = {user_id: {} for user_id in user_ids}
        for row in (await self.session.execute(query)).scalars().all():
            gear[row.user_id][row.target] = gear_of(row)
        return {user_id: EquipmentSetup(targets) for user_id, targets in gear.items()}

    async def message_texts(self, message_ids: Sequence[int]) -> dict[int, str]:
        """Return the text of each stored message, by id."""
        if not message_ids:
            return {}
        m = Message.__table__.c  # type: ignore[attr-defined]
        query = select(m.id, m.text).where(m.id.in_(list(message_ids)))
        return {row.id: row.text for row in (await self.session.execute(query)).all()}
