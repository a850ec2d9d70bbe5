"""A date heading a log (`Nov 28 - squat 3x5 100kg`, `28/11/2026` on its own line): the day
the sets were done, never today's by default.

Only a date that opens the message counts, with an optional weekday before it; a date later
in the text is chat (`since March 3`). `3/12`, where either number may be the month, is
asked about, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for m in names.split()
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:19|20)\d\d)"
# What may end a date heading: its line, or a mark before the log (`Nov 28 - squat`)
_END = r"\s*(?:$|\n|[:\-–—,.|]\s*|\s(?=[a-z]))"
_HEADING = re.compile(
    rf"\A\s*(?:\**\s*)?(?:{_WEEKDAY}\.?,?\s+(?:the\s+)?)?(?:"
    rf"(?P<m1>{_MONTH})\.?\s+{_DAY.format('d1')}(?:,?\s+{_YEAR.format('y1')})?"
    rf"|{_DAY.format('d2')}\s+(?:of\s+)?(?P<m2>{_MONTH})\.?(?:,?\s+{_YEAR.format('y2')})?"
    rf"|{_YEAR.format('y3')}-(?P<n3>[01]?\d)-(?P<d3>[0-3]?\d)"
    rf"|(?P<a4>[0-3]?\d)[/.](?P<b4>[0-3]?\d)(?:[/.](?P<y4>(?:19|20)?\d\d))?"
    rf")\**(?={_END})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dated:
    """The day a log's heading names: a month and day, and the year when written."""

    month: int
    day: int
    year: int | None = None

    def on_or_before(self, today: date) -> date | None:
        """Return the latest such day not after `today`, or None if there is none."""
        for year in (self.year,) if self.year else (today.year, today.year - 1):
            try:
                found = date(year, self.month, self.day)
            except ValueError:
                return None
            if found <= today:
                return found
        return None


@dataclass(frozen=True)
class Heading:
    """A date heading found at the start of a message."""

    end: int  # where the heading ends in the text
    dated: Dated | None  # None: the numbers could be day/month either way (asked)
    written: str


def date_heading(text: str) -> Heading | None:
    """Return the date heading `text` opens with, if any."""
    m = _HEADING.match(text)
    if m is None:
        return None
    written = m[0].strip(" *:-–—,.|\n")
    if m["m1"] or m["m2"]:
        month = _MONTHS[(m["m1"] or m["m2"]).lower()]
        day, year = int(m["d1"] or m["d2"]), m["y1"] or m["y2"]
        return _checked(m.end(), Dated(month, day, int(year) if year else None), written)
    if m["y3"]:
        return _checked(m.end(), Dated(int(m["n3"]), int(m["d3"]), int(m["y3"])), written)
    a, b = int(m["a4"]), int(m["b4"])
    year = _full_year(m["y4"])
    if m["y4"] is None and "." in m[0]:
        return None  # `3.5` is a number, not a date
    if a > 12 >= b:
        return _checked(m.end(), Dated(b, a, year), written)
    if b > 12 >= a:
        return _checked(m.end(), Dated(a, b, year), written)
    if a == b:  # `5/5/2026`; but `5/5 squats` may be five sets of five
        return _checked(m.end(), Dated(a, b, year), written) if year else None
    return Heading(m.end(), None, written) if a and b and a <= 12 and b <= 12 else None


def _full_year(written: str | None) -> int | None:
    if written is None:
        return None
    year = int(written)
    return year + 2000 if year < 100 else year


def _checked(end: int, dated: Dated, written: str) -> Heading | None:
    """Return the heading if its day exists in some year (not `Feb 30`, not `45/11`)."""
    try:
        date(dated.year or 2024, dated.month, dated.day)  # 2024: a leap year, for 29 Feb
    except ValueError:
        return None
    return Heading(end, dated, written)
