"""Terms of office settle which of two like events a text reports, and which year a weekday
beside a month-day is of (paraphrased fixtures: a jet "downed" in words that fit a downing of
2015 and one of 2020, in a text that names a prime minister of 2014–2016)."""

from __future__ import annotations

import datetime as dt

from idlibtui.annotate.date_events import reported_events
from idlibtui.annotate.date_offices import office_terms, term_window
from idlibtui.annotate.dating import judge_date
from idlibtui.annotate.events import events_from_dicts

EARLY = dt.date(2015, 11, 24)  # a Tuesday; so is 24 November 2020
LATE = dt.date(2020, 3, 1)


def _timeline():
    return events_from_dicts(
        [
            {"id": "early", "date": EARLY, "kind": "attack", "title": "early downing",
             "summary": "A jet is downed", "places": ["Hill"],
             "match": [["Xy-9"], ["downed"], ["ministry"]]},
            {"id": "late", "date": LATE, "kind": "attack", "title": "late downing",
             "summary": "Jets are downed", "places": ["Plain"],
             "match": [["Xy-9"], ["downed"]]},
        ]
    )  # fmt: skip


TEXT = (
    "Jet downed at the border\n\n"
    "The defence ministry said the Xy-9 was downed by fire from the ground.\n\n"
    "Prime Minister Ahmet Davutoglu called his security chiefs to a meeting.\n\n"
    "The pilots ejected on Tuesday, November 24, a local official said.\n"
)


def test_a_title_in_use_gives_its_term() -> None:
    assert [t[2] for t in office_terms(TEXT)] == ["Prime Minister Davutoglu"]
    lo, hi, _ = term_window(TEXT) or (None, None, "")
    assert lo == dt.date(2014, 8, 28) and hi is not None and hi < dt.date(2016, 7, 1)


def test_a_past_title_or_a_year_beside_it_gives_none() -> None:
    assert office_terms("Former Prime Minister Ahmet Davutoglu spoke.") == []
    assert office_terms("In 2015, Prime Minister Davutoglu spoke of the downing.") == []
    assert office_terms("The then-Prime Minister Davutoglu spoke.") == []


def test_the_event_after_the_term_is_set_aside_and_the_weekday_takes_its_year() -> None:
    events = reported_events(TEXT, _timeline())
    assert {e.date for e in events} == {EARLY, LATE}  # the words fit both
    j = judge_date(TEXT, (), events)
    assert j.date is not None and EARLY <= j.date <= EARLY + dt.timedelta(days=3)
    assert "Davutoglu" in j.evidence


def test_without_a_term_the_later_event_still_stands() -> None:
    text = TEXT.replace("Prime Minister Ahmet Davutoglu", "The minister")
    j = judge_date(text, (), reported_events(text, _timeline()))
    assert j.date is None or j.date.year != 2015  # nothing settles it: not the 2015 day
