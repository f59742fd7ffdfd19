"""The facets of a result set: source, agency, language and year counts (from columns), and
the entity facet (exact over every article, estimated from an even sample beyond
``ENTITY_FACET_MAX_DOCS`` matches), by the fast path's arrays when it ran, else in Python.

The mixin of ``WhooshIndex`` that counts.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from idlibtui.search.collecting import EntityLists, entity_facet, top_names
from idlibtui.search.columns import Column
from idlibtui.search.fast_search import FastSearch
from idlibtui.search.lexicon import field_terms

ENTITY_FACET_SIZE = 30
ENTITY_FACET_MAX_DOCS = 4_000  # beyond this, entity counts are estimated from an even sample


class Facets(FastSearch):
    """Facet counts over the current commit."""

    def _count(self, docs: set[int], field: str) -> dict[str, int]:
        values = self._column_array(field)
        counts = Counter(values[d] for d in docs)
        counts.pop("", None)
        counts.pop(None, None)  # type: ignore[call-overload]
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def _entity_lists(self):
        """docnum → tuple of canonical entity names, decoded once per commit."""
        key = ("\x00entity-lists", id(self._searcher))
        fn = self._keyword_cache.get(key)
        if fn is None:
            col = Column(self._searcher.reader(), "entity_col", b"")
            cache: dict[int, tuple[str, ...]] = {}

            def fn(docnum: int) -> tuple[str, ...]:
                names = cache.get(docnum)
                if names is None:
                    raw = col[docnum]
                    names = tuple(raw.decode("utf-8").split("\x1f")) if raw else ()
                    cache[docnum] = names
                return names

            self._keyword_cache[key] = fn
        return fn

    def _entity_facet(self, docs: Any, *, filtered: bool) -> dict[str, int]:
        reader = self._searcher.reader()
        cache_key = ("\x00entities", id(self._searcher))
        if not filtered and cache_key in self._keyword_cache:
            return dict(self._keyword_cache[cache_key])
        counts: Counter[str] = Counter()
        lists = None
        if hasattr(docs, "dtype"):  # the fast path's sorted numpy array
            view = self._fast_view()
            lists = view.column("\x00entities", lambda: EntityLists(reader))
        if not filtered and lists is not None:
            # Every article: exact counts from the entity sidecars, when all segments have one.
            tally = lists.totals(docs if reader.has_deletions() else None)
            if tally is not None:
                facet = top_names(lists.names, tally, ENTITY_FACET_SIZE)
                self._keyword_cache[cache_key] = facet
                return dict(facet)
        if not filtered and not reader.has_deletions():
            for btext, freq in field_terms(reader, "entity"):
                counts[btext.decode("utf-8")] = freq
        elif lists is not None:
            return entity_facet(lists, docs, ENTITY_FACET_MAX_DOCS, ENTITY_FACET_SIZE)
        else:
            names = self._entity_lists()
            docs = sorted(docs)
            scale = 1.0
            if len(docs) > ENTITY_FACET_MAX_DOCS:
                step = len(docs) / ENTITY_FACET_MAX_DOCS
                scale = step
                docs = [docs[int(i * step)] for i in range(ENTITY_FACET_MAX_DOCS)]
            for docnum in docs:
                counts.update(names(docnum))
            if scale != 1.0:
                counts = Counter({k: max(1, round(v * scale)) for k, v in counts.items()})
        facet = dict(counts.most_common(ENTITY_FACET_SIZE))
        if not filtered:
            self._keyword_cache[cache_key] = facet
        return facet
