"""Reads Garmin's Training Center XML (TCX): heart rate is `Trackpoint/HeartRateBpm/Value`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from core.activities.activity import Activity, NotAnActivity
from core.activities.xmltrack import Dialect, read_xml_track


def _is_hr(name: str, parent: str) -> bool:
    return name == "Value" and parent == "HeartRateBpm"


def _sport_of(name: str, parent: str, elem: ET.Element) -> str | None:
    # TCX only knows Running, Biking and Other.
    return elem.get("Sport") if name == "Activity" else None


TCX = Dialect(
    fmt="tcx",
    title="TCX activity",
    root="TrainingCenterDatabase",
    point="Trackpoint",
    time="Time",
    is_hr=_is_hr,
    sport_of=_sport_of,
)


def read_tcx(data: bytes) -> Activity | NotAnActivity:
    """Return the activity in a TCX file, or why there is none."""
    return read_xml_track(data, TCX)
