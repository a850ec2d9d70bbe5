"""The SQL implementation of the core's Repository port."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, Row, delete, exists, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import ColumnCollection

from core.accounts.profile import Profile
from core.coaching.equipment import EquipmentSetup, Gear
from core.history.import_values import NewSet
from core.messages import IncomingMessage
from core.ports import DuplicateMessage, EntryBatch, StoredCardio, StoredMessage, StoredSet
from core.recording.entries import CardioEntry, SetEntry, StrengthEntry, Unit
from storage.history_models import EquipmentRow
from storage.models import CardioSession, ExerciseName, Identity, Message, StrengthSet, User


def _profile_columns(u: ColumnCollection) -> tuple[ColumnElement, ...]:
    gear = exists().where(EquipmentRow.user_id == u.id).label("has_equipment")  # type: ignore[arg-type]
    names = exists().where(ExerciseName.user_id == u.id).label("has_names")  # type: ignore[arg-type]
    return (
        *(u.id, u.units, u.timezone, u.age, u.bodyweight_kg, u.onboarding_step, u.paused),
        *(u.notation, gear, names),
    )


def _profile_of(row: Row) -> Profile:
    return Profile(
        user_id=row.id,
        units="lb" if row.units == "lb" else "kg",
        timezone=row.timezone,
        age=row.age,
        bodyweight_kg=row.bodyweight_kg,
        onboarding_step=row.onboarding_step,
        paused=row.paused,
        has_equipment=bool(row.has_equipment),
        notation=row.notation if row.notation in ("sets-reps", "reps-sets") else None,
        has_names=bool(row.has_names),
    )


def _plates(text: str) -> tuple[tuple[float, int | None], ...]:
    out: list[tuple[float, int | None]] = []
    for part in filter(None, text.split(",")):
        plate, _, pairs = part.partition("x")
        out.append((float(plate), int(pairs) if pairs else None))
    return tuple(out)


def _gear(row: EquipmentRow) -> Gear:
    unit: Unit = "lb" if row.unit == "lb" else "kg"
    kind = row.kind if row.kind in ("plates", "steps", "stack") else "steps"
    return Gear(unit, kind, row.bar, _plates(row.plates), row.step, row.start)  # type: ignore[arg-type]


def message_row(
    user_id: int,
    platform: str,
    platform_message_id: str,
    text: str,
    sent_at: datetime,
    received_at: datetime,
    recorded: bool,
) -> dict[str, object]:
    """Return a new messages row (not undone): a chat message, or an imported workout."""
    return {
        "user_id": user_id,
        "platform": platform,
        "platform_message_id": platform_message_id,
        "text": text,
        "sent_at": sent_at,
        "received_at": received_at,
        "recorded": recorded,
        "undone": False,
    }


def _incoming_row(
    user_id: int, message: IncomingMessage, now: datetime, recorded: bool
) -> dict[str, object]:
    return message_row(
        user_id, message.platform, message.message_id, message.text, message.sent_at, now, recorded
    )


def strength_set_row(
    user_id: int,
    message_id: int,
    day: date,
    performed_at: datetime,
    exercise: str,
    position: int,
    s: SetEntry | NewSet,
) -> dict[str, object]:
    """Return a strength_sets row for a set typed in chat or one of an imported workout.

    Only an imported set has a kind other than "normal", seconds or a distance.
    """
    row: dict[str, object] = {
        "user_id": user_id,
        "message_id": message_id,
        "exercise": exercise,
        "day": day,
        "performed_at": performed_at,
        "position": position,
        "reps": s.reps,
        "weight": s.weight,
        "unit": s.unit,
        "weight_kg": s.weight_kg,
        "bodyweight": s.bodyweight,
        "rpe": s.rpe,
        "set_kind": "normal",
        "seconds": None,
        "distance_m": None,
    }
    if isinstance(s, NewSet):
        row.update(set_kind=s.kind, seconds=s.seconds, distance_m=s.distance_m)
    return row


def _stored_message(row: Message) -> StoredMessage:
    assert row.id is not None
    return StoredMessage(row.id, row.user_id, row.text, row.sent_at, row.recorded, row.undone)


class SqlRepository:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    def _insert(self, model: type) -> postgresql.Insert | sqlite.Insert:
        """Return the dialect's INSERT, which knows ON CONFLICT."""
        module = postgresql if self.dialect == "postgresql" else sqlite
        return module.insert(model)

    async def identify(
        self, platform: str, external_id: str, display_name: str | None, now: datetime
    ) -> Profile:
        """Return the profile behind a platform account, creating both on first contact."""
        u = User.__table__.c  # type: ignore[attr-defined]
        i = Identity.__table__.c  # type: ignore[attr-defined]
        query = (
            select(*_profile_columns(u))
            .join_from(User.__table__, Identity.__table__, i.user_id == u.id)  # type: ignore[attr-defined]
            .where(i.platform == platform, i.external_id == external_id)
        )
        row = (await self.session.execute(query)).first()
        if row is None:
            made = await self.create_accounts([(platform, external_id, display_name)], now)
            return made[(platform, external_id)]
        return _profile_of(row)

    async def save_profile(self, profile: Profile) -> None:
        await self.session.execute(
            update(User)
            .where(User.id == profile.user_id)  # type: ignore[arg-type]
            .values(
                units=profile.units,
                timezone=profile.timezone,
                age=profile.age,
                bodyweight_kg=profile.bodyweight_kg,
                onboarding_step=profile.onboarding_step,
                paused=profile.paused,
                notation=profile.notation,
            )
        )

    async def find_message(self, platform: str, platform_message_id: str) -> StoredMessage | None:
        query = select(Message).where(
            Message.platform == platform, Message.platform_message_id == platform_message_id
        )
        row = (await self.session.execute(query)).scalars().first()
        return _stored_message(row) if row else None

    async def add_message(
        self, user_id: int, message: IncomingMessage, now: datetime, recorded: bool = False
    ) -> int:
        """Insert the message once: a second delivery of the same id inserts nothing."""
        statement = (
            self._insert(Message)
            .values(_incoming_row(user_id, message, now, recorded))
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
            select(Message)
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
        row = (await self.session.execute(query)).scalars().first()
        return _stored_message(row) if row else None

    async def get_message(self, user_id: int, message_id: int) -> StoredMessage | None:
        row = await self.session.get(Message, message_id)
        if row is None or row.user_id != user_id:
            return None
        return _stored_message(row)

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
            .where(t.user_id.in_(list(user_ids)), t.day >= since, t.day <= until)
            # Warm-ups and timed/cardio rows of imports count for neither progression nor dose.
            .where(t.set_kind != "warmup", t.reps > 0)
            .order_by(t.day, t.performed_at, t.message_id, t.position)
        )
        if exercises is not None:
            query = query.where(t.exercise.in_(list(exercises)))
        by_user: dict[int, list[StoredSet]] = {}
        for user_id, *row in (await self.session.execute(query)).all():
            by_user.setdefault(user_id, []).append(StoredSet(*row))
        return by_user

    async def profiles(self, accounts: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Profile]:
        """Return the profiles of the accounts that exist, keyed by (platform, external id)."""
        u = User.__table__.c  # type: ignore[attr-defined]
        i = Identity.__table__.c  # type: ignore[attr-defined]
        found: dict[tuple[str, str], Profile] = {}
        for platform in {p for p, _ in accounts}:
            ids = [e for p, e in accounts if p == platform]
            query = (
                select(i.external_id, *_profile_columns(u))
                .join_from(User.__table__, Identity.__table__, i.user_id == u.id)  # type: ignore[attr-defined]
                .where(i.platform == platform, i.external_id.in_(ids))
            )
            for row in (await self.session.execute(query)).all():
                found[(platform, row.external_id)] = _profile_of(row)
        return found

    async def create_accounts(
        self, accounts: Sequence[tuple[str, str, str | None]], now: datetime
    ) -> dict[tuple[str, str], Profile]:
        """Create the (platform, external id, display name) accounts not there yet, at once.

        Return the profile of every account given, keyed by (platform, external id), as
        `identify` would, in a few statements for the whole lot instead of a few each.
        """
        # In key order: two transactions making overlapping accounts lock them alike.
        wanted = {(p, e): name for p, e, name in sorted(accounts, key=lambda a: a[:2])}
        if not wanted:
            return {}
        u = User.__table__.c  # type: ignore[attr-defined]
        i = Identity.__table__.c  # type: ignore[attr-defined]
        # New users are alike until linked to an account, so any id may go to any account.
        user_ids = (
            (
                await self.session.execute(
                    insert(User.__table__).returning(u.id),  # type: ignore[attr-defined]
                    [{"created_at": now}] * len(wanted),
                )
            )
            .scalars()
            .all()
        )
        linked = (
            (
                await self.session.execute(
                    self._insert(Identity.__table__)  # type: ignore[attr-defined]
                    .on_conflict_do_nothing(index_elements=["platform", "external_id"])
                    .returning(i.user_id),
                    [
                        {
                            "platform": platform,
                            "external_id": external_id,
                            "user_id": user_id,
                            "display_name": name,
                        }
                        for ((platform, external_id), name), user_id in zip(
                            wanted.items(), user_ids, strict=True
                        )
                    ],
                )
            )
            .scalars()
            .all()
        )
        unused = set(user_ids) - set(linked)
        if unused:  # those accounts existed already (made by another message first)
            await self.session.execute(delete(User).where(u.id.in_(sorted(unused))))
        return await self.profiles(list(wanted))

    async def add_messages(
        self, rows: Sequence[tuple[int, IncomingMessage, bool]], now: datetime
    ) -> dict[tuple[str, str], int]:
        """Insert (user id, message, recorded) rows at once; return ids of those not stored yet.

        Keys are (platform, platform message id); one already stored is left out.
        """
        if not rows:
            return {}
        m = Message.__table__.c  # type: ignore[attr-defined]
        statement = (
            self._insert(Message.__table__)  # type: ignore[attr-defined]
            .on_conflict_do_nothing(index_elements=["platform", "platform_message_id"])
            .returning(m.platform, m.platform_message_id, m.id)
        )
        # An executemany with RETURNING: SQLAlchemy batches it as multi-row INSERTs
        # ("insertmanyvalues") from one cached statement.
        params = [
            _incoming_row(user_id, message, now, recorded) for user_id, message, recorded in rows
        ]
        returned = (await self.session.execute(statement, params)).all()
        return {(platform, pmid): id_ for platform, pmid, id_ in returned}

    async def cardio(self, user_id: int, since: date, until: date) -> list[StoredCardio]:
        t = CardioSession.__table__.c  # type: ignore[attr-defined]
        query = (
            select(t.modality, t.activity, t.day, t.minutes, t.avg_hr)
            .where(t.user_id == user_id, t.day >= since, t.day <= until)
            .order_by(t.day, t.performed_at)
        )
        return [StoredCardio(*row) for row in (await self.session.execute(query)).all()]

    async def equipment_of(self, user_ids: Sequence[int]) -> dict[int, EquipmentSetup]:
        """Return each user's equipment (an empty setup for a user who set none)."""
        query = select(EquipmentRow).where(EquipmentRow.user_id.in_(list(user_ids)))  # type: ignore[attr-defined]
        gear: dict[int, dict[str, Gear]] = {user_id: {} for user_id in user_ids}
        for row in (await self.session.execute(query)).scalars().all():
            gear[row.user_id][row.target] = _gear(row)
        return {user_id: EquipmentSetup(targets) for user_id, targets in gear.items()}

    async def exercise_names(self, user_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """Return each user's own names for exercises (name key -> exercise id)."""
        query = select(ExerciseName.user_id, ExerciseName.name_key, ExerciseName.exercise_id).where(
            ExerciseName.user_id.in_(list(user_ids))  # type: ignore[attr-defined]
        )
        names: dict[int, dict[str, str]] = {user_id: {} for user_id in user_ids}
        for user_id, key, exercise_id in (await self.session.execute(query)).all():
            names[user_id][key] = exercise_id
        return names

    async def save_exercise_name(
        self, user_id: int, name_key: str, exercise_id: str, now: datetime
    ) -> None:
        """Remember that `user_id` means `exercise_id` by the name with this key."""
        values = {"exercise_id": exercise_id, "created_at": now}
        await self.session.execute(
            self._insert(ExerciseName)
            .values(user_id=user_id, name_key=name_key, **values)
            .on_conflict_do_update(index_elements=["user_id", "name_key"], set_=values)
        )
