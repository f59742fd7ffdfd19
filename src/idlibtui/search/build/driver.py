"""The build's driver: bring an index up to date with a corpus folder in one locked run.

A run takes the lock (``lock.py``), opens the index or starts it again when damaged
(``state.py``), scans the corpus and plans which files to read (``scan.py``), runs the per-file
work in a pool (``work.py``) and files the results with one writer (``writer.py``), committing a
segment every ``segment_size`` articles; then it removes the files that are gone, commits, and
writes the manifest copy, the integrity record and the skipped-file record for the new commit.

Files whose size and mtime are unchanged are not read; changed ones are hashed and re-cleaned only
when the bytes differ; a new ``index_version`` (cleaner, annotators, schema, corrections) rebuilds.
A rebuild keeps its segments unpublished and switches to them in its last commit, so readers see
the old index until the new one is whole. Depends on Whoosh's commit protocol (a new TOC
generation is written last, so a killed build leaves the previous commit readable) and on its
merge policies (``only_segments`` names the segments of the switch).
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import writing

from idlibtui.model import IngestProblem
from idlibtui.search.backend import IndexLocked, IndexWriteError
from idlibtui.search.build.corpus_pass import FIELD as CORPUS_FIELD
from idlibtui.search.build.corpus_pass import changed_lends
from idlibtui.search.build.documents import PreparedDoc
from idlibtui.search.build.lock import IndexLock
from idlibtui.search.build.scan import (
    NAME_NOT_UTF8,
    CorpusError,
    check_corpus,
    same_stat,
    scan_corpus,
    utf8_name,
)
from idlibtui.search.build.state import (
    drop_skipped,
    index_version,
    open_or_create,
    read_skipped,
    remove_leftovers,
    remove_made_dir,
    remove_new_files,
    remove_other_versions,
    write_skipped,
)
from idlibtui.search.build.work import FILE_BUDGET, pool_map
from idlibtui.search.build.writer import (
    add_prepared,
    only_segments,
    open_writer,
    stage_segment,
    update_prepared,
    writer_lock_fd,
)
from idlibtui.search.integrity import check_integrity, drop_integrity, write_integrity
from idlibtui.search.manifest import Entry, drop_manifest, entry_of, load_manifest, write_manifest
from idlibtui.search.schema import INDEX_NAME, index_exists

# A large build is committed in up to this many segments: each commit but the last runs while
# the workers go on cleaning, so only the last one is a single-core tail (writing one segment
# at the end left a core idle for about a fifth of the build). Smaller builds get one segment.
SEGMENTS_PER_BUILD = 4
SEGMENT_MIN = 2_000

#: Corpus-relative path → (size, mtime, reason) of a file the index leaves out.
Bad = dict[str, tuple[int, float, str]]


def segment_size(n_files: int) -> int:
    """How many articles a build files before it commits a segment and starts the next."""
    return max(SEGMENT_MIN, -(-n_files // SEGMENTS_PER_BUILD))


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


Progress = Callable[[BuildProgress], None]


def update_index(
    corpus_dir: Path,
    index_dir: Path,
    *,
    rebuild: bool = False,
    corrections: Any = None,
    progress: Progress | None = None,
    workers: int | None = None,
    file_budget: float | None = FILE_BUDGET,
) -> BuildReport:
    """Bring the index at ``index_dir`` up to date with ``corpus_dir``.

    ``file_budget`` is the CPU seconds one file may take (None: unbounded); see ``work._work``.
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
            remove_made_dir(index_dir)
        raise
    except windex.LockError:  # Whoosh's own write lock: another writer got past ours
        raise IndexLocked(
            "the index is being written by another process (its lock file was removed); "
            "try again when it finishes"
        ) from None
    except OSError as exc:
        if made_dir:
            remove_made_dir(index_dir)
        where = f" ({exc.filename})" if exc.filename else ""
        raise IndexWriteError(
            f"cannot write the index at {index_dir}: {exc.strerror or exc}{where}"
        ) from None
    except BaseException:
        if made_dir:
            remove_made_dir(index_dir)
        raise


def _worker_count(workers: int | None) -> int:
    if workers is None:
        return max(1, min(os.cpu_count() or 1, 4))
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    return workers


def _update_index(
    corpus_dir: Path,
    index_dir: Path,
    *,
    rebuild: bool = False,
    corrections: Any = None,
    progress: Progress | None = None,
    workers: int | None = None,
    file_budget: float | None = FILE_BUDGET,
) -> BuildReport:
    """``update_index`` under the index lock (it maps errors and tidies up after it)."""
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    check_corpus(corpus_dir)
    report: Progress = progress or (lambda _p: None)
    run = _Run(
        corpus_dir,
        index_dir,
        version=index_version(corrections),
        corrections=corrections,
        file_budget=file_budget,
        workers=_worker_count(workers),
        report=report,
    )
    with IndexLock(index_dir) as lock:
        # What was there before this build: a fresh build that fails removes the rest.
        before = set(os.listdir(index_dir))
        fresh = not index_exists(index_dir)
        try:
            result = run.locked(lock.fd, rebuild=rebuild)
        except BaseException:
            if fresh:
                remove_new_files(index_dir, before)
            raise
    result = dataclasses.replace(result, seconds=time.perf_counter() - started)
    report(BuildProgress(result.doc_count, result.doc_count, "done"))
    return result


@dataclass(slots=True)
class _Plan:
    """What a run does with each corpus file: read it (``tasks``), leave it, or keep it skipped."""

    files: dict[str, tuple[Path, int, float]]
    folder_problems: list[IngestProblem]
    tasks: list[tuple] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    unchanged: int = 0
    bad: Bad = field(default_factory=dict)  # what the skipped record says after this run
    still: list[IngestProblem] = field(default_factory=list)  # unchanged since skipped
    bad_names: list[IngestProblem] = field(default_factory=list)  # names not UTF-8


@dataclass(slots=True)
class _Run:
    """One locked build: the settings it was given and the steps it takes."""

    corpus_dir: Path
    index_dir: Path
    version: str
    corrections: Any
    file_budget: float | None
    workers: int
    report: Progress

    def locked(self, lock_fd: int | None, *, rebuild: bool) -> BuildReport:
        """The build itself, with the lock held (``seconds`` left at 0 for the caller)."""
        index_dir = self.index_dir
        ix, created, repaired = open_or_create(index_dir)
        if repaired:  # damaged: built again from the corpus, in place
            rebuild = True
        if created:
            drop_skipped(index_dir)
            drop_manifest(index_dir)
            drop_integrity(index_dir)
        else:
            remove_leftovers(index_dir, ix)
        manifest, manifest_current = ({}, False) if created else load_manifest(ix, index_dir)
        if any(e.version != self.version for e in manifest.values()):
            rebuild = True
        skipped_version, known_bad = read_skipped(index_dir, ix)
        if rebuild or skipped_version != self.version:
            known_bad = {}
        plan = self.plan(manifest, known_bad, rebuild=rebuild)
        filing = _Filing(ix, index_dir, manifest, plan, rebuild=rebuild)
        try:
            filing.run(self.workers, lock_fd, self.report)
        finally:
            filing.cancel()
        if filing.used:  # (an unchanged corpus lends nothing new)
            self.lend_corpus_dates(filing, lock_fd)
        doc_count = self.publish(filing, known_bad, manifest_current)
        return BuildReport(
            added=filing.added,
            updated=filing.updated,
            removed=len(plan.gone),
            unchanged=filing.unchanged,
            skipped=sorted(
                plan.still + filing.skipped + plan.bad_names + plan.folder_problems,
                key=lambda p: p.path,
            ),
            rebuilt=rebuild,
            doc_count=doc_count,
            still_skipped=len(plan.still),
            reread=filing.reread,
            unannotated=sorted(filing.unannotated, key=lambda p: p.path),
            repaired=repaired,
        )

    def plan(self, manifest: dict[str, Entry], known_bad: Bad, *, rebuild: bool) -> _Plan:
        """Scan the corpus and decide, by stat only, which files this run reads."""
        self.report(BuildProgress(0, 0, "scan"))
        folder_problems: list[IngestProblem] = []
        files = scan_corpus(self.corpus_dir, folder_problems)
        self.report(BuildProgress(len(files), len(files), "scan"))
        plan = _Plan(files, folder_problems)
        root = str(self.corpus_dir)
        for rel, (path, size, mtime) in sorted(files.items()):
            entry = manifest.get(rel)
            old_bad = known_bad.get(rel)
            if (
                entry is None
                and old_bad is not None
                and old_bad[0] == size
                and abs(old_bad[1] - mtime) < 1e-6
            ):
                plan.bad[rel] = old_bad
                plan.still.append(IngestProblem(rel, old_bad[2]))
            elif not utf8_name(rel):
                plan.bad[rel] = (size, mtime, NAME_NOT_UTF8)
                plan.bad_names.append(IngestProblem(rel, NAME_NOT_UTF8))
            elif not rebuild and entry is not None and same_stat(entry, size, mtime):
                plan.unchanged += 1
            else:
                old_sha = None if rebuild or entry is None else entry.sha256
                task = (str(path), rel, old_sha, self.corrections, self.version, root)
                plan.tasks.append((*task, self.file_budget))
        plan.gone = [rel for rel in manifest if rel not in files]
        return plan

    def lend_corpus_dates(self, filing: _Filing, lock_fd: int | None) -> None:
        """The corpus post-pass (``corpus_pass``): the undated articles whose lent range
        changed are filed again with it, in one more commit."""
        ix = windex.open_dir(str(self.index_dir), indexname=INDEX_NAME)
        with ix.reader() as reader:
            records = [(f.get("path", ""), f.get(CORPUS_FIELD)) for f in reader.all_stored_fields()]
        changes = changed_lends(records)
        root = str(self.corpus_dir)
        tasks = [
            (str(found[0]), rel, None, self.corrections, self.version, root, self.file_budget, lent)
            for rel, lent in sorted(changes.items())
            if (found := filing.plan.files.get(rel)) is not None
        ]
        if not tasks:
            return
        self.report(BuildProgress(0, len(tasks), "corpus dates"))
        writer = open_writer(ix)
        try:
            lock_fds = [fd for fd in (lock_fd, writer_lock_fd(writer)) if fd is not None]
            for done, (kind, rel, payload) in enumerate(pool_map(tasks, self.workers, lock_fds), 1):
                self.report(BuildProgress(done, len(tasks), "corpus dates", rel))
                if kind == "ok":  # (a file that changed or failed since keeps its document)
                    update_prepared(writer, payload)
                    stored_path, entry = entry_of(payload.stored)
                    filing.after[stored_path] = entry
            writer.commit()
        except BaseException:
            writer.cancel()
            raise

    def publish(self, filing: _Filing, known_bad: Bad, manifest_current: bool) -> int:
        """Tidy the folder and write the records that go with the new commit; its doc count."""
        index_dir = self.index_dir
        remove_other_versions(index_dir)
        final = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
        with final.reader() as reader:
            doc_count = reader.doc_count()
        if filing.used or not manifest_current:
            write_manifest(index_dir, final, filing.after)
        if filing.used or check_integrity(index_dir, final) is None:
            write_integrity(index_dir, final)
        bad = filing.plan.bad
        if bad != known_bad or filing.used:
            if bad:
                write_skipped(index_dir, final, self.version, bad)
            else:
                drop_skipped(index_dir)
        return doc_count


class _Filing:
    """The writer's side of a run: files each result, commits segments, counts what it did."""

    def __init__(
        self, ix: Any, index_dir: Path, manifest: dict[str, Entry], plan: _Plan, *, rebuild: bool
    ) -> None:
        self.ix = ix
        self.index_dir = index_dir
        self.manifest = manifest
        self.plan = plan
        self.rebuild = rebuild
        self.used = bool(plan.tasks or plan.gone or rebuild)  # whether a writer commits
        self.writer: Any = None
        self.added = self.updated = self.reread = 0
        self.unchanged = plan.unchanged
        self.skipped: list[IngestProblem] = []
        self.unannotated: list[IngestProblem] = []
        self.after = {} if rebuild else dict(manifest)  # the manifest once this run commits
        self.staged: list = []  # a rebuild's segments written but not yet published
        self.filed = 0  # articles filed in the current segment

    def run(self, workers: int, lock_fd: int | None, report: Progress) -> None:
        """File every result, remove what is gone and commit."""
        if self.used:
            self.writer = open_writer(self.ix)
        tasks = self.plan.tasks
        total = len(tasks)
        lock_fds = [fd for fd in (lock_fd, writer_lock_fd(self.writer)) if fd is not None]
        per_segment = segment_size(total)
        for done, (kind, rel, payload) in enumerate(pool_map(tasks, workers, lock_fds), 1):
            report(BuildProgress(done, total, "process", rel))
            if self.filed >= per_segment:
                report(BuildProgress(done - 1, total, "save"))
                self.save_segment()
            self.file(kind, rel, payload)
        if not self.rebuild:
            gone = self.plan.gone
            for n, rel in enumerate(gone, 1):
                self.writer.delete_by_term("id", self.manifest[rel].id)
                self.after.pop(rel, None)
                report(BuildProgress(n, len(gone), "remove", rel))
        if self.writer is not None:
            report(BuildProgress(0, 1, "commit"))
            if self.rebuild:  # the switch: the new segments replace all the old ones
                self.writer.commit(mergetype=only_segments(self.staged))
            else:
                self.writer.commit()
            self.writer = None
            report(BuildProgress(1, 1, "commit"))

    def save_segment(self) -> None:
        """Write what is filed while the workers go on. An update commits it (a killed build
        keeps it); a rebuild keeps its segments unpublished until the end, so readers see the
        old index until the new one is whole."""
        if self.rebuild:
            self.staged.append(stage_segment(self.writer))
        else:
            self.writer.commit(mergetype=writing.NO_MERGE)
        self.writer, self.filed = None, 0
        if not self.rebuild:
            write_manifest(self.index_dir, self.ix, self.after)
            write_integrity(self.index_dir, self.ix)
        self.writer = open_writer(self.ix)

    def file(self, kind: str, rel: str, payload: Any) -> None:
        """One worker result: a document to add or replace, a problem, or unchanged bytes."""
        entry = self.manifest.get(rel)
        if kind == "partial":  # indexed without annotation (past the time budget)
            payload, reason = payload
            self.unannotated.append(IngestProblem(rel, reason))
            kind = "ok"
        if kind == "same":
            self.unchanged += 1
            self.reread += 1
        elif kind == "problem":
            self.skip(rel, entry, payload)
        else:
            self.add(entry, payload)

    def add(self, entry: Entry | None, doc: PreparedDoc) -> None:
        if self.rebuild or entry is None:
            add_prepared(self.writer, doc)
            if entry is None:
                self.added += 1
            else:
                self.updated += 1
        else:
            update_prepared(self.writer, doc)
            self.updated += 1
        stored_path, new_entry = entry_of(doc.stored)
        self.after[stored_path] = new_entry
        self.filed += 1

    def skip(self, rel: str, entry: Entry | None, reason: str) -> None:
        """A file that could not be indexed: recorded, and its old document (if any) removed."""
        self.skipped.append(IngestProblem(rel, reason))
        _path, size, mtime = self.plan.files[rel]
        self.plan.bad[rel] = (size, mtime, reason)
        if entry is not None and not self.rebuild:
            self.writer.delete_by_term("id", entry.id)
            self.after.pop(rel, None)

    def cancel(self) -> None:
        """Drop an uncommitted writer (the run failed or was interrupted)."""
        if self.writer is not None:
            self.writer.cancel()
            self.writer = None
