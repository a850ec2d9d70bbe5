"""Whatever anyone types: the service answers, never fails, and records only real workouts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.conversation.service import ConversationService, HandleResult
from core.messages import IncomingMessage
from core.recording.parser import parse
from storage.models import CardioSession, StrengthSet

SENT = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
EXAMPLES = 150
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

HUGE = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(
        ["1e308", "1e309", "-1e308", "10**400", "1" * 400, "NaN", "inf", "0x7fffffff", "1e-400"]
    ),
    st.sampled_from(["9223372036854775808", "2147483648", "-0", "0.000001", "١٢٣", "３"]),
)
WORDS = st.sampled_from(
    [
        "squat",
        "bench",
        "deadlift",
        "ohp",
        "zone 2",
        "hiit",
        "walked",
        "pull ups",
        "присед",
        "жим лёжа",
        "スクワット",
        "深蹲",
        "قرفصاء",
        "סקוואט",
        "🏋️",
        "💪🏽",
        "s\u0301quat",
        "\u202esquat",
        "\u200bbench",
        "ＳＱＵＡＴ",
        "min",
        "kg",
        "lb",
        "x",
        "×",
        "sets of",
        "reps",
        "@",
        "rpe",
        "bw+",
        "avg hr",
        "/undo yes",
        "/history",
        "/units",
        "/profile weight",
        "/profile age",
        "/timezone",
        "/week",
        "/plan",
        "/ask",
        "/delete",
        "/link",
        "/equipment bar",
        "/remind",
        "/start",
        "/skip",
    ]
)
CONTROL = st.characters(codec=None, categories=["Cc", "Cf", "Zl", "Zp", "Mn"])
TEMPLATED = st.lists(
    st.one_of(WORDS, HUGE, st.sampled_from(["3x8", "x", "kg", "lb", ",", ";", "\n", "/"])),
    min_size=1,
    max_size=12,
).map(" ".join)
MIXED = st.lists(st.one_of(WORDS, HUGE, st.text(CONTROL, max_size=3)), max_size=8).map("".join)
TEXTS = st.one_of(
    st.text(max_size=200),  # any Unicode, control characters included
    TEMPLATED,
    MIXED,
    st.builds(lambda w, n, u: f"{w} 3x8 {n}{u}", WORDS, HUGE, st.sampled_from(["kg", "lb", ""])),
    st.builds(lambda t, k: t * k, st.text(min_size=1, max_size=5), st.integers(800, 1200)),
)


async def rows(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as conn:
        strength = (await conn.execute(select(func.count()).select_from(StrengthSet))).scalar()
        cardio = (await conn.execute(select(func.count()).select_from(CardioSession))).scalar()
    return int(strength or 0), int(cardio or 0)


def answered(result: HandleResult) -> bool:
    """Return True if the result carries a reply, or is a silent duplicate or dropped flood."""
    if result.status in ("duplicate", "refused") and not result.replies:
        return True
    return bool(result.replies) and all(r.text or r.image or r.file for r in result.replies)


async def check(service: ConversationService, engine: AsyncEngine, text: str) -> None:
    before = await rows(engine)
    message = IncomingMessage("test", uuid.uuid4().hex[:12], uuid.uuid4().hex, text, SENT)
    result = await service.handle(message)
    assert result.status != "failed", text
    assert answered(result), (text, result)
    if not parse(text).entries or text.lstrip().startswith("/"):
        assert await rows(engine) == before, text


@HYPOTHESIS
@given(text=TEXTS)
async def test_any_text_is_answered_and_records_nothing_without_a_workout(
    service: ConversationService, engine: AsyncEngine, text: str
) -> None:
    await check(service, engine, text)


async def test_huge_numbers_in_logs_and_commands_are_answered_not_recorded(
    service: ConversationService, engine: AsyncEngine
) -> None:
    texts = [
        "squat 3x8 1e308kg",
        "squat 3x8 1e309kg",
        f"squat 3x8 {10**400}kg",
        f"squat {10**400}x8 100kg",
        f"bench 80kg {','.join(['8'] * 500)}",
        f"zone 2 {10**400} min avg hr {10**400}",
        f"/undo yes {10**400}",
        f"/profile weight {10**400}kg",
        f"/profile age {10**400}",
        f"/history {'squat' * 500}",
        "/timezone ../../../../etc/passwd",
        "/equipment bar 1e308 plates 1e308",
    ]
    for text in texts:
        before = await rows(engine)
        await check(service, engine, text)
        assert await rows(engine) == before, text
    before = await rows(engine)
    await check(service, engine, "deadlift 3x5x140\x00\x01\x7f\u202e")  # controls ignored
    assert await rows(engine) == (before[0] + 3, before[1])


LOGLIKE = st.builds(
    lambda name, a, b, c, unit, tail: f"{name} {a}x{b}x{c}{unit}{tail}",
    WORDS,
    st.integers(0, 400),
    st.integers(0, 30),
    st.integers(0, 30),
    st.sampled_from(["kg", "lb", "", " kg"]),
    st.sampled_from(
        [
            "",
            ", 8, 8, 6",
            " (failed the last rep)",
            " then 80kg 2x10",
            " @ 8",
            " (warmup), 3x5 100kg",
        ]
    ),
)


async def stored_entries(engine: AsyncEngine, platform_message_id: str) -> list[str]:
    """Return the reply line each stored strength entry of the message must have."""
    from core.formatting import cardio_summary, sets_summary
    from core.recording.catalogue import display_name
    from core.recording.entries import CardioEntry, SetEntry
    from storage.models import Message

    async with engine.connect() as conn:
        sets = (
            await conn.execute(
                select(
                    StrengthSet.exercise,
                    StrengthSet.reps,
                    StrengthSet.weight,
                    StrengthSet.unit,
                    StrengthSet.bodyweight,
                    StrengthSet.rpe,
                    StrengthSet.set_kind,
                )
                .join(Message, Message.id == StrengthSet.message_id)
                .where(Message.platform_message_id == platform_message_id)
                .order_by(StrengthSet.position)
            )
        ).all()
        cardio = (
            await conn.execute(
                select(CardioSession.modality, CardioSession.minutes, CardioSession.activity)
                .join(Message, Message.id == CardioSession.message_id)
                .where(Message.platform_message_id == platform_message_id)
            )
        ).all()
    by_exercise: dict[str, list[SetEntry]] = {}
    for exercise, reps, weight, unit, bodyweight, rpe, kind in sets:
        warmup = kind == "warmup"
        by_exercise.setdefault(exercise, []).append(
            SetEntry(reps, weight, unit, bodyweight, rpe, warmup)
        )
    lines = [f"✅ {display_name(e)}: {sets_summary(s)}" for e, s in by_exercise.items()]
    return lines + [f"✅ {cardio_summary(CardioEntry(m, minutes, a))}" for m, minutes, a in cardio]


@HYPOTHESIS
@given(text=st.one_of(TEXTS, LOGLIKE))
async def test_the_reply_lists_exactly_the_sets_that_were_stored(
    service: ConversationService, engine: AsyncEngine, text: str
) -> None:
    message_id = uuid.uuid4().hex
    message = IncomingMessage("test", uuid.uuid4().hex[:12], message_id, text, SENT)
    result = await service.handle(message)
    shown = [
        line
        for reply in result.replies
        for line in reply.text.splitlines()
        if line.startswith("✅ ")
    ]
    expected = await stored_entries(engine, message_id)
    # Two entries of one exercise in one message are two reply lines but one run of rows:
    # those are compared by name; every other line must match the stored rows exactly.
    names = [line.split(":")[0] for line in shown]
    repeated = {name for name in names if names.count(name) > 1}
    assert sorted(set(names)) == sorted({line.split(":")[0] for line in expected}), text
    assert sorted(x for x in shown if x.split(":")[0] not in repeated) == sorted(
        x for x in expected if x.split(":")[0] not in repeated
    ), text
