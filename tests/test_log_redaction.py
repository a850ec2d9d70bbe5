"""No bot token, database password, message text or name in a log line: text or JSON, any level.

`coach run all` runs in this process against the stand-in Bot API (Discord configured but
out of reach), whose every method the bot calls answers once or twice with a fault
(malformed JSON that still holds the texts, bytes that are no HTTP answer, a 500, a dropped
connection): getMe, setMyCommands, deleteWebhook (setWebhook in webhook mode), getUpdates,
sendMessage (replies and a reminder), sendPhoto, sendDocument, getFile and the file
download, answerCallbackQuery and editMessageReplyMarkup. The database fails one message on
purpose, so an SQL error is logged, and a library that quotes what it should not logs at
every level. What the run wrote to stderr is then read record by record.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
from pathlib import Path

import aiohttp
import discord
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import runner
from bot.settings import Settings
from storage.database import create_engine, upgrade
from tests.conftest import _truncate
from tests.telegram_fake import TOKEN, FakeBotAPI
from tests.test_runner import due_reminder, free_port

pytestmark = pytest.mark.usefixtures("settings_from_nothing")

ROOT = Path(__file__).resolve().parent.parent

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
PASSWORD = "pw-S3cret-4f9a"
DISCORD_TOKEN = "discord-token-c0ffee-not-a-real-one"
TEXT = "squat 3x8 100kg (my zanzibar diary)"
CAPTION = "my old log, zanzibar edition"
FAILING = "bench 3x5 60kg zanzibar-fail"  # the database refuses this one
NAME = "Quetzalcoatl"
PRIVATE = ("zanzibar", NAME)
NEVER = (TOKEN, TOKEN.split(":")[1], PASSWORD, DISCORD_TOKEN)
RECORD_START = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) "
)

# Every Bot API call of a polling bot, and the faults it meets (in this order).
FAULTS = {
    "getMe": ("garbled",),
    "setMyCommands": ("disconnect",),
    "deleteWebhook": ("garbled",),
    "getUpdates": ("malformed", "garbled"),
    "sendMessage": ("malformed", "garbled", "error", "disconnect"),
    "sendPhoto": ("malformed", "garbled"),
    "sendDocument": ("malformed", "garbled"),
    "getFile": ("malformed",),
    "download": ("garbled",),
    "answerCallbackQuery": ("malformed", "garbled"),
    "editMessageReplyMarkup": ("garbled", "error"),
}

SQLITE_TRIGGER = (
    "CREATE TRIGGER refuse_one BEFORE INSERT ON messages WHEN NEW.text LIKE '%zanzibar-fail%' "
    "BEGIN SELECT RAISE(ABORT, 'refused on purpose'); END"
)
POSTGRES_TRIGGER = (
    "CREATE OR REPLACE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN "
    "IF NEW.text LIKE '%zanzibar-fail%' THEN RAISE EXCEPTION 'refused on purpose'; END IF; "
    "RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER refuse_one BEFORE INSERT ON messages "
    "FOR EACH ROW EXECUTE FUNCTION refuse_one()",
)


def records(output: str, fmt: str) -> list[tuple[str, str]]:
    """Return (level, rendered record) for each record; a line of no record is CRITICAL."""
    found: list[tuple[str, str]] = []
    for line in output.splitlines():
        if fmt == "json" and line.startswith("{"):
            found.append((json.loads(line)["levelname"], line))
        elif fmt == "text" and (start := RECORD_START.match(line)):
            found.append((start[1], line))
        elif fmt == "text" and found:
            found[-1] = (found[-1][0], found[-1][1] + "\n" + line)  # a traceback's lines
        elif line.strip():
            found.append(("CRITICAL", line))  # not a log record: held to the strictest rule
    return found


def assert_clean(output: str, fmt: str) -> None:
    for secret in NEVER:
        assert secret not in output
    for level, record in records(output, fmt):
        if level != "DEBUG":  # message text is logged at DEBUG on purpose, nowhere else
            for private in PRIVATE:
                assert private not in record, record


def leaky_library(url: str) -> None:
    """Log what a careless library might, at every level: a URL with its password, a token,
    a payload and a repr holding what someone wrote, in messages and tracebacks."""
    log = logging.getLogger("tests.leaky")
    payload = json.dumps({"message": {"text": TEXT, "from": {"first_name": NAME}}})
    for level in LEVELS:
        number = logging.getLevelName(level)
        log.log(number, "connecting to %s as %s, bot%s: %s", url, DISCORD_TOKEN, TOKEN, payload)
        try:
            raise RuntimeError(
                f"{url} refused {DISCORD_TOKEN}, bot{TOKEN}: {payload} "
                f"IncomingMessage(text={TEXT!r})"
            )
        except RuntimeError:
            log.log(number, "it failed", exc_info=True, stack_info=level == "CRITICAL")


async def scenario(api: FakeBotAPI, settings: Settings, db: str, engine: AsyncEngine) -> None:
    """Run `coach run all` through every fault until each was met; then stop it."""
    for method, faults in FAULTS.items():
        api.break_next(method, *faults)
    await due_reminder(db, "telegram", "73")
    api.message(70, TEXT, first_name=NAME, last_name=NAME)
    for chat in (76, 77):  # each chat's replies go one after the other: several chats
        api.message(chat, "/chart week", first_name=NAME)
    api.message(78, "/export", first_name=NAME)
    stored = api.add_file("F1", b"date,exercise\n2026-01-01,squat\n", "documents/file_7.csv")
    document = {**stored, "file_name": "zanzibar.csv"}  # the sender's name for it
    api.message(71, CAPTION, document=document, first_name=NAME)
    bot_message = {
        "message_id": 555,
        "date": 1_795_000_000,
        "chat": {"id": 72, "type": "private"},
        "from": api.me,
        "text": "kilograms or pounds?",
    }
    api.tap(72, "/units kg", on=bot_message)
    api.tap(75, "/units lb", on={**bot_message, "chat": {"id": 75, "type": "private"}})
    api.message(74, FAILING, first_name=NAME)
    stopping = asyncio.Event()
    running = asyncio.create_task(runner.run("all", settings, db, stop=stopping, on_signals=False))
    try:
        await api.wait_for(lambda: bool(api.sent("deleteWebhook")), within=20)
        leaky_library(settings.database_url.get_secret_value() if settings.database_url else db)
        try:
            await api.wait_for(lambda: not any(api.broken.values()), within=60)
        except TimeoutError:
            raise AssertionError(f"faults never met: {api.broken}") from None
        await api.wait_for(lambda: bool(api.texts(74)), within=20)  # told the save failed
        await asyncio.sleep(0.5)  # what the last faults set off is logged
    finally:
        stopping.set()
        assert await asyncio.wait_for(running, 20) == 0
    assert api.broke == {method: len(faults) for method, faults in FAULTS.items()}


def run_settings(api: FakeBotAPI, fmt: str, level: str, **more: object) -> Settings:
    """Settings for `coach run` against `api`, logging in `fmt` at `level`."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=TOKEN,
        telegram_api_base_url=api.base_url,
        discord_token=DISCORD_TOKEN,
        log_format=fmt,  # type: ignore[arg-type]
        log_level=level,  # type: ignore[arg-type]
        **more,  # type: ignore[arg-type]
    )


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.telegram.app.FIRST_STARTUP_BACKOFF", 0.05)
    monkeypatch.setattr("bot.telegram.polling.REFETCH_AFTER", 0.1)
    monkeypatch.setattr("bot.telegram.adapter.FAILED_BACKOFF", 0.05, raising=False)
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")  # no Discord


async def refuse_one(engine: AsyncEngine, statements: tuple[str, ...]) -> None:
    async with engine.begin() as conn:
        for statement in statements:
            await conn.execute(text(statement))


@pytest.mark.usefixtures("fast_retries")
@pytest.mark.parametrize("level", ["DEBUG", "INFO"])
@pytest.mark.parametrize("fmt", ["text", "json"])
async def test_no_token_password_or_text_in_any_log_format_at_any_level(
    fmt: str, level: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """At DEBUG every record of every level is written, and each is held to its level's rule;
    INFO is the default. (A run at WARNING, ERROR or CRITICAL writes a subset of DEBUG's.)"""
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    engine = create_engine(db)
    async with FakeBotAPI() as api:
        config = run_settings(
            api,
            fmt,
            level,
            database_url=f"postgresql://coach:{PASSWORD}@db.invalid/coach",
            http_port=free_port(),
            http_host="127.0.0.1",
        )
        await upgrade(engine)
        await refuse_one(engine, (SQLITE_TRIGGER,))
        try:
            await scenario(api, config, db, engine)
        finally:
            await engine.dispose()
    captured = capfd.readouterr()
    output = captured.err + captured.out
    assert records(output, fmt)  # the run did log
    assert_clean(output, fmt)


@pytest.mark.usefixtures("fast_retries")
@pytest.mark.parametrize("fmt", ["text", "json"])
async def test_no_password_or_text_in_logs_on_postgresql(
    fmt: str, pg_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    """--db with a password (the server trusts us, so any password connects)."""
    db = make_url(pg_url).set(password=PASSWORD).render_as_string(hide_password=False)
    engine = create_engine(db)
    await _truncate(engine)
    await refuse_one(engine, POSTGRES_TRIGGER)
    try:
        async with FakeBotAPI() as api:
            await scenario(api, run_settings(api, fmt, "DEBUG"), db, engine)
    finally:
        await refuse_one(
            engine, ("DROP TRIGGER IF EXISTS refuse_one ON messages", "DROP FUNCTION refuse_one")
        )
        await engine.dispose()
    captured = capfd.readouterr()
    output = captured.err + captured.out
    assert records(output, fmt)
    assert_clean(output, fmt)


@pytest.mark.usefixtures("fast_retries")
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("fmt", ["text", "json"])
async def test_no_token_or_text_in_logs_when_setwebhook_fails(
    fmt: str, level: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    async with FakeBotAPI() as api:
        config = run_settings(
            api,
            fmt,
            level,
            telegram_webhook_url="https://coach.example/tg",
            telegram_webhook_secret="s3cret-Token_1",
            telegram_webhook_listen="127.0.0.1",
            telegram_webhook_port=port,
            dispatcher="off",
        )
        api.break_next("setWebhook", "garbled", "disconnect", "error")
        api.break_next("sendMessage", "malformed")
        update = api.message(90, TEXT, first_name=NAME)
        stopping = asyncio.Event()
        db = f"sqlite:///{tmp_path / 'coach.db'}"
        running = asyncio.create_task(
            runner.run("telegram", config, db, stop=stopping, on_signals=False)
        )
        try:
            await api.wait_for(lambda: api.webhook is not None, within=20)
            async with (
                aiohttp.ClientSession() as http,
                http.post(
                    f"http://127.0.0.1:{port}/tg",
                    json=update,
                    headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"},
                ) as response,
            ):
                assert response.status == 200
            await api.wait_for(lambda: not any(api.broken.values()), within=20)
        finally:
            stopping.set()
            assert await asyncio.wait_for(running, 20) == 0
    assert api.broke == {"setWebhook": 3, "sendMessage": 1}
    captured = capfd.readouterr()
    assert_clean(captured.err + captured.out, fmt)


async def test_a_coach_command_logs_through_the_same_redaction(tmp_path: Path) -> None:
    """`coach say` whose message the database refuses: its error log is a JSON line, as
    LOG_FORMAT says, and holds neither the message nor the secrets."""
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    engine = create_engine(db)
    try:
        await upgrade(engine)
        await refuse_one(engine, (SQLITE_TRIGGER,))
    finally:
        await engine.dispose()
    env = {
        **os.environ,
        "LOG_FORMAT": "json",
        "TELEGRAM_TOKEN": TOKEN,
        "DATABASE_URL": f"postgresql://coach:{PASSWORD}@db.invalid/coach",
    }
    done = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "--db",
        db,
        "say",
        FAILING,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(done.communicate(), 60)
    assert "Sorry" in out.decode()
    lines = [json.loads(line) for line in err.decode().splitlines() if line.strip()]
    assert any(line["levelname"] == "ERROR" and "exc_info" in line for line in lines)
    assert_clean(err.decode(), "json")
