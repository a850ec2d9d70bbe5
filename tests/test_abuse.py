"""Floods and oversized messages: refused politely, nothing recorded, nothing accepted lost."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.conversation.flood import FloodLimit
from core.conversation.service import ConversationService
from storage.models import Message, StrengthSet
from storage.unit_of_work import unit_of_work_factory
from tests.conftest import ChatUser


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_flood_limit_notices_once_then_drops_then_recovers() -> None:
    clock = FakeClock()
    limit = FloodLimit(messages=3, seconds=10, clock=clock)
    verdicts = [limit.check("ann") for _ in range(6)]
    assert verdicts == ["ok", "ok", "ok", "notice", "drop", "drop"]
    assert limit.check("bob") == "ok"  # one person's flood is theirs alone
    clock.now = 10.5
    assert limit.check("ann") == "ok"


def test_zero_turns_the_limit_off() -> None:
    limit = FloodLimit(messages=0)
    assert {limit.check("ann") for _ in range(100)} == {"ok"}


async def count(engine: AsyncEngine, table: type) -> int:
    async with AsyncSession(engine) as session:
        return (await session.execute(select(func.count()).select_from(table))).scalar_one()


async def test_a_flood_is_answered_once_and_only_accepted_messages_count(
    engine: AsyncEngine,
) -> None:
    clock = FakeClock()
    service = ConversationService(
        unit_of_work_factory(engine), flood_limit=FloodLimit(messages=5, seconds=10, clock=clock)
    )
    ann = ChatUser(service)
    statuses, notices = [], 0
    for n in range(12):
        result = await ann.send(ann.message(f"squat 1x8 {60 + n}kg"))
        statuses.append(result.status)
        notices += sum("faster than I can keep up" in r.text for r in result.replies)
    assert statuses == ["recorded"] * 5 + ["refused"] * 7
    assert notices == 1
    assert await count(engine, StrengthSet) == 5
    assert await count(engine, Message) == 5
    clock.now = 11
    assert (await ann.send(ann.message("squat 1x8 100kg"))).status == "recorded"


async def test_a_message_over_4096_characters_is_refused(ann: ChatUser, engine) -> None:  # type: ignore[no-untyped-def]
    text = "squat 3x8 100kg\n" + "felt great " * 400
    assert len(text) > 4096
    result = await ann.send(ann.message(text))
    assert result.status == "refused"
    assert "over 4,096 characters" in result.replies[0].text
    assert await count(engine, Message) == 0
    assert await count(engine, StrengthSet) == 0
