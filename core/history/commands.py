"""History's commands by name, for the conversation's command registry."""

from __future__ import annotations

from core.history.chart_command import chart
from core.history.delete_command import delete
from core.history.export_command import export
from core.history.import_answer import import_answer

HISTORY_HANDLERS = {
    "chart": chart,
    "export": export,
    "delete": delete,
    "import": import_answer,
}
