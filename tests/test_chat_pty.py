"""A whole first session of `coach chat` in a pseudo-terminal, typed as a person would:
onboarding, a log, /plan, /chart, /export, /undo and /delete, and every file it wrote."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import select
import subprocess
import time
from pathlib import Path

from tests.test_cli import COACH, coach

PROMPT = "you> "
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # readline's terminal codes


class Terminal:
    """`coach chat` on the far side of a pseudo-terminal."""

    def __init__(self, *args: str, cwd: Path) -> None:
        self.fd, child = os.openpty()
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.process = subprocess.Popen(
            [COACH, *args],
            stdin=child,
            stdout=child,
            stderr=child,
            cwd=cwd,
            env={**env, "TERM": "dumb"},
            start_new_session=True,
        )
        os.close(child)
        self.transcript = ""

    def read_until(self, done: str, count: int = 1, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while self.transcript.count(done) < count and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the child closed the terminal
                    break
                self.transcript += ESCAPES.sub("", chunk.decode(errors="replace"))
        assert self.transcript.count(done) >= count, self.transcript

    def type(self, line: str) -> str:
        """Return what the coach answered to `line`, typed and sent with Enter."""
        prompts = self.transcript.count(PROMPT)
        os.write(self.fd, line.encode() + b"\r")
        self.read_until(PROMPT, prompts + 1)
        answer = self.transcript.rsplit(PROMPT, 2)[1]
        return answer.replace("\r\n", "\n").removeprefix(line).strip()

    def close(self) -> int:
        """Return the exit code; a chat still waiting for input (a failed step) is killed."""
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()
        finally:
            os.close(self.fd)


def saved(answer: str) -> list[Path]:
    return [Path(p) for p in re.findall(r"saved: (\S+)", answer)]


def test_a_first_session_typed_in_a_terminal(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    files = tmp_path / "files"
    chat = Terminal("--db", db, "chat", "--files", str(files), cwd=tmp_path)
    try:
        chat.read_until(PROMPT)
        assert "/quit to leave" in chat.transcript

        # Onboarding, every answer typed.
        hello = chat.type("hello")
        assert "Five quick questions" in hello
        assert "kilograms or pounds" in hello
        assert "What's your timezone?" in chat.type("kg")
        assert "How old are you?" in chat.type("Europe/Berlin")
        assert "What do you weigh?" in chat.type("62")
        assert "Shall I remind you" in chat.type("skip")
        assert "All set." in chat.type("skip")

        logged = chat.type("squat 3x8 100kg")
        assert "✅ Squat: 3×8 @ 100 kg" in logged
        assert "Next: Squat 3×8 @ 102.5 kg" in logged
        plan = chat.type("/plan")
        assert "Squat 3×8 @ 102.5 kg" in plan
        assert "Zone 2 60 min" in plan

        chart = chat.type("/chart squat")
        assert "Squat: 1 session, latest estimated max 126.7 kg, next 102.5 kg." in chart
        [png] = saved(chart)
        assert "📈 Chart saved:" in chart
        assert png.parent == files
        assert re.fullmatch(r"chart-squat-\d{4}-\d{2}-\d{2}\.png", png.name)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

        export = chat.type("/export")
        [sets_csv, everything] = saved(export)
        assert export.count("📄 File saved:") == 2
        rows = list(csv.DictReader(io.StringIO(sets_csv.read_text())))
        assert [(r["exercise"], r["reps"], r["weight"], r["unit"]) for r in rows] == [
            ("squat", "8", "100", "kg")
        ] * 3
        assert everything.suffix == ".json"
        assert json.loads(everything.read_text())

        undo = chat.type("/undo")
        assert "Remove your last log" in undo
        assert "1) Yes, undo" in undo
        assert "Undone" in chat.type("yes")
        assert "No lifts logged" in chat.type("/plan")

        delete = chat.type("/delete")
        assert "It can't be undone" in delete
        assert "1) Yes, delete everything" in delete
        # In the console a button is chosen by typing its number.
        assert "Everything I held about you is deleted" in chat.type("1")

        os.write(chat.fd, b"/quit\r")
        chat.read_until("Bye!")
    finally:
        code = chat.close()
    assert code == 0
    assert "Traceback" not in chat.transcript
    assert sorted(files.iterdir()) == sorted([png, sets_csv, everything])
    # Nothing is left: an export now holds the header only.
    left = coach("export", "--format", "csv", db=db)
    assert left.stdout.splitlines() == [sets_csv.read_text().splitlines()[0]]
