"""The one wall clock the core reads by default (tests and `--at` pass their own)."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
