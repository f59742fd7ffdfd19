"""The vectorised query path (search/fastpath.py) against Whoosh's own evaluation.

For many queries of every kind, over a generated corpus indexed once in one segment and once
more after updates and removals (deleted documents, two segments), the fast path and the Whoosh
path must give the same total, facets, ranking (scores within 1e-4), snippets and offsets.
"""

from __future__ import annotations

import random
import shutil

import pytest
from bench import generate as g
from bench.query_bench import query_set

from idlibtui import search
from idlibtui.search import facets, fast_search, fastpath, matching
from idlibtui.search import query as q
from idlibtui.search import whoosh_backend as wb
from idlibtui.search.build import update_index
from idlibtui.search.integrity import INTEGRITY_NAME, SIDECAR_SUFFIXES
from tests.unit.lang_articles import ARTICLES, INFLECTIONS, PHRASES

#: Whoosh's own search is the oracle here: it needs the body's postings in its files.
pytestmark = pytest.mark.usefixtures("whoosh_oracle")


@pytest.fixture(scope="module")
def indexes(tmp_path_factory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("fast")
    corpus = root / "corpus"
    g.write_corpus(corpus, 160, seed=5, procs=1)
    # Reports in other languages, each indexed with its language's analysis (and one each in
    # the articles added by the update below).
    _write_other_languages(corpus / "zz-lang")
    live = root / "index"
    update_index(corpus, live, workers=1)
    single = root / "single"
    shutil.copytree(live, single)
    # The app's index (the body's postings only in the sidecar) through the same updates.
    lean = root / "lean"
    _lean(lambda: update_index(corpus, lean, workers=1))

    # Open the live index and search it, so its caches are filled before it changes.
    ix = search.open_index(live)
    ix.search("Idlib")
    ix.search('"air strikes"')
    g.mutate_corpus(corpus, 0.2, seed=1)
    files = sorted(corpus.rglob("*.txt"))
    for f in files[:6]:
        f.unlink()
    g.write_corpus(root / "more", 12, seed=9, procs=1)
    _write_other_languages(root / "more" / "zz-lang", "more")
    shutil.copytree(root / "more", corpus / "more")
    report = update_index(corpus, live, workers=1)
    assert report.updated and report.removed == 6 and report.added == 12 + len(ARTICLES)
    assert _lean(lambda: update_index(corpus, lean, workers=1)).doc_count == report.doc_count

    ix.refresh()
    leaves = list(ix._searcher.reader().leaf_readers())
    assert len(leaves) >= 2, "the updated index should hold several segments"
    shape = [(seg.doc_count_all(), seg.doc_count()) for seg, _ in leaves]
    assert any(seg.has_deletions() for seg, _ in leaves), shape
    # A refreshed view sees the commit's deletions, as a freshly opened index does.
    assert ix.doc_count == search.open_index(live).doc_count == report.doc_count
    assert ix.search("").total == report.doc_count
    # The same updated index without its numpy sidecars: everything read from Whoosh's blocks.
    blocks = root / "blocks"
    shutil.copytree(live, blocks)
    dropped = [f for f in blocks.iterdir() if f.name.endswith(SIDECAR_SUFFIXES)]
    assert len(dropped) == 10 * len(leaves)  # title and body postings (4 each), entities (2)
    for f in dropped:
        f.unlink()
    return {
        "single": search.open_index(single),
        "updated": ix,
        "blocks": search.open_index(blocks),
        "lean": search.open_index(lean),
    }


def _write_other_languages(folder, tag: str = "") -> None:
    folder.mkdir(parents=True)
    for lang, text in ARTICLES.items():
        (folder / f"{lang}{tag}.txt").write_text(text + ("\n\n" + tag if tag else ""), "utf-8")


def _lean(build):
    """``build()`` with the app's schema: Whoosh keeps no body postings (the oracle's off)."""
    from idlibtui.search import schema

    old = schema.ORACLE_POSTINGS
    schema.ORACLE_POSTINGS = False
    try:
        return build()
    finally:
        schema.ORACLE_POSTINGS = old


def _queries() -> list[str]:
    qs = query_set(12, seed=3)
    rng = random.Random("fast-queries")
    words = ["Idlib", "refugees", "shelling", "convoy", "hospitals", "water", "border", "winter",
             "Aleppo", "ceasefire", "children", "market", "Erdogan", "Lavrov"]  # fmt: skip
    out = []
    for kind in ("term", "AND", "phrase", "prefix", "field+date", "snippets"):
        out += qs[kind]
    for _ in range(12):
        a, b, c = rng.sample(words, 3)
        out += [
            f"{a} OR {b}",
            f"{a} -{b}",
            f"{a} NOT ({b} OR {c})",
            f"({a} OR {b}) AND {c}",
            f"title:{a}",
            f"{a} OR NOT {b}",
            f"NOT {a}",
        ]
    out += [
        '"Syrian Observatory for Human Rights"',
        '"nowhere left to go"',
        '"air strikes" Idlib',
        '"clean water" OR "buffer zone"',
        'title:"Idlib"',
        "body:refugees",
        "refug* AND winter",
        "zzzz*",
        "refuge?s",
        "source:reuters",
        'source:"Al Jazeera" OR source:"TRT World"',
        "entity:erdogan",
        'entity:"Recep Tayyip Erdogan" refugees',
        "date:2019",
        "date:[2019-06 to]",
        "date:[to 2018-12]",
        "Idlib date:[2019-12 to 2020-02]",
        "-Idlib",
        "notawordatall",
        "Idlib Idlib",
        # name expansion (search/expand.py): boosted added spellings, words and phrases
        "HTS",
        '"Hayat Tahrir al-Sham"',
        "Saraqeb OR Maaret",
        "Erdogan refugees",
        '"Khan Sheikhoun" -HTS',
        "title:HTS",
        # the plan's shapes: an AND run cheapest first, a phrase checked only on what its
        # siblings left, AND NOT and NOT of phrases, only negatives, days with words
        '"air strikes" Saraqeb',
        'Idlib "air strikes" -"buffer zone"',
        '"air strikes" date:2019',
        'NOT "air strikes"',
        '("clean water" OR refugees) -Idlib date:[2019-06 to]',
        '"strikes air" OR "air strikes air"',
        'title:"air strikes" refugees',
        '-"air strikes" -refugees',
        'refug* "air strikes"',
        'source:reuters "air strikes" -water',
        'entity:erdogan -"Idlib"',
        '(Idlib OR Aleppo) AND (refugees OR "air strikes") -water',
        "NOT (Idlib AND refugees)",
        "date:2019 -date:2019-06",
        '"Khan Sheikhoun" OR NOT Idlib',
    ]
    # other languages: a word in another inflection, a phrase, a word with an English one
    out += [word for _lang, word, _written in INFLECTIONS]
    out += [phrase for _lang, phrase, _words in PHRASES]
    out += ["Flüchtling OR refugees", "bombardement Idlib", '"armée syrienne" -hôpital',
            "title:bombardements", "غارة OR Idlib", "беженцы AND Идлиб"]  # fmt: skip
    return out


def _same(fast, slow, query: str, by_date: bool) -> None:
    where = f"query {query!r}"
    assert fast.total == slow.total, where
    assert list(fast.facets["source"].items()) == list(slow.facets["source"].items()), where
    assert list(fast.facets["year"].items()) == list(slow.facets["year"].items()), where
    assert list(fast.facets["entity"].items()) == list(slow.facets["entity"].items()), where
    assert fast.suggestion == slow.suggestion, where
    f_hits, s_hits = fast.hits, slow.hits
    assert len(f_hits) == len(s_hits), where
    for f, s in zip(f_hits, s_hits, strict=True):
        assert f.score == pytest.approx(s.score, abs=1e-4), where
    if by_date:
        assert [h.id for h in f_hits] == [h.id for h in s_hits], where
    else:
        # The same ranking; documents whose scores tie (to rounding: Whoosh adds the children's
        # scores in its own tree order) may swap, and the last tie may be cut differently.
        i, n = 0, len(s_hits)
        while i < n:
            j = i
            while j + 1 < n and abs(s_hits[j + 1].score - s_hits[i].score) < 1e-9:
                j += 1
            if j + 1 < n:
                group_f = {h.id for h in f_hits[i : j + 1]}
                group_s = {h.id for h in s_hits[i : j + 1]}
                assert group_f == group_s, where
            i = j + 1
    slow_by_id = {h.id: h for h in s_hits}
    for f in f_hits:
        s = slow_by_id.get(f.id)
        if s is not None:
            assert (f.snippet, f.snippet_hits, f.text_hits) == (
                s.snippet,
                s.snippet_hits,
                s.text_hits,
            ), where


def _both(ix, monkeypatch, query: str, **kw):
    """The fast path's answer and Whoosh's. Whoosh's AND NOT and NOT matchers have known bugs,
    fixed in the classes the query compiles to (search/whoosh_fixes.py): the reference here is
    the very path production falls back to, with nothing patched by the test."""
    monkeypatch.setattr(fast_search, "FAST_PATH", True)
    monkeypatch.setattr(fast_search, "FAST_PATH_STRICT", True)
    served = []
    original = wb.WhooshIndex._fast_search

    def spy(self, *a, **k):
        out = original(self, *a, **k)
        served.append(out is not None)
        return out

    monkeypatch.setattr(wb.WhooshIndex, "_fast_search", spy)
    fast = ix.search(query, **kw)
    monkeypatch.setattr(fast_search, "FAST_PATH", False)
    slow = ix.search(query, **kw)
    monkeypatch.setattr(fast_search, "FAST_PATH", True)
    assert served == [True], f"the fast path did not serve {query!r}"
    return fast, slow


@pytest.mark.parametrize("which", ["single", "updated", "blocks"])
def test_fast_path_agrees_with_whoosh(indexes, which, monkeypatch) -> None:
    ix = indexes[which]
    for query in _queries():
        fast, slow = _both(ix, monkeypatch, query, page_size=20)
        _same(fast, slow, query, by_date=False)


def test_the_apps_lean_index_answers_as_the_oracle(indexes, monkeypatch) -> None:
    """The app's index (body postings only in the sidecar, two segments, deletions) gives the
    oracle's answers (Whoosh's own search over an index that keeps them) for every query
    kind, sorted, paged and filtered; Whoosh itself holds none of its body postings, so a
    query Whoosh would have to answer is refused, never answered wrongly."""
    lean, oracle = indexes["lean"], indexes["updated"]
    reader = lean._searcher.reader()
    assert reader.doc_count() == oracle.doc_count and reader.has_deletions()
    assert len(reader.leaf_readers()) >= 2
    assert not [t for f, t in reader.all_terms() if f == "b"]
    monkeypatch.setattr(fast_search, "FAST_PATH_STRICT", True)
    for query in _queries():
        for kw in (
            {},
            {"sort": "date", "page": 2, "page_size": 7},
            {"filters": {"year": ["2019"]}},
        ):
            fast = lean.search(query, **kw)
            monkeypatch.setattr(fast_search, "FAST_PATH", False)
            slow = oracle.search(query, **kw)
            monkeypatch.setattr(fast_search, "FAST_PATH", True)
            _same(fast, slow, query, by_date=kw.get("sort") == "date")
    monkeypatch.setattr(fast_search, "FAST_PATH", False)
    with pytest.raises(search.SearchError, match="does not hold the postings"):
        lean.search("refugees")


@pytest.mark.parametrize("which", ["single", "updated", "blocks"])
def test_whoosh_reference_agrees_on_and_not(indexes, which, monkeypatch) -> None:
    """Whoosh's own evaluation of the plan (the reference, with its AND NOT and NOT matchers
    fixed by the classes the plan translates to, nothing patched by the test) gives the fast
    path's answers on every AND NOT and NOT query, where Whoosh's own matchers were wrong."""
    queries = [x for x in _queries() if " -" in x or "NOT" in x or x.startswith("-")]
    assert len(queries) >= 30
    for x in queries:
        fast, slow = _both(indexes[which], monkeypatch, x, page_size=20)
        _same(fast, slow, x, by_date=False)


def test_a_plan_the_evaluator_cannot_run_is_said_not_answered(indexes, monkeypatch) -> None:
    """No fallback: a plan the evaluator reports it cannot run is an error that says so,
    never Whoosh's (or any other) answer in its place."""

    def unsupported(*_a, **_k):
        raise fastpath.Unsupported("a shape the plan does not evaluate (test)")

    monkeypatch.setattr(matching.Evaluator, "run", unsupported)
    for x in ("refugees -water", "NOT Idlib", "title:refugees", "source:reuters"):
        with pytest.raises(search.SearchError, match="cannot be evaluated"):
            indexes["updated"].search(x)
        with pytest.raises(search.SearchError, match="cannot be evaluated"):
            list(indexes["updated"].iter_documents(x))


def ix_search(ix, monkeypatch, query: str):
    monkeypatch.setattr(fast_search, "FAST_PATH_STRICT", True)
    return ix.search(query, page_size=20)


@pytest.mark.parametrize("which", ["single", "updated", "blocks"])
def test_fast_path_agrees_sorted_paged_and_filtered(indexes, which, monkeypatch) -> None:
    ix = indexes[which]
    qs = _queries()[::3]
    filters = [
        {"source": ["Reuters", "Al Jazeera"]},
        {"year": ["2019"]},
        {"year": ["2018", "2020"], "source": ["TRT World", "Reuters", "Syria Direct"]},
        {"month": ["2019-12"]},
        {"source": []},
    ]
    for k, query in enumerate(qs):
        for kw in (
            {"sort": "date"},
            {"page": 2, "page_size": 7},
            {"page": 3, "page_size": 5},
            {"filters": filters[k % len(filters)]},
            {"filters": filters[(k + 2) % len(filters)], "sort": "date", "page": 2},
        ):
            fast, slow = _both(ix, monkeypatch, query, **kw)
            _same(fast, slow, query, by_date=kw.get("sort") == "date")
    for kw in ({}, {"page": 2, "page_size": 9}, {"filters": {"year": ["2019"]}}):
        fast, slow = _both(ix, monkeypatch, "", **kw)
        _same(fast, slow, "", by_date=True)


def test_entity_filter_and_entity_facet_sampling(indexes, monkeypatch) -> None:
    ix = indexes["updated"]
    names = list(ix.search("").facets["entity"])[:3]
    assert names
    for name in names:
        fast, slow = _both(ix, monkeypatch, "refugees", filters={"entity": [name]})
        _same(fast, slow, name, by_date=False)
    # Beyond ENTITY_FACET_MAX_DOCS the entity facet counts an even sample, scaled.
    monkeypatch.setattr(facets, "ENTITY_FACET_MAX_DOCS", 17)
    for query in ("Idlib", "said", "refugees OR water", "date:2019"):
        fast, slow = _both(ix, monkeypatch, query)
        assert fast.total > 17
        _same(fast, slow, query, by_date=False)


@pytest.mark.parametrize("which", ["updated", "blocks"])
def test_positions_decoding_matches_whoosh(indexes, which) -> None:
    """Every posting's positions and weight, from the sidecar or decoded in bulk from Whoosh's
    blocks, are those Whoosh's matcher gives."""
    from idlibtui.search import sidecar

    ix = indexes[which]
    ix.refresh()
    view = ix._fast_view()
    reader = ix._searcher.reader()
    leaves = list(reader.leaf_readers())
    for field in ("b", "t"):
        has = [sidecar.open_field(seg, field) is not None for seg, _ in leaves]
        assert has == [which == "updated"] * len(leaves)
    terms = [("b", t) for t, _ in zip(reader.field_terms("b"), range(400), strict=False)][::7]
    terms += [("t", t) for t, _ in zip(reader.field_terms("t"), range(300), strict=False)][::5]
    for field, term in terms:
        p = view.postings(field, term, positions=True)
        expected = []
        for seg, offset in leaves:
            if (field, term) not in seg:
                continue
            m = seg.postings(field, term)
            while m.is_active():
                expected.append((m.id() + offset, m.weight(), m.value_as("positions")))
                m.next()
        got = [
            (int(d), float(w), p.pos_flat[p.pos_starts[i] : p.pos_starts[i + 1]].tolist())
            for i, (d, w) in enumerate(zip(p.docs, p.weights, strict=True))
        ]
        assert got == expected, (field, term)
        plain = view.postings(field, term)
        assert plain.docs.tolist() == [d for d, _, _ in expected]
        assert plain.weights.tolist() == [w for _, w, _ in expected]


def test_refresh_drops_the_fast_view(indexes) -> None:
    ix = indexes["updated"]
    ix.search("Idlib")
    view = ix._fast
    assert view is not None and view.searcher is ix._searcher
    assert view.n == ix._searcher.reader().doc_count_all()
    assert int(view.live.sum()) == ix.doc_count


def test_phrase_highlighting_equals_full_tokenization(seed_paths) -> None:
    from idlibtui.search.highlight import matcher_for

    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    texts += [g.generate_article(i, seed=4).text for i in range(30)]
    texts.append("x.air strikes, air.strikes a_.air strikes air — of strikes AIR STRIKES air")
    # lower-casing "İ" gives two characters: the case-insensitive prefilter serves this one
    texts.append("İstanbul: air strikes, refugees; İ AIR strikes White Helmets")
    # folded spellings: compounds, marks, diacritics, British forms, articles
    texts.append(
        "A ceasefire truce; the cease-fire, a Cease fire. Erdoğan said, Erdogan said; "
        "Bashar al-Assad, Bashar Assad, Bashar el Assad; a demilitarised zone, "
        "demilitarized zone; Nu'man, Nu’man, 700,000 and 1,700,000."
    )
    queries = [
        '"air strikes"',
        '"humanitarian crisis" refugees',
        '"Syrian Observatory for Human Rights"',
        '"nowhere left to go" displac*',
        '"father of four"',
        '"hell on earth"',
        '"Bashar al-Assad" said',
        '"U.S. forces" OR "White Helmets"',
        '"cease fire" OR "fire truce"',
        '="demilitarised zone" OR "Erdogan said"',
        '"Bab al-Hawa" -"air strikes"',
        '"air strikes" refugees',
    ]
    for query in queries:
        m = matcher_for(q.parse(query))
        assert m.sequences
        for text in texts:
            assert m._prefiltered_sequence_offsets(text) == m._token_offsets(text), (
                query,
                text[:40],
            )


@pytest.mark.parametrize("which", ["updated", "blocks"])
def test_phrase_positions_read_from_selected_blocks(indexes, monkeypatch, which) -> None:
    """Positions read only for the candidates (from the sidecar, or from the blocks that hold
    them) equal the whole list's."""
    import numpy as np

    from idlibtui.search import fastpath

    ix = indexes[which]
    ix.refresh()
    view = ix._fast_view()
    reader = ix._searcher.reader()
    terms = [t for t, _ in zip(reader.field_terms("b"), range(3000), strict=False)]
    common = sorted(terms, key=lambda t: -reader.doc_frequency("b", t))[:12]
    monkeypatch.setattr(fastpath, "SELECT_MAX_SHARE", 1.0)
    for term in common:
        docs = view.postings("b", term).docs
        for cand in (docs[::3], docs[1::7], docs[-2:]):
            view._cache.pop(("b", term, True), None)
            got = view._selected_positions("b", term, cand)
            assert got is not None
            full = view.postings("b", term, positions=True)
            expected = view.positions("b", term, cand)
            assert np.array_equal(got[0], expected[0]) and np.array_equal(got[1], expected[1])
            assert len(full.docs) == len(docs)


def test_iter_documents_uses_the_same_matches(indexes, monkeypatch) -> None:
    ix = indexes["updated"]
    monkeypatch.setattr(fast_search, "FAST_PATH_STRICT", True)
    for query in ("refugees", '"air strikes" -Idlib', "water OR NOT border", "date:2019"):
        fast = [d["id"] for d in ix.iter_documents(query)]
        assert len(fast) == ix.search(query).total
        monkeypatch.setattr(fast_search, "FAST_PATH", False)
        slow = [d["id"] for d in ix.iter_documents(query)]
        monkeypatch.setattr(fast_search, "FAST_PATH", True)
        assert fast == slow, query


def test_a_damaged_sidecar_is_ignored(indexes, tmp_path, monkeypatch) -> None:
    """A truncated sidecar array (a disk filled up, a copy cut short) is not used: that
    segment's postings come from Whoosh's blocks, and the results stay right."""
    source = indexes["single"]
    copy = tmp_path / "damaged"
    shutil.copytree(source.index_dir, copy)
    (ids_file,) = copy.glob("*.b_ids.vb")
    ids_file.write_bytes(ids_file.read_bytes()[:-1])
    # The build's integrity record would refuse the damaged index at open (see
    # test_reliability_damage); without it (an index built before records), the reader's own
    # size checks must still keep the damaged sidecar out.
    (copy / INTEGRITY_NAME).unlink()
    ix = search.open_index(copy)
    from idlibtui.search import sidecar

    seg = next(iter(ix._searcher.reader().leaf_readers()))[0]
    assert sidecar.open_field(seg, "b") is None and sidecar.open_field(seg, "t") is not None
    for query in ('"air strikes"', "refugees", '"Syrian Observatory for Human Rights"'):
        fast, slow = _both(ix, monkeypatch, query, page_size=20)
        _same(fast, slow, query, by_date=False)


def test_block_columns_read_as_whooshs_own_reader(indexes) -> None:
    """The text, figures and entity names are compressed in blocks of articles; reading them
    by document (in order, backwards, at random) gives what Whoosh's own block reader gives."""
    from whoosh.columns import CompressedBlockColumn

    from idlibtui.search.columns import Column

    reader = indexes["lean"]._searcher.reader()
    n = reader.doc_count_all()
    order = list(range(n)) + list(reversed(range(n))) + random.Random(4).sample(range(n), n)
    for field in ("text_col", "figures_col", "entity_col"):
        expected, blocks = [], 0
        for seg, _offset in reader.leaf_readers():
            own = seg.column_reader(field, translate=False)
            assert isinstance(own, CompressedBlockColumn.Reader)
            blocks += len(own._blocks)
            expected += [own[d] for d in range(seg.doc_count_all())]
        assert field != "text_col" or blocks > len(reader.leaf_readers())
        col = Column(reader, field, b"")
        assert [col[d] for d in order] == [expected[d] for d in order]
        assert col.to_list() == expected and sum(map(bool, expected)) > n // 2


def test_a_damaged_sidecar_of_the_apps_index_is_said(indexes, tmp_path, monkeypatch) -> None:
    """In the app's index the sidecar is the body postings' only copy: a damaged one is a
    clear error with the fix (rebuild), never an empty or partial answer."""
    copy = tmp_path / "damaged-lean"
    shutil.copytree(indexes["lean"].index_dir, copy)
    for ids_file in copy.glob("*.b_ids.vb"):
        ids_file.write_bytes(ids_file.read_bytes()[:-1])
    (copy / INTEGRITY_NAME).unlink()  # as in the test above: the reader's own checks
    ix = search.open_index(copy)
    assert ix.search("title:refugees").total == indexes["lean"].search("title:refugees").total
    for query in ('"air strikes"', "refugees", "refug*  AND winter"):
        with pytest.raises(search.SearchError, match="rebuild"):
            ix.search(query)


def test_entity_facets_with_and_without_entity_sidecars(indexes, tmp_path, monkeypatch) -> None:
    """Segments with entity codes and segments decoded from the column, in one view."""
    copy = tmp_path / "mixed"
    shutil.copytree(indexes["updated"].index_dir, copy)
    dirs = sorted(copy.glob("*.ent_dir.npz"))
    assert len(dirs) >= 2
    dirs[0].unlink()
    (copy / INTEGRITY_NAME).unlink()  # unverified, as an index built before records
    ix = search.open_index(copy)
    monkeypatch.setattr(facets, "ENTITY_FACET_MAX_DOCS", 23)
    for query in ("", "Idlib", "refugees OR water", '"air strikes"', "date:2019"):
        fast, slow = _both(ix, monkeypatch, query, page_size=20)
        assert fast.facets["entity"]
        _same(fast, slow, query, by_date=not query)


def test_entity_codes_written_a_chunk_of_documents_at_a_time(tmp_path, monkeypatch) -> None:
    from idlibtui.search import sidecar

    monkeypatch.setattr(sidecar, "_ENTITY_CHUNK", 7)
    corpus = tmp_path / "corpus"
    g.write_corpus(corpus, 40, seed=11, procs=1)
    update_index(corpus, tmp_path / "index", workers=1)
    ix = search.open_index(tmp_path / "index")
    ((seg, _),) = ix._searcher.reader().leaf_readers()
    side = sidecar.open_entities(seg)
    assert side is not None and len(side.starts) == 41
    column = seg.column_reader("entity_col", translate=False)
    for doc in range(40):
        codes = side.codes[side.starts[doc] : side.starts[doc + 1]].tolist()
        raw = column[doc]
        assert [side.names[c] for c in codes] == (raw.decode("utf-8").split("\x1f") if raw else [])
    for query in ("", "Idlib", "refugees OR water"):
        fast, slow = _both(ix, monkeypatch, query, page_size=20)
        _same(fast, slow, query, by_date=not query)


def test_a_sidecar_that_cannot_be_written_is_left_out(tmp_path, monkeypatch) -> None:
    """The sidecar only speeds reading up: when its positions or entity codes cannot be
    written, the commit goes ahead without them, and queries read Whoosh's blocks."""
    from idlibtui.search import codec, sidecar

    def unreadable(values):
        raise codec.CodecError("a position value is too short")

    def no_column(*_args):
        raise OSError("No space left on device")

    monkeypatch.setattr(codec, "decode_positions", unreadable)
    monkeypatch.setattr(sidecar, "raw_getter", no_column)
    corpus = tmp_path / "corpus"
    g.write_corpus(corpus, 30, seed=12, procs=1)
    report = update_index(corpus, tmp_path / "index", workers=1)
    assert report.doc_count == 30
    left = sorted(f.name.split(".", 1)[1] for f in (tmp_path / "index").glob("*_*.*"))
    assert not [name for name in left if name.startswith(("b_", "t_", "ent_"))], left
    monkeypatch.undo()
    ix = search.open_index(tmp_path / "index")
    for query in ('"air strikes"', "refugees", ""):
        fast, slow = _both(ix, monkeypatch, query, page_size=20)
        assert fast.total
        _same(fast, slow, query, by_date=not query)


@pytest.mark.parametrize("name", ["single", "updated", "blocks"])
def test_field_terms_are_whooshs_over_any_number_of_segments(indexes, name) -> None:
    from idlibtui.search.lexicon import field_terms

    reader = indexes[name]._searcher.reader()
    for field in ("entity", "plain", "source", "b", "no-such-field"):
        for prefix in (b"", b"a", b"al", b"zzz"):
            ours = list(field_terms(reader, field, prefix))
            theirs = [
                (t if isinstance(t, bytes) else t.encode("utf-8"), info.doc_frequency())
                for t, info in reader.iter_prefix(field, prefix)
            ] if field in reader.indexed_field_names() else []  # fmt: skip
            assert ours == theirs, (field, prefix)
            if field == "entity" and not prefix:
                assert len(ours) > 50


@pytest.mark.parametrize("name", ["single", "updated"])
def test_every_articles_entity_facet_counts_live_articles_exactly(indexes, name) -> None:
    from collections import Counter

    ix = indexes[name]
    reader = ix._searcher.reader()
    names: Counter[str] = Counter()
    for seg, _offset in reader.leaf_readers():
        column = seg.column_reader("entity_col", translate=False)
        for doc in range(seg.doc_count_all()):
            if not seg.is_deleted(doc) and column[doc]:
                names.update(column[doc].decode("utf-8").split("\x1f"))
    expected = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[: facets.ENTITY_FACET_SIZE]
    assert list(ix.search("").facets["entity"].items()) == expected


def test_boosted_terms_and_phrases_score_times_their_boost(indexes) -> None:
    """An added spelling (search/expand.py) plans to a boosted term or phrase: the fast path
    scores it as Whoosh does, its score times the boost."""
    from idlibtui.search import plan as p

    ix = indexes["single"]
    ev = ix._evaluator()
    for make in (
        lambda b: p.Term("b", "idlib", b),
        lambda b: p.Phrase("b", ("air", "strike"), b),
    ):
        plain, half = ev.run(make(1.0)), ev.run(make(0.5))
        assert len(plain.docs) and list(plain.docs) == list(half.docs)
        assert list(half.scores) == pytest.approx([s * 0.5 for s in plain.scores])


def test_a_plan_within_a_set_is_the_plan_cut_to_it(indexes) -> None:
    """Running a plan only on the documents ``within`` (as an AND runs a costly child on what
    its cheaper siblings left) gives exactly the full run cut to them, scores and all."""
    import numpy as np

    ix = indexes["updated"]
    ix.refresh()
    ev = ix._evaluator()
    everyone = ev.view.live_docs
    rng = np.random.default_rng(3)
    cuts = [everyone[::5], everyone[rng.random(len(everyone)) < 0.5], everyone[:0]]
    for query in _queries():
        plan = ix.plan(ix._expander().expand(q.parse(query)).node)
        if plan is None:
            continue
        full = ev.run(plan)
        for within in cuts:
            part = ev.run(plan, within=within)
            keep = np.isin(full.docs, within)
            assert part.docs.tolist() == full.docs[keep].tolist(), query
            assert np.array_equal(part.scores, full.scores[keep]), query


def test_a_phrase_reads_positions_only_of_its_siblings_documents(indexes, monkeypatch) -> None:
    """In an AND, the phrase runs after the rarer word: positions are read only for the
    documents holding that word, and the answer is Whoosh's."""
    from idlibtui.search import plan as p
    from idlibtui.search.whoosh_oracle import to_whoosh

    ix = indexes["updated"]
    ix.refresh()
    ev = ix._evaluator()
    view = ev.view
    phrase = p.Phrase("b", ("air", "strike"), cost=len(view.postings("b", "air").docs))
    hits = set(ev.run(phrase, scored=False).docs.tolist())
    reader = ix._searcher.reader()
    rare = next(
        t
        for t in reader.field_terms("b")
        if 2 <= len(set(view.postings("b", t).docs.tolist()) & hits) <= 8
        and len(view.postings("b", t).docs) < len(hits) // 4
    )
    word = p.Term("b", rare, cost=len(view.postings("b", rare).docs))
    plan = p.all_of([phrase, word])
    assert isinstance(plan, p.AllOf) and plan.order == (1, 0)
    asked = []
    original = fastpath.FastView.positions

    def spy(self, field, text, cand):
        asked.append(set(cand.tolist()))
        return original(self, field, text, cand)

    monkeypatch.setattr(fastpath.FastView, "positions", spy)
    got = ev.run(plan)
    holding = set(view.postings("b", rare).docs.tolist())
    assert asked and all(cand <= holding for cand in asked)
    assert set(got.docs.tolist()) == hits & holding
    assert got.docs.tolist() == sorted(ix._searcher.docs_for_query(to_whoosh(plan)))


def _random_queries(n: int, seed: str) -> list[str]:
    """Queries of random shape: words, phrases, prefixes, fields and days under AND, OR, NOT
    and parentheses, nested up to three deep (every plan node and order the planner makes)."""
    rng = random.Random(seed)
    words = ["Idlib", "refugees", "shelling", "convoy", "water", "border", "winter", "Aleppo",
             "market", "children", "Erdogan", "hospitals", "Saraqeb", "said"]  # fmt: skip
    phrases = ['"air strikes"', '"clean water"', '"buffer zone"', '"strikes air"']
    leaves = [
        lambda: rng.choice(words),
        lambda: rng.choice(phrases),
        lambda: rng.choice(["refug*", "hosp*", "ceas*"]),
        lambda: f"title:{rng.choice(words)}",
        lambda: rng.choice(["date:2019", "date:[2019-06 to]", "date:[to 2018-12]"]),
        lambda: rng.choice(["source:reuters", 'source:"Al Jazeera"', "entity:erdogan"]),
    ]

    def make(depth: int) -> str:
        if depth == 0 or rng.random() < 0.35:
            return rng.choice(leaves)()
        kind = rng.choice(["AND", "OR", "NOT", "-"])
        if kind in ("NOT", "-"):
            return f"{make(depth - 1)} {kind}{' ' if kind == 'NOT' else ''}{make(depth - 1)}"
        items = [make(depth - 1) for _ in range(rng.randint(2, 3))]
        return "(" + f" {kind} ".join(items) + ")"

    return [make(3) for _ in range(n)]


@pytest.mark.parametrize("which", ["updated", "lean"])
def test_random_queries_agree_with_the_oracle(indexes, which, monkeypatch) -> None:
    """The plan's evaluator against Whoosh's own evaluation on queries of random shape, over
    several segments with deletions (and over the app's index, whose body postings only the
    sidecar holds, against the oracle's)."""
    oracle = indexes["updated"]
    ix = indexes[which]
    monkeypatch.setattr(fast_search, "FAST_PATH_STRICT", True)
    queries = _random_queries(60, "plan-shapes")
    assert sum("NOT" in x or " -" in x for x in queries) >= 20
    for query in queries:
        fast = ix.search(query, page_size=20)
        monkeypatch.setattr(fast_search, "FAST_PATH", False)
        slow = oracle.search(query, page_size=20)
        monkeypatch.setattr(fast_search, "FAST_PATH", True)
        _same(fast, slow, query, by_date=False)
