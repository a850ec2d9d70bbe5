"""Tables for training history tools: equipment setups and pending deletions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class EquipmentRow(SQLModel, table=True):
    """One gear setup of a user: for "barbell", "dumbbells" or one exercise id."""

    __tablename__ = "equipment"
    __table_args__ = (UniqueConstraint("user_id", "target"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    target: str = Field(max_length=64)
    unit: str = Field(max_length=2)
    kind: str = Field(max_length=8)  # plates | steps | stack
    bar: float = 0.0
    plates: str = Field(default="", max_length=200)  # "25,20x4,2.5": x = pairs owned
    step: float = 0.0
    start: float = 0.0


class DeleteRequest(SQLModel, table=True):
    """A /delete waiting for its confirmation button; the token is checked against the user."""

    __tablename__ = "delete_requests"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token: str = Field(max_length=32)
    created_at: datetime
