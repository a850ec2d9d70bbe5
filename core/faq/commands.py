"""/ask, and the FAQ answer to a question typed as plain text."""

from __future__ import annotations

from datetime import timedelta

from core.accounts.profile import Profile
from core.conversation.context import Context
from core.faq import answer as faq
from core.faq.next_load import next_load
from core.messages import Reply

# A follow-up ("and for a 70 year old?") continues the person's previous question this soon.
FOLLOW_UP_WITHIN = timedelta(minutes=30)


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


async def replies(ctx: Context, question: str) -> list[Reply]:
    """Return the answer to `question` with what the coach knows of the person.

    "What should I lift next?" gets their own plan; a follow-up that means nothing alone
    ("and for a 70 year old?") answers their previous question's topic, if they asked it
    within FOLLOW_UP_WITHIN.
    """
    profile = ctx.profile
    found = faq_reply(profile, question)
    if found.topic is None and faq.is_follow_up(question):
        earlier = await _previous_text(ctx)
        if earlier is not None:
            again = faq.answer_follow_up(
                earlier,
                question,
                age=profile.age,
                bodyweight_kg=profile.bodyweight_kg,
                units=profile.units,
            )
            found = again or found
    if found.topic == faq.NEXT_LOAD:
        return await next_load(ctx, question)
    return [answer_reply(profile, found)]


async def _previous_text(ctx: Context) -> str | None:
    """Return the person's question just before this message, if it was one and recent."""
    before = await ctx.repo.previous_message(ctx.profile.user_id, ctx.message_id)
    if before is None or ctx.message.sent_at - before.sent_at > FOLLOW_UP_WITHIN:
        return None
    # A log ("squat 3x8 100kg") or a command is no question to follow up.
    if before.recorded or not faq.looks_like_question(before.text):
        return None
    return before.text


async def ask(ctx: Context, args: str) -> list[Reply]:
    if not args:
        return [Reply("Ask me anything about training for a healthy brain, e.g. /ask how often?")]
    return await replies(ctx, args)
