"""Private stays private on a Discord server: the channel sees a pointer, the person the rest.

Through the real discord.py client against the stand-in Discord (tests/discord_fake.py):
a mention in a channel is answered by DM with a pointer left in the channel, slash
commands answer privately, a click in the DM works, and a click on someone else's
button gets a notice only the clicker sees and leaves the buttons and the data alone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.discord.adapter import SENT_PRIVATELY
from bot.discord.client import CoachClient
from core.conversation.ownership import NOT_OPEN, NOT_YOURS
from core.conversation.service import ConversationService
from tests.discord_fake import (
    APP_ID,
    BOT_USER,
    CHANNEL_ID,
    EPHEMERAL,
    GUILD_ID,
    TOKEN,
    Call,
    FakeDiscord,
    Gateway,
    guild_payload,
    message_payload,
    options,
    snowflake,
    user,
)

ANN = user(760000000000000001, "ann")
BOB = user(760000000000000002, "bob")
LOGGED = ("squat 3x8 100kg",)
DM = FakeDiscord.dm_channel_id(ANN["id"])


class Server:
    """The coach on a stand-in server with Ann and Bob in it."""

    def __init__(self, client: CoachClient, fake: FakeDiscord) -> None:
        self.client = client
        self.fake = fake
        self.gateway = Gateway(client)

    async def dm(self, who: dict[str, Any], content: str) -> None:
        data = message_payload(
            author=who, content=content, channel_id=FakeDiscord.dm_channel_id(who["id"])
        )
        await self.gateway.send("MESSAGE_CREATE", data)

    async def mention(self, who: dict[str, Any], content: str) -> None:
        data = message_payload(
            author=who,
            content=f"<@{BOT_USER['id']}> {content}",
            channel_id=CHANNEL_ID,
            guild_id=GUILD_ID,
            mentions=[BOT_USER],
        )
        await self.gateway.send("MESSAGE_CREATE", data)

    async def slash(self, who: dict[str, Any], name: str, **values: Any) -> list[Call]:
        data = {"id": str(snowflake()), "name": name, "type": 1, "options": options(**values)}
        payload = self.gateway.interaction(2, who, data)
        await self.gateway.send("INTERACTION_CREATE", payload)
        return self.answers(payload)

    async def click(
        self, who: dict[str, Any], custom_id: str, question: Call, channel_id: int = CHANNEL_ID
    ) -> list[Call]:
        """`who` clicks a button of `question`, in the server channel or in a DM."""
        message = message_payload(
            author=BOT_USER,
            content=question.content,
            channel_id=channel_id,
            components=question.data["components"],
        )
        data = {"custom_id": custom_id, "component_type": 2}
        in_guild = channel_id == CHANNEL_ID
        payload = self.gateway.interaction(3, who, data, in_guild=in_guild, message=message)
        await self.gateway.send("INTERACTION_CREATE", payload)
        return self.answers(payload)

    def answers(self, interaction: dict[str, Any]) -> list[Call]:
        """The interaction's response, its follow-ups and edits, in order."""
        callback = f"/interactions/{interaction['id']}/{interaction['token']}/callback"
        hook = f"/webhooks/{APP_ID}/{interaction['token']}"
        return [c for c in self.fake.calls if c.path == callback or c.path.startswith(hook)]

    def sent_to(self, channel_id: int | str) -> list[Call]:
        return [c for c in self.fake.to(f"/channels/{channel_id}/messages") if c.method == "POST"]


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    monkeypatch.setattr(discord.http.Route, "BASE", await fake.start())
    yield fake
    await fake.stop()


@pytest.fixture
async def server(service: ConversationService, fake: FakeDiscord) -> AsyncIterator[Server]:
    client = CoachClient(service)
    await client.login(TOKEN)
    server = Server(client, fake)
    await server.gateway.send("GUILD_CREATE", guild_payload([BOT_USER, ANN, BOB]))
    yield server
    await client.close()


async def sets_of(engine: AsyncEngine, who: dict[str, Any]) -> int:
    async with engine.connect() as conn:
        query = text(
            "SELECT count(*) FROM strength_sets s JOIN identities i ON i.user_id = s.user_id "
            "JOIN messages m ON m.id = s.message_id WHERE i.external_id = :who AND NOT m.undone"
        )
        return int((await conn.execute(query, {"who": who["id"]})).scalar_one())


def button(question: Call, start: str) -> str:
    return next(i for i in question.custom_ids if i.startswith(f"coach:{start}"))


@pytest.mark.parametrize(
    ("before", "command", "phrase"),
    [
        (LOGGED, "/undo", "Remove your last log, “squat 3x8 100kg”"),
        (("/remind zone2 mon 18:00",), "/reminders", "Your reminders"),
        ((), "/remind zone2 tue 07:30", "Zone 2 reminder"),
        (LOGGED, "/delete", "deletes everything"),
        ((), "/link", "Your link code"),
        (LOGGED, "/export", "Your training history"),
        (LOGGED, "/plan", "Next session"),
        (LOGGED, "/history squat", "Squat, last session"),
        (LOGGED, "/chart squat", "Squat: 1 session"),
        (LOGGED, "/week", "This week"),
        ((), "/profile", "Age: not set"),
        ((), "/timezone", "Your timezone is"),
    ],
)
async def test_a_mention_is_answered_by_dm_with_a_pointer_in_the_channel(
    server: Server, before: tuple[str, ...], command: str, phrase: str
) -> None:
    for sent in before:
        await server.dm(ANN, sent)
    earlier = len(server.sent_to(DM))
    await server.mention(ANN, command)
    answers = server.sent_to(DM)[earlier:]
    assert any(phrase in c.text for c in answers)
    (pointer,) = server.sent_to(CHANNEL_ID)
    assert pointer.content == SENT_PRIVATELY
    assert pointer.json["message_reference"]  # under Ann's message, so it's clearly hers
    assert not pointer.files


async def test_undo_asked_in_a_channel_is_answered_and_clicked_in_the_dm(
    server: Server, engine: AsyncEngine
) -> None:
    await server.dm(ANN, "squat 3x8 100kg")
    await server.mention(ANN, "/undo")
    question = server.sent_to(DM)[-1]
    edit, answer = await server.click(ANN, button(question, "/undo yes"), question, DM)
    assert edit.json["type"] == 7  # taken: the question's buttons are removed
    assert edit.json["data"]["components"] == []
    assert "Undone" in answer.content
    assert await sets_of(engine, ANN) == 0
    assert [c.content for c in server.sent_to(CHANNEL_ID)] == [SENT_PRIVATELY]


async def test_someone_elses_undo_button_gets_a_private_notice_and_changes_nothing(
    server: Server, engine: AsyncEngine
) -> None:
    await server.slash(ANN, "log", text="squat 3x8 100kg")
    (question,) = await server.slash(ANN, "undo")
    assert question.flags & EPHEMERAL  # the question and its buttons: Ann's eyes only
    yes = button(question, "/undo yes")
    (notice,) = await server.click(BOB, yes, question)  # a forged or old button
    assert notice.json["type"] == 4  # a message of its own, not an edit of Ann's question
    assert notice.flags & EPHEMERAL
    assert notice.content == NOT_YOURS.text
    assert await sets_of(engine, ANN) == 3
    edit, answer = await server.click(ANN, yes, question)  # hers still works
    assert edit.json["type"] == 7
    assert "Undone" in answer.content
    assert await sets_of(engine, ANN) == 0


async def test_someone_elses_onboarding_button_in_a_channel_changes_nothing(
    server: Server,
) -> None:
    await server.mention(ANN, "hi")
    question = next(c for c in server.sent_to(CHANNEL_ID) if c.custom_ids)
    assert "kilograms or pounds" in question.content
    (notice,) = await server.click(BOB, button(question, "/units lb"), question)
    assert notice.flags & EPHEMERAL
    assert notice.content == NOT_OPEN.text
    edit, *answers = await server.click(ANN, button(question, "/units lb"), question)
    assert edit.json["type"] == 7
    assert any("timezone" in c.content for c in answers)


async def test_a_slow_click_is_deferred_then_refused_or_taken(
    server: Server, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await server.slash(ANN, "log", text="squat 3x8 100kg")
    (question,) = await server.slash(ANN, "undo")
    monkeypatch.setattr("bot.discord.adapter.DEFER_AFTER", 0.0)
    yes = button(question, "/undo yes")
    deferred, notice = await server.click(BOB, yes, question)
    assert deferred.json["type"] == 6  # acknowledged, the message left as it is
    assert notice.content == NOT_YOURS.text
    assert notice.flags & EPHEMERAL
    deferred, edit, answer = await server.click(ANN, yes, question)
    assert deferred.json["type"] == 6
    assert edit.method == "PATCH"
    assert edit.path.endswith("/messages/@original")
    assert edit.json["components"] == []
    assert "Undone" in answer.content
