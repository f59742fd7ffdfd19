"""Whoosh's own evaluation of a plan (search/plan.py): the tests' reference, run only when the
fast path is switched off (``fast_search.FAST_PATH``); the app never falls back to it.

A plan node becomes the Whoosh query that means the same, one for one: a term, a phrase (with
its boost), And, Or, AND NOT and NOT from the classes whose matchers fix Whoosh's known bugs
(search/whoosh_fixes.py), a date range, every document, none. Nothing about the query is
decided here: the planner decided it. Whoosh answers only when it holds the postings the plan
reads (the app's index keeps the body's only in the sidecar) and no part of the query is one
Whoosh is known to get wrong; otherwise the search is refused with a message. Depends on
whoosh-reloaded 2.7.5's query classes and ``Searcher.search``/``docs_for_query``.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable

from whoosh import query as wq

from idlibtui.search import plan as p
from idlibtui.search import whoosh_fixes
from idlibtui.search.backend import SearchError
from idlibtui.search.commit_cache import CommitCache
from idlibtui.search.schema import sidecar_only

_log = logging.getLogger("idlibtui.search.whoosh_backend")
_log.addHandler(logging.NullHandler())


def to_whoosh(node: p.Plan) -> wq.Query:
    """The Whoosh query that means what ``node`` means."""
    if isinstance(node, p.Term):
        return wq.Term(node.field, node.text, boost=node.boost)
    if isinstance(node, p.Phrase):
        return wq.Phrase(node.field, list(node.words), boost=node.boost)
    if isinstance(node, p.AllOf):
        return wq.And([to_whoosh(c) for c in node.items])
    if isinstance(node, p.AnyOf):
        return wq.Or([to_whoosh(c) for c in node.items])
    if isinstance(node, p.Without):
        return whoosh_fixes.AndNot(to_whoosh(node.base), to_whoosh(node.minus))
    if isinstance(node, p.Inverse):
        return whoosh_fixes.Not(to_whoosh(node.item))
    if isinstance(node, p.Days):
        return wq.DateRange("date", node.lo, node.hi)
    if isinstance(node, p.Every):
        return wq.Every()
    if isinstance(node, p.Nothing):
        return wq.NullQuery
    raise TypeError(node)


def is_simple(query: wq.Query) -> bool:
    """A term or an OR of terms: cheap to list, and ranked fastest with block skipping."""
    if isinstance(query, wq.Term):
        return True
    return isinstance(query, wq.Or) and all(isinstance(c, wq.Term) for c in query.children())


class WhooshOracle(CommitCache):
    """Whoosh's own answer to a plan, for the tests' comparison."""

    _count: Callable[[set[int], str], dict[str, int]]  # the facets mixin's

    def _oracle_query(self, text: str, *plans: p.Plan | None) -> list[wq.Query | None]:
        """The plans as Whoosh queries, or a ``SearchError`` when Whoosh cannot answer them
        rightly (it holds none of a field's postings, or a part is known to be wrong)."""
        schema = self._searcher.schema
        lean = {f for f in schema.names() if sidecar_only(schema[f])}
        out: list[wq.Query | None] = []
        for plan in plans:
            if plan is None:
                out.append(None)
                continue
            lacking = sorted(p.fields_of(plan) & lean)
            if lacking:
                _log.error("refused %r: Whoosh holds no %s", text, lacking)
                raise SearchError(
                    f"the query {text!r} cannot be answered by Whoosh: it does not hold the "
                    f"postings of {lacking} (the fast search does; it is switched off)"
                )
            query = to_whoosh(plan)
            wrong = whoosh_fixes.known_wrong(query)
            if wrong:
                _log.error("refused %r: Whoosh: %s", text, wrong)
                raise SearchError(
                    f"the query {text!r} cannot be answered correctly by Whoosh: its answer "
                    f"for {wrong} is known to be wrong"
                )
            out.append(query)
        return out

    def _whoosh_search(self, plan, filter_plan, by_date: bool, wanted: int, text: str = ""):
        """(matching docnums, ranked (docnum, score) up to ``wanted``, facets) by Whoosh's own
        searcher."""
        wquery, filter_q = self._oracle_query(text, plan, filter_plan)
        everything = isinstance(plan, p.Every)
        searcher = self._searcher
        ranked: list[tuple[int, float]] = []
        if not everything and not by_date and not is_simple(wquery):
            # Phrases, AND and ranges are costly to match: one unlimited scored pass gives
            # both the ranking and the full set, instead of matching them twice (measured).
            results = searcher.search(wquery, limit=None, filter=filter_q)
            docs = set(results.docs())
            ranked = [(h.docnum, float(h.score or 0.0)) for h in results[:wanted]]
        else:
            # Every matching document (for the total and the facets), without scoring.
            if everything:
                docs = set(searcher.reader().all_doc_ids())
            else:
                docs = set(searcher.docs_for_query(wquery))
            if filter_q is not None:
                docs &= set(searcher.docs_for_query(filter_q))
            if by_date:
                day = self._column_array("day")
                top = heapq.nlargest(wanted, docs, key=lambda d: (day[d] or "", -d))
                ranked = [(d, 0.0) for d in top]
            else:
                results = searcher.search(wquery, limit=wanted, filter=filter_q)
                ranked = [(h.docnum, float(h.score or 0.0)) for h in results]
        facets = {f: self._count(docs, f) for f in ("source", "agency", "lang", "year")}
        return docs, ranked, facets

    def _whoosh_docs(self, plan: p.Plan, text: str) -> list[int]:
        """Every document matching a plan, by Whoosh's own searcher."""
        (wquery,) = self._oracle_query(text, plan)
        return sorted(self._searcher.docs_for_query(wquery))
