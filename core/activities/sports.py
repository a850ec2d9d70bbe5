"""Maps the sport names FIT, TCX and GPX use onto the few sports the coach knows."""

from __future__ import annotations

# Substrings are checked in this order, so "cross_country_skiing" is skiing before anything else
# and "e_biking" / "virtualride" land on cycling.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("motor", "other"),  # FIT's "motorcycling" is not cycling
    ("ski", "skiing"),
    ("snowboard", "skiing"),
    ("row", "rowing"),
    ("swim", "swimming"),
    ("hik", "hiking"),
    ("walk", "walking"),
    ("run", "running"),
    ("treadmill", "running"),
    ("jog", "running"),
    ("cycl", "cycling"),
    ("bik", "cycling"),
    ("ride", "cycling"),
    ("spin", "cycling"),
)


def normalise_sport(*names: str | None) -> str:
    """Return the coach's sport for the first name that is recognised, else "other".

    Several names can be given, most specific last-resort last: FIT passes (sport, sub_sport)
    so that `fitness_equipment` + `indoor_rowing` still reads as rowing.
    """
    for name in names:
        if not name:
            continue
        key = str(name).strip().lower()
        for keyword, sport in _KEYWORDS:
            if keyword in key:
                return sport
    return "other"
