"""Incremental updates, version changes, locks, and builds killed mid-way."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.pipeline import article_id
from idlibtui.search import build
from idlibtui.search.backend import IndexLocked
from idlibtui.search.build import IndexLock, driver, index_status, state, update_index, work
from idlibtui.search.build import writer as build_writer

SEEDS = Path(__file__).resolve().parents[2] / "corpus"
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def test_incremental_add_modify_delete_unchanged(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    first = update_index(corpus, index_dir, workers=1)
    assert (first.added, first.updated, first.removed, first.unchanged) == (5, 0, 0, 0)

    again = update_index(corpus, index_dir, workers=1)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5)

    files = sorted(corpus.glob("*.txt"))
    with files[0].open("a", encoding="utf-8") as fh:
        fh.write("\n\nA zanzibarquux paragraph was added later.\n")
    files[1].unlink()
    new = corpus / "sub" / "extra.txt"
    new.parent.mkdir()
    new.write_text("Extra report\n\nA qwertyplonk was seen near Saraqeb.\n", encoding="utf-8")
    # Same bytes, new mtime: hashed, found unchanged.
    st = files[2].stat()
    os.utime(files[2], (st.st_atime, st.st_mtime + 10))

    status = index_status(corpus, index_dir)
    assert status.exists and status.stale and status.pending_changes == 4

    third = update_index(corpus, index_dir, workers=1)
    assert (third.added, third.updated, third.removed, third.unchanged) == (1, 1, 1, 3)
    ix = search.open_index(index_dir)
    assert ix.doc_count == 5
    assert [h.path for h in ix.search("zanzibarquux").hits] == [files[0].name]
    # The old version of the modified file is gone from results and facets.
    kreimesh = ix.search("Kreimesh")
    assert kreimesh.total == 1 and sum(kreimesh.facets["year"].values()) == 1
    assert ix.search("").total == 5
    assert [h.path for h in ix.search("qwertyplonk").hits] == ["sub/extra.txt"]
    assert ix.get(article_id(files[1].name)) is None


def test_status_of_fresh_and_missing_index(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    status = index_status(corpus, index_dir)
    assert not status.exists and status.pending_changes == 5
    update_index(corpus, index_dir, workers=1)
    status = index_status(corpus, index_dir)
    assert status.exists and not status.stale and status.doc_count == 5


def test_version_change_rebuilds(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    other = lambda corrections=None: "another-cleaner"  # noqa: E731
    monkeypatch.setattr(driver, "index_version", other)
    monkeypatch.setattr(state, "index_version", other)
    assert index_status(corpus, index_dir).stale
    report = update_index(corpus, index_dir, workers=1)
    assert report.rebuilt and report.updated == 5 and report.added == 0
    again = update_index(corpus, index_dir, workers=1)
    assert not again.rebuilt and again.unchanged == 5
    assert search.open_index(index_dir).doc_count == 5


def test_editing_the_corrections_file_rebuilds(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    corrections = tmp_path / "entities.toml"
    corrections.write_text("# no corrections yet\n", encoding="utf-8")
    first = update_index(corpus, index_dir, corrections=corrections, workers=1)
    assert first.added == 5 and not first.skipped
    assert not index_status(corpus, index_dir, corrections=corrections).stale
    corrections.write_text("# still none, but edited\n", encoding="utf-8")
    assert index_status(corpus, index_dir, corrections=corrections).stale
    assert not index_status(corpus, index_dir).stale  # not told about corrections
    again = update_index(corpus, index_dir, corrections=corrections, workers=1)
    assert again.rebuilt and again.updated == 5


def test_unreadable_files_are_skipped_with_a_reason(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = update_index(corpus, tmp_path / "index", workers=1)
    assert report.added == 5
    assert {p.path for p in report.skipped} == {"empty.txt", "binary.txt"}
    assert all(p.reason for p in report.skipped)


def test_skipped_files_are_remembered_not_pending_and_not_reread(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    index_dir = tmp_path / "index"
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    first = update_index(corpus, index_dir, workers=1)
    assert first.added == 5 and first.still_skipped == 0
    reasons = {p.path: p.reason for p in first.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt"}

    status = index_status(corpus, index_dir)
    assert not status.stale and status.pending_changes == 0 and status.doc_count == 5

    # A no-change run reads no file at all, yet still reports the problems.
    read: list[str] = []
    real_work = work._work
    monkeypatch.setattr(work, "_work", lambda task: read.append(task[1]) or real_work(task))
    again = update_index(corpus, index_dir, workers=1)
    assert read == []
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5)
    assert {p.path: p.reason for p in again.skipped} == reasons and again.still_skipped == 2

    # The skipped files never show up in searches, counts, facets, titles or documents.
    ix = search.open_index(index_dir)
    assert ix.doc_count == 5 and ix.search("").total == 5
    assert sum(ix.search("").facets["year"].values()) <= 5
    bad_ids = {article_id("empty.txt"), article_id("binary.txt")}
    titles = ix.all_titles()
    assert len(titles) == 5 and not bad_ids & {row[0] for row in titles}
    assert len(list(ix.iter_documents())) == 5

    # Fixing a file re-tries it (and only it) and indexes it; the other stays skipped.
    (corpus / "binary.txt").write_text(
        "Fixed report\n\nA florbuxian convoy reached Saraqeb.\n", encoding="utf-8"
    )
    assert index_status(corpus, index_dir).pending_changes == 1
    fixed = update_index(corpus, index_dir, workers=1)
    assert read == ["binary.txt"]
    assert fixed.added == 1 and [p.path for p in fixed.skipped] == ["empty.txt"]
    assert fixed.still_skipped == 1
    assert [h.path for h in search.open_index(index_dir).search("florbuxian").hits] == [
        "binary.txt"
    ]
    assert index_status(corpus, index_dir).pending_changes == 0


def test_a_skipped_file_that_changes_is_retried_and_a_removed_one_forgotten(
    corpus: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    bad = corpus / "binary.txt"
    bad.write_bytes(b"\x00\x01" * 100)
    update_index(corpus, index_dir, workers=1)
    bad.write_bytes(b"\x00\x01" * 300)  # still bad, but changed: re-tried
    assert index_status(corpus, index_dir).pending_changes == 1
    report = update_index(corpus, index_dir, workers=1)
    assert [p.path for p in report.skipped] == ["binary.txt"] and report.still_skipped == 0
    assert index_status(corpus, index_dir).pending_changes == 0
    bad.unlink()
    assert index_status(corpus, index_dir).pending_changes == 0
    gone = update_index(corpus, index_dir, workers=1)
    assert gone.skipped == [] and gone.removed == 0 and gone.unchanged == 5
    # An indexed file that turns bad leaves the index and is then remembered as skipped.
    victim = sorted(corpus.glob("*.txt"))[0]
    victim.write_bytes(b"")
    turned = update_index(corpus, index_dir, workers=1)
    assert [p.path for p in turned.skipped] == [victim.name]
    assert search.open_index(index_dir).doc_count == 4
    assert index_status(corpus, index_dir).pending_changes == 0
    assert update_index(corpus, index_dir, workers=1).still_skipped == 1


def test_skipped_record_of_another_commit_is_not_trusted(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    (corpus / "empty.txt").write_bytes(b"")
    update_index(corpus, index_dir, workers=1)
    record = index_dir / build.SKIPPED_NAME
    saved = record.read_bytes()
    # Another commit happens (a new file) but the record is from before it, as if the build had
    # been killed between its commit and writing the record: the bad file is pending again.
    (corpus / "new.txt").write_text("New report\n\nSomething happened.\n", encoding="utf-8")
    update_index(corpus, index_dir, workers=1)
    record.write_bytes(saved)
    assert index_status(corpus, index_dir).pending_changes == 1
    report = update_index(corpus, index_dir, workers=1)
    assert [p.path for p in report.skipped] == ["empty.txt"] and report.still_skipped == 0
    assert index_status(corpus, index_dir).pending_changes == 0
    # A rebuild re-tries every file.
    assert update_index(corpus, index_dir, rebuild=True, workers=1).still_skipped == 0
    record.write_text("not json", encoding="utf-8")  # damaged: ignored, files re-tried
    assert index_status(corpus, index_dir).pending_changes == 1


def _manifests(index_dir: Path) -> tuple[dict, dict]:
    """(the manifest as an update reads it, the manifest from the stored fields)."""
    from whoosh import index as windex

    from idlibtui.search.manifest import read_manifest, read_stored_manifest
    from idlibtui.search.schema import INDEX_NAME

    ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
    return read_manifest(ix, index_dir), read_stored_manifest(ix)


def test_manifest_file_follows_adds_changes_removals_and_bad_files(
    corpus: Path, tmp_path: Path
) -> None:
    from idlibtui.search.manifest import MANIFEST_NAME

    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    assert (index_dir / MANIFEST_NAME).exists()
    files = sorted(corpus.glob("*.txt"))
    steps = [
        lambda: (corpus / "new.txt").write_text("New report\n\nA thing.\n", encoding="utf-8"),
        lambda: files[0].write_text("Changed report\n\nIt changed.\n", encoding="utf-8"),
        lambda: files[1].unlink(),
        lambda: files[2].write_bytes(b""),  # indexed before, now a bad file: leaves the index
        lambda: os.utime(files[3], (1, 1_000_000)),  # same bytes, new mtime: not re-indexed
    ]
    for step in steps:
        step()
        update_index(corpus, index_dir, workers=1)
        fast, stored = _manifests(index_dir)
        assert fast == stored and len(stored) == search.open_index(index_dir).doc_count
    update_index(corpus, index_dir, rebuild=True, workers=1)
    fast, stored = _manifests(index_dir)
    assert fast == stored


def test_manifest_file_of_another_commit_or_damaged_is_not_trusted(
    corpus: Path, tmp_path: Path
) -> None:
    from idlibtui.search.manifest import MANIFEST_NAME

    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    record = index_dir / MANIFEST_NAME
    saved = record.read_bytes()
    # A commit whose build was killed before it wrote the file: the old file must not be used,
    # or the changed article would look unchanged forever.
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text("Rewritten\n\nA zanzibarquux appeared.\n", encoding="utf-8")
    update_index(corpus, index_dir, workers=1)
    record.write_bytes(saved)
    fast, stored = _manifests(index_dir)
    assert fast == stored
    assert index_status(corpus, index_dir).pending_changes == 0
    record.write_bytes(b"not a pickle")
    assert _manifests(index_dir)[0] == stored
    # An update that changes nothing writes a good file again.
    update_index(corpus, index_dir, workers=1)
    assert record.read_bytes() != b"not a pickle"
    assert _manifests(index_dir)[0] == stored


def test_pool_build_matches_inline_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(work, "INLINE_BELOW", 8)  # 11 files: use the pool
    for n in range(6):
        shutil.copy(SEEDS / "000_221080df3991f770.txt", corpus / f"copy{n}.txt")
    a = update_index(corpus, tmp_path / "a", workers=1)
    b = update_index(corpus, tmp_path / "b", workers=2)
    assert a.added == b.added == 11
    ia, ib = search.open_index(tmp_path / "a"), search.open_index(tmp_path / "b")
    assert {h.id for h in ia.search("Kreimesh", page_size=50).hits} == {
        h.id for h in ib.search("Kreimesh", page_size=50).hits
    }


def test_workers_stay_a_bounded_number_of_results_ahead(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the writer is busy (a segment commit), the workers run at most IN_FLIGHT files
    ahead of it; closing the results early ends the pool without waiting for the rest."""
    import time

    monkeypatch.setattr(work, "IN_FLIGHT", 4)
    for n in range(40):
        shutil.copy(SEEDS / "000_221080df3991f770.txt", corpus / f"copy{n:02d}.txt")
    files = build.scan_corpus(corpus)
    tasks = [(str(path), rel, None, None, "v") for rel, (path, _s, _m) in sorted(files.items())]
    trace = tmp_path / "started.txt"
    real_work = work._work

    def traced(task):  # runs in the (forked) workers: one line per file begun
        with trace.open("a") as fh:
            fh.write(task[1] + "\n")
        return real_work(task)

    traced.__module__, traced.__qualname__ = work.__name__, "_work"  # pickled by that name
    monkeypatch.setattr(work, "_work", traced)
    chunk = 2  # pool_map's chunk size for 45 files on 2 workers
    window = max(work.IN_FLIGHT, 2 * 2 * chunk)
    started = time.monotonic()
    results = work.pool_map(tasks, 2, [])
    first = [next(results) for _ in range(3)]
    time.sleep(1.0)  # a slow writer: the workers run out of window and wait
    begun = len(trace.read_text().splitlines())
    results.close()
    assert all(kind == "ok" for kind, _rel, _doc in first)
    assert 3 <= begun <= 3 + window + chunk < len(tasks)
    assert time.monotonic() - started < 20
    # With a window smaller than the chunks, whole chunks still go out: no deadlock.
    done = list(work.pool_map(tasks, 2, []))
    assert sorted(rel for _k, rel, _d in done) == sorted(files)


def test_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(build.CorpusError) as info:
        update_index(tmp_path / "nope", tmp_path / "index")
    assert "--corpus" in str(info.value)


def test_open_index_reopens_after_update(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    ix = search.open_index(index_dir)
    assert ix.search("qwertyplonk").total == 0
    (corpus / "new.txt").write_text("New report\n\nqwertyplonk everywhere.\n", encoding="utf-8")
    update_index(corpus, index_dir, workers=1)
    hits = ix.search("qwertyplonk").hits
    assert len(hits) == 1 and "qwertyplonk" in hits[0].snippet
    # The new document sits in a second segment without a date column: values stay aligned.
    assert "qwertyplonk" in ix.get(hits[0].id)["text"]
    assert ix.search("").total == 6 and ix.search("Kreimesh").hits[0].date is not None
    assert ix.doc_count == 6


# --- locks ----------------------------------------------------------------------------------

HOLD_LOCK = """
import sys, time
from pathlib import Path
from idlibtui.search.build import IndexLock
lock = IndexLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


def test_live_lock_gives_a_clear_message(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(IndexLocked) as info:
            update_index(corpus, index_dir, workers=1)
        message = str(info.value)
        assert f"process {holder.pid}" in message and "try again" in message
    finally:
        holder.kill()
        holder.wait()
    # The holder died without releasing: its lock is stale and is cleared.
    assert json.loads((index_dir / build.LOCK_NAME).read_text())["pid"] == holder.pid
    report = update_index(corpus, index_dir, workers=1)
    assert report.unchanged == 5


def test_stale_lock_files_are_cleared(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    (index_dir / build.LOCK_NAME).write_text(json.dumps({"pid": 999999, "started": "then"}))
    for whoosh_lock in index_dir.glob("*WRITELOCK"):
        whoosh_lock.touch()
    (index_dir / "idlibtui3_WRITELOCK").touch()
    (corpus / "new.txt").write_text("New report\n\nqwertyplonk.\n", encoding="utf-8")
    report = update_index(corpus, index_dir, workers=1)
    assert report.added == 1


def test_lock_is_reentrant_free_after_release(tmp_path: Path) -> None:
    lock = IndexLock(tmp_path)
    with lock, pytest.raises(IndexLocked):
        IndexLock(tmp_path).acquire()
    with IndexLock(tmp_path):
        pass


# --- killed builds --------------------------------------------------------------------------

BUILD = """
import json, sys
from pathlib import Path
from idlibtui.search.build import update_index
def progress(e):
    print(json.dumps({"phase": e.phase, "done": e.done}), flush=True)
update_index(Path(sys.argv[1]), Path(sys.argv[2]), progress=progress, workers=2,
             rebuild=sys.argv[3] == "rebuild")
print(json.dumps({"phase": "finished"}), flush=True)
"""


def _kill_build_when(corpus: Path, index_dir: Path, phase: str, after: int, mode: str) -> bool:
    """Run a build in its own process group; SIGKILL all of it at (phase, done >= after)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", BUILD, str(corpus), str(index_dir), mode],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
        start_new_session=True,
    )
    killed = False
    try:
        for line in proc.stdout:
            event = json.loads(line)
            if event["phase"] == phase and event["done"] >= after:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
                break
    finally:
        if not killed:
            proc.wait(timeout=60)
        proc.wait(timeout=60)
        if proc.stdout:
            proc.stdout.close()
    return killed


@pytest.mark.slow
@pytest.mark.parametrize(
    ("phase", "after", "mode"),
    [
        ("scan", 0, "update"),
        ("process", 5, "update"),
        ("process", 40, "update"),
        ("commit", 0, "update"),
        ("process", 30, "rebuild"),
        ("commit", 0, "rebuild"),
    ],
)
def test_killed_build_leaves_index_readable_and_next_run_repairs(
    corpus: Path, tmp_path: Path, phase: str, after: int, mode: str
) -> None:
    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(60):
        shutil.copy(seeds[n % 5], corpus / f"copy_{n:03d}.txt")

    killed = _kill_build_when(corpus, index_dir, phase, after, mode)
    assert killed, "the build finished before it could be killed"

    # The previous commit (or the new one, if the kill came after it) is readable.
    ix = search.open_index(index_dir)
    assert ix.doc_count in (5, 65)
    assert ix.search("Kreimesh").total in (1, 13)

    # The next run clears the dead build's lock and converges.
    report = update_index(corpus, index_dir, workers=2)
    assert report.doc_count == 65
    again = update_index(corpus, index_dir, workers=1)
    assert again.unchanged == 65 and again.added == again.updated == again.removed == 0
    assert ix.search("Kreimesh").total == 13
    assert ix.doc_count == 65


def test_damaged_index_gives_a_message_and_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, workers=1)
    for toc in index_dir.glob("*.toc"):
        toc.write_bytes(b"garbage")
    with pytest.raises(search.IndexUnavailable) as info:
        search.open_index(index_dir)
    assert "idlibtui index" in str(info.value)
    report = update_index(corpus, index_dir, workers=1)
    assert report.added == 5
    assert search.open_index(index_dir).search("Kreimesh").total == 1


def test_fast_writer_writes_the_same_postings_as_whoosh(corpus: Path, tmp_path: Path) -> None:
    import hashlib

    from whoosh import index as windex

    from idlibtui.ingest import read_document
    from idlibtui.pipeline import process_document
    from idlibtui.search.schema import build_schema

    files = build.scan_corpus(corpus)
    docs = []
    for rel, (path, _s, _m) in sorted(files.items()):
        raw = read_document(path)
        article = process_document(raw, rel)
        docs.append(
            build.article_fields(
                article, size=raw.size, mtime=raw.mtime, sha256=raw.sha256, version="v"
            )
        )
    assert len(docs) == 5

    def postings(name: str, ours: bool) -> dict[str, str]:
        folder = tmp_path / name
        folder.mkdir()
        ix = windex.create_in(str(folder), build_schema(oracle=True), indexname="x")
        if ours:
            writer = build_writer.open_writer(ix)
            for doc in docs:
                build.add_prepared(writer, build.prepare_document(doc))
        else:
            writer = ix.writer(compound=False)
            for doc in docs:
                writer.add_document(**doc)
        writer.commit()
        return {
            f.suffix: hashlib.sha256(f.read_bytes()).hexdigest()
            for f in folder.iterdir()
            if f.suffix in (".pst", ".trm")
        }

    ours = postings("ours", True)
    theirs = postings("theirs", False)
    assert set(ours) == {".pst", ".trm"} and ours == theirs


def test_segment_merge_files_the_same_postings_as_whoosh(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """A merge (term by term here, posting by posting in Whoosh) writes identical files."""
    import hashlib

    from whoosh import index as windex
    from whoosh import writing

    from idlibtui.search import schema
    from idlibtui.search.schema import INDEX_NAME

    monkeypatch.setattr(schema, "ORACLE_POSTINGS", True)  # Whoosh keeps every posting
    index_dir = tmp_path / "index"
    _three_updates(corpus, index_dir)

    def merged(name: str) -> tuple[dict[str, str], list]:
        folder = tmp_path / name
        shutil.copytree(index_dir, folder)
        ix = windex.open_dir(str(folder), indexname=INDEX_NAME)
        assert len(ix._segments()) > 1 and ix.reader().has_deletions()
        build_writer.open_writer(ix).commit(mergetype=writing.OPTIMIZE)
        ix = windex.open_dir(str(folder), indexname=INDEX_NAME)
        (segment,) = ix._segments()
        prefix = segment.make_filename("")
        with ix.reader() as reader:
            posts = list(reader.iter_postings())
        digests = {
            f.name[len(prefix) :]: hashlib.sha256(f.read_bytes()).hexdigest()
            for f in folder.iterdir()
            if f.name.startswith(prefix)
        }
        return digests, posts

    ours, our_posts = merged("ours")
    monkeypatch.setattr(build_writer, "_add_postings_to_pool", build_writer._WHOOSH_ADD_POSTINGS)
    theirs, their_posts = merged("theirs")
    assert {".pst", ".trm", ".b_pos.u16", ".t_ids.vb"} <= set(ours)
    assert our_posts == their_posts and ours == theirs
    assert search.open_index(tmp_path / "ours").search("Saraqeb").total >= 3


def _three_updates(corpus: Path, index_dir: Path) -> None:
    update_index(corpus, index_dir, workers=1)
    files = sorted(corpus.glob("*.txt"))
    for n, path in enumerate(files[:3]):  # three more segments, each deleting an old version
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"\n\nUpdate {n}: 1{n},000 people fled Saraqeb.\n")
        update_index(corpus, index_dir, workers=1)


def test_a_merge_keeps_the_postings_whose_only_copy_is_the_sidecar(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """The app's index keeps the body's postings only in the sidecar: Whoosh's files hold
    none, and a merge of segments (with deletions) writes the same sidecar as the oracle
    index's merge, where they came from Whoosh's own postings."""
    from whoosh import index as windex
    from whoosh import writing

    from idlibtui.search import schema, sidecar
    from idlibtui.search.schema import INDEX_NAME

    def merged(name: str, oracle: bool):
        folder = tmp_path / name
        monkeypatch.setattr(schema, "ORACLE_POSTINGS", oracle)
        _three_updates(corpus, folder)
        for f in corpus.glob("*.txt"):  # the corpus as it was, for the next build
            f.write_text(f.read_text(encoding="utf-8").split("\n\nUpdate ")[0], encoding="utf-8")
        ix = windex.open_dir(str(folder), indexname=INDEX_NAME)
        assert len(ix._segments()) > 1 and ix.reader().has_deletions()
        build_writer.open_writer(ix).commit(mergetype=writing.OPTIMIZE)
        ix = windex.open_dir(str(folder), indexname=INDEX_NAME)
        assert len(ix._segments()) == 1
        with ix.reader() as reader:
            body_terms = [t for f, t in reader.all_terms() if f == "b"]
            side = sidecar.open_field(reader, "b")
            assert side is not None
            postings = [
                (side.keys[i], *(a.tolist() for a in side.postings(i, True)))
                for i in range(len(side))
            ]
        return body_terms, postings

    oracle_terms, oracle_postings = merged("oracle", True)
    lean_terms, lean_postings = merged("lean", False)
    assert oracle_terms and not lean_terms
    assert len(oracle_postings) > 100 and lean_postings == oracle_postings
    ix = search.open_index(tmp_path / "lean")
    assert ix.search("Saraqeb").total >= 3
    assert ix.search('"people fled Saraqeb"').total == 3


def test_a_large_build_commits_several_segments_that_answer_like_one(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    from whoosh import index as windex

    from idlibtui.search.schema import INDEX_NAME

    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(15):
        shutil.copy(seeds[n % 5], corpus / f"copy_{n:03d}.txt")
    one = tmp_path / "one"
    update_index(corpus, one, workers=1)
    monkeypatch.setattr(driver, "SEGMENT_MIN", 6)  # 20 files: segments of 6, 6, 6 and 2

    def segments(index_dir: Path) -> list[int]:
        ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
        return sorted(seg.doc_count() for seg in ix._segments())

    def answers(index_dir: Path) -> list:
        ix = search.open_index(index_dir)
        found = []
        for query in ("Kreimesh", "displaced", "Idlib Russia", '"Turkish soldiers"', ""):
            result = ix.search(query, sort="date")
            found.append((result.total, sorted(h.path for h in result.hits), result.facets))
            ranked = ix.search(query, sort="relevance")
            found.append([(h.path, round(h.score, 6)) for h in ranked.hits])
        return found

    several = tmp_path / "several"
    events: list = []
    report = update_index(corpus, several, workers=1, progress=events.append)
    assert report.added == 20 and segments(several) == [2, 6, 6, 6]
    saves = [(e.done, e.total) for e in events if e.phase == "save"]
    assert saves == [(6, 20), (12, 20), (18, 20)]  # shown while each segment is written
    assert answers(several) == answers(one)
    fast, stored = _manifests(several)
    assert fast == stored and len(stored) == 20
    # A rebuild drops the old segments with its first commit and keeps its own.
    rebuilt = update_index(corpus, several, rebuild=True, workers=1)
    assert rebuilt.rebuilt and rebuilt.updated == 20 and segments(several) == [2, 6, 6, 6]
    assert answers(several) == answers(one)
    assert update_index(corpus, several, workers=1).unchanged == 20
