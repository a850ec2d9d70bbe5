"""Linking accounts: one person on Telegram and Discord keeps one history.

`/link` on one account gives a one-time code; `/link CODE` on the other account joins
that account to the code owner's. The entering account's logs move over with it, so
both accounts then see one history and one profile (the code owner's settings win).

A code is the only thing standing between a stranger and someone's history, so it is
short-lived, single-use, bound to the account that asked for it, usable only from a
different platform, stored only as a hash, and wrong guesses are rate-limited per user.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.accounts.ports import LinkCode
from core.messages import Reply

if TYPE_CHECKING:
    from core.conversation.context import Context

# No 0/O or 1/I: a code is read off one screen and typed into another.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6  # 32**6: about a billion codes
CODE_LIFETIME = timedelta(minutes=10)
MAX_WRONG_ATTEMPTS = 5
ATTEMPT_WINDOW = timedelta(hours=1)


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize(text: str) -> str | None:
    """Return the code as stored (upper case, no spaces or dashes), or None if malformed."""
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


INVALID = Reply(
    "That code doesn't work: it's wrong, already used or expired (codes last 10 minutes). "
    "Send /link on your other account for a new one."
)
TOO_MANY = Reply(
    "Too many wrong codes. For your safety, linking is paused for an hour on this account."
)


async def link(ctx: Context, args: str) -> list[Reply]:
    """`/link` gives a code; `/link CODE` joins this account to the code owner's."""
    store = ctx.uow.links
    profile = ctx.profile
    platform = ctx.message.platform
    now: datetime = ctx.now
    if not args:
        code = new_code()
        await store.create_code(
            profile.user_id, platform, code_hash(code), now, now + CODE_LIFETIME
        )
        return [
            Reply(
                f"Your link code: {code}\n"
                f"Within 10 minutes, send /link {code} from your other account "
                "(Telegram or Discord). It works once. Never share it: whoever enters it "
                "sees your history.",
                private=True,
            )
        ]

    if await store.count_failed_attempts(profile.user_id, now - ATTEMPT_WINDOW) >= (
        MAX_WRONG_ATTEMPTS
    ):
        return [TOO_MANY]
    code = normalize(args)
    found = await store.find_live_code(code_hash(code), now) if code else None
    refusal = _refusal(found, profile.user_id, platform)
    if refusal is not None:
        await store.record_attempt(profile.user_id, False, now)
        return [refusal]
    assert found is not None
    assert code is not None
    outcome = await store.use_code_and_merge(code_hash(code), profile.user_id, found.user_id, now)
    if outcome == "gone":
        await store.record_attempt(profile.user_id, False, now)
        return [INVALID]
    if outcome == "conflict":
        return [
            Reply(
                "I couldn't join these accounts: both have settings that can't be merged "
                "(for example, reminders). Nothing changed; the code still works for 10 minutes."
            )
        ]
    await store.record_attempt(found.user_id, True, now)
    return [
        Reply(
            "Linked ✅ This account now shares one history with your other one. "
            "Anything you logged here was added to it.",
            private=True,
        )
    ]


def _refusal(found: LinkCode | None, user_id: int, platform: str) -> Reply | None:
    if found is None:
        return INVALID
    if found.user_id == user_id:
        return Reply("That's this account's own code: send it from your other account.")
    if found.platform == platform:
        return Reply(
            f"That code was made on {platform}: enter it on your account on the other platform."
        )
    return None
