"""Real FIT, TCX and GPX files read into the heart-rate stream the README says they hold.

The expected figures are copied from ../shared/fixtures/activities/README.md, which computed them
with other parsers (fitdecode, tcxreader, gpxpy). Where our rule "a second sample at the same
time is dropped" differs from the README's raw counts, the row says so and why.
"""

from __future__ import annotations

import gzip
import logging
import random
import tracemalloc
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.activities.activity import Activity, NotAnActivity
from core.activities.readers import is_activity_file, read_activity
from core.activities.zones import average_hr, max_hr, minutes_above, minutes_between

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/activities"
pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"{FIXTURES} is not here")

MB = 1024 * 1024


# The README's table, sport column aside; "–" is "no heart rate".
README_TABLE = """
file                           | start (UTC)          | min  | HR n | mean  | max | 102-119 |120-140
run-garmin-fenix2.fit          | 2015-08-15T14:45:08Z | 47.2 | 2808 | 154.0 | 178 |   2.5   |   8.6
ride-garmin-fr935-laps.fit     | 2020-04-18T11:10:44Z | 86.0 | 5159 | 130.3 | 160 |  11.2   |  64.5
ride-garmin-edge1000-short.fit | 2020-06-01T14:52:40Z |  2.1 |   96 | 150.0 | 156 |   0.0   |   0.0
ride-garmin-edge200-nohr.fit   | 2015-10-13T15:43:15Z | 27.1 |    0 |   –   |  –  |   0.0   |   0.0
run-polar-m400.tcx             | 2019-01-29T10:25:13Z | 65.1 | 3507 | 130.8 | 168 |  13.0   |  16.8
xcski-garmin.tcx               | 2020-12-26T15:14:21Z | 40.0 |  486 | 141.2 | 172 |   1.0   |  12.2
ride-garmin-edge1000-short.tcx | 2020-06-01T14:52:40Z |  2.1 |   96 | 150.0 | 156 |   0.0   |   0.0
run-garmin-connect.gpx         | 2012-10-24T23:29:40Z | 15.8 |  205 | 190.2 | 203 |   0.0   |   0.4
run-strava.gpx                 | 2015-01-19T21:24:20Z | 20.9 | 1118 | 168.6 | 187 |   0.1   |   0.7
ride-garmin-edge1000-short.gpx | 2020-06-01T14:52:40Z |  2.1 |   96 | 150.0 | 156 |   0.0   |   0.0
"""
# Two rows differ from the README on purpose, because a second sample at the same time is
# dropped: ride-garmin-edge1000-short.tcx has 100 points, of which "4 duplicate timestamps"
# repeat the lap boundary, so 96 remain; run-garmin-connect.gpx has 206 with "one duplicated
# track point" at 23:38:09Z (HR 146 both times), so 205 remain and the mean moves from 190.0 to
# (206 × 190.01 − 146) / 205 = 190.2.

# The README's "sport (as stated)" column, normalised; "not stated" is "other".
SPORTS = {
    "run-garmin-fenix2.fit": "running",
    "ride-garmin-fr935-laps.fit": "cycling",
    "ride-garmin-edge1000-short.fit": "cycling",
    "ride-garmin-edge200-nohr.fit": "cycling",
    "run-polar-m400.tcx": "running",  # Sport="Running"
    "xcski-garmin.tcx": "other",  # Sport="Other": TCX has no skiing
    "ride-garmin-edge1000-short.tcx": "cycling",  # Sport="Biking"
    "run-garmin-connect.gpx": "other",
    "run-strava.gpx": "other",
    "ride-garmin-edge1000-short.gpx": "cycling",  # <type>cycling</type>
}


@dataclass(frozen=True)
class Expected:
    """One row of the README table."""

    file: str
    start: datetime
    duration_min: float
    hr_samples: int
    mean_hr: float | None
    max_hr: int | None
    min_102_119: float
    min_120_140: float


def parse_table(table: str) -> list[Expected]:
    rows = []
    for line in table.strip().splitlines()[1:]:
        file, start, minutes, count, mean, top, low_band, high_band = (
            cell.strip() for cell in line.split("|")
        )
        rows.append(
            Expected(
                file,
                datetime.fromisoformat(start),
                float(minutes),
                int(count),
                None if mean == "–" else float(mean),
                None if top == "–" else int(top),
                float(low_band),
                float(high_band),
            )
        )
    return rows


README = parse_table(README_TABLE)

# Pauses the README's notes describe: moving time is elapsed time without them.
PAUSES_S = {
    "ride-garmin-edge1000-short.fit": 32,
    "ride-garmin-edge1000-short.tcx": 32,
    "ride-garmin-edge1000-short.gpx": 32,
    "run-polar-m400.tcx": 6.6 * 60,
    "run-garmin-connect.gpx": 106 + 52,
    "run-strava.gpx": 140,
}


def read(name: str) -> Activity:
    activity = read_activity(name, (FIXTURES / name).read_bytes())
    assert isinstance(activity, Activity), activity
    return activity


def test_the_table_covers_every_fixture() -> None:
    on_disk = {p.name for p in FIXTURES.iterdir() if p.suffix != ".md"}
    assert on_disk == {row.file for row in README}


@pytest.mark.parametrize("row", README, ids=lambda row: row.file)
def test_each_fixture_reads_as_the_readme_says(row: Expected) -> None:
    activity = read(row.file)
    assert activity.fmt == row.file.rsplit(".", 1)[1]
    assert activity.sport == SPORTS[row.file]
    assert activity.start == row.start
    assert activity.start.tzinfo is not None
    assert activity.elapsed_s / 60 == pytest.approx(row.duration_min, abs=0.1)
    assert len(activity.hr) == row.hr_samples
    mean = average_hr(activity.hr)
    assert (mean is None) if row.mean_hr is None else mean == pytest.approx(row.mean_hr, abs=0.06)
    assert max_hr(activity.hr) == row.max_hr
    assert minutes_between(activity.hr, 102, 119) == pytest.approx(row.min_102_119, abs=0.2)
    assert minutes_between(activity.hr, 120, 140) == pytest.approx(row.min_120_140, abs=0.2)


@pytest.mark.parametrize("row", README, ids=lambda row: row.file)
def test_heart_rate_samples_are_in_time_order_without_repeats(row: Expected) -> None:
    activity = read(row.file)
    times = [at for at, _ in activity.hr]
    assert times == sorted(set(times))
    assert all(bpm > 0 for _, bpm in activity.hr)
    assert all(0 <= at <= activity.elapsed_s for at in times)


def test_a_file_without_a_heart_rate_strap_is_an_activity_with_no_heart_rate() -> None:
    activity = read("ride-garmin-edge200-nohr.fit")
    assert activity.hr == ()
    assert activity.elapsed_s > 0
    assert (average_hr(activity.hr), max_hr(activity.hr)) == (None, None)
    assert minutes_between(activity.hr, 0, 300) == 0


def test_the_same_ride_in_three_formats_agrees() -> None:
    rides = [read(f"ride-garmin-edge1000-short.{fmt}") for fmt in ("fit", "tcx", "gpx")]
    assert {ride.start for ride in rides} == {datetime(2020, 6, 1, 14, 52, 40, tzinfo=UTC)}
    assert {max_hr(ride.hr) for ride in rides} == {156}
    means = [average_hr(ride.hr) for ride in rides]
    assert max(means) - min(means) < 0.01  # type: ignore[type-var]
    assert {ride.moving_s for ride in rides} == {rides[0].moving_s}


@pytest.mark.parametrize(("name", "pause_s"), PAUSES_S.items())
def test_pauses_are_not_moving_time(name: str, pause_s: float) -> None:
    activity = read(name)
    assert activity.elapsed_s - activity.moving_s == pytest.approx(pause_s, abs=6)


@pytest.mark.parametrize(
    ("name", "offset_s"),
    [
        ("run-garmin-fenix2.fit", 7200),
        ("ride-garmin-fr935-laps.fit", 7200),
        ("ride-garmin-edge1000-short.fit", 7200),
        ("ride-garmin-edge200-nohr.fit", None),  # no activity.local_timestamp
        ("ride-garmin-edge1000-short.tcx", None),
        ("ride-garmin-edge1000-short.gpx", None),
    ],
)
def test_local_time_offset_comes_only_from_the_fit_activity_message(
    name: str, offset_s: int | None
) -> None:
    assert read(name).local_offset_s == offset_s


@pytest.mark.parametrize("name", ["run-garmin-fenix2.fit", "run-polar-m400.tcx", "run-strava.gpx"])
def test_a_gzipped_file_reads_like_the_plain_one(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    assert read_activity(f"{name}.gz", gzip.compress(data)) == read(name)


# --- files that are not activities ----------------------------------------------------------


def fenix() -> bytes:
    return (FIXTURES / "run-garmin-fenix2.fit").read_bytes()


def flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


def gzip_bomb(size: int) -> bytes:
    """Return `size` zero bytes gzipped, built without holding them all."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(MB)
    return b"".join([*(packer.compress(zeros) for _ in range(size // MB)), packer.flush()])


NO_POINTS_GPX = b"""<?xml version="1.0"?>
<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><time>2020-01-01T00:00:00Z</time></metadata><trk><name>empty</name><trkseg/></trk>
</gpx>"""
HTML = b"<!DOCTYPE html><html><head><title>Strava</title></head><body><p>Log in<br></body></html>"
XHTML = b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Log in</p></body></html>'

NOT_ACTIVITIES = [
    ("truncated.fit", lambda: fenix()[: len(fenix()) // 2], "ends too early"),
    ("flipped.fit", lambda: flipped(fenix(), len(fenix()) // 2), "damaged"),
    ("random.fit", lambda: random.Random(7).randbytes(4000), "isn't a FIT file"),
    ("page.gpx", lambda: HTML, "isn't a GPX track (it holds <html>)"),
    ("page.gpx", lambda: XHTML, "isn't a GPX track (it holds <html>)"),
    ("data.gpx", lambda: b'{"type": "FeatureCollection"}', "isn't valid XML"),
    ("cut.gpx", lambda: (FIXTURES / "run-strava.gpx").read_bytes()[:50_000], "isn't valid XML"),
    ("ride.tcx", lambda: (FIXTURES / "run-strava.gpx").read_bytes(), "isn't a TCX activity"),
    ("empty.fit", lambda: b"", "is empty"),
    ("empty.gpx", lambda: b"", "is empty"),
    ("nothing.gpx", lambda: NO_POINTS_GPX, "no timed track points"),
    ("huge.gpx", lambda: b" " * (20 * MB + 1), "over 20 MB"),
    ("bomb.fit.gz", lambda: gzip_bomb(30 * MB), "over 20 MB once unzipped"),
    ("cut.tcx.gz", lambda: gzip.compress(b"<x/>" * 1000)[:40], "ends too early"),
    ("notes.pdf", lambda: b"%PDF-1.4", "I can read .fit, .tcx and .gpx"),
]


@pytest.mark.parametrize(
    ("name", "make", "says"),
    NOT_ACTIVITIES,
    ids=[f"{i}-{name}" for i, (name, _, _) in enumerate(NOT_ACTIVITIES)],  # stable for xdist
)
def test_a_file_that_is_not_an_activity_says_why_in_one_line(
    name: str, make: object, says: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert callable(make)
    with caplog.at_level(logging.ERROR):
        result = read_activity(name, make())
    assert isinstance(result, NotAnActivity)
    assert says in result.message
    assert "\n" not in result.message
    assert not caplog.records  # a known fault, not the catch-all for parser bugs


def test_a_gzip_bomb_is_never_unpacked_whole() -> None:
    bomb = gzip_bomb(200 * MB)
    tracemalloc.start()
    try:
        result = read_activity("bomb.gpx.gz", bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, NotAnActivity)
    assert peak < 50 * MB


def test_damaged_fit_files_never_raise_and_never_hit_the_catch_all(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = (FIXTURES / "ride-garmin-edge1000-short.fit").read_bytes()
    rng = random.Random(1)
    with caplog.at_level(logging.ERROR):
        for at in rng.sample(range(len(data)), 60):
            assert isinstance(read_activity("x.fit", flipped(data, at)), NotAnActivity)
        for cut in rng.sample(range(1, len(data)), 30):
            assert isinstance(read_activity("x.fit", data[:cut]), NotAnActivity)
    assert not caplog.records


@pytest.mark.parametrize(
    ("name", "yes"),
    [
        ("ride.fit", True),
        ("RIDE.FIT", True),
        ("ride.fit.gz", True),
        ("run.tcx", True),
        ("run.TCX.GZ", True),
        ("run.gpx", True),
        ("run.gpx.gz", True),
        ("run.gz", False),
        ("fit", False),
        ("notes.txt", False),
        ("ride.fit.zip", False),
    ],
)
def test_activity_files_are_known_by_their_extension(name: str, yes: bool) -> None:
    assert is_activity_file(name) is yes


# --- minutes in a band ----------------------------------------------------------------------

ZONES = [
    # (samples (s, bpm), low, high, minutes) — each sample counts until the next one
    ([(0, 110), (30, 110), (60, 110)], 102, 119, 1.0),
    ([(0, 110), (30, 110), (60, 130)], 102, 119, 1.0),  # the last sample gets nothing
    ([(0, 102), (30, 119), (60, 90)], 102, 119, 1.0),  # both ends of the band count
    ([(0, 101), (30, 120), (60, 90)], 102, 119, 0.0),
    ([(0, 110), (30, 110), (61, 110), (62, 110)], 102, 119, (30 + 1) / 60),  # 31 s is a pause
    ([(0, 110), (30, 110), (30, 110), (40, 110)], 102, 119, 40 / 60),  # a 0 s gap adds nothing
    ([(0, 110), (20, 110), (10, 110)], 102, 119, 20 / 60),  # time going back adds nothing
    ([], 102, 119, 0.0),
]


@pytest.mark.parametrize(("hr", "low", "high", "minutes"), ZONES)
def test_minutes_between_credits_each_sample_until_the_next(
    hr: list[tuple[float, int]], low: int, high: int, minutes: float
) -> None:
    assert minutes_between(hr, low, high) == pytest.approx(minutes)


def test_minutes_above_leaves_out_the_threshold_itself() -> None:
    hr = [(0, 140), (30, 141), (60, 170), (90, 90)]
    assert minutes_above(hr, 140) == pytest.approx(1.0)
