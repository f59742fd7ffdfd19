"""Each article indexed with its language's analysis (search/lang_analysis.py): a query word in
another inflection finds it, phrases and highlights work, English results do not change."""

from __future__ import annotations

from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.search import arabic, lang_analysis
from idlibtui.search.build import update_index
from idlibtui.search.highlight import (
    analyser,
    index_terms,
    match_offsets,
    query_forms,
    tokens,
    word_terms,
)
from tests.unit.lang_articles import ARTICLES, INFLECTIONS, PHRASES


def matcher_offsets(query: str, text: str, langs, lang: str = "en") -> list[tuple[int, int]]:
    """Where ``query``, looked up in the forms of ``langs``, matches ``text`` (in ``lang``)."""
    from idlibtui.search import query as q
    from idlibtui.search.highlight import matcher_for

    return matcher_for(q.parse(query), langs).offsets(text, lang)


# Written for the test (paraphrased reports, no page text).
ENGLISH = {
    "en1.txt": (
        "Army shells villages south of Idlib\n\n"
        "Government forces shelled villages south of Idlib overnight, and residents said many "
        "families had left for the border with Turkey after the bombardment of their homes."
    ),
    "en2.txt": (
        "Hospitals in Idlib short of medicine\n\n"
        "Doctors in the province said the hospitals were running out of medicine and fuel, and "
        "that refugees sleeping in the fields needed tents before the winter storms."
    ),
}


def _build(root: Path, texts: dict[str, str]):
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    update_index(corpus, root / "index", workers=1)
    return search.open_index(root / "index")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    texts = dict(ENGLISH) | {f"{lang}.txt": text for lang, text in ARTICLES.items()}
    return _build(tmp_path_factory.mktemp("mixed"), texts)


@pytest.fixture(scope="module")
def english_only(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("english"), dict(ENGLISH))


def _names(results) -> set[str]:
    return {Path(h.path).name for h in results.hits}


# --- the analysis -------------------------------------------------------------------------


def test_each_fixture_is_detected_in_its_language(mixed) -> None:
    langs = {Path(h.path).name: h.lang for h in mixed.search("").hits}
    for lang in ARTICLES:
        assert langs[f"{lang}.txt"] == lang


def test_english_and_an_untold_language_keep_the_english_analysis() -> None:
    assert analyser(None) is word_terms
    assert analyser("") is word_terms
    assert analyser("en") is word_terms
    assert analyser("EN-gb") is word_terms
    text = ENGLISH["en1.txt"]
    assert index_terms(text) == index_terms(text, "en") == index_terms(text, "")
    assert lang_analysis.query_keys([]) == ("en",)
    assert lang_analysis.query_keys(["fr", "", "de", "fr"]) == ("en", "de", "fr")
    assert lang_analysis.query_keys(["fr"]) == ("fr",)


def test_a_language_whoosh_stems_gets_its_stemmer_and_stopwords() -> None:
    terms, _words = index_terms("Les bombardements de l'armée", "fr")
    # "de" is a French stopword, "l'" an elided article, the stem folded (its accent kept
    # beside it as the exact term) and tagged with the language
    assert terms.split() == ["fr~le", "fr~bombard", "fr~arme|=fr~armé"]
    assert index_terms("Die Flüchtlinge", "de")[0] == index_terms("Flüchtling", "de")[0]


def test_elision_and_turkish_suffixes_are_cut_before_analysis() -> None:
    assert lang_analysis.cut("l'armée", "fr") == "armée"
    assert lang_analysis.cut("d’idlib", "fr") == "idlib"
    assert lang_analysis.cut("dell'esercito", "it") == "esercito"
    assert lang_analysis.cut("aujourd'hui", "fr") == "aujourd'hui"  # not an elision
    assert lang_analysis.cut("i̇dlib'de", "tr") == "i̇dlib"
    assert lang_analysis.cut("l'armée", "de") == "l'armée"


def test_a_stemmer_leaves_words_of_another_script_alone() -> None:
    # Whoosh's Russian stemmer reads Latin letters as transliterated Russian
    assert [t.stem for t in tokens("Эрдоган и Erdogan, İdlib и Идлибе", "ru")] == [
        "ru~эрдога",
        "erdogan",
        "idlib",
        "ru~идлиб",
    ]  # "и" a stopword
    assert [t.stem for t in tokens("Die Stadt Идлиб", "de")] == ["de~stadt", "идлиб"]


def test_arabic_letter_forms_and_diacritics_meet() -> None:
    assert arabic.normalise("إِدْلِب") == arabic.normalise("ادلب") == "ادلب"
    assert arabic.normalise("مدينة") == arabic.normalise("مدينه")
    assert arabic.light_stem("غارات") == arabic.light_stem("غارة") == arabic.light_stem("الغارة")
    assert arabic.light_stem("سوريا") == "سوريا"  # a root stemmer made it "ري"
    assert arabic.light_stem("Idlib") == "Idlib"


def test_a_plain_language_is_folded_not_stemmed() -> None:
    assert [t.stem for t in tokens("Saldırılarda sivil yaralandı", "tr")] == [
        "saldirilarda",
        "sivil",
        "yaralandi",
    ]
    assert [t.stem for t in tokens("Ataki na szpitale", "pl")] == ["ataki", "na", "szpitale"]


def test_a_query_word_has_one_form_where_the_languages_agree() -> None:
    # unstemmed languages share the English term of a name; a stemmer's are its language's
    assert query_forms("Idlib", langs=("en", "tr", "pl", "id")) == [(["idlib"], ["idlib"])]
    assert query_forms("Idlib", langs=("en", "fr", "ru", "ar")) == [
        (["idlib"], ["idlib"]),
        (["fr~idlib"], ["fr~idlib"]),
    ]  # a Latin word is not stemmed in Russian or Arabic text


def test_a_stem_of_another_language_never_matches_an_english_word() -> None:
    # Whoosh's Swedish stemmer makes "mark" of "market", Spanish "halab" of "Halabi"
    text = "Residents of Halab marked the day at the old mark."
    for word in ("market", "Halabi"):
        langs = ("en", "sv", "es", "de", "it")
        assert len(query_forms(word, langs=langs)) > 1
        assert match_offsets(word, text) == []
        assert matcher_offsets(word, text, langs) == []


@pytest.mark.parametrize(("lang", "word", "written"), INFLECTIONS)
def test_a_word_in_another_inflection_is_marked_in_the_text(lang, word, written) -> None:
    text = ARTICLES[lang]
    marked = {text[s:e] for s, e in match_offsets(word, text, lang)}
    assert written in marked


@pytest.mark.parametrize(("lang", "phrase", "words"), PHRASES)
def test_a_phrase_is_marked_in_the_text(lang, phrase, words) -> None:
    text = ARTICLES[lang]
    assert [text[s:e] for s, e in match_offsets(phrase, text, lang)] == words


# --- the index ----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "word", "written"), INFLECTIONS)
def test_the_index_finds_the_article_by_another_inflection(mixed, lang, word, written) -> None:
    results = mixed.search(word)
    assert f"{lang}.txt" in _names(results)
    hit = next(h for h in results.hits if Path(h.path).name == f"{lang}.txt")
    assert written in {ARTICLES[lang][s:e] for s, e in hit.text_hits}
    assert any(hit.snippet[s:e] == written for s, e in hit.snippet_hits)


@pytest.mark.parametrize(("lang", "phrase", "words"), PHRASES)
def test_the_index_finds_the_article_by_a_phrase(mixed, lang, phrase, words) -> None:
    results = mixed.search(phrase)
    assert f"{lang}.txt" in _names(results)
    hit = next(h for h in results.hits if Path(h.path).name == f"{lang}.txt")
    assert [ARTICLES[lang][s:e] for s, e in hit.text_hits] == words


def test_a_lang_filter_analyses_the_query_for_that_language(mixed) -> None:
    assert _names(mixed.search("Flüchtling", filters={"lang": ["de"]})) == {"de.txt"}
    assert _names(mixed.search("Flüchtling lang:de")) == {"de.txt"}
    assert _names(mixed.search("bombardeo", filters={"lang": ["es"]})) == {"es.txt"}


def test_arabic_names_of_the_gazetteer_are_found(mixed) -> None:
    assert "ar.txt" in _names(mixed.search("entity:Idlib"))
    assert "ar.txt" in _names(mixed.search('entity:"Hayat Tahrir al-Sham"'))
    # the typed English name adds its Arabic spelling (search/expand.py), analysed for Arabic
    assert "ar.txt" in _names(mixed.search("Idlib"))
    assert "ar.txt" in _names(mixed.search("إدلب"))


ENGLISH_QUERIES = [
    "Idlib",
    "shelling",
    "hospitals",
    "refugee",
    "bombardment",
    '"south of Idlib"',
    "medicine OR tents",
    "famil*",
    "Turkey -winter",
    "=villages",
]


@pytest.mark.parametrize("query", ENGLISH_QUERIES)
def test_english_results_do_not_change(mixed, english_only, query) -> None:
    alone = english_only.search(query)
    among = mixed.search(query, filters={"lang": ["en"]})
    assert _names(alone) == _names(among)
    for a, b in zip(
        sorted(alone.hits, key=lambda h: h.path),
        sorted(among.hits, key=lambda h: h.path),
        strict=True,
    ):
        assert (a.text_hits, a.snippet) == (b.text_hits, b.snippet)
    english_hits = {n for n in _names(mixed.search(query)) if n.startswith("en")}
    assert english_hits == _names(alone)


def test_the_reader_marks_the_words_of_an_article_in_its_language() -> None:
    from idlibtui.tui.article_spans import find_matches

    text = ARTICLES["de"]
    assert {text[s:e] for s, e in find_matches("Flüchtling", text, "de")} == {"Flüchtlinge"}
    assert find_matches("Flüchtling", text) == []  # read as English, the stems differ


def test_a_form_the_index_does_not_hold_is_not_looked_up(mixed) -> None:
    from idlibtui.search import plan as p
    from idlibtui.search import query as q

    langs = mixed.query_langs()
    assert len(query_forms("children", langs=langs)) > 1  # "de~childr" in German
    planned = mixed.plan(q.parse("children"))
    assert isinstance(planned, p.Term) and (planned.field, planned.text) == ("b", "children")
    planned = mixed.plan(q.parse("Krankenhaus"))
    assert isinstance(planned, p.Term) and planned.text == "de~krankenhaus"
    # forms that articles of several languages hold: each looked up
    planned = mixed.plan(q.parse("Idlib"))
    assert isinstance(planned, p.AnyOf)
    texts = {n.text for n in planned.items if isinstance(n, p.Term)}
    assert texts >= {"idlib", "fr~idlib", "de~idlib"}
