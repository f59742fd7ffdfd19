"""One line-API view for a long article: the reader body and both compare panes.

``ArticleCanvas`` lays the article out and draws it; this class is what the screens use: the
article, the query hits and the compare marks it shows, the places it scrolls to, the keys, and
the messages it posts (a match moved, a layer toggled, the user scrolled or chose a place).
The geometry and the highlight layers are computed without Textual (``tui.article_text``,
``tui.article_spans``); their helpers are re-exported here for the code that imported them
from this module.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message

from idlibtui.model import Article, Repair
from idlibtui.tui import article_spans
from idlibtui.tui.article_spans import (
    ENTITY_TYPES,
    MARK_KINDS,
    STYLE_NAMES,
    find_matches,
    match_counter,
    spans_in,
)
from idlibtui.tui.article_text import display_text, wrap_range
from idlibtui.tui.widgets.article_canvas import MARGIN, MAX_MEASURE, ArticleCanvas

__all__ = [
    "ENTITY_TYPES",
    "MARGIN",
    "MARK_KINDS",
    "MAX_MEASURE",
    "ArticleView",
    "describe_repair",
    "display_text",
    "find_matches",
    "match_counter",
    "spans_in",
    "wrap_range",
]


class _ViewMessage(Message):
    """A message about one ArticleView (``control`` lets handlers filter by ``@on(…, "#id")``)."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__()
        self.view = view

    @property
    def control(self) -> ArticleView:
        return self.view


class _OffsetMessage(_ViewMessage):
    """A message that carries a cleaned-text offset."""

    def __init__(self, view: ArticleView, offset: int) -> None:
        super().__init__(view)
        self.offset = offset


class ArticleView(ArticleCanvas, can_focus=True):
    """A scrollable, highlighted article (cleaned text, or the raw text with its repairs)."""

    HELP_TITLE: ClassVar[str] = "Article text"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_match", "Next match", id="article.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="article.previous_match"),
        Binding("r", "toggle_raw", "Raw text", id="article.toggle_raw"),
        Binding(
            "f", "toggle_layer('figures')", "Figures layer", show=False, id="article.toggle_figures"
        ),
        Binding(
            "e",
            "toggle_layer('entities')",
            "Entities layer",
            show=False,
            id="article.toggle_entities",
        ),
        Binding(
            "h", "toggle_layer('hits')", "Query hits layer", show=False, id="article.toggle_hits"
        ),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="article.page_up"),
    ]

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        background: $surface;
        color: $foreground;
        &:focus { background-tint: $foreground 3%; }
        .article-view--title { text-style: bold; color: $text-primary; }
        .article-view--standfirst { text-style: italic; }
        .article-view--heading { text-style: bold underline; }
        .article-view--paragraph { }
        .article-view--raw { }
        .article-view--figure { text-style: bold; color: $text-warning; }
        .article-view--person { color: $text-success; }
        .article-view--place { color: $text-secondary; }
        .article-view--org { color: $text-primary; }
        .article-view--group { color: $text-accent; }
        .article-view--hit { background: $warning-muted; text-style: bold; }
        .article-view--current { background: $warning; color: $background; text-style: bold; }
        .article-view--focus { background: $accent; color: $background; text-style: bold; }
        .article-view--only { text-style: dim; }
        .article-view--passage { background: $primary-muted; }
        .article-view--shared { text-style: underline; }
        .article-view--edit { background: $accent-muted; }
        .article-view--diff { background: $accent; color: $background; text-style: bold; }
        .article-view--discrepancy { background: $error-muted; text-style: bold; }
        .article-view--removed { background: $error-muted; text-style: strike; }
        .article-view--changed { background: $warning-muted; text-style: underline; }
        .article-view--empty { color: $text-muted; text-style: italic; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"article-view--{name}" for name in STYLE_NAMES}

    # -- messages ---------------------------------------------------------------------------

    class MatchChanged(_ViewMessage):
        """The current query match moved (``index`` is 0-based, ``None`` when there is none)."""

        def __init__(self, view: ArticleView, index: int | None, total: int) -> None:
            super().__init__(view)
            self.index = index
            self.total = total

        @property
        def counter(self) -> str:
            return match_counter(self.index, self.total)

    class LayersChanged(_ViewMessage):
        """A layer was toggled or the raw/cleaned mode changed."""

    class Scrolled(_OffsetMessage):
        """The user scrolled: ``offset`` is the cleaned-text offset of the top line."""

    class OffsetChosen(_OffsetMessage):
        """The user chose a place in the cleaned text (a click, or Enter on the top line)."""

    # -- construction -------------------------------------------------------------------------

    def __init__(
        self,
        article: Article | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, placeholder=placeholder)
        if article is not None:
            self.set_article(article)

    # -- public API ---------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    @property
    def current_match(self) -> int | None:
        return self._current

    @property
    def match_count(self) -> int:
        return len(self._hits)

    @property
    def counter(self) -> str:
        return match_counter(self._current, len(self._hits))

    @property
    def line_count(self) -> int:
        self._ensure_layout()
        return len(self._lines)

    def set_placeholder(self, text: str) -> None:
        """What the view says while it has no article (``loading…``, an error)."""
        self._placeholder = text
        self._layout_key = None
        self._invalidate()
        if self.is_mounted and self._article is None:
            self._ensure_layout()

    def set_article(self, article: Article | None, *, keep_position: bool = False) -> None:
        """Show ``article`` (layers keep their toggles; hits and marks are cleared)."""
        self._article = article
        self._hits = []
        self._current = None
        self._marks = {}
        self._repair_spans = []
        self._raw_focus = None
        if article is not None:
            self._repair_spans = article_spans.repair_spans(article)
        if not keep_position:
            self._anchor = 0
        self._layout_key = None
        self._spans_cache.clear()
        self._invalidate()
        if self.is_mounted:
            self._ensure_layout()

    def set_query(self, query: str) -> int:
        """Highlight the query's matches in the article; return how many there are."""
        article = self._article
        offsets: list[tuple[int, int]] = []
        if article is not None and query.strip():
            offsets = find_matches(query, article.text, article.lang or "")
        self.set_hits(offsets)
        return len(offsets)

    def set_hits(self, offsets: Iterable[tuple[int, int]]) -> None:
        """Set the query-match overlay (offsets into the cleaned text)."""
        limit = len(self._article.text) if self._article is not None else 0
        self._hits = sorted({(int(s), int(e)) for s, e in offsets if 0 <= int(s) < int(e) <= limit})
        self._current = None
        self._invalidate()
        self.post_message(self.MatchChanged(self, None, len(self._hits)))

    def set_marks(self, kind: str, spans: Iterable[tuple[int, int]]) -> None:
        """Set one compare/selection mark layer (``only``, ``passage``, ``shared``,
        ``discrepancy``, ``focus``); an empty iterable clears it."""
        if kind not in MARK_KINDS:
            raise ValueError(f"unknown mark kind {kind!r}")
        cleaned = sorted((int(s), int(e)) for s, e in spans if int(e) > int(s))
        if cleaned:
            self._marks[kind] = cleaned
        else:
            self._marks.pop(kind, None)
        self._spans_cache.pop(kind, None)
        self._invalidate()

    def marks(self, kind: str) -> list[tuple[int, int]]:
        return list(self._marks.get(kind, ()))

    def scroll_to_offset(
        self,
        offset: int,
        *,
        top: bool = False,
        animate: bool = False,
        quiet: bool = True,
        raw: bool = False,
    ) -> None:
        """Scroll so that ``offset`` is in view (a third down, or at the top).

        ``offset`` is in the cleaned text, or in the raw text with ``raw=True``; it is mapped
        to whichever text the view shows.
        """
        self._ensure_layout()
        if self.raw and not raw:
            offset = self._clean_to_raw(offset)
        elif raw and not self.raw:
            offset = self._raw_to_clean(offset)
        row = self._offset_to_row(offset)
        height = max(1, self.scrollable_content_region.height)
        target = row if top else row - height // 3
        target = max(0, min(target, max(0, len(self._lines) - height)))
        self._anchor = self._lines[row].start if self._lines else 0
        self._scroll_rows(target, animate=animate, quiet=quiet)

    def reveal(self, start: int, end: int, *, at: int | None = None) -> int:
        """Scroll (at once) so the cleaned-text span ``[start, end)`` is fully in view.

        With ``at``, its first line goes to that row of the view when the span still fits (the
        compare screen lines up a pair); without, a span already fully in view does not move
        and another goes a third down. Returns the row of the view the span starts on.
        """
        self._ensure_layout()
        if not self._lines:
            return 0
        if self.raw:
            start, end = self._clean_to_raw(start), self._clean_to_raw(end)
        first = self._offset_to_row(start)
        last = max(first, self._offset_to_row(max(start, end - 1)))
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_offset.y)
        fits = last - first + 1 <= height
        if at is None and top <= first and last < top + height:
            return first - top
        if not fits:
            target = first
        else:
            wanted = at if at is not None else min(height // 3, height - (last - first + 1))
            target = first - max(0, wanted)
            target = min(first, max(target, last - height + 1))
        target = max(0, min(target, max(0, len(self._lines) - height)))
        self._anchor = self._lines[first].start
        self._scroll_rows(target, animate=False, quiet=True)
        self.refresh()
        return first - target

    def top_offset(self) -> int:
        """The cleaned-text offset of the first visible line."""
        self._ensure_layout()
        offset = self._row_offset(round(self.scroll_offset.y))
        return self._raw_to_clean(offset) if self.raw else offset

    def visible_range(self) -> tuple[int, int]:
        """Cleaned-text offsets of the first and past the last visible line."""
        self._ensure_layout()
        if not self._lines:
            return (0, 0)
        first = max(0, round(self.scroll_offset.y))
        height = max(1, self.scrollable_content_region.height)
        last = min(len(self._lines) - 1, first + height - 1)
        start = self._row_offset(first)
        end = max(line.end for line in self._lines[first : last + 1])
        if self.raw:
            return (self._raw_to_clean(start), self._raw_to_clean(end))
        return (start, end)

    def go_to_match(self, index: int) -> None:
        """Make match ``index`` current and scroll it into view."""
        if not self._hits:
            self._current = None
            self.post_message(self.MatchChanged(self, None, 0))
            return
        self._current = index % len(self._hits)
        self._invalidate()
        start, _end = self._hits[self._current]
        if self.raw:
            self.raw = False
        self._scroll_into_view(start)
        self.post_message(self.MatchChanged(self, self._current, len(self._hits)))

    def focus_raw_span(self, start: int, end: int) -> None:
        """Show the raw text with one span (a repair) emphasised and scrolled into view."""
        self._raw_focus = (start, end)
        self._spans_cache.pop("raw_focus", None)
        if not self.raw:
            self.raw = True
        self._invalidate()
        self.scroll_to_offset(start, raw=True)

    def focus_span(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Emphasise one span (a chosen mention or figure) and scroll it into view."""
        self.set_marks("focus", [(start, end)])
        if scroll:
            if self.raw:
                self.raw = False
            self._scroll_into_view(start)

    # -- actions ------------------------------------------------------------------------------

    def action_next_match(self) -> None:
        self._step_match(+1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def action_toggle_layer(self, layer: str) -> None:
        if layer == "figures":
            self.show_figures = not self.show_figures
        elif layer == "entities":
            self.show_entities = not self.show_entities
        elif layer == "hits":
            self.show_hits = not self.show_hits

    def action_toggle_raw(self) -> None:
        self.raw = not self.raw

    def action_scroll_home(self) -> None:
        """g/Home: the very first line, at once (an animated scroll through a long raw file
        takes seconds, and a key pressed meanwhile stops it short of the top)."""
        self._ensure_layout()
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        """G/End: the very last line, at once."""
        self._ensure_layout()
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_choose(self) -> None:
        """Choose the passage at the top of the view (the compare screen scrolls the other pane)."""
        if self._article is None:
            return
        start, _end = self.visible_range()
        self.post_message(self.OffsetChosen(self, start))

    def _step_match(self, direction: int) -> None:
        if not self._hits:
            self.post_message(self.MatchChanged(self, None, 0))
            if self.is_mounted:
                self.notify("No query matches here to step through.", timeout=3, markup=False)
            return
        if self._current is None:
            top = self.top_offset()
            starts = [s for s, _ in self._hits]
            if direction > 0:
                index = bisect.bisect_left(starts, top)
                index = 0 if index >= len(starts) else index
            else:
                index = bisect.bisect_left(starts, top) - 1
        else:
            index = self._current + direction
        self.go_to_match(index)

    # -- reactive watchers --------------------------------------------------------------------

    def watch_show_figures(self) -> None:
        self._layers_changed()

    def watch_show_entities(self) -> None:
        self._layers_changed()

    def watch_show_hits(self) -> None:
        self._layers_changed()

    def watch_raw(self, raw: bool) -> None:
        anchor = self._anchor
        anchor = self._clean_to_raw(anchor) if raw else self._raw_to_clean(anchor)
        self._anchor = anchor
        self._layout_key = None
        self._layers_changed()
        if self.is_mounted:
            self._ensure_layout()

    def _layers_changed(self) -> None:
        self._invalidate()
        self.post_message(self.LayersChanged(self))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._restoring or not self._lines or not self._layout_current():
            return
        if round(old_value) == round(new_value):
            return
        self._anchor = self._row_offset(round(new_value))
        if not self._quiet_scroll:
            offset = self._raw_to_clean(self._anchor) if self.raw else self._anchor
            self.post_message(self.Scrolled(self, offset))

    # -- events ---------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if self._article is None:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        if self.raw:
            offset = self._raw_to_clean(offset)
        self.post_message(self.OffsetChosen(self, offset))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self.raw or self._article is None:
            if self.tooltip is not None:
                self.tooltip = None
            return
        offset = self.offset_at(event.x, event.y)
        repair = self.repair_at(offset) if offset is not None else None
        self.tooltip = describe_repair(repair) if repair is not None else None

    def repair_at(self, raw_offset: int) -> Repair | None:
        """The repair whose raw span covers ``raw_offset`` (raw mode), or ``None``."""
        article = self._article
        if article is None:
            return None
        return article_spans.repair_at(article, self._repair_spans, raw_offset)


def describe_repair(repair: Repair) -> Content:
    """A repair in words, as Content (the raw and replacement text are data, never markup)."""
    raw = display_text(repair.raw)
    if len(raw) > 60:
        raw = raw[:57] + "…"
    replacement = display_text(repair.replacement)
    if len(replacement) > 60:
        replacement = replacement[:57] + "…"
    parts: list[str | tuple[str, str]] = [(repair.kind, "bold")]
    if repair.note:
        parts += [" (", display_text(repair.note), ")"]
    if repair.replacement:
        parts += [": ", repr(raw), " → ", repr(replacement)]
    else:
        parts += [": removed ", repr(raw)]
    return Content.assemble(*parts)
