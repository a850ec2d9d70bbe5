"""`coach run`: the bots, the reminder dispatcher and /healthz + /metrics on one event loop.

One process holds one engine and one ConversationService, shared by every platform it
runs, and at most one reminder dispatcher, which sends through every notifier the
process has. Roles:

- `all`: every platform whose token is set, plus the dispatcher (console pings too).
- `telegram` / `discord`: that platform, plus the dispatcher for it unless DISPATCHER=off.
- `scheduler`: the dispatcher alone. Platforms with a token are connected for sending
  only (Telegram: getMe, no polling; Discord: HTTP login, no gateway).

A platform that can go on no more while running (Telegram's token revoked) stops alone,
with its dispatcher; the rest goes on and /healthz says 503. With nothing left to run and
no /healthz, the run ends with exit code 1.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass
from typing import Literal, Protocol

from sqlalchemy.exc import SQLAlchemyError

from bot import console
from bot.bootstrap import build
from bot.discord.app import ConfigError as DiscordConfigError
from bot.discord.app import DiscordBot, DiscordConfig
from bot.observability import METRICS, Health, configure_logging, start_http
from bot.scheduler import ConsoleNotifier, run_dispatcher
from bot.settings import Settings, url_secrets
from bot.telegram.app import TelegramBot
from bot.telegram.config import ConfigError as TelegramConfigError
from bot.telegram.config import TelegramConfig
from bot.telegram.logs import protect_token
from bot.webapp.wiring import training_page
from core.conversation.flood import FloodLimit
from core.conversation.group_commit import GroupCommit
from core.conversation.service import ConversationService
from core.reminders.dispatch_ports import DispatchStore
from core.reminders.notifier import Notifier
from storage.database import resolve_url, safe_url

logger = logging.getLogger(__name__)

FIRST = asyncio.FIRST_COMPLETED
# A line per scheduler tick, and per SQLite cursor call even at DEBUG: not worth reading.
QUIET_LOGGERS = {"apscheduler": logging.WARNING, "aiosqlite": logging.INFO}

Role = Literal["all", "telegram", "discord", "scheduler"]
ROLES: tuple[Role, ...] = ("all", "telegram", "discord", "scheduler")
PLATFORMS = ("telegram", "discord")
NO_TOKEN = (
    "no bot token: set TELEGRAM_TOKEN and/or DISCORD_TOKEN "
    "(in .env or the environment; see deploy/.env.example)"
)


class RunError(Exception):
    """The process can't run as configured: one line for the operator, exit code 2."""


class Platform(Protocol):
    """What the runner needs of a platform's bot (TelegramBot and DiscordBot have it)."""

    name: str

    @property
    def notifier(self) -> Notifier: ...

    def connected(self) -> bool: ...

    async def start(self, stop: asyncio.Event) -> bool: ...

    async def run(self, stop: asyncio.Event) -> None: ...

    async def stop(self) -> None: ...


@dataclass(frozen=True)
class Plan:
    """What one process runs, decided from the role and the settings before anything starts."""

    telegram: TelegramConfig | None
    discord: DiscordConfig | None
    receive: bool  # take messages in (False: the scheduler only sends)
    dispatcher: bool
    console: bool  # also print console users' pings to stdout


def plan_for(role: Role, settings: Settings) -> Plan:
    """Return what `coach run ROLE` runs; raise RunError naming a missing or bad setting."""
    env = settings.environ()
    has = {name: bool(env.get(f"{name.upper()}_TOKEN", "").strip()) for name in PLATFORMS}
    wanted = {
        name: role == name or (role in ("all", "scheduler") and has[name]) for name in PLATFORMS
    }
    try:
        telegram = TelegramConfig.from_env(env) if wanted["telegram"] else None
        discord_ = DiscordConfig.from_env(env) if wanted["discord"] else None
    except (TelegramConfigError, DiscordConfigError) as exc:
        raise RunError(str(exc)) from None
    if role == "all" and telegram is None and discord_ is None:
        raise RunError(NO_TOKEN)
    return Plan(
        telegram=telegram,
        discord=discord_,
        receive=role != "scheduler",
        dispatcher=role == "scheduler" or settings.dispatcher == "on",
        console=role in ("all", "scheduler"),
    )


def make_platforms(plan: Plan, service: ConversationService) -> list[Platform]:
    # Messages arriving together (a burst of updates) share transactions: group commit.
    handler = GroupCommit(service)
    platforms: list[Platform] = []
    if plan.telegram is not None:
        platforms.append(TelegramBot(handler, plan.telegram, receive=plan.receive))
    if plan.discord is not None:
        platforms.append(DiscordBot(handler, plan.discord, receive=plan.receive))
    return platforms


async def run(
    role: Role,
    settings: Settings,
    db_url: str | None = None,
    *,
    stop: asyncio.Event | None = None,
    on_signals: bool = True,
) -> int:
    """Run `role` until SIGINT/SIGTERM (or `stop`); return the exit code.

    `db_url` (from --db) wins over DATABASE_URL. Raises RunError for what the operator
    must fix: a missing or rejected token.
    """
    plan = plan_for(role, settings)
    secrets = [*settings.secrets(), *url_secrets(db_url)]  # --db's password too
    configure_logging(settings.log_format, settings.log_level, secrets)
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)
    if plan.telegram is not None:
        protect_token(plan.telegram.token)  # also guards the URL loggers if turned up
    database_url = settings.database_url.get_secret_value() if settings.database_url else None
    try:
        url = resolve_url(db_url or database_url or None)
    except ValueError as exc:
        raise RunError(f"DATABASE_URL: {exc}") from None
    try:
        coach = await build(
            url,
            observer=METRICS.observe,
            flood_limit=FloodLimit(settings.flood_messages, settings.flood_seconds),
        )
    except (OSError, SQLAlchemyError) as exc:
        raise RunError(f"DATABASE_URL: can't open {safe_url(url)} ({type(exc).__name__})") from None
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    if on_signals:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    platforms = make_platforms(plan, coach.service)
    for platform in platforms:  # a zero series from the start, so alerts have a baseline
        METRICS.platform_errors.labels(platform.name)
    http = health = None
    tasks: list[asyncio.Task[None]] = []
    # Set when a platform ends (its token revoked, say) or the process stops: its
    # dispatcher ends with it, and everything else goes on.
    ended = {name: asyncio.Event() for name in (*PLATFORMS, console.PLATFORM)}
    stopped = False
    try:
        if settings.http_port:
            health = Health(coach.engine, {p.name: p.connected for p in platforms})
            try:
                page = training_page(settings, coach.service, coach.engine)
                http = await start_http(
                    health, settings.http_host, settings.http_port, METRICS, page
                )
            except OSError as exc:
                where = f"{settings.http_host}:{settings.http_port}"
                raise RunError(f"HTTP_PORT: can't listen on {where} ({exc.strerror})") from None
        started = {p.name: asyncio.Event() for p in platforms}
        tasks = [
            asyncio.create_task(_run_platform(p, stop, started[p.name], ended[p.name]))
            for p in platforms
        ]
        if plan.dispatcher:
            # One dispatcher per platform, each starting once its platform can send: a
            # platform that is slow to connect holds back no one else's reminders.
            for name, notifier in _notifiers(platforms, plan.console).items():
                ready = started.get(name)
                dispatching = _dispatch(coach.dispatch_store, name, notifier, ready, ended[name])
                tasks.append(asyncio.create_task(dispatching))
        # With /healthz up the process stays, saying 503, until it is stopped.
        await _until_stopped_or_failed(tasks, stop, keep_running=http is not None)
        stopped = stop.is_set()
    finally:
        stop.set()
        for event in ended.values():
            event.set()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for platform in platforms:
            await platform.stop()
        if http is not None:
            await http.cleanup()
        if health is not None:
            await health.close()
        await coach.close()
        if on_signals:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
    for result in results:
        if isinstance(result, TelegramConfigError | DiscordConfigError):
            raise RunError(str(result)) from None
        if isinstance(result, BaseException) and not isinstance(result, asyncio.CancelledError):
            raise result
    return 0 if stopped else 1  # 1: every platform ended on its own (a revoked token)


def _failed(task: asyncio.Task[object]) -> bool:
    return not task.cancelled() and task.exception() is not None


def _notifiers(platforms: list[Platform], with_console: bool) -> dict[str, Notifier]:
    notifiers: dict[str, Notifier] = {p.name: p.notifier for p in platforms}
    if with_console:
        notifiers[console.PLATFORM] = ConsoleNotifier()
    return notifiers


async def _run_platform(
    platform: Platform, stop: asyncio.Event, started: asyncio.Event, ended: asyncio.Event
) -> None:
    try:
        if await platform.start(stop):
            started.set()
            await platform.run(stop)  # returns early if the platform can go on no more
    finally:
        ended.set()


async def _dispatch(
    store: DispatchStore,
    name: str,
    notifier: Notifier,
    ready: asyncio.Event | None,
    stop: asyncio.Event,
) -> None:
    """Dispatch one platform's reminders once it can send (a ping never meets a cold bot)."""
    if ready is not None:
        waiting = asyncio.create_task(ready.wait())
        stopping = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({waiting, stopping}, return_when=FIRST)
        finally:
            stopping.cancel()
            waiting.cancel()
    if not stop.is_set():
        await run_dispatcher(store, {name: notifier}, stop)


async def _until_stopped_or_failed(
    tasks: list[asyncio.Task[None]], stop: asyncio.Event, *, keep_running: bool = False
) -> None:
    """Return when `stop` is set, a task ends with an error (it stops everything), or, unless
    `keep_running`, every task has ended."""
    stopping = asyncio.create_task(stop.wait())
    pending: set[asyncio.Task[object]] = {stopping, *tasks}
    try:
        while not stop.is_set():
            done, pending = await asyncio.wait(pending, return_when=FIRST)
            if any(t is not stopping and _failed(t) for t in done):
                return
            if pending == {stopping} and not keep_running:
                return  # nothing left to run
    finally:
        stopping.cancel()


__all__ = ["NO_TOKEN", "ROLES", "Plan", "RunError", "plan_for", "run"]
