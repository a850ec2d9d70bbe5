"""An activity file sent to the coach: `coach import`, the service on SQLite and PostgreSQL,
and a document or attachment through the stand-in Telegram and Discord servers.

The expected minutes are the fixtures README's, computed independently of this code
(../shared/fixtures/activities/README.md); `/profile maxhr 170` makes the person's Zone 2
102–119 bpm (the README's first band), `maxhr 200` makes it 120–140 (the second).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from core.conversation.service import ConversationService
from core.messages import Attachment
from tests.conftest import ChatUser
from tests.test_cli import coach
from tests.test_discord import ANN, Bot, bot, fake  # noqa: F401  (fixtures)
from tests.test_telegram import Harness, tg  # noqa: F401  (fixture)

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/activities"
# file: (minutes in 102–119, minutes in 120–140), from the README's table
README_BANDS = {
    "run-garmin-fenix2.fit": (2.5, 8.6),
    "ride-garmin-fr935-laps.fit": (11.2, 64.5),
    "ride-garmin-edge1000-short.fit": (0.0, 0.0),
    "run-polar-m400.tcx": (13.0, 16.8),
    "xcski-garmin.tcx": (1.0, 12.2),
    "ride-garmin-edge1000-short.tcx": (0.0, 0.0),
    "run-garmin-connect.gpx": (0.0, 0.4),
    "run-strava.gpx": (0.1, 0.7),
    "ride-garmin-edge1000-short.gpx": (0.0, 0.0),
}
SAME_RIDE = [f for f in README_BANDS if f.startswith("ride-garmin-edge1000-short")]
ZONE_LINE = re.compile(r"In your Zone 2 \((\d+)–(\d+) bpm\): ([\d.]+) min · above it: ([\d.]+)")


def zone_minutes(reply: str) -> tuple[int, int, float]:
    found = ZONE_LINE.search(reply)
    assert found, reply
    return int(found[1]), int(found[2]), float(found[3])


@pytest.mark.parametrize(("max_hr", "band"), [(170, 0), (200, 1)])
async def test_every_fixture_imports_with_the_readmes_minutes_in_zone(
    service: ConversationService, max_hr: int, band: int
) -> None:
    """Each file sent to the coach by a person of its own (the same ride is in three)."""
    for name, minutes in README_BANDS.items():
        person = ChatUser(service, user_id=name)
        await person.say(f"/profile maxhr {max_hr}", "2026-11-30T08:00")
        low, high, in_zone = zone_minutes(await _send(person, name))
        assert (low, high) == ((102, 119) if band == 0 else (120, 140))
        assert in_zone == pytest.approx(minutes[band], abs=0.2), name


@pytest.mark.parametrize(("max_hr", "band"), [(170, 0), (200, 1)])
def test_coach_import_gives_the_readmes_minutes_in_zone(
    tmp_path: Path, max_hr: int, band: int
) -> None:
    """The same through `coach import`, for the file with the most minutes in both bands."""
    name = "ride-garmin-fr935-laps.fit"
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    assert coach("say", f"/profile maxhr {max_hr}", db=db).returncode == 0
    out = coach("import", str(FIXTURES / name), db=db)
    assert out.returncode == 0, out.stderr
    low, high, in_zone = zone_minutes(out.stdout)
    assert (low, high) == ((102, 119) if band == 0 else (120, 140))
    assert in_zone == pytest.approx(README_BANDS[name][band], abs=0.2)


def test_the_same_ride_in_three_formats_is_recorded_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    first, *again = [coach("import", str(FIXTURES / f), db=db) for f in SAME_RIDE]
    assert first.stdout.startswith("✅ Ride, Mon 1 Jun: 2 min")
    for out in again:
        assert out.returncode == 0
        assert (
            out.stdout.strip() == "I already have this one (Ride, Mon 1 Jun), so nothing was added."
        )
    week = json.loads(coach("week", "--json", "--at", "2020-06-01T20:00", db=db).stdout)
    assert week["zone2_minutes"] == 0  # HR 143–156: none of it in an estimated zone


def test_coach_week_json_counts_a_files_minutes_in_the_zone(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    assert coach("say", "--at", "2020-04-18T08:00", "/profile maxhr 200", db=db).returncode == 0
    assert coach("import", str(FIXTURES / "ride-garmin-fr935-laps.fit"), db=db).returncode == 0
    assert coach("say", "--at", "2020-04-19T08:00", "zone 2 walk 45 min", db=db).returncode == 0
    week = json.loads(coach("week", "--json", "--at", "2020-04-19T20:00", db=db).stdout)
    # 64.5 of the ride's 86 minutes were in 120–140 bpm, and the typed walk counts whole
    assert week["zone2_minutes"] == pytest.approx(64.5 + 45, abs=0.2)
    assert week["zone2_sessions"] == 2


def test_a_file_without_heart_rate_is_recorded_with_its_duration(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    out = coach("import", str(FIXTURES / "ride-garmin-edge200-nohr.fit"), db=db)
    assert out.returncode == 0
    assert out.stdout.splitlines() == [
        "✅ Ride, Tue 13 Oct: 27 min",
        "No heart rate in this file, so I can't judge the zone: it counts as cardio, not Zone 2.",
    ]


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("cut.fit", (FIXTURES / "run-garmin-fenix2.fit").read_bytes()[:5000], "❌ That .fit"),
        ("page.gpx", b"<html><body>Not found</body></html>", "❌ That .gpx"),
        ("empty.tcx", b"", "❌ That .tcx"),
        ("huge.fit", b"\0" * (20 * 1024 * 1024 + 1), "over 20 MB"),
        ("bomb.fit.gz", gzip.compress(b"\0" * (30 * 1024 * 1024)), "over 20 MB"),
    ],
)
def test_a_bad_file_gets_one_line_and_changes_nothing(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    db = f"sqlite:///{tmp_path / 'coach.db'}"
    path = tmp_path / name
    path.write_bytes(data)
    out = coach("import", str(path), db=db)
    assert out.returncode == 1
    assert len(out.stdout.strip().splitlines()) == 1
    assert says in out.stdout
    assert "Traceback" not in out.stderr
    export = json.loads(coach("export", "--format", "json", db=db).stdout or "{}")
    assert not export.get("cardio")


async def _send(ann: ChatUser, name: str, at: str = "2026-11-30T18:00") -> str:
    attachment = Attachment(name, (FIXTURES / name).read_bytes())
    return await ann.say("", at, attachment=attachment)


async def test_week_counts_zone2_minutes_by_time_in_zone(ann: ChatUser) -> None:
    """On SQLite and PostgreSQL: the service records it once and /week counts the stream."""
    await ann.say("/profile maxhr 200", "2020-04-18T08:00")
    reply = await _send(ann, "ride-garmin-fr935-laps.fit", "2020-04-18T14:00")
    assert reply.startswith("✅ Ride, Sat 18 Apr: 86 min, avg HR 130, max 160")
    assert zone_minutes(reply)[2] == pytest.approx(64.5, abs=0.2)
    assert "🫀 Zone 2 this week: 64 of 135 min" in reply
    assert "⚠️" not in reply
    week = await ann.say("/week", "2020-04-18T20:00")
    assert "Zone 2 sessions (64.5 min, 45–60 each): 1" in week
    again = await _send(ann, "ride-garmin-fr935-laps.fit", "2020-04-18T21:00")
    assert again == "I already have this one (Ride, Sat 18 Apr), so nothing was added."
    assert await ann.say("/week", "2020-04-18T22:00") == week


async def test_mostly_above_the_zone_says_how_to_stay_in_it(ann: ChatUser) -> None:
    await ann.say("/profile age 62", "2019-01-29T08:00")  # Zone 2 99–115 by age
    reply = await _send(ann, "run-polar-m400.tcx", "2019-01-29T12:00")
    assert (
        reply.splitlines()[0]
        == "✅ Run, Tue 29 Jan: 58 min moving (65 in all), avg HR 131, max 168"
    )
    assert "⚠️ Most of it was above your Zone 2" in reply
    week = await ann.say("/week", "2019-01-29T20:00")
    assert "Zone 2 sessions (11.2 min, 45–60 each): 0" in week  # cardio, its zone minutes count


async def test_undo_removes_an_imported_activity(ann: ChatUser) -> None:
    await ann.say("/profile maxhr 200", "2020-04-18T08:00")
    await _send(ann, "ride-garmin-fr935-laps.fit", "2020-04-18T14:00")
    await ann.say("/undo", "2020-04-18T15:00")
    assert (
        await ann.say("/undo yes", "2020-04-18T15:01")
        == "Undone: “the file you sent”. It no longer counts."
    )
    week = await ann.say("/week", "2020-04-18T20:00")
    assert "Zone 2 sessions (0 min, 45–60 each): 0" in week


async def test_a_telegram_document_is_recorded(tg: Harness) -> None:  # noqa: F811
    data = (FIXTURES / "ride-garmin-fr935-laps.fit").read_bytes()
    document = tg.api.add_file("FIT1", data, "documents/ride.fit")
    tg.api.message(21, None, document=document)
    await tg.api.wait_for(lambda: bool(tg.api.sent(chat_id=21)))
    (sent,) = tg.api.sent(chat_id=21)
    assert sent.params["text"].startswith("✅ Ride, Sat 18 Apr: 86 min, avg HR 130, max 160")
    rows = await tg.sql("SELECT modality, zone2_minutes, max_hr FROM cardio_sessions")
    assert len(rows) == 1
    assert rows[0][2] == 160


async def test_a_discord_attachment_is_recorded_once(bot: Bot) -> None:  # noqa: F811
    data = (FIXTURES / "run-strava.gpx").read_bytes()
    await bot.dm(ANN, "", attachments=[bot.fake.attachment("run.gpx", data)])
    assert bot.dms_to(ANN)[-1].content.startswith("✅ Activity, Mon 19 Jan: ")
    await bot.dm(ANN, "", attachments=[bot.fake.attachment("run-again.gpx", data)])
    assert bot.dms_to(ANN)[-1].content.startswith("I already have this one")


async def test_the_cardio_row_keeps_the_files_start(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    await _send(ann, "run-strava.gpx", "2015-01-20T09:00")
    async with engine.connect() as conn:
        (row,) = (await conn.execute(text("SELECT file_start, day FROM cardio_sessions"))).all()
    assert str(row[1]) == "2015-01-19"


async def test_chart_zone2_shows_weekly_minutes_in_the_zone(ann: ChatUser) -> None:
    await ann.say("/profile maxhr 200", "2020-04-18T08:00")
    await _send(ann, "ride-garmin-fr935-laps.fit", "2020-04-18T14:00")
    await ann.say("zone 2 walk 80 min", "2020-04-19T09:00")
    text = await ann.say("/chart zone2", "2020-04-19T20:00")
    assert text == "Zone 2, your last 12 weeks: 1 at 135 minutes or more; this week 144 of 135–240."
    (reply,) = ann.replies
    assert reply.image is not None
    assert reply.image.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("settings", "line"),
    [
        ((), "⚠️ 125 bpm is above your Zone 2 (99–115)"),  # age 62: estimated maximum 165
        (("/profile maxhr 190",), "❤️ 125 bpm is in your Zone 2 (114–133)"),
        (("/profile maxhr 190", "/profile resthr 60"), "❤️ 125 bpm is below your Zone 2 (138–151)"),
    ],
)
async def test_a_typed_zone2_log_is_judged_by_the_persons_own_heart_rates(
    ann: ChatUser, settings: tuple[str, ...], line: str
) -> None:
    for i, setting in enumerate(("/profile age 62", *settings)):
        await ann.say(setting, f"2026-11-30T08:0{i}")
    reply = await ann.say("zone 2 45 min avg hr 125", "2026-11-30T09:00")
    assert line in reply
    shown = await ann.say("/profile", "2026-11-30T09:01")
    assert ("measured" in shown) == bool(settings)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cut.fit", (FIXTURES / "ride-garmin-fr935-laps.fit").read_bytes()[:20000]),
        ("huge.gpx", b"<gpx>" + b" " * (20 * 1024 * 1024)),
    ],
)
async def test_a_corrupt_or_oversized_file_records_nothing(
    ann: ChatUser,
    engine,
    name: str,
    data: bytes,  # type: ignore[no-untyped-def]
) -> None:
    """On SQLite and PostgreSQL: one line, status refused, no row, nothing to undo."""
    reply = await ann.say("", "2026-11-30T18:00", attachment=Attachment(name, data))
    assert reply.startswith("❌ ")
    assert len(reply.splitlines()) == 1
    assert ann.last is not None
    assert ann.last.status == "refused"
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM cardio_sessions"))).scalar() == 0
    assert await ann.say("/undo", "2026-11-30T18:01") == "There's nothing to undo yet."
