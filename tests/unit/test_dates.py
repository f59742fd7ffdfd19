"""Date expressions: found as spans, resolved backwards from the article date, never invented."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idlibtui.annotate.dates import find_dates, war_age_mentions
from idlibtui.annotate.dating import judge_date

SAT = dt.date(2019, 12, 28)  # a Saturday


def one(text: str, anchor: dt.date | None = SAT):
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("killed since December 1, 2019.", "December 1, 2019", dt.date(2019, 12, 1)),
        ("on Dec. 28, 2019 they", "Dec. 28, 2019", dt.date(2019, 12, 28)),
        ("met on 12 January 2020 in Sochi", "12 January 2020", dt.date(2020, 1, 12)),
        ("date 2019-12-28 Hundreds", "2019-12-28", dt.date(2019, 12, 28)),
    ],
)
def test_absolute_days(text: str, span: str, day: dt.date) -> None:
    m = one(text, None)
    assert (m.text, m.date, m.precision, m.relative) == (span, day, "day", False)
    assert text[m.start : m.end] == span


def test_weekday_resolves_backwards_and_same_day_counts() -> None:
    assert one("gathered on Saturday near", SAT).date == SAT
    m = one("on Monday morning, five soldiers", SAT)
    assert m.text == "Monday morning" and m.date == dt.date(2019, 12, 23) and m.relative
    assert one("on Monday", dt.date(2020, 2, 5)).date == dt.date(2020, 2, 3)


def test_month_day_without_year_takes_the_anchor_year_or_the_one_before() -> None:
    assert one("on September 10", dt.date(2018, 9, 12)).date == dt.date(2018, 9, 10)
    assert one("Since December 19 they", SAT).date == dt.date(2019, 12, 19)
    assert one("on December 19 they", dt.date(2020, 2, 3)).date == dt.date(2019, 12, 19)


def test_periods() -> None:
    m = one("Since mid-December, forces", SAT)
    assert (m.text, m.date, m.date_end) == (
        "mid-December",
        dt.date(2019, 12, 11),
        dt.date(2019, 12, 20),
    )
    m = one("in late January they", dt.date(2020, 2, 10))
    assert (m.date, m.date_end) == (dt.date(2020, 1, 21), dt.date(2020, 1, 31))
    m = one("killed last week", dt.date(2020, 2, 5))
    assert (m.date, m.date_end) == (dt.date(2020, 1, 27), dt.date(2020, 2, 2))
    assert one("said yesterday", SAT).date == dt.date(2019, 12, 27)
    m = one("earlier this year", SAT)
    assert (m.date, m.date_end, m.precision) == (dt.date(2019, 1, 1), SAT, "year")
    m = one("Late last year, Russia", dt.date(2020, 2, 1))
    assert m.date.year == 2019 and m.date_end == dt.date(2019, 12, 31)
    m = one("launched 100 air strikes this month", dt.date(2018, 9, 12))
    assert (m.date, m.date_end) == (dt.date(2018, 9, 1), dt.date(2018, 9, 12))
    m = one("began in March 2011.", None)
    assert (m.text, m.date, m.precision, m.relative) == (
        "March 2011",
        dt.date(2011, 3, 1),
        "month",
        False,
    )
    m = one("in 2015.", None)
    assert (m.text, m.date.year, m.precision) == ("2015", 2015, "year")


def test_a_year_that_begins_a_sentence() -> None:
    m = one("2019 was the deadliest year.", None)
    assert (m.text, m.date.year) == ("2019", 2019)


def test_relative_without_anchor_stays_unresolved() -> None:
    m = one("on Monday, five Turkish soldiers", None)
    assert m.relative and m.date is None and "no article date" in m.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Syrian protester Ahmed Marwan, 24, told AFP",
        "Turkey has built 12 military observation posts",
        "the 9-year-long conflict",
        "2000 people fled",
        "$2019 was paid",
        "the M5 road and the S-400 system",
        "May God protect them",
        "more than 235,000 people; 3.6 million refugees; 2,019 tents",
        "They march on Mondays.",
    ],
)
def test_ordinary_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text, SAT) == []


def test_background_mentions_bound_the_date_from_below_only() -> None:
    j = judge_date("373 killed since December 1, 2019. In 2011 the war began.")
    assert j.kind == "estimated" and j.earliest == dt.date(2019, 12, 1) and not j.precise
    j = judge_date("A deal struck in September 2018. The 9-year-long conflict goes on.")
    assert j.earliest is not None and j.earliest >= dt.date(2019, 9, 1) and not j.precise
    assert war_age_mentions("The 7 1/2-year war has killed more than 400,000 people") == [
        (7.5, "7 1/2-year war")
    ]
    assert judge_date("").kind == "unknown"
    assert judge_date("Dozens were killed on Monday.").date is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    for m in find_dates(text, SAT):
        assert text[m.start : m.end] == m.text
    judge_date(text)


def test_one_long_line_and_only_numbers() -> None:
    assert isinstance(find_dates("1 " * 200_000, SAT), list)
    assert isinstance(judge_date("2019 " * 1000).evidence, str)


# --- numeric and capitalised forms (German and Russian copies, wire stamps, aggregators) -------


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("buses left at 21:40 CET 14.11.2017 from the", "14.11.2017", dt.date(2017, 11, 14)),
        ("Rebels retreat from the hills | DW | 03.02.2020", "03.02.2020", dt.date(2020, 2, 3)),
        ("a video posted 23/01/2020 shows", "23/01/2020", dt.date(2020, 1, 23)),
        ("a video posted 01/23/2020 shows", "01/23/2020", dt.date(2020, 1, 23)),
        ("Full coverage 9 NOV 2018", "9 NOV 2018", dt.date(2018, 11, 9)),
        ("HOMS, SYRIA - MARCH 3, 2019: a man walks", "MARCH 3, 2019", dt.date(2019, 3, 3)),
        ("a parade in al-Bab, Syria Oct 4,2018. (Photo", "Oct 4,2018", dt.date(2018, 10, 4)),
    ],
)
def test_numeric_and_capitalised_days(text: str, span: str, day: dt.date) -> None:
    m = one(text, None)
    assert (m.text, m.date, m.precision, m.relative) == (span, day, "day", False)


@pytest.mark.parametrize(
    "text",
    [
        "a ratio of 03/04/2020 in the",  # slashes, both orders possible: not read
        "the price rose to 3.250.2019",  # a number with thousands dots
        "version 1.2.2019 was",
        "MARCH ON DAMASCUS",  # a month alone in capitals is a word
    ],
)
def test_numbers_that_are_not_days(text: str) -> None:
    assert [m for m in find_dates(text, None) if m.precision == "day"] == []
