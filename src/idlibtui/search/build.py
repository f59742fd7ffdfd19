"""Build and incrementally update the index from a corpus folder.

The manifest (path, size, mtime, sha256, pipeline version) is stored with each document inside the
index, so it commits atomically with the documents: there is no second file to get out of step.
(A copy named by its commit, ``search/manifest.py``, only spares reading it back: it is ignored
unless it names the index's latest commit.)
Files whose size and mtime are unchanged are skipped without reading; files whose size or mtime
changed are hashed and only re-cleaned when the bytes differ. A change of ``PIPELINE_VERSION``
(cleaner or annotators) re-indexes everything.

Cleaning and annotation run in a process pool; one Whoosh writer (``compound=False``) receives the
documents. Crash safety comes from Whoosh's commit protocol (a new TOC generation is written last,
so a build killed at any moment leaves the previous commit readable; leftover files of a killed
build are removed by the next commit) and from our lock: ``<index>/idlibtui.lock`` is held with
``fcntl.flock`` while a build runs and names the pid, so a lock left by a dead process is free
(and rewritten), and a live one gives a clear message.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import heapq
import itertools
import json
import multiprocessing
import operator
import os
import pickle
import re
import shutil
import signal
import socket
import stat as stat_module
import threading
import time
import types
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import columns, formats, writing
from whoosh import fields as wfields
from whoosh import index as windex
from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import W3FieldWriter, W3LeafMatcher, W3TermsReader
from whoosh.system import pack_uint

from idlibtui.model import Article, Figure, IngestProblem
from idlibtui.search.backend import IndexLocked, IndexWriteError
from idlibtui.search.integrity import (
    INTEGRITY_NAME,
    check_integrity,
    damage_message,
    drop_integrity,
    write_integrity,
)
from idlibtui.search.manifest import (
    MANIFEST_NAME,
    Entry,
    commit_id,
    drop_manifest,
    entry_of,
    load_manifest,
    read_manifest,
    write_manifest,
)
from idlibtui.search.schema import INDEX_NAME, SCHEMA_VERSION, build_schema, index_exists
from idlibtui.search.sidecar import SidecarWriter, write_entities

LOCK_NAME = "idlibtui.lock"
WRITER_TIMEOUT = 10.0
# Fewer files than this are cleaned in the writer's process: starting a pool (fork, and each
# worker importing the pipeline) costs about as much as ~30 articles (measured on 2 cores).
INLINE_BELOW = 32
# A large build is committed in up to this many segments: each commit but the last runs while
# the workers go on cleaning, so only the last one is a single-core tail (writing one segment
# at the end left a core idle for about a fifth of the build). Smaller builds get one segment.
SEGMENTS_PER_BUILD = 4
IN_FLIGHT = 1_000  # results the workers may be ahead of the writer (~24 KB each)
SEGMENT_MIN = 2_000
# CPU seconds one file may take to clean, annotate and analyze. A typical article takes ~10 ms
# and a 1 MB one ~4 s; past the budget the file is indexed without annotation (cleaned text
# only: searchable, no figures, entities or dates), and if even that does not fit, skipped.
FILE_BUDGET = 10.0


def segment_size(n_files: int) -> int:
    """How many articles a build files before it commits a segment and starts the next."""
    return max(SEGMENT_MIN, -(-n_files // SEGMENTS_PER_BUILD))


class CorpusError(Exception):
    """The corpus folder is missing or holds no articles; the message says how to point at one."""


@dataclass(frozen=True, slots=True)
class BuildProgress:
    done: int
    total: int
    phase: str  # scan, process, save (a segment mid-build), remove, commit, done
    path: str = ""


@dataclass(frozen=True, slots=True)
class BuildReport:
    added: int
    updated: int
    removed: int
    unchanged: int
    #: Every file the index leaves out, with its reason: the ones tried (again) this run and the
    #: ones still skipped because they did not change since a build skipped them.
    skipped: list[IngestProblem] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: bool = False
    doc_count: int = 0
    #: How many of ``skipped`` were not re-read this run (unchanged since they were skipped).
    still_skipped: int = 0
    #: How many of ``unchanged`` were re-read because their size or time changed (a touched or
    #: copied file) but held the same bytes.
    reread: int = 0
    #: Files indexed as cleaned text only (annotation ran past the per-file time budget).
    unannotated: list[IngestProblem] = field(default_factory=list)
    #: What was damaged in the index this build found and rebuilt (``integrity``).
    repaired: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class IndexStatus:
    exists: bool
    doc_count: int
    stale: bool
    pending_changes: int
    reason: str = ""


def index_version(corrections: Any = None) -> str:
    """What the stored documents depend on: cleaner, annotators, schema, corrections file."""
    from idlibtui.versions import PIPELINE_VERSION, corrections_fingerprint

    version = f"{PIPELINE_VERSION}+schema-{SCHEMA_VERSION}"
    if isinstance(corrections, str | os.PathLike):
        fingerprint = corrections_fingerprint(corrections)
        if fingerprint:
            version += f"+corrections-{fingerprint}"
    return version


# --- lock -----------------------------------------------------------------------------------


def make_index_dir(index_dir: Path) -> None:
    """Create the index folder (and its parents); a path that cannot be a folder there (a
    file, a path under a file, a read-only or missing place) is one ``IndexWriteError``."""
    index_dir = Path(index_dir)
    if index_dir.is_dir():
        return
    if index_dir.exists() or index_dir.is_symlink():
        raise IndexWriteError(
            f"the index path {index_dir} is not a folder; give --index a folder "
            "(a new one is created)"
        )
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexWriteError(
            f"cannot create the index folder {index_dir}: {exc.strerror or exc}"
        ) from None


class IndexLock:
    """An exclusive, crash-proof lock on an index folder (fcntl.flock on a file naming the pid)."""

    def __init__(self, index_dir: Path) -> None:
        self.path = Path(index_dir) / LOCK_NAME
        self.fd: int | None = None

    def _open(self) -> int:
        """The lock file, opened (created when missing); a folder or a link in its place, or a
        folder that cannot be written, is an ``IndexWriteError`` saying what to do."""
        where = self.path
        if where.is_symlink():
            raise IndexWriteError(
                f"the lock file {where} is a link; remove it (idlibtui makes its own)"
            )
        if where.is_dir():
            raise IndexWriteError(f"the lock file {where} is a folder; remove it")
        try:
            return os.open(where, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise IndexWriteError(
                f"cannot write the index at {where.parent}: {exc.strerror or exc}"
            ) from None

    def acquire(self) -> None:
        import fcntl

        make_index_dir(self.path.parent)
        for _attempt in range(5):
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                self._refuse(fd)
            # Locked; but if the file was removed (or replaced) before we locked it, the lock
            # guards nothing: open the file now at that path and lock again.
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except OSError:
                same = False
            if same:
                self._check_writer(fd)
                self._own(fd)
                return
            os.close(fd)
        raise IndexLocked("the index lock file keeps being removed or replaced; try again")

    def _check_writer(self, fd: int) -> None:
        """Refuse when Whoosh's own write lock is held: a build whose lock file was removed
        is still running (without this, a second build would wait for it and fail)."""
        import fcntl

        try:
            probe = os.open(self.path.parent / f"{INDEX_NAME}_WRITELOCK", os.O_RDWR)
        except OSError:
            return  # no writer lock file: no build has written here
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise IndexLocked(
                "the index is being written by another process (its lock file was removed); "
                "try again when it finishes"
            ) from None
        else:
            fcntl.flock(probe, fcntl.LOCK_UN)
        finally:
            os.close(probe)

    @staticmethod
    def _refuse(fd: int) -> None:
        try:
            info = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
        except (ValueError, OSError):
            info = {}
        os.close(fd)
        pid = info.get("pid", "?") if isinstance(info, dict) else "?"
        started = info.get("started", "?") if isinstance(info, dict) else "?"
        raise IndexLocked(
            f"index is being updated by process {pid} (started {started}); "
            "try again when it finishes"
        ) from None

    def _own(self, fd: int) -> None:
        # Free: either nobody had it or its holder died (a stale lock); it is ours now.
        info = {
            "pid": os.getpid(),
            "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "host": socket.gethostname(),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            import fcntl

            try:
                os.ftruncate(self.fd, 0)
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            finally:
                os.close(self.fd)
                self.fd = None

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# --- documents ------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(type(value))


_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure))
_FIGURE_VALUES = operator.attrgetter(*_FIGURE_FIELDS)


def figures_json(article: Article) -> bytes:
    """The article's figures as compact JSON (dates as ISO strings); every field is present."""
    names = _FIGURE_FIELDS
    figs = [dict(zip(names, _FIGURE_VALUES(f), strict=True)) for f in article.figures]
    return json.dumps(
        figs, default=_json_default, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def article_fields(article: Article, *, size: int, mtime: float, sha256: str, version: str) -> dict:
    """The document Whoosh stores for one article."""
    from idlibtui.search.highlight import index_terms

    text = article.text or ""
    title = article.title or ""
    full = text if (not title or title in text[: len(title) + 400]) else f"{title}\n{text}"
    body_stems, words = index_terms(full)
    seen: dict[str, list] = {}
    for mention in article.entities:
        name = " ".join(mention.canonical.replace(",", " ").split())
        if not name:
            continue
        if name in seen:
            seen[name][2] += 1
        else:
            seen[name] = [name, mention.type, 1]
    doc: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": title,
        "t": index_terms(title)[0],
        "b": body_stems,
        "plain": " ".join(sorted(words)),
        "source": article.source or "",
        "date_inferred": bool(article.date_inferred),
        "date_kind": article.date_kind or "",
        "date_range": [
            d.isoformat() if d else "" for d in (article.date_earliest, article.date_latest)
        ],
        "agency": article.agency or "",
        "lang": article.lang or "",
        "url": article.url or "",
        "entities": list(seen.values()),
        "dateline": article.dateline or "",
        "word_count": article.word_count,
        "text_col": text.encode("utf-8"),
        "figures_col": figures_json(article),
        "entity_col": "\x1f".join(seen).encode("utf-8"),
        "size": int(size),
        "mtime": float(mtime),
        "sha256": sha256,
        "version": version,
    }
    if seen:
        doc["entity"] = ",".join(seen)
    if article.date is not None:
        doc["date"] = dt.datetime.combine(article.date, dt.time.min)
        doc["year"] = f"{article.date.year:04d}"
        doc["month"] = f"{article.date.year:04d}-{article.date.month:02d}"
        doc["day"] = article.date.isoformat()
    return doc


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
    from idlibtui import pipeline
    from idlibtui.ingest import read_document

    try:
        doc = read_document(Path(path), root)
        if isinstance(doc, IngestProblem):
            return ("problem", rel, doc.reason)
        if old_sha is not None and doc.sha256 == old_sha:
            return ("same", rel, None)

        def ready(article: Article) -> PreparedDoc:
            fields = article_fields(
                article, size=doc.size, mtime=doc.mtime, sha256=doc.sha256, version=version
            )
            return prepare_document(fields)

        try:
            with time_budget(budget):
                return (
                    "ok",
                    rel,
                    ready(pipeline.process_document(doc, rel, corrections=corrections)),
                )
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


def _work_packed(task: tuple) -> bytes:
    """``_work`` with its result pickled here: the writer keeps results that wait for it (during
    a segment commit) as ~24 KB of bytes instead of ~90 KB of objects, and unpickles each when
    it files it."""
    return pickle.dumps(_work(task), pickle.HIGHEST_PROTOCOL)


# --- prepared documents ---------------------------------------------------------------------
#
# Whoosh's ``add_document`` analyzes every indexed value (a regex tokenizer yielding Token
# objects, per-term position encoding) and queues one tuple per posting, and its commit sorts
# them all and feeds them one by one to the postings writer. Here the analysis happens in the
# pool workers (in parallel), the writer keeps each term's postings together as they arrive
# (documents arrive in docnum order, so every term's list is already sorted) and writes them a
# block at a time. The files written are byte for byte those of Whoosh's own path (a test
# compares them).

_FREQ_BYTES = [pack_uint(n) for n in range(256)]
_SCHEMA = None


def _schema():
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = build_schema()
    return _SCHEMA


@dataclass(frozen=True, slots=True)
class PreparedDoc:
    """One document for the writer, ready to file: its stored values, every indexed field's
    postings as ``(length, terms, weights, values)`` (what ``Field.index`` yields, term bytes
    first) and every column value (zlib-compressed already where the column compresses)."""

    stored: dict[str, Any]
    postings: dict[str, tuple[int, list[bytes], list[float], list[bytes]]]
    columns: dict[str, Any]
    packed: frozenset[str] = frozenset()  # column values compressed already


def _split_postings(fieldobj, value: str):
    """``fieldobj.index(value)`` for a field whose analyzer splits on spaces (``pre_analyzed``),
    without Token objects; ``None`` for a format this does not know."""
    fmt = fieldobj.format
    fb = fmt.field_boost
    kind = type(fmt)
    words = value.split(" ")
    if "" in words:
        words = [w for w in words if w]
    if kind is formats.Positions:
        poses: dict[str, list[int]] = {}
        setdefault = poses.setdefault
        for n, word in enumerate(words):
            setdefault(word, []).append(n)
        dumps = pickle.dumps
        terms = [w.encode("utf-8") for w in poses]
        weights = [len(plist) * fb for plist in poses.values()]
        values = [
            pack_uint(len(plist))
            + dumps(
                [plist[0], *map(operator.sub, plist[1:], plist)] if len(plist) > 1 else plist, 2
            )
            for plist in poses.values()
        ]
        return len(words), terms, weights, values
    if kind is formats.Frequency:
        counts = Counter(words)
        terms = [w.encode("utf-8") for w in counts]
        weights = [c * fb for c in counts.values()]
        values = [_FREQ_BYTES[c] if c < 256 else pack_uint(c) for c in counts.values()]
        return len(words), terms, weights, values
    return None


def _field_postings(fieldobj, value: Any):
    """``(length, terms, weights, values)`` of one indexed value, as ``add_document`` gets them."""
    items = list(fieldobj.index(value))
    length = sum(item[1] for item in items) if fieldobj.scorable else 0
    return (
        length,
        [item[0] for item in items],
        [item[2] for item in items],
        [item[3] or b"" for item in items],
    )


def _whole_value_term(fieldobj) -> bool:
    """An ``ID`` field as Whoosh makes it: the whole value is its one term, presence only."""
    return (
        type(fieldobj) is wfields.ID
        and type(fieldobj.analyzer) is IDTokenizer
        and type(fieldobj.format) is formats.Existence
        and not fieldobj.scorable
    )


def _splits_on_spaces(fieldobj) -> bool:
    from idlibtui.search.schema import PRE_ANALYZED_PATTERN

    ana = fieldobj.analyzer
    return getattr(ana, "expression", None) is not None and (
        ana.expression.pattern == PRE_ANALYZED_PATTERN and not ana.gaps
    )


def _precompressed(column) -> bool:
    return type(column) is columns.CompressedBytesColumn and column._module == "zlib"


def prepare_document(fields: dict[str, Any]) -> PreparedDoc:
    """Analyze a document's indexed fields and encode its column values (what
    ``add_document`` would do) for the writer."""
    schema = _schema()
    stored: dict[str, Any] = {}
    postings: dict[str, tuple] = {}
    cols: dict[str, Any] = {}
    packed = set()
    for name, value in fields.items():
        if value is None or name.startswith("_"):
            continue
        fieldobj = schema[name]
        if fieldobj.indexed:
            if fieldobj.separate_spelling() or fieldobj.vector:
                raise ValueError(f"field {name!r}: spelling or vectors are not supported")
            ready = None
            if isinstance(value, str):
                if _whole_value_term(fieldobj):
                    ready = (0, [value.encode("utf-8")], [fieldobj.format.field_boost], [b""])
                elif _splits_on_spaces(fieldobj):
                    ready = _split_postings(fieldobj, value)
            postings[name] = ready if ready is not None else _field_postings(fieldobj, value)
        if fieldobj.stored:
            stored[name] = value
        column = fieldobj.column_type
        if column:
            cv = fieldobj.to_column_value(value)
            if _precompressed(column):
                cv = zlib.compress(cv, column._level)
                packed.add(name)
            cols[name] = cv
    return PreparedDoc(stored, postings, cols, frozenset(packed))


def add_prepared(writer, doc: PreparedDoc) -> None:
    """``writer.add_document(**fields)`` for a prepared document (the same stored values,
    lengths, columns and postings)."""
    pool = writer.pool
    if not isinstance(pool, _TermPool):
        raise TypeError("add_prepared needs a writer from _open_writer")
    writer._check_state()
    perdoc = writer.perdocwriter
    schema = writer.schema
    docnum = writer.docnum
    stored, postings, cols, packed = doc.stored, doc.postings, doc.columns, doc.packed
    names = sorted(set(stored) | set(postings) | set(cols))
    writer._check_fields(schema, names)
    perdoc.start_doc(docnum)
    try:
        for name in names:
            fieldobj = schema[name]
            length = 0
            ready = postings.get(name)
            if ready is not None:
                length, terms, weights, vals = ready
                pool.add_document_postings(name, docnum, terms, weights, vals)
            perdoc.add_field(name, fieldobj, stored.get(name), length)
            if name in cols:
                column = fieldobj.column_type
                if name in packed:
                    if not perdoc._has_column(name):
                        perdoc._create_column(name, column)
                    colwriter = perdoc._get_column(name)
                    if not (_precompressed(column) and type(colwriter) is _COMPRESSED_WRITER):
                        raise TypeError(f"column {name!r} was not compressed the expected way")
                    _VARBYTES_ADD(colwriter, docnum, cols[name])
                else:
                    perdoc.add_column_value(name, column, cols[name])
    except Exception:
        perdoc.cancel_doc()
        raise
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


_COMPRESSED_WRITER = columns.CompressedBytesColumn.Writer
_VARBYTES_ADD = columns.VarBytesColumn.Writer.add


def update_prepared(writer, doc: PreparedDoc) -> None:
    """``writer.update_document(**fields)`` for a prepared document."""
    unique = [name for name in sorted(doc.stored) if writer.schema[name].unique]
    if unique:
        with writer.searcher() as searcher:
            for docnum in searcher._find_unique([(name, doc.stored[name]) for name in unique]):
                writer.delete_document(docnum)
    add_prepared(writer, doc)


class _TermPool:
    """In place of Whoosh's ``PostingPool``: postings filed per term as they arrive.

    Documents arrive in docnum order, so each term's postings are in docnum order already and
    writing the segment needs no posting sort, only a sort of the (far fewer) terms; filing
    happens while the writer would otherwise wait for the workers, not in the commit.
    ``add_document_postings`` takes one document's postings for one field; ``add`` takes
    Whoosh's posting tuples (segment merges use it). Past ``limitmb`` (estimated), the pool is
    written to a sorted run in the writer's temporary storage; runs are merged term by term.
    """

    def __init__(self, tempstore, limitmb: int = 128) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.size = 0
        self.terms: dict[str, dict[bytes, list]] = {}
        self.fieldnames: set[str] = set()
        self.runs: list[str] = []
        self.unsorted = False  # a term's docnums arrived out of order (sort before writing)
        self._serial = 0

    def _field(self, fieldname: str) -> dict[bytes, list]:
        terms = self.terms.get(fieldname)
        if terms is None:
            terms = self.terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def add(self, item) -> None:
        fieldname, btext, docnum, weight, vbytes = item
        if docnum == -1:  # Whoosh's spelling marker: no posting
            return
        self.add_document_postings(fieldname, docnum, (btext,), (weight,), (vbytes or b"",))

    def add_document_postings(self, fieldname, docnum, btexts, weights, values) -> None:
        if len(weights) != len(btexts) or len(values) != len(btexts):
            raise ValueError("terms, weights and values differ in length")
        terms = self._field(fieldname)
        get = terms.get
        for btext, weight, vbytes in zip(btexts, weights, values, strict=True):
            entry = get(btext)
            if entry is None:
                terms[btext] = [array("I", (docnum,)), [weight], [vbytes]]
            else:
                if entry[0][-1] >= docnum:
                    self.unsorted = True
                entry[0].append(docnum)
                entry[1].append(weight)
                entry[2].append(vbytes)
        self._grew(len(btexts), values)

    def add_term_postings(self, fieldname, btext, ids, weights, values) -> None:
        """One term's postings from a merged segment, in docnum order."""
        if not ids:
            return
        if len(weights) != len(ids) or len(values) != len(ids):
            raise ValueError("ids, weights and values differ in length")
        terms = self._field(fieldname)
        entry = terms.get(btext)
        if entry is None:
            terms[btext] = [array("I", ids), list(weights), list(values)]
        else:
            if entry[0][-1] >= ids[0]:
                self.unsorted = True
            entry[0].extend(ids)
            entry[1].extend(weights)
            entry[2].extend(values)
        self._grew(len(ids), values)

    def _grew(self, postings: int, values: list[bytes]) -> None:
        """Count what was filed (estimated) and spill the pool to a run past the limit."""
        self.size += 80 * postings + sum(map(len, values))
        if self.size > self.limit:
            self._save()

    def _dict_terms(self) -> Iterator[tuple[str, bytes, array, list, list]]:
        for fieldname in sorted(self.terms):
            terms = self.terms[fieldname]
            for btext in sorted(terms):
                ids, weights, values = terms[btext]
                yield fieldname, btext, ids, weights, values

    def _sorted_terms(self) -> Iterator[tuple[str, bytes, array, list, list]]:
        """Everything in memory, one record per term, sorted by (field, term)."""
        return self._dict_terms()

    def _save(self) -> None:
        name = f"terms{os.getpid()}_{self._serial}.run"
        self._serial += 1
        with self.tempstore.create_file(name).raw_file() as handle:
            for fieldname, btext, ids, weights, values in self._sorted_terms():
                record = (fieldname, btext, ids.tobytes(), weights, values)
                handle.write(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
            handle.write(pickle.dumps(None))
        self.runs.append(name)
        self.terms = {}
        self.size = 0

    def _read_run(self, name: str) -> Iterator[tuple[str, bytes, array, list, list]]:
        with self.tempstore.open_file(name).raw_file() as handle:
            while True:
                # A fresh unpickler per record: each record was pickled on its own, and an
                # unpickler's memo outlives ``load`` (reused, it would resolve a record's
                # back-references to an earlier record's objects, and keep them all alive).
                record = pickle.load(handle)
                if record is None:
                    return
                fieldname, btext, idbytes, weights, values = record
                ids = array("I")
                ids.frombytes(idbytes)
                yield fieldname, btext, ids, weights, values

    def iter_terms(self) -> Iterator[tuple[str, bytes, array, list, list]]:
        """Every term once, sorted by (field, term), with its postings in docnum order."""
        if not self.runs:
            merged = self._sorted_terms()
        else:
            sources = [self._read_run(name) for name in self.runs]
            sources.append(self._sorted_terms())
            merged = _join_runs(heapq.merge(*sources, key=_record_key))
        for fieldname, btext, ids, weights, values in merged:
            if self.unsorted and any(a >= b for a, b in itertools.pairwise(ids)):
                order = sorted(range(len(ids)), key=ids.__getitem__)
                ids = array("I", (ids[i] for i in order))
                weights = [weights[i] for i in order]
                values = [values[i] for i in order]
            yield fieldname, btext, ids, weights, values

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """Whoosh's posting tuples, sorted (for a writer that cannot take whole terms)."""
        for fieldname, btext, ids, weights, values in self.iter_terms():
            for docnum, weight, vbytes in zip(ids, weights, values, strict=True):
                yield fieldname, btext, docnum, weight, vbytes

    def cleanup(self) -> None:
        for name in self.runs:
            with contextlib.suppress(Exception):
                self.tempstore.delete_file(name)
        self.runs = []
        self.terms = {}


def _record_key(record: tuple) -> tuple[str, bytes]:
    return record[0], record[1]


def _join_runs(records: Iterable) -> Iterator[tuple[str, bytes, array, list, list]]:
    """Runs merged by key: one record per term, postings concatenated in run order."""
    last = None
    for record in records:
        if last is not None and record[0] == last[0] and record[1] == last[1]:
            last[2].extend(record[2])
            last[3].extend(record[3])
            last[4].extend(record[4])
            continue
        if last is not None:
            yield tuple(last)
        last = list(record)
    if last is not None:
        yield tuple(last)


def _add_term_postings(postwriter, ids: array, weights: list, values: list, lengths) -> None:
    """``postwriter.add_posting`` for every posting of one term, a block at a time (the same
    blocks, statistics and bytes as one call per posting)."""
    limit = postwriter._blocklimit
    n = len(ids)
    i = 0
    while i < n:
        room = limit - len(postwriter._ids)
        if room <= 0:
            postwriter._write_block()
            continue
        j = min(n, i + room)
        chunk_ids = ids[i:j] if (i or j < n) else ids
        chunk_weights = weights[i:j] if (i or j < n) else weights
        postwriter._ids.extend(chunk_ids)
        postwriter._weights.extend(chunk_weights)
        top = max(chunk_weights)
        if top > postwriter._maxweight:
            postwriter._maxweight = top
        chunk_values = values[i:j] if (i or j < n) else values
        if all(chunk_values):
            postwriter._values.extend(chunk_values)
        else:
            postwriter._values.extend(v for v in chunk_values if v)
        if lengths is not None:
            found = list(map(lengths.__getitem__, chunk_ids))
            if 0 in found:
                found = [x for x in found if x]
            if found:
                low = min(found)
                if postwriter._minlength is None or low < postwriter._minlength:
                    postwriter._minlength = low
                high = max(found)
                if high > postwriter._maxlength:
                    postwriter._maxlength = high
        i = j


def _mini_ids(self) -> tuple:
    """``W3PostingsWriter._mini_ids`` (docnums delta-encoded) without a generator."""
    ids = self._ids
    if self._byteids:
        return tuple(ids)
    now = ids.tolist()
    return tuple(map(operator.sub, now, [0, *now[:-1]]))


def _mini_weights(self):
    """``W3PostingsWriter._mini_weights`` counting in C."""
    weights = self._weights
    n = len(weights)
    if weights.count(1.0) == n:
        return None
    if weights.count(weights[0]) == n:
        return weights[0]
    return tuple(weights)


def _speed_up(postwriter) -> None:
    postwriter._mini_ids = types.MethodType(_mini_ids, postwriter)
    postwriter._mini_weights = types.MethodType(_mini_weights, postwriter)


def _write_terms(
    fieldwriter, schema, lengths: _CachedLengths | None, terms, sidecar: SidecarWriter | None = None
) -> None:
    """``fieldwriter.add_postings`` for whole terms (from ``_TermPool.iter_terms``); the
    positional fields' postings also go to ``sidecar``."""
    lastfn = None
    field_lengths = None
    for fieldname, btext, ids, weights, values in terms:
        if sidecar is not None:
            sidecar.add(fieldname, btext, ids, values)
        if fieldname != lastfn:
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            _speed_up(fieldwriter._postwriter)
            lastfn = fieldname
            field_lengths = lengths.field_lengths(fieldname) if lengths is not None else None
        fieldwriter.start_term(btext)
        _add_term_postings(fieldwriter._postwriter, ids, weights, values, field_lengths)
        fieldwriter.finish_term()
    if lastfn is not None:
        fieldwriter.finish_field()


# --- manifest and corpus scan ---------------------------------------------------------------


def _check_corpus(corpus_dir: Path) -> None:
    hint = (
        "point idlibtui at a folder of .txt/.html articles with --corpus DIR, the IDLIBTUI_CORPUS "
        'environment variable, or `corpus = "DIR"` in the config file'
    )
    if not corpus_dir.is_dir():
        raise CorpusError(f"no corpus folder at {corpus_dir}; {hint}")


def scan_corpus(
    corpus_dir: Path, problems: list[IngestProblem] | None = None
) -> dict[str, tuple[Path, int, float]]:
    """Corpus-relative path → (path, size, mtime), by stat only (one ``lstat`` per file).

    Works on strings until the end: at 50k files, ``Path`` arithmetic and sorting cost more
    than the ``lstat`` calls themselves. A folder that cannot be listed goes to ``problems``.
    """
    from idlibtui.ingest import relative_to_corpus, walk_corpus

    root = str(Path(corpus_dir))
    out: dict[str, tuple[Path, int, float]] = {}

    def unreadable(folder: str, reason: str) -> None:
        if problems is not None:
            inner = folder[len(root) :].strip(os.sep).replace(os.sep, "/")
            problems.append(IngestProblem(f"{inner or '.'}/", reason))

    for folder, name in walk_corpus(root, unreadable):
        full = os.path.join(folder, name)
        try:
            st = os.lstat(full)
        except OSError:
            st = None
        if st is not None and not stat_module.S_ISLNK(st.st_mode):
            # The walk does not enter linked folders, so nothing between the corpus folder and
            # this file is a link: the path relative to it is what resolving both would give.
            inner = folder[len(root) :].strip(os.sep)
            rel = f"{inner}/{name}" if inner else name
            if os.sep != "/":
                rel = rel.replace(os.sep, "/")
            path = Path(full)
        else:
            path = Path(full)
            try:
                st = path.stat()
            except (OSError, RuntimeError):  # dangling, a loop
                st = None
            rel = relative_to_corpus(path, corpus_dir)
        out[rel] = (path, st.st_size if st else -1, st.st_mtime if st else -1.0)
    return out


NAME_NOT_UTF8 = "the file name is not valid UTF-8 (rename the file to index it)"


def _utf8(rel: str) -> bool:
    """Whether a path can be stored (a name whose bytes are not UTF-8 holds surrogates)."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _same_stat(entry: Entry, size: int, mtime: float) -> bool:
    return entry.size == size and abs(entry.mtime - mtime) < 1e-6


# --- skipped files ----------------------------------------------------------------------------
#
# Files the build could not index (empty, binary, unreadable…) are recorded with their size,
# mtime and reason, so an unchanged bad file is neither pending nor re-read. The record is a
# small JSON file next to the index that names the index commit it belongs to (generation and
# segment ids): it is trusted only while that commit is the latest, so a build killed between
# its commit and writing the record merely re-tries the bad files. Keeping it out of the index
# means searches, counts, facets and ranking statistics cannot see it.

SKIPPED_NAME = f"skipped-{INDEX_NAME}.json"


def read_skipped(index_dir: Path, ix) -> tuple[str, dict[str, tuple[int, float, str]]]:
    """``(version, {path: (size, mtime, reason)})`` recorded for the index's latest commit."""
    try:
        data = json.loads((Path(index_dir) / SKIPPED_NAME).read_text(encoding="utf-8"))
        if data.get("commit") != commit_id(ix):
            return "", {}
        files = {
            str(rel): (int(size), float(mtime), str(reason))
            for rel, (size, mtime, reason) in data.get("files", {}).items()
        }
        return str(data.get("version", "")), files
    except Exception:  # missing, damaged or from another commit: re-try everything
        return "", {}


def _write_skipped(index_dir: Path, ix, version: str, files: dict) -> None:
    path = Path(index_dir) / SKIPPED_NAME
    data = {
        "commit": commit_id(ix),
        "version": version,
        "files": {rel: list(v) for rel, v in sorted(files.items())},
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:  # ASCII JSON: a path that is not UTF-8 (lone surrogates) is written escaped
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # read-only folder: the bad files are simply re-tried next time
        with contextlib.suppress(OSError):
            tmp.unlink()


def _drop_skipped(index_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (Path(index_dir) / SKIPPED_NAME).unlink()


# --- update ---------------------------------------------------------------------------------


def _open_or_create(index_dir: Path) -> tuple[Any, bool, list[str]]:
    """The index to write to, whether it was (re)created empty, and the damage that made it
    start again (files not as their commit wrote them, or an index that cannot be read)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    damage: list[str] = []
    if index_exists(index_dir):
        try:
            ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
            damage = check_integrity(index_dir, ix) or []
            if not damage:
                with ix.reader() as reader:  # touch the segments: a damaged index fails here
                    reader.doc_count()
                return ix, False, []
        except Exception as exc:  # unreadable: start again
            damage = damage or [f"the index could not be read ({exc.__class__.__name__}: {exc})"]
    return windex.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME), True, damage


def _remove_other_versions(index_dir: Path) -> None:
    own = re.compile(
        rf"^_?{INDEX_NAME}_|^{re.escape(SKIPPED_NAME)}$|^{re.escape(MANIFEST_NAME)}$"
        rf"|^{re.escape(INTEGRITY_NAME)}$"
    )
    other = re.compile(
        r"^_?idlibtui\d+_|^skipped-idlibtui\d+\.json$|^manifest-idlibtui\d+\.pickle$"
        r"|^integrity-idlibtui\d+\.json$"
    )
    for path in index_dir.iterdir():
        if other.match(path.name) and not own.match(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


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


def _pool_map(tasks: list, workers: int, lock_fds: list[int]) -> Iterable:
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


class _CachedLengths:
    """Field lengths of a new segment, read once per field.

    Whoosh asks for the length of every posting's field while writing the postings (for block
    statistics); each answer costs a column lookup, and for a field without lengths a file
    ``stat``. Answering from a list read once per scorable field gives the same numbers.
    """

    def __init__(self, perdoc, schema) -> None:
        self._perdoc = perdoc
        self._scorable = {name for name, fobj in schema.items() if fobj.scorable}
        self._lengths: dict[str, list[int]] = {}

    def field_lengths(self, fieldname: str) -> list[int] | None:
        """Every document's length of a scorable field (``None`` for a field without)."""
        if fieldname not in self._scorable:
            return None
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            dfl = self._perdoc.doc_field_length
            count = self._perdoc.doc_count_all()
            lengths = self._lengths[fieldname] = [dfl(i, fieldname, 0) for i in range(count)]
        return lengths

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self.field_lengths(fieldname)
        if lengths is None:
            return default
        return lengths[docnum] if docnum < len(lengths) else default


def _flush_segment(self) -> None:
    """``SegmentWriter._flush_segment`` with field lengths answered by ``_CachedLengths``."""
    self.perdocwriter.close()
    perdoc = self.per_document_reader() if self.codec.length_stats else None
    lengths = _CachedLengths(perdoc, self.schema) if perdoc is not None else None
    if isinstance(self.pool, _TermPool) and type(self.fieldwriter) is W3FieldWriter:
        segment = getattr(self, "newsegment", None)
        sidecar = SidecarWriter(self.storage, segment, self.schema)
        try:
            _write_terms(self.fieldwriter, self.schema, lengths, self.pool.iter_terms(), sidecar)
            sidecar.finish()
        except BaseException:  # the segment itself failed (or the build was interrupted)
            sidecar.abort()
            raise
        if perdoc is not None:
            write_entities(self.storage, segment, perdoc, self.schema)
    else:
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
    self.fieldwriter.close()
    if perdoc is not None:
        perdoc.close()


def _term_blocks(matcher) -> tuple[list, list, list]:
    """A W3 posting list's ids, weights and values, decoded a block at a time by the matcher's
    own block readers (Whoosh's ``iter_postings`` steps through them one posting at a time)."""
    ids: list = []
    weights: list = []
    values: list = []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        values.extend(matcher._values)
        matcher._next_block()
    return ids, weights, values


def _add_postings_to_pool(self, reader, startdoc: int, docmap: dict | None) -> None:
    """``SegmentWriter.add_postings_to_pool`` (a segment merge) a whole term at a time.

    Whoosh's version yields every posting of the merged segment through a matcher, and
    merging cost about as much per article as indexing it. Here each term's blocks are
    decoded whole and filed at once; anything unexpected takes Whoosh's path.
    """
    terms = getattr(reader, "_terms", None)
    codec = getattr(reader, "_codec", None)
    postfile = getattr(terms, "_postfile", None)
    if (
        not isinstance(self.pool, _TermPool)
        or type(terms) is not W3TermsReader
        or postfile is None
        or codec is None
    ):
        _WHOOSH_ADD_POSTINGS(self, reader, startdoc, docmap)
        return
    schema = self.schema
    add_term = self.pool.add_term_postings
    for (fieldname, btext), info in terms.items():
        if fieldname not in schema:
            continue
        matcher = codec.postings_reader(postfile, info, schema[fieldname].format)
        if type(matcher) is W3LeafMatcher:
            ids, weights, values = _term_blocks(matcher)
        else:  # inlined postings: a list matcher
            ids, weights, values = [], [], []
            while matcher.is_active():
                ids.append(matcher.id())
                weights.append(matcher.weight())
                values.append(matcher.value())
                matcher.next()
        if docmap is None:
            ids = [startdoc + d for d in ids]
        else:  # deleted documents are not in the map
            keep = [i for i, d in enumerate(ids) if d in docmap]
            if len(keep) != len(ids):
                weights = [weights[i] for i in keep]
                values = [values[i] for i in keep]
                ids = [ids[i] for i in keep]
            ids = [docmap[d] for d in ids]
        add_term(fieldname, btext, ids, weights, [v or b"" for v in values])


_WHOOSH_ADD_POSTINGS = writing.SegmentWriter.add_postings_to_pool


def _open_writer(ix):
    limitmb = 96  # estimated; the real footprint is larger (the build stays under 500 MB)
    writer = ix.writer(timeout=WRITER_TIMEOUT, compound=False, limitmb=limitmb)
    if not isinstance(writer, writing.SegmentWriter):
        raise TypeError(f"unexpected Whoosh writer {type(writer).__name__}")
    writer.pool.cleanup()
    writer.pool = _TermPool(writer._tempstorage, limitmb)
    writer._flush_segment = types.MethodType(_flush_segment, writer)
    writer.add_postings_to_pool = types.MethodType(_add_postings_to_pool, writer)
    return writer


def _stage_segment(writer):
    """Write the writer's documents as a finished segment without publishing it (no new
    TOC: readers go on seeing the last commit) and close the writer; the segment is published
    by a later commit with ``_only``. Killed before that, its files are leftovers that the
    next run removes (``_remove_leftovers``)."""
    segment = writer._finalize_segment()
    writer._finish()
    return segment


def _only(staged: list) -> Callable:
    """A Whoosh merge policy: the segments of the commit are the staged ones (and the
    committing writer's own), none of the index's current ones."""

    def policy(_writer, _segments) -> list:
        return list(staged)

    return policy


def _remove_leftovers(index_dir: Path, ix) -> None:
    """Remove files of this index that its latest commit does not use: segments of a killed
    build or of a rebuild killed before its switch, a half-written TOC, the writer's
    temporary folder. Runs under the build lock, so no writer is using them."""
    toc = ix._read_toc()
    keep = tuple(f"{seg.segment_id()}." for seg in toc.segments)
    current_toc = f"_{INDEX_NAME}_{toc.generation}.toc"
    for name in os.listdir(index_dir):
        path = index_dir / name
        if name == f"{INDEX_NAME}.tmp" and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            continue
        segment_file = name.startswith(f"{INDEX_NAME}_") and name != f"{INDEX_NAME}_WRITELOCK"
        old_toc = name.startswith(f"_{INDEX_NAME}_") and ".toc" in name and name != current_toc
        if (segment_file and not (keep and name.startswith(keep))) or old_toc:
            with contextlib.suppress(OSError):
                path.unlink()


def _writer_lock_fd(writer) -> int | None:
    lock = getattr(writer, "writelock", None)
    fd = getattr(lock, "fd", None)
    return fd if isinstance(fd, int) else None


def update_index(
    corpus_dir: Path,
    index_dir: Path,
    *,
    rebuild: bool = False,
    corrections: Any = None,
    progress: Callable[[BuildProgress], None] | None = None,
    workers: int | None = None,
    file_budget: float | None = FILE_BUDGET,
) -> BuildReport:
    """Bring the index at ``index_dir`` up to date with ``corpus_dir``.

    ``file_budget`` is the CPU seconds one file may take (None: unbounded); see ``_work``.
    Raises ``CorpusError`` for a missing corpus, ``IndexLocked`` when another live process is
    updating the index, and ``IndexWriteError`` when the index cannot be written there (not a
    folder, read-only, disk full): a fresh build that fails removes what it wrote.
    """
    index_dir = Path(index_dir)
    made_dir = not index_dir.exists() and not index_dir.is_symlink()
    try:
        return _update_index(
            corpus_dir,
            index_dir,
            rebuild=rebuild,
            corrections=corrections,
            progress=progress,
            workers=workers,
            file_budget=file_budget,
        )
    except (IndexLocked, IndexWriteError, CorpusError, ValueError):
        if made_dir:
            _remove_made_dir(index_dir)
        raise
    except windex.LockError:  # Whoosh's own write lock: another writer got past ours
        raise IndexLocked(
            "the index is being written by another process (its lock file was removed); "
            "try again when it finishes"
        ) from None
    except OSError as exc:
        if made_dir:
            _remove_made_dir(index_dir)
        where = f" ({exc.filename})" if exc.filename else ""
        raise IndexWriteError(
            f"cannot write the index at {index_dir}: {exc.strerror or exc}{where}"
        ) from None
    except BaseException:
        if made_dir:
            _remove_made_dir(index_dir)
        raise


def _remove_new_files(index_dir: Path, before: set[str]) -> None:
    """Remove what a failed fresh build wrote (everything not there before, but the lock)."""
    for name in set(os.listdir(index_dir)) - before - {LOCK_NAME}:
        path = index_dir / name
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()


def _remove_made_dir(index_dir: Path) -> None:
    """The index folder this build created, once nothing but its lock is left in it."""
    with contextlib.suppress(OSError):
        (index_dir / LOCK_NAME).unlink()
    with contextlib.suppress(OSError):
        index_dir.rmdir()  # only when empty


def _update_index(
    corpus_dir: Path,
    index_dir: Path,
    *,
    rebuild: bool = False,
    corrections: Any = None,
    progress: Callable[[BuildProgress], None] | None = None,
    workers: int | None = None,
    file_budget: float | None = FILE_BUDGET,
) -> BuildReport:
    """``update_index`` under the index lock (it maps errors and tidies up after it)."""
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    _check_corpus(corpus_dir)
    report = progress or (lambda _p: None)
    version = index_version(corrections)
    if workers is None:
        workers = max(1, min(os.cpu_count() or 1, 4))
    elif workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")

    with IndexLock(index_dir) as lock:
        # What was there before this build: a fresh build that fails removes the rest.
        before = set(os.listdir(index_dir))
        fresh = not index_exists(index_dir)
        try:
            ix, created, repaired = _open_or_create(index_dir)
            if repaired:  # damaged: built again from the corpus, in place
                rebuild = True
            if not created:
                _remove_leftovers(index_dir, ix)
            if created:
                _drop_skipped(index_dir)
                drop_manifest(index_dir)
                drop_integrity(index_dir)
            manifest, manifest_current = ({}, False) if created else load_manifest(ix, index_dir)
            if any(e.version != version for e in manifest.values()):
                rebuild = True
            skipped_version, known_bad = read_skipped(index_dir, ix)
            if rebuild or skipped_version != version:
                known_bad = {}
            report(BuildProgress(0, 0, "scan"))
            folder_problems: list[IngestProblem] = []
            files = scan_corpus(corpus_dir, folder_problems)
            report(BuildProgress(len(files), len(files), "scan"))

            tasks = []
            root = str(corpus_dir)
            unchanged = 0
            bad: dict[str, tuple[int, float, str]] = {}  # what the record will say after this run
            still: list[IngestProblem] = []
            skipped_names: list[IngestProblem] = []
            for rel, (path, size, mtime) in sorted(files.items()):
                entry = manifest.get(rel)
                old_bad = known_bad.get(rel)
                if (
                    entry is None
                    and old_bad is not None
                    and old_bad[0] == size
                    and abs(old_bad[1] - mtime) < 1e-6
                ):
                    bad[rel] = old_bad
                    still.append(IngestProblem(rel, old_bad[2]))
                elif not _utf8(rel):
                    bad[rel] = (size, mtime, NAME_NOT_UTF8)
                    skipped_names.append(IngestProblem(rel, NAME_NOT_UTF8))
                elif rebuild or entry is None:
                    tasks.append((str(path), rel, None, corrections, version, root, file_budget))
                elif _same_stat(entry, size, mtime):
                    unchanged += 1
                else:
                    tasks.append(
                        (str(path), rel, entry.sha256, corrections, version, root, file_budget)
                    )
            gone = [rel for rel in manifest if rel not in files]

            added = updated = reread = 0
            skipped: list[IngestProblem] = []
            unannotated: list[IngestProblem] = []
            after = {} if rebuild else dict(manifest)  # the manifest once this run is committed
            writer = None
            try:
                writer_used = bool(tasks or gone or rebuild)
                if writer_used:
                    writer = _open_writer(ix)
                total = len(tasks)
                lock_fds = [fd for fd in (lock.fd, _writer_lock_fd(writer)) if fd is not None]
                results = _pool_map(tasks, workers, lock_fds)
                per_segment, filed = segment_size(total), 0
                staged: list = []  # a rebuild's segments written but not yet published
                for done, (kind, rel, payload) in enumerate(results, 1):
                    report(BuildProgress(done, total, "process", rel))
                    if filed >= per_segment:
                        # Write what is filed while the workers go on. An update commits it (a
                        # killed build keeps it); a rebuild keeps its segments unpublished until
                        # the end, so readers see the old index until the new one is whole.
                        report(BuildProgress(done - 1, total, "save"))
                        if rebuild:
                            staged.append(_stage_segment(writer))
                        else:
                            writer.commit(mergetype=writing.NO_MERGE)
                        writer, filed = None, 0
                        if not rebuild:
                            write_manifest(index_dir, ix, after)
                            write_integrity(index_dir, ix)
                        writer = _open_writer(ix)
                    entry = manifest.get(rel)
                    if kind == "partial":  # indexed without annotation (past the time budget)
                        payload, reason = payload
                        unannotated.append(IngestProblem(rel, reason))
                        kind = "ok"
                    if kind == "same":
                        unchanged += 1
                        reread += 1
                    elif kind == "problem":
                        skipped.append(IngestProblem(rel, payload))
                        _path, size, mtime = files[rel]
                        bad[rel] = (size, mtime, payload)
                        if entry is not None and not rebuild:
                            writer.delete_by_term("id", entry.id)
                            after.pop(rel, None)
                    elif rebuild or entry is None:
                        add_prepared(writer, payload)
                        if entry is None:
                            added += 1
                        else:
                            updated += 1
                    else:
                        update_prepared(writer, payload)
                        updated += 1
                    if kind == "ok":
                        stored_path, new_entry = entry_of(payload.stored)
                        after[stored_path] = new_entry
                        filed += 1
                if not rebuild:
                    for n, rel in enumerate(gone, 1):
                        writer.delete_by_term("id", manifest[rel].id)
                        after.pop(rel, None)
                        report(BuildProgress(n, len(gone), "remove", rel))
                if writer is not None:
                    report(BuildProgress(0, 1, "commit"))
                    if rebuild:  # the switch: the new segments replace all the old ones
                        writer.commit(mergetype=_only(staged))
                    else:
                        writer.commit()
                    writer = None
                    report(BuildProgress(1, 1, "commit"))
            finally:
                if writer is not None:
                    writer.cancel()
            _remove_other_versions(index_dir)
            final = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
            with final.reader() as reader:
                doc_count = reader.doc_count()
            if writer_used or not manifest_current:
                write_manifest(index_dir, final, after)
            if writer_used or check_integrity(index_dir, final) is None:
                write_integrity(index_dir, final)
            if bad != known_bad or writer_used:
                if bad:
                    _write_skipped(index_dir, final, version, bad)
                else:
                    _drop_skipped(index_dir)
        except BaseException:
            if fresh:
                _remove_new_files(index_dir, before)
            raise

    seconds = time.perf_counter() - started
    report(BuildProgress(doc_count, doc_count, "done"))
    return BuildReport(
        added=added,
        updated=updated,
        removed=len(gone),
        unchanged=unchanged,
        skipped=sorted(still + skipped + skipped_names + folder_problems, key=lambda p: p.path),
        seconds=seconds,
        rebuilt=rebuild,
        doc_count=doc_count,
        still_skipped=len(still),
        reread=reread,
        unannotated=sorted(unannotated, key=lambda p: p.path),
        repaired=repaired,
    )


def index_status(corpus_dir: Path, index_dir: Path, *, corrections: Any = None) -> IndexStatus:
    """Whether the index exists and how far it is behind the corpus, by stat only (fast).

    Pass the corrections file path to also notice that it was edited; without it, the
    corrections are not compared.
    """
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    files = scan_corpus(corpus_dir) if corpus_dir.is_dir() else {}
    if not index_exists(index_dir):
        return IndexStatus(False, 0, True, len(files), "no index yet")
    try:
        ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
        damage = check_integrity(index_dir, ix)
        if damage:
            return IndexStatus(True, 0, True, len(files), damage_message(index_dir, damage))
        manifest = read_manifest(ix, index_dir)
        skipped_version, known_bad = read_skipped(index_dir, ix)
    except Exception as exc:
        return IndexStatus(True, 0, True, len(files), f"index unreadable: {exc}")
    version = index_version(corrections)

    def differs(stored: str) -> bool:
        if corrections is None:  # not told: compare without the corrections part
            return stored.split("+corrections-")[0] != version
        return stored != version

    if any(differs(e.version) for e in manifest.values()):
        return IndexStatus(
            True, len(manifest), True, len(files), "cleaner, annotators or corrections changed"
        )
    if known_bad and differs(skipped_version):
        known_bad = {}

    def known(rel: str, size: int, mtime: float) -> bool:
        if rel in manifest:
            return _same_stat(manifest[rel], size, mtime)
        old = known_bad.get(rel)
        return old is not None and old[0] == size and abs(old[1] - mtime) < 1e-6

    pending = sum(1 for rel, (_p, size, mtime) in files.items() if not known(rel, size, mtime))
    pending += sum(1 for rel in manifest if rel not in files)
    reason = f"{pending} file(s) added, changed or removed" if pending else ""
    return IndexStatus(True, len(manifest), pending > 0, pending, reason)
