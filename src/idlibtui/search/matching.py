"""Matching our compiled query tree with numpy: terms, phrases, AND / OR / AND NOT / NOT,
date ranges and the all-documents query, each a ``Result`` (sorted docnums and scores).

AND / OR add their children's scores (Whoosh's intersection and union matchers do), AND NOT
keeps the left side's scores, a phrase is the AND of its words (its score is the sum of the
words' scores) kept only where the words' positions follow each other, a date range, NOT and
the all-documents query score a constant 1.0. The postings come from search/fastpath.py, the
scores from search/scoring.py. A query shape not evaluated here raises ``Unsupported``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq

from idlibtui.search.codec import member
from idlibtui.search.columns import Column
from idlibtui.search.fastpath import FastView, Unsupported
from idlibtui.search.scoring import bm25

_EMPTY_I = np.zeros(0, dtype=np.int64)
_EMPTY_F = np.zeros(0, dtype=np.float64)


class Result:
    """Sorted unique docnums and, aligned with them, scores (None: unscored, a set only)."""

    __slots__ = ("docs", "scores")

    def __init__(self, docs, scores) -> None:
        self.docs = docs
        self.scores = scores


def term(view: FastView, field: str, text: str, weighting, scored: bool = True) -> Result:
    p = view.postings(field, text)
    return Result(p.docs, bm25(view, field, text, p, weighting) if scored else None)


def phrase(view: FastView, field: str, words: list[str], weighting, scored: bool = True) -> Result:
    """The documents where ``words`` follow each other in ``field``; scored as the AND of the
    words (Whoosh's phrase score is the sum of its words')."""
    if not view.schema[field].format.supports("positions"):
        raise Unsupported(f"{field} has no positions")
    ps = [view.postings(field, w) for w in words]
    if any(not len(p.docs) for p in ps):
        return Result(_EMPTY_I, _EMPTY_F if scored else None)
    cand = ps[0].docs
    for p in ps[1:]:
        cand = cand[member(cand, p.docs)]
        if not len(cand):
            return Result(_EMPTY_I, _EMPTY_F if scored else None)
    # Candidate k's positions of word i, as keys k * STRIDE + position; a match is a key of
    # word 0 whose key + i is among word i's keys, for every i.
    stride = np.int64(1 << 32)
    ok: Any = None
    keys0: Any = None
    for i, w in enumerate(words):
        starts, flat = view.positions(field, w, cand)
        counts = np.diff(starts)
        which = np.repeat(np.arange(len(cand), dtype=np.int64), counts)
        keys = which * stride + flat.astype(np.int64)
        if i == 0:
            keys0 = keys
            ok = np.ones(len(keys0), dtype=bool)
        else:
            # keys are sorted (candidates in order, positions ascending in each)
            ok &= member(keys0 + i, keys)
    hits = keys0[ok] // stride  # sorted candidate indices, repeated per occurrence
    matched = hits[np.concatenate(([True], hits[1:] != hits[:-1]))] if len(hits) else hits
    docs = cand[matched]
    if not scored:
        return Result(docs, None)
    total = None
    for w, p in zip(words, ps, strict=True):
        idx = np.searchsorted(p.docs, docs)
        s = bm25(view, field, w, p, weighting, idx)
        total = s if total is None else total + s
    return Result(docs, total)


def everything(view: FastView, scored: bool = True) -> Result:
    docs = view.live_docs
    return Result(docs, np.ones(len(docs)) if scored else None)


def mask_result(view: FastView, mask, scored: bool = True) -> Result:
    docs = np.flatnonzero(mask & view.live)
    return Result(docs, np.ones(len(docs)) if scored else None)


def intersect(results: list[Result], scored: bool) -> Result:
    by_size = sorted(results, key=lambda r: len(r.docs))
    docs = by_size[0].docs
    for r in by_size[1:]:
        docs = docs[member(docs, r.docs)]
    if not scored:
        return Result(docs, None)
    total = np.zeros(len(docs))
    for r in results:  # in the query's order: Whoosh adds the children's scores
        total += r.scores[np.searchsorted(r.docs, docs)]
    return Result(docs, total)


def union(results: list[Result], scored: bool, n: int) -> Result:
    results = [r for r in results if len(r.docs)]
    if not results:
        return Result(_EMPTY_I, _EMPTY_F if scored else None)
    if len(results) == 1:
        return results[0]
    all_docs = np.concatenate([r.docs for r in results])
    present = np.zeros(n, dtype=bool)
    present[all_docs] = True
    docs = np.flatnonzero(present)
    if not scored:
        return Result(docs, None)
    total = np.bincount(all_docs, weights=np.concatenate([r.scores for r in results]), minlength=n)
    return Result(docs, total[docs])


def difference(base: Result, minus: Result) -> Result:
    if not len(minus.docs) or not len(base.docs):
        return base
    keep = ~member(base.docs, minus.docs)
    return Result(base.docs[keep], None if base.scores is None else base.scores[keep])


def _boosted(result: Result, boost: float) -> Result:
    """A term's or phrase's scores times its boost (Whoosh wraps its matcher to do the same:
    an added spelling, search/expand.py, weighs less than the typed one)."""
    if boost == 1.0 or result.scores is None:
        return result
    return Result(result.docs, result.scores * boost)


class Evaluator:
    """Evaluates a compiled Whoosh query (the tree ``WhooshIndex.compile`` builds) with numpy."""

    def __init__(self, view: FastView, weighting) -> None:
        self.view = view
        self.weighting = weighting

    def run(self, query, scored: bool = True) -> Result:
        v = self.view
        if isinstance(query, wq.Term):
            r = term(v, query.fieldname, query.text, self.weighting, scored)
            return _boosted(r, query.boost)
        if isinstance(query, wq.Phrase):
            if query.slop != 1:
                raise Unsupported("phrase with slop")
            r = phrase(v, query.fieldname, list(query.words), self.weighting, scored)
            return _boosted(r, query.boost)
        if query is wq.NullQuery or isinstance(query, wq.NullQuery.__class__):
            return Result(_EMPTY_I, _EMPTY_F if scored else None)
        if isinstance(query, wq.Every):
            if query.fieldname not in (None, "", "*"):
                raise Unsupported("Every(field)")
            return everything(v, scored)
        if getattr(query, "boost", 1.0) != 1.0:
            raise Unsupported("boosted query")
        if isinstance(query, wq.And):
            return intersect([self.run(c, scored) for c in query.subqueries], scored)
        if type(query) is wq.Or:
            if query.scale or query.minmatch:
                raise Unsupported("Or with scale/minmatch")
            return union([self.run(c, scored) for c in query.subqueries], scored, v.n)
        if isinstance(query, wq.AndNot):
            return difference(self.run(query.a, scored), self.run(query.b, False))
        if isinstance(query, wq.Not):
            inner = self.run(query.query, False)
            mask = self.view.live.copy()
            mask[inner.docs] = False
            return mask_result(v, mask, scored)
        if isinstance(query, wq.DateRange):
            return self._date_range(query, scored)
        raise Unsupported(type(query).__name__)

    def _date_range(self, query, scored: bool) -> Result:
        if query.fieldname != "date" or query.startexcl or query.endexcl:
            raise Unsupported("date range form")
        if not query.constantscore:
            raise Unsupported("scored date range")
        days = self.view.column("\x00day-ordinals", self._day_ordinals)
        mask = days != _NO_DAY
        lo = query.startdate
        hi = query.enddate
        if lo is not None:
            mask &= days >= lo.date().toordinal() + (0 if _is_midnight(lo) else 1)
        if hi is not None:
            mask &= days <= hi.date().toordinal()
        return mask_result(self.view, mask, scored)

    def _day_ordinals(self):
        raw = Column(self.view.reader, "day", "").to_list()
        return day_ordinals(raw)


_NO_DAY = np.int64(-(2**62))


def _is_midnight(d) -> bool:
    return d.hour == d.minute == d.second == d.microsecond == 0


def day_ordinals(values: list) -> Any:
    """``YYYY-MM-DD`` strings (or empty) as day ordinals; ``_NO_DAY`` for none."""
    import datetime as dt

    out = np.full(len(values), _NO_DAY, dtype=np.int64)
    memo: dict[Any, int] = {}
    for i, v in enumerate(values):
        if not v:
            continue
        o = memo.get(v)
        if o is None:
            if isinstance(v, bytes):
                v = v.decode("utf-8")
            try:
                o = dt.date.fromisoformat(v).toordinal()
            except ValueError:
                o = int(_NO_DAY)
            memo[v] = o
        out[i] = o
    return out
