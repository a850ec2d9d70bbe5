"""Operators' view: one log line per message, secrets never logged, /healthz and /metrics."""

from __future__ import annotations

import io
import json
import logging

import aiohttp
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.observability import Health, Metrics, RedactSecrets, configure_logging, start_http
from core.conversation.service import ConversationService
from storage.database import create_engine
from storage.unit_of_work import unit_of_work_factory
from tests.conftest import ChatUser


@pytest.fixture
def metrics() -> Metrics:
    return Metrics()


@pytest.fixture
def observed(engine: AsyncEngine, metrics: Metrics) -> ChatUser:
    return ChatUser(ConversationService(unit_of_work_factory(engine), observer=metrics.observe))


async def scrape(health: Health, metrics: Metrics, path: str) -> tuple[int, str]:
    runner = await start_http(health, "127.0.0.1", 0, metrics)
    try:
        port = runner.addresses[0][1]
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{port}{path}") as response,
        ):
            return response.status, await response.text()
    finally:
        await runner.cleanup()


async def test_metrics_count_messages_outcomes_parse_failures_and_latency(
    observed: ChatUser, metrics: Metrics, engine: AsyncEngine
) -> None:
    await observed.say("squat 3x8 100kg")
    await observed.say("squat 3x8 1000kg")  # implausible: a parse failure
    await observed.say("/plan")
    status, body = await scrape(Health(engine), metrics, "/metrics")
    assert status == 200
    assert 'coach_messages_handled_total{outcome="recorded",platform="test"} 1.0' in body
    assert 'coach_messages_handled_total{outcome="answered",platform="test"} 2.0' in body
    assert 'coach_parse_failures_total{platform="test"} 1.0' in body
    assert 'coach_handling_seconds_count{platform="test"} 3.0' in body
    assert "coach_reminders_sent_total 0.0" in body
    assert "coach_platform_errors_total" in body or "coach_platform_errors" in body


async def test_healthz_reports_the_database_and_adapters(engine: AsyncEngine) -> None:
    connected = {"telegram": True}
    health = Health(engine, {"telegram": lambda: connected["telegram"]})
    status, body = await scrape(health, Metrics(), "/healthz")
    assert (status, json.loads(body)) == (200, {"database": "ok", "telegram": "connected"})
    connected["telegram"] = False
    status, body = await scrape(health, Metrics(), "/healthz")
    assert (status, json.loads(body)["telegram"]) == (503, "disconnected")


async def test_healthz_is_503_when_the_database_is_down() -> None:
    engine = create_engine("postgresql://nobody@127.0.0.1:1/nothing")
    try:
        status, body = await scrape(Health(engine), Metrics(), "/healthz")
    finally:
        await engine.dispose()
    assert status == 503
    assert json.loads(body)["database"].startswith("unreachable")


def test_secrets_are_redacted_from_messages_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets(["123456:SECRET-token", "pg-pass"]))
    log = logging.getLogger("test.redact")
    log.addHandler(handler)
    try:
        log.warning("GET https://api.telegram.org/bot123456:SECRET-token/getMe")
        try:
            raise RuntimeError("connect postgresql://coach:pg-pass@db/coach failed")
        except RuntimeError:
            log.exception("boom")
    finally:
        log.removeHandler(handler)
    output = stream.getvalue()
    assert "SECRET-token" not in output
    assert "pg-pass" not in output
    assert "bot<redacted>/getMe" in output
    assert "RuntimeError: connect postgresql://coach:<redacted>@db/coach failed" in output


async def test_json_logs_have_one_line_per_message_without_its_text(
    observed: ChatUser, capfd: pytest.CaptureFixture[str]
) -> None:
    configure_logging("json", "INFO", secrets=["tok:en"])
    try:
        await observed.say("squat 3x8 100kg my secret diary")
    finally:
        logging.getLogger().handlers.clear()
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines() if line.strip()]
    handled = [line for line in lines if line["message"].startswith("handled ")]
    assert len(handled) == 1
    assert "platform=test outcome=recorded latency_ms=" in handled[0]["message"]
    assert handled[0]["levelname"] == "INFO"
    assert not any("secret diary" in json.dumps(line) for line in lines)
