"""Which database errors mean "the database can't be reached now" rather than "this is wrong"."""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# SQLSTATE classes of a server that is unreachable, shutting down or refusing connections
# for now: connection exceptions, operator intervention, insufficient resources.
_UNREACHABLE_STATES = ("08", "57P", "53")
# ... and a database that is not accepting connections at the moment (ALLOW_CONNECTIONS).
_NOT_ACCEPTING = "55000"


def unreachable(error: BaseException) -> bool:
    """Return True if `error` says the database is out of reach, not that the work is wrong.

    Such work can be tried again unchanged once the database is back. A SQLite file that
    is read-only is wrong for good, so it is not counted here.
    """
    if isinstance(error, OSError | TimeoutError | PoolTimeout):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    state = _sqlstate(error)
    if state is not None:
        return state.startswith(_UNREACHABLE_STATES) or state == _NOT_ACCEPTING
    if isinstance(error, OperationalError | InterfaceError):
        text = str(error.orig).lower()
        return "readonly" not in text and "read-only" not in text
    return isinstance(error.orig, OSError | TimeoutError)


DISK_FULL_STATE = "53100"  # PostgreSQL's disk_full


def disk_full(error: BaseException) -> bool:
    """Return True if `error` says the database's disk (or SQLite file) is full."""
    if isinstance(error, OSError):
        return error.errno == errno.ENOSPC
    if not isinstance(error, DBAPIError):
        return False
    if _sqlstate(error) == DISK_FULL_STATE:
        return True
    text = str(error.orig).lower()
    return "database or disk is full" in text or "no space left" in text


def _sqlstate(error: DBAPIError) -> str | None:
    """Return the SQLSTATE of the driver's error, where the driver says one."""
    seen = error.orig
    for _ in range(3):
        if seen is None:
            return None
        state = getattr(seen, "sqlstate", None) or getattr(seen, "pgcode", None)
        if isinstance(state, str):
            return state
        seen = seen.__cause__
    return None
