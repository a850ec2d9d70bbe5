"""The aiohttp networking under python-telegram-bot: real PTB calls over real HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest
from aiohttp import web
from telegram import Bot, InputFile
from telegram.error import NetworkError, TimedOut

from bot.telegram.request import AiohttpRequest, env_proxy
from tests.telegram_fake import TOKEN, FakeBotAPI

Handler = Callable[[web.Request], Awaitable[web.Response]]


def bot_on(base_url: str, request: AiohttpRequest) -> Bot:
    return Bot(
        TOKEN,
        base_url=base_url,
        base_file_url=base_url.replace("/bot", "/file/bot"),
        request=request,
        get_updates_request=AiohttpRequest(1),
    )


@asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    """Serve `app` on 127.0.0.1; yield its http://host:port."""
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def server(send_message: Handler) -> AsyncIterator[str]:
    """A Bot API of one method (and getMe); yields its base URL."""

    async def get_me(request: web.Request) -> web.Response:
        me = {"id": 1, "is_bot": True, "first_name": "Coach", "username": "coach_test_bot"}
        return web.json_response({"ok": True, "result": me})

    app = web.Application()
    app.router.add_post(f"/bot{TOKEN}/getMe", get_me)
    app.router.add_post(f"/bot{TOKEN}/sendMessage", send_message)
    async with serving(app) as address:
        yield f"{address}/bot"


async def test_sends_text_uploads_files_and_downloads_them(api: FakeBotAPI) -> None:
    api.add_file("doc-1", b"date,exercise\n2026-11-20,squat\n", "documents/file_1.csv")
    async with bot_on(api.base_url, AiohttpRequest()) as bot:
        sent = await bot.send_message(42, "Squat 3×8 @ 102.5 kg & more", reply_markup=None)
        await bot.send_document(
            42, InputFile(b"a,b\n1,2\n", filename="export.csv"), caption="Yours"
        )
        file = await bot.get_file("doc-1")
        data = await file.download_as_bytearray()
    assert sent.text == "Squat 3×8 @ 102.5 kg & more"
    assert api.sent("sendMessage")[0].params["text"] == "Squat 3×8 @ 102.5 kg & more"
    upload = api.sent("sendDocument")[0]
    assert upload.params["caption"] == "Yours"
    assert list(upload.files.values()) == [b"a,b\n1,2\n"]
    assert bytes(data) == b"date,exercise\n2026-11-20,squat\n"


async def test_a_burst_waits_for_a_connection_instead_of_failing() -> None:
    """200 replies at once over 2 connections to a slow server: all go, never over 2 at once."""
    busy = 0
    most = 0

    async def send_message(request: web.Request) -> web.Response:
        nonlocal busy, most
        busy += 1
        most = max(most, busy)
        await asyncio.sleep(0.01)
        busy -= 1
        form = await request.post()
        chat = int(str(form["chat_id"]))
        message = {"message_id": 1, "date": 0, "chat": {"id": chat, "type": "private"}}
        return web.json_response({"ok": True, "result": {**message, "text": form["text"]}})

    async with server(send_message) as url, bot_on(url, AiohttpRequest(2)) as bot:
        sent = await asyncio.gather(*(bot.send_message(n, f"reply {n}") for n in range(200)))
    assert [m.text for m in sent] == [f"reply {n}" for n in range(200)]
    assert most == 2


async def test_a_server_that_does_not_answer_times_out() -> None:
    answer = asyncio.Event()  # the server answers only once the client gave up

    async def hang(request: web.Request) -> web.Response:
        await answer.wait()
        return web.json_response({"ok": True, "result": True})

    request = AiohttpRequest(read_timeout=0.2)
    async with server(hang) as url, bot_on(url, request) as bot:
        try:
            with pytest.raises(TimedOut):
                # A generous bound: without the read timeout this would never return.
                await asyncio.wait_for(bot.send_message(1, "hello"), 30)
        finally:
            answer.set()


async def test_an_unreachable_server_is_a_network_error_without_the_token() -> None:
    async with FakeBotAPI() as gone:
        dead = gone.base_url  # nothing listens there once the fake has closed
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await request.post(f"{dead}{TOKEN}/getMe")
    finally:
        await request.shutdown()
    assert not isinstance(caught.value, TimedOut)
    assert TOKEN not in str(caught.value)
    assert TOKEN.split(":")[1] not in str(caught.value)


async def test_requests_before_initialize_or_after_shutdown_are_refused(api: FakeBotAPI) -> None:
    request = AiohttpRequest()
    with pytest.raises(RuntimeError):
        await request.do_request(f"{api.base_url}{TOKEN}/getMe", "POST")
    await request.initialize()
    status, _ = await request.do_request(f"{api.base_url}{TOKEN}/getMe", "POST")
    assert status == 200
    await request.shutdown()
    with pytest.raises(RuntimeError):
        await request.do_request(f"{api.base_url}{TOKEN}/getMe", "POST")
    await request.initialize()  # PTB may initialize again after a shutdown
    status, _ = await request.do_request(f"{api.base_url}{TOKEN}/getMe", "POST")
    await request.shutdown()
    assert status == 200


async def test_a_bot_that_never_got_through_closes_its_connections() -> None:
    """PTB skips shutting down what it never initialized; the bot closes its clients itself."""
    from bot.telegram.app import TelegramBot
    from bot.telegram.config import TelegramConfig

    async with FakeBotAPI() as gone:
        dead = gone.base_url

    async def handle(message: object) -> object:
        raise AssertionError("nothing reaches the core")

    bot = TelegramBot(SimpleNamespace(handle=handle), TelegramConfig(TOKEN, dead))
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(0.3, stop.set)
    assert await bot.start(stop) is False
    assert not all(client.closed for client in bot.clients)  # getMe was tried
    await bot.stop()
    assert all(client.closed for client in bot.clients)


async def test_the_proxy_named_in_the_environment_is_used(
    api: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTP_PROXY is honoured (as PTB's default client does), e.g. behind a company proxy."""
    asked: list[str] = []
    logins: list[str | None] = []

    async def proxy(request: web.Request) -> web.Response:
        asked.append(str(request.url))
        logins.append(request.headers.get("Proxy-Authorization"))
        async with aiohttp.ClientSession() as session:  # forward to the real (fake) API
            body, kind = await request.read(), request.headers["Content-Type"]
            async with session.post(
                str(request.url), data=body, headers={"Content-Type": kind}
            ) as answer:
                return web.Response(body=await answer.read(), content_type="application/json")

    app = web.Application()
    app.router.add_route("*", "/{path:.*}", proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with serving(app) as address:
        monkeypatch.setenv("HTTP_PROXY", address.replace("http://", "http://bob:pw@"))
        async with bot_on(api.base_url, AiohttpRequest()) as bot:
            await bot.send_message(7, "through the proxy")
    assert any(url.endswith("/sendMessage") for url in asked)
    assert set(logins) == {"Basic Ym9iOnB3"}  # bob:pw, on every call
    assert api.texts(7) == ["through the proxy"]


async def test_no_netrc_credentials_and_no_redirects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Bot API gets no Authorization from ~/.netrc, and a redirect is not followed."""
    netrc = tmp_path / "netrc"
    netrc.write_text("default login alice password s3cret\n")
    monkeypatch.setenv("NETRC", str(netrc))
    seen: list[str | None] = []

    async def redirect(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Authorization"))
        raise web.HTTPFound("/elsewhere")

    async with server(redirect) as url, bot_on(url, AiohttpRequest()) as bot:
        with pytest.raises(NetworkError, match="302"):
            await bot.send_message(1, "hello")
    assert seen == [None]


async def test_a_file_name_goes_as_typed(api: FakeBotAPI) -> None:
    async with bot_on(api.base_url, AiohttpRequest()) as bot:
        await bot.send_document(3, InputFile(b"x", filename="übung 1.csv"))
    form = api.sent("sendDocument")[0]
    assert list(form.names.values()) == ["übung 1.csv"]


def test_the_proxy_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        for variant in (name, name.lower()):
            monkeypatch.delenv(variant, raising=False)
    assert env_proxy("https://api.telegram.org/botX/getMe") == (None, None)
    monkeypatch.setenv("HTTPS_PROXY", "http://bob:pw@proxy.example:3128")
    proxy, headers = env_proxy("https://api.telegram.org/botX/getMe")
    assert str(proxy) == "http://proxy.example:3128"
    assert headers == {"Proxy-Authorization": "Basic Ym9iOnB3"}  # bob:pw
    assert env_proxy("http://127.0.0.1:8081/botX/getMe") == (None, None)  # only HTTPS set
    monkeypatch.setenv("NO_PROXY", "api.telegram.org")
    assert env_proxy("https://api.telegram.org/botX/getMe") == (None, None)


async def test_https_goes_through_the_proxy_tunnel_with_its_credentials(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """To api.telegram.org, the proxy is asked to CONNECT, and given the proxy login."""
    heads: list[bytes] = []

    async def refuse(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        heads.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    proxy = await asyncio.start_server(refuse, "127.0.0.1", 0)
    port = proxy.sockets[0].getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://bob:pw@127.0.0.1:{port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.post(f"https://api.telegram.org/bot{TOKEN}/getMe")
    finally:
        await request.shutdown()
        proxy.close()
        await proxy.wait_closed()
    head = heads[0].decode()
    assert head.startswith("CONNECT api.telegram.org:443 ")
    assert "Proxy-Authorization: Basic Ym9iOnB3" in head
    assert TOKEN not in head  # the path (and its token) travels inside the tunnel only
