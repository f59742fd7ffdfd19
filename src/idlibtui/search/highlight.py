"""Where a query's words occur in a text, as ``(start, end)`` offsets, and snippets around them.

One fast tokenizer serves the index and the highlights: ``index_terms`` (run in the cleaning
workers) produces the stems the index holds, ``tokens``/``analyze`` the same stems with offsets;
a test holds them equal to Whoosh's ``StemmingAnalyzer`` with our pattern. So
``match_offsets(query, text)`` finds "displaced" for the query ``displacing`` in any text, and the
reader highlights a freshly cleaned article exactly as the index matched it. Phrases match as
consecutive words; prefixes and wildcards match the unstemmed word.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem as _porter_stem

from idlibtui.search import query as q
from idlibtui.search.schema import TOKEN_PATTERN

_TOKEN = re.compile(TOKEN_PATTERN, re.UNICODE)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _porter_stem(word)


@dataclass(slots=True)
class Token:
    text: str  # lowercased, unstemmed
    stem: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Index tokens of ``text`` (stopwords dropped, positions renumbered as in the index)."""
    out = []
    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        if low in STOP_WORDS:
            continue
        out.append(Token(low, stem(low), m.start(), m.end()))
    return out


def index_terms(text: str) -> tuple[str, set[str]]:
    """What the index holds for ``text``: its stems in order (space separated) and its words."""
    stems = []
    words = set()
    stop = STOP_WORDS
    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        if low in stop:
            continue
        words.add(low)
        stems.append(stem(low))
    return " ".join(stems), words


def analyze(text: str) -> list[str]:
    """The stems the index holds for ``text``."""
    return [t.stem for t in tokens(text)]


@dataclass(slots=True)
class Matcher:
    """What to look for in a text: single stems, stem sequences, unstemmed patterns."""

    stems: set[str] = field(default_factory=set)
    sequences: list[tuple[str, ...]] = field(default_factory=list)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    literals: list[str] = field(default_factory=list)  # the patterns' fixed beginnings
    _prefilter: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    _seq_prefilters: list[tuple[re.Pattern[str], re.Pattern[str]]] | None = None

    def __bool__(self) -> bool:
        return bool(self.stems or self.sequences or self.patterns)

    def offsets(self, text: str) -> list[tuple[int, int]]:
        if not self or not text:
            return []
        if not self.sequences:
            return self._prefiltered_offsets(text)
        return self._prefiltered_sequence_offsets(text)

    def _token_offsets(self, text: str) -> list[tuple[int, int]]:
        """Reference path with phrases: every token of the text."""
        toks = tokens(text)
        marked = [False] * len(toks)
        for i, tok in enumerate(toks):
            if tok.stem in self.stems or any(p.match(tok.text) for p in self.patterns):
                marked[i] = True
        for seq in self.sequences:
            n = len(seq)
            first = seq[0]
            for i in range(len(toks) - n + 1):
                if toks[i].stem == first and all(toks[i + k].stem == seq[k] for k in range(1, n)):
                    for k in range(n):
                        marked[i + k] = True
        return [(t.start, t.end) for t, m in zip(toks, marked, strict=True) if m]

    def _prefiltered_offsets(self, text: str) -> list[tuple[int, int]]:
        """Fast path without phrases: a C-speed regex finds words that could match (those
        beginning like a query stem), and only those are tokenized and stemmed."""
        if not self.stems and not self.patterns:
            return []
        if self._prefilter is None:
            self._prefilter = _prefilter(self.stems, self.literals)
        out = []
        for m in _token_starts(self._prefilter, text):
            if self._word_matches(m.group().lower()):
                out.append(m.span())
        return out

    def _prefiltered_sequence_offsets(self, text: str) -> list[tuple[int, int]]:
        """Fast path with phrases: the words as above; for each phrase, the places where its
        first stem occurs (found by a regex), checked against the index tokens that follow."""
        found = set(self._prefiltered_offsets(text))
        if self._seq_prefilters is None:
            self._seq_prefilters = [_prefilter({seq[0]}, []) for seq in self.sequences]
        for seq, rx in zip(self.sequences, self._seq_prefilters, strict=True):
            for m in _token_starts(rx, text):
                if _index_stem(m.group().lower()) != seq[0]:
                    continue
                spans = [m.span()]
                pos = m.end()
                for want in seq[1:]:
                    while True:
                        nxt = _TOKEN.search(text, pos)
                        if nxt is None:
                            break
                        pos = nxt.end()
                        st = _index_stem(nxt.group().lower())
                        if st is not None:
                            break
                    if nxt is None or st != want:
                        break
                    spans.append(nxt.span())
                else:
                    found.update(spans)
        return sorted(found)

    def _word_offsets(self, text: str) -> list[tuple[int, int]]:
        """Reference path without phrases: every token, no token objects."""
        return [m.span() for m in _TOKEN.finditer(text) if self._word_matches(m.group().lower())]

    def _word_matches(self, low: str) -> bool:
        """Whether one lower-cased word is a query word (by stem) or matches a wildcard."""
        if low in STOP_WORDS:
            return False
        st = _STEM_CACHE.get(low)
        if st is None:
            st = stem(low)
            if len(_STEM_CACHE) < 500_000:
                _STEM_CACHE[low] = st
        return st in self.stems or any(p.match(low) for p in self.patterns)


_STEM_CACHE: dict[str, str] = {}


def _index_stem(low: str) -> str | None:
    """The stem the index holds for a lower-cased token, None for a stopword."""
    if low in STOP_WORDS:
        return None
    st = _STEM_CACHE.get(low)
    if st is None:
        st = stem(low)
        if len(_STEM_CACHE) < 500_000:
            _STEM_CACHE[low] = st
    return st


def _prefilter(stems, literals) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for the places where a word with one of ``stems`` (or beginning with one of
    ``literals``) could begin: a Porter stem is the word's beginning but for its last letter.
    The first runs over the lower-cased text (3x faster than the second, case-insensitive one,
    which serves texts whose lower-casing changes their length)."""
    heads = {st[:-1] if len(st) > 2 else st for st in stems} | set(literals)
    alternatives = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(alternatives), re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)


def _token_starts(rxs: tuple[re.Pattern[str], re.Pattern[str]], text: str):
    """Index tokens (``_TOKEN`` matches, as ``finditer`` over the whole text finds them) that
    begin where the prefilter matches."""
    low = text.lower()
    if len(low) == len(text):  # then each character lower-cases to one character
        hits = rxs[0].finditer(low)
        check_before = True
    else:
        hits = rxs[1].finditer(text)
        check_before = False
    for hit in hits:
        start = hit.start()
        if check_before and start and _WORD_CHAR.match(text, start - 1):
            continue
        # Inside a dotted or apostrophised token ("x.refugees")? Not a token start.
        if start >= 2 and text[start - 1] in ".'’" and _WORD_CHAR.match(text, start - 2):
            continue
        m = _TOKEN.match(text, start)
        if m is not None:
            yield m


_WORD_CHAR = re.compile(r"\w")


def matcher_for(node: q.Node | None) -> Matcher:
    """Build a matcher from a parsed query: its positive text words, phrases and prefixes."""
    m = Matcher()
    for leaf in q.positive_leaves(node):
        if isinstance(leaf, q.Word) and leaf.field in (None, "title", "body"):
            if leaf.wildcard:
                m.patterns.append(re.compile(fnmatch.translate(leaf.text.lower())))
                m.literals.append(re.split(r"[*?]", leaf.text.lower(), maxsplit=1)[0])
                continue
            stems = analyze(leaf.text)
            if len(stems) == 1:
                m.stems.add(stems[0])
            elif stems:
                m.sequences.append(tuple(stems))
        elif isinstance(leaf, q.Phrase) and leaf.field in (None, "title", "body"):
            stems = analyze(leaf.text)
            if len(stems) == 1:
                m.stems.add(stems[0])
            elif stems:
                m.sequences.append(tuple(stems))
    return m


def match_offsets(query: str, text: str) -> list[tuple[int, int]]:
    """Offsets of the words of ``query`` that match in ``text`` (sorted, non-overlapping).

    Raises ``model.QueryError`` if the query is malformed.
    """
    return matcher_for(q.parse(query)).offsets(text)


def make_snippet(
    text: str, hits: list[tuple[int, int]], width: int = 220
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt around the densest cluster of hits, with hit offsets into it."""
    if not text:
        return "", ()
    if hits:
        best_i, best_n = 0, 0
        j = 0
        for i, (s, _) in enumerate(hits):
            while j < len(hits) and hits[j][1] - s <= width * 0.8:
                j += 1
            if j - i > best_n:
                best_i, best_n = i, j - i
        first = hits[best_i][0]
        last = hits[best_i + best_n - 1][1]
        slack = max(0, width - (last - first))
        start = max(0, first - min(slack // 3, 80))
    else:
        start = 0
        # Skip a title line so the snippet starts with the body when there is more text.
        nl = text.find("\n")
        if 0 < nl < len(text) - 40:
            start = nl
        while start < len(text) and text[start].isspace():
            start += 1
    end = min(len(text), start + width)
    # Snap to word boundaries.
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), start)
        if space >= 0:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        if space > 0:
            end = space
    piece = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    snippet = prefix + re.sub(r"\s", " ", piece) + suffix
    inside = tuple((s + shift, e + shift) for s, e in hits if s >= start and e <= end)
    return snippet, inside
