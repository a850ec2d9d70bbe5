"""People: accounts on each platform, their profile, and the names they taught the coach."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache

from sqlalchemy import Select, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.accounts.profile import Profile
from storage.database import upsert
from storage.models import ExerciseName, Identity, User
from storage.rows import profile_columns, profile_of


@cache
def _profiles_query() -> Select:
    """The profiles of one platform's accounts, built once: every message asks it."""
    u = User.__table__.c  # type: ignore[attr-defined]
    i = Identity.__table__.c  # type: ignore[attr-defined]
    return (
        select(i.external_id, *profile_columns(u))
        .join_from(User.__table__, Identity.__table__, i.user_id == u.id)  # type: ignore[attr-defined]
        .where(
            i.platform == bindparam("platform"),
            i.external_id.in_(bindparam("ids", expanding=True)),
        )
    )


class SqlAccounts:
    """The account side of the repository (shares its session)."""

    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    async def identify(
        self, platform: str, external_id: str, display_name: str | None, now: datetime
    ) -> Profile:
        """Return the profile behind a platform account, creating both on first contact."""
        u = User.__table__.c  # type: ignore[attr-defined]
        i = Identity.__table__.c  # type: ignore[attr-defined]
        query = (
            select(*profile_columns(u))
            .join_from(User.__table__, Identity.__table__, i.user_id == u.id)  # type: ignore[attr-defined]
            .where(i.platform == platform, i.external_id == external_id)
        )
        row = (await self.session.execute(query)).first()
        if row is None:
            made = await self.create_accounts([(platform, external_id, display_name)], now)
            return made[(platform, external_id)]
        return profile_of(row)

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
                program=profile.program,
                max_hr=profile.max_hr,
                rest_hr=profile.rest_hr,
                units_since=profile.units_since,
            )
        )

    async def profiles(self, accounts: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Profile]:
        """Return the profiles of the accounts that exist, keyed by (platform, external id)."""
        found: dict[tuple[str, str], Profile] = {}
        for platform in {p for p, _ in accounts}:
            ids = [e for p, e in accounts if p == platform]
            params = {"platform": platform, "ids": ids}
            for row in (await self.session.execute(_profiles_query(), params)).all():
                found[(platform, row.external_id)] = profile_of(row)
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
                    upsert(self.dialect, Identity.__table__)  # type: ignore[attr-defined]
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

    async def exercise_names(self, user_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """Return each user's own names for exercises (name key -> exercise id)."""
        query = select(ExerciseName.user_id, ExerciseName.name_key, ExerciseName.exercise_id).where(
            ExerciseName.user_id.in_(list(user_ids))  # type: ignore[attr-defined]
        )
        names: dict[int, dict[str, str]] = {user_id: {} for user_id in user_ids}
        for user_id, key, exercise_id in (await self.session.execute(query)).all():
            names[user_id][key] = exercise_id
        return names

    async def forget_exercise_name(self, user_id: int, name_key: str) -> None:
        n = ExerciseName.__table__.c  # type: ignore[attr-defined]
        await self.session.execute(
            delete(ExerciseName).where(n.user_id == user_id, n.name_key == name_key)
        )

    async def save_exercise_name(
        self, user_id: int, name_key: str, exercise_id: str, now: datetime
    ) -> None:
        """Remember that `user_id` means `exercise_id` by the name with this key."""
        values = {"exercise_id": exercise_id, "created_at": now}
        await self.session.execute(
            upsert(self.dialect, ExerciseName)
            .values(user_id=user_id, name_key=name_key, **values)
            .on_conflict_do_update(index_elements=["user_id", "name_key"], set_=values)
        )
