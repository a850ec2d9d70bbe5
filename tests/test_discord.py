"""The Discord adapter, driven through the real discord.py client against a fake Discord."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

import storage.links  # noqa: F401  (registers the link store)
from bot.discord.client import CoachClient, zone_matches
from bot.discord.notifier import DiscordNotifier
from bot.discord.replies import MAX_TEXT, render, split_text
from core.accounts.linking import ALPHABET, CODE_LENGTH
from core.conversation.results import HandleResult
from core.conversation.service import ConversationService
from core.messages import Choice, IncomingMessage, OutgoingFile, Reply
from core.reminders.notifier import DeliveryRefused
from storage.models import StrengthSet
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
    settle,
    snowflake,
    user,
)

ANN = user(750000000000000001, "ann")
BOB = user(750000000000000002, "bob")
MONDAY = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


class Bot:
    """The coach on a fake Discord: send events as a person, read what the bot sent."""

    def __init__(self, client: CoachClient, fake: FakeDiscord) -> None:
        self.client = client
        self.fake = fake
        self.gateway = Gateway(client)

    # -- events ------------------------------------------------------------------------

    async def dm(self, who: dict[str, Any], text: str, **kw: Any) -> dict[str, Any]:
        data = message_payload(
            author=who, content=text, channel_id=FakeDiscord.dm_channel_id(who["id"]), **kw
        )
        await self.gateway.send("MESSAGE_CREATE", data)
        return data

    async def post(self, who: dict[str, Any], text: str, *, mention: bool) -> dict[str, Any]:
        mentions = [BOT_USER] if mention else []
        content = f"<@{BOT_USER['id']}> {text}" if mention else text
        data = message_payload(
            author=who, content=content, channel_id=CHANNEL_ID, guild_id=GUILD_ID, mentions=mentions
        )
        await self.gateway.send("MESSAGE_CREATE", data)
        return data

    async def edit(self, original: dict[str, Any], text: str) -> None:
        data = {**original, "content": text, "edited_timestamp": datetime.now(UTC).isoformat()}
        await self.gateway.send("MESSAGE_UPDATE", data)

    async def slash(
        self, who: dict[str, Any], name: str, *, in_guild: bool = True, **values: Any
    ) -> list[Call]:
        """Run `/name option:value …`; return the calls answering this interaction."""
        data = {"id": str(snowflake()), "name": name, "type": 1, "options": options(**values)}
        payload = self.gateway.interaction(2, who, data, in_guild=in_guild)
        await self.gateway.send("INTERACTION_CREATE", payload)
        return self.answers(payload)

    async def autocomplete(self, name: str, option: str, typed: str) -> list[str]:
        focused = [{"name": option, "type": 3, "value": typed, "focused": True}]
        data = {"id": str(snowflake()), "name": name, "type": 1, "options": focused}
        payload = self.gateway.interaction(4, ANN, data)
        await self.gateway.send("INTERACTION_CREATE", payload)
        (call,) = self.answers(payload)
        assert call.json["type"] == 8
        return [c["name"] for c in call.json["data"]["choices"]]

    async def click(self, who: dict[str, Any], custom_id: str, question: Call) -> list[Call]:
        message = message_payload(
            author=BOT_USER,
            content=question.content,
            channel_id=CHANNEL_ID,
            components=question.data["components"],
        )
        data = {"custom_id": custom_id, "component_type": 2}
        payload = self.gateway.interaction(3, who, data, message=message)
        await self.gateway.send("INTERACTION_CREATE", payload)
        return self.answers(payload)

    # -- what the bot sent ---------------------------------------------------------------

    def answers(self, interaction: dict[str, Any]) -> list[Call]:
        """The interaction's response, then its follow-ups."""
        callback = f"/interactions/{interaction['id']}/{interaction['token']}/callback"
        followups = f"/webhooks/{APP_ID}/{interaction['token']}"
        return [c for c in self.fake.calls if c.path in (callback, followups)]

    def sent_to(self, channel_id: int | str) -> list[Call]:
        return [c for c in self.fake.to(f"/channels/{channel_id}/messages") if c.method == "POST"]

    def dms_to(self, who: dict[str, Any]) -> list[Call]:
        return self.sent_to(FakeDiscord.dm_channel_id(who["id"]))


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    base = await fake.start()
    monkeypatch.setattr(discord.http.Route, "BASE", base)
    yield fake
    await fake.stop()


async def start_bot(
    service: ConversationService, fake: FakeDiscord, guild_id: int | None = None
) -> Bot:
    client = CoachClient(service, guild_id=guild_id)
    await client.login(TOKEN)
    bot = Bot(client, fake)
    await bot.gateway.send("GUILD_CREATE", guild_payload([BOT_USER, ANN, BOB]))
    return bot


@pytest.fixture
async def bot(service: ConversationService, fake: FakeDiscord) -> AsyncIterator[Bot]:
    bot = await start_bot(service, fake)
    yield bot
    await bot.client.close()


async def count_sets(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(StrengthSet))).scalar_one()


# --- messages -------------------------------------------------------------------------


async def test_a_dm_log_is_answered_with_the_next_load(bot: Bot) -> None:
    await bot.dm(ANN, "squat 3x8 100kg", at=MONDAY)
    (reply,) = bot.dms_to(ANN)
    assert "Squat: 3×8 @ 100 kg" in reply.content
    assert "Next: Squat 3×8 @ 102.5 kg" in reply.content
    assert not reply.flags & EPHEMERAL


async def test_a_dm_with_a_strong_export_imports_it(bot: Bot, engine: AsyncEngine) -> None:
    csv = (Path(__file__).parent / "fixtures" / "strong_2016.csv").read_bytes()
    attachment = bot.fake.attachment("strong.csv", csv)
    await bot.dm(ANN, "", attachments=[attachment])
    replies = bot.dms_to(ANN)
    assert "Imported" in replies[-1].content
    assert await count_sets(engine) > 0
    before = await count_sets(engine)
    await bot.dm(ANN, "", attachments=[bot.fake.attachment("again.csv", csv)])
    assert await count_sets(engine) == before  # the same file twice records nothing twice


async def test_the_same_message_delivered_twice_is_recorded_once(
    bot: Bot, engine: AsyncEngine
) -> None:
    first = await bot.dm(ANN, "squat 3x8 100kg")
    await bot.gateway.send("MESSAGE_CREATE", first)
    assert len(bot.dms_to(ANN)) == 1
    assert await count_sets(engine) == 3


async def test_one_persons_messages_are_handled_and_answered_in_order(
    service: ConversationService, fake: FakeDiscord
) -> None:
    first_may_finish = asyncio.Event()
    busy: set[str] = set()
    overlapped: list[str] = []

    class SlowFirst:
        """The real service; the first message waits until the second has arrived."""

        async def handle(self, message: IncomingMessage) -> HandleResult:
            if message.user_id in busy:
                overlapped.append(message.text)
            busy.add(message.user_id)
            try:
                if message.text.startswith("squat"):
                    await first_may_finish.wait()
                return await service.handle(message)
            finally:
                busy.discard(message.user_id)

        def __getattr__(self, name: str) -> Any:
            return getattr(service, name)

    bot = await start_bot(SlowFirst(), fake)  # type: ignore[arg-type]
    try:
        dm = FakeDiscord.dm_channel_id(ANN["id"])
        parse = bot.client._connection.parsers["MESSAGE_CREATE"]
        parse(message_payload(author=ANN, content="squat 3x8 100kg", channel_id=dm))
        parse(message_payload(author=ANN, content="bench 3x8 60kg", channel_id=dm))
        for _ in range(20):  # let the second one go as far as it may
            await asyncio.sleep(0)
        first_may_finish.set()
        await settle()
    finally:
        await bot.client.close()
    assert overlapped == []  # the second waited for the first
    first, second = (c.content for c in bot.dms_to(ANN))
    assert "Squat" in first
    assert "Bench" in second


async def test_an_edited_dm_edits_its_record(bot: Bot) -> None:
    original = await bot.dm(ANN, "squat 3x8 100kg")
    await bot.edit(original, "squat 3x8 110kg")
    assert "Updated" in bot.dms_to(ANN)[-1].content
    (history, *_) = await bot.slash(ANN, "history", in_guild=False, exercise="squat")
    assert "110 kg" in history.content
    assert "100 kg" not in history.content


async def test_an_edit_that_only_unfurls_a_link_changes_nothing(bot: Bot) -> None:
    original = await bot.dm(ANN, "squat 3x8 100kg")
    unfurled = {"type": "link", "url": "https://example.org", "title": "Squats"}
    await bot.gateway.send("MESSAGE_UPDATE", {**original, "embeds": [unfurled]})
    assert len(bot.dms_to(ANN)) == 1


async def test_records_belong_to_the_person_not_the_channel(bot: Bot) -> None:
    await bot.post(ANN, "squat 3x8 100kg", mention=True)
    await bot.dm(BOB, "/history squat")
    assert "No squat" in bot.dms_to(BOB)[-1].content
    await bot.dm(ANN, "/history squat")
    assert "100 kg" in bot.dms_to(ANN)[-1].content


async def test_a_server_message_must_mention_the_bot(bot: Bot, engine: AsyncEngine) -> None:
    await bot.post(ANN, "squat 3x8 100kg", mention=False)
    assert bot.fake.to("/channels/") == []
    assert await count_sets(engine) == 0


async def test_a_mention_with_own_data_is_answered_by_dm_not_in_the_channel(bot: Bot) -> None:
    await bot.post(ANN, "squat 3x8 100kg", mention=True)
    (pointer,) = bot.sent_to(CHANNEL_ID)  # only where to look, nothing of the data
    assert "DM" in pointer.content
    assert "100 kg" not in pointer.content
    (reply,) = bot.dms_to(ANN)
    assert "102.5 kg" in reply.content


async def test_a_mention_asking_for_help_is_answered_in_the_channel(bot: Bot) -> None:
    await bot.post(ANN, "/help", mention=True)
    (reply,) = bot.sent_to(CHANNEL_ID)
    assert "/plan" in reply.content


async def test_closed_dms_in_a_server_get_a_notice_not_the_data(bot: Bot) -> None:
    dm = FakeDiscord.dm_channel_id(ANN["id"])
    bot.fake.fail("POST", f"/channels/{dm}/messages", 403, 50007, "Cannot send messages")
    await bot.post(ANN, "squat 3x8 100kg", mention=True)
    (notice,) = bot.sent_to(CHANNEL_ID)
    assert "can't DM you" in notice.content
    assert "100 kg" not in notice.content


# --- slash commands -------------------------------------------------------------------


async def test_commands_are_synced_at_start(bot: Bot) -> None:
    (sync,) = bot.fake.to(f"/applications/{APP_ID}/commands")
    names = {c["name"] for c in sync.json}
    assert names == {
        "log", "plan", "week", "history", "undo", "units", "timezone", "profile", "ask",
        "help", "link", "app", "program",
    }  # fmt: skip


async def test_commands_sync_to_one_server_for_development(
    service: ConversationService, fake: FakeDiscord
) -> None:
    bot = await start_bot(service, fake, guild_id=GUILD_ID)
    try:
        (sync,) = fake.to(f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
        assert "history" in {c["name"] for c in sync.json}
    finally:
        await bot.client.close()


async def test_log_command_records_and_answers_privately(bot: Bot) -> None:
    (reply,) = await bot.slash(ANN, "log", text="squat 3x8 100kg")
    assert reply.json["type"] == 4
    assert reply.flags & EPHEMERAL
    assert "Next: Squat 3×8 @ 102.5 kg" in reply.content


async def test_plan_and_week_are_private_embeds(bot: Bot) -> None:
    await bot.slash(ANN, "log", text="squat 3x8 100kg")
    (plan,) = await bot.slash(ANN, "plan")
    assert plan.flags & EPHEMERAL
    assert plan.embeds[0]["title"] == "Next session"
    assert "102.5 kg" in plan.embeds[0]["description"]
    (week,) = await bot.slash(ANN, "week")
    assert week.flags & EPHEMERAL
    assert week.embeds[0]["title"].startswith("This week")
    assert "Quads sets: 3" in week.embeds[0]["description"]


async def test_plan_without_data_is_plain_text(bot: Bot) -> None:
    (plan,) = await bot.slash(ANN, "plan")
    assert plan.embeds == []
    assert "No lifts logged" in plan.content


async def test_history_command(bot: Bot) -> None:
    await bot.slash(ANN, "log", text="squat 3x8 100kg")
    (history,) = await bot.slash(ANN, "history", exercise="squat")
    assert history.flags & EPHEMERAL
    assert "Squat, last session:" in history.content


@pytest.mark.parametrize(
    ("name", "values", "expected", "private"),
    [
        ("help", {}, "/history squat", False),
        ("units", {"unit": "lb"}, "Units set to lb", False),
        ("units", {}, "You log in kg", False),
        ("timezone", {"zone": "Europe/Berlin"}, "Timezone set to Europe/Berlin", False),
        ("profile", {"age": 62}, "Age: 62", True),
        ("profile", {"age": 62, "weight": "80kg"}, "Bodyweight: 80 kg", True),
        ("profile", {}, "Age: not set", True),
        ("ask", {"question": "how heavy should I lift?"}, "6–10 reps are hard", False),
        ("undo", {}, "nothing to undo", True),
        ("link", {}, "Your link code", True),
    ],
)
async def test_each_command_answers(
    bot: Bot, name: str, values: dict[str, Any], expected: str, private: bool
) -> None:
    calls = await bot.slash(ANN, name, **values)
    assert calls, "no answer"
    assert calls[0].json["type"] == 4  # the first reply is the interaction's response
    assert expected in "\n".join(c.text for c in calls)
    assert all(bool(c.flags & EPHEMERAL) == private for c in calls)


async def test_in_a_dm_nothing_is_ephemeral(bot: Bot) -> None:
    (reply,) = await bot.slash(ANN, "log", in_guild=False, text="squat 3x8 100kg")
    assert not reply.flags & EPHEMERAL


async def test_history_autocompletes_from_the_catalogue(bot: Bot) -> None:
    names = await bot.autocomplete("history", "exercise", "sq")
    assert names[0] == "Squat"
    assert "Front squat" in names
    assert len(names) <= 25


async def test_timezone_autocompletes(bot: Bot) -> None:
    assert "Europe/Berlin" in await bot.autocomplete("timezone", "zone", "berl")
    assert zone_matches("new york")[0] == "America/New_York"


# --- buttons --------------------------------------------------------------------------


async def test_a_button_click_goes_to_the_core_and_removes_the_buttons(bot: Bot) -> None:
    await bot.slash(ANN, "log", text="squat 3x8 100kg")
    (question,) = await bot.slash(ANN, "undo")
    assert "Remove your last log" in question.content
    yes = next(i for i in question.custom_ids if i.startswith("coach:/undo yes"))
    edit, answer = await bot.click(ANN, yes, question)
    assert edit.json["type"] == 7  # the question is edited: its buttons removed
    assert edit.json["data"]["components"] == []
    assert "Undone" in answer.content
    (history,) = await bot.slash(ANN, "history", exercise="squat")
    assert "No squat" in history.content


async def test_someone_elses_undo_button_changes_nothing(bot: Bot) -> None:
    await bot.slash(ANN, "log", text="squat 3x8 100kg")
    (question,) = await bot.slash(ANN, "undo")
    yes = next(i for i in question.custom_ids if i.startswith("coach:/undo yes"))
    (answer,) = await bot.click(BOB, yes, question)  # a notice to Bob alone; buttons stay
    assert "already gone" in answer.content
    assert answer.flags & EPHEMERAL
    (history,) = await bot.slash(ANN, "history", exercise="squat")
    assert "100 kg" in history.content


# --- rendering ------------------------------------------------------------------------


def test_long_replies_are_split_at_line_breaks_under_2000() -> None:
    text = "\n".join(f"line {i}: " + "x" * 90 for i in range(60))
    chunks = split_text(text)
    assert len(chunks) > 1
    assert all(len(c) <= MAX_TEXT for c in chunks)
    assert "\n".join(chunks) == text
    assert all(c.startswith("line ") for c in chunks)


def test_a_line_longer_than_the_limit_is_cut_at_a_space() -> None:
    chunks = split_text("word " * 1000)
    assert all(len(c) <= MAX_TEXT for c in chunks)
    assert " ".join(chunks).split() == ["word"] * 1000


def test_images_and_files_are_attachments_on_the_last_message() -> None:
    (image,) = render(Reply("chart", image=b"\x89PNG"))
    assert isinstance(image.file, discord.File)
    assert image.file.filename == "chart.png"
    (doc,) = render(Reply("", file=OutgoingFile("log.csv", b"a,b")))
    assert doc.content is None
    assert doc.file is not None
    assert doc.file.filename == "log.csv"
    many = render(Reply("x\n" * 1500, choices=(Choice("OK", "/ok"),)))
    assert many[-1].view is not None
    assert all(m.view is None for m in many[:-1])


# --- reminders ------------------------------------------------------------------------


async def test_a_reminder_arrives_as_a_dm_with_its_image(bot: Bot) -> None:
    bot.fake.users[ANN["id"]] = ANN
    notifier = DiscordNotifier(bot.client)
    assert notifier.platform == "discord"
    await notifier.send(ANN["id"], Reply("Time to lift!", image=b"\x89PNG"))
    (dm,) = bot.dms_to(ANN)
    assert dm.content == "Time to lift!"
    assert dm.files[0][0] == "chart.png"


async def test_a_user_who_cannot_be_dmed_is_refused_not_retried(bot: Bot) -> None:
    dm = FakeDiscord.dm_channel_id(ANN["id"])
    bot.fake.fail("POST", f"/channels/{dm}/messages", 403, 50007, "Cannot send messages")
    with pytest.raises(DeliveryRefused):
        await DiscordNotifier(bot.client).send(ANN["id"], Reply("Time to lift!"))
    assert len(bot.dms_to(ANN)) == 1  # one attempt


async def test_an_unknown_user_is_refused(bot: Bot) -> None:
    bot.fake.fail("GET", "/users/123", 404, 10013, "Unknown User")
    with pytest.raises(DeliveryRefused):
        await DiscordNotifier(bot.client).send("123", Reply("Time to lift!"))


# --- one person on two platforms ------------------------------------------------------


async def test_telegram_and_discord_accounts_share_one_history_once_linked(
    bot: Bot, service: ConversationService
) -> None:
    async def telegram(text: str) -> str:
        message = IncomingMessage("telegram", "4242", uuid.uuid4().hex, text, MONDAY)
        result = await service.handle(message)
        return "\n".join(r.text for r in result.replies)

    await telegram("squat 3x8 100kg")
    code = re.search(rf"\b[{ALPHABET}]{{{CODE_LENGTH}}}\b", await telegram("/link"))
    assert code is not None
    (before,) = await bot.slash(ANN, "history", exercise="squat")
    assert "No squat" in before.content
    (linked,) = await bot.slash(ANN, "link", code=code.group(0))
    assert "Linked" in linked.content
    assert linked.flags & EPHEMERAL
    (after,) = await bot.slash(ANN, "history", exercise="squat")
    assert "100 kg" in after.content
    (reused,) = await bot.slash(BOB, "link", code=code.group(0))
    assert "doesn't work" in reused.content


async def test_a_slow_answer_is_deferred_privately_then_followed_up(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.discord.adapter.DEFER_AFTER", 0.0)
    deferred, answer = await bot.slash(ANN, "log", text="squat 3x8 100kg")
    assert deferred.json["type"] == 5  # "thinking…", within Discord's 3 s
    assert deferred.flags & EPHEMERAL
    assert "102.5 kg" in answer.content


# --- starting ---------------------------------------------------------------------------


def test_run_discord_without_a_token_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    from bot.cli import main

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["--db", f"sqlite:///{tmp_path / 'c.db'}", "run", "discord"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "DISCORD_TOKEN" in err


def test_the_token_never_shows_in_the_config_repr() -> None:
    from bot.discord.app import DiscordConfig

    config = DiscordConfig.from_env({"DISCORD_TOKEN": "secret-token", "DISCORD_GUILD_ID": "12"})
    assert config.guild_id == 12
    assert "secret-token" not in repr(config)


def test_no_privileged_intent_is_asked_for() -> None:
    from bot.discord.client import intents

    wanted = intents()
    assert wanted.dm_messages
    assert wanted.guild_messages
    assert not wanted.message_content
    assert not wanted.members
    assert not wanted.presences
