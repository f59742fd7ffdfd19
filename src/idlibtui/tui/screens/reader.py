"""The reader: one article with its header, highlighted body and side panel.

The article is loaded in a thread worker that only posts ``ArticleLoaded``; the screen shows
"loading…" meanwhile. Everything from the article (title, outlet, dateline, evidence) is shown as
``Content`` built from literal text, never markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from idlibtui.datelabel import date_label
from idlibtui.model import Article, Figure, IngestProblem
from idlibtui.tui.article_load import load
from idlibtui.tui.article_spans import match_counter
from idlibtui.tui.palette import entity_styles
from idlibtui.tui.safe import plain as safe
from idlibtui.tui.widgets.article_view import ArticleView
from idlibtui.tui.widgets.footer import FitFooter
from idlibtui.tui.widgets.side_panel import PanelEntry, SidePanel

READER_HELP = """\
Highlights: figures (bold), people, places, organisations and groups (each its own colour),
the query's matches (marked background; the current one stronger). Each layer toggles.
Raw shows the file as it was read, with every repair the cleaner made marked
(removed text struck through; changed text underlined; hover or see the side panel for why)."""


def header_content(article: Article, *, show_evidence: bool = False) -> Content:
    """Title line and a metadata line: outlet · date (inferred) · dateline · words."""
    title = safe(article.title) or safe(Path(article.path).name)
    parts: list[str | tuple[str, str]] = [(title, "bold $text-primary"), "\n"]
    meta: list[list[str | tuple[str, str]]] = []
    if article.source:
        outlet: list[str | tuple[str, str]] = [(safe(article.source), "bold")]
        if article.agency and article.agency != article.source:
            outlet.append((f" (via {safe(article.agency)})", "$text-muted"))
        meta.append(outlet)
    if article.date is not None:
        text, note = date_label(
            article.date, article.date_kind, article.date_earliest, article.date_latest,
            inferred=article.date_inferred,
        )  # fmt: skip
        date: list[str | tuple[str, str]] = [(text, "")]
        if note and note != "supplied":
            date.append((f" ({note}", "italic $text-warning"))
            date.append((" — d: evidence)" if not show_evidence else ")", "$text-muted"))
        meta.append(date)
    else:
        meta.append([("undated", "italic $text-muted")])
    if article.dateline:
        meta.append([(safe(article.dateline), "italic")])
    if article.lang and article.lang != "en":  # English is the default: another is said
        meta.append([(f"language: {safe(article.lang)}", "$text-accent")])
    meta.append([(f"{article.word_count:,} words", "$text-muted")])
    for index, piece in enumerate(meta):
        if index:
            parts.append((" · ", "$text-muted"))
        parts.extend(piece)
    if show_evidence:
        evidence = safe(article.date_evidence) or "no evidence recorded"
        label = "date judged from: " if article.date_inferred else "date from: "
        parts += ["\n", (label, "$text-muted"), (evidence, "italic")]
    return Content.assemble(*parts)


def status_content(view: ArticleView) -> Content:
    """The line under the body: the match counter, the layers and their legend."""

    def flag(on_: bool, label: str, style: str) -> tuple[str, str]:
        return (label, style if on_ else "strike $text-muted")

    if view.raw:
        article = view.article
        count = len(article.repairs) if article is not None else 0
        return Content.assemble(
            ("RAW", "bold reverse"),
            f" {count} repairs: ",
            ("removed", "strike on $error-muted"),
            " ",
            ("changed", "underline on $warning-muted"),
            ("  r: cleaned", "$text-muted"),
        )
    styles = entity_styles(view.app.theme_variables if view.is_attached else None)
    return Content.assemble(
        (match_counter(view.current_match, view.match_count), "bold"),
        ("  h ", "$text-muted"),
        flag(view.show_hits, "hits", "bold on $warning-muted"),
        ("  f ", "$text-muted"),
        flag(view.show_figures, "figures", "bold $text-warning"),
        ("  e ", "$text-muted"),
        flag(view.show_entities, "person", styles["PERSON"]),
        " ",
        flag(view.show_entities, "place", styles["PLACE"]),
        " ",
        flag(view.show_entities, "org", styles["ORG"]),
        " ",
        flag(view.show_entities, "group", styles["GROUP"]),
    )


class ArticleLoaded(Message):
    """The worker finished: ``article`` is an ``Article`` or an ``IngestProblem``."""

    def __init__(self, article: Article | IngestProblem) -> None:
        super().__init__()
        self.article = article


class ReaderScreen(Screen):
    """Read one article: header, highlighted body, side panel of entities and figures."""

    HELP_TITLE: ClassVar[str] = "Reader"
    HELP_NOTES: ClassVar[str] = READER_HELP

    DEFAULT_CSS = """
    ReaderScreen {
        layout: vertical;
        #reader-header { height: auto; max-height: 6; padding: 0 1; background: $panel; }
        #reader-body { height: 1fr; }
        #reader-body ArticleView { width: 1fr; }
        #reader-status { height: 1; padding: 0 1; background: $panel; }
        SidePanel.-hidden { display: none; }
    }
    """

    FOOTER_PRIORITY: ClassVar[tuple[str, ...]] = (
        "reader.back",
        "reader.copy",
        "reader.compare_with",
        "reader.claims",
        "article.toggle_raw",
        "article.next_match",
        "reader.toggle_panel",
    )
    FOOTER_SHORT: ClassVar[dict[str, str]] = {"reader.compare_with": "Compare"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="reader.back"),
        Binding("p", "toggle_panel", "Panel", id="reader.toggle_panel"),
        Binding("x", "compare_with", "Compare with…", id="reader.compare_with"),
        Binding("t", "claims", "Claims", id="reader.claims"),
        Binding("y", "copy", "Copy", id="reader.copy"),
        Binding("d", "toggle_evidence", "Date evidence", show=False, id="reader.date_evidence"),
        Binding("tab", "switch_focus", "Text/panel", show=False, id="reader.switch_focus"),
        # Match stepping also works while the side panel has the focus.
        Binding("n", "view('next_match')", "Next match", show=False, id="reader.next_match"),
        Binding(
            "N", "view('previous_match')", "Previous match", show=False, id="reader.prev_match"
        ),
    ]

    def __init__(
        self,
        article_id: str = "",
        path: str | Path = "",
        query: str = "",
        settings: Any = None,
        *,
        article: Article | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name=name)
        self.article_id = article_id
        self.path = str(path or (article.path if article is not None else ""))
        self.query_text = query
        self.settings = settings
        self._given = article
        self.article: Article | None = None
        self.problem: IngestProblem | None = None
        self.show_evidence = False
        self._cycle: dict[tuple[str, str], int] = {}
        self._chosen_figure: Figure | None = None
        self._last_target: tuple[int, int] | None = None  # the span last jumped to or clicked
        self._panel_choice: bool | None = None  # the user's own p choice wins over the width

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Content("loading…"), id="reader-header")
        with Horizontal(id="reader-body"):
            yield ArticleView(id="article", placeholder="loading…")
            yield SidePanel(id="side-panel")
        yield Static(Content(""), id="reader-status")
        yield FitFooter()

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def panel(self) -> SidePanel:
        return self.query_one("#side-panel", SidePanel)

    def on_mount(self) -> None:
        self.view.focus()
        self._fit_panel(self.app.size.width)
        if self._given is not None:
            self.show_article(self._given)
        else:
            self.load_article()

    @work(thread=True, exclusive=True, group="reader-load")
    def load_article(self) -> None:
        self.post_message(ArticleLoaded(load(self.path, self.settings)))

    @on(ArticleLoaded)
    def _loaded(self, message: ArticleLoaded) -> None:
        if isinstance(message.article, IngestProblem):
            self.problem = message.article
            reason = safe(message.article.reason)
            self.query_one("#reader-header", Static).update(
                Content.assemble(("cannot open ", "bold $text-error"), safe(self.path))
            )
            self.view.set_placeholder(f"This file cannot be read as an article: {reason}")
            return
        self.show_article(message.article)

    def show_article(self, article: Article) -> None:
        """Show an already-loaded article (the worker calls this through ``ArticleLoaded``)."""
        self.article = article
        view = self.view
        view.set_article(article)
        if self.query_text:
            view.set_query(self.query_text)
        self.panel.show_article(article)
        self._refresh_header()
        self._refresh_status()

    def _refresh_header(self) -> None:
        if self.article is not None:
            self.query_one("#reader-header", Static).update(
                header_content(self.article, show_evidence=self.show_evidence)
            )

    def _refresh_status(self) -> None:
        self.query_one("#reader-status", Static).update(status_content(self.view))

    # -- messages from the widgets ---------------------------------------------------------------

    @on(ArticleView.MatchChanged)
    def _match_changed(self, message: ArticleView.MatchChanged) -> None:
        self._refresh_status()

    @on(ArticleView.LayersChanged)
    def _layers_changed(self, message: ArticleView.LayersChanged) -> None:
        self._refresh_status()
        if self.article is not None:
            self.panel.show_article(self.article, raw=self.view.raw)

    @on(ArticleView.OffsetChosen)
    def _offset_chosen(self, message: ArticleView.OffsetChosen) -> None:
        # A click on a figure selects it for `t`.
        if self.article is None:
            return
        self._last_target = (message.offset, message.offset + 1)
        for figure in self.article.figures:
            if figure.start <= message.offset < figure.end:
                self._chosen_figure = figure
                self._last_target = (figure.start, figure.end)
                return

    @on(SidePanel.Chosen)
    def _panel_chosen(self, message: SidePanel.Chosen) -> None:
        self.jump_to(message.entry)

    def jump_to(self, entry: PanelEntry) -> None:
        """Scroll to the next mention of ``entry`` (repeated choices cycle through them)."""
        if not entry.spans:
            return
        key = (entry.kind, entry.label)
        index = self._cycle.get(key, -1) + 1
        if index >= len(entry.spans):
            index = 0
        self._cycle[key] = index
        start, end = entry.spans[index]
        if entry.kind != "repair":
            self._last_target = (start, end)
        view = self.view
        if entry.kind == "repair":
            view.focus_raw_span(start, end)
        else:
            view.focus_span(start, end)
        if entry.figure is not None:
            self._chosen_figure = entry.figure
        status = Content.assemble(
            (safe(entry.label), "bold"), f"  mention {index + 1}/{len(entry.spans)}"
        )
        self.query_one("#reader-status", Static).update(status)

    # -- actions ----------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    async def action_view(self, action: str) -> None:
        await self.view.run_action(action)

    def _fit_panel(self, width: int) -> None:
        """Show the side panel when there is room (unless the user chose with `p`)."""
        show = self._panel_choice if self._panel_choice is not None else width >= 100
        self.panel.set_class(not show, "-hidden")
        if not show and self.panel.has_focus:
            self.view.focus()

    def on_resize(self, event) -> None:
        self._fit_panel(event.size.width)

    def action_toggle_panel(self) -> None:
        panel = self.panel
        panel.toggle_class("-hidden")
        self._panel_choice = not panel.has_class("-hidden")
        if panel.has_class("-hidden") and panel.has_focus:
            self.view.focus()

    def action_switch_focus(self) -> None:
        panel = self.panel
        if self.view.has_focus and not panel.has_class("-hidden"):
            panel.focus()
        else:
            self.view.focus()

    def action_toggle_evidence(self) -> None:
        self.show_evidence = not self.show_evidence
        self._refresh_header()
        if self.article is not None and not self.article.date_evidence and self.show_evidence:
            self.notify("No date evidence was recorded for this article.", timeout=3, markup=False)

    def on_click(self, event) -> None:
        header = self.query_one("#reader-header", Static)
        if event.widget is header:
            self.action_toggle_evidence()

    def selected_figure(self):
        """The figure `t` acts on: chosen in the panel or clicked, else the first in view."""
        article = self.article
        if article is None:
            return None
        entry = self.panel.highlighted_entry() if self.panel.has_focus else None
        if entry is not None and entry.figure is not None:
            return entry.figure
        if self._chosen_figure is not None:
            return self._chosen_figure
        start, end = self.view.visible_range()
        counted = [f for f in article.figures if f.kind != "date"]
        for figure in counted:
            if start <= figure.start < end:
                return figure
        return counted[0] if counted else None

    def copy_target(self) -> tuple[int, int] | None:
        """What `y` cites: the panel entry's mention (panel focused), else the figure or place
        last chosen or the current match while in view, else the first sentence in view."""
        article = self.article
        if article is None:
            return None
        if self.panel.has_focus:
            entry = self.panel.highlighted_entry()
            if entry is not None and entry.kind != "repair" and entry.spans:
                index = max(0, self._cycle.get((entry.kind, entry.label), 0))
                return entry.spans[min(index, len(entry.spans) - 1)]
        top, bottom = self.view.visible_range()
        candidates = [self._last_target]
        if self.view.current_match is not None:
            candidates.insert(0, self.view.hits[self.view.current_match])
        for span in candidates:
            if span is not None and top <= span[0] < bottom:
                return span
        return (top, top)

    def action_copy(self) -> None:
        """y: copy the passage or figure at the cursor as a citation (sentence, outlet, date
        and how it is known, title, file)."""
        from idlibtui.cite import citation

        target = self.copy_target()
        if target is None or self.article is None:
            self.notify("Nothing to copy yet: the article is still loading.", timeout=3)
            return
        text = citation(self.article, *target)
        self.app.copy_to_clipboard(text)
        shown = text if len(text) <= 90 else text[:89] + "…"
        self.notify(f"Copied: {shown}", timeout=4, markup=False)

    def action_claims(self) -> None:
        figure = self.selected_figure()
        if figure is None:
            self.notify("No figure here to follow across the corpus.", timeout=3, markup=False)
            return
        if not figure.what:
            self.notify(
                f"This figure ({safe(figure.text)}) has no known subject to follow.",
                timeout=4,
                markup=False,
            )
            return
        from idlibtui.tui.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen(figure.what, self.settings, figure=figure))

    def action_compare_with(self) -> None:
        if self.article is None:
            self.notify("The article is not loaded yet.", timeout=3, markup=False)
            return
        from idlibtui.tui.screens.picker import PickerScreen

        def chosen(result: str | None) -> None:
            if not result:
                return
            from idlibtui.tui.screens.compare import CompareScreen

            self.app.push_screen(
                CompareScreen(self.path, result, self.settings, query=self.query_text)
            )

        self.app.push_screen(
            PickerScreen(self.settings, exclude_path=self.path, exclude_id=self.article.id),
            chosen,
        )
