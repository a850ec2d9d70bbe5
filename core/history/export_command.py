"""/export: the person's sets as CSV and everything held about them as JSON, as two files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.history.export import cardio_rows, everything_json, sets_csv
from core.messages import OutgoingFile, Reply

if TYPE_CHECKING:
    from core.conversation.context import Context


async def export(ctx: Context, _args: str) -> list[Reply]:
    store = ctx.uow.history
    sets = await store.all_sets(ctx.profile.user_id)
    tables = await store.dump(ctx.profile.user_id)
    cardio = cardio_rows(tables)
    stamp = f"{ctx.profile.local_day(ctx.message.sent_at):%Y-%m-%d}"
    return [
        Reply(
            f"Your training history: {len(sets)} sets and {len(cardio)} cardio sessions, "
            "one row each.",
            file=OutgoingFile(f"coach-sets-{stamp}.csv", sets_csv(sets, cardio), "text/csv"),
            private=True,
        ),
        Reply(
            "Everything I hold about you, table by table.",
            file=OutgoingFile(
                f"coach-everything-{stamp}.json",
                everything_json(tables, ctx.now),
                "application/json",
            ),
            private=True,
        ),
    ]
