"""What one commit of the index is asked again and again, computed once and kept until the
next commit: keyword terms, entity names, per-document columns, the spelling vocabulary.

The mixin base of ``WhooshIndex`` (search/whoosh_backend.py); the query compiler, the fast
search, the facets and the suggestions build on it. Everything is keyed by the searcher, and
``refresh`` clears it. Depends on the reader API of whoosh-reloaded 2.7.5 (via lexicon.py and
columns.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from idlibtui.search.columns import Column
from idlibtui.search.lexicon import field_terms


class CommitCache:
    """Per-commit values of an open index (``_keyword_cache``, keyed by the searcher)."""

    index_dir: Path
    _searcher: Any
    _keyword_cache: dict[Any, Any]

    def _keyword_terms(self, field: str) -> dict[str, list[str]]:
        key = (field, id(self._searcher))
        table = self._keyword_cache.get(key)
        if table is None:
            table = {}
            for btext, _freq in field_terms(self._searcher.reader(), field):
                term = btext.decode("utf-8")
                table.setdefault(term.lower(), []).append(term)
            self._keyword_cache[key] = table
        return table

    def _entity_names(self):
        """The index's entity names and their spellings (search/resolve.py), once per commit."""
        from idlibtui.search.resolve import EntityNames

        key = ("\x00entity-names", id(self._searcher))
        names = self._keyword_cache.get(key)
        if names is None:
            stored = [t for terms in self._keyword_terms("entity").values() for t in terms]
            names = EntityNames(stored)
            self._keyword_cache[key] = names
        return names

    def _text_column(self) -> Column:
        key = ("\x00text-col", id(self._searcher))
        col = self._keyword_cache.get(key)
        if col is None:
            col = Column(self._searcher.reader(), "text_col", b"")
            self._keyword_cache[key] = col
        return col

    def _column_array(self, field: str) -> list[str]:
        """Every document's value of a sortable keyword field, by docnum (cached per commit)."""
        key = ("\x00col:" + field, id(self._searcher))
        arr = self._keyword_cache.get(key)
        if arr is None:
            reader = self._searcher.reader()
            arr = Column(reader, field, "").to_list()
            self._keyword_cache[key] = arr
        return arr

    def _vocabulary(self) -> tuple[list[str], list[int]]:
        """Unstemmed words of the index and their document frequencies (cached per commit)."""
        key = ("\x00vocab", id(self._searcher))
        cached = self._keyword_cache.get(key)
        if cached is None:
            words, freqs = [], []
            for btext, freq in field_terms(self._searcher.reader(), "plain"):
                term = btext.decode("utf-8")
                if term.isalpha():
                    words.append(term)
                    freqs.append(freq)
            cached = (words, freqs)
            self._keyword_cache[key] = cached
        return cached
