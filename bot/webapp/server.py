"""The training page's HTTP side: the page, its session, its JSON, and set corrections.

Mounted on the aiohttp app that serves /healthz and /metrics (`bot.observability`).
Nothing here answers with anyone's data without a session cookie, and a session is only
given for Telegram `initData` signed with the bot's token or for a one-time signed link
from `/app` (`core.accounts.app_links`).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.webapp.telegram_init import telegram_user_id
from core.accounts.app_links import (
    LINK,
    SESSION,
    SESSION_LIFETIME,
    AppLinks,
    Visitor,
    nonce_key,
    sign,
    verify,
)
from core.accounts.profile import Profile
from core.clock import utcnow
from core.coaching.glance import glance_at
from core.conversation.service import ConversationService
from core.history.corrections import SetChange, corrected
from core.history.sessions import logged_sessions
from core.messages import IncomingMessage
from core.ports import MAX_ID
from storage.app_access import AppAccess, logged_message
from storage.history import IMPORT_PLATFORM
from storage.unit_of_work import SqlUnitOfWork, unit_of_work_factory

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
COOKIE = "coach_app"
TELEGRAM = "telegram"
MAX_BODY = 16 * 1024
# The Telegram web client shows a Mini App in a frame; nobody else may frame the page.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' https://telegram.org; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        "frame-ancestors https://web.telegram.org https://*.telegram.org"
    ),
}


class Refused(Exception):
    """A request the page answers with an error status and one line."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass
class TrainingPage:
    """What the page's routes need: the service (for edits), the database, the secrets."""

    service: ConversationService
    engine: AsyncEngine
    links: AppLinks
    telegram_token: str | None = None
    clock: Callable[[], datetime] = utcnow
    _uow: Callable[[], SqlUnitOfWork] = field(init=False, repr=False)
    _access: AppAccess = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._uow = unit_of_work_factory(self.engine)
        self._access = AppAccess(self.engine)

    @property
    def secure(self) -> bool:
        return self.links.public_url.startswith("https://")

    # --- routes ---------------------------------------------------------------------

    async def page(self, _request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    async def start_session(self, request: web.Request) -> web.Response:
        """Trade Telegram initData or a one-time link for a session cookie."""
        body = await _json_body(request)
        now = self.clock()
        if isinstance(body.get("initData"), str):
            visitor = self._telegram_visitor(body["initData"], now)
            profile = await self._profile(visitor)
        elif isinstance(body.get("link"), str):
            signed = verify(self.links.secret, LINK, body["link"], now)
            if signed is None:
                raise Refused(403, "This link is not valid or has expired: send /app again.")
            profile = await self._profile(signed.visitor)
            expires = datetime.fromtimestamp(signed.expires, now.tzinfo)
            if not await self._access.spend_nonce(
                profile.user_id, nonce_key(signed.nonce), now, expires
            ):
                raise Refused(403, "This link was already used: send /app again.")
            visitor = signed.visitor
        else:
            raise Refused(400, "Expected initData or link.")
        token = sign(self.links.secret, SESSION, visitor, now + SESSION_LIFETIME)
        response = web.json_response({"ok": True})
        response.set_cookie(
            COOKIE,
            token,
            max_age=int(SESSION_LIFETIME.total_seconds()),
            path="/app",
            httponly=True,
            secure=self.secure,
            samesite="Strict",
        )
        return response

    async def overview(self, request: web.Request) -> web.Response:
        """The first view: week, plan, every lift's curve, Zone 2 weeks."""
        visitor = self._visitor(request)
        async with self._uow() as uow:
            profile = await _profile_in(uow, visitor)
            glance = await glance_at(uow.repo, profile, self.clock())
        return _json(glance)

    async def sessions(self, request: web.Request) -> web.Response:
        """The logged sessions, newest first, each with its sets."""
        visitor = self._visitor(request)
        async with self._uow() as uow:
            profile = await _profile_in(uow, visitor)
            today = profile.local_day(self.clock())
            found = await logged_sessions(uow.repo, profile, today)
        return _json({"sessions": found})

    async def change_set(self, request: web.Request) -> web.Response:
        """Correct or delete one set: the log's text is rewritten and handled as an edit."""
        visitor = self._visitor(request)
        body = await _json_body(request)
        message_id = _whole(body.get("message_id"), 1, MAX_ID)
        change = SetChange(
            _whole(body.get("position"), 0, 10_000),
            None if body.get("delete") else _optional_whole(body.get("reps")),
            None if body.get("delete") else _optional_number(body.get("weight")),
        )
        if not body.get("delete") and change.reps is None and change.weight is None:
            raise Refused(400, "Nothing to change.")
        async with self._uow() as uow:
            profile = await _profile_in(uow, visitor)
            stored = await uow.repo.get_message(profile.user_id, message_id)
            if stored is None or stored.undone:
                raise Refused(404, "That log isn't in your history.")
            where = await logged_message(uow.session, profile.user_id, message_id)
            if where is None or where.author is None or where.platform == IMPORT_PLATFORM:
                raise Refused(409, "Imported workouts are corrected by importing them again.")
            day = profile.local_day(where.sent_at)
            window = await uow.repo.strength_sets(
                profile.user_id, day - timedelta(days=2), day + timedelta(days=2)
            )
        sets = [s for s in window if s.message_id == message_id]
        result = corrected(stored.text, sets, change, profile)
        if result.text is None:
            raise Refused(409, result.refusal)
        edit = IncomingMessage(
            platform=where.platform,
            user_id=where.author,
            message_id=where.platform_message_id,
            text=result.text,
            sent_at=where.sent_at,
            edited=True,
        )
        handled = await self.service.handle(edit)
        if handled.status == "refused":  # too many messages at once: the flood limit
            said = " ".join(r.text for r in handled.replies)
            raise Refused(429, said or "Nothing changed: too many changes at once.")
        if handled.status in ("unavailable", "failed"):
            raise Refused(503, "Nothing changed: please try again in a minute.")
        # The page shows the reply: the chat is not owed it (no "✏️ Updated" out of the blue).
        await self.service.answered(where.platform, [where.platform_message_id])
        return web.json_response(
            {"reply": "\n\n".join(r.text for r in handled.replies), "text": result.text}
        )

    # --- who is asking --------------------------------------------------------------

    def _telegram_visitor(self, init_data: str, now: datetime, status: int = 403) -> Visitor:
        if not self.telegram_token:
            raise Refused(status, "This coach has no Telegram bot.")
        user_id = telegram_user_id(init_data, self.telegram_token, now)
        if user_id is None:
            raise Refused(status, "Telegram's sign-in didn't check out: open the app again.")
        return Visitor(TELEGRAM, user_id)

    def _visitor(self, request: web.Request) -> Visitor:
        # Inside Telegram the page sends initData with every call (`Authorization: tma …`):
        # Telegram's web client shows it in a frame, where a browser may withhold cookies.
        authorization = request.headers.get("Authorization", "")
        if authorization.startswith("tma "):
            return self._telegram_visitor(authorization[4:], self.clock(), status=401)
        token = request.cookies.get(COOKIE, "")
        signed = verify(self.links.secret, SESSION, token, self.clock()) if token else None
        if signed is None:
            raise Refused(401, "Open the page from the coach: /app, or the app button.")
        return signed.visitor

    async def _profile(self, visitor: Visitor) -> Profile:
        async with self._uow() as uow:
            return await _profile_in(uow, visitor)


async def _profile_in(uow: SqlUnitOfWork, visitor: Visitor) -> Profile:
    key = (visitor.platform, visitor.external_id)
    profile = (await uow.repo.profiles([key])).get(key)
    if profile is None:
        raise Refused(403, "Say hello to the coach in the chat first.")
    return profile


def add_routes(app: web.Application, page: TrainingPage) -> None:
    """Mount the page and its API under /app on `app`."""

    @web.middleware
    async def refusals(request: web.Request, handler: Any) -> web.StreamResponse:
        if not request.path.startswith("/app"):
            return await handler(request)
        try:
            return await handler(request)
        except Refused as refused:
            return web.json_response({"error": refused.reason}, status=refused.status)

    app.middlewares.append(refusals)
    app.router.add_get("/app", _redirect)
    app.router.add_get("/app/", page.page)
    app.router.add_post("/app/api/session", page.start_session)
    app.router.add_get("/app/api/overview", page.overview)
    app.router.add_get("/app/api/sessions", page.sessions)
    app.router.add_post("/app/api/set", page.change_set)
    app.router.add_static("/app/static/", STATIC)


async def _redirect(_request: web.Request) -> web.Response:
    raise web.HTTPFound("/app/")


async def _json_body(request: web.Request) -> dict[str, Any]:
    # JSON only: a cross-site form can't send it without a preflight we never answer.
    if request.content_type != "application/json":
        raise Refused(415, "Send JSON.")
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise Refused(413, "Too large.")
    try:
        body = json.loads(await request.content.read(MAX_BODY + 1))
    except ValueError:
        raise Refused(400, "Not JSON.") from None
    if not isinstance(body, dict):
        raise Refused(400, "Expected an object.")
    return body


def _whole(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise Refused(400, "A number is out of range.")
    return value


def _optional_whole(value: object) -> int | None:
    return None if value is None else _whole(value, 1, 1000)


def _optional_number(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 2000:
        raise Refused(400, "A load is out of range.")
    return float(value)


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _json(value: object) -> web.Response:
    response = web.json_response(_plain(value), headers={"Cache-Control": "no-store"})
    response.enable_compression()
    return response
