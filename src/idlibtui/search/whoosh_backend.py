"""The Whoosh implementation of ``SearchBackend``."""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import json
import logging
import pickle
import re
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh import scoring

from idlibtui.annotate.dates import as_date
from idlibtui.model import Hit, QueryError, SearchResults
from idlibtui.search import query as q
from idlibtui.search import whoosh_fixes
from idlibtui.search.backend import IndexMissing, IndexUnavailable, SearchError
from idlibtui.search.columns import Column
from idlibtui.search.highlight import (
    make_snippet,
    matcher_for,
    query_terms,
    wildcard_pattern,
)
from idlibtui.search.lexicon import field_terms
from idlibtui.search.schema import (
    INDEX_NAME,
    SCHEMA_VERSION,
    TOKEN_PATTERN,
    index_exists,
    other_index_exists,
)

__all__ = ["INDEX_NAME", "SCHEMA_VERSION", "WhooshIndex", "index_exists", "other_index_exists"]
MAX_EXPANSION = 64  # terms a prefix or wildcard may expand to
MAX_SCAN = 20_000  # lexicon entries a prefix or wildcard may look at
ENTITY_FACET_SIZE = 30
ENTITY_FACET_MAX_DOCS = 4_000  # beyond this, entity counts are estimated from an even sample
FEW_HITS = 3  # fewer hits than this → look for a spelling suggestion
FILTER_FIELDS = ("source", "agency", "lang", "year", "month", "entity")
#: Evaluate queries with numpy over Whoosh's postings (search/fastpath.py); Whoosh otherwise.
FAST_PATH = True
#: Tests set this so that an unexpected failure inside the fast path raises itself (with its
#: traceback) instead of the ``SearchError`` that reports it. Either way it is never answered
#: by Whoosh instead.
FAST_PATH_STRICT = False

_log = logging.getLogger(__name__)
_log.addHandler(logging.NullHandler())  # logged for whoever listens; never printed over the app


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


# What reading damaged index data raises (a truncated or garbled block, column or pickle):
# said as an unreadable index with the fix, not as an internal error.
_DATA_ERRORS = (
    struct.error,
    zlib.error,
    EOFError,
    pickle.UnpicklingError,
    UnicodeDecodeError,
    OSError,
)


def _damage_said(method):
    """Turn a damaged-data error inside ``method`` into ``IndexUnavailable`` (an index whose
    files were damaged before the build recorded their checksums is not refused at open)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except _DATA_ERRORS as exc:
            raise IndexUnavailable(
                f"the index at {self.index_dir} could not be read ({exc.__class__.__name__}: "
                f"{exc}); it may be damaged: run `idlibtui index --rebuild`"
            ) from exc

    return wrapper


class WhooshIndex:
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
        self._keyword_cache: dict[tuple[str, int], dict[str, list[str]]] = {}
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

    # -- compiling our query tree to Whoosh --------------------------------------------------

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
            self._keyword_cache[key] = names  # type: ignore[assignment]
        return names  # type: ignore[return-value]

    def _resolve_keyword(self, field: str, value: str) -> list[str]:
        """The stored values an ``entity:``/``source:``/``agency:`` value means: the same
        value without case, else any spelling of an entity (an alias, an acronym, a word of
        its name), or an outlet without its case, spaces and punctuation."""
        from idlibtui.search.resolve import resolve_outlet

        table = self._keyword_terms(field)
        low = " ".join(value.lower().split())
        if low in table:
            return table[low]
        if field == "entity":
            return self._entity_names().resolve(value)
        return resolve_outlet(value, [t for terms in table.values() for t in terms])

    def _expand(self, field: str, pattern: str) -> list[str]:
        literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
        rx = re.compile(re.escape(literal) + ".*") if pattern == literal + "*" else None
        if rx is None:
            import fnmatch

            rx = re.compile(fnmatch.translate(pattern))
        reader = self._searcher.reader()
        found: list[tuple[int, str]] = []
        for n, (btext, freq) in enumerate(field_terms(reader, field, literal.encode("utf-8"))):
            if n >= MAX_SCAN:
                break
            term = btext.decode("utf-8")
            if rx.fullmatch(term):
                found.append((freq, term))
        found.sort(key=lambda x: (-x[0], x[1]))
        return [t for _, t in found[:MAX_EXPANSION]]

    def _text_query(
        self, stems: list[str], field: str | None, own: list[str] | None = None
    ) -> wq.Query | None:
        """A word's or phrase's terms (one per position) as a term or phrase query; with
        ``own`` (the query's own spelling, where it folds) OR'd in, so that the documents
        spelling it so score higher (the same documents match: the index keeps an exact term
        beside its folded one, at the same position)."""
        if not stems:
            return None
        # The body field holds title + text, so an unqualified word searches it alone: one
        # posting list per word (an extra title clause doubled query time, measured).
        f = "t" if field == "title" else "b"

        def one(terms: list[str]) -> wq.Query:
            return wq.Term(f, terms[0]) if len(terms) == 1 else wq.Phrase(f, terms)

        if own is None or own == stems:
            return one(stems)
        return wq.Or([one(stems), one(own)])

    def compile(self, node: q.Node) -> wq.Query | None:
        """Our query tree as a Whoosh query; None when it holds nothing searchable."""
        if isinstance(node, q.Word | q.Phrase):
            return self._compile_text(node)
        if isinstance(node, q.Keyword):
            terms = self._resolve_keyword(node.field, node.value)
            if not terms:
                return wq.Term(node.field, node.value)
            return (
                wq.Or([wq.Term(node.field, t) for t in terms])
                if len(terms) > 1
                else wq.Term(node.field, terms[0])
            )
        if isinstance(node, q.DateRange):
            return wq.DateRange("date", node.lo, node.hi)
        if isinstance(node, q.Not):
            inner = self.compile(node.item)
            return None if inner is None else whoosh_fixes.Not(inner)
        if isinstance(node, q.And):
            pos, neg = [], []
            for item in node.items:
                target = neg if isinstance(item, q.Not) else pos
                compiled = self.compile(item.item if isinstance(item, q.Not) else item)
                if compiled is not None:
                    target.append(compiled)
            if not pos and not neg:
                return None
            base = (pos[0] if len(pos) == 1 else wq.And(pos)) if pos else wq.Every()
            if neg:
                return whoosh_fixes.AndNot(base, neg[0] if len(neg) == 1 else wq.Or(neg))
            return base
        if isinstance(node, q.Or):
            parts = [c for c in (self.compile(i) for i in node.items) if c is not None]
            if not parts:
                return None
            return parts[0] if len(parts) == 1 else wq.Or(parts)
        raise TypeError(node)

    def _compile_text(self, node: q.Word | q.Phrase) -> wq.Query | None:
        """A word, prefix or phrase: its (folded) terms, with an added spelling's weight."""
        if isinstance(node, q.Word) and node.wildcard:
            pattern = wildcard_pattern(node)
            lex_field = "t" if node.field == "title" else "plain"
            terms = self._expand(lex_field, pattern)
            if not terms:
                return wq.NullQuery
            return wq.Or([wq.Term(lex_field, t) for t in terms])
        terms, own = query_terms(node.text, node.exact)
        compiled = self._text_query(terms, node.field, own)
        boost = getattr(node, "boost", 1.0)
        if compiled is not None and boost != 1.0:
            _set_boost(compiled, self._alt_boost(node, compiled, boost))
        return compiled

    def _alt_boost(self, node: q.Node, compiled: wq.Query, boost: float) -> float:
        """The weight of an added spelling (search/expand.py): ``boost``, and less when the
        spelling is rarer than the typed words (its idf is higher), so that a document that
        holds only the added spelling never scores above one that holds the typed words as
        often: BM25 is idf times a term-frequency factor, and the idfs are equalised."""
        typed = self.compile(q.Phrase(node.pos, node.end, getattr(node, "of", ""), node.field))
        alt, own = self._idf(compiled), self._idf(typed)
        return boost * min(1.0, own / alt) if alt > 0 and own > 0 else boost

    def _idf(self, query: wq.Query | None) -> float:
        """The idf a compiled word or phrase scores with: a term's, the sum of a phrase's
        words', the largest of alternatives'."""
        searcher = self._searcher
        if isinstance(query, wq.Term):
            return searcher.idf(query.fieldname, query.text)
        if isinstance(query, wq.Phrase):
            return sum(searcher.idf(query.fieldname, w) for w in query.words)
        if isinstance(query, wq.Or):
            return max((self._idf(c) for c in query.subqueries), default=0.0)
        return 0.0

    def _expander(self):
        """The name expander for the current searcher (search/expand.py), built once per commit:
        the lexicon it asks is the ``plain`` field, the names are the index's entity names."""
        from idlibtui.search.expand import Expander, name_words

        key = ("\x00expander", id(self._searcher))
        expander = self._keyword_cache.get(key)
        if expander is None:
            searcher = self._searcher

            def names() -> set[str]:
                if searcher is not self._searcher:
                    return set()  # an expander of an older commit, asked late
                return name_words(self._keyword_terms("entity"))

            expander = Expander(self._lexicon_lookup("plain"), names)
            self._keyword_cache[key] = expander  # type: ignore[assignment]
        return expander  # type: ignore[return-value]

    def _lexicon_lookup(self, field: str):
        """``word → bool``: whether ``field`` holds the word, asked of each segment's term
        table directly (through Whoosh's reader it cost 80 µs a word over three segments)."""
        from whoosh.codec.whoosh3 import W3TermsReader

        reader = self._searcher.reader()
        tables = [getattr(leaf, "_terms", None) for leaf, _offset in reader.leaf_readers()]
        if not all(type(t) is W3TermsReader for t in tables):
            return lambda word: (field, word) in reader

        def held(word: str) -> bool:
            key = (field, word.encode("utf-8"))
            return any(key in t for t in tables)

        return held

    def _filter_query(self, filters: dict[str, list[str]] | None) -> wq.Query | None:
        if not filters:
            return None
        parts = []
        for field, values in filters.items():
            if field not in FILTER_FIELDS:
                raise ValueError(f"cannot filter on {field!r}; use one of {FILTER_FIELDS}")
            if values:
                parts.append(wq.Or([wq.Term(field, v) for v in values]))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)

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
            if node is None:
                wquery: wq.Query = wq.Every()
            else:
                compiled = self.compile(node)
                if compiled is None:
                    raise QueryError(
                        "nothing to search for: the query holds only common words",
                        node.pos,
                        query,
                    )
                wquery = compiled
            searcher = self._searcher
            reader = searcher.reader()
            filter_q = self._filter_query(filters)
            wanted = page * page_size
            by_date = sort == "date" or node is None
            ranked: list[tuple[int, float]] = []
            fast = (
                self._fast_search(wquery, filter_q, by_date, wanted, text=query)
                if FAST_PATH
                else None
            )
            if fast is not None:
                docs, ranked, facet_counts = fast
            elif node is not None and not by_date and not _is_simple(wquery):
                # Phrases, AND and ranges are costly to match: one unlimited scored pass gives
                # both the ranking and the full set, instead of matching them twice (measured).
                results = searcher.search(wquery, limit=None, filter=filter_q)
                docs = set(results.docs())
                ranked = [(h.docnum, float(h.score or 0.0)) for h in results[:wanted]]
            else:
                # Every matching document (for the total and the facets), without scoring.
                if node is None:
                    docs = set(reader.all_doc_ids())
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
            if fast is None:
                facet_counts = {
                    "source": self._count(docs, "source"),
                    "agency": self._count(docs, "agency"),
                    "lang": self._count(docs, "lang"),
                    "year": self._count(docs, "year"),
                }
            total = len(docs)
            matcher = matcher_for(node)
            text_reader = self._text_column()
            hits = []
            for docnum, score in ranked[(page - 1) * page_size : wanted]:
                stored = searcher.stored_fields(docnum)
                text = text_reader[docnum].decode("utf-8") if text_reader else ""
                offsets = matcher.offsets(text)
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
                    docs, filtered=node is not None or filter_q is not None
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

    # -- the vectorised path (search/fastpath.py) -------------------------------------------

    def _fast_view(self):
        """numpy state for the current searcher (built on first use, dropped on refresh)."""
        from idlibtui.search import fastpath

        view = self._fast
        if view is None or view.searcher is not self._searcher:
            if self._segment_cache is None:
                self._segment_cache = fastpath.SegmentCache()
            view = fastpath.FastView(self._searcher, self._segment_cache)
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
        from idlibtui.search import fastpath

        try:
            view = self._fast_view()
            ev = fastpath.Evaluator(view, self._searcher.weighting)
            result = ev.run(wquery, scored=not by_date)
            docs, scores = result.docs, result.scores
            if filter_q is not None:
                allowed = ev.run(filter_q, scored=False).docs
                keep = fastpath.member(docs, allowed)
                docs = docs[keep]
                scores = None if scores is None else scores[keep]
            if by_date:
                days = view.column("\x00day-ordinals", ev._day_ordinals)
                idx = fastpath.top_by_day(docs, days, wanted)
                ranked = [(d, 0.0) for d in docs[idx].tolist()]
            else:
                idx = fastpath.top(docs, scores, wanted)
                ranked = list(zip(docs[idx].tolist(), scores[idx].tolist(), strict=True))
            facets = {}
            for field in ("source", "agency", "lang", "year"):
                codes, names = view.column(
                    "\x00codes:" + field, lambda f=field: fastpath.codes_for(self._column_array(f))
                )
                facets[field] = fastpath.counts(codes, names, docs)
        except fastpath.Unsupported as exc:
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
            return None
        from idlibtui.search import fastpath

        try:
            ev = fastpath.Evaluator(self._fast_view(), self._searcher.weighting)
            return ev.run(wquery, scored=False).docs.tolist()
        except fastpath.Unsupported as exc:
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
        Whoosh is right for every part of it (see search/whoosh_fixes.py); else say so."""
        for part in queries:
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

    def _text_column(self) -> Column:
        key = ("\x00text-col", id(self._searcher))
        col = self._keyword_cache.get(key)
        if col is None:
            col = Column(self._searcher.reader(), "text_col", b"")
            self._keyword_cache[key] = col  # type: ignore[assignment]
        return col  # type: ignore[return-value]

    def _column_array(self, field: str) -> list[str]:
        """Every document's value of a sortable keyword field, by docnum (cached per commit)."""
        key = ("\x00col:" + field, id(self._searcher))
        arr = self._keyword_cache.get(key)
        if arr is None:
            reader = self._searcher.reader()
            arr = Column(reader, field, "").to_list()
            self._keyword_cache[key] = arr  # type: ignore[assignment]
        return arr  # type: ignore[return-value]

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

            self._keyword_cache[key] = fn  # type: ignore[assignment]
        return fn

    def _entity_facet(self, docs: Any, *, filtered: bool) -> dict[str, int]:
        reader = self._searcher.reader()
        cache_key = ("\x00entities", id(self._searcher))
        if not filtered and cache_key in self._keyword_cache:
            return dict(self._keyword_cache[cache_key])  # type: ignore[arg-type]
        counts: Counter[str] = Counter()
        lists = None
        if hasattr(docs, "dtype"):  # the fast path's sorted numpy array
            from idlibtui.search import fastpath

            view = self._fast_view()
            lists = view.column("\x00entities", lambda: fastpath.EntityLists(reader))
        if not filtered and lists is not None:
            # Every article: exact counts from the entity sidecars, when all segments have one.
            tally = lists.totals(docs if reader.has_deletions() else None)
            if tally is not None:
                facet = fastpath.top_names(lists.names, tally, ENTITY_FACET_SIZE)
                self._keyword_cache[cache_key] = facet  # type: ignore[assignment]
                return dict(facet)
        if not filtered and not reader.has_deletions():
            for btext, freq in field_terms(reader, "entity"):
                counts[btext.decode("utf-8")] = freq
        elif lists is not None:
            return fastpath.entity_facet(lists, docs, ENTITY_FACET_MAX_DOCS, ENTITY_FACET_SIZE)
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
            self._keyword_cache[cache_key] = facet  # type: ignore[assignment]
        return facet

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
            self._keyword_cache[key] = cached  # type: ignore[assignment]
        return cached  # type: ignore[return-value]

    def _keyword_suggestions(self, node: q.Node) -> list[tuple[int, int, str]]:
        """``entity:``/``source:`` values that name nothing the index holds, each with the
        nearest stored name in its place (search/resolve.py)."""
        from idlibtui.search.resolve import nearest_outlet

        out: list[tuple[int, int, str]] = []
        for leaf in q.positive_leaves(node):
            if not isinstance(leaf, q.Keyword) or self._resolve_keyword(leaf.field, leaf.value):
                continue
            if leaf.field == "entity":
                name = self._entity_names().did_you_mean(leaf.value)
            else:
                table = self._keyword_terms(leaf.field)
                name = nearest_outlet(leaf.value, [t for ts in table.values() for t in ts])
            if name:
                quoted = name.replace('"', "")
                out.append((leaf.pos, leaf.end, f'{leaf.field}:"{quoted}"'))
        return out

    def _suggest(self, query: str, node: q.Node) -> str:
        """The query with unknown words replaced by the likeliest indexed word, or ""."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        reader = self._searcher.reader()
        replacements = self._keyword_suggestions(node)
        for leaf in q.positive_leaves(node):
            if not isinstance(leaf, q.Word | q.Phrase) or (
                isinstance(leaf, q.Word) and leaf.wildcard
            ):
                continue
            text_start = query.find(leaf.text, leaf.pos)
            if text_start < 0:
                continue
            for m in _WORD.finditer(leaf.text):
                word = m.group().lower()
                if len(word) < 3 or not word.replace("'", "").replace("’", "").isalpha():
                    continue
                if _known(reader, word):
                    continue
                words, freqs = self._vocabulary()
                maxdist = 1 if len(word) <= 4 else 2
                options = process.extract(
                    word, words, scorer=Levenshtein.distance, score_cutoff=maxdist, limit=20
                )
                if not options:
                    continue
                _, _, best = min(options, key=lambda o: (o[1], -freqs[o[2]], o[0]))
                replacements.append((text_start + m.start(), text_start + m.end(), words[best]))
        if not replacements:
            return ""
        out = query
        for start, end, word in sorted(replacements, reverse=True):
            out = out[:start] + word + out[end:]
        return out

    # -- documents ---------------------------------------------------------------------------

    def _full(
        self,
        reader,
        docnum: int,
        stored: dict[str, Any],
        cols: tuple[Column, Column] | None = None,
    ) -> dict[str, Any]:
        text_col, figures_col = cols or (
            Column(reader, "text_col", b""),
            Column(reader, "figures_col", b""),
        )
        doc = dict(stored)
        doc["date"] = as_date(doc.get("date"))
        raw_text = text_col[docnum]
        doc["text"] = raw_text.decode("utf-8") if raw_text else ""
        raw_figs = figures_col[docnum]
        doc["figures"] = json.loads(raw_figs) if raw_figs else []
        doc.setdefault("entities", [])
        return doc

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
                compiled = self.compile(node)
                if compiled is None:
                    raise QueryError("nothing to search for", node.pos, query or "")
                docnums = self._fast_docs(compiled, query or "")
                if docnums is None:
                    docnums = sorted(searcher.docs_for_query(compiled))
            reader = searcher.reader()
            cols = (Column(reader, "text_col", b""), Column(reader, "figures_col", b""))
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
            cached = self._keyword_cache.get(key)
            if cached is None:
                pairs = [
                    (freq, btext.decode("utf-8"))
                    for btext, freq in field_terms(self._searcher.reader(), field)
                ]
                cached = [name for _freq, name in sorted(pairs, key=lambda p: (-p[0], p[1]))]
                self._keyword_cache[key] = cached  # type: ignore[assignment]
        return list(cached)  # type: ignore[arg-type]

    def all_titles(self) -> list[tuple[str, str, str, dt.date | None]]:
        """(id, title, source, date) of every article, sorted by title (cached per commit)."""
        with self._lock:
            self.refresh()
            key = ("\x00titles", id(self._searcher))
            cached = self._keyword_cache.get(key)
            if cached is not None:
                return list(cached)  # type: ignore[arg-type]
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
            self._keyword_cache[key] = out  # type: ignore[assignment]
        return list(out)


_WORD = re.compile(TOKEN_PATTERN)


def _known(reader, word: str) -> bool:
    """Whether the index holds ``word`` (lower case) as written or as it folds: a word with
    marks or a British spelling is not a misspelling to correct."""
    if reader.doc_frequency("plain", word) > 0:
        return True
    terms, _own = query_terms(word)
    return all(reader.doc_frequency("b", t) > 0 for t in terms)


def _set_boost(query: wq.Query, boost: float) -> None:
    """Weight a compiled word or phrase: its terms and phrases carry the boost (an OR of
    alternatives passes it to each, which scores the same and keeps the fast path's shapes)."""
    if isinstance(query, wq.Term | wq.Phrase):
        query.boost = boost
    elif isinstance(query, wq.Or):
        for child in query.subqueries:
            _set_boost(child, boost)


def _is_simple(query: wq.Query) -> bool:
    """A term or an OR of terms: cheap to list, and ranked fastest with block skipping."""
    if isinstance(query, wq.Term):
        return True
    return isinstance(query, wq.Or) and all(isinstance(c, wq.Term) for c in query.children())
