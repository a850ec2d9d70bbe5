"""Core path throughput and latency: parse, store, plan, reply, for 1,000 users x 20 messages.

Runs on SQLite (a temp file) and on PostgreSQL (a scratch database) when
BENCH_DATABASE_URL or TEST_DATABASE_URL names a server. The baseline, measured
in the same run on the same database, is the floor cost of one durable write per
message: a bare INSERT of the message row and a commit. "coach" handles one message
at a time (p50/p99 per message); "grouped" is the bots' group commit, 50 messages per
handle_batch call (throughput; each message's share of its batch's time).

    python bench/core.py [--users 1000] [--messages 20]
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named core.py: keep its folder off the path so `core` is the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent.resolve()]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.scratch_db

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bot.bootstrap import build
from core.messages import IncomingMessage
from storage.database import create_engine
from tests.scratch_db import scratch_database, server_url

GROUP = 50  # messages per transaction in the group-commit run

WORKOUTS = [
    "squat 3x8 {w}kg",
    "bench 80kg 8,8,7",
    "deadlift 140x5x3",
    "pull ups 3x8 bw+10",
    "zone 2 45 min avg hr 128",
    "ohp 3x8 @ 40",
    "squat 60x8, 80x5, {w}x8, {w}x8, {w}x8\nrow 3x10 50",
    "/plan",
    "hiit 20 min",
    "/week",
]


def messages(users: int, per_user: int) -> list[IncomingMessage]:
    start = datetime(2026, 9, 1, 18, tzinfo=UTC)
    out = []
    for n in range(per_user):
        for u in range(users):
            text = WORKOUTS[n % len(WORKOUTS)].format(w=60 + 2.5 * (n // 2))
            out.append(
                IncomingMessage(
                    platform="bench",
                    user_id=f"u{u}",
                    message_id=f"{u}-{n}",
                    text=text,
                    sent_at=start + timedelta(days=n, minutes=u % 600),
                )
            )
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def run_core(url: str, batch: list[IncomingMessage]) -> list[float]:
    coach = await build(url)  # as the app builds it
    service, engine = coach.service, coach.engine
    latencies = []
    for message in batch:
        t0 = time.perf_counter()
        result = await service.handle(message)
        latencies.append(time.perf_counter() - t0)
        assert result.status != "failed", result
    await engine.dispose()
    return latencies


async def run_batched(url: str, batch: list[IncomingMessage], size: int) -> list[float]:
    """Group commit: `size` messages at a time through handle_batch; per-message shares."""
    coach = await build(url)
    service, engine = coach.service, coach.engine
    latencies = []
    for start in range(0, len(batch), size):
        chunk = batch[start : start + size]
        t0 = time.perf_counter()
        results = await service.handle_batch(chunk)
        elapsed = time.perf_counter() - t0
        latencies += [elapsed / len(chunk)] * len(chunk)
        assert all(r.status != "failed" for r in results)
    await engine.dispose()
    return latencies


async def run_baseline(url: str, batch: list[IncomingMessage]) -> list[float]:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP TABLE IF EXISTS bench_baseline"))
        await conn.execute(
            text("CREATE TABLE bench_baseline (id VARCHAR(64) PRIMARY KEY, body TEXT)")
        )
    latencies = []
    for message in batch:
        t0 = time.perf_counter()
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO bench_baseline VALUES (:id, :body)"),
                {"id": message.message_id, "body": message.text},
            )
        latencies.append(time.perf_counter() - t0)
    await engine.dispose()
    return latencies


def report(name: str, latencies: list[float], share: bool = False) -> None:
    total = sum(latencies)
    timing = (
        f"mean {total / len(latencies) * 1000:5.2f} ms per message, in batches of {GROUP}"
        if share
        else f"p50 {statistics.median(latencies) * 1000:6.2f} ms   "
        f"p99 {percentile(latencies, 99) * 1000:6.2f} ms"
    )
    print(f"  {name:<9} {len(latencies) / total:8.0f} msg/s   {timing}")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=20)
    args = parser.parse_args()
    batch = messages(args.users, args.messages)
    print(
        f"bench/core.py {datetime.now(UTC):%Y-%m-%d} on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}: "
        f"{args.users} users x {args.messages} messages = {len(batch)} messages, one at a time"
    )
    with tempfile.TemporaryDirectory() as tmp:
        print("SQLite (file, WAL):")
        report("baseline", await run_baseline(f"sqlite:///{tmp}/base.db", batch))
        report("coach", await run_core(f"sqlite:///{tmp}/coach.db", batch))
        report(
            "grouped", await run_batched(f"sqlite:///{tmp}/grouped.db", batch, GROUP), share=True
        )
    pg = server_url()
    if pg:
        async with scratch_database(pg) as url:
            print("PostgreSQL (localhost):")
            report("baseline", await run_baseline(url, batch))
            report("coach", await run_core(url, batch))
        async with scratch_database(pg) as url:
            report("grouped", await run_batched(url, batch, GROUP), share=True)


if __name__ == "__main__":
    asyncio.run(main())
