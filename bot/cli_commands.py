"""What each `coach` command does once its arguments are read: it prints, returns the exit code.

The commands that need no database (parse, ask, config) take the arguments or settings; the
others take the built Coach. Bad input raises UsageError, as the argument parser does.
The console adapter and asyncio are imported by the commands that use them: `coach parse`
starts without them.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli_arguments import UsageError
from core.recording.entries import CardioEntry, ParseResult, StrengthEntry
from core.recording.parser import parse

if TYPE_CHECKING:
    from bot.bootstrap import Coach
    from bot.settings import Settings


def parse_message(args: argparse.Namespace) -> int:
    """`coach parse --json TEXT`: what the message would record, as JSON."""
    print_json(parse_json(parse(" ".join(args.text), args.units)))
    return 0


def ask(args: argparse.Namespace) -> int:
    """`coach ask QUESTION`: the coach's answer (with its sources under --json)."""
    from core.faq import answer as faq

    found = faq.answer(" ".join(args.question))
    if args.json:
        print_json({"topic": found.topic, "answer": found.answer, "sources": list(found.sources)})
    else:
        print(found.answer)
    return 0


def show_config(settings: Settings) -> int:
    """`coach config check`: the settings, secrets masked."""
    width = max(len(name) for name in settings.masked())
    for name, value in settings.masked().items():
        print(f"{name.ljust(width)}  {value}")
    return 0


async def chat(coach: Coach, args: argparse.Namespace) -> int:
    """`coach chat`: the conversation in this terminal; charts and files go to --files."""
    from bot import console

    try:
        import readline  # noqa: F401  (line editing and history for input())
    except ImportError:
        pass
    await console.chat(coach.service, args.user, files=console.Files.at(args.files))
    return 0


async def say(coach: Coach, args: argparse.Namespace, at: datetime) -> int:
    """`coach say TEXT`: send one message, print the replies; 1 if the core failed or a
    chart or file could not be saved in --files."""
    from bot import console

    msg = console.message(args.user, " ".join(args.text), at, message_id=args.id)
    result = await console.exchange(coach.service, msg)
    files = console.Files.at(args.files)
    for text in await console.shown(coach.service, msg, result.replies, files):
        print(text)
    return 1 if result.status in ("failed", "unavailable") or files.failed else 0


async def chart(coach: Coach, args: argparse.Namespace, at: datetime) -> int:
    """`coach chart EXERCISE|week`: the PNG `/chart` sends, written to --output (or to a
    new file in ./coach-files); 1 with one line if there is nothing to chart."""
    import asyncio

    from bot import console

    text = "/chart " + " ".join(args.what)
    msg = console.message(args.user, text, at)
    result = await console.exchange(coach.service, msg)
    image = next((r.image for r in result.replies if r.image is not None), None)
    if image is None:
        said = result.replies[0].text if result.replies else "no chart"
        print(f"coach: {said}", file=sys.stderr)
        return 1
    try:
        if args.output:
            path = Path(args.output)
            await asyncio.to_thread(path.write_bytes, image)  # the file asked for, by name
        else:
            timezone = await coach.service.timezone_of(console.PLATFORM, args.user)
            name = console.image_name(text, console.local_day(at, timezone))
            path = await asyncio.to_thread(console.Files().save, name, image)
    except console.FilesError as exc:
        print(f"coach: the chart was not saved: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"coach: can't write {args.output} ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"📈 Chart saved: {path}")
    return 0


async def plan(coach: Coach, args: argparse.Namespace, at: datetime) -> int:
    """`coach plan`: next session's loads (`coach session`: the next session)."""
    from bot import console

    if getattr(args, "session", False):
        return await session(coach, args, at)
    plans = await coach.service.plan(console.PLATFORM, args.user, at)
    if args.json:
        print_json({"exercises": [plan_json(p) for p in plans]})
    else:
        from core.formatting import plan_line

        print("\n".join(plan_line(p) for p in plans) or "No lifts in the last 12 weeks.")
    return 0


async def session(coach: Coach, args: argparse.Namespace, at: datetime) -> int:
    """`coach session --json`: the next session, as `/plan` shows it, as JSON."""
    from bot import console

    found = await coach.service.session(console.PLATFORM, args.user, at)
    keys = ("exercise", "sets", "reps", "weight", "unit", "rule", "reason")
    print_json(
        {
            "date": found.day.isoformat(),
            "exercises": [{k: plan_json(s.plan)[k] for k in keys} for s in found.lifts],
            "warmup": [asdict(w) for w in found.warmup],
            "cardio": [asdict(c) for c in found.cardio],
        }
    )
    return 0


async def week(coach: Coach, args: argparse.Namespace, at: datetime) -> int:
    """`coach week`: this week's dose."""
    from bot import console

    dose = await coach.service.week(console.PLATFORM, args.user, at)
    if args.json:
        print_json(asdict(dose))
    else:
        from core.coaching.commands import week_text

        print(week_text(dose))
    return 0


async def history_file(coach: Coach, args: argparse.Namespace) -> int:
    """`coach import FILE` and `coach export`: the same flows as sending a file or /export."""
    import asyncio

    from bot import console
    from core.messages import Attachment

    service = coach.service

    if args.command == "import":
        path = Path(args.file)
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as exc:
            raise UsageError(f"can't read {args.file}: {exc.strerror}") from None
        attachment = Attachment(path.name, data, "text/csv")
        result = await console.exchange(
            service, console.message(args.user, "", attachment=attachment)
        )
        # "These look like pounds: read them as lb?" A one-shot command can't tap: --units
        # answers it as the button would; without it, nothing is imported and it says how.
        asked = [c.data for r in result.replies for c in r.choices if c.data.startswith("/import ")]
        answer = next((d for d in asked if args.units and d.endswith(f" {args.units}")), None)
        if answer is not None:
            tap = console.message(args.user, answer, is_callback=True)
            result = await console.exchange(service, tap)
        for reply in result.replies:
            print(console.render(reply))
        if asked and answer is None:
            print("Nothing imported: run it again with --units lb or --units kg.")
            return 1
        # "refused": a file it can't read; "answered": every workout was imported before.
        return 0 if result.status in ("recorded", "answered") else 1
    result = await console.exchange(service, console.message(args.user, "/export"))
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


async def reminders(coach: Coach, args: argparse.Namespace, start: datetime) -> int:
    """`coach reminders`: the user's upcoming reminders."""
    from bot import console

    if not 1 <= args.days <= 366:
        raise UsageError("--days: between 1 and 366")
    found = await coach.service.upcoming(console.PLATFORM, args.user, start, args.days)
    if args.json:
        print_json({"upcoming": found})
    else:
        print("\n".join(f"{r['at']}  {r['kind']}" for r in found) or "No reminders set.")
    return 0


def plan_json(plan: object) -> dict[str, object]:
    """Return a Plan as `coach plan --json` shows it."""
    from core.coaching.progression import Plan
    from core.recording.entries import to_kg

    assert isinstance(plan, Plan)
    shown: dict[str, object] = {
        "exercise": plan.exercise,
        "sets": plan.sets,
        "reps": plan.reps,
        "weight_kg": round(to_kg(plan.weight, plan.unit), 3),
        "weight": plan.weight,
        "unit": plan.unit,  # the unit this lift is logged in
        "rule": plan.rule,
        "reason": plan.reason,
    }
    if plan.form:  # a bodyweight move's harder form, as a catalogue id
        shown["form"] = plan.form
    return shown


def parse_json(result: ParseResult) -> dict[str, object]:
    """Return what `coach parse --json` shows of a parse result."""
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


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, default=str))
