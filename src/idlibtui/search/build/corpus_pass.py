"""Corpus evidence for dates in the index: a post-pass of the build.

An article its text leaves undated (unknown, or only "on or after") that reports the same news
as dated articles of the corpus takes a range from them (:mod:`idlibtui.annotate.corpus_dates`).
Every indexed article keeps a small record (the stored field ``corpus``): the timeline's events it
reports as news, its firm day, whether its text leaves it undated, its own floor and evidence,
and the range the corpus lent it. After the files are filed, the pass reads the records of the
whole index (stored fields only: no text is read again), works out what each undated article is
lent now, and files again only the articles whose lent range changed (a new peer, a peer gone):
so a build re-reads a file for this only when the corpus around it changed, and an unchanged
corpus costs one pass over the stored records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from idlibtui.model import Article

if TYPE_CHECKING:  # (the annotators load only when a build reads files: not for a status check)
    from idlibtui.annotate.corpus_dates import Lent, Reported

#: The stored field that holds an article's record.
FIELD = "corpus"


def corpus_record(article: Article, timeline: Any = None) -> dict[str, Any]:
    """What the index keeps of ``article`` (as its text dates it) for the post-pass."""
    from idlibtui.annotate.corpus_dates import needs_corpus, reported

    mine = reported(article, timeline)
    needs = needs_corpus(article)
    floor = article.date_earliest
    return {
        "news": [[i, first.isoformat(), last.isoformat()] for i, first, last in mine.spans],
        "day": mine.day.isoformat() if mine.day else "",
        "needs": needs,
        "floor": floor.isoformat() if (needs and floor) else "",
        "why": article.date_evidence if needs else "",
        "lent": None,
    }


def lent_record(lent: Lent | None) -> list[str] | None:
    """A lent range as stored: ``[day, earliest, latest, evidence]`` (None for none)."""
    if lent is None:
        return None
    return [
        lent.date.isoformat(),
        lent.earliest.isoformat(),
        lent.latest.isoformat(),
        lent.evidence,
    ]


def lent_from_record(stored: list[str] | None) -> Lent | None:
    """The lent range a record keeps (None for none or a damaged one)."""
    from idlibtui.annotate.corpus_dates import Lent

    if not stored or len(stored) != 4:
        return None
    try:
        day, lo, hi = (dt.date.fromisoformat(v) for v in stored[:3])
    except (TypeError, ValueError):
        return None
    return Lent(day, lo, hi, str(stored[3]))


def apply_lent(article: Article, record: dict[str, Any] | None) -> Article:
    """``article`` (as its text dates it) with the range its record says the corpus lent it:
    what the reader shows for an article it opens from the index."""
    from idlibtui.annotate.corpus_dates import needs_corpus, with_lent

    lent = lent_from_record((record or {}).get("lent"))
    if lent is None or not needs_corpus(article):
        return article
    return with_lent(article, lent)


def _reported(key: str, record: dict[str, Any]) -> Reported | None:
    from idlibtui.annotate.corpus_dates import Reported

    try:
        spans = tuple(
            (str(i), dt.date.fromisoformat(a), dt.date.fromisoformat(b))
            for i, a, b in record.get("news") or ()
        )
        day = dt.date.fromisoformat(record["day"]) if record.get("day") else None
    except (TypeError, ValueError, KeyError):
        return None  # a damaged record lends and borrows nothing
    return Reported(key, frozenset(i for i, _, _ in spans), day, spans)


def changed_lends(records: Iterable[tuple[str, dict[str, Any] | None]]) -> dict[str, Lent | None]:
    """``{key: what it is lent now}`` for the undated articles whose lent range differs from
    the one their record keeps (``records``: ``(key, record)`` of every article indexed)."""
    from idlibtui.annotate.corpus_dates import lend

    undated: list[tuple[str, dict[str, Any], Reported]] = []
    by_event: dict[str, list[Reported]] = {}
    for key, record in records:
        if not isinstance(record, dict):
            continue
        mine = _reported(key, record)
        if mine is None:
            continue
        if record.get("needs"):
            undated.append((key, record, mine))
        elif mine.day is not None:
            for event in mine.news:
                by_event.setdefault(event, []).append(mine)
    out: dict[str, Lent | None] = {}
    for key, record, mine in undated:
        peers = {id(r): r for e in mine.news for r in by_event.get(e, ())}
        lent = None
        if peers:
            floor = record.get("floor") or ""
            try:
                earliest = dt.date.fromisoformat(floor) if floor else None
            except ValueError:
                earliest = None
            lent = lend(mine, peers.values(), earliest=earliest, evidence=record.get("why") or "")
        if lent_record(lent) != record.get("lent"):
            out[key] = lent
    return out


def lent_article(article: Article, lent: Lent | None, timeline: Any = None) -> tuple[Article, dict]:
    """``article`` dated by what the corpus lends it, and the record to store with it."""
    from idlibtui.annotate.corpus_dates import with_lent

    record = corpus_record(article, timeline)
    if lent is None or not record["needs"]:
        return article, record
    record["lent"] = lent_record(lent)
    return with_lent(article, lent), record


def record_in_index(index_dir: Any, article_id: str) -> dict[str, Any] | None:
    """The corpus record the index at ``index_dir`` keeps for ``article_id`` (None when there
    is no index, no such article or no record): for the reader, which opens a file through the
    pipeline and shows the range the corpus lent it beside the other evidence."""
    try:
        from whoosh import index as windex

        from idlibtui.search.schema import INDEX_NAME

        ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
        with ix.searcher() as searcher:
            fields = searcher.document(id=article_id)
    except Exception:  # no index, another version, a damaged one: the text's own date stands
        return None
    record = (fields or {}).get(FIELD)
    return record if isinstance(record, dict) else None
