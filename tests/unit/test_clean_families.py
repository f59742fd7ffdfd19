"""Each family of damage from GUIDE §2, on text the seeds do not contain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from idlibtui.annotate import date_article
from idlibtui.clean import clean_document
from idlibtui.ingest import RawDocument, read_document
from idlibtui.model import Article, BlockKind
from tests.unit.test_clean_seeds import assert_consistent

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"
BODY = "The convoy reached the camp on Tuesday after a long delay at the crossing."


def clean(text: str, **kwargs) -> Article:
    article = clean_document(text, **kwargs)
    assert_consistent(article)
    return article


def kinds(article: Article) -> list[BlockKind]:
    return [b.kind for b in article.blocks]


def texts(article: Article, kind: BlockKind | None = None) -> list[str]:
    return [article.block_text(b) for b in article.blocks if kind is None or b.kind is kind]


# ---- entities --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "He called it a & quot;red line& quot; on Monday.",
            'He called it a "red line" on Monday.',
        ),
        ("The &#8220;safe zone&#8221; plan.", "The “safe zone” plan."),
        ("Turkey&#x2019;s army moved.", "Turkey’s army moved."),
        ("Turkey&#39s army moved.", "Turkey's army moved."),
        ("a &quot;buffer&quot zone", 'a "buffer" zone'),
        ("the &amp;quot;last stand&amp;quot; of rebels", 'the "last stand" of rebels'),
        ("the &amp;amp;#39;word&amp;amp;#39;", "the 'word'"),
        ("the &mdash; dash and &hellip; end", "the — dash and … end"),
        ("it was complicit,quot; in the killing", 'it was complicit" in the killing'),
        ("Zakaria said& # 8217;s plan", "Zakaria said’s plan"),
        ("& # 39;Breakpoint& # 39; is near", "'Breakpoint' is near"),
    ],
)
def test_broken_entities_repaired(raw: str, expected: str) -> None:
    article = clean(raw)
    assert article.text == expected
    assert {r.kind for r in article.repairs} >= {"entity"}


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and Q&A sessions and R&D budgets stayed as written.",
        "See https://example.com/map?lang=en&region=idlib&amp=1x for the map.",
        "Prices rose 5% & costs rose more; analysts said so.",
        "Fewer than <40% of shelters and <3 hospitals work, he said.",
        "He said [the regime] had fired first [1], which was [sic] untrue.",
        "“Correct curly quotes” stay, and ‘single ones’ too… as do ellipses . . . like this.",
        "Scholars write Maʿarrat al-Nuʿmān and Ḥamāh; Arabic: معرة النعمان. Persian: می‌خواهم.",
        "Temperatures fell to −5 °C; the Lira lost 3.5% (≈ $1.2bn) — a record.",
    ],
)
def test_text_that_must_survive_untouched(text: str) -> None:
    article = clean(text)
    assert article.text == text
    assert article.repairs == ()


# ---- mojibake -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ErdoÄŸan met Ä°lham in Ä°stanbul.", "Erdoğan met İlham in İstanbul."),
        ("The ÅŸehir of KahramanmaraÅŸ.", "The şehir of Kahramanmaraş."),
        ("Ã‡avuÅŸoÄŸlu said the sÄ±nÄ±r was closed.", "Çavuşoğlu said the sınır was closed."),
        ("GÃ¼l and Ã–zgÃ¼r agreed.", "Gül and Özgür agreed."),
        ("Turkeyâ€™s â€œplanâ€\x9d failed.", "Turkey’s “plan” failed."),
        ("The cafÃ© in MÃ¼nster.", "The café in Münster."),
        ("ÃƒÂ¼ber-double ErdoÃ„Å¸an.", "über-double Erdoğan."),
        ("Ø¨Ø´Ø§Ø± Ø§Ù„Ø£Ø³Ø¯ said.", "بشار الأسد said."),
        ("KÄ±lÄ±Ã§daroÄŸlu visited Å\x9eanlÄ±urfa.", "Kılıçdaroğlu visited Şanlıurfa."),
        ("TurkeyÃ¢â‚¬â„¢s plan, 3Â million people.", "Turkey’s plan, 3 million people."),
        # cp1252 has no character for the last byte of ”: a decoder put U+FFFD there
        (
            "â€œWe have nowhere left to go,â€\ufffd he said.",
            "“We have nowhere left to go,” he said.",
        ),
        ("They said â€œnoâ€\ufffd.", "They said “no”."),
    ],
)
def test_mojibake_repaired(raw: str, expected: str) -> None:
    article = clean(raw)
    assert article.text == expected
    assert any(r.kind == "mojibake" for r in article.repairs)


@pytest.mark.parametrize(
    "raw",
    [
        "Ã\ufffdlvaro Uribe said.",  # Á, Í, Ï or Ý: a byte lost, no way to tell
        "Ø§Ù\ufffd word.",  # ف or a vowel mark
        "A replacement \ufffd character alone.",
    ],
)
def test_ambiguous_lossy_mojibake_is_left_alone(raw: str) -> None:
    assert "\ufffd" in clean(raw).text


# ---- controls, escapes, invisible characters, spaces -----------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Red \x1b[31malert\x1b[0m today.", "Red alert today."),
        ("Title\x1b]0;pwned\x07 here.", "Title here."),
        ("A \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ here.", "A link here."),
        ("Sixel\x1bPq#0;2;0;0;0~~\x1b\\ gone.", "Sixel gone."),
        ("C1 \x9b31mcsi\x9b0m and \x9d0;osc\x9c end.", "C1 csi and end."),
        ("Bidi \u202etxet\u202c and \u2066iso\u2069 marks\u200f.", "Bidi txet and iso marks."),
        (
            "zero\u200bwidth soft\u00adhyphen word\u2060joiner \ufeffbom",
            "zerowidth softhyphen wordjoiner bom",
        ),
        ("NUL\x00 and BEL\x07 and DEL\x7f gone.", "NUL and BEL and DEL gone."),
        ("3\u00a0million and 4\u202f000 and 5\u2009km\tfar", "3 million and 4 000 and 5 km far"),
        ("CRLF line one.\r\nline two.\rline three.", "CRLF line one.\n\nline two.\n\nline three."),
    ],
)
def test_controls_and_spaces(raw: str, expected: str) -> None:
    article = clean(raw)
    assert article.text == expected
    assert all(ch == "\n" or ch >= " " for ch in article.text)


# ---- HTML ---------------------------------------------------------------------------------------


def test_html_left_in_text() -> None:
    raw = (
        "<p>First paragraph with <b>bold</b> and <a href='x'>a link</a>.</p>"
        "<!-- tracking --><script>alert('x<y>')</script><style>p{}</style>"
        "<p>Second line<br>third line, with fewer than <40% left.</p>"
    )
    article = clean(raw)
    assert texts(article) == [
        "First paragraph with bold and a link.",
        "Second line",
        "third line, with fewer than <40% left.",
    ]
    html = {r.raw for r in article.repairs if r.kind == "html"}
    assert {"<b>", "</b>", "<!-- tracking -->", "<style>p{}</style>", "<br>"} <= html
    assert "<script>alert('x<y>')</script>" in html


def test_html_document_fixture() -> None:
    doc = read_document(DATA / "guardian_style.html")
    assert isinstance(doc, RawDocument) and doc.is_html
    article = clean(doc.text, is_html=True)
    assert article.title == "Thousands flee Idlib as bombing intensifies"
    assert kinds(article)[:2] == [BlockKind.TITLE, BlockKind.PARAGRAPH]
    assert texts(article, BlockKind.HEADING) == ["A camp with no room"]
    assert article.source == "The Guardian"
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2019, 12, 24) and not article.date_inferred
    assert "Omar Haj Kadour/AFP via Getty Images" in article.photo_credit
    text = article.text
    assert "Tens of thousands of people have fled southern Idlib in the past week" in text
    assert "“We left everything,” said Umm Ahmad, 41." in text
    assert "Fewer than <40% of shelters have heating, according to the UN’s figures" in text
    assert "AT&T engineers are not involved." in text
    for gone in [
        "window.guardian",
        "color: red",
        "World",
        "ad slot",
        "Related",
        "explained",
        "All rights reserved",
        "Displaced Syrians near",
        "<",
        "&",
    ][:-2]:
        assert gone not in text, gone


# ---- editorial debris -----------------------------------------------------------------------


def test_leading_date_metadata_and_doubled_initials() -> None:
    article = clean(
        "date 2020-03-05 Fighting resumed near Saraqeb, aAccording to monitors.\n\n"
        "tThe ceasefire collapsed within hours. OOfficials said so."
    )
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2020, 3, 5) and not article.date_inferred
    assert article.text == (
        "Fighting resumed near Saraqeb, according to monitors.\n\n"
        "The ceasefire collapsed within hours. Officials said so."
    )


def test_machine_translation_leftovers_and_orphan_quotes() -> None:
    article = clean(
        f"{BODY}\n\nThe army said it would continue, he said. additional.\n\n"
        "Aid workers spoke of a disaster without end ”.\n\n"
        "The talks in the U.S. and the U.K. ended. Nobody signed at 5 p.m. today."
    )
    assert texts(article) == [
        BODY,
        "The army said it would continue, he said.",
        "Aid workers spoke of a disaster without end.",
        "The talks in the U.S. and the U.K. ended. Nobody signed at 5 p.m. today.",
    ]
    assert {r.kind for r in article.repairs} >= {"debris"}


def test_quotes_followed_by_lowercase_attribution_survive() -> None:
    text = f'{BODY}\n\n"We will stay," he said. "Stop!" she shouted.\n\n"Go now!" he said.'
    assert clean(text).text == text


@pytest.mark.parametrize(
    ("trailer", "source"),
    [
        ("Source: Al Jazeera and news agencies", "Al Jazeera"),
        ("SOURCE: TRT World", "TRT World"),
        ("Source: Enab Baladi", "Enab Baladi"),
        ("Source: Syria Weekly Monitor", "Syria Weekly Monitor"),
        ("© 2020 Reuters. All rights reserved.", "Reuters"),
        ("Copyright 2019 The Associated Press. All rights reserved.", "Associated Press"),
    ],
)
def test_source_trailers_and_copyright(trailer: str, source: str) -> None:
    article = clean(f"{BODY}\n\nA second paragraph follows here, as usual.\n\n{trailer}")
    assert article.source == source
    assert trailer not in article.text
    assert article.text.endswith("as usual.")


@pytest.mark.parametrize(
    "footer",
    [
        "Follow us on Twitter @example",
        "Like Al Jazeera on Facebook",
        "Sign up for our daily newsletter",
        "Read more: Syria's war explained",
        "Share this article",
        "Advertisement",
        "Reporting by Jane Doe; Editing by John Roe",
        "Additional reporting by Sara Ahmed in Beirut.",
        "The views expressed in this article are the author's own.",
    ],
)
def test_promo_and_social_footers(footer: str) -> None:
    article = clean(f"{BODY}\n\nA second paragraph follows here, as usual.\n\n{footer}")
    assert footer not in article.text
    assert len(article.blocks) == 2


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        (
            "Rescuers search the rubble in Ariha. (Photo: Omar Haj Kadour/AFP)",
            "Omar Haj Kadour/AFP",
        ),
        ("Families flee on foot. (AP Photo/Ghaith Alsayed)", "Ghaith Alsayed"),
        ("A boy in a camp near Atmeh. Photograph: Khalil Ashawi/Reuters", "Khalil Ashawi/Reuters"),
        ("Smoke rises over Idlib (Video: Radio Fresh via Storyful)", "Radio Fresh via Storyful"),
        ("© Anas Alkharboutli / dpa", "Anas Alkharboutli / dpa"),
        ("Photo: AFP", "AFP"),
        ("Image copyright Getty Images", "Getty Images"),
    ],
)
def test_captions_and_credits(caption: str, credit: str) -> None:
    article = clean(f"{caption}\n\n{BODY}\n\nA second paragraph follows here, as usual.")
    assert caption not in article.text
    assert credit in article.photo_credit
    assert article.text.startswith("The convoy reached")


def test_datelines_are_recorded_and_removed() -> None:
    for raw, place, source in [
        ("BEIRUT — " + BODY, "BEIRUT", ""),
        ("DAMASCUS, Syria (AP) — " + BODY, "DAMASCUS, Syria", "Associated Press"),
        ("AMMAN (Reuters) - " + BODY, "AMMAN", "Reuters"),
        ("Istanbul (AFP) - " + BODY, "Istanbul", "Agence France-Presse"),
    ]:
        article = clean(raw + "\n\nA second paragraph follows here, as usual.")
        assert article.dateline == place
        # an agency's tag names the copy's agency, and with no other publisher named, the outlet
        assert (article.agency, article.source) == (source, source)
        assert article.text.startswith("The convoy reached")
        assert any(r.kind == "metadata" and r.note == "dateline" for r in article.repairs)


def test_byline_and_published_line() -> None:
    article = clean(
        "Rebels retake town in Idlib\n\nBy Sarah El Deeb and Zeina Karam\n\n"
        "Published December 28, 2019\n\n" + BODY + "\n\nA second paragraph, as usual."
    )
    assert article.title == "Rebels retake town in Idlib"
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2019, 12, 28) and not article.date_inferred
    assert "Published" in article.date_evidence
    assert texts(article) == ["Rebels retake town in Idlib", BODY, "A second paragraph, as usual."]


# ---- subheadings versus related links -------------------------------------------------------


def test_wapo_style_fixture() -> None:
    article = clean((DATA / "wapo_style.txt").read_text("utf-8"))
    assert article.source == "The Washington Post"
    assert article.title.startswith("Turkey and Russia agree on new cease-fire")
    assert article.dateline == "BEIRUT"
    assert "Aaref Watad/AFP/Getty Images" in article.photo_credit
    assert texts(article, BlockKind.HEADING) == []
    for gone in [
        "Why Idlib matters",
        "10th year",
        "Will it hold",
        "running out of road",
        "coverage from Post",
        "Facebook",
        "Displaced families arrive",
    ]:
        assert gone not in article.text, gone
    assert article.text.endswith(
        "Residents of Idlib described a night of quiet for the first time in weeks."
    )


def test_aljazeera_style_fixture() -> None:
    article = clean((DATA / "aljazeera_style.txt").read_text("utf-8"))
    assert article.source == "Al Jazeera"
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2020, 2, 10)
    assert texts(article, BlockKind.HEADING) == ["'Worst crisis'"]
    assert "Erdoğan" in article.text and "İstanbul" in article.text
    assert '"heavy price"' in article.text and '"without hesitation"' in article.text
    assert "Turkey's defence ministry" in article.text
    assert "Source" not in article.text


def test_reuters_style_fixture() -> None:
    article = clean((DATA / "reuters_style.txt").read_text("utf-8"))
    assert article.source == "Reuters"
    assert article.dateline == "AMMAN"
    assert article.text.startswith("Syrian government forces backed by Russian air power")
    assert "Reporting by" not in article.text
    assert article.text.endswith("with Russia and Iran.")


def test_translated_style_fixture() -> None:
    article = clean((DATA / "translated_style.txt").read_text("utf-8"))
    assert texts(article, BlockKind.HEADING) == ['"Nowhere left to go"', "Schools as shelters"]
    assert "according to the UN" in article.text
    assert "lose their education." in article.text
    assert "additional" not in article.text
    assert article.text.endswith("the official said.")


def test_bbc_style_fixture() -> None:
    article = clean((DATA / "bbc_style.txt").read_text("utf-8"))
    assert article.title == "Syria war: Civilians flee as government forces advance in Idlib"
    assert article.source == "BBC"  # the broadcaster; "BBC News" is an alias
    assert "Getty Images" in article.photo_credit
    assert texts(article)[1].startswith("Tens of thousands of civilians")
    assert article.text.endswith("needs were growing rapidly.")


def test_subheading_needs_following_body() -> None:
    para = "Fighting went on through the night in the villages south of the city, residents said."
    # A short line followed by a paragraph that develops it: subheading.
    a = clean(f"{para}\n\nA night of shelling\n\nThe shelling of the night hit three villages.")
    assert texts(a, BlockKind.HEADING) == ["A night of shelling"]
    # Short lines at the very end: related links, never subheadings.
    b = clean(f"{para}\n\n{BODY}\n\nTurkey warns Russia over Idlib\n\nWhat is the Sochi deal?")
    assert texts(b) == [para, BODY]
    # A long headline of another story mid-text: a related link. (Not the same paragraph on
    # both sides: a paragraph above a headline and again below it is a teaser, issue 13.)
    c = clean(
        f"{para}\n\nRussia and Turkey strike a deal to create a buffer zone in northern Syria "
        f"after talks in Sochi\n\n{BODY}"
    )
    assert texts(c) == [para, BODY]


# ---- nothing to repair ------------------------------------------------------------------------


def test_clean_text_is_unchanged() -> None:
    text = (
        "Syrian forces advanced on Monday, monitors said.\n\n"
        "“We have nowhere to go,” said Umm Khaled, 52, who fled Maarat al-Numan.\n\n"
        "The UN said 3 million people live in Idlib; about 1 million are children."
    )
    article = clean(text)
    assert article.text == text
    assert article.repairs == ()
    assert kinds(article) == [BlockKind.PARAGRAPH] * 3
    assert article.title == "Syrian forces advanced on Monday, monitors said"


def test_never_raises_on_odd_input() -> None:
    for raw in [
        "",
        " ",
        "\n\n\n",
        "\x00",
        "&",
        "&#;",
        "&#99999999;",
        "&#xD800;",
        "<",
        "<p",
        "\ud800",
        "Ã",
        "date 2019-13-45 x",
        "\x1b[",
        "\x1b]0;",
        "a" * 10000,
    ]:
        article = clean(raw)
        assert all(ch == "\n" or ch >= " " for ch in article.text)


# ---- further families ---------------------------------------------------------------------------


def test_hard_wrapped_paragraphs_are_joined() -> None:
    para1 = (
        "Syrian government forces backed by Russian air power advanced deeper into Idlib "
        "province on Tuesday, capturing several villages south of the city of Maarat al-Numan, "
        "rebels and a war monitor said on Tuesday evening."
    )
    para2 = (
        "The Syrian Observatory for Human Rights said at least 14 civilians were killed in air "
        "strikes on the town of Ariha and nearby villages, where thousands of people had taken "
        "shelter in schools and mosques."
    )
    import textwrap

    # (the third and fourth differ from the first two: a page's text printed twice goes)
    para3, para4 = para1.replace("Tuesday", "Wednesday"), para2.replace("14", "16")
    raw = "\n\n".join(textwrap.fill(p, width=72) for p in [para1, para2, para3, para4])
    article = clean(raw)
    assert texts(article) == [para1, para2, para3, para4]
    assert any(r.note == "hard line wrap" for r in article.repairs)


def test_read_more_lists_are_dropped() -> None:
    article = clean(
        f"{BODY}\n\nRead more:\nTurkey warns Russia over Idlib\nWhat is the Sochi deal?\n\n"
        "Aid groups said the camps were full and more people were arriving every day."
    )
    assert texts(article) == [
        BODY,
        "Aid groups said the camps were full and more people were arriving every day.",
    ]


def test_outlet_name_alone_at_top_is_a_masthead() -> None:
    article = clean(f"Al Jazeera\n\nTurkey sends more troops to Idlib\n\n{BODY}\n\n{BODY}")
    assert article.source == "Al Jazeera"
    assert article.title == "Turkey sends more troops to Idlib"
    assert "Al Jazeera" not in article.text


def test_byline_naming_an_agency_gives_the_outlet() -> None:
    article = clean(f"By Reuters Staff\n\n{BODY}\n\nA second paragraph follows here, as usual.")
    assert article.source == "Reuters"
    assert article.text.startswith(BODY)


def test_generic_source_is_not_an_outlet() -> None:
    article = clean(
        f"{BODY}\n\nA second paragraph follows here, as usual.\n\nSource: News agencies"
    )
    assert article.source == ""
    assert "Source" not in article.text


def test_dateline_with_a_date() -> None:
    article = clean(f"IDLIB, Syria, Dec 28 (Reuters) - {BODY}\n\nA second paragraph, as usual.")
    assert article.dateline.startswith("IDLIB")
    assert (article.agency, article.source) == ("Reuters", "Reuters")
    assert article.text.startswith("The convoy reached")


def test_html_time_element_gives_the_date() -> None:
    raw = (
        "<html><body><article><h1>Idlib talks</h1><time datetime='2020-03-05T10:00'>March 5"
        f"</time><p>{BODY}</p><p>A second paragraph, as usual.</p></article></body></html>"
    )
    article = clean(raw, is_html=True)
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2020, 3, 5) and not article.date_inferred
    assert article.title == "Idlib talks"


def test_word_tags_and_entities_before_letters() -> None:
    article = clean("He said<o:p></o:p> &quotWe stay&quot and left.")
    assert article.text == 'He said "We stay" and left.'


def test_straight_orphan_quote() -> None:
    article = clean(f'{BODY}\n\nThe shelling moved away from the military escalation ".')
    assert texts(article)[1] == "The shelling moved away from the military escalation."
    text = f'{BODY}\n\nHe called it "a disaster".'
    assert clean(text).text == text


def test_separator_and_share_lines() -> None:
    article = clean(
        f"{BODY}\n\n* * *\n\nA second paragraph follows here, as usual.\n\n"
        "Facebook Twitter WhatsApp Email\n\nShare | Tweet | Print"
    )
    assert texts(article) == [BODY, "A second paragraph follows here, as usual."]


def test_html_title_without_h1_drops_site_suffix() -> None:
    raw = (
        "<html><head><title>Aid convoy reaches Idlib | World | Al Jazeera</title></head>"
        f"<body><p>{BODY}</p><p>A second paragraph, as usual.</p></body></html>"
    )
    article = clean(raw, is_html=True)
    assert article.title == "Aid convoy reaches Idlib"
    assert kinds(article) == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_many_families_at_once() -> None:
    article = clean((DATA / "aljazeera_messy.txt").read_text("utf-8"))
    assert article.title == "Turkey's Erdoğan vows to push back Syrian forces in Idlib"
    assert article.source == "Al Jazeera"
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2020, 2, 12) and not article.date_inferred
    assert article.dateline == "ANKARA, Turkey"
    assert "Aaref Watad/AFP" in article.photo_credit
    assert texts(article, BlockKind.HEADING) == ["What is at stake?"]
    assert "3.6 million Syrian refugees" in article.text
    assert "\u200b" not in article.text and "<p>" not in article.text
    assert article.text.endswith("Turkey had failed to meet its obligations.")
    for gone in [
        "Al Jazeera",
        "By ",
        "Published",
        "Displaced Syrians",
        "51 Syrian soldiers",
        "so important",
        "Twitter",
        "SOURCE",
        "&",
    ]:
        assert gone not in article.text, gone


def test_bracketed_text_that_is_not_a_credit_survives() -> None:
    text = f"{BODY}\n\nHe said the offensive [on Idlib] would go on [1].\n\nThey left [sic]"
    assert clean(text).text.startswith(
        f"{BODY}\n\nHe said the offensive [on Idlib] would go on [1]."
    )


def test_more_trailers_and_leads() -> None:
    article = clean(
        f"2020-01-05 {BODY}\n\nRelated: Turkey warns Russia over Idlib\n\n"
        "A second paragraph follows here, as usual.\n\nSource: Anadolu Agency\n\n"
        "Copyright © 2020 Anadolu Agency\n\nFollow us on Twitter\n\nShare this article\n\n"
        "Sign up for our newsletter\n\nAdvertisement"
    )
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2020, 1, 5) and not article.date_inferred
    assert article.source == "Anadolu Agency"
    assert texts(article) == [BODY, "A second paragraph follows here, as usual."]


def test_acronyms_are_not_datelines() -> None:
    text = f"UN - the world body said on Monday that {BODY[4:]}\n\nA second paragraph, as usual."
    article = clean(text)
    assert article.dateline == ""
    assert article.text == text


def test_inline_published_date_and_capitalised_leftovers() -> None:
    article = clean(f"Published December 28, 2019 {BODY}\n\nHe left the city, he said. Additional.")
    article = date_article(article)  # the annotator judges the date
    assert article.date == dt.date(2019, 12, 28) and not article.date_inferred
    assert texts(article) == [BODY, "He left the city, he said."]


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir()))
def test_fixtures_are_idempotent_with_the_same_blocks(name: str) -> None:
    first = clean((DATA / name).read_text("utf-8"), is_html=name.endswith(".html"))
    again = clean(first.text)
    assert again.text == first.text
    assert kinds(again) == kinds(first)
