"""The broader timeline of the war (annotate/events_war.toml): the loader reads every shipped
events*.toml, and the news of one of its events dates an undated article while a mention of the
same event as background does not. Fixture sentences are the project's own paraphrases."""

from __future__ import annotations

import datetime as dt

import pytest

from idlibtui.annotate import events as events_module
from idlibtui.annotate.date_events import reported_events
from idlibtui.annotate.dating import judge_date
from idlibtui.annotate.events import EventsError, base_events
from idlibtui.annotate.events_match import match_events

# --- the loader ----------------------------------------------------------------------------------


def test_the_shipped_timeline_is_every_events_file() -> None:
    names = events_module._shipped_names()
    assert names[0] == "events.toml"  # its [phrases] are the shared lists
    assert "events_war.toml" in names
    ids = {e.id for e in base_events()}
    assert "2020-02-27-balyun-strike" in ids  # from events.toml
    assert "2015-11-10-kuweires-siege-broken" in ids  # from events_war.toml
    assert len(ids) == len(base_events())


def test_an_id_used_in_two_shipped_files_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    table = (
        '[[event]]\nid = "2016-01-01-x"\ndate = 2016-01-01\nkind = "other"\ntitle = "x"\n'
        'summary = "x"\nmatch = [["Kuweires"], ["$capture"]]\n'
    )
    monkeypatch.setattr(events_module, "_shipped_names", lambda: ["events.toml", "events_x.toml"])
    real = events_module._shipped_text
    monkeypatch.setattr(
        events_module,
        "_shipped_text",
        lambda name="events.toml": real(name) if name == "events.toml" else table,
    )
    events = events_module.base_events.__wrapped__()  # the uncached reader
    assert any(e.id == "2016-01-01-x" for e in events)  # a second file is read…
    monkeypatch.setattr(
        events_module, "_shipped_names", lambda: ["events.toml", "events_x.toml", "events_y.toml"]
    )
    with pytest.raises(EventsError, match="used twice"):  # …and its ids are checked across files
        events_module.base_events.__wrapped__()


def test_a_second_file_has_its_own_phrase_lists_and_the_shared_ones() -> None:
    by_id = {e.id: e for e in base_events()}
    kuweires = by_id["2015-11-10-kuweires-siege-broken"]
    assert "anniversary" in {p.casefold() for p in kuweires.exclude}  # its own $past list
    albukamal = by_id["2017-11-08-albukamal-captured"]
    assert any("recaptured" in group for rule in albukamal.rules for group in rule)  # $capture


# --- news dates the article; background does not ---------------------------------------------

NEWS = [
    # (kind, text, first and last day the judgement may give)
    (
        "capture",
        "Syrian army breaks siege of Kuweires air base\n\nSyrian troops backed by Russian "
        "jets reached the besieged Kuweires air base east of Aleppo, state television said, "
        "ending a siege by Islamic State fighters that had lasted for years.\n\nMore text.",
        dt.date(2015, 11, 10),
        dt.date(2015, 11, 13),
    ),
    (
        "capture",
        "Islamic State loses its last Syrian town\n\nGovernment forces and allied militias "
        "drove the jihadists out of Albukamal on Sunday, the army command said.\n\nMore.",
        dt.date(2017, 11, 8),
        dt.date(2017, 11, 26),
    ),
    (
        "attack",
        "Bomber strikes Damascus courthouse\n\nA suicide bomber blew himself up inside the "
        "Palace of Justice in central Damascus, killing dozens, state media said.\n\nMore.",
        dt.date(2017, 3, 15),
        dt.date(2017, 3, 17),
    ),
    (
        "strike",
        "Hezbollah says Samir Kuntar killed near Damascus\n\nThe Lebanese group said its "
        "commander Samir Kuntar was killed when missiles hit a building in Jaramana.\n\nMore.",
        dt.date(2015, 12, 19),
        dt.date(2015, 12, 22),
    ),
    (
        "siege",
        "First buses leave Homs district\n\nThe first convoy of rebels and their families left "
        "al-Waer on Saturday under a deal backed by Russia, the governor said.\n\nMore.",
        dt.date(2017, 3, 18),
        dt.date(2017, 3, 24),
    ),
    (
        "displacement",
        "Thousands stream out of Ghouta town\n\nThousands of civilians walked out of "
        "Hamouriyeh towards army lines as the offensive pressed on, monitors said.\n\nMore.",
        dt.date(2018, 3, 15),
        dt.date(2018, 3, 17),
    ),
    (
        "summit",
        "Assad in Tehran on surprise visit\n\nBashar al-Assad met Ayatollah Khamenei and "
        "President Rouhani on Monday during a surprise trip to Tehran, Iranian media "
        "reported.\n\nMore.",
        dt.date(2019, 2, 25),
        dt.date(2019, 3, 3),
    ),
    (
        "other",
        "Syria-Jordan border crossing reopens\n\nThe Nasib crossing between Syria and Jordan "
        "reopened on Monday after three years of closure, officials on both sides said.\n\nMore.",
        dt.date(2018, 10, 15),
        dt.date(2018, 10, 21),
    ),
]


@pytest.mark.parametrize(("kind", "text", "first", "last"), NEWS, ids=[n[0] for n in NEWS])
def test_the_news_of_an_event_dates_an_undated_article(
    kind: str, text: str, first: dt.date, last: dt.date
) -> None:
    judgement = judge_date(text, (), reported_events(text))
    assert judgement.date is not None, kind
    assert first <= judgement.date <= last, (kind, judgement.date, judgement.evidence)


BACKGROUND = [
    "Government forces have held Albukamal since driving the jihadists out in November 2017.",
    "Two years ago, Turkey and the EU struck a deal on migrants that is now fraying.",
    "Russia's base at Hmeimim, which drones attacked in January 2018, is heavily defended.",
    "The anniversary of the Paris attacks was marked in silence at the Bataclan.",
    "Al-Mayadeen television reported that the army liberated two villages near Saraqib.",
    "Aid from the Brussels conference of 2019 has been slow to arrive.",
    "The Sotloff and Foley families have campaigned for years.",
    "At least 26 people were killed when the truck crashed into a market.",
    "Since Kobani was liberated by Kurdish fighters, the town has been rebuilt slowly.",
    "Mayadin, retaken by the army from the Islamic State, has seen attacks by cells.",
    "Government forces have controlled al-Waer since the last rebels left under a deal.",
    "The Nasib crossing, which reopened after three years, has brought little trade.",
    "Israeli jets struck Iranian targets near Damascus overnight, the Syrian army said.",
    "Islamic State, which carried out the Bataclan massacre in Paris, lost its last town.",
    "Relatives of the victims of the Metrojet crash met officials in Moscow.",
    "Assad visited troops in Idlib province on Tuesday, state media said.",
]


@pytest.mark.parametrize("sentence", BACKGROUND)
def test_a_background_mention_is_no_news_of_the_new_events(sentence: str) -> None:
    war_text = events_module._shipped_text("events_war.toml")
    war_ids = {e.id for e in events_module.events_from_toml(war_text, "war", user=False)}
    found = {m.event.id for m in match_events(sentence)} & war_ids
    assert not found, found
