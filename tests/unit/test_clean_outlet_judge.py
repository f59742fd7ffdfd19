"""Outlets settled from the whole page: headline affixes, closing lines, lead-ins, own
correspondents, interviews, and names cut back to their canonical form (fixtures paraphrased)."""

from __future__ import annotations

import pytest

from idlibtui.clean import clean_document
from idlibtui.clean.outlet_cues import masthead_like, title_prefix_outlet
from idlibtui.clean.outlet_page import canonical_name, own_correspondent
from idlibtui.clean.outlets import footer, interview_outlet, lookup

BODY = (
    "Government forces and rebels fought for a third day near the town of Saraqeb on "
    "Tuesday, and hundreds of families left for the border, residents said.\n\n"
    "Shelling hit two villages to the south overnight, a local council official added."
)


def _source(text: str) -> str:
    return clean_document(text).source


def test_an_outlet_after_the_headline_behind_a_bullet_is_the_outlet() -> None:
    text = f"Fuel prices rise again in Idlib • The Syrian Observatory For Human Rights\n\n{BODY}\n"
    assert _source(text) == "Syrian Observatory for Human Rights"


def test_an_outlet_before_the_headline_is_the_outlet_but_a_section_is_not() -> None:
    assert title_prefix_outlet("OCHA ǀ Flash Update #3 on the fighting in the north")[0] == "OCHA"
    assert _source(f"OCHA ǀ Flash Update #3 on the fighting in the north\n\n{BODY}\n") == "OCHA"
    assert title_prefix_outlet("Army News | Troops take a hill near Hama") == ("", "")


def test_a_closing_source_line_names_the_outlet_after_the_text() -> None:
    chrome = "\n\nBe the first to comment\n\nLeave a comment\n"
    assert _source(f"Strikes hit a market\n\n{BODY}\n\nSource-BBC Middle East{chrome}") == "BBC"
    # in another language, and an outlet the data does not list
    assert _source(f"Strikes hit a market\n\n{BODY}\n\nKaynak: Anka Haber News{chrome}") == (
        "Anka Haber News"
    )
    # a link is no outlet
    assert _source(f"Strikes hit a market\n\n{BODY}\n\nSource: Read Full Article{chrome}") == ""


def test_a_closing_office_line_or_a_lone_site_name_signs_the_report() -> None:
    office = f"Strikes hit a market\n\n{BODY}\n\nSamir Haddad\nRFS – Idleb\n\nYou might also like\n"
    assert _source(office) == "RFS"
    lone = f"Strikes hit a market\n\n{BODY}\n\nNorthern Syria Press Agency\n\nLeave A Reply\n"
    assert _source(lone) == "Northern Syria Press Agency"
    # a place after the dash of a person's name is no office
    assert _source(f"Strikes hit a market\n\n{BODY}\n\nSamir Haddad – Idlib\n") == ""


def test_an_outlet_opening_the_body_is_the_outlet_but_a_headline_subject_is_not() -> None:
    lead = (
        "Moscow Times / A Russian attack jet was shot down over the south of Idlib province on "
        "Saturday, media reported, and its pilot was killed.\n\nThe ministry confirmed it.\n"
    )
    assert _source(lead) == "The Moscow Times"
    headline = f"White Helmets: Digging families out of the rubble\n\n{BODY}\n"
    assert _source(headline) == ""


def test_the_outlets_own_correspondent_names_it() -> None:
    text = "Clashes went on. Baladi News correspondent reported that the rebels held the town."
    assert own_correspondent(text)[0] == "Baladi News"
    assert _source(f"Rebels hold a town\n\n{BODY}\n\n{text}\n") == "Baladi News"
    # an agency's correspondent is the agency's copy; two outlets' are a roundup
    assert own_correspondent("An AFP correspondent saw the smoke.") == ("", "")
    two = "Al Jazeera correspondent said so. Orient News correspondent said otherwise."
    assert own_correspondent(two) == ("", "")


def test_an_interview_names_an_unlisted_outlet_only_when_shaped_like_one() -> None:
    assert interview_outlet("A field source told Kafrnabl Media News that it held.")[0] == (
        "Kafrnabl Media News"
    )
    assert interview_outlet("A field source told Syrian State TV that it held.") == ("", "")
    assert interview_outlet("A field source told Ahmed Haddad that it held.") == ("", "")
    assert interview_outlet('"We heard a bomb," he told the ABC.')[0] == "ABC"
    assert interview_outlet("During a meeting with Enab Baladi, the boy said so.")[0] == (
        "Enab Baladi"
    )


def test_an_outlet_that_informs_citing_another_names_itself() -> None:
    text = f"Erdogan warns the government\n\nReport informs citing the NTV that {BODY}\n"
    assert _source(text) == "Report"


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Xinhua| 2019-08-23 16:04:26|Editor: huaxia", "Xinhua"),
        ("Xinhua Editor Mu Xuequan", "Xinhua"),
        ("Tasnim News Agency", "Tasnim"),
        ("Unlisted Daily", "Unlisted Daily"),
    ],
)
def test_a_name_is_cut_back_to_the_outlets_canonical_name(raw: str, want: str) -> None:
    assert canonical_name(raw) == want


def test_a_wire_mirror_header_gives_the_agency_not_the_whole_line() -> None:
    text = f"Army secures a town\n\nSource: Xinhua| 2019-08-23 16:04:26|Editor: huaxia\n\n{BODY}\n"
    assert _source(text) == "Xinhua"


def test_tasnim_is_known_by_its_short_name() -> None:
    text = (
        "Troops retake villages\n\nDAMASCUS (Tasnim) – The army retook three villages near the "
        "city in an operation on Tuesday, a military source said.\n\nThe fighting went on.\n"
    )
    article = clean_document(text)
    # one canonical name, the short one reports and readers use ("Tasnim", as "Xinhua")
    assert (article.agency, article.source) == ("Tasnim", "Tasnim")


def test_reporting_by_alone_is_no_reuters_signature() -> None:
    assert footer("Reporting by: Adel Nasser") is None
    assert footer("Reporting by Jane Roe in Beirut; Editing by John Doe").name == "Reuters"
    text = (
        "Rebels shell two towns\n\nKurdish Wire News\n\n"
        f"{BODY}\n\nReporting by: Adel Nasser\n\nSource: Kurdish Wire News\n"
    )
    assert _source(text) == "Kurdish Wire News"


def test_a_place_and_news_is_a_section_not_a_masthead() -> None:
    assert not masthead_like("Iraq News")
    assert masthead_like("Yemen Press Agency")


def test_lookup_drops_an_edition_but_a_bare_word_is_no_outlet() -> None:
    assert lookup("BBC Middle East").name == "BBC"
    assert lookup("Sputnik International").name == "Sputnik"
    assert lookup("National") is None
    assert lookup("The National").name == "The National"


def test_the_pages_own_promotions_name_it() -> None:
    from idlibtui.clean.outlet_page import chrome_outlet

    top = f"1,000 $\nMAY 2021\n\nTroops patrol the highway\n\nSupport GreyFront\n\n{BODY}\n"
    assert _source(top) == "GreyFront"
    mid = f"A doctor tests positive\n\n{BODY}\n\nNew MEE newsletter: Gulf Dispatch\n\n{BODY}\n"
    assert _source(mid) == "Middle East Eye"
    # a newsletter of no known outlet, or promotions of two outlets, are no evidence
    assert chrome_outlet("New Year newsletter: the best of 2019\n") == ("", "")
    assert chrome_outlet("Support GreyFront\nSubscribe to The Week\n") == ("", "")


def test_a_note_introducing_a_carried_report_names_who_carries_it() -> None:
    from idlibtui.clean.outlet_page import note_outlet

    text = (
        "Hope for the persecuted\n\nPCW Note: The town has again been hit by rockets and its "
        "people need help.\n\n" + BODY + "\n"
    )
    assert note_outlet(text)[0] == "PCW"
    assert _source(text) == "PCW"
    assert note_outlet("Editor's Note: This story was updated.\n\n" + BODY) == ("", "")
    assert note_outlet("Idlib Note: the roads are closed.\n\n" + BODY) == ("", "")


def test_a_tag_closing_the_last_paragraph_signs_the_report() -> None:
    assert _source(f"Raids kill fighters\n\n{BODY} [ARN]\n") == "ARN"
    wire = clean_document(f"Raids kill fighters\n\n{BODY} (AFP)\n")
    assert wire.agency == "Agence France-Presse"
    assert _source(f"Raids kill fighters\n\n{BODY} (Idlib)\n") == ""


def test_an_outlet_after_a_place_opening_the_body_names_it() -> None:
    from idlibtui.clean.outlet_page import place_outlet_lead

    text = "Idleb-Syria Times / La caméra est entrée dans la ville après les combats du matin."
    assert place_outlet_lead(text)[0] == "Syria Times"
    arabic = "محافظة حلب – المرصد السوري لحقوق الإنسان:: تتواصل الغارات على البلدة منذ الصباح."
    assert place_outlet_lead(arabic)[0] == "Syrian Observatory for Human Rights"
    assert place_outlet_lead("Idleb - Saraqeb / the road is closed to all traffic now.") == (
        "",
        "",
    )


def test_outlets_named_as_their_own_in_other_languages() -> None:
    from idlibtui.clean.outlet_page import elsewhere_outlet

    ru = "Город обстреляли ночью. Об этом сообщает РБК-Украина со ссылкой на местные власти."
    assert elsewhere_outlet(ru)[0] == "RBC-Ukraine"
    ar = "قال مراسل الجزيرة في إدلب إن القصف استمر حتى الصباح."
    assert elsewhere_outlet(ar)[0] == "Al Jazeera"
    # two outlets named so: a roundup
    assert elsewhere_outlet(ru + " " + ar) == ("", "")


def test_an_unlisted_outlet_after_the_headline_when_shaped_like_one() -> None:
    text = f"Skip to content\nArmy takes two villages near Hama - Levant Daily News\n\n{BODY}\n"
    assert _source(text) == "Levant Daily News"
    # a section after the dash is none
    assert _source(f"Army takes two villages near Hama - Latest News\n\n{BODY}\n") == ""


def test_a_copyright_line_names_the_outlet_but_a_photo_agency_is_none() -> None:
    from idlibtui.clean.outlet_page import copyright_outlet

    assert copyright_outlet("© 2020 Levant Daily News. All rights reserved.")[0] == (
        "Levant Daily News"
    )
    assert copyright_outlet("Copyright © 2019 Al Jazeera, all rights reserved")[0] == "Al Jazeera"
    assert copyright_outlet("© 2020 Getty Images. All rights reserved.") == ("", "")


def test_a_carried_report_names_where_it_first_appeared() -> None:
    text = f"Camps flood\n\n{BODY}\n\nThis article was originally published on Syria Direct.\n"
    assert _source(text) == "Syria Direct"


def test_an_agency_as_the_outlet_is_also_the_agency() -> None:
    article = clean_document(f"Army advances\n\n{BODY}\n\nSource: SANA\n")
    assert (article.agency, article.source) == ("SANA", "SANA")


def test_a_promoted_product_or_section_is_no_outlet() -> None:
    from idlibtui.clean.outlet_page import chrome_outlet

    assert chrome_outlet("Sign up for Breaking News\n") == ("", "")
    assert chrome_outlet("Subscribe to Daily Newsletter\n") == ("", "")
    assert chrome_outlet("Follow Al Jazeera on Twitter\n")[0] == "Al Jazeera"


@pytest.mark.parametrize(
    ("lead", "want"),
    [
        ("Beirut - Asharq Al-Awsat", "Asharq Al-Awsat"),
        ("Enab Baladi – Idlib", "Enab Baladi"),
        ("Idlib-Enab Baladi", "Enab Baladi"),
        ("Ahmad Haj - Idlib", ""),
        ("Syria war - Idlib", ""),
    ],
)
def test_an_outlet_and_a_place_on_a_line_of_their_own_open_the_report(lead: str, want: str) -> None:
    assert _source(f"Troops advance on a town\n\n{lead}\n\n{BODY}\n") == want


def test_an_agencys_slash_tag_names_the_agency() -> None:
    text = (
        "Militants shell positions\n\nMOSCOW, February 28. /TASS/. Militants shelled army "
        "positions in the de-escalation zone on Friday, the Russian military said.\n"
    )
    article = clean_document(text)
    assert (article.agency, article.source) == ("TASS", "TASS")


def test_a_known_outlets_link_closing_the_report_names_it() -> None:
    text = (
        f"Talks stall\n\n{BODY}\n\nRead more: https://www.al-monitor.com/originals/2020/02/x.html\n"
    )
    assert _source(text) == "Al-Monitor"


def test_crew_words_after_a_name_leave_the_outlet() -> None:
    assert lookup("Daily Sabah with AA").name == "Daily Sabah"
    assert lookup("The New Arab Staff & Agencies").name == "The New Arab"
    assert lookup("News desk") is None


def test_generic_words_name_no_unlisted_outlet() -> None:
    assert _source(f"Army takes two villages near Hama | News Agency\n\n{BODY}\n") == ""
    assert _source(f"Strikes hit a market\n\n{BODY}\n\nLatest World News\n") == ""


def test_a_site_a_report_first_appeared_on_but_not_a_person_who_published_it() -> None:
    from idlibtui.clean.outlet_page import republished_outlet

    assert republished_outlet("This piece first appeared on Levant Voices.")[0] == "Levant Voices"
    assert republished_outlet("The report was first published by Ahmad Haj.") == ("", "")
    assert republished_outlet("It was first published in Idlib.") == ("", "")


def test_an_agency_byline_is_the_agency_whoever_carries_the_copy() -> None:
    article = clean_document(
        f"Idlib burns\n\nBy AFP\n\n{BODY}\n\nCopyright © 2020 The National. All rights reserved.\n"
    )
    assert (article.agency, article.source) == ("Agence France-Presse", "The National")


def test_asian_wire_agencies_are_agencies() -> None:
    article = clean_document(
        "Strikes resume\n\nBEIRUT (APP) - Government forces and rebels fought near the town on "
        "Tuesday, residents said, and families fled.\n\nThe fighting went on.\n"
    )
    assert article.agency == "Associated Press of Pakistan"
