"""The query language: what parses into what, and where malformed queries fail."""

from __future__ import annotations

import datetime as dt

import pytest

from idlibtui.model import QueryError
from idlibtui.search import query as q
from idlibtui.search.highlight import analyze, match_offsets, stem


def test_empty_query_is_none() -> None:
    assert q.parse("") is None
    assert q.parse("   ") is None


def test_juxtaposition_is_and_and_or_binds_looser() -> None:
    node = q.parse("idlib aleppo OR damascus")
    assert isinstance(node, q.Or)
    assert isinstance(node.items[0], q.And)
    assert [w.text for w in node.items[0].items] == ["idlib", "aleppo"]
    assert q.render(node) == "(idlib AND aleppo) OR damascus"


def test_not_and_minus_and_parentheses() -> None:
    node = q.parse("(idlib OR aleppo) NOT russia -turkey")
    assert isinstance(node, q.And)
    assert isinstance(node.items[0], q.Or)
    assert isinstance(node.items[1], q.Not) and node.items[1].item.text == "russia"
    assert isinstance(node.items[2], q.Not) and node.items[2].item.text == "turkey"


def test_minus_before_a_field_excludes_the_field() -> None:
    """``-title:x``, ``-date:[...]``, ``-source:x``: the field's value is excluded, not the
    words "title" and "x" (found by the random-shape differential test)."""
    node = q.parse("refugees -title:Idlib -date:[2019-06 to] -source:reuters -date:2019")
    assert isinstance(node, q.And)
    title, days, source, year = (item.item for item in node.items[1:])
    assert isinstance(title, q.Word) and (title.field, title.text) == ("title", "Idlib")
    assert isinstance(days, q.DateRange) and days.hi is None and days.lo is not None
    assert isinstance(source, q.Keyword) and (source.field, source.value) == ("source", "reuters")
    assert isinstance(year, q.DateRange) and year.label == "2019"
    lone = q.parse("-entity:Erdogan")
    assert isinstance(lone, q.Not) and isinstance(lone.item, q.Keyword)
    # a hyphen inside a word is still part of it
    word = q.parse("a-source:reuters")
    assert isinstance(word, q.Word) and word.text == "a-source:reuters"


def test_hyphenated_word_is_not_negation() -> None:
    node = q.parse("cease-fire")
    assert isinstance(node, q.Word) and node.text == "cease-fire"


def test_fields_and_phrases() -> None:
    node = q.parse(
        'title:showdown source:"Washington Post" entity:"Recep Tayyip Erdogan" "hell on"'
    )
    kinds = [type(n).__name__ for n in node.items]
    assert kinds == ["Word", "Keyword", "Keyword", "Phrase"]
    assert node.items[0].field == "title"
    assert node.items[1].value == "Washington Post"
    assert node.items[2].field == "entity"


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("date:2019", dt.datetime(2019, 1, 1), dt.date(2019, 12, 31)),
        ("date:2020-02", dt.datetime(2020, 2, 1), dt.date(2020, 2, 29)),
        ("date:2019-12-28", dt.datetime(2019, 12, 28), dt.date(2019, 12, 28)),
        ("date:[2019-12 to 2020-02]", dt.datetime(2019, 12, 1), dt.date(2020, 2, 29)),
        ("date:[2019-12 TO 2020-02]", dt.datetime(2019, 12, 1), dt.date(2020, 2, 29)),
        ('date:"2018-09"', dt.datetime(2018, 9, 1), dt.date(2018, 9, 30)),
    ],
)
def test_dates_cover_whole_periods(text, lo, hi) -> None:
    node = q.parse(text)
    assert isinstance(node, q.DateRange)
    assert node.lo == lo
    assert node.hi.date() == hi and node.hi.time() == dt.time.max


def test_open_ended_range() -> None:
    node = q.parse("date:[2019 to]")
    assert node.lo == dt.datetime(2019, 1, 1) and node.hi is None


def test_prefix_and_wildcard_words() -> None:
    node = q.parse("displac* refuge?s")
    assert all(w.wildcard for w in node.items)


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ('"idlib', 0, "quote"),
        ('idlib "aleppo', 6, "quote"),
        ("idlib AND (aleppo", 10, "("),
        ("idlib )", 6, ")"),
        ("()", 0, "empty"),
        ("foo:bar", 0, "unknown field"),
        ("idlib date:2019-13", 11, "bad date"),
        ("date:2019-02-30", 5, "no such day"),
        ("date:[2020 to 2019]", 5, "ends before"),
        ("date:[2019 2020]", 5, "range"),
        ("date:[2019 to 2020", 5, "never closed"),
        ("AND idlib", 0, "AND"),
        ("idlib OR", 6, "OR"),
        ("idlib AND", 6, "AND"),
        ("NOT", 0, "NOT"),
        ("idlib NOT", 6, "NOT"),
        ("idlib OR OR aleppo", 6, "OR"),
        ("title:", 0, "needs a value"),
        ("title: idlib", 0, "needs a value"),
        ("a*", 0, "wildcard"),
        ("*lib", 0, "wildcard"),
        ("source:[2019 to 2020]", 7, "only works with date"),
        ("idlib ]", 6, "']'"),
    ],
)
def test_malformed_queries_say_what_and_where(text, position, words) -> None:
    with pytest.raises(QueryError) as info:
        q.parse(text)
    err = info.value
    assert err.position == position, (text, err.message, err.position)
    assert words.lower() in err.message.lower()
    assert err.query == text
    assert f"character {position + 1}" in str(err)


def test_analyzer_stems_like_the_index() -> None:
    assert analyze("Displaced refugees") == [stem("displaced"), stem("refugees")]
    assert analyze("the and of") == []  # stopwords


def test_match_offsets_stem_matches_any_text() -> None:
    text = "They were displaced. Displacement grew; refugees fled, a refugee said."
    spans = match_offsets("displacing refugee", text)
    words = [text[s:e] for s, e in spans]
    assert words == ["displaced", "Displacement", "refugees", "refugee"]
    assert all(stem(w.lower()) in {stem("displacing"), stem("refugee")} for w in words)


def test_match_offsets_phrase_needs_consecutive_words() -> None:
    text = "hell on earth, and on earth hell"
    spans = match_offsets('"hell on earth"', text)
    assert [text[s:e] for s, e in spans] == ["hell", "earth"]
    assert spans[0][0] == 0


def test_match_offsets_prefix_and_exclusions() -> None:
    text = "Displaced people and displacement; Russia and Turkey."
    spans = match_offsets("displac* NOT russia", text)
    assert [text[s:e] for s, e in spans] == ["Displaced", "displacement"]


def test_match_offsets_raises_on_bad_query() -> None:
    with pytest.raises(QueryError):
        match_offsets('"unclosed', "text")


def test_index_terms_agree_with_tokens_and_whoosh_tokenizer(seed_paths) -> None:
    """What the builder indexes (its own splitter and Whoosh's tokenizer over the same string)
    is what ``tokens`` finds: a folded stem per position, an exact term beside it."""
    from idlibtui.search.build.documents import _split_postings
    from idlibtui.search.highlight import index_terms, tokens
    from idlibtui.search.schema import build_schema

    field = build_schema()["b"]
    extra = "Erdoğan's ceasefire in Maʿarrat al-Nuʿmān; 700,000 demilitarised, Hay'at."
    for text in [p.read_text(encoding="utf-8") for p in seed_paths] + [extra]:
        stems, _words = index_terms(text)
        toks = tokens(text)
        assert [item.split("|")[0] for item in stems.split()] == [t.stem for t in toks]
        assert [item.split("|")[1:] for item in stems.split()] == [
            [t.exact] if t.exact else [] for t in toks
        ]
        whoosh = [(t.text, t.pos) for t in field.analyzer(stems, positions=True)]
        expected = [(t.stem, n) for n, t in enumerate(toks)]
        expected += [(t.exact, n) for n, t in enumerate(toks) if t.exact]
        assert sorted(whoosh) == sorted(expected)
        length, terms, _weights, _values = _split_postings(field, stems)
        assert length == len(expected)
        assert sorted(t.decode() for t in terms) == sorted({w for w, _ in expected})


def test_index_terms_by_distinct_word_equal_a_reading_word_by_word(seed_paths) -> None:
    """``index_terms`` analyses each distinct word once and joins the pieces; the terms and words
    are those of reading the text word by word (hyphen articles, which depend on what follows,
    upper-case Greek and Turkish letters that lower to other lengths, every language)."""
    from idlibtui.search.highlight import _index_terms_by_word, analyser, index_terms

    extras = [
        "Ahrar ash-Sham and Hay'at Tahrir ash Sham near ad-Dana, al-Bab, el Bab, ed- and es-Sham.",
        "ΟΔΟΣ ΣΑΣ. İSTANBUL İzmir ΑΣ' Ǆemal ﬁre 700,000 3.5 U.S. ʿAli",
        "Die Flüchtlinge an der Grenze; les bombardements de l'armée à Idlib.",
        "",
        "   ",
    ]
    texts = [p.read_text(encoding="utf-8") for p in seed_paths] + extras
    for lang in ("", "en", "fr", "de", "tr", "ar"):
        for text in texts:
            expected = _index_terms_by_word(text, analyser(lang))
            assert index_terms(text, lang) == expected
            assert index_terms(text, lang) == expected  # again, from the kept pieces


def test_prefiltered_highlighting_equals_full_tokenization(seed_paths) -> None:
    from idlibtui.search.highlight import matcher_for

    queries = [
        "refugees",
        "displacing civilians",
        "Idlib Turkey",
        "said",
        "u.s",
        "al-Assad",
        "displac* Erdo*",
        "humanitarian OR killed",
        "assad",
        "Russia's",
        "Erdogan ceasefire fire",
        "=Erdoğan numan 700000 demilitarized",
        "organization centre",
    ]
    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    texts.append("x.refugees refugees' U.S. refugee—refugees.Refugees 'refugees")
    texts.append(
        "Erdoğan's ceasefire, cease-fire; x.Erdogan 1,700,000 700,000 Nu'man Nu’man "
        "demilitarised organisations centres al-Assad"
    )
    for query in queries:
        m = matcher_for(q.parse(query))
        for text in texts:
            assert m._prefiltered_offsets(text) == m._word_offsets(text), (query, text[:40])
