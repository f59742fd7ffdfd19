"""The outlet of an article whose own interviews name it ("X told Al Jazeera")."""

from __future__ import annotations

from idlibtui.clean import clean_document
from idlibtui.clean.outlets import interview_outlet


def test_an_interview_given_to_one_outlet_names_the_outlet() -> None:
    text = (
        "Protesters gathered in Istanbul.\n\n"
        '"We are here," Mohammed Kreimesh told Al Jazeera on Saturday.\n\n'
        '"It is enough," Ahmed Marwan, 24, told AFP news agency.'
    )
    name, evidence = interview_outlet(text)
    assert name == "Al Jazeera"
    assert "told Al Jazeera" in evidence
    article = clean_document(text)
    assert article.source == "Al Jazeera"
    assert "told Al Jazeera" in article.source_evidence


def test_agencies_and_roundups_are_no_evidence() -> None:
    assert interview_outlet("a spokesman told Reuters.") == ("", "")
    assert interview_outlet("she told AFP news agency.") == ("", "")
    two = "He told the BBC that it was over. She told CNN otherwise."
    assert interview_outlet(two) == ("", "")
    assert interview_outlet("He told reporters nothing.") == ("", "")


def test_stated_outlet_wins_over_an_interview() -> None:
    text = "A source told Al Jazeera it was calm.\n\nSource: TRT World"
    assert clean_document(text).source == "TRT World"


def test_seed_000_is_al_jazeera(seed_paths) -> None:
    from idlibtui.ingest import read_document

    doc = read_document(seed_paths[0])
    article = clean_document(doc.text, is_html=doc.is_html)
    assert article.source == "Al Jazeera"
    assert article.source_evidence
