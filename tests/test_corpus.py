"""The corpus of real training-log lines (tests/corpus/) stays read as well as it is now.

Issue #13 aims at 95% of lines read as meant and none recorded wrong; the parser is not
there yet (see the README), so these are floors, not the aim: each slice may not read fewer
lines as meant, nor record more lines wrong, than it did when this was written (session 9).
A change that makes the parser read one more line wrong fails here, whichever slice the
line is in. Raise a floor when a change lifts a slice; never lower one to let a change in.
"""

from __future__ import annotations

import pytest

from tests.corpus_scoring import lines, score, tally

# file pattern -> (fewest lines read as meant, most lines recorded wrong)
FLOORS = {
    "lines-*.yaml": (455, 1),  # 455 until `kettlebell` alone stopped naming the swing
    "holdout.yaml": (63, 3),
    "holdout-2.yaml": (72, 1),  # 72 until a machine's help became something we record
    "holdout-3.yaml": (78, 2),
    "holdout-4.yaml": (76, 1),
    "holdout-5.yaml": (79, 4),
    "holdout-6.yaml": (79, 3),
    "holdout-7.yaml": (90, 1),
    "holdout-8.yaml": (90, 1),
    "holdout-9.yaml": (88, 1),
    "holdout-10.yaml": (88, 3),
    "holdout-11.yaml": (90, 0),
    "holdout-12.yaml": (112, 3),
    "holdout-13.yaml": (115, 6),
    "holdout-14.yaml": (137, 2),
    "holdout-15.yaml": (100, 3),
    "holdout-16.yaml": (95, 5),
    "holdout-17.yaml": (100, 4),  # scored once: 81 meant, 13 wrong
    "holdout-18.yaml": (125, 2),  # scored once: 117 meant, 4 wrong
    "holdout-19.yaml": (115, 3),  # scored once: 102 meant, 5 wrong
    "holdout-20.yaml": (95, 0),  # scored once: 82 meant, 6 wrong
    "holdout-21.yaml": (105, 1),  # scored once: 87 meant, 9 wrong
    "holdout-22.yaml": (104, 4),  # scored once: 97 meant, 7 wrong
    "holdout-23.yaml": (115, 3),  # scored once: 105 meant, 7 wrong
    "holdout-24.yaml": (101, 3),  # scored once: 94 meant, 9 wrong
    "holdout-25.yaml": (107, 4),  # scored once: 102 meant, 6 wrong
    "holdout-26.yaml": (109, 5),  # scored once: 105 meant, 10 wrong
    "holdout-27.yaml": (95, 5),  # scored once: 91 meant, 9 wrong
}


@pytest.mark.parametrize("pattern", sorted(FLOORS))
def test_no_slice_reads_fewer_lines_as_meant_or_more_lines_wrong(pattern: str) -> None:
    scored = [score(line) for line in lines(pattern)]
    counts = tally(scored)
    wrong = [f"  [{s.line.id}] {s.why}" for s in scored if s.outcome == "wrong"]
    print(f"\n{pattern}: {dict(counts)}\n" + "\n".join(wrong))  # noqa: T201
    fewest_meant, most_wrong = FLOORS[pattern]
    assert counts["wrong"] <= most_wrong
    assert counts["meant"] >= fewest_meant


def test_every_slice_of_the_corpus_has_a_floor() -> None:
    from tests.corpus_scoring import CORPUS

    slices = {p.name for p in CORPUS.glob("holdout*.yaml")}
    assert slices == {p for p in FLOORS if p.startswith("holdout")}
