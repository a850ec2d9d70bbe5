"""`coach say` on a database it cannot write: answer what needs no write, save nothing.

`/plan`, `/plan all`, `/week` and questions are answered from what is stored (the
service's read-only queries and the FAQ); anything else would have to be saved, so it is
refused in one line. Either way stderr says once that nothing is saved.
"""

from __future__ import annotations

import argparse
import sys

from bot.bootstrap import Coach
from bot.cli_arguments import parse_at

READ_ONLY_COMMANDS = ("/plan", "/week", "/ask")


def answerable(text: str) -> bool:
    """Return True for a message answered without writing: /plan, /week, /ask, a question."""
    from core.faq.answer import looks_like_question

    words = text.strip().lower().split()
    if not words:
        return False
    return words[0] in READ_ONLY_COMMANDS or looks_like_question(text)


async def say(coach: Coach, args: argparse.Namespace, path: str) -> int:
    """Print the answer to `coach say TEXT` without saving anything; 1 if it needs a write."""
    from bot import console

    text = " ".join(args.text).strip()
    print(
        f"coach: the database file {path} is read-only: answering from what is stored, "
        "nothing is saved.",
        file=sys.stderr,
    )
    if not answerable(text):
        print("coach: that would have to be saved, so it was not done.", file=sys.stderr)
        return 1
    head, _, rest = text.partition(" ")
    service = coach.service
    known = await service.known(console.PLATFORM, args.user)
    at = parse_at(args.at, known.timezone if known else "UTC")
    if head.lower() in ("/plan", "/week") and known is None:
        print("Nothing logged yet.")
        return 0
    if head.lower() == "/week":
        from core.coaching.commands import week_text

        print(week_text(await service.week(console.PLATFORM, args.user, at)))
    elif head.lower() == "/plan" and rest.strip().lower() == "all":
        from core.coaching.commands import plans_text

        print(plans_text(await service.plan(console.PLATFORM, args.user, at)))
    elif head.lower() == "/plan":
        from core.coaching.commands import session_text

        print(session_text(await service.session(console.PLATFORM, args.user, at)))
    else:
        from core.faq.answer import answer

        question = rest if head.lower() == "/ask" else text
        print(answer(question).answer)
    return 0
