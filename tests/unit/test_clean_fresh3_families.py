"""Families of page chrome and lost text seen on the third set of unseen pages (issue 13):
uncredited captions, widget and form lines, related-post labels, template debris, chrome taken
for the title; and real text taken for junk (an export's last words cut mid-word, a "By …"
sentence read as a byline, a paragraph of report ending with a credit, a gallery's captions).
Fixtures are written for these tests (paraphrased patterns, no page text)."""

from __future__ import annotations

import pytest

from idlibtui.model import Article
from tests.unit.clean_checks import clean, flags, removed

HEAD = "Aid convoy reaches the besieged valley town"
ONE = (
    "A convoy of twenty lorries carrying flour and medicine reached the besieged valley town "
    "on Tuesday, the local council said, the first delivery in three months."
)
TWO = "Residents queued in the rain outside the council building as the lorries were unloaded."
END = "The council said a second convoy was expected before the end of the month."


def page(*middle: str, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([HEAD, ONE, *middle, TWO, END, *tail])


def assert_prose_kept(article: Article) -> None:
    for line in (ONE, TWO, END):
        assert line in article.text
    assert article.title == HEAD


# ---- real text that looked like junk: kept ---------------------------------------------------


@pytest.mark.parametrize(
    "last",
    [
        "Government troops adva",  # the export stopped mid-word; "advanced" is spelt out below
        "It remai",  # a sentence's pronoun subject, then a cut word
        "Asked about t",  # a stray letter
    ],
)
def test_an_export_cut_mid_word_keeps_its_last_words(last: str) -> None:
    text = page(
        "Government troops advanced on the ridge above the town overnight, the council said."
    )
    article = clean(text + "\n\n" + last)
    assert_prose_kept(article)
    assert article.text.endswith(last)
    assert "truncated text (kept)" in flags(article)


@pytest.mark.parametrize("label", ["Tagged under", "Notify of", "News Team", "View all posts"])
def test_a_short_label_at_the_foot_still_goes(label: str) -> None:
    article = clean(page() + "\n\n" + label)
    assert_prose_kept(article)
    assert label not in article.text


def test_a_sentence_opening_with_by_is_no_byline() -> None:
    last = "By Thursday, the remaining families in the eastern"
    article = clean(page() + "\n\n" + last)
    assert last in article.text
    assert removed(article).get(last) != "byline"


@pytest.mark.parametrize(
    "byline", ["By Jane Marlow", "By Omar al-Haddad in Beirut", "By Jane Marlow and Sami Kaya"]
)
def test_a_writers_name_after_by_is_still_a_byline(byline: str) -> None:
    article = clean("\n\n".join([HEAD, byline, ONE, TWO, END]))
    assert_prose_kept(article)
    assert removed(article).get(byline) == "byline"


def test_a_paragraph_of_report_ending_with_a_credit_loses_only_the_credit() -> None:
    para = (
        "Others have reported that the pumping station stopped working last week. The agency "
        "could not independently verify the station's state."
    )
    article = clean(page(para + " Credit: Valley Media Office via Newsclip"))
    assert_prose_kept(article)
    assert para in article.text
    assert "Valley Media Office" not in article.text


def test_a_gallery_keeps_its_captions_without_their_credits() -> None:
    captions = [
        "A boy carries a sack of flour past a damaged school in the valley town in this handout "
        "picture provided by the council on March 3, 2021. REUTERS/Council/Handout via Reuters",
        "Women wait beside a lorry loaded with medicine in the valley town in this handout "
        "picture provided by the council on March 3, 2021. REUTERS/Council/Handout via Reuters",
        "A council worker checks a list of names at the entrance of a shelter in this handout "
        "picture provided by the council on March 3, 2021. REUTERS/Council/Handout via Reuters",
    ]
    captions.insert(
        1,
        "Smoke over the valley town is seen in this still image from an undated video, March 2, "
        "2021. Social Media Website",
    )
    text = "\n\n".join([HEAD, *captions, "Reuters / Wednesday, March 3, 2021"])
    article = clean(text)
    assert article.title == HEAD
    for caption in captions:
        assert caption.split(" REUTERS")[0].split(" Social")[0] in article.text
    assert "Handout via Reuters" not in article.text
    assert "Social Media Website" not in article.text
    assert "possible boilerplate (a caption; the page is a gallery)" in flags(article)


def test_captions_in_a_report_still_go() -> None:
    caption = (
        "A boy carries a sack of flour past a damaged school in this handout picture provided "
        "by the council on March 3, 2021. REUTERS/Council/Handout via Reuters"
    )
    article = clean(
        page(caption, caption.replace("A boy", "A girl"), caption.replace("boy", "man"))
    )
    assert_prose_kept(article)
    assert "sack of flour" not in article.text


# ---- captions without a credit line -----------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        # the picture's place and day close a sentence that reports nothing
        "A boy walks past a burned lorry on the main road of the valley town, Syria, 4 May 2021.",
        "Volunteers unload sacks of flour near the council building in Marwa, Syria May 4, 2021.",
        # the caption names its own picture
        "In this photo released on Friday by the local council, shows volunteers unloading the "
        "lorries in the town square.",
        # a picture page's credit: the outlet's name after a dash
        "A tank with a flag near the village of Marwa in the valley - Sputnik International",
        # a credit in brackets, then a full stop
        "Volunteers on the main road of the valley town, 4 May 2021, (Photo: Valley Press).",
        # a wire picture number after the credit
        "A man repairs a water pipe in the valley town, Syria, May 4, 2021. The council has said "
        "the town has had no water for a week. REUTERS/Jane Doe - RTS4XY9",
        # a scene closing on its place and country
        "Volunteers carry sacks of flour near a damaged bakery west of Marwa town, Syria.",
        # a map's key
        "Front lines in the valley. Dark Red: government; Light Green: rebels; Grey: disputed.",
        # the picture's day, then what it shows happening
        "Volunteers near the bakery of Marwa on May 4, 2021, during a delivery of flour to the "
        "town.",
    ],
)
def test_an_uncredited_caption_between_paragraphs_goes(caption: str) -> None:
    article = clean(page(caption))
    assert_prose_kept(article)
    assert caption[:30] not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Government forces captured the valley town, Syria, March 27, 2016.",
        "Fighting resumed in the valley on Tuesday, May 4, 2021.",
        "Rebels pulled out of the town on March 26, 2016.",
        "The council said the convoy reached Marwa, Syria, 4 May 2021.",
        "Shelling hit the town again in the afternoon - Sputnik International reported it first.",
        "The convoy was stopped at a checkpoint outside Marwa, Syria.",
        "Talks in the capital on March 26, 2016, ended without a deal.",
        "Rebels near Marwa on May 4, 2021, as the lorries arrived, fired into the air.",
        "Residents said the bakery near the square in Marwa, Syria.",
    ],
)
def test_a_sentence_of_report_ending_with_a_day_stays(line: str) -> None:
    article = clean(page(line))
    assert_prose_kept(article)
    assert line in article.text


def test_a_caption_glued_to_the_head_of_a_paragraph_is_cut_from_it() -> None:
    caption = "A girl waits beside sacks of flour in the valley town, Syria, 4 May 2021."
    article = clean("\n\n".join([caption + " " + ONE, TWO, END]))
    assert ONE in article.text and TWO in article.text
    assert "sacks of flour" not in article.text
    assert removed(article)[caption] == "photo caption opening a paragraph"
    assert not article.title.startswith("A girl")


def test_a_map_caption_and_its_glued_agency_are_cut_from_the_paragraph() -> None:
    article = clean(
        page(
            "Map of the valley locating the convoy route. AFP"
            + TWO.replace("Residents", "Many residents")
        )
    )
    assert "Many residents queued in the rain" in article.text
    assert "Map of the valley" not in article.text


# ---- the page's interface: forms, navigation, counters, labels, templates ---------------------


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("Please enter your comment!", "form message"),
        ("Please type your name here", "form message"),
        ("Thank you for subscribing.", "form message"),
        ("This is a breaking story. Refresh the page later for more.", "update notice"),
        ("You are here: Home » World", "navigation"),
        ("Back to home page", "navigation"),
        ("RSS", "navigation"),
        ("No comments:", "widget counter"),
        ("Article ID: 4417", "widget counter"),
        ("Updated:", "empty label"),
        ("Related stories from this section:", "related-posts label"),
        ("[banner_2]", "template placeholder"),
        ("%d readers like this:", "template placeholder"),
        ('string(88) "[{"id":"12","title":"Another story"}]"', "template placeholder"),
        ("– Video of the convoy entering the valley town", "embed label"),
        ("#URGENT: reports of shelling near the valley town", "embedded post"),
        (">> Why the valley matters: subscribe to our weekly briefing", "promo or social footer"),
        ("Get the latest news from the region, live blogs and analysis.", "site tagline"),
        ("- Al Jazeera", "site name"),
        ("valley-convoy-reportNEWS DESK", "page slug"),
        ("May 04, 18:20 UTC+3 MARWA", "page clock"),
    ],
)
def test_an_interface_line_goes(line: str, note: str) -> None:
    article = clean(page(line))
    assert_prose_kept(article)
    assert removed(article).get(line) == note


def test_a_sign_up_box_goes_with_the_lines_that_speak_to_the_reader() -> None:
    box = [
        "Please enter a valid email address",
        "Please wait…",
        "You are now on our list of readers.",
        "Oops. Something went wrong.",
        "Please try again later.",
    ]
    article = clean(page(*box))
    assert_prose_kept(article)
    for line in box:
        assert line not in article.text


def test_a_ticker_of_headlines_goes() -> None:
    ticker = (
        "Floods cut the coast road • Ministers meet on grain prices • Port reopens after strike "
        "• Cup final moved to Sunday"
    )
    article = clean(page(ticker))
    assert_prose_kept(article)
    assert "Floods cut" not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Please note that the council's figures could not be checked.",  # prose to the reader
        "Thank you, the governor told the volunteers as the lorries left.",
        "More than forty families returned to the town on Sunday.",
        "Updated figures from the council showed 12 people were hurt.",
        "Related families in the camp were moved north, the council said.",
    ],
)
def test_prose_that_looks_like_an_interface_line_stays(line: str) -> None:
    article = clean(page(line))
    assert_prose_kept(article)
    assert line in article.text


def test_a_text_size_widget_after_the_date_line_goes_and_the_date_stays() -> None:
    article = clean("\n\n".join([HEAD, "Xinhua, December 13, 2015 Adjust font size:", ONE, TWO]))
    assert "font size" not in article.text
    assert any(c.date.isoformat() == "2015-12-13" for c in article.date_claims)


@pytest.mark.parametrize("line", ["Jane Marlow", "Omar al-Haddad", "WASHINGTON"])
def test_a_name_or_city_alone_under_the_headline_goes(line: str) -> None:
    article = clean("\n\n".join([HEAD, line, ONE, TWO, END]))
    assert_prose_kept(article)
    assert line not in article.text


@pytest.mark.parametrize("line", ["The Road North", "What Comes Next"])
def test_a_subheading_under_the_headline_with_a_short_line_after_it_stays(line: str) -> None:
    article = clean("\n\n".join([HEAD, line, "The lorries left at dawn.", ONE, TWO, END]))
    assert line in article.text


# ---- another story inserted under its own heading ---------------------------------------------

LONG = [
    "Government forces shelled the besieged valley town for a third day on Monday, the local "
    "council said, and the road to the north stayed closed to aid lorries.",
    "The council said flour and medicine were running out and that families were sheltering in "
    "basements as the shelling went on through the night.",
    "A spokesman for the government said its forces were targeting armed groups in the valley "
    "and denied that homes had been hit.",
    "Doctors at the only clinic still open described operating by torchlight after generators "
    "ran dry, while volunteers dug through rubble searching for neighbours.",
    "Negotiations over a local truce collapsed last month when mediators failed to agree on "
    "evacuation routes for wounded fighters and civilians.",
]


def test_another_story_under_its_own_heading_goes() -> None:
    spam_head = "Midfield duel decides the cup semi-final"
    spam = (
        "Throughout the opening half the visiting striker looked the likeliest player to unlock "
        "a stubborn defence, yet the match produced poor finishing, wasteful corners and two "
        "efforts that rattled the crossbar before the break, much to the supporters' dismay."
    )
    article = clean("\n\n".join([HEAD, *LONG[:2], spam_head, spam, *LONG[2:]]))
    for line in LONG:
        assert line in article.text
    assert spam_head not in article.text and spam not in article.text


@pytest.mark.parametrize(
    ("heading", "para"),
    [
        (
            "Hundreds flee",
            "Hundreds of families left the valley overnight on foot, carrying what they could, "
            "and walked toward the northern border crossing.",
        ),
        (
            "A long winter",
            "Aid workers fear the coming months, with fuel scarce and shelters already full in "
            "the camps along the northern border, the council said.",
        ),
    ],
)
def test_a_subheading_of_the_report_stays(heading: str, para: str) -> None:
    article = clean("\n\n".join([HEAD, *LONG[:2], heading, para, *LONG[2:]]))
    assert heading in article.text and para in article.text


def test_a_caption_cut_from_a_paragraph_keeps_its_day_as_a_caption_claim() -> None:
    caption = "A girl waits beside sacks of flour in the valley town, Syria, 4 May 2021."
    article = clean("\n\n".join([caption + " " + ONE, TWO, END]))
    claims = [(c.date.isoformat(), c.source) for c in article.date_claims]
    assert ("2021-05-04", "caption") in claims


def test_a_page_printed_twice_keeps_one_copy() -> None:
    article = clean("\n\n".join([HEAD, *LONG, *LONG]))
    for line in LONG:
        assert article.text.count(line) == 1


def test_one_paragraph_said_again_is_kept() -> None:
    article = clean("\n\n".join([HEAD, *LONG, LONG[1]]))
    assert article.text.count(LONG[1]) == 2


# ---- no real text lost: prose that looks like junk, in every place it can stand ----------------

LOOKS_LIKE_JUNK = [
    "Rebels say they will not leave the valley without guarantees for their families.",
    '"We will stay until the last house is rebuilt," the mayor said.',
    "No one was hurt.",
    "It was the third attack on the market this week.",
    "Talks are due to resume in the capital on Monday",
    "The council's figures could not be verified independently",
    "Please, the woman said, let the lorries through.",
    "Thank you, he told the drivers, before the convoy left.",
    "More than forty families returned on Sunday.",
    "Pictures shared online showed smoke rising over the valley.",
    "By nightfall, the shelling had stopped.",
    "Updated figures showed twelve people were hurt.",
    "By Thursday, the families in the eastern quarter had left",
    "By the end of the week, the road had reopened",
]


@pytest.mark.parametrize("line", LOOKS_LIKE_JUNK)
@pytest.mark.parametrize("where", ["under the headline", "mid-text", "last"])
def test_prose_that_looks_like_junk_is_never_lost(line: str, where: str) -> None:
    body = [*LONG]
    if where == "under the headline":
        parts = [HEAD, line, *body]
    elif where == "mid-text":
        parts = [HEAD, *body[:2], line, *body[2:]]
    else:
        parts = [HEAD, *body, line]
    article = clean("\n\n".join(parts))
    for part in parts:
        assert part in article.text or part == article.title, part


@pytest.mark.parametrize("label", ["World", "Middle East"])
def test_a_section_label_between_the_headline_and_the_report_goes(label: str) -> None:
    article = clean("\n\n".join([HEAD, label, "Convoy reaches the town at last", *LONG]))
    assert label not in article.text.split("\n\n")
    assert article.title == HEAD
    for line in LONG:
        assert line in article.text


@pytest.mark.parametrize("credit", ["Reuters/R. Said", "REUTERS/Jane Marlow", "AFP/Omar Haddad"])
def test_a_wire_credit_in_the_agencys_order_goes_and_is_no_title(credit: str) -> None:
    article = clean("\n\n".join([credit, credit, *LONG]))
    assert credit not in article.text
    assert article.title != credit


def test_a_finished_caption_ending_the_text_goes() -> None:
    caption = "Volunteers near the bakery of Marwa on May 4, 2021, during a delivery of flour."
    article = clean("\n\n".join([HEAD, *LONG, caption]))
    assert caption not in article.text
    for line in LONG:
        assert line in article.text


@pytest.mark.parametrize("credit", ["Handout, AP", "Council handout via Reuters", ""])
def test_a_photo_page_keeps_its_one_caption_beside_a_headline_and_a_credit(credit: str) -> None:
    """A page that is a headline, one picture's caption and its credit says what it says in the
    caption: removing it as a caption leaves an article without text (kept, flagged)."""
    caption = (
        "This still from a video released on Tuesday, March 2, 2021 and provided by the council "
        "shows residents cheering as the first lorries of the convoy entered the valley town."
    )
    article = clean("\n\n".join(x for x in ("Joy in the valley town", caption, credit) if x))
    assert "residents cheering as the first lorries" in article.text
    assert "possible boilerplate (a caption; the page has no other text)" in flags(article)


def test_a_caption_beside_a_report_still_goes_however_short_the_report() -> None:
    caption = (
        "This still from a video released on Tuesday, March 2, 2021 and provided by the council "
        "shows residents cheering as the first lorries of the convoy entered the valley town."
    )
    article = clean("\n\n".join((HEAD, caption, ONE)))
    assert ONE in article.text
    assert "residents cheering" not in article.text
