"""Reads Garmin's binary FIT files with `fitdecode`, checking every CRC.

Frames are streamed: only the record timestamps and heart rates are kept, plus the sport
(from `session`, else `sport`) and the local-time offset (from `activity.local_timestamp`).
"""

from __future__ import annotations

import io
import struct
from datetime import datetime
from typing import TYPE_CHECKING

from core.activities.activity import Activity, NotAnActivity
from core.activities.sports import normalise_sport
from core.activities.track import TrackBuilder

if TYPE_CHECKING:
    import fitdecode

FIT_EPOCH_S = 631065600  # 1989-12-31T00:00:00Z, where FIT counts seconds from
_MAX_OFFSET_S = 15 * 3600  # no time zone is further from UTC than UTC+14


def read_fit(data: bytes) -> Activity | NotAnActivity:
    """Return the activity in a FIT file, or why there is none."""
    import fitdecode  # loads when a watch file arrives, not with every start

    builder = TrackBuilder()
    sport: tuple[str | None, str | None] | None = None
    session_sport: tuple[str | None, str | None] | None = None
    offset: int | None = None
    kind: object = None  # file_id.type, judged once the whole file has passed its CRC
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                name = frame.name
                if name == "record":
                    moment = frame.get_value("timestamp", fallback=None)
                    if isinstance(moment, datetime):
                        hr = frame.get_value("heart_rate", fallback=None)
                        builder.add(moment.timestamp(), hr if isinstance(hr, int) else None)
                elif name == "file_id" and kind is None:
                    kind = frame.get_value("type", fallback=None)
                elif name == "session" and session_sport is None:
                    session_sport = _sport_names(frame)
                elif name == "sport" and sport is None:
                    sport = _sport_names(frame)
                elif name == "activity" and offset is None:
                    offset = _local_offset(frame)
    except fitdecode.FitEOFError:
        return _damaged("it ends too early")
    except fitdecode.FitCRCError:
        return _damaged("its checksum does not match")
    except fitdecode.FitHeaderError:
        return NotAnActivity(
            "That .fit file isn't a FIT file (its header is wrong), so nothing was recorded."
        )
    except (fitdecode.FitError, struct.error, ValueError, IndexError, KeyError):
        # fitdecode checks the file CRC only at the end, so a garbled definition earlier on
        # surfaces as whatever its decoding trips over first.
        return _damaged("its data is garbled")
    if isinstance(kind, str) and kind != "activity":  # a course, workout or settings file
        return NotAnActivity(
            f"That .fit file is a {kind.replace('_', ' ')} file, not a recorded activity, "
            "so nothing was recorded."
        )
    if builder.empty:
        return NotAnActivity("That .fit file has no timed records, so nothing was recorded.")
    names = session_sport or sport or (None, None)
    return builder.build(normalise_sport(*names), "fit", offset)


def _damaged(why: str) -> NotAnActivity:
    return NotAnActivity(f"That .fit file is damaged ({why}), so nothing was recorded.")


def _sport_names(frame: fitdecode.FitDataMessage) -> tuple[str | None, str | None]:
    """Return (sport, sub_sport) as names; unknown enum values come through as numbers."""
    sport = frame.get_value("sport", fallback=None)
    sub_sport = frame.get_value("sub_sport", fallback=None)
    return (
        sport if isinstance(sport, str) else None,
        sub_sport if isinstance(sub_sport, str) else None,
    )


def _local_offset(frame: fitdecode.FitDataMessage) -> int | None:
    """Return local time minus UTC in seconds, from `activity` timestamp and local_timestamp."""
    utc = frame.get_value("timestamp", fallback=None)
    local = frame.get_value("local_timestamp", fallback=None)
    if not isinstance(utc, datetime):
        return None
    if isinstance(local, datetime):
        offset = (local - utc).total_seconds()
    elif isinstance(local, int):  # left raw: seconds since the FIT epoch, in local time
        offset = local + FIT_EPOCH_S - utc.timestamp()
    else:
        return None
    return round(offset) if abs(offset) <= _MAX_OFFSET_S else None
