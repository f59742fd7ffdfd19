"""The claims chart: every report's figure for one quantity on a time axis (textual-plot).

Draws a ``compare.chart.Chart`` (numbers only: ordinal days, values, intervals) with
``textual_plot.PlotWidget``: ranges and intervals as error bars, "at least" as a bar open to
the top of the axis, one theme colour per outlet, ``◆`` for points the comparison says
differ, hollow markers for estimated dates, and a cursor (``←``/``→``) on one point. Labels
on the plot are dates and numbers we format; outlet names and sentences are shown only in
the legend and detail lines, through ``tui.safe`` (never markup).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import ClassVar

import numpy as np
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual_plot import AxisFormatter, PlotWidget

from idlibtui.compare.chart import Chart, ChartPoint, day, thinned, thinned_bars

MARKERS = {(False, False): "●", (False, True): "○", (True, False): "◆", (True, True): "◇"}
"""Marker by (differ, estimated date)."""

CURSOR = "◉"
REDRAW_DELAY = 0.04
MIN_SIZE = (60, 8)
"""The smallest plot area (columns, rows) worth drawing."""


def compact(value: float) -> str:
    """``1.2M``, ``300k``, ``45``: tick labels that fit a 7-column margin."""
    a = abs(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= size:
            text = f"{value / size:.1f}".rstrip("0").rstrip(".")
            return text + suffix
    return (
        f"{value:.1f}".rstrip("0").rstrip(".") if a < 10 and value != int(value) else f"{value:.0f}"
    )


class DateAxis(AxisFormatter):
    """Ticks on days, weeks, months or years of ordinal-day x values."""

    STEPS: ClassVar[tuple[int, ...]] = (1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826)

    def get_ticks(self, min_: float, max_: float, max_ticks: int = 8) -> list[float]:
        span = max(1.0, max_ - min_)
        limit = max(2, min(max_ticks, 6))
        step = next((s for s in self.STEPS if span / s <= limit), self.STEPS[-1])
        lo, hi = day(min_), day(max_)
        ticks: list[float] = []
        if step >= 365:
            years = step // 365
            for y in range(lo.year, hi.year + 2):
                if y % years == 0:
                    ticks.append(dt.date(y, 1, 1).toordinal())
        elif step >= 30:
            months = step // 30
            d = dt.date(lo.year, lo.month, 1)
            while d <= hi:
                if (d.month - 1) % months == 0:
                    ticks.append(d.toordinal())
                d = (d + dt.timedelta(days=32)).replace(day=1)
        else:
            start = math.ceil(min_)
            first = start + (-dt.date.fromordinal(start).weekday() % 7 if step >= 7 else 0)
            ticks = [float(t) for t in range(first, math.floor(max_) + 1, step)]
        self._step = step
        return [t for t in ticks if min_ <= t <= max_]

    def get_labels_for_ticks(self, ticks: Sequence[float]) -> list[str]:
        step = getattr(self, "_step", 1)
        fmt = "%Y" if step >= 365 else "%Y-%m" if step >= 30 else "%m-%d"
        return [day(t).strftime(fmt) for t in ticks]


class ValueAxis(AxisFormatter):
    """Values in compact form; on a log scale the ticks are powers of ten (y is log10)."""

    def __init__(self, log: bool) -> None:
        self.log = log

    def get_ticks(self, min_: float, max_: float, max_ticks: int = 8) -> list[float]:
        if self.log:
            ticks = [float(k) for k in range(math.ceil(min_), math.floor(max_) + 1)]
            if len(ticks) < 3:
                extra = [
                    k + math.log10(m)
                    for k in range(math.floor(min_), math.ceil(max_) + 1)
                    for m in (2, 5)
                ]
                ticks = sorted({*ticks, *(t for t in extra if min_ <= t <= max_)})
            return ticks
        span = max_ - min_ or 1.0
        raw = span / max(2, min(max_ticks, 6))
        mag = 10 ** math.floor(math.log10(raw))
        step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
        first = math.ceil(min_ / step) * step
        return [first + i * step for i in range(int((max_ - first) / step) + 1)]

    def get_labels_for_ticks(self, ticks: Sequence[float]) -> list[str]:
        return [compact(10**t if self.log else t) for t in ticks]


class ClaimChart(PlotWidget, inherit_bindings=False):
    """The chart of one claim: a cursor moves along the points, Enter opens the report."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Prev", id="chart.prev"),
        Binding("right", "move(1)", "Next", id="chart.next"),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "open", "Open", id="chart.open"),
    ]

    class Moved(Message):
        """The cursor is on ``point`` (None: nothing to show)."""

        def __init__(self, point: ChartPoint | None) -> None:
            super().__init__()
            self.point = point

    class Opened(Message):
        def __init__(self, point: ChartPoint) -> None:
            super().__init__()
            self.point = point

    DEFAULT_CSS = """
    ClaimChart {
        & > .plot--axis { color: $foreground 45%; }
        &:focus > .plot--axis { color: $foreground 60%; }
        & > .plot--tick { color: $text-muted; text-style: none; }
        & > .plot--label { color: $text-muted; text-style: none; }
    }
    """

    margin_top = reactive(1)
    margin_bottom = reactive(1)
    margin_left = reactive(7)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, allow_pan_and_zoom=False)
        self.chart = Chart((), (), False)
        self.cursor = 0
        self._pending: Timer | None = None
        self.drawn = 0  # how many points the last draw put on the plot (after thinning)

    # -- data ------------------------------------------------------------------------------
    def show(self, chart: Chart) -> None:
        self.chart = chart
        self.cursor = min(self.cursor, max(0, len(chart.points) - 1))
        self.set_x_formatter(DateAxis())
        self.set_y_formatter(ValueAxis(chart.log))
        self.redraw()
        self.post_message(self.Moved(self.point))

    @property
    def point(self) -> ChartPoint | None:
        points = self.chart.points
        return points[self.cursor] if points else None

    def colours(self) -> list[str]:
        """One colour per series from the current theme (the last, "other", is muted)."""
        theme = self.app.current_theme
        base = [theme.primary, theme.accent, theme.warning, theme.success, theme.secondary]
        out: list[str] = []
        for shade in (0.0, 0.25, -0.2):
            for c in base:
                if c is None:
                    continue
                colour = Color.parse(c)
                colour = colour.lighten(shade) if shade > 0 else colour.darken(-shade)
                if colour.hex not in out:  # themes reuse a colour (accent = warning)
                    out.append(colour.hex)
        names = self.chart.series
        colours = [out[i % len(out)] for i in range(len(names))]
        if names and names[-1] == "other outlets":
            colours[-1] = Color.parse(theme.foreground or "#888888").darken(0.35).hex
        return colours

    def _y(self, values: np.ndarray) -> np.ndarray:
        return np.log10(np.maximum(values, 1e-9)) if self.chart.log else values

    def redraw(self) -> None:
        self.clear()
        points = self.chart.points
        if not points:
            self.drawn = 0
            return
        width = max(10, self.size.width - self.margin_left)
        height = max(4, self.size.height - self.margin_top - self.margin_bottom)
        shown = thinned(points, width, height, self.chart.log)
        bars = thinned_bars(points, width, height, self.chart.log)
        self.drawn = len(shown)
        colours = self.colours()
        x_lo = min(p.x_lo for p in points)
        x_hi = max(p.x_hi for p in points)
        pad = max(1.0, (x_hi - x_lo) * 0.04)
        self.set_xlimits(x_lo - pad, x_hi + pad)
        y_bottom = min(p.y_lo for p in points)
        top = self.chart.y_top
        if self.chart.log:
            self.set_ylimits(math.log10(max(y_bottom, 1e-9)) - 0.3, math.log10(top))
        else:
            self.set_ylimits(min(0.0, y_bottom), top)
        cur = self.point
        if cur is not None:  # a faint guide under the cursor, drawn before the points
            y0, y1 = self._y_min_max()
            guide = Color.parse(self.app.current_theme.accent or "#ffa62b").darken(0.35).hex
            self.errorbar(x=[cur.x], y=[(y0 + y1) / 2], yerr=[(y1 - y0) / 2], marker_style=guide)
        for s, colour in enumerate(colours):
            mine = [p for p in shown if p.series == s]
            self._bars([p for p in bars if p.series == s and not p.open_top], colour, top)
            self._bars([p for p in bars if p.series == s and p.open_top], f"dim {colour}", top)
            for (differ, estimated), marker in MARKERS.items():
                group = [p for p in mine if p.differ == differ and p.estimated == estimated]
                if group:
                    self.scatter(
                        x=[p.x for p in group],
                        y=self._y(np.array([p.y for p in group])),
                        marker=marker,
                        marker_style=f"bold {colour}",
                    )
        cur = self.point
        if cur is not None:
            self.scatter(
                x=[cur.x],
                y=self._y(np.array([cur.y])),
                marker=CURSOR,
                marker_style=f"bold reverse {colours[cur.series]}",
            )

    def _bars(self, bars: list[ChartPoint], style: str, top: float) -> None:
        """Date ranges and value intervals as error bars; "at least" runs to the axis top."""
        if not bars:
            return
        lo = self._y(np.array([p.y_lo for p in bars]))
        hi = self._y(np.array([top if p.open_top else p.y_hi for p in bars]))
        self.errorbar(
            x=[(p.x_lo + p.x_hi) / 2 for p in bars],
            y=(lo + hi) / 2,
            xerr=[(p.x_hi - p.x_lo) / 2 for p in bars],
            yerr=(hi - lo) / 2,
            marker_style=style,
        )

    def _y_min_max(self) -> tuple[float, float]:
        return self._user_y_min or 0.0, self._user_y_max or 1.0

    def on_resize(self) -> None:
        if self.chart.points:
            self.redraw()

    # -- cursor ----------------------------------------------------------------------------
    def _go(self, index: int) -> None:
        if not self.chart.points:
            return
        index = max(0, min(index, len(self.chart.points) - 1))
        if index != self.cursor:
            self.cursor = index
            self._redraw_soon()
        self.post_message(self.Moved(self.point))

    def _redraw_soon(self) -> None:
        """Redraw once for a burst of cursor keys (a held arrow): the detail line follows every
        key at once, the plot (~0.1 s at 2,000 points) catches up when the keys pause."""
        if self._pending is None:
            self._pending = self.set_timer(REDRAW_DELAY, self._redraw_pending)

    def _redraw_pending(self) -> None:
        self._pending = None
        self.redraw()

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step)

    def action_first(self) -> None:
        self._go(0)

    def action_last(self) -> None:
        self._go(len(self.chart.points) - 1)

    def action_open(self) -> None:
        if self.point is not None:
            self.post_message(self.Opened(self.point))
