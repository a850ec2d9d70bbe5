"""Signed links and sessions for the training page: who may see whose data, and until when.

A link (`/app` in Discord, the terminal, or Telegram outside the Mini App) names one
account and an expiry, carries a random nonce and is signed with the server's secret
(HMAC-SHA256); the page spends it once for a session, itself a signed value naming the
same account. Pure functions: the nonce's single use is storage's to record.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

LINK_LIFETIME = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=12)
LINK = b"link"
SESSION = b"session"


@dataclass(frozen=True)
class Visitor:
    """The account a link or a session speaks for: a platform and its id there."""

    platform: str
    external_id: str


@dataclass(frozen=True)
class Signed:
    """A verified link or session: whose it is, until when, and its nonce (links only)."""

    visitor: Visitor
    expires: int  # Unix seconds
    nonce: str


def sign(
    secret: bytes, purpose: bytes, visitor: Visitor, expires: datetime, nonce: str = ""
) -> str:
    """Return `payload.mac`: the visitor, expiry and nonce, signed for `purpose`."""
    payload = json.dumps(
        [visitor.platform, visitor.external_id, int(expires.timestamp()), nonce],
        separators=(",", ":"),
    ).encode()
    body = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
    return f"{body}.{_mac(secret, purpose, body)}"


def verify(secret: bytes, purpose: bytes, token: str, now: datetime) -> Signed | None:
    """Return what a token signed for `purpose` says, or None if forged, malformed or expired."""
    body, dot, mac = token.partition(".")
    if not dot or not hmac.compare_digest(mac.encode(), _mac(secret, purpose, body).encode()):
        return None
    try:
        platform, external_id, expires, nonce = json.loads(_unpad(body))
    except (ValueError, TypeError):
        return None
    if not (isinstance(platform, str) and isinstance(external_id, str)):
        return None
    if not isinstance(expires, int) or expires <= now.timestamp():
        return None
    return Signed(Visitor(platform, external_id), expires, str(nonce))


def nonce_key(nonce: str) -> str:
    """Return what storage keeps of a spent nonce: its SHA-256, never the nonce itself."""
    return hashlib.sha256(b"app-link:" + nonce.encode()).hexdigest()


@dataclass(frozen=True)
class AppLinks:
    """Where the page is served and the secret its links are signed with."""

    public_url: str
    secret: bytes

    def link_for(self, visitor: Visitor, now: datetime) -> str:
        """Return a one-time link to the page for `visitor`, valid LINK_LIFETIME."""
        token = sign(self.secret, LINK, visitor, now + LINK_LIFETIME, secrets.token_urlsafe(16))
        return f"{self.public_url.rstrip('/')}/app/#t={token}"


def _mac(secret: bytes, purpose: bytes, body: str) -> str:
    return hmac.new(secret, purpose + b"\n" + body.encode(), hashlib.sha256).hexdigest()


def _unpad(body: str) -> bytes:
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
