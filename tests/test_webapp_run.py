"""`coach run telegram` with HTTP_PORT and PUBLIC_URL serves the training page beside
/healthz: `/app` in the chat gives a link that opens it, Telegram initData signed with
the bot's token opens it, and a correction made there is never sent to the chat."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from bot.webapp.telegram_init import signed_init_data
from core.accounts import app_command
from tests.telegram_fake import TOKEN, FakeBotAPI
from tests.test_runner import Running, free_port, healthy, settings

pytestmark = pytest.mark.usefixtures("settings_from_nothing")

ANN = 4242


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'coach.db'}"


@pytest.fixture(autouse=True)
def no_page_offered_after() -> object:
    yield
    app_command.offer_app(None)  # the run set it for this process


async def test_coach_run_serves_the_page_and_app_gives_its_link(api: FakeBotAPI, db: str) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    config = settings(
        telegram_token=TOKEN,
        telegram_api_base_url=api.base_url,
        http_port=port,
        http_host="127.0.0.1",
        public_url=base,
    )
    running = Running("telegram", config, db)
    try:
        await healthy(port)
        api.message(ANN, "squat 3x5 100kg")
        await api.wait_sent(1, chat_id=ANN)
        api.message(ANN, "/app")
        reply = (await api.wait_sent(2, chat_id=ANN))[-1]
        link = next(word for word in reply.split() if word.startswith(f"{base}/app/#t="))
        jar = aiohttp.CookieJar(unsafe=True)  # keep cookies from 127.0.0.1
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            async with http.get(f"{base}/app/") as page:
                assert page.status == 200
            token = link.split("#t=", 1)[1]
            async with http.post(f"{base}/app/api/session", json={"link": token}) as opened:
                assert opened.status == 200
            async with http.get(f"{base}/app/api/sessions") as listed:
                session = (await listed.json())["sessions"][0]
            assert session["text"] == "squat 3x5 100kg"
            change = {"message_id": session["message_id"], "position": 0, "reps": 3}
            change["position"] = session["sets"][-1]["position"]
            async with http.post(f"{base}/app/api/set", json=change) as corrected:
                assert corrected.status == 200, await corrected.text()
                assert (await corrected.json())["reply"].startswith("✏️ Updated.")
        user = json.dumps({"id": ANN, "first_name": "Ann"})
        signed = signed_init_data(
            {"user": user, "auth_date": str(int(datetime.now(UTC).timestamp()))}, TOKEN
        )
        async with (
            aiohttp.ClientSession() as http,
            http.get(
                f"{base}/app/api/overview", headers={"Authorization": f"tma {signed}"}
            ) as overview,
        ):
            assert overview.status == 200
            assert [s["name"] for s in (await overview.json())["lifts"]] == ["Squat"]
    finally:
        assert await running.stop() == 0
    # A restart sends what the chat is still owed: the page's correction is not among it.
    sent = len(api.texts(ANN))
    again = Running("telegram", config, db)
    try:
        await healthy(port)
        api.message(ANN, "/week")
        await api.wait_sent(sent + 1, chat_id=ANN)
    finally:
        assert await again.stop() == 0
    assert not [t for t in api.texts(ANN) if "Updated" in t]
