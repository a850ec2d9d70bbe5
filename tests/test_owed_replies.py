"""Replies are kept with their message until they went out; a store out of reach waits.

The service stores a message and the replies it is owed in one commit; the adapter marks
them answered once sent. A message delivered again is answered again only while its
replies are still owed. A database out of reach is "unavailable": nothing written, nothing
said, so the platform delivers the message again later.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from core.conversation.outbox import decode, encode
from core.conversation.service import ConversationService
from core.messages import Choice, Reply
from storage.database import create_engine, upgrade
from storage.unit_of_work import unit_of_work_factory
from tests.conftest import ChatUser
from tests.db_proxy import DatabaseProxy

SINCE = datetime(2026, 1, 1, tzinfo=UTC)


async def test_a_logged_message_owes_its_reply_until_it_is_marked_answered(
    service: ConversationService, ann: ChatUser
) -> None:
    message = ann.message("squat 3x8 100kg")
    first = await ann.send(message)
    assert first.status == "recorded"
    assert first.owed
    [owed] = await service.owed("test", SINCE, 10)
    assert owed.message_key == message.message_id
    assert owed.user_id == "ann"
    assert [r.text for r in owed.replies] == [r.text for r in first.replies]

    await service.answered("test", [message.message_id])
    assert await service.owed("test", SINCE, 10) == []


async def test_a_stored_message_delivered_again_gets_its_owed_replies_then_nothing(
    service: ConversationService, ann: ChatUser
) -> None:
    message = ann.message("bench 3x8 60kg")
    first = await ann.send(message)
    again = await ann.send(message)  # the commit went through, its answer did not
    assert again.status == "duplicate"
    assert [r.text for r in again.replies] == [r.text for r in first.replies]
    assert again.owed
    await service.answered("test", [message.message_id])
    after = await ann.send(message)
    assert after.status == "duplicate"
    assert after.replies == ()
    assert await service.owed("test", SINCE, 10) == []


async def test_a_command_owes_its_reply_and_a_tapped_answer_too(
    service: ConversationService, ann: ChatUser
) -> None:
    await ann.say("/units lb")
    await ann.say("/plan")
    keys = {o.message_key for o in await service.owed("test", SINCE, 10)}
    assert len(keys) == 2


async def test_owed_replies_are_read_only_within_the_window(
    service: ConversationService, ann: ChatUser
) -> None:
    await ann.say("squat 3x8 100kg")
    assert await service.owed("test", datetime.now(UTC) + timedelta(minutes=1), 10) == []


def test_replies_keep_text_buttons_and_privacy_and_say_when_a_picture_was_not_kept() -> None:
    replies = (
        Reply(
            "Remove it?", (Choice("Yes", "/undo confirm"), Choice("No", "/undo no")), private=True
        ),
        Reply("Your squat", image=b"\x89PNG"),
    )
    back = decode(encode(replies))
    assert back[0] == replies[0]
    assert back[1].image is None
    assert back[1].text.startswith("Your squat\n")
    assert "Ask again" in back[1].text


async def test_sqlite_locked_for_longer_than_its_wait_is_unavailable_not_failed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "coach.db"
    engine = create_engine(f"sqlite:///{path}")
    await upgrade(engine)
    ann = ChatUser(ConversationService(unit_of_work_factory(engine)), "ann")
    other = sqlite3.connect(path, isolation_level=None)  # another process holds the file
    other.execute("BEGIN EXCLUSIVE")
    try:
        waited = await ann.send(ann.message("squat 3x8 100kg"))  # past its 5 s busy wait
    finally:
        other.execute("ROLLBACK")
        other.close()
    again = await ann.send(ann.message("squat 3x8 100kg"))
    await engine.dispose()
    assert waited.status == "unavailable"
    assert waited.replies == ()
    assert again.status == "recorded"


async def test_postgresql_refusing_connections_is_unavailable_and_writes_nothing(
    pg_url: str,
) -> None:
    target = make_url(pg_url)
    async with DatabaseProxy(target.host or "127.0.0.1", target.port or 5432) as proxy:
        via = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        engine = create_engine(via)
        service = ConversationService(unit_of_work_factory(engine))
        ann = ChatUser(service, f"ann-{uuid.uuid4().hex[:6]}")
        message = ann.message("squat 3x8 100kg")
        await proxy.refuse()
        refused = await ann.send(message)
        await proxy.restore()
        stored = await ann.send(message)  # delivered again once the database is back
        await engine.dispose()
    assert refused.status == "unavailable"
    assert refused.replies == ()
    assert stored.status == "recorded"
