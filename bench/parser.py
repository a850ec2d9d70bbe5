"""Benchmark for the chat parser: a typical message and a 5,000-character one.

The figures the parser tests used to assert on wall-clock time (flaky on a busy machine),
measured here instead, on the same inputs: a typical two-lift message (was: under 1 ms
each) and 200 lines of logs, 5,200 characters (was: under 100 ms).

Run: .venv/bin/python bench/parser.py [rounds]
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.recording.parser import parse  # noqa: E402

TYPICAL = "squat 3x8 100kg, bench 3x8 60kg"
LONG = "squat 3x8 100kg felt easy\n" * 200
GARBAGE = ("x@9,;+-/ kg🙂\x00" * 500)[:5000]
TYPICAL_CALLS = 200  # per round, as the test timed them


def times_ms(call: Callable[[], object], rounds: int, calls: int = 1) -> list[float]:
    """Return, per round, the mean milliseconds of one call over `calls` calls."""
    call()  # warm up: regexes compiled, catalogue loaded
    out = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(calls):
            call()
        out.append((time.perf_counter() - started) * 1000 / calls)
    return out


def summary(name: str, ms: list[float], was: str = "") -> str:
    ms = sorted(ms)
    p99 = ms[int(0.99 * (len(ms) - 1))]
    line = (
        f"{name}: median {statistics.median(ms):.3f} ms, p99 {p99:.3f} ms, "
        f"max {ms[-1]:.3f} ms over {len(ms)} rounds"
    )
    return f"{line} (a test used to assert {was})" if was else line


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"## Parser benchmark, {dt.date.today().isoformat()}")
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    typical = times_ms(lambda: parse(TYPICAL), rounds, TYPICAL_CALLS)
    long = times_ms(lambda: parse(LONG), rounds)
    garbage = times_ms(lambda: parse(GARBAGE), rounds)
    print(summary(f"typical message ({TYPICAL!r}), per call", typical, "< 1 ms"))
    print(summary(f"{len(LONG):,}-character log, 200 lines", long, "< 100 ms"))
    print(summary(f"{len(GARBAGE):,} characters of garbage", garbage))


if __name__ == "__main__":
    main()
