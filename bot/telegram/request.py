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
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

CONNECTIONS = 4  # Telegram's 30 messages/s, at ~100 ms a call, needs about 3
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
MEDIA_WRITE_TIMEOUT = 20.0  # a photo or document upload
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _value(given: Any, default: float | None) -> float | None:
    return default if isinstance(given, DefaultValue) else given


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

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout (PTB adds getUpdates' long-poll time to it)."""
        return self._read_timeout

    @property
    def closed(self) -> bool:
        """True before `initialize` and after `shutdown`: no connection is open."""
        return self._session is None or self._session.closed

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._in_flight = asyncio.Semaphore(self.connections)  # on this event loop
            connector = aiohttp.TCPConnector(limit=self.connections)
            headers = {"User-Agent": self.USER_AGENT}
            # trust_env: HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured, as httpx does.
            self._session = aiohttp.ClientSession(
                connector=connector, headers=headers, trust_env=True
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

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
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        body, headers, uploads = _body(request_data)
        read = _value(read_timeout, self._read_timeout)
        write = _value(write_timeout, self._media_write_timeout if uploads else self._write_timeout)
        # aiohttp has no write timeout: an upload is bounded as a whole (write + read).
        total = None if not uploads or write is None or read is None else write + read
        timeout = aiohttp.ClientTimeout(
            total=total,
            sock_connect=_value(connect_timeout, self._connect_timeout),
            sock_read=read,
        )
        # pool_timeout has no meaning here: a request waits on the semaphore, untimed.
        async with self._in_flight:
            try:
                async with session.request(
                    method, url, data=body, headers=headers, timeout=timeout
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
    form = aiohttp.FormData(request_data.json_parameters)
    for name, (filename, content, *mime) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime[0] if mime else None)
    return form, None, True
