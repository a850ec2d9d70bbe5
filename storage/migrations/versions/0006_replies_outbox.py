"""each message keeps its replies until they went out (whether it was answered)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Messages stored before this revision were answered when they were handled.
    with op.batch_alter_table("messages") as batch:
        batch.add_column(
            sa.Column("answered", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("replies", sa.Text(), nullable=True))
    op.create_index(
        "ix_messages_unanswered",
        "messages",
        ["platform", "received_at"],
        postgresql_where=sa.text("NOT answered"),
        sqlite_where=sa.text("NOT answered"),
    )


def downgrade() -> None:
    op.drop_index("ix_messages_unanswered", table_name="messages")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("replies")
        batch.drop_column("answered")
