"""Messages that thread workers post to the UI; workers never touch widgets themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from idlibtui.model import Article, IngestProblem


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """Everything one search depends on; ``generation`` lets the screen drop stale answers."""

    generation: int
    query: str
    sort: str = "relevance"
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    page: int = 1
    page_size: int = 50

    def filter_dict(self) -> dict[str, list[str]] | None:
        return {key: list(values) for key, values in self.filters if values} or None


class SearchDone(Message):
    """A search finished; ``results`` is a ``model.SearchResults``."""

    def __init__(self, request: SearchRequest, results: Any) -> None:
        super().__init__()
        self.request = request
        self.results = results


class SearchFailed(Message):
    """A search raised: ``error`` is a ``model.QueryError`` for a malformed query."""

    def __init__(self, request: SearchRequest, error: BaseException) -> None:
        super().__init__()
        self.request = request
        self.error = error


class IndexReady(Message):
    """The index was opened (``index`` is a ``SearchIndex``) or could not be (``error``)."""

    def __init__(self, index: Any = None, error: str = "") -> None:
        super().__init__()
        self.index = index
        self.error = error


class IndexStatusChecked(Message):
    """The start-up check of corpus and index finished."""

    def __init__(self, *, corpus_problem: str = "", needs_build: bool, reason: str = "") -> None:
        super().__init__()
        self.corpus_problem = corpus_problem
        self.needs_build = needs_build
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


class IndexProgress(Message, bubble=False):
    """Progress of the index build (coalesced: at most a few per second, plus every skip)."""

    def __init__(
        self, done: int, total: int, phase: str, path: str, skipped: tuple[Skipped, ...] = ()
    ) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.phase = phase
        self.path = path
        self.skipped = skipped


class IndexBuilt(Message, bubble=False):
    """The build process ended: ``ok`` with its ``summary`` or not, with an ``error`` in words."""

    def __init__(
        self, ok: bool, summary: dict[str, Any] | None = None, error: str = "", cancelled=False
    ) -> None:
        super().__init__()
        self.ok = ok
        self.summary = summary or {}
        self.error = error
        self.cancelled = cancelled


class ComparisonReady(Message):
    """The compare worker loaded both articles and compared them (or says why it could not)."""

    def __init__(
        self,
        left: Article | IngestProblem,
        right: Article | IngestProblem,
        comparison: Any = None,
        error: str = "",
        generation: int = 0,
    ) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.comparison = comparison
        self.error = error
        self.generation = generation
