"""The command registry: `/name args` to the handler that answers it, for every capability.

Handlers live with their capability and share only `Context` (core.conversation.context),
so this registry sits above them all and nothing imports it back.
"""

from __future__ import annotations

from core.accounts import app_command, linking
from core.accounts import commands as settings
from core.coaching import commands as coaching
from core.coaching import equipment_command, program_command
from core.conversation import talk
from core.conversation.context import Context, Handler
from core.faq import commands as faq_commands
from core.history import commands as history_commands
from core.history import recent
from core.messages import Reply
from core.recording import answers
from core.reminders import commands as reminder_commands


async def dispatch(ctx: Context, text: str) -> list[Reply]:
    """Run a `/command args` message; an unknown command gets the help text."""
    head, _, args = text.partition(" ")
    name = head[1:].split("@", 1)[0].lower()  # Telegram sends /plan@BotName in groups
    handler = HANDLERS.get(name)
    if handler is None:
        return [Reply(f"I don't know /{name[:30]}.\n\n{talk.HELP}")]
    return await handler(ctx, args.strip())


HANDLERS: dict[str, Handler] = {
    "start": talk.start,
    "skip": talk.skip,
    "help": talk.help_,
    "units": settings.units,
    "timezone": settings.timezone,
    "tz": settings.timezone,
    "profile": settings.profile_,
    "plan": coaching.plan,
    "program": program_command.program,
    "equipment": equipment_command.equipment,
    "week": coaching.week,
    "history": recent.history,
    "undo": recent.undo,
    "ask": faq_commands.ask,
    "remind": reminder_commands.remind,
    "reminders": reminder_commands.reminders,
    "reminder": reminder_commands.reminder,
    "link": linking.link,
    "app": app_command.app,
    "read": answers.read,
    "exercise": answers.exercise,
    "log": answers.log_anyway,
    "forget": answers.forget,
    **history_commands.HISTORY_HANDLERS,
}
