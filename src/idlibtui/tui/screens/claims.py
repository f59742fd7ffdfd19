"""Corpus-wide claims: every figure counting the same thing, on a timeline with outlet and
attribution, reached with `t` on a figure in the reader.

The rows come from ``idlibtui.figure_table.figure_rows(index, what=…)`` (the same rows as
``idlibtui figures --what``); without that module they are read from the index's stored
figures. Loading runs in a thread worker; all cells are ``rich.text.Text`` (never markup).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from idlibtui.annotate.dates import as_date
from idlibtui.tui.screens.reader import safe


@dataclass(frozen=True, slots=True)
class Claim:
    date: dt.date | None
    source: str
    value: str
    qualifier: str
    attribution: str
    sentence: str
    article_id: str
    path: str
    inferred: bool = False


def claims_from_index(index: Any, what: str) -> list[Claim]:
    """Every figure whose ``what`` matches, from the index's stored documents."""
    wanted = " ".join(what.lower().split())
    claims: list[Claim] = []
    for doc in index.iter_documents():
        text = doc.get("text", "") or ""
        for figure in doc.get("figures", []) or []:
            if figure.get("kind") == "date":
                continue
            if " ".join(str(figure.get("what", "")).lower().split()) != wanted:
                continue
            start, end = figure.get("sentence_start", 0), figure.get("sentence_end", 0)
            sentence = text[start:end] if end > start else figure.get("text", "")
            claims.append(
                Claim(
                    as_date(figure.get("date")) or as_date(doc.get("date")),
                    str(doc.get("source", "") or ""),
                    str(figure.get("text", "")),
                    str(figure.get("qualifier", "") or ""),
                    str(figure.get("attribution", "") or ""),
                    sentence,
                    str(doc.get("id", "")),
                    str(doc.get("path", "")),
                    bool(doc.get("date_inferred", False)),
                )
            )
    claims.sort(key=lambda c: (c.date or dt.date.max, c.source))
    return claims


def claims_from_figure_table(index: Any, what: str) -> list[Claim]:
    """The claims through the core's corpus-wide figure table."""
    from idlibtui.figure_table import figure_rows

    claims = []
    for row in figure_rows(index, what=what, sort="date"):
        figure = row.figure
        claims.append(
            Claim(
                row.when,
                row.source,
                row.value_text() or figure.text,
                figure.qualifier,
                figure.attribution,
                row.sentence,
                row.article_id,
                "",
                row.date_inferred and row.when == row.article_date,
            )
        )
    return claims


def load_claims(app: Any, settings: Any, what: str) -> tuple[list[Claim], str]:
    """The claims for ``what`` and an error message (call from a thread worker)."""
    index = getattr(app, "index", None)
    try:
        if index is None or not hasattr(index, "iter_documents"):
            from idlibtui.search import open_index

            index = open_index(Path(settings.index))
        try:
            return claims_from_figure_table(index, what), ""
        except ImportError:
            return claims_from_index(index, what), ""
    except Exception as error:
        return [], f"{type(error).__name__}: {error}"


class ClaimsLoaded(Message):
    def __init__(self, claims: list[Claim], error: str) -> None:
        super().__init__()
        self.claims = claims
        self.error = error


class ClaimsScreen(Screen):
    """Every figure across the corpus for one thing counted, oldest first."""

    HELP_TITLE: ClassVar[str] = "Claims timeline"

    DEFAULT_CSS = """
    ClaimsScreen {
        #claims-header { height: auto; padding: 0 1; background: $panel; }
        #claims-table { height: 1fr; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="claims.back"),
    ]

    def __init__(self, what: str, settings: Any = None, *, figure: Any = None) -> None:
        super().__init__()
        self.what = what
        self.settings = settings
        self.figure = figure
        self.claims: list[Claim] = []
        self.error = ""

    def compose(self) -> ComposeResult:
        yield Static(self._header("loading…"), id="claims-header")
        yield DataTable(id="claims-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _header(self, note: str) -> Content:
        return Content.assemble(
            ("Claims: ", "bold"),
            (safe(self.what), "bold $text-warning"),
            ("  " + safe(note), "$text-muted"),
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("date", "outlet", "value", "attribution", "sentence")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="claims")
    def load(self) -> None:
        claims, error = load_claims(self.app, self.settings, self.what)
        self.post_message(ClaimsLoaded(claims, error))

    @on(ClaimsLoaded)
    def _loaded(self, message: ClaimsLoaded) -> None:
        self.claims, self.error = message.claims, message.error
        table = self.query_one(DataTable)
        table.clear()
        for index, claim in enumerate(self.claims):
            date = claim.date.isoformat() if claim.date else "undated"
            sentence = safe(claim.sentence)
            if len(sentence) > 90:
                sentence = sentence[:89] + "…"
            table.add_row(
                Text(date + (" ~" if claim.inferred else "")),
                Text(safe(claim.source) or "—"),
                Text(self._value(claim), style="bold"),
                Text(safe(claim.attribution)),
                Text(sentence),
                key=str(index),
            )
        if self.error:
            note = f"cannot read the index: {self.error}"
        else:
            outlets = len({c.source for c in self.claims})
            note = f"{len(self.claims)} figures from {outlets} outlets (~ inferred date)"
        self.query_one("#claims-header", Static).update(self._header(note))

    @staticmethod
    def _value(claim: Claim) -> str:
        """The value as a reader says it, with its qualifier ("more than 235,000")."""
        value, qualifier = safe(claim.value), safe(claim.qualifier)
        if qualifier and not value.lower().startswith(qualifier.lower()):
            return f"{qualifier} {value}"
        return value

    @on(DataTable.RowSelected, "#claims-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        try:
            claim = self.claims[int(str(event.row_key.value))]
        except (ValueError, IndexError):
            return
        from idlibtui.tui.screens.reader import ReaderScreen

        path = claim.path
        index = getattr(self.app, "index", None)
        if not path and index is not None:
            try:
                path = str((index.get(claim.article_id) or {}).get("path", ""))
            except Exception:
                path = ""
        if not path:
            self.notify("That article is no longer in the index.", markup=False)
            return
        self.app.push_screen(ReaderScreen(claim.article_id, path, "", self.settings))

    def action_back(self) -> None:
        self.app.pop_screen()
