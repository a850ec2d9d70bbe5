"""The answer to a recorded log: what was recorded, and onboarding's next question."""

from __future__ import annotations

from core.accounts.profile import Profile
from core.conversation import onboarding
from core.conversation.results import HandleResult, Status
from core.messages import Reply
from core.recording.entries import ParseResult


def logged(
    profile: Profile, result: ParseResult, reply: Reply, message_id: int | None
) -> HandleResult:
    """Return the result of a recorded log: its reply, and onboarding's next question."""
    replies = [reply]
    if onboarding.in_progress(profile):
        replies.append(onboarding.PROMPTS[profile.onboarding_step or ""])
    status: Status = "recorded" if result.entries else "answered"
    return HandleResult(tuple(replies), status, len(result.problems), message_id)
