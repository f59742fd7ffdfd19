"""Corpus-wide claims: every report of the same quantity, grouped by the event it counts, with
outlet, date, qualifier and attribution — reached with `t` on a figure in the reader.

The groups come from ``idlibtui.figure_table.claims_for`` (the grouping ``idlibtui figures
--by-period event`` and the comparison use). `Enter` opens the report at the figure's
sentence; `e` exports the event group under the cursor as Markdown and CSV evidence; `v`
toggles a chart of the same figures over time (``compare.chart``, drawn by textual-plot), whose
cursor (←/→) shows one report and opens it with Enter. Loading runs in a thread worker; all
cells are ``rich.text.Text`` and all chart text ``Content`` from ``tui.safe`` (never markup).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from idlibtui.compare.chart import Chart, ChartPoint, chart_of, day
from idlibtui.tui import safe as safe_text
from idlibtui.tui.safe import plain as safe
from idlibtui.tui.screens.reader import ReaderScreen
from idlibtui.tui.widgets.claim_chart import MARKERS, MIN_SIZE, ClaimChart


@dataclass(frozen=True, slots=True)
class Claim:
    """One row of the timeline: a figure of one report, in its event group ``group``."""

    date: dt.date | None
    source: str
    value: str
    qualifier: str
    attribution: str
    sentence: str
    article_id: str
    path: str
    inferred: bool = False
    group: int = 0
    event: str = ""
    verdict: str = ""
    what: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    article_date: dt.date | None = None


def claims_from_groups(groups: list) -> list[Claim]:
    """Flatten ``EventRows`` groups into timeline rows (the group index kept on each)."""
    claims: list[Claim] = []
    for index, group in enumerate(groups):
        for row in group.rows:
            f = row.figure
            claims.append(
                Claim(
                    row.when,
                    row.source,
                    row.value_text(qualifier=False) or f.text,
                    f.qualifier,
                    f.attribution,
                    row.sentence,
                    row.article_id,
                    row.path,
                    row.date_inferred and row.when == row.article_date,
                    index,
                    group.label,
                    group.verdict,
                    group.what,
                    f.sentence_start,
                    f.sentence_end,
                    row.article_date,
                )
            )
    return claims


def load_claims(app: Any, settings: Any, what: str, figure: Any = None) -> tuple[list, str]:
    """The event groups for ``figure`` (or ``what``) and an error (call from a thread)."""
    index = getattr(app, "index", None)
    try:
        if index is None or not hasattr(index, "iter_documents"):
            from idlibtui.search import open_index

            index = open_index(Path(settings.index))
        from idlibtui.figure_table import claims_for

        return claims_for(index, what, figure), ""
    except Exception as error:
        return [], f"{type(error).__name__}: {error}"


class ClaimsLoaded(Message):
    def __init__(self, groups: list, error: str) -> None:
        super().__init__()
        self.groups = groups
        self.error = error


class ReaderAt(ReaderScreen):
    """The reader, opened with one span (a claim's sentence) emphasised and in view."""

    def __init__(self, *args: Any, span: tuple[int, int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.span = span

    def show_article(self, article: Any) -> None:
        super().show_article(article)
        if self.span is not None and self.span[1] > self.span[0]:
            start, end = self.span
            span = (max(0, start), min(end, len(article.text)))
            self.view.focus_span(*span)
            # again once the view has its size: before layout it cannot scroll to the span
            self.call_after_refresh(self.view.focus_span, *span)


_SLUG = re.compile(r"[^a-z0-9]+")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class ClaimsScreen(Screen):
    """Every report of one quantity across the corpus, event by event."""

    HELP_TITLE: ClassVar[str] = "Claims timeline"

    DEFAULT_CSS = """
    ClaimsScreen {
        #claims-header { height: auto; padding: 0 1; background: $panel; }
        #claims-table { height: 1fr; }
        #claims-chart-view { height: 1fr; display: none; }
        &.chart #claims-chart-view { display: block; }
        &.chart #claims-table { display: none; }
        #claims-chart { height: 1fr; min-height: 6; }
        #chart-legend { height: auto; max-height: 3; padding: 0 1; }
        #chart-detail { height: 3; padding: 0 1; background: $boost; text-wrap: nowrap;
                        text-overflow: ellipsis; }
        #chart-narrow { height: 1fr; content-align: center middle; color: $text-warning;
                        display: none; }
        &.narrow #chart-narrow { display: block; }
        &.narrow #claims-chart, &.narrow #chart-legend, &.narrow #chart-detail { display: none; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="claims.back"),
        Binding("e", "export", "Export group", id="claims.export"),
        Binding("v", "toggle_chart", "Chart/table", id="claims.chart"),
        Binding("y", "copy", "Copy", id="claims.copy"),
    ]

    def __init__(
        self,
        what: str,
        settings: Any = None,
        *,
        figure: Any = None,
        export_dir: str | Path | None = None,
    ) -> None:
        super().__init__()
        self.what = what
        self.settings = settings
        self.figure = figure
        self.export_dir = Path(export_dir) if export_dir is not None else None
        self.groups: list = []
        self.claims: list[Claim] = []
        self.error = ""
        self.exported: list[Path] = []
        self.chart = Chart((), (), False)

    def compose(self) -> ComposeResult:
        yield Static(self._header("loading…"), id="claims-header")
        yield DataTable(id="claims-table", cursor_type="row", zebra_stripes=True)
        with Vertical(id="claims-chart-view"):
            yield ClaimChart(id="claims-chart")
            yield Static(id="chart-legend")
            yield Static(id="chart-detail")
            yield Static(id="chart-narrow")
        yield Footer()

    def _header(self, note: str) -> Content:
        following: list[tuple[str, str]] = []
        text = getattr(self.figure, "text", "") if self.figure is not None else ""
        if text:  # which figure of the reader the timeline follows
            following = [("  following ", "$text-muted"), (f"“{safe(text)}”", "bold")]
        return Content.assemble(
            ("Claims: ", "bold"),
            (safe(self.what), "bold $text-warning"),
            *following,
            ("  " + safe(note), "$text-muted"),
        )

    def action_copy(self) -> None:
        """Copy the claim under the cursor (of the chart, when it shows) as a citation:
        sentence, outlet, date and its kind."""
        claim = self.current()
        if self.has_class("chart"):
            point = self.query_one(ClaimChart).point
            if point is not None and 0 <= point.index < len(self.claims):
                claim = self.claims[point.index]
        if claim is None:
            self.notify("No claim to copy.", markup=False)
            return
        when = claim.date.isoformat() if claim.date else "undated"
        if claim.date and claim.inferred:
            when += " (inferred)"
        qualifier = f"{claim.qualifier} " if claim.qualifier else ""
        citation = (
            f"“{safe(claim.sentence)}” — {safe(claim.source) or 'unknown outlet'}, {when}; "
            f"{qualifier}{safe(claim.value)} {safe(claim.what)}"
        )
        self.app.copy_to_clipboard(citation)
        self.notify(f"Copied: {citation[:90]}", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            "event", "reports say", "date", "outlet", "value", "qualifier", "said by", "sentence"
        )
        table.focus()
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.load()

    def _theme_changed(self) -> None:
        """The chart's outlet colours come from the theme: draw them again in the new one."""
        if self.chart.points:
            self.query_one(ClaimChart).redraw()
            self._legend()

    @work(thread=True, exclusive=True, group="claims")
    def load(self) -> None:
        groups, error = load_claims(self.app, self.settings, self.what, self.figure)
        self.post_message(ClaimsLoaded(groups, error))

    @on(ClaimsLoaded)
    def _loaded(self, message: ClaimsLoaded) -> None:
        self.groups, self.error = message.groups, message.error
        self.claims = claims_from_groups(self.groups)
        self.chart = chart_of(self.groups)
        self.query_one(ClaimChart).show(self.chart)
        self._legend()
        table = self.query_one(DataTable)
        table.clear()
        previous = -1
        for index, claim in enumerate(self.claims):
            date = claim.date.isoformat() if claim.date else "undated"
            sentence = _clip(safe(claim.sentence), 90)
            event, verdict = Text(""), Text("")
            if claim.group != previous:
                previous = claim.group
                label = f"{claim.what} · {claim.event}" if claim.event else claim.what
                event = Text(_clip(safe(label), 40))
                if claim.verdict:
                    style = "bold red" if claim.verdict.startswith("differ") else "green"
                    verdict = Text(_clip(safe(claim.verdict), 34), style=style)
            table.add_row(
                event,
                verdict,
                Text(date + (" ~" if claim.inferred else "")),
                Text(safe(claim.source) or "—"),
                Text(safe(claim.value), style="bold"),
                Text(safe(claim.qualifier)),
                Text(safe(claim.attribution)),
                Text(sentence),
                key=str(index),
            )
        if self.error:
            note = f"cannot read the index: {self.error}"
        else:
            outlets = len({c.source for c in self.claims})
            note = (
                f"{len(self.claims)} figures from {outlets} outlets in {len(self.groups)} "
                "events (~ inferred date) · Enter opens the report · e exports the event"
            )
        self.query_one("#claims-header", Static).update(self._header(note))

    def current(self) -> Claim | None:
        table = self.query_one(DataTable)
        if not self.claims or table.cursor_row < 0:
            return None
        return self.claims[min(table.cursor_row, len(self.claims) - 1)]

    @on(DataTable.RowSelected, "#claims-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        try:
            self.open_claim(int(str(event.row_key.value)))
        except ValueError:
            return

    def open_claim(self, index: int) -> None:
        """Open the report of timeline row ``index`` at its sentence."""
        if not 0 <= index < len(self.claims):
            return
        claim = self.claims[index]
        path = claim.path
        search_index = getattr(self.app, "index", None)
        if not path and search_index is not None:
            try:
                path = str((search_index.get(claim.article_id) or {}).get("path", ""))
            except Exception:
                path = ""
        if not path:
            self.notify("That article is no longer in the index.", markup=False)
            return
        span = (claim.sentence_start, claim.sentence_end)
        self.app.push_screen(ReaderAt(claim.article_id, path, "", self.settings, span=span))

    def action_export(self) -> None:
        """Write the event group under the cursor as Markdown and CSV evidence."""
        from idlibtui.figure_table import export_csv, export_markdown

        claim = self.current()
        if claim is None or not (0 <= claim.group < len(self.groups)):
            self.notify("No claims to export.", markup=False)
            return
        group = self.groups[claim.group]
        folder = self.export_dir or Path.cwd()
        slug = _SLUG.sub("-", f"{group.what} {group.label}".lower()).strip("-")[:60] or "claims"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            stem = folder / f"claims-{slug}"
            n = 1
            while stem.with_suffix(".md").exists() or stem.with_suffix(".csv").exists():
                n += 1
                stem = folder / f"claims-{slug}-{n}"
            md, csv_path = stem.with_suffix(".md"), stem.with_suffix(".csv")
            md.write_text(export_markdown(group), encoding="utf-8")
            csv_path.write_text(export_csv(group), encoding="utf-8", newline="")
        except OSError as error:
            self.notify(f"Cannot export: {safe(str(error))}", severity="error", markup=False)
            return
        self.exported = [md, csv_path]
        self.notify(f"Exported {len(group.rows)} claims to {safe(str(md))} and .csv", markup=False)

    # -- the chart -------------------------------------------------------------------------
    def action_toggle_chart(self) -> None:
        """Show the chart of the same figures (or the table again)."""
        self.toggle_class("chart")
        if self.has_class("chart"):
            self._fit()
            chart = self.query_one(ClaimChart)
            chart.focus()
            chart.redraw()
            self._detail(chart.point)
        else:
            table = self.query_one(DataTable)
            table.focus()
            point = self.query_one(ClaimChart).point
            if point is not None and point.index < table.row_count:
                table.move_cursor(row=point.index)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """A clear message instead of an unreadable chart when the terminal is too small."""
        width, height = self.size
        narrow = width < MIN_SIZE[0] or height < MIN_SIZE[1] + 10
        self.set_class(narrow, "narrow")
        if narrow:
            self.query_one("#chart-narrow", Static).update(
                safe_text.line(
                    f"The chart needs at least {MIN_SIZE[0]}×{MIN_SIZE[1] + 10} cells "
                    f"(now {width}×{height}): widen the terminal, or press v for the table.",
                )
            )

    def _legend(self) -> None:
        chart = self.query_one(ClaimChart)
        colours = chart.colours() if self.chart.series else []
        parts: list[Content] = []
        for name, colour in zip(self.chart.series, colours, strict=True):
            parts.append(safe_text.join([safe_text.line("● ", colour), safe_text.line(name)]))
        keys = Content.assemble(
            (
                f"{MARKERS[False, False]} dated  {MARKERS[False, True]} estimated date  ",
                "$text-muted",
            ),
            (f"{MARKERS[True, False]} differs", "$text-error"),
            ("  ─┼─ range  dim bar to top: at least", "$text-muted"),
        )
        scale = "log scale" if self.chart.log else "linear scale"
        undrawn = f" · {self.chart.undated} undated not drawn" if self.chart.undated else ""
        info = safe_text.line(f"  ({scale}{undrawn})", "$text-muted")
        legend = Content("\n").join(
            [safe_text.join(parts, "  ") if parts else Content(""), keys + info]
        )
        self.query_one("#chart-legend", Static).update(legend)

    def _detail(self, point: ChartPoint | None) -> None:
        if point is None:
            text = safe_text.line("No dated figures to draw.", "$text-muted")
        else:
            n = 1 + next((i for i, p in enumerate(self.chart.points) if p.index == point.index), 0)
            when = day(point.x_lo).isoformat()
            if point.x_hi > point.x_lo:
                when += f" to {day(point.x_hi).isoformat()}"
            value = f"{point.qualifier} {point.value_text}".strip()
            first = safe_text.join(
                [
                    safe_text.line(f"{n}/{len(self.chart.points)}  ", "$text-muted"),
                    safe_text.line(point.outlet, "bold"),
                    safe_text.line(f"  {point.date_kind} {when}  "),
                    safe_text.line(value, "bold $text-warning"),
                    safe_text.line(
                        "  differs from another report" if point.differ else "", "bold $text-error"
                    ),
                ]
            )
            second = safe_text.join(
                [
                    safe_text.line(point.title or point.article_id, "italic"),
                    safe_text.line(f"  · {point.what} · {point.event}", "$text-muted"),
                ]
            )
            third = safe_text.line(_clip(" ".join(point.sentence.split()), 400))
            text = Content("\n").join([first, second, third])
        self.query_one("#chart-detail", Static).update(text)

    @on(ClaimChart.Moved)
    def _moved(self, message: ClaimChart.Moved) -> None:
        self._detail(message.point)

    @on(ClaimChart.Opened)
    def _chart_open(self, message: ClaimChart.Opened) -> None:
        self.open_claim(message.point.index)

    def action_back(self) -> None:
        self.app.pop_screen()
