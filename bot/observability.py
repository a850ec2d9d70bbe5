"""Logs (text or JSON, secrets redacted), Prometheus metrics, and /healthz + /metrics."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.redaction import RedactingFilter, Redactor, formatter
from bot.telegram.logs import URL_LOGGERS  # they log request URLs, which carry the token
from bot.webapp.server import TrainingPage, add_routes
from core.conversation.service import HandleResult
from core.messages import IncomingMessage
from core.reminders.dispatch import RoundStats

logger = logging.getLogger(__name__)

# Seconds the database probe of /healthz gets: with the rest, an answer within one second.
PROBE_TIMEOUT = 0.8


class RedactSecrets(RedactingFilter):
    """Replace the configured secrets (and tokens, URL passwords, private fields) in a
    record's message and traceback: `bot.redaction`, given the secrets."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__(Redactor(secrets))


def configure_logging(
    fmt: str = "text",
    level: str = "INFO",
    secrets: Iterable[str] = (),
    stream: TextIO | None = None,
) -> logging.Handler:
    """Send logs to stderr (or `stream`) as text or JSON lines, redacted alike at every
    level (`bot.redaction`); return the handler."""
    redactor = Redactor(secrets)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter(fmt, redactor))
    handler.addFilter(RedactingFilter(redactor))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in URL_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler


@dataclass
class Metrics:
    """The coach's Prometheus metrics, in a registry of their own."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.messages = Counter(
            "coach_messages_handled", "Messages handled", ["platform", "outcome"], registry=r
        )
        self.parse_failures = Counter(
            "coach_parse_failures",
            "Workout fragments that could not be read",
            ["platform"],
            registry=r,
        )
        self.reminders_sent = Counter("coach_reminders_sent", "Reminder pings sent", registry=r)
        self.reminders_dropped = Counter(
            "coach_reminders_dropped", "Reminder pings dropped (late or refused)", registry=r
        )
        self.reminders_unknown = Counter(
            "coach_reminders_unknown",
            "Reminder pings sent with no answer back (may have arrived; never re-sent)",
            registry=r,
        )
        self.platform_errors = Counter(
            "coach_platform_errors", "Errors from a platform's API", ["platform"], registry=r
        )
        self.latency = Histogram(
            "coach_handling_seconds",
            "Time to handle one message",
            ["platform"],
            registry=r,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
        )

    def observe(self, message: IncomingMessage, result: HandleResult, seconds: float) -> None:
        """Count and log one handled message (never its text at info level)."""
        self.messages.labels(message.platform, result.status).inc()
        self.latency.labels(message.platform).observe(seconds)
        if result.parse_problems:
            self.parse_failures.labels(message.platform).inc(result.parse_problems)
        logger.info(
            "handled platform=%s outcome=%s latency_ms=%.1f replies=%d",
            message.platform,
            result.status,
            seconds * 1000,
            len(result.replies),
        )
        logger.debug(
            "text of %s message %s: %r", message.platform, message.message_id, message.text[:200]
        )

    def reminder_round(self, stats: RoundStats) -> None:
        """Count one dispatcher round: sent, and dropped (late, refused or undeliverable)."""
        self.reminders_sent.inc(stats.sent)
        self.reminders_unknown.inc(stats.unknown)
        # Every claimed row ends sent, retried later, handed back, unknown, or dropped.
        dropped = stats.claimed - stats.sent - stats.retried - stats.released - stats.unknown
        if dropped > 0:
            self.reminders_dropped.inc(dropped)

    def platform_error(self, platform: str) -> None:
        """Count an error a platform's API answered (or a call to it that failed)."""
        self.platform_errors.labels(platform).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


METRICS = Metrics()  # the process's metrics; tests make their own


@dataclass
class Health:
    """What /healthz checks: the database, and each adapter's connection.

    The database probe is given `timeout` seconds, so /healthz answers within a second
    even when the database hangs (503 then); a probe still hanging is waited on again by
    the next check, never started twice.
    """

    engine: AsyncEngine
    adapters: dict[str, Callable[[], bool]] = field(default_factory=dict)
    timeout: float = PROBE_TIMEOUT
    _probe: asyncio.Task[None] | None = field(default=None, init=False, repr=False)

    async def check(self) -> tuple[bool, dict[str, str]]:
        report = {"database": await self._database()}
        for name, connected in self.adapters.items():
            report[name] = "connected" if connected() else "disconnected"
        healthy = all(v in ("ok", "connected") for v in report.values())
        return healthy, report

    async def _database(self) -> str:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.create_task(self._select_one())
            # Its outcome is read here or, if it ends after we stopped waiting, dropped.
            self._probe.add_done_callback(_outcome_read)
        done, _ = await asyncio.wait({self._probe}, timeout=self.timeout)
        if not done:
            return f"unreachable (no answer within {self.timeout:g} s)"
        failure = self._probe.exception()
        # Any failure means unhealthy, reported by its type (its message may hold a URL).
        return "ok" if failure is None else f"unreachable ({type(failure).__name__})"

    async def _select_one(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def close(self) -> None:
        """Stop a probe still hanging (before the engine is disposed), waiting a moment."""
        if self._probe is not None and not self._probe.done():
            self._probe.cancel()
            await asyncio.wait({self._probe}, timeout=self.timeout)


def _outcome_read(task: asyncio.Task[None]) -> None:
    if not task.cancelled():
        task.exception()  # read, so asyncio doesn't log it as never retrieved


def http_app(
    health: Health, metrics: Metrics = METRICS, page: TrainingPage | None = None
) -> web.Application:
    """Return the aiohttp app serving /healthz (200 or 503, JSON) and /metrics, and with
    `page` the training page under /app."""

    async def healthz(_request: web.Request) -> web.Response:
        healthy, report = await health.check()
        return web.json_response(report, status=200 if healthy else 503)

    async def metrics_page(_request: web.Request) -> web.Response:
        return web.Response(
            body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
    if page is not None:
        add_routes(app, page)
    return app


async def start_http(  # type: ignore[no-untyped-def]
    health: Health,
    host: str,
    port: int,
    metrics: Metrics = METRICS,
    page: TrainingPage | None = None,
):
    """Start the health and metrics server (and the training page); return its runner
    (call `cleanup()` to stop)."""
    runner = web.AppRunner(http_app(health, metrics, page), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    logger.info("health and metrics on http://%s:%d/healthz and /metrics", host, port)
    return runner
