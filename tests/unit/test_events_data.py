"""Every shipped timeline file (annotate/events*.toml) is well-formed data: valid days, known
places, no id used twice and no event entered twice under two ids; and the news forms of its
events (no year, as a report of the day writes them) date an undated article, while the same
place in another year's news does not. Fixture texts are the project's own paraphrases."""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from importlib import resources

import pytest

from idlibtui.annotate import events as events_module
from idlibtui.annotate.date_events import reported_events
from idlibtui.annotate.dating import judge_date
from idlibtui.annotate.events import EARLIEST, KINDS, LATEST, base_events
from idlibtui.annotate.events_match import match_events
from idlibtui.annotate.events_words import phrase_keys

FILES = events_module._shipped_names()


def _raw(name: str) -> dict:
    return tomllib.loads(events_module._shipped_text(name))


def _gazetteer_keys() -> set[tuple[str, ...]]:
    text = resources.files("idlibtui.annotate").joinpath("gazetteer.toml").read_text("utf-8")
    keys = set()
    for table in tomllib.loads(text).values():
        for canonical, aliases in table.items():
            keys.update(phrase_keys(s) for s in (canonical, *aliases))
    return keys


# --- the data ----------------------------------------------------------------------------------


def test_there_are_several_timeline_files_and_many_events() -> None:
    assert "events_news.toml" in FILES
    assert len(base_events()) >= 440


@pytest.mark.parametrize("name", FILES)
def test_every_table_of_a_file_is_well_formed(name: str) -> None:
    raw = _raw(name)
    events = events_module.events_from_toml(events_module._shipped_text(name), name, user=False)
    assert len(events) == len(raw["event"])
    for table, event in zip(raw["event"], events, strict=True):
        assert isinstance(table["date"], dt.date), table["id"]
        assert EARLIEST <= event.date <= LATEST, event.id
        assert event.end is None or event.date <= event.end <= LATEST, event.id
        assert event.id.startswith(event.date.isoformat() + "-"), event.id
        assert event.kind in KINDS and event.title and event.summary, event.id
        for figure in event.figures:
            assert figure.value > 0, event.id


@pytest.mark.parametrize("name", FILES)
def test_places_are_known_to_the_gazetteer_or_listed_as_unlisted(name: str) -> None:
    known = _gazetteer_keys()
    raw = _raw(name)
    unlisted = {phrase_keys(p) for p in raw.get("unlisted_places", [])}
    # the list stays honest: a place the gazetteer learns leaves it
    assert not (unlisted & known), sorted(unlisted & known)
    for table in raw["event"]:
        for place in table.get("places", []):
            assert phrase_keys(place) in known | unlisted, (table["id"], place)


def test_no_id_is_used_twice_and_no_event_is_entered_twice() -> None:
    events = base_events()
    assert len({e.id for e in events}) == len(events)
    by_day: dict[dt.date, list] = {}
    for e in events:
        by_day.setdefault(e.date, []).append(e)
    for day_events in by_day.values():
        for a, b in itertools.combinations(day_events, 2):
            same = a.kind == b.kind and set(a.places) & set(b.places)
            assert not same, f"{a.id} and {b.id}: the same day, kind and place"


# --- the news of the day dates an undated article ----------------------------------------------

NEWS = [
    # (family, text, first and last day the judgement may give)
    (
        "recapture by weekday",
        "Army retakes ancient city\n\nSyrian troops backed by Russian jets took back Palmyra "
        "from the Islamic State on Sunday, state television said, calling it a heavy blow to "
        "the jihadists.\n\nMore text follows here.",
        dt.date(2016, 3, 27),
        dt.date(2016, 4, 2),
    ),
    (
        "the same town, another weekday",
        "Palmyra changes hands again\n\nThe Syrian army recaptured Palmyra on Thursday with the "
        "help of Russian air strikes, the military command announced.\n\nMore text.",
        dt.date(2017, 3, 2),
        dt.date(2017, 3, 8),
    ),
    (
        "surrender deal",
        "Southern rebels give up\n\nRebels in Deraa agreed on Friday to hand over their heavy "
        "weapons under a deal brokered by Russia, opposition sources said.\n\nMore.",
        dt.date(2018, 7, 6),
        dt.date(2018, 7, 12),
    ),
    (
        "school strike",
        "Children killed at school\n\nWarplanes hit a school complex in the village of Hass in "
        "Idlib, killing at least twenty pupils, rescuers said.\n\nMore.",
        dt.date(2016, 10, 26),
        dt.date(2016, 10, 28),
    ),
    (
        "evacuation completed",
        "Last rebels leave the city\n\nThe last convoy of fighters and their families left east "
        "Aleppo and the army declared full control of the city, state media said.\n\nMore.",
        dt.date(2016, 12, 22),
        dt.date(2016, 12, 24),
    ),
    (
        "jets downed",
        "Ankara downs Damascus jets\n\nTurkish F-16s shot down two Syrian warplanes over Idlib, "
        "the defence ministry in Ankara said.\n\nMore.",
        dt.date(2020, 3, 1),
        dt.date(2020, 3, 3),
    ),
    (
        "town captured",
        "Army takes key town\n\nSyrian troops entered Jarjanaz after the jihadists withdrew, "
        "opening the road to Maaret al-Numan, a monitor said.\n\nMore.",
        dt.date(2019, 12, 23),
        dt.date(2019, 12, 27),
    ),
    (
        "talks round",
        "Talks resume in Switzerland\n\nThe sixth round of negotiations on Syria opened in "
        "Geneva with the UN envoy Staffan de Mistura meeting both delegations.\n\nMore.",
        dt.date(2017, 5, 16),
        dt.date(2017, 5, 18),
    ),
    (
        "air base captured",
        "Alliance takes airfield\n\nUS-backed fighters seized the military airport near the "
        "Euphrates dam from the Islamic State, the SDF said.\n\nMore.",
        dt.date(2017, 3, 26),
        dt.date(2017, 3, 28),
    ),
]


@pytest.mark.parametrize(("family", "text", "first", "last"), NEWS, ids=[n[0] for n in NEWS])
def test_the_news_form_of_an_event_dates_an_undated_article(
    family: str, text: str, first: dt.date, last: dt.date
) -> None:
    judgement = judge_date(text, (), reported_events(text))
    assert judgement.date is not None, family
    assert first <= judgement.date <= last, (family, judgement.date, judgement.evidence)


NOT_NEWS = [
    # a news rule never reads a sentence that names a year, or another actor's deed
    "The army first took back Palmyra on a Sunday in 2016, with Russian support.",
    "Islamic State fighters seized Palmyra on Sunday despite Russian air strikes.",
    "Rebels seized the Nassib crossing from government forces three years ago.",
    "The school in Hass was rebuilt with money from donors in 2018.",
    "Turkish drones hit two Syrian tanks near Saraqib.",
]


@pytest.mark.parametrize("sentence", NOT_NEWS)
def test_a_news_rule_ignores_background_and_other_actors(sentence: str) -> None:
    news_ids = {
        e.id
        for e in events_module.events_from_toml(
            events_module._shipped_text("events_news.toml"), "news", user=False
        )
    }
    news_ids |= {"2016-03-27-palmyra-retaken", "2018-07-06-nassib-retaken"}
    found = {m.event.id for m in match_events(sentence)} & news_ids
    assert not found, found


# --- landmark events of the war, as a report of the day words them (no year) --------------------

LANDMARKS = [
    ("2015-11-24", "Turkey shot down a Russian warplane near the Syrian border on Tuesday."),
    ("2015-09-02", "The body of a drowned Syrian toddler washed up on a beach near Bodrum."),
    (
        "2016-08-17",
        "A photograph of a dazed boy covered in dust in an Aleppo ambulance went round the world.",
    ),
    ("2016-09-19", "Air strikes hit an aid convoy near Aleppo on Monday, killing about 20 people."),
    (
        "2016-12-13",
        "Rebels agreed to leave eastern Aleppo under a deal brokered by Russia and Turkey.",
    ),
    ("2016-12-30", "A nationwide truce brokered by Russia and Turkey came into force at midnight."),
    ("2016-08-24", "Turkish tanks crossed the border to drive the Islamic State out of Jarablus."),
    ("2017-06-18", "An American F/A-18 shot down a Syrian army warplane south of Tabqa on Sunday."),
    (
        "2017-10-17",
        "US-backed fighters declared full control of Raqqa, the jihadists' former capital.",
    ),
    (
        "2017-11-03",
        "Troops drove the Islamic State out of the city of Deir ez-Zor on Friday, the army said.",
    ),
    (
        "2018-01-06",
        "Drones attacked the Hmeimim air base and the naval facility at Tartus overnight.",
    ),
    (
        "2019-03-23",
        "The Kurdish-led alliance declared the total elimination of the caliphate on Saturday.",
    ),
    (
        "2019-10-09",
        "Turkey launched an offensive against Kurdish fighters in north-east Syria on Wednesday.",
    ),
    (
        "2019-10-13",
        "Defense Secretary Esper said the US was pulling its troops out of northern Syria.",
    ),
    (
        "2019-12-20",
        "Russia and China vetoed a draft on Friday to keep aid crossings from Iraq open.",
    ),
    ("2020-01-10", "The Security Council voted to keep two crossings from Turkey open for aid."),
    (
        "2020-02-19",
        "Erdogan told his party's lawmakers that an operation in Idlib was a matter of time.",
    ),
    (
        "2019-08-31",
        "US forces struck a meeting of al-Qaeda leaders north of Idlib on Saturday, CENTCOM said.",
    ),
    (
        "2016-04-03",
        "Government forces retook al-Qaryatain from the jihadists on Sunday, days after Palmyra.",
    ),
    (
        "2017-10-21",
        "The army restored security to al-Qaryatain on Saturday after a three-week return.",
    ),
    (
        "2018-12-14",
        "The Kurdish-led forces drove the Islamic State out of Hajin on Friday, a monitor said.",
    ),
    (
        "2015-08-23",
        "The jihadists blew up the temple of Baalshamin at Palmyra, the antiquities chief said.",
    ),
    (
        "2018-08-12",
        "An arms depot exploded under a residential building in Sarmada, killing dozens.",
    ),
    (
        "2020-08-12",
        "Assad halted his speech to the new parliament after his blood pressure dropped.",
    ),
]


@pytest.mark.parametrize(("day", "sentence"), LANDMARKS, ids=[d for d, _ in LANDMARKS])
def test_a_landmark_reported_without_its_year_dates_the_article(day: str, sentence: str) -> None:
    text = "Headline of the day\n\n" + sentence + "\n\nMore text follows.\n"
    judgement = judge_date(text, (), reported_events(text))
    # the news of the day bounds the date from below at the event's day (agreements, votes and
    # long operations are cited for months: the dating code makes them a floor, not a window)
    assert judgement.earliest is not None, text
    assert abs((judgement.earliest - dt.date.fromisoformat(day)).days) <= 3, judgement.evidence
    assert judgement.date is None or judgement.date >= judgement.earliest


# --- one place, several events: the actor, the toll or the weekday tells them apart -----------

TWINS = [
    ("2019-02-09", "The SDF launched the final battle for the last jihadist enclave at Baghouz."),
    ("2019-03-23", "The SDF declared the total elimination of the caliphate on Saturday."),
    ("2019-05-21", "Rebels recaptured Kafr Nabudah in a counter-offensive on Tuesday night."),
    ("2019-05-26", "The Syrian army on Sunday recaptured the town of Kafr Nabudah."),
    ("2019-07-22", "Air strikes on the market of Maarat al-Numan killed 39 people on Monday."),
    ("2019-12-02", "An air strike on the market of Maarat al-Numan killed 10 civilians on Monday."),
    (
        "2018-04-09",
        "Missiles struck the T-4 air base early on Monday, killing 14 including Iranians.",
    ),
    (
        "2018-07-08",
        "Syrian air defences fired at missiles targeting the T4 air base on Sunday night.",
    ),
    (
        "2020-01-14",
        "Missiles hit the T-4 air base in Homs on Tuesday night, Syrian state media said.",
    ),
    (
        "2020-02-06",
        "Syrian troops entered the town of Saraqeb on Thursday after the rebels withdrew.",
    ),
    ("2020-02-27", "Turkish-backed rebels recaptured Saraqeb on Thursday, cutting the M5 again."),
]


@pytest.mark.parametrize(("day", "sentence"), TWINS, ids=[d for d, _ in TWINS])
def test_two_events_at_one_place_are_told_apart(day: str, sentence: str) -> None:
    text = "Headline of the day\n\n" + sentence + "\n\nMore text follows.\n"
    judgement = judge_date(text, (), reported_events(text))
    assert judgement.earliest is not None, text
    assert abs((judgement.earliest - dt.date.fromisoformat(day)).days) <= 3, judgement.evidence
