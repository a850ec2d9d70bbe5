"""RPE written for some sets only, taken out of a lift's parts before its sets are read.

* A list of `@` values after the sets is one RPE a set, in order: `4x8 12kg @ 7, 7, 7, 8`,
  `3x12 @7, @7.5, @8`, `80kg 8,8,7 rpe 7,8,9`, `3x8 12.5kg @7, @8, @8.5 knee hurt` (words
  after the list are a note, read elsewhere). Its numbers are never reps or a load: on a
  bodyweight lift `@7` in such a list is not 7 kg added.
* `last set rpe 9.5`, `last set @9`, `rpe 9 on the last set`: the RPE of the last set only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.recording.fragments import REPS_HINT, SET_LIKE, Segment
from core.recording.marks import NUM

MIN_RPE, MAX_RPE = 1.0, 10.0

# The first part ends with `@ 7` (or `@7 @8`, `@ 7/8/8`): the list starts there.
_LIST_START = re.compile(
    rf"(?:@\s*(?:rpe\s*)?|\brpe\s*)({NUM})"
    rf"((?:\s*[/,]\s*@?\s*{NUM}|\s+@\s*{NUM}|\s*@\s*{NUM})*)\s*$"
)
_DIGIT = re.compile(r"\d")
# A later part that is one value of the list (`7`, `@7.5`), words after it ending the list.
_LIST_ITEM = re.compile(rf"\s*(@\s*(?:rpe\s*)?)?({NUM})(?:\s+([a-z][a-z' ]*))?\s*")
_VALUE = re.compile(NUM)
_LAST = r"\blast\s+(?:set|one)\s*(?:was|at|:|-)?\s*"
_LAST_SET_RPE = re.compile(
    rf"{_LAST}(?:@\s*(?:rpe\s*)?|rpe\s*[:=]?\s*)({NUM})"  # last set @9, last set rpe 9.5
    rf"|{_LAST}(?:an?\s+)?({NUM})\s*rpe\b"  # last set 9 rpe, last set was a 9 rpe
    rf"|(?:@\s*(?:rpe\s*)?|\brpe\s*[:=]?\s*)({NUM})\s*(?:on|for|in)\s+(?:the\s+)?last\s+(?:set|one)\b"
)


@dataclass(frozen=True)
class RpeList:
    values: tuple[float, ...]
    marked: bool  # every value had its own `@` (`@6, @8`): a short list is no question


def take_rpe_list(fragment: list[Segment]) -> tuple[list[Segment], RpeList | None]:
    """Return the fragment without a list of `@` values after its sets, and the list."""
    for index, segment in enumerate(fragment):
        if "@" not in segment.text and "rpe" not in segment.text:
            continue
        start = _LIST_START.search(segment.text)
        before = segment.text[: start.start()] if start else ""
        # after sets (`4x8 12kg @ 7`), or the last of a list of reps (`80kg 8, 8, 7 rpe 7`)
        listed = REPS_HINT.search(before) or SET_LIKE.search(before)
        if start is None or not (listed or (index and _DIGIT.search(before))):
            continue
        values = [float(start[1]), *(float(v) for v in _VALUE.findall(start[2]))]
        marked = start[2].count("@") == len(values) - 1
        end = index + 1
        while end < len(fragment) and (item := _LIST_ITEM.fullmatch(fragment[end].text)):
            values.append(float(item[2]))
            marked = marked and bool(item[1])
            end += 1
            if item[3]:
                break  # `@8.5 knee hurt`: the words close the list
        if len(values) < 2 or not all(MIN_RPE <= v <= MAX_RPE for v in values):
            continue
        head = replace(segment, text=segment.text[: start.start()])
        return [*fragment[:index], head, *fragment[end:]], RpeList(tuple(values), marked)
    return fragment, None


def take_last_set_rpe(fragment: list[Segment]) -> tuple[list[Segment], float | None]:
    """Return the fragment without `last set rpe 9.5`, and that RPE (None if not written)."""
    for index, segment in enumerate(fragment):
        if "last" not in segment.text:
            continue
        if m := _LAST_SET_RPE.search(segment.text):
            value = float(m[1] or m[2] or m[3])
            if not MIN_RPE <= value <= MAX_RPE:
                return fragment, None
            text = segment.text[: m.start()] + " " * len(m[0]) + segment.text[m.end() :]
            return [*fragment[:index], replace(segment, text=text), *fragment[index + 1 :]], value
    return fragment, None
