"""Bot API calls over aiohttp: python-telegram-bot's networking interface, implemented.

PTB sends through httpx by default. Here its `BaseRequest` (the interface PTB offers
for other HTTP libraries) runs on aiohttp, already a dependency for the webhook: its
C-accelerated client costs the bot about half the CPU per Bot API call that httpx does
(an echo bot on our loop: 273 updates/s over httpx, 686 over aiohttp, same machine and run
conditions; bench/telegram_e2e.py). PTB still does everything above the wire:
encoding parameters, decoding answers, the rate limiter, mapping errors (401, 403,
429...) to its exceptions.

Requests wait their turn on a semaphore, at most `connections` in flight: waiting
there has no timeout, so a burst of replies queued behind the rate limiter never fails
for want of a free connection (a pool timeout).

Where it differs from PTB's httpx client: the write timeout bounds a file upload as a
whole (with the read timeout), not each write; redirects are not followed (as with httpx);
a proxy comes from HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, read once per host
(aiohttp's own `trust_env` would also send ~/.netrc credentials to the Bot API and re-read
the environment in a thread on every call).
"""

from __future__ import annotations

import asyncio
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

CONNECTIONS = 4  # Telegram's 30 messages/s, at ~100 ms a call, needs about 3
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
MEDIA_WRITE_TIMEOUT = 20.0  # a photo or document upload
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


Proxy = tuple[URL | None, dict[str, str] | None]  # the proxy, and headers for it


def _value(given: Any, default: float | None) -> float | None:
    """Return `given`, or `default` where PTB passed "not set" (BaseRequest.DEFAULT_NONE)."""
    return default if given is BaseRequest.DEFAULT_NONE else given


def env_proxy(url: str) -> Proxy:
    """Return the proxy the environment names for `url` (and its credentials), if any."""
    parts = urlsplit(url)
    if not parts.hostname or urllib.request.proxy_bypass(parts.hostname):
        return None, None
    proxies = urllib.request.getproxies()
    named = proxies.get(parts.scheme) or proxies.get("all")
    if not named:
        return None, None
    proxy = URL(named if "://" in named else f"http://{named}")
    if proxy.user is None:
        return proxy, None
    login = aiohttp.encode_basic_auth(proxy.user, proxy.password or "")
    return proxy.with_user(None), {"Proxy-Authorization": login}


class AiohttpRequest(BaseRequest):
    """PTB's networking over one aiohttp session with `connections` keep-alive connections."""

    def __init__(
        self,
        connections: int = CONNECTIONS,
        *,
        connect_timeout: float | None = CONNECT_TIMEOUT,
        read_timeout: float | None = READ_TIMEOUT,
        write_timeout: float | None = WRITE_TIMEOUT,
        media_write_timeout: float | None = MEDIA_WRITE_TIMEOUT,
    ) -> None:
        self.connections = connections
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._in_flight = asyncio.Semaphore(connections)
        self._proxies: dict[tuple[str, str], Proxy] = {}  # by (scheme, host:port)

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout (PTB adds getUpdates' long-poll time to it)."""
        return self._read_timeout

    @property
    def closed(self) -> bool:
        """True before `initialize` and after `shutdown`: no connection is open."""
        return self._session is None or self._session.closed

    async def initialize(self) -> None:
        if self.closed:
            self._in_flight = asyncio.Semaphore(self.connections)  # on this event loop
            connector = aiohttp.TCPConnector(limit=self.connections)
            headers = {"User-Agent": self.USER_AGENT}
            self._session = aiohttp.ClientSession(connector=connector, headers=headers)
            self._proxies.clear()

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()  # closing twice does nothing

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request; return (HTTP status, body). PTB reads the status and body."""
        if self.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        body, headers, uploads = _body(request_data)
        read = _value(read_timeout, self._read_timeout)
        write = _value(write_timeout, self._media_write_timeout if uploads else self._write_timeout)
        # aiohttp has no write timeout: an upload is bounded as a whole (write + read).
        total = None if not uploads or write is None or read is None else write + read
        connect = _value(connect_timeout, self._connect_timeout)
        # `connect` also covers the DNS lookup; no request waits for a pooled connection.
        timeout = aiohttp.ClientTimeout(
            total=total, connect=connect, sock_connect=connect, sock_read=read
        )
        parts = urlsplit(url)
        origin = (parts.scheme, parts.netloc)
        if origin not in self._proxies:
            self._proxies[origin] = env_proxy(url)
        proxy, proxy_headers = self._proxies[origin]
        if proxy_headers and parts.scheme == "http":
            # A plain-HTTP call goes to the proxy as is: its credentials ride along.
            # (aiohttp sends proxy_headers only on the CONNECT that tunnels HTTPS.)
            headers, proxy_headers = {**(headers or {}), **proxy_headers}, None
        # pool_timeout has no meaning here: a request waits on the semaphore, untimed.
        async with self._in_flight:
            session = self._session
            if session is None or session.closed:  # shut down while this call waited
                raise NetworkError("the HTTP client was shut down before the call went out")
            try:
                async with session.request(
                    method,
                    url,
                    data=body,
                    headers=headers,
                    timeout=timeout,
                    allow_redirects=False,
                    proxy=proxy,
                    proxy_headers=proxy_headers,
                ) as response:
                    return response.status, await response.read()
            except TimeoutError as exc:
                raise TimedOut() from exc
            except aiohttp.ClientError as exc:
                # aiohttp's messages may quote the URL, and the URL holds the token.
                detail = str(exc).replace(url, "<Bot API URL>")
                raise NetworkError(f"aiohttp {type(exc).__name__}: {detail}") from exc


def _body(
    request_data: RequestData | None,
) -> tuple[bytes | aiohttp.FormData | None, dict[str, str] | None, bool]:
    """Return the body to send, its headers, and whether it uploads files."""
    if request_data is None:
        return None, None, False
    if not request_data.contains_files:
        return request_data.url_encoded_parameters().encode(), FORM, False
    form = aiohttp.FormData(request_data.json_parameters, quote_fields=False)
    for name, (filename, content, *mime) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime[0] if mime else None)
    return form, None, True
