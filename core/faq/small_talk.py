"""Hellos, thank-yous and questions about the coach itself: a friendly word, never a topic.

"how r u today" or "are you a real person?" share a word or two with a training topic, and
answering them with one reads as if the coach had not listened.
"""

from __future__ import annotations

import re

HELLO = "Hi! Log a workout like `squat 3x8 100kg`, or ask me anything. /help lists it all."
WELCOME_BACK = "You're welcome! 💪"
BYE = "Bye for now! 👋"
I_AM_A_BOT = (
    "I'm a bot: your training coach. I record the workouts you send me, work out your next "
    "loads, remind you on training days and answer training questions. /help lists it all."
)

# Whom a hello is addressed to: "good morning bot", "hi coach", "hello everyone".
_TO = r"(?:\s+(?:there|bot|coach|everyone|all|friend|mate|buddy|again))?"
_GREETING = re.compile(
    rf"(?:hi+|hello+|hey+|hiya|howdy|yo|greetings|(?:good\s+)?(?:morning|afternoon|evening)|"
    rf"gm)\b{_TO}(?:\s+(?:how\s+are\s+you(?:\s+today)?))?"
)
_HOW_ARE_YOU = re.compile(
    r"(?:(?:and\s+)?how\s+(?:are|r)\s+(?:you|u|ya)(?:\s+(?:doing|today|doing\s+today))?|"
    r"hows\s+it\s+going|how\s+is\s+it\s+going|whats\s+up|sup|wassup)"
)
_THANKS = re.compile(
    r"(?:thanks?|thank\s+(?:you|u)|thx|ty|cheers|ta|great|ok|okay|cool|nice|perfect|"
    r"got\s+it)(?:\s+(?:a\s+lot|so\s+much|very\s+much|again|bot|coach|mate))*"
)
_BYE = re.compile(
    r"(?:good\s*night|night\s+night|gn|bye+|bye\s+bye|goodbye|see\s+(?:you|ya|u)(?:\s+later)?|"
    r"later|cya)(?:\s+(?:bot|coach|mate|all|everyone))?"
)
# The coach itself: its name, its maker, whether it is a person.
_ABOUT_THE_BOT = re.compile(
    r"(?:whats|what\s+is)\s+(?:your|ur)\s+name|who\s+(?:are|r)\s+(?:you|u)|"
    r"who\s+(?:made|built|created|programmed|wrote|owns|runs)\s+(?:you|u)|"
    r"(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:real\s+)?"
    r"(?:person|human|bot|robot|ai|machine|computer|chat\s*bot|real)|"
    r"(?:are|r)\s+(?:you|u)\s+(?:real|alive)|what\s+are\s+(?:you|u)"
)


def _words(text: str) -> str:
    """Lower-cased words only: no punctuation, emoji or apostrophes."""
    text = text.lower().replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def small_talk(text: str) -> str | None:
    """Return the reply to a hello, a thank-you or a question about the coach, else None."""
    words = _words(text)
    if not words:
        return None
    if _ABOUT_THE_BOT.fullmatch(words) or _ABOUT_THE_BOT.fullmatch(_without_hello(words)):
        return I_AM_A_BOT
    if _GREETING.fullmatch(words) or _HOW_ARE_YOU.fullmatch(_without_hello(words)):
        return HELLO
    if _THANKS.fullmatch(words):
        return WELCOME_BACK
    if _BYE.fullmatch(words):
        return BYE
    return None


def _without_hello(words: str) -> str:
    """`words` without a leading hello ("hi bot, who made you" -> "who made you")."""
    found = _GREETING.match(words)
    if found is None or found.end() == 0:
        return words
    return words[found.end() :].strip()
