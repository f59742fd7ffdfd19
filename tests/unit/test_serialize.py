"""JSON form of an article: plain types, ISO dates, blocks and repairs as dicts."""

from __future__ import annotations

import datetime as dt
import json

from idlibtui.model import Article, Block, BlockKind, Figure, Mention, Repair
from idlibtui.serialize import article_to_dict


def _article() -> Article:
    text = "Title\n\nBody with 3 million people in Idlib."
    return Article(
        id="abc",
        path="x.txt",
        raw="RAW " + text,
        text=text,
        blocks=(Block(BlockKind.TITLE, 0, 5), Block(BlockKind.PARAGRAPH, 7, len(text))),
        title="Title",
        source="TRT World",
        date=dt.date(2020, 2, 3),
        date_evidence="stated: date 2020-02-03",
        repairs=(Repair("metadata", 0, 4, "RAW ", "", "leading"),),
        figures=(Figure(17, 26, "3 million", "count", value=3e6, date=dt.date(2020, 1, 1)),),
        entities=(Mention(37, 42, "Idlib", "PLACE", "Idlib"),),
    )


def test_article_to_dict_is_json_ready() -> None:
    data = article_to_dict(_article())
    round_trip = json.loads(json.dumps(data))
    assert round_trip == data
    assert data["date"] == "2020-02-03"
    assert data["date_inferred"] is False
    assert data["blocks"] == [
        {"kind": "title", "start": 0, "end": 5},
        {"kind": "paragraph", "start": 7, "end": 43},
    ]
    assert data["repairs"][0] == {
        "kind": "metadata",
        "raw_start": 0,
        "raw_end": 4,
        "raw": "RAW ",
        "replacement": "",
        "note": "leading",
    }
    fig = data["figures"][0]
    assert (fig["start"], fig["end"], fig["text"], fig["date"]) == (
        17,
        26,
        "3 million",
        "2020-01-01",
    )
    assert data["entities"][0]["canonical"] == "Idlib"
    assert "raw" not in data


def test_include_raw_and_null_date() -> None:
    article = _article()
    data = article_to_dict(article, include_raw=True)
    assert data["raw"] == article.raw
    import dataclasses

    undated = dataclasses.replace(article, date=None)
    assert article_to_dict(undated)["date"] is None
