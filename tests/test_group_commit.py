"""Many messages in one transaction give exactly the replies and records of one at a time."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.conversation.flood import FloodLimit
from core.conversation.group_commit import GroupCommit
from core.conversation.results import HandleResult
from core.conversation.service import ConversationService
from core.messages import IncomingMessage
from storage.database import create_engine, upgrade
from storage.models import CardioSession, Identity, Message, StrengthSet, User
from storage.unit_of_work import unit_of_work_factory
from tests.conftest import ChatUser

SETUP = [  # people who exist before the batch, with some history
    ("ann", "squat 3x8 100kg", "2026-11-16T18:00"),
    ("ann", "/units kg", "2026-11-16T18:01"),
    ("bob", "/units lb", "2026-11-16T18:00"),
    ("bob", "deadlift 225lb 8,7,6", "2026-11-16T18:01"),
    ("bob", "deadlift 225lb 8,7,6", "2026-11-19T18:01"),
    ("cat", "bench 3x8 60kg", "2026-11-16T18:00"),
    ("dan", "pull ups 3x8", "2026-11-16T18:00"),
    ("eve", "/start", "2026-11-16T18:00"),  # in onboarding
]

BATCH = [  # (person, text, at, message id)
    ("ann", "squat 3x8 102.5kg", "2026-11-23T18:00", "a1"),
    ("bob", "deadlift 225 8,7,6\nzone 2 45 min", "2026-11-23T18:00", "b1"),
    ("ann", "squat 3x8 105kg\nbench 3x8 60kg", "2026-11-23T18:30", "a2"),  # same day again
    ("cat", "bench 3x8 60kg", "2026-11-23T18:00", "c1"),
    ("cat", "/plan", "2026-11-23T18:05", "c2"),  # cat has a command: one at a time
    ("new", "squat 3x8 80kg", "2026-11-23T18:00", "n1"),  # first contact: account made here
    ("dan", "pull ups 3x9, squat 3x8 1000kg", "2026-11-23T18:00", "d1"),  # with a problem
    ("eve", "squat 3x5 100kg", "2026-11-23T18:00", "e1"),
    ("ann", "squat 3x8 102.5kg", "2026-11-23T18:00", "a1"),  # the same message again
    ("fay", "long day at work", "2026-11-23T18:00", "f1"),  # no log, no command
    ("neo", "bench 3x8 50kg", "2026-11-23T18:00", "o1"),  # first contact, two logs
    ("neo", "bench 3x8 52.5kg", "2026-11-23T18:30", "o2"),
]


def message(person: str, text: str, at: str, message_id: str) -> IncomingMessage:
    return IncomingMessage("test", person, message_id, text, datetime.fromisoformat(at + "+00:00"))


async def prepare(service: ConversationService) -> None:
    for n, (person, text, at) in enumerate(SETUP):
        await service.handle(message(person, text, at, f"setup-{n}"))


async def stored(engine: AsyncEngine) -> list[tuple]:
    async with AsyncSession(engine) as session:
        sets = (
            await session.execute(
                select(
                    Message.platform_message_id,
                    StrengthSet.exercise,
                    StrengthSet.reps,
                    StrengthSet.weight,
                    StrengthSet.unit,
                    StrengthSet.day,
                ).join(Message, Message.id == StrengthSet.message_id)
            )
        ).all()
        cardio = (
            await session.execute(
                select(Message.platform_message_id, CardioSession.minutes).join(
                    Message, Message.id == CardioSession.message_id
                )
            )
        ).all()
        messages = (
            await session.execute(
                select(Message.platform_message_id, Message.text, Message.recorded)
            )
        ).all()
    return sorted(map(tuple, sets)) + sorted(map(tuple, cardio)) + sorted(map(tuple, messages))


def said(result: HandleResult) -> tuple[str, list[str]]:
    """Status and reply texts; a repeat's replies aside (the adapter sends a message's once).

    A message delivered twice gets the replies still owed to its first copy: one at a
    time the first copy's are owed by then, in a batch not yet; either way they go out once.
    """
    if result.status == "duplicate":
        return result.status, []
    return result.status, [reply.text for reply in result.replies]


@pytest.fixture
async def twins(tmp_path) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:  # type: ignore[no-untyped-def]
    """Two empty databases: one handles a batch, the other the same messages in turn."""
    engines = [create_engine(f"sqlite:///{tmp_path / name}.db") for name in ("batch", "alone")]
    for engine in engines:
        await upgrade(engine)
    yield engines[0], engines[1]
    for engine in engines:
        await engine.dispose()


async def test_a_batch_equals_one_at_a_time(twins: tuple[AsyncEngine, AsyncEngine]) -> None:
    engine, twin = twins
    one_by_one = ConversationService(unit_of_work_factory(twin))
    batched = ConversationService(unit_of_work_factory(engine))
    await prepare(one_by_one)
    await prepare(batched)
    expected = [await one_by_one.handle(message(*row)) for row in BATCH]
    got = await batched.handle_batch([message(*row) for row in BATCH])
    assert [said(r) for r in got] == [said(r) for r in expected]
    assert await stored(engine) == await stored(twin)
    # The plan after Ann's second log of the day sees both logs: one session.
    assert "Next: Squat 3×8 @ 107.5 kg" in got[2].replies[0].text


async def test_batch_records_each_message_once_on_both_databases(
    service: ConversationService, engine: AsyncEngine
) -> None:
    await prepare(service)
    results = await service.handle_batch([message(*row) for row in BATCH])
    assert [r.status for r in results][:4] == ["recorded"] * 4
    assert results[8].status == "duplicate"
    again = await service.handle_batch([message(*row) for row in BATCH])
    assert {r.status for r in again} <= {"duplicate", "answered"}
    async with AsyncSession(engine) as session:
        ids = (await session.execute(select(Message.platform_message_id))).scalars().all()
    assert sorted(i for i in ids if not i.startswith("setup")) == sorted({row[3] for row in BATCH})


async def test_a_failing_batch_falls_back_to_one_at_a_time(
    service: ConversationService, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await prepare(service)
    from storage.repository import SqlRepository

    real = SqlRepository.add_entries_of

    async def fails_for_many(self: SqlRepository, batches: list) -> None:  # type: ignore[type-arg]
        if len(batches) > 1:
            raise RuntimeError("batch insert failed")
        await real(self, batches)

    monkeypatch.setattr(SqlRepository, "add_entries_of", fails_for_many)
    results = await service.handle_batch([message(*row) for row in BATCH[:2]])
    # The batch rolled back as a whole; each message alone then went through.
    assert [r.status for r in results] == ["recorded", "recorded"]
    assert "Next: Squat 3×8 @ 105 kg" in results[0].replies[0].text
    rows = Counter(row[0] for row in await stored(engine))
    # a1: three squat sets and its message; b1: three deadlift sets at 225 lb (a load
    # before a list of reps), Zone 2 and its message.
    assert (rows["a1"], rows["b1"]) == (4, 5)


async def test_a_fault_in_every_attempt_tells_each_person_and_records_nothing(
    service: ConversationService, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await prepare(service)
    from storage.repository import SqlRepository

    async def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(SqlRepository, "add_entries_of", broken)
    results = await service.handle_batch([message(*row) for row in BATCH[:2]])
    assert [r.status for r in results] == ["failed", "failed"]
    assert not [row for row in await stored(engine) if row[0] in ("a1", "b1")]


async def test_each_message_is_read_once_and_each_person_loaded_once_per_batch(
    service: ConversationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    await prepare(service)
    import core.recording.reading as service_module
    from storage.repository import SqlRepository

    parsed: list[str] = []
    loads: list[str] = []
    real_parse, real_profiles = service_module.parse, SqlRepository.profiles

    def counting_parse(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(text)
        return real_parse(text, *args, **kwargs)

    async def counting_profiles(self: SqlRepository, accounts: list):  # type: ignore[no-untyped-def,type-arg]
        loads.extend(f"{platform}:{user}" for platform, user in accounts)
        return await real_profiles(self, accounts)

    real_create = SqlRepository.create_accounts

    async def create_accounts(self: SqlRepository, accounts: list, now: datetime):  # type: ignore[no-untyped-def,type-arg]
        made = await real_create(self, accounts, now)
        del loads[len(loads) - len(accounts) :]  # its own read of what it made
        return made

    async def no_identify(*args: object) -> None:
        raise AssertionError("a person in a batch was loaded again")

    monkeypatch.setattr(service_module, "parse", counting_parse)
    monkeypatch.setattr(SqlRepository, "profiles", counting_profiles)
    monkeypatch.setattr(SqlRepository, "identify", no_identify)
    monkeypatch.setattr(SqlRepository, "create_accounts", create_accounts)
    results = await service.handle_batch([message(*row) for row in BATCH])
    assert "failed" not in {r.status for r in results}
    # Every delivery that is not a command is read once, whichever way it then went.
    assert sorted(parsed) == sorted(text for _, text, _, _ in BATCH if not text.startswith("/"))
    assert sorted(loads) == sorted({f"test:{person}" for person, *_ in BATCH})


async def test_a_setting_changed_in_a_batch_applies_to_the_next_message_in_it(
    service: ConversationService,
) -> None:
    batch = [
        message("gus", "/units lb", "2026-11-23T18:00", "g1"),
        message("gus", "squat 3x8 225", "2026-11-23T18:01", "g2"),
    ]
    results = await service.handle_batch(batch)
    assert [r.status for r in results] == ["answered", "recorded"]
    assert "225 lb" in results[1].replies[0].text


async def test_refused_messages_in_a_batch_record_nothing(engine: AsyncEngine) -> None:
    service = ConversationService(
        unit_of_work_factory(engine), flood_limit=FloodLimit(messages=2, seconds=60)
    )
    await ChatUser(service, "ann").say("squat 3x8 100kg", at="2026-11-16T18:00")
    batch = [
        message("ann", f"squat 1x8 {100 + n}kg", "2026-11-23T18:00", f"x{n}") for n in range(4)
    ]
    results = await service.handle_batch(batch)
    assert [r.status for r in results] == ["recorded", "refused", "refused", "refused"]


async def test_concurrent_callers_share_batches(service: ConversationService) -> None:
    await prepare(service)
    sizes: list[int] = []
    real = service.handle_batch

    async def spy(messages: list[IncomingMessage]):  # type: ignore[no-untyped-def]
        sizes.append(len(messages))
        return await real(messages)

    people = [f"p{n}" for n in range(30)]
    for person in people:
        await service.handle(message(person, "squat 3x8 100kg", "2026-11-16T18:00", person))
    service.handle_batch = spy  # type: ignore[method-assign]
    grouped = GroupCommit(service)
    results = await asyncio.gather(
        *(
            grouped.handle(message(person, "squat 3x8 102.5kg", "2026-11-23T18:00", f"g-{person}"))
            for person in people
        )
    )
    assert [r.status for r in results] == ["recorded"] * 30
    assert all("Squat 3×8 @ 105 kg" in r.replies[0].text for r in results)
    assert sum(sizes) == 30
    assert len(sizes) < 30  # they shared transactions
    assert await grouped.timezone_of("test", "p0") == "UTC"  # everything else passes through


async def test_accounts_made_together_match_accounts_made_alone(engine: AsyncEngine) -> None:
    at = datetime.fromisoformat("2026-11-23T18:00+00:00")
    make = unit_of_work_factory(engine)
    async with make() as uow:
        old = await uow.repo.identify("test", "old", "Old", at)
        await uow.commit()
    wanted = [("test", f"p{n}", f"P {n}") for n in range(40)] + [("test", "old", None)]
    async with make() as uow:
        made = await uow.repo.create_accounts([*wanted, ("test", "p0", "P 0")], at)
        await uow.commit()
    assert made[("test", "old")] == old  # an existing account is left as it was
    async with make() as uow:
        for platform, external_id, name in wanted:
            alone = await uow.repo.identify(platform, external_id, name, at)
            assert made[(platform, external_id)] == alone
    assert len({p.user_id for p in made.values()}) == 41
    async with AsyncSession(engine) as session:
        users = (await session.execute(select(User.id))).scalars().all()
        names = dict(
            (await session.execute(select(Identity.external_id, Identity.display_name))).all()
        )
    assert len(users) == 41  # no user row left without its account
    assert names["p7"] == "P 7"
    assert names["old"] == "Old"
