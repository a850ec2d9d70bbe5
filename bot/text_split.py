"""Long replies cut into messages a platform accepts, at line breaks where possible."""

from __future__ import annotations

from collections.abc import Callable, Iterator

Length = Callable[[str], int]


def split_text(text: str, limit: int, length: Length = len) -> list[str]:
    """Return `text` in chunks of at most `limit` (as `length` counts), cut at line breaks.

    A single line longer than the limit is cut at a space, or hard if it has none. Blank
    lines at a cut are dropped: they would arrive as empty-looking message edges.
    """
    chunks: list[str] = []
    current = ""
    for line in _lines_within(text, limit, length):
        candidate = f"{current}\n{line}" if current else line
        if length(candidate) <= limit:
            current = candidate
        else:
            if current.strip():
                chunks.append(current)
            current = line
    if current.strip():
        chunks.append(current)
    return [chunk.strip("\n") for chunk in chunks]


def _lines_within(text: str, limit: int, length: Length) -> Iterator[str]:
    for line in text.split("\n"):
        while length(line) > limit:
            cut = _cut_point(line, limit, length)
            yield line[:cut].rstrip()
            line = line[cut:].lstrip()
        yield line


def _cut_point(line: str, limit: int, length: Length) -> int:
    end = limit
    while length(line[:end]) > limit:
        end -= 1
    space = line.rfind(" ", 0, end)
    return space if space > end // 2 else end
