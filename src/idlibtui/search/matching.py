"""Running a plan (search/plan.py) with numpy: terms, phrases, AND / OR / AND NOT / NOT, days
and every document, each a ``Result`` (sorted docnums and scores).

Scores are Whoosh's (the tests compare them with its own evaluation): AND and OR add their
children's scores in the query's order, AND NOT keeps the base's, a phrase scores the sum of
its words' (times its boost), days, NOT and every document score 1.0. The postings come from
search/fastpath.py (sorted global docnums of live documents), the scores from scoring.py.

An AND runs its children in the plan's order (cheapest first), each only on the documents the
ones before it left (``within``), so a phrase checks positions only on those candidates; within
a phrase the words are intersected rarest first and their positions read word by word for the
candidates still in the running. A plan node the evaluator cannot run raises ``Unsupported``
(said to the user as an error: nothing else answers in its place). Depends on numpy and on the
arrays of fastpath.py (sorted int32 docnums, float32 weights, CSR positions); no Whoosh class.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from idlibtui.search import plan as p
from idlibtui.search.codec import member
from idlibtui.search.columns import Column
from idlibtui.search.fastpath import FastView, Unsupported
from idlibtui.search.scoring import bm25

_EMPTY_I = np.zeros(0, dtype=np.int64)
_EMPTY_F = np.zeros(0, dtype=np.float64)
_SHIFT = np.int64(32)  # a phrase's keys: candidate index << _SHIFT | position


class Result:
    """Sorted unique docnums and, aligned with them, scores (None: unscored, a set only)."""

    __slots__ = ("docs", "scores")

    def __init__(self, docs, scores) -> None:
        self.docs = docs
        self.scores = scores


def _empty(scored: bool) -> Result:
    return Result(_EMPTY_I, _EMPTY_F if scored else None)


def _ones(docs, scored: bool) -> Result:
    return Result(docs, np.ones(len(docs)) if scored else None)


def restrict(docs, within) -> Any:
    """Indices of the sorted ``docs`` that are in the sorted ``within`` (None: all of them),
    searching the smaller side in the larger."""
    if within is None:
        return None
    if len(within) < len(docs):
        if not len(within):
            return _EMPTY_I
        idx = np.searchsorted(docs, within)
        idx[idx == len(docs)] = 0
        return idx[docs[idx] == within]
    return np.flatnonzero(member(docs, within))


def intersect_sorted(a, b) -> Any:
    """The values in both sorted arrays of distinct values: the smaller searched in the larger
    when it is much smaller, else one merge (a stable sort of two sorted runs is linear)."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return a
    if 8 * len(a) < len(b):
        return a[member(a, b)]
    both = np.concatenate((a, b))
    both.sort(kind="stable")
    return both[1:][both[1:] == both[:-1]]


def _unique_sorted(values) -> Any:
    """The distinct values of a sorted array."""
    if not len(values):
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def term(view: FastView, node: p.Term, weighting, scored: bool, within=None) -> Result:
    """A term's documents (those in ``within``), BM25F-scored times its boost."""
    post = view.postings(node.field, node.text)
    idx = restrict(post.docs, within)
    docs = post.docs if idx is None else post.docs[idx]
    if not scored:
        return Result(docs, None)
    scores = bm25(view, node.field, node.text, post, weighting, idx)
    return Result(docs, scores * node.boost if node.boost != 1.0 else scores)


def phrase(view: FastView, node: p.Phrase, weighting, scored: bool, within=None) -> Result:
    """The documents (of ``within``) where ``node.words`` follow each other in the field;
    scored as the sum of the words' scores (Whoosh's phrase score), times the boost."""
    field, words = node.field, node.words
    if not view.schema[field].format.supports("positions"):
        raise Unsupported(f"{field} has no positions")
    posts = [view.postings(field, w) for w in words]
    if any(not len(post.docs) for post in posts):
        return _empty(scored)
    # Candidates: the documents holding every word, the rarest word's first.
    rarest = sorted(range(len(words)), key=lambda i: (len(posts[i].docs), i))
    first = posts[rarest[0]].docs
    idx = restrict(first, within)
    cand = first if idx is None else first[idx]
    for i in rarest[1:]:
        if not len(cand):
            return _empty(scored)
        cand = intersect_sorted(cand, posts[i].docs)
    if not len(cand):
        return _empty(scored)
    docs = cand[_follow(view, field, words, cand, rarest)]
    if not scored or not len(docs):
        return Result(docs, _EMPTY_F if scored else None)
    total = np.zeros(len(docs))
    for w, post in zip(words, posts, strict=True):  # in the phrase's order, as Whoosh adds
        total = total + bm25(view, field, w, post, weighting, np.searchsorted(post.docs, docs))
    return Result(docs, total * node.boost if node.boost != 1.0 else total)


def _follow(view: FastView, field: str, words, cand, order: list[int]) -> Any:
    """Indices of the candidates where the words stand at consecutive positions. A match is a
    start position every word ``i`` holds at start + i: as keys (candidate index << 32 |
    position - i) the words' keys must meet. Word by word in ``order``, reading positions
    only for the candidates still in the running."""
    alive = np.arange(len(cand), dtype=np.int64)
    shift = len(words)  # keeps position - i + shift >= 0
    keys: Any = None
    for i in order:
        starts, flat = view.positions(field, words[i], cand[alive])
        counts = np.diff(starts)
        which = np.repeat(alive, counts)
        k = (which << _SHIFT) + (flat.astype(np.int64) + (shift - i))
        keys = k if keys is None else intersect_sorted(keys, k)
        if not len(keys):
            return _EMPTY_I
        alive = _unique_sorted(keys >> _SHIFT)
    return alive


def intersect(results: list[Result], docs, scored: bool) -> Result:
    """``docs`` (in every result) scored as the sum of the results' scores, in their order."""
    if not scored:
        return Result(docs, None)
    total = np.zeros(len(docs))
    for r in results:  # in the query's order: Whoosh adds the children's scores
        total += r.scores[np.searchsorted(r.docs, docs)]
    return Result(docs, total)


def union(results: list[Result], scored: bool, n: int) -> Result:
    results = [r for r in results if len(r.docs)]
    if not results:
        return _empty(scored)
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


class Evaluator:
    """Runs a plan over one commit's postings (a ``FastView``)."""

    def __init__(self, view: FastView, weighting) -> None:
        self.view = view
        self.weighting = weighting

    def run(self, node: p.Plan, scored: bool = True, within=None) -> Result:
        """The documents ``node`` matches (only those of the sorted live docnums ``within``,
        when given), with their scores unless not ``scored``."""
        v = self.view
        if isinstance(node, p.Term):
            return term(v, node, self.weighting, scored, within)
        if isinstance(node, p.Phrase):
            return phrase(v, node, self.weighting, scored, within)
        if isinstance(node, p.AllOf):
            return self._all_of(node, scored, within)
        if isinstance(node, p.AnyOf):
            return union([self.run(c, scored, within) for c in node.items], scored, v.n)
        if isinstance(node, p.Without):
            base = self.run(node.base, scored, within)
            if not len(base.docs):
                return base
            return difference(base, self.run(node.minus, False, base.docs))
        if isinstance(node, p.Inverse):
            inner = self.run(node.item, False, within)
            if within is not None:
                return _ones(within[~member(within, inner.docs)], scored)
            mask = v.live.copy()
            mask[inner.docs] = False
            return _ones(np.flatnonzero(mask), scored)
        if isinstance(node, p.Every):
            return _ones(v.live_docs if within is None else within, scored)
        if isinstance(node, p.Nothing):
            return _empty(scored)
        if isinstance(node, p.Days):
            return self._days(node, scored, within)
        raise Unsupported(type(node).__name__)

    def _all_of(self, node: p.AllOf, scored: bool, within) -> Result:
        """Each item on what the cheaper ones left; scores added in the query's order."""
        results: list[Result] = [_empty(scored)] * len(node.items)
        docs = within
        for i in node.order or range(len(node.items)):
            r = self.run(node.items[i], scored, docs)
            results[i] = r
            docs = r.docs
            if not len(docs):
                return _empty(scored)
        return intersect(results, docs, scored)

    def _days(self, node: p.Days, scored: bool, within) -> Result:
        days = self.day_ordinals()
        docs = self.view.live_docs if within is None else within
        d = days[docs]
        keep = d != _NO_DAY
        if node.lo is not None:
            lo = node.lo
            keep &= d >= lo.date().toordinal() + (0 if _is_midnight(lo) else 1)
        if node.hi is not None:
            keep &= d <= node.hi.date().toordinal()
        return _ones(docs[keep], scored)

    def day_ordinals(self) -> Any:
        """Each document's day as an ordinal (``_NO_DAY`` when undated), once per commit."""
        return self.view.column(
            "\x00day-ordinals", lambda: day_ordinals(Column(self.view.reader, "day", "").to_list())
        )


_NO_DAY = np.int64(-(2**62))


def _is_midnight(d: dt.datetime) -> bool:
    return d.hour == d.minute == d.second == d.microsecond == 0


def day_ordinals(values: list) -> Any:
    """``YYYY-MM-DD`` strings (or empty) as day ordinals; ``_NO_DAY`` for none."""
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
