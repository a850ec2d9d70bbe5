"""/ask, and the FAQ answer to a question typed as plain text."""

from __future__ import annotations

from core.accounts.profile import Profile
from core.conversation.context import Context
from core.faq import answer as faq
from core.messages import Reply


def faq_reply(profile: Profile, question: str) -> faq.FaqAnswer:
    return faq.answer(
        question, age=profile.age, bodyweight_kg=profile.bodyweight_kg, units=profile.units
    )


async def ask(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply("Ask me anything about training for a healthy brain, e.g. /ask how often?")]
    return [Reply(faq_reply(ctx.profile, args).answer)]
