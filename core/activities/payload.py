"""Which activity format a file name stands for, and its bytes unpacked within the size limit."""

from __future__ import annotations

import gzip
import io
import zlib

from core.activities.activity import NotAnActivity

MAX_BYTES = 20 * 1024 * 1024  # a 4-hour 1 s FIT is about 1 MB; 20 MB leaves room for GPX bloat
FORMATS = ("fit", "tcx", "gpx")
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1024 * 1024


def format_of(filename: str) -> str | None:
    """Return "fit", "tcx" or "gpx" for a name ending in it (optionally then ".gz"), else None."""
    name = filename.strip().lower()
    name = name.removesuffix(".gz")
    _, dot, ext = name.rpartition(".")
    return ext if dot and ext in FORMATS else None


def is_activity_file(filename: str) -> bool:
    """Return whether the name looks like a FIT, TCX or GPX file, gzipped or not."""
    return format_of(filename) is not None


def unpack(data: bytes, label: str) -> bytes | NotAnActivity:
    """Return the file's bytes, gunzipped if they are gzip, or why they are unusable.

    Decompression stops as soon as it passes `MAX_BYTES`, so a small archive of zeros
    cannot fill memory.
    """
    if len(data) > MAX_BYTES:
        return NotAnActivity(
            f"That {label} file is over 20 MB, too big to read, so nothing was recorded."
        )
    if not data.startswith(_GZIP_MAGIC):
        return data
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(_CHUNK):
                out.write(chunk)
                if out.tell() > MAX_BYTES:
                    return NotAnActivity(
                        f"That {label} file is over 20 MB once unzipped, too big to read, "
                        "so nothing was recorded."
                    )
    except EOFError:
        return NotAnActivity(
            f"That {label} file is damaged (the zipped data ends too early), "
            "so nothing was recorded."
        )
    except (OSError, zlib.error):  # gzip.BadGzipFile is an OSError
        return NotAnActivity(
            f"That {label} file is damaged (the zipped data is corrupt), so nothing was recorded."
        )
    return out.getvalue()
