"""the message in which the person last chose their units, on their row: every plan reads it

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30

It was found by scanning the person's messages for `/units …` on every plan, a cost that
grew with their history. The backfill takes the same answer from those messages once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(sa.Column("units_since", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE users SET units_since = (SELECT max(messages.id) FROM messages "
        "WHERE messages.user_id = users.id AND messages.text LIKE '/units %' "
        "AND NOT messages.undone)"
    )


def downgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.drop_column("units_since")
