"""A button chosen by typing: its number, its label, yes/no/skip/cancel, or a word only it has.

People on phones type "yes" or "1" as often as they tap. The buttons a message's replies
offered are kept with it (`offers`); the person's next message, within ANSWER_WITHIN,
chooses one of them when it reads as one (`choose`), on every platform alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import timedelta

from core.messages import Choice, Reply

ANSWER_WITHIN = timedelta(minutes=15)
YES = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "yes please", "please", "do it"}
NO = {"no", "n", "nope", "nah", "no thanks", "not now"}
SKIP = {"skip", "skip it", "pass", "later"}
CANCEL = {"cancel", "stop", "never mind", "nevermind"}
_YES_LABELS = ("yes", "ok", "log them", "done")
_NO_LABELS = ("no", "keep", "cancel", "none")


def offers(replies: Sequence[Reply]) -> str | None:
    """Return the buttons of `replies` to keep with their message, or None without any."""
    choices = [[c.label, c.data] for r in replies for c in r.choices if not c.url]
    return json.dumps(choices, ensure_ascii=False) if choices else None


def offered(encoded: str | None) -> tuple[Choice, ...]:
    """Return the buttons kept with a message (none for a message without, or unreadable)."""
    if not encoded:
        return ()
    try:
        return tuple(Choice(str(label), str(data)) for label, data in json.loads(encoded))
    except (ValueError, TypeError):
        return ()


def says_yes(text: str) -> bool:
    """Return True for a typed yes (`yes`, `y`, `ok`, `Yes!`): the word the YES button is."""
    return _words(text) in YES


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s/:+-]", " ", text.lower()).split())


def choose(text: str, choices: Sequence[Choice]) -> Choice | None:
    """Return the button `text` names, or None when it names none (or more than one)."""
    if not choices:
        return None
    typed = _words(text)
    if not typed:
        return None
    labels = [_words(c.label) for c in choices]
    exact = [c for c, label in zip(choices, labels, strict=True) if label == typed]
    if exact:
        return exact[0]
    # The start of one label: "2" or "2 days" for "2 days (Mon Thu)", before a number's place.
    starting = [
        c for c, label in zip(choices, labels, strict=True) if label.startswith(typed + " ")
    ]
    if len(starting) == 1:
        return starting[0]
    if typed.isdigit():
        n = int(typed)
        return choices[n - 1] if 1 <= n <= len(choices) else None
    for words, starts, fallback in (
        (YES, _YES_LABELS, 0),
        (NO, _NO_LABELS, 1),
        (SKIP, ("skip",), None),
        (CANCEL, ("cancel", "no"), None),
    ):
        if typed in words:
            found = [
                c for c, label in zip(choices, labels, strict=True) if label.startswith(starts)
            ]
            if len(found) == 1:
                return found[0]
            if fallback is not None and len(choices) == 2 and not found:
                return choices[fallback]
            return None
    # A word only one label has: "lb" for "Read as lb", "dumbbells", "Berlin".
    having = [
        c
        for c, label in zip(choices, labels, strict=True)
        if len(typed) >= 2 and (typed in label.split() or typed in label.split("/"))
    ]
    return having[0] if len(having) == 1 else None
