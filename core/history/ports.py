"""What the history tools need from storage: imports, exports, erasing, equipment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from core.coaching.equipment import Gear
from core.history.import_values import NewWorkout
from core.history.sets import HistorySet


class HistoryStore(Protocol):
    """What import, export, /delete and /equipment need from storage beyond the Repository."""

    async def imported_keys(self, user_id: int, keys: Sequence[str]) -> set[str]: ...

    async def logged_at(
        self, user_id: int, starts: Sequence[datetime]
    ) -> set[tuple[datetime, str]]:
        """Return (sent at, text) of the user's recorded logs sent at one of `starts`."""
        ...

    async def add_workouts(
        self, user_id: int, workouts: Sequence[NewWorkout], now: datetime
    ) -> None: ...

    async def all_sets(self, user_id: int) -> list[HistorySet]: ...

    async def dump(self, user_id: int) -> dict[str, list[dict[str, Any]]]: ...

    async def new_delete_token(self, user_id: int, now: datetime) -> str: ...

    async def check_delete_token(self, user_id: int, token: str, now: datetime) -> bool: ...

    async def delete_everything(self, user_id: int) -> int: ...

    async def save_equipment(self, user_id: int, target: str, gear: Gear) -> None: ...

    async def reset_equipment(self, user_id: int, target: str | None = None) -> None: ...
