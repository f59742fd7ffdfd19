"""Names however they are spelt (issue 15, names half): query expansion through the gazetteer and
the transliteration rule, ``entity:`` by any spelling, ``source:`` loosely, facets OR/AND."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.search import query as q
from idlibtui.search.build import update_index
from idlibtui.search.expand import AltPhrase, AltWord, Expander, candidates, spellings_from
from idlibtui.search.resolve import EntityNames, compact, nearest_outlet, resolve_outlet

SEEDS = Path(__file__).resolve().parents[2] / "corpus"

GAZ = {
    "PERSON": {
        "Bashar al-Assad": ["Assad", "Bashar Assad", "Asad"],
        "Hafez al-Assad": ["Hafez Assad"],
        "Recep Tayyip Erdogan": ["Erdogan", "Erdoğan"],
    },
    "PLACE": {"Saraqib": ["Saraqeb"], "Habit": ["Hbeit"]},
    "ORG": {
        "Syrian Observatory for Human Rights": ["SOHR", "Observatory"],
        "World Health Organization": ["WHO"],
    },
    "GROUP": {"Hayat Tahrir al-Sham": ["HTS", "Haiat Tahrir al-Sham"]},
}


def lexicon(*words: str):
    held = set(words)
    return held.__contains__


def expander(*words: str, names=()) -> Expander:
    return Expander(lexicon(*words), names, spellings_from(GAZ))


def word(text: str, **kw) -> q.Word:
    return q.Word(0, len(text), text, **kw)


def added(ex: Expander, text: str) -> list[str]:
    node = q.parse(text)
    assert isinstance(node, q.Word | q.Phrase)
    return ex.spellings_for(node)


# --- expansion --------------------------------------------------------------------------------


def test_an_acronym_adds_the_full_name_as_a_phrase() -> None:
    ex = expander("hayat", "tahrir", "al", "sham", "haiat", "hts")
    out = ex.expand(q.parse("HTS refugees"))
    assert out.added == [("HTS", ["Hayat Tahrir al-Sham", "Haiat Tahrir al-Sham"])]
    first = out.node.items[0]
    assert isinstance(first, q.Or) and first.items[0] == q.parse("HTS refugees").items[0]
    alts = first.items[1:]
    assert all(isinstance(a, AltPhrase) and a.of == "HTS" and a.boost < 1 for a in alts)


def test_the_full_name_adds_the_acronym_and_other_spellings() -> None:
    ex = expander("hayat", "tahrir", "al", "sham", "haiat", "hts")
    assert added(ex, '"Hayat Tahrir al-Sham"') == ["HTS", "Haiat Tahrir al-Sham"]
    sohr = expander("syrian", "observatory", "human", "rights")
    assert added(sohr, "SOHR") == ["Syrian Observatory for Human Rights"]


def test_an_alias_adds_the_entrys_spellings_the_index_holds() -> None:
    ex = expander("saraqib", "saraqeb")
    assert added(ex, "Saraqeb") == ["Saraqib"]
    assert added(ex, "saraqib") == ["Saraqeb"]
    # a spelling the index does not hold is not added
    assert added(expander("saraqeb"), "Saraqeb") == []


def test_a_surname_alone_expands_to_the_person_and_drops_what_it_already_finds() -> None:
    ex = expander("bashar", "al", "assad", "asad")
    # "Bashar al-Assad" and "Bashar Assad" hold "Assad": searching them adds nothing
    assert added(ex, "Assad") == ["Asad"]


def test_english_words_and_english_acronyms_stay_as_typed() -> None:
    ex = expander("world", "health", "organization", "who", "observatory", "hbeit", "habit")
    assert added(ex, "who") == []
    assert added(ex, "WHO") == ["World Health Organization"]
    assert added(ex, "observatory") == []
    assert added(ex, "habit") == []
    assert added(ex, "Habit") == ["Hbeit"]  # typed as a name


def test_exact_words_wildcards_and_other_fields_are_not_expanded() -> None:
    ex = expander("saraqib", "saraqeb")
    names = {f.name for f in dataclasses.fields(q.Word)}
    if "exact" in names:
        exact = q.Word(0, 8, "Saraqeb", exact=True)
    else:  # until the exact operator lands: the attribute the expander reads

        @dataclasses.dataclass(frozen=True)
        class Exact(q.Word):
            exact: bool = True

        exact = Exact(0, 8, "Saraqeb")
    assert ex.spellings_for(exact) == []
    assert ex.expand(exact).node is exact
    assert ex.spellings_for(word("Saraq*", wildcard=True)) == []
    assert ex.expand(q.parse("source:Saraqeb")).added == []


def test_transliteration_variants_are_kept_only_when_the_lexicon_holds_them() -> None:
    ex = expander("maarrat", "maaret", names={"maarat"})
    assert sorted(added(ex, "Maarat")) == ["Maaret", "Maarrat"]
    assert added(expander(names={"maarat"}), "Maarat") == []
    # ee / i, ou / u, q / k, ei / ay
    assert added(expander("shaykhun", names={"shaykhun"}), "Sheikhoun") == ["Shaykhun"]
    assert added(expander("saraqib"), "Saraqeeb") == ["Saraqib"]
    assert added(expander("kafr", names={"kafr"}), "Qafr") == ["Kafr"]


def test_transliteration_leaves_english_words_alone() -> None:
    assert candidates("seen") == ()  # common English
    assert added(expander("sin", "fud", "feet", "fit"), "feet") == []
    # a word is treated as a name only when it or a spelling of it is a known name's word,
    # whatever its case: a capital is no sign ("Least" is not "List")
    assert added(expander("maarrat"), "maarat") == []
    assert added(expander("maarrat", names={"maarrat"}), "maarat") == ["maarrat"]
    assert added(expander("maarrat", names={"maarrat"}), "Maarat") == ["Maarrat"]
    assert added(expander("list", "bases"), "Least") == []
    assert added(expander("list", "bases"), "Basis") == []


def test_a_phrase_gets_phrase_variants() -> None:
    ex = expander("khan", "shaykhun", names={"shaykhun"})
    assert added(ex, '"Khan Sheikhoun"') == ["Khan Shaykhun"]
    alts = ex.expand(q.parse('"Khan Sheikhoun"')).node.items[1:]
    assert [type(a) for a in alts] == [AltPhrase]


def test_an_added_single_word_is_a_word() -> None:
    alts = expander("saraqib").expand(q.parse("Saraqeb")).node.items[1:]
    assert [type(a) for a in alts] == [AltWord] and alts[0].text == "Saraqib"


# --- entity: and source: ----------------------------------------------------------------------

STORED = [
    "Bashar al-Assad",
    "Hafez al-Assad",
    "Recep Tayyip Erdogan",
    "Saraqib",
    "Hayat Tahrir al-Sham",
    "Idlib",
]


@pytest.mark.parametrize(
    ("typed", "want"),
    [
        ("Assad", ["Bashar al-Assad"]),  # the gazetteer's alias wins over the word
        ("HTS", ["Hayat Tahrir al-Sham"]),
        ("hts", ["Hayat Tahrir al-Sham"]),
        ("Saraqeb", ["Saraqib"]),
        ("Erdoğan", ["Recep Tayyip Erdogan"]),
        ("erdogan", ["Recep Tayyip Erdogan"]),
        ("Hay'at Tahrir al-Sham", ["Hayat Tahrir al-Sham"]),
        ("Tayyip", ["Recep Tayyip Erdogan"]),  # a word of a name
        ("Hafez", ["Hafez al-Assad"]),
        ("idlib", ["Idlib"]),
        ("Nowhere", []),
    ],
)
def test_entity_values_resolve_to_stored_canonical_names(typed, want) -> None:
    assert EntityNames(STORED, spellings_from(GAZ)).resolve(typed) == want


def test_entity_did_you_mean() -> None:
    names = EntityNames(STORED, spellings_from(GAZ))
    assert names.did_you_mean("Erdgan") == "Recep Tayyip Erdogan"
    assert names.did_you_mean("Bashar al-Asadd") == "Bashar al-Assad"
    assert names.did_you_mean("zzzzzz") == ""


def test_outlets_match_loosely() -> None:
    stored = ["Al Jazeera", "Al Jazeera English", "Reuters", "The Washington Post", "TRT World"]
    assert compact("The Washington-Post") == "washingtonpost"
    assert resolve_outlet("aljazeera", stored) == ["Al Jazeera"]
    assert resolve_outlet('"al jazeera"'.strip('"'), stored) == ["Al Jazeera"]
    assert resolve_outlet("Al-Jazeera", stored) == ["Al Jazeera"]
    assert resolve_outlet("REUTERS", stored) == ["Reuters"]
    assert resolve_outlet("washingtonpost", stored) == ["The Washington Post"]
    assert resolve_outlet("trt", stored) == ["TRT World"]  # by its words
    assert resolve_outlet("bbc", stored) == []
    assert nearest_outlet("reuter", stored) == "Reuters"


# --- on the seeds -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    root = tmp_path_factory.mktemp("names")
    shutil.copytree(SEEDS, root / "corpus")
    update_index(root / "corpus", root / "index", workers=1)
    return search.open_index(root / "index")


def ids(ix, query: str, **kw) -> set[str]:
    return {h.id for h in ix.search(query, page_size=100, **kw).hits}


def test_seeds_hts_and_the_full_name_find_the_same_articles(ix) -> None:
    hts = ids(ix, "HTS")
    assert hts == ids(ix, '"Hayat Tahrir al-Sham"') and len(hts) >= 3
    assert ix.search("HTS").expansions and ix.search("HTS").expansions[0][0] == "HTS"
    # what the search added goes out with the results, and nothing when nothing was added
    assert ix.search("consulate").expansions == []


def test_seeds_entity_by_any_spelling(ix) -> None:
    full = ids(ix, 'entity:"Hayat Tahrir al-Sham"')
    assert full and ids(ix, "entity:HTS") == full == ids(ix, "entity:Tahrir")
    erdogan = ids(ix, 'entity:"Recep Tayyip Erdogan"')
    assert erdogan and ids(ix, 'entity:"Erdoğan"') == erdogan == ids(ix, "entity:erdogan")
    assert ids(ix, "entity:Assad") == ids(ix, 'entity:"Bashar al-Assad"') != set()
    miss = ix.search("entity:Erdgan")
    assert miss.total == 0 and miss.suggestion == 'entity:"Recep Tayyip Erdogan"'


def test_seeds_source_loosely(ix) -> None:
    jazeera = ids(ix, 'source:"Al Jazeera"')
    assert jazeera and ids(ix, "source:aljazeera") == jazeera == ids(ix, 'source:"al jazeera"')
    assert ix.search("source:aljazera").suggestion == 'source:"Al Jazeera"'


def test_facets_or_within_and_across(ix) -> None:
    outlets = ix.search("").facets["source"]
    two = sorted(o for o in outlets if o)[:2]
    assert len(two) == 2
    each = [ids(ix, "", filters={"source": [o]}) for o in two]
    both = ids(ix, "", filters={"source": two})
    assert both == each[0] | each[1] and not each[0] & each[1]  # OR within a facet
    year = next(iter(ix.search("", filters={"source": [two[0]]}).facets["year"]))
    crossed = ids(ix, "", filters={"source": two, "year": [year]})
    in_year = ids(ix, "", filters={"year": [year]})
    assert crossed == both & in_year and crossed  # AND across facets
    assert ix.search("", filters={"source": two, "year": [year]}).total == len(crossed)


def test_an_expanded_spelling_never_outranks_the_typed_one(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = "The town was shelled again on Monday and families left for the border. "
    texts = {
        "a.txt": "Fighting in Saraqeb. " + filler * 3,
        "b.txt": "Fighting in Saraqib. " + filler * 3,
    }
    for n in range(6):  # Saraqeb is the common spelling: its idf is lower than Saraqib's
        texts[f"c{n}.txt"] = f"Report {n} from Saraqeb on the highway. " + filler * (2 + n)
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    update_index(corpus, tmp_path / "index", workers=1)
    index = search.open_index(tmp_path / "index")
    by_path = {h.path: h.score for h in index.search("Saraqeb", page_size=50).hits}
    assert by_path["a.txt"] >= by_path["b.txt"] > 0
    by_path = {h.path: h.score for h in index.search("Saraqib", page_size=50).hits}
    assert by_path["b.txt"] >= by_path["a.txt"] > 0


def test_a_gazetteer_name_also_finds_the_rarer_spellings_the_index_holds() -> None:
    """Both directions: the rare spelling finds the common one (by the gazetteer or the rule),
    and the common one, which the gazetteer knows, also finds the rare one the index holds."""
    ex = expander("saraqib", "saraqab", "saraqeb")
    common = added(ex, "Saraqeb")
    assert "Saraqib" in common and "Saraqab" in common
    assert common.index("Saraqib") < common.index("Saraqab")  # the gazetteer's spellings first
    assert "Saraqeb" in added(ex, "Saraqab")
    # nothing the index lacks is added
    assert "Saraqab" not in added(expander("saraqib", "saraqeb"), "Saraqeb")


def test_an_outlets_alias_resolves_to_its_canonical_stored_name() -> None:
    from idlibtui.search.resolve import resolve_outlet

    stored = ["Agence France-Presse", "Associated Press", "Al Jazeera", "Tasnim"]
    assert resolve_outlet("AFP", stored) == ["Agence France-Presse"]
    assert resolve_outlet("AP", stored) == ["Associated Press"]
    assert resolve_outlet("Tasnim News Agency", stored) == ["Tasnim"]
    assert resolve_outlet("aljazeera", stored) == ["Al Jazeera"]
