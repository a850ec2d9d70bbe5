"""A fake Telegram Bot API on 127.0.0.1: real HTTP for the real python-telegram-bot.

It queues updates for getUpdates (long-poll, offset confirms), records every call,
answers the send methods with plausible Message objects, serves files, and can be told
to answer 429 once or 403 for a chat, or to break a method's next answers (`break_next`):
malformed JSON, a garbled HTTP answer, a 500, a dropped connection.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
BOT_ID = 123456789
BOT_USERNAME = "coach_test_bot"
T0 = 1_795_000_000  # 2026-11-18, a fixed "now" for message dates


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)
    names: dict[str, str] = field(default_factory=dict)  # uploaded files' names as sent


class FakeBotAPI:
    """`async with FakeBotAPI() as api:` then point the bot at `api.base_url`."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.counts: Counter[str] = Counter()  # calls per method, cheap to poll
        self.updates: list[dict[str, Any]] = []
        self._unconfirmed: list[dict[str, Any]] = []  # what getUpdates looks through
        self.confirmed = 0  # every update id below this was confirmed by an offset
        self.webhook: dict[str, Any] | None = None
        self.files: dict[str, tuple[str, bytes]] = {}
        self.forbidden_chats: set[int] = set()
        # Chats whose calls are recorded (they arrived) but answered only after this many
        # seconds (past the bot's read timeout), or never: the connection is cut instead.
        self.slow_chats: dict[int, float] = {}
        self.cut_chats: set[int] = set()
        self.too_many_once: dict[str, int] = {}  # method -> retry_after, answered once
        self.down: set[str] = set()  # methods answered 502 Bad Gateway while listed
        self.refused: Counter[str] = Counter()  # calls answered 502 because of `down`
        self.broken: dict[str, list[str]] = {}  # method ("download" too) -> next answers' faults
        self.broke: Counter[str] = Counter()  # answers broken on purpose, by method
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(10_000)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.port = 0

    # --- lifecycle --------------------------------------------------------------------

    async def __aenter__(self) -> FakeBotAPI:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._api)
        app.router.add_get("/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing = True  # end any long poll still open, so shutdown doesn't wait on it
        async with self._changed:
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def me(self) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Coach",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    # --- queueing updates -------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update (a re-delivery keeps the update_id it has)."""
        update.setdefault("update_id", next(self._update_ids))
        self.updates.append(update)
        self._unconfirmed.append(update)
        self._notify()
        return update

    def message(
        self,
        user_id: int,
        text: str | None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        message_id: int | None = None,
        first_name: str = "Ann",
        last_name: str | None = None,
        username: str | None = None,
        edited: bool = False,
        reply_to: dict[str, Any] | None = None,
        document: dict[str, Any] | None = None,
        date: int = T0,
    ) -> dict[str, Any]:
        """Queue a text message (or an edit of one) and return the update."""
        chat_id = user_id if chat_id is None else chat_id
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
        else:
            chat["title"] = "Lifting club"
        sender: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name is not None:
            sender["last_name"] = last_name
        if username is not None:
            sender["username"] = username
        msg: dict[str, Any] = {
            "message_id": message_id if message_id is not None else next(self._message_ids),
            "date": date,
            "chat": chat,
            "from": sender,
        }
        if document is not None:
            msg["document"] = document
            if text is not None:
                msg["caption"] = text
        elif text is not None:
            msg["text"] = text
            if text.startswith("/"):
                msg["entities"] = [
                    {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
                ]
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        if edited:
            msg["edit_date"] = date + 60
        return self.push({"edited_message" if edited else "message": msg})

    def tap(self, user_id: int, data: str, on: dict[str, Any] | None = None) -> dict[str, Any]:
        """Queue a callback query: `user_id` tapped the button `data` on bot message `on`."""
        query: dict[str, Any] = {
            "id": str(next(self._message_ids) * 7919),
            "from": {"id": user_id, "is_bot": False, "first_name": "Ann"},
            "chat_instance": f"ci{user_id}",
            "data": data,
        }
        if on is not None:
            query["message"] = on
        return self.push({"callback_query": query})

    def add_file(self, file_id: str, data: bytes, path: str = "documents/file_1.csv") -> dict:
        """Store a file for getFile/download and return a Document for a message."""
        self.files[file_id] = (path, data)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": path.rsplit("/", 1)[-1],
            "mime_type": "text/csv",
            "file_size": len(data),
        }

    def revoke(self, new_token: str) -> None:
        """Revoke the token (as @BotFather does): every call with it, and a long poll open
        with it, is answered 401 from now on."""
        self.token = new_token
        self._notify()

    def break_next(self, method: str, *faults: str) -> None:
        """Answer the next calls of `method` (or "download") with these faults, one each.

        "malformed": 200 with the real answer's JSON cut short (it still holds the texts);
        "garbled": bytes that are no HTTP answer; "error": a 500 whose body is no JSON;
        "disconnect": the connection closed without an answer.
        """
        for fault in faults:
            if fault not in FAULTS:
                raise ValueError(f"no fault {fault!r}: one of {FAULTS}")
        self.broken.setdefault(method, []).extend(faults)

    # --- reading what the bot did ------------------------------------------------------

    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method
            and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [c.params.get("text", "") for c in self.sent("sendMessage", chat_id)]

    async def wait_for(self, condition: Callable[[], bool], within: float = 10.0) -> None:
        """Wait until `condition()` holds (checked after every call); fail after `within` s."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(condition), within)

    async def wait_sent(
        self, count: int, chat_id: int | None = None, within: float = 10.0
    ) -> list[str]:
        await self.wait_for(lambda: len(self.sent("sendMessage", chat_id)) >= count, within)
        return self.texts(chat_id)

    def pending(self) -> list[dict[str, Any]]:
        return [u for u in self._unconfirmed if u["update_id"] >= self.confirmed]

    # --- the API ----------------------------------------------------------------------

    def _notify(self) -> None:
        async def notify() -> None:
            async with self._changed:
                self._changed.notify_all()

        try:
            asyncio.get_running_loop().create_task(notify())
        except RuntimeError:
            pass

    async def _params(
        self, request: web.Request
    ) -> tuple[dict[str, Any], dict[str, bytes], dict[str, str]]:
        params: dict[str, Any] = {}
        files: dict[str, bytes] = {}
        names: dict[str, str] = {}
        if request.content_type == "application/json":
            params = await request.json()
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = value.file.read()
                    names[key] = value.filename
                else:
                    params[key] = value
        for key in ("reply_markup", "commands", "allowed_updates", "photo", "document"):
            value = params.get(key)
            if isinstance(value, str) and value[:1] in "[{":
                params[key] = json.loads(value)
        return params, files, names

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files, names = await self._params(request)
        if self.broken.get(method):
            return await self._broken(request, method, params, files)
        if method in self.down:
            self.refused[method] += 1
            self._notify()
            return _error(502, "Bad Gateway")
        if method == "getUpdates":
            return await self._get_updates(params, request.match_info["token"])
        call = Call(method, params, files, names=names)
        self.calls.append(call)
        self.counts[method] += 1
        try:
            retry_after = self.too_many_once.pop(method, None)
            if retry_after is not None:
                return _error(
                    429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
                )
            chat_id = params.get("chat_id")
            if chat_id is not None and int(chat_id) in self.slow_chats:
                self._notify()
                await asyncio.sleep(self.slow_chats[int(chat_id)])
            if chat_id is not None and int(chat_id) in self.cut_chats and request.transport:
                request.transport.close()  # the call arrived; its answer never leaves
                return web.Response()
            if chat_id is not None and int(chat_id) in self.forbidden_chats:
                return _error(403, "Forbidden: bot was blocked by the user")
            return _ok(self._answer(method, params, files))
        finally:
            self._notify()

    def _answer(self, method: str, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        if method == "getMe":
            return self.me
        if method in ("sendMessage", "sendPhoto", "sendDocument"):
            return self._bot_message(params, method)
        if method in ("editMessageText", "editMessageReplyMarkup"):
            return self._bot_message(params, method, message_id=int(params["message_id"]))
        if method == "getFile":
            path, data = self.files[params["file_id"]]
            return {
                "file_id": params["file_id"],
                "file_unique_id": f"u{params['file_id']}",
                "file_size": len(data),
                "file_path": path,
            }
        if method == "setWebhook":
            self.webhook = params
            return True
        if method == "deleteWebhook":
            self.webhook = None
            return True
        if method in (
            "answerCallbackQuery",
            "setMyCommands",
            "deleteMyCommands",
            "setChatMenuButton",
        ):
            return True
        raise web.HTTPNotFound(text=f"fake Bot API: no {method}")

    def _bot_message(
        self, params: dict[str, Any], method: str, message_id: int | None = None
    ) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": message_id or next(self._message_ids),
            "date": T0,
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": self.me,
        }
        if "text" in params:
            message["text"] = params["text"]
        if "caption" in params:
            message["caption"] = params["caption"]
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        if method == "sendPhoto":
            message["photo"] = [{"file_id": "p1", "file_unique_id": "up1", "width": 1, "height": 1}]
        if method == "sendDocument":
            message["document"] = {"file_id": "d1", "file_unique_id": "ud1"}
        return message

    async def _broken(
        self, request: web.Request, method: str, params: dict[str, Any], files: dict[str, bytes]
    ) -> web.Response:
        """Answer one call with the next fault queued for `method` (see `break_next`)."""
        fault = self.broken[method].pop(0)
        self.broke[method] += 1
        self.calls.append(Call(method, params, files, names={"fault": fault}))
        self.counts[method] += 1
        self._notify()
        if fault == "malformed":
            if method == "getUpdates":
                answer: Any = sorted(self.pending(), key=lambda u: u["update_id"])
            elif method == "download":
                answer = {"path": params.get("path")}
            else:
                answer = self._answer(method, params, files)
            body = json.dumps({"ok": True, "result": answer}).encode()
            return web.Response(body=body[:-3], content_type="application/json")
        if fault == "error":
            return web.Response(status=500, text="<html>500 Internal Server Error</html>")
        transport = request.transport
        if transport is not None:
            if fault == "garbled":
                transport.write(b"HTTP/1.1 2OO OK\r\nContent-Type: application/json\r\n\r\n{")
            transport.close()
        return web.Response()  # goes nowhere: the connection is closed

    async def _get_updates(self, params: dict[str, Any], token: str = "") -> web.Response:
        self.calls.append(Call("getUpdates", params))
        offset = int(params.get("offset") or 0)
        if offset > self.confirmed:
            self.confirmed = offset
            self._unconfirmed = self.pending()
            self._notify()
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        while True:
            ready = self.pending()
            if token and token != self.token:  # revoked during the long poll
                return _error(401, "Unauthorized")
            if ready or self._closing or time.monotonic() >= deadline:
                ready.sort(key=lambda u: u["update_id"])
                return _ok(ready[:limit])
            async with self._changed:
                try:
                    await asyncio.wait_for(
                        self._changed.wait(), max(0.01, deadline - time.monotonic())
                    )
                except TimeoutError:
                    pass

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        if self.broken.get("download"):
            return await self._broken(request, "download", {"path": request.match_info["path"]}, {})
        self.calls.append(Call("download", {"path": request.match_info["path"]}))
        for path, data in self.files.values():
            if path == request.match_info["path"]:
                return web.Response(body=data)
        return web.Response(status=404)


FAULTS = ("malformed", "garbled", "error", "disconnect")


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(code: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=code)
