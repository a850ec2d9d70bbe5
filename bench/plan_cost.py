"""`/plan` cost against the length of a person's history: 100 vs 10,000 logged sessions.

Each person's history is written straight into the tables (one message per session, three
lifts of three sets, every other day back from today), then `/plan`, `/plan all` and
`/week` are sent through the service and timed (median and p99 of 200 each). The cost
should not grow with history: the plan reads the last 12 weeks (plus 8 for the best
estimated max), `/week` the week plus 8, whatever lies before.

    python bench/plan_cost.py [--sessions 100 10000] [--repeat 200]
Runs on SQLite (a temp file), and on PostgreSQL too when BENCH_DATABASE_URL or
TEST_DATABASE_URL names a server (a scratch database).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Like bench/core.py: the repository on the path, this folder (its core.py) off it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent.resolve()]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from bot.bootstrap import build
from core.conversation.flood import FloodLimit
from core.messages import IncomingMessage
from storage.models import Identity, Message, StrengthSet, User
from tests.scratch_db import scratch_database, server_url

NOW = datetime(2026, 11, 30, 7, tzinfo=UTC)
LIFTS = (("squat", 100.0), ("bench_press", 70.0), ("deadlift", 130.0))
COMMANDS = ("/plan", "/plan all", "/week")


async def seed(engine, user: str, sessions: int) -> None:  # type: ignore[no-untyped-def]
    """Write `sessions` logged sessions for `user`, the latest two days ago."""
    async with engine.begin() as conn:
        user_id = (
            await conn.execute(
                insert(User.__table__).returning(User.__table__.c.id),  # type: ignore[attr-defined]
                [
                    {
                        "created_at": NOW - timedelta(days=2 * sessions + 10),
                        "onboarding_step": "done",
                    }
                ],
            )
        ).scalar_one()
        await conn.execute(
            insert(Identity.__table__),  # type: ignore[attr-defined]
            [{"platform": "bench", "external_id": user, "user_id": user_id}],
        )
        messages, sets = [], []
        for n in range(sessions):
            at = NOW - timedelta(days=2 * (sessions - n))
            messages.append(
                {
                    "user_id": user_id,
                    "platform": "bench",
                    "platform_message_id": f"{user}-{n}",
                    "text": "squat 3x8 100kg",
                    "sent_at": at,
                    "received_at": at,
                    "recorded": True,
                    "undone": False,
                }
            )
        ids = (
            (
                await conn.execute(
                    insert(Message.__table__).returning(Message.__table__.c.id),  # type: ignore[attr-defined]
                    messages,
                )
            )
            .scalars()
            .all()
        )
        for n, message_id in enumerate(ids):
            at = NOW - timedelta(days=2 * (sessions - n))
            for lift, load in LIFTS:
                for position in (1, 2, 3):
                    sets.append(
                        {
                            "user_id": user_id,
                            "message_id": message_id,
                            "exercise": lift,
                            "position": position,
                            "reps": 8,
                            "weight": load + (n % 10) * 2.5,
                            "unit": "kg",
                            "weight_kg": load + (n % 10) * 2.5,
                            "bodyweight": False,
                            "day": at.date(),
                            "performed_at": at,
                        }
                    )
        for chunk in range(0, len(sets), 5000):
            await conn.execute(insert(StrengthSet.__table__), sets[chunk : chunk + 5000])  # type: ignore[attr-defined]


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(url: str, sizes: list[int], repeat: int) -> None:
    coach = await build(url, flood_limit=FloodLimit(0))
    try:
        users = {n: f"u{n}-{uuid.uuid4().hex[:6]}" for n in sizes}
        for n, user in users.items():
            await seed(coach.engine, user, n)
        print(f"  {'history':>9}  {'command':10} {'p50 ms':>7} {'p99 ms':>7}")
        for command in COMMANDS:
            for n, user in users.items():
                times = []
                for i in range(repeat):
                    message = IncomingMessage(
                        "bench", user, f"{user}-{command}-{i}", command, NOW + timedelta(seconds=i)
                    )
                    start = time.perf_counter()
                    await coach.service.handle(message)
                    times.append((time.perf_counter() - start) * 1000)
                p50, p99 = statistics.median(times), _p(times, 0.99)
                print(f"  {n:>9,}  {command:10} {p50:7.2f} {p99:7.2f}")
    finally:
        await coach.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    print(
        f"bench/plan_cost.py {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        print("SQLite:")
        await run(f"sqlite+aiosqlite:///{folder}/plan.db", args.sessions, args.repeat)
    server = server_url()
    if server:
        async with scratch_database(server, "bench_plan") as url:
            print("PostgreSQL:")
            await run(url, args.sessions, args.repeat)


if __name__ == "__main__":
    asyncio.run(main())
