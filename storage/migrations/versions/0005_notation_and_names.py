"""a person's notation for weight x a x b, and the exercise names they taught the coach

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("users", sa.Column("notation", sa.String(length=16), nullable=True))
    op.create_table(
        "exercise_names",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(length=255), nullable=False),
        sa.Column("exercise_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("user_id", "name_key"),
    )


def downgrade() -> None:
    op.drop_table("exercise_names")
    op.drop_column("users", "notation")
