"""/equipment: show, set or reset the bar, plates and steps that loads are rounded to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.coaching.equipment import Gear, loadable
from core.coaching.equipment_syntax import USAGE, parse_command
from core.messages import Reply
from core.recording.catalogue import display_name

if TYPE_CHECKING:
    from core.conversation.context import Context


def _target_name(target: str) -> str:
    return {"barbell": "Barbell lifts", "dumbbells": "Dumbbell lifts"}.get(
        target, display_name(target)
    )


def _describe(target: str, gear: Gear) -> str:
    loads = loadable(gear)
    sample = ", ".join(f"{w:g}" for w in loads[:6])
    return f"• {_target_name(target)}: {gear.describe()} → {sample}… {gear.unit}"


async def equipment(ctx: Context, args: str) -> list[Reply]:
    """Return the person's equipment, or what changed (private: it is their setup)."""
    store = ctx.uow.history
    user_id = ctx.profile.user_id
    command = parse_command(args, ctx.profile.units)
    if command.error:
        return [Reply(command.error)]
    if command.action == "reset":
        await store.reset_equipment(user_id, command.target)
        what = _target_name(command.target) if command.target else "All equipment"
        return [Reply(f"{what}: back to plain rounding.", private=True)]
    if command.action == "set" and command.target and command.gear:
        if not loadable(command.gear):  # checked first: a setup that can't load isn't kept
            return [Reply("That setup can't load any weight. " + USAGE)]
        await store.save_equipment(user_id, command.target, command.gear)
        return [
            Reply(
                "Saved. Next loads are rounded to what you can load:\n"
                + _describe(command.target, command.gear),
                private=True,
            )
        ]
    setup = (await ctx.repo.equipment_of([user_id]))[user_id]
    if not setup.gear:
        return [
            Reply("No equipment set: loads are rounded to plain steps.\n\n" + USAGE, private=True)
        ]
    lines = ["Your equipment:"] + [_describe(t, g) for t, g in sorted(setup.gear.items())]
    return [
        Reply(
            "\n".join(lines) + "\n\nChange it with e.g. /equipment bar 20 plates 20,10,5,2.5",
            private=True,
        )
    ]
