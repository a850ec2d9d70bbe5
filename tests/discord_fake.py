"""A stand-in Discord for adapter tests: its REST API on 127.0.0.1, and gateway payloads.

The real discord.py client talks real HTTP to `FakeDiscord` (discord.py's Route.BASE points
at it) and every call is recorded. Gateway events are dicts shaped like Discord's
MESSAGE_CREATE / MESSAGE_UPDATE / INTERACTION_CREATE data, parsed by the client's own
ConnectionState, so events reach the bot exactly as they do in production.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord
from aiohttp import web

APP_ID = 700000000000000001
GUILD_ID = 710000000000000001
CHANNEL_ID = 720000000000000001
TOKEN = "test-token-not-a-secret"
EPHEMERAL = 64
SETTLE_TIMEOUT = 15.0

BOT_USER = {
    "id": "730000000000000001",
    "username": "coach",
    "discriminator": "0",
    "global_name": "Coach",
    "avatar": None,
    "bot": True,
}


def user(user_id: int, name: str) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name.title(),
        "avatar": None,
    }


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat()


_sequence = itertools.count(1)


def snowflake(at: datetime | None = None) -> int:
    """Return a fresh id whose embedded time is `at` (ids carry their creation time)."""
    at = at or datetime.now(UTC)
    return discord.utils.time_snowflake(at) + next(_sequence)


def message_payload(
    *,
    author: dict[str, Any],
    content: str,
    channel_id: int,
    message_id: int | None = None,
    guild_id: int | None = None,
    mentions: list[dict[str, Any]] | None = None,
    at: datetime | None = None,
    **extra: Any,
) -> dict[str, Any]:
    message_id = message_id or snowflake(at)
    data: dict[str, Any] = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "timestamp": iso(discord.utils.snowflake_time(message_id)),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": mentions or [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
        "components": [],
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
        data["member"] = {
            "roles": [],
            "joined_at": iso(datetime(2026, 1, 1, tzinfo=UTC)),
            "deaf": False,
            "mute": False,
            "flags": 0,
        }
    data.update(extra)
    return data


def guild_payload(members: list[dict[str, Any]]) -> dict[str, Any]:
    joined = iso(datetime(2026, 1, 1, tzinfo=UTC))
    return {
        "id": str(GUILD_ID),
        "name": "Gym",
        "icon": None,
        "owner_id": members[0]["id"],
        "unavailable": False,
        "large": False,
        "member_count": len(members),
        "features": [],
        "roles": [
            {
                "id": str(GUILD_ID),
                "name": "@everyone",
                "permissions": str(discord.Permissions.text().value),
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }
        ],
        "channels": [
            {
                "id": str(CHANNEL_ID),
                "type": 0,
                "name": "general",
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
            }
        ],
        "members": [
            {"user": m, "roles": [], "joined_at": joined, "deaf": False, "mute": False, "flags": 0}
            for m in members
        ],
        "emojis": [],
        "stickers": [],
        "threads": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
    }


@dataclass
class Call:
    """One request the bot made."""

    method: str
    path: str
    query: dict[str, str]
    json: Any = None
    files: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        """The `data` of an interaction callback, or the body itself."""
        body = self.json or {}
        return body.get("data") or {} if "type" in body and "data" in body else body

    @property
    def content(self) -> str:
        return self.data.get("content") or ""

    @property
    def flags(self) -> int:
        return int(self.data.get("flags") or 0)

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self.data.get("embeds") or []

    @property
    def custom_ids(self) -> list[str]:
        rows = self.data.get("components") or []
        return [c["custom_id"] for row in rows for c in row.get("components", [])]

    @property
    def text(self) -> str:
        """Content and embed text together, for assertions."""
        parts = [self.content]
        for embed in self.embeds:
            parts += [embed.get("title") or "", embed.get("description") or ""]
        return "\n".join(p for p in parts if p)


class FakeDiscord:
    """Discord's REST API, enough of it for the coach, recording every call."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.failures: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.files: dict[str, bytes] = {}  # attachments people sent, by file name
        self.history: dict[int, list[dict[str, Any]]] = {}  # messages by channel, as posted
        self._runner: web.AppRunner | None = None
        self.base = ""

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self._handle)
        app.router.add_get("/attachments/{name}", self._file)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}/api/v10"
        return self.base

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def attachment(self, name: str, data: bytes, content_type: str = "text/csv") -> dict[str, Any]:
        """Return a message attachment whose URL serves `data` (Discord's CDN, here)."""
        self.files[name] = data
        url = self.base.removesuffix("/api/v10") + f"/attachments/{name}"
        return {
            "id": str(snowflake()),
            "filename": name,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
        }

    async def _file(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["name"])
        return web.Response(body=data) if data is not None else web.Response(status=404)

    def posted(self, data: dict[str, Any]) -> dict[str, Any]:
        """Keep a message in its channel's history (what GET .../messages reads back)."""
        self.history.setdefault(int(data["channel_id"]), []).append(data)
        return data

    def post_missed(
        self, channel_id: int, author: dict[str, Any], content: str, **kw: Any
    ) -> dict[str, Any]:
        """Post a message the bot never hears of (it was away): only the history has it."""
        return self.posted(
            message_payload(author=author, content=content, channel_id=channel_id, **kw)
        )

    def fail(self, method: str, path: str, status: int, code: int, message: str) -> None:
        """Make `method path` answer with a Discord error from now on."""
        self.failures[(method, path)] = (status, {"code": code, "message": message})

    def to(self, prefix: str) -> list[Call]:
        """Return the calls whose path starts with `prefix`, in order."""
        return [c for c in self.calls if c.path.startswith(prefix)]

    @staticmethod
    def dm_channel_id(user_id: str) -> int:
        return int(user_id) + 1

    async def _handle(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        call = Call(request.method, path, dict(request.query))
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                body = await part.read()  # type: ignore[union-attr]
                if part.name == "payload_json":  # type: ignore[union-attr]
                    call.json = json.loads(body)
                else:
                    call.files.append((part.filename or "", bytes(body)))  # type: ignore[union-attr]
        elif request.can_read_body:
            call.json = await request.json()
        self.calls.append(call)
        failure = self.failures.get((request.method, path))
        if failure is not None:
            return _json(failure[1], failure[0])
        body = self._answer(call)
        if body is None:
            return web.Response(status=204)
        return _json(body)

    def _answer(self, call: Call) -> Any:
        parts = call.path.strip("/").split("/")
        method = call.method
        if call.path == "/users/@me":
            return BOT_USER
        if call.path == "/oauth2/applications/@me":
            return {
                "id": str(APP_ID),
                "name": "coach",
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "owner": user(740000000000000001, "owner"),
                "flags": 0,
            }
        if parts[0] == "applications" and method == "PUT":
            return [
                {**command, "id": str(snowflake()), "application_id": str(APP_ID), "version": "1"}
                for command in call.json
            ]
        if call.path == "/users/@me/channels":
            recipient = str(call.json["recipient_id"])
            return {
                "id": str(self.dm_channel_id(recipient)),
                "type": 1,
                "last_message_id": None,
                "recipients": [self.users.get(recipient, user(int(recipient), "someone"))],
            }
        if parts[0] == "users" and method == "GET":
            return self.users.get(parts[1], user(int(parts[1]), "someone"))
        if parts[0] == "channels" and parts[2:] == ["messages"] and method == "POST":
            return self.posted(self._message(call, int(parts[1])))
        if parts[0] == "channels" and parts[2:] == ["messages"] and method == "GET":
            return self._history(int(parts[1]), call.query)
        if parts[0] == "interactions":
            return self._callback(call, int(parts[1]))
        if parts[0] == "webhooks":
            return self._message(call, CHANNEL_ID)
        return {}

    def _message(self, call: Call, channel_id: int) -> dict[str, Any]:
        data = call.data
        return message_payload(
            author=BOT_USER,
            content=data.get("content") or "",
            channel_id=channel_id,
            embeds=data.get("embeds") or [],
            components=data.get("components") or [],
            flags=int(data.get("flags") or 0),
        )

    def _history(self, channel_id: int, query: dict[str, str]) -> list[dict[str, Any]]:
        """Return messages as Discord does: the `limit` next to `after` or `before` (else the
        latest), newest first."""
        found = sorted(self.history.get(channel_id, []), key=lambda m: int(m["id"]))
        limit = int(query.get("limit", 50))
        if "after" in query:
            found = [m for m in found if int(m["id"]) > int(query["after"])][:limit]
        else:
            if "before" in query:
                found = [m for m in found if int(m["id"]) < int(query["before"])]
            found = found[-limit:]
        return found[::-1]

    def _callback(self, call: Call, interaction_id: int) -> dict[str, Any] | None:
        kind = call.json["type"]
        if kind == 8:  # autocomplete result: no message
            return None
        message = self._message(call, CHANNEL_ID)
        return {
            "interaction": {
                "id": str(interaction_id),
                "type": 2,
                "response_message_id": message["id"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(call.flags & EPHEMERAL),
            },
            "resource": {"type": kind, "message": message},
        }


def _json(body: Any, status: int = 200) -> web.Response:
    # discord.py reads a body as JSON only if the content type is exactly this (no charset).
    return web.Response(
        body=json.dumps(body).encode(), status=status, content_type="application/json"
    )


class Gateway:
    """Feeds gateway events to a logged-in client and waits until it has acted on them."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def send(self, event: str, data: dict[str, Any]) -> None:
        self.client._connection.parsers[event](data)
        await settle()

    def interaction(
        self,
        kind: int,
        who: dict[str, Any],
        data: dict[str, Any],
        *,
        in_guild: bool = True,
        message: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        interaction_id = snowflake()
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "token": f"itoken{interaction_id}",
            "version": 1,
            "data": data,
            "locale": "en-US",
            "app_permissions": str(discord.Permissions.text().value),
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "authorizing_integration_owners": {"0": str(GUILD_ID)} if in_guild else {},
            "context": 0 if in_guild else 1,
        }
        if in_guild:
            payload["guild_id"] = str(GUILD_ID)
            payload["guild_locale"] = "en-US"
            payload["guild"] = {"id": str(GUILD_ID), "locale": "en-US", "features": []}
            payload["channel_id"] = str(CHANNEL_ID)
            payload["channel"] = {"id": str(CHANNEL_ID), "type": 0, "name": "general"}
            payload["member"] = {
                "user": who,
                "roles": [],
                "joined_at": iso(datetime(2026, 1, 1, tzinfo=UTC)),
                "deaf": False,
                "mute": False,
                "permissions": str(discord.Permissions.text().value),
                "flags": 0,
            }
        else:
            dm = FakeDiscord.dm_channel_id(who["id"])
            payload["channel_id"] = str(dm)
            payload["channel"] = {"id": str(dm), "type": 1, "recipients": [who]}
            payload["user"] = who
        if message is not None:
            payload["message"] = message
        return payload


async def settle() -> None:
    """Wait until every task discord.py started for the events so far has finished."""
    current = asyncio.current_task()
    for _ in range(100):
        pending = [
            t
            for t in asyncio.all_tasks()
            if t is not current and t.get_name().startswith(("discord", "CommandTree"))
        ]
        if not pending:
            return
        await asyncio.wait(pending, timeout=SETTLE_TIMEOUT)
    raise AssertionError("discord.py tasks did not settle")


def options(**values: Any) -> list[dict[str, Any]]:
    """Return slash-command options as Discord sends them (strings 3, integers 4)."""
    return [
        {"name": name, "type": 4 if isinstance(value, int) else 3, "value": value}
        for name, value in values.items()
    ]
