"""Progress charts as PNG bytes: a lift over time, and twelve weeks of dose.

The drawing functions take a series (core.history.series: pure values built from stored
sets) and return PNG bytes. matplotlib is imported inside them (it is slow to import)
and only through `Figure`, never pyplot's global state.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta

from core.coaching.dose import (
    RESISTANCE_SESSIONS,
    WEEKLY_SETS_PER_MUSCLE,
    ZONE2_MINUTES,
    ZONE2_SESSIONS,
)
from core.history.series import DoseSeries, LiftSeries

SIZE_PX = (1080, 1080)
DPI = 100
ZONE2_WEEKLY_MINUTES = (ZONE2_SESSIONS[0] * ZONE2_MINUTES[0], ZONE2_SESSIONS[1] * ZONE2_MINUTES[1])

INK = "#1f2933"
MUTED = "#7b8794"
E1RM_COLOUR = "#2563eb"
LOAD_COLOUR = "#f97316"
NEXT_COLOUR = "#16a34a"
BAND_COLOUR = "#bbf7d0"
BAR_COLOUR = "#3b82f6"
BAR_MET = "#16a34a"


def _figure():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    width, height = SIZE_PX
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor="white")
    return figure


def _style(ax, title: str | None = None) -> None:  # type: ignore[no-untyped-def]
    ax.set_facecolor("white")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(MUTED)
    ax.tick_params(colors=INK, labelsize=17, length=6)
    ax.grid(axis="y", color="#e4e7eb", linewidth=1.2)
    ax.set_axisbelow(True)
    if title:
        ax.set_title(title, loc="left", fontsize=21, color=INK, pad=12, fontweight="bold")


def _png(figure) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def _fmt(value: float) -> str:
    return f"{round(value, 1):g}"


def _date_axis(ax, days: Sequence[date]) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=6)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.xaxis.get_offset_text().set_fontsize(15)
    if len(days) == 1:
        ax.set_xlim(days[0] - timedelta(days=7), days[0] + timedelta(days=10))


def lift_chart(series: LiftSeries) -> bytes:
    """Return a PNG of a lift's sessions: estimated max and top load, next load marked."""
    figure = _figure()
    ax = figure.add_axes((0.13, 0.13, 0.82, 0.68))
    _style(ax)
    days = [p.day for p in series.points]
    unit = series.unit
    if series.bodyweight:
        ax.plot(
            days,
            [p.best_reps for p in series.points],
            "-o",
            color=E1RM_COLOUR,
            linewidth=3.5,
            markersize=9,
            label="Most reps in a set",
        )
        ax.set_ylabel("reps", fontsize=19, color=INK)
        subtitle = "Bodyweight: reps per session"
    else:
        ax.plot(
            days,
            [p.e1rm for p in series.points],
            "-o",
            color=E1RM_COLOUR,
            linewidth=3.5,
            markersize=9,
            label="Estimated 1RM (Epley)",
        )
        ax.plot(
            days,
            [p.top for p in series.points],
            "-s",
            color=LOAD_COLOUR,
            linewidth=3,
            markersize=8,
            label="Top working load",
        )
        ax.set_ylabel(unit, fontsize=19, color=INK)
        subtitle = f"Per session, in {unit}"
        if series.next_load is not None and series.next_day is not None:
            ax.plot(
                [series.next_day],
                [series.next_load],
                marker="*",
                markersize=30,
                color=NEXT_COLOUR,
                linestyle="none",
                label=f"Next: {_fmt(series.next_load)} {unit}",
            )
            ax.annotate(
                f"next\n{_fmt(series.next_load)} {unit}",
                (series.next_day, series.next_load),
                textcoords="offset points",
                xytext=(0, -62),
                ha="center",
                fontsize=17,
                color=NEXT_COLOUR,
                fontweight="bold",
            )
            days = [*days, series.next_day]
        last = series.points[-1]
        ax.annotate(
            f"{_fmt(last.e1rm)}",
            (last.day, last.e1rm),
            textcoords="offset points",
            xytext=(0, 14),
            ha="center",
            fontsize=17,
            color=E1RM_COLOUR,
            fontweight="bold",
        )
    _date_axis(ax, days)
    low, high = ax.get_ylim()
    ax.set_ylim(max(0.0, low - (high - low) * 0.25), high + (high - low) * 0.12)
    figure.text(0.04, 0.94, series.name, fontsize=34, fontweight="bold", color=INK)
    figure.text(
        0.04, 0.895, f"{subtitle} · {len(series.points)} sessions", fontsize=19, color=MUTED
    )
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 1.09),
        ncol=3,
        fontsize=16,
        frameon=False,
        handlelength=1.6,
        columnspacing=1.2,
    )
    return _png(figure)


def _bars(ax, weeks, values, band, title: str, unit_label: str) -> None:  # type: ignore[no-untyped-def]
    low, high = band
    x = list(range(len(weeks)))
    colours = [BAR_MET if low <= v <= high else BAR_COLOUR for v in values]
    ax.axhspan(low, high, color=BAND_COLOUR, alpha=0.7, zorder=0, linewidth=0)
    ax.bar(x, values, color=colours, width=0.68, zorder=2)
    _style(ax, f"{title}  (target {_fmt(low)}–{_fmt(high)}{unit_label})")
    top = max([high, *values]) * 1.22
    ax.set_ylim(0, top)
    for i, v in enumerate(values):
        if v:
            ax.text(i, v + top * 0.02, _fmt(v), ha="center", va="bottom", fontsize=14, color=INK)
    ax.set_xlim(-0.6, len(weeks) - 0.4)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))


def _week_labels(weeks: Sequence[date]) -> list[str]:
    """Return the weeks' tick labels (`23 Nov`): every other one once there are over six."""
    return [f"{d.day} {d:%b}" if i % 2 == 0 or len(weeks) <= 6 else "" for i, d in enumerate(weeks)]


def week_chart(series: DoseSeries, title: str = "Your last 12 weeks") -> bytes:
    """Return a PNG of weekly dose against the protocol: three stacked bar panels."""
    figure = _figure()
    weeks = [w.week_start for w in series.weeks]
    panels = [
        (
            [w.resistance_sessions for w in series.weeks],
            RESISTANCE_SESSIONS,
            "Resistance sessions",
            "",
        ),
        (
            [w.intensity_sets for w in series.weeks],
            WEEKLY_SETS_PER_MUSCLE,
            "Hard sets per muscle group",
            "",
        ),
        ([w.zone2_minutes for w in series.weeks], ZONE2_WEEKLY_MINUTES, "Zone 2 minutes", " min"),
    ]
    height, gap, bottom = 0.2, 0.088, 0.085
    axes = []
    for i, (values, band, name, unit_label) in enumerate(panels):
        y = bottom + (len(panels) - 1 - i) * (height + gap)
        ax = figure.add_axes((0.09, y, 0.88, height))
        _bars(ax, weeks, values, band, name, unit_label)
        axes.append(ax)
    labels = _week_labels(weeks)
    for ax in axes:
        ax.set_xticks(range(len(weeks)))
        ax.set_xticklabels(labels if ax is axes[-1] else [""] * len(weeks))
    axes[-1].set_xlabel("week starting", fontsize=16, color=MUTED)
    figure.text(0.04, 0.95, title, fontsize=32, fontweight="bold", color=INK)
    figure.text(
        0.04,
        0.915,
        "Green bars are on target; the shaded band is the protocol.",
        fontsize=17,
        color=MUTED,
    )
    return _png(figure)


def zone2_chart(series: DoseSeries, title: str = "Zone 2, your last 12 weeks") -> bytes:
    """Return a PNG of weekly Zone 2 minutes against the article's 135–240."""
    figure = _figure()
    weeks = [w.week_start for w in series.weeks]
    ax = figure.add_axes((0.09, 0.12, 0.88, 0.7))
    values = [round(w.zone2_minutes) for w in series.weeks]
    _bars(ax, weeks, values, ZONE2_WEEKLY_MINUTES, "Zone 2 minutes", " min")
    ax.set_xticks(range(len(weeks)))
    ax.set_xticklabels(_week_labels(weeks))
    ax.set_xlabel("week starting", fontsize=16, color=MUTED)
    figure.text(0.04, 0.93, title, fontsize=32, fontweight="bold", color=INK)
    figure.text(
        0.04,
        0.885,
        "From your watch files: minutes in your zone; typed Zone 2 logs count whole.",
        fontsize=17,
        color=MUTED,
    )
    return _png(figure)
