"""How hard a session was, and what its log says about pain and failed reps.

**Hard**: the last working set at RPE 9.5 or more (0 RIR is RPE 10), or with a failed rep.
**Easy**: every working set at RPE 7 or less. A set without an RPE is neither.

**Pain** is a body part with a pain word beside it (`knee hurt`, `back tweaked`, `sore
elbow`, `pain in my left shoulder`), at most three words apart in one sentence, or a word
that is pain on its own (`twinge`, `pinched`). Sore muscles after training are normal, so
`sore` counts only for a joint or the back. Not pain: the words negated (`no knee pain`,
`knee didn't hurt`, `shoulder pain free`) or without a body part (`hurts so good`, `no
pain no gain`).

**A failed rep** is a failure word (`failed the last rep`, `missed the 8th`, `couldn't
finish the last set`, `to failure`), not negated (`didn't fail`, `never missed`) and not
about a session (`missed a workout`). It counts for the last set of its lift in the log.

A phrase is about the lift on its line (the one it follows, else the one after it), else
the lift of the nearest line above it (`squat 3x8 100kg` then `knee hurt` below it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from core.recording.entries import StrengthEntry
from core.recording.parser import parse

HARD_RPE = 9.5  # a last working set this hard earns no increase
EASY_RPE = 7  # every working set this easy or easier: two increments instead of one

JOINTS = (
    "knee", "back", "lower back", "low back", "upper back", "spine", "neck", "shoulder",
    "rotator cuff", "ac joint", "elbow", "wrist", "hand", "thumb", "finger", "hip", "si joint",
    "ankle", "achilles", "foot", "rib",
)  # fmt: skip
MUSCLES = (
    "hamstring", "hammy", "quad", "calf", "calves", "groin", "glute", "adductor", "chest",
    "pec", "bicep", "tricep", "forearm", "it band",
)  # fmt: skip
PAIN_WORDS = (
    "hurt", "hurts", "hurting", "pain", "painful", "ache", "aches", "aching", "achy",
    "tweaked", "tweaky", "strained", "sprained", "injured", "niggle", "niggly", "popped",
    "twinge", "twinged", "inflamed", "swollen",
)  # fmt: skip
JOINT_ONLY_WORDS = ("sore",)  # normal in a trained muscle
PAIN_ALONE = (
    "twinge", "twinged", "pinched", "sciatica", "pulled a muscle",
    "tweaked something", "felt a pop", "injured myself",
)  # fmt: skip
NOT_PAIN_BEFORE = (
    "no", "not", "never", "without", "zero", "didn't", "did not", "doesn't", "does not",
    "don't", "wasn't", "isn't", "no more",
)  # fmt: skip
NOT_PAIN_AFTER = ("free", "gone", "is gone", "went away", "has gone")

FAILURE_WORDS = (
    "failed", "fail", "failure", "missed", "bailed", "dumped it", "got pinned", "no lockout",
    "couldn't finish", "could not finish", "couldn't complete", "couldn't lock",
    "couldn't get the last", "didn't finish", "did not finish", "didn't complete",
)  # fmt: skip
NOT_FAILURE_BEFORE = ("no", "not", "never", "without", "didn't", "did not", "zero")
NOT_A_REP_AFTER = ("session", "workout", "day", "week", "gym", "class", "training")

WORDS_APART = 3  # a body part and its pain word, at most this many words between them


def _words(words: tuple[str, ...]) -> str:
    longest_first = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first)


_SIDE = r"(?:(?:left|right|lower|upper|low|both|my)\s+)*"
_PLURAL = r"(?:s|es)?"
_JOINT = (
    rf"{_SIDE}(?:{_words(JOINTS)}){_PLURAL}(?!\s*(?:squats?|off|-off|extensions?|raises?|to)\b)"
)
_MUSCLE = rf"{_SIDE}(?:{_words(MUSCLES)}){_PLURAL}"
_GAP = rf"(?:\W+\w+){{0,{WORDS_APART}}}?\W+"
_PAIN = rf"(?:{_words(PAIN_WORDS)})"
_SORE = rf"(?:{_words(JOINT_ONLY_WORDS)})"
_PAIN_PHRASE = re.compile(
    rf"\b(?:(?:{_JOINT}|{_MUSCLE}){_GAP}{_PAIN}|{_PAIN}{_GAP}(?:{_JOINT}|{_MUSCLE})"
    rf"|{_JOINT}{_GAP}{_SORE}|{_SORE}{_GAP}{_JOINT}|{_words(PAIN_ALONE)})\b",
    re.IGNORECASE,
)
_NOT_PAIN_BEFORE = re.compile(rf"\b(?:{_words(NOT_PAIN_BEFORE)})(?:\W+\w+)?\W*$", re.IGNORECASE)
_NOT_PAIN_WITHIN = re.compile(rf"\b(?:{_words(NOT_PAIN_BEFORE)})\b", re.IGNORECASE)
_NOT_PAIN_AFTER = re.compile(rf"^\W*(?:{_words(NOT_PAIN_AFTER)})\b", re.IGNORECASE)
_FAILURE = re.compile(
    rf"\b(?:{_words(FAILURE_WORDS)})\b(?!\W+(?:\w+\W+)?(?:{_words(NOT_A_REP_AFTER)})s?\b)",
    re.IGNORECASE,
)
_NOT_FAILURE_BEFORE = re.compile(
    rf"\b(?:{_words(NOT_FAILURE_BEFORE)})(?:\W+\w+)?\W*$", re.IGNORECASE
)
_SENTENCE = re.compile(r"[^.;!?\n]+")


class Effort(Protocol):
    """A set as effort sees it (a progression set): its RPE, and whether a rep failed."""

    @property
    def rpe(self) -> float | None: ...

    @property
    def failed(self) -> bool: ...


def hard_set(last: Effort) -> str | None:
    """Return why the last working set was hard (RPE 9.5 or more, a failed rep), if it was."""
    if last.failed:
        return "you failed a rep in your last set"
    if last.rpe is not None and last.rpe >= HARD_RPE:
        return f"your last set was RPE {last.rpe:g}"
    return None


def easy_sets(working: Sequence[Effort]) -> float | None:
    """Return the highest RPE of the working sets when every one was RPE 7 or easier."""
    if any(s.failed or s.rpe is None for s in working):
        return None
    hardest = max(s.rpe or 0.0 for s in working)
    return hardest if hardest <= EASY_RPE else None


@dataclass(frozen=True)
class LiftNotes:
    """What one log says about one lift: a pain phrase as written, a failed rep."""

    pain: str | None = None
    failed: bool = False


@dataclass(frozen=True)
class LogNotes:
    """The notes of one log by lift; `unplaced` when no lift could be found in its text."""

    by_lift: dict[str, LiftNotes]
    unplaced: LiftNotes

    def about(self, exercise: str) -> LiftNotes:
        return self.by_lift.get(exercise) or (LiftNotes() if self.by_lift else self.unplaced)


@dataclass(frozen=True)
class _Span:
    exercise: str
    start: int
    end: int
    line: int


def pain_phrases(text: str) -> list[tuple[int, str]]:
    """Return (position, phrase as written) for each pain phrase in `text`, not negated."""
    found = []
    for sentence in _SENTENCE.finditer(_straight(text)):
        for m in _PAIN_PHRASE.finditer(sentence[0]):
            before, after = sentence[0][: m.start()], sentence[0][m.end() :]
            if not (
                _NOT_PAIN_BEFORE.search(before)
                or _NOT_PAIN_WITHIN.search(m[0])
                or _NOT_PAIN_AFTER.search(after)
            ):
                found.append((sentence.start() + m.start(), " ".join(m[0].split())))
    return found


def failures(text: str) -> list[int]:
    """Return the position of each failure word in `text` that is not negated."""
    found = []
    for sentence in _SENTENCE.finditer(_straight(text)):
        for m in _FAILURE.finditer(sentence[0]):
            if not _NOT_FAILURE_BEFORE.search(sentence[0][: m.start()]):
                found.append(sentence.start() + m.start())
    return found


def _straight(text: str) -> str:
    """Return `text` with curly apostrophes straight (same length: positions still hold)."""
    return text.replace("’", "'")


def read_notes(text: str) -> LogNotes:
    """Return what the log `text` says about each lift in it: pain, a failed rep."""
    pains, failed = pain_phrases(text), failures(text)
    if not pains and not failed:
        return LogNotes({}, LiftNotes())
    spans = _lift_spans(text)
    notes: dict[str | None, LiftNotes] = {}
    for at, phrase in pains:
        owner = _owner(at, spans, text)
        notes[owner] = LiftNotes(notes.get(owner, LiftNotes()).pain or phrase, False)
    for at in failed:
        owner = _owner(at, spans, text)
        notes[owner] = LiftNotes(notes.get(owner, LiftNotes()).pain, True)
    unplaced = notes.pop(None, LiftNotes())
    return LogNotes({k: v for k, v in notes.items() if k is not None}, unplaced)


def _lift_spans(text: str) -> list[_Span]:
    """Return where each lift of the log is written, in order, as the parser reads it."""
    result = parse(text)
    sources = [(e.exercise, e.source) for e in result.entries if isinstance(e, StrengthEntry)]
    sources += [(a.readings[0].entry.exercise, a.source) for a in result.ambiguities]
    spans, cursor = [], 0
    for exercise, source in sources:
        for piece in filter(None, (p.strip() for p in source.split("\n"))):
            start = text.find(piece, cursor)
            if start < 0:
                start = text.find(piece)
            if start >= 0:
                spans.append(_Span(exercise, start, start + len(piece), text.count("\n", 0, start)))
                cursor = start + len(piece)
    return sorted(spans, key=lambda s: s.start)


def _owner(at: int, spans: list[_Span], text: str) -> str | None:
    """Return the lift a phrase at `at` is about: its own line's first, then the line above."""
    line = text.count("\n", 0, at)
    for span in spans:
        if span.start <= at < span.end:
            return span.exercise
    same_line = [s for s in spans if s.line == line]
    before = [s for s in same_line if s.start <= at]
    if before or same_line:
        return (before[-1] if before else same_line[0]).exercise
    above = [s for s in spans if s.start < at]
    if above or spans:
        return (above[-1] if above else spans[0]).exercise
    return None
