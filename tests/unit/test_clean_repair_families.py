"""Repair families seen in held-out damaged text (issue 13), each on fixtures written for it."""

from __future__ import annotations

import unicodedata

import pytest

from idlibtui.clean import clean_document
from idlibtui.model import Article
from tests.unit.test_clean_seeds import assert_consistent


def clean(text: str) -> Article:
    article = clean_document(text)
    assert_consistent(article)
    return article


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a space left before 's once an entity was repaired
        ("Ankara &#39;s patience ran out.", "Ankara's patience ran out."),
        ("Ankara& # 39; s patience ran out.", "Ankara's patience ran out."),
        ("Moscow&#8217; s envoy left early.", "Moscow’s envoy left early."),
        ("The council &rsquo;s vote was delayed.", "The council’s vote was delayed."),
        # ",quot;" where the comma is the quotation's own
        ('"We will not leave,quot; the mayor said.', '"We will not leave," the mayor said.'),
        ('"It is over,quot; said a medic in the town.', '"It is over," said a medic in the town.'),
        ('"Hold the line,quot; Ali told reporters.', '"Hold the line," Ali told reporters.'),
        # "&quot" without its semicolon straight before a word
        ("a &quotsecurity belt&quot along the road", 'a "security belt" along the road'),
        ("the so-called &quotbuffer&quot; zone", 'the so-called "buffer" zone'),
        # cp1252 curly quotes read as latin-1 (C1 controls)
        ("He called it \x93a disgrace\x94 on Friday.", "He called it “a disgrace” on Friday."),
        (
            "The town\x92s clinic \x96 the last one \x96 shut.",
            "The town’s clinic – the last one – shut.",
        ),
        ("\x93They waited\x85 and waited.\x94", "“They waited… and waited.”"),
        # decomposed accents and ligatures
        ("Erdog\u0306an met the envoy in Ko\u0308ln.", "Erdoğan met the envoy in Köln."),
        ("The \ufb01rst of\ufb01cial \ufb02ight landed.", "The first official flight landed."),
        # a BOM in the middle of the text, DEL characters
        ("The convoy\ufeff reached the camp.", "The convoy reached the camp."),
        ("The con\x7fvoy reached the ca\x7fmp.", "The convoy reached the camp."),
    ],
)
def test_repair_families(raw: str, expected: str) -> None:
    article = clean(raw)
    assert article.text == expected
    assert article.repairs
    assert unicodedata.is_normalized("NFC", article.text)


def test_comma_before_lost_quote_without_attribution_is_the_ampersand() -> None:
    article = clean("it was complicit,quot; in the killing")
    assert article.text == 'it was complicit" in the killing'


@pytest.mark.parametrize(
    "raw",
    [
        "First paragraph ends here.<br><br>Second paragraph starts here.",
        "First paragraph ends here.<BR />Second paragraph starts here.",
        "First paragraph ends here.&lt;br&gt;Second paragraph starts here.",
        "First paragraph ends here.\rSecond paragraph starts here.",
    ],
)
def test_line_breaks_that_are_paragraph_breaks(raw: str) -> None:
    article = clean(raw)
    assert [article.block_text(b) for b in article.blocks] == [
        "First paragraph ends here.",
        "Second paragraph starts here.",
    ]


def test_br_in_a_hard_wrapped_text_keeps_the_paragraphs_apart() -> None:
    line = "The convoy of aid trucks crossed at Bab al-Hawa early on the morning of"
    para = "\n".join([line] * 4)
    raw = para + " the third.<br>" + "\n" + para + " the fourth."
    article = clean(raw)
    assert len(article.blocks) == 2


def test_lone_c1_control_without_quote_evidence_is_still_removed() -> None:
    article = clean("A plain line\x8d with one stray control.")
    assert article.text == "A plain line with one stray control."


@pytest.mark.parametrize(
    "text",
    [
        "The rebels' stronghold fell; the 1990s were calmer.",
        "He quoted the 'safe zone' idea again.",
        "See https://example.org/q?a=1&quota=2 for the table.",
    ],
)
def test_lookalikes_survive(text: str) -> None:
    assert clean(text).text == text
