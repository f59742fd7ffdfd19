"""The index builder's own writer path (prepared documents, per-term pool, block writes) writes
the same files as Whoosh's ``add_document``/``update_document`` and commit, byte for byte."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from whoosh import index as windex

from idlibtui.ingest import read_document
from idlibtui.pipeline import process_document
from idlibtui.search import build
from idlibtui.search.build.terms import TermPool
from idlibtui.search.build.writer import open_writer
from idlibtui.search.schema import build_schema

SEEDS = Path(__file__).resolve().parents[2] / "corpus"
CLEAN = Path(__file__).resolve().parents[2] / "tests" / "data" / "clean"


def _docs() -> list[dict]:
    docs = []
    for path in sorted(SEEDS.glob("*.txt")) + sorted(CLEAN.iterdir()):
        raw = read_document(path)
        article = process_document(raw, path.name)
        docs.append(
            build.article_fields(
                article, size=raw.size, mtime=raw.mtime, sha256=raw.sha256, version="v"
            )
        )
    return docs


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return _docs()


SIDECAR_EXTS = {
    f"{field}_{kind}" for field in ("t", "b") for kind in ("ids.vb", "cnt.u8", "pos.u16", "dir.npz")
} | {"ent_codes.u32", "ent_dir.npz"}


def _segment_files(folder: Path, *, sidecar: bool = False) -> list[dict[str, str]]:
    """Each segment's Whoosh files (with ``sidecar``, only its sidecar files) by extension
    (segment ids are random) → sha256, in TOC order."""
    ix = windex.open_dir(str(folder), indexname="x")
    segments: dict[str, dict[str, str]] = {}
    for f in folder.iterdir():
        m = re.match(r"x_([a-z0-9]+)\.(.+)$", f.name)
        if m and (m.group(2) in SIDECAR_EXTS) == sidecar:
            digest = hashlib.sha256(f.read_bytes()).hexdigest()
            segments.setdefault(m.group(1), {})[m.group(2)] = digest
    order = [seg.segment_id().split("_", 1)[1] for seg in ix._segments()]
    assert sorted(order) == sorted(segments)
    return [segments[name] for name in order]


def _build(
    folder: Path, batches: list[list[dict]], *, ours: bool, limit_bytes: int = 128 << 20
) -> Path:
    """Commit each batch in turn (the first adds, the later ones update). The oracle's schema:
    Whoosh's own writer files the body's postings, so ours must too for the bytes to match (the
    app's lean index, body postings in the sidecar only, is checked against the oracle by the
    differential test)."""
    folder.mkdir()
    ix = windex.create_in(str(folder), build_schema(oracle=True), indexname="x")
    for n, batch in enumerate(batches):
        if ours:
            writer = open_writer(ix)
            writer.pool.limit = limit_bytes
            for doc in batch:
                prepared = build.prepare_document(doc)
                if n == 0:
                    build.add_prepared(writer, prepared)
                else:
                    build.update_prepared(writer, prepared)
        else:
            writer = ix.writer(compound=False)
            for doc in batch:
                if n == 0:
                    writer.add_document(**doc)
                else:
                    writer.update_document(**doc)
        writer.commit()
    return folder


def test_prepared_postings_are_what_whoosh_indexes(docs: list[dict]) -> None:
    schema = build_schema()
    checked = 0
    for doc in docs:
        prepared = build.prepare_document(doc)
        for name, (length, terms, weights, values) in prepared.postings.items():
            items = list(schema[name].index(doc[name]))
            assert sorted(zip(terms, weights, values, strict=True)) == sorted(
                (t, w, v or b"") for t, _f, w, v in items
            ), name
            if schema[name].scorable:
                assert length == sum(f for _t, f, _w, _v in items)
            checked += len(terms)
    assert checked > 1000


def test_same_files_as_whoosh(docs: list[dict], tmp_path: Path) -> None:
    ours = _segment_files(_build(tmp_path / "ours", [docs], ours=True))
    theirs = _segment_files(_build(tmp_path / "theirs", [docs], ours=False))
    assert {"pst", "trm", "_stored.col", "text_col.col", "figures_col.col"} <= set(ours[0])
    assert ours == theirs
    # Beside Whoosh's files, ours has the positional fields' numpy sidecar; Whoosh's has none.
    assert set(_segment_files(tmp_path / "ours", sidecar=True)[0]) == SIDECAR_EXTS
    assert not [f for f in (tmp_path / "theirs").iterdir() if f.name.endswith((".u32", ".vb"))]


@pytest.mark.parametrize(
    "limit_bytes", [0, 40_000], ids=["a-run-per-document", "documents-per-run"]
)
def test_same_files_when_the_pool_spills_to_runs(
    docs: list[dict], tmp_path: Path, limit_bytes: int
) -> None:
    # A small memory limit: the pool writes sorted runs and merges them at the end. With several
    # documents in a run, its records hold repeated objects (the same frequency bytes), which a
    # pickle memo shared across records would resolve to another record's objects.
    ours = _segment_files(_build(tmp_path / "ours", [docs], ours=True, limit_bytes=limit_bytes))
    theirs = _segment_files(_build(tmp_path / "theirs", [docs], ours=False))
    assert ours == theirs
    assert not list((tmp_path / "ours").glob("*.tmp")), "temporary runs are removed"


def test_runs_read_back_record_by_record_with_shared_objects(tmp_path: Path) -> None:
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(tmp_path)).temp_storage("t")
    pool = TermPool(storage)
    one, two = b"\x00\x00\x00\x01", b"\x00\x00\x00\x02"
    # Pickled alone, the second record refers back to its own ``one`` at the memo slot where
    # the first record keeps ``two``.
    pool.add_document_postings("f", 0, [b"a", b"b"], [2.0, 1.0], [two, one])
    pool.add_document_postings("f", 1, [b"a", b"b"], [1.0, 1.0], [one, one])
    pool._save()
    pool.add_document_postings("f", 2, [b"a", b"c"], [1.0, 1.0], [one, one])
    pool._save()
    pool.add_document_postings("g", 3, [b"a"], [1.0], [one])
    got = [(f, t, list(i), w, v) for f, t, i, w, v in pool.iter_terms()]
    assert got == [
        ("f", b"a", [0, 1, 2], [2.0, 1.0, 1.0], [two, one, one]),
        ("f", b"b", [0, 1], [1.0, 1.0], [one, one]),
        ("f", b"c", [2], [1.0], [one]),
        ("g", b"a", [3], [1.0], [one]),
    ]
    pool.cleanup()


def test_same_files_after_updates_and_segment_merges(docs: list[dict], tmp_path: Path) -> None:
    # Later commits replace documents (deletions) and merge the small earlier segments.
    changed = [dict(doc, title=doc["title"] + " (revised)") for doc in docs[:3]]
    batches = [docs, changed, [dict(docs[4], word_count=1)]]
    ours_dir = _build(tmp_path / "ours", batches, ours=True)
    theirs_dir = _build(tmp_path / "theirs", batches, ours=False)
    ours, theirs = _segment_files(ours_dir), _segment_files(theirs_dir)
    assert len(ours) >= 2 and ours == theirs
    a = windex.open_dir(str(ours_dir), indexname="x")
    with a.searcher() as s:
        assert s.doc_count() == len(docs)
        assert s.document(id=docs[0]["id"])["title"].endswith("(revised)")


def test_the_pool_sorts_postings_that_arrive_out_of_order(tmp_path: Path) -> None:
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(tmp_path)).temp_storage("t")
    pool = TermPool(storage)
    pool.add(("f", b"b", 5, 1.0, b""))
    pool.add(("f", b"a", 7, 2.0, b"x"))
    pool.add(("f", b"a", 3, 1.0, b"y"))
    pool.add(("e", b"z", 1, 1.0, b""))
    assert [(f, t, list(i), w, v) for f, t, i, w, v in pool.iter_terms()] == [
        ("e", b"z", [1], [1.0], [b""]),
        ("f", b"a", [3, 7], [1.0, 2.0], [b"y", b"x"]),
        ("f", b"b", [5], [1.0], [b""]),
    ]
    pool.cleanup()
    shutil.rmtree(tmp_path / "t", ignore_errors=True)
