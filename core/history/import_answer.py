"""/import ID lb|kg|cancel: the answer to "these look like pounds", from its buttons.

The file waited with the question (core.history.import_pending); the answer imports it
read in the chosen unit, or lets it go, and either way only once: the file is taken as
the answer is read, so a second tap finds nothing and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.conversation.ownership import NOT_YOURS
from core.history.import_file import read_export
from core.history.import_values import Unreadable
from core.history.importing import import_read
from core.messages import Reply
from core.ports import parse_id

if TYPE_CHECKING:
    from core.conversation.context import Context

ANSWERS = ("lb", "kg", "cancel")
USAGE = (
    "Send me the CSV that Strong or Hevy exports and I'll import it; the buttons under my "
    "question about its unit send /import."
)
NOT_WAITING = Reply(
    "That file isn't waiting any more (answered already, or another file came since). "
    "Nothing changed; send it again to import it.",
    private=True,
)


async def import_answer(ctx: Context, args: str) -> list[Reply]:
    """Import the waiting file in the unit tapped, or drop it on Cancel; once."""
    words = args.lower().split()
    if len(words) != 2 or words[1] not in ANSWERS:
        return [Reply(USAGE)]
    message_id = parse_id(words[0])
    if message_id is None:
        return [NOT_WAITING]
    user_id = ctx.profile.user_id
    pending = await ctx.uow.pending_imports.take(user_id, message_id)
    if pending is None:
        mine = await ctx.repo.get_message(user_id, message_id)
        return [NOT_WAITING if mine is not None else NOT_YOURS]
    filename = pending.filename[:60] or "that file"
    if words[1] == "cancel":
        return [Reply(f"OK, nothing imported from {filename}.", private=True)]
    unit = "lb" if words[1] == "lb" else "kg"
    found = read_export(pending.content.encode(), unit)
    if isinstance(found, Unreadable):  # it read before it was kept, so this is unexpected
        return [Reply(f"❌ I couldn't import {filename}. {found.message}", private=True)]
    return list((await import_read(ctx, found, unit)).replies)
