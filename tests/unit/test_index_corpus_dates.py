"""The build's corpus post-pass: an undated article that reports the same news as dated ones of
the corpus takes a range from them in the index (date, kind, range, evidence), recomputed as the
corpus changes (a peer added, a peer removed), and the reader shows it. Fixtures written for
this project (the shipped timeline's chlorine attack on Kafr Zita, 11 April 2014, whose only
rule wants its year or day: the timeline alone leaves a report of the day undated)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from whoosh import index as windex

from idlibtui.annotate.corpus_dates import Lent
from idlibtui.model import Article
from idlibtui.pipeline import load_article
from idlibtui.search.build import update_index
from idlibtui.search.build.corpus_pass import (
    FIELD,
    apply_lent,
    changed_lends,
    lent_record,
    record_in_index,
)
from idlibtui.search.schema import INDEX_NAME
from idlibtui.tui.article_load import load

STORY = "A chlorine attack on Kafr Zita left dozens choking{}, a monitor said.\n"
DAY = dt.date(2014, 4, 12)


def _dated(folder: Path, name: str, day: dt.date) -> None:
    text = f" date {day.isoformat()}\nGas attack on Kafr Zita\n\n" + STORY.format(" in April 2014")
    (folder / name).write_text(text, "utf-8")


def _stored(index_dir: Path) -> dict[str, dict]:
    ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
    with ix.reader() as reader:
        return {f["path"]: f for f in reader.all_stored_fields()}


def test_the_index_lends_an_undated_article_the_range_of_its_peers(tmp_path: Path) -> None:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "lone.txt").write_text("Gas attack on Kafr Zita\n\n" + STORY.format(""), "utf-8")
    update_index(corpus, index_dir, workers=1)
    assert _stored(index_dir)["lone.txt"].get("date") is None  # no peer yet: undated

    _dated(corpus, "a.txt", DAY)  # a peer arrives: the unchanged undated file is dated
    update_index(corpus, index_dir, workers=1)
    lone = _stored(index_dir)["lone.txt"]
    assert lone["date_kind"] == "estimated" and lone["date"] is not None
    assert abs((lone["date"].date() - DAY).days) <= 2
    assert lone["year"] == "2014"  # the facet and the date: filter use the lent day
    assert "same news" in lone[FIELD]["lent"][3] and "a.txt" in lone[FIELD]["lent"][3]

    # the reader opens the file through the pipeline: the index's record dates it there too
    article = load_article(corpus / "lone.txt", corpus)
    assert article.date is None
    shown = apply_lent(article, lone[FIELD])
    assert shown.date == lone["date"].date() and "same news" in shown.date_evidence
    assert record_in_index(index_dir, article.id) == lone[FIELD]
    assert record_in_index(tmp_path / "nowhere", article.id) is None
    settings = SimpleNamespace(corpus=corpus, index=index_dir, corrections=None)
    opened = load("lone.txt", settings)  # what the reader screen calls
    assert isinstance(opened, Article) and opened.date == shown.date

    (corpus / "a.txt").unlink()  # the peer goes: the lent range goes with it
    update_index(corpus, index_dir, workers=1)
    lone = _stored(index_dir)["lone.txt"]
    assert lone.get("date") is None and lone[FIELD]["lent"] is None


def test_only_the_records_whose_lent_range_changed_are_filed_again() -> None:
    day = "2014-04-12"
    peer = {"news": [["e", day, day]], "day": day, "needs": False, "lent": None}
    lone = {"news": [["e", day, day]], "day": "", "needs": True, "floor": "", "why": ""}
    first = changed_lends([("p", peer), ("l", {**lone, "lent": None})])
    assert set(first) == {"l"} and isinstance(first["l"], Lent)
    # stored as lent already: nothing to do; a damaged record lends and borrows nothing
    done = {**lone, "lent": lent_record(first["l"])}
    assert changed_lends([("p", peer), ("l", done), ("x", {"news": "bad"})]) == {}
    # two peers a year apart: another occurrence, nothing is lent (and a stored one is undone)
    later = {**peer, "day": "2015-04-12", "news": [["e", "2015-04-12", "2015-04-12"]]}
    assert changed_lends([("p", peer), ("q", later), ("l", done)]) == {"l": None}
