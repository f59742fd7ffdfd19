"""The pipeline's faster forms of its patterns find what the plain patterns find.

A pattern rewritten so the regex engine can skip ahead (a leading character class instead of a
lookbehind or a word boundary tried at every position), a substring test in front of a
pattern, and a search narrowed to candidate positions must each give the answers of the
original. Random strings made of the pieces the patterns care about are checked against the
original patterns, written out here as they were.
"""

from __future__ import annotations

import random
import re

import idlibtui.annotate.dates as D
import idlibtui.clean.boilerplate as B
import idlibtui.clean.charfix as CF
import idlibtui.clean.debris as S
from idlibtui.clean import _is_html_document
from idlibtui.clean.edits import Edit, EditText
from idlibtui.ingest import is_html_text

GAPS = ["", " ", "  ", "\n", "\n\n", "\u00a0", "\t", "-", "."]


def strings(fragments: list[str], count: int = 3000, longest: int = 10, seed: int = 0):
    rnd = random.Random(seed)
    for _ in range(count):
        yield "".join(
            rnd.choice(fragments) + rnd.choice(GAPS) for _ in range(rnd.randint(0, longest))
        )


def spans(matches) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in matches]


def test_word_tokens_match_the_original_pattern() -> None:
    original = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’ʼʿʾ`][^\W_]+)*")
    pieces = ["U", "S", "U.S.", "U.N", "a", "B.", "é", "Ü", "_", "'", "’", "ʿ", "`", "l’one",
              "2019", "x_y", "al-", "ب", ".", ",", "A."]  # fmt: skip
    for t in strings(pieces, longest=12):
        assert spans(D.WORD_TOKEN.finditer(t)) == spans(original.finditer(t)), repr(t)
        assert D.word_tokens(t) == [(m.start(), m.group()) for m in original.finditer(t)]


DEBRIS_PIECES = ["word", "TThe", "hHe", "tThe", "AAnd", "McDonald", "iPhone", "The", "he",
                 '"', ' "', '."', '",', "“", "”", "’", "'", "Additional", "Additionally.",
                 "Translated", "Cont", "Ends", "End:", "Update", "Updated", "said.", "x",
                 "a", "A", "ſ", "K"]  # fmt: skip


def test_inline_debris_patterns_match_the_originals() -> None:
    orphan = re.compile(r'(?<=\w) "(?=[.,;:]?[ ]*$)', re.MULTILINE)
    for t in strings(DEBRIS_PIECES, longest=12):
        assert spans(S._STRAIGHT_ORPHAN.finditer(t)) == spans(orphan.finditer(t)), repr(t)
        assert spans(S._doubled_initial_matches(t)) == spans(S._DOUBLED_INITIAL.finditer(t))
        if S._MT_WORD.search(t):
            assert any(word in t for word in S._MT_WORD_NEEDS), repr(t)


def test_caption_tail_shortcut_matches_the_pattern() -> None:
    pieces = ["(Photo: AFP)", "(Photos by Jane/Reuters)", "(AFP via Getty Images)", "[File]",
              "[Reuters]", "[Handout/SANA]", "Photograph: Ali/AFP", "Image: x", "Video:",
              "Picture", "(", ")", "[", "]", "/", "via ", "Getty Images", "word", "said",
              ".", " "]  # fmt: skip
    for t in strings(pieces, longest=8):
        for s in (t, t.strip()):
            got, want = B._caption_tail(s), B._CAPTION_TAIL.search(s)
            assert spans([got] if got else []) == spans([want] if want else []), repr(s)


def test_odd_space_characters_are_the_patterns() -> None:
    for code in range(0x3100):
        ch = chr(code)
        assert (ch in CF._ODD_CHARS) == bool(CF._ODD_SPACE.match(ch)), hex(code)


def test_html_sniff_shortcut() -> None:
    pieces = ["<html>", "<HTML ", "<!doctype html>", "<!-- c -->", "<body>", "<p>", "text",
              "<", ">", " ", "\n"]  # fmt: skip
    for t in strings(pieces, longest=6):
        assert _is_html_document(t) == is_html_text(t), repr(t)
    assert _is_html_document("x" * 5000 + "<html>") == is_html_text("x" * 5000 + "<html>")


def test_edit_text_chars_follow_the_text() -> None:
    doc = EditText("abc\u00a0def")
    assert doc.chars == frozenset(doc.text)
    doc.apply([Edit(3, 4, " ", "space")])
    assert doc.chars == frozenset("abc def")
    doc.sub(re.compile("b"), "", "debris")
    assert doc.chars == frozenset(doc.text) == frozenset("ac def")


def test_inline_chrome_needles_hold_for_every_match() -> None:
    """Each glued-widget pattern is tried only when one of its words is in the text: every
    match of the pattern holds one of them (on texts made to match, and on random ones)."""
    from idlibtui.clean.chrome import _INLINE, _INLINE_NEEDS

    samples = [
        "list of 4 itemsMiddle East", "Keep reading list of 3 items list 1 of 3 end of list",
        "the war.end of listNext", "KEEP READINGThe army", "August 2018.Hide Footnote Instead",
        "the province oShow more", "the rest Read more »", "said '' and", "a ‘’ b", "“” c",
        "LIST OF 2 ITEMSAnd", "the town… Continue reading Headline", "in 2019... Continue reading",
        "said on Monday. Reporting by Jane Roe; Editing by John Poe",
        "the town. (Additional reporting by Jane Roe)", "the rest. Writing by A B",
    ]  # fmt: skip
    rng = random.Random(7)
    pieces = ["list", "of", "4", "items", "end", "keep", "reading", "Show", "more", "''", " ",
              "\n", "Hide", "Footnote", "Read", "»", "A", ".", "x", "…", "Continue", "Reporting",
              "by", "Jane", "Editing", ";", "›"]  # fmt: skip
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for (pattern, _note), needs in zip(_INLINE, _INLINE_NEEDS, strict=True):
        for text in samples:
            for m in pattern.finditer(text):
                if m.group(0):
                    for group in needs:
                        assert any(need in text.lower() for need in group), (pattern.pattern, text)


def test_combined_chrome_pattern_matches_where_a_rule_does() -> None:
    """``chrome_note`` tries its rule loops only where the combined pattern matches: it must
    match exactly where one of the rules does (each rule keeps its own case flag)."""
    from idlibtui.clean import chrome as C

    lines = [
        "5 min read", "2 hours ago", "list of 4 items", "Advertisement", "Keep reading",
        "Share", "A / A", "123 456", "$ 0.00", "reader1399", "(Photo: AFP)", "Editing by Jo Doe",
        "Lire aussi : la suite", "Partager", "Kommentare (3)", "Etiketler: Suriye, Idlib",
        "READER1399", "The army said on Monday that 12 people died.", "", "0 $ 5",
    ]  # fmt: skip
    pieces = ["5", " ", "min", "read", "ago", "hours", "list", "of", "items", "Share", "A",
              "/", "$", "0.00", "reader", "13", "(", ")", "Photo", ":", "AFP", "Lire", "aussi",
              "Partager", "x", "."]  # fmt: skip
    lines += list(strings(pieces, count=4000, longest=6, seed=3))
    for rules, combined in ((C._CHROME, C._ANY_CHROME), (C._OTHER_LANGUAGE, C._ANY_OTHER_LANGUAGE)):
        for s in lines:
            any_rule = any(p.match(s) for p, _ in rules)
            assert bool(combined.match(s)) == any_rule, s


def test_case_blind_word_tests_hold_where_the_patterns_match() -> None:
    """The lower-cased text the prefilters test holds an ASCII word wherever an
    ``re.IGNORECASE`` pattern matches it, also through "İ", "ı", "ſ" and the Kelvin sign."""
    from idlibtui.annotate.figure_words import _case_folded
    from idlibtui.clean.prefilter import re_case_lower

    cases = [("İNCLUDİNG", "including"), ("ACCORDıNG to", "according"), ("ſaid", "said"),
             ("\u212aILLED", "killed"), ("Editİng by", "editing")]  # fmt: skip
    for text, word in cases:
        assert re.search(word, text, re.IGNORECASE)
        assert word in _case_folded(text) and word in re_case_lower(text)


WIDGET_PIECES = ["Alle", "Rechte", "vorbehalten", "ALLE RECHTE", "©", "2019", "Site", "Tüm",
                 "HAKLARI", "saklıdır", "Все права защищены", "جميع الحقوق محفوظة", "hak cipta",
                 "Owned by our readers", "reader-owned", "co-operative", "shares", "you", "join",
                 "Rebel control", "Army control", "CONTROL", "the", "pic.twitter.com/abc",
                 "https://t.co/x1", "T.CO/Y", "(12)", "12/11/2018", "|", "Home", "News", "»",
                 "Share", "Email", "İ", "K"]  # fmt: skip


def test_widget_and_footer_gates_are_necessary_conditions() -> None:
    """Each cheap test in front of a widget or footer pattern holds wherever the pattern
    matches, and the one pattern of all widgets matches where one of them does."""
    from idlibtui.clean import chrome as C
    from idlibtui.clean import page_widgets as W
    from idlibtui.clean.prefilter import FOOTER_NEEDS, re_case_lower
    from idlibtui.clean.widget_words import _OTHER_LANGUAGE

    [footer] = [p for p, note in _OTHER_LANGUAGE if note == "copyright footer"]
    for t in strings(WIDGET_PIECES, count=4000, longest=8):
        s = t.strip()
        low = re_case_lower(s)
        assert bool(W._ANY_WIDGET.match(s)) == any(p.match(s) for p, _ in W._WIDGETS), repr(s)
        if footer.match(s):
            assert any(n in low for n in FOOTER_NEEDS), repr(s)
        if W._OWNERSHIP_APPEAL.search(s):
            assert "owned" in low or "operative" in low, repr(s)
        if W._map_legend(s):
            assert low.count("control") >= 3, repr(s)
        if len(W._DAY_COUNT.findall(s)) >= 3:
            assert s.count("(") >= 3, repr(s)
        if C._TWEET_LINK.search(s):
            assert "twitter" in low or "t.co/" in low, repr(s)


def test_every_copyright_footer_label_holds_a_footer_need() -> None:
    from idlibtui.clean.prefilter import FOOTER_NEEDS
    from idlibtui.clean.widget_words import LABELS

    for lang, labels in LABELS["copyright footer"].items():
        for label in labels:
            assert any(n in label for n in FOOTER_NEEDS), (lang, label)
    from idlibtui.clean.chrome import chrome_note

    for line in ("© 2019 Site. Alle Rechte vorbehalten.", "TÜM HAKLARI SAKLIDIR",
                 "Все права защищены", "جميع الحقوق محفوظة ©2020"):  # fmt: skip
        assert chrome_note(line) == "copyright footer", line


ERA_PIECES = ["Hayat Tahrir al-Sham", "Tahrir al-Sham", "HTS", "hts", "xHTS", "SDF", "SDFs",
              "Army of Conquest", "Jaish al-Fatah", "Fateh Army", "Russian jets", "Syrian",
              "National", "Liberation Front", "Army", "Syrian Democratic Forces", "Peace Spring",
              "Spring Shield", "COVID", "President Erdoğan", "ERDOĞAN", "İ", "K", "ſ", "ı", "HTſ",
              "Hay’at Tahrır al-Sham", "“", ",", "x"]  # fmt: skip


def test_era_names_are_found_as_one_alternation_finds_them() -> None:
    """The era names, searched one pattern per alternative, give what ``finditer`` of the one
    alternation of every name gives: the names, their first days, in the order found."""
    import idlibtui.annotate.date_era as E

    alternation = re.compile(
        "|".join(f"(?P<e{i}>{p})" for i, (p, _, _) in enumerate(E._ERA_NAMES)), re.IGNORECASE
    )
    for t in strings(ERA_PIECES, count=3000, longest=8):
        want: dict[int, None] = {}
        for m in alternation.finditer(t):
            want.setdefault(int((m.lastgroup or "e0")[1:]))
        days = [E._ERA_NAMES[i][1] for i in want]
        assert [day for day, _ in E.era_floors(t)] == days, repr(t)
