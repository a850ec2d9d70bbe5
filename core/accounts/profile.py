"""The person's settings the coach needs: units, timezone, age, bodyweight, onboarding."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.recording.entries import Notation, Unit


@dataclass
class Profile:
    user_id: int
    units: Unit = "kg"
    timezone: str = "UTC"
    age: int | None = None
    bodyweight_kg: float | None = None
    onboarding_step: str | None = None
    paused: bool = False
    has_equipment: bool = False  # told us their gear (/equipment): plans get rounded to it
    notation: Notation | None = None  # how they write `225x3x5`, once they told us
    program: str | None = None  # the starting program's JSON (core.coaching.program), if any
    max_hr: int | None = None  # measured maximum heart rate (/profile maxhr), else estimated
    units_since: int | None = None  # the message in which they last chose units (/units)
    rest_hr: int | None = None  # resting heart rate (/profile resthr): Zone 2 by reserve
    has_names: bool = False  # taught us names of their own for exercises
    # Those names (catalogue.name_key of the name -> exercise id), loaded when has_names.
    names: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_day(self, instant: datetime) -> date:
        """Return the calendar day `instant` falls on in the user's timezone."""
        return instant.astimezone(self.zone).date()
