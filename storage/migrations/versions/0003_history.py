"""training history: set kinds, timed sets, equipment, delete requests

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-25

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("strength_sets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("set_kind", sa.String(length=8), nullable=False, server_default="normal")
        )
        batch_op.add_column(sa.Column("seconds", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("distance_m", sa.Float(), nullable=True))
    op.create_table(
        "equipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=2), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("bar", sa.Float(), nullable=False),
        sa.Column("plates", sa.String(length=200), nullable=False),
        sa.Column("step", sa.Float(), nullable=False),
        sa.Column("start", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "target"),
    )
    op.create_index("ix_equipment_user_id", "equipment", ["user_id"])
    op.create_table(
        "delete_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_delete_requests_user_id", "delete_requests", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_delete_requests_user_id", table_name="delete_requests")
    op.drop_table("delete_requests")
    op.drop_index("ix_equipment_user_id", table_name="equipment")
    op.drop_table("equipment")
    with op.batch_alter_table("strength_sets", schema=None) as batch_op:
        batch_op.drop_column("distance_m")
        batch_op.drop_column("seconds")
        batch_op.drop_column("set_kind")
