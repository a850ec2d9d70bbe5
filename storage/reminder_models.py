"""Reminder tables: one schedule row per (user, kind), one delivery row per ping."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel


class ReminderSchedule(SQLModel, table=True):
    """Weekdays and a local time; `next_fire_at` (UTC) is the durable truth of what is due."""

    __tablename__ = "reminder_schedules"
    __table_args__ = (
        UniqueConstraint("user_id", "kind"),
        Index("ix_reminder_schedules_next_fire", "next_fire_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    kind: str = Field(max_length=16)
    days: str = Field(max_length=27)  # cron weekdays: mon,thu
    hour: int
    minute: int
    timezone: str = Field(max_length=64)
    # Where pings go: the account the reminder was set from.
    platform: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    next_fire_at: datetime | None = None  # None while the user is paused
    updated_at: datetime


class ReminderDelivery(SQLModel, table=True):
    """One ping for one fire instant, recorded before it is sent: the key makes it once."""

    __tablename__ = "reminder_deliveries"
    __table_args__ = (
        UniqueConstraint("schedule_id", "fire_at"),
        # Only the live rows (queued, claimed) are indexed by status: sent rows leave it.
        Index(
            "ix_reminder_deliveries_live",
            "status",
            "due_at",
            postgresql_where=text("status IN ('queued', 'claimed')"),
            sqlite_where=text("status IN ('queued', 'claimed')"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    schedule_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("reminder_schedules.id", ondelete="CASCADE"), nullable=False
        )
    )
    user_id: int = Field(foreign_key="users.id")
    kind: str = Field(max_length=16)
    fire_at: datetime
    due_at: datetime
    platform: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    status: str = Field(max_length=16)
    attempts: int = 0
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # retries
    response: str | None = Field(default=None, max_length=16)
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
