"""Reading a timezone the way people type it: `Europe/Berlin`, `berlin`, `new york`."""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo, available_timezones


@cache
def _names() -> dict[str, str]:
    """Map lower-case full names and city parts to IANA names."""
    names: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            continue
        names[name.lower()] = name
        city = name.rsplit("/", 1)[-1].lower().replace("_", " ")
        names.setdefault(city, name)
    names["utc"] = "UTC"
    return names


def resolve_timezone(text: str) -> str | None:
    """Return the IANA name for what the user typed, or None if it is not a timezone."""
    key = " ".join(text.strip().lower().replace("_", " ").split())
    if not key or len(key) > 64:
        return None
    name = _names().get(key) or _names().get(key.replace(" ", "_"))
    if name is None:
        return None
    ZoneInfo(name)  # it exists in this tz database
    return name
