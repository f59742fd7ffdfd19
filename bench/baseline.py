"""A plain Whoosh index built "the obvious way", over the same articles' cleaned text.

Default ``TEXT(stored=True)`` title and body, ``ID`` path, an ``ID`` source and a ``DATETIME``
date so that field and date queries can run at all, the default ``ix.writer()``, one
``commit()``, and the default ``QueryParser``. ``python -m bench.baseline build DOCS.jsonl INDEX``
builds it in its own process so the runner can measure time and memory like ours.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from whoosh import fields, highlight, index, qparser, sorting


def plain_schema() -> fields.Schema:
    return fields.Schema(
        path=fields.ID(stored=True, unique=True),
        title=fields.TEXT(stored=True),
        body=fields.TEXT(stored=True),
        source=fields.ID(stored=True),
        date=fields.DATETIME(stored=True),
    )


def _parse_date(value: object) -> dt.datetime | None:
    if not value:
        return None
    try:
        d = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return dt.datetime(d.year, d.month, d.day)


def build(docs_jsonl: Path, index_dir: Path) -> dict:
    docs = [json.loads(line) for line in docs_jsonl.open(encoding="utf-8")]
    index_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    ix = index.create_in(str(index_dir), plain_schema())
    w = ix.writer()
    for d in docs:
        fields_ = {"path": d["path"], "title": d["title"], "body": d["text"]}
        if d.get("source"):
            fields_["source"] = d["source"]
        date = _parse_date(d.get("date"))
        if date is not None:
            fields_["date"] = date
        w.add_document(**fields_)
    t1 = time.perf_counter()
    w.commit()
    t2 = time.perf_counter()
    return {"docs": len(docs), "add_seconds": t1 - t0, "commit_seconds": t2 - t1}


class _OffsetFormatter(highlight.Formatter):
    """GUIDE §4: absolute offsets of each fragment and its matched terms."""

    def format(self, fragments, replace=False):
        return [
            (f.startchar, f.endchar, [(t.startchar, t.endchar) for t in f.matches])
            for f in fragments
        ]


class PlainSearcher:
    """Open once; ``search`` runs one query the obvious way and returns the hit count."""

    def __init__(self, index_dir: Path) -> None:
        self.ix = index.open_dir(str(index_dir))
        self.parser = qparser.QueryParser("body", self.ix.schema)

    def search(
        self, text: str, *, sort_date: bool = False, facets: bool = False, snippets: bool = False
    ) -> int:
        q = self.parser.parse(text)
        with self.ix.searcher() as s:
            kwargs: dict = {"limit": 20}
            if sort_date:
                kwargs.update(sortedby="date", reverse=True)
            if facets:
                kwargs["groupedby"] = {"source": sorting.FieldFacet("source")}
            if snippets:
                kwargs["terms"] = True
            results = s.search(q, **kwargs)
            if facets:
                results.groups("source")
            if snippets:
                results.formatter = _OffsetFormatter()
                results.fragmenter = highlight.ContextFragmenter()
                for hit in results[:20]:
                    hit.highlights("body")
            return len(results)

    def close(self) -> None:
        self.ix.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3 or args[0] != "build":
        sys.stderr.write("usage: python -m bench.baseline build DOCS.jsonl INDEX\n")
        return 2
    result = build(Path(args[1]), Path(args[2]))
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
