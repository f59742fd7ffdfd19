"""Our query tree (search/query.py) as Whoosh query objects: words and phrases as their
folded terms (with an added spelling's weight), keyword values resolved to the names the index
holds, prefixes expanded over the lexicon (capped), filters as term queries.

The mixin of ``WhooshIndex`` that compiles; the fast path (search/matching.py) evaluates what
it builds, and Whoosh does in the test oracle. Depends on whoosh-reloaded 2.7.5's query classes
and term tables (``W3TermsReader``).
"""

from __future__ import annotations

import re

from whoosh import query as wq

from idlibtui.search import query as q
from idlibtui.search import term_stats, whoosh_fixes
from idlibtui.search.backend import DATA_ERRORS
from idlibtui.search.codec import CodecError
from idlibtui.search.commit_cache import CommitCache
from idlibtui.search.highlight import query_forms, wildcard_pattern
from idlibtui.search.lexicon import field_terms

MAX_EXPANSION = 64  # terms a prefix or wildcard may expand to
MAX_SCAN = 20_000  # lexicon entries a prefix or wildcard may look at
FILTER_FIELDS = ("source", "agency", "lang", "year", "month", "entity")


class QueryCompiler(CommitCache):
    """Compiles a parsed query against the current commit's terms."""

    #: The languages a query's words are analysed for while one query compiles (a ``lang:``
    #: filter's), None for every language the index holds (``query_langs``).
    _only_langs: tuple[str, ...] | None = None

    def query_langs(self) -> tuple[str, ...]:
        """The languages a query word is analysed for (search/lang_analysis.py): the filter's
        while one is set, else every language the index holds (English always)."""
        if self._only_langs:
            return self._only_langs
        return ("en", *self._keyword_terms("lang"))

    def compile_for(
        self, node: q.Node, filters: dict[str, list[str]] | None = None
    ) -> wq.Query | None:
        """``compile``, with the query's words analysed only for the languages a ``lang``
        filter (or a ``lang:`` of the query, ANDed) allows."""
        self._only_langs = lang_restriction(node, filters)
        try:
            return self.compile(node)
        finally:
            self._only_langs = None

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

    def _forms_query(self, forms: list[tuple[list[str], list[str]]], field: str | None):
        """An OR of each distinct term sequence of the forms (their own spellings after each)
        that the index holds (every word of it): a form no article holds matches nothing, and
        looking it up would only cost (the first form stands when the index holds none)."""
        seqs: list[list[str]] = []
        for terms, own in forms:
            for seq in (terms, own):
                if seq and seq not in seqs:
                    seqs.append(seq)
        f = "t" if field == "title" else "b"
        reader = self._searcher.reader()
        try:
            held = [s for s in seqs if all(term_stats.doc_frequency(reader, f, t) for t in s)]
        except (CodecError, *DATA_ERRORS):
            held = seqs  # a damaged sidecar: the search that reads it says so, with the fix
        parts = [self._text_query(seq, field) for seq in held or seqs[:1]]
        kept = [p for p in parts if p is not None]
        return kept[0] if len(kept) == 1 else wq.Or(kept)

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
            pos: list[wq.Query] = []
            neg: list[wq.Query] = []
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
        # the word as analysed for each language the index holds: one form for words every
        # language analyses alike (English queries compile as before), else an OR of forms
        forms = query_forms(node.text, node.exact, self.query_langs())
        if len(forms) <= 1:
            terms, own = forms[0] if forms else ([], [])
            compiled = self._text_query(terms, node.field, own)
        else:
            compiled = self._forms_query(forms, node.field)
        boost = getattr(node, "boost", 1.0)
        if compiled is not None and boost != 1.0:
            set_boost(compiled, self._alt_boost(node, compiled, boost))
        return compiled

    def _alt_boost(self, node: q.Node, compiled: wq.Query, boost: float) -> float:
        """The weight of an added spelling (search/expand.py): ``boost``, and less when the
        spelling is rarer than the typed words (its idf is higher), so that a document that
        holds only the added spelling never scores above one that holds the typed words as
        often: BM25 is idf times a term-frequency factor, and the idfs are equalised."""
        typed = self.compile(
            q.Phrase(node.pos, node.end, getattr(node, "of", ""), getattr(node, "field", None))
        )
        alt, own = self._idf(compiled), self._idf(typed)
        return boost * min(1.0, own / alt) if alt > 0 and own > 0 else boost

    def _idf(self, query: wq.Query | None) -> float:
        """The idf a compiled word or phrase scores with: a term's, the sum of a phrase's
        words', the largest of alternatives'."""
        searcher = self._searcher
        if isinstance(query, wq.Term):
            return term_stats.idf(searcher, query.fieldname, query.text)
        if isinstance(query, wq.Phrase):
            return sum(term_stats.idf(searcher, query.fieldname, w) for w in query.words)
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
            self._keyword_cache[key] = expander
        return expander

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
            return any(key in t for t in tables if t is not None)

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


def lang_restriction(
    node: q.Node | None, filters: dict[str, list[str]] | None
) -> tuple[str, ...] | None:
    """The languages a query is restricted to: a ``lang`` filter's values, else those of a
    ``lang:`` keyword the whole query requires (alone, or a part of its AND); None for any."""
    if filters and filters.get("lang"):
        return tuple(filters["lang"])
    parts = node.items if isinstance(node, q.And) else (node,)
    for part in parts:
        if isinstance(part, q.Keyword) and part.field == "lang" and part.value.strip():
            return (part.value.strip().lower(),)
    return None


def set_boost(query: wq.Query, boost: float) -> None:
    """Weight a compiled word or phrase: its terms and phrases carry the boost (an OR of
    alternatives passes it to each, which scores the same and keeps the fast path's shapes)."""
    if isinstance(query, wq.Term | wq.Phrase):
        query.boost = boost
    elif isinstance(query, wq.Or):
        for child in query.subqueries:
            set_boost(child, boost)


def is_simple(query: wq.Query) -> bool:
    """A term or an OR of terms: cheap to list, and ranked fastest with block skipping."""
    if isinstance(query, wq.Term):
        return True
    return isinstance(query, wq.Or) and all(isinstance(c, wq.Term) for c in query.children())
