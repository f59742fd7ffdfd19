"""Reports of a known event in other words and spellings are matched (paraphrased fixtures): a
town's other transliteration ("Jesr" for "Jisr"), a massacre named as such without its day."""

from __future__ import annotations

import datetime as dt

from idlibtui.annotate.date_events import reported_events
from idlibtui.annotate.dating import judge_date


def test_another_spelling_of_the_town_reports_its_capture() -> None:
    text = (
        "Rebels seize Jesr al-Shughour\n\n"
        "Nusra Front and allied Islamist brigades have taken over Jesr al-Shughour after days of"
        " clashes with government troops, a monitor said.\n"
    )
    assert [e.date for e in reported_events(text)] == [dt.date(2015, 4, 25)]
    j = judge_date(text, (), reported_events(text))
    assert j.precise and j.date is not None and abs((j.date - dt.date(2015, 4, 25)).days) <= 2


def test_a_massacre_named_as_such_reports_the_event() -> None:
    text = (
        "Massacre in Kobani\n\n"
        "Islamic State fighters massacred scores of civilians in Kobani and a village nearby,"
        " a monitor said.\n"
    )
    assert [e.date for e in reported_events(text)] == [dt.date(2015, 6, 25)]
    past = text.replace("a monitor said", "which the town remembers each year")
    assert reported_events(past) == [] or all(e.background for e in reported_events(past))


def test_the_opening_day_of_an_offensive_is_its_own_day() -> None:
    text = (
        "Turkish offensive begins in the north-east\n\n"
        "Residents fled Ras al-Ayn as Turkey's offensive against Kurdish forces began with air"
        " strikes and shelling of the border town.\n"
    )
    days = {e.date for e in reported_events(text)}
    assert dt.date(2019, 10, 9) in days
    j = judge_date(text, (), reported_events(text))
    assert j.precise and j.date is not None and abs((j.date - dt.date(2019, 10, 9)).days) <= 2
    # its second day, or the offensive as the past, is not the opening day's news
    for later in (
        text.replace("began with air strikes", "went into its second day with air strikes"),
        text.replace("Residents fled", "Since then, residents fled"),
        text.replace("Ras al-Ayn", "Afrin"),
    ):
        assert all(e.date != dt.date(2019, 10, 9) or e.background for e in reported_events(later))
