"""Telegram settings read from the environment, checked before anything starts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

# PTB's token shape: the bot's numeric id, a colon, ~35 url-safe characters.
TOKEN_PATTERN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,64}")
# Telegram's rule for setWebhook's secret_token.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_WEBHOOK_LISTEN = "0.0.0.0"  # a webhook must accept Telegram's requests
DEFAULT_WEBHOOK_PORT = 8443


class ConfigError(Exception):
    """A missing or malformed setting: reported as one line, never with the token in it."""


@dataclass(frozen=True)
class WebhookConfig:
    url: str
    secret: str
    listen: str = DEFAULT_WEBHOOK_LISTEN
    port: int = DEFAULT_WEBHOOK_PORT

    @property
    def path(self) -> str:
        return urlsplit(self.url).path or "/"


@dataclass(frozen=True)
class TelegramConfig:
    token: str
    base_url: str = DEFAULT_BASE_URL
    webhook: WebhookConfig | None = None
    # The training page (PUBLIC_URL + /app/), set as the chat's menu button: a Mini App.
    app_url: str | None = None

    @property
    def base_file_url(self) -> str:
        return file_url_for(self.base_url)

    def __repr__(self) -> str:  # keep the token out of any repr that reaches a log
        return (
            f"TelegramConfig(base_url={self.base_url!r}, webhook={self.webhook!r}, "
            f"app_url={self.app_url!r})"
        )

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TelegramConfig:
        """Return the settings from TELEGRAM_* variables; raise ConfigError on a bad one."""
        token = env.get("TELEGRAM_TOKEN", "").strip()
        if not token:
            raise ConfigError("TELEGRAM_TOKEN is not set (get one from @BotFather)")
        if not TOKEN_PATTERN.fullmatch(token):
            raise ConfigError(
                "TELEGRAM_TOKEN is malformed: expected the bot id, a colon and ~35 characters"
            )
        base_url = env.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_BASE_URL
        if urlsplit(base_url).scheme not in ("http", "https"):
            raise ConfigError(
                "TELEGRAM_API_BASE_URL must be an http(s) URL like http://host:8081/bot"
            )
        public = env.get("PUBLIC_URL", "").strip().rstrip("/")
        # Telegram opens a Mini App over https only; an http address gets the /app link.
        app_url = f"{public}/app/" if public.startswith("https://") else None
        return cls(token, base_url, _webhook_from_env(env), app_url)


def file_url_for(base_url: str) -> str:
    """Return the file download base for a Bot API base: `.../bot` -> `.../file/bot`."""
    prefix, _, last = base_url.rstrip("/").rpartition("/")
    return f"{prefix}/file/{last}"


def _webhook_from_env(env: Mapping[str, str]) -> WebhookConfig | None:
    url = env.get("TELEGRAM_WEBHOOK_URL", "").strip()
    if not url:
        return None
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise ConfigError("TELEGRAM_WEBHOOK_URL must be a full URL like https://example.org/tg")
    secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip()
    if not SECRET_PATTERN.fullmatch(secret):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_SECRET must be set with TELEGRAM_WEBHOOK_URL "
            "(1-256 characters: letters, digits, _ and -)"
        )
    listen = env.get("TELEGRAM_WEBHOOK_LISTEN", "").strip() or DEFAULT_WEBHOOK_LISTEN
    port_text = env.get("TELEGRAM_WEBHOOK_PORT", "").strip() or str(DEFAULT_WEBHOOK_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError(f"TELEGRAM_WEBHOOK_PORT must be a port number, not {port_text[:20]!r}")
    return WebhookConfig(url, secret, listen, int(port_text))
