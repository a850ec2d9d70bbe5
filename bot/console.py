"""The console adapter: `coach chat`, the same conversation as on Telegram or Discord."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from core.conversation.results import HandleResult
from core.conversation.service import ConversationService
from core.messages import Choice, IncomingMessage, Reply

PLATFORM = "console"
INTRO = "Coach chat. Type a workout (squat 3x8 100kg), /help, or /quit to leave."


def render(reply: Reply) -> str:
    """Return a reply as plain text; choices become a numbered list."""
    lines = [reply.text]
    lines += [f"  {i}) {choice.label}" for i, choice in enumerate(reply.choices, 1)]
    if reply.image is not None:
        lines.append("  [image: not shown in the console]")
    if reply.file is not None:
        lines.append(f"  [file: {reply.file.filename}]")
    return "\n".join(lines)


UNAVAILABLE = Reply(
    "The database can't be reached right now, so nothing was recorded. "
    "Check it is running, then send that again."
)


async def exchange(service: ConversationService, msg: IncomingMessage) -> HandleResult:
    """Hand `msg` to the core; the replies it returns are shown now, so they are not owed."""
    result = await service.handle(msg)
    if result.status == "unavailable":
        return replace(result, replies=(UNAVAILABLE,))
    if result.owed:
        await service.answered(PLATFORM, [msg.message_id])
    return result


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
) -> None:
    """Run the interactive loop until /quit or end of input."""
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
        result = await exchange(service, message(user, text, is_callback=is_callback))
        for reply in result.replies:
            write("coach> " + render(reply))
        choices = next((r.choices for r in reversed(result.replies) if r.choices), ())
