"""Metadata that comes with articles: sidecars, front matter, URLs and collections."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from idlibtui.ingest import read_document
from idlibtui.pipeline import load_article, process_document
from idlibtui.supplied import (
    CollectionError,
    import_collection,
    iter_collection,
    split_front_matter,
    url_date,
    url_outlet,
)

BODY = (
    "Government forces pressed on towards the town on Monday, a monitoring group said, "
    "after a night of heavy shelling that sent families fleeing north.\n\n"
    "Residents described roads clogged with cars and tractors heading for the border.\n"
)


@pytest.mark.parametrize(
    ("url", "day", "precision"),
    [
        ("https://www.example.com/world/2020/01/29/army-takes-town/", dt.date(2020, 1, 29), "day"),
        ("https://example.org/2018/1/7/some-story", dt.date(2018, 1, 7), "day"),
        ("https://example.net/news/20190804-idlib-truce", dt.date(2019, 8, 4), "day"),
        ("https://example.net/2019-10-09/offensive", dt.date(2019, 10, 9), "day"),
        ("https://example.net/archives/2019/01/ceasefire", dt.date(2019, 1, 1), "month"),
        # a day in words in the slug, month first or day first
        (
            "https://maps.example.org/front-line-in-idlib-on-march-3-2020-update",
            dt.date(2020, 3, 3),
            "day",
        ),
        ("https://example.org/news/situation-report-14-sept-2019/", dt.date(2019, 9, 14), "day"),
        # a story id that begins with the day (yymmdd), its year and month those of the path
        (
            "https://news.example.com/news/2019/12/families-flee-191226101500123.html",
            dt.date(2019, 12, 26),
            "day",
        ),
        (
            "https://news.example.com/news/2019/12/families-flee-181226101500123.html",
            dt.date(2019, 12, 1),
            "month",
        ),
    ],
)
def test_a_url_date_path_is_a_claim(url: str, day: dt.date, precision: str) -> None:
    assert url_date(url) == (day, precision)


def test_a_url_without_a_date_path_claims_nothing() -> None:
    assert url_date("https://example.com/article/12345678") is None
    assert url_date("https://example.com/news/story-2020-is-the-year") is None


def test_url_outlet_uses_known_outlets_and_falls_back_to_the_domain() -> None:
    assert url_outlet("https://www.aljazeera.com/news/2020/2/3/x") == "Al Jazeera"
    assert url_outlet("https://www.dailysabah.com/politics/x") == "Daily Sabah"
    assert url_outlet("https://unknown-site.example/x") == "unknown-site.example"


def test_sidecar_supplies_date_title_outlet_and_url(tmp_path: Path) -> None:
    article_file = tmp_path / "report.txt"
    article_file.write_text(BODY, encoding="utf-8")
    (tmp_path / "report.json").write_text(
        json.dumps(
            {
                "url": "https://example.com/2020/02/03/story",
                "title": "Families flee the shelling",
                "published": "2020-02-04T10:00:00Z",
                "source": "Example Daily",
            }
        ),
        encoding="utf-8",
    )
    article = load_article(article_file, tmp_path)
    assert article.date == dt.date(2020, 2, 4) and article.date_kind == "supplied"
    assert "sidecar report.json" in article.date_evidence
    assert article.title == "Families flee the shelling"
    assert article.source == "Example Daily" and "supplied" in article.source_evidence
    assert article.url == "https://example.com/2020/02/03/story"
    # the Monday of the text resolves against the supplied day
    monday = next(f for f in article.figures if f.kind == "date" and f.text == "Monday")
    assert monday.date == dt.date(2020, 2, 3)


def test_a_url_alone_dates_the_article_and_names_the_outlet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({"url": "https://www.dailysabah.com/war/2020/02/11/shelling"}), "utf-8"
    )
    article = load_article(tmp_path / "a.txt", tmp_path)
    assert article.date == dt.date(2020, 2, 11) and article.date_kind == "stated"
    assert "url" in article.date_evidence.lower() or "https://" in article.date_evidence
    assert article.source == "Daily Sabah" and article.source_evidence.startswith("URL")


def test_a_broken_sidecar_is_ignored_and_the_article_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    article = load_article(tmp_path / "a.txt", tmp_path)
    assert article.text.startswith("Government forces") and article.url == ""


def test_front_matter_is_metadata_not_text(tmp_path: Path) -> None:
    text = "---\ntitle: A title from the scraper\ndate: 2019-08-19\nurl: https://x.example/a\n---\n"
    supplied, offset = split_front_matter(text + BODY)
    assert supplied is not None and supplied.date == dt.date(2019, 8, 19)
    assert (text + BODY)[offset:] == BODY
    path = tmp_path / "f.txt"
    path.write_text(text + BODY, encoding="utf-8")
    doc = read_document(path)
    article = process_document(doc, "f.txt")
    assert article.title == "A title from the scraper" and "---" not in article.text
    assert article.date == dt.date(2019, 8, 19) and article.date_kind == "supplied"


def test_a_text_opening_with_a_rule_is_not_front_matter() -> None:
    assert split_front_matter("---\nThe war goes on, and on.\n---\nMore text.\n") == (None, 0)


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "pages.jsonl"
    rows = [
        {"url": "https://example.com/2020/03/05/deal", "title": "A deal", "text": BODY},
        {"url": "https://example.com/x", "html": "<html><body><p>" + BODY + "</p></body></html>"},
        {"url": "https://example.com/empty", "text": ""},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken line\n", encoding="utf-8")
    return path


def test_jsonl_and_csv_collections_give_one_record_an_article(tmp_path: Path) -> None:
    records = list(iter_collection(_jsonl(tmp_path)))
    assert [r.key for r in records] == ["000001", "000002"]  # empty and broken lines skipped
    assert records[0].supplied.url.endswith("/deal") and not records[0].is_html
    assert records[1].is_html
    csv_path = tmp_path / "pages.csv"
    csv_path.write_text(
        'url,title,date,outlet,text\nhttps://e.com/a,T,2019-08-19,E News,"' + BODY + '"\n',
        encoding="utf-8",
    )
    (rec,) = iter_collection(csv_path)
    assert rec.supplied.date == dt.date(2019, 8, 19) and rec.supplied.outlet == "E News"
    with pytest.raises(CollectionError):
        list(iter_collection(tmp_path / "pages.txt"))


def test_clean_reads_a_collection_and_import_writes_sidecars(tmp_path: Path, capsys) -> None:
    from idlibtui.cli.main import main

    path = _jsonl(tmp_path)
    assert main(["clean", "--json", str(path)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["path"].rsplit("#", 1)[1] for o in out] == ["000001", "000002"]
    assert out[0]["date"] == "2020-03-05" and out[0]["url"].endswith("/deal")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert import_collection(path, corpus) == (2, 0)
    sidecar = json.loads((corpus / "pages" / "000001.json").read_text("utf-8"))
    assert sidecar["url"].endswith("/deal") and sidecar["title"] == "A deal"
    assert (corpus / "pages" / "000002.html").is_file()
    article = load_article(corpus / "pages" / "000001.txt", corpus)
    assert article.title == "A deal" and article.date == dt.date(2020, 3, 5)


def test_a_warc_archive_is_read_with_warcio(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        html = ("<html><body><p>" + BODY + "</p></body></html>").encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            "https://example.com/2019/05/06/strikes",
            "response",
            payload=io.BytesIO(html),
            http_headers=headers,
        )
        writer.write_record(record)
    (rec,) = iter_collection(path)
    assert rec.is_html and rec.supplied.url == "https://example.com/2019/05/06/strikes"
    assert "Government forces" in rec.text
