"""A date heading a log (`Nov 28 - squat 3x5 100kg`, `28/11/2026` on its own line): the day
the sets were done, never today's by default.

Only a date that opens the message counts, with an optional weekday before it; a date later
in the text is chat (`since March 3`). `3/12`, where either number may be the month, is
asked about, never guessed. A weekday alone (`Monday: squat 3x5`) is the latest such day,
today included: a diary's day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

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
_WEEKDAY_SHORT = r"mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun"
_WEEKDAY = rf"(?:{_WEEKDAY_SHORT})(?:day|nesday|sday|rsday|urday)?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:19|20)\d\d)"
# What ends a date heading: a mark before the log (`Nov 28 - squat`), blanked with it, then
# the line's end or a word. (Possessive quantifiers: no backtracking over long blank runs.)
_HEADING = re.compile(
    rf"\A\s*+(?:\*+\s*+)?(?:{_WEEKDAY}\.?,?[ \t]+(?:the[ \t]+)?)?(?:"
    rf"(?P<m1>{_MONTH})\.?[ \t]+{_DAY.format('d1')}(?:,?[ \t]+{_YEAR.format('y1')})?"
    rf"|{_DAY.format('d2')}[ \t]+(?:of[ \t]+)?(?P<m2>{_MONTH})\.?(?:,?[ \t]+{_YEAR.format('y2')})?"
    rf"|{_YEAR.format('y3')}-(?P<n3>[01]?\d)-(?P<d3>[0-3]?\d)"
    rf"|(?P<a4>[0-3]?\d)[/.](?P<b4>[0-3]?\d)(?:[/.](?P<y4>(?:19|20)?\d\d))?"
    r")\**(?P<sep>[ \t]*+(?:[:\-–—,.|]+[ \t]*+)?)(?=$|\n|[^\W\d_])",
    re.IGNORECASE,
)
_MARK = re.compile(r"[:\-–—,.|]")
_A_LEAP_YEAR = 2024  # a year in which every month's day exists (29 Feb)
_YEARS_BACK = 8  # how far back a day with no year is looked for (29 Feb: up to 8 years)


@dataclass(frozen=True)
class Dated:
    """The day a log's heading names: a month and day, and the year when written."""

    month: int
    day: int
    year: int | None = None

    def label(self) -> str:
        """Return the day as written back to the person: `25 Dec 2026`, `25 Dec`."""
        month = date(_A_LEAP_YEAR, self.month, 1).strftime("%b")
        return f"{self.day} {month}" + (f" {self.year}" if self.year else "")

    def on_or_before(self, today: date) -> date | None:
        """Return the latest such day not after `today`, or None if there is none."""
        years = (self.year,) if self.year else range(today.year, today.year - _YEARS_BACK, -1)
        for year in years:
            try:
                found = date(year, self.month, self.day)
            except ValueError:
                continue  # 29 Feb in a year without one
            if found <= today:
                return found
        return None


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A weekday alone heading a log: `Monday: squat 3x5`, `Wed - walk 30 min`, `Saturday squat ...`
# (a short name needs its mark: `sun was out` is no Sunday)
_WEEKDAY_HEADING = re.compile(
    r"\A\s*+(?:[-–—*•]+\s*+)?(?:(?P<full>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    rf"|(?P<short>{_WEEKDAY_SHORT}))\.?\**"
    r"(?P<sep>[ \t]*+[:\-–—|]+[ \t]*+|[ \t]*+\n|(?(full)[ \t]++(?=[^\W\d_])|(?!)))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Weekday:
    """A log headed by a weekday alone: the latest such day, today included."""

    weekday: int  # Monday 0

    def label(self) -> str:
        return date(_A_LEAP_YEAR, 1, 1 + self.weekday).strftime("%A")  # 1 Jan 2024: a Monday

    def on_or_before(self, today: date) -> date:
        return today - timedelta(days=(today.weekday() - self.weekday) % 7)


@dataclass(frozen=True)
class Heading:
    """A date heading found at the start of a message."""

    end: int  # where the heading ends in the text
    dated: Dated | Weekday | None  # None: the numbers could be day/month either way (asked)
    written: str
    named: bool = False  # the month is a name (`Nov 28`), not a number
    # a weekday's heading ends in a mark or the line (`Monday:`, not `Monday I`)
    marked: bool = True

    @property
    def certain(self) -> bool:
        """Whether no set could be written so: a month's name, or a year."""
        if isinstance(self.dated, Weekday):
            return True
        return self.dated is not None and (self.named or self.dated.year is not None)


def date_heading(text: str) -> Heading | None:
    """Return the date heading `text` opens with, if any."""
    m = _HEADING.match(text)
    if m is None:
        return _weekday_heading(text)
    written = m[0].strip(" *:-–—,.|\n")
    if m["m1"] or m["m2"]:
        month = _MONTHS[(m["m1"] or m["m2"]).lower()]
        day, year = int(m["d1"] or m["d2"]), m["y1"] or m["y2"]
        return _checked(m.end(), Dated(month, day, int(year) if year else None), written, True)
    if m["y3"]:
        return _checked(m.end(), Dated(int(m["n3"]), int(m["d3"]), int(m["y3"])), written)
    a, b = int(m["a4"]), int(m["b4"])
    year = _full_year(m["y4"])
    if m["y4"] is None and "." in m[0][: m.start("sep") - m.start()]:
        return None  # `3.5` is a number, not a date
    if (
        m["y4"] is None
        and not _MARK.search(m["sep"])
        and text[m.end() : m.end() + 1] not in ("", "\n")
    ):
        return None  # `8/10 effort`, `1/2 mile run`, `3/5 squat`: a fraction or a rating
    if a > 12 >= b:
        return _checked(m.end(), Dated(b, a, year), written)
    if b > 12 >= a:
        return _checked(m.end(), Dated(a, b, year), written)
    if a == b:  # `5/5/2026`; but `5/5 squats` may be five sets of five
        return _checked(m.end(), Dated(a, b, year), written) if year else None
    return Heading(m.end(), None, written) if a and b and a <= 12 and b <= 12 else None


def _weekday_heading(text: str) -> Heading | None:
    """Return a heading of a weekday alone (`Monday: squat 3x5 100kg`), if `text` opens so."""
    m = _WEEKDAY_HEADING.match(text)
    if m is None:
        return None
    day = _WEEKDAYS.index((m["full"] or m["short"]).lower()[:3])
    marked = bool(_MARK.search(m["sep"])) or "\n" in m["sep"]
    return Heading(m.end(), Weekday(day), m[0].strip(" *:-–—|\n"), True, marked)


def _full_year(written: str | None) -> int | None:
    if written is None:
        return None
    year = int(written)
    return year + 2000 if year < 100 else year


def _checked(end: int, dated: Dated, written: str, named: bool = False) -> Heading | None:
    """Return the heading if its day exists in some year (not `Feb 30`, not `45/11`)."""
    try:
        date(dated.year or _A_LEAP_YEAR, dated.month, dated.day)
    except ValueError:
        return None
    return Heading(end, dated, written, named)
