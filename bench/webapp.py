"""The training page's JSON endpoints: p50/p99 per request, and the first view in Chromium.

One person with a year of training (3 sessions a week of 3 lifts, 2 Zone 2 sessions) on
SQLite (a temp file) and on PostgreSQL (a scratch database) when BENCH_DATABASE_URL or
TEST_DATABASE_URL names a server. Requests go one at a time over loopback through aiohttp's
client to the coach's own HTTP server. The baseline, measured in the same run on the same
server and database, is GET /healthz (a `SELECT 1` behind the same aiohttp app).

    python bench/webapp.py [--requests 300] [--browser]
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds a core.py: keep this folder off the path so `core` is the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent.resolve()]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.scratch_db

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

import aiohttp
from aiohttp import web

from bot.observability import Health, Metrics, http_app
from bot.webapp.server import TrainingPage
from bot.webapp.telegram_init import signed_init_data
from core.accounts.app_links import AppLinks
from core.conversation.flood import FloodLimit
from core.conversation.service import ConversationService
from core.messages import IncomingMessage
from storage.database import create_engine, upgrade
from storage.unit_of_work import unit_of_work_factory
from tests.scratch_db import scratch_database, server_url

TOKEN = "123456:bench-token"
NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)
PERSON = "4242"


def year_of_logs() -> list[tuple[datetime, str]]:
    """Monday/Wednesday/Friday lifting, Tuesday/Saturday Zone 2, for 52 weeks to NOW."""
    logs = []
    monday = NOW - timedelta(days=NOW.weekday(), weeks=52)
    for week in range(53):
        base = monday + timedelta(weeks=week)
        w = 60 + 1.25 * week
        days = [
            (0, f"squat 3x5 {w}kg\nbench press 3x8 {w * 0.7:.1f}kg\nrow 3x8 {w * 0.6:.1f}kg"),
            (1, "zone 2 run 45 min"),
            (2, f"deadlift 1x5 {w * 1.3:.1f}kg\noverhead press 3x8 {w * 0.45:.1f}kg"),
            (4, f"squat 3x5 {w}kg\nbench press 3x8 {w * 0.7:.1f}kg\npull up 3x8 bw"),
            (5, "zone 2 bike 60 min"),
        ]
        for offset, line in days:
            at = base + timedelta(days=offset, hours=18)
            if at < NOW:
                logs.append((at, line))
    return logs


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def measure(url: str, requests: int, browser: bool) -> None:
    engine = create_engine(url)
    await upgrade(engine)
    # No flood limit: it would (rightly) refuse a person's hundredth edit in ten seconds.
    service = ConversationService(unit_of_work_factory(engine), flood_limit=FloodLimit(0, 10))
    for at, line in year_of_logs():
        await service.handle(IncomingMessage("telegram", PERSON, uuid.uuid4().hex, line, at))
    page = TrainingPage(service, engine, AppLinks("http://127.0.0.1", b"bench"), TOKEN, lambda: NOW)
    runner = web.AppRunner(http_app(Health(engine), Metrics(), page), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    base = f"http://127.0.0.1:{port}"
    init = signed_init_data(
        {"user": f'{{"id":{PERSON}}}', "auth_date": str(int(NOW.timestamp()))}, TOKEN
    )
    # unsafe=True: keep cookies from an IP address (127.0.0.1), which aiohttp refuses by default.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        async with http.post(f"{base}/app/api/session", json={"initData": init}) as r:
            assert r.status == 200, await r.text()
        async with http.get(f"{base}/app/api/sessions") as r:
            answer = await r.json()
            assert r.status == 200, answer
            newest = answer["sessions"][0]
        position = newest["sets"][0]["position"]
        reps = newest["sets"][0]["reps"]

        async def get(path: str) -> None:
            async with http.get(base + path) as r:
                assert r.status == 200
                await r.read()

        flip = [reps]

        async def correct() -> None:
            flip[0] = reps + 1 if flip[0] == reps else reps  # alternate, so each is an edit
            body = {"message_id": newest["message_id"], "position": position, "reps": flip[0]}
            async with http.post(base + "/app/api/set", json=body) as r:
                assert r.status == 200, await r.text()
                await r.read()

        cases = {
            "GET /healthz (baseline)": lambda: get("/healthz"),
            "POST /app/api/session": lambda: http_session(http, base, init),
            "GET /app/api/overview": lambda: get("/app/api/overview"),
            "GET /app/api/sessions": lambda: get("/app/api/sessions"),
            "POST /app/api/set (an edit)": correct,
        }
        sizes = {}
        for path in ("/app/api/overview", "/app/api/sessions"):
            async with http.get(base + path, headers={"Accept-Encoding": "gzip"}) as r:
                sizes[path] = (len(await r.read()), r.headers.get("Content-Length"))
        for name, call in cases.items():
            for _ in range(10):
                await call()
            samples = []
            count = requests if "set" not in name else max(50, requests // 3)
            for _ in range(count):
                started = time.perf_counter()
                await call()
                samples.append((time.perf_counter() - started) * 1000)
            print(
                f"  {name:30s} n={count:4d} p50 {statistics.median(samples):6.2f} ms"
                f"  p99 {percentile(samples, 99):6.2f} ms"
            )
        for path, (raw, wire) in sizes.items():
            print(
                f"  {path}: {raw / 1024:.1f} KiB of JSON, {int(wire or raw) / 1024:.1f} KiB gzipped"
            )
    if browser:
        await first_view(base, init)
    await runner.cleanup()
    await engine.dispose()


async def http_session(http: aiohttp.ClientSession, base: str, init: str) -> None:
    async with http.post(f"{base}/app/api/session", json={"initData": init}) as r:
        assert r.status == 200


async def first_view(base: str, init: str) -> None:
    """Load the page as Telegram opens it, 10 times in fresh contexts (nothing cached)."""
    from urllib.parse import quote

    from playwright.async_api import async_playwright

    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ]
    times, sizes = [], []
    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(10):
            context = await chromium.new_context(viewport={"width": 390, "height": 844})
            page = await context.new_page()
            # Outside Telegram, its script is not fetched: the fragment is read instead.
            await page.goto(f"{base}/app/#tgWebAppData={quote(init, safe='')}")
            await page.locator("body[data-ready='1']").wait_for(state="attached")
            measured = await page.evaluate(
                """() => {
                  const all = [performance.getEntriesByType('navigation')[0],
                               ...performance.getEntriesByType('resource')];
                  return [performance.getEntriesByName('first-view')[0].startTime,
                          all.reduce((n, e) => n + e.transferSize, 0)];
                }"""
            )
            times.append(measured[0])
            sizes.append(measured[1])
            await context.close()
        await chromium.close()
    print(
        f"  first view in Chromium: median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms; {statistics.median(sizes) / 1024:.1f} KiB transferred"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--browser", action="store_true", help="also time the first view")
    args = parser.parse_args()
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; one person, a year of logs ({len(year_of_logs())})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        print("SQLite:")
        await measure(f"sqlite+aiosqlite:///{Path(tmp) / 'coach.db'}", args.requests, args.browser)
    pg = server_url()
    if pg:
        async with scratch_database(pg) as url:
            print("PostgreSQL:")
            await measure(url, args.requests, False)


if __name__ == "__main__":
    asyncio.run(main())
