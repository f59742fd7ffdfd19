"""The page's own outlet against the agency it credits, and site names under the headline
(fixtures written for these tests, paraphrasing patterns seen on real pages)."""

from __future__ import annotations

from idlibtui.clean import clean_document
from idlibtui.clean.outlet_cues import quoted_as_speaker, self_reference
from idlibtui.clean.outlet_heads import head_outlet_line
from idlibtui.clean.outlets import lookup

LEAD = (
    "Turkish troops and allied fighters said on Sunday they had taken full control of the "
    "town centre after a two-month offensive in the north-west."
)
MORE = (
    "A search for mines and booby traps was under way in the streets, the military added.\n\n"
    "The offensive began in January with air strikes on positions held by the militia."
)


def test_a_wire_trailer_under_a_sites_own_lead_in_names_the_agency_not_the_outlet() -> None:
    trailer = "Source: Anadolu Agency"
    text = f"Army takes the town centre\n\nWires (Baladi News) - {LEAD}\n\n{MORE}\n\n{trailer}\n"
    article = clean_document(text)
    assert article.source == "Baladi News"
    assert article.agency == "Anadolu Agency"


def test_a_wire_trailer_alone_makes_the_agency_the_outlet_too() -> None:
    article = clean_document(
        f"Army takes the town centre\n\n{LEAD}\n\n{MORE}\n\nSource: Anadolu Agency\n"
    )
    assert (article.source, article.agency) == ("Anadolu Agency", "Anadolu Agency")


def test_an_agencys_byline_or_masthead_yields_to_the_carriers_own_name() -> None:
    text = f"Army takes the town centre\n\nBy AFP\n\n{LEAD}\n\n{MORE}\n\nSubscribe to The Week\n"
    article = clean_document(text)
    assert article.source == "The Week"
    assert article.agency == "Agence France-Presse"


def test_wire_copy_quoting_another_channels_interview_stays_the_wires() -> None:
    text = (
        "Army units enter the town\n\n"
        "MOSCOW, October 13. /TASS/. Government troops have entered the town east of the river, "
        "Al Mayadeen reported on Sunday.\n\n"
        "Local sources told Al Mayadeen earlier that the two sides had agreed on the move, and "
        "that units would cross the bridge within hours.\n\n"
        "The state news agency confirmed the reports later in the day.\n"
    )
    article = clean_document(text)
    assert (article.source, article.agency) == ("TASS", "TASS")


def test_a_headline_attribution_is_who_said_it_not_the_site() -> None:
    text = (
        "Air strikes hit near a Turkish convoy - Syrian Observatory\n\nBy REUTERS\n\n"
        "Air strikes hit positions near a Turkish convoy on the highway on Monday, the Syrian "
        "Observatory for Human Rights said.\n\n"
        "The monitor said one fighter travelling with the convoy was killed and others hurt.\n"
    )
    article = clean_document(text)
    assert article.source == "Reuters"
    observatory = lookup("Syrian Observatory for Human Rights")
    assert observatory is not None
    assert quoted_as_speaker("Strikes hit a town, according to SOHR.", observatory)
    assert not quoted_as_speaker("Strikes hit a town, residents said.", observatory)


def test_a_site_name_under_the_headline_is_the_outlet_and_the_wire_its_agency() -> None:
    text = (
        "Fighting rages in the border town\n\nStaff Writer\nHarbour Valley Daily Tribune\n\n"
        f"BEIRUT (AP) — {LEAD}\n\n{MORE}\n"
    )
    article = clean_document(text)
    assert article.source == "Harbour Valley Daily Tribune"
    assert article.agency == "Associated Press"


def test_a_site_name_with_its_desk_under_the_headline_is_the_outlet() -> None:
    raw = (
        "Militants kill villagers near the border\n\nVillagers, among them children, were "
        "killed in a raid on the village\n\nGulf Coast Bulletin / News Desk\n\n"
        f"{LEAD}\n\n{MORE}\n"
    )
    assert head_outlet_line(raw)[0] == "Gulf Coast Bulletin"
    assert clean_document(raw).source == "Gulf Coast Bulletin"


def test_a_subheading_shaped_like_a_name_is_no_outlet_without_a_byline_mark() -> None:
    raw = f"Militants kill villagers near the border\n\nThe Toll Rises Daily\n\n{LEAD}\n\n{MORE}\n"
    assert head_outlet_line(raw) == ("", "")


def test_a_wires_name_closing_the_lead_credits_the_copy_but_another_sites_does_not() -> None:
    wire = f"{LEAD[:-1]}, Anadolu reports.\n\n{MORE}"
    assert self_reference(wire)[0] == "Anadolu Agency"
    assert clean_document(f"Army takes the town\n\n{wire}\n").agency == "Anadolu Agency"
    # a carrier crediting another site's report: no evidence of who publishes the page
    other = f"{LEAD[:-1]}, Al-Masdar News reports.\n\n{MORE}"
    assert self_reference(other) == ("", "")


def test_credits_at_the_head_of_reports_in_other_languages_name_the_outlet() -> None:
    from idlibtui.clean.outlet_heads import lead_credit_outlet

    arabic = "2019-05-29 الساعة 02:14م (يمن سكاي - متابعات)\nقالت مصادر محلية إن القصف استمر."
    assert lead_credit_outlet("", arabic)[0] == "Yemen Sky"
    russian = "(Казань, 5 марта, «Татар-информ»). Президенты двух стран договорились о перемирии."
    assert lead_credit_outlet(russian)[0] == "Tatar-inform"
    dash = "Анкара, 4 марта 2020, 16:10 — REGNUM Режим прекращения огня, вероятно, будет введён."
    assert lead_credit_outlet(dash)[0] == "REGNUM"
    # an agency credited so is the outlet only when nothing else publishes the page
    article = clean_document(f"Перемирие в Идлибе\n\n{dash}\n\nПереговоры пройдут в четверг.\n")
    assert (article.source, article.agency) == ("REGNUM", "REGNUM")
    # an unknown name in the same place is no evidence
    assert lead_credit_outlet("Анкара, 4 марта 2020, 16:10 — Режим прекращения огня.") == ("", "")


def test_an_interview_told_to_the_outlet_in_turkish_names_it() -> None:
    from idlibtui.clean.outlet_page import elsewhere_outlet

    text = (
        "Muhalif gruplar ilçe merkezinde çatışmaların sürdüğünü bildirdi.\n\n"
        "Yeni Şafak’a yaşanan gergin saatleri anlatan bir komutan, hattın tutulduğunu söyledi."
    )
    assert elsewhere_outlet(text)[0] == "Yeni Şafak"
    assert elsewhere_outlet("Komutan, hattın tutulduğunu söyledi.") == ("", "")


def test_the_outlet_list_covers_the_regions_press_without_ambiguous_names() -> None:
    from idlibtui.clean.outlets import is_agency, is_aggregator, norm, outlets

    # a name or alias stands for one outlet only
    seen: dict[str, str] = {}
    for o in outlets():
        for n in (o.name, *o.aliases):
            assert seen.setdefault(norm(n), o.name) == o.name, n
    # wires, papers and aggregators of many regions, by name, variant or domain
    for name, canonical in (
        ("Rai al-Youm", "Rai al-Youm"),
        ("raialyoum.com", "Rai al-Youm"),
        ("Регнум", "REGNUM"),
        ("WAFA News Agency", "WAFA News Agency"),
        ("Hawar", "ANHA"),
        ("The Philadelphia Inquirer", "The Philadelphia Inquirer"),
        ("Dawn", "Dawn"),
        ("Nedaa Syria", "Nedaa Syria"),
    ):
        found = lookup(name)
        assert found is not None and found.name == canonical, name
    assert is_agency("Saba News Agency") and is_agency("Press Association")
    assert is_aggregator("NewsBreak")
    # common words and places are no outlet's name
    for word in ("Time", "Metro", "Focus", "Reason", "Al-Riyadh", "Saba", "Wafa"):
        assert lookup(word) is None, word


ROUNDUP = (
    "Rebels and residents celebrated in the streets after the town was retaken on Friday, "
    "reports the Associated Press.\n\n"
    "The offensive began in May, and the town fell after ten weeks of fighting, reports "
    "Reuters.\n\n"
    "“We are all happy and we are going home,” a resident told Al Jazeera on Saturday."
)


def test_an_interview_quoted_by_a_roundup_is_no_evidence_of_outlet() -> None:
    from idlibtui.clean.outlet_credits import cited_outlets

    assert {"Associated Press", "Reuters"} <= cited_outlets(ROUNDUP)
    assert clean_document(f"Residents celebrate in the town\n\n{ROUNDUP}\n").source != (
        "Al Jazeera"
    )
    # "Al Jazeera reports:" quoted beside other news organisations is no self-naming either
    quoted = ROUNDUP.replace("“We are all", "Al Jazeera reports: “We are all")
    assert clean_document(f"Residents celebrate in the town\n\n{quoted}\n").source != ("Al Jazeera")
    # an outlet's own interviews, with a monitor's figures and one wire's quote beside them,
    # name it
    own = (
        f"{LEAD}\n\nAt least nine people were killed, according to the Syrian Observatory for "
        "Human Rights.\n\n“The shelling did not stop all night,” a medic told Syria Direct.\n\n"
        "“We have nothing left,” a farmer told AFP news agency."
    )
    assert clean_document(f"Shelling goes on\n\n{own}\n").source == "Syria Direct"


def test_an_outlet_reporting_citing_a_wire_still_names_itself() -> None:
    text = f"Trend reports citing Reuters that {LEAD[0].lower()}{LEAD[1:]}\n\n{MORE}"
    assert clean_document(f"Army takes the town\n\n{text}\n").source == "Trend"


def test_a_pages_address_handle_or_section_label_at_its_head_names_the_site() -> None:
    from idlibtui.clean.outlet_heads import head_site_marks

    body = f"{LEAD}\n\n{MORE}"
    for head, want in (
        ("https://www.enabbaladi.net/archives/20200301-shelling", "Enab Baladi"),
        ("By Jane Doe jane.doe@enabbaladi.net", "Enab Baladi"),
        ("Follow us @SyriaDirect", "Syria Direct"),
        ("Al Jazeera - Syria", "Al Jazeera"),
        ("Home › Middle East › Asharq Al-Awsat", "Asharq Al-Awsat"),
    ):
        assert head_site_marks(f"{head}\nArmy takes the town\n{body}")[0] == want, head
        assert clean_document(f"{head}\n\nArmy takes the town\n\n{body}\n").source == want, head
    # two places, an unknown domain, or someone else's mail name no site
    for head in ("Idlib - Aleppo", "https://example-blog.net/2020/03/x", "Write to a@gmail.com"):
        assert head_site_marks(f"{head}\nArmy takes the town\n{body}") == ("", ""), head
    # a wire's label names whose copy it is (and the outlet, when no publisher is named)
    wire = clean_document(f"Reuters - Syria\n\nArmy takes the town\n\n{body}\n")
    assert (wire.source, wire.agency) == ("Reuters", "Reuters")


def test_a_report_made_exclusively_for_an_outlet_names_it() -> None:
    from idlibtui.clean.outlet_heads import exclusive_outlet

    assert (
        exclusive_outlet(f"{LEAD} A commander, speaking exclusively to Kurdistan 24, agreed.")[0]
        == "Kurdistan 24"
    )
    note = "This report was written exclusively for Levant Daily News by a local reporter."
    assert exclusive_outlet(f"{LEAD}\n\n{note}")[0] == "Levant Daily News"
    assert exclusive_outlet(f"Special to Arab News\n\n{LEAD}")[0] == "Arab News"
    # an agency, or words that are no outlet, name none
    assert exclusive_outlet(f"{LEAD} The officer told AFP exclusively.") == ("", "")
    assert exclusive_outlet(f"{LEAD} Bread was set aside exclusively for the residents.") == (
        "",
        "",
    )


def test_a_wire_signing_the_copy_is_its_agency() -> None:
    from idlibtui.clean.outlet_credits import cited_agency, signed_agency

    assert signed_agency(f"{LEAD} (Source: IANS)\n\n{MORE}")[0] == "IANS"
    signature = f"{LEAD}\n\n{MORE}\n(Writing by Jane Roe; Editing by John Doe)\n"
    assert signed_agency(signature)[0] == "Reuters"
    head = f"Published On: July 27, 2019 06:30 PM By: Associated Press\n\n{LEAD}"
    assert signed_agency(head)[0] == "Associated Press"
    # a publisher's own byline, or a monitor as the source, signs no wire's copy
    assert signed_agency(f"By: Jane Roe\n\n{LEAD} (Source: SOHR)") == ("", "")
    assert cited_agency(f"{LEAD} A Reuters witness saw fighters celebrate.")[0] == "Reuters"
    article = clean_document(f"Army takes the town\n\n{LEAD} (Source: IANS)\n\n{MORE}\n")
    assert (article.source, article.agency) == ("IANS", "IANS")


def test_a_wire_cited_in_another_language_is_the_agency() -> None:
    from idlibtui.clean.outlet_credits import cited_agency

    for text, want in (
        ("Об этом передает РИА Новости со ссылкой на источник.", "RIA Novosti"),
        ("Потери растут, цитиран от Франс прес.", "Agence France-Presse"),
        ("Dix morts selon l'AFP.", "Agence France-Presse"),
        ("Ataque confirmado, noticiado pela AFP.", "Agence France-Presse"),
        ("Anadolu Ajansı'nın haberine göre konvoy durduruldu.", "Anadolu Agency"),
    ):
        assert cited_agency(text)[0] == want, text
    # a minister or a paper cited so is no wire
    assert cited_agency("Selon le ministre, la trêve tient.") == ("", "")
    assert cited_agency("Gazeteye göre ateşkes sürüyor.") == ("", "")


def test_a_closing_follow_us_handle_names_a_known_outlet() -> None:
    body = f"{LEAD}\n\n{MORE}"
    page = f"Army takes the town\n\n{body}\n\nFollow us on Twitter @SyriaDirect\n"
    assert clean_document(page).source == "Syria Direct"
    # a handle no known outlet's domain matches is no evidence
    blog = f"Army takes the town\n\n{body}\n\nFollow us on Twitter @someblogger\n"
    assert clean_document(blog).source == ""
