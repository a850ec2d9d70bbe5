"""Shared fixtures: every storage test runs on SQLite and, with TEST_DATABASE_URL, PostgreSQL."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel import SQLModel

from bot.bootstrap import Coach, build
from core.conversation.results import HandleResult
from core.conversation.service import ConversationService
from core.messages import IncomingMessage, Reply
from storage.database import create_engine, resolve_url, upgrade
from storage.unit_of_work import unit_of_work_factory
from tests.telegram_fake import FakeBotAPI

BACKENDS = ["sqlite", "postgresql"]


def _in_thread(coro_factory):  # type: ignore[no-untyped-def]
    """Run a coroutine to completion on its own loop (fixtures may be inside a loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coro_factory())).result()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test run; fails if unreachable."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL leg not run")
    admin_url = resolve_url(base)
    name = f"coach_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    async def admin(statement: str) -> None:
        engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as conn:
                await conn.execute(text(statement))
        finally:
            await engine.dispose()

    async def migrate() -> None:
        engine = create_engine(url)
        await upgrade(engine)
        await engine.dispose()

    _in_thread(lambda: admin(f'CREATE DATABASE "{name}"'))
    _in_thread(migrate)
    yield url
    _in_thread(lambda: admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _truncate(engine: AsyncEngine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per run: each test gets a copy, not its own migration."""
    path = tmp_path_factory.mktemp("template") / "coach.db"

    async def migrate() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade(engine)
        await engine.dispose()

    _in_thread(migrate)
    return path


@pytest.fixture(params=BACKENDS)
async def db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A migrated, empty database URL on each backend."""
    if request.param == "sqlite":
        target = tmp_path / "coach.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        return f"sqlite+aiosqlite:///{target}"
    else:
        url = request.getfixturevalue("pg_url")
        engine = create_engine(url)
        await _truncate(engine)
    await engine.dispose()
    return url


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def service(engine: AsyncEngine) -> ConversationService:
    return ConversationService(unit_of_work_factory(engine))


class ChatUser:
    """Talks to the service as one person: `await user.say("squat 3x8 100kg")`."""

    def __init__(self, service: ConversationService, user_id: str = "ann", tz: str = "UTC"):
        self.service = service
        self.user_id = user_id
        self.zone = ZoneInfo(tz)
        self.last: HandleResult | None = None
        self._count = 0

    def message(
        self, text: str, at: str = "2026-11-23T18:00", message_id: str | None = None, **kw: object
    ) -> IncomingMessage:
        self._count += 1
        sent = datetime.fromisoformat(at)
        if sent.tzinfo is None:
            sent = sent.replace(tzinfo=self.zone)
        return IncomingMessage(
            platform="test",
            user_id=self.user_id,
            message_id=message_id or f"{self.user_id}-{self._count}-{uuid.uuid4().hex[:8]}",
            text=text,
            sent_at=sent,
            **kw,  # type: ignore[arg-type]
        )

    async def send(self, message: IncomingMessage) -> HandleResult:
        self.last = await self.service.handle(message)
        return self.last

    async def say(self, text: str, at: str = "2026-11-23T18:00", **kw: object) -> str:
        """Send `text` and return all reply texts joined by blank lines."""
        result = await self.send(self.message(text, at, **kw))
        return "\n\n".join(r.text for r in result.replies)

    @property
    def replies(self) -> tuple[Reply, ...]:
        return self.last.replies if self.last else ()


@pytest.fixture
def ann(service: ConversationService) -> ChatUser:
    return ChatUser(service, "ann")


@pytest.fixture
def bob(service: ConversationService) -> ChatUser:
    return ChatUser(service, "bob")


@pytest.fixture
def settings_from_nothing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No setting leaks in from the environment; `coach run`'s logging set-up is undone."""
    from bot.settings import Settings

    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name in ("httpx", "httpcore", "telegram", "apscheduler"):
        logging.getLogger(name).setLevel(logging.NOTSET if name == "telegram" else logging.WARNING)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """The stand-in Telegram Bot API, on 127.0.0.1."""
    async with FakeBotAPI() as fake:
        yield fake


@pytest.fixture
async def coach(db_url: str) -> AsyncIterator[Coach]:
    """The composed coach (engine, unit of work, service) on the test database."""
    coach = await build(db_url)
    yield coach
    await coach.close()


def pytest_configure(config: pytest.Config) -> None:
    """The `coach` processes tests start reuse compiled bytecode, as an installed package
    does: with PYTHONDONTWRITEBYTECODE set, each one would compile the project anew."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.setdefault(
        "PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "coach-tests-pycache")
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The long end-to-end tests (marked slow) go first: with `-n 2` they then run beside
    the short ones instead of leaving one core busy at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_report_header(config: pytest.Config) -> str:
    if os.environ.get("TEST_DATABASE_URL"):
        return f"PostgreSQL leg: on ({make_url(os.environ['TEST_DATABASE_URL']).database})"
    return "PostgreSQL leg: OFF (set TEST_DATABASE_URL=postgresql://user@host/db to run it)"


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    """Say plainly, at the end, when the PostgreSQL half of the suite did not run."""
    if os.environ.get("TEST_DATABASE_URL"):
        return
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "postgresql" in r.nodeid]
    if not skipped:
        return
    terminalreporter.write_line(
        f"PostgreSQL leg skipped ({len(skipped)} tests): set "
        "TEST_DATABASE_URL=postgresql://user@host/db to run it, as .ci/run does.",
        yellow=True,
        bold=True,
    )
