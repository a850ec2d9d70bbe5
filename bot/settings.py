"""Settings from the environment and `.env`, validated at start (pydantic-settings)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

MASK = "********"


class SettingsError(Exception):
    """A bad setting: one line that names it."""


class Settings(BaseSettings):
    """Every setting the coach reads; names are the environment variables, upper-cased."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        env_ignore_empty=True,  # `TELEGRAM_TOKEN=` in .env means "not set"
    )

    database_url: SecretStr | None = None
    telegram_token: SecretStr | None = None
    telegram_api_base_url: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str | None = None
    telegram_webhook_port: int | None = Field(default=None, gt=0, lt=65536)
    discord_token: SecretStr | None = None
    discord_guild_id: int | None = Field(default=None, gt=0)
    dispatcher: Literal["on", "off"] = "on"
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    http_port: int = Field(default=0, ge=0, lt=65536)
    http_host: str = "0.0.0.0"
    flood_messages: int = Field(default=20, ge=0)
    flood_seconds: float = Field(default=10.0, gt=0)
    # The training page (`/app`): where people reach HTTP_PORT, and what signs its links.
    public_url: str | None = None
    app_secret: SecretStr | None = None

    @field_validator("dispatcher", "log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("not a URL like https://coach.example.org")
        return value.rstrip("/") if value else value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value():
            try:
                make_url(value.get_secret_value())
            except ArgumentError as exc:
                raise ValueError("not a database URL like postgresql://user@host/db") from exc
        return value

    def secrets(self) -> list[str]:
        """Return the secret values set, to redact from logs."""
        values = [
            self.telegram_token,
            self.discord_token,
            self.telegram_webhook_secret,
            self.app_secret,
        ]
        found = [v.get_secret_value() for v in values if v is not None]
        if self.database_url is not None:
            found += url_secrets(self.database_url.get_secret_value())
        return [s for s in found if s]

    def environ(self) -> dict[str, str]:
        """Return the settings as environment-style strings (for the adapters' readers)."""
        env: dict[str, str] = {}
        for name, value in self:
            if value is None:
                continue
            plain = value.get_secret_value() if isinstance(value, SecretStr) else value
            env[name.upper()] = str(plain)
        return env

    def masked(self) -> dict[str, str]:
        """Return the effective settings for display, secrets masked."""
        shown: dict[str, str] = {}
        for name, value in self:
            if value is None:
                shown[name.upper()] = "(not set)"
            elif name == "database_url" and value.get_secret_value():
                url = make_url(value.get_secret_value())
                shown[name.upper()] = url.render_as_string(hide_password=True)
            elif isinstance(value, SecretStr):
                shown[name.upper()] = MASK if value.get_secret_value() else "(empty)"
            else:
                shown[name.upper()] = str(value)
        return shown


def url_secrets(url: str | None) -> list[str]:
    """Return the password in a database URL (none, or one that is not a URL: [])."""
    if not url:
        return []
    try:
        password = make_url(url).password
    except ArgumentError:
        return []
    return [str(password)] if password else []


def load_settings(env_file: str | None = ".env") -> Settings:
    """Return validated settings; raise SettingsError with one line naming a bad one."""
    try:
        return Settings(_env_file=env_file)  # type: ignore[call-arg]
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error["loc"] else "setting"
        message = error["msg"].removeprefix("Value error, ")
        raise SettingsError(f"{name}: {message}") from None
