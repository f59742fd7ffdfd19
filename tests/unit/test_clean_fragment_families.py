"""Families of page fragments left between the paragraphs of unseen pages (issue 13, fourth set):
clock and counter lines beside a date, label lines that introduce nothing, an outlet's section
label, image placeholders, video labels, caption copies that differ by an apostrophe or a
credit, a caption glued to a paragraph without a full stop. And their near misses, which stay:
a real short paragraph, a subheading, a line that introduces a quotation, a headline printed
twice. Fixtures are written for these tests (paraphrased patterns, no page text)."""

from __future__ import annotations

import datetime as dt

import pytest

from idlibtui.model import Article
from tests.unit.clean_checks import clean, removed

HEAD = "Aid convoy reaches the besieged valley town"
ONE = (
    "A convoy of twenty lorries carrying flour and medicine reached the besieged valley town "
    "on Tuesday, the local council said, the first delivery in three months."
)
TWO = "Residents queued in the rain outside the council building as the lorries were unloaded."
END = "The council said a second convoy was expected before the end of the month."


def page(*middle: str, top: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*top, HEAD, ONE, *middle, TWO, END, *tail])


def assert_prose_kept(article: Article) -> None:
    for line in (ONE, TWO, END):
        assert line in article.text
    assert article.title == HEAD


def note_of(article: Article, line: str) -> str:
    return removed(article).get(line, "")


# ---- clock and counter lines -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("12 March 2018    Read: 377", dt.date(2018, 3, 12)),
        ("Added: 04.02.2019 09:15 | 27 views | 3 comments", dt.date(2019, 2, 4)),
        ("2017-06-21 4", dt.date(2017, 6, 21)),
        ("NewsDesk Published May 9, 2016 12 Plays", dt.date(2016, 5, 9)),
        ("February 3, 2020 - 08:40 GMT", dt.date(2020, 2, 3)),
        ("21. 07. 2018, 14:05", dt.date(2018, 7, 21)),
    ],
)
def test_a_date_with_a_counter_or_a_clock_goes_and_its_date_is_claimed(
    line: str, day: dt.date
) -> None:
    article = clean("\n\n".join([HEAD, line, ONE, TWO, END]))
    assert_prose_kept(article)
    assert line not in article.text
    assert note_of(article, line).startswith("date line")
    assert day in {c.date for c in article.date_claims}


def test_the_pages_clock_goes_without_a_claim() -> None:
    line = "Today: Thursday, 9 May 2024 year"
    article = clean("\n\n".join([line, HEAD, ONE, TWO, END]))
    assert_prose_kept(article)
    assert "page clock" in note_of(article, line)
    assert dt.date(2024, 5, 9) not in {c.date for c in article.date_claims}


def test_an_archive_header_above_the_headline_goes() -> None:
    line = "Showing posts from March 4, 2017"
    article = clean("\n\n".join([line, HEAD, ONE, TWO, END]))
    assert_prose_kept(article)
    assert line not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "The talks resumed on 12 March 2018 and 40 delegates attended.",  # a sentence
        "Delegates on 12 March 2018: 40",  # a number, but no counter's word
        "12 March 2018 was the deadline",  # prose around the date
    ],
)
def test_a_line_of_prose_with_a_date_and_a_number_stays(line: str) -> None:
    article = clean("\n\n".join([HEAD, ONE, line, TWO, END]))
    assert line in article.text


# ---- label lines -----------------------------------------------------------------------------


def test_a_colon_label_that_ends_the_text_goes() -> None:
    article = clean(page(tail=("More about:",)))
    assert_prose_kept(article)
    assert "More about:" not in article.text


@pytest.mark.parametrize("last", ["He said:", "The agency adds:"])
def test_a_text_cut_before_its_quotation_keeps_its_last_line(last: str) -> None:
    article = clean(page(tail=(last,)))
    assert last in article.text


def test_a_title_case_label_above_the_first_sentence_goes() -> None:
    stand = "Residents say the delivery came after weeks of talks between the two sides"
    text = "\n\n".join([HEAD, stand, "Special Report:", ONE, TWO, END])
    article = clean(text)
    assert_prose_kept(article)
    assert "Special Report:" not in article.text
    assert stand in article.text


@pytest.mark.parametrize(
    "line",
    [
        "The council said in a statement:",  # a sentence that introduces the quotation
        "Al Jazeera reports:",  # a verb: it introduces what follows
        "What happens next:",  # mid-text, a subheading's question
    ],
)
def test_a_line_that_introduces_what_follows_stays(line: str) -> None:
    quote = "We will open the road again as soon as the shelling stops, and not before."
    article = clean("\n\n".join([HEAD, ONE, line, quote, TWO, END]))
    assert line in article.text
    assert quote in article.text


def test_an_outlets_section_label_between_paragraphs_goes() -> None:
    article = clean(page("Alalam - Syria"))
    assert_prose_kept(article)
    assert "Alalam - Syria" not in article.text
    assert note_of(article, "Alalam - Syria") == "site section label"
    assert article.source == "Al-Alam"  # the label still names the outlet


@pytest.mark.parametrize("line", ["Idlib - Latest", "Aleppo – Damascus"])
def test_a_place_pair_between_paragraphs_stays(line: str) -> None:
    article = clean(page(line))
    assert line in article.text


def test_a_bullet_and_one_word_goes() -> None:
    article = clean("\n\n".join([HEAD, "• Published", ONE, TWO, END]))
    assert_prose_kept(article)
    assert "Published" not in article.text


# ---- placeholders and video labels ------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["expressive image", "Illustrative photo", "Placeholder while the player loads"]
)
def test_an_image_placeholder_goes(line: str) -> None:
    article = clean(page(line))
    assert_prose_kept(article)
    assert line not in article.text


@pytest.mark.parametrize("line", ["Satellite images", "Military operations"])
def test_a_short_subheading_stays(line: str) -> None:
    para = "Pictures from the area show the bridge destroyed and the road closed to traffic."
    article = clean(page(line, para))
    assert line in article.text


def test_a_video_label_below_the_headline_goes_but_a_headline_ending_in_video_stays() -> None:
    label = "Smoke rises over the valley town after the convoy arrives – video"
    article = clean(page(label))
    assert_prose_kept(article)
    assert label not in article.text
    head = "Convoy reaches the valley town – Video"
    article = clean("\n\n".join([head, ONE, TWO, END]))
    assert article.title == head


# ---- caption copies --------------------------------------------------------------------------


def test_caption_copies_that_differ_by_an_apostrophe_go_with_their_credit() -> None:
    a = "Children walk past the ruins of a school at the valley's edge (VTN/Jane Doe)"
    b = "Children walk past the ruins of a school at the valley’s edge (VTN/Jane Doe)"
    article = clean(page(a, b))
    assert_prose_kept(article)
    assert "Children walk" not in article.text


def test_an_uncredited_copy_of_a_credited_caption_goes() -> None:
    bare = "A man carries a sack of flour through the rubble as the convoy unloads."
    credited = bare + " Photograph: Jane Doe/AFP via Getty Images"
    article = clean("\n\n".join([HEAD, bare, credited, ONE, TWO, END]))
    assert_prose_kept(article)
    assert "sack of flour" not in article.text


def test_a_scene_printed_twice_under_the_headline_goes_both_copies() -> None:
    scene = "Smoke seen over the valley town after an attack on an army depot on its edge"
    article = clean("\n\n".join([HEAD, scene, scene, ONE, TWO, END]))
    assert_prose_kept(article)
    assert scene not in article.text


def test_a_second_headline_printed_twice_stays() -> None:
    second = "Government troops reach the border crossing as rebels negotiate"
    article = clean("\n\n".join([HEAD, second, second, ONE, TWO, END]))
    assert second in article.text


def test_a_sentence_of_report_printed_twice_stays() -> None:
    said = "The council said the lorries were searched at the checkpoint before they entered."
    article = clean("\n\n".join([HEAD, ONE, said, said, TWO, END]))
    assert said in article.text


def test_the_headline_in_quotes_then_without_keeps_one_copy() -> None:
    quoted = "'Death toll in the valley attack rises to 40'"
    plain = "Death toll in the valley attack rises to 40"
    article = clean("\n\n".join([quoted, plain, ONE, TWO, END]))
    assert article.text.count("Death toll in the valley attack rises to 40") == 1


def test_a_caption_glued_without_a_full_stop_is_cut_from_the_paragraph() -> None:
    glued = (
        "A screengrab of footage purporting to show the valley road after the strikes, "
        "on 3 May 2019 "
        "The army says it has opened the road to the town for the first time in three months."
    )
    article = clean("\n\n".join([HEAD, glued, TWO, END]))
    assert "screengrab" not in article.text
    assert "The army says it has opened the road to the town" in article.text


def test_a_paragraph_with_a_date_then_a_capital_stays() -> None:
    para = (
        "The army said the road had been closed since 3 May 2019 The Observatory could not "
        "confirm it, and the council said nothing about the closure."
    )
    article = clean("\n\n".join([HEAD, ONE, para, TWO, END]))
    assert para in article.text


# ---- in-body fragments -----------------------------------------------------------------------


@pytest.mark.parametrize("tail", ["READ MORE", "(READ MORE)", "SEE ALSO: https://example.org/x1"])
def test_a_shouted_link_label_ending_a_paragraph_is_cut(tail: str) -> None:
    para = "Fighters shelled the road overnight, the council said. " + tail
    article = clean("\n\n".join([HEAD, ONE, para, TWO, END]))
    assert_prose_kept(article)
    assert "Fighters shelled the road overnight, the council said." in article.text
    assert "MORE" not in article.text and "ALSO" not in article.text


def test_an_acronym_ending_a_sentence_stays() -> None:
    para = "The lorries were escorted into the town by the UN and the SARC."
    article = clean("\n\n".join([HEAD, ONE, para, TWO, END]))
    assert para in article.text


def test_a_related_headline_glued_to_a_paragraphs_head_is_cut() -> None:
    para = (
        "Valley truce hangs by a thread as Ankara, Moscow argue. Nobody has said who fired "
        "on the convoy, and the council asked both sides to hold their fire."
    )
    article = clean("\n\n".join([HEAD, ONE, para, TWO, END]))
    assert_prose_kept(article)
    assert "Valley truce hangs" not in article.text
    assert "Nobody has said who fired on the convoy" in article.text


@pytest.mark.parametrize(
    "para",
    [
        # a sentence of report naming two places with a comma
        "Shelling hit Saraqeb, Binnish and nearby villages. Residents fled north toward the "
        "border in the night, the council said.",
        # a report's verb in the first sentence
        "Turkey warned Russia, Iran said. The talks in the capital ended without any "
        "agreement on the convoy route.",
    ],
)
def test_a_paragraph_opening_with_a_short_sentence_stays(para: str) -> None:
    article = clean("\n\n".join([HEAD, ONE, para, TWO, END]))
    assert para in article.text
