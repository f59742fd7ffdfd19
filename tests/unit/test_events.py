"""The timeline of dated events (annotate/events.toml) and the matcher that finds the sentences
of an article reporting them: the data is valid, paraphrases of an event are found, near misses
are not, offsets point at the text, and the seed articles report what a careful reader sees."""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from idlibtui.annotate.events import (
    EARLIEST,
    KINDS,
    LATEST,
    Event,
    EventsError,
    base_events,
    events_from_dicts,
    events_from_toml,
    load_events,
)
from idlibtui.annotate.events_match import EventMatcher, match_events
from idlibtui.annotate.events_words import phrase_keys, sentence_spans
from idlibtui.clean import clean_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def ids(text: str, events=None) -> set[str]:
    return {m.event.id for m in match_events(text, events)}


# --- the data ----------------------------------------------------------------------------------


def test_shipped_timeline_loads_and_validates() -> None:
    events = base_events()
    assert len(events) >= 250
    assert len({e.id for e in events}) == len(events)
    for e in events:
        assert EARLIEST <= e.date <= LATEST, e.id
        assert e.end is None or e.date <= e.end <= LATEST, e.id
        assert e.kind in KINDS, e.id
        assert e.summary and e.title, e.id
        assert e.id.startswith(e.date.isoformat()), e.id
        assert e.rules, e.id
        for rule in e.rules:
            assert rule and all(group for group in rule), e.id
        for f in e.figures:
            assert f.what and f.who and f.value > 0, e.id


def test_timeline_is_weighted_toward_north_west_syria_2015_2020() -> None:
    events = base_events()
    recent = [e for e in events if e.date.year >= 2015]
    assert len(recent) >= 0.75 * len(events)
    north_west = {"Idlib", "Hama", "Aleppo", "Latakia"}
    assert sum(1 for e in recent if north_west & set(e.places)) >= 80


def test_every_raw_table_has_the_documented_keys() -> None:
    text = resources.files("idlibtui.annotate").joinpath("events.toml").read_text("utf-8")
    for table in tomllib.loads(text)["event"]:
        assert isinstance(table["date"], dt.date), table["id"]
        assert "end" not in table or isinstance(table["end"], dt.date), table["id"]
        assert table.get("match") or table.get("match_any"), table["id"]


def test_places_use_the_gazetteers_canonical_names() -> None:
    text = resources.files("idlibtui.annotate").joinpath("gazetteer.toml").read_text("utf-8")
    canonical_of: dict[tuple[str, ...], str] = {}
    for table in tomllib.loads(text).values():
        for canonical, aliases in table.items():
            for spelling in (canonical, *aliases):
                canonical_of.setdefault(phrase_keys(spelling), canonical)
    for e in base_events():
        for place in e.places:
            known = canonical_of.get(phrase_keys(place))
            assert known is None or known == place, f"{e.id}: {place!r} is {known!r}"


def test_describe_names_the_day_and_the_event() -> None:
    by_id = {e.id: e for e in base_events()}
    assert by_id["2020-02-27-balyun-strike"].describe() == (
        "the 27 February 2020 air strike on Turkish troops near Balyun"
    )
    assert (
        by_id["2019-04-30-idlib-hama-offensive"]
        .describe()
        .startswith("the 30 April–31 August 2019 ")
    )
    assert by_id["2016-08-24-euphrates-shield"].date_text() == "24 August 2016–29 March 2017"


# --- matching paraphrases ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event_id"),
    [
        # the Balyun strike, several ways
        (
            "Thirty-three Turkish soldiers died when Syrian jets bombed their convoy.",
            "2020-02-27-balyun-strike",
        ),
        (
            "Ankara said 34 Turkish troops were killed in the raid on Thursday night.",
            "2020-02-27-balyun-strike",
        ),
        ("Turkey blamed Damascus for the strike near Baloun.", "2020-02-27-balyun-strike"),
        # Taftanaz: a place, or five soldiers in Idlib
        (
            "Shelling of the Taftanaz air base left Turkish soldiers dead.",
            "2020-02-10-taftanaz-attack",
        ),
        (
            "The ministry said 5 Turkish servicemen were killed in Idlib on Monday.",
            "2020-02-10-taftanaz-attack",
        ),
        # 3 February: a civilian contractor, or seven/eight soldiers killed by the government
        (
            "Four soldiers and a civilian contractor were killed by artillery fire.",
            "2020-02-03-saraqeb-shelling-turkish-troops",
        ),
        (
            "Seven Turkish soldiers were killed by Syrian regime shelling near Saraqib.",
            "2020-02-03-saraqeb-shelling-turkish-troops",
        ),
        # captures, with diacritics, apostrophes and other spellings
        (
            "Regime troops seized Ma‘arrat an-Nu‘man after weeks of bombing.",
            "2020-01-28-maarat-captured",
        ),
        ("Government forces took control of Saraqeb.", "2020-02-06-saraqeb-captured"),
        ("Rebels backed by Turkey recaptured SARAQIB.", "2020-02-27-saraqeb-retaken-by-rebels"),
        ("Russian military police entered Saraqeb.", "2020-03-02-saraqeb-retaken-by-government"),
        ("Syrian troops have retaken Khan Sheikhoun.", "2019-08-19-khan-shaykhun-captured"),
        # agreements and ceasefires
        (
            "Moscow and Ankara signed the Sochi memorandum on Idlib in September 2018.",
            "2018-09-17-sochi-memorandum",
        ),
        ("The truce that began on Jan. 12 collapsed.", "2020-01-09-idlib-ceasefire"),
        (
            "The Moscow deal of March 5 created a security corridor along the M4.",
            "2020-03-05-moscow-protocol",
        ),
        ("Turkey’s Operation Spring Shield hit Syrian tanks.", "2020-03-01-spring-shield"),
        (
            "The Euphrates Shield campaign pushed the jihadists out of Jarabulus.",
            "2016-08-24-euphrates-shield",
        ),
        # chemical attacks and the strikes that answered them
        ("Sarin killed dozens in Khan Shaykhoun.", "2017-04-04-khan-shaykhun-sarin"),
        ("The chlorine attack on Douma shocked the world.", "2018-04-07-douma-chemical"),
        (
            "Fifty-nine Tomahawk missiles hit the Shayrat airfield.",
            "2017-04-07-shayrat-strike",
        ),
        # ISIS, Russia, the UN
        (
            "Abu Bakr al-Baghdadi died in a US raid in Barisha.",
            "2019-10-27-baghdadi-killed",
        ),
        (
            "Russia's military intervention in September 2015 turned the tide.",
            "2015-09-30-russian-intervention",
        ),
        (
            "The council adopted resolution 2504, leaving two crossings open.",
            "2020-01-10-resolution-2504",
        ),
        (
            "OCHA says nearly 900,000 people have been displaced since 1 December.",
            "2020-02-17-ocha-900000",
        ),
        # spellings the gazetteer lacks, and the villages taken with Kafr Nabl
        (
            "Loyalist troops finally broke the siege on Deir ez-Zour.",
            "2017-09-05-deir-ez-zor-siege-broken",
        ),
        ("Green buses started evacuating people from east Aleppo.", "2016-12-13-aleppo-evacuation"),
        (
            "Army units restored control over Kafr Sajneh and Sheikh Mustafa.",
            "2020-02-24-kafr-nabl-captured",
        ),
        ("Soldiers seized Kafrnubol after heavy fighting.", "2020-02-24-kafr-nabl-captured"),
        (
            "Some 35 mortar rounds landed on the Turkish observation post, Ankara said.",
            "2019-06-13-turkish-post-mortar-attack",
        ),
        (
            "Erdogan said rebels backed by Turkey were starting a serious operation in Idlib.",
            "2017-10-07-erdogan-announces-idlib-operation",
        ),
        (
            "Men who looked like civilians attacked observation point 7, Ankara said.",
            "2020-09-16-observation-post-7-attack",
        ),
        # the same reports in other languages (paraphrased)
        (
            "أعلن الإعلام الموالي للنظام استعادة السيطرة على سراقب اليوم.",
            "2020-02-06-saraqeb-captured",
        ),
        ("La città di Raqqa è stata liberata, hanno detto le Fsd.", "2017-10-17-raqqa-captured"),
        ("Rejim saldırısında 33 Mehmetçik şehit oldu, vali açıkladı.", "2020-02-27-balyun-strike"),
        ("Şehit asker sayısı 33'e yükseldi.", "2020-02-27-balyun-strike"),
        ("Minst 33 tyrkiske soldater ble drept i et luftangrep.", "2020-02-27-balyun-strike"),
        ("مقتل 33 جنديا تركيا في غارة جوية في إدلب.", "2020-02-27-balyun-strike"),
        (
            "İdlib'de rejimin topçu atışında 4 askerimiz şehit oldu.",
            "2020-02-03-saraqeb-shelling-turkish-troops",
        ),
        (
            "In Idlib wurden bei Beschuss vier türkische Soldaten getötet.",
            "2020-02-03-saraqeb-shelling-turkish-troops",
        ),
        ("İdlib'de rejim saldırısında 5 askerimiz şehit oldu.", "2020-02-10-taftanaz-attack"),
    ],
)
def test_paraphrased_sentences_match_their_event(sentence: str, event_id: str) -> None:
    assert event_id in ids(sentence)


@pytest.mark.parametrize(
    ("text", "event_id"),
    [
        # the words of the rule, but in different sentences
        (
            "Thirty-three people were killed. Turkish soldiers later arrived.",
            "2020-02-27-balyun-strike",
        ),
        ("Government forces shelled the area. Saraqeb was quiet.", "2020-02-06-saraqeb-captured"),
        # a different number
        ("Three Turkish soldiers were killed in Idlib.", "2020-02-27-balyun-strike"),
        ("Three Turkish soldiers were killed in Idlib.", "2020-02-10-taftanaz-attack"),
        ("Thirteen Turkish soldiers were killed near Saraqeb.", "2020-02-27-balyun-strike"),
        # another event with the same words
        (
            "Five soldiers and one civilian contractor were killed in the shelling.",
            "2020-02-10-taftanaz-attack",
        ),
        (
            "Putin and Erdogan agreed in Sochi in October 2019 that Kurdish fighters leave.",
            "2018-09-17-sochi-memorandum",
        ),
        ("Five Turkish soldiers died in a tank in Afrin.", "2020-02-10-taftanaz-attack"),
        # "for" is not "four", "has" is not Hass, 3 is not 33
        (
            "The plan for Turkish soldiers was killed off.",
            "2020-02-03-saraqeb-shelling-turkish-troops",
        ),
        ("The school has a market; children were killed.", "2016-10-26-haas-school"),
        ("3 Turkish soldiers were killed.", "2020-02-27-balyun-strike"),
        ("Rebels attempted to retake Sheikh Mustafa in 2019.", "2020-02-24-kafr-nabl-captured"),
        ("Tatbikatta 33 asker görev aldı, 2019 yılında.", "2020-02-27-balyun-strike"),
        ("33 şehidimizi yıl dönümü törenlerinde andık.", "2020-02-27-balyun-strike"),
        (
            "Mortars hit a Turkish observation post; 35 were fired in 2020.",
            "2019-06-13-turkish-post-mortar-attack",
        ),
    ],
)
def test_near_misses_do_not_match(text: str, event_id: str) -> None:
    assert event_id not in ids(text)


def test_ordinary_sentences_match_nothing() -> None:
    text = (
        "The humanitarian situation in Idlib keeps getting worse. Aid groups say the camps near "
        "the Turkish border are full. Russia and Turkey discussed the situation by phone. "
        "Hospitals have run out of fuel, doctors said on Tuesday. The UN called for calm."
    )
    assert match_events(text) == []


def test_offsets_point_at_the_sentence_and_the_phrases() -> None:
    text = (
        "Fighting went on. On Monday, five Turkish soldiers were killed in Idlib province. "
        "Ankara vowed to respond."
    )
    [m] = [m for m in match_events(text) if m.event.id == "2020-02-10-taftanaz-attack"]
    assert text[m.sentence_start : m.sentence_end] == (
        "On Monday, five Turkish soldiers were killed in Idlib province."
    )
    assert [text[s:e] for s, e in m.phrase_spans] == ["Turkish soldiers", "five", "killed", "Idlib"]
    assert text[m.start : m.end] == "five Turkish soldiers were killed in Idlib"
    assert m.sentence_start <= m.start < m.end <= m.sentence_end


def test_sentences_split_on_punctuation_and_lines_not_on_abbreviations() -> None:
    text = 'The truce began on Jan. 12 in Idlib. 33 were killed!\n"Why?" he asked. Gen. Ali left.'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The truce began on Jan. 12 in Idlib.",
        "33 were killed!",
        '"Why?" he asked.',
        "Gen. Ali left.",
    ]


# --- the seed articles -------------------------------------------------------------------------


def seed(prefix: str) -> str:
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return clean_document(path.read_text("utf-8"), path=path.name).text


def matched_sentences(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in match_events(text):
        out.setdefault(m.event.id, []).append(text[m.sentence_start : m.sentence_end])
    return out


def test_seed_001_reports_the_taftanaz_and_saraqeb_attacks() -> None:
    found = matched_sentences(seed("001"))
    assert any("five Turkish soldiers" in s for s in found["2020-02-10-taftanaz-attack"])
    assert any(
        "eight Turkish soldiers" in s for s in found["2020-02-03-saraqeb-shelling-turkish-troops"]
    )
    # every event it reports lies in the winter of 2019–2020
    for event_id in found:
        assert event_id[:7] in {"2019-12", "2020-01", "2020-02"}, event_id


def test_seed_002_reports_the_3_february_attack_maarat_and_sochi() -> None:
    found = matched_sentences(seed("002"))
    assert any(
        "civilian contractor" in s for s in found["2020-02-03-saraqeb-shelling-turkish-troops"]
    )
    assert "2020-02-10-taftanaz-attack" not in found
    assert any("Maaret al Numan" in s for s in found["2020-01-28-maarat-captured"])
    assert any("Sochi" in s for s in found["2018-09-17-sochi-memorandum"])
    assert "2020-01-09-idlib-ceasefire" in found
    assert "2019-12-20-cross-border-veto" in found


def test_seed_004_reports_the_sochi_deal_and_the_spring_2019_offensive() -> None:
    found = matched_sentences(seed("004"))
    assert any("pact brokered by" in s for s in found["2018-09-17-sochi-memorandum"])
    assert any("northern pockets" in s for s in found["2019-04-30-idlib-hama-offensive"])
    assert all(e.startswith(("2018", "2019")) for e in found)


def test_seed_000_and_003_report_what_happened_days_before() -> None:
    assert set(matched_sentences(seed("000"))) == {"2019-12-26-ocha-235000"}
    found = matched_sentences(seed("003"))
    assert set(found) == {"2018-09-11-unsc-idlib-meeting"}
    assert any("told council members" in s for s in found["2018-09-11-unsc-idlib-meeting"])


def test_generated_articles_about_other_things_match_nothing() -> None:
    from bench.generate import iter_articles

    for article in iter_articles(10, seed=0):
        text = clean_document(article.text, path=article.relpath).text
        assert matched_sentences(text) == {}, article.relpath


# --- user events -------------------------------------------------------------------------------

USER_EVENT = {
    "id": "2020-02-14-my-village-strike",
    "date": dt.date(2020, 2, 14),
    "kind": "strike",
    "title": "air strike on the bakery of Kafr Example",
    "summary": "An air strike hits the bakery of Kafr Example",
    "places": ["Kafr Example"],
    "match": [["Kafr Example"], ["bakery"], ["$strike"]],
}


def test_user_events_from_dicts_load_and_match() -> None:
    [event] = events_from_dicts([USER_EVENT])
    assert isinstance(event, Event) and event.user
    assert event.rules[0][2][:2] == ("air strike", "airstrike")  # $strike expanded
    text = "Warplanes bombed the bakery in Kafr Example on Friday."
    [m] = match_events(text, [event])
    assert m.event is event and text[m.start : m.end] == "bombed the bakery in Kafr Example"
    assert match_events("The bakery in Kafr Example reopened.", [event]) == []


def test_user_events_from_toml_join_and_replace_the_shipped_ones() -> None:
    extra = """
[[event]]
id = "2020-02-27-balyun-strike"
date = 2020-02-27
kind = "attack"
summary = "My own wording of the Balyun strike"
match = [["Balyun"], ["strike"]]

[[event]]
id = "2020-02-29-my-event"
date = 2020-02-29
summary = "Something on 29 February"
match = [["my village"], ["%"]]
"""
    events = load_events(extra)
    by_id = {e.id: e for e in events}
    assert len(events) == len(base_events()) + 1
    assert by_id["2020-02-27-balyun-strike"].summary == "My own wording of the Balyun strike"
    assert ids("In my village, Feb. 29 was quiet.", events) == {"2020-02-29-my-event"}
    assert ids("On 29th February my village was shelled.", events) == {"2020-02-29-my-event"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "2020-02-30"}, "is not a date"),
        ({"end": dt.date(2020, 1, 1)}, "before date"),
        ({"kind": "massacre"}, "kind 'massacre'"),
        ({"match": [["Kafr Example"], []]}, "non-empty strings"),
        ({"match": [["@Nowhereville"]]}, "names nothing in the gazetteer"),
        ({"match": [["$nothing"]]}, "names no list"),
        ({"colour": "red"}, "unknown key 'colour'"),
    ],
)
def test_bad_user_events_give_one_clear_message(change: dict, message: str) -> None:
    with pytest.raises(EventsError) as info:
        events_from_dicts([{**USER_EVENT, **change}], "entities.toml")
    assert "entities.toml: event '2020-02-14-my-village-strike'" in str(info.value)
    assert message in str(info.value)


def test_bad_toml_and_duplicate_ids_are_reported() -> None:
    with pytest.raises(EventsError, match="cannot read"):
        events_from_toml("[[event]\nid = ")
    with pytest.raises(EventsError, match="used twice"):
        events_from_dicts([USER_EVENT, USER_EVENT])


def test_a_matcher_is_built_once_per_timeline() -> None:
    from idlibtui.annotate.events_match import event_matcher

    assert event_matcher(base_events()) is event_matcher(base_events())
    assert isinstance(event_matcher(base_events()), EventMatcher)
