"""Build and incrementally update the index from a corpus folder.

The package, one job a module: ``driver`` (``update_index``: a locked run, start to commit),
``lock`` (the build lock), ``scan`` (the corpus by stat), ``state`` (version, skipped-file record,
damage and leftovers, ``index_status``), ``work`` (the per-file work and its process pool),
``documents`` (article → prepared document), ``writer`` and ``terms`` (the segment writer that
files prepared documents). The names the app, the CLI, the benchmarks and the tests use are
re-exported here::

    from idlibtui.search.build import update_index, index_status, CorpusError, IndexLocked

Crash safety comes from Whoosh's commit protocol (a new TOC generation is written last, so a
build killed at any moment leaves the previous commit readable; leftover files of a killed build
are removed by the next one) and from the build lock (``lock.py``).
"""

from __future__ import annotations

from idlibtui.search.backend import IndexLocked, IndexWriteError
from idlibtui.search.build.documents import (
    PreparedDoc,
    article_fields,
    figures_json,
    prepare_document,
)
from idlibtui.search.build.driver import (
    SEGMENT_MIN,
    SEGMENTS_PER_BUILD,
    BuildProgress,
    BuildReport,
    segment_size,
    update_index,
)
from idlibtui.search.build.lock import LOCK_NAME, IndexLock, make_index_dir
from idlibtui.search.build.scan import NAME_NOT_UTF8, CorpusError, scan_corpus
from idlibtui.search.build.state import (
    SKIPPED_NAME,
    IndexStatus,
    index_status,
    index_version,
    read_skipped,
)
from idlibtui.search.build.work import FILE_BUDGET, IN_FLIGHT, INLINE_BELOW, OverBudget, time_budget
from idlibtui.search.build.writer import WRITER_TIMEOUT, add_prepared, update_prepared

__all__ = [
    "FILE_BUDGET",
    "INLINE_BELOW",
    "IN_FLIGHT",
    "LOCK_NAME",
    "NAME_NOT_UTF8",
    "SEGMENTS_PER_BUILD",
    "SEGMENT_MIN",
    "SKIPPED_NAME",
    "WRITER_TIMEOUT",
    "BuildProgress",
    "BuildReport",
    "CorpusError",
    "IndexLock",
    "IndexLocked",
    "IndexStatus",
    "IndexWriteError",
    "OverBudget",
    "PreparedDoc",
    "add_prepared",
    "article_fields",
    "figures_json",
    "index_status",
    "index_version",
    "make_index_dir",
    "prepare_document",
    "read_skipped",
    "scan_corpus",
    "segment_size",
    "time_budget",
    "update_index",
    "update_prepared",
]
