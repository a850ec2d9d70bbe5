"""The parser against the corpus of real training-log lines: outcomes and parse time.

python bench/corpus.py            # the tuning set (tests/corpus/lines-*.yaml)
python bench/corpus.py --holdout  # the held-back slice (holdout.yaml): once, at the end
python bench/corpus.py --holdout holdout-2.yaml  # a later held-back slice, likewise once
python bench/corpus.py --show wrong|dropped|asked   # list the lines of one outcome
python bench/corpus.py --passes 20   # more timing passes, for a steadier p50/p99
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus_scoring import OUTCOMES, lines, read, score, tally


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--holdout", nargs="?", const="holdout.yaml", help="a held-back slice's file, once"
    )
    parser.add_argument("--show", choices=OUTCOMES)
    parser.add_argument("--passes", type=int, default=5, help="timing passes over the lines")
    args = parser.parse_args()
    corpus = lines(args.holdout or "lines-*.yaml")
    scored = [score(line) for line in corpus]
    counts = tally(scored)
    print(
        f"bench/corpus.py {dt.date.today()} on {platform.machine()}, Python "
        f"{platform.python_version()}: {len(corpus)} lines "
        f"({f'held-back slice {args.holdout}' if args.holdout else 'tuning set'})"
    )
    for outcome in OUTCOMES:
        print(f"  {outcome:8} {counts[outcome]:4}  {100 * counts[outcome] / len(corpus):5.1f}%")
    harmless = counts["meant"] + counts["asked"]
    print(f"  meant or asked (nothing wrong, nothing dropped) {100 * harmless / len(corpus):.1f}%")
    timings = []
    gc.collect()
    gc.disable()  # a collection landing in one line's parse is not that line's time
    for _ in range(args.passes):
        for line in corpus:
            started = time.perf_counter()
            read(line)
            timings.append(time.perf_counter() - started)
    gc.enable()
    timings.sort()
    p50, p99 = statistics.median(timings), timings[int(len(timings) * 0.99)]
    print(f"  parse    p50 {p50 * 1e3:.3f} ms   p99 {p99 * 1e3:.3f} ms per line")
    if args.show:
        for s in scored:
            if s.outcome == args.show:
                print(f"\n[{s.line.id}] {s.why}\n{s.line.text}")


if __name__ == "__main__":
    main()
