"""Scoring the parser against the corpus of real training-log lines (tests/corpus/).

Each line is read as the coach would read it (a question or complaint is never a log) and put in
one of five outcomes:

- `meant`: recorded exactly what the writer meant (or, where the honest answer is a
  question, asked one);
- `asked`: nothing wrong recorded, and a question back about what was not (a line where a
  question was not needed, but no harm done);
- `wrong`: something recorded that the writer did not mean: a wrong lift, load, set count,
  reps, duration, or a log made of a line that is not one;
- `dropped`: a workout the writer meant, answered with neither a record nor a question.

The expected readings were written by hand, per tests/corpus/README.md, before tuning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from core.faq.answer import looks_like_question
from core.recording.catalogue import CATALOGUE, name_key
from core.recording.entries import CardioEntry, ParseResult, Problem, StrengthEntry, Unit, to_kg
from core.recording.parser import parse
from core.recording.partial import partial_log
from core.recording.reading import logged_text, never_a_log

CORPUS = Path(__file__).parent / "corpus"
OUTCOMES = ("meant", "asked", "wrong", "dropped")

_SET = re.compile(
    r"^(?P<load>bw(?:(?P<sign>[+-])(?P<added>\d+(?:\.\d+)?))?|\?|(?P<weight>\d+(?:\.\d+)?))"
    r"\s*(?P<unit>kg|lb)?\s*x\s*(?P<reps>\d+|\?)"
    r"(?:\s*@rpe\s*(?P<rpe>\d+(?:\.\d+)?))?(?:\s*@rir\s*(?P<rir>\d+))?"
    r"(?P<flags>(?:\s*(?:failed|warmup))*)\s*$"
)
_CARDIO_MODALITY = {"zone2": "zone2", "hiit": "hiit", "walk": "walk"}


@dataclass(frozen=True)
class Line:
    id: str
    source: str
    text: str
    units: Unit
    expect: dict[str, Any]


@dataclass(frozen=True)
class Scored:
    line: Line
    outcome: str
    why: str


def lines(pattern: str = "lines-*.yaml") -> list[Line]:
    """Return the corpus lines in the files matching `pattern`, in file order."""
    found = []
    for path in sorted(CORPUS.glob(pattern)):
        for raw in yaml.safe_load(path.read_text()) or []:
            found.append(
                Line(raw["id"], raw["source"], raw["text"], raw.get("units", "kg"), raw["expect"])
            )
    return found


def lift_id(name: str) -> str | None:
    """Return the catalogue id whose own name or alias is `name` exactly (no typo matching)."""
    key = name_key(name)
    for exercise in CATALOGUE.values():
        if key in {name_key(label) for label in (exercise.id, exercise.name, *exercise.aliases)}:
            return exercise.id
    return None


def expected_sets(strings: Iterable[str], units: Unit) -> list[tuple] | None:
    """Return (reps, kg, bodyweight, rpe) per set (help below bodyweight as a negative load),
    or None if a number is unknown."""
    out = []
    for text in strings:
        m = _SET.match(text.strip())
        if m is None:
            raise ValueError(f"unreadable set {text!r}")
        unit: Unit = m["unit"] or units  # type: ignore[assignment]
        if "?" in (m["load"], m["reps"]):
            return None
        bodyweight = m["load"].startswith("bw")
        weight = float(m["added"] or 0) if bodyweight else float(m["weight"])
        if m["sign"] == "-":
            weight = -weight  # a machine's help, below bodyweight
        rpe = float(m["rpe"]) if m["rpe"] else None
        out.append((int(m["reps"]), round(to_kg(weight, unit), 2), bodyweight, rpe))
    return out


OFFER = "I haven't recorded the sets in that, since you asked a question. Log them?"


def read(line: Line) -> ParseResult:
    """Return what the coach records from the line, by the coach's own rules.

    A line from another bot keeps its `/log` command word: what follows it is logged as
    typed, as our own `/log` does; any other line that is a question, a complaint or a
    command records nothing.
    """
    text = logged_text(line.text)
    if text is None:
        return ParseResult()
    if text == line.text and never_a_log(text):
        # The coach answers the question and offers to log the sets in it (a question
        # with buttons), recording nothing.
        offered = parse(text, line.units).entries
        return (
            ParseResult(problems=(Problem("unreadable", text, OFFER),))
            if offered
            else ParseResult()
        )
    result = parse(text, line.units)
    if result.looks_like_workout or looks_like_question(text):
        return result
    # Read as no log, the coach still asks about a piece of one (`I pumped 240 kg today`).
    partial = partial_log(text, line.units)
    return ParseResult(problems=(partial,)) if partial is not None else result


def _got_sets(entry: StrengthEntry, with_rpe: bool) -> list[tuple]:
    return [
        (s.reps, round(s.weight_kg, 2), s.bodyweight, s.rpe if with_rpe else None)
        for s in entry.sets
    ]


def _matches(expected: dict[str, Any], got: Any, units: Unit) -> bool:
    if "lift" in expected:
        if not isinstance(got, StrengthEntry) or got.exercise != lift_id(expected["lift"]):
            return False
        want = expected_sets(expected["sets"], units)
        with_rpe = any("@rpe" in s for s in expected["sets"])
        return want is not None and _got_sets(got, with_rpe) == [
            (r, w, b, rpe if with_rpe else None) for r, w, b, rpe in want
        ]
    if not isinstance(got, CardioEntry) or "minutes" not in expected:
        return False
    modality = _CARDIO_MODALITY.get(expected["cardio"], "other")
    minutes_ok = abs(got.minutes - float(expected["minutes"])) <= 0.5
    hr_ok = expected.get("avg_hr") is None or got.avg_hr == expected["avg_hr"]
    return got.modality == modality and minutes_ok and hr_ok


def _recordable(expected: dict[str, Any], units: Unit) -> bool:
    """Return whether the coach can record this entry as meant (a known lift, a load, a time)."""
    if "lift" in expected:
        return (
            lift_id(expected["lift"]) is not None
            and expected_sets(expected["sets"], units) is not None
        )
    return "minutes" in expected


def _merged_got(entries: Iterable[Any]) -> list[Any]:
    """The entries with each lift's sets together, in order: `leg press` on lines 1, 6 and 11
    of a pasted circuit stores the same sets whether it is one entry or three."""
    out: list[Any] = []
    for entry in entries:
        same = next(
            (
                i
                for i, e in enumerate(out)
                if isinstance(entry, StrengthEntry)
                and isinstance(e, StrengthEntry)
                and e.exercise == entry.exercise
            ),
            None,
        )
        if same is None:
            out.append(entry)
        else:
            out[same] = replace(out[same], sets=out[same].sets + entry.sets)
    return out


def _merged_wanted(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The expected entries with each known lift's sets together, in order (as _merged_got)."""
    out: list[dict[str, Any]] = []
    for entry in entries:
        lift = lift_id(entry["lift"]) if "lift" in entry else None
        same = next(
            (i for i, e in enumerate(out) if lift and "lift" in e and lift_id(e["lift"]) == lift),
            None,
        )
        if same is None:
            out.append(dict(entry))
        else:
            out[same]["sets"] = [*out[same]["sets"], *entry["sets"]]
    return out


def score(line: Line, result: ParseResult | None = None) -> Scored:
    """Score the line; the sets of a lift on several lines count as one entry or as many,
    whichever the writer's expectation and the record share (the stored sets are the same)."""
    result = read(line) if result is None else result
    as_written = _score(line, result, merge=False)
    if as_written.outcome == "meant":
        return as_written
    merged = _score(line, result, merge=True)
    return min(as_written, merged, key=lambda s: _RANK[s.outcome])


_RANK = {"meant": 0, "asked": 1, "dropped": 2, "wrong": 3}


def _score(line: Line, result: ParseResult, merge: bool) -> Scored:
    expect = line.expect
    got = _merged_got(result.entries) if merge else list(result.entries)
    asked = bool(result.problems or result.ambiguities)
    if "nothing" in expect:
        if got:
            return Scored(line, "wrong", "recorded a line that is not a log")
        return Scored(line, "meant", "")
    wanted = expect.get("entries", [])
    wanted = _merged_wanted(wanted) if merge else wanted
    recordable = [e for e in wanted if _recordable(e, line.units)]
    unmatched = list(wanted)
    for entry in got:
        hit = next((e for e in unmatched if _matches(e, entry, line.units)), None)
        if hit is None:
            return Scored(line, "wrong", f"recorded {entry!r}")
        unmatched.remove(hit)
    if "ask" in expect:
        if not got and asked:
            return Scored(line, "meant", "asked")
        if got and not unmatched:
            return Scored(line, "meant", "guessed the meant reading")
        if got and asked and not any(_recordable(e, line.units) for e in unmatched):
            # Recorded what could be; asked about the rest (`3 mi walk`: how long?).
            return Scored(line, "meant", "recorded the rest, asked")
        return Scored(line, "asked" if asked else "dropped", "ask line")
    if not unmatched:
        return Scored(line, "meant", "")
    if asked:
        # Everything recorded was meant; the rest came back as a question.
        missing = [e for e in unmatched if _recordable(e, line.units)]
        return Scored(line, "meant" if not missing else "asked", f"{len(missing)} asked")
    if not recordable:
        return Scored(line, "dropped", "nothing recordable, no question")
    return Scored(line, "dropped", f"{len(unmatched)} entries neither recorded nor asked")


def tally(scored: Iterable[Scored]) -> Counter[str]:
    counts: Counter[str] = Counter(dict.fromkeys(OUTCOMES, 0))
    counts.update(s.outcome for s in scored)
    return counts
