"""Build and incrementally update the index from a corpus folder.

The manifest (path, size, mtime, sha256, pipeline version) is stored with each document inside the
index, so it commits atomically with the documents: there is no second file to get out of step.
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
import json
import multiprocessing
import os
import re
import socket
import time
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import writing

from idlibtui.model import Article, Figure, IngestProblem
from idlibtui.search.backend import IndexLocked
from idlibtui.search.highlight import index_terms
from idlibtui.search.schema import SCHEMA_VERSION, build_schema
from idlibtui.search.whoosh_backend import INDEX_NAME, index_exists

LOCK_NAME = "idlibtui.lock"
WRITER_TIMEOUT = 10.0
INLINE_BELOW = 8  # fewer files than this are cleaned in-process (no pool start-up)


class CorpusError(Exception):
    """The corpus folder is missing or holds no articles; the message says how to point at one."""


@dataclass(frozen=True, slots=True)
class BuildProgress:
    done: int
    total: int
    phase: str  # scan, process, remove, commit, done
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


class IndexLock:
    """An exclusive, crash-proof lock on an index folder (fcntl.flock on a file naming the pid)."""

    def __init__(self, index_dir: Path) -> None:
        self.path = Path(index_dir) / LOCK_NAME
        self.fd: int | None = None

    def acquire(self) -> None:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            try:
                info = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
            except (ValueError, OSError):
                info = {}
            os.close(fd)
            pid = info.get("pid", "?")
            started = info.get("started", "?")
            raise IndexLocked(
                f"index is being updated by process {pid} (started {started}); "
                "try again when it finishes"
            ) from None
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


def figures_json(article: Article) -> bytes:
    """The article's figures as compact JSON (dates as ISO strings); every field is present."""
    figs = [{name: getattr(f, name) for name in _FIGURE_FIELDS} for f in article.figures]
    return json.dumps(
        figs, default=_json_default, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def article_fields(article: Article, *, size: int, mtime: float, sha256: str, version: str) -> dict:
    """The document Whoosh stores for one article."""
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


def _work(task: tuple[str, str, str | None, Any, str]) -> tuple[str, str, Any]:
    """Read, hash, clean and annotate one file (runs in a pool worker)."""
    path, rel, old_sha, corrections, version = task
    from idlibtui.ingest import read_document
    from idlibtui.pipeline import process_document

    try:
        doc = read_document(Path(path))
        if isinstance(doc, IngestProblem):
            return ("problem", rel, doc.reason)
        if old_sha is not None and doc.sha256 == old_sha:
            return ("same", rel, None)
        article = process_document(doc, rel, corrections=corrections)
        fields = article_fields(
            article, size=doc.size, mtime=doc.mtime, sha256=doc.sha256, version=version
        )
        return ("ok", rel, fields)
    except Exception as exc:  # one bad file never stops the rest
        return ("problem", rel, f"could not be processed: {exc.__class__.__name__}: {exc}")


# --- manifest and corpus scan ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    size: int
    mtime: float
    sha256: str
    version: str


def read_manifest(ix) -> dict[str, _Entry]:
    out: dict[str, _Entry] = {}
    with ix.reader() as reader:
        for fields in reader.all_stored_fields():
            out[fields.get("path", "")] = _Entry(
                fields.get("id", ""),
                int(fields.get("size", -1)),
                float(fields.get("mtime", -1.0)),
                fields.get("sha256", ""),
                fields.get("version", ""),
            )
    return out


def _check_corpus(corpus_dir: Path) -> None:
    hint = (
        "point idlibtui at a folder of .txt/.html articles with --corpus DIR, the IDLIBTUI_CORPUS "
        'environment variable, or `corpus = "DIR"` in the config file'
    )
    if not corpus_dir.is_dir():
        raise CorpusError(f"no corpus folder at {corpus_dir}; {hint}")


def scan_corpus(corpus_dir: Path) -> dict[str, tuple[Path, int, float]]:
    """Corpus-relative path → (path, size, mtime), by stat only."""
    from idlibtui.ingest import iter_corpus, relative_to_corpus

    out: dict[str, tuple[Path, int, float]] = {}
    for path in iter_corpus(corpus_dir):
        try:
            st = path.stat()
        except OSError:
            st = None
        rel = relative_to_corpus(path, corpus_dir)
        out[rel] = (path, st.st_size if st else -1, st.st_mtime if st else -1.0)
    return out


def _same_stat(entry: _Entry, size: int, mtime: float) -> bool:
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


def _commit_id(ix) -> dict[str, Any]:
    toc = ix._read_toc()
    return {
        "generation": int(toc.generation),
        "segments": sorted(str(seg.segment_id()) for seg in toc.segments),
    }


def read_skipped(index_dir: Path, ix) -> tuple[str, dict[str, tuple[int, float, str]]]:
    """``(version, {path: (size, mtime, reason)})`` recorded for the index's latest commit."""
    try:
        data = json.loads((Path(index_dir) / SKIPPED_NAME).read_text(encoding="utf-8"))
        if data.get("commit") != _commit_id(ix):
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
        "commit": _commit_id(ix),
        "version": version,
        "files": {rel: list(v) for rel, v in sorted(files.items())},
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # read-only folder: the bad files are simply re-tried next time
        with contextlib.suppress(OSError):
            tmp.unlink()


def _drop_skipped(index_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (Path(index_dir) / SKIPPED_NAME).unlink()


# --- update ---------------------------------------------------------------------------------


def _open_or_create(index_dir: Path) -> tuple[Any, bool]:
    """The index to write to, and whether it was (re)created empty."""
    index_dir.mkdir(parents=True, exist_ok=True)
    if index_exists(index_dir):
        try:
            ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
            with ix.reader() as reader:  # touch the segments: a damaged index fails here
                reader.doc_count()
            return ix, False
        except Exception:
            pass  # unreadable: start again
    return windex.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME), True


def _remove_other_versions(index_dir: Path) -> None:
    own = re.compile(rf"^_?{INDEX_NAME}_|^{re.escape(SKIPPED_NAME)}$")
    other = re.compile(r"^_?idlibtui\d+_|^skipped-idlibtui\d+\.json$")
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


def _pool_map(tasks: list, workers: int, lock_fds: list[int]) -> Iterable:
    if workers <= 1 or len(tasks) < INLINE_BELOW:
        yield from map(_work, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(16, len(tasks) // (workers * 8) or 1))
    with ctx.Pool(workers, initializer=_close_inherited, initargs=(lock_fds,)) as pool:
        yield from pool.imap_unordered(_work, tasks, chunksize=chunksize)


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

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if fieldname not in self._scorable:
            return default
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            dfl = self._perdoc.doc_field_length
            count = self._perdoc.doc_count_all()
            lengths = self._lengths[fieldname] = [dfl(i, fieldname, 0) for i in range(count)]
        return lengths[docnum] if docnum < len(lengths) else default


def _flush_segment(self) -> None:
    """``SegmentWriter._flush_segment`` with field lengths answered by ``_CachedLengths``."""
    self.perdocwriter.close()
    perdoc = self.per_document_reader() if self.codec.length_stats else None
    lengths = _CachedLengths(perdoc, self.schema) if perdoc is not None else None
    self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
    self.fieldwriter.close()
    if perdoc is not None:
        perdoc.close()


def _open_writer(ix):
    writer = ix.writer(timeout=WRITER_TIMEOUT, compound=False, limitmb=128)
    if isinstance(writer, writing.SegmentWriter):
        writer._flush_segment = types.MethodType(_flush_segment, writer)
    return writer


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
) -> BuildReport:
    """Bring the index at ``index_dir`` up to date with ``corpus_dir``.

    Raises ``CorpusError`` for a missing corpus and ``IndexLocked`` when another live process is
    updating the index.
    """
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    _check_corpus(corpus_dir)
    report = progress or (lambda _p: None)
    version = index_version(corrections)
    if workers is None:
        workers = max(1, min(os.cpu_count() or 1, 4))

    with IndexLock(index_dir) as lock:
        ix, created = _open_or_create(index_dir)
        if created:
            _drop_skipped(index_dir)
        manifest = {} if created else read_manifest(ix)
        if any(e.version != version for e in manifest.values()):
            rebuild = True
        skipped_version, known_bad = read_skipped(index_dir, ix)
        if rebuild or skipped_version != version:
            known_bad = {}
        report(BuildProgress(0, 0, "scan"))
        files = scan_corpus(corpus_dir)
        report(BuildProgress(len(files), len(files), "scan"))

        tasks = []
        unchanged = 0
        bad: dict[str, tuple[int, float, str]] = {}  # what the record will say after this run
        still: list[IngestProblem] = []
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
            elif rebuild or entry is None:
                tasks.append((str(path), rel, None, corrections, version))
            elif _same_stat(entry, size, mtime):
                unchanged += 1
            else:
                tasks.append((str(path), rel, entry.sha256, corrections, version))
        gone = [rel for rel in manifest if rel not in files]

        added = updated = 0
        skipped: list[IngestProblem] = []
        writer = None
        try:
            writer_used = bool(tasks or gone or rebuild)
            if writer_used:
                writer = _open_writer(ix)
            total = len(tasks)
            lock_fds = [fd for fd in (lock.fd, _writer_lock_fd(writer)) if fd is not None]
            results = _pool_map(tasks, workers, lock_fds)
            for done, (kind, rel, payload) in enumerate(results, 1):
                report(BuildProgress(done, total, "process", rel))
                entry = manifest.get(rel)
                if kind == "same":
                    unchanged += 1
                elif kind == "problem":
                    skipped.append(IngestProblem(rel, payload))
                    _path, size, mtime = files[rel]
                    bad[rel] = (size, mtime, payload)
                    if entry is not None and not rebuild:
                        writer.delete_by_term("id", entry.id)
                elif rebuild or entry is None:
                    writer.add_document(**payload)
                    if entry is None:
                        added += 1
                    else:
                        updated += 1
                else:
                    writer.update_document(**payload)
                    updated += 1
            if not rebuild:
                for n, rel in enumerate(gone, 1):
                    writer.delete_by_term("id", manifest[rel].id)
                    report(BuildProgress(n, len(gone), "remove", rel))
            if writer is not None:
                report(BuildProgress(0, 1, "commit"))
                if rebuild:
                    writer.commit(mergetype=writing.CLEAR)
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
        if bad != known_bad or writer_used:
            if bad:
                _write_skipped(index_dir, final, version, bad)
            else:
                _drop_skipped(index_dir)

    seconds = time.perf_counter() - started
    report(BuildProgress(doc_count, doc_count, "done"))
    return BuildReport(
        added=added,
        updated=updated,
        removed=len(gone),
        unchanged=unchanged,
        skipped=sorted(still + skipped, key=lambda p: p.path),
        seconds=seconds,
        rebuilt=rebuild,
        doc_count=doc_count,
        still_skipped=len(still),
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
        manifest = read_manifest(ix)
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
