"""a starting program per person, their measured heart rates, and zone minutes per session

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(sa.Column("program", sa.Text(), nullable=True))
        users.add_column(sa.Column("max_hr", sa.Integer(), nullable=True))
        users.add_column(sa.Column("rest_hr", sa.Integer(), nullable=True))
    with op.batch_alter_table("cardio_sessions") as cardio:
        cardio.add_column(sa.Column("zone2_minutes", sa.Float(), nullable=True))
        cardio.add_column(sa.Column("above_minutes", sa.Float(), nullable=True))
        cardio.add_column(sa.Column("max_hr", sa.Integer(), nullable=True))
        cardio.add_column(sa.Column("file_start", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_cardio_user_file_start", "cardio_sessions", ["user_id", "file_start"])


def downgrade() -> None:
    op.drop_index("ix_cardio_user_file_start", table_name="cardio_sessions")
    with op.batch_alter_table("cardio_sessions") as cardio:
        for column in ("file_start", "max_hr", "above_minutes", "zone2_minutes"):
            cardio.drop_column(column)
    with op.batch_alter_table("users") as users:
        for column in ("rest_hr", "max_hr", "program"):
            users.drop_column(column)
