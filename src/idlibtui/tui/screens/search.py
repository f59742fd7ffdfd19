"""The search screen: query, facets, results; Enter opens the reader, two marks open compare.

The search runs in a thread worker that only posts ``SearchDone``/``SearchFailed``; typing is
debounced, and an answer whose query or generation no longer matches is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static

from idlibtui.textsafe import printable
from idlibtui.tui import safe
from idlibtui.tui.messages import SearchDone, SearchFailed, SearchRequest
from idlibtui.tui.search_state import (
    QUERY_HELP,
    format_elapsed,
    hit_line,
    mark_note,
    read_state,
    saved_state,
    summary_parts,
)
from idlibtui.tui.widgets.facets import Chips, FacetList, Filters
from idlibtui.tui.widgets.footer import FitFooter
from idlibtui.tui.widgets.query_aids import (
    AlsoLine,
    FieldSuggester,
    QueryInput,
    query_error_content,
)
from idlibtui.tui.widgets.results import ResultsList

if TYPE_CHECKING:
    from idlibtui.config import Settings
    from idlibtui.tui.app import IdlibApp

DEBOUNCE_SECONDS = 0.15
PAGE_SIZE = 50


class SearchScreen(Screen):
    """Query input, facet panel, results list; keeps its state when other screens are pushed."""

    AUTO_FOCUS = "#query"
    # Textual's Screen types this as an instance variable, so it is not annotated ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    HELP_NOTES: ClassVar[str] = QUERY_HELP
    HELP_TITLE: ClassVar[str] = "Search"

    FOOTER_PRIORITY: ClassVar[tuple[str, ...]] = (
        "search.focus_query",
        "search.compare",
        "search.mark",
        "search.suggestion",
        "search.clear_filters",
        "search.sort",
        "search.facets",
        "app.quit",
    )
    FOOTER_SHORT: ClassVar[dict[str, str]] = {
        "search.clear_filters": "Clear",
        "search.suggestion": "Suggestion",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_query", "Search", id="search.focus_query"),
        Binding("m", "mark", "Mark", id="search.mark"),
        Binding("c", "compare", "Compare", id="search.compare"),
        Binding("y", "copy_hit", "Copy", show=False, id="search.copy"),
        Binding("s", "toggle_sort", "Sort", id="search.sort"),
        Binding("f", "toggle_facets", "Filters", id="search.facets"),
        Binding("x", "clear_filters", "Clear filters", id="search.clear_filters"),
        Binding("ctrl+g", "apply_suggestion", "Did you mean", id="search.suggestion"),
        Binding("escape", "switch_focus", "Query/results", show=False, id="search.escape"),
        Binding("down", "leave_query", "Results", show=False, id="search.down"),
    ]

    def __init__(self, *, show_timings: bool = True, state: Any = None) -> None:
        super().__init__()
        self._restore = state if isinstance(state, dict) else {}
        self.index: Any = None
        self.show_timings = show_timings
        self.sort = "relevance"
        self.filters: Filters = {}
        self.filter_order: list[tuple[str, str]] = []
        self.marked: dict[str, Any] = {}
        self.suggestion = ""
        self.results: Any = None
        self.loaded_pages = 0
        self.last_request: SearchRequest | None = None
        self._generation = 0
        self._debounce: Timer | None = None
        self._error: BaseException | None = None
        self._loading_more = False
        self._submitted = -1
        self._answered = -1  # the generation whose page-1 answer (results or error) is shown

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="search-top"):
            yield QueryInput(
                placeholder='Search: words, "a phrase", source:, date:2019-12, entity:… (F1: help)',
                id="query",
                select_on_focus=False,
                suggester=FieldSuggester(self._names_for),
            )
            yield Static(id="status", markup=False)
            yield AlsoLine(id="also", markup=False)
            yield Static(id="index-status", markup=False)
            yield Static(id="query-error", markup=False)
            yield Chips(id="chips", markup=False)
        with Horizontal(id="search-body"):
            yield FacetList(id="facets")
            yield ResultsList(id="results")
        yield FitFooter()

    def on_mount(self) -> None:
        self._restore_state(self._restore)
        self.query_one("#query-error").display = False
        self.query_one("#index-status").display = False
        self.query_one(AlsoLine).display = False
        self.query_one(Chips).show_filters(self.filters, self.filter_order)
        self.query_one(FacetList).border_title = "Filters"
        results = self.query_one(ResultsList)
        results.border_title = "Results"
        if self.index is None:
            self._set_status(Content.styled("Opening the index…", "$text-muted"))
            results.show_placeholder(Content.styled("Opening the index…", "italic $text-muted"))
        else:
            self.search_now()

    # -- state kept between runs ------------------------------------------------------------------

    def saved_state(self) -> dict[str, Any]:
        """The query, sort, filters and marks, as JSON-ready data (the app saves it on exit,
        when the widgets may be gone: this reads plain attributes only)."""
        request = self.last_request
        query = request.query if request is not None else self._restore.get("query", "")
        return saved_state(query, self.sort, self.filter_order, self.marked)

    def _restore_state(self, state: dict[str, Any]) -> None:
        """Take back what ``saved_state`` gave; anything malformed is left out, never fatal."""
        restored = read_state(state)
        if restored.query is not None:
            box = self.query_one("#query", Input)
            with box.prevent(Input.Changed):
                box.value = restored.query
            box.cursor_position = len(box.value)
        if restored.sort is not None:
            self.sort = restored.sort
        for key, value in restored.filters:
            if (key, value) not in self.filter_order:
                self.filters.setdefault(key, []).append(value)
                self.filter_order.append((key, value))
        self.marked.update(restored.marks)

    @property
    def query_text(self) -> str:
        return self.query_one("#query", Input).value.strip()

    # -- index ----------------------------------------------------------------------------------

    def _names_for(self, field: str) -> list[str]:
        """The index's names of ``field`` (entity, source), for completing them (in a thread)."""
        names = getattr(self.index, "keyword_names", None)
        return names(field) if names is not None else []

    def set_index(self, index: Any) -> None:
        """Use ``index`` (a ``SearchIndex``) from now on and search again."""
        self.index = index
        if self.is_mounted:
            self.search_now()

    def show_index_progress(self, text: Content | None) -> None:
        """A line saying the index is being updated in the background (None hides it)."""
        line = self.query_one("#index-status", Static)
        line.display = text is not None
        line.update(text or Content.empty())

    def show_index_error(self, error: str) -> None:
        """The index could not be opened: say why and how to build it."""
        message = Content.assemble(
            ("The index could not be opened: ", "bold $text-error"),
            safe.line(error),
            ("  ctrl+p → Rebuild index, or run: idlibtui index", "$text-muted"),
        )
        self._set_status(message)
        self.query_one(ResultsList).show_placeholder(
            Content.styled("No index to search.", "italic $text-muted")
        )

    # -- searching ------------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._debounced)

    def _debounced(self) -> None:
        self._debounce = None
        request = self.last_request
        if request is not None and request.query == self.query_text and self._same_state(request):
            return
        self.search_now()

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        request = self.last_request
        if request is None or request.query != self.query_text or not self._same_state(request):
            self.search_now()
            self._submitted = self._generation  # focus moves once the answer is in
        elif self._answered != self._generation:
            # The debounced search for this very text is still running: Enter acts on its answer.
            self._submitted = self._generation
        elif self._error is not None:
            self._point_at_error(self._error)
        elif self.results is not None:
            self._focus_results()

    def _same_state(self, request: SearchRequest) -> bool:
        return request.sort == self._effective_sort() and request.filters == self._frozen_filters()

    def _frozen_filters(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((key, tuple(values)) for key, values in sorted(self.filters.items()) if values)

    def _effective_sort(self) -> str:
        return "date" if not self.query_text else self.sort

    def search_now(self, page: int = 1) -> None:
        """Start a search for the current input, filters and sort (page > 1 appends)."""
        if self.index is None:
            return
        if page == 1:
            self._generation += 1
            self._loading_more = False
        request = SearchRequest(
            generation=self._generation,
            query=self.query_text,
            sort=self._effective_sort(),
            filters=self._frozen_filters(),
            page=page,
            page_size=PAGE_SIZE,
        )
        if page == 1:
            self.last_request = request
        self._run_search(self.index, request)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, index: Any, request: SearchRequest) -> None:
        try:
            results = index.search(
                request.query,
                page=request.page,
                page_size=request.page_size,
                sort=request.sort,
                filters=request.filter_dict(),
            )
        except Exception as error:  # QueryError, or an engine failure shown as a message
            self.post_message(SearchFailed(request, error))
        else:
            self.post_message(SearchDone(request, results))

    def _is_current(self, request: SearchRequest) -> bool:
        return request.generation == self._generation and request.query == self.query_text

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        request, results = message.request, message.results
        if not self._is_current(request):
            return  # stale: the user has typed on since
        results_list = self.query_one(ResultsList)
        if request.page > 1:
            if not self._loading_more or request.page != self.loaded_pages + 1:
                return
            self._loading_more = False
            self.loaded_pages = request.page
            results_list.show_hits(results.hits, results.total, append=True)
            return
        self._answered = request.generation
        self._error = None
        self.results = results
        self.loaded_pages = 1
        self.suggestion = (results.suggestion or "").strip()
        self.query_one(AlsoLine).show_expansions(getattr(results, "expansions", None) or [])
        self.query_one("#query-error").display = False
        results_list.marked = set(self.marked)
        if results.hits:
            results_list.show_hits(results.hits, results.total)
        else:
            results_list.show_placeholder(self._nothing_found())
        self.query_one(FacetList).show_facets(results.facets or {}, self.filters)
        self._show_summary()
        self.refresh_bindings()
        if request.generation == self._submitted:
            self._focus_results()

    def _focus_results(self) -> None:
        results = self.query_one(ResultsList)
        if results.hits:
            results.focus()

    def _nothing_found(self) -> Content:
        text = Content.styled("Nothing found.", "bold")
        if self.suggestion:
            text = text + safe.template(
                "  Did you mean [b $accent]$s[/]?  (ctrl+g)", s=self.suggestion
            )
        if self.filter_order:
            text = text + Content.styled("  Filters are on: x clears them.", "$text-muted")
        return text

    def _show_summary(self) -> None:
        results = self.results
        if results is None:
            return
        shown = len(self.query_one(ResultsList).hits)
        elapsed = format_elapsed(results.elapsed_ms) if self.show_timings else None
        parts = summary_parts(
            results.total,
            shown,
            everything=not self.query_text,
            elapsed=elapsed,
            sort=self._effective_sort(),
            marks=len(self.marked),
        )
        summary = Content.styled(" · ", "$text-muted").join(
            [Content.styled(text, style) for text, style in parts]
        )
        if self.suggestion:
            summary = summary + safe.template(
                "   [@click=screen.apply_suggestion]Did you mean "
                "[b $accent underline]$s[/]?[/] [dim](ctrl+g or click)[/]",
                s=self.suggestion,
            )
        self._set_status(summary)

    def _set_status(self, content: Content) -> None:
        self.query_one("#status", Static).update(content)

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        request, error = message.request, message.error
        if not self._is_current(request):
            return
        if request.page > 1:
            self._loading_more = False
            self.notify(printable(f"Could not load more: {error}"), severity="error", markup=False)
            return
        self._answered = request.generation
        self._error = error
        self.results = None
        self.suggestion = ""
        self.query_one(AlsoLine).display = False
        box = self.query_one("#query-error", Static)
        text = query_error_content(error, request.query, max(10, self.size.width - 4))
        box.update(text)
        box.display = True
        self._set_status(Content.styled("Fix the query to see results.", "$text-muted"))
        self.query_one(ResultsList).show_placeholder(
            Content.styled("No results for a malformed query.", "italic $text-muted")
        )
        if request.generation == self._submitted:
            self._point_at_error(error)
        self.refresh_bindings()

    def _point_at_error(self, error: BaseException) -> None:
        """After Enter on a malformed query: put the cursor where the problem is."""
        query_box = self.query_one("#query", Input)
        query_box.focus()
        position = getattr(error, "position", None)
        if isinstance(position, int):
            query_box.cursor_position = min(position, len(query_box.value))

    # -- results --------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#results")
    def _result_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        results = self.query_one(ResultsList)
        if results.is_more(event.option_index):
            self.load_more()
            return
        hit = results.hit_at(event.option_index)
        if hit is not None:
            self.open_hit(hit)

    def load_more(self) -> None:
        if self._loading_more or self.results is None:
            return
        self._loading_more = True
        self.search_now(page=self.loaded_pages + 1)

    def _settings(self) -> Settings:
        return cast("IdlibApp", self.app).settings

    def open_hit(self, hit: Any) -> None:
        try:
            from idlibtui.tui.screens.reader import ReaderScreen
        except ImportError:
            self.notify("The reader is not available in this build yet.", severity="warning")
            return
        from idlibtui.search.expand import highlight_query

        added = getattr(self.results, "expansions", None) or []
        query = highlight_query(self.query_text, added)  # the added spellings are marked too
        self.app.push_screen(ReaderScreen(hit.id, hit.path, query, self._settings()))

    # -- filters --------------------------------------------------------------------------------

    @on(FacetList.Toggled)
    def _facet_toggled(self, event: FacetList.Toggled) -> None:
        self.toggle_filter(event.key, event.value)

    def toggle_filter(self, key: str, value: str) -> None:
        values = self.filters.setdefault(key, [])
        if value in values:
            values.remove(value)
            self.filter_order.remove((key, value))
        else:
            values.append(value)
            self.filter_order.append((key, value))
        if not values:
            del self.filters[key]
        self._filters_changed()

    def _filters_changed(self) -> None:
        self.query_one(Chips).show_filters(self.filters, self.filter_order)
        self.search_now()

    def action_remove_filter(self, number: int) -> None:
        if 0 <= number < len(self.filter_order):
            self.toggle_filter(*self.filter_order[number])

    def action_clear_filters(self) -> None:
        self.filters.clear()
        self.filter_order.clear()
        self._filters_changed()

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            return bool(self.filter_order)
        if action in ("mark", "copy_hit"):
            focused = self.focused
            return isinstance(focused, ResultsList)
        return True

    def footer_hides(self, action: str) -> bool:
        """Keys with nothing to act on yet stay out of the footer (they still say why)."""
        if action == "apply_suggestion":
            return not self.suggestion
        if action == "compare":
            return not self.marked
        return False

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_switch_focus(self) -> None:
        """Esc: from the query to the results, from anywhere else back to the query."""
        if self.focused is self.query_one("#query"):
            self.action_leave_query()
        else:
            self.action_focus_query()

    def action_leave_query(self) -> None:
        results = self.query_one(ResultsList)
        if self.focused is self.query_one("#query") and results.option_count:
            results.focus()

    def action_toggle_sort(self) -> None:
        self.sort = "date" if self.sort == "relevance" else "relevance"
        if not self.query_text:
            self.notify(f"Sort by {self.sort} applies once you type a query.", timeout=3)
        self.search_now()

    def action_toggle_facets(self) -> None:
        facets = self.query_one(FacetList)
        if not facets.display:
            facets.display = True
            facets.focus()
        elif self.focused is facets:
            facets.display = False
            self.query_one(ResultsList).focus()
        else:
            facets.focus()

    def action_apply_suggestion(self) -> None:
        if not self.suggestion:
            self.notify("No spelling suggestion for this query.", timeout=3)
            return
        box = self.query_one("#query", Input)
        box.value = self.suggestion
        box.cursor_position = len(box.value)
        self.search_now()

    def action_mark(self) -> None:
        results = self.query_one(ResultsList)
        hit = results.current_hit
        if hit is None:
            return
        dropped = None
        if hit.id in self.marked:
            del self.marked[hit.id]
        else:
            self.marked[hit.id] = hit
            if len(self.marked) > 2:
                dropped = self.marked.pop(next(iter(self.marked)))
        results.refresh_marks(set(self.marked))
        self.refresh_bindings()
        self._show_summary()
        self.notify(mark_note(hit, self.marked, dropped), timeout=4, markup=False)

    def action_copy_hit(self) -> None:
        """y: copy the highlighted result as one line (title, outlet, date, file)."""
        hit = self.query_one(ResultsList).current_hit
        if hit is None:
            return
        self.app.copy_to_clipboard(hit_line(hit))
        self.notify("Copied the result's title, outlet, date and file.", timeout=2)

    def action_compare(self) -> None:
        if len(self.marked) != 2:
            have = "none is marked" if not self.marked else "one is marked"
            self.notify(
                f"Mark two articles with m to compare them ({have}).",
                severity="warning",
                timeout=4,
            )
            return
        try:
            from idlibtui.tui.screens.compare import CompareScreen
        except ImportError:
            self.notify(
                "The compare screen is not available in this build yet.", severity="warning"
            )
            return
        left, right = self.marked.values()
        self.app.push_screen(
            CompareScreen(left.path, right.path, self._settings(), query=self.query_text)
        )
