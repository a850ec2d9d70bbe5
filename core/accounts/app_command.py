"""`/app`: a one-time link to the training page (week, plan, charts, sessions).

The composition root hands in where the page lives (`offer_app`); a coach without a
public address says so instead of giving a link that leads nowhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.accounts.app_links import LINK_LIFETIME, AppLinks, Visitor
from core.messages import Reply

if TYPE_CHECKING:
    from core.conversation.context import Context

NOT_SERVED = Reply(
    "The training page isn't set up on this coach yet (its operator sets PUBLIC_URL and "
    "HTTP_PORT). /week, /plan and /chart show the same in the chat."
)

_offered: list[AppLinks] = []  # set once at start by the composition root


def offer_app(links: AppLinks | None) -> None:
    """Make `/app` answer with links from `links` (None: no page is served)."""
    _offered.clear()
    if links is not None:
        _offered.append(links)


async def app(ctx: Context, _args: str) -> list[Reply]:
    """Return a link that opens the page once, as this account, for a few minutes."""
    if not _offered:
        return [NOT_SERVED]
    visitor = Visitor(ctx.message.platform, ctx.message.user_id)
    url = _offered[0].link_for(visitor, ctx.now)
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    return [
        Reply(
            f"📊 Your training at a glance: {url}\n"
            f"The link opens once, within {minutes} minutes, and shows your own history: "
            "don't share it. Send /app again for a new one.",
            private=True,
        )
    ]
