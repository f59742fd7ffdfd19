""" "Did you mean": a query's unknown words replaced by the likeliest indexed word (the
unstemmed ``plain`` field's vocabulary, by edit distance and frequency), and unknown
``entity:``/``source:`` values by the nearest stored name.

The mixin of ``WhooshIndex`` that suggests.
"""

from __future__ import annotations

import re

from idlibtui.search import query as q
from idlibtui.search import term_stats
from idlibtui.search.highlight import query_terms
from idlibtui.search.planner import QueryPlanner
from idlibtui.search.schema import TOKEN_PATTERN

FEW_HITS = 3  # fewer hits than this → look for a spelling suggestion


class Suggestions(QueryPlanner):
    """Spelling and name suggestions for the current commit."""

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


_WORD = re.compile(TOKEN_PATTERN)


def _known(reader, word: str) -> bool:
    """Whether the index holds ``word`` (lower case) as written or as it folds: a word with
    marks or a British spelling is not a misspelling to correct."""
    if reader.doc_frequency("plain", word) > 0:
        return True
    terms, _own = query_terms(word)
    return all(term_stats.doc_frequency(reader, "b", t) > 0 for t in terms)
