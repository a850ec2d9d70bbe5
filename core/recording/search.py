"""Exercises for an autocomplete (Discord's slash-command options): best matches first."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from core.recording.catalogue import EXERCISES, FUZZY_MIN_LENGTH, Exercise, resolve

# fuzz.partial_ratio an autocomplete query must reach against a name or alias.
PARTIAL_CUTOFF = 85


def _search_rank(exercise: Exercise, query: str) -> int | None:
    """Return how well `query` fits: 0 starts the name, 1 an alias, 2 a later word,
    3 is a typo of a name, 4 is close to part of one; None if it does not fit."""
    labels = (exercise.name.lower(), *exercise.aliases)
    if exercise.name.lower().startswith(query):
        return 0
    if any(label.startswith(query) for label in labels):
        return 1
    if any(f" {query}" in f" {label}" for label in labels):
        return 2
    if len(query) < FUZZY_MIN_LENGTH:
        return None
    if resolve(query) == exercise:
        return 3
    best = max(fuzz.partial_ratio(query, label) for label in labels)
    return 4 if best >= PARTIAL_CUTOFF else None


def search(prefix: str, limit: int = 25) -> list[Exercise]:
    """Return exercises for autocomplete: best matches first, catalogue order on ties."""
    query = " ".join(re.findall(r"[a-z0-9]+", prefix.lower()))
    if not query:
        return list(EXERCISES[:limit])
    ranked = [
        (rank, position, exercise)
        for position, exercise in enumerate(EXERCISES)
        if (rank := _search_rank(exercise, query)) is not None
    ]
    return [exercise for _, _, exercise in sorted(ranked, key=lambda r: r[:2])][:limit]
