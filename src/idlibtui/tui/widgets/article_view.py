"""One line-API view for a long article: the reader body and both compare panes.

The pattern is toolong's ``log_lines.py`` (GUIDE §4): the article is wrapped once per width into
*lines* that are ``(start, end)`` ranges of ``Article.text``; a line is turned into a ``Strip``
only when it is on screen, and the strip is cached per (line, width, layer state). Every highlight
is a span of the cleaned text (figures, entities by type, query hits, compare marks, the current
match), so re-highlighting only re-renders the visible lines.

Article text is data, never markup: lines are built as ``rich.text.Text`` with styled spans, and
control characters are replaced by visible stand-ins of the same length before they are drawn, so
offsets stay valid and nothing reaches the terminal.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from idlibtui.model import Article, BlockKind
from idlibtui.tui.palette import group_colour

ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "GROUP")
MARK_KINDS = ("only", "passage", "edit", "shared", "discrepancy", "diff", "focus")

# Length-preserving replacement of anything that must not reach a terminal: C0 controls (shown as
# control pictures), DEL, C1 controls and bidi overrides/isolates (shown as U+FFFD), tab as a space.
_DISPLAY = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_DISPLAY.update({0x09: 0x20, 0x7F: 0x2421})
_DISPLAY.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_DISPLAY.update({c: 0xFFFD for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})

_TOKEN = re.compile(r"\s*\S+\s*|\s+")

MARGIN = 1
MAX_MEASURE = 100


def display_text(text: str) -> str:
    """The same string with control, bidi and tab characters replaced one for one."""
    return text.translate(_DISPLAY)


def wrap_range(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Word-wrap ``text[start:end]`` to ``width`` cells; return ``(start, end)`` line ranges.

    Line breaks in the range are hard breaks (the newline belongs to no line); a word wider than
    the line is folded by characters; trailing spaces hang past the margin.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    para_start = start
    while True:
        newline = text.find("\n", para_start, end)
        para_end = end if newline == -1 else newline
        if para_end > para_start and text[para_end - 1] == "\r":
            para_end -= 1
        _wrap_paragraph(text, para_start, para_end, width, lines)
        if newline == -1:
            break
        para_start = newline + 1
    return lines


def _wrap_paragraph(
    text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]
) -> None:
    if start >= end:
        lines.append((start, start))
        return
    if cell_len(text[start:end].rstrip()) <= width:
        lines.append((start, end))
        return
    line_start = start
    line_width = 0
    for match in _TOKEN.finditer(text, start, end):
        token_start = match.start()
        token = match.group()
        word = token.rstrip()
        word_width = cell_len(word)
        tail_width = cell_len(token) - word_width
        if line_width + word_width <= width:
            line_width += word_width + tail_width
            continue
        if line_width > 0 and token_start > line_start:
            lines.append((line_start, token_start))
            line_start = token_start
            line_width = 0
        if word_width <= width:
            line_width = word_width + tail_width
            continue
        # A word longer than a line: fold it by characters.
        for index, char in enumerate(word):
            char_width = cell_len(char)
            if line_width + char_width > width and line_width > 0:
                lines.append((line_start, token_start + index))
                line_start = token_start + index
                line_width = 0
            line_width += char_width
        line_width += tail_width
    if line_start < end or not lines:
        lines.append((line_start, end))


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    block: int  # index into the current document's blocks; -1 for a blank spacer line
    kind: str


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


class ArticleView(ScrollView, can_focus=True):
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

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--standfirst",
        "article-view--heading",
        "article-view--paragraph",
        "article-view--raw",
        "article-view--figure",
        "article-view--person",
        "article-view--place",
        "article-view--org",
        "article-view--group",
        "article-view--hit",
        "article-view--current",
        "article-view--focus",
        "article-view--only",
        "article-view--passage",
        "article-view--shared",
        "article-view--diff",
        "article-view--edit",
        "article-view--discrepancy",
        "article-view--removed",
        "article-view--changed",
        "article-view--empty",
    }

    show_figures: reactive[bool] = reactive(True, init=False)
    show_entities: reactive[bool] = reactive(True, init=False)
    show_hits: reactive[bool] = reactive(True, init=False)
    raw: reactive[bool] = reactive(False, init=False)

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
        super().__init__(name=name, id=id, classes=classes)
        self._article: Article | None = None
        self._placeholder = placeholder
        self._hits: list[tuple[int, int]] = []
        self._current: int | None = None
        self._marks: dict[str, list[tuple[int, int]]] = {}
        self._version = 0
        self._lines: list[_Line] = []
        self._content_starts: list[int] = []
        self._content_rows: list[int] = []
        self._layout_key: tuple[int, bool, int] | None = None
        self._anchor = 0  # cleaned/raw text offset at the top of the view
        self._restoring = False
        self._quiet_scroll = False
        self._strip_cache: LRUCache[tuple, Strip] = LRUCache(maxsize=2048)
        self._style_cache: dict[str, Style] = {}
        self._spans_cache: dict[str, tuple[list[tuple[int, int, str]], list[int], int]] = {}
        self._repair_spans: list[tuple[int, int, int]] = []
        self._raw_focus: tuple[int, int] | None = None
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
            self._repair_spans = sorted(
                (r.raw_start, r.raw_end, i)
                for i, r in enumerate(article.repairs)
                if 0 <= r.raw_start <= r.raw_end <= len(article.raw)
            )
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
            offsets = find_matches(query, article.text)
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

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under content cell ``(x, y)`` (cleaned text unless in raw mode)."""
        self._ensure_layout()
        row = y + round(self.scroll_offset.y)
        if not 0 <= row < len(self._lines):
            return None
        line = self._lines[row]
        if line.block < 0:
            return None
        text = self._doc_text()
        column = x - MARGIN
        if column < 0:
            return line.start
        position = line.start
        width = 0
        while position < line.end:
            width += cell_len(text[position])
            if width > column:
                return position
            position += 1
        return max(line.start, line.end - 1) if line.end > line.start else line.start

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

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()

    def on_mount(self) -> None:
        self._ensure_layout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._strip_cache.clear()

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

    def repair_at(self, raw_offset: int):
        """The repair whose raw span covers ``raw_offset`` (raw mode), or ``None``."""
        article = self._article
        if article is None:
            return None
        spans = self._repair_spans
        index = bisect.bisect_right(spans, (raw_offset, 1 << 62, 0)) - 1
        while index >= 0:
            start, end, repair_index = spans[index]
            if start <= raw_offset < end:
                return article.repairs[repair_index]
            if end <= raw_offset and start < raw_offset - 4096:
                break
            index -= 1
        return None

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
        article = self._article
        lines: list[_Line] = []
        if article is None:
            for start, end in wrap_range(self._placeholder, 0, len(self._placeholder), width):
                lines.append(_Line(start, end, -2, "empty"))
        elif self.raw:
            for start, end in wrap_range(article.raw, 0, len(article.raw), width):
                lines.append(_Line(start, end, 0, "raw"))
        else:
            blocks = list(article.blocks) or _fallback_blocks(article.text)
            for index, block in enumerate(blocks):
                start = max(0, min(block.start, len(article.text)))
                end = max(start, min(block.end, len(article.text)))
                if lines:
                    lines.append(_Line(start, start, -1, ""))
                kind = str(block.kind)
                for line_start, line_end in wrap_range(article.text, start, end, width):
                    lines.append(_Line(line_start, line_end, index, kind))
        self._lines = lines
        self._content_starts = []
        self._content_rows = []
        for row, line in enumerate(lines):
            if line.block >= 0 or line.block == -2:
                self._content_starts.append(line.start)
                self._content_rows.append(row)

    def _offset_to_row(self, offset: int) -> int:
        if not self._content_starts:
            return 0
        index = bisect.bisect_right(self._content_starts, offset) - 1
        return self._content_rows[max(0, index)]

    def _row_offset(self, row: int) -> int:
        lines = self._lines
        if not lines:
            return 0
        row = max(0, min(row, len(lines) - 1))
        # A spacer line belongs to the block that follows it.
        while lines[row].block == -1 and row + 1 < len(lines):
            row += 1
        return lines[row].start

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

    # -- raw/cleaned coordinate mapping ----------------------------------------------------------

    def _clean_to_raw(self, offset: int) -> int:
        article = self._article
        if article is None:
            return offset
        delta = 0
        for repair in sorted(article.repairs, key=lambda r: r.raw_start):
            cleaned_at = repair.raw_start - delta
            # A repair right at ``offset`` maps to its raw start, so text the cleaner removed
            # there (a masthead above the first line) is shown, not scrolled past.
            if cleaned_at >= offset:
                break
            delta += (repair.raw_end - repair.raw_start) - len(repair.replacement)
        return max(0, min(len(article.raw), offset + delta))

    def _raw_to_clean(self, offset: int) -> int:
        article = self._article
        if article is None:
            return offset
        delta = 0
        for repair in sorted(article.repairs, key=lambda r: r.raw_start):
            if repair.raw_start >= offset:
                break
            removed = (repair.raw_end - repair.raw_start) - len(repair.replacement)
            if repair.raw_end > offset:
                removed = max(0, offset - repair.raw_start - len(repair.replacement))
            delta += removed
        return max(0, min(len(article.text), offset - delta))

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

    def _layer_spans(self) -> list[tuple[str, list[tuple[int, int, str]], list[int], int]]:
        """The active span layers, lowest first: (name, spans, starts, longest span)."""
        article = self._article
        if article is None:
            return []
        layers: list[tuple[str, list[tuple[int, int, str]], list[int], int]] = []

        def cached(name: str, build) -> None:
            entry = self._spans_cache.get(name)
            if entry is None:
                spans = sorted(build())
                starts = [s for s, _e, _n in spans]
                longest = max((e - s for s, e, _n in spans), default=0)
                entry = (spans, starts, longest)
                self._spans_cache[name] = entry
            if entry[0]:
                layers.append((name, *entry))

        if self.raw:
            cached(
                "repairs",
                lambda: [
                    (s, e, "changed" if article.repairs[i].replacement else "removed")
                    for s, e, i in self._repair_spans
                    if e > s
                ],
            )
            if self._raw_focus is not None:
                focus = self._raw_focus
                cached("raw_focus", lambda: [(focus[0], max(focus[1], focus[0] + 1), "focus")])
            return layers
        if self.show_entities:
            cached(
                "entities",
                lambda: [
                    (m.start, m.end, m.type.lower())
                    for m in article.entities
                    if m.type in ENTITY_TYPES and m.end > m.start
                ],
            )
        if self.show_figures:
            cached(
                "figures",
                lambda: [(f.start, f.end, "figure") for f in article.figures if f.end > f.start],
            )
        for kind in ("only", "passage", "edit", "shared", "discrepancy", "diff"):
            if kind in self._marks:
                cached(kind, lambda kind=kind: [(s, e, kind) for s, e in self._marks[kind]])
        if self.show_hits and self._hits:
            cached("hits", lambda: [(s, e, "hit") for s, e in self._hits])
        if "focus" in self._marks:
            cached("focus", lambda: [(s, e, "focus") for s, e in self._marks["focus"]])
        return layers

    def _state_key(self) -> tuple:
        return (
            self._version,
            self.raw,
            self.show_figures,
            self.show_entities,
            self.show_hits,
            id(self._article),
        )

    def render_lines(self, crop):
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
        if line.block == -1:
            return Strip.blank(width, base)
        if line.block == -2:
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
            for _name, spans, starts, longest in self._layer_spans():
                index = bisect.bisect_left(starts, start - longest)
                for span_index in range(index, len(spans)):
                    span_start, span_end, style_name = spans[span_index]
                    if span_start >= end:
                        break
                    if span_end <= start:
                        continue
                    text.stylize(
                        self._style(style_name),
                        max(span_start, start) - start,
                        min(span_end, end) - start,
                    )
            if current >= 0:
                cs, ce = self._hits[current]
                text.stylize(self._style("current"), max(cs, start) - start, min(ce, end) - start)
        text.rstrip_end(width - MARGIN)
        body = Strip(list(text.render(self.app.console))).apply_style(base)
        strip = Strip.join([Strip.blank(MARGIN, base), body])
        return strip.crop_extend(0, width, base)


# -- helpers shared with the screens ------------------------------------------------------------


def match_counter(index: int | None, total: int) -> str:
    """``3/17`` when a match is current, ``17 matches`` before the first step, ``no matches``."""
    if total == 0:
        return "no matches"
    if index is None:
        return f"{total} match{'es' if total != 1 else ''}"
    return f"{index + 1}/{total}"


def find_matches(query: str, text: str) -> list[tuple[int, int]]:
    """Offsets of the query's terms in ``text``: the search package's highlighter, or for a
    query it cannot read, a plain case-insensitive match of the query's words."""
    from idlibtui.search.highlight import match_offsets

    try:
        return [(int(s), int(e)) for s, e in match_offsets(query, text)]
    except Exception:  # a malformed query: fall back to its plain words
        pass
    words = [w for w in re.findall(r"\w+", query) if w.upper() not in {"AND", "OR", "NOT", "TO"}]
    words = [w for w in words if len(w) > 1 or w.isdigit()]
    if not words:
        return []
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")",
        re.IGNORECASE,
    )
    return [m.span() for m in pattern.finditer(text)]


def describe_repair(repair) -> Content:
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


def _fallback_blocks(text: str):
    """Paragraph blocks split on blank lines, for an article without blocks."""
    from idlibtui.model import Block

    blocks = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if match.group().strip():
            blocks.append(Block(BlockKind.PARAGRAPH, match.start(), match.end()))
    return blocks


def spans_in(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans overlapping ``[start, end)``."""
    return [(s, e) for s, e in spans if s < end and e > start]
