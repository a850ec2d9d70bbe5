"""The conversation service: one incoming message in, replies out, one transaction."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from core import bulk, commands, faq, history_commands, onboarding, reminder_commands
from core.dose import WeeklyDose
from core.entries import ParseResult
from core.messages import IncomingMessage, Reply
from core.parser import parse
from core.ports import DuplicateMessage, UnitOfWork
from core.profile import Profile
from core.progression import Plan
from core.ratelimit import FloodLimit
from core.results import HandleResult, Status
from core.workouts import record

logger = logging.getLogger(__name__)

MAX_TEXT = 4096


TOO_LONG = Reply(
    f"That message is over {MAX_TEXT:,} characters, so I didn't read it and nothing was "
    "recorded. Please send it in smaller pieces."
)
SLOW_DOWN = Reply(
    "You're sending messages faster than I can keep up with. Please wait a few seconds; "
    "nothing from the last few was recorded, so send those again."
)

FAILED = Reply(
    "Sorry, I couldn't save that just now, so nothing was recorded. "
    "Please send it again in a minute."
)


Observer = Callable[[IncomingMessage, HandleResult, float], None]


def utcnow() -> datetime:
    return datetime.now(UTC)


def _as_log(text: str, profile: Profile) -> ParseResult | None:
    """Return what a text logs, or None for a command or a question (never a log)."""
    if text.lstrip().startswith("/") or faq.is_plain_question(text):
        return None
    return parse(text, profile.units)


def _clean(message: IncomingMessage) -> IncomingMessage:
    if "\x00" in message.text:
        # NUL can't be stored (PostgreSQL text) and never means anything here.
        return replace(message, text=message.text.replace("\x00", ""))
    return message


class ConversationService:
    """Turns each incoming message into replies; a reply leaves only after its write committed."""

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
        started = time.perf_counter()
        result = self._refuse(message) or await self._handle_alone(_clean(message))
        self._observe(message, result, started)
        return result

    async def handle_batch(self, messages: Sequence[IncomingMessage]) -> list[HandleResult]:
        """Return the results of many messages, as if each had been handled in turn.

        Plain workout logs share one transaction (group commit); everything else, and
        everything of a person with anything else in the batch, goes one at a time.
        """
        started = time.perf_counter()
        results: dict[int, HandleResult] = {}
        candidates: list[tuple[int, IncomingMessage]] = []
        for index, message in enumerate(messages):
            refused = self._refuse(message)
            if refused is not None:
                results[index] = refused
                self._observe(message, refused, started)
            else:
                candidates.append((index, _clean(message)))
        if len(candidates) > 1:
            try:
                async with self._unit_of_work() as uow:
                    logged = await bulk.record_logs(uow.repo, candidates, self._clock())
                    await uow.commit()
            except Exception:
                # Rolled back as a whole: every message goes the one-at-a-time way.
                logger.exception(
                    "a batch of %d messages failed; handling each alone", len(candidates)
                )
                logged = {}
            for index, result in logged.items():
                results[index] = result
                self._observe(messages[index], result, started)
        for index, message in candidates:
            if index not in results:
                alone = time.perf_counter()
                results[index] = await self._handle_alone(message)
                self._observe(message, results[index], alone)
        return [results[index] for index in range(len(messages))]

    def _observe(self, message: IncomingMessage, result: HandleResult, started: float) -> None:
        if self._observer is not None:
            self._observer(message, result, time.perf_counter() - started)

    async def _handle_alone(self, message: IncomingMessage) -> HandleResult:
        try:
            async with self._unit_of_work() as uow:
                now = self._clock()
                profile = await uow.repo.identify(
                    message.platform, message.user_id, message.display_name, now
                )
                before = replace(profile)
                result = await self._handle(uow, profile, message, now)
                if profile.paused or profile.timezone != before.timezone:
                    # Reminders were paused (the person is back) or must follow a new timezone.
                    result = await reminder_commands.after_message(uow.repo, message, result, now)
                await uow.commit()
                return result
        except DuplicateMessage:
            return HandleResult((), "duplicate")
        except Exception:
            # The unit of work rolled back: nothing half-written. Tell the user.
            logger.exception("handling %s message %s failed", message.platform, message.message_id)
            return HandleResult((FAILED,), "failed")

    def _refuse(self, message: IncomingMessage) -> HandleResult | None:
        """Return the answer to a message refused before reading it, or None to go on."""
        verdict = self._flood.check(f"{message.platform}:{message.user_id}")
        if verdict == "notice":
            return HandleResult((SLOW_DOWN,), "refused")
        if verdict == "drop":
            return HandleResult((), "refused")
        if len(message.text) > MAX_TEXT:
            return HandleResult((TOO_LONG,), "refused")
        return None

    async def _handle(
        self, uow: UnitOfWork, profile: Profile, message: IncomingMessage, now: datetime
    ) -> HandleResult:
        repo = uow.repo
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
                    return HandleResult((), "duplicate")
                return await self._edit(uow, profile, existing.id, message)
        text = message.text
        is_command = text.lstrip().startswith("/")
        attachment = message.attachment
        result = None if attachment else _as_log(text, profile)
        recorded = result is not None and bool(result.entries)
        # Raises DuplicateMessage when this platform message is already stored.
        message_id = await repo.add_message(profile.user_id, message, now, recorded)
        if attachment is not None:  # a Strong or Hevy export: import it
            ctx = commands.Context(repo, profile, message, message_id, now)
            replies = await history_commands.import_attachment(ctx, attachment)
            return HandleResult(tuple(replies), "recorded")

        if result is not None and result.looks_like_workout:
            day = profile.local_day(message.sent_at)
            reply = await record(repo, profile, message_id, result, day, message.sent_at)
            replies = [Reply(reply, private=True)]
            if onboarding.in_progress(profile):
                replies.append(onboarding.PROMPTS[profile.onboarding_step or ""])
            status: Status = "recorded" if recorded else "answered"
            return HandleResult(tuple(replies), status, len(result.problems))

        ctx = commands.Context(repo, profile, message, message_id, now)
        if is_command:
            replies = await commands.dispatch(ctx, text.strip())
        else:
            replies = await commands.conversation(ctx, text)
        if profile != before:
            await repo.save_profile(profile)
        return HandleResult(tuple(replies), "answered")

    async def _edit(
        self, uow: UnitOfWork, profile: Profile, message_id: int, message: IncomingMessage
    ) -> HandleResult:
        """The user edited a logged message: its entries follow the new text."""
        repo = uow.repo
        await repo.delete_entries(message_id)
        await repo.update_message_text(message_id, message.text)
        result = _as_log(message.text, profile)
        await repo.set_recorded(message_id, bool(result and result.entries))
        if result is None or not result.looks_like_workout:
            return HandleResult(
                (
                    Reply(
                        "✏️ Edited: that message has no workout in it now, so its sets are removed."
                    ),
                ),
                "recorded",
            )
        day = profile.local_day(message.sent_at)
        text = await record(repo, profile, message_id, result, day, message.sent_at)
        return HandleResult((Reply(f"✏️ Updated.\n{text}", private=True),), "recorded")

    async def plan(self, platform: str, user_id: str, at: datetime) -> list[Plan]:
        """Return the user's next plans, in their units (read-only)."""
        async with self._unit_of_work() as uow:
            profile = await uow.repo.identify(platform, user_id, None, at)
            plans = await commands.plans_at(uow.repo, profile, at)
            return plans

    async def week(self, platform: str, user_id: str, at: datetime) -> WeeklyDose:
        """Return the weekly dose for the week of `at` (read-only)."""
        async with self._unit_of_work() as uow:
            profile = await uow.repo.identify(platform, user_id, None, at)
            return await commands.dose_at(uow.repo, profile, at)

    async def timezone_of(self, platform: str, user_id: str) -> str:
        async with self._unit_of_work() as uow:
            profile = await uow.repo.identify(platform, user_id, None, self._clock())
            return profile.timezone
