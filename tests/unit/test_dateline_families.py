"""Datelines in the places and forms real pages put them (fixtures written for these tests,
paraphrasing patterns seen on real pages): kept as the dateline, removed from the body, never a
title or the start of a sentence left behind."""

from __future__ import annotations

from idlibtui.clean import clean_document
from idlibtui.clean.dateline import match_dateline, match_dateline_line, strong_dateline
from idlibtui.clean.outlets import lookup

LEAD = (
    "Government forces pushed into two villages south of the town on Tuesday after a night of "
    "air strikes, residents and a monitoring group said."
)
MORE = "The fighting sent hundreds of families toward the border, aid workers added."


def test_a_city_on_a_line_of_its_own_above_the_body_is_the_dateline() -> None:
    article = clean_document(f"Allies meet on the roadmap\n\nWASHINGTON\n\n{LEAD}\n\n{MORE}\n")
    assert article.dateline == "WASHINGTON"
    assert "WASHINGTON" not in article.text
    # a region or a country label above the body is a section, not a dateline
    for label in ("MIDDLE EAST", "SYRIA", "WORLD"):
        assert match_dateline_line(label, lookup) is None, label
        assert clean_document(f"Allies meet\n\n{label}\n\n{LEAD}\n\n{MORE}\n").dateline == ""


def test_a_place_and_an_agency_on_a_line_of_their_own_are_dateline_and_agency() -> None:
    for line, place in (("IDLIB-Anadolu Agency", "IDLIB"), ("AFP, Beirut :", "Beirut")):
        article = clean_document(f"Strikes kill ten in the north\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
        assert article.dateline == place, line
        assert article.agency in ("Anadolu Agency", "Agence France-Presse"), line
    # an unknown word after the place is no agency
    assert match_dateline_line("IDLIB-Countryside Notes", lookup) is None


def test_a_tagged_or_dashed_dateline_below_a_standfirst_or_caption_is_found() -> None:
    text = (
        "Monitors record violations of the truce\n\n"
        "A general speaks to reporters in the capital on Saturday.\n\n"
        "According to the ministry, the centre registered seven violations in the past day.\n\n"
        f"MOSCOW (Sputnik) {LEAD}\n\n{MORE}\n"
    )
    article = clean_document(text)
    assert (article.dateline, article.agency) == ("MOSCOW", "Sputnik")
    assert "MOSCOW (Sputnik)" not in article.text
    standfirst = (
        "Families face a cold winter\n\nThe rains have begun. What is being done to help?\n\n"
        f"AMMAN — {LEAD}\n\n{MORE}\n"
    )
    assert clean_document(standfirst).dateline == "AMMAN"
    # a capitalised word in prose further down is no dateline
    assert strong_dateline(f"NATO — {LEAD}") is None


def test_bullet_and_comma_dash_separators_and_a_trailing_country() -> None:
    assert match_dateline(f"BEIRUT • {LEAD}").place == "BEIRUT"
    assert match_dateline(f"CAIRO, - {LEAD}").place == "CAIRO"
    dl = match_dateline(f"ALEPPO, SYRIA - DECEMBER 15: {LEAD}")
    assert (dl.place, dl.tag) == ("ALEPPO, SYRIA", "")


def test_a_hyphenated_capitalised_word_is_no_dateline() -> None:
    assert match_dateline(f"AL-QAIDA-LINKED rebels launched an offensive. {LEAD}") is None
    article = clean_document(f"Rebels attack\n\nAL-QAIDA-LINKED rebels attacked. {LEAD}\n")
    assert article.dateline == ""
    assert "AL-QAIDA-LINKED rebels" in article.text


def test_a_monitors_province_lead_is_the_dateline() -> None:
    for lead in (
        "Idlib Province, the Syrian Observatory for Human Rights:",
        "Latakia Province:",
    ):
        article = clean_document(f"Clashes go on in the mountains\n\n{lead}\n{LEAD}\n\n{MORE}\n")
        assert article.dateline.endswith("Province"), lead
        assert lead not in article.text


def test_a_dateline_after_an_outlets_credit_opening_the_body() -> None:
    text = f"Army advances\n\nAlMasdarNews reports: Latakia, Syria (5:05 A.M.) – {LEAD}\n\n{MORE}\n"
    article = clean_document(text)
    assert (article.source, article.dateline) == ("Al-Masdar News", "Latakia, Syria")
    assert article.text.split("\n\n")[1].startswith("Government forces")


def test_datelines_in_the_corpora_other_languages_and_a_wire_after_the_dash() -> None:
    ru = match_dateline(
        "МОСКВА, 23 янв — РИА Новости. Правительственные войска оставили позиции в провинции."
    )
    assert (ru.place, ru.tag, ru.day.month, ru.day.day) == ("МОСКВА", "РИА Новости", 1, 23)
    dot = match_dateline("Дамаск, 16 января. Сирийская армия возобновила операцию в провинции.")
    assert dot.place == "Дамаск"
    assert match_dateline(f"Beirut.- {LEAD}").place == "Beirut"
    wire = clean_document(f"Airbase retaken\n\nDAMASCUS, January 10 – RIA Novosti. {LEAD}\n")
    assert (wire.dateline, wire.agency) == ("DAMASCUS", "RIA Novosti")
    assert wire.text.split("\n\n")[1].startswith("Government forces")
    # a place and a full stop without a day is prose
    assert match_dateline(f"Damascus. {LEAD}") is None


def test_an_agencys_slashed_tag_left_without_its_place_is_the_agency_not_the_text() -> None:
    """ "MOSCOW, May 3. /TASS/. …" cut by a scraper to "/TASS/. …": the tag goes from the body
    and the title and names the agency; an unknown word between slashes stays text."""
    for head in ("Troops enter the town\n\n", ""):
        article = clean_document(f"{head}/TASS/. {LEAD}\n\n{MORE}\n")
        assert "/TASS/" not in article.text and "/TASS/" not in article.title
        assert article.agency == "TASS"
        assert LEAD in article.text
    article = clean_document(f"/Updated/. {LEAD}\n\n{MORE}\n")
    assert article.agency == ""
