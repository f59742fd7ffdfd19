"""Running a plan (search/plan.py) on the fast path (search/fastpath.py, matching.py,
collecting.py) and saying its failures: a plan the evaluator cannot run, postings it cannot
read, or any other fault is a ``SearchError`` with what to do, never another reader's answer in
its place (Whoosh answers only when the fast path is switched off: the tests' reference).

The mixin of ``WhooshIndex`` that holds the per-commit ``FastView``. Depends on numpy and, via
fastpath.py, on whoosh-reloaded 2.7.5's reader internals.
"""

from __future__ import annotations

import logging
from typing import Any

from idlibtui.search import plan as p
from idlibtui.search.backend import DATA_ERRORS as _DATA_ERRORS
from idlibtui.search.backend import SearchError
from idlibtui.search.collecting import codes_for, counts, top, top_by_day
from idlibtui.search.commit_cache import CommitCache
from idlibtui.search.fastpath import FastView, SegmentCache, Unsupported
from idlibtui.search.matching import Evaluator

#: Evaluate queries with numpy over the postings (search/fastpath.py). Off, Whoosh evaluates
#: them itself (search/whoosh_oracle.py): the tests' reference, never a fallback.
FAST_PATH = True
#: Tests set this so that an unexpected failure inside the fast path raises itself (with its
#: traceback) instead of the ``SearchError`` that reports it. Either way it is never answered
#: by Whoosh instead.
FAST_PATH_STRICT = False

_log = logging.getLogger("idlibtui.search.whoosh_backend")
_log.addHandler(logging.NullHandler())  # logged for whoever listens; never printed over the app


class FastSearch(CommitCache):
    """The fast path's state for the current commit, and running plans on it."""

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

    def _evaluator(self) -> Evaluator:
        return Evaluator(self._fast_view(), self._searcher.weighting)

    def _fast_search(
        self,
        plan: p.Plan,
        filter_plan: p.Plan | None,
        by_date: bool,
        wanted: int,
        *,
        text: str = "",
    ):
        """(matching docnums, ranked (docnum, score) up to ``wanted``, source/year facets).
        Any failure is raised, said (``SearchError``), never answered otherwise."""
        try:
            ev = self._evaluator()
            view = ev.view
            allowed = None
            if filter_plan is not None:
                allowed = ev.run(filter_plan, scored=False).docs
            result = ev.run(plan, scored=not by_date, within=allowed)
            docs, scores = result.docs, result.scores
            if by_date:
                idx = top_by_day(docs, ev.day_ordinals(), wanted)
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
        except _DATA_ERRORS:
            raise  # damaged index data: said as such by ``_damage_said``
        except Exception as exc:
            if FAST_PATH_STRICT:
                raise
            raise self._failure(text, exc) from exc
        return docs, ranked, facets

    def _fast_docs(self, plan: p.Plan, text: str) -> list[int]:
        """Every document matching a plan, by the fast path (failures said as above)."""
        try:
            return self._evaluator().run(plan, scored=False).docs.tolist()
        except _DATA_ERRORS:
            raise
        except Exception as exc:
            if FAST_PATH_STRICT:
                raise
            raise self._failure(text, exc) from exc

    def _failure(self, text: str, exc: Exception) -> SearchError:
        """The error that says a fast-path failure (logged with its traceback) and the fix."""
        from idlibtui.search.codec import CodecError

        _log.error("the fast path failed on %r", text, exc_info=exc)
        if isinstance(exc, CodecError):
            return SearchError(
                f"the index at {self.index_dir} holds postings this version of idlibtui cannot "
                f"read ({exc}) while searching for {text!r}: run `idlibtui index --rebuild`"
            )
        if isinstance(exc, Unsupported):
            return SearchError(
                f"the query {text!r} cannot be evaluated ({exc}); no other answer was given "
                "in its place. This is a bug in idlibtui: please report it with the query"
            )
        return SearchError(
            f"the search for {text!r} failed inside idlibtui ({exc.__class__.__name__}: "
            f"{exc}); no other answer was given in its place. This is a bug: please report it "
            "with the query"
        )
