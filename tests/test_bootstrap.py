"""The composition root wires every store itself: nothing depends on what happened to be
imported before (a process that skips migrations imports no migration module)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from storage.database import create_engine, upgrade

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import asyncio, sys
from bot.bootstrap import build
from bot.console import message

async def main():
    coach = await build(sys.argv[1], migrate=False)
    try:
        texts = ("/remind resistance mon,thu 18:00", "/link", "/equipment bar 20 plates 20,10,5")
        for text in texts:
            result = await coach.service.handle(message("ann", text))
            print(result.status, "|", result.replies[0].text.splitlines()[0])
    finally:
        await coach.close()

asyncio.run(main())
"""


def test_a_coach_built_without_migrating_reaches_every_store(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}"

    async def migrate() -> None:
        engine = create_engine(url)
        await upgrade(engine)
        await engine.dispose()

    asyncio.run(migrate())
    # A fresh interpreter: only what bot.bootstrap imports is loaded.
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 3, out.stdout
    assert all(line.startswith("answered |") for line in lines), out.stdout
    assert "couldn't save" not in out.stdout
