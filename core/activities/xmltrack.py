"""Streams the track points of an XML activity (TCX or GPX) into an `Activity`.

Tags are matched by local name, namespaces ignored: Polar's TCX declares its namespace again
halfway through, and GPX heart rate sits under whatever prefix the exporter chose. Each point is
dropped from the tree once read, so a long file never sits in memory as a tree.
"""

from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from core.activities.activity import Activity, NotAnActivity
from core.activities.sports import normalise_sport
from core.activities.track import TrackBuilder


@dataclass(frozen=True)
class Dialect:
    """Where one XML format keeps the root, the points, their heart rate and the sport."""

    fmt: str  # "tcx" or "gpx"
    title: str  # what a person calls it: "TCX activity", "GPX track"
    root: str  # local name of the document element
    point: str  # local name of a track point
    time: str  # local name of a point's time
    is_hr: Callable[[str, str], bool]  # (local name, parent's local name) inside a point
    sport_of: Callable[[str, str, ET.Element], str | None]  # (name, parent, element) outside


def local_name(tag: str) -> str:
    """Return a tag without its "{namespace}" part."""
    return tag.rpartition("}")[2]


def parse_time(text: str | None) -> float | None:
    """Return POSIX seconds for an ISO 8601 time ("Z", offset or naive taken as UTC), else None."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def parse_bpm(text: str | None) -> int | None:
    """Return a heart rate written as "141" or "141.0", else None."""
    if not text:
        return None
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return round(value) if math.isfinite(value) and value > 0 else None


def read_xml_track(data: bytes, dialect: Dialect) -> Activity | NotAnActivity:
    """Return the activity in an XML file of the given dialect, or why there is none."""
    label = f".{dialect.fmt}"
    if b"<!ENTITY" in data:  # no exporter writes entities; refuse expansion tricks outright
        return NotAnActivity(
            f"That {label} file declares XML entities, which activity files never do, "
            "so nothing was recorded."
        )
    builder = TrackBuilder()
    sport: str | None = None
    stack: list[ET.Element] = []
    names: list[str] = []
    in_point = False
    time: float | None = None
    hr: int | None = None
    try:
        for event, elem in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            name = local_name(elem.tag)
            if event == "start":
                if not names and name != dialect.root:
                    return NotAnActivity(
                        f"That {label} file isn't a {dialect.title} (it holds <{name}>), "
                        "so nothing was recorded."
                    )
                if name == dialect.point:
                    in_point, time, hr = True, None, None
                stack.append(elem)
                names.append(name)
                continue
            stack.pop()
            names.pop()
            parent = names[-1] if names else ""
            if not in_point:
                if sport is None:
                    sport = dialect.sport_of(name, parent, elem)
            elif name == dialect.point:
                if time is not None:
                    builder.add(time, hr)
                in_point = False
                if stack:
                    stack[-1].remove(elem)  # the point is read; keep the tree from growing
            elif name == dialect.time:
                time = parse_time(elem.text)
            elif hr is None and dialect.is_hr(name, parent):
                hr = parse_bpm(elem.text)
    except ET.ParseError as error:
        line = error.position[0] if error.position else "?"
        return NotAnActivity(
            f"That {label} file isn't valid XML (it breaks at line {line}), "
            "so nothing was recorded; export it again from the app."
        )
    if builder.empty:
        return NotAnActivity(
            f"That {label} file has no timed track points, so nothing was recorded."
        )
    return builder.build(normalise_sport(sport), dialect.fmt)
