"""The fast path over sidecars cut into tiny blocks of positions (3 postings a block), in
several segments with deletions: phrases decode blocks that are not consecutive and blocks
shared by two terms, and every query kind (AND NOT and NOT included) still answers as the
Whoosh oracle does (test_search_fast.py's comparison, on this index)."""

from __future__ import annotations

import numpy as np
import pytest
from bench import generate as g

from idlibtui import search
from idlibtui.search import fastpath, sidecar, sidecar_postings
from idlibtui.search.build import update_index
from tests.unit.test_search_fast import _both, _queries, _same

#: Whoosh's own search is the oracle here: it needs the body's postings in its files.
pytestmark = pytest.mark.usefixtures("whoosh_oracle")


@pytest.fixture(scope="module")
def tiny_blocks(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny_blocks")
    corpus, index = root / "corpus", root / "index"
    patch = pytest.MonkeyPatch()
    patch.setattr(sidecar_postings, "BLOCK", 3)
    patch.setattr(sidecar_postings, "_CHUNK", 500)  # several chunks a field: blocks across chunks
    try:
        g.write_corpus(corpus, 90, seed=21, procs=1)
        update_index(corpus, index, workers=1)
        g.mutate_corpus(corpus, 0.2, seed=2)
        for f in sorted(corpus.rglob("*.txt"))[:5]:
            f.unlink()
        g.write_corpus(root / "more", 10, seed=22, procs=1)
        (root / "more").rename(corpus / "more")
        update_index(corpus, index, workers=1)
    finally:
        patch.undo()
    ix = search.open_index(index)
    leaves = list(ix._searcher.reader().leaf_readers())
    assert len(leaves) >= 2 and any(seg.has_deletions() for seg, _ in leaves)
    for seg, _ in leaves:
        side = sidecar.open_field(seg, "b")
        assert side is not None and side.block == 3
    return ix


def test_every_query_kind_agrees_with_whoosh_over_tiny_blocks(tiny_blocks, monkeypatch) -> None:
    queries = _queries()
    assert sum(" -" in x or "NOT" in x for x in queries) >= 30
    for query in queries:
        fast, slow = _both(tiny_blocks, monkeypatch, query, page_size=20)
        _same(fast, slow, query, by_date=False)


@pytest.mark.parametrize("share", [0.0, 0.5, 1.0])
def test_positions_of_candidates_are_whooshs(tiny_blocks, monkeypatch, share) -> None:
    """Each candidate's positions, decoded from its blocks only (share 1.0), from the whole
    list (0.0) or either (0.5), are the positions Whoosh's own matcher gives."""
    monkeypatch.setattr(fastpath, "SELECT_MAX_SHARE", share)
    tiny_blocks.refresh()
    reader = tiny_blocks._searcher.reader()
    leaves = list(reader.leaf_readers())
    terms = [t for t, _ in zip(reader.field_terms("b"), range(4000), strict=False)]
    common = sorted(terms, key=lambda t: -reader.doc_frequency("b", t))[:6]
    for term in [*common, *terms[::97]]:
        expected = {}
        for seg, offset in leaves:
            if ("b", term) in seg:
                m = seg.postings("b", term)
                while m.is_active():
                    if not seg.is_deleted(m.id()):
                        expected[m.id() + offset] = m.value_as("positions")
                    m.next()
        docs = np.array(sorted(expected), dtype=np.int64)
        for cand in (docs, docs[::2], docs[1::5], docs[-1:]):
            view = tiny_blocks._fast_view()
            view._cache.clear()
            starts, flat = view.positions("b", term, cand)
            got = [flat[starts[k] : starts[k + 1]].tolist() for k in range(len(cand))]
            assert got == [expected[int(d)] for d in cand], (term, share)
