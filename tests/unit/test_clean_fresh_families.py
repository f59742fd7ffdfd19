"""Families a held-out set of real pages showed the cleaner still keeping or losing: captions
beside prose, byline-and-clock lines, widget and ad labels, reader appeals, section labels before
the headline, editorial footers, model numbers read as counts, and the explain header's date.
Every fixture is written for these tests (the shapes of real pages, none of their text)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from idlibtui.annotate.figures import find_figures
from idlibtui.clean.chrome import chrome_note
from idlibtui.clean.explain import explain
from idlibtui.model import Article, BlockKind
from tests.unit.clean_checks import clean, removed

HEAD = "Convoy hit on the road south of the town"
ONE = (
    "A military convoy was struck by an air raid on the road south of the town on Wednesday, "
    "killing two soldiers, the defence ministry said."
)
TWO = "Residents fled north toward the border as the shelling went on through the night."
END = "The governor said the roads would reopen once the fighting stopped."


def page(*middle: str) -> str:
    return "\n".join([HEAD, ONE, *middle, TWO, END]) + "\n"


def assert_prose_kept(article: Article) -> None:
    for line in (ONE, TWO, END):
        assert line in article.text
    assert article.title == HEAD


# ---- J1: captions and credits ---------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Rescuers search the rubble of a house in the town centre (AP Photo/Jane Doe)",
        "A boy walks past a burnt bus at the edge of the camp (AP Photo)",
        "Displaced families wait at the border crossing near the camp [AFP]",
        "Smoke rises over the hills after the strikes (Getty Images/John Roe)",
    ],
)
def test_a_caption_with_a_bracketed_agency_credit_goes(caption: str) -> None:
    a = clean(page(caption))
    assert caption not in a.text
    assert removed(a)[caption].startswith("photo caption")
    assert_prose_kept(a)


def test_a_caption_split_over_two_lines_goes_whole() -> None:
    first = "Children walk past destroyed buildings in the southern"
    second = "countryside of the province [Getty]"
    a = clean(page(first, second))
    assert first not in a.text and second not in a.text
    assert removed(a)[first] == "photo caption (first line)"
    assert_prose_kept(a)


def test_a_report_paragraph_ending_with_a_credit_keeps_its_sentences() -> None:
    para = (
        "Government forces advanced on the town overnight. Thousands of families fled toward "
        "the border, aid groups said. A boy stands near a tent in a camp (AP Photo/Jane Doe)"
    )
    a = clean(page(para))
    assert "Thousands of families fled toward the border, aid groups said." in a.text
    assert "(AP Photo/Jane Doe)" not in a.text


def test_a_bracketed_reference_is_no_credit() -> None:
    para = "The clashes killed dozens of fighters on both sides, according to the monitor [1]"
    assert para in clean(page(para)).text


# ---- J2: byline and clock, widget lines -----------------------------------------------------


def test_a_byline_with_a_handle_and_the_clock_goes_and_its_day_stays_a_claim() -> None:
    byline = "Jane Doe (@janedoe) 55 minutes ago Wed 15th April 2020 | 02:13 PM"
    a = clean("\n".join([HEAD, byline, ONE, TWO, END]) + "\n")
    assert byline not in a.text
    assert removed(a)[byline] == "byline"
    assert any(c.date == dt.date(2020, 4, 15) and c.source == "byline" for c in a.date_claims)
    assert_prose_kept(a)


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("• 6 years ago", "relative time"),
        ("2 months ago", "relative time"),
        ("- Advertisement -", "advertisement label"),
        ("— ADVERTISEMENT —", "advertisement label"),
        ("Translated by Jane Doe", "translation note"),
    ],
)
def test_widget_and_credit_lines(line: str, note: str) -> None:
    assert chrome_note(line) == note
    a = clean(page(line))
    assert line not in a.text
    assert_prose_kept(a)


# ---- J5: a paper's appeal to its readers ----------------------------------------------------


@pytest.mark.parametrize(
    "appeal",
    [
        "Support our independent journalism: become a member today or give what you can.",
        "If you value our reporting, please donate today.",
        "Become a supporting member and help keep the paper free for everyone.",
    ],
)
def test_a_reader_appeal_goes(appeal: str) -> None:
    assert chrome_note(appeal) is not None
    a = clean(page(appeal))
    assert appeal not in a.text
    assert_prose_kept(a)


@pytest.mark.parametrize(
    "prose",
    [
        "Residents were asked to donate blood at the hospital, the director said.",
        "The party urged its members to support the deal before the vote.",
        "He became a member of parliament in 2012 and later joined the cabinet.",
        "Our reporting shows that you can donate to the fund now, the charity said.",
    ],
)
def test_report_sentences_about_donations_and_members_stay(prose: str) -> None:
    assert chrome_note(prose) is None
    assert prose in clean(page(prose)).text


# ---- J6: a section label and a bar before the headline --------------------------------------


@pytest.mark.parametrize("label", ["Breaking", "Syrian Army News", "EXCLUSIVE", "World News"])
def test_a_section_label_before_the_headline_leaves_the_title(label: str) -> None:
    a = clean(page().replace(HEAD, f"{label} | {HEAD}", 1))
    assert a.title == HEAD
    assert_prose_kept(a)


def test_a_headline_with_a_bar_inside_is_left_alone() -> None:
    head = "Talks fail | Ceasefire collapses in the north"
    assert clean(page().replace(HEAD, head, 1)).title == head


# ---- J7: editorial footers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "footer",
    [
        "This is an edited translation from our Arabic edition.",
        "This article was translated from the Turkish original.",
        "Additional reporting by Jane Roe; Editing by John Poe",
    ],
)
def test_an_editorial_footer_line_goes(footer: str) -> None:
    a = clean(page() + footer + "\n")
    assert footer not in a.text
    assert_prose_kept(a)


def test_wire_credits_glued_to_the_last_paragraph_go_and_the_paragraph_stays() -> None:
    last = "The opposition said its fighters withdrew to new lines north of the town."
    a = clean(page() + last + " Additional reporting by Jane Roe in Beirut; Editing by John Poe\n")
    assert last in a.text
    assert "Jane Roe" not in a.text and "John Poe" not in a.text


def test_reporting_by_in_prose_is_no_credit() -> None:
    last = "The army pressed on. Reporting by state media suggested the offensive had stalled."
    assert last in clean(page() + last + "\n").text


# ---- F1: model numbers are not counts -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Two Sukhoi 25 jets struck the town.",
        "Russian MiG 23 and Su 25 aircraft bombed the market.",
        "Rebels destroyed a T 72 tank and a BM 21 launcher.",
        "A Mi 8 helicopter dropped barrel bombs.",
        "Turkey bought the S 400 system.",
    ],
)
def test_a_model_number_is_no_figure(sentence: str) -> None:
    values = {f.value for f in find_figures(sentence)}
    assert not values & {25.0, 23.0, 72.0, 21.0, 8.0, 400.0}


def test_counts_beside_model_names_are_still_figures() -> None:
    values = {f.value for f in find_figures("Sukhoi 25 jets killed 12 civilians.")}
    assert values == {12.0}
    assert {f.value for f in find_figures("An 18-year-old was killed.")} == {18.0}


# ---- X1: the explain header states the date the JSON states ---------------------------------


def _dated(**kw) -> Article:
    return dataclasses.replace(clean(page()), **kw)


def test_explain_header_for_an_open_range_says_after() -> None:
    a = _dated(
        date=dt.date(2015, 1, 1),
        date_kind="estimated",
        date_inferred=True,
        date_earliest=dt.date(2015, 1, 1),
    )
    head = explain(a).split("\n\n", 1)[0]
    assert "Date:     after 2015-01-01 (estimated)" in head
    assert "2015-01-01\n" not in head + "\n"


def test_explain_header_for_a_wide_range_gives_the_range_and_no_day() -> None:
    a = _dated(
        date=dt.date(2018, 6, 1),
        date_kind="estimated",
        date_earliest=dt.date(2018, 1, 1),
        date_latest=dt.date(2019, 12, 31),
    )
    assert "Date:     2018-01-01 – 2019-12-31 (estimated)" in explain(a)
    assert "2018-06-01" not in explain(a)


def test_explain_header_without_a_date_says_unknown_and_a_stated_day_is_plain() -> None:
    assert "Date:     unknown" in explain(_dated(date=None))
    stated = _dated(date=dt.date(2020, 2, 27), date_kind="stated")
    assert "Date:     2020-02-27\n" in explain(stated)
    assert clean(page()).blocks[0].kind is BlockKind.TITLE


# ---- L1: a site name or a widget above the headline -----------------------------------------


def test_a_price_widget_and_a_site_name_above_the_headline_are_not_the_title() -> None:
    a = clean("\n".join(["Crescent Valley Herald", "0 $", HEAD, ONE, TWO, END]) + "\n")
    assert a.title == HEAD
    assert "0 $" not in a.text
    assert_prose_kept(a)


def test_a_site_name_over_a_headline_is_not_the_title_and_the_headline_stays() -> None:
    name = "Crescent Valley Herald"
    a = clean("\n".join([name, HEAD, ONE, TWO, END]) + "\n")
    assert a.title == HEAD
    assert_prose_kept(a)


# ---- L2: prose without its full stop is no related link ------------------------------------


def test_a_last_paragraph_cut_off_is_kept_and_marked() -> None:
    cut = "The governor said the roads would reopen once the fighting stopped and the army would"
    a = clean("\n".join([HEAD, ONE, TWO, cut]) + "\n")
    assert cut in a.text
    assert "truncated text (kept)" in {r.note for r in a.repairs if r.kind == "flag"}


def test_a_clause_of_prose_mid_text_stays_marked_not_removed() -> None:
    para = "The clashes killed dozens of fighters on both sides, according to the monitor [1]"
    a = clean(page(para))
    assert para in a.text
    assert_prose_kept(a)
