"""`coach run ROLE` as a real process against the stand-in Bot API, for fault tests."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.telegram_fake import TOKEN, FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent
# Settings of the machine that would change what the process does: left out.
UNSET = ("TELEGRAM_WEBHOOK_URL", "DISCORD_TOKEN", "DATABASE_URL", "DISPATCHER")


async def start_coach(
    db_url: str,
    api: FakeBotAPI,
    role: str = "telegram",
    *,
    log_level: str = "WARNING",
    stderr: int = asyncio.subprocess.PIPE,
) -> asyncio.subprocess.Process:
    """Start `coach --db DB_URL run ROLE` talking to `api`; stderr piped unless told."""
    env = {**os.environ, "TELEGRAM_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url}
    env["LOG_LEVEL"] = log_level
    for name in UNSET:
        env.pop(name, None)
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "--db", db_url, "run", role,
        cwd=ROOT, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=stderr,
    )  # fmt: skip
