"""Reads GPX tracks: heart rate is any `hr` or `heartrate` element inside a track point.

Garmin's TrackPointExtension v1 and v2 (`gpxtpx:hr`, `ns3:hr`) and other exporters' own
namespaces all come down to that local name.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from core.activities.activity import Activity, NotAnActivity
from core.activities.xmltrack import Dialect, read_xml_track

_HR_NAMES = frozenset({"hr", "heartrate"})


def _is_hr(name: str, parent: str) -> bool:
    return name.lower() in _HR_NAMES


def _sport_of(name: str, parent: str, elem: ET.Element) -> str | None:
    return elem.text if name == "type" and parent == "trk" else None


GPX = Dialect(
    fmt="gpx",
    title="GPX track",
    root="gpx",
    point="trkpt",
    time="time",
    is_hr=_is_hr,
    sport_of=_sport_of,
)


def read_gpx(data: bytes) -> Activity | NotAnActivity:
    """Return the activity in a GPX file, or why there is none."""
    return read_xml_track(data, GPX)
