"""Search over the seeds: what a reader expects, with offsets that point at the matched words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.model import QueryError
from idlibtui.pipeline import article_id
from idlibtui.search.build import update_index
from idlibtui.search.highlight import analyze, stem

SEEDS = Path(__file__).resolve().parents[2] / "corpus"

# Which seed says what (the words are in the articles' bodies, not in boilerplate).
PROTEST = "000_221080df3991f770.txt"  # Istanbul protest, "date 2019-12-28"
HELL = "001_a27e626ff12f024e.txt"  # "hell on earth"
MOSCOW = "002_ac17027dfa9b0009.txt"
UN_COUNCIL = "003_a4d1a36115c1cab6.txt"  # "date 2018-09-12", Nikki Haley
WAPO = "004_3130d0606da1117a.txt"  # The Washington Post, Morgan Ortagus


def aid(name: str) -> str:
    return article_id(name)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("search")
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus)
    index_dir = root / "index"
    report = update_index(corpus, index_dir, workers=1)
    assert report.added == 5 and not report.skipped
    return corpus, index_dir


@pytest.fixture(scope="module")
def ix(built):
    return search.open_index(built[1])


def ids(results) -> set[str]:
    return {h.id for h in results.hits}


def test_doc_count_and_titles(ix) -> None:
    assert ix.doc_count == 5
    titles = ix.all_titles()
    assert {t[0] for t in titles} == {aid(n) for n in (PROTEST, HELL, MOSCOW, UN_COUNCIL, WAPO)}
    assert all(t[1] for t in titles)


def test_plain_term_finds_only_the_article_that_says_it(ix) -> None:
    assert ids(ix.search("Kreimesh")) == {aid(PROTEST)}
    assert ids(ix.search("Nebenzya")) == {aid(UN_COUNCIL)}
    assert ids(ix.search("ortagus")) == {aid(WAPO)}


def test_stemming_matches_other_forms(ix) -> None:
    a = ids(ix.search("displaced"))
    b = ids(ix.search("displacing"))
    assert a == b and aid(PROTEST) in a


def test_phrase_needs_the_words_in_order(ix) -> None:
    assert ids(ix.search('"hell on earth"')) == {aid(HELL)}
    assert ix.search('"earth on hell"').total == 0
    assert ix.search("hell earth").total >= 1


def test_boolean_operators(ix) -> None:
    both = ids(ix.search("Kreimesh OR Nebenzya"))
    assert both == {aid(PROTEST), aid(UN_COUNCIL)}
    assert ids(ix.search("(Kreimesh OR Nebenzya) NOT Haley")) == {aid(PROTEST)}
    assert ids(ix.search("(Kreimesh OR Nebenzya) -Haley")) == {aid(PROTEST)}
    assert ix.search("Kreimesh AND Nebenzya").total == 0
    assert ix.search("NOT idlib").total == 5 - ix.search("idlib").total


def test_title_field(ix) -> None:
    hits = ix.search("title:showdown")
    assert ids(hits) == {aid(WAPO)}


def test_source_field_case_insensitive(ix) -> None:
    assert aid(WAPO) in ids(ix.search('source:"washington post"'))
    assert aid(PROTEST) not in ids(ix.search('source:"Washington Post"'))


def test_date_fields_and_ranges(ix) -> None:
    assert aid(PROTEST) in ids(ix.search("date:2019-12-28"))
    assert aid(PROTEST) in ids(ix.search("date:2019-12"))
    assert aid(PROTEST) in ids(ix.search("date:[2019-11 to 2020-02]"))
    in_2018 = ids(ix.search("date:2018"))
    assert aid(UN_COUNCIL) in in_2018 and aid(PROTEST) not in in_2018
    assert aid(UN_COUNCIL) in ids(ix.search("date:[2018-09 to 2018-09]"))
    assert aid(UN_COUNCIL) not in ids(ix.search("date:[2018-10 to]"))
    assert aid(PROTEST) in ids(ix.search("Kreimesh date:2019"))
    assert ix.search("Kreimesh date:2018").total == 0


def test_prefix_expansion(ix) -> None:
    found = ids(ix.search("displac*"))
    assert {aid(PROTEST), aid(UN_COUNCIL)} <= found
    assert ids(ix.search("Kreim*")) == {aid(PROTEST)}


def test_offsets_point_at_matched_words(ix) -> None:
    for query, words in [
        ("refugees", ["refugees"]),
        ("displacing civilians", ["displacing", "civilians"]),
        ('"humanitarian disaster"', ["humanitarian", "disaster"]),
    ]:
        wanted = {stem(w) for w in words}
        results = ix.search(query)
        assert results.total > 0
        for hit in results.hits:
            doc = ix.get(hit.id)
            text = doc["text"]
            assert hit.text_hits, (query, hit.id)
            for s, e in hit.text_hits:
                assert analyze(text[s:e]) and analyze(text[s:e])[0] in wanted
            for s, e in hit.snippet_hits:
                assert hit.snippet[s:e].lower() in {text[a:b].lower() for a, b in hit.text_hits}
                assert stem(hit.snippet[s:e].lower()) in wanted


def test_snippet_shows_a_match(ix) -> None:
    hit = ix.search("Kreimesh").hits[0]
    assert "Kreimesh" in hit.snippet
    assert any(hit.snippet[s:e] == "Kreimesh" for s, e in hit.snippet_hits)
    assert "\n" not in hit.snippet


def test_facets(ix) -> None:
    everything = ix.search("")
    assert everything.total == 5
    assert set(everything.facets) == {"source", "agency", "lang", "year", "entity"}
    years = everything.facets["year"]
    assert years.get("2019", 0) >= 1 and years.get("2018", 0) >= 1
    assert sum(everything.facets["source"].values()) <= 5
    only_2018 = ix.search("date:2018")
    assert only_2018.facets["year"] == {"2018": only_2018.total}


def test_filters_combine_with_query(ix) -> None:
    all_idlib = ix.search("idlib")
    filtered = ix.search("idlib", filters={"year": ["2018"]})
    assert 0 < filtered.total < all_idlib.total
    assert all(h.date and h.date.year == 2018 for h in filtered.hits)
    source = next(iter(all_idlib.facets["source"]))
    by_source = ix.search("idlib", filters={"source": [source]})
    assert by_source.total == all_idlib.facets["source"][source]
    assert {h.source for h in by_source.hits} == {source}


def test_entity_field_and_facet(ix) -> None:
    entities = ix.search("").facets["entity"]
    if not entities:
        pytest.skip("annotators not installed yet: no entities indexed")
    name, count = next(iter(entities.items()))
    assert ix.search(f'entity:"{name.lower()}"').total == count
    assert ix.search(f'entity:"{name.upper()}"').total == count
    filtered = ix.search("", filters={"entity": [name]})
    assert filtered.total == count
    # Facets of a filtered search count within the filtered set.
    assert filtered.facets["entity"][name] == count
    assert sum(filtered.facets["year"].values()) <= count


def test_empty_query_lists_all_newest_first(ix) -> None:
    results = ix.search("")
    dates = [h.date for h in results.hits]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates[: len(dated)] == dated  # undated last


def test_sort_by_date(ix) -> None:
    results = ix.search("idlib", sort="date")
    dated = [h.date for h in results.hits if h.date]
    assert dated == sorted(dated, reverse=True)


def test_paging(ix) -> None:
    first = ix.search("idlib", page=1, page_size=2)
    second = ix.search("idlib", page=2, page_size=2)
    assert len(first.hits) == 2 and first.total == second.total
    assert not ids(first) & ids(second)


def test_suggestions_for_misspellings(ix) -> None:
    idlb = ix.search("Idlb")
    assert idlb.total == 0 and idlb.suggestion == "idlib"
    # "Idleb" is a spelling of Idlib (the gazetteer's): found, nothing to suggest
    idleb = ix.search("Idleb")
    assert idleb.total == ix.search("Idlib").total and idleb.suggestion == ""
    assert idleb.expansions == [("Idleb", ["Idlib"])]
    assert ix.search("refugess").suggestion == "refugees"
    assert ix.search("idlib").suggestion == ""


def test_parsed_query_and_timing(ix) -> None:
    results = ix.search("idlib aleppo")
    assert results.parsed_query == "idlib AND aleppo"
    assert results.elapsed_ms > 0


def test_query_errors_and_only_stopwords(ix) -> None:
    with pytest.raises(QueryError) as info:
        ix.search("idlib AND (")
    assert info.value.position == 10
    with pytest.raises(QueryError):
        ix.search("the of")


def test_get_and_iter_documents(ix) -> None:
    doc = ix.get(aid(PROTEST))
    assert doc["path"] == PROTEST and "Kreimesh" in doc["text"]
    assert isinstance(doc["figures"], list) and isinstance(doc["entities"], list)
    assert ix.get("nope") is None
    docs = list(ix.iter_documents("Kreimesh"))
    assert [d["id"] for d in docs] == [aid(PROTEST)]
    assert len(list(ix.iter_documents())) == 5


def test_missing_index_message(tmp_path) -> None:
    with pytest.raises(search.IndexMissing) as info:
        search.open_index(tmp_path / "nowhere")
    assert "idlibtui index" in str(info.value)


def test_backend_protocol(ix) -> None:
    assert isinstance(ix, search.SearchBackend)


def test_agency_field_facet_and_date_kind(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = (
        "Government forces shelled villages near the highway overnight, a monitoring group "
        "said, and families fled north towards the border in the rain."
    )
    (corpus / "wire.txt").write_text(
        f" date 2020-02-12 BEIRUT (Reuters) - {body}\n", encoding="utf-8"
    )
    (corpus / "own.txt").write_text(f"{body} The army denied it on Monday.\n", encoding="utf-8")
    update_index(corpus, tmp_path / "index", workers=1)
    ix = search.open_index(tmp_path / "index")
    everything = ix.search("")
    assert everything.facets["agency"] == {"Reuters": 1}
    hits = ix.search("agency:reuters").hits
    assert [h.path for h in hits] == ["wire.txt"]
    assert hits[0].date_kind == "stated" and hits[0].source == "Reuters"  # no other publisher
    assert ix.search("villages", filters={"agency": ["Reuters"]}).total == 1
