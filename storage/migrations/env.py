"""Alembic environment: runs on the connection handed in by storage.database."""

from alembic import context
from sqlmodel import SQLModel

# Imported for what importing does: each module registers its tables on SQLModel.metadata.
import storage.history_models  # equipment and delete-request tables
import storage.links  # link tables and the core's link store
import storage.models  # the core tables
import storage.reminders  # noqa: F401  (reminder tables and the core's reminder store)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
