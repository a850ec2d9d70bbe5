"""Telegram Mini App `initData`, checked with the bot token exactly as Telegram documents it.

https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app:
secret_key = HMAC_SHA256(key="WebAppData", msg=bot_token); the hash is the hex
HMAC_SHA256(key=secret_key, msg=data_check_string), where data_check_string is every
received field but `hash`, as `key=value`, sorted by key, joined by newlines.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

MAX_AGE = timedelta(hours=24)
CLOCK_SKEW = timedelta(minutes=5)  # an auth_date this far ahead of our clock still passes


def telegram_user_id(init_data: str, bot_token: str, now: datetime) -> str | None:
    """Return the Telegram user id `init_data` vouches for, or None if it is forged,
    malformed, older than 24 hours, or carries no user."""
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        return None  # a key twice: which one was signed is not ours to guess
    received = fields.pop("hash", "")
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret_key = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    expected = hmac.new(secret_key, check.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), received.encode()):
        return None
    try:
        signed_at = datetime.fromtimestamp(int(fields["auth_date"]), now.tzinfo)
        user = json.loads(fields["user"])
        user_id = user["id"]
    except (KeyError, ValueError, TypeError, OverflowError, OSError):
        return None
    if not now - MAX_AGE <= signed_at <= now + CLOCK_SKEW:
        return None
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        return None
    return str(user_id)


def signed_init_data(fields: dict[str, str], bot_token: str) -> str:
    """Return `fields` as Telegram would send them, hash added (for tests and benchmarks)."""
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret_key = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    digest = hmac.new(secret_key, check.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})
