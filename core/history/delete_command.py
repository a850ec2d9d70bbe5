"""/delete: erasing everything held about a person, after a confirmation only they can give."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from core.conversation.ownership import INVALID_CONFIRMATION, NOT_YOURS
from core.messages import Choice, Reply
from core.ports import parse_id

if TYPE_CHECKING:
    from core.conversation.context import Context

logger = logging.getLogger(__name__)


async def delete(ctx: Context, args: str) -> list[Reply]:
    """Return the confirmation question (private: its button carries a token), or its answer."""
    store = ctx.uow.history
    words = args.split()
    user_id = ctx.profile.user_id
    if words[:1] == ["cancel"]:
        # The button names the /delete that asked, so only the person who asked cancels.
        asked = parse_id(words[1]) if len(words) > 1 else None
        if asked is not None and await ctx.repo.get_message(user_id, asked) is None:
            return [NOT_YOURS]
        return [Reply("Kept. Nothing was deleted.", private=True)]
    if words[:1] == ["confirm"]:
        token = words[1] if len(words) > 1 else ""
        if not await store.check_delete_token(user_id, token, ctx.now):
            return [INVALID_CONFIRMATION]
        removed = await store.delete_everything(user_id)
        logger.info("deleted user %s: %s rows", user_id, removed)
        return [
            Reply(
                "🗑 Done. Everything I held about you is deleted: workouts, messages, "
                "settings and reminders. If you write again, we start from scratch.",
                private=True,
            )
        ]
    token = await store.new_delete_token(user_id, ctx.now)
    return [
        Reply(
            "This deletes everything I hold about you: every workout, message, setting and "
            "reminder, on every platform you linked. It can't be undone. /export first if "
            "you want a copy.",
            (
                Choice("Yes, delete everything", f"/delete confirm {token}"),
                Choice("No, keep it", f"/delete cancel {ctx.message_id}"),
            ),
            private=True,
        )
    ]
