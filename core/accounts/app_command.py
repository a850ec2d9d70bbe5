"""`/app`: a one-time link to the training page (week, plan, charts, sessions).

The composition root hands in where the page lives (`offer_app`); a coach without a
public address says so instead of giving a link that leads nowhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.accounts.app_links import LINK_LIFETIME, AppLinks, Visitor
from core.messages import Choice, Reply

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
    links = _offered[0]
    visitor = Visitor(ctx.message.platform, ctx.message.user_id)
    url = links.link_for(visitor, ctx.now)
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    text = (
        f"📊 Your training at a glance: {url}\n"
        f"The link opens once, within {minutes} minutes, and shows your own history: "
        "don't share it. Send /app again for a new one."
    )
    page = links.public_url.rstrip("/") + "/app/"
    if ctx.message.platform == "telegram" and page.startswith("https://"):
        # Inside Telegram the page signs in with Telegram's own initData: no link to spend.
        opens = Choice("📊 Open it here in Telegram", "", url=page)
        return [
            Reply(f"{text}\nOr tap the button to open it here in Telegram.", (opens,), private=True)
        ]
    return [Reply(text, private=True)]
