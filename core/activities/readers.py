"""Reads an uploaded activity file of any supported format; never raises for bad input."""

from __future__ import annotations

import logging
from collections.abc import Callable

from core.activities.activity import Activity, NotAnActivity
from core.activities.fit import read_fit
from core.activities.gpx import read_gpx
from core.activities.payload import format_of, is_activity_file, unpack
from core.activities.tcx import read_tcx

__all__ = ["is_activity_file", "read_activity"]

logger = logging.getLogger(__name__)

_READERS: dict[str, Callable[[bytes], Activity | NotAnActivity]] = {
    "fit": read_fit,
    "tcx": read_tcx,
    "gpx": read_gpx,
}


def read_activity(filename: str, data: bytes) -> Activity | NotAnActivity:
    """Return the activity recorded in the file, or a one-line reason it cannot be read.

    The format comes from the name (.fit, .tcx, .gpx, each optionally .gz); gzip is also
    recognised by its magic bytes. Files over 20 MB, packed or unpacked, are refused.
    """
    fmt = format_of(filename)
    if fmt is None:
        return NotAnActivity(
            "I can read .fit, .tcx and .gpx activity files (also gzipped), "
            "and that file is none of them, so nothing was recorded."
        )
    label = f".{fmt}"
    unpacked = unpack(data, label)
    if isinstance(unpacked, NotAnActivity):
        return unpacked
    if not unpacked.strip():
        return NotAnActivity(f"That {label} file is empty, so nothing was recorded.")
    try:
        return _READERS[fmt](unpacked)
    except Exception:  # a parser bug must not take the chat down with it
        logger.exception("reading %s file %r failed unexpectedly", fmt, filename)
        return NotAnActivity(
            f"That {label} file could not be read (it may be damaged), so nothing was recorded."
        )
