"""The `coach` command line: its arguments, and the usage error bad input raises.

A UsageError is printed as one line on stderr with exit code 2 (see `bot.cli.main`).
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import NoReturn
from zoneinfo import ZoneInfo


class UsageError(Exception):
    """Bad command-line input: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of `coach`'s arguments; bad ones raise UsageError."""
    parser = _Parser(prog="coach", description="A strength coach for a healthy brain.")
    parser.add_argument("--db", help="database URL (default: DATABASE_URL or data/coach.db)")
    parser.add_argument("--user", default="local", help="console user id (default: local)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    # --files: None stands for bot.console.DEFAULT_FILES (importing it here would slow
    # down `coach parse`).
    files_help = "folder for the charts and files replies carry (default: ./coach-files)"
    chat = sub.add_parser("chat", help="chat with the coach in this terminal")
    chat.add_argument("--files", help=files_help)
    say = sub.add_parser("say", help="send one message and print the reply")
    say.add_argument("--at", help="message time, ISO 8601 (local to the user without offset)")
    say.add_argument("--id", help="platform message id (re-sending the same id is a no-op)")
    say.add_argument("--files", help=files_help)
    say.add_argument("text", nargs="+")

    chart = sub.add_parser("chart", help="write a lift's chart (or the week's) as a PNG")
    chart.add_argument("what", nargs="+", metavar="EXERCISE|week")
    chart.add_argument("--output", help="the PNG file to write (default: in ./coach-files)")
    chart.add_argument("--at", help="ISO 8601 time (default: now)")

    parse_cmd = sub.add_parser("parse", help="show what a message would record")
    parse_cmd.add_argument("--json", action="store_true", required=True)
    parse_cmd.add_argument("--units", choices=["kg", "lb"], default="kg")
    parse_cmd.add_argument("text", nargs="+")

    for name, text in (("plan", "next session's loads"), ("week", "this week's dose")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--json", action="store_true")
        cmd.add_argument("--at", help="ISO 8601 time (default: now)")

    # `coach session` runs through the `plan` command (bot.cli dispatches on it) with
    # `session` set: the next session rather than every lift.
    session = sub.add_parser("session", help="the next session: lifts, warm-up, cardio")
    session.add_argument("--json", action="store_true", required=True)
    session.add_argument("--at", help="ISO 8601 time (default: now)")
    session.set_defaults(command="plan", session=True)

    ask = sub.add_parser("ask", help="ask the coach a question")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("question", nargs="+")

    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    db_sub.add_parser("upgrade", help="apply migrations")

    imports = sub.add_parser("import", help="import a Strong or Hevy CSV export for --user")
    imports.add_argument("file", help="the exported .csv file")
    imports.add_argument(
        "--units",
        choices=["kg", "lb"],
        help="how to read a file that doesn't say (asked otherwise, when its loads look wrong)",
    )
    export = sub.add_parser("export", help="export --user's history (as /export does)")
    export.add_argument("--format", choices=["csv", "json"], default="csv")
    export.add_argument("--output", help="write to this file (default: stdout)")

    reminders = sub.add_parser("reminders", help="upcoming reminders of --user")
    reminders.add_argument("--json", action="store_true")
    reminders.add_argument("--from", dest="start", help="ISO 8601 start (default: now)")
    reminders.add_argument("--days", type=int, default=7, help="how many days (default: 7)")

    run = sub.add_parser("run", help="run the bots (settings from the environment and .env)")
    run.add_argument(
        "role",
        choices=["all", "telegram", "discord", "scheduler"],
        help="all: every platform with a token, and the reminder dispatcher",
    )

    config = sub.add_parser("config", help="settings")
    config_sub = config.add_subparsers(dest="config_command", required=True, parser_class=_Parser)
    config_sub.add_parser("check", help="validate and print the settings, secrets masked")
    return parser


def parse_at(value: str | None, timezone: str) -> datetime:
    """Return `--at` (or now) as an aware time; without an offset it is the user's local time."""
    if value is None:
        return datetime.now(UTC)
    try:
        at = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--at: not an ISO 8601 date-time: {value!r}") from exc
    return at if at.tzinfo else at.replace(tzinfo=ZoneInfo(timezone))
