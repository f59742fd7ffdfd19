"""Publication stamps damaged by scraping (a lost space or tag, commas set off by spaces) and
meetings arranged for later: paraphrased fixtures of families seen on real pages."""

from __future__ import annotations

import datetime as dt

from idlibtui.annotate import date_article
from idlibtui.clean import clean_document
from idlibtui.clean.stamps import find_full_date

BODY = (
    "Government forces pushed into two villages near the road on Saturday, a monitor said.\n\n"
    "The fighting forced hundreds of families to leave their homes, aid workers said.\n"
)


def _dated(raw: str):
    return date_article(clean_document(raw))


def test_a_section_label_glued_to_the_month_still_dates_the_page() -> None:
    article = _dated("Troops to leave the north\nWorldMarch 14, 2019\n" + BODY)
    assert article.date == dt.date(2019, 3, 14)
    assert article.date_kind == "stated"
    assert "2019" not in article.title


def test_a_stamp_with_commas_set_off_by_spaces_is_the_date_not_the_title() -> None:
    article = _dated("Villages change hands\n\n| June 3 , 2019 , 11:20 IST\n\n" + BODY)
    assert article.date == dt.date(2019, 6, 3)
    assert article.title == "Villages change hands"


def test_a_date_glued_to_the_name_after_it_is_found() -> None:
    found = find_full_date("Convoy reaches the camp October 2, 2018Jane Roe, staff writer")
    assert found is not None and found[0] == dt.date(2018, 10, 2)


def test_a_month_inside_a_lower_case_word_is_no_date() -> None:
    # "dismay" holds "may": only a capital after a small letter marks a lost space
    assert find_full_date("to their dismay 5, 2018 was worse") is None
    assert find_full_date("a figure of 20190 people") is None


def test_a_meeting_agreed_for_later_is_no_floor_under_the_date() -> None:
    raw = (
        "Deal on safe zones signed\n\n"
        "ANKARA, June 4. The three states signed a memorandum on safe zones on Thursday, "
        "the host ministry said.\n\n"
        "The sides agreed to hold a new round of talks in the capital in late August of 2019, "
        "the minister added.\n\n"
        "date 2019-06-04\n"
    )
    article = _dated(raw)
    assert article.date == dt.date(2019, 6, 4)
    assert "set aside" not in article.date_evidence


def test_a_report_headline_with_its_issue_day_and_language_tags_is_kept_and_dates_it() -> None:
    raw = "Relief Bulletin Northern Province - Issue 12 | 3 March 2019 [EN/FR]\n\n" + BODY
    article = _dated(raw)
    # the headline stays (its language tags are no photo credit) and its day is the page's
    assert "Relief Bulletin Northern Province - Issue 12" in article.text
    assert article.date == dt.date(2019, 3, 3) and article.date_kind == "stated"


def test_a_bracketed_name_and_agency_still_marks_a_caption() -> None:
    raw = (
        "Villages change hands\n\n"
        "Smoke rises over a village after an air strike [Jane Roe/Reuters]\n\n" + BODY
    )
    article = clean_document(raw)
    assert "Smoke rises" not in article.text
    assert article.title == "Villages change hands"


def test_an_embedded_tweets_day_bounds_the_date_from_below() -> None:
    raw = (
        "Villages change hands\n\n" + BODY + "\n"
        "Footage shows the convoy entering the village pic.twitter.com/abc123\n"
        "— Field Monitor (@fieldmonitor) March 3, 2019\n\n"
        "Residents said more families were expected to leave in the coming days.\n"
    )
    article = _dated(raw)
    assert "@fieldmonitor" not in article.text  # the tweet is page furniture
    assert article.date_earliest == dt.date(2019, 3, 3)  # but it was posted before the report
