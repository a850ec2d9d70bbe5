"""Telegram's flood limits: 30 messages/s overall, 20/min per group, 1/s per private chat."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import AIORateLimiter

OVERALL_PER_SECOND = 30
GROUP_PER_MINUTE = 20
PRIVATE_PER_SECOND = 1
MAX_RETRIES = 3  # a 429's retry_after is waited out this many times before giving up
_PRUNE_ABOVE = 512


class CoachRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter plus a per-private-chat limit (PTB limits groups only)."""

    def __init__(
        self,
        *,
        overall_max_rate: float = OVERALL_PER_SECOND,
        group_max_rate: float = GROUP_PER_MINUTE,
        private_max_rate: float = PRIVATE_PER_SECOND,
        max_retries: int = MAX_RETRIES,
    ) -> None:
        super().__init__(
            overall_max_rate=overall_max_rate,
            overall_time_period=1,
            group_max_rate=group_max_rate,
            group_time_period=60,
            max_retries=max_retries,
        )
        self._private_max_rate = private_max_rate
        self._private_limiters: dict[int, AsyncLimiter] = {}

    def _private_limiter(self, chat_id: int) -> AsyncLimiter:
        if len(self._private_limiters) > _PRUNE_ABOVE:
            for key, limiter in list(self._private_limiters.items()):
                if key != chat_id and limiter.has_capacity(limiter.max_rate):
                    del self._private_limiters[key]
        limiter = self._private_limiters.get(chat_id)
        if limiter is None:
            limiter = AsyncLimiter(self._private_max_rate, 1)
            self._private_limiters[chat_id] = limiter
        return limiter

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat_id: int | None = None
        with contextlib.suppress(TypeError, ValueError):
            chat_id = int(data.get("chat_id"))  # type: ignore[arg-type]
        if chat_id is None or chat_id < 0 or not self._private_max_rate:
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        async with self._private_limiter(chat_id):
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
