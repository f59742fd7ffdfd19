"""Dating from the events a text reports when it does not write their date: a rule held but for
its groups of dates ("March 2016", the event's day) is kept only when the text names the
event's weekday; estimated ranges from the events; on fixtures written for this project (the
events are invented: Kafr Example, Tell Sample)."""

from __future__ import annotations

import datetime as dt

import pytest

from idlibtui.annotate.date_events import reported_events
from idlibtui.annotate.date_war_age import war_age_mentions
from idlibtui.annotate.dating import judge_date
from idlibtui.annotate.events import events_from_dicts
from idlibtui.annotate.events_match import match_events, undated_rule
from idlibtui.model import DateClaim


def _event(day: dt.date, name: str = "Kafr Example", **more) -> dict:
    return {
        "id": f"{day.isoformat()}-{name.lower().replace(' ', '-')}-taken",
        "date": day,
        "kind": "capture",
        "title": f"capture of {name}",
        "summary": f"The army takes {name}",
        "places": [name],
        "match": [[name], ["$capture"], [day.strftime("%B %Y"), "%"]],
        **more,
    }


# a town taken on a Sunday in March 2016 and on a Thursday in March 2017
SUNDAY = dt.date(2016, 3, 27)
THURSDAY = dt.date(2017, 3, 2)
TIMELINE = events_from_dicts([_event(SUNDAY), _event(THURSDAY)])


def days(text: str, timeline=TIMELINE) -> set[dt.date]:
    return {e.date for e in reported_events(text, timeline)}


def test_undated_rule_drops_only_groups_of_dates() -> None:
    rule = (("Kafr Example",), ("captured", "took"), ("March 2016", "27 March", "Mar 27th"))
    assert undated_rule(rule) == (("Kafr Example",), ("captured", "took"))
    assert undated_rule((("Kafr Example",), ("captured",))) is None  # nothing to drop
    assert undated_rule((("Kafr Example",), ("2016", "March"))) is None  # one group left
    # a group that mixes a year with names is not a group of dates
    assert undated_rule((("Kafr Example",), ("captured",), ("Turkish", "2017"))) is None


def test_plain_matching_still_needs_the_date() -> None:
    text = "The army captured Kafr Example on Sunday, state media said."
    assert match_events(text, TIMELINE) == []
    found = match_events(text, TIMELINE, undated=True)
    assert found and all(m.undated for m in found)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The army captured Kafr Example on Sunday, state media said.", {SUNDAY}),
        ("Troops seized Kafr Example, the command announced on Thursday.", {THURSDAY}),
        # the weekday in the lead dates the headline's news
        ("Army captures Kafr Example\n\nThe rebels withdrew overnight, officials said on Sunday.\n"
         "More later.", {SUNDAY}),
    ],
)  # fmt: skip
def test_the_weekday_it_names_picks_the_occurrence(text: str, want: set[dt.date]) -> None:
    assert days(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "The army captured Kafr Example, state media said.",  # no day at all
        "The army captured Kafr Example on Tuesday, state media said.",  # neither's weekday
        "The army captured Kafr Example in 2015, state media said on Sunday.",  # another year
        "Army captures Kafr Example\n\nThe handover would begin on Sunday, officials said.\n",
    ],
)
def test_without_the_events_weekday_the_undated_sentence_is_not_the_event(text: str) -> None:
    assert days(text) == set()


def test_two_occurrences_on_the_same_weekday_leave_it_open() -> None:
    again = dt.date(2016, 12, 11)  # also a Sunday
    timeline = events_from_dicts([_event(SUNDAY), _event(again)])
    assert days("The army captured Kafr Example on Sunday.", timeline) == set()


def test_a_dated_match_is_kept_as_before() -> None:
    assert days("The army captured Kafr Example on March 2, officials said.") == {THURSDAY}


def test_the_confirmed_event_dates_an_undated_report() -> None:
    text = "Army captures Kafr Example\n\nThe army captured it on Sunday, state media said.\n"
    j = judge_date(text, (), reported_events(text, TIMELINE))
    assert j.date is not None and SUNDAY <= j.date <= SUNDAY + dt.timedelta(days=2)
    assert j.earliest == SUNDAY and j.latest is not None


# --- the weekday near the sentence that reports an event --------------------------------------

STRIKE = dt.date(2018, 4, 9)  # a Monday
STRIKE_TIMELINE = events_from_dicts(
    [
        {
            "id": "2018-04-09-tell-sample-strike",
            "date": STRIKE,
            "kind": "strike",
            "title": "strike on the Tell Sample air base",
            "summary": "A strike on the Tell Sample air base kills 14 fighters",
            "places": ["Tell Sample"],
            "match": [["Tell Sample"], ["$strike"]],
        }
    ]
)


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_the_events_weekday_said_beside_it_bounds_the_report_to_that_week(gap: str) -> None:
    # (in its paragraph, or in the lead: a dateline on its own line is no part of the lead)
    text = (
        "Strike on air base kills 14\n\nAgency, Beirut :\n\nA dawn strike on an air base killed"
        f" 14 fighters, a monitor said on Monday.{gap}“At least 14 fighters were killed in the"
        " strike on Tell Sample,” its head said.\n"
    )
    j = judge_date(text, (), reported_events(text, STRIKE_TIMELINE))
    assert j.earliest == STRIKE and j.latest is not None
    assert (j.latest - STRIKE).days <= 7 and STRIKE <= j.date <= STRIKE + dt.timedelta(days=2)


def test_another_weekday_beside_it_leaves_the_range_open() -> None:
    text = (
        "Strike on air base kills 14\n\nA dawn strike on an air base killed 14 fighters, a"
        " monitor said on Thursday.\n\nSome more words about it.\n\n“At least 14 fighters were"
        " killed in the strike on Tell Sample,” its head said, on Thursday.\n"
    )
    j = judge_date(text, (), reported_events(text, STRIKE_TIMELINE))
    assert j.earliest is not None and j.earliest >= STRIKE and j.latest is None


# --- a day the lead writes without its year, weeks after the event it reports -----------------

ROADMAP = dt.date(2018, 6, 4)
ROADMAP_TIMELINE = events_from_dicts(
    [
        {
            "id": "2018-06-04-kafr-example-roadmap",
            "date": ROADMAP,
            "kind": "agreement",
            "title": "road map for Kafr Example",
            "summary": "Two governments agree a road map for Kafr Example",
            "places": ["Kafr Example"],
            "match": [["Kafr Example"], ["road map", "roadmap"]],
        }
    ]
)


@pytest.mark.parametrize("dateline", ["", "WASHINGTON\n\n"])
def test_the_leads_day_weeks_after_the_event_it_reports_is_the_news(dateline: str) -> None:
    text = (
        f"Allies turn to the second phase of the Kafr Example roadmap\n\n{dateline}"
        "Officials met recently on the roadmap for Kafr Example, the ministry said on June 25."
        "\n\nThe roadmap was agreed at a meeting on June 4.\n"
    )
    j = judge_date(text, (), reported_events(text, ROADMAP_TIMELINE))
    assert j.latest is not None and j.date is not None
    assert dt.date(2018, 6, 25) <= j.date <= dt.date(2018, 6, 27)


def test_the_leads_day_months_after_the_event_stays_a_lower_bound() -> None:
    text = (
        "Allies turn to the Kafr Example roadmap\n\n"
        "Officials met on the roadmap for Kafr Example, the ministry said on December 20."
        "\n\nThe roadmap was agreed at a meeting on June 4.\n"
    )
    j = judge_date(text, (), reported_events(text, ROADMAP_TIMELINE))
    assert j.latest is None


def test_the_leads_weekday_confirms_an_undated_event_further_down() -> None:
    text = (
        "Army in control\n\nGovernment forces advanced on Sunday, state media said.\n\n"
        "Some background on the region.\n\nThe army captured Kafr Example, a monitor said.\n"
    )
    assert days(text) == {SUNDAY}


def test_an_undated_agreement_needs_its_weekday_in_its_own_sentence() -> None:
    pact = dt.date(2018, 9, 17)  # a Monday
    timeline = events_from_dicts(
        [
            {
                "id": "2018-09-17-kafr-example-pact",
                "date": pact,
                "kind": "agreement",
                "title": "pact on Kafr Example",
                "summary": "A pact on Kafr Example",
                "places": ["Kafr Example"],
                "match": [["Kafr Example"], ["pact"], ["September 2018", "%"]],
            }
        ]
    )
    lead = "Fighting resumes\n\nThe army shelled the hills on Monday, state media said.\n\n"
    cited = lead + "Rebels were accused of breaking the Kafr Example pact.\n"
    assert days(cited, timeline) == set()
    signed = lead + "The Kafr Example pact was signed on Monday.\n"
    assert days(signed, timeline) == {pact}


def test_the_events_own_weekday_wins_over_an_ago_of_its_background() -> None:
    text = (
        "Kafr Example freed\n\nThe army captured Kafr Example on Sunday after weeks of fighting"
        " against the group, which seized the town about two years ago.\n"
    )
    timeline = events_from_dicts([{**_event(SUNDAY), "match": [["Kafr Example"], ["$capture"]]}])
    j = judge_date(text, (), reported_events(text, timeline))
    assert j.date is not None and SUNDAY <= j.date <= SUNDAY + dt.timedelta(days=3)


# --- the day a long fight started is its background ------------------------------------------


@pytest.mark.parametrize("verb", ["started", "began"])
def test_the_day_an_ongoing_fight_started_on_is_not_the_date(verb: str) -> None:
    text = (
        "Rebels near the town\n\nThe battle for the town of Tell Sample "
        f"{verb} on November 6, 2016 and is in its final stages today. Fighters were seen at "
        "a roundabout near it.\n"
    )
    j = judge_date(text, (), ())
    assert j.earliest == dt.date(2016, 11, 6)
    assert j.kind.value == "estimated" and j.latest is None  # after it, no more


# --- a bare metadata line weeks after an event the text dates by its weekday -----------------

FRIDAY = dt.date(2017, 4, 7)
MISSILES = events_from_dicts(
    [
        {
            "id": "2017-04-07-tell-sample-missiles",
            "date": FRIDAY,
            "kind": "strike",
            "title": "missile strike on the Tell Sample air base",
            "summary": "Missiles hit the Tell Sample air base",
            "places": ["Tell Sample"],
            "match": [["Tell Sample"], ["missiles", "$strike"]],
        }
    ]
)
STRIKE_TEXT = (
    "What we know about the Tell Sample air base\n\nWarships fired missiles at the Tell Sample"
    " air base early Friday, three days after an attack on a village, officials said.\n"
)


def _claim(day: dt.date, source: str = "metadata line") -> DateClaim:
    return DateClaim(day, "day", source, f"date {day.isoformat()}")


def test_a_metadata_line_weeks_after_the_weekdays_event_is_set_aside() -> None:
    late = _claim(dt.date(2017, 4, 27))
    j = judge_date(STRIKE_TEXT, [late], lambda: reported_events(STRIKE_TEXT, MISSILES))
    assert j.date is not None and FRIDAY <= j.date <= FRIDAY + dt.timedelta(days=3)
    assert "metadata line 2017-04-27 set aside" in j.evidence


@pytest.mark.parametrize(
    "claim",
    [
        _claim(dt.date(2017, 4, 8)),  # the day after: the line stands
        _claim(dt.date(2017, 4, 27), "published line"),  # a page's own published line stands
    ],
)
def test_a_metadata_line_within_the_week_or_a_published_line_stands(claim: DateClaim) -> None:
    j = judge_date(STRIKE_TEXT, [claim], lambda: reported_events(STRIKE_TEXT, MISSILES))
    assert j.kind.value == "stated" and j.date == claim.date


# --- a weekday none of a span's days has ------------------------------------------------------

SPAN = events_from_dicts(
    [
        {
            "id": "2017-10-17-tell-sample-taken",
            "date": dt.date(2017, 10, 17),  # a Tuesday
            "end": dt.date(2017, 10, 20),  # a Friday
            "kind": "capture",
            "title": "capture of Tell Sample",
            "summary": "The alliance takes Tell Sample",
            "places": ["Tell Sample"],
            "match": [["Tell Sample"], ["$capture"]],
        }
    ]
)


def test_a_weekday_said_after_a_span_is_the_day_after_it() -> None:
    text = "The alliance captured Tell Sample in the past days, the command said on Sunday.\n"
    j = judge_date(text, (), reported_events(text, SPAN))
    assert j.earliest == dt.date(2017, 10, 22) and j.latest is not None


def test_a_weekday_of_the_action_outside_the_span_is_another_event() -> None:
    text = (
        "Alliance advances\n\nThe alliance moved on.\n\nThe alliance captured the air base"
        " near Tell Sample on Sunday, cutting the roads.\n"
    )
    j = judge_date(text, (), reported_events(text, SPAN))
    assert j.latest is None  # after the span at most: no day


# --- the war's age in more words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "years"),
    [
        ("Seven years into the war, the government holds most of the country.", 7.0),
        ("Three years into Syria's civil war, talks stall.", 3.0),
        ("After eight years of war, towns lie in ruins.", 8.0),
    ],
)
def test_years_into_the_war_state_its_age(phrase: str, years: float) -> None:
    assert [y for y, _ in war_age_mentions(phrase)] == [years]
    j = judge_date(phrase, (), ())
    assert j.latest is not None and j.earliest is not None  # bounded on both sides


@pytest.mark.parametrize(
    "phrase",
    ["In the first five years of war, many fled.", "Over five years of the conflict, many fled."],
)
def test_a_part_of_the_war_is_not_its_age(phrase: str) -> None:
    assert war_age_mentions(phrase) == []


def test_weekdays_that_follow_the_events_own_run_on_from_it() -> None:
    fell = dt.date(2016, 8, 12)  # a Friday
    timeline = events_from_dicts(
        [{**_event(fell, "Tell Sample"), "match": [["Tell Sample"], ["$capture"]]}]
    )
    text = (
        "Crowds celebrate\n\nCredit line\n\nThe alliance has recaptured the town of Tell Sample"
        " from the group.\n\nCrowds filled the streets.\n\nThe town fell on Friday, an agency"
        " reported.\n\nOn Saturday, the group freed hundreds of the civilians it held.\n"
    )
    j = judge_date(text, (), reported_events(text, timeline))
    assert j.earliest == dt.date(2016, 8, 13) and j.latest is not None
    assert j.date is not None and j.date >= dt.date(2016, 8, 13)
    # without the day after, the Friday is no bound of its own, far from the event's sentence
    alone = text.replace("On Saturday, the", "Later the")
    assert judge_date(alone, (), reported_events(alone, timeline)).latest is None


def test_an_undated_occurrence_yields_to_the_one_the_text_dates() -> None:
    again = dt.date(2016, 12, 11)  # also a Sunday: the town lost again
    timeline = events_from_dicts([_event(SUNDAY), _event(again)])
    text = (
        "Army captures Kafr Example\n\nThe army captured Kafr Example in March 2016, on Sunday,"
        " state media said.\n"
    )
    assert days(text, timeline) == {SUNDAY}
