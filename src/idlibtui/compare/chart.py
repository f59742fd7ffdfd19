"""A claim over time as chart data: one point per report's figure, from the one grouping.

``chart_of(groups)`` turns the event groups of ``figure_table.group_by_event`` (what the claims
timeline and ``idlibtui figures`` show) into numbers a plot can draw: x is the event's date as
ordinal days (a range when the sentence dates a period), y the value with the interval the
figure allows ("dozens" is 24–99, "at least 50" is open above), one series per outlet, and a
``differ`` flag on each point that the comparison's verdict contradicts. The terminal chart and
the exported SVG/PNG both draw this, so they cannot disagree. No Textual here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from idlibtui.compare.events import INCREMENT, RUNNING
from idlibtui.compare.verdict import _LOWER_BOUNDS, DIFFER, _qualifier, allowed, judge
from idlibtui.model import Figure

LOG_SPAN = 100.0
"""Values spanning this factor or more are drawn on a log scale."""

MAX_SERIES = 8
"""Outlets beyond the most frequent ones share the series ``other outlets``."""

OTHER = "other outlets"
_JUDGED_KEYS = 120  # distinct values judged pairwise per event group; more are sampled


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One figure of one report, as plot numbers plus what a cursor shows about it.

    ``index`` is the row's position in the groups flattened in order (the claims timeline's
    row); ``x``/``x_lo``/``x_hi`` are ``date.toordinal()`` days; ``y_lo``..``y_hi`` is the
    interval the figure allows and ``open_top`` marks "at least"/"more than" (no upper bound).
    """

    index: int
    group: int
    series: int
    outlet: str
    x: float
    x_lo: float
    x_hi: float
    y: float
    y_lo: float
    y_hi: float
    open_top: bool
    vague: bool
    estimated: bool
    differ: bool
    date_kind: str
    value_text: str
    qualifier: str
    what: str
    event: str
    title: str
    sentence: str
    article_id: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The points (ordered by date, then value), the series names and the scale."""

    points: tuple[ChartPoint, ...]
    series: tuple[str, ...]
    log: bool
    undated: int = 0  # figures without a date or a number, not drawn
    y_top: float = 1.0  # where an open ("at least") bar ends

    @property
    def empty(self) -> bool:
        return not self.points


def day(ordinal: float) -> dt.date:
    """The date of an x value."""
    return dt.date.fromordinal(max(1, round(ordinal)))


def date_kind(when, estimated: bool) -> str:
    """How the x position was found, in a few words a reader understands."""
    if when.scope == RUNNING:
        kind = "running total as of"
    elif when.scope == INCREMENT:
        kind = "an addition on"
    elif when.undated:
        kind = "article date (sentence gives none)"
    elif when.lo != when.hi:
        kind = "period" if when.scope != "incident" else "event in a range"
    else:
        kind = "event date"
    return kind + (", estimated" if estimated else "")


def _key(f: Figure) -> tuple:
    return (f.value, f.value_max, f.vague, f.qualifier.lower(), f.text.lower() if f.vague else "")


def _differing(rows: Sequence, verdict: str) -> set[int]:
    """Positions of the rows some other report's figure differs from (the comparison's judge)."""
    if not verdict.startswith(DIFFER) or len(rows) < 2:
        return set()
    by_key: dict[tuple, list[int]] = {}
    figure_of: dict[tuple, Figure] = {}
    articles: dict[tuple, set[str]] = {}
    for i, r in enumerate(rows):
        k = _key(r.figure)
        by_key.setdefault(k, []).append(i)
        figure_of.setdefault(k, r.figure)
        articles.setdefault(k, set()).add(r.article_id)
    keys = list(by_key)
    others = keys
    if len(keys) > _JUDGED_KEYS:  # many distinct values: judge against an even sample
        ordered = sorted(keys, key=lambda k: figure_of[k].value or 0.0)
        step = len(ordered) / _JUDGED_KEYS
        others = [ordered[int(i * step)] for i in range(_JUDGED_KEYS)]
    bad: set[tuple] = set()
    for a in keys:
        for b in others:
            if a == b or (articles[a] == articles[b] and len(articles[a]) == 1):
                continue
            if judge(figure_of[a], figure_of[b]).relation == DIFFER:
                bad.add(a)
                break
    return {i for k in bad for i in by_key[k]}


def _y_interval(f: Figure) -> tuple[float, float, bool] | None:
    bounds = allowed(f)
    if bounds is None:
        return None
    lo, hi, _why = bounds
    q = _qualifier(f)
    open_top = q is not None and q[0] in _LOWER_BOUNDS
    if open_top:
        lo = float(f.value or lo)
        hi = lo
    return lo, hi, open_top


def chart_of(groups: Sequence) -> Chart:
    """Chart data from event groups (``EventRows``: ``what``, ``label``, ``verdict``, ``rows``)."""
    raw: list[tuple] = []
    undated = 0
    index = -1
    for g, group in enumerate(groups):
        differ = _differing(group.rows, getattr(group, "verdict", ""))
        for i, row in enumerate(group.rows):
            index += 1
            claim = getattr(row, "claim", None)
            when = claim.when if claim is not None else None
            interval = _y_interval(row.figure)
            if when is None or not when.known or interval is None:
                undated += 1
                continue
            lo, hi = when.lo.toordinal(), when.hi.toordinal()
            estimated = bool(when.undated and row.date_inferred)
            y_lo, y_hi, open_top = interval
            y = float(row.figure.value) if row.figure.value is not None else (y_lo + y_hi) / 2
            if row.figure.vague:
                y = math.sqrt(max(y_lo, 1e-9) * max(y_hi, 1e-9))
            raw.append(
                (
                    index,
                    g,
                    row,
                    group,
                    when,
                    lo,
                    hi,
                    estimated,
                    y,
                    y_lo,
                    y_hi,
                    open_top,
                    i in differ,
                )
            )
    counts = Counter(r[2].source or "unknown outlet" for r in raw)
    named = [name for name, _n in counts.most_common(MAX_SERIES)]
    if len(counts) > MAX_SERIES:
        named = named[: MAX_SERIES - 1]
    series = [*named, OTHER] if len(counts) > len(named) else named
    points: list[ChartPoint] = []
    for index, g, row, group, when, lo, hi, estimated, y, y_lo, y_hi, open_top, dif in raw:
        outlet = row.source or "unknown outlet"
        s = named.index(outlet) if outlet in named else len(series) - 1
        f = row.figure
        points.append(
            ChartPoint(
                index=index,
                group=g,
                series=s,
                outlet=outlet,
                x=(lo + hi) / 2,
                x_lo=float(lo),
                x_hi=float(hi),
                y=y,
                y_lo=y_lo,
                y_hi=y_hi,
                open_top=open_top,
                vague=f.vague,
                estimated=estimated,
                differ=dif,
                date_kind=date_kind(when, estimated),
                value_text=row.value_text(qualifier=False) or f.text,
                qualifier=f.qualifier,
                what=group.what,
                event=group.label,
                title=getattr(row, "title", ""),
                sentence=row.sentence,
                article_id=row.article_id,
            )
        )
    points.sort(key=lambda p: (p.x, p.y, p.series, p.index))
    positive = [v for p in points for v in (p.y_lo, p.y_hi) if v > 0]
    log = bool(positive) and max(positive) / min(positive) >= LOG_SPAN
    top = max((p.y_hi for p in points), default=1.0)
    y_top = top * (3.0 if log else 1.25) if top > 0 else 1.0
    return Chart(tuple(points), tuple(series), log, undated, y_top)


class Grid:
    """Maps chart values to the cells of a ``columns``×``rows`` plot (y as log10 on a log chart)."""

    def __init__(self, points: Sequence[ChartPoint], columns: int, rows: int, log: bool) -> None:
        self.log = log
        self.columns, self.rows = max(1, columns - 1), max(1, rows - 1)
        xs = [v for p in points for v in (p.x_lo, p.x_hi)] or [0.0]
        ys = [self.y(v) for p in points for v in (p.y_lo, p.y_hi)] or [0.0]
        self.x0, self.xspan = min(xs), (max(xs) - min(xs)) or 1.0
        self.y0, self.yspan = min(ys), (max(ys) - min(ys)) or 1.0

    def y(self, value: float) -> float:
        return math.log10(max(value, 1e-9)) if self.log else value

    def col(self, x: float) -> int:
        return int((x - self.x0) / self.xspan * self.columns)

    def row(self, y: float) -> int:
        return int((self.y(y) - self.y0) / self.yspan * self.rows)


def thinned(
    points: Sequence[ChartPoint], columns: int, rows: int, log: bool = False
) -> list[ChartPoint]:
    """The points a terminal can show of thousands: one marker per cell of a
    ``columns``×``rows`` plot (a point that differs wins its cell, then the first by date)."""
    grid = Grid(points, columns, rows, log)
    seen: set[tuple[int, int]] = set()
    out = []
    for p in sorted(points, key=lambda p: not p.differ):
        cell = (grid.col(p.x), grid.row(p.y))
        if cell not in seen:
            seen.add(cell)
            out.append(p)
    return out


def thinned_bars(
    points: Sequence[ChartPoint], columns: int, rows: int, log: bool = False
) -> list[ChartPoint]:
    """The points with a range, an interval or an open top, one per distinct bar on the
    ``columns``×``rows`` plot and series (the same bar drawn twice shows nothing more)."""
    grid = Grid(points, columns, rows, log)
    seen: set[tuple] = set()
    out = []
    for p in points:
        if not (p.x_hi > p.x_lo or p.y_hi > p.y_lo or p.open_top):
            continue
        key = (
            p.series,
            p.open_top,
            grid.col(p.x_lo),
            grid.col(p.x_hi),
            grid.row(p.y),
            grid.row(p.y_lo),
            grid.row(p.y_hi),
            grid.col(p.x),
        )
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
