"""What a platform sends, made storable at the adapter's edge: on SQLite and PostgreSQL alike.

Platforms let through what our columns refuse: NUL and other control characters (PostgreSQL
text can hold no NUL), unpaired UTF-16 surrogates (a JSON `"\\ud800"` decodes to one, and
no database encodes it), and names longer than their column (a Telegram name is a 64-char
first name and a 64-char last name: 129 characters with the space between).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# The columns these values go to (storage.models; tests/test_platform_limits.py checks them).
MAX_DISPLAY_NAME = 128  # identities.display_name
MAX_EXTERNAL_ID = 64  # identities.external_id
MAX_MESSAGE_ID = 128  # messages.platform_message_id

REPLACEMENT = "\ufffd"
_LINE_BREAKS = "\n\r\t"
# What may dangle at a cut: a joiner or a variation selector without the character after it.
_DANGLING = "\u200d\ufe0e\ufe0f"
_SPACES = re.compile(r"\s+")


def _paired(text: str) -> str:
    """Return `text` with surrogate pairs joined and unpaired surrogates replaced."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _has_controls_or_surrogates(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cs") for c in text)


def clean_text(text: str) -> str:
    """Return message text storable anywhere: line breaks and tabs kept (other separators,
    `\v` or `\x1e`, become line breaks), other controls (NUL among them) dropped, unpaired
    surrogates replaced by U+FFFD."""
    if text.isprintable() or not _has_controls_or_surrogates(text):
        return text  # the usual case, checked fast
    return "".join(_kept(c) for c in _paired(text))


def _kept(c: str) -> str:
    if c in _LINE_BREAKS or unicodedata.category(c) != "Cc":
        return c
    return "\n" if c.isspace() else ""


def clean_name(name: str | None, limit: int = MAX_DISPLAY_NAME) -> str | None:
    """Return a display name on one line, without control characters, at most `limit`
    characters (cut, not refused), or None when nothing is left."""
    if not name:
        return None
    name = _paired(name)
    name = "".join(" " if unicodedata.category(c) == "Cc" and c.isspace() else c for c in name)
    name = "".join(c for c in name if unicodedata.category(c) != "Cc")
    name = _SPACES.sub(" ", name).strip()
    if len(name) > limit:
        name = name[:limit].rstrip().rstrip(_DANGLING).rstrip()
    return name or None


def fit_id(value: str, limit: int = MAX_MESSAGE_ID) -> str:
    """Return a platform id that fits its column: as it is, or, past `limit`, its start and
    a digest of the whole (still one id per value, the same each time it comes)."""
    if len(value) <= limit:
        return value
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{value[: limit - len(digest) - 1]}#{digest}"
