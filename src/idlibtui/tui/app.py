"""The Textual application: start-up (corpus check, index build, index open) and app-wide keys.

Start-up never blocks the first frame: the search screen shows at once, then a thread worker
checks the corpus and the index (by stat), an indexing screen shows progress if the index is
missing or stale, and another worker opens the index. Screens are pushed on top of the search
screen, so going back keeps its query, filters and position.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.worker import get_current_worker

from idlibtui.textsafe import printable
from idlibtui.tui.messages import (
    IndexBuilt,
    IndexProgress,
    IndexReady,
    IndexStatusChecked,
    SearchDone,
    Skipped,
)
from idlibtui.tui.screens.search import SearchScreen

if TYPE_CHECKING:  # types only: the engine is imported (in a worker) when first used
    from idlibtui.config import Settings
    from idlibtui.search.backend import SearchBackend

# Start-up imports only what the first frame needs (Textual and the search screen): the other
# screens, the palette's providers and the index engine are imported when first used, and the
# index (Whoosh) is imported and opened in a worker.

STATUS_CHECK_DELAY = 0.3
"""Seconds the index-versus-corpus check waits after the first results are shown: it walks and
stats every file of the corpus and reads the index's manifest, which would otherwise compete with
painting the first results (and the first keystrokes) for the interpreter."""


EMPTY_SEARCH = ("query", "filters", "marks")
"""A search state with none of these (whatever the sort) is the fresh start: not saved."""


def _article_provider() -> type[Any]:
    from idlibtui.tui.commands import ArticleProvider

    return ArticleProvider


def _screen_provider() -> type[Any]:
    from idlibtui.tui.commands import ScreenProvider

    return ScreenProvider


def _theme_provider() -> type[Any]:
    from idlibtui.tui.commands import ThemeProvider

    return ThemeProvider


class IdlibApp(App[int]):
    """idlibtui's app. ``IdlibApp(settings)``; tests pass ``build_index=False`` or ``index=``.

    Args:
        settings: ``config.Settings`` (corpus, index, corrections, theme).
        build_index: check the index at start and build/update it when missing or stale.
        index: an already opened ``SearchIndex`` to use (skips the check and the open).
        show_timings: show how long each search took (off in snapshot tests).
        keymap: binding id → keys, applied with ``App.set_keymap``.
        remember_search: restore the last run's query, filters and marks, and save them on exit
            (under the XDG state directory).
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere work too
    TITLE = "idlibtui"
    # Textual calls a non-class entry to get the provider class (lazily, when the palette opens).
    COMMANDS: ClassVar[set[Any]] = App.COMMANDS | {
        _article_provider,
        _screen_provider,
        _theme_provider,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        settings: Settings,
        *,
        build_index: bool = True,
        index: SearchBackend | None = None,
        show_timings: bool = True,
        keymap: Mapping[str, str] | None = None,
        remember_search: bool = True,
    ) -> None:
        super().__init__()
        self.remember_search = remember_search
        self._search_state_at_start: dict[str, Any] = {}
        self.settings: Settings = settings
        self.build_index = build_index
        self.index: SearchBackend | None = index
        self._given_index = index
        self.show_timings = show_timings
        self._user_keymap = dict(keymap or {})
        self.search_screen: SearchScreen | None = None
        self.index_error = ""
        self._status_pending = False
        self._background_process: Any = None

    # -- start-up -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._apply_saved_theme()
        if self._user_keymap:
            self.set_keymap(self._user_keymap)
        self.search_screen = SearchScreen(
            show_timings=self.show_timings, state=self._saved_search_state()
        )
        self.push_screen(self.search_screen)
        self.start()

    def _saved_search_state(self) -> dict[str, Any]:
        """The last run's query, filters and marks (``remember_search=False`` skips them)."""
        if not self.remember_search:
            return {}
        from idlibtui.config import load_state

        search = load_state().get("search")
        self._search_state_at_start = search if isinstance(search, dict) else {}
        return self._search_state_at_start

    def _save_search_state(self) -> None:
        if not self.remember_search or self.search_screen is None:
            return
        from idlibtui.config import save_state

        state = self.search_screen.saved_state()
        start = self._search_state_at_start
        if state == start or (not start and not any(state.get(k) for k in EMPTY_SEARCH)):
            return  # nothing new to remember: the file is not written
        with contextlib.suppress(OSError):  # the app is closing: nowhere left to say it
            save_state(search=state)

    def _apply_saved_theme(self) -> None:
        """The theme last chosen in the app wins over config.toml's ``theme``; then it is
        remembered whenever the user switches."""
        from idlibtui.config import load_state

        self._theme_at_start: str | None = None
        for theme in (load_state().get("theme"), getattr(self.settings, "theme", "")):
            if isinstance(theme, str) and theme in self.available_themes:
                self._theme_at_start = theme  # applying it is not a choice to remember
                self.theme = theme
                break
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Any) -> None:
        from idlibtui.config import save_state

        if theme.name == self._theme_at_start:
            self._theme_at_start = None
            return
        try:
            save_state(theme=theme.name)
        except OSError as exc:
            self.notify(f"could not remember the theme: {exc}", severity="warning")

    def start(self) -> None:
        """Show results from the existing index first; check it against the corpus after.

        The check stats every file of the corpus and reads the index manifest, so it
        runs only once the first results are painted, and a missing index skips it.
        """
        if self._given_index is not None:
            self._use_index(self._given_index)
        else:
            self._status_pending = self.build_index
            self._open_index()

    @work(thread=True, exclusive=True, group="open")
    def _open_index(self, allow_build: bool = True) -> None:
        build = self.build_index and allow_build
        if build:
            from idlibtui.tui.indexing import corpus_problem

            problem = corpus_problem(self.settings.corpus)
            if problem:
                self.post_message(IndexStatusChecked(corpus_problem=problem, needs_build=False))
                return
        try:
            from idlibtui.search import IndexMissing, open_index

            try:
                index = open_index(self.settings.index)
            except IndexMissing:
                if build:
                    self.post_message(IndexStatusChecked(needs_build=True, reason="no index yet"))
                    return
                raise
        except Exception as exc:
            error = printable(str(exc)) or type(exc).__name__
            if build:  # an unreadable index is rebuilt
                reason = f"the index could not be opened: {error}"
                self.post_message(IndexStatusChecked(needs_build=True, reason=reason))
            else:
                self.post_message(IndexReady(error=error))
        else:
            self.post_message(IndexReady(index))

    def on_search_done(self, message: SearchDone) -> None:
        """The first results are on screen: now check the index against the corpus."""
        if self._status_pending:
            self._status_pending = False
            self.call_after_refresh(self._check_status)

    @work(thread=True, exclusive=True, group="start")
    def _check_status(self) -> None:
        from idlibtui.tui.indexing import corpus_problem

        # Let the first results be painted before the check (a sleeping thread does not
        # hold the interpreter); the worker counts as running meanwhile, so nothing is missed.
        worker = get_current_worker()
        deadline = time.monotonic() + STATUS_CHECK_DELAY
        while time.monotonic() < deadline:
            if worker.is_cancelled:
                return
            time.sleep(0.02)
        problem = corpus_problem(self.settings.corpus)
        if problem:
            self.post_message(IndexStatusChecked(corpus_problem=problem, needs_build=False))
            return
        try:
            from idlibtui.search.build import index_status

            status = index_status(
                self.settings.corpus, self.settings.index, corrections=self.settings.corrections
            )
        except Exception as exc:  # an unreadable index is rebuilt
            self.post_message(IndexStatusChecked(needs_build=True, reason=printable(str(exc))))
            return
        needs = (not status.exists) or status.stale or status.doc_count == 0
        reason = status.reason or ("no index yet" if not status.exists else "")
        self.post_message(IndexStatusChecked(needs_build=needs, reason=reason))

    @on(IndexStatusChecked)
    def _status_checked(self, message: IndexStatusChecked) -> None:
        from idlibtui.tui.screens.indexing import IndexingScreen, NoCorpusScreen

        self._status_pending = False
        if message.corpus_problem:
            self.push_screen(
                NoCorpusScreen(self.settings, message.corpus_problem), lambda _: self.start()
            )
        elif message.needs_build and self.index is not None and self.search_screen is not None:
            # Results from the old index are already on screen: update it in the background,
            # with its progress on the search screen, rather than taking the screen away.
            self._update_in_background(message.reason)
        elif message.needs_build:
            self.push_screen(
                IndexingScreen(self.settings, reason=message.reason), self._after_build
            )

    @work(thread=True, exclusive=True, group="index")
    def _update_in_background(self, reason: str) -> None:
        from idlibtui.tui.indexing import Coalescer, problem_of, run_build, summary_problems

        worker = get_current_worker()
        coalesce = Coalescer(0.1)
        skipped: list[Skipped] = []

        def remember(process: Any) -> None:
            self._background_process = process

        def on_event(event: dict[str, Any]) -> None:
            problem = problem_of(event)
            if problem is not None:
                skipped.append(Skipped(*problem))
            if event.get("phase") in ("scan", "process") and coalesce.due():
                self.post_message(
                    IndexProgress(
                        int(event.get("done") or 0),
                        int(event.get("total") or 0),
                        str(event.get("phase") or ""),
                        str(event.get("path") or ""),
                    )
                )

        self.post_message(IndexProgress(0, 0, "scan", reason))
        outcome = run_build(self.settings, on_event, lambda: worker.is_cancelled, on_start=remember)
        self._background_process = None
        skipped.extend(Skipped(p, r) for p, r in summary_problems(outcome.summary))
        self.post_message(IndexBuilt(outcome.ok, outcome.summary, outcome.error, outcome.cancelled))

    @on(IndexProgress)
    def _background_progress(self, message: IndexProgress) -> None:
        if self.search_screen is None:
            return
        if message.total:
            text = f"Updating the index: {message.done} / {message.total} files…"
        else:
            text = "Updating the index…"
        self.search_screen.show_index_progress(Content.styled(text, "$text-warning"))

    @on(IndexBuilt)
    def _background_built(self, message: IndexBuilt) -> None:
        if self.search_screen is not None:
            self.search_screen.show_index_progress(None)
        if message.cancelled:
            return
        if message.ok:
            summary = message.summary.get("summary", message.summary)
            skipped = len(summary.get("skipped", []) or []) if isinstance(summary, dict) else 0
            from idlibtui.words import plural

            note = (
                f" ({plural(skipped, 'file')} skipped: ctrl+p → Rebuild index lists them)"
                if skipped
                else ""
            )
            self.notify(f"The index is up to date.{note}", timeout=4)
            self._open_index(allow_build=False)
        else:
            self.notify(
                printable(f"The index could not be updated: {message.error}"),
                severity="error",
                timeout=8,
                markup=False,
            )

    def on_unmount(self) -> None:
        from idlibtui.tui.indexing import end_process

        self._save_search_state()
        end_process(self._background_process)

    def _after_build(self, ok: bool | None) -> None:
        if self.index is None:
            # Never loop back into a build the user just cancelled or that failed.
            self._open_index(allow_build=bool(ok))
        elif ok:
            # Open the new commit afresh (a refreshed searcher can keep a rebuilt index's old
            # segments); the old object is closed once the new one is in use.
            self._open_index(allow_build=False)
        elif self.search_screen is not None:
            self.search_screen.search_now()

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        if message.error:
            self.index_error = message.error
            if self.search_screen is not None:
                self.search_screen.show_index_error(message.error)
            return
        self._use_index(message.index)

    def _use_index(self, index: Any) -> None:
        old, self.index = self.index, index
        if old is not None and old is not index:
            self.call_later(self._close_later, old)
        self.index_error = ""
        if self.search_screen is not None:
            self.search_screen.set_index(index)

    @work(thread=True, group="close")
    def _close_later(self, index: Any) -> None:
        """Close a replaced index off the UI thread (it waits for a running search)."""
        close = getattr(index, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()

    # -- app-wide actions -----------------------------------------------------------------------

    def action_help(self) -> None:
        from idlibtui.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.screen))

    def action_rebuild_index(self) -> None:
        from idlibtui.tui.screens.indexing import IndexingScreen

        if any(isinstance(screen, IndexingScreen) for screen in self.screen_stack):
            self.notify("The index is already being built.")
            return
        self.push_screen(
            IndexingScreen(self.settings, reason="asked for", rebuild=True), self._after_build
        )

    def open_article(self, article_id: str) -> None:
        """Open the reader on one article (from the palette)."""
        if self.index is None:
            self.notify("The index is not open yet.", severity="warning")
            return
        try:
            stored = self.index.get(article_id)
        except Exception as exc:
            self.notify(
                printable(f"Cannot open the article: {exc}"), severity="error", markup=False
            )
            return
        if not stored:
            self.notify("That article is no longer in the index.", severity="warning")
            return
        try:
            from idlibtui.tui.screens.reader import ReaderScreen
        except ImportError:
            self.notify("The reader is not available in this build yet.", severity="warning")
            return
        query = self.search_screen.query_text if self.search_screen is not None else ""
        self.push_screen(ReaderScreen(article_id, stored.get("path", ""), query, self.settings))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Rebuild index",
            "Read the whole corpus again and rebuild the search index",
            self.action_rebuild_index,
        )
        yield SystemCommand("Help", "Every key of this screen", self.action_help)
        export = getattr(screen, "action_export", None)
        if callable(export):
            yield SystemCommand(
                "Export comparison to Markdown",
                "Write the comparison as an evidence note (a new .md file in the working folder)",
                export,
            )
