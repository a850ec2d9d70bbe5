"""A button belongs to whoever it was shown to: anyone else's tap is refused and changes nothing.

Through the conversation service on both databases, one kind of button at a time: Bob taps
(or forges) a button of Ann's, gets a short notice, nothing of Ann's or his own changes, and
Ann's own tap on the same button still works afterwards.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

from bot.scheduler import drain
from core.conversation.ownership import (
    INVALID_CONFIRMATION,
    NO_SUCH_REMINDER,
    NOT_OPEN,
    NOT_YOURS,
    refused,
    status_of,
)
from core.messages import Reply
from storage.reminder_dispatch import SqlDispatchStore
from tests.conftest import ChatUser


async def rows_of(engine: AsyncEngine, external_id: str) -> dict[str, list[Any]]:
    """Return every row that belongs to the person, table by table, but their messages.

    A tap is itself stored as a message of whoever tapped; everything else must stay.
    """
    async with engine.connect() as conn:
        query = text("SELECT user_id FROM identities WHERE external_id = :e")
        user_id = (await conn.execute(query, {"e": external_id})).scalar_one_or_none()
        rows: dict[str, list[Any]] = {}
        for table in SQLModel.metadata.sorted_tables:
            column = table.c.get("user_id") if table.name != "users" else table.c.id
            if column is None or table.name == "messages":
                continue
            found = await conn.execute(select(table).where(column == user_id))
            rows[table.name] = sorted(map(tuple, found.all()), key=repr)
        return rows


def data_of(replies: tuple[Reply, ...], label: str) -> str:
    return next(c.data for r in replies for c in r.choices if c.label.startswith(label))


async def refused_tap(
    bob: ChatUser, payload: str, engine: AsyncEngine, expected: Reply, *owners: str
) -> None:
    """Bob taps `payload`: the notice comes back, and no row of Bob's or the owners' changes."""
    before = [await rows_of(engine, who) for who in (bob.user_id, *owners)]
    result = await bob.send(bob.message(payload, is_callback=True))
    assert result.replies == (expected,)
    assert refused(result)
    assert [await rows_of(engine, who) for who in (bob.user_id, *owners)] == before


class Inbox:
    """The test platform's notifier: keeps each ping."""

    platform = "test"

    def __init__(self) -> None:
        self.sent: list[Reply] = []

    async def send(self, _user_id: str, reply: Reply) -> None:
        self.sent.append(reply)


@pytest.fixture
async def bob_known(bob: ChatUser) -> ChatUser:
    await bob.say("deadlift 3x5 140kg")  # Bob has data of his own that must not change either
    return bob


async def test_someone_elses_undo_buttons_are_refused(
    ann: ChatUser, bob_known: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("/undo")
    yes, keep = data_of(ann.replies, "Yes"), data_of(ann.replies, "Keep")
    assert keep.startswith("/undo no ")  # "Keep it" names the log too, so it has an owner
    for payload in (yes, keep):
        await refused_tap(bob_known, payload, engine, NOT_YOURS, "ann")
    assert "Undone" in await ann.say(yes, is_callback=True)
    assert "No squat" in await ann.say("/history squat")


async def test_someone_elses_reading_button_is_refused(
    ann: ChatUser, bob_known: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("/units lb")
    await ann.say("Squats - 225x3x5")
    payload = data_of(ann.replies, "3 sets of 5")
    await refused_tap(bob_known, payload, engine, NOT_YOURS, "ann")
    assert "Squat: 3×5 @ 225 lb" in await ann.say(payload, is_callback=True)


async def test_someone_elses_exercise_button_is_refused_and_teaches_him_nothing(
    ann: ChatUser, bob_known: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("zottman good morning 3x8 60kg")
    payload = data_of(ann.replies, "My own, lower body")
    await refused_tap(bob_known, payload, engine, NOT_YOURS, "ann")
    assert "as your own exercise" in await ann.say(payload, is_callback=True)


async def test_someone_elses_offer_to_log_is_refused(
    ann: ChatUser, bob_known: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("/skip")
    await ann.say("my knee hurts after squats 3x8 100kg, what should I do?")
    log_them, no = data_of(ann.replies, "Log them"), data_of(ann.replies, "No")
    assert no.startswith("/log no #")
    for payload in (log_them, no):
        await refused_tap(bob_known, payload, engine, NOT_YOURS, "ann")
    assert "Squat: 3×8 @ 100 kg" in await ann.say(log_them, is_callback=True)


async def test_someone_elses_delete_buttons_are_refused(
    ann: ChatUser, bob_known: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("/delete")
    confirm, cancel = data_of(ann.replies, "Yes"), data_of(ann.replies, "No")
    await refused_tap(bob_known, confirm, engine, INVALID_CONFIRMATION, "ann")
    await refused_tap(bob_known, cancel, engine, NOT_YOURS, "ann")
    assert "Kept" in await ann.say(cancel, is_callback=True)
    assert "is deleted" in await ann.say(confirm, is_callback=True)


async def test_someone_elses_reminder_buttons_are_refused(
    ann: ChatUser, bob_known: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("/remind zone2 mon 18:00")
    async with engine.connect() as conn:
        due = (
            await conn.execute(text("SELECT min(next_fire_at) FROM reminder_schedules"))
        ).scalar_one()
    due = datetime.fromisoformat(due) if isinstance(due, str) else due
    due = due if due.tzinfo else due.replace(tzinfo=UTC)

    inbox = Inbox()
    await drain(SqlDispatchStore(engine), {"test": inbox}, clock=lambda: due + timedelta(seconds=1))
    [ping] = inbox.sent
    assert ping.private
    for choice in ping.choices:
        await refused_tap(bob_known, choice.data, engine, NO_SUCH_REMINDER, "ann")
    assert "Skipped" in await ann.say(data_of((ping,), "Skip"), is_callback=True)


async def test_someone_elses_onboarding_buttons_are_refused(
    ann: ChatUser, bob_known: ChatUser, engine: AsyncEngine
) -> None:
    await ann.say("hi")  # Ann starts onboarding: kg or lb?
    for payload in ("/units lb", "/timezone Europe/Berlin", "/skip", "/remind defaults"):
        await refused_tap(bob_known, payload, engine, NOT_OPEN, "ann")
    assert "timezone" in await ann.say("/units lb", is_callback=True)  # Ann's still works
    assert "Units set to kg" in await bob_known.say("/units kg")  # typed, it always works


async def test_a_foreign_tap_is_refused_by_the_result_itself(ann: ChatUser, bob: ChatUser) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("/undo")
    result = await bob.send(bob.message(data_of(ann.replies, "Yes"), is_callback=True))
    assert status_of(result.replies) == "refused"
    assert status_of((Reply("Undone"),)) == "answered"


async def test_the_service_reports_a_foreign_tap_as_refused(ann: ChatUser, bob: ChatUser) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("/undo")
    result = await bob.send(bob.message(data_of(ann.replies, "Yes"), is_callback=True))
    assert result.status == "refused"


async def test_a_stale_or_impossible_payload_is_answered_not_refused(ann: ChatUser) -> None:
    await ann.say("squat 3x8 100kg")
    await ann.say("/undo")
    yes = data_of(ann.replies, "Yes")
    assert "Undone" in await ann.say(yes, is_callback=True)
    again = await ann.send(ann.message(yes, is_callback=True))  # her own, already undone
    assert "already gone" in again.replies[0].text
    assert not refused(again)
    odd = await ann.send(ann.message("/undo yes ²", is_callback=True))
    assert not refused(odd)
