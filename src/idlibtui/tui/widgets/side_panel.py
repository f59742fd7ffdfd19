"""The reader's side panel: the article's entities (by type, with counts), figures and repairs.

Every prompt is ``Content`` built from literal text (never markup). Choosing an entry posts
``SidePanel.Chosen`` with the spans of its mentions; the screen jumps to them, cycling on repeat.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from idlibtui.model import Article, Figure
from idlibtui.tui.article_spans import ENTITY_TYPES
from idlibtui.tui.article_text import display_text
from idlibtui.tui.palette import TYPE_STYLES, entity_styles

TYPE_LABELS = {"PERSON": "People", "PLACE": "Places", "ORG": "Organisations", "GROUP": "Groups"}
FIGURE_STYLE = "bold $text-warning"


@dataclass(frozen=True, slots=True)
class PanelEntry:
    """One choosable entry: what it is and where its mentions are (spans of the cleaned text,
    or of the raw text for a repair)."""

    kind: str  # "entity", "figure" or "repair"
    label: str
    spans: tuple[tuple[int, int], ...]
    figure: Figure | None = None
    entity_type: str = ""
    what: str = ""


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(display_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def figure_label(figure: Figure) -> str:
    """How a figure reads in a list: its text, and what it counts when known."""
    what = f" · {figure.what}" if figure.what else ""
    return f"{_short(figure.text, 28)}{what}"


def build_entries(article: Article, *, raw: bool = False) -> list[PanelEntry | str]:
    """The panel's rows: ``str`` items are section headings, ``PanelEntry`` items are choosable."""
    rows: list[PanelEntry | str] = []
    if raw:
        rows.append(f"Repairs ({len(article.repairs)})")
        for repair in sorted(article.repairs, key=lambda r: r.raw_start):
            note = f" ({repair.note})" if repair.note else ""
            rows.append(
                PanelEntry(
                    "repair",
                    _short(f"{repair.kind}{note}: {repair.raw!r}", 48),
                    ((repair.raw_start, repair.raw_end),),
                )
            )
        return rows
    by_type: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for mention in article.entities:
        if mention.type in ENTITY_TYPES:
            key = mention.canonical or mention.text
            by_type[mention.type][key].append((mention.start, mention.end))
    rows.append(f"Entities ({sum(len(v) for v in by_type.values())})")
    for entity_type in ENTITY_TYPES:
        names = by_type.get(entity_type)
        if not names:
            continue
        rows.append(f"  {TYPE_LABELS[entity_type]}")
        ordered = sorted(names.items(), key=lambda item: (-len(item[1]), item[0].lower()))
        for name, spans in ordered:
            rows.append(PanelEntry("entity", name, tuple(sorted(spans)), entity_type=entity_type))
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in article.figures:
        if figure.kind == "date":
            continue
        groups[(" ".join(figure.text.lower().split()), figure.what)].append(figure)
    rows.append(f"Figures ({len(groups)})")
    for figures in sorted(groups.values(), key=lambda fs: fs[0].start):
        first = figures[0]
        rows.append(
            PanelEntry(
                "figure",
                figure_label(first),
                tuple(sorted((f.start, f.end) for f in figures)),
                figure=first,
                what=first.what,
            )
        )
    return rows


def entry_prompt(entry: PanelEntry, styles: dict[str, str] | None = None) -> Content:
    count = len(entry.spans)
    counter = f"  ×{count}" if count > 1 else ""
    if entry.kind == "entity":
        style = (styles or TYPE_STYLES).get(entry.entity_type, "")
        return Content.assemble("  ", (_short(entry.label), style), (counter, "$text-muted"))
    if entry.kind == "figure" and entry.figure is not None:
        what = f" · {_short(entry.what, 30)}" if entry.what else ""
        return Content.assemble(
            "  ",
            (_short(entry.figure.text, 18), FIGURE_STYLE),
            what,
            (counter, "$text-muted"),
        )
    return Content.assemble("  ", (entry.label, ""))


class SidePanel(OptionList):
    """Entities and figures of one article (or its repairs, in raw mode)."""

    HELP_TITLE: ClassVar[str] = "Side panel (entities, figures)"

    DEFAULT_CSS = """
    SidePanel {
        width: 38;
        height: 1fr;
        border: none;
        border-left: solid $panel-lighten-2;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        background: $surface;
        padding: 0 0;
        & > .option-list--option-disabled { color: $text; text-style: bold; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="side_panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="side_panel.up"),
    ]

    class Chosen(Message):
        """An entry was chosen (Enter or click)."""

        def __init__(self, panel: SidePanel, entry: PanelEntry) -> None:
            super().__init__()
            self.panel = panel
            self.entry = entry

        @property
        def control(self) -> SidePanel:
            return self.panel

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: dict[str, PanelEntry] = {}
        self._shown: tuple[Article, bool] | None = None

    @property
    def entries(self) -> list[PanelEntry]:
        return list(self._entries.values())

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        if self._shown is not None:
            article, raw = self._shown
            self.show_article(article, raw=raw)

    def show_article(self, article: Article | None, *, raw: bool = False) -> None:
        self.clear_options()
        self._entries = {}
        self._shown = (article, raw) if article is not None else None
        if article is None:
            return
        styles = entity_styles(self.app.theme_variables if self.is_attached else None)
        options: list[Option] = []
        for index, row in enumerate(build_entries(article, raw=raw)):
            if isinstance(row, str):
                options.append(Option(Content.styled(row, "bold"), disabled=True))
                continue
            option_id = f"entry-{index}"
            self._entries[option_id] = row
            options.append(Option(entry_prompt(row, styles), id=option_id))
        self.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        self.highlighted = first

    def highlighted_entry(self) -> PanelEntry | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self._entries.get(option.id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entries.get(event.option_id or "")
        if entry is not None:
            self.post_message(self.Chosen(self, entry))
