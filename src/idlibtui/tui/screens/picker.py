""" "Compare with…": a fuzzy filter over every title in the corpus; returns the chosen path.

Titles come from the open index (``all_titles``) in a thread worker; without an index the
corpus files are listed by name. Titles are shown as ``Content`` (never markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from idlibtui.tui.safe import plain as safe
from idlibtui.words import plural

SHOWN = 300


@dataclass(frozen=True, slots=True)
class Choice:
    key: str  # the index id, or the path when there is no index
    title: str
    source: str = ""
    date: str = ""
    path: str = ""


class TitlesLoaded(Message):
    def __init__(self, choices: list[Choice], index: Any, error: str = "") -> None:
        super().__init__()
        self.choices = choices
        self.index = index
        self.error = error


def load_choices(app: Any, settings: Any) -> tuple[list[Choice], Any, str]:
    """Every article as a ``Choice`` (call from a thread worker)."""
    index = getattr(app, "index", None)
    error = ""
    if index is None or not hasattr(index, "all_titles"):
        index = None
        try:
            from idlibtui.search import open_index

            index = open_index(Path(settings.index))
        except Exception as exc:  # no index: list the corpus files instead
            error = f"{type(exc).__name__}: {exc}"
    if index is not None:
        try:
            rows = index.all_titles()
            choices = [
                Choice(
                    str(row[0]),
                    str(row[1] or ""),
                    str(row[2] or ""),
                    row[3].isoformat() if row[3] else "",
                )
                for row in rows
            ]
            return choices, index, ""
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
    corpus = Path(getattr(settings, "corpus", "") or ".")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    choices = [
        Choice(p.relative_to(corpus).as_posix(), p.name, path=p.relative_to(corpus).as_posix())
        for p in files
    ]
    return choices, None, error


def rank(query: str, choices: list[Choice], limit: int = SHOWN) -> list[Choice]:
    """Fuzzy-rank ``choices`` by title (and outlet) against ``query``."""
    query = query.strip()
    if not query:
        return choices[:limit]
    from rapidfuzz import fuzz, process

    haystack = [f"{c.title} {c.source}" for c in choices]
    found = process.extract(
        query, haystack, scorer=fuzz.WRatio, limit=limit, score_cutoff=50, processor=str.lower
    )
    return [choices[index] for _match, _score, index in found]


class PickerScreen(ModalScreen[str | None]):
    """Choose the article to compare with."""

    HELP_TITLE: ClassVar[str] = "Compare with…"

    DEFAULT_CSS = """
    PickerScreen {
        align: center middle;
        #picker { width: 90%; max-width: 110; height: 80%; border: round $primary;
                  background: $surface; padding: 0 1; }
        #picker-title { height: 1; text-style: bold; }
        #picker-list { height: 1fr; }
        #picker-status { height: 1; color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "to_list", "Titles", show=False, id="picker.to_list"),
    ]

    def __init__(self, settings: Any, *, exclude_path: str = "", exclude_id: str = "") -> None:
        super().__init__()
        self.settings = settings
        self.exclude_path = exclude_path
        self.exclude_id = exclude_id
        self.choices: list[Choice] = []
        self.index: Any = None
        self._shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(
                Content("Compare with… (type to filter, Enter to choose)"), id="picker-title"
            )
            yield Input(placeholder="filter titles", id="picker-input")
            yield OptionList(id="picker-list")
            yield Static(Content("loading titles…"), id="picker-status")

    def on_mount(self) -> None:
        self.query_one("#picker-input", Input).focus()
        self.load_titles()

    @work(thread=True, exclusive=True, group="picker-titles")
    def load_titles(self) -> None:
        choices, index, error = load_choices(self.app, self.settings)
        self.post_message(TitlesLoaded(choices, index, error))

    @on(TitlesLoaded)
    def _titles_loaded(self, message: TitlesLoaded) -> None:
        self.index = message.index
        self.choices = [
            c
            for c in message.choices
            if c.key != self.exclude_id and (not c.path or c.path != self.exclude_path)
        ]
        self._refilter()

    @on(Input.Changed, "#picker-input")
    def _changed(self, event: Input.Changed) -> None:
        self._refilter()

    def _refilter(self) -> None:
        query = self.query_one("#picker-input", Input).value
        self._shown = rank(query, self.choices)
        options = []
        for index, choice in enumerate(self._shown):
            meta = " · ".join(x for x in (safe(choice.source), choice.date) if x)
            prompt = Content.assemble(
                (safe(choice.title) or "(untitled)", "bold"),
                ("  " + meta if meta else "", "$text-muted"),
            )
            options.append(Option(prompt, id=str(index)))
        listing = self.query_one("#picker-list", OptionList)
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = 0
        self.query_one("#picker-status", Static).update(
            Content(f"{len(self._shown):,} of {plural(len(self.choices), 'article')}")
        )

    def path_of(self, choice: Choice) -> str | None:
        if choice.path:
            return choice.path
        if self.index is not None:
            try:
                document = self.index.get(choice.key)
            except Exception:
                document = None
            if document and document.get("path"):
                return str(document["path"])
        return None

    def _choose(self, position: int | None) -> None:
        if position is None or not 0 <= position < len(self._shown):
            return
        path = self.path_of(self._shown[position])
        if path is None:
            self.notify("That article has no file path in the index.", markup=False)
            return
        self.dismiss(path)

    @on(Input.Submitted, "#picker-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._choose(self.query_one("#picker-list", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_to_list(self) -> None:
        self.query_one("#picker-list", OptionList).focus()
