"""Index build progress, and the screen shown when there is no corpus to read.

The build runs in a separate process (``idlibtui.tui.indexing``); a thread worker reads its JSON
lines and posts coalesced ``IndexProgress`` messages, so the screen always shows where it is:
a bar, ``n/total``, the current file and every skipped file with its reason.
"""

from __future__ import annotations

import subprocess
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from idlibtui.config import config_file
from idlibtui.tui import safe
from idlibtui.tui.indexing import (
    Coalescer,
    end_process,
    problem_of,
    run_build,
    summary_problems,
)
from idlibtui.tui.messages import IndexBuilt, IndexProgress, Skipped
from idlibtui.tui.widgets.footer import FitFooter
from idlibtui.words import plural

PHASES = {
    "scan": "Looking for files",
    "process": "Reading, cleaning and indexing",
    "remove": "Removing deleted files",
    "save": "Saving what is indexed so far",
    "commit": "Saving the index",
    "done": "Done",
}


FILE_PHASES = ("scan", "process")


class IndexingScreen(Screen[bool]):
    """Builds or updates the index with visible progress; dismisses with True when it worked."""

    HELP_TITLE = "Indexing"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry", id="indexing.retry"),
        Binding("enter", "continue", "Continue", id="indexing.continue"),
        Binding("escape", "cancel", "Cancel", id="indexing.cancel"),
    ]

    def __init__(self, settings: Any, *, reason: str = "", rebuild: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.reason = reason
        self.rebuild = rebuild
        self.state = "running"  # running, failed, done, cancelled
        self.done = 0
        self.total = 0
        self.skipped: list[Skipped] = []
        self.process: subprocess.Popen[str] | None = None
        self.error = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="indexing-box") as box:
            box.border_title = "Search index"
            yield Static(id="indexing-title", markup=False)
            yield Static(id="indexing-paths", markup=False)
            yield ProgressBar(id="indexing-bar", show_eta=False)
            yield Static(id="indexing-count", markup=False)
            yield Static(id="indexing-file", markup=False)
            yield Static(id="indexing-error", markup=False)
            with VerticalScroll(id="indexing-skipped"):
                yield Static(id="indexing-skipped-text", markup=False)
        yield FitFooter()

    def on_mount(self) -> None:
        verb = "Rebuilding" if self.rebuild else "Building"
        title = Content.styled(f"{verb} the search index", "bold")
        if self.reason:
            title = Content.assemble(title, " — ", safe.line(self.reason, "$text-muted"))
        self.query_one("#indexing-title", Static).update(title)
        self.query_one("#indexing-paths", Static).update(
            Content.assemble(
                ("corpus ", "$text-muted"),
                safe.line(self.settings.corpus),
                ("\nindex  ", "$text-muted"),
                safe.line(self.settings.index),
            )
        )
        self.query_one("#indexing-error").display = False
        self.query_one("#indexing-skipped").display = False
        self.start()

    def start(self) -> None:
        self.state = "running"
        self.error = ""
        self.skipped = []
        self.query_one("#indexing-error").display = False
        self.query_one("#indexing-skipped").display = False
        self.query_one("#indexing-count", Static).update(Content.styled("Starting…", "$text-muted"))
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._build()
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group="index")
    def _build(self) -> None:
        worker = get_current_worker()
        coalesce = Coalescer(0.05)
        pending: list[Skipped] = []
        last: dict[str, Any] = {}

        def remember(process: subprocess.Popen[str]) -> None:
            self.process = process

        last_files: dict[str, Any] = {}

        def on_event(event: dict[str, Any]) -> None:
            problem = problem_of(event)
            if problem is not None:
                pending.append(Skipped(*problem))
            if "done" in event or "total" in event:
                last.clear()
                last.update(event)
                if event.get("phase") in FILE_PHASES:
                    last_files.clear()
                    last_files.update(event)
            if pending or coalesce.due():
                self._post_progress(last, tuple(pending))
                pending.clear()

        outcome = run_build(
            self.settings,
            on_event,
            lambda: worker.is_cancelled,
            rebuild=self.rebuild,
            on_start=remember,
        )
        self.process = None
        extra = tuple(Skipped(path, reason) for path, reason in summary_problems(outcome.summary))
        if last_files and last_files is not last:
            self._post_progress(last_files, ())  # the last file count is never coalesced away
        self._post_progress(last, tuple(pending) + extra)
        self.post_message(IndexBuilt(outcome.ok, outcome.summary, outcome.error, outcome.cancelled))

    def _post_progress(self, event: dict[str, Any], skipped: tuple[Skipped, ...]) -> None:
        def number(key: str) -> int:
            try:
                return int(event.get(key) or 0)
            except (TypeError, ValueError):
                return 0

        self.post_message(
            IndexProgress(
                number("done"),
                number("total"),
                str(event.get("phase") or ""),
                str(event.get("path") or ""),
                skipped,
            )
        )

    @on(IndexProgress)
    def _progress(self, message: IndexProgress) -> None:
        known = {(s.path, s.reason) for s in self.skipped}
        new = [s for s in message.skipped if (s.path, s.reason) not in known]
        if new:
            self.skipped.extend(new)
            self._show_skipped()
        if self.state != "running":
            return
        if message.phase in FILE_PHASES and message.total:
            # Files read so far; the other phases (commit, remove) count something else.
            self.done, self.total = message.done, message.total
            if message.phase == "scan":
                self.done = 0
            self.query_one(ProgressBar).update(total=self.total, progress=self.done)
        phase = PHASES.get(message.phase, message.phase.capitalize() or "Working")
        count = f"{self.done:,} / {plural(self.total, 'file')}" if self.total else "counting files…"
        self.query_one("#indexing-count", Static).update(
            Content.assemble((count, "bold"), ("  ·  ", "$text-muted"), safe.line(phase))
        )
        if message.path and message.phase == "process":
            self.query_one("#indexing-file", Static).update(
                Content.assemble(("current ", "$text-muted"), safe.line(message.path))
            )

    def _show_skipped(self) -> None:
        box = self.query_one("#indexing-skipped", VerticalScroll)
        box.display = True
        box.border_title = f"Skipped files ({len(self.skipped)})"
        lines = [
            Content.assemble(
                safe.line(s.path, "bold"), ("  ", ""), safe.line(s.reason, "$text-warning")
            )
            for s in self.skipped
        ]
        self.query_one("#indexing-skipped-text", Static).update(Content("\n").join(lines))

    @on(IndexBuilt)
    def _built(self, message: IndexBuilt) -> None:
        if message.cancelled:
            self.state = "cancelled"
            return
        if message.ok:
            self.state = "done"
            summary = message.summary.get("summary", message.summary)
            count = summary.get("doc_count") if isinstance(summary, dict) else None
            if isinstance(count, int):
                self.query_one("#indexing-file", Static).update(
                    Content.styled(f"{plural(count, 'article')} in the index", "$text-muted")
                )
            bar = self.query_one(ProgressBar)
            bar.update(total=max(1, self.total), progress=max(1, self.total))
            if self.skipped:
                # Leave the skipped list on screen until the user has seen it.
                self.query_one("#indexing-count", Static).update(
                    Content.assemble(
                        (
                            f"Done: {plural(self.total, 'file')}, {len(self.skipped):,} skipped.",
                            "bold",
                        ),
                        ("  Enter: continue to search", "$text-accent"),
                    )
                )
                self.refresh_bindings()
                self.app.bell()
            else:
                self.dismiss(True)
            return
        self.state = "failed"
        self.error = message.error
        box = self.query_one("#indexing-error", Static)
        box.update(
            Content.assemble(
                ("The index could not be built: ", "bold $text-error"),
                safe.line(message.error),
                (
                    "\nr: try again · Enter: continue with the old index · ctrl+q: quit",
                    "$text-muted",
                ),
            )
        )
        box.display = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.state == "failed"
        if action == "continue":
            return self.state in ("failed", "done")
        if action == "cancel":
            return self.state == "running"
        return True

    def action_retry(self) -> None:
        if self.state == "failed":
            self.start()

    def action_continue(self) -> None:
        if self.state in ("failed", "done"):
            self.dismiss(self.state == "done")

    def action_cancel(self) -> None:
        if self.state == "running":
            self.stop()
            self.dismiss(False)

    def stop(self) -> None:
        """Cancel the worker and end the build process (also called when the app quits)."""
        self.workers.cancel_group(self, "index")
        end_process(self.process)

    def on_unmount(self) -> None:
        self.stop()


NO_CORPUS_HELP = """\
idlibtui reads a folder of article files (.txt or .html, one article a file).

Point it at one in any of these ways (the first that is set wins):
  • the command line:   [b]idlibtui --corpus /path/to/articles[/b]
  • the environment:    [b]IDLIBTUI_CORPUS=/path/to/articles idlibtui[/b]
  • the config file:    [b]$config[/b]
                        with a line:  [b]corpus = "/path/to/articles"[/b]
  • or run idlibtui in a folder that has a [b]corpus/[/b] folder.

Press r to look again, q to quit."""


class NoCorpusScreen(Screen[None]):
    """There is nothing to read: say where we looked and how to point idlibtui at a corpus."""

    HELP_TITLE = "No corpus"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Look again", id="nocorpus.retry"),
    ]

    def __init__(self, settings: Any, problem: str) -> None:
        super().__init__()
        self.settings = settings
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="nocorpus-box") as box:
            box.border_title = "No articles to read"
            yield Static(
                Content.assemble(
                    ("The corpus folder ", "bold"),
                    safe.line(self.problem, "bold"),
                    (":\n  ", ""),
                    safe.line(self.settings.corpus, "bold $text-warning"),
                    "\n\n",
                    safe.template(NO_CORPUS_HELP, config=str(config_file())),
                ),
                id="nocorpus-text",
                markup=False,
            )
        yield FitFooter()

    def action_retry(self) -> None:
        self.dismiss(None)
