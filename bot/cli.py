"""The `coach` command: console chat, scripting, database and run commands."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import NoReturn
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError

from bot import console
from bot.bootstrap import Coach, build
from bot.settings import Settings, SettingsError, load_settings
from core.recording.entries import CardioEntry, ParseResult, StrengthEntry
from core.recording.parser import parse
from storage.database import resolve_url, safe_url


class UsageError(Exception):
    """Bad command-line input: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="coach", description="A strength coach for a healthy brain.")
    parser.add_argument("--db", help="database URL (default: DATABASE_URL or data/coach.db)")
    parser.add_argument("--user", default="local", help="console user id (default: local)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sub.add_parser("chat", help="chat with the coach in this terminal")
    say = sub.add_parser("say", help="send one message and print the reply")
    say.add_argument("--at", help="message time, ISO 8601 (local to the user without offset)")
    say.add_argument("--id", help="platform message id (re-sending the same id is a no-op)")
    say.add_argument("text", nargs="+")

    parse_cmd = sub.add_parser("parse", help="show what a message would record")
    parse_cmd.add_argument("--json", action="store_true", required=True)
    parse_cmd.add_argument("--units", choices=["kg", "lb"], default="kg")
    parse_cmd.add_argument("text", nargs="+")

    for name, text in (("plan", "next session's loads"), ("week", "this week's dose")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--json", action="store_true")
        cmd.add_argument("--at", help="ISO 8601 time (default: now)")

    ask = sub.add_parser("ask", help="ask the coach a question")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("question", nargs="+")

    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    db_sub.add_parser("upgrade", help="apply migrations")

    imports = sub.add_parser("import", help="import a Strong or Hevy CSV export for --user")
    imports.add_argument("file", help="the exported .csv file")
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


def _settings() -> Settings:
    """Return the validated settings (environment, then `.env`); a bad one is a usage error."""
    try:
        return load_settings()
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def _parse_at(value: str | None, timezone: str) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        at = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--at: not an ISO 8601 date-time: {value!r}") from exc
    return at if at.tzinfo else at.replace(tzinfo=ZoneInfo(timezone))


def parse_json(result: ParseResult) -> dict[str, object]:
    entries: list[dict[str, object]] = []
    for entry in result.entries:
        if isinstance(entry, StrengthEntry):
            entries.append(
                {
                    "kind": "strength",
                    "exercise": entry.exercise,
                    "sets": [
                        {
                            "reps": s.reps,
                            "weight_kg": round(s.weight_kg, 4),
                            "bodyweight": s.bodyweight,
                            "rpe": s.rpe,
                        }
                        for s in entry.sets
                    ],
                }
            )
        elif isinstance(entry, CardioEntry):
            entries.append(
                {
                    "kind": "cardio",
                    "modality": entry.modality,
                    "activity": entry.activity,
                    "minutes": entry.minutes,
                    "avg_hr": entry.avg_hr,
                }
            )
    problems = [{"kind": p.kind, "text": p.source, "message": p.message} for p in result.problems]
    return {"entries": entries, "problems": problems}


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, default=str))


async def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        _print_json(parse_json(parse(" ".join(args.text), args.units)))
        return 0
    if args.command == "ask":
        from core.faq import answer as faq

        found = faq.answer(" ".join(args.question))
        if args.json:
            _print_json(
                {"topic": found.topic, "answer": found.answer, "sources": list(found.sources)}
            )
        else:
            print(found.answer)
        return 0
    settings = _settings()
    if args.command == "config":
        width = max(len(name) for name in settings.masked())
        for name, value in settings.masked().items():
            print(f"{name.ljust(width)}  {value}")
        return 0
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
    try:
        coach = await build(url)
    except (OSError, SQLAlchemyError) as exc:
        print(
            f"coach: can't open the database {safe_url(url)} ({type(exc).__name__})",
            file=sys.stderr,
        )
        return 1
    try:
        return await _run_with(coach, args)
    finally:
        await coach.close()


async def _run_with(coach: Coach, args: argparse.Namespace) -> int:
    service = coach.service
    if args.command == "db":
        return 0  # build() applied the migrations
    if args.command == "chat":
        try:
            import readline  # noqa: F401  (line editing and history for input())
        except ImportError:
            pass
        await console.chat(service, args.user)
        return 0
    if args.command in ("import", "export"):
        return await _history_file(coach, args)
    timezone = await service.timezone_of(console.PLATFORM, args.user)
    if args.command == "reminders":
        return await _reminders(coach, args, _parse_at(args.start, timezone))
    at = _parse_at(args.at, timezone)
    if args.command == "say":
        msg = console.message(args.user, " ".join(args.text), at, message_id=args.id)
        result = await service.handle(msg)
        for reply in result.replies:
            print(console.render(reply))
        return 1 if result.status == "failed" else 0
    if args.command == "plan":
        plans = await service.plan(console.PLATFORM, args.user, at)
        if args.json:
            _print_json({"exercises": [_plan_json(p) for p in plans]})
        else:
            from core.formatting import plan_line

            print("\n".join(plan_line(p) for p in plans) or "No lifts in the last 4 weeks.")
        return 0
    if args.command == "week":
        dose = await service.week(console.PLATFORM, args.user, at)
        if args.json:
            _print_json(asdict(dose))
        else:
            from core.coaching.commands import week_text

            print(week_text(dose))
        return 0
    raise UsageError(f"unknown command {args.command}")


async def _history_file(coach: Coach, args: argparse.Namespace) -> int:
    """`coach import FILE` and `coach export`: the same flows as sending a file or /export."""
    from pathlib import Path

    from core.messages import Attachment

    service = coach.service

    if args.command == "import":
        path = Path(args.file)
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as exc:
            raise UsageError(f"can't read {args.file}: {exc.strerror}") from None
        attachment = Attachment(path.name, data, "text/csv")
        result = await service.handle(console.message(args.user, "", attachment=attachment))
        for reply in result.replies:
            print(console.render(reply))
        # "refused": a file it can't read; "answered": every workout was imported before.
        return 0 if result.status in ("recorded", "answered") else 1
    result = await service.handle(console.message(args.user, "/export"))
    files = [r.file for r in result.replies if r.file is not None]
    chosen = next((f for f in files if f.filename.endswith(f".{args.format}")), None)
    if chosen is None:
        print(console.render(result.replies[0]) if result.replies else "export failed")
        return 1
    if args.output:
        await asyncio.to_thread(Path(args.output).write_bytes, chosen.data)
    else:
        sys.stdout.buffer.write(chosen.data)
        sys.stdout.flush()
    return 0


async def _reminders(coach: Coach, args: argparse.Namespace, start: datetime) -> int:
    if not 1 <= args.days <= 366:
        raise UsageError("--days: between 1 and 366")
    found = await coach.service.upcoming(console.PLATFORM, args.user, start, args.days)
    if args.json:
        _print_json({"upcoming": found})
    else:
        print("\n".join(f"{r['at']}  {r['kind']}" for r in found) or "No reminders set.")
    return 0


def _plan_json(plan: object) -> dict[str, object]:
    from core.coaching.progression import Plan
    from core.recording.entries import to_kg

    assert isinstance(plan, Plan)
    return {
        "exercise": plan.exercise,
        "sets": plan.sets,
        "reps": plan.reps,
        "weight_kg": round(to_kg(plan.weight, plan.unit), 3),
        "weight": plan.weight,
        "unit": plan.unit,
        "rule": plan.rule,
        "reason": plan.reason,
    }


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        return asyncio.run(_run(args))
    except UsageError as exc:
        print(f"coach: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
