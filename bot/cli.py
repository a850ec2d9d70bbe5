"""The `coach` command: read the arguments, open what a command needs, run it.

The arguments are in `bot.cli_arguments`, what each command does in `bot.cli_commands`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from bot import cli_commands as commands
from bot import console
from bot.bootstrap import Coach, build
from bot.cli_arguments import UsageError, build_parser, parse_at
from bot.observability import configure_logging
from bot.settings import Settings, SettingsError, load_settings, url_secrets
from storage.database import (
    ReadOnlyDatabase,
    check_writable,
    read_only_path,
    resolve_url,
    safe_url,
)

__all__ = ["UsageError", "main"]


def _settings() -> Settings:
    """Return the validated settings (environment, then `.env`); a bad one is a usage error."""
    try:
        return load_settings()
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


async def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        return commands.parse_message(args)
    if args.command == "ask":
        return commands.ask(args)
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
    database_url = settings.database_url.get_secret_value() if settings.database_url else None
    try:
        url = resolve_url(args.db or database_url or None)
    except ValueError as exc:
        raise UsageError(f"--db / DATABASE_URL: {exc}") from None
    read_only = read_only_path(url)
    if read_only is not None:
        return _read_only(read_only)
    try:
        coach = await build(url)
    except (OSError, SQLAlchemyError) as exc:
        print(
            f"coach: can't open the database {safe_url(url)} ({type(exc).__name__})",
            file=sys.stderr,
        )
        return 1
    try:
        # Checked once here: a write that can never succeed must not be answered with
        # "send it again in a minute".
        await check_writable(coach.engine)
        return await _run_with(coach, args)
    except ReadOnlyDatabase as exc:
        return _read_only(str(exc))
    finally:
        await coach.close()


def _read_only(path: str) -> int:
    print(
        f"coach: the database file {path} is read-only, so nothing could be saved; "
        "make it writable or choose another with --db",
        file=sys.stderr,
    )
    return 1


def _log_redacted(settings: Settings, db: str | None) -> None:
    """Send the warnings and errors a command logs through the one redaction (LOG_FORMAT)."""
    level = max(logging.WARNING, logging.getLevelName(settings.log_level))
    secrets = [*settings.secrets(), *url_secrets(db)]
    configure_logging(settings.log_format, logging.getLevelName(level), secrets)


async def _run_with(coach: Coach, args: argparse.Namespace) -> int:
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
    if args.command == "plan":
        return await commands.plan(coach, args, at)
    if args.command == "week":
        return await commands.week(coach, args, at)
    raise UsageError(f"unknown command {args.command}")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
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
