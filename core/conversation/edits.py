"""An edited message: its entries follow the new text, and the reply says what changed."""

from __future__ import annotations

from dataclasses import replace

from core.accounts.profile import Profile
from core.conversation.results import HandleResult
from core.conversation.turns import Turn
from core.messages import Reply
from core.ports import Repository, StoredMessage
from core.recording import log
from core.recording.reading import asks_instead_of_logging, logged_text, read_log


async def edit(
    repo: Repository, profile: Profile, existing: StoredMessage, turn: Turn
) -> HandleResult:
    """The user edited a logged message: its entries follow the new text.

    A message recorded on purpose (`/log …`, or a question whose sets they chose to
    log) stays a log when edited: the question filter does not apply to it again.
    """
    message = turn.message
    message_id = existing.id
    await repo.delete_entries(message_id)
    await repo.update_message_text(message_id, message.text)
    result = turn.as_log(profile)
    was_on_purpose = existing.recorded and (
        existing.text != logged_text(existing.text) or asks_instead_of_logging(existing.text)
    )
    if result is None and was_on_purpose and (text := logged_text(message.text)):
        result = read_log(text, profile)
    await repo.set_recorded(message_id, bool(result and result.entries))
    if result is None or not result.looks_like_workout:
        return HandleResult(
            (Reply("✏️ Edited: that message has no workout in it now, so its sets are removed."),),
            "recorded",
            message_id=message_id,
        )
    replies = await log.record(repo, [log.Log(turn.index, message, profile, result, message_id)])
    reply = replies[turn.index]
    return HandleResult(
        (replace(reply, text=f"✏️ Updated.\n{reply.text}"),), "recorded", message_id=message_id
    )
