"""/read, /exercise and /log: answering a log's question, and logging what read as a question.

Each applies to a message already stored (its id comes with the button), and only to the
sender's own: the message's entries are recorded again from its text, now read the way
the person said, and what they said is remembered so they are asked once. A tap naming
someone else's message is refused (core.conversation.ownership). Every answer is private:
it is about the person's log.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, get_args

from core.conversation.ownership import NOT_YOURS
from core.messages import IncomingMessage, Reply
from core.ports import StoredMessage, parse_id
from core.recording import log
from core.recording.catalogue import CATALOGUE, Region, name_key, own_id
from core.recording.catalogue import exercise as find
from core.recording.entries import Notation, ParseResult
from core.recording.questions import (
    NONE_OF_THESE,
    OWN_LOWER,
    OWN_UPPER,
    name_digest,
    unknown_names,
)
from core.recording.reading import logged_text, read_log

if TYPE_CHECKING:
    from core.conversation.context import Context

GONE = Reply(
    "That log is gone (undone or deleted), so there's nothing to answer. Nothing changed.",
    private=True,
)
ALREADY = Reply("That log is already recorded. Nothing changed.", private=True)
READ_USAGE = "The buttons under a log send this; there's nothing to type."
LOG_USAGE = "Type /log and then the workout, e.g. `/log squat 3x8 100kg`."


async def read(ctx: Context, args: str) -> list[Reply]:
    """`/read ID sets-reps|reps-sets`: how the person writes `225x3x5`."""
    words = args.split()
    if len(words) != 2 or words[1] not in get_args(Notation):
        return [Reply(READ_USAGE)]
    stored = await _own(ctx, words[0])
    if isinstance(stored, Reply):
        return [stored]
    current = read_log(stored.text, ctx.profile)
    if current.ambiguities:
        ctx.profile.notation = words[1]  # type: ignore[assignment]  (checked just above)
        current = read_log(stored.text, ctx.profile)
    elif stored.recorded:
        return [ALREADY]
    # Otherwise answered meanwhile (another log's question): record it as it reads now.
    return await _record_again(ctx, stored, current)


async def exercise(ctx: Context, args: str) -> list[Reply]:
    """`/exercise ID EXERCISE|own-upper|own-lower|none KEY`: which exercise a log's name is.

    KEY (a short digest of the name the button asked about) keeps an old button from
    naming what the message says after an edit.
    """
    words = args.split()
    if len(words) not in (2, 3):
        return [Reply(READ_USAGE)]
    stored = await _own(ctx, words[0])
    if isinstance(stored, Reply):
        return [stored]
    current = read_log(stored.text, ctx.profile)
    unknown = unknown_names(current)
    if not unknown:
        if stored.recorded:
            return [ALREADY]
        return await _record_again(ctx, stored, current)
    name = unknown[0].name
    if len(words) == 3 and words[2] != name_digest(name):
        return [
            Reply("That button is from before the message changed. Nothing changed.", private=True)
        ]
    if words[1] == NONE_OF_THESE:
        return [
            Reply(
                f"OK, “{name}” stays unrecorded. Send it again with another name for it, "
                "e.g. `leg press 3x10 100kg`, and I'll read the rest.",
                private=True,
            )
        ]
    if words[1] in (OWN_UPPER, OWN_LOWER):
        region: Region = "upper" if words[1] == OWN_UPPER else "lower"
        chosen = find(own_id(name, region))
    else:
        chosen = CATALOGUE.get(words[1])
    if chosen is None:
        return [Reply(READ_USAGE)]
    key = name_key(name)
    await ctx.repo.save_exercise_name(ctx.profile.user_id, key, chosen.id, ctx.now)
    ctx.profile.names = {**ctx.profile.names, key: chosen.id}
    ctx.profile.has_names = True
    replies = await _record_again(ctx, stored, read_log(stored.text, ctx.profile))
    note = Reply(
        f"Got it: “{name}” is {chosen.name.lower()} from now on (/forget {name} undoes that)."
        if chosen.id in CATALOGUE
        else f"Added “{name}” as your own exercise ({chosen.region} body increments).",
        private=True,
    )
    return [note, *replies]


async def forget(ctx: Context, args: str) -> list[Reply]:
    """`/forget NAME` drops a name the person taught us; `/forget notation`, their AxBxC."""
    what = args.strip()
    if not what:
        return [Reply("Use /forget and the name you taught me, or /forget notation.")]
    if what.lower() == "notation":
        ctx.profile.notation = None
        return [
            Reply("Forgotten: I'll ask again how you write weight × sets × reps.", private=True)
        ]
    key = name_key(what)
    if key not in ctx.profile.names:
        return [
            Reply(
                f"I have no name “{what[:40]}” of yours to forget. Nothing changed.", private=True
            )
        ]
    await ctx.repo.forget_exercise_name(ctx.profile.user_id, key)
    ctx.profile.names = {k: v for k, v in ctx.profile.names.items() if k != key}
    return [Reply(f"Forgotten: I'll ask what “{what[:40]}” is next time.", private=True)]


async def log_anyway(ctx: Context, args: str) -> list[Reply]:
    """`/log TEXT` logs TEXT even if it reads as a question; `/log #ID` a stored message."""
    text = args.strip()
    words = text.lower().split()
    if words == ["no"] or (len(words) == 2 and words[0] == "no" and words[1][:1] == "#"):
        # "No" under the offer to log a question's sets: `/log no #ID` names that question.
        if len(words) == 2 and await _own(ctx, words[1][1:]) is NOT_YOURS:
            return [NOT_YOURS]
        return [Reply("OK, nothing recorded.", private=True)]
    if text.startswith("#"):
        stored = await _own(ctx, text[1:])
        if isinstance(stored, Reply):
            return [stored]
        if stored.recorded:
            return [ALREADY]
        return await _record_again(ctx, stored, read_log(stored.text, ctx.profile))
    if not text:
        return [Reply(LOG_USAGE)]
    result = read_log(text, ctx.profile)
    if not result.looks_like_workout:
        return [Reply(f"I didn't find a workout in that. {LOG_USAGE}")]
    own = StoredMessage(ctx.message_id, ctx.profile.user_id, text, ctx.message.sent_at, True, False)
    return await _record_again(ctx, own, result)


async def _own(ctx: Context, text: str) -> StoredMessage | Reply:
    """Return the sender's own stored message with this id, or the answer if there's none.

    NOT_YOURS when the id names no message of theirs (someone else's, or erased); GONE when
    it was undone, or is a command, which logs nothing.
    """
    message_id = parse_id(text)
    if message_id is None:
        return GONE
    stored = await ctx.repo.get_message(ctx.profile.user_id, message_id)
    if stored is None:
        return NOT_YOURS
    text = logged_text(stored.text)
    if stored.undone or text is None:
        return GONE
    return replace(stored, text=text)


async def _record_again(ctx: Context, stored: StoredMessage, result: ParseResult) -> list[Reply]:
    """Record `stored` afresh as `result` reads it; return the log's reply."""
    await ctx.repo.delete_entries(stored.id)
    await ctx.repo.set_recorded(stored.id, bool(result.entries))
    message = IncomingMessage(
        ctx.message.platform, ctx.message.user_id, "", stored.text, stored.sent_at
    )
    entry = log.Log(0, message, ctx.profile, result, stored.id)
    reply = (await log.record(ctx.repo, [entry]))[0]
    return [replace(reply, private=True)]
