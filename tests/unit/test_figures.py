# ruff: noqa: E501  (test sentences read best whole)
"""Figures: every form, its normalised value, kind, what, qualifier, attribution, projection."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idlibtui.annotate.figures import find_figures
from idlibtui.annotate.numbers import words_to_number


def figs(text: str, anchor: dt.date | None = None, *, dates: bool = False):
    return [f for f in find_figures(text, anchor) if dates or f.kind != "date"]


def only(text: str, anchor: dt.date | None = None):
    found = figs(text, anchor)
    assert len(found) == 1, found
    f = found[0]
    assert text[f.start : f.end] == f.text
    return f


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "value_max", "unit"),
    [
        ("displaced more than 235,000 people", "235,000", "count", 235_000, None, ""),
        ("3.6 million Syrian refugees", "3.6 million", "count", 3_600_000, None, ""),
        ("spent more than $40 billion on them", "$40 billion", "money", 40e9, None, "USD"),
        ("Three million civilians are trapped", "Three million", "count", 3e6, None, ""),
        ("two dozen soldiers", "two dozen", "count", 24, None, ""),
        ("twenty-five fighters", "twenty-five", "count", 25, None, ""),
        ("a 15–20 km buffer zone", "15–20 km", "distance", 15, 20, "km"),
        ("between 300 and 400 people fled", "300 and 400", "count", 300, 400, ""),
        ("inflation reached 40% in May", "40%", "percent", 40, None, "%"),
        ("some 12 percent of homes", "12 percent", "percent", 12, None, "%"),
        (
            "more than 600 square kilometers in Idlib",
            "600 square kilometers",
            "area",
            600,
            None,
            "km²",
        ),
        ("a nine-mile demilitarized zone", "nine-mile", "distance", 9, None, "mi"),
        ("The 7 1/2-year war has", "7 1/2-year", "duration", 7.5, None, "year"),
        ("in the 9-year-long conflict", "9-year-long", "duration", 9, None, "year"),
        ("said a 38-year-old activist from Idlib", "38-year-old", "age", 38, None, "years"),
        ("protester Ahmed Marwan, 24, told AFP", "24", "age", 24, None, "years"),
        ("they paid 2 million euros", "2 million euros", "money", 2e6, None, "euros"),
        ("a pledge of $1.5bn in aid", "$1.5bn", "money", 1.5e9, None, "USD"),
        ("another $40m for shelter", "$40m", "money", 40e6, None, "USD"),
        ("a 15km strip", "15km", "distance", 15, None, "km"),
        ("within 500m of the wall", "500m", "distance", 500, None, "m"),
        ("up to 2.5m people could flee", "2.5m", "count", 2.5e6, None, ""),
        ("two-thirds of the displaced are women", "two-thirds", "percent", 200 / 3, None, "%"),
    ],
)
def test_forms(text, span, kind, value, value_max, unit) -> None:
    found = [f for f in figs(text) if f.text.startswith(span.split()[0])]
    assert found, figs(text)
    f = found[0]
    assert (f.kind, f.value, f.value_max, f.unit) == (kind, value, value_max, unit)
    assert span in f.text


def test_conversion_in_parentheses_is_one_figure() -> None:
    f = only("less than four kilometers (two miles) away from Maaret al-Numan")
    assert (f.text, f.kind, f.value, f.qualifier) == (
        "four kilometers (two miles)",
        "distance",
        4,
        "less than",
    )


@pytest.mark.parametrize(
    ("text", "magnitude"),
    [("dozens of civilians", 1), ("hundreds of protesters", 2), ("tens of thousands of residents", 4),
     ("hundreds of thousands of people", 5), ("displaced millions", 6), ("Thousands fled", 3)],
)  # fmt: skip
def test_vague_quantities_keep_a_magnitude(text: str, magnitude: int) -> None:
    f = only(text)
    assert f.vague and f.magnitude == magnitude and f.value == 10.0**magnitude


@pytest.mark.parametrize(
    "text",
    [
        "the M5 road that connects Damascus",
        "Russian-made surface-to-air S-400 missile system",
        "an F-16 jet",
        "& # 39; Breakpoint & # 39;",
        "&#39;quoted&#39;",
        "one of Idlib's largest urban centers",
        "the 3rd brigade",
        "1. Introduction\n",
        "Posted 7 minutes ago",
        "updated 4 mins ago",
        "5 min read",
        "A 3-minute read",
        "list of 4 items",
        "the road to Route 60",
        "1 of 5 | photo",
        "12 comments\n",
    ],
)
def test_not_figures(text: str) -> None:
    assert figs(text) == []


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (
            "The latest violence has displaced more than 235,000 people, according to the UN.",
            "displaced people",
        ),
        ("373 civilians have been killed in Idlib province.", "civilians killed"),
        ("five Turkish soldiers were killed in Idlib.", "Turkish soldiers killed"),
        ("killing 200 people in the past week alone.", "people killed"),
        (
            "continued violence could displace up to 400,000 in the coming weeks.",
            "displaced people",
        ),
        ("tens of thousands of residents fled toward the border", "residents fled"),
        ("has 3.6 million Syrian refugees in the country", "Syrian refugees"),
        ("More than 3 million Syrians have taken shelter in Turkey", "Syrian refugees"),
        ("dropped 13 barrel bombs in southern areas", "barrel bombs"),
        ("The war has killed more than 400,000 people and displaced millions.", "people killed"),
    ],
)
def test_what_is_groupable(text: str, what: str) -> None:
    assert figs(text)[0].what == what


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("more than 235,000 people", "more than"), ("at least 10 hospitals", "at least"),
     ("up to 400,000 people", "up to"), ("almost 300,000 people", "almost"),
     ("about 100 civilians", "about"), ("around 500,000 people", "around"),
     ("an estimated 3 million people", "an estimated"), ("nearly 950,000 people", "nearly"),
     ("over 20 villages", "over"), ("less than 4 km", "less than"), ("250 people", "")],
)  # fmt: skip
def test_qualifiers(text: str, qualifier: str) -> None:
    assert figs(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("According to the UN, 373 civilians have been killed.", "UN"),
        ("At least 33 airstrikes hit, according to the Britain-based Syrian Observatory for Human Rights.",
         "Syrian Observatory for Human Rights"),
        ("Turkey reports that 30 Syrian soldiers were killed.", "Turkey"),
        ("The Syrian Observatory for Human Rights said 22 fighters died.", "Syrian Observatory for Human Rights"),
        ("Some 50 people died.", ""),
    ],
)  # fmt: skip
def test_attribution(text: str, attribution: str) -> None:
    assert figs(text)[0].attribution == attribution


def test_projection_is_marked() -> None:
    assert figs("violence could displace up to 400,000 in the coming weeks")[0].projection
    assert not figs("violence has displaced 400,000 people")[0].projection


def test_dates_become_inferred_date_figures() -> None:
    anchor = dt.date(2020, 2, 5)
    found = [
        f for f in find_figures("On Monday, five soldiers were killed.", anchor) if f.kind == "date"
    ]
    assert len(found) == 1
    f = found[0]
    assert (f.text, f.date, f.inferred) == ("Monday", dt.date(2020, 2, 3), True)
    absolute = next(f for f in find_figures("since December 1, 2019.", anchor) if f.kind == "date")
    assert absolute.date == dt.date(2019, 12, 1) and not absolute.inferred


def test_sentence_offsets_cover_the_figure() -> None:
    text = "First sentence here. Then U.S. officials said 12 people died. Last one."
    f = only(text)
    assert text[f.sentence_start : f.sentence_end] == "Then U.S. officials said 12 people died."


def test_words_to_number() -> None:
    assert words_to_number("Twenty-five") == 25
    assert words_to_number("ninety nine") == 99
    assert words_to_number("several") is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for f in find_figures(text, dt.date(2020, 1, 1)):
        assert text[f.start : f.end] == f.text
        assert 0 <= f.sentence_start <= f.start <= f.end <= max(f.sentence_end, f.end) <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "12",
                "3.6",
                "million",
                " ",
                ",",
                "-",
                "–",
                "%",
                "$",
                "km",
                "(",
                ")",
                "between",
                "and",
                "one",
                "dozens",
                "of",
                "\n",
                "year-old",
                "1/2",
            ]
        ),
        max_size=40,
    )
)
def test_number_soup_never_raises(parts: list[str]) -> None:
    text = " ".join(parts)
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text", ["His brother Ali (24) died.", "Mohammed, 29, was wounded.", "aged 31, he fled"]
)
def test_ages_after_a_name_are_ages(text: str) -> None:
    (f,) = figs(text)
    assert f.kind == "age"


@pytest.mark.parametrize(
    "sentence",
    [
        "Channel 4 News could not verify the footage of the raid.",
        "The minister spoke to France 24 after the meeting.",
        "Kanal 7 and TV 2 carried the pictures of the convoy.",
    ],
)
def test_a_broadcaster_name_is_not_a_count(sentence: str) -> None:
    from idlibtui.annotate import annotate
    from idlibtui.clean import clean_document

    figures = annotate(clean_document(sentence)).figures
    assert not [f for f in figures if f.kind != "date"]


def test_a_day_after_a_shouted_month_name_is_not_a_count() -> None:
    from idlibtui.annotate import annotate
    from idlibtui.clean import clean_document

    figures = annotate(clean_document("DECEMBER 15: A convoy of 20 buses waits.")).figures
    assert [(f.text, f.value) for f in figures if f.kind != "date"] == [("20", 20.0)]
