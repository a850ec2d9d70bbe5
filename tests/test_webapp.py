"""The training page's JSON endpoints, on SQLite and PostgreSQL: who gets in, what they see,
and a set corrected there changing `/plan` in the chat."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.observability import Health, Metrics, http_app
from bot.webapp.server import TrainingPage
from bot.webapp.telegram_init import signed_init_data, telegram_user_id
from core.accounts import app_command
from core.accounts.app_links import LINK, SESSION, AppLinks, Visitor, sign, verify
from core.conversation.service import ConversationService
from core.messages import IncomingMessage

BOT_TOKEN = "123456:TEST-token-for-the-training-page"
SECRET = b"a test secret for app links, 32+ bytes long"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # a Thursday
ANN = "4242"  # Ann's Telegram id
BOB = "5151"

# Six weeks of Ann's training, as she typed it (Mondays and Thursdays), and her Zone 2.
ANN_LOGS = [
    ("2026-10-19T18:00", "squat 3x5 90kg\nbench press 3x8 55kg"),
    ("2026-10-22T18:00", "squat 3x5 92.5kg\nbench press 3x8 57.5kg"),
    ("2026-10-26T18:00", "squat 3x5 95kg\nbench press 3x8 57.5kg"),
    ("2026-10-29T18:00", "zone 2 run 45 min"),
    ("2026-11-02T18:00", "squat 3x5 97.5kg\nbench press 3x8 60kg"),
    ("2026-11-05T18:00", "squat 3x5 100kg\nbench press 3x8 60kg"),
    ("2026-11-09T18:00", "zone 2 bike 50 min"),
    ("2026-11-12T18:00", "squat 3x5 102.5kg\nbench press 3x8 62.5kg"),
    ("2026-11-16T18:00", "squat 3x5 105kg\nbench press 3x8 62.5kg"),
    ("2026-11-19T18:00", "zone 2 run 50 min"),
    ("2026-11-23T18:00", "squat 3x5 107.5kg\nbench press 3x8 65kg"),
    ("2026-11-24T07:00", "zone 2 run 45 min"),
]


class Person:
    """Talks to the coach on Telegram as one person, as the Telegram adapter would."""

    def __init__(self, service: ConversationService, user_id: str) -> None:
        self.service = service
        self.user_id = user_id
        self.sent: dict[str, str] = {}  # platform message id -> text

    async def say(self, text: str, at: str | datetime = NOW) -> str:
        sent = at if isinstance(at, datetime) else datetime.fromisoformat(at).replace(tzinfo=UTC)
        message_id = f"{self.user_id}:{uuid.uuid4().hex[:10]}"
        self.sent[message_id] = text
        result = await self.service.handle(
            IncomingMessage("telegram", self.user_id, message_id, text, sent)
        )
        return "\n\n".join(r.text for r in result.replies)

    async def plan(self) -> str:
        return await self.say("/plan")


async def with_history(service: ConversationService) -> Person:
    ann = Person(service, ANN)
    for at, text in ANN_LOGS:
        await ann.say(text, at)
    return ann


def init_data(user_id: str, token: str = BOT_TOKEN, at: datetime = NOW) -> str:
    """Return initData as Telegram signs it for `user_id` at `at`."""
    user = json.dumps({"id": int(user_id), "first_name": "Ann", "language_code": "en"})
    fields = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": user,
        "auth_date": str(int(at.timestamp())),
        "signature": "not-checked-by-bots",
    }
    return signed_init_data(fields, token)


def link_token(user_id: str, expires: datetime = NOW + timedelta(minutes=15)) -> str:
    return sign(SECRET, LINK, Visitor("telegram", user_id), expires, uuid.uuid4().hex)


def make_page(service: ConversationService, engine: AsyncEngine) -> TrainingPage:
    links = AppLinks("http://127.0.0.1", SECRET)
    return TrainingPage(service, engine, links, BOT_TOKEN, clock=lambda: NOW)


@pytest.fixture
def coach_service(engine: AsyncEngine) -> ConversationService:
    from storage.unit_of_work import unit_of_work_factory

    return ConversationService(unit_of_work_factory(engine))


@pytest.fixture
async def client(
    coach_service: ConversationService, engine: AsyncEngine
) -> AsyncIterator[TestClient]:
    app = http_app(Health(engine), Metrics(), make_page(coach_service, engine))
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


@pytest.fixture
async def ann(coach_service: ConversationService) -> Person:
    return await with_history(coach_service)


async def open_session(client: TestClient, **body: str) -> int:
    client.session.cookie_jar.clear()
    response = await client.post("/app/api/session", json=body)
    return response.status


# --- Telegram's initData -----------------------------------------------------------


def test_init_data_check_is_telegrams_own() -> None:
    """The hash is Telegram's documented HMAC chain, computed here independently."""
    data = init_data(ANN)
    fields = dict(parse_qsl(data))
    received = fields.pop("hash")
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret_key = hmac.new(b"WebAppData", BOT_TOKEN.encode(), hashlib.sha256).digest()
    assert received == hmac.new(secret_key, check.encode(), hashlib.sha256).hexdigest()
    assert telegram_user_id(data, BOT_TOKEN, NOW) == ANN


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("another bot's token", init_data(ANN, token="999:another-bot")),
        ("older than a day", init_data(ANN, at=NOW - timedelta(hours=24, seconds=1))),
        ("from the future", init_data(ANN, at=NOW + timedelta(hours=1))),
        ("user swapped after signing", init_data(ANN).replace("4242", "5151")),
        ("hash removed", "&".join(p for p in init_data(ANN).split("&") if "hash=" not in p)),
        (
            "hash of another field set",
            init_data(BOB)[: init_data(BOB).index("hash=")]
            + init_data(ANN)[init_data(ANN).index("hash=") :],
        ),
        ("not initData at all", "hello"),
        ("empty", ""),
    ],
)
def test_init_data_refused(case: str, data: str) -> None:
    assert telegram_user_id(data, BOT_TOKEN, NOW) is None, case


def test_init_data_a_day_old_still_opens() -> None:
    assert telegram_user_id(init_data(ANN, at=NOW - timedelta(hours=23)), BOT_TOKEN, NOW) == ANN


# --- signed links ---------------------------------------------------------------------


def test_link_round_trip_and_tampering() -> None:
    token = link_token(ANN)
    signed = verify(SECRET, LINK, token, NOW)
    assert signed is not None
    assert signed.visitor == Visitor("telegram", ANN)
    assert verify(b"another secret", LINK, token, NOW) is None
    assert verify(SECRET, SESSION, token, NOW) is None  # a link is no session
    mac = token.rpartition(".")[2]
    forged = sign(b"x", LINK, Visitor("telegram", BOB), NOW + timedelta(minutes=5)).split(".")[0]
    assert verify(SECRET, LINK, f"{forged}.{mac}", NOW) is None
    assert verify(SECRET, LINK, token, NOW + timedelta(minutes=16)) is None


# --- the endpoints, on both databases ---------------------------------------------------


async def test_nothing_without_a_session(client: TestClient, ann: Person) -> None:
    for path in ("/app/api/overview", "/app/api/sessions"):
        response = await client.get(path)
        assert response.status == 401
        assert "week" not in await response.text()
    response = await client.post("/app/api/set", json={"message_id": 1, "position": 0, "reps": 1})
    assert response.status == 401


async def test_forged_cookie_is_refused(client: TestClient, ann: Person) -> None:
    session = sign(b"guessed secret", SESSION, Visitor("telegram", ANN), NOW + timedelta(hours=1))
    client.session.cookie_jar.update_cookies({"coach_app": session})
    assert (await client.get("/app/api/overview")).status == 401


async def week_as_in_the_chat(engine: AsyncEngine) -> object:
    """Return what `/week` computes for Ann now, as the page's JSON would hold it."""
    from bot.webapp.server import _plain
    from core.coaching.commands import dose_at
    from storage.unit_of_work import unit_of_work_factory

    async with unit_of_work_factory(engine)() as uow:
        profile = (await uow.repo.profiles([("telegram", ANN)]))[("telegram", ANN)]
        return json.loads(json.dumps(_plain(await dose_at(uow.repo, profile, NOW))))


async def test_initdata_opens_the_persons_own_overview(
    client: TestClient, ann: Person, engine: AsyncEngine
) -> None:
    assert await open_session(client, initData=init_data(ANN)) == 200
    overview = await (await client.get("/app/api/overview")).json()
    week = {line["key"]: line for line in overview["week"]["lines"]}
    assert week["resistance_sessions"]["value"] == 1
    assert overview["week"]["zone2_minutes"] == 45
    assert overview["plan"] == await ann.plan()
    assert overview["week"] == await week_as_in_the_chat(engine)
    lifts = {s["name"]: s for s in overview["lifts"]}
    assert sorted(lifts) == ["Bench press", "Squat"]
    squat = lifts["Squat"]
    assert [p["top"] for p in squat["points"]][-2:] == [105, 107.5]
    assert squat["next_load"] is not None
    assert [w["zone2_minutes"] for w in overview["weeks"]["weeks"]][-6:] == [0, 45, 0, 50, 50, 45]


async def test_sessions_list_each_log_with_its_sets(client: TestClient, ann: Person) -> None:
    assert await open_session(client, initData=init_data(ANN)) == 200
    sessions = (await (await client.get("/app/api/sessions")).json())["sessions"]
    assert [s["day"] for s in sessions][:3] == ["2026-11-23", "2026-11-16", "2026-11-12"]
    assert len(sessions) == 8  # the strength logs; Zone 2 is in its own chart
    newest = sessions[0]
    assert newest["text"] == "squat 3x5 107.5kg\nbench press 3x8 65kg"
    assert [(s["exercise"], s["reps"], s["weight"]) for s in newest["sets"]] == [
        ("squat", 5, 107.5),
        ("squat", 5, 107.5),
        ("squat", 5, 107.5),
        ("bench_press", 8, 65),
        ("bench_press", 8, 65),
        ("bench_press", 8, 65),
    ]


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("forged", init_data(ANN, token="999:another-bot")),
        ("expired", init_data(ANN, at=NOW - timedelta(days=2))),
        ("another person's, edited to be Ann's", init_data(BOB).replace(BOB, ANN)),
    ],
)
async def test_bad_initdata_gets_no_session(
    client: TestClient, ann: Person, case: str, data: str
) -> None:
    assert await open_session(client, initData=data) == 403, case
    assert (await client.get("/app/api/overview")).status == 401


async def test_another_persons_initdata_shows_only_their_own(
    client: TestClient, ann: Person, coach_service: ConversationService
) -> None:
    bob = Person(coach_service, BOB)
    await bob.say("deadlift 1x5 140kg", "2026-11-24T18:00")
    assert await open_session(client, initData=init_data(BOB)) == 200
    overview = await (await client.get("/app/api/overview")).json()
    assert [s["name"] for s in overview["lifts"]] == ["Deadlift"]
    sessions = (await (await client.get("/app/api/sessions")).json())["sessions"]
    assert [s["text"] for s in sessions] == ["deadlift 1x5 140kg"]


async def test_initdata_in_a_header_works_without_cookies(client: TestClient, ann: Person) -> None:
    """Telegram's web client frames the page, where cookies may be withheld."""
    client.session.cookie_jar.clear()
    good = {"Authorization": f"tma {init_data(ANN)}"}
    response = await client.get("/app/api/sessions", headers=good)
    assert response.status == 200
    assert len((await response.json())["sessions"]) == 8
    for bad in (init_data(ANN, token="9:x"), init_data(BOB).replace(BOB, ANN), "", "x=1"):
        response = await client.get("/app/api/sessions", headers={"Authorization": f"tma {bad}"})
        assert response.status == 401
    assert (await client.get("/app/api/sessions")).status == 401


async def test_unknown_telegram_user_is_refused(client: TestClient) -> None:
    assert await open_session(client, initData=init_data("777")) == 403


async def test_link_opens_once(client: TestClient, ann: Person) -> None:
    token = link_token(ANN)
    assert await open_session(client, link=token) == 200
    assert (await client.get("/app/api/overview")).status == 200
    assert await open_session(client, link=token) == 403
    assert (await client.get("/app/api/overview")).status == 401


@pytest.mark.parametrize(
    ("case", "token"),
    [
        ("expired", link_token(ANN, NOW - timedelta(seconds=1))),
        (
            "signed with another secret",
            sign(b"other", LINK, Visitor("telegram", ANN), NOW + timedelta(minutes=5), "n"),
        ),
        ("garbage", "abc.def"),
    ],
)
async def test_bad_links_are_refused(
    client: TestClient, ann: Person, case: str, token: str
) -> None:
    assert await open_session(client, link=token) == 403, case
    assert (await client.get("/app/api/sessions")).status == 401


async def test_app_command_gives_a_link_that_opens_once(client: TestClient, ann: Person) -> None:
    app_command.offer_app(AppLinks("https://coach.example.org", SECRET))
    try:
        reply = await ann.say("/app")
    finally:
        app_command.offer_app(None)
    url = next(w for w in reply.split() if w.startswith("https://coach.example.org/app/#t="))
    token = url.split("#t=", 1)[1]
    assert await open_session(client, link=token) == 200
    assert await open_session(client, link=token) == 403
    assert "isn't set up" in await ann.say("/app")


async def test_correcting_a_set_changes_plan_in_the_chat(
    client: TestClient, ann: Person, engine: AsyncEngine
) -> None:
    before = await ann.plan()
    assert await open_session(client, initData=init_data(ANN)) == 200
    newest = (await (await client.get("/app/api/sessions")).json())["sessions"][0]
    last_bench = [s for s in newest["sets"] if s["exercise"] == "bench_press"][-1]
    response = await client.post(
        "/app/api/set",
        json={"message_id": newest["message_id"], "position": last_bench["position"], "reps": 4},
    )
    assert response.status == 200, await response.text()
    answer = await response.json()
    assert answer["reply"].startswith("✏️ Updated.")
    assert answer["text"] == (
        "Squat: 107.5kg x 5, 107.5kg x 5, 107.5kg x 5\nBench press: 65kg x 8, 65kg x 8, 65kg x 4"
    )
    after = await ann.plan()
    assert after != before
    sessions = (await (await client.get("/app/api/sessions")).json())["sessions"]
    assert sessions[0]["text"] == answer["text"]  # the stored message says what it holds
    assert [s["reps"] for s in sessions[0]["sets"] if s["exercise"] == "bench_press"] == [8, 8, 4]
    assert "Bench press 3×8 @ 66.25 kg" in before
    assert "Bench press 3×8 @ 66.25 kg" not in after


async def test_a_machines_help_corrected_on_the_page_stays_help(
    client: TestClient, ann: Person
) -> None:
    await ann.say("assisted pull up 3x8 30kg", "2026-11-26T10:00")
    assert await open_session(client, initData=init_data(ANN)) == 200
    newest = (await (await client.get("/app/api/sessions")).json())["sessions"][0]
    assert [s["weight"] for s in newest["sets"]] == [-30, -30, -30]
    response = await client.post(
        "/app/api/set",
        json={
            "message_id": newest["message_id"],
            "position": newest["sets"][2]["position"],
            "reps": 8,
            "weight": 25,
        },
    )  # the page shows the help, 30, and the person types 25
    assert response.status == 200, await response.text()
    assert (await response.json())["text"] == "Pull-up: bw-30kg x 8, bw-30kg x 8, bw-25kg x 8"
    sessions = (await (await client.get("/app/api/sessions")).json())["sessions"]
    assert [s["weight"] for s in sessions[0]["sets"]] == [-30, -30, -25]


async def test_deleting_a_set_and_then_every_set(client: TestClient, ann: Person) -> None:
    assert await open_session(client, initData=init_data(ANN)) == 200
    newest = (await (await client.get("/app/api/sessions")).json())["sessions"][0]
    for left in range(len(newest["sets"]), 0, -1):
        sessions = (await (await client.get("/app/api/sessions")).json())["sessions"]
        assert len(sessions[0]["sets"]) == left
        first = sessions[0]["sets"][0]["position"]
        response = await client.post(
            "/app/api/set",
            json={"message_id": newest["message_id"], "position": first, "delete": True},
        )
        assert response.status == 200, await response.text()
    sessions = (await (await client.get("/app/api/sessions")).json())["sessions"]
    assert newest["message_id"] not in [s["message_id"] for s in sessions]
    overview = await (await client.get("/app/api/overview")).json()
    week = {line["key"]: line for line in overview["week"]["lines"]}
    assert week["resistance_sessions"]["value"] == 0


async def test_nobody_corrects_another_persons_set(
    client: TestClient, ann: Person, coach_service: ConversationService
) -> None:
    bob = Person(coach_service, BOB)
    await bob.say("deadlift 1x5 140kg", "2026-11-24T18:00")
    assert await open_session(client, initData=init_data(ANN)) == 200
    anns = (await (await client.get("/app/api/sessions")).json())["sessions"][0]
    before = await ann.plan()
    assert await open_session(client, initData=init_data(BOB)) == 200
    response = await client.post(
        "/app/api/set", json={"message_id": anns["message_id"], "position": 0, "reps": 1}
    )
    assert response.status == 404
    assert await ann.plan() == before


async def test_a_log_with_cardio_is_corrected_in_the_chat(client: TestClient, ann: Person) -> None:
    await ann.say("squat 1x5 100kg\nzone 2 run 30 min", "2026-11-25T18:00")
    assert await open_session(client, initData=init_data(ANN)) == 200
    newest = (await (await client.get("/app/api/sessions")).json())["sessions"][0]
    position = newest["sets"][0]["position"]
    response = await client.post(
        "/app/api/set", json={"message_id": newest["message_id"], "position": position, "reps": 3}
    )
    assert response.status == 409
    assert "cardio" in (await response.json())["error"]


@pytest.mark.parametrize(
    "body",
    [
        {"message_id": "1", "position": 0, "reps": 1},
        {"message_id": 1, "position": 0},
        {"message_id": 1, "position": 0, "reps": 0},
        {"message_id": 1, "position": 0, "weight": -5},
        {"message_id": 1, "position": 0, "reps": True},
    ],
)
async def test_bad_corrections_are_refused(client: TestClient, ann: Person, body: dict) -> None:
    assert await open_session(client, initData=init_data(ANN)) == 200
    response = await client.post("/app/api/set", json=body)
    assert response.status in (400, 404)


async def test_posts_must_be_json(client: TestClient, ann: Person) -> None:
    response = await client.post("/app/api/session", data={"initData": init_data(ANN)})
    assert response.status == 415


async def test_page_and_assets_are_served(client: TestClient) -> None:
    page = await client.get("/app/")
    assert page.status == 200
    assert "frame-ancestors" in page.headers["Content-Security-Policy"]
    assert "uPlot.iife.min.js" in await page.text()
    assert (await client.get("/app/static/uPlot.iife.min.js")).status == 200
    assert (await client.get("/app/static/uPlot.LICENSE")).status == 200
    assert (await client.get("/healthz")).status == 200


# --- settings -------------------------------------------------------------------------


def test_the_page_is_served_only_with_a_public_url(
    settings_from_nothing: None, coach_service: ConversationService, engine: AsyncEngine
) -> None:
    from bot.settings import Settings
    from bot.webapp.wiring import links_secret, training_page

    bare = Settings(_env_file=None)  # type: ignore[call-arg]
    assert training_page(bare, coach_service, engine) is None
    assert not app_command._offered
    configured = Settings(
        _env_file=None,  # type: ignore[call-arg]
        public_url="https://coach.example.org/",
        telegram_token="123:abc",
    )
    try:
        page = training_page(configured, coach_service, engine)
        assert page is not None
        assert page.links.public_url == "https://coach.example.org"
        assert page.telegram_token == "123:abc"
        assert page.secure  # https: the session cookie is Secure
        assert app_command._offered == [page.links]
    finally:
        app_command.offer_app(None)
    # One deployment's processes agree on the secret without APP_SECRET; APP_SECRET wins.
    assert links_secret(configured) == links_secret(configured)
    other = Settings(_env_file=None, telegram_token="456:def")  # type: ignore[call-arg]
    assert links_secret(other) != links_secret(configured)
    chosen = Settings(_env_file=None, app_secret="s3cret", telegram_token="123:abc")  # type: ignore[call-arg]
    assert links_secret(chosen) == b"s3cret"
    assert "s3cret" in chosen.secrets()  # redacted from logs


def test_public_url_must_be_a_url(settings_from_nothing: None) -> None:
    from pydantic import ValidationError

    from bot.settings import Settings

    with pytest.raises(ValidationError):
        Settings(_env_file=None, public_url="coach.example.org")  # type: ignore[call-arg]
