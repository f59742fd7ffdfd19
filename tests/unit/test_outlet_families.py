"""Outlets named the ways scraped pages name them, and the names that are no outlet's
(fixtures written for these tests, paraphrasing patterns seen on real pages)."""

from __future__ import annotations

from idlibtui.clean import clean_document
from idlibtui.clean.outlet_credits import dated_credit_outlet
from idlibtui.clean.outlet_cues import crew_byline_outlet
from idlibtui.clean.outlet_page import chrome_outlet, closing_outlets
from idlibtui.clean.outlets import interview_outlet, is_agency, is_aggregator, lookup

BODY = (
    "Government forces and rebels fought for a third day near the town of Saraqeb on "
    "Tuesday, and hundreds of families left for the border, residents said.\n\n"
    "Shelling hit two villages to the south overnight, a local council official added."
)


def _clean(text: str):
    return clean_document(text)


def test_a_tag_heading_shared_by_every_site_names_no_outlet() -> None:
    text = (
        "Monitors count nine violations of the truce\n\n"
        "MOSCOW, May 3. /TASS/. Russian officers counted nine violations of the truce in the "
        "past day, the reconciliation centre said in its daily bulletin on Wednesday.\n\n"
        "The centre is based at an air base in Latakia province.\n\nTopics\nSyrian conflict\n"
    )
    article = _clean(text)
    assert article.source == "TASS"
    assert article.agency == "TASS"


def test_a_promotion_closing_a_long_widget_line_names_the_outlet() -> None:
    widget = (
        ">> Can the region avoid a wider war? Two analysts weigh the options in a long read "
        "■ For the full picture of the region's politics – subscribe to Haaretz"
    )
    assert chrome_outlet(f"Headline\n\n{widget}\n\n{BODY}\n")[0] == "Haaretz"
    # inside a long line, only a known outlet counts: an unlisted name is no evidence
    long_line = widget.replace("Haaretz", "Gazette Weekly Herald")
    assert chrome_outlet(f"Headline\n\n{long_line}\n\n{BODY}\n") == ("", "")


def test_an_interview_placed_in_the_past_is_another_outlets_reporting() -> None:
    cited = (
        f"{BODY}\n\nIn March, a senior official confirmed to the New York Times that the jets "
        "had struck the base."
    )
    assert interview_outlet(cited) == ("", "")
    last_year = f"{BODY}\n\nA commander told the Guardian last year that the town would hold."
    assert interview_outlet(last_year) == ("", "")
    own = f"{BODY}\n\nA field medic in the town told Syria Direct that supplies ran out."
    assert interview_outlet(own)[0] == "Syria Direct"


def test_a_crew_byline_inside_a_run_on_header_names_the_outlet() -> None:
    head = (
        "Aid trucks reach a besieged town 0 By KVRT Staff on March 3, 2016 Video An aid "
        "convoy reached the besieged town on Monday night with food for thousands of people."
    )
    assert crew_byline_outlet(head)[0] == "KVRT"
    assert _clean(head + "\n").source == "KVRT"
    # a wire's staff name the agency, not the carrier
    wire = head.replace("KVRT Staff", "Reuters Staff")
    assert crew_byline_outlet(wire)[0] == "Reuters"
    assert _clean(wire + "\n").agency == "Reuters"
    # a person's byline is no outlet
    assert crew_byline_outlet(head.replace("KVRT Staff", "Sami Kaya"))[0] == ""


def test_an_outlet_signing_the_lead_with_its_crew_names_itself() -> None:
    lead = (
        "Levant Monitor News Analysis Group: According to our sources in the field, about "
        "twenty buses left the camp this morning carrying fighters and their families.\n\n"
        "The buses were expected to head east.\n"
    )
    assert _clean(f"Buses leave the camp\n\n{lead}").source == "Levant Monitor News"
    known = lead.replace("Levant Monitor News", "Islamic World News")
    assert _clean(f"Buses leave the camp\n\n{known}").source == "ISWNews"


def test_a_dash_sign_off_after_the_last_quote_names_the_outlet() -> None:
    text = (
        f"Fighters retake a border town\n\n{BODY}\n\n"
        '"The town fell again tonight," said the head of the monitoring group. – Rappler.com\n\n'
        "This is a developing story. Please refresh this page for updates.\n"
    )
    assert _clean(text).source == "Rappler"
    unlisted = text.replace("Rappler.com", "Gazettenow.com")
    assert _clean(unlisted).source == "Gazettenow.com"
    # a dash before a person's name is a quote's attribution, no outlet
    person = text.replace("– Rappler.com", "– Sami Kaya")
    assert _clean(person).source == ""


def test_a_closing_line_about_the_outlets_own_pages_or_its_reporter_names_it() -> None:
    site = f"Strikes hit a market\n\n{BODY}\n\nAB/CD\n\nPress TV's website can also be reached at\n"
    assert _clean(site).source == "Press TV"
    video = (
        f"Strikes hit a market\n\n{BODY}\n\nAl Jazeera's Jane Doe reports from Antakya, Turkey.\n"
    )
    assert _clean(video).source == "Al Jazeera"
    raw = video
    assert ("Al Jazeera", "closing line: Al Jazeera's Jane Doe reports from Antakya, Turkey.") in (
        closing_outlets(raw, BODY)
    )


def test_a_known_outlet_credited_with_the_day_names_whose_copy_it_is() -> None:
    text = (
        "Off the wire\n\nYou are here: Home\n\nShelling kills civilians east of the capital\n\n"
        f"Xinhua, December 13, 2015 Adjust font size:\n\n{BODY}\n"
    )
    # (on the page as saved: the cleaned text no longer holds the credit, a date line)
    assert dated_credit_outlet("", text)[0] == "Xinhua"
    article = _clean(text)
    assert (article.source, article.agency) == ("Xinhua", "Xinhua")
    # a place before the day is a dateline, not a credit
    assert dated_credit_outlet(f"Idlib, December 13, 2015\n\n{BODY}") == ("", "")


def test_a_masthead_behind_a_dash_names_the_outlet() -> None:
    text = (
        "- Sputnik International\n\nGet the latest news from around the world.\n\n"
        f"Monitors record seven violations of the truce\n\n{BODY}\n"
    )
    assert _clean(text).source == "Sputnik"


def test_a_dateline_tag_split_by_dashes_names_agency_and_outlet() -> None:
    text = (
        "Beirut, (APP - UrduPoint / Pakistan Point News - 23rd Aug, 2019 ) : Government forces "
        "surrounded an observation post in the north on Friday after taking nearby villages.\n\n"
        "The ministry confirmed it.\n"
    )
    article = _clean(text)
    assert article.source == "UrduPoint News"
    assert article.agency == "Associated Press of Pakistan"


def test_one_canonical_name_per_outlet_and_agencies_marked_in_the_data() -> None:
    assert lookup("Tasnim News Agency").name == lookup("tasnimnews.com").name == "Tasnim"
    assert is_agency("Tasnim") and is_agency("Jewish Telegraphic Agency")
    assert lookup("AFP").name == "Agence France-Presse"
    assert lookup("Arutz Sheva").name == "Israel National News"
    # short aliases that are ordinary words when lower-cased stand for no outlet
    for word in ("map", "focus", "mena", "inn", "uni", "nan"):
        assert lookup(word) is None, word


def test_an_aggregators_name_yields_to_the_reports_own_outlet() -> None:
    assert is_aggregator("Yahoo News") and not is_aggregator("Reuters")
    carried = f"Yahoo News\n\nStrikes hit a market\n\n{BODY}\n\nSource: Middle East Eye\n"
    assert _clean(carried).source == "Middle East Eye"
    alone = f"Yahoo News\n\nStrikes hit a market\n\n{BODY}\n"
    assert _clean(alone).source == "Yahoo News"


def test_a_source_line_naming_a_ministry_a_platform_or_people_is_no_outlet() -> None:
    for credit in (
        "Source: Syrian Ministry of Defence",
        "Source: Turkish Defense Ministry statement",
        "Source: Twitter",
        "Sources: Local Activists",
    ):
        assert _clean(f"Strikes hit a market\n\n{BODY}\n\n{credit}\n").source == "", credit
    assert _clean(f"Strikes hit a market\n\n{BODY}\n\nSource: Levant Daily Herald\n").source == (
        "Levant Daily Herald"
    )


def test_copyright_lines_name_the_publisher_or_whose_copy_it_is() -> None:
    reserved = (
        f"Strikes hit a market\n\n{BODY}\n\nCopyright © 2020 Syria Call. All rights reserved.\n"
    )
    assert _clean(reserved).source == "Syria Call"
    # a known agency's copyright on a page names the agency ("dpa GmbH" is dpa)
    wire = _clean(f"Strikes hit a market\n\n{BODY}\n\n© 2016 dpa GmbH\n")
    assert wire.agency == "dpa"
    # a photo agency's or a government's rights are no publisher's
    photo = f"Strikes hit a market\n\n{BODY}\n\n© 2020 Getty Images. All rights reserved.\n"
    assert _clean(photo).source == ""
    office = f"Strikes hit a market\n\n{BODY}\n\n© 2020 Presidency Office. All rights reserved.\n"
    assert _clean(office).source == ""


def test_a_closing_pointer_to_the_full_report_names_a_known_outlet() -> None:
    for line, want in (
        ("Read more on Al-Monitor", "Al-Monitor"),
        ("Read the full story at Asharq Al-Awsat", "Asharq Al-Awsat"),
        ("Visit rudaw.net for more", "Rudaw"),
        ("Contact the newsroom: editor@syriadirect.org", "Syria Direct"),
        ("Continue reading on www.aljazeera.net", "Al Jazeera"),
    ):
        assert _clean(f"Strikes hit a market\n\n{BODY}\n\n{line}\n").source == want, line
    # a country, or a mail service, names no outlet
    for line in ("Read more on Syria", "Write to us: desk@gmail.com"):
        assert _clean(f"Strikes hit a market\n\n{BODY}\n\n{line}\n").source == "", line


def test_an_outlets_own_correspondent_is_named_without_the_possessive() -> None:
    text = f"{BODY}\n\nAl-Monitor's correspondent in Idlib said the roads were jammed.\n"
    assert _clean(f"Roads jammed\n\n{text}").source == "Al-Monitor"


def test_prose_citing_an_outlet_is_no_self_reference_but_a_credit_is() -> None:
    prose = (
        "Enab Baladi reported on Monday that government forces advanced toward Saraqeb, taking "
        f"two villages east of the town.\n\n{BODY}\n"
    )
    assert _clean(f"Troops advance\n\n{prose}").source == ""
    credit = (
        "Levant Wire News reports: Government forces advanced toward Saraqeb on Monday, taking "
        f"two villages east of the town.\n\n{BODY}\n"
    )
    assert _clean(f"Troops advance\n\n{credit}").source == "Levant Wire News"


def test_a_wire_the_report_cites_as_its_source_is_its_agency_never_its_outlet() -> None:
    cited = (
        f"Strikes hit a market\n\n{BODY} The toll rose to twelve, according to Anadolu Agency.\n"
    )
    article = _clean(cited)
    assert (article.source, article.agency) == ("", "Anadolu Agency")
    reporter = f"Strikes hit a market\n\n{BODY} An AFP correspondent saw three bodies.\n"
    assert _clean(reporter).agency == "Agence France-Presse"
    # a state agency is quoted as a newsmaker by everyone; two wires are no single source
    state = f"Strikes hit a market\n\n{BODY} State news agency SANA said the army advanced.\n"
    assert _clean(state).agency == ""
    two = f"Strikes hit a market\n\n{BODY} Reuters reported ten dead; AFP said twelve.\n"
    assert _clean(two).agency == ""


def test_a_wire_that_cannot_verify_names_whose_copy_it_is() -> None:
    text = f"Strikes hit a market\n\n{BODY}\n\nReuters could not independently verify the report.\n"
    article = _clean(text)
    assert article.agency == "Reuters"


LOW = "A standfirst sums the story up for readers in one sentence.\n\nA caption of a scene\n\n"


def test_a_byline_naming_the_writer_then_the_outlet_names_the_outlet() -> None:
    for line, want in (
        ("By Sami Kaya, Daily Sabah", "Daily Sabah"),
        ("By Sami Kaya | Middle East Eye", "Middle East Eye"),
        ("Sami Kaya / Daily Sabah", "Daily Sabah"),
        ("Posted by Kurdistan 24 Staff", "Kurdistan 24"),
    ):
        assert _clean(f"Families flee\n\n{LOW}{line}\n\n{BODY}\n").source == want, line
    # a writer and a place, or a writer alone, name no outlet
    assert _clean(f"Families flee\n\n{LOW}By Sami Kaya, Istanbul\n\n{BODY}\n").source == ""
    assert _clean(f"Families flee\n\n{LOW}Sami Kaya / Omar Haddad\n\n{BODY}\n").source == ""


def test_a_wire_tag_opening_the_body_without_a_place_is_the_agency() -> None:
    article = _clean(f"Families flee\n\n(Reuters) - {BODY}\n")
    assert (article.agency, article.dateline) == ("Reuters", "")
    assert article.text.split("\n\n")[1].startswith("Government forces")
    assert _clean(f"Families flee\n\n(AA) – {BODY}\n").agency == "Anadolu Agency"
    # a word in brackets that is no wire stays in the text
    kept = _clean(f"Families flee\n\n(Photo) - {BODY}\n")
    assert kept.agency == "" and "(Photo)" in kept.text


def test_rights_lines_in_other_shapes_name_a_known_outlet() -> None:
    for line, want in (
        ("© Kurdistan 24 2020", "Kurdistan 24"),
        ("All rights reserved to Enab Baladi 2019", "Enab Baladi"),
        ("North Press Agency - All Rights Reserved", "North Press"),
    ):
        assert _clean(f"Strikes hit a market\n\n{BODY}\n\n{line}\n").source == want, line
    assert _clean(f"Strikes hit a market\n\n{BODY}\n\n© Sami Kaya 2020\n").source == ""


def test_closing_widgets_naming_a_known_outlet() -> None:
    for line, want in (
        ("Like Syria Direct on Facebook", "Syria Direct"),
        ("Join Enab Baladi's Telegram channel", "Enab Baladi"),
        ("Courtesy of Syria Direct", "Syria Direct"),
        ("About Enab Baladi", "Enab Baladi"),
    ):
        assert _clean(f"Strikes hit a market\n\n{BODY}\n\n{line}\n").source == want, line
    for line in ("Like us on Facebook", "Courtesy of Sami Kaya", "About Syria"):
        assert _clean(f"Strikes hit a market\n\n{BODY}\n\n{line}\n").source == "", line


def test_reserved_rights_of_a_person_or_a_site_theme_name_no_publisher() -> None:
    for line in (
        "© 2020 Sami Kaya. All rights reserved.",
        "Copyright © 2019 Magazine Theme. All rights reserved.",
    ):
        assert _clean(f"Strikes hit a market\n\n{BODY}\n\n{line}\n").source == "", line


def test_an_interview_with_another_title_of_a_house_is_not_the_house() -> None:
    assert interview_outlet(f"{BODY} An analyst told Al-Ahram Weekly it would hold.") == ("", "")
    said = f"{BODY} An analyst told Al Jazeera on Monday it would hold."
    assert interview_outlet(said)[0] == "Al Jazeera"
