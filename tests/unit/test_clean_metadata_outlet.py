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
    assert (article.dateline, article.agency, article.source) == ("Damasco", "SANA", "SANA")
    assert not article.text.split("\n\n")[1].startswith("Damasco")


def test_an_agency_tag_names_the_agency_and_yields_to_a_named_publisher() -> None:
    article = clean_document(
        "Clashes near Saraqeb\n\nIDLIB (AA) - Rebels and government forces fought near the "
        "town overnight, a monitor said.\n\nThe fighting went on.\n"
    )
    # nothing else names who carries the copy: the agency is the one outlet the text names
    assert (article.agency, article.source) == ("Anadolu Agency", "Anadolu Agency")
    carried = clean_document(
        "Clashes near Saraqeb | Sputnik\n\nIDLIB (AA) - Rebels and government forces fought "
        "near the town overnight, a monitor said.\n\nThe fighting went on.\n"
    )
    assert (carried.agency, carried.source) == ("Anadolu Agency", "Sputnik")
    # the agency's own site speaks of its own staff: then it is the outlet
    own = clean_document(
        "Army advances\n\nIdleb, SANA – Army units took two villages south of the town on "
        "Monday after clashes.\n\nSANA "
        "reporter in the area said the clashes went on.\n"
    )
    assert (own.agency, own.source) == ("SANA", "SANA")


def test_another_outlet_cited_by_its_initials_is_not_the_publisher() -> None:
    assert interview_outlet("A commander told MEE that the attack had failed.") == ("", "")
    assert interview_outlet("A commander told Al Jazeera that it had failed.")[0] == "Al Jazeera"


def test_a_known_outlet_after_the_headline_is_the_outlet() -> None:
    body = "Rebels and the army fought near Saraqeb overnight, a monitor said, and families fled."
    assert clean_document(f"Fighting near Saraqeb | Sputnik\n\n{body}\n").source == "Sputnik"
    # a short form gives the canonical name
    short = clean_document(f"Fighting near Saraqeb - Tasnim News Agency\n\n{body}\n")
    assert short.source == "Tasnim"
    # a place after the dash is no outlet
    assert clean_document(f"Fighting near Saraqeb - Idlib\n\n{body}\n").source == ""


def test_a_sign_off_on_the_last_line_names_the_outlet_or_the_agency() -> None:
    body = "Rebels and the army fought near Saraqeb overnight, a monitor said, and families fled."
    own = clean_document(f"Fighting near Saraqeb\n\n{body}\n\n— Middle East Monitor\n")
    assert own.source == "Middle East Monitor"
    wire = clean_document(f"Fighting near Saraqeb\n\n{body}\n\n(AFP)\n")
    # the agency's copy, with nothing else naming a publisher: the agency stands as the outlet
    assert (wire.agency, wire.source) == ("Agence France-Presse", "Agence France-Presse")
    assert clean_document(f"Fighting near Saraqeb\n\n{body}\n\n(Idlib)\n").source == ""
