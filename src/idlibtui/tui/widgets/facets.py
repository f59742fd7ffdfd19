"""Facet filters (outlet, year, entity): toggle a value with Enter or space; chips show them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from idlibtui.tui import safe

FACETS: tuple[tuple[str, str], ...] = (
    ("source", "Outlet"),
    ("agency", "Agency"),
    ("lang", "Language"),
    ("year", "Year"),
    ("entity", "Entity"),
)
FACET_LABELS = dict(FACETS)
MAX_VALUES = 12

Filters = dict[str, list[str]]


def _text(value: object) -> str:
    """A facet value as text (an engine may hand back bytes)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _order(key: str, counts: Mapping[str, int]) -> list[str]:
    if key == "year":
        return sorted(counts, reverse=True)
    return sorted(counts, key=lambda value: (-counts[value], value.casefold()))


class FacetList(OptionList):
    """Headings (disabled) and values with counts; the chosen values carry a check mark."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Toggle filter", show=False, id="facets.toggle"),
        Binding("j", "cursor_down", "Down", show=False, id="facets.down"),
        Binding("k", "cursor_up", "Up", show=False, id="facets.up"),
    ]

    class Toggled(Message):
        def __init__(self, key: str, value: str) -> None:
            super().__init__()
            self.key = key
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._entries: dict[str, tuple[str, str]] = {}

    def show_facets(self, facets: Mapping[str, Mapping[str, int]], chosen: Filters) -> None:
        """Redraw from the engine's counts; chosen values stay listed even when their count is 0."""
        keep = self.highlighted
        self.clear_options()
        self._entries = {}
        options: list[Option] = []
        for key, label in FACETS:
            counts = {_text(value): n for value, n in (facets.get(key, {}) or {}).items()}
            for value in chosen.get(key, []):
                counts.setdefault(value, 0)
            if not counts:
                continue
            options.append(Option(Content.styled(label, "bold $text-primary"), disabled=True))
            values = _order(key, counts)
            shown = [v for v in values if v in chosen.get(key, [])]
            shown += [v for v in values if v not in shown][: max(0, MAX_VALUES - len(shown))]
            digits = max(len(str(counts[v])) for v in shown)
            for value in shown:
                on = value in chosen.get(key, [])
                option_id = f"f{len(self._entries)}"
                self._entries[option_id] = (key, value)
                box = Content.styled("☑ " if on else "☐ ", "bold $accent" if on else "$text-muted")
                prompt = Content.assemble(
                    box,
                    (f"{counts[value]:>{digits}} ", "$text-muted"),
                    safe.line(value, "bold" if on else ""),
                )
                options.append(Option(prompt, id=option_id))
        if not options:
            options.append(
                Option(Content.styled("no filters", "italic $text-muted"), disabled=True)
            )
        self.add_options(options)
        if keep is not None and keep < len(self.options):
            self.highlighted = keep

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._entries.get(event.option.id or "")
        if entry is not None:
            event.stop()
            self.post_message(self.Toggled(*entry))


class Chips(Static):
    """The active filters as chips; clicking one removes it (screen action ``remove_filter``)."""

    def show_filters(self, chosen: Filters, order: list[tuple[str, str]]) -> None:
        self.display = bool(order)
        if not order:
            self.update(Content.empty())
            return
        parts: list[Content] = []
        for number, (key, value) in enumerate(order):
            click = Style.from_meta({"@click": f"screen.remove_filter({number})"})
            chip = Content.assemble(
                (f" {FACET_LABELS.get(key, key)}: ", "$text-muted on $boost"),
                safe.line(value, "bold on $boost"),
                (" ✕ ", "$text-error on $boost"),
            ).stylize(click)
            parts.append(chip)
        parts.append(Content.styled("  x: clear all", "$text-muted"))
        self.update(Content(" ").join(parts))
