"""an index on strength sets by person and day: plans and the week read a window of days

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

Without it a window of days (the plan's 12 + 8 weeks, the week's dose) was read through
(user_id, exercise, day) by the user alone, so its cost grew with the whole history.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_strength_user_day", "strength_sets", ["user_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_strength_user_day", table_name="strength_sets")
