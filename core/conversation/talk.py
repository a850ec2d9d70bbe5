"""Text that is neither a command nor a workout (questions, hellos); /start, /skip, /help."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.accounts import commands as settings
from core.coaching import commands as coaching
from core.coaching import program_command
from core.conversation import onboarding, typed_choice
from core.conversation.context import Context, Handler
from core.conversation.ownership import NOT_OPEN
from core.faq import answer as faq
from core.faq import commands as faq_commands
from core.faq.commands import answer_reply, faq_reply
from core.faq.small_talk import small_talk
from core.messages import CANNOT_EDIT, Choice, Reply
from core.recording.partial import partial_log
from core.recording.reading import asks_instead_of_logging, read_log
from core.reminders import commands as reminder_commands

HELP = """Log a workout by typing it, e.g.
• squat 3x8 100kg
• bench 80kg 8,8,7
• zone 2 45 min · hiit 20 min · walked 40 minutes
Edit your message to fix a typo.

/plan: next session's loads
/program: a starting week (full body, 2–3 days) if you have none
/app: your training at a glance (week, plan, charts, sessions)
/week: this week against the protocol
/history squat · /history zone 2: your recent sessions
/chart squat · /chart week: your progress as a picture
/undo: remove your last log
/remind resistance mon,thu 18:00 · /reminders · /remind off
/units kg|lb · /timezone Europe/Berlin
/profile age 62 · /profile weight 80kg
/equipment bar 20 plates 25,20,10,5,2.5,1.25
/ask how heavy should I lift?
/log …: log text that reads as a question · /forget NAME: a name you taught me
/export: your data as CSV and JSON · /delete: erase it all
/link: one history on Telegram and Discord
Send a Strong or Hevy CSV export to import your history."""
FIX_BY_EDITING = "Edit your message to fix a typo."
FIX_BY_UNDOING = "To fix a typo, /undo it and send it again."  # where CANNOT_EDIT


def help_text(platform: str) -> str:
    """Return /help's text, with the way to fix a typo that works on `platform`."""
    return HELP.replace(FIX_BY_EDITING, FIX_BY_UNDOING) if platform in CANNOT_EDIT else HELP


def _offer_to_log(ctx: Context, text: str) -> list[Reply]:
    """Return an offer to record the sets in a question, if it has any.

    Private: both buttons name the person's message, so only they can answer.
    """
    if not read_log(text, ctx.profile).entries:
        return []
    return [
        Reply(
            "I haven't recorded the sets in that, since you asked a question. Log them?",
            (
                Choice("Log them", f"/log #{ctx.message_id}"),
                Choice("No", f"/log no #{ctx.message_id}"),
            ),
            private=True,
        )
    ]


async def conversation(ctx: Context, text: str, dispatch: Handler) -> list[Reply]:
    """Answer text that is neither a command nor a workout; `dispatch` runs a command (a
    button chosen by typing)."""
    profile = ctx.profile
    if onboarding.in_progress(profile):
        step = profile.onboarding_step or ""
        offered = await _offered_before(ctx)
        if (
            offered
            and offered.choices
            and not set(offered.choices) & set(onboarding.PROMPTS[step].choices)
        ):
            # A later question than the step's (`/undo`'s "Remove your last log?"): a typed
            # "yes" answers it, not the onboarding question asked before it.
            typed = await _chosen(ctx, text, dispatch, offered)
            if typed is not None:
                return typed
        if asks_instead_of_logging(text):  # answer it, then ask the step's question again
            found = faq_reply(profile, text)
            return [
                answer_reply(profile, found),
                *_offer_to_log(ctx, text),
                onboarding.PROMPTS[step],
            ]
        tapped = onboarding.typed_choice(step, text)
        if tapped is not None:  # typed instead of tapped: answer as the button would
            return await _as_tapped(ctx, tapped)
        answer = onboarding.apply(profile, step, text)
        if not answer.ok:
            return [Reply(answer.message), onboarding.PROMPTS[step]]
        return [onboarding.advance(profile)]
    typed = await typed_answer(ctx, text, dispatch)  # a button chosen by typing, first
    if typed is not None:
        return typed
    if profile.onboarding_step is None:
        replies = []
        if faq.looks_like_question(text) and not _asks_what_to_do(text):
            found = faq_reply(profile, text)
            if found.topic is not None:
                replies.append(answer_reply(profile, found))
        replies += _offer_to_log(ctx, text) if asks_instead_of_logging(text) else []
        return [*replies, Reply(onboarding.WELCOME), onboarding.advance(profile)]
    if _asks_what_to_do(text):
        return await _what_to_do(ctx)
    if faq.looks_like_question(text) or asks_instead_of_logging(text):
        return [*await faq_commands.replies(ctx, text), *_offer_to_log(ctx, text)]
    chat = small_talk(text)  # "good morning bot"
    if chat is not None:
        return [Reply(chat)]
    told = faq_reply(profile, text)  # a statement about their body: "I'm 68 with bad knees"
    if told.topic in TOLD_TOPICS:
        return [answer_reply(profile, told)]
    partial = partial_log(text, profile.units)  # `I pumped 240 kilograms today`: which lift?
    if partial is not None:
        return [Reply(partial.message)]
    return [
        Reply(
            "I didn't find a workout in that. Log one like `squat 3x8 100kg` or "
            "`zone 2 45 min`, or ask me a question. /help shows everything."
        )
    ]


async def _as_tapped(ctx: Context, data: str) -> list[Reply]:
    """Return the answer to an onboarding button's data, typed by the person at its step.

    The handlers the registry would pick, called directly: the registry imports this module.
    """
    head, _, args = data.partition(" ")
    if head == "/units":
        return await settings.units(ctx, args)
    if head == "/timezone":
        return await settings.timezone(ctx, args)
    if head == "/remind":
        return await reminder_commands.remind(ctx, args)
    return await skip(ctx, "")


USE_THE_BUTTON = Reply(
    "To delete, tap the button on my last message: it carries a one-time code, so a typed "
    "yes can't stand in for it. Nothing was deleted.",
    private=True,
)


async def typed_answer(ctx: Context, text: str, dispatch: Handler) -> list[Reply] | None:
    """Return the answer to a button chosen by typing (`1`, `yes`, `lb`), else None.

    `dispatch` runs the chosen button's command (the registry's, which imports this module).

    Only the buttons offered in reply to the person's own previous message count, and only
    for ANSWER_WITHIN: someone else's prompt, or one answered or left long ago, is never
    chosen by a typed word (`core.conversation.typed_choice`). A bare "yes" never deletes
    everything: /delete's button, its number or its label does.
    """
    offered = await _offered_before(ctx)
    return None if offered is None else await _chosen(ctx, text, dispatch, offered)


@dataclass(frozen=True)
class _Offered:
    """The person's previous message and the buttons offered in reply to it."""

    said: str
    choices: tuple[Choice, ...]


async def _offered_before(ctx: Context) -> _Offered | None:
    """Return the previous message and its buttons, if it was recent enough to answer."""
    before = await ctx.repo.previous_message(ctx.profile.user_id, ctx.message_id)
    if before is None or ctx.message.sent_at - before.sent_at > typed_choice.ANSWER_WITHIN:
        return None
    return _Offered(before.text, typed_choice.offered(before.choices))


async def _chosen(
    ctx: Context, text: str, dispatch: Handler, offered: _Offered
) -> list[Reply] | None:
    if offered.said.strip().lower().startswith("/delete") and typed_choice.says_yes(text):
        return [USE_THE_BUTTON]
    chosen = typed_choice.choose(text, offered.choices)
    return None if chosen is None else await dispatch(ctx, chosen.data)


_WHAT_TO_DO = re.compile(
    r"^\s*(?:so\s+|ok\s+|and\s+)?(?:what|wat|wht)\s+(?:should|shall|do|can)\s+i\s+"
    r"(?:do|train|lift)(?:\s+(?:today|now|next|first|this week|tomorrow))?\s*\??\s*$",
    re.IGNORECASE,
)


def _asks_what_to_do(text: str) -> bool:
    return _WHAT_TO_DO.match(text) is not None


async def _what_to_do(ctx: Context) -> list[Reply]:
    """Answer "what should I do?": the next session (a program always has one), or a
    program to start from."""
    found = await coaching.session_at(ctx.repo, ctx.profile, ctx.message.sent_at)
    if not found.lifts:
        return await program_command.program(ctx, "")
    today = ctx.profile.local_day(ctx.message.sent_at)
    return [Reply(coaching.session_text(found, today), private=True)]


# Topics a statement (not a question) is answered with: what people tell a coach of their body.
TOLD_TOPICS = frozenset({"joint-pain", "safety", "soreness"})


async def start(ctx: Context, _args: str) -> list[Reply]:
    ctx.profile.onboarding_step = None
    return [Reply(onboarding.WELCOME), onboarding.advance(ctx.profile)]


async def skip(ctx: Context, _args: str) -> list[Reply]:
    if not onboarding.in_progress(ctx.profile):
        if ctx.message.is_callback:  # someone else's Skip, or one already answered
            return [NOT_OPEN]
        return [Reply("Nothing to skip right now. /help shows what I can do.")]
    return [onboarding.advance(ctx.profile)]


async def help_(ctx: Context, _args: str) -> list[Reply]:
    return [Reply(help_text(ctx.message.platform))]
