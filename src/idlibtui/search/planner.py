"""Our query tree (search/query.py) compiled into the evaluator's plan (search/plan.py), once,
against the current commit: words and phrases as their analysed terms (with an added
spelling's weight), keyword values resolved to the names the index holds, prefixes expanded over
the lexicon (capped), AND NOT grouped, filters as keyword terms, and each node's cost. A word is
looked up in its form for each language the index holds (search/lang_analysis.py; only a
``lang`` filter's, when the query has one), each form the index holds ORed.

Every decision about what a query means is taken here; the numpy evaluator (matching.py) and
Whoosh (whoosh_oracle.py, the tests' reference) only run the plan. A term is analysed in one
place, ``QueryPlanner.analyse``. Depends on the reader API of whoosh-reloaded 2.7.5 through
lexicon.py, term_stats.py and commit_cache.py.
"""

from __future__ import annotations

import re

from idlibtui.search import plan as p
from idlibtui.search import query as q
from idlibtui.search import term_stats
from idlibtui.search.commit_cache import CommitCache
from idlibtui.search.highlight import query_forms, wildcard_pattern
from idlibtui.search.lexicon import field_terms

MAX_EXPANSION = 64  # terms a prefix or wildcard may expand to
MAX_SCAN = 20_000  # lexicon entries a prefix or wildcard may look at
FILTER_FIELDS = ("source", "agency", "lang", "year", "month", "entity")


class QueryPlanner(CommitCache):
    """Plans a parsed query against the current commit's terms."""

    #: The languages a query's words are analysed for while one query is planned (a ``lang``
    #: filter's), None for every language the index holds (``query_langs``).
    _only_langs: tuple[str, ...] | None = None

    # -- the one place a query's text becomes index terms -----------------------------------

    def analyse(self, text: str, exact: bool = False) -> list[tuple[list[str], list[str]]]:
        """A query word's or phrase's forms, one for each language it is looked up in (each
        distinct form once): its terms, one per position, and the same in its own spelling
        where that differs (``exact`` keeps the own spelling only)."""
        return query_forms(text, exact, self.query_langs())

    def query_langs(self) -> tuple[str, ...]:
        """The languages a query word is analysed for (search/lang_analysis.py): the filter's
        while one is set, else every language the index holds (English always)."""
        if self._only_langs:
            return self._only_langs
        return ("en", *self._keyword_terms("lang"))

    # -- plan --------------------------------------------------------------------------------

    def plan(
        self, node: q.Node | None, filters: dict[str, list[str]] | None = None
    ) -> p.Plan | None:
        """The plan of a query tree, its words analysed only for the languages a ``lang``
        filter (or a ``lang:`` the query ANDs) allows; ``Every`` for the empty query, None
        when the tree holds nothing searchable (only common words)."""
        if node is None:
            return p.Every(cost=self._doc_count())
        self._only_langs = lang_restriction(node, filters)
        try:
            return self._plan(node)
        finally:
            self._only_langs = None

    def _plan(self, node: q.Node) -> p.Plan | None:
        if isinstance(node, q.Word | q.Phrase):
            return self._plan_text(node)
        if isinstance(node, q.Keyword):
            values = self._resolve_keyword(node.field, node.value) or [node.value]
            return p.any_of([self._term(node.field, v) for v in values])
        if isinstance(node, q.DateRange):
            return p.Days(node.lo, node.hi, cost=p.UNKNOWN)
        if isinstance(node, q.Not):
            inner = self._plan(node.item)
            return None if inner is None else p.Inverse(inner, cost=self._doc_count())
        if isinstance(node, q.And):
            return self._plan_and(node)
        if isinstance(node, q.Or):
            parts = [c for c in (self._plan(i) for i in node.items) if c is not None]
            return p.any_of(parts) if parts else None
        raise TypeError(node)

    def _plan_and(self, node: q.And) -> p.Plan | None:
        """The positive items ANDed (cheapest first), less the negated ones ORed."""
        pos: list[p.Plan] = []
        neg: list[p.Plan] = []
        for item in node.items:
            target = neg if isinstance(item, q.Not) else pos
            planned = self._plan(item.item if isinstance(item, q.Not) else item)
            if planned is not None:
                target.append(planned)
        if not pos and not neg:
            return None
        base = p.all_of(pos) if pos else p.Every(cost=self._doc_count())
        if not neg:
            return base
        return p.Without(base, p.any_of(neg), cost=base.cost)

    def _plan_text(self, node: q.Word | q.Phrase) -> p.Plan | None:
        """A word, prefix or phrase: its analysed terms, with an added spelling's weight."""
        if isinstance(node, q.Word) and node.wildcard:
            lex_field = "t" if node.field == "title" else "plain"
            found = self._expand(lex_field, wildcard_pattern(node))
            if not found:
                return p.Nothing()
            return p.any_of([p.Term(lex_field, t, cost=df) for t, df in found])
        boost = getattr(node, "boost", 1.0)
        planned = self._text_plan(node)
        if planned is None or boost == 1.0:
            return planned
        return p.boosted(planned, self._alt_boost(node, planned, boost))

    def _text_plan(self, node: q.Word | q.Phrase) -> p.Plan | None:
        """A word's or phrase's terms (one per position) as a term or a phrase; with its own
        spelling (where it folds) ORed in, so that the documents spelling it so score higher
        (the same documents match: the index keeps an exact term beside its folded one).
        Several language forms: an OR of those the index holds."""
        forms = self.analyse(node.text, node.exact)
        # The body field holds title + text, so an unqualified word searches it alone: one
        # posting list per word (an extra title clause doubled query time, measured).
        field = "t" if node.field == "title" else "b"
        if len(forms) > 1:
            return self._forms_plan(forms, field)
        stems, own = forms[0] if forms else ([], [])
        if not stems:
            return None
        one = self._sequence(field, stems)
        if own == stems:
            return one
        return p.any_of([one, self._sequence(field, own)])

    def _forms_plan(self, forms: list[tuple[list[str], list[str]]], field: str) -> p.Plan:
        """An OR of each distinct term sequence of the forms (their own spellings after each)
        that the index holds (every word of it): a form no article holds matches nothing, and
        looking it up would only cost (the first form stands when the index holds none)."""
        seqs: list[list[str]] = []
        for terms, own in forms:
            for seq in (terms, own):
                if seq and seq not in seqs:
                    seqs.append(seq)
        parts = [self._sequence(field, seq) for seq in seqs]
        held = [part for part in parts if part.cost > 0]
        return p.any_of(held or parts[:1])

    def _sequence(self, field: str, words: list[str]) -> p.Plan:
        if len(words) == 1:
            return self._term(field, words[0])
        cost = min(self._df(field, w) for w in words)
        return p.Phrase(field, tuple(words), cost=cost)

    def _term(self, field: str, text: str) -> p.Term:
        return p.Term(field, text, cost=self._df(field, text))

    def _df(self, field: str, text: str) -> int:
        return term_stats.doc_frequency(self._searcher.reader(), field, text)

    def _doc_count(self) -> int:
        return self._searcher.reader().doc_count_all()

    def filter_plan(self, filters: dict[str, list[str]] | None) -> p.Plan | None:
        """The plan of the facet filters: per field any of its values, all fields together."""
        if not filters:
            return None
        parts = []
        for field, values in filters.items():
            if field not in FILTER_FIELDS:
                raise ValueError(f"cannot filter on {field!r}; use one of {FILTER_FIELDS}")
            if values:
                parts.append(p.any_of([self._term(field, v) for v in values]))
        return p.all_of(parts) if parts else None

    # -- what the words mean in this index ---------------------------------------------------

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

    def _expand(self, field: str, pattern: str) -> list[tuple[str, int]]:
        """The lexicon's words a prefix or wildcard stands for and their document
        frequencies, the most frequent first."""
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
        return [(t, df) for df, t in found[:MAX_EXPANSION]]

    def _alt_boost(self, node: q.Word | q.Phrase, planned: p.Plan, boost: float) -> float:
        """The weight of an added spelling (search/expand.py): ``boost``, and less when the
        spelling is rarer than the typed words (its idf is higher), so that a document that
        holds only the added spelling never scores above one that holds the typed words as
        often: BM25 is idf times a term-frequency factor, and the idfs are equalised."""
        of = getattr(node, "of", "")
        typed = self._plan(q.Phrase(node.pos, node.end, of, node.field))
        alt, own = self._idf(planned), self._idf(typed)
        return boost * min(1.0, own / alt) if alt > 0 and own > 0 else boost

    def _idf(self, planned: p.Plan | None) -> float:
        """The idf a planned word or phrase scores with: a term's, the sum of a phrase's
        words', the largest of alternatives'."""
        searcher = self._searcher
        if isinstance(planned, p.Term):
            return term_stats.idf(searcher, planned.field, planned.text)
        if isinstance(planned, p.Phrase):
            return sum(term_stats.idf(searcher, planned.field, w) for w in planned.words)
        if isinstance(planned, p.AnyOf):
            return max((self._idf(c) for c in planned.items), default=0.0)
        return 0.0

    # -- the name expander -------------------------------------------------------------------

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
