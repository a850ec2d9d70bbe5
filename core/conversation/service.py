"""The conversation service: messages in, replies out; a reply leaves only after its commit.

Every message takes one path. `handle_batch` reads a batch (one message, or a burst of
Telegram updates) in one transaction: the people behind it are loaded in one query and
each message is parsed once. People whose every message in the batch is a plain workout
log are recorded together; everyone else's messages run one after another, in order.
Either way a log goes through `core.recording.log.record`. If anything in a batch fails,
the transaction rolls back and each message is tried again alone.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from core.accounts.profile import Profile
from core.activities.readers import is_activity_file
from core.activities.recording import import_activity
from core.clock import utcnow
from core.conversation import commands, talk
from core.conversation.catch_up import Correspondent, correspondents
from core.conversation.context import Context
from core.conversation.edits import edit
from core.conversation.flood import FloodLimit
from core.conversation.gate import cleaned, refusal
from core.conversation.logged import logged
from core.conversation.outbox import OwedReplies, encode
from core.conversation.ownership import status_of
from core.conversation.reads import Reads
from core.conversation.redelivery import redelivered
from core.conversation.results import HandleResult
from core.conversation.turns import Account, Turn, plain_logs
from core.conversation.typed_choice import offers
from core.history.importing import import_attachment
from core.messages import IncomingMessage, Reply
from core.ports import DuplicateMessage, StoreUnavailable, UnitOfWork
from core.recording import log
from core.reminders.commands import after_message

logger = logging.getLogger(__name__)

UNAVAILABLE = HandleResult((), "unavailable")
DISK_FULL = HandleResult((), "unavailable", disk_full=True)
FAILED = Reply(
    "Sorry, I couldn't save that just now, so nothing was recorded. "
    "Please send it again in a minute."
)


Observer = Callable[[IncomingMessage, HandleResult, float], None]


class ConversationService(Reads):
    """Turns incoming messages into replies; a reply leaves only after its write committed."""

    def __init__(
        self,
        unit_of_work: Callable[[], UnitOfWork],
        clock: Callable[[], datetime] = utcnow,
        flood_limit: FloodLimit | None = None,
        observer: Observer | None = None,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._flood = flood_limit or FloodLimit()
        self._observer = observer

    async def handle(self, message: IncomingMessage) -> HandleResult:
        """Return the replies to one message, after its writes committed."""
        return (await self.handle_batch([message]))[0]

    async def handle_batch(self, messages: Sequence[IncomingMessage]) -> list[HandleResult]:
        """Return the results of many messages, as if each had been handled in turn."""
        started = time.perf_counter()
        results: dict[int, HandleResult] = {}
        turns: list[Turn] = []
        for index, message in enumerate(messages):
            refused = refusal(self._flood, message)
            if refused is not None:
                results[index] = refused
            else:
                turns.append(Turn(index, cleaned(message)))
        if len(turns) == 1:
            results[turns[0].index] = await self._alone(turns[0])
        elif turns:
            try:
                results.update(await self._together(turns))
            except StoreUnavailable as exc:
                # Out of reach for all of them alike: each alone would only wait again.
                logger.warning("%s; %d messages wait", exc, len(turns))
                results.update(
                    {turn.index: DISK_FULL if exc.full else UNAVAILABLE for turn in turns}
                )
            except Exception:
                # Rolled back as a whole, nothing half-written: each message alone now.
                logger.exception(
                    "handling a batch of %d messages failed; trying each alone", len(turns)
                )
                for turn in turns:
                    results[turn.index] = await self._alone(turn)
        for index, message in enumerate(messages):
            self._observe(message, results[index], started)
        return [results[index] for index in range(len(messages))]

    async def _alone(self, turn: Turn) -> HandleResult:
        """Handle one message in a transaction of its own (what it parsed is reused)."""
        try:
            return (await self._together([turn]))[turn.index]
        except StoreUnavailable as exc:
            logger.warning("%s; a message waits", exc)
            return DISK_FULL if exc.full else UNAVAILABLE
        except Exception:
            # The unit of work rolled back: nothing half-written. Tell the user.
            logger.exception(
                "handling %s message %s failed", turn.message.platform, turn.message.message_id
            )
            return HandleResult((FAILED,), "failed")

    async def _together(self, turns: Sequence[Turn]) -> dict[int, HandleResult]:
        """Handle `turns` in one transaction; return their results by index."""
        async with self._unit_of_work() as uow:
            now = self._clock()
            profiles = await self._profiles(uow, turns, now)
            together = plain_logs(turns, profiles)
            results = await self._record_logs(uow, together, profiles, now)
            for turn in turns:
                if turn.index not in results:
                    results[turn.index] = await self._one(uow, profiles[turn.person], turn, now)
            # The replies are kept with their messages until they went out, and the
            # buttons they offer after too: a typed "1" or "yes" chooses one.
            await uow.outbox.owe(
                [
                    (r.message_id, encode(r.replies), offers(r.replies))
                    for r in results.values()
                    if r.message_id and r.replies and r.status != "duplicate"
                ]
            )
            await uow.commit()
        return results

    async def _profiles(
        self, uow: UnitOfWork, turns: Sequence[Turn], now: datetime
    ) -> dict[Account, Profile]:
        """Return the profile of everyone in `turns`, making accounts on first contact."""
        firsts = {turn.person: turn.message for turn in reversed(turns)}
        profiles = await uow.repo.profiles(list(firsts))
        new = [
            (platform, user_id, message.display_name)
            for (platform, user_id), message in firsts.items()
            if (platform, user_id) not in profiles
        ]
        if new:
            profiles.update(await uow.repo.create_accounts(new, now))
        taught = [p.user_id for p in profiles.values() if p.has_names]
        if taught:
            names = await uow.repo.exercise_names(taught)
            for profile in profiles.values():
                profile.names = names.get(profile.user_id, profile.names)
        return profiles

    async def _record_logs(
        self,
        uow: UnitOfWork,
        turns: Sequence[Turn],
        profiles: dict[Account, Profile],
        now: datetime,
    ) -> dict[int, HandleResult]:
        """Record plain logs of many people: one INSERT for the messages, then one path."""
        if not turns:
            return {}
        logs = [
            log.Log(turn.index, turn.message, profile, parsed)
            for turn in turns
            if (parsed := turn.as_log(profile := profiles[turn.person])) is not None
        ]
        ids = await uow.repo.add_messages(
            [(entry.profile.user_id, entry.message, bool(entry.result.entries)) for entry in logs],
            now,
        )
        results: dict[int, HandleResult] = {}
        stored = []
        for entry in logs:
            message_id = ids.get((entry.message.platform, entry.message.message_id))
            if message_id is None:  # stored before: a re-delivery
                results[entry.index] = redelivered(
                    await uow.repo.find_message(entry.message.platform, entry.message.message_id)
                )
            else:
                entry.message_id = message_id
                stored.append(entry)
        replies = await log.record(uow.repo, stored)
        for entry in stored:
            results[entry.index] = logged(
                entry.profile, entry.result, replies[entry.index], entry.message_id
            )
        return results

    async def _one(
        self, uow: UnitOfWork, profile: Profile, turn: Turn, now: datetime
    ) -> HandleResult:
        """Handle one message in the batch's transaction; a re-delivery changes nothing."""
        before = replace(profile)
        try:
            result = await self._handle(uow, profile, turn, now)
        except DuplicateMessage:
            message = turn.message
            return redelivered(await uow.repo.find_message(message.platform, message.message_id))
        if before.paused or profile.timezone != before.timezone:
            # Reminders were paused (the person is back) or must follow a new timezone.
            result = await after_message(uow, profile, result, now)
        return result

    def _observe(self, message: IncomingMessage, result: HandleResult, started: float) -> None:
        if self._observer is not None:
            self._observer(message, result, time.perf_counter() - started)

    async def _handle(
        self, uow: UnitOfWork, profile: Profile, turn: Turn, now: datetime
    ) -> HandleResult:
        repo = uow.repo
        message = turn.message
        before = replace(profile)
        if message.edited:
            existing = await repo.find_message(message.platform, message.message_id)
            if existing is not None:
                if existing.user_id != profile.user_id:
                    # Only its author edits a message: never let an edit touch another's log.
                    logger.warning(
                        "edit of %s message %s by a non-author refused",
                        message.platform,
                        message.message_id,
                    )
                    return HandleResult((), "refused")
                if existing.text == message.text or existing.undone:
                    return redelivered(existing)
                return await edit(uow.repo, profile, existing, turn)
        text = message.text
        attachment = message.attachment
        result = None if attachment else turn.as_log(profile)
        recorded = result is not None and bool(result.entries)
        # Raises DuplicateMessage when this platform message is already stored.
        message_id = await repo.add_message(profile.user_id, message, now, recorded)
        ctx = Context(uow, profile, message, message_id, now)
        if attachment is not None and is_activity_file(attachment.filename):
            recorded = await import_activity(ctx, attachment)  # a watch's FIT, TCX or GPX
            return replace(recorded, message_id=message_id)
        if attachment is not None:  # a Strong or Hevy export: import it
            imported = await import_attachment(ctx, attachment)
            return replace(imported, message_id=message_id)
        if result is not None and result.looks_like_workout and not result.entries:
            # Read as a log it records nothing: it may be a button's label typed ("3 sets of 5")
            typed = await talk.typed_answer(ctx, text, commands.dispatch)
            if typed is not None:
                return HandleResult(tuple(typed), status_of(typed), message_id=message_id)
        if result is not None and result.looks_like_workout:
            entry = log.Log(turn.index, message, profile, result, message_id)
            replies = await log.record(repo, [entry])
            return logged(profile, result, replies[turn.index], message_id)
        if text.lstrip().startswith("/"):
            replies = await commands.dispatch(ctx, text.strip())
        else:
            replies = await talk.conversation(ctx, text, commands.dispatch)
        if profile != before:
            await repo.save_profile(profile)
        return HandleResult(tuple(replies), status_of(replies), message_id=message_id)

    async def owed(self, platform: str, since: datetime, limit: int) -> list[OwedReplies]:
        """Return stored messages of `platform` since `since` still owed their replies."""
        async with self._unit_of_work() as uow:
            return await uow.outbox.owed(platform, since, limit)

    async def answered(self, platform: str, message_keys: Sequence[str]) -> None:
        """Record that these messages' replies went out (so they are never sent again)."""
        async with self._unit_of_work() as uow:
            await uow.outbox.answered(platform, message_keys)
            await uow.commit()

    async def correspondents(
        self, platform: str, since: datetime, at_most: int
    ) -> list[Correspondent]:
        """Return who wrote on `platform` since `since`, the latest first (for a catch-up)."""
        return await correspondents(self._unit_of_work, platform, since, at_most)
