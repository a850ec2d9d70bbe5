"""The console adapter: `coach chat`, the same conversation as on Telegram or Discord.

Pictures and files a reply carries are written to a folder (`--files`, default
`./coach-files/`), and the reply says where; an existing file is never overwritten.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.messages import Choice, IncomingMessage, Reply

if TYPE_CHECKING:
    from core.conversation.results import HandleResult
    from core.conversation.service import ConversationService

PLATFORM = "console"
INTRO = "Coach chat. Type a workout (squat 3x8 100kg), /help, or /quit to leave."
DEFAULT_FILES = Path("coach-files")


class FilesError(Exception):
    """The files folder can't be created or written: one line saying which and why."""


@dataclass
class Files:
    """The folder where the console writes the pictures and files of replies."""

    folder: Path = DEFAULT_FILES
    failed: bool = False  # a picture or file could not be written

    @classmethod
    def at(cls, folder: str | None) -> Files:
        """Return the folder `--files` names (None: the default, ./coach-files)."""
        return cls(Path(folder)) if folder else cls()

    def save(self, name: str, data: bytes) -> Path:
        """Return the path `data` was written to: `name`, or `name-2`, `-3`… if taken."""
        name = Path(name).name or "file"  # the core names it; never a path of its own
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise FilesError(f"{self.folder} is a file, not a folder") from None
        except OSError as exc:
            raise FilesError(f"can't create the folder {self.folder} ({_why(exc)})") from None
        number = 1
        while True:
            taken = name if number == 1 else f"{stem}-{number}{dot}{suffix}"
            path = self.folder / taken
            try:
                out = path.open("xb")  # "x": fails rather than overwrite
            except FileExistsError:
                number += 1
                continue
            except OSError as exc:
                raise FilesError(f"can't write to the folder {self.folder} ({_why(exc)})") from None
            try:
                with out:
                    out.write(data)
            except OSError as exc:  # a disk full, say: leave no half-written file
                path.unlink(missing_ok=True)
                raise FilesError(f"can't write {path} ({_why(exc)})") from None
            return path

    def lines(self, reply: Reply, image_name: str) -> list[str]:
        """Return the lines saying where the reply's picture and file were saved (or why not)."""
        lines = []
        if reply.image is not None:
            label = "📈 Chart saved" if image_name.startswith("chart") else "🖼 Picture saved"
            lines.append(self._saved(label, image_name, reply.image))
        if reply.file is not None:
            lines.append(self._saved("📄 File saved", reply.file.filename, reply.file.data))
        return lines

    def _saved(self, label: str, name: str, data: bytes) -> str:
        try:
            return f"  {label}: {self.save(name, data)}"
        except FilesError as exc:
            self.failed = True
            name = Path(name).name
            return f"  ⚠ {name} was not saved: {exc}. Choose another folder with --files."


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def image_name(text: str, day: date) -> str:
    """Return the file name for a picture answering `text`: `/chart squat` → chart-squat-DAY.png."""
    command, _, args = text.strip().lower().partition(" ")
    words = [command.lstrip("/"), *re.findall(r"[a-z0-9]+", args)]
    slug = "-".join(w for w in words if w)[:48].strip("-") or "image"
    return f"{slug}-{day:%Y-%m-%d}.png"


def render(reply: Reply, saved: list[str] | None = None) -> str:
    """Return a reply as plain text; choices become a numbered list.

    `saved` says where its picture or file went (`Files.lines`); without it (a reminder
    printed by `coach run`) the console only says there was one.
    """
    lines = [reply.text]
    lines += [
        f"  {choice.label}: {choice.url}" if choice.url else f"  {i}) {choice.label}"
        for i, choice in enumerate(reply.choices, 1)
    ]
    if saved is not None:
        lines += saved
    else:
        if reply.image is not None:
            lines.append("  [image: not shown in the console]")
        if reply.file is not None:
            lines.append(f"  [file: {reply.file.filename}]")
    return "\n".join(lines)


UNAVAILABLE = Reply(
    "The database can't be reached right now, so nothing was recorded. "
    "Check it is running, then send that again."
)


DISK_FULL = Reply(
    "The database's disk is full, so nothing was recorded. Free some space on it, then send "
    "that again."
)


async def exchange(service: ConversationService, msg: IncomingMessage) -> HandleResult:
    """Hand `msg` to the core; the replies it returns are shown now, so they are not owed."""
    result = await service.handle(msg)
    if result.status == "unavailable":
        return replace(result, replies=(DISK_FULL if result.disk_full else UNAVAILABLE,))
    if result.owed:
        await service.answered(PLATFORM, [msg.message_id])
    return result


async def shown(
    service: ConversationService, msg: IncomingMessage, replies: tuple[Reply, ...], files: Files
) -> list[str]:
    """Return each reply as text, its picture or file written to `files` first."""
    day = None
    texts = []
    for reply in replies:
        saved = None
        if reply.image is not None or reply.file is not None:
            if day is None:  # the file name's date is the person's, as /export's is
                timezone = await service.timezone_of(PLATFORM, msg.user_id)
                day = local_day(msg.sent_at, timezone)
            saved = await asyncio.to_thread(files.lines, reply, image_name(msg.text, day))
        texts.append(render(reply, saved))
    return texts


def local_day(at: datetime, timezone: str) -> date:
    from zoneinfo import ZoneInfo

    return at.astimezone(ZoneInfo(timezone)).date()


def message(user: str, text: str, at: datetime | None = None, **extra: object) -> IncomingMessage:
    return IncomingMessage(
        platform=PLATFORM,
        user_id=user,
        message_id=str(extra.pop("message_id", None) or uuid.uuid4()),
        text=text,
        sent_at=at or datetime.now(UTC),
        **extra,  # type: ignore[arg-type]
    )


async def chat(
    service: ConversationService,
    user: str,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
    files: Files | None = None,
) -> None:
    """Run the interactive loop until /quit or end of input."""
    files = files or Files()
    write(INTRO)
    choices: tuple[Choice, ...] = ()
    while True:
        try:
            line = await asyncio.to_thread(read, "you> ")
        except (EOFError, KeyboardInterrupt):
            write("Bye!")
            return
        text = line.strip()
        if text in ("/quit", "/exit"):
            write("Bye!")
            return
        if not text:
            continue
        is_callback = False
        if text.isdigit() and 1 <= int(text) <= len(choices):
            text, is_callback = choices[int(text) - 1].data, True
        msg = message(user, text, is_callback=is_callback)
        result = await exchange(service, msg)
        for shown_text in await shown(service, msg, result.replies, files):
            write("coach> " + shown_text)
        choices = next((r.choices for r in reversed(result.replies) if r.choices), ())
