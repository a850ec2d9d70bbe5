"""A dispatcher killed holding a claim: each of its pings goes out once, or is dropped late.

`coach run scheduler` runs as a real process against the stand-in Bot API, on a SQLite
file or PostgreSQL, and is SIGKILLed in the middle of its batch. Another dispatcher on
the same database leaves the dead claim alone until its lease has run out, then sends
what the dead one never handed over, drops what is by then over two hours late, and
marks `unknown` what it had handed over (that ping may have arrived, once).
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.scheduler import drain
from core.reminders.claim import LEASE
from storage.database import create_engine
from storage.reminder_dispatch import SqlDispatchStore
from tests.processes import start_coach
from tests.reminder_people import add_people, received, statuses, telegram_notifier
from tests.telegram_fake import FakeBotAPI

logger = logging.getLogger(__name__)

OLD = [9000 + n for n in range(60)]  # due 1 h 55 min ago: over 2 h late after the lease
NEW = [9500 + n for n in range(60)]  # due a minute ago
KILL_AFTER = 40  # messages sent (the oldest go first)


def at(instant: datetime) -> Callable[[], datetime]:
    return lambda: instant


async def _scheduler(db_url: str, api: FakeBotAPI) -> asyncio.subprocess.Process:
    """Start `coach run scheduler`: the dispatcher alone, sending through Telegram."""
    return await start_coach(db_url, api, "scheduler", stderr=asyncio.subprocess.DEVNULL)


async def test_a_dispatcher_killed_holding_a_claim_sends_each_ping_once_or_drops_it(
    db_url: str,
) -> None:
    engine = create_engine(db_url)
    store = SqlDispatchStore(engine)
    chats = OLD + NEW
    start = datetime.now(UTC)
    due = {chat: start - timedelta(hours=1, minutes=55) for chat in OLD}
    await add_people(engine, due | dict.fromkeys(NEW, start - timedelta(minutes=1)))
    try:
        async with FakeBotAPI() as api:
            process = await _scheduler(db_url, api)
            try:
                await api.wait_sent(KILL_AFTER, within=30)
            finally:
                process.send_signal(signal.SIGKILL)
                await process.wait()
            assert process.returncode == -signal.SIGKILL
            died = datetime.now(UTC)
            at_death = Counter((await statuses(engine)).values())
            assert at_death["claimed"] >= len(chats) - KILL_AFTER - 10  # it held a claim
            before = received(api, chats)
            async with telegram_notifier(api) as notifier:
                within = await drain(store, {"telegram": notifier}, clock=at(died + LEASE / 2))
                assert within.claimed == 0  # the dead claim's lease still holds
                assert received(api, chats) == before
                after = await drain(
                    store, {"telegram": notifier}, clock=at(died + LEASE + timedelta(seconds=1))
                )
                again = await drain(
                    store, {"telegram": notifier}, clock=at(died + LEASE + timedelta(minutes=30))
                )
                assert again.claimed == 0
            got = received(api, chats)
        found = await statuses(engine)
    finally:
        await engine.dispose()

    assert set(found) == set(chats)
    assert max(got.values()) == 1  # nobody got their ping twice
    kinds = Counter(found.values())
    assert set(kinds) <= {"sent", "dropped", "unknown"}
    for chat, status in found.items():
        assert got[chat] == {"sent": 1, "dropped": 0}.get(status, got[chat]), (chat, status)
    assert {chat for chat, status in found.items() if status == "dropped"} <= set(OLD)
    assert {chat for chat in NEW if found[chat] != "sent"} <= {
        chat for chat, status in found.items() if status == "unknown"
    }
    # Unknown: only what the dead one had handed over and not recorded: one hand-over covers
    # HAND_OVER_SECONDS of sending at the pace it measured, which in a burst allowance (or on
    # a loaded machine, 11 seen under `pytest -n 4`) is faster than Telegram's 30/s. Handing
    # over the whole claim at once would leave about 80 unknown.
    assert kinds["unknown"] <= 20, kinds
    assert after.sent == len(NEW) - sum(found[chat] == "unknown" for chat in NEW)
    logger.info(
        "killed after %d sent, %d still claimed; then %d sent by another dispatcher, "
        "%d dropped as late, %d unknown (%d of them arrived)",
        sum(before.values()),
        at_death["claimed"],
        after.sent,
        kinds["dropped"],
        kinds["unknown"],
        sum(got[chat] for chat, status in found.items() if status == "unknown"),
    )
