"""Telegram adapter pieces without a server: settings, splitting, buttons, the log filter."""

from __future__ import annotations

import logging

import pytest

from bot import cli
from bot.telegram.config import ConfigError, TelegramConfig, file_url_for
from bot.telegram.logs import REDACTED, RedactToken
from bot.telegram.replies import keyboard, split_text, utf16_len
from core.messages import Choice
from tests.telegram_fake import TOKEN

# --- settings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "error"),
    [
        ({}, "TELEGRAM_TOKEN is not set"),
        ({"TELEGRAM_TOKEN": "  "}, "TELEGRAM_TOKEN is not set"),
        ({"TELEGRAM_TOKEN": "not-a-token"}, "TELEGRAM_TOKEN is malformed"),
        ({"TELEGRAM_TOKEN": "123:short"}, "TELEGRAM_TOKEN is malformed"),
        ({"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "ftp://x/bot"}, "BASE_URL"),
        ({"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": "https://x.org/tg"}, "SECRET"),
        (
            {
                "TELEGRAM_TOKEN": TOKEN,
                "TELEGRAM_WEBHOOK_URL": "https://x.org/tg",
                "TELEGRAM_WEBHOOK_SECRET": "has spaces",
            },
            "SECRET",
        ),
        (
            {
                "TELEGRAM_TOKEN": TOKEN,
                "TELEGRAM_WEBHOOK_URL": "https://x.org/tg",
                "TELEGRAM_WEBHOOK_SECRET": "ok",
                "TELEGRAM_WEBHOOK_PORT": "http",
            },
            "PORT",
        ),
    ],
)
def test_bad_settings_are_one_line_errors(env: dict[str, str], error: str) -> None:
    with pytest.raises(ConfigError, match=error) as caught:
        TelegramConfig.from_env(env)
    assert "\n" not in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_settings_defaults_and_webhook() -> None:
    config = TelegramConfig.from_env({"TELEGRAM_TOKEN": TOKEN})
    assert config.base_url == "https://api.telegram.org/bot"
    assert config.base_file_url == "https://api.telegram.org/file/bot"
    assert config.webhook is None
    assert TOKEN not in repr(config)
    hooked = TelegramConfig.from_env(
        {
            "TELEGRAM_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
            "TELEGRAM_WEBHOOK_URL": "https://coach.example.org/telegram/hook",
            "TELEGRAM_WEBHOOK_SECRET": "abc_DEF-123",
        }
    )
    assert hooked.base_file_url == "http://127.0.0.1:8081/file/bot"
    assert hooked.webhook is not None
    assert (hooked.webhook.listen, hooked.webhook.port) == ("0.0.0.0", 8443)
    assert hooked.webhook.path == "/telegram/hook"


@pytest.mark.parametrize(
    ("base", "files"),
    [
        ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot"),
        ("http://127.0.0.1:8081/bot/", "http://127.0.0.1:8081/file/bot"),
        ("http://h/tg/bot{token}", "http://h/tg/file/bot{token}"),
    ],
)
def test_file_url_follows_the_api_url(base: str, files: str) -> None:
    assert file_url_for(base) == files


@pytest.mark.parametrize(
    ("token", "message"),
    [(None, "TELEGRAM_TOKEN is not set"), ("12345:nope", "TELEGRAM_TOKEN is malformed")],
)
def test_coach_run_telegram_without_a_good_token_exits_2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path,  # type: ignore[no-untyped-def]
    token: str | None,
    message: str,
) -> None:
    if token is None:
        monkeypatch.delenv("TELEGRAM_TOKEN", raising=False)
    else:
        monkeypatch.setenv("TELEGRAM_TOKEN", token)
    assert cli.main(["--db", f"sqlite:///{tmp_path / 'c.db'}", "run", "telegram"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
    assert not (tmp_path / "c.db").exists()  # refused before touching the database


# --- outgoing text and buttons -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "chunks"),
    [
        ("short", 10, ["short"]),
        ("", 10, []),
        ("aaaa\nbbbb\ncccc", 9, ["aaaa\nbbbb", "cccc"]),
        ("aaaa\nbbbb\ncccc", 14, ["aaaa\nbbbb\ncccc"]),
        ("one two three four", 9, ["one two", "three", "four"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("aa\n\n\nbb", 3, ["aa", "bb"]),
        ("aa\n\nbb", 6, ["aa\n\nbb"]),
    ],
)
def test_split_text_cuts_at_line_breaks(text: str, limit: int, chunks: list[str]) -> None:
    assert split_text(text, limit) == chunks


def test_split_text_counts_like_telegram() -> None:
    text = "💪" * 3000  # 2 UTF-16 units each: 6000 units
    chunks = split_text(text)
    assert len(chunks) == 2
    assert all(utf16_len(c) <= 4096 for c in chunks)
    assert "".join(chunks) == text


def test_keyboard_rows_and_callback_data() -> None:
    short = keyboard(
        (Choice("kg", "/units kg"), Choice("lb", "/units lb"), Choice("Skip", "/skip"))
    )
    assert short is not None
    assert [[b.callback_data for b in row] for row in short.inline_keyboard] == [
        ["/units kg", "/units lb", "/skip"]
    ]
    long = keyboard((Choice("Europe/London", "/timezone Europe/London"), Choice("Skip", "/skip")))
    assert long is not None
    assert len(long.inline_keyboard) == 2
    assert keyboard(()) is None
    assert keyboard((Choice("too long", "x" * 65),)) is None


# --- logs ---------------------------------------------------------------------------


def test_redact_filter_cleans_messages_arguments_and_tracebacks() -> None:
    redact = RedactToken(TOKEN)
    record = logging.LogRecord(
        "httpx", logging.INFO, __file__, 1, "HTTP Request: POST %s", (f"/bot{TOKEN}/x",), None
    )
    assert redact.filter(record)
    assert TOKEN not in record.getMessage()
    assert REDACTED in record.getMessage()
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    redact.filter(record)
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted
    assert "was rejected" in formatted
