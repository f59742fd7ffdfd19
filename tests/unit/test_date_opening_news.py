"""An undated report of one day's news: the first weekday its opening names, or "today" there,
dates the event its next paragraph names (paraphrased fixtures of patterns seen on real pages:
a toll "on Saturday" above the paragraph that names the place; "X today shot down a plane"
above the sentence that names the aircraft)."""

from __future__ import annotations

import datetime as dt

from idlibtui.annotate.date_events import reported_events
from idlibtui.annotate.dating import judge_date
from idlibtui.annotate.events import events_from_dicts

BOMBING = dt.date(2017, 4, 15)  # a Saturday
DOWNING = dt.date(2015, 11, 24)  # a Tuesday


def _timeline():
    return events_from_dicts(
        [
            {
                "id": "bombing", "date": BOMBING, "kind": "attack",
                "title": "bombing of buses at Sampleton", "summary": "A car bomb hits buses",
                "places": ["Sampleton"],
                "match": [["Sampleton"], ["buses", "convoy"]],
            },
            {
                "id": "downing", "date": DOWNING, "kind": "attack",
                "title": "downing of an Xy-9 jet", "summary": "A jet is shot down",
                "places": ["Border"],
                "match": [["Xy-9"], ["shot down", "downed"]],
            },
        ]
    )  # fmt: skip


def _judge(text: str):
    return judge_date(text, (), reported_events(text, _timeline()))


TOLL = (
    "Toll in attack on evacuees rises\n\n"
    "Toll in bomb attack on evacuees rises to 43\n\n"
    "Dozens of people died on Saturday when a car bomb hit a line of buses carrying evacuees,"
    " a monitoring group said.\n\n"
    "Most of the dead had been waiting at a transit point in Sampleton beside the buses.\n\n"
    "The evacuation had begun under a deal between the two sides.\n"
)


def test_the_first_weekday_of_the_opening_dates_the_event_below_it() -> None:
    j = _judge(TOLL)
    assert j.earliest == BOMBING and j.latest == BOMBING + dt.timedelta(days=6)
    assert j.precise and "Saturday" in j.evidence


def test_another_weekday_first_leaves_it_open() -> None:
    j = _judge(TOLL.replace("on Saturday", "on Thursday"))
    assert j.latest is None  # the opening's day is not the event's: no week from it


def test_the_days_possessive_below_the_event_dates_it_too() -> None:
    text = (
        TOLL.replace(" on Saturday", "")
        + "\nAsked about Saturday's bombing, the group said nothing.\n"
    )
    j = _judge(text)
    assert j.earliest == BOMBING and j.latest == BOMBING + dt.timedelta(days=6)
    other = TOLL.replace(" on Saturday", "") + "\nFunerals were held on Saturday.\n"
    assert _judge(other).latest is None  # a weekday below the event: another day's news


def test_a_weekday_far_below_the_opening_leaves_it_open() -> None:
    text = (
        TOLL.replace(" on Saturday", "")
        + "\n\n"
        + "Filler sentence here. " * 70
        + ("\n\nOn Saturday officials met.")
    )
    assert _judge(text).latest is None


DOWNED = (
    "Jet shot down on the border\n\n"
    "update: crew missing after a plane is shot down at the border\n\n"
    "The army today shot down a military plane near the border, local media reported. The plane"
    " burst into flames in the air and fell on a hill on the far side of the frontier. An"
    " official told reporters that the country of the plane was not yet known to them, and that"
    " the search for the crew was going on in the hills below.\n\n"
    "An Xy-9 jet has been downed, the ministry said, adding that it had not crossed the line.\n"
)


def test_today_in_the_opening_dates_the_event_it_names_below() -> None:
    j = _judge(DOWNED)
    assert j.earliest == DOWNING and j.latest == DOWNING + dt.timedelta(days=1)
    assert j.date == DOWNING and "today" in j.evidence


def test_today_of_the_present_is_no_day_of_news() -> None:
    text = DOWNED.replace(
        "The army today shot down a military plane near the border, local media reported.",
        "The border region today is calm, quiet and poor, as it long has been for its people.",
    )
    assert _judge(text).latest is None
