"""A TCP proxy between the bot and its database that can refuse or hang connections.

`passing`: bytes flow both ways. `refusing`: the port is closed (connection refused) and
open connections are reset. `hanging`: connections are accepted and bytes are swallowed,
both ways, as a dead network or a stuck server would; nothing is answered, and a
connection that lost bytes is cut once the proxy passes again.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Literal

Mode = Literal["passing", "refusing", "hanging"]


class DatabaseProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.mode: Mode = "passing"
        self.port = 0
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self.connections = 0
        self._passing = asyncio.Event()
        self._passing.set()

    async def __aenter__(self) -> DatabaseProxy:
        await self._listen()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._close_listener()
        self._reset_all()
        for task in list(self._links):
            task.cancel()
        await asyncio.gather(*self._links, return_exceptions=True)

    async def refuse(self) -> None:
        self.mode = "refusing"
        self._passing.set()  # held connections are cut now
        await self._close_listener()
        self._reset_all()

    async def hang(self) -> None:
        self.mode = "hanging"
        self._passing.clear()
        if self._server is None:
            await self._listen()

    async def restore(self) -> None:
        self.mode = "passing"
        self._passing.set()
        if self._server is None:
            await self._listen()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _close_listener(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    def _reset_all(self) -> None:
        for writer in list(self._writers):
            with contextlib.suppress(Exception):
                writer.transport.abort()
        self._writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.add(writer)
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers.add(upstream_writer)
        for source, sink in ((reader, upstream_writer), (upstream_reader, writer)):
            task = asyncio.create_task(self._pipe(source, sink))
            self._links.add(task)
            task.add_done_callback(self._links.discard)

    async def _pipe(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(65536):
                if self.mode != "passing":
                    # Swallowed: the stream is broken for good, as after a real hang the
                    # client has given up on it. Held until the proxy passes, then cut.
                    await self._passing.wait()
                    break
                sink.write(data)
                await sink.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            with contextlib.suppress(Exception):
                sink.transport.abort()
