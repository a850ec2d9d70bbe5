"""`coach run`: platforms, the dispatcher and /healthz + /metrics in one process (in-process)."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import discord
import pytest
from sqlalchemy import text

from bot import runner
from bot.bootstrap import build
from bot.observability import METRICS
from bot.settings import Settings
from core.messages import IncomingMessage
from tests.discord_fake import TOKEN as DISCORD_TOKEN
from tests.discord_fake import FakeDiscord
from tests.telegram_fake import TOKEN, FakeBotAPI

pytestmark = pytest.mark.usefixtures("settings_from_nothing")

MONDAY = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'coach.db'}"


class Running:
    """`coach run ROLE` in this process; `await running.stop()` ends it and returns its code."""

    def __init__(self, role: runner.Role, config: Settings, db: str) -> None:
        self.stopping = asyncio.Event()
        self.task = asyncio.create_task(
            runner.run(role, config, db, stop=self.stopping, on_signals=False)
        )

    async def stop(self) -> int:
        self.stopping.set()
        return await asyncio.wait_for(self.task, 20)


async def get(port: int, path: str) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}{path}") as response,
    ):
        return response.status, await response.text()


async def healthy(port: int, within: float = 10) -> dict[str, str]:
    """Poll /healthz until it is 200; return its report."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        try:
            status, body = await get(port, "/healthz")
            if status == 200:
                return json.loads(body)
        except aiohttp.ClientConnectionError:
            pass
        assert asyncio.get_running_loop().time() < deadline, "never healthy"
        await asyncio.sleep(0.1)


def sample(name: str, **labels: str) -> float:
    return METRICS.registry.get_sample_value(name, labels) or 0.0


async def due_reminder(db: str, platform: str, user_id: str) -> None:
    """Give `user_id` on `platform` an HIIT reminder that is due now."""
    coach = await build(db)
    try:
        message = IncomingMessage(
            platform, user_id, uuid.uuid4().hex, "/remind hiit mon 18:00", MONDAY
        )
        result = await coach.service.handle(message)
        assert result.status == "answered", result
        async with coach.engine.begin() as conn:
            await conn.execute(
                text("UPDATE reminder_schedules SET next_fire_at = :at WHERE kind = 'hiit'"),
                {"at": datetime.now(UTC) - timedelta(minutes=1)},
            )
    finally:
        await coach.close()


# --- choosing what to run -------------------------------------------------------------


def test_all_without_any_token_is_a_one_line_error() -> None:
    with pytest.raises(runner.RunError) as caught:
        runner.plan_for("all", settings(telegram_token="", discord_token=""))
    assert "TELEGRAM_TOKEN" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_all_runs_every_platform_with_a_token_and_one_dispatcher() -> None:
    both = runner.plan_for("all", settings(telegram_token=TOKEN, discord_token="abc"))
    assert both.telegram is not None
    assert both.discord is not None
    assert (both.receive, both.dispatcher, both.console) == (True, True, True)
    only = runner.plan_for("all", settings(discord_token="abc"))
    assert only.telegram is None
    assert only.discord is not None


def test_a_role_runs_its_platform_and_the_dispatcher_unless_off() -> None:
    tg = runner.plan_for("telegram", settings(telegram_token=TOKEN, discord_token="abc"))
    assert tg.discord is None
    assert tg.dispatcher
    assert not tg.console
    off = runner.plan_for("discord", settings(discord_token="abc", dispatcher="off"))
    assert off.telegram is None
    assert not off.dispatcher


def test_the_scheduler_sends_through_platforms_with_a_token_without_receiving() -> None:
    plan = runner.plan_for("scheduler", settings(telegram_token=TOKEN, dispatcher="off"))
    assert plan.telegram is not None
    assert plan.discord is None
    assert (plan.receive, plan.dispatcher, plan.console) == (False, True, True)
    alone = runner.plan_for("scheduler", settings())
    assert (alone.telegram, alone.discord, alone.console) == (None, None, True)


def test_a_malformed_token_is_named() -> None:
    with pytest.raises(runner.RunError, match="TELEGRAM_TOKEN is malformed"):
        runner.plan_for("all", settings(telegram_token="not-a-token"))


# --- running ----------------------------------------------------------------------------


async def test_run_all_serves_healthz_and_metrics_while_handling_telegram(
    api: FakeBotAPI, db: str
) -> None:
    port = free_port()
    config = settings(
        telegram_token=TOKEN,
        telegram_api_base_url=api.base_url,
        http_port=port,
        http_host="127.0.0.1",
        flood_messages=3,
    )
    recorded = sample("coach_messages_handled_total", platform="telegram", outcome="recorded")
    refused = sample("coach_messages_handled_total", platform="telegram", outcome="refused")
    running = Running("all", config, db)
    try:
        assert await healthy(port) == {"database": "ok", "telegram": "connected"}
        api.message(70, "squat 3x8 100kg")
        assert "102.5 kg" in (await api.wait_sent(1, chat_id=70))[0]
        for n in range(4):  # FLOOD_MESSAGES=3 from the settings: the 4th message is refused
            api.message(71, f"squat 1x8 {60 + n}kg")
        await api.wait_sent(4, chat_id=71)
        status, body = await get(port, "/metrics")
    finally:
        assert await running.stop() == 0
    assert status == 200
    assert "coach_handling_seconds_bucket" in body
    assert "coach_reminders_sent_total" in body
    assert 'coach_platform_errors_total{platform="telegram"}' in body
    after = sample("coach_messages_handled_total", platform="telegram", outcome="recorded")
    assert after == recorded + 4
    assert sample("coach_messages_handled_total", platform="telegram", outcome="refused") == (
        refused + 1
    )
    assert "faster than I can keep up" in api.texts(71)[-1]
    assert not api.sent("getUpdates")[-1].params.get("webhook")  # polling, as configured


async def test_healthz_is_503_while_discord_is_not_connected(
    db: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """The gateway never answers: the bot keeps trying (discord.py's own retry failed on the
    session it never had, and took the process down), and /healthz says disconnected."""
    fake = FakeDiscord()  # REST only: the gateway never becomes ready
    monkeypatch.setattr(discord.http.Route, "BASE", await fake.start())
    port = free_port()
    running = Running("discord", settings(discord_token=DISCORD_TOKEN, http_port=port), db)
    try:
        logged = ""
        for _ in range(100):  # the first gateway attempt has failed and is to be retried
            logged += capfd.readouterr().err
            if "Discord gateway unreachable" in logged:
                break
            await asyncio.sleep(0.1)
        assert "Discord gateway unreachable" in logged
        status, body = await get(port, "/healthz")
    finally:
        assert await running.stop() == 0
        await fake.stop()
    assert status == 503
    assert json.loads(body) == {"database": "ok", "discord": "disconnected"}


async def test_a_busy_http_port_is_one_line(api: FakeBotAPI, db: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = settings(
            telegram_token=TOKEN,
            telegram_api_base_url=api.base_url,
            http_host="127.0.0.1",
            http_port=port,
        )
        with pytest.raises(runner.RunError, match=f"HTTP_PORT: can't listen on 127.0.0.1:{port}"):
            await asyncio.wait_for(runner.run("all", config, db, on_signals=False), 20)


async def test_a_rejected_token_stops_the_run_with_one_line(api: FakeBotAPI, db: str) -> None:
    other = "987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9"
    config = settings(telegram_token=other, telegram_api_base_url=api.base_url)
    with pytest.raises(runner.RunError) as caught:
        await asyncio.wait_for(runner.run("all", config, db, on_signals=False), 20)
    assert "rejected TELEGRAM_TOKEN" in str(caught.value)
    assert other not in str(caught.value)


async def test_the_token_is_in_no_log_line_of_a_full_session_with_json_logs_at_debug(
    api: FakeBotAPI, db: str, capfd: pytest.CaptureFixture[str]
) -> None:
    config = settings(
        telegram_token=TOKEN,
        telegram_api_base_url=api.base_url,
        log_format="json",
        log_level="DEBUG",
    )
    running = Running("all", config, db)
    try:
        await api.wait_for(lambda: bool(api.sent("deleteWebhook")), within=10)
        for name in ("httpx", "httpcore", "telegram"):  # as loud as anyone could make it
            logging.getLogger(name).setLevel(logging.DEBUG)
        api.forbidden_chats.add(81)
        api.too_many_once["sendMessage"] = 1
        api.message(80, "/start")
        await api.wait_sent(1, chat_id=80, within=15)
        api.tap(80, "/units kg")
        await api.wait_for(lambda: any("timezone" in t for t in api.texts(80)), within=15)
        api.message(81, "squat 3x8 100kg")  # the reply is refused: a platform error
        api.message(80, "squat 3x8 100kg", message_id=5)
        api.message(80, "squat 3x8 105kg", message_id=5, edited=True)
        await api.wait_sent(4, chat_id=80, within=15)
    finally:
        assert await running.stop() == 0
    captured = capfd.readouterr()
    output = captured.err + captured.out
    lines = [json.loads(line) for line in captured.err.splitlines() if line.startswith("{")]
    assert any("getUpdates" in line["message"] for line in lines)  # the URLs were logged...
    assert TOKEN not in output  # ...without the token
    assert TOKEN.split(":")[1] not in output
    handled = [line for line in lines if line["message"].startswith("handled platform=telegram")]
    assert handled
    assert {line["levelname"] for line in handled} == {"INFO"}
    info = [line for line in lines if line["levelname"] != "DEBUG"]
    assert not any("105kg" in json.dumps(line) for line in info)  # no message text at INFO


async def test_the_scheduler_pings_telegram_users_without_polling(api: FakeBotAPI, db: str) -> None:
    await due_reminder(db, "telegram", "90")
    sent = sample("coach_reminders_sent_total")
    running = Running(
        "scheduler", settings(telegram_token=TOKEN, telegram_api_base_url=api.base_url), db
    )
    try:
        texts = await api.wait_sent(1, chat_id=90, within=15)
        for _ in range(100):  # counted once the round that sent it ends
            if sample("coach_reminders_sent_total") > sent:
                break
            await asyncio.sleep(0.05)
    finally:
        assert await running.stop() == 0
    assert "HIIT" in texts[0]
    assert sample("coach_reminders_sent_total") == sent + 1
    called = {c.method for c in api.calls}
    assert "getMe" in called
    assert not called & {"getUpdates", "deleteWebhook", "setWebhook", "setMyCommands"}


async def test_the_scheduler_dms_discord_users_over_http_without_the_gateway(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await fake.start())
    user_id = "750000000000000009"
    await due_reminder(db, "discord", user_id)
    running = Running("scheduler", settings(discord_token=DISCORD_TOKEN), db)
    try:
        dm = f"/channels/{FakeDiscord.dm_channel_id(user_id)}/messages"
        for _ in range(150):
            if fake.to(dm):
                break
            await asyncio.sleep(0.1)
    finally:
        assert await running.stop() == 0
        await fake.stop()
    (ping,) = fake.to(dm)
    assert "HIIT" in ping.content
    assert not fake.to("/gateway")  # never connected to the gateway
    assert not [c for c in fake.calls if c.path.startswith("/applications")]  # no command sync


async def test_telegram_reminders_go_out_while_discord_cannot_connect(
    api: FakeBotAPI, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")  # nothing there
    await due_reminder(db, "telegram", "91")
    config = settings(
        telegram_token=TOKEN, telegram_api_base_url=api.base_url, discord_token=DISCORD_TOKEN
    )
    running = Running("all", config, db)
    try:
        texts = await api.wait_sent(1, chat_id=91, within=20)
    finally:
        await running.stop()
    assert "HIIT" in texts[0]
