"""Article dates on the families of errors seen on held-out real pages (issue 12).

Every fixture is written for this project in its own words; it reproduces a pattern (a wire
mirror's header, a date-counter strip, a caption's old day, a weekday read in the wrong week, a
background event), never a page's text.
"""

from __future__ import annotations

import datetime as dt

from idlibtui.annotate import date_article
from idlibtui.annotate.dating import judge_date, reported_events
from idlibtui.clean import clean_document
from idlibtui.serialize import article_to_dict


def judged(raw: str):
    return date_article(clean_document(raw))


def shown(raw: str) -> str | None:
    """The day ``clean --json`` states (None for an honest range or unknown)."""
    return article_to_dict(judged(raw))["date"]


# --- headers and stamps -----------------------------------------------------------------------


def test_a_wire_mirror_header_with_an_editor_gives_the_day_and_the_outlet() -> None:
    raw = (
        "Army secures a town in the south of the province\n\n"
        "Source: Xinhua| 2019-08-23 16:04:26|Editor: lim\n\n"
        "The army has entered every quarter of the town after the armed groups pulled out, a "
        "military source said. The town was retaken on Wednesday after a long push.\n"
    )
    article = judged(raw)
    assert article.date == dt.date(2019, 8, 23) and article.date_kind == "stated"
    assert article.source == "Xinhua"


def test_a_publication_stamp_with_its_time_is_not_chrome_for_background_years() -> None:
    raw = (
        "Army retakes an air base in the east of the province\n\n"
        "January, 20, 2018 – 18:58\n\n"
        "The base was lost to the armed groups in 2015 and its recapture is a turning point, a "
        "commander said. Units had taken a nearby village on Friday.\n"
    )
    assert shown(raw) == "2018-01-20"


def test_a_date_counter_strip_in_the_text_is_not_a_reported_day() -> None:
    raw = (
        "Some Site Name\n"
        "14 November 2018 - Wednesday - 6 Rabi al-Awwal 1440 | 14/11/2018 (14) 13/11/2018 (41) "
        "12/11/2018 (53) Total: 1,234 content\n\n"
        "URGENT: Army takes the air base\n\n"
        "20 January 2018 13:58\n\n"
        "Reporters travelling with the army say elite units have taken the air base after a "
        "night of heavy fighting around its perimeter.\n"
    )
    assert shown(raw) == "2018-01-20"


# --- fully written days ------------------------------------------------------------------------


def test_a_weekday_the_nth_of_month_and_year_is_the_day_itself_not_a_bound() -> None:
    j = judge_date(
        "Air strikes hit the crowded market this morning, rescuers said, a day after raids on "
        "Sunday the 12th of November 2017 killed four people in the same town."
    )
    assert j.precise and j.earliest is not None
    assert dt.date(2017, 11, 12) <= j.date <= dt.date(2017, 11, 14)


# --- weekdays and the dated day ---------------------------------------------------------------


def test_a_weekday_far_after_a_day_named_with_its_own_weekday_is_a_day_before() -> None:
    # February 24, 2020 was a Monday: "on Monday" is that day, "on Sunday" the day before
    j = judge_date(
        "Troops took four villages on Monday after heavy fighting, state media said.\n\n"
        "A photo handed out on February 24, 2020 shows the entrance of a tunnel in one of them.\n\n"
        "The advance came a day after warplanes pounded the area on Sunday."
    )
    assert j.date is not None and abs((j.date - dt.date(2020, 2, 24)).days) <= 1


def test_a_weekday_named_alone_still_comes_after_a_dated_day_of_another_weekday() -> None:
    j = judge_date(
        "Warplanes struck near the post on August 22, 2019, activists said. On Wednesday a new "
        "strike hit the same area, the ministry said."
    )
    assert j.earliest == dt.date(2019, 8, 28)


def test_an_old_caption_day_is_not_moved_to_a_weekday_days_later() -> None:
    raw = (
        "Army clears more villages in the south\n\n"
        "A handout picture released by the state agency on July 26, 2018 shows soldiers "
        "raising a flag in a southern village. (Via AFP)\n\n"
        "Government troops took control of two villages in the south of the province on "
        "Sunday after intense battles, the state agency said.\n\n"
        "The army has gained ground after a week-long renewed assault on the enclave.\n"
    )
    assert shown(raw) is None


# --- events named as the past -------------------------------------------------------------------


def test_an_event_whose_year_the_sentence_names_alone_is_background() -> None:
    text = (
        "Three villages were taken on Tuesday.\n\n"
        "The city's fall marked the end of the caliphate the group had proclaimed in 2014."
    )
    events = [e for e in reported_events(text) if e.date.year == 2014]
    assert events and all(e.background for e in events)
    judgement = judge_date(text, (), reported_events(text))
    assert not judgement.precise and judgement.latest is None  # a lower bound, no day


# --- the events timeline ------------------------------------------------------------------------


def _event_days(text: str) -> set[dt.date]:
    return {e.date for e in reported_events(text) if not e.background}


def test_due_to_a_cause_is_not_the_future() -> None:
    # "due to the shelling" gives a cause; the sentence still reports the attack
    text = (
        "The defence ministry raised the death toll of the shelling in the Idlib countryside to "
        "five Turkish soldiers and a civilian employee, due to the bombardment by regime forces."
    )
    assert dt.date(2020, 2, 3) in _event_days(text)
    planned = "Talks on the contractor killed by soldiers are due to resume in Ankara."
    assert _event_days(planned) == set()


def test_a_town_retaken_weeks_after_its_first_capture_is_the_later_event() -> None:
    again = "Breaking: the army recaptures Kafr Nabudah in the north of Hama after a counter-attack"
    first = "The army imposed full control over the town of Kafr Nabudah after heavy clashes."
    assert max(_event_days(again)) == dt.date(2019, 5, 26)
    assert _event_days(first) == {dt.date(2019, 5, 8)}


def test_the_ground_attack_jet_downed_in_idlib_in_other_spellings() -> None:
    for text in (
        "A Russian Sukhoi-25 jet has been shot down over a rebel-held town in Idlib province.",
        "The SU-25 came down in an area of Idlib province that has seen heavy air strikes.",
    ):
        assert _event_days(text) == {dt.date(2018, 2, 3)}


def test_two_soldiers_killed_in_air_strikes_are_not_the_five_of_another_day() -> None:
    text = (
        "Two Turkish soldiers were killed and five injured in airstrikes on Turkish positions "
        "in Idlib, the ministry announced on Thursday."
    )
    assert _event_days(text) == {dt.date(2020, 2, 20)}


def test_a_rebel_capture_of_a_town_without_its_year_is_found_from_the_actors() -> None:
    text = "After three days of fighting, opposition fighters have captured Jisr al-Shughur."
    assert _event_days(text) == {dt.date(2015, 4, 25)}
    army = "Government troops stormed the Abu al-Duhur air base after a night of fighting."
    assert _event_days(army) == {dt.date(2018, 1, 20)}


# --- names that date a text from below ------------------------------------------------------


def test_a_weekday_with_a_month_day_takes_the_year_that_names_in_the_text_allow() -> None:
    # July 27 was a Saturday in 2013 and 2019; the White Helmets were not named so in 2013
    j = judge_date(
        "An air strike hit a market in Ariha on Saturday, July 27, killing eleven people, "
        "activists said. The White Helmets pulled survivors from the rubble."
    )
    assert j.date is not None and j.date.year == 2019 and j.precise
    # without such a name the year stays open
    bare = judge_date("An air strike hit a market in Ariha on Saturday, July 27, activists said.")
    assert not bare.precise


def test_an_event_that_follows_after_is_the_background_of_the_news() -> None:
    text = (
        "Jihadist rebels opened a new offensive in the north-west yesterday, less than a month "
        "after seizing the provincial capital, the city of Idlib."
    )
    assert all(e.background for e in reported_events(text) if e.date.year == 2015)


def test_a_text_day_just_before_an_operation_it_names_moves_to_that_operation() -> None:
    j = judge_date(
        "Turkish troops were killed in an air strike on Feb. 27, 2020, officials said. Yesterday "
        "the defence minister announced Operation Spring Shield against the government's forces."
    )
    assert j.precise and j.date is not None
    assert dt.date(2020, 3, 1) <= j.date <= dt.date(2020, 3, 3)


# --- report days and numeric days -------------------------------------------------------------


def test_a_reports_title_as_of_a_day_dates_it_and_is_no_floor_for_its_days() -> None:
    raw = (
        "Northwest Region Situation Report No. 4 - as of 31 May 2019\n\n"
        "HIGHLIGHTS\n\n"
        "Over the past week air strikes and shelling intensified across the region, and "
        "displacements from 1 to 22 May passed two hundred thousand people.\n"
    )
    assert shown(raw) == "2019-05-31"


def test_a_month_first_numeric_stamp_is_read_by_the_news_it_reports() -> None:
    raw = (
        "Army retakes three villages near Saraqeb\n\n"
        "Publish date : 3/5/2020\n\n"
        "Russian military police deployed in Saraqeb on Sunday as government forces took the "
        "town back, and the army repelled a new attack on Wednesday, a monitor said.\n"
    )
    article = judged(raw)
    assert article.date == dt.date(2020, 3, 5)
    assert "month first" in article.date_evidence


def test_the_market_strike_and_the_first_case_in_the_north_west_date_their_reports() -> None:
    market = (
        "Syria: air strikes on Atareb market kill dozens\n\n"
        "At least fifty people were killed when warplanes struck the market of a rebel-held town."
    )
    assert _event_days(market) == {dt.date(2017, 11, 13)}
    covid = (
        "Fear in the camps\n\n"
        "A doctor became the first confirmed case of the coronavirus in opposition-held "
        "north-west Syria, health officials in Idlib said on Thursday."
    )
    j = judge_date(covid, (), reported_events(covid))
    assert j.precise and j.date is not None
    assert dt.date(2020, 7, 9) <= j.date <= dt.date(2020, 7, 12)


def test_a_setting_after_after_does_not_make_the_event_background() -> None:
    # "after US troops withdrew" is the setting; the patrols are the news
    text = (
        "Russia said on Tuesday that its units were patrolling near Manbij, filling a vacuum "
        "after US troops were withdrawn from the area."
    )
    events = [e for e in reported_events(text) if e.date == dt.date(2019, 10, 14)]
    assert events and not events[0].background


def test_a_publication_line_of_the_era_its_names_date_stands_over_old_years() -> None:
    raw = (
        "Rescuers under the bombs\n\n12 December, 2016\n\n"
        "Volunteers dig survivors out of the rubble every day, one of them said. Fighters of "
        "Jabhat Fateh al-Sham hold the town. He first learned first aid in Grozny in early 2000.\n"
    )
    assert shown(raw) == "2016-12-12"


def test_the_news_under_a_short_standfirst_is_the_lead() -> None:
    text = (
        "Rebels close in on the coast\n\n"
        "An opposition alliance has seized a town on the way to the coast.\n\n"
        "After three days of fighting, opposition fighters have captured Jisr al-Shughur.\n\n"
        "The offensive brings them within a few kilometres of the coastal province.\n"
    )
    j = judge_date(text, (), reported_events(text))
    assert j.precise and j.date is not None
    assert dt.date(2015, 4, 25) <= j.date <= dt.date(2015, 4, 27)


def test_a_caption_showing_the_news_on_its_day_dates_the_report() -> None:
    raw = (
        "A handout picture released by the state news agency on January 28, 2020 shows "
        "soldiers on the eastern outskirts of Maarat al-Numan in Idlib province. (Photo: SANA)\n\n"
        "Syrian troops take a key town in the rebel-held province\n\n"
        "The town, held by rebels since 2012, sits on the highway that links the capital with "
        "the north, and its loss is a heavy blow to the armed groups.\n"
    )
    article = judged(raw)
    assert article.date is not None and dt.date(2020, 1, 28) <= article.date <= dt.date(2020, 1, 30)
    assert "caption" in article.date_evidence


def test_a_post_besieged_since_an_offensive_earlier_this_year_is_background() -> None:
    text = (
        "Turkish troops begin to leave their post\n\n"
        "The outpost in Morek has in effect been besieged by government forces since an "
        "offensive retook much of the area earlier this year, residents said.\n"
    )
    assert all(e.background for e in reported_events(text) if e.date.year == 2019)


def test_a_numeric_stamp_that_reads_both_ways_and_no_news_decides_is_set_aside() -> None:
    raw = (
        "Shelling in the countryside\n\nPublish date : 4/6/2019\n\n"
        "Rockets hit a village in the countryside overnight, wounding three people, local "
        "sources said.\n"
    )
    article = judged(raw)
    assert shown(raw) is None
    assert "reads both ways" in article.date_evidence
    # a day-first stamp with dots is no puzzle
    dotted = raw.replace("4/6/2019", "04.06.2019")
    assert shown(dotted) == "2019-06-04"


def test_a_mandates_deadline_a_year_on_does_not_push_its_own_vote_into_the_background() -> None:
    text = (
        "Council keeps one crossing open\n\n"
        "The Security Council voted on Saturday to keep aid flowing through Bab al-Hawa only, "
        "the single crossing left, for twelve months until the 10 July 2021.\n"
    )
    events = [e for e in reported_events(text) if e.date == dt.date(2020, 7, 11)]
    assert events and not events[0].background
