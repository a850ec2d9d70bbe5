"""/healthz answers within a second even when the database hangs, and then says 503.

Two hangs, through the real HTTP server: a server that accepts connections and never
answers (no connection can be opened), and a PostgreSQL connection that stops answering
mid-way (a proxy between the pool and the server that freezes). A probe still hanging is
waited on again by the next request, never piled up.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from bot.observability import Health, Metrics, start_http
from storage.database import create_engine

WITHIN = 1.0  # seconds: what a health check (Docker's, a load balancer's) may wait for


async def healthz(port: int) -> tuple[int, dict[str, str], float]:
    """GET /healthz; return its status, its report and how long it took (s)."""
    started = time.monotonic()
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http,
        http.get(f"http://127.0.0.1:{port}/healthz") as response,
    ):
        body = await response.text()
    return response.status, json.loads(body), time.monotonic() - started


class Silent:
    """A TCP server that accepts connections and never says a word."""

    def __init__(self) -> None:
        self.server: asyncio.Server | None = None
        self.accepted = 0

    async def _hold(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        await reader.read()  # until the client gives up
        writer.close()

    async def __aenter__(self) -> int:
        self.server = await asyncio.start_server(self._hold, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()


class FreezingProxy:
    """Forwards TCP to a server until `freeze()`: then every byte is held, both ways."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.frozen = asyncio.Event()
        self.server: asyncio.Server | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    def freeze(self) -> None:
        self.frozen.set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                if self.frozen.is_set():
                    await asyncio.Event().wait()  # held for good
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.frozen.is_set():
            await asyncio.Event().wait()
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        for task in (
            asyncio.create_task(self._pipe(reader, upstream_writer)),
            asyncio.create_task(self._pipe(upstream_reader, writer)),
        ):
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def __aenter__(self) -> int:
        self.server = await asyncio.start_server(self._connect, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


@pytest.fixture
async def served() -> AsyncIterator[list[Health]]:
    """Health checks to serve; each one's server and engine are closed after the test."""
    healths: list[Health] = []
    yield healths
    for health in healths:
        await health.close()
        await health.engine.dispose()


async def serve(health: Health) -> tuple[int, aiohttp.web.AppRunner]:
    runner = await start_http(health, "127.0.0.1", 0, Metrics())
    return runner.addresses[0][1], runner


async def test_healthz_answers_503_within_a_second_when_the_database_never_answers(
    served: list[Health],
) -> None:
    async with Silent() as port:
        health = Health(create_engine(f"postgresql://coach@127.0.0.1:{port}/coach"))
        served.append(health)
        http_port, runner = await serve(health)
        try:
            for _ in range(3):  # again and again: each answers in time
                status, report, took = await healthz(http_port)
                assert status == 503
                assert report["database"].startswith("unreachable")
                assert took < WITHIN
        finally:
            await runner.cleanup()


async def test_healthz_answers_503_within_a_second_when_a_connection_hangs(
    pg_url: str, served: list[Health]
) -> None:
    target = make_url(pg_url)
    proxy = FreezingProxy(target.host or "127.0.0.1", target.port or 5432)
    async with proxy as port:
        url = target.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
        health = Health(create_engine(url))
        served.append(health)
        http_port, runner = await serve(health)
        try:
            status, report, _ = await healthz(http_port)
            assert (status, report) == (200, {"database": "ok"})  # its connection is pooled
            proxy.freeze()  # the server, or the network to it, stops answering
            for _ in range(3):
                status, report, took = await healthz(http_port)
                assert status == 503
                assert report["database"].startswith("unreachable")
                assert took < WITHIN
        finally:
            await runner.cleanup()
