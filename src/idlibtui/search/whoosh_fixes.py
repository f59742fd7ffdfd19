"""AND NOT and NOT for Whoosh's own evaluation, with two known Whoosh matcher bugs fixed.

Whoosh evaluates a query only when the fast path is switched off: the tests' reference
(search/whoosh_oracle.py). Its answers must be the fast path's, so a plan's AND NOT and NOT are
translated to the classes here, whose matchers fix what the differential tests found
(whoosh-reloaded 2.7.5, files whoosh/matching/binary.py and whoosh/matching/wrappers.py):

- ``AndNotMatcher._find_first`` checked the first positive document only when the excluded list
  started on that same document: "erdogan -market" kept a document holding both words when
  "market" also had an earlier document;
- ``InverseMatcher._find_next`` (NOT at the top or under OR) returned a deleted document when the
  excluded list ended just before it.

Subclasses, not patches of Whoosh's classes: nothing else in the process changes. ``known_wrong``
names a query part built from Whoosh's own, unfixed classes (the reference then refuses to
answer it).
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.matching.binary import AndNotMatcher
from whoosh.matching.wrappers import InverseMatcher


class FixedAndNotMatcher(AndNotMatcher):
    """Skips every leading positive document the excluded list holds, wherever that list starts."""

    def _find_first(self) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()


class FixedInverseMatcher(InverseMatcher):
    """Never stops on a deleted document."""

    def _find_next(self) -> None:
        super()._find_next()
        while self._id < self.limit and self.missing(self._id):
            self._id += 1


class AndNot(wq.AndNot):
    """``a`` without the documents of ``b``, scored as ``a`` (the fixed matcher)."""

    def matcher(self, searcher, context=None):
        scored = self.a.matcher(searcher, context)
        excluded = self.b.matcher(searcher, searcher.boolean_context())
        return FixedAndNotMatcher(scored, excluded)


class Not(wq.Not):
    """Every live document the wrapped query does not match (the fixed matcher)."""

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        child = self.query.matcher(searcher, searcher.boolean_context())
        return FixedInverseMatcher(child, reader.doc_count_all(), missing=reader.is_deleted)


#: Whoosh's own classes whose matchers are known to give wrong answers.
_WRONG = (wq.AndNot, wq.Not)


def known_wrong(query: wq.Query) -> str:
    """The first part of ``query`` Whoosh is known to answer wrongly ("" when none is)."""
    stack = [query]
    while stack:
        part = stack.pop()
        if type(part) in _WRONG:
            return f"{type(part).__name__} (Whoosh's own matcher)"
        if not part.is_leaf():
            stack.extend(part.children())
    return ""
