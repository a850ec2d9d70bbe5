"""A bot token revoked while running stops that platform alone, in one log line.

Telegram answers 401 to getUpdates once the token is revoked (or replaced with
@BotFather). The coach stops polling and says so in one line, without a traceback;
/healthz turns 503; Discord and the reminder dispatchers keep running. Run in this process
(with Discord) and as a real `coach run telegram` process.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import discord
import pytest

from tests.discord_fake import TOKEN as DISCORD_TOKEN
from tests.discord_fake import FakeDiscord
from tests.telegram_fake import TOKEN, FakeBotAPI
from tests.test_log_redaction import records
from tests.test_runner import Running, due_reminder, free_port, get, healthy, settings

pytestmark = pytest.mark.usefixtures("settings_from_nothing")

ROOT = Path(__file__).resolve().parent.parent
REVOKED = "rejected TELEGRAM_TOKEN while running"
DISCORD_USER = "750000000000000009"


async def held_open(self: discord.Client, *, reconnect: bool = True) -> None:
    await asyncio.Event().wait()  # until cancelled, when the bot stops


async def telegram_down(port: int, within: float = 10) -> tuple[int, dict[str, str]]:
    """Poll /healthz until it reports Telegram disconnected; return its status and report."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        status, body = await get(port, "/healthz")
        report = json.loads(body)
        if report.get("telegram") != "connected" or asyncio.get_running_loop().time() > deadline:
            return status, report
        await asyncio.sleep(0.1)


async def test_a_revoked_token_stops_telegram_while_discord_and_reminders_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    fake = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await fake.start())
    # The stand-in has no gateway: the connection is held open as if Discord were there.
    monkeypatch.setattr(discord.Client, "connect", held_open)
    port = free_port()
    async with FakeBotAPI() as api:
        config = settings(
            telegram_token=TOKEN,
            telegram_api_base_url=api.base_url,
            discord_token=DISCORD_TOKEN,
            http_port=port,
            http_host="127.0.0.1",
        )
        running = Running("all", config, db)
        out = err = ""
        try:
            await api.wait_for(lambda: bool(api.sent("deleteWebhook")), within=20)
            api.message(70, "squat 3x8 100kg")
            await api.wait_sent(1, chat_id=70)
            api.revoke("987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9")
            status, report = await telegram_down(port)
            assert status == 503
            assert report["telegram"] == "disconnected"
            assert report["database"] == "ok"
            assert not running.task.done()  # the process goes on
            # Discord's and the console's reminders still go out, after Telegram stopped.
            await due_reminder(db, "discord", DISCORD_USER)
            await due_reminder(db, "console", "ann")
            dm = f"/channels/{FakeDiscord.dm_channel_id(DISCORD_USER)}/messages"
            for _ in range(150):
                if fake.to(dm):
                    break
                await asyncio.sleep(0.1)
            assert "HIIT" in fake.to(dm)[0].content
            for _ in range(150):
                captured = capfd.readouterr()
                out, err = out + captured.out, err + captured.err
                if "[reminder for ann]" in out:
                    break
                await asyncio.sleep(0.1)
            assert not running.task.done()
        finally:
            code = await running.stop()
            await fake.stop()
    assert code == 0
    captured = capfd.readouterr()
    out, err = out + captured.out, err + captured.err
    assert "[reminder for ann]" in out
    output = err + out
    [said] = [record for _, record in records(err, "text") if REVOKED in record]
    assert " ERROR bot.telegram.polling: " in said
    assert "\n" not in said  # one line: no traceback
    telegram = [r for _, r in records(err, "text") if " bot.telegram." in r or " telegram." in r]
    assert not any("Traceback" in record for record in telegram)
    assert TOKEN not in output


async def test_coach_run_telegram_with_a_revoked_token_logs_one_line_and_answers_503(
    tmp_path: Path,
) -> None:
    port = free_port()
    async with FakeBotAPI() as api:
        env = {
            **os.environ,
            "TELEGRAM_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "HTTP_PORT": str(port),
            "HTTP_HOST": "127.0.0.1",
        }
        for name in ("TELEGRAM_WEBHOOK_URL", "DISCORD_TOKEN", "DATABASE_URL"):
            env.pop(name, None)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "--db",
            f"sqlite:///{tmp_path / 'coach.db'}",
            "run",
            "telegram",
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            assert await healthy(port, within=20) == {"database": "ok", "telegram": "connected"}
            api.revoke("987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9")
            status, report = await telegram_down(port)
            assert (status, report) == (503, {"database": "ok", "telegram": "disconnected"})
            await asyncio.sleep(0.5)
            assert process.returncode is None  # still serving /healthz
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 20)
    log = stderr.decode()
    assert process.returncode == 0, log[-2000:]
    assert "Traceback" not in log
    [line] = [line for line in log.splitlines() if REVOKED in line]
    assert " ERROR " in line
    assert TOKEN not in log
