"""`/app` in the terminal: a one-time link to the page the bots serve, as this person."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from core.accounts.app_links import LINK, Visitor, verify
from tests.coach_forks import run_coach
from tests.test_telegram import tg  # noqa: F401  (fixture)


def _say(tmp_path: Path, text: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PUBLIC_URL")}
    return run_coach(
        ["--db", f"sqlite:///{tmp_path / 'coach.db'}", "--user", "ann", "say", text],
        env={**clean, **env},
    )


def test_app_gives_a_signed_link_for_this_person(tmp_path: Path) -> None:
    out = _say(tmp_path, "/app", PUBLIC_URL="https://coach.example.org", APP_SECRET="s3cret")
    assert out.returncode == 0, out.stderr
    found = re.search(r"https://coach\.example\.org/app/#t=(\S+)", out.stdout)
    assert found, out.stdout
    signed = verify(b"s3cret", LINK, found[1], datetime.now(UTC))
    assert signed is not None
    assert signed.visitor == Visitor("console", "ann")
    assert verify(b"another secret", LINK, found[1], datetime.now(UTC)) is None


def test_without_a_public_url_app_says_the_page_is_not_set_up(tmp_path: Path) -> None:
    out = _say(tmp_path, "/app")
    assert out.returncode == 0
    assert "The training page isn't set up on this coach yet" in out.stdout


async def test_telegram_gets_the_page_as_its_menu_button(api, coach) -> None:  # type: ignore[no-untyped-def]
    """Through real python-telegram-bot and the stand-in Bot API: a Mini App menu button."""
    import asyncio

    from bot.telegram.app import TelegramBot
    from bot.telegram.config import TelegramConfig
    from tests.test_telegram import TOKEN

    env = {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url}
    config = TelegramConfig.from_env({**env, "PUBLIC_URL": "https://coach.example.org/"})
    bot = TelegramBot(coach.service, config, poll_timeout=1)
    stop = asyncio.Event()
    assert await bot.start(stop)
    task = asyncio.create_task(bot.run(stop))
    try:
        [call] = api.sent("setChatMenuButton")
        button = call.params["menu_button"]
        if isinstance(button, str):
            import json

            button = json.loads(button)
        assert button == {
            "type": "web_app",
            "text": "My training",
            "web_app": {"url": "https://coach.example.org/app/"},
        }
        commands = [c["command"] for c in _commands(api)]
        assert "app" in commands
        assert "program" in commands
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await bot.stop()
    plain = TelegramConfig.from_env({**env, "PUBLIC_URL": "http://localhost:8080"})
    assert plain.app_url is None  # Telegram opens Mini Apps over https only


def _commands(api) -> list[dict]:  # type: ignore[no-untyped-def]
    import json

    [call] = api.sent("setMyCommands")
    found = call.params["commands"]
    return json.loads(found) if isinstance(found, str) else found


async def test_app_in_telegram_offers_a_mini_app_button(tg) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    import json

    from core.accounts.app_command import offer_app
    from core.accounts.app_links import AppLinks

    offer_app(AppLinks("https://coach.example.org", b"s3cret"))
    try:
        tg.api.message(41, "/app")
        await tg.api.wait_for(lambda: bool(tg.api.sent(chat_id=41)))
    finally:
        offer_app(None)
    (sent,) = tg.api.sent(chat_id=41)
    assert "https://coach.example.org/app/#t=" in sent.params["text"]
    markup = sent.params["reply_markup"]
    markup = json.loads(markup) if isinstance(markup, str) else markup
    assert markup["inline_keyboard"] == [
        [
            {
                "text": "📊 Open it here in Telegram",
                "web_app": {"url": "https://coach.example.org/app/"},
            }
        ]
    ]
