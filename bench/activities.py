"""Benchmark for reading a FIT activity: a 4-hour ride recorded every second.

Builds the file here with a minimal FIT encoder (header, file_id, record definition and
14,400 records of timestamp + heart rate, session, activity, CRCs), then measures in the same
run, median of 5 each:

* `read_activity` on it: time, and peak memory allocated while it runs (tracemalloc);
* fitdecode's bare decode loop over the same bytes (`for frame in FitReader(...)`), with the
  same CRC checking, as the floor our reader sits on.

Run: .venv/bin/python bench/activities.py [rounds]
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import platform
import statistics
import struct
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import fitdecode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.activities.activity import Activity  # noqa: E402
from core.activities.readers import read_activity  # noqa: E402

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
SECONDS = 4 * 3600
START = dt.datetime(2026, 11, 29, 8, 0, tzinfo=dt.UTC)

# FIT base types: (code, struct format)
ENUM, UINT8, UINT16, UINT32, UINT32Z = (
    (0x00, "B"),
    (0x02, "B"),
    (0x84, "H"),
    (0x86, "I"),
    (0x8C, "I"),
)
# fmt: off
_CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
              0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)
# fmt: on


def fit_crc(data: bytes, crc: int = 0) -> int:
    """Return the FIT CRC-16 of the bytes (the profile's nibble-table algorithm)."""
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


class FitWriter:
    """Writes FIT messages: one definition per local type, then little-endian data rows."""

    def __init__(self) -> None:
        self.body = io.BytesIO()
        self.formats: dict[int, struct.Struct] = {}

    def define(self, local: int, message: int, fields: list[tuple[int, tuple[int, str]]]) -> None:
        """Write a definition message: (field number, base type) per field."""
        self.body.write(struct.pack("<BBBHB", 0x40 | local, 0, 0, message, len(fields)))
        for field, (code, kind) in fields:
            self.body.write(struct.pack("<BBB", field, struct.calcsize("<" + kind), code))
        # a data row: its one-byte header, then the fields, little-endian and unpadded
        self.formats[local] = struct.Struct("<B" + "".join(kind for _, (_, kind) in fields))

    def write(self, local: int, *values: int) -> None:
        """Write a data message of a defined local type."""
        self.body.write(self.formats[local].pack(local, *values))

    def finish(self) -> bytes:
        """Return the whole file: 14-byte header with its CRC, the messages, the file CRC."""
        data = self.body.getvalue()
        header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(data), b".FIT")
        header += struct.pack("<H", fit_crc(header))
        return header + data + struct.pack("<H", fit_crc(data, fit_crc(header)))


def fit_time(moment: dt.datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def four_hour_ride() -> bytes:
    """Return a 4-hour FIT ride with one record a second and a plausible heart rate."""
    fit = FitWriter()
    t0 = fit_time(START)
    fit.define(0, 0, [(0, ENUM), (1, UINT16), (2, UINT16), (3, UINT32Z), (4, UINT32)])
    fit.write(0, 4, 1, 1, 12345, t0)  # file_id: activity, Garmin
    fit.define(1, 20, [(253, UINT32), (3, UINT8)])
    for second in range(SECONDS):
        bpm = 125 + 15 * math.sin(second / 600) + 5 * math.sin(second / 37)
        fit.write(1, t0 + second, round(bpm))
    end = t0 + SECONDS - 1
    fit.define(2, 18, [(253, UINT32), (2, UINT32), (5, ENUM), (6, ENUM)])
    fit.write(2, end, t0, 2, 0)  # session: cycling, generic
    fit.define(3, 34, [(253, UINT32), (5, UINT32), (1, UINT16)])
    fit.write(3, end, end + 3600, 1)  # activity: local time UTC+1, one session
    return fit.finish()


def bare_decode(data: bytes) -> None:
    """Run fitdecode over the bytes and do nothing with the frames."""
    reader = fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.RAISE,
        error_handling=fitdecode.ErrorHandling.RAISE,
    )
    with reader:
        for _frame in reader:
            pass


def measure(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, tuple[list, list]]:
    """Return, per call, (ms per round, peak MB allocated per round).

    The calls take turns within each round, so a busy spell on the shared machine hits both
    alike; memory is traced in rounds of its own, since tracing slows the code down.
    """
    for call in calls.values():
        call()  # warm up: imports, profile tables
    ms: dict[str, list[float]] = {name: [] for name in calls}
    peaks: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            ms[name].append((time.perf_counter() - started) * 1000)
    for _ in range(rounds):
        for name, call in calls.items():
            tracemalloc.start()
            call()
            peaks[name].append(tracemalloc.get_traced_memory()[1] / 1024 / 1024)
            tracemalloc.stop()
    return {name: (ms[name], peaks[name]) for name in calls}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    data = four_hour_ride()
    activity = read_activity("ride.fit", data)
    assert isinstance(activity, Activity), activity
    assert len(activity.hr) == SECONDS, len(activity.hr)
    print(f"## FIT reading benchmark, {dt.date.today().isoformat()}")
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"fitdecode {fitdecode.__version__}"
    )
    print(
        f"file: 4 h at 1 s, {SECONDS:,} records (timestamp + heart rate), "
        f"{len(data):,} bytes; median of {rounds} runs"
    )
    print()
    print("| run | median ms | min ms | max ms | peak MB (tracemalloc) |")
    print("| --- | --- | --- | --- | --- |")
    runs = {
        "read_activity (ours)": lambda: read_activity("ride.fit", data),
        "fitdecode bare loop": lambda: bare_decode(data),
    }
    medians = {}
    for name, (ms, peaks) in measure(runs, rounds).items():
        medians[name] = statistics.median(ms)
        print(
            f"| {name} | {medians[name]:.0f} | {min(ms):.0f} | {max(ms):.0f} "
            f"| {statistics.median(peaks):.2f} |"
        )
    ours, bare = medians.values()
    print()
    print(f"ours / bare: {ours / bare:.2f}×; per record: {ours * 1000 / SECONDS:.1f} µs")


if __name__ == "__main__":
    main()
