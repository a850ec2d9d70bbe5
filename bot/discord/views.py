"""Buttons: a core Choice becomes a Discord button whose custom_id carries the choice's data."""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol

import discord

from core.messages import Choice

logger = logging.getLogger(__name__)

PREFIX = "coach:"
MAX_CUSTOM_ID = 100  # Discord's limit
MAX_LABEL = 80
MAX_BUTTONS = 25  # 5 rows of 5


class ClickHandler(Protocol):
    """What a click is handed to (the Discord adapter, which the client carries)."""

    async def on_choice(self, interaction: discord.Interaction[Any], data: str) -> None: ...


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button], template=r"coach:(?P<data>.+)"):
    """A button that works across restarts: the click is matched by its custom_id alone."""

    def __init__(self, choice: Choice) -> None:
        super().__init__(
            discord.ui.Button(
                label=choice.label[:MAX_LABEL],
                custom_id=PREFIX + choice.data,
                style=discord.ButtonStyle.secondary,
            )
        )
        self.data = choice.data

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> ChoiceButton:
        return cls(Choice(item.label or "", match["data"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        adapter: ClickHandler = interaction.client.adapter
        await adapter.on_choice(interaction, self.data)


def choices_view(choices: tuple[Choice, ...]) -> discord.ui.View | None:
    """Return a view with one button per choice, or None if there is nothing to show."""
    view = discord.ui.View(timeout=None)
    for choice in choices[:MAX_BUTTONS]:
        if choice.url:  # a page: a link button, no click comes back
            view.add_item(discord.ui.Button(label=choice.label[:MAX_LABEL], url=choice.url))
            continue
        if len(PREFIX + choice.data) > MAX_CUSTOM_ID:
            logger.warning("choice %r dropped: custom_id over 100 characters", choice.label)
            continue
        view.add_item(ChoiceButton(choice))
    return view if view.children else None
