"""Files waiting for an answer before they import: one row per person at most."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, delete
from sqlmodel import Field, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from core.history.import_pending import PendingImport


class PendingImportRow(SQLModel, table=True):
    """An export asked about (which unit?), kept until the person taps an answer."""

    __tablename__ = "pending_imports"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    message_id: int = Field(unique=True)  # the upload's stored message
    filename: str = Field(max_length=64)
    content: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime


class SqlPendingImports:
    """The core's PendingImportStore on one session."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def keep(self, user_id: int, pending: PendingImport, now: datetime) -> None:
        await self.session.execute(
            delete(PendingImportRow).where(PendingImportRow.user_id == user_id)  # type: ignore[arg-type]
        )
        self.session.add(
            PendingImportRow(
                user_id=user_id,
                message_id=pending.message_id,
                filename=pending.filename[:64],
                content=pending.content,
                created_at=now,
            )
        )
        await self.session.flush()

    async def take(self, user_id: int, message_id: int) -> PendingImport | None:
        # DELETE … RETURNING: of two taps at once, the second waits and finds nothing.
        t = PendingImportRow.__table__.c  # type: ignore[attr-defined]
        statement = (
            delete(PendingImportRow.__table__)  # type: ignore[attr-defined]
            .where(t.user_id == user_id, t.message_id == message_id)
            .returning(t.message_id, t.filename, t.content)
        )
        row = (await self.session.execute(statement)).first()
        return PendingImport(row.message_id, row.filename, row.content) if row else None
