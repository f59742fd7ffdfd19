"""The drawing half of ``ArticleView``: lay the article out as lines and draw the visible ones.

The pattern is toolong's ``log_lines.py`` (GUIDE §4): the article is wrapped once per width into
*lines* that are ``(start, end)`` ranges of the shown text (``tui.article_text``); a line is
turned into a ``Strip`` only when it is on screen, and the strip is cached per (line, width,
layer state). Highlights are span layers (``tui.article_spans``), so re-highlighting only
re-renders the visible lines. The reading position (``_anchor``, a text offset) survives a
resize and a switch between the raw and the cleaned text.

Article text is data, never markup: lines are built as ``rich.text.Text`` with styled spans from
``display_text``, whose stand-ins keep every offset valid.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from idlibtui.model import Article
from idlibtui.tui import article_text
from idlibtui.tui.article_spans import Layer, LayerState, StyledSpan, layer_spans, styles_on_line
from idlibtui.tui.article_text import PLACEHOLDER, SPACER, Line, display_text
from idlibtui.tui.palette import group_colour

MARGIN = 1
MAX_MEASURE = 100


class ArticleCanvas(ScrollView):
    """A scroll view of an article's wrapped lines with their highlight layers (no keys, no
    messages: ``ArticleView`` adds those)."""

    show_figures: reactive[bool] = reactive(True, init=False)
    show_entities: reactive[bool] = reactive(True, init=False)
    show_hits: reactive[bool] = reactive(True, init=False)
    raw: reactive[bool] = reactive(False, init=False)

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._article: Article | None = None
        self._placeholder = placeholder
        self._hits: list[tuple[int, int]] = []
        self._current: int | None = None
        self._marks: dict[str, list[tuple[int, int]]] = {}
        self._version = 0
        self._lines: list[Line] = []
        self._content_starts: list[int] = []
        self._content_rows: list[int] = []
        self._layout_key: tuple[int, bool, int] | None = None
        self._anchor = 0  # cleaned/raw text offset at the top of the view
        self._restoring = False
        self._quiet_scroll = False
        self._strip_cache: LRUCache[tuple, Strip] = LRUCache(maxsize=2048)
        self._style_cache: dict[str, Style] = {}
        self._spans_cache: dict[str, Layer] = {}
        self._repair_spans: list[tuple[int, int, int]] = []
        self._raw_focus: tuple[int, int] | None = None

    # -- layout -----------------------------------------------------------------------------------

    def _doc_text(self) -> str:
        article = self._article
        if article is None:
            return ""
        return article.raw if self.raw else article.text

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width
        return max(10, min(MAX_MEASURE, width - 2 * MARGIN))

    def _layout_current(self) -> bool:
        return self._layout_key == (self._text_width(), self.raw, id(self._article))

    def _ensure_layout(self) -> None:
        if not self.is_mounted or self.scrollable_content_region.width <= 0:
            return
        if self._layout_current():
            return
        width = self._text_width()
        self._build_layout(width)
        self._layout_key = (width, self.raw, id(self._article))
        self._strip_cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        # Restore the reading position: the line holding the anchor goes back to the top.
        row = self._offset_to_row(self._anchor)
        self._restoring = True
        try:
            self._scroll_rows(row, animate=False, quiet=True)
        finally:
            self._restoring = False
        self.refresh()

    def _build_layout(self, width: int) -> None:
        self._lines = article_text.layout_lines(self._article, self.raw, self._placeholder, width)
        self._content_starts, self._content_rows = article_text.content_index(self._lines)

    def _offset_to_row(self, offset: int) -> int:
        return article_text.offset_to_row(self._content_starts, self._content_rows, offset)

    def _row_offset(self, row: int) -> int:
        return article_text.row_offset(self._lines, row)

    def _scroll_rows(self, row: int, *, animate: bool, quiet: bool) -> None:
        previous = self._quiet_scroll
        self._quiet_scroll = quiet
        try:
            self.scroll_to(y=row, animate=animate, duration=0.15 if animate else None)
        finally:
            self._quiet_scroll = previous

    def _scroll_into_view(self, offset: int) -> None:
        self._ensure_layout()
        row = self._offset_to_row(self._clean_to_raw(offset) if self.raw else offset)
        top = round(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if not top <= row < top + height:
            target = max(0, row - height // 3)
            self._anchor = self._lines[row].start if self._lines else 0
            self._scroll_rows(target, animate=False, quiet=True)
        self.refresh()

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under content cell ``(x, y)`` (cleaned text unless in raw mode)."""
        self._ensure_layout()
        row = y + round(self.scroll_offset.y)
        if not 0 <= row < len(self._lines):
            return None
        line = self._lines[row]
        if line.block < 0:
            return None
        return article_text.offset_in_line(self._doc_text(), line, x - MARGIN)

    # -- raw/cleaned coordinate mapping ----------------------------------------------------------

    def _clean_to_raw(self, offset: int) -> int:
        article = self._article
        return offset if article is None else article_text.clean_to_raw(article, offset)

    def _raw_to_clean(self, offset: int) -> int:
        article = self._article
        return offset if article is None else article_text.raw_to_clean(article, offset)

    # -- rendering -------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._version += 1
        if self.is_mounted:
            self.refresh()

    def _style(self, name: str) -> Style:
        style = self._style_cache.get(name)
        if style is None:
            style = self.get_component_rich_style(f"article-view--{name}", partial=True)
            if name == "group":  # the theme's accent may be its figure colour: pick one apart
                colour = Color.parse(group_colour(self.app.theme_variables))
                style = style + Style(color=colour.rich_color)
            self._style_cache[name] = style
        return style

    def _layer_spans(self) -> list[tuple[str, list[StyledSpan], list[int], int]]:
        """The active span layers, lowest first: (name, spans, starts, longest span)."""
        if self._article is None:
            return []
        return layer_spans(
            LayerState(
                article=self._article,
                raw=self.raw,
                show_entities=self.show_entities,
                show_figures=self.show_figures,
                show_hits=self.show_hits,
                hits=self._hits,
                marks=self._marks,
                repairs=self._repair_spans,
                raw_focus=self._raw_focus,
                cache=self._spans_cache,
            )
        )

    def _state_key(self) -> tuple:
        return (
            self._version,
            self.raw,
            self.show_figures,
            self.show_entities,
            self.show_hits,
            id(self._article),
        )

    def render_lines(self, crop: Any) -> list[Strip]:
        self._ensure_layout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_y = round(self.scroll_offset.y)
        row = y + scroll_y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self._lines) or row < 0:
            return Strip.blank(width, base)
        current_here = -1
        if self._current is not None and self.show_hits and not self.raw:
            line = self._lines[row]
            cs, ce = self._hits[self._current]
            if cs < line.end and ce > line.start:
                current_here = self._current
        key = (row, width, self._state_key(), current_here)
        strip = self._strip_cache.get(key)
        if strip is None:
            strip = self._render_row(row, width, base, current_here)
            self._strip_cache[key] = strip
        return strip

    def _render_row(self, row: int, width: int, base: Style, current: int) -> Strip:
        line = self._lines[row]
        if line.block == SPACER:
            return Strip.blank(width, base)
        if line.block == PLACEHOLDER:
            source = self._placeholder
            text = Text(display_text(source[line.start : line.end]), end="")
            text.stylize(self._style("empty"))
        else:
            source = self._doc_text()
            text = Text(display_text(source[line.start : line.end]), end="")
            kind_style = self._style(line.kind) if line.kind else None
            if kind_style:
                text.stylize(kind_style)
            start, end = line.start, line.end
            for span_start, span_end, style_name in styles_on_line(self._layer_spans(), start, end):
                text.stylize(self._style(style_name), span_start, span_end)
            if current >= 0:
                cs, ce = self._hits[current]
                text.stylize(self._style("current"), max(cs, start) - start, min(ce, end) - start)
        text.rstrip_end(width - MARGIN)
        body = Strip(list(text.render(self.app.console))).apply_style(base)
        strip = Strip.join([Strip.blank(MARGIN, base), body])
        return strip.crop_extend(0, width, base)

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()

    def on_mount(self) -> None:
        self._ensure_layout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._strip_cache.clear()
