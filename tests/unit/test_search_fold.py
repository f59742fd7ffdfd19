"""Folding (search/fold.py) at index and query time, the ``=`` operator, numbers with
separators and the exact-spelling bonus: unit tests, then through a real index of the seeds
plus a few hand-written articles that spell the same things differently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.model import QueryError
from idlibtui.search import query as q
from idlibtui.search.build import update_index
from idlibtui.search.fold import american, drops_article, fold_chars, fold_word
from idlibtui.search.highlight import analyze, match_offsets, query_terms

#: Whoosh's own search is the oracle here: it needs the body's postings in its files.
pytestmark = pytest.mark.usefixtures("whoosh_oracle")

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


# --- folds, one family at a time ------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("erdoğan", "erdogan"),
        ("sarāqib", "saraqib"),
        ("kafranbel", "kafranbel"),
        ("şam", "sam"),
        ("çavuşoğlu", "cavusoglu"),
        ("düzce", "duzce"),
        ("élysée", "elysee"),
        ("ılgın", "ilgin"),
        ("łódź", "lodz"),
    ],
)
def test_diacritics_fold_to_ascii(marked: str, plain: str) -> None:
    assert fold_word(marked) == (plain,)
    assert analyze(marked.upper()) == analyze(plain)


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("Nu'man", "Numan"),
        ("Nu’man", "Numan"),
        ("Hay'at", "Hayat"),
        ("Maʿarrat", "Maarrat"),
        ("Maʾarrat", "Maarrat"),
        ("Ma`arrat", "Maarrat"),
        ("Ma‘arrat", "Maarrat"),
        ("Assad's", "Assad"),
        ("Turkey’s", "Turkey"),
    ],
)
def test_apostrophes_and_ayn_hamza_marks_vanish_inside_words(marked: str, plain: str) -> None:
    assert analyze(marked) == analyze(plain)
    assert len(analyze(marked)) == 1  # one word, not two


@pytest.mark.parametrize(
    "forms",
    [
        ("ceasefire", "cease-fire", "cease fire", "Cease‑fire"),
        ("airstrikes", "air strikes", "air-strikes"),
        ("no-fly", "no fly", "nofly"),
        ("counterterrorism", "counter-terrorism", "counter terrorism"),
        ("de-escalation", "deescalation", "de escalation"),
        ("stand-off", "standoff", "stand off"),
        ("frontline", "front-line", "front line"),
        ("peacekeepers", "peace-keepers", "peace keepers"),
        ("pro-government", "pro government"),  # hyphenated compounds in general
    ],
)
def test_compounds_closed_hyphenated_and_open_are_one_phrase(forms) -> None:
    first = analyze(forms[0])
    assert len(first) >= 2
    for form in forms[1:]:
        assert analyze(form) == first, form


def test_unlisted_words_are_not_split() -> None:
    for word in ("highway", "stronghold", "international", "operation", "cooperation"):
        assert len(analyze(word)) == 1, word


def test_arabic_articles_are_dropped_before_a_name() -> None:
    nusra = analyze("Nusra")
    for form in ("al-Nusra", "el-Nusra", "an-Nusra", "Al Nusra", "al Nusra"):
        assert analyze(form) == nusra, form
    assert analyze("ash-Sham") == analyze("as-Sham") == analyze("Sham")
    assert analyze("ar-Raqqa") == analyze("Raqqa")
    assert analyze("Hayat Tahrir al-Sham") == analyze("Hayat Tahrir Sham")
    # "ash", "ad" alone are English words; the article needs its hyphen
    assert analyze("volcanic ash") == ["volcan", "ash"]
    assert analyze("an ad campaign")[0] == "ad"
    assert drops_article("al", "al Qaeda", 2)
    assert not drops_article("ash", "ash cloud", 3)


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("demilitarised", "demilitarized"),
        ("organisation", "organization"),
        ("organisations", "organizations"),
        ("recognising", "recognizing"),
        ("criticised", "criticized"),
        ("analyse", "analyze"),
        ("paralysed", "paralyzed"),
        ("colour", "color"),
        ("favourite", "favorite"),
        ("neighbouring", "neighboring"),
        ("defence", "defense"),
        ("defences", "defenses"),
        ("offence", "offense"),
        ("centre", "center"),
        ("centres", "centers"),
        ("programme", "program"),
        ("travelled", "traveled"),
        ("manoeuvres", "maneuvers"),
    ],
)
def test_british_spellings_fold_to_american(british: str, us: str) -> None:
    assert american(british) == us
    assert analyze(british) == analyze(us)


@pytest.mark.parametrize(
    "word",
    [
        "size", "prize", "seize", "capsize", "advise", "advertise", "surprise", "surprising",
        "unsurprising", "exercise", "promise", "compromise", "premises", "revise",
        "supervised", "televised", "rise", "uprising", "raise", "fundraising", "praise",
        "noise", "otherwise", "likewise", "expertise", "enterprise", "franchise", "precise",
        "concise", "despise", "disguise", "crises", "four", "hour", "your", "tour", "Mansour",
        "Nour", "detour", "devour", "analysis", "crisis",
    ],
)  # fmt: skip
def test_words_that_only_look_british_are_left_alone(word: str) -> None:
    low = word.lower()
    assert american(low) == low


def test_numbers_with_separators_are_one_token() -> None:
    assert fold_chars("700,000") == "700000"
    assert analyze("700,000") == analyze("700000") == ["700000"]
    assert analyze("1,700,000.5 people") == ["1700000.5", "peopl"]
    text = "About 700,000 people; 1,700,000 in all; 7,00 is not a number"
    hits = [text[s:e] for s, e in match_offsets("700000", text)]
    assert hits == ["700,000"]  # one hit, and not inside 1,700,000
    assert [text[s:e] for s, e in match_offsets("700,000", text)] == ["700,000"]
    # separators are not a spelling: no exact term of their own, "=700,000" is "700000"
    assert query_terms("700,000", exact=True) == (["700000"], ["700000"])
    assert american("central") == "central"  # not "centre" + "al"
    # "1.5 million" stays two words: a phrase finds it
    assert len(analyze("1.5 million")) == 2


def test_tokens_of_marks_alone_index_nothing() -> None:
    from idlibtui.search.highlight import index_terms

    stems, _words = index_terms("ʿ ʾʿ x ʿ's ʻ")
    assert stems.split() == ["x"] and "" not in stems.split("|")


def test_prefilter_finds_folded_words_where_tokens_begin() -> None:
    """The highlighter's fast path (a regex over the text, then only candidate words) agrees
    with tokenizing everything, around joiners and leading marks."""
    from idlibtui.search.highlight import matcher_for

    texts = [
        "firel,ceasefire zone; 2,Erdoğan; m,700,000; ʾErdoğan-Erdoğan; é`i,air strikes",
        "x.ceasefire 1,700,000 700,000's Nu'man,Nu’man ʿAyn ʿayn; İdlib: ceasefire, Erdoğan",
    ]
    for query in ["cease fire", '"air strikes"', "Erdogan", "700000", "numan", "fire", "ayn"]:
        m = matcher_for(q.parse(query))
        for text in texts:
            ref = m._token_offsets(text) if m.sequences else m._word_offsets(text)
            assert m.offsets(text) == ref, (query, text)


def test_highlights_point_at_the_real_text() -> None:
    text = "Erdoğan's ceasefire; Maʿarrat al-Nuʿmān was demilitarised (700,000 fled)."
    for query, words in [
        ("Erdogan", ["Erdoğan's"]),
        ('"cease fire"', ["ceasefire"]),
        ('"Maarrat Numan"', ["Maʿarrat", "Nuʿmān"]),
        ('"demilitarized"', ["demilitarised"]),
        ("700000", ["700,000"]),
    ]:
        assert [text[s:e] for s, e in match_offsets(query, text)] == words, query


# --- the exact operator ---------------------------------------------------------------------


def test_exact_operator_parses_and_renders() -> None:
    word = q.parse("=Saraqeb")
    assert isinstance(word, q.Word) and word.exact and word.text == "Saraqeb"
    phrase = q.parse('="Erdoğan"')
    assert isinstance(phrase, q.Phrase) and phrase.exact
    assert q.render(q.parse('=Saraqeb OR ="Hay\'at Tahrir" title:=Numan')) == (
        '=Saraqeb OR (="Hay\'at Tahrir" AND title:=Numan)'
    )
    assert q.render(q.parse("-=Saraqib x")) == "NOT =Saraqib AND x"
    assert not q.parse("Saraqeb").exact  # type: ignore[union-attr]
    # an '=' that stands apart or inside a word is a word character as before
    assert q.render(q.parse("a = b")) == "a AND = AND b"
    with pytest.raises(QueryError):
        q.parse("entity:=Assad")


def test_exact_terms_keep_the_own_spelling() -> None:
    assert query_terms("Erdoğan") == (["erdogan"], ["=erdoğan"])
    assert query_terms("Erdoğan", exact=True) == (["=erdoğan"], ["=erdoğan"])
    assert query_terms("Erdogan", exact=True) == (["erdogan"], ["erdogan"])
    assert query_terms("demilitarised zone", exact=True)[0] == ["=demilitaris", "zone"]
    # a compound's exact term stands at its first part's position, the rest follow
    assert query_terms("ceasefire", exact=True)[0] == ["=ceasefir", "fire"]


def test_unquoted_compound_words_become_its_phrase() -> None:
    assert q.render(q.parse("cease fire")) == '"cease fire"'
    assert q.render(q.parse("air strikes Idlib")) == '"air strikes" AND Idlib'
    assert q.render(q.parse("=cease fire")) == "=cease AND fire"


# --- through a real index -------------------------------------------------------------------

# Hand-written articles (ours) that spell what the seeds say in other ways.
EXTRA = {
    "x1_marks.txt": (
        "Erdoğan speaks on Idlib\n\nPresident Recep Tayyip Erdoğan said the cease-fire in "
        "Maʿarrat al-Nuʿmān must hold. Hay'at Tahrir al-Sham fighters left the "
        "demilitarised zone, and 700,000 people fled north."
    ),
    "x2_plain.txt": (
        "Erdogan and the truce\n\nPresident Erdogan said the ceasefire in Maarat Numan must "
        "hold. Hayat Tahrir Sham fighters left the demilitarized zone; 700000 fled."
    ),
    "x3_other.txt": (
        "Markets in Gaziantep\n\nTraders in Gaziantep said prices rose again this week, "
        "with 700 families asking for help and a fire in the old market."
    ),
}


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    root = tmp_path_factory.mktemp("fold")
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus)
    for name, text in EXTRA.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
    report = update_index(corpus, root / "index", workers=1)
    assert report.added == len(EXTRA) + 5
    return search.open_index(root / "index")


def paths(ix, query: str) -> set[str]:
    return {Path(h.path).name for h in ix.search(query, page_size=50).hits}


def test_seeds_ceasefire_spellings_find_the_same_articles(ix) -> None:
    found = paths(ix, "ceasefire")
    assert {"000_221080df3991f770.txt", "001_a27e626ff12f024e.txt"} <= found
    assert {"002_ac17027dfa9b0009.txt", "003_a4d1a36115c1cab6.txt"} <= found
    assert "004_3130d0606da1117a.txt" in found
    assert paths(ix, "cease-fire") == found
    assert paths(ix, "cease fire") == found
    assert paths(ix, '"cease fire"') == found


def test_seeds_demilitarised_zone_either_spelling(ix) -> None:
    found = paths(ix, '"demilitarized zone"')
    assert {"002_ac17027dfa9b0009.txt", "004_3130d0606da1117a.txt"} <= found
    assert paths(ix, '"demilitarised zone"') == found


def test_seeds_erdogan_with_and_without_breve(ix) -> None:
    found = paths(ix, "Erdogan")
    assert len(found) >= 5 and "x1_marks.txt" in found and "x2_plain.txt" in found
    assert paths(ix, "Erdoğan") == found


def test_marks_articles_and_numbers_through_the_index(ix) -> None:
    both = {"x1_marks.txt", "x2_plain.txt"}
    assert paths(ix, '"Maarat Numan"') >= {"x2_plain.txt"}
    assert paths(ix, '"Maarrat al-Nu\'man"') >= {"x1_marks.txt"}
    assert paths(ix, '"Hayat Tahrir al-Sham"') >= both
    assert paths(ix, "Hay'at") == paths(ix, "Hayat")
    assert paths(ix, "700,000") == paths(ix, "700000")
    assert paths(ix, "700,000") >= both | {"001_a27e626ff12f024e.txt"}
    assert "x3_other.txt" not in paths(ix, "700000")  # "700 families" is another number


def test_exact_operator_through_the_index(ix) -> None:
    assert paths(ix, "=Erdoğan") == {"x1_marks.txt"}
    assert paths(ix, '="demilitarised zone"') == {"x1_marks.txt", "002_ac17027dfa9b0009.txt"}
    assert paths(ix, "=Hay'at") == {"x1_marks.txt"}
    assert paths(ix, "=ceasefire") >= {"x2_plain.txt", "002_ac17027dfa9b0009.txt"}
    assert "x1_marks.txt" not in paths(ix, "=ceasefire")  # it says "cease-fire"
    # highlights follow the exact spelling
    hit = next(h for h in ix.search("=Erdoğan").hits)
    assert hit.text_hits


def test_exact_spelling_ranks_at_least_as_high(ix) -> None:
    """x1 and x2 say the same with the same lengths; the query's own spelling wins."""
    for query, exact_doc, other in [
        ("Erdoğan", "x1_marks.txt", "x2_plain.txt"),
        ("demilitarised", "x1_marks.txt", "x2_plain.txt"),
        ("Hay'at", "x1_marks.txt", "x2_plain.txt"),
    ]:
        scores = {Path(h.path).name: h.score for h in ix.search(query, page_size=50).hits}
        assert scores[exact_doc] > scores[other], query
    # a plain spelling: the marked one is found, and does not rank above an equal plain one
    scores = {Path(h.path).name: h.score for h in ix.search("Erdogan", page_size=50).hits}
    assert scores["x2_plain.txt"] >= scores["x1_marks.txt"] * 0.9


def test_fast_path_agrees_with_whoosh_on_folded_queries(ix, monkeypatch) -> None:
    from idlibtui.search import fast_search

    queries = [
        "Erdoğan",
        "=Erdoğan",
        '"demilitarised zone"',
        '="demilitarised zone"',
        "cease fire",
        "=ceasefire",
        "700,000",
        "Hay'at OR Nusra",
        "Erdogan -=Erdoğan",
        "erdoğ*",
    ]
    fast = {
        qq: [(h.id, round(h.score, 9)) for h in ix.search(qq, page_size=50).hits] for qq in queries
    }
    monkeypatch.setattr(fast_search, "FAST_PATH", False)
    for qq in queries:
        slow = [(h.id, round(h.score, 9)) for h in ix.search(qq, page_size=50).hits]
        assert sorted(slow) == sorted(fast[qq]), qq


def test_did_you_mean_knows_folded_words(ix) -> None:
    """A word with an apostrophe or a British spelling is not "corrected" (it is indexed)."""
    assert ix.search("Hay'at Tahrir").suggestion == ""
    assert ix.search("=Erdoğan").suggestion == ""


def test_prefilter_equals_full_tokenization_on_random_texts() -> None:
    """Random strings of marks, joiners, folding letters and folded words: the highlighter's
    prefiltered path finds exactly what tokenizing every word finds."""
    import random

    from idlibtui.search.highlight import index_terms, matcher_for

    pieces = list("abcdeilmnorstuz AEIST'’‘`ʿʾ,.-–0123456789ğāéşçüİıßœ\n")
    pieces += ["al-", "cease", "fire", "Erdoğan", "Nu'man", "700,000", "ceasefire"]
    pieces += ["air strikes", "demilitarised", " zone", "'s"]
    queries = ["cease fire", '"air strikes"', "Erdogan", "=Erdoğan", "numan", "700000"]
    queries += ['"demilitarized zone"', "fire", "s", '"fire zone"', "strik*", "=nu'man"]
    matchers = [matcher_for(q.parse(x)) for x in queries]
    rng = random.Random(15)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        index_terms(text)  # never raises
        for query, m in zip(queries, matchers, strict=True):
            ref = m._token_offsets(text) if m.sequences else m._word_offsets(text)
            assert m.offsets(text) == ref, (query, text)
