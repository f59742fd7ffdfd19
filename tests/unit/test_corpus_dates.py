"""Corpus evidence: an article its text leaves undated takes a range from the dated articles of
the corpus that report the same news, only when they agree and its own text allows it; on
fixtures written for this project (the events are invented: Kafr Example, Tell Sample)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from idlibtui.annotate.corpus_dates import corpus_dates, needs_corpus, reported_news
from idlibtui.annotate.events import events_from_dicts
from idlibtui.cli.main import main
from idlibtui.model import Article, DateKind

SCHOOL = dt.date(2016, 10, 26)
TIMELINE = events_from_dicts(
    [
        {
            "id": "2016-10-26-kafr-example-school",
            "date": SCHOOL,
            "kind": "strike",
            "title": "air strikes on a school in Kafr Example",
            "summary": "Air strikes hit a school in Kafr Example",
            "places": ["Kafr Example"],
            "match": [["Kafr Example"], ["school"], ["$strike", "$kill"], ["2016", "October"]],
        }
    ]
)
NEWS = "School hit in Kafr Example\n\nAn air strike on a school in Kafr Example killed 20 pupils.\n"


def _article(key: str, text: str, day: dt.date | None = None, kind: str = "stated") -> Article:
    a = Article(id=key, path=f"{key}.txt", raw=text, text=text, blocks=())
    if day is None:
        return dataclasses.replace(a, date_kind=DateKind.UNKNOWN.value)
    return dataclasses.replace(
        a, date=day, date_kind=kind, date_earliest=day, date_latest=day, date_evidence="stated"
    )


def _peers(*days: dt.date) -> list[Article]:
    return [_article(f"peer{i}", NEWS, d) for i, d in enumerate(days)]


def test_an_undated_report_takes_the_range_of_its_dated_peers() -> None:
    undated = _article("lone", NEWS)
    out = corpus_dates([*_peers(SCHOOL, SCHOOL + dt.timedelta(days=1)), undated], TIMELINE)
    got = out[-1]
    assert got.date_kind == "estimated" and got.date_inferred
    assert got.date_earliest is not None and got.date_latest is not None
    assert got.date_earliest <= SCHOOL <= got.date_latest
    assert (got.date_latest - got.date_earliest).days <= 7 and got.date == SCHOOL
    assert "same news as 2 dated article(s)" in got.date_evidence and "peer0" in got.date_evidence
    assert out[:2] == _peers(SCHOOL, SCHOOL + dt.timedelta(days=1))  # the dated ones unchanged


def test_peers_that_disagree_lend_nothing() -> None:
    undated = _article("lone", NEWS)
    out = corpus_dates(
        [*_peers(SCHOOL - dt.timedelta(days=1), SCHOOL + dt.timedelta(days=9)), undated], TIMELINE
    )
    assert out[-1] == undated


def test_a_peer_that_reports_it_as_the_past_lends_nothing() -> None:
    # dated a year on, it does not report the strike as its news
    out = corpus_dates([*_peers(SCHOOL + dt.timedelta(days=365)), _article("lone", NEWS)], TIMELINE)
    assert out[-1].date_kind == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        # the strike as the background of other news
        "Families return\n\nFamilies came back to the town.\n\nOther words here.\n\nSince the "
        "air strike on a school in Kafr Example killed 20 pupils, classes are held outdoors.\n",
        # far from its lead, with no word of recency
        "Families return\n\nFamilies came back to the town.\n\nOther words here.\n\nAn air strike"
        " on a school in Kafr Example killed 20 pupils.\n",
    ],
)
def test_what_is_not_its_recent_news_borrows_nothing(text: str) -> None:
    out = corpus_dates([*_peers(SCHOOL), _article("lone", text)], TIMELINE)
    assert out[-1].date_kind == "unknown"


def test_an_undated_sentence_at_a_place_of_several_events_borrows_nothing() -> None:
    again = {
        "id": "2018-03-01-kafr-example-school-again",
        "date": dt.date(2018, 3, 1),
        "kind": "strike",
        "title": "second strike on the school of Kafr Example",
        "summary": "Another strike on the school of Kafr Example",
        "places": ["Kafr Example"],
        "match": [["Kafr Example"], ["school"], ["$strike"], ["2018", "March"]],
    }
    timeline = (*TIMELINE, *events_from_dicts([again]))
    dated = _article("peer", NEWS.replace("pupils.", "pupils in October 2016."), SCHOOL)
    out = corpus_dates([dated, _article("lone", NEWS)], timeline)
    assert out[-1].date_kind == "unknown"
    assert reported_news(NEWS, TIMELINE) == {"2016-10-26-kafr-example-school"}


def test_an_article_its_text_dates_keeps_its_date() -> None:
    mine = _article("mine", NEWS, dt.date(2016, 11, 20))
    assert not needs_corpus(mine)
    assert corpus_dates([*_peers(SCHOOL), mine], TIMELINE)[-1] == mine


def test_an_articles_own_floor_after_its_peers_wins() -> None:
    lone = dataclasses.replace(
        _article("lone", NEWS), date=dt.date(2017, 1, 5), date_kind="estimated",
        date_earliest=dt.date(2017, 1, 5), date_latest=None,
    )  # fmt: skip
    assert corpus_dates([*_peers(SCHOOL), lone], TIMELINE)[-1] == lone


def test_clean_dates_an_undated_file_from_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the shipped timeline's chlorine attack on Kafr Zita (11 April 2014), whose only rule
    # wants its year or day: the timeline alone leaves a report of the day undated
    story = "A chlorine attack on Kafr Zita left dozens choking{}, a monitor said.\n"
    dated = tmp_path / "a.txt"
    dated.write_text(
        " date 2014-04-12\nGas attack on Kafr Zita\n\n" + story.format(" in April 2014"), "utf-8"
    )
    lone = tmp_path / "b.txt"
    lone.write_text("Gas attack on Kafr Zita\n\n" + story.format(""), "utf-8")
    assert main(["clean", "--json", str(lone), str(dated)]) == 0
    records = {
        Path(r["path"]).name: r for r in map(json.loads, capsys.readouterr().out.split("\n")[:-1])
    }
    assert records["a.txt"]["date"] == "2014-04-12"
    got = records["b.txt"]
    assert got["date_kind"] == "estimated" and got["date"] is not None
    assert abs((dt.date.fromisoformat(got["date"]) - dt.date(2014, 4, 12)).days) <= 2
    assert "same news" in got["date_evidence"]
    assert main(["clean", "--json", "--no-corpus-dates", str(lone)]) == 0
    assert json.loads(capsys.readouterr().out)["date"] is None


def test_an_article_that_reports_an_earlier_day_keeps_its_own_news() -> None:
    lone = dataclasses.replace(
        _article("lone", NEWS), date=dt.date(2016, 9, 20), date_kind="estimated",
        date_earliest=dt.date(2016, 9, 20), date_latest=None,
        date_evidence="on or after the latest day it reports: September 20",
    )  # fmt: skip
    assert corpus_dates([*_peers(SCHOOL), lone], TIMELINE)[-1] == lone
