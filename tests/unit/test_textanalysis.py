"""The one text analysis: the sentence splitter every annotator and the comparison use, the one
abbreviation list, and the words and sentences computed once per article and shared."""

from __future__ import annotations

import datetime as dt

import pytest

import idlibtui.textanalysis as TA
from idlibtui.annotate import annotate_text, date_article
from idlibtui.annotate.events_match import match_events
from idlibtui.cite import sentence_span
from idlibtui.compare.sentences import split_sentences
from idlibtui.model import Article


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in TA.sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles, ranks, months: the dot is not an end
        (
            "Gen. Ali met Mr. Jones on Jan. 12 in Idlib. Rear Adm. Ivanov spoke.",
            ["Gen. Ali met Mr. Jones on Jan. 12 in Idlib.", "Rear Adm. Ivanov spoke."],
        ),
        # initials and dotted acronyms
        (
            "Envoy Brett H. McGurk left. The U.S. Army and the U.N. stayed. Col. Myles B. Caggins",
            [
                "Envoy Brett H. McGurk left.",
                "The U.S. Army and the U.N. stayed.",
                "Col. Myles B. Caggins",
            ],
        ),
        # a number's label only before a number; the English words "sat", "wed" stay words
        (
            "No. 5 Squadron flew. The answer was no. Then he sat. They wed. "
            "On Sat. Jan. 4 it ended.",
            [
                "No. 5 Squadron flew.",
                "The answer was no.",
                "Then he sat.",
                "They wed.",
                "On Sat. Jan. 4 it ended.",
            ],
        ),
        # decimals, times, lower-case continuations
        (
            "It rose 3.6 percent at 8:55 a.m. [0555 GMT] on Monday. ok. and more.",
            ["It rose 3.6 percent at 8:55 a.m. [0555 GMT] on Monday. ok. and more."],
        ),
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_quotes_brackets_and_ellipses() -> None:
    text = (
        'He said: "We will win." “Çavuşoğlu met Lavrov.” (It was late.) Wait… What? Yes. . . Fine!'
    )
    assert sentences(text) == [
        'He said: "We will win."',
        "“Çavuşoğlu met Lavrov.”",
        "(It was late.)",
        "Wait…",
        "What?",
        "Yes. . .",
        "Fine!",
    ]
    # a quote closed after a comma continues the sentence
    assert sentences('"We will stay," he said. "Go."') == ['"We will stay," he said.', '"Go."']


def test_datelines_and_lines_end_sentences() -> None:
    text = (
        "Idlib shelling kills 12\n\nBEIRUT (Reuters) - Shelling killed 12 people.\n"
        "WASHINGTON, D.C. — The talks began.\nANKARA, Feb. 28 (Xinhua) -- Turkey said no"
    )
    assert sentences(text) == [
        "Idlib shelling kills 12",
        "BEIRUT (Reuters) - Shelling killed 12 people.",
        "WASHINGTON, D.C. — The talks began.",
        "ANKARA, Feb. 28 (Xinhua) -- Turkey said no",
    ]


def test_scripts_without_capitals_and_other_alphabets() -> None:
    arabic = "قال المرصد إن القصف استمر. وأضاف أن الضحايا مدنيون؟ نعم."
    assert sentences(arabic) == ["قال المرصد إن القصف استمر.", "وأضاف أن الضحايا مدنيون؟", "نعم."]
    hebrew = 'הפגזה על העיירה. "תושבים רבים" נמלטו.'
    assert sentences(hebrew) == ["הפגזה על העיירה.", '"תושבים רבים" נמלטו.']
    russian_turkish = "Огонь ведется. Это первые бои. Şehit haberleri geldi. İdlib'de çatışma."
    assert sentences(russian_turkish) == [
        "Огонь ведется.",
        "Это первые бои.",
        "Şehit haberleri geldi.",
        "İdlib'de çatışma.",
    ]


def test_spans_are_trimmed_and_empty_text_has_none() -> None:
    assert TA.sentence_spans("") == []
    assert TA.sentence_spans("  \n \n") == []
    text = "  One here.   Two there.  \n\n  Three"
    assert [(text[s - 1 : s], text[e - 1 : e]) for s, e in TA.sentence_spans(text)] == [
        (" ", "."),
        (" ", "."),
        (" ", "e"),
    ]
    assert TA.split_span(text, 13, 26) == [(14, 24)]


def test_one_abbreviation_list_for_cleaning_and_splitting() -> None:
    assert TA.is_abbreviation("Gen") and TA.is_abbreviation("etc") and TA.is_abbreviation("U.S")
    assert not TA.is_abbreviation("sat") and TA.is_abbreviation("Sat")
    assert TA.is_abbreviation("No", "5") and not TA.is_abbreviation("no", "T")
    from idlibtui.compare import sentences as compare_sentences

    assert compare_sentences.ABBREVIATIONS is TA.ABBREVIATIONS


def test_annotation_and_comparison_use_the_same_sentences() -> None:
    text = (
        "Rear Adm. Ivanov said 15 soldiers were killed in Idlib on Feb. 27, 2020. "
        "Five Turkish soldiers were killed in Idlib on Monday.\nA second line."
    )
    want = TA.sentence_spans(text)
    figures, _ = annotate_text(text, dt.date(2020, 2, 28))
    assert {(f.sentence_start, f.sentence_end) for f in figures} <= set(want)
    assert (figures[0].sentence_start, figures[0].sentence_end) == want[0]
    for m in match_events(text):
        assert (m.sentence_start, m.sentence_end) in want
    article = Article(id="a", path="a.txt", raw=text, text=text, blocks=())
    assert [(s.start, s.end) for s in split_sentences(article)] == want
    assert sentence_span(article, text.index("15")) == want[0]


def test_the_analysis_is_computed_once_and_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"tokens": 0, "sentences": 0}
    real_tokens, real_split = TA.word_tokens, TA.sentence_spans

    def count_tokens(text: str):
        calls["tokens"] += 1
        return real_tokens(text)

    def count_split(text: str):
        calls["sentences"] += 1
        return real_split(text)

    monkeypatch.setattr(TA, "word_tokens", count_tokens)
    monkeypatch.setattr(TA, "sentence_spans", count_split)
    TA.forget()
    text = (
        "IDLIB, Syria — Five Turkish soldiers were killed in Idlib on Monday, Turkey's defence "
        "ministry said. Gen. Ali said 300 families fled Saraqeb. Hayat Tahrir al-Sham denied it."
    )
    article = date_article(Article(id="a", path="a.txt", raw=text, text=text, blocks=(), lang="en"))
    annotate_text(article.text, article.date, anchor_inferred=article.date_inferred, lang="en")
    assert calls == {"tokens": 1, "sentences": 1}
    assert TA.analysis_of(text) is TA.analysis_of(str(text))
    TA.forget()
    assert TA.analysis_of(text).tokens is not None
    assert calls["tokens"] == 2
