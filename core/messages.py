"""Platform-neutral values that cross between adapters and the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Platforms where a sent message can't be edited: the console (`coach chat`, `coach say`;
# bot/console.py) sends a line once, so a typo is taken back with /undo and sent again.
CANNOT_EDIT = frozenset({"console"})


@dataclass(frozen=True)
class Attachment:
    """A file the user sent (a CSV export, say)."""

    filename: str
    data: bytes
    mime_type: str | None = None


@dataclass(frozen=True)
class IncomingMessage:
    """One thing a user sent: typed text, a tapped button, or a file.

    `message_id` is unique per platform (adapters prefix chat ids where the
    platform's own ids are per chat). `sent_at` is timezone-aware and is the
    platform's timestamp, never the wall clock. A tapped button arrives as a
    message whose `text` is the choice's `data` and `is_callback` is true.
    """

    platform: str
    user_id: str
    message_id: str
    text: str
    sent_at: datetime
    attachment: Attachment | None = None
    edited: bool = False
    is_callback: bool = False
    display_name: str | None = None


@dataclass(frozen=True)
class Choice:
    """A button: `label` is shown, `data` comes back as the message text when tapped.

    With `url` it opens that page instead (in Telegram as a Mini App, elsewhere a link).
    """

    label: str
    data: str
    url: str = ""


@dataclass(frozen=True)
class OutgoingFile:
    filename: str
    data: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Reply:
    """What the core answers: text, optionally with choices, an image (PNG) or a file."""

    text: str
    choices: tuple[Choice, ...] = field(default=())
    image: bytes | None = None
    file: OutgoingFile | None = None
    # True when the reply shows the person's own data (adapters may show it privately).
    private: bool = False
