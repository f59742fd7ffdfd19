"""The results list: one option per hit (title, outlet, date, highlighted snippet), paged.

Prompts are ``Content`` built by ``idlibtui.tui.safe`` (never markup). The last option is a
"load more" row while the engine has more hits than are shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from idlibtui.tui import safe

SNIPPET_CHARS = 240
MORE_ID = "__more__"


def format_date(hit: Any) -> Content:
    """The hit's date, marked when it was inferred rather than printed in the article."""
    from idlibtui.datelabel import date_label

    date = getattr(hit, "date", None)
    if date is None:
        return Content.styled("no date", "italic $text-muted")
    text, note = date_label(
        date, getattr(hit, "date_kind", ""), inferred=getattr(hit, "date_inferred", False)
    )
    if note and note != "supplied":
        return Content.assemble((text, "$text-warning"), (f" ({note})", "italic $text-warning"))
    return safe.line(text)


def hit_prompt(hit: Any, *, marked: bool = False) -> Content:
    """Three lines for one hit: mark + title, outlet · date, snippet with matched words."""
    mark = Content.styled("✔ marked  ", "bold $text-accent") if marked else Content("")
    title = safe.line(hit.title or hit.path or "(untitled)", "bold")
    source = safe.line(hit.source or "unknown outlet", "$text-secondary")
    meta = Content.assemble(source, ("  ·  ", "$text-muted"), format_date(hit))
    lang = getattr(hit, "lang", "") or ""
    if lang and lang != "en":  # English is the default: only another language is said
        meta = Content.assemble(meta, ("  ·  ", "$text-muted"), safe.line(lang, "$text-accent"))
    snippet_text = hit.snippet or ""
    hits: Sequence[tuple[int, int]] = hit.snippet_hits or ()
    if len(snippet_text) > SNIPPET_CHARS:
        cut = snippet_text.rfind(" ", 0, SNIPPET_CHARS)
        cut = cut if cut > SNIPPET_CHARS // 2 else SNIPPET_CHARS
        snippet_text = snippet_text[:cut] + " …"
        hits = [(s, e) for s, e in hits if e <= cut]
    lines = [Content.assemble(mark, title), meta]
    if snippet_text.strip():
        snippet = safe.highlighted(snippet_text, hits, base="$text-muted", squash=True)
        lines.append(snippet)
    return Content("\n").join(lines)


class ResultsList(OptionList):
    """Search hits as options; ``Enter`` posts ``OptionSelected`` (the screen opens the reader)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="results.open"),
        Binding("j", "cursor_down", "Down", show=False, id="results.down"),
        Binding("k", "cursor_up", "Up", show=False, id="results.up"),
        Binding("g", "first", "Top", show=False, id="results.top"),
        Binding("G", "last", "Bottom", show=False, id="results.bottom"),
        Binding("space", "page_down", "Page down", show=False, id="results.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="results.page_up"),
    ]

    class LoadMore(Message):
        """The user chose the "load more" row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.hits: list[Any] = []
        self.total = 0
        self.marked: set[str] = set()

    def show_hits(self, hits: Iterable[Any], total: int, *, append: bool = False) -> None:
        """Replace (or extend) the list; keeps the cursor on the same hit when appending."""
        new = list(hits)
        keep = self.highlighted if append else None
        if append:
            if self.options and self.options[-1].id == MORE_ID:
                self.remove_option_at_index(len(self.options) - 1)
            start = len(self.hits)
            self.hits.extend(new)
        else:
            self.clear_options()
            start = 0
            self.hits = new
        self.total = total
        options: list[Option | None] = []
        for index, hit in enumerate(new, start):
            options.append(Option(hit_prompt(hit, marked=hit.id in self.marked), id=f"h{index}"))
            options.append(None)
        if len(self.hits) < total:
            remaining = total - len(self.hits)
            label = Content.from_markup(
                "[b $accent]▼ Load more[/]  [dim]$n more of $total · Enter[/]",
                n=str(remaining),
                total=str(total),
            )
            options.append(Option(label, id=MORE_ID))
        if options and options[-1] is None:
            options.pop()
        self.add_options(options)
        if append and keep is not None:
            self.highlighted = min(keep, len(self.options) - 1)
        elif self.options:
            self.highlighted = 0

    def hit_at(self, index: int | None) -> Any | None:
        if index is None or not 0 <= index < len(self.options):
            return None
        option_id = self.options[index].id or ""
        if option_id.startswith("h"):
            position = int(option_id[1:])
            if position < len(self.hits):
                return self.hits[position]
        return None

    @property
    def current_hit(self) -> Any | None:
        return self.hit_at(self.highlighted)

    def is_more(self, index: int | None) -> bool:
        return (
            index is not None
            and 0 <= index < len(self.options)
            and (self.options[index].id == MORE_ID)
        )

    def refresh_marks(self, marked: set[str]) -> None:
        """Redraw the mark of hits whose marked state changed."""
        old = self.marked
        self.marked = set(marked)
        for position, hit in enumerate(self.hits):
            if (hit.id in old) != (hit.id in self.marked):
                self.replace_option_prompt(
                    f"h{position}", hit_prompt(hit, marked=hit.id in self.marked)
                )

    def show_placeholder(self, text: Content) -> None:
        self.hits = []
        self.total = 0
        self.clear_options()
        self.add_option(Option(text, id="__placeholder__", disabled=True))
