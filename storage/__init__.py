"""Persistence: SQLModel tables, async engine and sessions, repositories, Alembic migrations."""
