"""Benchmark of the `coach` command's start-up: wall time of a whole process.

Times `coach parse --json "squat 3x8 100kg"` and `coach say "squat 3x8 100kg"` (a new
SQLite file each time, so `say` also creates and migrates it), the median of N runs each,
against `python -c pass` measured in the same run: the vCPUs are shared, so the baseline
says how busy the machine was. The goal for both commands is under 0.3 s. A third
reference, `python -c 'import sqlmodel, sqlalchemy.ext.asyncio'`, is the floor under any
command that stores a message: the storage libraries imported, nothing of ours run.

Bytecode is cached in a temporary folder (PYTHONPYCACHEPREFIX), as an installed package
has it; PYTHONDONTWRITEBYTECODE would otherwise make every run compile the project anew.
Run: .venv/bin/python bench/startup.py [--runs N] [--compare DIR]
(`--compare DIR`: also time `python -m bot.cli` run from another copy of the code, say the
one before a change, interleaved with this one.)
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COACH = str(Path(sys.executable).with_name("coach"))
GOAL_S = 0.3
FLOOR = "sqlmodel, sqlalchemy.ext.asyncio"


def wall_s(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[1:]} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


Command = Callable[[], list[str]]


def cases(coach: list[str], work: Path, label: str) -> dict[str, Command]:
    """Return the commands to time, by name, run through `coach`."""
    fresh = iter(range(10**6))
    existing = f"sqlite:///{work / f'{label}-existing.db'}"

    def say_fresh() -> list[str]:
        db = f"sqlite:///{work / f'{label}-{next(fresh)}.db'}"
        return [*coach, "--db", db, "say", "squat 3x8 100kg"]

    suffix = f" [{label}]" if label else ""
    return {
        f'coach parse --json "squat 3x8 100kg"{suffix}': lambda: [
            *coach,
            "parse",
            "--json",
            "squat 3x8 100kg",
        ],
        f'coach say "squat 3x8 100kg", new SQLite file{suffix}': say_fresh,
        f'coach say "squat 3x8 100kg", existing file{suffix}': lambda: [
            *coach,
            "--db",
            existing,
            "say",
            "squat 3x8 100kg",
        ],
    }


def main(runs: int, compare: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.pop("DATABASE_URL", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        other = {**env, "PYTHONPATH": str(Path(compare or ".").resolve())}
        timed: dict[str, tuple[Command, dict[str, str]]] = {
            "python -c pass": (lambda: [sys.executable, "-c", "pass"], env),
            # The floor under any command that stores a message: the design card's
            # storage libraries, imported and nothing else.
            f"python -c 'import {FLOOR}'": (
                lambda: [sys.executable, "-c", f"import {FLOOR}"],
                env,
            ),
        }
        for name, command in cases([COACH], work, "").items():
            timed[name] = (command, env)
        if compare is not None:
            module = [sys.executable, "-m", "bot.cli"]
            for name, command in cases(module, work, Path(compare).name).items():
                timed[name] = (command, other)
        for command, command_env in timed.values():  # warm up: bytecode cached, files read
            wall_s(command(), command_env, work)
        times: dict[str, list[float]] = {name: [] for name in timed}
        for _ in range(runs):  # interleaved, so a busy moment hits every case alike
            for name, (command, command_env) in timed.items():
                times[name].append(wall_s(command(), command_env, work))

    baseline = statistics.median(times["python -c pass"])
    print(
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}; "
        f"median of {runs} runs"
    )
    width = max(len(name) for name in times)
    print(f"| {'command'.ljust(width)} | median s | min s | minus baseline s | under {GOAL_S} s |")
    print(f"| {'-' * width} | --- | --- | --- | --- |")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        goal = "" if name.startswith("python") else ("yes" if median < GOAL_S else "no")
        print(
            f"| {name.ljust(width)} | {median:.3f} | {min(seconds):.3f} | "
            f"{median - baseline:.3f} | {goal} |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Time the coach command's start-up.")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--compare", metavar="DIR", help="another copy of the code to time")
    args = parser.parse_args()
    main(args.runs, args.compare)
