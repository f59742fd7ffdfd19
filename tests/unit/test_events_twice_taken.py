"""A town taken twice within days is two events of the timeline, not one span: a report of the
first capture ("declared victory") is dated by it, one of the second ("for the second time")
by the other (paraphrased fixtures; the shipped timeline's Albukamal, November 2017)."""

from __future__ import annotations

import datetime as dt

from idlibtui.annotate.date_events import reported_events
from idlibtui.annotate.dating import judge_date


def _judge(text: str):
    return judge_date(text, (), reported_events(text))


def test_the_first_capture_is_its_own_days() -> None:
    text = (
        "Army declares victory in Albukamal\n\n"
        "Syrian troops declared victory over the Islamic State in the border town of Albukamal,"
        " its last large stronghold in the country, the army command said.\n"
    )
    ids = {e.description for e in reported_events(text)}
    assert any("first capture" in d for d in ids)
    j = _judge(text)
    assert j.precise and j.date is not None
    assert dt.date(2017, 11, 8) <= j.date <= dt.date(2017, 11, 11)


def test_the_second_capture_is_another_day() -> None:
    text = (
        "Albukamal taken again\n\n"
        "Syrian government forces took control of Albukamal for the second time this month,"
        " driving the Islamic State out of the town once more, state media said.\n"
    )
    found = reported_events(text)
    assert [e.date for e in found] == [dt.date(2017, 11, 19)]
