"""A batch's messages as turns: what each one reads as, and whose can be recorded together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.accounts.profile import Profile
from core.messages import IncomingMessage
from core.recording.entries import ParseResult
from core.recording.reading import never_a_log, read_log

Account = tuple[str, str]  # (platform, platform user id)


def _alone_by_kind(message: IncomingMessage) -> bool:
    """Return True for an edit, a tap or a file: never a plain log, whatever its text says."""
    return message.edited or message.is_callback or message.attachment is not None


@dataclass
class Turn:
    """One message of a batch, with what has been read of it so far."""

    index: int
    message: IncomingMessage
    parsed: dict[tuple[object, ...], ParseResult] = field(default_factory=dict)

    @property
    def person(self) -> Account:
        return (self.message.platform, self.message.user_id)

    def as_log(self, profile: Profile) -> ParseResult | None:
        """Return what the text logs for this person, or None if it is never a log.

        Read once for the person's settings; read again only if a command earlier in the
        batch changed them (`/units lb`, then a log).
        """
        text = self.message.text
        if never_a_log(text):
            return None
        key = (profile.units, profile.notation, tuple(sorted(profile.names.items())))
        if key not in self.parsed:
            self.parsed[key] = read_log(text, profile)
        return self.parsed[key]


def plain_logs(turns: Sequence[Turn], profiles: dict[Account, Profile]) -> list[Turn]:
    """Return the turns of the people whose every message here is a plain workout log
    (one that records something).

    A person is taken whole or not at all, so one person's messages keep their order;
    a paused person's go one at a time, for the welcome back.
    """
    left_out: set[Account] = set()
    seen: set[tuple[str, str]] = set()  # (platform, message id): the same message twice
    for turn in turns:
        key = (turn.message.platform, turn.message.message_id)
        profile = profiles[turn.person]
        parsed = None if _alone_by_kind(turn.message) else turn.as_log(profile)
        # Nothing recorded from it (only a question back): perhaps a button's label typed,
        # which the message alone is checked for.
        if key in seen or profile.paused or parsed is None or not parsed.entries:
            left_out.add(turn.person)
        seen.add(key)
    return [turn for turn in turns if turn.person not in left_out]
