"""The narrow interface the app and the CLI use; an engine (Whoosh today) implements it."""

from __future__ import annotations

import pickle
import struct
import zlib
from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

from idlibtui.model import SearchResults


class IndexUnavailable(Exception):
    """The index cannot be opened; the message says why and what to do."""


class IndexMissing(IndexUnavailable):
    """There is no index at the given place yet."""


class SearchError(IndexUnavailable):
    """A query could not be answered correctly (an internal failure, or postings this version
    cannot read): said with what to do, never replaced by a different answer. A kind of
    ``IndexUnavailable`` so that the CLI and the app say it as one line."""


#: What reading damaged index data raises (a truncated or garbled block, column or pickle):
#: said as an unreadable index with the fix, not as an internal error.
DATA_ERRORS = (
    struct.error,
    zlib.error,
    EOFError,
    pickle.UnpicklingError,
    UnicodeDecodeError,
    OSError,
)


class IndexLocked(Exception):
    """Another live process is updating the index."""


class IndexWriteError(Exception):
    """The index cannot be written where it is (not a folder, read-only, disk full, a broken
    lock file); the message says where and why in one line."""


@runtime_checkable
class SearchBackend(Protocol):
    """What idlibtui needs from a search engine.

    ``search`` raises ``model.QueryError`` for a malformed query. Stored-field dicts hold at least
    ``id``, ``path``, ``title``, ``source``, ``date`` (``datetime.date`` or None),
    ``date_inferred``, ``dateline``, ``entities`` (list of ``[canonical, type]``), ``figures``
    (list of dicts, decoded lazily), ``text`` (the cleaned text), ``size``, ``mtime``, ``sha256``,
    ``version``.
    """

    @property
    def doc_count(self) -> int: ...

    def search(
        self,
        query: str,
        *,
        page: int = 1,
        page_size: int = 20,
        sort: str = "relevance",
        filters: dict[str, list[str]] | None = None,
    ) -> SearchResults: ...

    def get(self, id: str) -> dict[str, Any] | None: ...

    def iter_documents(self, query: str | None = None) -> Iterator[dict[str, Any]]: ...

    def all_titles(self) -> list[tuple[str, str, str, Any]]: ...

    def refresh(self) -> bool: ...

    def close(self) -> None: ...
