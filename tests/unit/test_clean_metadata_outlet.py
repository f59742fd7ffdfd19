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


def test_an_outlets_initials_opening_the_body_name_it_and_are_no_dateline() -> None:
    text = (
        "Warplanes hit a clinic in a village south of Idlib\n\n"
        "SNHR: fixed-wing jets we believe were Russian fired rockets at a clinic in a village "
        "south of Idlib, badly damaging it, on March 3, 2019.\n\n"
        "Nobody was hurt, the network said.\n"
    )
    article = clean_document(text)
    assert article.source == "Syrian Network for Human Rights"
    assert article.dateline == ""
    assert "SNHR:" not in article.text


def test_a_team_byline_names_a_known_outlet() -> None:
    text = (
        "The opposition's hard year\n\n"
        "Enab Baladi’s Investigations Team\n\n"
        "After the loss of the eastern districts, the armed factions lost ground across the "
        "north, and their backers drifted away over the year.\n\n"
        "The factions now hold a strip along the border.\n"
    )
    assert clean_document(text).source == "Enab Baladi"


def test_a_source_trailer_naming_the_bbc_gives_its_name() -> None:
    text = (
        "Families flee the bombing\n\n"
        "Thousands of families left their villages as the bombing widened, aid groups said.\n\n"
        "Source: BBC\n"
    )
    assert clean_document(text).source == "BBC"


def test_a_place_dash_agency_slash_dateline_names_the_agency() -> None:
    text = (
        "El ejército avanza en el sur\n\n"
        "Damasco-SANA / Las unidades del ejército tomaron varias aldeas en el sur de la "
        "provincia tras duros combates, según la agencia.\n\n"
        "Los combates siguen en la zona.\n"
    )
    article = clean_document(text)
    assert (article.dateline, article.source) == ("Damasco", "SANA")
    assert not article.text.split("\n\n")[1].startswith("Damasco")
