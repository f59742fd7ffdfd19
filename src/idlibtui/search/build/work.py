"""The per-file work of a build and the process pool that runs it.

Each corpus file is read, hashed, cleaned, annotated and prepared (``documents.py``) in a pool
worker under a CPU-time budget; results come back pickled, at most ``IN_FLIGHT`` ahead of the
writer. A task is the tuple ``(path, rel, old_sha, corrections, version, corpus folder, budget[,
lent])`` (``lent``: the range the corpus lends the article, ``corpus_pass``);
a result ``(kind, rel, payload)`` with kind ``ok``, ``partial``, ``same`` or ``problem``.
Depends on POSIX ``fork`` (the warmed-up pipeline is inherited) and ``ITIMER_PROF``; without
them it runs unwarmed and unbounded.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from idlibtui.model import Article, IngestProblem
from idlibtui.search.build.corpus_pass import FIELD as CORPUS_FIELD
from idlibtui.search.build.corpus_pass import lent_article
from idlibtui.search.build.documents import PreparedDoc, article_fields, prepare_document

# Fewer files than this are cleaned in the writer's process: starting a pool (fork, and each
# worker importing the pipeline) costs about as much as ~30 articles (measured on 2 cores).
INLINE_BELOW = 32
IN_FLIGHT = 1_000  # results the workers may be ahead of the writer (~24 KB each)
# CPU seconds one file may take to clean, annotate and analyze. A typical article takes ~10 ms
# and a 1 MB one ~4 s; past the budget the file is indexed without annotation (cleaned text
# only: searchable, no figures, entities or dates), and if even that does not fit, skipped.
FILE_BUDGET = 10.0


class OverBudget(BaseException):
    """A file ran past its time budget (raised inside the work by a CPU-time timer).

    A ``BaseException``, so that code catching ``Exception`` in the stages cannot swallow it.
    """


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``OverBudget`` in this thread once the process has spent ``seconds`` of CPU
    time inside the block (``ITIMER_PROF``: a machine busy with other work does not count
    against the file). Only the main thread can take signals; elsewhere, or without a
    budget, the block runs unbounded. Pure Python stages are interrupted between bytecodes;
    one long call into C (a single regex match) finishes first."""
    if (
        not seconds
        or seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expired(_signum, _frame) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGPROF, expired)
    # Fires again every so often should a bare ``except:`` in a stage swallow it once.
    signal.setitimer(signal.ITIMER_PROF, seconds, min(1.0, seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _work(task: tuple) -> tuple[str, str, Any]:
    """Read, hash, clean, annotate and analyze one file (runs in a pool worker).

    ``task`` is ``(path, rel, old_sha, corrections, version[, corpus folder[, budget]])``; with
    the corpus folder, a link leading out of it is a problem rather than read; ``budget`` is
    the file's CPU time budget (``FILE_BUDGET`` when not given).
    An ``ok`` result carries a :class:`PreparedDoc`: the writer only files its postings; a
    ``partial`` one ``(PreparedDoc, reason)``: the file indexed without annotation.
    """
    path, rel, old_sha, corrections, version = task[:5]
    root = Path(task[5]) if len(task) > 5 and task[5] else None
    budget = task[6] if len(task) > 6 else FILE_BUDGET
    lent = task[7] if len(task) > 7 else None  # the range the corpus lends it (corpus_pass)
    from idlibtui import pipeline
    from idlibtui.ingest import read_document

    try:
        doc = read_document(Path(path), root)
        if isinstance(doc, IngestProblem):
            return ("problem", rel, doc.reason)
        if old_sha is not None and doc.sha256 == old_sha:
            return ("same", rel, None)

        def ready(article: Article, record: dict | None = None) -> PreparedDoc:
            fields = article_fields(
                article, size=doc.size, mtime=doc.mtime, sha256=doc.sha256, version=version
            )
            if record is not None:
                fields[CORPUS_FIELD] = record
            return prepare_document(fields)

        try:
            with time_budget(budget):
                article = pipeline.process_document(doc, rel, corrections=corrections)
                article, record = lent_article(article, lent, _timeline(corrections))
                return ("ok", rel, ready(article, record))
        except OverBudget:
            pass
        try:
            with time_budget(budget):
                prepared = ready(pipeline.clean_only(doc, rel, corrections=corrections))
        except OverBudget:
            return (
                "problem",
                rel,
                f"took longer than {budget:g} s to clean (a time budget per file)",
            )
        reason = (
            f"indexed without figures, entities and dates: annotating took longer than "
            f"{budget:g} s (a time budget per file)"
        )
        return ("partial", rel, (prepared, reason))
    except Exception as exc:  # one bad file never stops the rest
        return ("problem", rel, f"could not be processed: {exc.__class__.__name__}: {exc}")


def _timeline(corrections: Any) -> Any:
    """The events timeline the annotators used (the user's events joined), or None for the
    shipped one."""
    if corrections is None:
        return None
    from idlibtui.annotate import Corrections, load_corrections

    loaded = corrections if isinstance(corrections, Corrections) else load_corrections(corrections)
    return loaded.timeline()


def _work_packed(task: tuple) -> bytes:
    """``_work`` with its result pickled here: the writer keeps results that wait for it (during
    a segment commit) as ~24 KB of bytes instead of ~90 KB of objects, and unpickles each when
    it files it."""
    return pickle.dumps(_work(task), pickle.HIGHEST_PROTOCOL)


def _close_inherited(fds: list[int]) -> None:
    """In a forked worker: drop our copies of the lock files' descriptors.

    A flock belongs to the open file, which a fork shares; if workers kept their copies, a
    lock would outlive a killed build for as long as its orphaned workers live.
    """
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


#: A small article with a little of everything the pipeline sets up lazily (ftfy, the mojibake
#: table, the gazetteer, the date and figure patterns, the events matcher).
_WARM_UP_TEXT = (
    "Idlib, Syria (Reuters) - Turkish troops said on Monday, Dec. 30, 2019, that "
    "235,000 people fled Maarat al-Numan in two weeks, caf\u00c3\u00a9 owners told "
    "the U.N. &amp; AFP.\n\nRecep Tayyip Erdogan met Vladimir Putin in Sochi last week. "
    "The army said that it was the worst attack on the town since the start of the year, and "
    "that it would go on with the offensive in the north of the country for as long as it had to."
)  # English enough that the language model is not loaded (and inherited by every worker)


def _warm_up() -> None:
    """Import the pipeline and run it once before forking workers: imports and lazily built
    tables then cost CPU once per build instead of once per worker."""
    try:
        from idlibtui.clean import clean_document
        from idlibtui.pipeline import annotate

        article = annotate(clean_document(_WARM_UP_TEXT, path="warm-up.txt"))
        prepare_document(article_fields(article, size=0, mtime=0.0, sha256="", version=""))
    except Exception:  # only an optimisation: the workers set themselves up anyway
        pass


def pool_map(tasks: list, workers: int, lock_fds: list[int]) -> Iterable:
    if workers <= 1 or len(tasks) < INLINE_BELOW:
        if tasks:
            _warm_up()  # lazy tables (language model, events matcher) are not a file's cost
        yield from map(_work, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    if ctx.get_start_method() == "fork":
        _warm_up()  # once here, inherited by every worker (not once per worker)
    chunksize = max(1, min(16, len(tasks) // (workers * 8) or 1))
    # Workers go on while the writer commits a segment, but no further than IN_FLIGHT results
    # ahead of it: each waiting result holds ~24 KB, and a 12,500-article segment takes ~20 s.
    window = threading.Semaphore(max(IN_FLIGHT, 2 * workers * chunksize))  # whole chunks
    stop = threading.Event()

    def gated() -> Iterator:
        for task in tasks:
            while not window.acquire(timeout=0.1):  # the pool's feeder thread waits here
                if stop.is_set():
                    return
            yield task

    with ctx.Pool(workers, initializer=_close_inherited, initargs=(lock_fds,)) as pool:
        try:
            for packed in pool.imap_unordered(_work_packed, gated(), chunksize=chunksize):
                window.release()
                yield pickle.loads(packed)
        finally:
            stop.set()  # lets the feeder thread end before the pool is torn down
