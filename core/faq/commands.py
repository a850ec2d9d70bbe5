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


def answer_reply(profile: Profile, found: faq.FaqAnswer) -> Reply:
    """Return an answer as a reply: private when it shows the person's age or bodyweight."""
    # Zone 2 is worked out from the stored age, protein from the stored bodyweight.
    personal = (found.topic == "zone2" and profile.age is not None) or (
        found.topic == "protein" and profile.bodyweight_kg is not None
    )
    return Reply(found.answer, private=personal)


async def ask(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply("Ask me anything about training for a healthy brain, e.g. /ask how often?")]
    return [answer_reply(ctx.profile, faq_reply(ctx.profile, args))]
