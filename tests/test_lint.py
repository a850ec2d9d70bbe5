"""The code stays ruff clean (the project's lint rules live in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    out = subprocess.run(
        [str(ruff), "check", "core", "storage", "bot", "tests", "bench"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_core_imports_no_platform_or_driver() -> None:
    forbidden = ("telegram", "discord", "asyncpg", "aiosqlite", "sqlalchemy", "sqlmodel", "storage")
    for path in (ROOT / "core").rglob("*.py"):
        for line in path.read_text().splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]) and len(words) > 1:
                top = words[1].split(".")[0]
                assert top not in forbidden, f"{path.name}: {line}"
