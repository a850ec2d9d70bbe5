"""The `coach` command: read the arguments, open what a command needs, run it.

The arguments are in `bot.cli_arguments`, what each command does in `bot.cli_commands`.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.cli_arguments import UsageError, build_parser, parse_at

if TYPE_CHECKING:
    from bot.bootstrap import Coach
    from bot.settings import Settings

# Each command imports what it uses when it runs: `coach parse` needs no database, and
# `coach say` no web server or chart library (bench/startup.py measures it).

__all__ = ["UsageError", "main"]


def _settings() -> Settings:
    """Return the validated settings (environment, then `.env`); a bad one is a usage error."""
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


async def _run(args: argparse.Namespace) -> int:
    from bot import cli_commands as commands

    settings = _settings()
    if args.command != "run":  # `coach run` sets up its own (bot.runner)
        _log_redacted(settings, args.db)
    if args.command == "config":
        return commands.show_config(settings)
    if args.command == "run":
        from bot.runner import RunError, run

        try:
            return await run(args.role, settings, args.db)
        except RunError as exc:
            raise UsageError(str(exc)) from None
    from sqlalchemy.exc import SQLAlchemyError

    from bot.bootstrap import build
    from storage.database import ReadOnlyDatabase, check_writable, read_only_path, resolve_url

    database_url = settings.database_url.get_secret_value() if settings.database_url else None
    try:
        url = resolve_url(args.db or database_url or None)
    except ValueError as exc:
        raise UsageError(f"--db / DATABASE_URL: {exc}") from None
    read_only = read_only_path(url)
    if read_only is not None and not _answers_read_only(args):
        return _read_only(read_only)
    try:
        coach = await build(url)
    except (OSError, SQLAlchemyError) as exc:
        from storage.database import safe_url

        print(
            f"coach: can't open the database {safe_url(url)} ({type(exc).__name__})",
            file=sys.stderr,
        )
        return 1
    try:
        # Checked once here: a write that can never succeed must not be answered with
        # "send it again in a minute".
        await check_writable(coach.engine)
        if settings.public_url and args.command in ("chat", "say"):
            _offer_page(settings)
        return await _run_with(coach, args)
    except ReadOnlyDatabase as exc:
        if _answers_read_only(args):
            from bot import read_only as answering

            return await answering.say(coach, args, str(exc))
        return _read_only(str(exc))
    finally:
        await coach.close()


def _offer_page(settings: Settings) -> None:
    """Make `/app` in the terminal answer with a link to the page the bots serve at
    PUBLIC_URL (signed with the same secret, for the same database)."""
    from bot.webapp.wiring import links_secret
    from core.accounts.app_command import offer_app
    from core.accounts.app_links import AppLinks

    assert settings.public_url is not None
    offer_app(AppLinks(settings.public_url, links_secret(settings)))


def _answers_read_only(args: argparse.Namespace) -> bool:
    """Return True for `coach say` of what a read-only database can still answer."""
    if args.command != "say":
        return False
    from bot.read_only import answerable

    return answerable(" ".join(args.text))


def _read_only(path: str) -> int:
    print(
        f"coach: the database file {path} is read-only, so nothing could be saved; "
        "make it writable or choose another with --db",
        file=sys.stderr,
    )
    return 1


def _log_redacted(settings: Settings, db: str | None) -> None:
    """Send the warnings and errors a command logs through the one redaction (LOG_FORMAT)."""
    from bot.settings import url_secrets

    level = max(logging.WARNING, logging.getLevelName(settings.log_level))
    secrets = [*settings.secrets(), *url_secrets(db)]
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(_FirstRecord(settings.log_format, logging.getLevelName(level), secrets))
    root.setLevel(level)


class _FirstRecord(logging.Handler):
    """Stands in for `bot.observability`'s handler until something is logged.

    That module imports the web server and metrics (a fifth of a second); most commands
    log nothing, so it is imported, and its handler put in this one's place, on the
    first record.
    """

    def __init__(self, fmt: str, level: str, secrets: list[str]) -> None:
        super().__init__()
        self._setup = (fmt, level, secrets)

    def emit(self, record: logging.LogRecord) -> None:
        from bot.observability import configure_logging

        configure_logging(*self._setup).handle(record)


async def _run_with(coach: Coach, args: argparse.Namespace) -> int:
    from bot import cli_commands as commands
    from bot import console

    if args.command == "db":
        return 0  # build() applied the migrations
    if args.command == "chat":
        return await commands.chat(coach, args)
    if args.command in ("import", "export"):
        return await commands.history_file(coach, args)
    timezone = await coach.service.timezone_of(console.PLATFORM, args.user)
    if args.command == "reminders":
        return await commands.reminders(coach, args, parse_at(args.start, timezone))
    at = parse_at(args.at, timezone)
    if args.command == "say":
        return await commands.say(coach, args, at)
    if args.command == "chart":
        return await commands.chart(coach, args, at)
    if args.command == "plan":
        return await commands.plan(coach, args, at)
    if args.command == "week":
        return await commands.week(coach, args, at)
    raise UsageError(f"unknown command {args.command}")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command in ("parse", "ask"):  # no database, so no event loop either
            from bot import cli_commands as commands

            return commands.parse_message(args) if args.command == "parse" else commands.ask(args)
        import asyncio

        return asyncio.run(_run(args))
    except UsageError as exc:
        print(f"coach: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`coach say … | head`): stop quietly, as Unix tools do.
        # Python would flush stdout again at exit and complain, so point it at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
