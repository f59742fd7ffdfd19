"""The Whoosh implementation of ``SearchBackend``: opening the index (and refusing a damaged
one), a fresh searcher per commit, ``search`` (plan, run on the fast path, rank, snippet,
facets, suggest) and the documents.

The jobs live in mixins, one module each: per-commit caches (commit_cache.py), planning the
query (planner.py), running the plan (fast_search.py), facets (facets.py), suggestions
(suggest.py) and Whoosh's own evaluation, the tests' reference (whoosh_oracle.py). Depends on
whoosh-reloaded 2.7.5's index, searcher and stored-fields API.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import scoring

from idlibtui.annotate.dates import as_date
from idlibtui.model import Hit, QueryError, SearchResults
from idlibtui.search import fast_search, figure_codec
from idlibtui.search import query as q
from idlibtui.search.backend import DATA_ERRORS, IndexMissing, IndexUnavailable
from idlibtui.search.codec import CodecError
from idlibtui.search.columns import Column
from idlibtui.search.facets import Facets
from idlibtui.search.highlight import make_snippet, matcher_for
from idlibtui.search.lexicon import field_terms
from idlibtui.search.planner import lang_restriction
from idlibtui.search.schema import (
    INDEX_NAME,
    SCHEMA_VERSION,
    index_exists,
    other_index_exists,
)
from idlibtui.search.suggest import FEW_HITS, Suggestions
from idlibtui.search.whoosh_oracle import WhooshOracle

__all__ = ["INDEX_NAME", "SCHEMA_VERSION", "WhooshIndex", "index_exists", "other_index_exists"]


class _CachedLengthBM25F(scoring.BM25F):
    """BM25F whose per-document field lengths come from a Python list built once per segment.

    Whoosh reads each scored document's field length from a column (~3 µs a call); scoring a
    term that occurs in most of 10k documents spent 80% of its time there (profiled).
    """

    def __init__(self) -> None:
        super().__init__()
        self._lengths: dict[tuple[int, str], tuple[Any, list[int]]] = {}

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer):
            reader = searcher.reader()
            key = (id(reader), fieldname)
            cached = self._lengths.get(key)
            # The reader itself is kept and compared: an id can be reused once a reader is gone.
            if cached is None or cached[0] is not reader:
                if len(self._lengths) > 64:
                    self._lengths.clear()
                dfl = reader.doc_field_length
                cached = (reader, [dfl(i, fieldname, 1) for i in range(reader.doc_count_all())])
                self._lengths[key] = cached
            scorer.dfl = cached[1].__getitem__
        return scorer


def _damage_said(method):
    """Turn a damaged-data error inside ``method`` into ``IndexUnavailable`` (an index whose
    files were damaged before the build recorded their checksums is not refused at open)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except DATA_ERRORS as exc:
            raise IndexUnavailable(
                f"the index at {self.index_dir} could not be read ({exc.__class__.__name__}: "
                f"{exc}); it may be damaged: run `idlibtui index --rebuild`"
            ) from exc

    return wrapper


class WhooshIndex(Suggestions, Facets, WhooshOracle):
    """An open Whoosh index: one per process, a fresh searcher whenever the index changed."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        if self.index_dir.exists() and not self.index_dir.is_dir():
            raise IndexUnavailable(
                f"the index path {self.index_dir} is not a folder; give --index the index folder"
            )
        if not index_exists(self.index_dir):
            if other_index_exists(self.index_dir):
                raise IndexMissing(
                    f"the index at {self.index_dir} was built by another version of idlibtui; "
                    "run `idlibtui index` to rebuild it"
                )
            raise IndexMissing(f"no index at {self.index_dir}; run `idlibtui index`")
        try:
            self._ix = windex.open_dir(str(self.index_dir), indexname=INDEX_NAME)
            self._check_files()
            self._searcher = self._ix.searcher(weighting=_CachedLengthBM25F())
        except IndexUnavailable:
            raise
        except Exception as exc:  # a damaged TOC or segment
            raise IndexUnavailable(
                f"the index at {self.index_dir} cannot be read ({exc.__class__.__name__}: {exc}); "
                "run `idlibtui index --rebuild`"
            ) from exc
        self._lock = threading.RLock()
        self._keyword_cache: dict[Any, Any] = {}
        self._fast: Any = None  # fastpath.FastView of the current searcher
        self._segment_cache: Any = None  # fastpath.SegmentCache, kept across commits

    # -- lifecycle ---------------------------------------------------------------------------

    def _check_files(self) -> None:
        """Refuse an index whose latest commit's files are not what the build wrote (a
        truncated, garbled or missing file would otherwise answer wrongly, or crash)."""
        from idlibtui.search.integrity import check_integrity, damage_message

        damage = check_integrity(self.index_dir, self._ix)
        if damage:
            raise IndexUnavailable(damage_message(self.index_dir, damage))

    def refresh(self) -> bool:
        """Pick up a newer commit if there is one; True if the view changed."""
        with self._lock:
            try:
                if self._searcher.up_to_date():
                    return False
                # Not ``Searcher.refresh()``: it reuses the open reader of every segment that
                # survived the commit, with that segment's old deletion set, so documents an
                # update removed or replaced stayed visible (found by the fast-path tests).
                self._check_files()
                self._searcher = self._ix.searcher(weighting=self._searcher.weighting)
            except IndexUnavailable:
                raise
            except Exception as exc:
                raise IndexUnavailable(
                    f"the index at {self.index_dir} cannot be read: {exc}"
                ) from exc
            self._keyword_cache.clear()
            self._fast = None
            return True

    def close(self) -> None:
        with self._lock:
            self._searcher.close()

    @property
    def doc_count(self) -> int:
        self.refresh()
        return self._searcher.doc_count()

    @property
    def generation(self) -> int:
        return self._searcher.reader().generation()

    # -- searching ---------------------------------------------------------------------------

    @_damage_said
    def search(
        self,
        query: str,
        *,
        page: int = 1,
        page_size: int = 20,
        sort: str = "relevance",
        filters: dict[str, list[str]] | None = None,
    ) -> SearchResults:
        started = time.perf_counter()
        if sort not in ("relevance", "date"):
            raise ValueError(f"sort must be 'relevance' or 'date', not {sort!r}")
        page = max(1, int(page))
        page_size = max(1, int(page_size))
        typed = q.parse(query)
        with self._lock:
            self.refresh()
            expanded = self._expander().expand(typed)
            node = expanded.node
            plan = self._planned(node, query, filters)
            if plan is None:  # (never for the empty query: it plans to every document)
                where = node.pos if node is not None else None
                raise QueryError(
                    "nothing to search for: the query holds only common words", where, query
                )
            searcher = self._searcher
            filter_plan = self.filter_plan(filters)
            wanted = page * page_size
            by_date = sort == "date" or node is None
            if fast_search.FAST_PATH:
                found = self._fast_search(plan, filter_plan, by_date, wanted, text=query)
            else:
                found = self._whoosh_search(plan, filter_plan, by_date, wanted, query)
            docs, ranked, facet_counts = found
            total = len(docs)
            matcher = matcher_for(node, lang_restriction(node, filters) or self.query_langs())
            text_reader = self._text_column()
            hits = []
            for docnum, score in ranked[(page - 1) * page_size : wanted]:
                stored = searcher.stored_fields(docnum)
                text = text_reader[docnum].decode("utf-8") if text_reader else ""
                offsets = matcher.offsets(text, stored.get("lang") or "")
                snippet, snippet_hits = make_snippet(text, offsets)
                hits.append(
                    Hit(
                        id=stored.get("id", ""),
                        path=stored.get("path", ""),
                        title=stored.get("title", ""),
                        source=stored.get("source", ""),
                        date=as_date(stored.get("date")),
                        score=score,
                        snippet=snippet,
                        snippet_hits=snippet_hits,
                        text_hits=tuple(offsets),
                        date_inferred=bool(stored.get("date_inferred", False)),
                        date_kind=str(stored.get("date_kind", "") or ""),
                        lang=str(stored.get("lang", "") or ""),
                    )
                )
            facets = {
                "source": facet_counts["source"],
                "agency": facet_counts.get("agency", {}),
                "lang": facet_counts.get("lang", {}),
                "year": facet_counts["year"],
                "entity": self._entity_facet(
                    docs, filtered=node is not None or filter_plan is not None
                ),
            }
            suggestion = ""
            if typed is not None and total < FEW_HITS:
                suggestion = self._suggest(query, typed)
        return SearchResults(
            query=query,
            hits=tuple(hits),
            total=total,
            page=page,
            page_size=page_size,
            facets=facets,
            suggestion=suggestion,
            elapsed_ms=(time.perf_counter() - started) * 1000.0,
            parsed_query=q.render(typed),
            expansions=expanded.added,
        )

    def _planned(self, node: q.Node | None, text: str, filters=None):
        """The plan of ``node``; a failure (statistics it cannot read, a fault) is said with
        what to do, as the evaluator's are (``FastSearch._failure``)."""
        try:
            return self.plan(node, filters)
        except CodecError as exc:
            raise self._failure(text, exc) from exc
        except DATA_ERRORS:
            raise  # damaged index data: said as such by ``_damage_said``
        except Exception as exc:
            if fast_search.FAST_PATH_STRICT:
                raise
            raise self._failure(text, exc) from exc

    # -- documents ---------------------------------------------------------------------------

    def _full(
        self,
        reader,
        docnum: int,
        stored: dict[str, Any],
        cols: tuple[Column, Column, Column] | None = None,
    ) -> dict[str, Any]:
        text_col, figures_col, entity_col = cols or self._document_columns(reader)
        doc = dict(stored)
        doc["date"] = as_date(doc.get("date"))
        raw_text = text_col[docnum]
        doc["text"] = text = raw_text.decode("utf-8") if raw_text else ""
        doc["figures"] = figure_codec.decode(figures_col[docnum], text)
        kinds = doc.pop("entity_kinds", None)
        if "entities" not in doc:
            raw_names = entity_col[docnum]
            names = raw_names.decode("utf-8").split("\x1f") if raw_names else []
            doc["entities"] = [
                [name, kind, int(count)]
                for name, (kind, _, count) in zip(
                    names, (k.rpartition(":") for k in (kinds or "").split("\x1f")), strict=False
                )
            ]
        return doc

    def _document_columns(self, reader) -> tuple[Column, Column, Column]:
        """The text, figures and entity names columns (kept per commit: opening a block
        column reads its block list)."""
        if reader is not self._searcher.reader():
            return (
                Column(reader, "text_col", b""),
                Column(reader, "figures_col", b""),
                Column(reader, "entity_col", b""),
            )
        key = ("\x00doc-cols", id(self._searcher))
        cols = self._keyword_cache.get(key)
        if cols is None:
            cols = (
                self._text_column(),
                Column(reader, "figures_col", b""),
                Column(reader, "entity_col", b""),
            )
            self._keyword_cache[key] = cols
        return cols

    def get(self, id: str) -> dict[str, Any] | None:
        with self._lock:
            self.refresh()
            docnum = self._searcher.document_number(id=id)
            if docnum is None:
                return None
            return self._full(self._searcher.reader(), docnum, self._searcher.stored_fields(docnum))

    def iter_documents(self, query: str | None = None) -> Iterator[dict[str, Any]]:
        """Every (matching) document's stored fields plus ``text`` and decoded ``figures``."""
        node = q.parse(query) if query else None
        with self._lock:
            self.refresh()
            node = self._expander().expand(node).node
            searcher = self._searcher
            if node is None:
                docnums = list(searcher.reader().all_doc_ids())
            else:
                plan = self._planned(node, query or "")
                if plan is None:
                    raise QueryError("nothing to search for", node.pos, query or "")
                if fast_search.FAST_PATH:
                    docnums = self._fast_docs(plan, query or "")
                else:
                    docnums = self._whoosh_docs(plan, query or "")
            reader = searcher.reader()
            cols = self._document_columns(reader)
        for docnum in docnums:
            with self._lock:
                stored = searcher.stored_fields(docnum)
                doc = self._full(reader, docnum, stored, cols)
            yield doc

    def keyword_names(self, field: str) -> list[str]:
        """The values of ``entity``/``source``/``agency`` the index holds, the most common
        first (for completing them while typing; cached per commit)."""
        if field not in ("entity", "source", "agency"):
            return []
        with self._lock:
            self.refresh()
            key = ("\x00names:" + field, id(self._searcher))
            cached: list[str] | None = self._keyword_cache.get(key)
            if cached is None:
                pairs = [
                    (freq, btext.decode("utf-8"))
                    for btext, freq in field_terms(self._searcher.reader(), field)
                ]
                cached = [name for _freq, name in sorted(pairs, key=lambda p: (-p[0], p[1]))]
                self._keyword_cache[key] = cached
        return list(cached)

    def all_titles(self) -> list[tuple[str, str, str, dt.date | None]]:
        """(id, title, source, date) of every article, sorted by title (cached per commit)."""
        with self._lock:
            self.refresh()
            key = ("\x00titles", id(self._searcher))
            cached = self._keyword_cache.get(key)
            if cached is not None:
                return list(cached)
            out = []
            for fields in self._searcher.reader().all_stored_fields():
                out.append(
                    (
                        fields.get("id", ""),
                        fields.get("title", ""),
                        fields.get("source", ""),
                        as_date(fields.get("date")),
                    )
                )
            out.sort(key=lambda r: (r[1].lower(), r[0]))
            self._keyword_cache[key] = out
        return list(out)
