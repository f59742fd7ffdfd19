"""Learnt page chrome (issue 13): the interface lines that recur across unrelated stories on many
sites, as phrases (``chrome_phrases.toml``) and shapes (``chrome_phrases.py``). Each family has
fixtures written for these tests (paraphrased, not copied from any page) and near-misses that
must stay: a report's sentence that holds the same words, a subheading, a date line."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from idlibtui.clean import clean_document
from idlibtui.clean.chrome_phrases import chrome_phrase_note, drop_learnt_chrome, normalise
from idlibtui.clean.lines import _Line
from idlibtui.model import BlockKind

CHROME = [
    # comment boxes, in several languages
    ("Two thoughts on “Night shelling in the northern villages”", "comment box"),
    ("No comments yet", "comment box"),
    ("Lascia un commento — il tuo indirizzo email non sarà pubblicato.", None),  # two widgets
    ("Il tuo indirizzo email non sarà pubblicato.", "comment box"),
    ("Ihre E-Mail-Adresse wird nicht veröffentlicht.", "comment box"),
    ("İlk yorum yazan siz olun", "comment box"),
    ("12 Kommentare", "comment box"),
    ("Fill in your details below or click an icon to log in:", "comment box"),
    # related and section labels
    ("Most read", "related-stories label"),
    ("Potrebbero interessarti anche:", "related-stories label"),
    ("الأكثر قراءة", "related-stories label"),
    ("Meistgelesen", "related-stories label"),
    ("More about:", "related-stories label"),
    ("Dünya", "site section label"),
    ("Middle East", "site section label"),
    # share, follow and app lines
    ("Şurada Paylaş!", "share or follow line"),
    ("Teilen", "share or follow line"),
    ("Download the Daily Courier app", "app promo"),
    ("Gelişmeleri kaçırmamak için Örnekhaber uygulamasını indirin", "app promo"),
    ("Share | Tweet | Email", "share or print buttons"),
    ("Print This Article | Email This Article |", "share or print buttons"),
    ("Previous", "page navigation"),
    ("Yazı Boyutu", "text-size buttons"),
    # player, browser, paywall and archive notices
    ("Your browser does not support the video tag.", "player or browser notice"),
    ("Loading AI tools", "player or browser notice"),
    ("This article is more than 4 years old", "archive notice"),
    ("Cet article est réservé aux abonnés", "paywall notice"),
    # encyclopedia copies
    ("(Redirected from Northern Syria offensive)", "encyclopedia page chrome"),
    ("Из Википедии, свободной энциклопедии", "encyclopedia page chrome"),
    # relative ages in other languages
    ("• vor 4 Jahren", "relative time"),
    ("il y a 2 ans", "relative time"),
    ("hace 3 días", "relative time"),
    ("5 anni fa", "relative time"),
    ("7 yıl önce", "relative time"),
    ("3 года назад", "relative time"),
    ("منذ 4 سنوات", "relative time"),
    # feed readers and blogs
    ("Viewing all articles", "feed furniture"),
    ("Browse latest Browse all 1203", "feed furniture"),
    ("View original post 412 more words", "feed furniture"),
    ("Showing posts from March 3, 2018", "feed furniture"),
    ("Category Archives: Middle East", "archive label"),
    ("- Play Storm floods coastal town", "playlist item"),
    # counters, labels, links
    ("Views: 1,204", "share or view counter"),
    ("Media ID: 4410231", "media id"),
    ("Topic | Northern front", "topic label"),
    ("More: Aid convoy reaches the camps - Example Daily", "related link"),
    ("Continua a leggere su Esempio.it", "read-more link"),
    (
        "To read the full story click here: https://example.com/2020/02/report.html",
        "read-more link",
    ),
    ("In Arabic", "language link"),
    ("Editör: Haber Merkezi", "newsroom byline"),
    ("expressive image", "image placeholder"),
    ("صورة تعبيرية", "image placeholder"),
    # the day the page was saved, and debris
    ("Today: Thursday, 9 May 2024", "page clock"),
    ("3f9a0c77be21d4e5a6b7c8d9e0f1a2b3 - Army enters the town", "image debris"),
    ("convoy_photo_02", "image debris"),
    ("Northern offensive map (2020).png", "image debris"),
    ("![](media/get/640/360/a1b2c3.jpg)", "image debris"),
    ("news/2019/10/09/army-enters-town-photo", "bare link"),
    ("www.examplenews.com", "bare link"),
    (
        "}.hdr{margin:0;padding:4px}.nav{display:none;color:#333}.x{float:left}",
        "code or image debris",
    ),
    ("Kommentare werden vor der Veröffentlichung moderiert und geprüft", "comment policy"),
    ("seven − 2 = ", None),
    ("− 2 = 5", "comment form sum"),
    ("1. Home", "breadcrumb"),
    ("Home > World > Middle East", "breadcrumb"),
    ("Anasayfa / Dünya / Ortadoğu", "breadcrumb"),
    ("[Click to enlarge]", "player or browser notice"),
]


@pytest.mark.parametrize(("line", "note"), [c for c in CHROME if c[1] is not None])
def test_learnt_chrome_line(line: str, note: str) -> None:
    assert chrome_phrase_note(line) == note


KEPT = [
    # sentences that hold the words of a widget
    "No comments on the ceasefire were made by officials in Ankara.",
    "Read more about the offensive, officials said the army advanced on Saraqib.",
    "Play resumed at the stadium after the shelling stopped, witnesses said.",
    "Watch towers along the border were reinforced, the ministry said.",
    "More than 70 people were treated for breathing problems.",
    "Today is the fourth day of the offensive in 2020, the monitor said.",
    "Today, Turkey said 33 soldiers were killed.",
    "Share prices fell in Istanbul as the fighting spread.",
    "Il y a 3 ans, la ville était encore aux mains des rebelles.",
    "Vor 4 Jahren wurde die Stadt zum ersten Mal bombardiert, sagte er.",
    # subheadings and labels of the report itself
    "Executive Summary",
    "Background",
    "Key Takeaway:",
    "Aleppo",
    "Who are the White Helmets?",
    # dates, figures and names on their own line
    "10/02/2020",
    "17 April 2024",
    "2,500 displaced",
    "1. Homes in the old city were destroyed",
    "Home / away: the displaced families' two addresses",
    "2 + 2 = 4 is what the teacher wrote on the board, the boy said.",
    "Manar al-Freih / Hazem Sabbagh",
    # what is left of a line of symbols is not a one-letter button
    "[x]\u00a0©",
    # a line far longer than any interface label
    "Most read stories this week were about the displaced families in the camps near the border,"
    " which aid groups said were running out of fuel, food and medicine for the winter.",
]


@pytest.mark.parametrize("line", KEPT)
def test_near_miss_stays(line: str) -> None:
    assert chrome_phrase_note(line) is None


def test_phrase_data_is_normalised_and_short() -> None:
    """Every phrase is written as :func:`normalise` writes it, and is a label, not a sentence."""
    text = resources.files("idlibtui.clean").joinpath("chrome_phrases.toml").read_text("utf-8")
    families = tomllib.loads(text)
    assert len(families) >= 10
    for name, family in families.items():
        assert family["note"], name
        for phrase in family["phrases"]:
            assert normalise(phrase) == phrase or normalise(phrase) == normalise(normalise(phrase))
            assert 1 <= len(phrase.split()) <= 16, phrase


def test_normalise_folds_case_digits_punctuation_and_marks() -> None:
    assert normalise("  Browse latest — Browse ALL 4970! ") == "browse latest browse all ####"
    assert normalise("اقرأ أيضاً") == normalise("اقرأ ايضا")
    assert normalise("Yorumlar") == "yorumlar"


def test_page_loses_learnt_chrome_and_keeps_its_report() -> None:
    one = "Government forces took the village of Tal Hamra on Sunday, a monitoring group said."
    two = "Thousands of residents fled north towards the Turkish border, aid workers said."
    art = clean_document(
        "Quantcast\nViewing all articles\nBrowse latest Browse all 812\n\n"
        f"Army takes village in the north\n\n{one}\n\n{two}\n\n"
        "View original post 301 more words\n\nOne thought on “Army takes village in the north”\n\n"
        "Il tuo indirizzo email non sarà pubblicato.\n"
    )
    assert one in art.text and two in art.text
    assert art.title == "Army takes village in the north"
    for gone in ("Viewing all", "Browse latest", "original post", "One thought", "indirizzo"):
        assert gone not in art.text
    notes = {r.note for r in art.repairs}
    assert "feed furniture" in notes and "comment box" in notes


def test_learnt_chrome_takes_only_what_other_rules_kept() -> None:
    """The learnt rules run last: a line another rule already removed keeps that rule's reason."""
    art = clean_document(
        "Army takes village in the north\n\n"
        "Government forces took the village of Tal Hamra on Sunday, a monitoring group said.\n\n"
        "Leave a Reply\n"
    )
    notes = [r.note for r in art.repairs if "Reply" in (r.raw or "")]
    assert notes and notes[0] != "comment box"


def test_other_language_page_loses_relative_age_and_section_label() -> None:
    body = (
        "Die Armee hat am Sonntag das Dorf Tal Hamra eingenommen, meldete eine Beobachtungsstelle."
    )
    art = clean_document(f"Welt\n\nArmee nimmt Dorf im Norden ein\n\n• vor 3 Jahren\n\n{body}\n")
    assert body in art.text
    assert "vor 3 Jahren" not in art.text and not art.text.startswith("Welt")


def test_a_headline_with_a_label_shape_stays_the_title() -> None:
    """A line read as the headline keeps free text after a label ("More: …", "- Play …"): it may
    be the report's own title; a fixed phrase or debris goes wherever it is."""
    head = _Line(0, 40, "- Play on the front line: a village holds", kind=BlockKind.TITLE)
    item = _Line(41, 70, "- Play Storm floods coastal town")
    label = _Line(71, 82, "Most read", kind=BlockKind.TITLE)
    flags = {41: "possible boilerplate (related link?)"}
    drop_learnt_chrome([head, item, label], flags, lambda pos: pos)
    assert head.drop is None
    assert item.drop == ("boilerplate", "playlist item") and not flags
    assert label.drop == ("boilerplate", "related-stories label")


def test_explain_does_not_list_a_removed_line_as_kept() -> None:
    art = clean_document(
        "Army takes village in the north\n\n"
        "Government forces took the village of Tal Hamra on Sunday, a monitoring group said.\n\n"
        "- Play Storm floods coastal town\n"
    )
    assert "Storm floods" not in art.text
    assert [r.note for r in art.repairs if r.kind == "flag"] == []
    assert "playlist item" in [r.note for r in art.repairs]
