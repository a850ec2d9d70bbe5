"""Nobody reads or changes another person's data through a command, a button or a callback.

Every button's data comes back as text typed by whoever tapped it (Telegram callback data
and Discord custom ids can be forged by a modified client), so each payload the core hands
out is checked against the sender when it returns:

| payload                        | bound to the sender by                                 |
| ------------------------------ | ------------------------------------------------------ |
| `/undo yes <message id>`       | the message must be the sender's                       |
| `/reminder done|snooze|skip N` | the delivery must be the sender's                      |
| `/delete confirm <token>`      | a random token stored for the sender, 10 minutes       |
| `/link <code>`                 | single use, other platform, hashed, guesses limited    |
| an edit of a platform message  | the stored message must be the sender's                |
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

import storage.links  # noqa: F401  (registers the link store)
from bot.scheduler import drain
from core.accounts.linking import ALPHABET, CODE_LENGTH
from core.messages import Reply
from storage.reminder_dispatch import SqlDispatchStore
from tests.conftest import ChatUser


class Inbox:
    """The notifier of the test platform: remembers each ping."""

    platform = "test"

    def __init__(self) -> None:
        self.sent: list[tuple[str, Reply]] = []

    async def send(self, user_id: str, reply: Reply) -> None:
        self.sent.append((user_id, reply))


async def user_id_of(engine: AsyncEngine, external_id: str) -> int:
    async with engine.connect() as conn:
        query = text("SELECT user_id FROM identities WHERE external_id = :e")
        return int((await conn.execute(query, {"e": external_id})).scalar_one())


def unchanged(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> bool:
    """Return True if no row changed or went; the payloads' own messages may be new."""
    known = {row[0] for row in before["messages"]}
    kept = {**after, "messages": [row for row in after["messages"] if row[0] in known]}
    return kept == before


async def everything_of(engine: AsyncEngine, external_id: str) -> dict[str, list[Any]]:
    """Return every row that belongs to the person, table by table."""
    user_id = await user_id_of(engine, external_id)
    rows: dict[str, list[Any]] = {}
    async with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            column = table.c.get("user_id") if table.name != "users" else table.c.id
            if column is None:
                continue
            found = await conn.execute(select(table).where(column == user_id))
            rows[table.name] = sorted(map(tuple, found.all()), key=repr)
    return rows


@pytest.fixture
async def ann_logged(ann: ChatUser) -> ChatUser:
    await ann.say("squat 3x8 100kg")
    await ann.say("bench 3x8 60kg")
    return ann


async def test_another_persons_undo_is_refused_and_changes_nothing(
    ann_logged: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    ann = ann_logged
    await ann.say("/undo")
    yes = ann.replies[0].choices[0].data
    assert yes.startswith("/undo yes ")
    before = await everything_of(engine, "ann")
    assert "already gone" in await bob.say(yes, is_callback=True)  # Ann's button, Bob's tap
    assert "already gone" in await bob.say("/undo yes")  # Bob has nothing of his own
    assert unchanged(before, await everything_of(engine, "ann"))
    assert "Undone" in await ann.say(yes, is_callback=True)
    after = await everything_of(engine, "ann")
    assert "already gone" in await ann.say(yes, is_callback=True)  # replayed
    assert unchanged(after, await everything_of(engine, "ann"))


@pytest.mark.parametrize(
    "forged",
    [
        "/undo yes 999999999",
        "/undo yes 0",
        "/undo yes -1",
        "/undo yes 1e9",
        "/undo yes 10000000000000000000000000000000000000000",
        "/reminder done 999999999",
        "/reminder snooze -3",
        "/reminder skip 10000000000000000000000000000000000000000",
        "/reminder done",
        "/reminder done 1 2",
        "/delete confirm AAAAAAAAAAAA",
        "/delete confirm",
        "/delete confirm ' OR 1=1 --",
        "/link AAAAAA",
        "/link ' OR 1=1 --",
    ],
)
async def test_a_forged_payload_changes_nothing(
    forged: str, ann_logged: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    await bob.say("deadlift 3x5 140kg")
    before = await everything_of(engine, "ann"), await everything_of(engine, "bob")
    reply = await bob.say(forged, is_callback=True)
    assert reply  # always an answer
    assert not any(word in reply for word in ("Undone", "Done.", "Snoozed", "Linked", "🗑"))
    after = await everything_of(engine, "ann"), await everything_of(engine, "bob")
    assert unchanged(before[0], after[0])
    assert after[1]["strength_sets"] == before[1]["strength_sets"]
    assert after[1]["users"] == before[1]["users"]


async def test_another_persons_reminder_buttons_are_refused_and_replays_are_noted_once(
    ann: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("/remind zone2 mon 18:00")
    async with engine.connect() as conn:
        due = (
            await conn.execute(text("SELECT min(next_fire_at) FROM reminder_schedules"))
        ).scalar_one()
    if isinstance(due, str):  # SQLite hands back text for a raw query
        due = datetime.fromisoformat(due)
    due = due if due.tzinfo else due.replace(tzinfo=UTC)
    inbox = Inbox()
    store = SqlDispatchStore(engine)
    await drain(store, {"test": inbox}, clock=lambda: due + timedelta(seconds=30))
    [(to, ping)] = inbox.sent
    assert to == "ann"
    done, snooze, skip = (choice.data for choice in ping.choices)
    before = await everything_of(engine, "ann")
    for payload in (done, snooze, skip):
        assert "can't find that reminder" in await bob.say(payload, is_callback=True)
    assert unchanged(before, await everything_of(engine, "ann"))
    assert "Already noted" not in await ann.say(done, is_callback=True)
    noted = await everything_of(engine, "ann")
    for payload in (done, snooze, skip):  # replays: noted once, nothing more
        assert "Already noted" in await ann.say(payload, is_callback=True)
    assert unchanged(noted, await everything_of(engine, "ann"))


async def test_another_persons_delete_token_deletes_nothing_and_a_used_one_is_dead(
    ann_logged: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    ann = ann_logged
    await ann.say("/delete")
    confirm = ann.replies[0].choices[0].data
    before = await everything_of(engine, "ann")
    assert "isn't valid" in await bob.say(confirm, is_callback=True)
    assert unchanged(before, await everything_of(engine, "ann"))
    assert "Everything I held about you is deleted" in await ann.say(confirm, is_callback=True)
    await ann.say("squat 3x5 80kg")  # a new start
    fresh = await everything_of(engine, "ann")
    assert "isn't valid" in await ann.say(confirm, is_callback=True)  # replayed
    assert (await everything_of(engine, "ann"))["strength_sets"] == fresh["strength_sets"]


async def test_a_link_code_cannot_be_taken_on_the_same_platform_or_used_twice(
    ann_logged: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    ann = ann_logged
    code = re.search(rf"\b[{ALPHABET}]{{{CODE_LENGTH}}}\b", await ann.say("/link"))
    assert code is not None
    before = await everything_of(engine, "ann")
    assert "other platform" in await bob.say(f"/link {code.group(0)}")  # same platform
    assert unchanged(before, await everything_of(engine, "ann"))
    assert await user_id_of(engine, "bob") != await user_id_of(engine, "ann")


async def test_an_edit_carrying_another_persons_message_id_changes_nothing(
    ann_logged: ChatUser, bob: ChatUser, engine: AsyncEngine
) -> None:
    ann = ann_logged
    target = ann.message("squat 3x8 120kg")
    await ann.send(target)
    before = await everything_of(engine, "ann")
    forged = bob.message("squat 1x1 1kg", message_id=target.message_id, edited=True)
    result = await bob.send(forged)
    assert result.status == "refused"
    assert unchanged(before, await everything_of(engine, "ann"))
    assert "120" in await ann.say("/history squat")


async def test_nobody_reads_another_persons_history_or_export(
    ann_logged: ChatUser, bob: ChatUser
) -> None:
    assert "No squat" in await bob.say("/history squat")
    await bob.say("/export")
    files = b"".join(r.file.data for r in bob.replies if r.file is not None)
    assert files
    assert b"squat 3x8" not in files.lower()
    assert b"bench" not in files.lower()


@pytest.mark.parametrize(
    "payload",
    [f"/reminder done {10**30}", "/reminder done ²", f"/undo yes {10**30}", "/undo yes ²"],
)
async def test_a_button_with_an_impossible_id_is_answered_not_failed(
    bob: ChatUser, payload: str
) -> None:
    reply = await bob.say(payload, is_callback=True)
    assert bob.last is not None
    assert bob.last.status == "answered"
    assert "couldn't save" not in reply
