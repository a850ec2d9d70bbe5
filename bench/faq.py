"""Benchmark for Ask the coach: index cold start and answer latency over the eval questions.

Run: .venv/bin/python bench/faq.py [repetitions]
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.faq.answer import answer  # noqa: E402

COLD_START = """
import time
t0 = time.perf_counter()
from core.faq.answer import answer
answer("how heavy should I lift?")
print(time.perf_counter() - t0)
"""


def cold_start_seconds(runs: int = 5) -> list[float]:
    """Return import-plus-first-answer times, each in a fresh Python process."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_START], cwd=ROOT, capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip()))
    return times


def questions() -> list[str]:
    """Return every question in tests/faq_eval.yaml, in and out of scope."""
    data = yaml.safe_load((ROOT / "tests" / "faq_eval.yaml").read_text(encoding="utf-8"))
    groups = [*data["in_scope"].values(), *data["out_of_scope"].values()]
    return [q for group in groups for q in group]


def latencies_ms(qs: list[str], repetitions: int) -> list[float]:
    """Return the latency of every answer() call, in milliseconds."""
    answer("warm up")
    out = []
    for _ in range(repetitions):
        for q in qs:
            t0 = time.perf_counter()
            answer(q, age=62, bodyweight_kg=80)
            out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    cold = cold_start_seconds()
    qs = questions()
    lat = sorted(latencies_ms(qs, repetitions))
    p50 = statistics.median(lat)
    p99 = lat[int(0.99 * (len(lat) - 1))]
    print(f"## FAQ benchmark, {dt.date.today().isoformat()}")
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(
        f"cold start (fresh process: import + index + first answer), {len(cold)} runs: "
        f"median {statistics.median(cold) * 1000:.0f} ms, max {max(cold) * 1000:.0f} ms"
    )
    print(
        f"answer latency over {len(qs)} eval questions x {repetitions} = {len(lat)} calls: "
        f"p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {lat[-1]:.3f} ms"
    )
    long_q = "how heavy should I lift " * 200
    t0 = time.perf_counter()
    answer(long_q)
    print(f"5,000-char question: {(time.perf_counter() - t0) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
