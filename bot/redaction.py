"""One redaction for every log line, text or JSON, at every level, tracebacks included.

What never reaches a log: the configured secrets (bot tokens, the database password, the
webhook secret), any Telegram bot token (`123456:AAH…`, in a URL or an exception), any
password in a URL (`postgresql://coach:…@db`), and what people wrote or are called where
it travels in structured text: the `text`, `caption`, `content`, name and file-name
fields of Bot API and Discord payloads (a truncated getUpdates answer that PTB logs as
"invalid JSON", say), the same keywords in Python reprs, and the value asyncpg quotes
when it cannot encode a query argument. SQL parameters are kept out at the source
(`storage.database` creates engines with `hide_parameters=True`).

`Redactor` cleans a string; `RedactingFilter` cleans a record in place for any handler;
`TextFormatter` and `JsonFormatter` clean everything they render, so what a formatter
renders itself (python-json-logger formats a traceback on its own) is clean too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any
from urllib.parse import quote

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

REDACTED = "<redacted>"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JSON_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"

# The bot's numeric id, a colon (or %3A in an encoded URL), then its secret.
TELEGRAM_TOKEN = re.compile(r"\d+(?::|%3[Aa])[A-Za-z0-9_-]{30,}")
# `scheme://user:password@host`: the password, whoever's it is.
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/?#\s@]*:)[^@/?#\s]+(@)", re.IGNORECASE)
# Fields whose values are what a person wrote or is called.
PRIVATE_FIELDS = (
    "text",
    "caption",
    "content",
    "first_name",
    "last_name",
    "username",
    "global_name",
    "nick",
    "display_name",
    "file_name",
    "filename",
    "title",
    "value",
)
_KEYS = "|".join(PRIVATE_FIELDS)
_QUOTED = r"\"(?:[^\"\\]|\\.)*(?:\"|$)|'(?:[^'\\]|\\.)*(?:'|$)"
# `"text": "…"` (JSON, a dict repr), cut short or not.
_FIELD = re.compile(rf"(([\"'])(?:{_KEYS})\2\s*:\s*)(?:{_QUOTED})")
# `text='…'` (a dataclass repr) and `text=…` (a form or query string).
_KEYWORD = re.compile(rf"((?<![\w.])(?:{_KEYS})=)(?:{_QUOTED}|[^&\s,)'\"]+)")
# asyncpg: "invalid input for query argument $3: 'what they typed' (…)".
_QUERY_ARGUMENT = re.compile(rf"(query argument \$\d+: )(?:{_QUOTED}|\S+)")


class Redactor:
    """Cleans text of secrets, tokens, URL passwords and private fields."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        forms: set[str] = set()
        for secret in secrets:
            if not secret:
                continue
            # As written, URL-encoded, and as a repr shows it.
            forms |= {secret, quote(secret, safe=""), repr(secret)[1:-1]}
            _, colon, half = secret.partition(":")
            if colon and TELEGRAM_TOKEN.fullmatch(secret):
                forms.add(half)  # the token's secret half, wherever it goes alone
        self.secrets = sorted((f for f in forms if f), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        if ":" in text or "%3" in text:
            text = TELEGRAM_TOKEN.sub(REDACTED, text)
            if "://" in text:
                text = _URL_PASSWORD.sub(rf"\1{REDACTED}\2", text)
        if "'" in text or '"' in text:
            text = _FIELD.sub(rf'\1"{REDACTED}"', text)
        if "=" in text:
            text = _KEYWORD.sub(rf"\1{REDACTED}", text)
        if "query argument" in text:
            text = _QUERY_ARGUMENT.sub(rf"\1{REDACTED}", text)
        return text

    def value(self, value: Any) -> Any:
        """Return a structured log value (a JSON line's fields) with every string cleaned."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(item) for item in value]
        if value is None or isinstance(value, bool | int | float | date | datetime | time):
            return value
        return self(str(value))  # what the JSON encoder would have printed


class RedactingFilter(logging.Filter):
    """Cleans a record's message, traceback and stack in place; never drops a record.

    On a handler or logger, it protects what other handlers and formatters make of the
    record too (they read the cleaned message and the cleaned, cached traceback).
    """

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        clean = self.redactor
        try:
            message = record.getMessage()
        except Exception:  # arguments that don't fit: the formatter reports it, cleaned
            message = None
        if message is not None and (cleaned := clean(message)) != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = clean(record.exc_text)
        if record.stack_info:
            record.stack_info = clean(record.stack_info)
        return True


class TextFormatter(logging.Formatter):
    """Plain text lines; the whole rendered record is cleaned."""

    def __init__(self, redactor: Redactor, fmt: str = TEXT_FORMAT) -> None:
        super().__init__(fmt)
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self.redactor(super().format(record))


class JsonFormatter(_JsonFormatter):
    """JSON lines; every field is cleaned before it is serialised (the traceback it
    renders itself too, where escaping would hide a secret from a cleaning afterwards)."""

    def __init__(self, redactor: Redactor, fmt: str = JSON_FORMAT) -> None:
        super().__init__(fmt)
        self.redactor = redactor

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        return {key: self.redactor.value(value) for key, value in log_data.items()}


def formatter(fmt: str, redactor: Redactor) -> logging.Formatter:
    """Return the formatter for `fmt` ("text" or "json"), cleaning with `redactor`."""
    return JsonFormatter(redactor) if fmt == "json" else TextFormatter(redactor)
