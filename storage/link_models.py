"""Account-linking tables: one-time link codes and the attempts to enter them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class LinkCode(SQLModel, table=True):
    """A one-time code; only its SHA-256 is kept, so a database dump reveals no live code."""

    __tablename__ = "link_codes"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    platform: str = Field(max_length=16)  # where the code was asked for
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None


class LinkAttempt(SQLModel, table=True):
    """One `/link CODE` entered by a user: wrong ones count towards the rate limit."""

    __tablename__ = "link_attempts"
    __table_args__ = (Index("ix_link_attempts_user_at", "user_id", "attempted_at"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    attempted_at: datetime
    ok: bool = False
