"""Keeps the bot token out of log lines (HTTP clients log request URLs, which contain it)."""

from __future__ import annotations

import logging

from bot.redaction import REDACTED, RedactingFilter, Redactor

__all__ = ["REDACTED", "URL_LOGGERS", "RedactToken", "protect_token"]

# Loggers that log full Bot API URLs (the token is part of the path).
URL_LOGGERS = ("httpx", "httpcore", "aiohttp.client")


class RedactToken(RedactingFilter):
    """The one redaction (`bot.redaction`), sure to know this token; never drops a record."""

    def __init__(self, token: str) -> None:
        super().__init__(Redactor([token]))
        self.token = token


def protect_token(token: str) -> None:
    """Quiet URL-logging libraries below WARNING and redact the token wherever it is logged.

    The filter sits on the URL loggers themselves (so it applies whatever handler is
    attached, even if someone turns them up to DEBUG) and on the root handlers.
    """
    for name in URL_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)
        _add_once(logger, token)
    for handler in logging.getLogger().handlers:
        _add_once(handler, token)


def _add_once(target: logging.Filterer, token: str) -> None:
    if not any(isinstance(f, RedactToken) and f.token == token for f in target.filters):
        target.addFilter(RedactToken(token))
