"""Mojibake repair against ftfy's own test suite, in article context, and its safety on clean text.

ftfy's cases (Apache 2.0) are read from ``shared/data/ftfy-test-cases`` beside the repository,
never copied into it; without them the suite test is skipped. ``python -m bench.mojibake_suite``
prints the per-case figures.
"""

from __future__ import annotations

import random
from pathlib import Path

import ftfy
import pytest
from bench import mojibake_suite as suite
from bench.generate import iter_articles
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad

from idlibtui.clean import clean_document
from idlibtui.clean import mojibake as M
from tests.unit.test_clean_seeds import assert_consistent

ROOT = Path(__file__).resolve().parents[2]
DATA = suite.find_data(Path(__file__))
PROSE = "The convoy reached the camp on Tuesday after a long delay at the crossing."


@pytest.fixture(scope="module")
def outcomes() -> list[suite.Outcome]:
    if DATA is None:
        pytest.skip("ftfy's test cases not found (../shared/data/ftfy-test-cases beside the repo)")
    cases = suite.load_cases(DATA)
    assert len([c for c in cases if c.expect == "pass"]) >= 100
    return list(suite.run(cases))


# ---- ftfy's suite, each case a paragraph of a short article -----------------------------------


def test_every_pass_case_ftfy_fixes_the_cleaner_fixes(outcomes) -> None:
    passes = [o for o in outcomes if o.case.expect == "pass"]
    missed = [o.case.original for o in passes if o.ok("ftfy") and not o.ok("ours")]
    assert missed == []
    t = suite.totals(outcomes)
    assert t.ours_fixed >= t.ftfy_fixed


def test_only_a_restored_lost_byte_differs_from_the_suite(outcomes) -> None:
    # "â€�": the suite keeps U+FFFD, the cleaner restores the closing quote it stood for
    lenient = [o for o in outcomes if o.ok("ours") and not o.ok("ours", lossy=False)]
    assert all("\ufffd" in o.case.fixed and "\ufffd" not in o.ours for o in lenient)


def test_negatives_come_out_as_they_went_in(outcomes) -> None:
    negatives = [o for o in outcomes if o.case.negative]
    assert len(negatives) >= 20
    assert [o.case.original for o in negatives if not o.ok("ours", lossy=False)] == []


def test_no_case_line_is_removed(outcomes) -> None:
    assert [o.case.original for o in outcomes if o.removed] == []


def test_repairs_are_recorded_with_their_spans(outcomes) -> None:
    for o in outcomes[:60]:
        article = clean_document(suite.article_of(o.case.original))
        assert_consistent(article)
        assert clean_document(article.text).text == article.text


# ---- the families, on text written here -----------------------------------------------------

WORDS = {
    "mac_roman": "Le gâteau de Saraqeb, où l’on fête Noël",
    "cp1251": "Беженцы покидают город",
    "cp437": "Россия и Турция",
    "cp1250": "رسالة من إدلب",
    "cp1252": "Şanlıurfa’da çocuklar",
}


@pytest.mark.parametrize("encoding", sorted(WORDS))
def test_utf8_read_in_another_encoding_is_undone(encoding: str) -> None:
    word = WORDS[encoding]
    damaged = word.encode("utf-8").decode(encoding, errors="strict")
    article = clean_document(f"{PROSE}\n\n{damaged} today, officials said.\n\n{PROSE}")
    assert f"{word} today, officials said." in article.text
    assert any(r.kind == "mojibake" and "ftfy" in r.note for r in article.repairs)


def test_c1_quotes_of_cp1252_read_as_latin1() -> None:
    article = clean_document(f"{PROSE}\n\n\x84Wir bleiben hier\x93, sagte er.")
    assert "„Wir bleiben hier“, sagte er." in article.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 8-bit terminal sequences outside mojibake go before ftfy could read them as text
        ("Red \x9b31malert\x9b0m and \x9d0;title\x9c here.", "Red alert and here."),
        # the same bytes inside cp1252 text read as latin-1 are that text
        ("\x8bBonjour\x9b dit-il, et \x93merci\x94.", "‹Bonjour› dit-il, et “merci”."),
        # and inside UTF-8 read as latin-1
        ("Turkeyâ\x80\x99s \x9b0mâ\x80\x9cplanâ\x80\x9d failed.", "Turkey’s “plan” failed."),
    ],
)
def test_c1_sequences_against_c1_text(raw: str, expected: str) -> None:
    article = clean_document(raw)
    assert_consistent(article)
    assert article.text == expected


def test_a_trailing_a_grave_that_lost_its_byte() -> None:
    article = clean_document(f"{PROSE}\n\nIls sont arrivés Ã  Idlib, voilÃ  tout.")
    assert "Ils sont arrivés à Idlib, voilà tout." in article.text


@pytest.mark.parametrize(
    "line",
    [
        "The SKÅ™ range and the ÅNGSTRÖM™ lamp are sold out.",  # a trademark after Å
        "Count the Ã’s in that line.",  # a possessive after Ã
        "OÙ\u00a0ALLONS-NOUS\u00a0?",  # one Ù pair in French is not Arabic
        "Her answer was “yes” — and the “no” camp lost.",
    ],
)
def test_text_that_only_looks_like_mojibake_stays(line: str) -> None:
    article = clean_document(f"{PROSE}\n\n{line}\n\n{PROSE}")
    assert line.replace("\u00a0", " ") in article.text
    assert not [r for r in article.repairs if r.kind in ("mojibake", "unicode")]


def test_our_tables_repair_what_ftfy_leaves() -> None:
    article = clean_document(f"{PROSE}\n\nIn KahramanmaraÅŸ and in Ú©Ø±Ø¯ they met.\n\n{PROSE}")
    assert "In Kahramanmaraş and in کرد they met." in article.text


# ---- our tables: only what ftfy misses, never on clean text ----------------------------------


def _ftfy(text: str) -> str:
    return ftfy.fix_and_explain(text, M._config()).text


def test_each_latin_entry_is_missed_by_ftfy_and_is_two_letters() -> None:
    _, table = M._latin_table()
    assert len(table) == len(M.LATIN_LETTERS)
    for bad, letter in table.items():
        assert len(bad) == 2 and bad[0].isupper() and bad[1].isalpha(), bad
        contexts = [f"The word Ka{bad}ra was said.", f"He met Ka{bad} there.", f"In {bad}ara."]
        assert any(_ftfy(c) == c for c in contexts), f"ftfy repairs {bad} ({letter}) itself"


def _clean_texts() -> list[str]:
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    generated = [g.text for g in iter_articles(400, seed=3) if not g.damaged]
    assert len(seeds) >= 5 and len(generated) >= 300
    return seeds + generated


def test_no_mojibake_repair_on_clean_articles() -> None:
    # the seeds hold no mojibake; undamaged generated articles hold none either
    for text in _clean_texts():
        article = clean_document(text)
        assert not [r for r in article.repairs if r.kind in ("mojibake", "unicode")], text[:80]


def test_table_keys_never_occur_in_clean_text() -> None:
    latin, _ = M._latin_table()
    runs, _, _ = M._arabic_table()
    negatives = (
        [c.original for c in suite.load_cases(DATA) if c.negative] if DATA is not None else []
    )
    for text in _clean_texts() + negatives:
        assert not latin.search(text) and not runs.search(text), text[:80]
        assert not M._lossy_table()[0].search(text), text[:80]


@pytest.mark.parametrize(
    "raw",
    [
        "Idlib\u00a0Ð±ÑŠÐ»Ð³Ð°Ñ€Ð¸Ñ",  # the no-break space becomes a plain one after ftfy saw it
        "He said â€\tBlog Traffic Tip вЂ“ Broadcast",  # the tab too
        "Ã\u00a0ÅŸﬁ.Ð±ÑŠâ€\t\x85",
    ],
)
def test_mojibake_completed_by_the_space_pass_is_repaired_in_the_same_run(raw: str) -> None:
    article = clean_document(raw)
    assert_consistent(article)
    assert clean_document(article.text).text == article.text


# ---- the spans of ftfy's repairs --------------------------------------------------------------


def test_spans_of_a_repair_rebuild_the_repaired_line() -> None:
    rnd = random.Random(5)
    pieces = ["a", "b", " ", "é", "Ã©", "â€™", "’", "ﬁ", "fi", "\x93", "“", "Ð", "x"]
    for _ in range(3000):
        old = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        new = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        edits = M._diff_edits(old, new, 0, [("encode", "x"), ("decode", "utf-8")])
        out, pos = [], 0
        for e in edits:
            assert e.start >= pos and e.end > e.start  # ordered, each replaces something
            out.append(old[pos : e.start] + e.replacement)
            pos = e.end
        assert "".join(out) + old[pos:] == (new if old else old), (old, new)


def test_a_long_repetitive_line_is_repaired_word_by_word() -> None:
    line = "Ã©tÃ© Ã  la ville, " * 1500
    article = clean_document(line)
    assert article.text == ("été à la ville, " * 1500).strip()
    assert len([r for r in article.repairs if r.kind == "mojibake"]) >= 4000


# ---- the cheap test in front of ftfy ---------------------------------------------------------


def _outside_candidates() -> list[str]:
    """Characters ftfy's badness patterns are made of that are not candidates alone (lowercase
    accented letters, quotes, kaomoji letters, Greek and Cyrillic …), with ASCII letters,
    digits, spaces and punctuation."""
    cat = MOJIBAKE_CATEGORIES
    pool: set[str] = set()
    for name in cat:
        pool.update(M.class_chars(cat[name]))
    pool.update("вЂ‚ГўВЂВ€ΆāβØÙ")
    pool -= M._candidate_chars()
    return sorted(pool) + list("aeiouAZmnxy019 .,?!'\"-\u00a0\t")


def test_candidate_chars_expand_ftfy_categories_exactly() -> None:
    import re

    for name in M._HITTING:
        cls = re.compile("[" + MOJIBAKE_CATEGORIES[name] + "]")
        full = {chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000}
        assert {ch for ch in full if cls.match(ch)} == M.class_chars(MOJIBAKE_CATEGORIES[name])


def test_lines_the_cheap_test_skips_are_never_changed_by_ftfy() -> None:
    alphabet = _outside_candidates()
    assert len(alphabet) > 200
    skipped = 0
    for a in alphabet:  # every pair
        for b in alphabet:
            if not M.may_change(a + b):
                skipped += 1
                assert not is_bad(a + b), repr(a + b)
    assert skipped > len(alphabet) ** 2 // 2
    rnd = random.Random(19)
    skipped = 0
    for _ in range(30000):  # and longer strings
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(3, 8)))
        if not M.may_change(s):
            skipped += 1
            assert not is_bad(s), repr(s)
            assert _ftfy(s) == s, repr(s)
    assert skipped > 10000


def test_candidate_lines_of_a_text_are_the_lines_may_change_accepts() -> None:
    pieces = [*_outside_candidates()[::7], "\n", "\n", "Ã©", "”é", "é“", "ВxГ", "ΒxΟ", "€", "x"]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        want = {k for k, line in enumerate(text.split("\n")) if M.may_change(line)}
        assert M.candidate_lines(text, frozenset(text)) == want, repr(text)


def test_lines_ftfy_changes_always_pass_the_cheap_test() -> None:
    cat = MOJIBAKE_CATEGORIES
    pool: set[str] = set()
    for name in cat:
        pool.update(M.class_chars(cat[name]))
    alphabet = sorted(pool) + list("вЂ‚ГўВЂВ€Άāβﬁĳŉǆ") + list("abcdeXYZ .,?!'\"\u00a0")
    rnd = random.Random(91)
    changed = 0
    for _ in range(20000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 8)))
        if _ftfy(s) != s:
            changed += 1
            assert M.may_change(s), repr(s)
    assert changed > 1000  # the check saw many lines ftfy changes
