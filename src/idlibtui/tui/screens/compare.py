"""Two articles side by side: aligned passages, shared entities, figures that disagree.

Both articles are loaded and compared (``idlibtui.compare.compare_articles``) in a thread worker
that only posts ``ComparisonReady``. Each pane is a full ``ArticleView`` (layers, ``n``/``N``);
the figure table below sets the two articles' figures against each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static

from idlibtui.model import Article, IngestProblem
from idlibtui.tui.article_load import load
from idlibtui.tui.article_spans import match_counter
from idlibtui.tui.compare_view import (
    PassageMap,
    Span,
    Target,
    compare,
    compare_marks,
    discrepancy_targets,
    edit_spans,
    passage_in_view,
    passage_note,
    sentence_of,
    status_parts,
)
from idlibtui.tui.messages import ComparisonReady
from idlibtui.tui.safe import plain as safe
from idlibtui.tui.widgets.article_view import ArticleView
from idlibtui.tui.widgets.compare_pane import ComparePane, pane_header
from idlibtui.tui.widgets.figure_table import FigureTable
from idlibtui.tui.widgets.footer import FitFooter

COMPARE_HELP = """\
Marks: underlined entities appear in both articles; a red background marks figures that
disagree between aligned sentences (or figure groups that differ); dimmed sentences are said by
one side only; the chosen passage has a tinted background on both sides, with its word-level
edits in a second tint.
Enter acts on the passage at the cursor (the chosen passage while it is in view, else the first
one in view): both panes scroll so the pair is fully in view, level with each other, its
word-level edits are marked and listed in the status line (235,000 → 250,000). } and { move the
cursor to the next or previous passage; a click on a sentence chooses it."""


class CompareScreen(Screen):
    """Two articles side by side with their figures set against each other."""

    HELP_TITLE: ClassVar[str] = "Compare"
    HELP_NOTES: ClassVar[str] = COMPARE_HELP

    DEFAULT_CSS = """
    CompareScreen {
        layout: vertical;
        #panes { height: 1fr; }
        .pane { width: 1fr; height: 1fr; }
        #right-pane { border-left: vkey $panel-lighten-2; }
        .pane-header {
            height: 2; padding: 0 1; background: $panel;
            text-wrap: nowrap; text-overflow: ellipsis;
        }
        .pane:focus-within .pane-header { background: $primary-muted; }
        .pane ArticleView { height: 1fr; }
        #compare-status { height: auto; max-height: 2; padding: 0 1; background: $panel; }
        FigureTable { height: 30%; min-height: 4; max-height: 12; }
    }
    """

    FOOTER_PRIORITY: ClassVar[tuple[str, ...]] = (
        "compare.back",
        "compare.choose_passage",
        "compare.next_discrepancy",
        "compare.swap",
        "compare.sync",
        "compare.copy",
        "compare.export",  # also in the command palette
        "compare.next_pane",
        "article.next_match",
    )
    FOOTER_SHORT: ClassVar[dict[str, str]] = {
        "compare.choose_passage": "Passage",
        "compare.sync": "Sync",
        "compare.next_pane": "Pane",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose_passage", "Match passage", id="compare.choose_passage"),
        Binding(
            "right_square_bracket",
            "discrepancy(1)",
            "Discrepancy",
            id="compare.next_discrepancy",
        ),
        Binding(
            "left_square_bracket",
            "discrepancy(-1)",
            "Previous discrepancy",
            show=False,
            id="compare.previous_discrepancy",
        ),
        Binding(
            "right_curly_bracket",
            "step_passage(1)",
            "Next passage",
            show=False,
            id="compare.next_passage",
        ),
        Binding(
            "left_curly_bracket",
            "step_passage(-1)",
            "Previous passage",
            show=False,
            id="compare.previous_passage",
        ),
        Binding("S", "toggle_sync", "Sync scroll", id="compare.sync"),
        Binding("w", "swap", "Swap", id="compare.swap"),
        Binding("y", "copy", "Copy", id="compare.copy"),
        Binding("E", "export", "Export", id="compare.export"),
        Binding("tab", "switch_pane(1)", "Next pane", id="compare.next_pane"),
        Binding(
            "shift+tab", "switch_pane(-1)", "Previous pane", show=False, id="compare.previous_pane"
        ),
        Binding("escape,q", "back", "Back", id="compare.back"),
    ]

    def __init__(
        self,
        left_path: str | Path,
        right_path: str | Path,
        settings: Any = None,
        query: str = "",
        *,
        left_article: Article | None = None,
        right_article: Article | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name=name)
        self.left_path = str(left_path)
        self.right_path = str(right_path)
        self.settings = settings
        self.query_text = query
        self.left: Article | IngestProblem | None = left_article
        self.right: Article | IngestProblem | None = right_article
        self.comparison: Any = None
        self.error = ""
        self.sync = False
        self.passages = PassageMap(None)
        self.targets: list[Target] = []
        self.target_index: int | None = None
        self.passage: int | None = None
        self._generation = 0
        self._last_pane = "left"
        self._pending_anchor: dict[str, int] | None = None
        self._status_note = ""

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left-pane", classes="pane"):
                yield Static(
                    pane_header(None, self.left_path, ""), classes="pane-header", id="left-header"
                )
                yield ComparePane(id="left", placeholder="loading…")
            with Vertical(id="right-pane", classes="pane"):
                yield Static(
                    pane_header(None, self.right_path, ""), classes="pane-header", id="right-header"
                )
                yield ComparePane(id="right", placeholder="loading…")
        yield Static(Content("comparing…"), id="compare-status")
        yield FigureTable(id="figure-table")
        yield FitFooter()

    def pane(self, side: str) -> ArticleView:
        return self.query_one(f"#{side}", ArticleView)

    @property
    def table(self) -> FigureTable:
        return self.query_one("#figure-table", FigureTable)

    def on_mount(self) -> None:
        self.pane("left").focus()
        self.run_comparison(reload=False)

    # -- the worker -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare")
    def run_comparison(self, reload: bool = True) -> None:
        generation = self._generation
        left = self.left if not reload and self.left is not None else None
        right = self.right if not reload and self.right is not None else None
        if left is None:
            left = load(self.left_path, self.settings)
        if right is None:
            right = load(self.right_path, self.settings)
        comparison, error = None, ""
        if isinstance(left, Article) and isinstance(right, Article):
            comparison, error = compare(left, right)
        self.post_message(ComparisonReady(left, right, comparison, error, generation))

    @on(ComparisonReady)
    def _ready(self, message: ComparisonReady) -> None:
        if message.generation != self._generation:
            return
        anchors, self._pending_anchor = self._pending_anchor, None
        self.left, self.right = message.left, message.right
        self.comparison, self.error = message.comparison, message.error
        for side, article in (("left", self.left), ("right", self.right)):
            view = self.pane(side)
            if isinstance(article, Article):
                view.set_article(article)
                if self.query_text:
                    view.set_query(self.query_text)
                if anchors:
                    view.scroll_to_offset(anchors.get(side, 0), top=True)
            else:
                view.set_article(None)
                view.set_placeholder(
                    f"This file cannot be read as an article: {safe(article.reason)}"
                )
        self.passages = PassageMap(self.comparison)
        self.targets = discrepancy_targets(self.comparison)
        self.target_index = None
        self.passage = None
        self._apply_marks()
        self.table.set_groups(self.comparison.figures if self.comparison is not None else [])
        self._refresh_headers()
        self._refresh_status()

    def _articles(self) -> tuple[Article, Article] | None:
        if isinstance(self.left, Article) and isinstance(self.right, Article):
            return self.left, self.right
        return None

    def _apply_marks(self) -> None:
        pair = self._articles()
        if pair is None:
            return
        marks = compare_marks(self.comparison, *pair)
        for side in ("left", "right"):
            view = self.pane(side)
            for kind, spans in marks[side].items():
                view.set_marks(kind, spans)

    def _refresh_headers(self) -> None:
        for side, article, path in (
            ("left", self.left, self.left_path),
            ("right", self.right, self.right_path),
        ):
            view = self.pane(side)
            counter = (
                match_counter(view.current_match, view.match_count) if view.match_count else ""
            )
            narrow = 0 < self.size.width < 100
            self.query_one(f"#{side}-header", Static).update(
                pane_header(article, path, counter, narrow=narrow)
            )

    def on_resize(self) -> None:
        # The summary and the pane headers have shorter forms when narrow.
        self._refresh_status(self._status_note)
        self._refresh_headers()

    def _refresh_status(self, note: str = "") -> None:
        self._status_note = note
        status = self.query_one("#compare-status", Static)
        if self.comparison is None:
            text = self.error or ("comparing…" if self.left is None else "no comparison")
            status.update(Content.assemble((safe(text), "$text-muted")))
            return
        narrow = bool(self.size.width) and self.size.width < 100
        shown = safe(note) if note else None
        parts = status_parts(
            self.comparison, len(self.targets), self.sync, narrow=narrow, note=shown
        )
        status.update(Content.assemble(*parts))

    # -- messages from the panes ------------------------------------------------------------------

    def _side_of(self, view: ArticleView) -> str:
        return "left" if view.id == "left" else "right"

    @on(ArticleView.MatchChanged)
    def _match_changed(self, message: ArticleView.MatchChanged) -> None:
        self._refresh_headers()

    @on(ArticleView.Scrolled)
    def _scrolled(self, message: ArticleView.Scrolled) -> None:
        if not self.sync or self.comparison is None:
            return
        side = self._side_of(message.view)
        other = "right" if side == "left" else "left"
        articles = {"left": self.left, "right": self.right}
        mine, theirs = articles[side], articles[other]
        if not isinstance(theirs, Article) or not isinstance(mine, Article):
            return
        target = self.passages.map_offset(side, message.offset, len(mine.text), len(theirs.text))
        self.pane(other).scroll_to_offset(target, top=True, quiet=True)

    @on(ArticleView.OffsetChosen)
    def _offset_chosen(self, message: ArticleView.OffsetChosen) -> None:
        side = self._side_of(message.view)
        self._last_pane = side
        pair = self.passages.pair_at(side, message.offset)
        if pair is not None:
            self.choose_pair(pair, side)

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, ArticleView):
            self._last_pane = self._side_of(event.widget)

    @on(DataTable.RowSelected, "#figure-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        group = self.table.group_at(event.row_key)
        if group is not None:
            self.show_group(group)

    # -- navigation -------------------------------------------------------------------------------

    def choose_pair(self, pair_index: int, side: str) -> None:
        """Put the passage cursor on one aligned pair: tint it on both sides, mark its
        word-level edits, and scroll both panes so the whole pair is in view, side by side."""
        if not 0 <= pair_index < len(self.passages.pairs):
            return
        self.passage = pair_index
        pair = self.passages.pairs[pair_index]
        self._highlight(pair.left_span, pair.right_span, scroll_source=side, pair=pair)
        articles = self._articles()
        texts = (articles[0].text, articles[1].text) if articles is not None else None
        note = passage_note(self.passages, pair_index, texts)
        self._refresh_status(note)

    def _highlight(
        self,
        left: Span | None,
        right: Span | None,
        scroll_source: str = "",
        pair: Any = None,
    ) -> None:
        """Tint one passage on each side (and mark its word-level edits), bring both in view."""
        for side, span in (("left", left), ("right", right)):
            view = self.pane(side)
            view.set_marks("passage", [span] if span else [])
            view.set_marks("diff", edit_spans(pair, side))
        self._show_pair(left, right, scroll_source or self._last_pane)

    def _show_pair(self, left: Span | None, right: Span | None, source: str) -> None:
        """Scroll so both spans are fully in view, the other side's level with ``source``'s."""
        other = "right" if source == "left" else "left"
        mine, theirs = (left, right) if source == "left" else (right, left)
        row = None
        if mine:
            row = self.pane(source).reveal(*mine)
        if theirs:
            self.pane(other).reveal(*theirs, at=row)

    def show_group(self, group: Any) -> None:
        """Show a figure group's figures and sentences on both sides."""
        left = [sentence_of(f) for f in group.left]
        right = [sentence_of(f) for f in group.right]
        for side, figures in (("left", group.left), ("right", group.right)):
            view = self.pane(side)
            view.set_marks("focus", [(f.start, f.end) for f in figures])
        self._highlight(left[0] if left else None, right[0] if right else None)
        for side, spans in (("left", left), ("right", right)):
            self.pane(side).set_marks("passage", spans)
        period = getattr(group.period, "label", "") if group.period is not None else ""
        self._refresh_status(
            f"{group.what or 'figures'} {period}: {group.relation.replace('_', ' ')}"
        )

    def passage_at_cursor(self, side: str) -> int | None:
        """The pair Enter acts on: the chosen passage while it is on screen, else the first
        passage that starts in view (or the one running into view from above)."""
        view = self.pane(side)
        if view.article is None:
            return None
        top, bottom = view.visible_range()
        return passage_in_view(self.passages, side, top, bottom, self.passage)

    def action_choose_passage(self) -> None:
        side = self._last_pane
        if self.comparison is None:
            self._say(self.error or "Still comparing the two articles…")
            return
        pair = self.passage_at_cursor(side)
        if pair is None:
            self._say("No aligned passage here.")
            return
        self.choose_pair(pair, side)

    def action_step_passage(self, step: int) -> None:
        """}/{: move the passage cursor to the next/previous passage of the focused pane."""
        side = self._last_pane
        if self.comparison is None:
            self._say(self.error or "Still comparing the two articles…")
            return
        here = self.passage_at_cursor(side)
        if here is None:
            self._say("No aligned passage here.")
            return
        # From the chosen passage, step; from elsewhere, the passage in view comes first.
        target = self.passages.next_on(side, here, step) if here == self.passage else here
        if target is None:
            self._say("No more passages this way." if step > 0 else "This is the first passage.")
            return
        self.choose_pair(target, side)

    def action_discrepancy(self, step: int) -> None:
        if self.comparison is None:
            self._say(self.error or "Still comparing the two articles…")
            return
        if not self.targets:
            self._refresh_status("no figure discrepancies between these articles")
            self._say("No figure discrepancies between these two articles.")
            return
        if self.target_index is None:
            index = 0 if step > 0 else len(self.targets) - 1
        else:
            index = (self.target_index + step) % len(self.targets)
        self.target_index = index
        target = self.targets[index]
        pair = self.passages.pairs[target.pair] if target.pair is not None else None
        self._highlight(target.left, target.right, pair=pair)
        if target.group is not None:
            self.table.move_cursor(row=target.group)
        self._refresh_status(f"discrepancy {index + 1}/{len(self.targets)}: {target.label}")

    def copy_lines(self) -> list[str]:
        """What `y` cites: the figure-table row under the cursor (table focused), else the
        chosen passage, else the passage at the cursor: one citation per side."""
        from idlibtui.cite import citation

        articles = self._articles()
        if articles is None or self.comparison is None:
            return []
        left, right = articles
        spans: tuple[Span | None, Span | None]
        if self.table.has_focus:
            group = self.table.group_at(self.table.cursor_row)
            if group is None:
                return []
            spans = (
                (group.left[0].start, group.left[0].end) if group.left else None,
                (group.right[0].start, group.right[0].end) if group.right else None,
            )
        else:
            pair_index = self.passage
            if pair_index is None:
                pair_index = self.passage_at_cursor(self._last_pane)
            if pair_index is None:
                return []
            pair = self.passages.pairs[pair_index]
            spans = (pair.left_span, pair.right_span)
        return [
            citation(article, *span)
            for article, span in zip((left, right), spans, strict=True)
            if span
        ]

    def action_copy(self) -> None:
        lines = self.copy_lines()
        if not lines:
            self._say(self.error or "Nothing to copy here yet.")
            return
        self.app.copy_to_clipboard("\n".join(lines))
        self._say(f"Copied {len(lines)} citation{'s' if len(lines) != 1 else ''}: {lines[0][:70]}…")

    def action_export(self) -> None:
        """E: write the comparison as a Markdown evidence note (the same as ``idlibtui compare
        A B --markdown``) to a new file in the working folder, and say where."""
        articles = self._articles()
        if articles is None or self.comparison is None:
            self._say(self.error or "Still comparing the two articles…")
            return
        from idlibtui.tui.export import export_markdown

        try:
            path = export_markdown(self.comparison, *articles)
        except Exception as error:  # a full disk or a read-only folder: say so, keep going
            self.notify(
                safe(f"Could not export the comparison: {error}"),
                severity="error",
                timeout=6,
                markup=False,
            )
            return
        self.notify(f"Exported the comparison to {safe(str(path))}", timeout=6, markup=False)

    def _say(self, text: str) -> None:
        """A key that cannot act says why (never a silent no-op)."""
        self.notify(safe(text), timeout=3, markup=False)

    def action_switch_pane(self, step: int) -> None:
        order: list[Widget] = [self.pane("left"), self.pane("right"), self.table]
        position = next((i for i, pane in enumerate(order) if pane is self.focused), None)
        if position is None:  # focus elsewhere: start from the first (or the last) pane
            position = -1 if step > 0 else 0
        order[(position + step) % len(order)].focus()

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        if self.sync and self.comparison is not None:
            side = self._last_pane
            view = self.pane(side)
            self._scrolled(ArticleView.Scrolled(view, view.top_offset()))
        self._refresh_status()

    def action_swap(self) -> None:
        if self.left is None or self.right is None:
            self._say("Still loading the two articles…")
            return
        anchors = {"left": self.pane("right").top_offset(), "right": self.pane("left").top_offset()}
        self.left_path, self.right_path = self.right_path, self.left_path
        self.left, self.right = self.right, self.left
        self._generation += 1
        self._pending_anchor = anchors
        self.comparison = None
        self.run_comparison(reload=False)

    def action_back(self) -> None:
        self.app.pop_screen()
