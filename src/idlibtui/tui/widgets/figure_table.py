"""The compare screen's figure table: each group of figures, the left and right values, and how
they relate. Cells are ``rich.text.Text`` (never markup strings), coloured from the theme."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

if TYPE_CHECKING:
    from idlibtui.compare.model import FigureGroup

from idlibtui.tui.article_text import display_text

RELATION_LABELS = {
    "same": "same",
    "consistent": "consistent",
    "differ": "DIFFER",
    "different_dates": "different dates",
    "left_only": "one side only",
    "right_only": "one side only",
}
RELATION_COLOURS = {
    "same": "text-success",
    "consistent": "text-success",
    "differ": "text-error",
    "different_dates": "text-warning",
    "left_only": "text-secondary",
    "right_only": "text-secondary",
}


def _plain(text: object, limit: int = 40) -> str:
    value = " ".join(display_text("" if text is None else str(text)).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _values(figures: Sequence) -> str:
    seen: list[str] = []
    for figure in figures:
        shown = str(getattr(figure, "text", ""))
        qualifier = str(getattr(figure, "qualifier", "") or "")
        if qualifier and not shown.lower().startswith(qualifier.lower()):
            shown = f"{qualifier} {shown}"
        label = _plain(shown, 28)
        if label not in seen:
            seen.append(label)
    return ", ".join(seen) if seen else "—"


class FigureTable(DataTable):
    """One row per figure group of a ``Comparison`` (``row_key`` is the group's index)."""

    HELP_TITLE: ClassVar[str] = "Figure table"

    DEFAULT_CSS = """
    FigureTable {
        height: 8;
        border-top: solid $panel-lighten-2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="figure_table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="figure_table.up"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._groups: list[FigureGroup] = []

    @property
    def groups(self) -> list[FigureGroup]:
        return list(self._groups)

    COLUMNS: ClassVar[tuple[str, ...]] = ("what", "verdict", "why", "left", "right", "event")

    def on_mount(self) -> None:
        if not self.columns:
            self.set_groups(self._groups)
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        self.set_groups(self._groups)

    def _colour(self, name: str) -> Style:
        value = self.app.get_css_variables().get(name, "")
        try:
            return Style.parse(value) if value.startswith("#") else Style()
        except Exception:
            return Style()

    def set_groups(self, groups: Sequence[FigureGroup]) -> None:
        """Show ``groups`` (``compare.FigureGroup``) — cursor position is kept when possible.

        Column widths are computed here from the cells (not measured later by the table), so
        the layout does not depend on when the rows arrive.
        """
        row = self.cursor_row
        self._groups = list(groups)
        rows: list[tuple[Text, ...]] = []
        for group in self._groups:
            relation = str(getattr(group, "relation", ""))
            what = _plain(getattr(group, "what", "") or "(unspecified)", 30)
            if getattr(group, "projection", False):
                what += " (projection)"
            period = getattr(group, "period", None)
            period_label = getattr(period, "label", "") if period is not None else ""
            places = ", ".join(getattr(group, "places", ())[:2])
            event = _plain("; ".join(x for x in (period_label, places) if x), 34)
            reason = _plain(getattr(group, "reason", ""), 34)
            if relation not in ("same", "consistent", "differ"):
                reason = ""
            style = self._colour(RELATION_COLOURS.get(relation, ""))
            if relation == "differ":
                style += Style(bold=True)
            rows.append(
                (
                    Text(what),
                    Text(RELATION_LABELS.get(relation, _plain(relation)), style=style),
                    Text(reason, style=style if relation == "differ" else ""),
                    Text(_values(getattr(group, "left", ()))),
                    Text(_values(getattr(group, "right", ()))),
                    Text(event or "—"),
                )
            )
        self.clear(columns=True)
        for position, label in enumerate(self.COLUMNS):
            width = max([len(label), *(row_cells[position].cell_len for row_cells in rows)])
            self.add_column(label, width=width, key=label)
        for index, cells in enumerate(rows):
            self.add_row(*cells, key=str(index))
        if self._groups:
            self.move_cursor(row=min(max(row, 0), len(self._groups) - 1))

    def group_at(self, row_key: object) -> FigureGroup | None:
        key = getattr(row_key, "value", row_key)
        try:
            return self._groups[int(str(key))]
        except (ValueError, IndexError):
            return None
