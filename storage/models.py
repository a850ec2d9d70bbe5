"""SQLModel tables. Instants are timezone-aware (UTC); `day` is the user's local date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint, text, true
from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    units: str = Field(default="kg", max_length=2)
    timezone: str = Field(default="UTC", max_length=64)
    age: int | None = None
    bodyweight_kg: float | None = None
    onboarding_step: str | None = Field(default=None, max_length=32)
    paused: bool = False
    created_at: datetime
    # How the person writes `225x3x5` ("sets-reps" or "reps-sets"), once they told us.
    notation: str | None = Field(default=None, max_length=16)
    # The starting program chosen with /program (core.coaching.program's JSON), if any.
    program: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    max_hr: int | None = None  # measured, from /profile maxhr
    units_since: int | None = None  # the message in which they last chose their units
    rest_hr: int | None = None  # from /profile resthr: Zone 2 by heart-rate reserve


class Identity(SQLModel, table=True):
    """A platform account (Telegram user, Discord user, console name) of a user."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    user_id: int = Field(foreign_key="users.id", index=True)
    display_name: str | None = Field(default=None, max_length=128)


class Message(SQLModel, table=True):
    """Every message a user sent, as typed, once per platform message id."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("platform", "platform_message_id"),
        Index("ix_messages_user_sent", "user_id", "sent_at"),
        Index(
            "ix_messages_unanswered",
            "platform",
            "received_at",
            postgresql_where=text("NOT answered"),
            sqlite_where=text("NOT answered"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    platform: str = Field(max_length=16)
    platform_message_id: str = Field(max_length=128)
    text: str
    sent_at: datetime
    received_at: datetime
    recorded: bool = False  # carried at least one entry
    undone: bool = False
    # False from the commit that stored its replies until they went out (the outbox).
    answered: bool = Field(default=True, sa_column_kwargs={"server_default": true()})
    replies: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # The buttons its replies offered (JSON [label, data] pairs), kept after they were sent.
    choices: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class StrengthSet(SQLModel, table=True):
    __tablename__ = "strength_sets"
    __table_args__ = (
        Index("ix_strength_user_exercise_day", "user_id", "exercise", "day"),
        Index("ix_strength_user_day", "user_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    message_id: int = Field(foreign_key="messages.id", index=True)
    exercise: str = Field(max_length=64)
    day: date
    performed_at: datetime
    position: int
    reps: int
    weight: float  # as typed (added load for bodyweight moves)
    unit: str = Field(max_length=2)
    weight_kg: float
    bodyweight: bool = False
    rpe: float | None = None
    # normal | warmup | failure | drop; warm-ups count for neither progression nor dose.
    set_kind: str = Field(
        default="normal", max_length=8, sa_column_kwargs={"server_default": "normal"}
    )
    seconds: float | None = None  # timed sets and cardio rows of imported files
    distance_m: float | None = None


class CardioSession(SQLModel, table=True):
    __tablename__ = "cardio_sessions"
    __table_args__ = (
        Index("ix_cardio_user_day", "user_id", "day"),
        Index("ix_cardio_user_file_start", "user_id", "file_start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    message_id: int = Field(foreign_key="messages.id", index=True)
    modality: str = Field(max_length=16)
    activity: str | None = Field(default=None, max_length=32)
    day: date
    performed_at: datetime
    minutes: float
    avg_hr: int | None = None
    # From an activity file: minutes in the person's Zone 2 and above it, the file's start.
    zone2_minutes: float | None = None
    above_minutes: float | None = None
    max_hr: int | None = None
    file_start: datetime | None = None


class ExerciseName(SQLModel, table=True):
    """A name a person logs an exercise by, as they told us when asked ("hack squat sled")."""

    __tablename__ = "exercise_names"

    user_id: int = Field(foreign_key="users.id", primary_key=True)
    name_key: str = Field(max_length=255, primary_key=True)  # catalogue.name_key of the name
    exercise_id: str = Field(max_length=64)
    created_at: datetime
