"""Linking a Telegram and a Discord account: one code, one history, no takeovers."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

import storage.links  # noqa: F401  (registers the link store)
from core.accounts.linking import ALPHABET, CODE_LENGTH, MAX_WRONG_ATTEMPTS
from core.conversation.service import ConversationService
from core.messages import Attachment, IncomingMessage
from storage.models import Identity, Message, StrengthSet, User
from storage.unit_of_work import unit_of_work_factory

START = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
FIXTURES = Path(__file__).parent / "fixtures"


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


class Account:
    """One platform account talking to the service: `await tg.say("/link")`."""

    def __init__(self, service: ConversationService, clock: Clock, platform: str, user: str):
        self.service, self.clock, self.platform, self.user = service, clock, platform, user

    async def say(self, text: str, attachment: Attachment | None = None) -> str:
        message = IncomingMessage(
            platform=self.platform,
            user_id=self.user,
            message_id=uuid.uuid4().hex,
            text=text,
            sent_at=self.clock.now,
            attachment=attachment,
        )
        result = await self.service.handle(message)
        assert result.status != "failed"
        self.choices = {c.label: c.data for r in result.replies for c in r.choices}
        return "\n\n".join(r.text for r in result.replies)

    async def code(self) -> str:
        reply = await self.say("/link")
        found = re.search(rf"\b[{ALPHABET}]{{{CODE_LENGTH}}}\b", reply)
        assert found, reply
        return found.group(0)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def linking_service(engine: AsyncEngine, clock: Clock) -> ConversationService:
    return ConversationService(unit_of_work_factory(engine), clock=clock)


@pytest.fixture
def tg(linking_service: ConversationService, clock: Clock) -> Account:
    return Account(linking_service, clock, "telegram", "1001")


@pytest.fixture
def dc(linking_service: ConversationService, clock: Clock) -> Account:
    return Account(linking_service, clock, "discord", "900000000000000001")


@pytest.fixture
def mallory(linking_service: ConversationService, clock: Clock) -> Account:
    return Account(linking_service, clock, "discord", "900000000000000666")


async def test_code_entered_on_the_other_platform_shares_one_history(
    tg: Account, dc: Account, engine: AsyncEngine
) -> None:
    await tg.say("squat 3x8 100kg")
    code = await tg.code()
    assert "Linked" in await dc.say(f"/link {code.lower()}")
    assert "100" in await dc.say("/history squat")
    await dc.say("squat 3x8 102.5kg")
    assert "102.5" in await tg.say("/history squat")
    async with engine.connect() as conn:
        users = (await conn.execute(select(func.count()).select_from(User))).scalar_one()
        owners = (await conn.execute(select(Identity.user_id).distinct())).scalars().all()
    assert users == 1
    assert len(owners) == 1


async def test_the_entering_accounts_logs_move_to_the_code_owner(tg: Account, dc: Account) -> None:
    await dc.say("bench 3x8 60kg")
    await tg.say("/profile age 61")
    code = await tg.code()
    await dc.say(f"/link {code}")
    assert "60" in await tg.say("/history bench")
    assert "Age: 61" in await dc.say("/profile")


async def test_a_used_code_does_not_work_again(tg: Account, dc: Account, mallory: Account) -> None:
    code = await tg.code()
    assert "Linked" in await dc.say(f"/link {code}")
    reply = await mallory.say(f"/link {code}")
    assert "doesn't work" in reply
    assert "No squat" in await mallory.say("/history squat")


async def test_an_expired_code_does_not_work(tg: Account, dc: Account, clock: Clock) -> None:
    code = await tg.code()
    clock.now += timedelta(minutes=10, seconds=1)
    assert "doesn't work" in await dc.say(f"/link {code}")


async def test_a_new_code_replaces_the_old_one(tg: Account, dc: Account) -> None:
    old = await tg.code()
    new = await tg.code()
    assert "doesn't work" in await dc.say(f"/link {old}")
    assert "Linked" in await dc.say(f"/link {new}")


async def test_a_code_cannot_be_entered_by_its_owner_or_on_its_own_platform(
    tg: Account, dc: Account, mallory: Account
) -> None:
    await dc.say("squat 3x8 100kg")
    code = await dc.code()
    assert "own code" in await dc.say(f"/link {code}")
    assert "other platform" in await mallory.say(f"/link {code}")
    assert "No squat" in await mallory.say("/history squat")
    assert "Linked" in await tg.say(f"/link {code}")  # still usable by the right account


async def test_wrong_guesses_are_rate_limited_even_for_the_right_code(
    tg: Account, dc: Account, clock: Clock
) -> None:
    code = await tg.code()
    wrong = "A" * CODE_LENGTH if code != "A" * CODE_LENGTH else "B" * CODE_LENGTH
    for _ in range(MAX_WRONG_ATTEMPTS):
        assert "doesn't work" in await dc.say(f"/link {wrong}")
    assert "Too many" in await dc.say(f"/link {code}")
    clock.now += timedelta(hours=1, minutes=1)
    code = await tg.code()
    assert "Linked" in await dc.say(f"/link {code}")


async def test_malformed_codes_count_as_wrong(dc: Account) -> None:
    for text in ("12", "ABCDEFG", "ABC-DE0"):
        assert "doesn't work" in await dc.say(f"/link {text}")


async def test_link_code_reply_is_private(linking_service: ConversationService) -> None:
    message = IncomingMessage("discord", "42", "m1", "/link", START)
    result = await linking_service.handle(message)
    assert result.replies[0].private


async def send_file(account: Account, name: str) -> str:
    return await account.say("", Attachment(name, (FIXTURES / name).read_bytes(), "text/csv"))


async def imported(engine: AsyncEngine) -> tuple[int, int]:
    """Return how many imported workouts and sets are stored, in all."""
    async with engine.connect() as conn:
        workouts = select(func.count()).where(Message.platform == "import")
        sets = select(func.count()).select_from(StrengthSet)
        return (await conn.execute(workouts)).scalar_one(), (await conn.execute(sets)).scalar_one()


async def test_reimporting_a_file_after_linking_adds_nothing(
    tg: Account, dc: Account, engine: AsyncEngine
) -> None:
    await send_file(dc, "hevy.csv")
    assert "Linked" in await dc.say(f"/link {await tg.code()}")
    for account in (tg, dc):
        assert "already in your history, so nothing changed" in await send_file(account, "hevy.csv")
    assert await imported(engine) == (2, 6)


async def test_a_file_imported_on_both_accounts_counts_once_after_linking(
    tg: Account, dc: Account, engine: AsyncEngine
) -> None:
    await send_file(tg, "hevy.csv")
    await send_file(dc, "hevy.csv")
    await send_file(dc, "strong_2016.csv")  # only on the joining account: it moves over
    assert "Linked" in await dc.say(f"/link {await tg.code()}")
    assert await imported(engine) == (2 + 2, 6 + 7)
    async with engine.connect() as conn:  # stored as the code owner's own imports
        query = select(Message.user_id, Message.platform_message_id).where(
            Message.platform == "import"
        )
        rows = (await conn.execute(query)).all()
    assert {pmid.split(":")[0] for _, pmid in rows} == {str(user_id) for user_id, _ in rows}
    reply = await send_file(dc, "strong_2016.csv")
    assert "already in your history, so nothing changed" in reply
    assert await imported(engine) == (4, 13)


async def test_names_and_notation_taught_on_either_account_survive_linking(
    tg: Account, dc: Account
) -> None:
    await tg.say("zottman good morning 3x8 60kg")
    await tg.say(tg.choices["My own, lower body"])
    await dc.say("zottman good morning 3x8 60kg")
    await dc.say(dc.choices["My own, upper body"])
    await dc.say("/units lb")
    await dc.say("bench 185x3x5")
    await dc.say(next(data for label, data in dc.choices.items() if label.startswith("3 sets")))
    code = await tg.code()
    assert "Linked" in await dc.say(f"/link {code}")
    # The code owner's name wins; the other account's notation comes along.
    reply = await dc.say("zottman good morning 3x8 62.5kg")
    assert "Next: Zottman good morning 3×8 @ 65 kg" in reply  # lower-body step: the owner's
    assert "Bench press: 3×5 @ 90 kg" in await tg.say("bench 90x3x5")  # asked no more
