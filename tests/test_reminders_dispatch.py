"""Reminders end to end on SQLite and PostgreSQL: set in chat, dispatched once, answered."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

import core.reminders.claim as claiming
from bot.scheduler import drain, run_dispatcher
from core.conversation.service import ConversationService
from core.messages import Attachment, Reply
from core.reminders.claim import LEASE, claim
from core.reminders.dispatch import RoundStats, _send_all
from core.reminders.notifier import DeliveryRefused
from storage.models import Identity
from storage.reminder_dispatch import SqlDispatchStore
from storage.reminder_models import ReminderDelivery, ReminderSchedule
from storage.unit_of_work import unit_of_work_factory
from tests.conftest import ChatUser

FIXTURES = Path(__file__).parent / "fixtures"
BERLIN = "Europe/Berlin"
# Mon 23 Nov 2026, 18:00 in Berlin (UTC+1).
MON_1800 = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class FakeNotifier:
    """Records what was sent; refuses or fails for chosen people."""

    platform = "test"

    def __init__(self) -> None:
        self.sent: list[tuple[str, Reply]] = []
        self.refuse: set[str] = set()
        self.failures = 0

    async def send(self, user_id: str, reply: Reply) -> None:
        if user_id in self.refuse:
            raise DeliveryRefused(user_id)
        if self.failures:
            self.failures -= 1
            raise ConnectionError("network down")
        self.sent.append((user_id, reply))

    def texts(self, user_id: str = "ann") -> list[str]:
        return [reply.text for who, reply in self.sent if who == user_id]


@pytest.fixture
def clock() -> Clock:
    return Clock(MON_1800 - timedelta(hours=2))


@pytest.fixture
def coach(engine: AsyncEngine, clock: Clock) -> ConversationService:
    return ConversationService(unit_of_work_factory(engine), clock=clock)


@pytest.fixture
async def ann(coach: ConversationService) -> ChatUser:
    user = ChatUser(coach, "ann", tz=BERLIN)
    await user.say("/timezone Europe/Berlin")
    return user


@pytest.fixture
def notifier() -> FakeNotifier:
    return FakeNotifier()


@pytest.fixture
def store(engine: AsyncEngine) -> SqlDispatchStore:
    return SqlDispatchStore(engine)


@pytest.fixture
def dispatch(store: SqlDispatchStore, notifier: FakeNotifier, clock: Clock) -> Callable:  # type: ignore[type-arg]
    async def run(at: datetime | None = None):  # type: ignore[no-untyped-def]
        if at is not None:
            clock.now = at
        return await drain(store, {"test": notifier}, clock=clock, batch=50)

    return run


async def deliveries(engine: AsyncEngine) -> list[tuple[str, str, str | None]]:
    async with engine.connect() as conn:
        t = ReminderDelivery.__table__  # type: ignore[attr-defined]
        rows = await conn.execute(select(t.c.kind, t.c.status, t.c.response).order_by(t.c.id))
        return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def test_remind_sets_a_schedule_and_reminders_lists_it(ann: ChatUser) -> None:
    reply = await ann.say("/remind resistance mon,thu 18:00")
    assert "Resistance reminder: Mon, Thu 18:00 (Europe/Berlin)" in reply
    assert "Next: Mon 23 Nov 18:00" in reply
    listing = await ann.say("/reminders")
    assert "• Resistance: Mon, Thu 18:00, next Mon 23 Nov 18:00" in listing
    assert "• Weekly summary: Sun 19:00, next Sun 29 Nov 19:00" in listing


async def test_ping_arrives_on_time_once_with_buttons(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/remind hiit mon 18:00")
    assert (await dispatch(MON_1800 - timedelta(seconds=1))).claimed == 0
    stats = await dispatch(MON_1800)
    assert (stats.claimed, stats.sent) == (1, 1)
    assert (await dispatch(MON_1800 + timedelta(minutes=1))).claimed == 0
    [(who, reply)] = notifier.sent
    assert who == "ann"
    assert reply.text.startswith("🔥 HIIT today: 4 × 4 min hard, 3 min easy between")
    assert [c.label for c in reply.choices] == ["Done", "Snooze 1h", "Skip"]
    assert reply.choices[0].data.startswith("/reminder done ")


async def test_a_changed_schedule_takes_effect_at_once(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/remind zone2 mon 18:00")
    await ann.say("/remind zone2 mon 17:30")
    await dispatch(MON_1800 - timedelta(minutes=30))
    assert len(notifier.texts()) == 1
    await dispatch(MON_1800)
    assert len(notifier.texts()) == 1
    await ann.say("/remind off zone2")
    await dispatch(MON_1800 + timedelta(days=7))
    assert len(notifier.texts()) == 1


async def test_zone2_ping_gives_the_users_own_heart_rate_range(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/profile age 62")
    await ann.say("/remind zone2 mon 18:00")
    await dispatch(MON_1800)
    [text_] = notifier.texts()
    assert "45–60 minutes at 60–70% of your max heart rate" in text_
    assert "99–115 bpm" in text_
    assert "Tanaka" in text_


async def test_zone2_ping_uses_the_heart_rates_the_person_measured(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/profile age 62")
    await ann.say("/profile maxhr 182")
    await ann.say("/profile resthr 55")
    await ann.say("/remind zone2 mon 18:00")
    await dispatch(MON_1800)
    [text_] = notifier.texts()
    # Karvonen on the measured maximum: 55 + 60–70% of (182 − 55) = 131–144, not 99–115
    assert "For you that's 131–144 bpm (your measured max 182, resting 55)." in text_
    assert "Tanaka" not in text_


async def test_weekly_summary_judges_zone2_by_the_measured_maximum(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/profile age 62")  # by age alone: 99–115 bpm, so 130 would be above
    await ann.say("/profile maxhr 200")  # measured: 120–140 bpm
    await ann.say("/remind zone2 tue 07:30")
    await ann.say("zone 2 run 45 min avg hr 130", at="2026-11-24T08:00")
    await dispatch(datetime(2026, 11, 29, 18, 0, tzinfo=UTC))
    summary = notifier.texts()[-1]
    assert summary.startswith("📊 Your week in review.")
    assert "Zone 2 sessions (45 min, 45–60 each): 1" in summary
    assert "above your range" not in summary


async def test_resistance_ping_has_todays_loads(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("squat 3x8 100kg", at="2026-11-19T18:00")
    await ann.say("/remind resistance mon 18:00")
    await dispatch(MON_1800)
    [text_] = notifier.texts()
    assert "• Squat 3×8 @ 102.5 kg" in text_


async def test_no_resistance_ping_after_a_session_logged_that_day(
    ann: ChatUser, notifier: FakeNotifier, dispatch, engine: AsyncEngine
) -> None:
    await ann.say("/remind resistance mon,thu 18:00")
    await ann.say("squat 3x8 100kg", at="2026-11-23T07:00")
    await dispatch(MON_1800)
    assert notifier.texts() == []
    assert await deliveries(engine) == [("resistance", "skipped", None)]
    await dispatch(MON_1800 + timedelta(days=3))  # Thursday: nothing logged yet
    assert "Squat 3×8 @ 102.5 kg" in notifier.texts()[0]


async def test_a_ping_found_more_than_two_hours_late_is_dropped(
    ann: ChatUser, notifier: FakeNotifier, dispatch, engine: AsyncEngine
) -> None:
    await ann.say("/remind hiit mon,tue 18:00")
    await dispatch(MON_1800 + timedelta(hours=2, minutes=1))  # the bot was down
    assert notifier.sent == []
    await dispatch(MON_1800 + timedelta(days=1))
    assert len(notifier.sent) == 1
    assert [d[1] for d in await deliveries(engine)] == ["dropped", "sent"]


async def test_a_claim_whose_dispatcher_died_is_sent_once_after_its_lease(
    ann: ChatUser, notifier: FakeNotifier, dispatch, engine: AsyncEngine, store: SqlDispatchStore
) -> None:
    await ann.say("/remind hiit mon,tue 18:00")
    claimed = await claim(store, MON_1800, ["test"], 10)
    assert len(claimed.pings) == 1  # ...and the process dies before handing it over
    await dispatch(MON_1800 + LEASE - timedelta(seconds=1))  # a new process, within the lease
    assert notifier.sent == []
    stats = await dispatch(MON_1800 + LEASE + timedelta(seconds=1))
    assert (stats.claimed, stats.sent) == (1, 1)
    assert [d[1] for d in await deliveries(engine)] == ["sent"]
    await dispatch(MON_1800 + LEASE + timedelta(minutes=10))  # never again
    assert len(notifier.sent) == 1
    await dispatch(MON_1800 + timedelta(days=1))  # the next one goes out normally
    assert len(notifier.sent) == 2


async def test_a_ping_handed_over_by_a_dispatcher_that_died_is_never_sent_again(
    ann: ChatUser, notifier: FakeNotifier, dispatch, engine: AsyncEngine, store: SqlDispatchStore
) -> None:
    await ann.say("/remind hiit mon,tue 18:00")
    claimed = await claim(store, MON_1800, ["test"], 10)
    assert await store.hand_over(claimed.pings, [], MON_1800) == {claimed.pings[0].delivery_id}
    # ...and the process dies mid-send: the ping may or may not have gone out.
    stats = await dispatch(MON_1800 + LEASE + timedelta(seconds=1))
    assert (stats.claimed, stats.sent, stats.unknown) == (1, 0, 1)
    await dispatch(MON_1800 + LEASE + timedelta(minutes=10))
    assert notifier.sent == []
    assert [d[1] for d in await deliveries(engine)] == ["unknown"]


async def test_a_dead_dispatchers_ping_found_over_two_hours_late_is_dropped(
    ann: ChatUser, notifier: FakeNotifier, dispatch, engine: AsyncEngine, store: SqlDispatchStore
) -> None:
    await ann.say("/remind hiit mon,tue 18:00")
    await claim(store, MON_1800 + timedelta(minutes=1), ["test"], 10)  # then it dies
    await dispatch(MON_1800 + timedelta(hours=2, seconds=1))  # every dispatcher was down
    assert notifier.sent == []
    assert [d[1] for d in await deliveries(engine)] == ["dropped"]


async def test_a_slow_dispatcher_past_its_lease_leaves_taken_pings_alone(
    ann: ChatUser, notifier: FakeNotifier, engine: AsyncEngine, store: SqlDispatchStore
) -> None:
    await ann.say("/remind hiit mon,tue 18:00")
    slow = await claim(store, MON_1800, ["test"], 10)
    later = MON_1800 + LEASE + timedelta(seconds=1)
    other = await claim(store, later, ["test"], 10)  # takes it over, not yet sent
    assert [p.delivery_id for p in other.pings] == [p.delivery_id for p in slow.pings]
    assert await store.hand_over(slow.pings, [], later) == set()  # the slow one lost it
    await store.release(slow.pings)  # nor can it hand it back
    await _send_all(store, notifier, other.pings, RoundStats(), lambda: later, None)
    assert len(notifier.sent) == 1
    assert [d[1] for d in await deliveries(engine)] == ["sent"]


async def test_a_clean_stop_hands_unsent_pings_back(
    ann: ChatUser,
    notifier: FakeNotifier,
    engine: AsyncEngine,
    store: SqlDispatchStore,
    clock: Clock,
) -> None:
    await ann.say("/remind hiit mon 18:00")
    clock.now = MON_1800
    stop = asyncio.Event()
    stop.set()  # the stop arrives right after the claim: nothing may be sent
    taken = await claim(store, MON_1800, ["test"], 10)
    await _send_all(store, notifier, taken.pings, RoundStats(), clock, stop)
    assert [d[1] for d in await deliveries(engine)] == ["queued"]
    await drain(store, {"test": notifier}, clock=clock)
    await drain(store, {"test": notifier}, clock=clock)
    assert len(notifier.sent) == 1
    assert [d[1] for d in await deliveries(engine)] == ["sent"]


async def test_a_transient_failure_is_retried(
    ann: ChatUser, notifier: FakeNotifier, dispatch, engine: AsyncEngine
) -> None:
    await ann.say("/remind hiit mon 18:00")
    notifier.failures = 1
    stats = await dispatch(MON_1800)
    assert (stats.sent, stats.retried) == (0, 1)
    await dispatch(MON_1800 + timedelta(seconds=30))
    assert notifier.sent == []  # not before its retry time
    await dispatch(MON_1800 + timedelta(minutes=1))
    assert len(notifier.sent) == 1
    assert [d[1] for d in await deliveries(engine)] == ["sent"]


async def test_a_blocked_user_is_paused_and_welcomed_back(
    ann: ChatUser, notifier: FakeNotifier, dispatch, engine: AsyncEngine
) -> None:
    await ann.say("/remind hiit mon,tue 18:00")
    notifier.refuse.add("ann")
    await dispatch(MON_1800)
    notifier.refuse.clear()
    await dispatch(MON_1800 + timedelta(days=1))  # paused: nothing is due
    assert notifier.sent == []
    assert "paused" in await ann.say("/reminders", at="2026-11-24T20:00")
    back = await ann.say("/reminders", at="2026-11-24T20:00")
    assert "paused" not in back  # the first message of the return resumed them
    await dispatch(MON_1800 + timedelta(days=7))
    assert len(notifier.sent) == 1


async def test_welcome_back_line_comes_first_on_return(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/remind hiit mon 18:00")
    notifier.refuse.add("ann")
    await dispatch(MON_1800)
    reply = await ann.say("zone 2 45 min", at="2026-11-24T08:00")
    assert ann.replies[0].text == (
        "Welcome back — reminders were paused because I couldn't reach you; they're back on."
    )
    assert "Zone 2" in reply
    assert "Welcome back" not in await ann.say("/reminders")


async def test_snooze_sends_the_ping_again_an_hour_later(
    ann: ChatUser, notifier: FakeNotifier, dispatch, clock: Clock, engine: AsyncEngine
) -> None:
    await ann.say("/remind zone2 mon 18:00")
    await dispatch(MON_1800)
    snooze = notifier.sent[0][1].choices[1].data
    clock.now = MON_1800 + timedelta(minutes=5)
    assert "Snoozed: I'll remind you again at Mon 23 Nov 19:05" in await ann.say(
        snooze, is_callback=True
    )
    assert "Already noted" in await ann.say(snooze, is_callback=True)
    await dispatch(MON_1800 + timedelta(minutes=64))
    assert len(notifier.sent) == 1
    await dispatch(MON_1800 + timedelta(minutes=65))
    assert len(notifier.sent) == 2
    assert notifier.sent[1][1].text == notifier.sent[0][1].text
    assert await deliveries(engine) == [("zone2", "sent", "snoozed"), ("zone2", "sent", None)]


async def test_skip_and_done_are_recorded_for_the_owner_only(
    ann: ChatUser, coach: ConversationService, notifier: FakeNotifier, dispatch, engine
) -> None:
    await ann.say("/remind zone2 mon 18:00")
    await dispatch(MON_1800)
    skip, done = notifier.sent[0][1].choices[2].data, notifier.sent[0][1].choices[0].data
    bob = ChatUser(coach, "bob")
    assert "can't find that reminder" in await bob.say(skip, is_callback=True)
    assert "Skipped" in await ann.say(skip, is_callback=True)
    assert "Already noted (skipped)" in await ann.say(done, is_callback=True)
    assert await deliveries(engine) == [("zone2", "sent", "skipped")]


async def test_weekly_summary_and_a_nudge_when_under_two_sessions(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/remind zone2 tue 07:30")
    await ann.say("squat 3x8 100kg", at="2026-11-23T07:00")
    thursday_noon = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
    await dispatch(thursday_noon)
    nudges = [t for t in notifier.texts() if t.startswith("⏰")]
    assert nudges == [
        "⏰ 1 resistance session so far this week; the protocol is at least 2. 1 more "
        "session in the 4 days left keeps you on track: three compound lifts, 3 sets of 8, "
        "is enough."
    ]
    await dispatch(thursday_noon + timedelta(days=2))  # Friday and Saturday: not again
    assert len([t for t in notifier.texts() if t.startswith("⏰")]) == 1
    await dispatch(datetime(2026, 11, 29, 18, 0, tzinfo=UTC))
    summary = notifier.texts()[-1]
    assert summary.startswith("📊 Your week in review.\nThis week (Mon 23 Nov – Sun 29 Nov):")
    assert notifier.sent[-1][1].choices == ()


async def test_no_nudge_with_two_sessions(ann: ChatUser, notifier: FakeNotifier, dispatch) -> None:
    await ann.say("/remind zone2 tue 07:30")
    await ann.say("squat 3x8 100kg", at="2026-11-23T07:00")
    await ann.say("squat 3x8 102.5kg", at="2026-11-25T07:00")
    await dispatch(datetime(2026, 11, 28, 12, 0, tzinfo=UTC))
    assert not [t for t in notifier.texts() if t.startswith("⏰")]


async def test_defaults_and_off(ann: ChatUser, engine: AsyncEngine) -> None:
    listing = await ann.say("/remind defaults")
    for line in ("Resistance: Mon, Thu 18:00", "Zone 2: Tue, Wed, Sat 07:30", "HIIT: Fri 07:00"):
        assert line in listing
    assert "Weekly summary: Sun 19:00" in listing
    await ann.say("/remind off resistance")
    await ann.say("/remind off zone2")
    async with engine.connect() as conn:
        t = ReminderSchedule.__table__  # type: ignore[attr-defined]
        kinds = {row[0] for row in await conn.execute(select(t.c.kind))}
    assert kinds == {"hiit", "weekly-summary", "nudge"}
    await ann.say("/remind off hiit")  # the last session reminder takes its companions
    assert "No reminders set" in await ann.say("/reminders")


async def test_onboarding_offers_the_defaults(coach: ConversationService) -> None:
    cy = ChatUser(coach, "cy")
    await cy.say("hi")
    for answer in ("/units kg", "/timezone America/New_York", "/skip", "/skip"):
        await cy.say(answer, is_callback=True)
    assert [c.data for c in cy.replies[-1].choices] == ["/remind defaults", "/skip"]
    reply = await cy.say("/remind defaults", is_callback=True)
    assert "Your reminders (America/New_York)" in reply
    assert "All set" in reply


async def test_moving_timezone_moves_the_reminders(ann: ChatUser, coach, engine) -> None:
    await ann.say("/remind hiit mon 18:00")
    await ann.say("/timezone America/New_York")
    upcoming = await _upcoming(engine, "test", "ann", MON_1800 - timedelta(hours=2), 7)
    assert upcoming[0] == {"kind": "hiit", "at": "2026-11-23T18:00:00-05:00"}


async def test_upcoming_for_a_user_without_reminders_is_empty(engine: AsyncEngine) -> None:
    assert await _upcoming(engine, "console", "nobody", MON_1800, 7) == []


async def test_reminder_tables_match_the_migration(engine: AsyncEngine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    def diff(connection):  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(connection)
        return [d for d in compare_metadata(context, SQLModel.metadata) if "reminder" in repr(d)]

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []
        count = await conn.execute(select(func.count()).select_from(text("reminder_schedules")))
        assert count.scalar() == 0


async def test_run_dispatcher_sends_on_its_interval_and_stops_cleanly(
    ann: ChatUser, notifier: FakeNotifier, store: SqlDispatchStore, clock: Clock
) -> None:
    await ann.say("/remind hiit mon 18:00")
    clock.now = MON_1800
    stop = asyncio.Event()
    task = asyncio.create_task(
        run_dispatcher(
            store, {"test": notifier}, stop, interval=timedelta(seconds=0.2), clock=clock
        )
    )
    for _ in range(100):
        if notifier.sent:
            break
        await asyncio.sleep(0.05)
    clock.now = MON_1800 + timedelta(seconds=30)
    await asyncio.sleep(0.5)  # more ticks: nothing new is due
    stop.set()
    await asyncio.wait_for(task, 10)
    assert len(notifier.sent) == 1


async def test_stopping_mid_send_lets_the_send_finish_and_count(
    ann: ChatUser, engine: AsyncEngine, store: SqlDispatchStore, clock: Clock
) -> None:
    class SlowNotifier(FakeNotifier):
        def __init__(self) -> None:
            super().__init__()
            self.sending = asyncio.Event()

        async def send(self, user_id: str, reply: Reply) -> None:
            self.sending.set()
            await asyncio.sleep(0.3)  # stop arrives while this ping is on its way
            await super().send(user_id, reply)

    notifier = SlowNotifier()
    await ann.say("/remind hiit mon 18:00")
    clock.now = MON_1800
    stop = asyncio.Event()
    task = asyncio.create_task(
        run_dispatcher(store, {"test": notifier}, stop, interval=timedelta(seconds=5), clock=clock)
    )
    await asyncio.wait_for(notifier.sending.wait(), 10)
    stop.set()
    await asyncio.wait_for(task, 10)
    assert len(notifier.sent) == 1
    async with engine.connect() as conn:
        statuses = (await conn.execute(text("SELECT status FROM reminder_deliveries"))).scalars()
        assert list(statuses) == ["sent"]


async def _user_id(engine: AsyncEngine, external_id: str) -> int:
    async with engine.connect() as conn:
        t = Identity.__table__  # type: ignore[attr-defined]
        query = select(t.c.user_id).where(t.c.external_id == external_id)
        return (await conn.execute(query)).scalar_one()


async def test_a_ping_that_fails_to_compose_does_not_hold_up_the_others(
    ann: ChatUser,
    coach: ConversationService,
    notifier: FakeNotifier,
    dispatch,
    engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bob = ChatUser(coach, "bob", tz=BERLIN)
    await bob.say("/timezone Europe/Berlin")
    await ann.say("/remind hiit mon,tue 18:00")
    await bob.say("/remind hiit mon,tue 18:00")
    bob_id = await _user_id(engine, "bob")
    real_compose = claiming.compose

    def broken_for_bob(data, who, kind, fire_at):  # type: ignore[no-untyped-def]
        if who.user_id == bob_id:  # e.g. an imported weight of `inf`
            raise OverflowError("cannot convert float infinity to integer")
        return real_compose(data, who, kind, fire_at)

    monkeypatch.setattr(claiming, "compose", broken_for_bob)
    stats = await dispatch(MON_1800)
    assert (stats.claimed, stats.sent) == (2, 1)
    assert len(notifier.texts("ann")) == 1
    assert notifier.texts("bob") == []
    assert sorted(d[1] for d in await deliveries(engine)) == ["failed", "sent"]
    assert (await dispatch(MON_1800 + timedelta(minutes=1))).claimed == 0  # bob's moved on
    monkeypatch.setattr(claiming, "compose", real_compose)
    await dispatch(MON_1800 + timedelta(days=1))
    assert (len(notifier.texts("ann")), len(notifier.texts("bob"))) == (2, 1)


async def test_resistance_ping_plans_like_plan_does_for_imported_warm_ups(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    # The Strong fixture's squat session on Thursday, then a day of squat warm-ups only.
    csv_ = (FIXTURES / "strong_2024.csv").read_text()
    csv_ = csv_.replace("2024-06-04", "2026-11-19").replace("2024-06-06", "2026-11-21")
    csv_ = csv_.replace('"Bench Press (Barbell)";"1";"70"', '"Squat (Barbell)";"W";"40"')
    await ann.say("", attachment=Attachment("strong.csv", csv_.encode()))
    await ann.say("/remind resistance mon 18:00")
    plan = await ann.say("/plan", at="2026-11-23T18:00")
    await dispatch(MON_1800)
    [ping] = notifier.texts()
    plan_lines = [re.sub(r" \(\w+\)$", "", line) for line in plan.splitlines() if "•" in line]
    ping_lines = [line for line in ping.splitlines() if line.startswith("•")]
    assert plan_lines == ["• Squat 3×8 @ 100 kg"]
    assert ping_lines == plan_lines


async def test_a_day_with_only_an_imported_timed_row_is_not_a_session_for_the_ping(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    csv_ = (FIXTURES / "strong_2024.csv").read_text().splitlines()
    running_only = [csv_[0], csv_[9].replace("2024-06-04 18:03:36", "2026-11-23 07:00:00")]
    await ann.say("squat 3x8 100kg", at="2026-11-19T18:00")
    await ann.say("", attachment=Attachment("r.csv", "\n".join(running_only).encode()))
    await ann.say("/remind resistance mon 18:00")
    await dispatch(MON_1800)
    [ping] = notifier.texts()
    assert "Squat 3×8 @ 102.5 kg" in ping


async def _upcoming(
    engine: AsyncEngine, platform: str, user_id: str, start: datetime, days: int
) -> list[dict[str, str]]:
    service = ConversationService(unit_of_work_factory(engine))
    return await service.upcoming(platform, user_id, start, days)


async def test_the_weekly_summary_notes_zone2_above_the_persons_range(
    ann: ChatUser, notifier: FakeNotifier, dispatch
) -> None:
    await ann.say("/profile age 55")
    await ann.say("/remind zone2 tue 07:30")
    await ann.say("zone 2 45 min avg hr 132", at="2026-11-24T07:00")  # 102–119 at 55
    await dispatch(datetime(2026, 11, 29, 18, 0, tzinfo=UTC))
    summary = notifier.texts()[-1]
    assert summary.startswith("📊 Your week in review.")
    assert "ran above your range (102–119 bpm)" in summary
