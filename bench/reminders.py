"""Reminder dispatcher at scale: bulk-create schedules, then dispatch them all.

Measures, on a scratch database (created, then dropped):
- create: time to bulk-insert the users and their schedules (next fire via CronTrigger);
- dispatch: pings claimed, recorded and handed to a no-op notifier per second, with one
  and with two dispatcher processes (every schedule made due at once);
- the peak RSS of each dispatcher process (resource.getrusage), which must stay flat
  as the number of schedules grows: the dispatcher works in batches.

    python bench/reminders.py                      # PostgreSQL 1,000,000 + SQLite 100,000
    python bench/reminders.py --pg 100000 --sqlite 10000 --batch 500

PostgreSQL comes from BENCH_DATABASE_URL or TEST_DATABASE_URL (its server; the bench
creates a scratch database and drops it); without either only SQLite runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script: keep bench/ (which has a core.py) off the path, the repository on it.
_HERE = Path(__file__).parent.resolve()
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

from sqlalchemy import insert, text  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine  # noqa: E402

from core.messages import Reply  # noqa: E402
from core.reminders.schedule import COMPANIONS, DEFAULTS, Schedule, next_fire  # noqa: E402
from storage.database import create_engine, upgrade  # noqa: E402
from storage.reminder_models import ReminderSchedule  # noqa: E402
from tests.scratch_db import scratch_database, server_url  # noqa: E402

TIMEZONES = ("Europe/Berlin", "America/New_York", "Europe/London", "Asia/Tokyo", "UTC")
CHUNK = 10_000


class NoopNotifier:
    platform = "bench"

    async def send(self, user_id: str, reply: Reply) -> None:
        return None


def rss_mb() -> float:
    """Return this process's peak RSS in MB.

    VmHWM, not ru_maxrss: after fork and exec, Linux's ru_maxrss still counts the
    parent's peak (which here holds the rows it generated).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _rows(first_user: int, users: int, now: datetime):  # type: ignore[no-untyped-def]
    """Yield one schedule row per (user, kind): the article's week in a few timezones."""
    specs = {**DEFAULTS, **COMPANIONS}
    for user_id in range(first_user, first_user + users):
        tz = TIMEZONES[user_id % len(TIMEZONES)]
        for kind in specs:
            days, hour, minute = specs[kind]
            minute = (minute + user_id) % 60  # spread over the hour
            s = Schedule(user_id, kind, days, hour, minute, tz, "bench", f"u{user_id}")
            yield {
                "user_id": user_id,
                "kind": kind,
                "days": s.cron_days,
                "hour": hour,
                "minute": minute,
                "timezone": tz,
                "platform": "bench",
                "external_id": f"u{user_id}",
                "next_fire_at": next_fire(s, now),
                "updated_at": now,
            }


async def create_schedules(engine: AsyncEngine, count: int) -> float:
    """Bulk-insert `count` schedules (and count / 5 users); return the seconds taken."""
    now = datetime.now(UTC)
    users = -(-count // len({**DEFAULTS, **COMPANIONS}))
    started = time.perf_counter()
    postgres = engine.dialect.name == "postgresql"
    async with engine.begin() as conn:
        for first in range(1, users + 1, CHUNK):
            n = min(CHUNK, users + 1 - first)
            user_rows = [("kg", TIMEZONES[u % len(TIMEZONES)], False, now) for u in range(n)]
            rows = list(_rows(first, n, now))
            if postgres:
                raw = (await conn.get_raw_connection()).driver_connection
                await raw.copy_records_to_table(
                    "users",
                    records=user_rows,
                    columns=["units", "timezone", "paused", "created_at"],
                )
                await raw.copy_records_to_table(
                    "reminder_schedules",
                    records=[tuple(r.values()) for r in rows],
                    columns=list(rows[0]),
                )
            else:
                await conn.execute(
                    text(
                        "INSERT INTO users (units, timezone, paused, created_at) "
                        "VALUES (:u, :tz, :p, :c)"
                    ),
                    [
                        {"u": u, "tz": tz, "p": p, "c": c.isoformat(" ")}
                        for u, tz, p, c in user_rows
                    ],
                )
                await conn.execute(insert(ReminderSchedule.__table__), rows)  # type: ignore[attr-defined]
    seconds = time.perf_counter() - started
    async with engine.begin() as conn:
        total = (await conn.execute(text("SELECT count(*) FROM reminder_schedules"))).scalar()
    assert total == users * len({**DEFAULTS, **COMPANIONS}), total
    return seconds


async def make_all_due(engine: AsyncEngine) -> None:
    due = datetime.now(UTC) - timedelta(minutes=1)
    async with engine.begin() as conn:
        await conn.execute(text("DELETE FROM reminder_deliveries"))
        await conn.execute(text("UPDATE reminder_schedules SET next_fire_at = :due"), {"due": due})
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("VACUUM ANALYZE reminder_schedules"))
            await conn.execute(text("VACUUM ANALYZE reminder_deliveries"))


async def worker(url: str, batch: int) -> None:
    """One dispatcher process: drain everything due, print one JSON line."""
    from bot.scheduler import drain
    from storage.reminder_dispatch import SqlDispatchStore

    engine = create_engine(url)
    baseline = rss_mb()
    started = time.perf_counter()
    stats = await drain(SqlDispatchStore(engine), {"bench": NoopNotifier()}, batch=batch)
    seconds = time.perf_counter() - started
    await engine.dispose()
    result = {
        "claimed": stats.claimed,
        "sent": stats.sent,
        "seconds": seconds,
        "rss_mb": rss_mb(),
        "rss_after_imports_mb": baseline,
    }
    print(json.dumps(result), flush=True)


async def dispatch(url: str, processes: int, batch: int) -> dict[str, float]:
    """Run `processes` dispatcher processes at once; return totals and the worst RSS."""
    started = time.perf_counter()
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable, __file__, "worker", url, str(batch), stdout=asyncio.subprocess.PIPE
        )
        for _ in range(processes)
    ]
    outputs = [await p.communicate() for p in procs]
    wall = time.perf_counter() - started
    results = [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in outputs]
    claimed = sum(r["claimed"] for r in results)
    return {
        "processes": processes,
        "claimed": claimed,
        "sent": sum(r["sent"] for r in results),
        "wall_seconds": round(wall, 2),
        "pings_per_second": round(claimed / wall),
        "per_process": [round(r["claimed"] / r["seconds"]) for r in results],
        "peak_rss_mb": round(max(r["rss_mb"] for r in results), 1),
        "rss_after_imports_mb": round(max(r["rss_after_imports_mb"] for r in results), 1),
    }


async def run_backend(url: str, count: int, process_counts: list[int], batch: int) -> dict:  # type: ignore[type-arg]
    engine = create_engine(url)
    try:
        await upgrade(engine)
        report: dict[str, object] = {"schedules": count}
        seconds = await create_schedules(engine, count)
        report["create_seconds"] = round(seconds, 2)
        report["create_rows_per_second"] = round(count / seconds)
        runs = []
        for processes in process_counts:
            await make_all_due(engine)
            result = await dispatch(url, processes, batch)
            assert result["claimed"] == count, result
            runs.append(result)
        report["dispatch"] = runs
        return report
    finally:
        await engine.dispose()


async def main(args: argparse.Namespace) -> None:
    print(
        f"# {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.platform()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, batch {args.batch}"
    )
    server = server_url()
    if server and args.pg:
        async with scratch_database(server) as url:
            report = await run_backend(url, args.pg, [1, 2], args.batch)
            print(json.dumps({"postgresql": report}), flush=True)
    if args.sqlite:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{folder}/bench.db"
            # SQLite: one dispatcher process (no SKIP LOCKED), as in production.
            report = await run_backend(url, args.sqlite, [1], args.batch)
            print(json.dumps({"sqlite": report}), flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "worker":
        asyncio.run(worker(sys.argv[2], int(sys.argv[3])))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pg", type=int, default=1_000_000, help="schedules on PostgreSQL (0: skip)"
    )
    parser.add_argument("--sqlite", type=int, default=100_000, help="schedules on SQLite (0: skip)")
    parser.add_argument("--batch", type=int, default=500, help="rows per claim")
    asyncio.run(main(parser.parse_args()))
