"""`/app` in the terminal: a one-time link to the page the bots serve, as this person."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from core.accounts.app_links import LINK, Visitor, verify
from tests.test_cli import COACH


def _say(tmp_path: Path, text: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PUBLIC_URL")}
    return subprocess.run(
        [COACH, "--db", f"sqlite:///{tmp_path / 'coach.db'}", "--user", "ann", "say", text],
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, **env},
    )


def test_app_gives_a_signed_link_for_this_person(tmp_path: Path) -> None:
    out = _say(tmp_path, "/app", PUBLIC_URL="https://coach.example.org", APP_SECRET="s3cret")
    assert out.returncode == 0, out.stderr
    found = re.search(r"https://coach\.example\.org/app/#t=(\S+)", out.stdout)
    assert found, out.stdout
    signed = verify(b"s3cret", LINK, found[1], datetime.now(UTC))
    assert signed is not None
    assert signed.visitor == Visitor("console", "ann")
    assert verify(b"another secret", LINK, found[1], datetime.now(UTC)) is None


def test_without_a_public_url_app_says_the_page_is_not_set_up(tmp_path: Path) -> None:
    out = _say(tmp_path, "/app")
    assert out.returncode == 0
    assert "The training page isn't set up on this coach yet" in out.stdout
