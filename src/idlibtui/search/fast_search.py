"""Running a compiled query on the fast path (search/fastpath.py, matching.py, collecting.py)
and saying its failures: a query shape the plan does not evaluate is answered by Whoosh only
where Whoosh is right for it (search/whoosh_fixes.py), any other failure is a ``SearchError``,
never another reader's answer in its place.

The mixin of ``WhooshIndex`` that holds the per-commit ``FastView``.
"""

from __future__ import annotations

import logging
from typing import Any

from whoosh import query as wq

from idlibtui.search import whoosh_fixes
from idlibtui.search.backend import DATA_ERRORS as _DATA_ERRORS
from idlibtui.search.backend import SearchError
from idlibtui.search.codec import member
from idlibtui.search.collecting import codes_for, counts, top, top_by_day
from idlibtui.search.commit_cache import CommitCache
from idlibtui.search.fastpath import FastView, SegmentCache, Unsupported
from idlibtui.search.matching import Evaluator
from idlibtui.search.schema import sidecar_only

#: Evaluate queries with numpy over Whoosh's postings (search/fastpath.py); Whoosh otherwise.
FAST_PATH = True
#: Tests set this so that an unexpected failure inside the fast path raises itself (with its
#: traceback) instead of the ``SearchError`` that reports it. Either way it is never answered
#: by Whoosh instead.
FAST_PATH_STRICT = False

_log = logging.getLogger("idlibtui.search.whoosh_backend")
_log.addHandler(logging.NullHandler())  # logged for whoever listens; never printed over the app


class FastSearch(CommitCache):
    """The fast path's state for the current commit, and running queries on it."""

    _fast: Any
    _segment_cache: Any

    def _fast_view(self):
        """numpy state for the current searcher (built on first use, dropped on refresh)."""

        view = self._fast
        if view is None or view.searcher is not self._searcher:
            if self._segment_cache is None:
                self._segment_cache = SegmentCache()
            view = FastView(self._searcher, self._segment_cache)
            self._fast = view
        return view

    def _fast_search(
        self,
        wquery: wq.Query,
        filter_q: wq.Query | None,
        by_date: bool,
        wanted: int,
        *,
        text: str = "",
    ):
        """(matching docnums, ranked (docnum, score) up to ``wanted``, source/year facets), or
        None when the query has a shape the fast path does not evaluate and Whoosh answers it
        rightly. Any other failure is raised, said (``SearchError``), never answered by Whoosh."""

        try:
            view = self._fast_view()
            ev = Evaluator(view, self._searcher.weighting)
            result = ev.run(wquery, scored=not by_date)
            docs, scores = result.docs, result.scores
            if filter_q is not None:
                allowed = ev.run(filter_q, scored=False).docs
                keep = member(docs, allowed)
                docs = docs[keep]
                scores = None if scores is None else scores[keep]
            if by_date:
                days = view.column("\x00day-ordinals", ev._day_ordinals)
                idx = top_by_day(docs, days, wanted)
                ranked = [(d, 0.0) for d in docs[idx].tolist()]
            else:
                idx = top(docs, scores, wanted)
                ranked = list(zip(docs[idx].tolist(), scores[idx].tolist(), strict=True))
            facets = {}
            for field in ("source", "agency", "lang", "year"):
                codes, names = view.column(
                    "\x00codes:" + field, lambda f=field: codes_for(self._column_array(f))
                )
                facets[field] = counts(codes, names, docs)
        except Unsupported as exc:
            self._whoosh_may_answer(text, exc, wquery, filter_q)
            return None
        except _DATA_ERRORS:
            raise  # damaged index data: said as such by ``_damage_said``
        except Exception as exc:
            if FAST_PATH_STRICT:
                raise
            raise self._failure(text, exc) from exc
        return docs, ranked, facets

    def _fast_docs(self, wquery: wq.Query, text: str) -> list[int] | None:
        """Every document matching a compiled query, by the fast path (None: Whoosh answers
        it rightly; any other failure is said, as in ``_fast_search``)."""
        if not FAST_PATH:
            self._whoosh_may_answer(text, Unsupported("the fast path is off"), wquery)
            return None
        try:
            ev = Evaluator(self._fast_view(), self._searcher.weighting)
            return ev.run(wquery, scored=False).docs.tolist()
        except Unsupported as exc:
            self._whoosh_may_answer(text, exc, wquery)
            return None
        except _DATA_ERRORS:
            raise
        except Exception as exc:
            if FAST_PATH_STRICT:
                raise
            raise self._failure(text, exc) from exc

    def _whoosh_may_answer(self, text: str, why: Exception, *queries: wq.Query | None) -> None:
        """Let Whoosh answer a query of a shape the fast path does not evaluate, only if
        Whoosh is right for every part of it (see search/whoosh_fixes.py) and holds its
        postings (not those of a sidecar-only field); else say so."""
        schema = self._searcher.schema
        for part in queries:
            lacking = sorted(
                {f for f, _t in part.all_terms(phrases=True) if f in schema}
                & {f for f in schema.names() if sidecar_only(schema[f])}
                if part is not None
                else set()
            )
            if lacking:
                _log.error("refused %r: fast path: %s; Whoosh holds no %s", text, why, lacking)
                raise SearchError(
                    f"the query {text!r} cannot be answered: the fast search does not evaluate "
                    f"it ({why}) and Whoosh does not hold the postings of {lacking}; this is a "
                    "bug in idlibtui, please report it with the query"
                )
            wrong = whoosh_fixes.known_wrong(part) if part is not None else ""
            if wrong:
                _log.error("refused %r: fast path: %s; Whoosh: %s", text, why, wrong)
                raise SearchError(
                    f"the query {text!r} cannot be answered correctly: the fast search does "
                    f"not evaluate it ({why}) and Whoosh's answer for {wrong} is known to be "
                    "wrong; this is a bug in idlibtui, please report it with the query"
                )
        _log.info("Whoosh answers %r: the fast path does not evaluate it (%s)", text, why)

    def _failure(self, text: str, exc: Exception) -> SearchError:
        """The error that says a fast-path failure (logged with its traceback) and the fix."""
        from idlibtui.search.codec import CodecError

        _log.error("the fast path failed on %r", text, exc_info=exc)
        if isinstance(exc, CodecError):
            return SearchError(
                f"the index at {self.index_dir} holds postings this version of idlibtui cannot "
                f"read ({exc}) while searching for {text!r}: run `idlibtui index --rebuild`"
            )
        return SearchError(
            f"the search for {text!r} failed inside idlibtui ({exc.__class__.__name__}: "
            f"{exc}); no other answer was given in its place. This is a bug: please report it "
            "with the query"
        )
