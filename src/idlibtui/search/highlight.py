"""Where a query's words occur in a text, as ``(start, end)`` offsets, and snippets around them.

One fast tokenizer serves the index and the highlights: ``index_terms`` (run in the cleaning
workers) produces the terms the index holds, ``tokens``/``analyze`` the same terms with offsets.
Each token is folded (search/fold.py: diacritics, marks, British spellings, compounds, Arabic
articles) and stemmed; a token whose own spelling stems differently also gives its exact term
(``EXACT`` + stem, for the ``=`` operator and the exact-spelling bonus) at the same position.
Offsets stay the tokenizer's, on the real text. So ``match_offsets(query, text)`` finds
"displaced" for the query ``displacing`` and "Erdoğan" for ``Erdogan`` in any text, and the
reader highlights a freshly cleaned article exactly as the index matched it. Phrases match as
consecutive positions; prefixes and wildcards match the unstemmed (and the folded) word.

A text in another language is analysed for it (search/lang_analysis.py: its stemmer and
stopwords, or a plain analysis): ``tokens``, ``index_terms`` and ``query_terms`` take the
language, and a matcher built for several languages (``matcher_for(node, langs)``) looks in a
text for the query's terms in each of them, as the index does.
"""

from __future__ import annotations

import fnmatch
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem as _porter_stem

from idlibtui.search import fold
from idlibtui.search import query as q
from idlibtui.search.lang_analysis import (
    ENGLISH,
    EXACT,
    TAG,
    analysis_key,
    query_keys,
    word_terms_in,
)
from idlibtui.search.schema import SAME_POSITION, TOKEN_PATTERN

_TOKEN = re.compile(TOKEN_PATTERN, re.UNICODE)
_DROP = STOP_WORDS | fold.ALWAYS_ARTICLES


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _porter_stem(word)


@lru_cache(maxsize=200_000)
def word_terms(low: str) -> tuple[tuple[str, ...], str | None, str | None]:
    """What the index holds for one lower-cased token: its folded stems (one per position,
    none for a stopword), its exact term when its own spelling stems differently (kept at the
    first stem's position), and its character-folded word when that differs (for the lexicon)."""
    if low in _DROP:
        return (), None, None
    words = [w for w in fold.fold_word(low) if w and w not in _DROP]  # "ʿ" alone: nothing
    if not words:
        return (), None, None
    stems = tuple(stem(w) for w in words)
    own = fold.exact_form(low)
    ex = stem(own)
    exact = None if len(stems) == 1 and stems[0] == ex else EXACT + ex
    plain = fold.fold_chars(low)
    # the lexicon's character-folded word: not for numbers (written as they are, "700,000"
    # still matches the prefix 700*): each distinct number would be one more term
    alt = plain if plain != low and plain.isalnum() and not low[0].isdigit() else None
    return stems, exact, alt


WordTerms = tuple[tuple[str, ...], str | None, str | None]
_ANALYSERS: dict[str, object] = {}


def analyser(lang: str | None = None):
    """``low → word_terms(low)`` for a text in ``lang`` (English, or an untold language:
    ``word_terms`` itself)."""
    key = analysis_key(lang)
    if key == ENGLISH:
        return word_terms
    found = _ANALYSERS.get(key)
    if found is None:

        def terms(low: str, _key: str = key) -> WordTerms:
            return word_terms_in(low, _key)

        found = _ANALYSERS[key] = terms
    return found


@dataclass(slots=True)
class Token:
    text: str  # lowercased, unstemmed
    stem: str  # folded stem at this position
    start: int
    end: int
    exact: str | None = None  # the exact-spelling term at this position, if it differs


def tokens(text: str, lang: str | None = None) -> list[Token]:
    """Index positions of ``text`` (stopwords and articles dropped, renumbered as in the index)
    as analysed for ``lang``; a compound gives several positions with its token's offsets."""
    out = []
    terms_of = analyser(lang)
    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        if low in fold.ARTICLE_WORDS and fold.drops_article(low, text, m.end()):
            continue
        stems, exact, _ = terms_of(low)
        for i, st in enumerate(stems):
            out.append(Token(low, st, m.start(), m.end(), exact if i == 0 else None))
    return out


def index_terms(text: str, lang: str | None = None) -> tuple[str, set[str]]:
    """What the index holds for ``text`` in ``lang``: its terms in order (space separated, a
    position's exact term after a ``|``) and its words (as written, and character-folded)."""
    # Each distinct word is analysed once (and kept, per language): the text's terms are then
    # its words' pieces joined in C, without a Python step per word.
    found = _TOKEN.findall(text)
    if not found:
        return "", set()
    # lower-cased in one call: no token holds a line break, and a line break bounds the
    # context str.lower reads (final sigma), so each token lowers as it would alone
    lows = "\n".join(found).lower().split("\n")
    key = analysis_key(lang)
    pieces, words_of = _pieces(key)
    distinct = set(lows)
    missing = distinct.difference(pieces)
    if missing:
        terms_of = analyser(key)
        for low in missing:
            pieces[low], words_of[low] = _word_piece(low, terms_of)
    # a hyphen-only article ("ad-", "ash-") is dropped or kept by what follows it: the text is
    # read word by word then (only for such a word that has terms at all)
    if not distinct.isdisjoint(_HYPHEN_ONLY) and any(
        pieces[low] for low in distinct & _HYPHEN_ONLY
    ):
        return _index_terms_by_word(text, analyser(key))
    words = set(itertools.chain.from_iterable(map(words_of.__getitem__, distinct)))
    return " ".join(filter(None, map(pieces.__getitem__, lows))), words


_HYPHEN_ONLY = fold.ARTICLE_WORDS - fold.ALWAYS_ARTICLES
_PIECE_CACHE: dict[str, tuple[dict[str, str], dict[str, tuple[str, ...]]]] = {}
_PIECE_CACHE_MAX = 200_000  # distinct words kept per language (numbers are mostly distinct)


def _pieces(key: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The kept pieces and words of each word seen in language ``key``."""
    found = _PIECE_CACHE.get(key)
    if found is None or len(found[0]) > _PIECE_CACHE_MAX:
        found = _PIECE_CACHE[key] = ({}, {})
    return found


def _word_piece(low: str, terms_of) -> tuple[str, tuple[str, ...]]:
    """One lower-cased word's terms as ``index_terms`` writes them ("" for none) and the words
    it adds to the lexicon (an always-dropped article and a stopword: none)."""
    if low in fold.ALWAYS_ARTICLES:
        return "", ()
    stems, exact, plain = terms_of(low)
    if not stems:
        return "", ()
    if exact is not None:
        stems = (stems[0] + SAME_POSITION + exact, *stems[1:])
    return " ".join(stems), ((low,) if plain is None else (low, plain))


def _index_terms_by_word(text: str, terms_of) -> tuple[str, set[str]]:
    """``index_terms`` a word at a time, each article word read in its place."""
    out: list[str] = []
    words: set[str] = set()
    articles = fold.ARTICLE_WORDS
    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        if low in articles and fold.drops_article(low, text, m.end()):
            continue
        stems, exact, plain = terms_of(low)
        if not stems:
            continue
        words.add(low)
        if exact is None:
            out.extend(stems)
        else:
            out.append(stems[0] + SAME_POSITION + exact)
            out.extend(stems[1:])
        if plain is not None:
            words.add(plain)
    return " ".join(out), words


def analyze(text: str, lang: str | None = None) -> list[str]:
    """The folded stems the index holds for ``text`` (in ``lang``), one per position."""
    return [t.stem for t in tokens(text, lang)]


def query_terms(
    text: str, exact: bool = False, lang: str | None = None
) -> tuple[list[str], list[str]]:
    """A query word's or phrase's terms, one per position, as analysed for ``lang``: (what it
    looks for, the same with its own spelling where that differs). With ``exact`` both are the
    own spelling: a position holds the exact term where the spelling folds, the folded stem
    (the same) where not."""
    folded: list[str] = []
    own: list[str] = []
    for t in tokens(text, lang):
        folded.append(t.stem)
        own.append(t.exact or t.stem)
    return (own, own) if exact else (folded, own)


def query_forms(
    text: str, exact: bool = False, langs=(ENGLISH,)
) -> list[tuple[list[str], list[str]]]:
    """``query_terms`` of a word or phrase for each language of ``langs`` (English first),
    each distinct form once and none empty: the index holds each article's words as analysed
    for its language, so a query looks up every form."""
    return [(list(a), list(b)) for a, b in _query_forms(text, exact, tuple(langs))]


@lru_cache(maxsize=4096)
def _query_forms(
    text: str, exact: bool, langs: tuple[str, ...]
) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for key in query_keys(langs):
        terms, own = query_terms(text, exact, key)
        form = (tuple(terms), tuple(own))
        if terms and form not in out:
            out.append(form)
    return tuple(out)


@dataclass(slots=True)
class Matcher:
    """What to look for in a text: single terms, term sequences, unstemmed patterns."""

    stems: set[str] = field(default_factory=set)
    sequences: list[tuple[str, ...]] = field(default_factory=list)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    literals: list[str] = field(default_factory=list)  # the patterns' fixed beginnings
    _prefilter: _Prefilter | None = None
    _seq_prefilters: list[_Prefilter] | None = None
    _english_sequences: list[tuple[str, ...]] | None = None

    def __bool__(self) -> bool:
        return bool(self.stems or self.sequences or self.patterns)

    def offsets(self, text: str, lang: str | None = None) -> list[tuple[int, int]]:
        """Where the query matches in ``text``, a text in ``lang`` (English if not said)."""
        if not self or not text:
            return []
        if analysis_key(lang) != ENGLISH:
            # another language's stems are not the word's beginning (Turkish, Arabic): every
            # position is analysed (a few ms for a long article)
            return self._token_offsets(text, lang)
        if not self._english_seqs():
            return self._prefiltered_offsets(text)
        return self._prefiltered_sequence_offsets(text)

    def _token_offsets(self, text: str, lang: str | None = None) -> list[tuple[int, int]]:
        """Reference path with phrases: every position of the text (analysed for ``lang``)."""
        toks = tokens(text, lang)
        marked = [False] * len(toks)
        for i, tok in enumerate(toks):
            if (
                tok.stem in self.stems
                or tok.exact in self.stems
                or any(
                    p.match(tok.text) or p.match(fold.fold_chars(tok.text)) for p in self.patterns
                )
            ):
                marked[i] = True
        for seq in self.sequences:
            n = len(seq)
            for i in range(len(toks) - n + 1):
                if all(seq[k] in (toks[i + k].stem, toks[i + k].exact) for k in range(n)):
                    for k in range(n):
                        marked[i + k] = True
        return sorted({(t.start, t.end) for t, m in zip(toks, marked, strict=True) if m})

    def _prefiltered_offsets(self, text: str) -> list[tuple[int, int]]:
        """Fast path without phrases: a C-speed regex finds words that could match (those
        beginning like a query stem, up to folding), and only those are tokenized and stemmed."""
        if not self.stems and not self.patterns:
            return []
        if self._prefilter is None:
            self._prefilter = _prefilter(self.stems, self.literals)
        out = []
        for m in _token_starts(self._prefilter, text):
            low = m.group().lower()
            if self._word_matches(low) and not (
                low in fold.ARTICLE_WORDS and fold.drops_article(low, text, m.end())
            ):
                out.append(m.span())
        return out

    def _english_seqs(self) -> list[tuple[str, ...]]:
        """The phrases an English text can hold: another language's stems (tagged) are never
        its words."""
        if self._english_sequences is None:
            self._english_sequences = [
                seq for seq in self.sequences if not any(TAG in t for t in seq)
            ]
        return self._english_sequences

    def _prefiltered_sequence_offsets(self, text: str) -> list[tuple[int, int]]:
        """Fast path with phrases: the words as above; for each phrase, the places where its
        first term can occur (found by a regex), checked against the index positions that
        follow."""
        found = set(self._prefiltered_offsets(text))
        seqs = self._english_seqs()
        if self._seq_prefilters is None:
            self._seq_prefilters = [_prefilter({seq[0]}, []) for seq in seqs]
        for seq, rx in zip(seqs, self._seq_prefilters, strict=True):
            for m in _token_starts(rx, text):
                low = m.group().lower()
                if low in fold.ARTICLE_WORDS and fold.drops_article(low, text, m.end()):
                    continue
                stems, exact, _ = word_terms(low)
                if seq[0] not in stems and seq[0] != exact:
                    continue
                found.update(_sequence_at(text, m, stems, exact, seq))
        return sorted(found)

    def _word_offsets(self, text: str) -> list[tuple[int, int]]:
        """Reference path without phrases: every token, no token objects."""
        out = []
        for m in _TOKEN.finditer(text):
            low = m.group().lower()
            if low in fold.ARTICLE_WORDS and fold.drops_article(low, text, m.end()):
                continue
            if self._word_matches(low):
                out.append(m.span())
        return out

    def _word_matches(self, low: str) -> bool:
        """Whether one lower-cased word is a query word (by a folded or exact term) or matches
        a wildcard (as written or character-folded)."""
        stems, exact, plain = word_terms(low)
        if not stems:
            return False
        wanted = self.stems
        if exact in wanted or any(st in wanted for st in stems):
            return True
        return any(p.match(low) or (plain is not None and p.match(plain)) for p in self.patterns)


def _positions_after(
    text: str, pos: int, need: int
) -> list[tuple[tuple[str, str | None], tuple[int, int]]]:
    """Up to ``need`` index positions of the tokens from ``pos`` on: ((stem, exact), span)."""
    out: list[tuple[tuple[str, str | None], tuple[int, int]]] = []
    while len(out) < need:
        nxt = _TOKEN.search(text, pos)
        if nxt is None:
            break
        pos = nxt.end()
        low = nxt.group().lower()
        if low in fold.ARTICLE_WORDS and fold.drops_article(low, text, nxt.end()):
            continue
        stems, exact, _ = word_terms(low)
        for i, st in enumerate(stems):
            out.append(((st, exact if i == 0 else None), nxt.span()))
    return out


def _sequence_at(text, m, stems, exact, seq) -> set[tuple[int, int]]:
    """Spans of the places where ``seq`` starts at one of the positions of the token ``m``."""
    here = [((st, exact if i == 0 else None), m.span()) for i, st in enumerate(stems)]
    found: set[tuple[int, int]] = set()
    after = None
    for i, ((st, ex), _span) in enumerate(here):
        if seq[0] != st and seq[0] != ex:
            continue
        stream = here[i:]
        if len(stream) < len(seq):
            if after is None:
                after = _positions_after(text, m.end(), len(seq))
            stream = stream + after
        if len(stream) >= len(seq) and all(want in stream[k][0] for k, want in enumerate(seq)):
            found.update(span for _terms, span in stream[: len(seq)])
    return found


def _prefilter(stems, literals) -> _Prefilter:
    """Regexes for the places where a word with one of ``stems`` (or beginning with one of
    ``literals``) could begin: a Porter stem is the word's beginning but for its last letter,
    up to folding (``fold.candidate_heads``; marks and separators are allowed between letters,
    and any letter that folds to each letter). The first two run over the lower-cased text (3x
    faster than the last, case-insensitive one, which serves texts whose lower-casing changes
    their length); the first, without the folding letters, serves texts that have none (7x
    faster than the second: its literal first letter lets the engine skip ahead)."""
    heads: set[str] = set(literals)
    for st in stems:
        if TAG in st:
            continue  # another language's stem: never one of an English text's words
        if st.startswith(EXACT):
            raw = st[len(EXACT) :]
            heads.add(raw[:-1] if len(raw) > 2 else raw)
        else:
            heads |= fold.candidate_heads(st)
    ordered = sorted((h for h in heads if h), key=len, reverse=True)
    plain = "|".join(_LOOSE_GAP.join(map(re.escape, h)) for h in ordered) or "(?!)"
    loose = "|".join(_loose(h) for h in ordered) or "(?!)"
    # not after a word character, but after a mark that is one ("ʿAyn")
    return _Prefilter(plain, loose, rf"(?<![^\W{_LETTER_MARKS}])(?:{loose})")


class _Prefilter:
    """The three prefilter regexes (``rxs[0]``, ``[1]``, ``[2]``), each compiled when a text
    first needs it: compiling the folding ones took 10-15 ms a query (most of a cold query's
    highlighting), and most texts need only the first."""

    __slots__ = ("_compiled", "_sources")

    def __init__(self, plain: str, loose: str, insensitive: str) -> None:
        self._sources = ((plain, 0), (loose, 0), (insensitive, re.IGNORECASE))
        self._compiled: list[re.Pattern[str] | None] = [None, None, None]

    def __getitem__(self, i: int) -> re.Pattern[str]:
        rx = self._compiled[i]
        if rx is None:
            rx = self._compiled[i] = re.compile(*self._sources[i])
        return rx


_LOOSE_GAP = "[" + re.escape(fold.MARKS + ",") + "]?"


def _loose(head: str) -> str:
    """A regex for ``head`` as the text may write it: any letter that folds to each of its
    letters, with an optional mark or separator between them."""
    return _LOOSE_GAP.join(_letter_class(c) for c in head)


@lru_cache(maxsize=512)
def _letter_class(c: str) -> str:
    if c in fold.MARKS:
        return "[" + re.escape(fold.MARKS) + "]"
    variants = _FOLDS_TO.get(c)
    if not variants:
        return re.escape(c)
    return "[" + re.escape(c + variants) + "]"


def _folds_to() -> dict[str, str]:
    """Each ASCII letter → the lower-case letters that fold to it alone."""
    out: dict[str, str] = {}
    for cp, value in fold._TABLE.items():
        if isinstance(value, str) and len(value) == 1:
            out[value] = out.get(value, "") + chr(cp)
    return out


_FOLDS_TO = _folds_to()
_LETTER_MARKS = "".join(c for c in fold.MARKS if c.isalnum())  # ʿ ʾ ʼ ʻ: word characters
#: A letter that folds to another (an accented letter): such texts need the slower prefilter.
_FOLDING_LETTER = re.compile(
    "[" + re.escape("".join(sorted("".join(_FOLDS_TO.values())))) + "\u0300-\u036f]"
)
_JOINERS = ".,'’‘`"
_JOINERS_AND_MARKS = _JOINERS + fold.MARKS


def _token_starts(rxs: _Prefilter, text: str):
    """Index tokens (``_TOKEN`` matches, as ``finditer`` over the whole text finds them) that
    begin where the prefilter matches, or hold the match after a joiner or a mark ("ʿAyn",
    "Nu'man", "x.refugees": the caller checks the whole token)."""
    low = text.lower()
    if len(low) == len(text):  # then each character lower-cases to one character
        rx = rxs[0] if low.isascii() or not _FOLDING_LETTER.search(low) else rxs[1]
        hits = rx.finditer(low)
        check_before = True
    else:
        hits = rxs[2].finditer(text)
        check_before = False
    last_end = -1
    for hit in hits:
        start = hit.start()
        if start and text[start - 1] in _JOINERS_AND_MARKS:
            m = _token_holding(text, start)
        elif check_before and start and _WORD_CHAR.match(text, start - 1):
            continue
        else:
            m = _TOKEN.match(text, start)
        if m is None or m.start() < last_end:
            continue
        last_end = m.end()
        yield m


def _token_holding(text: str, pos: int):
    """The token of ``text`` that holds ``pos`` (tokenizing from the beginning of the run of
    word characters and joiners around it gives the same tokens there), or None."""
    begin = pos
    while begin and (text[begin - 1] in _JOINERS or _WORD_CHAR.match(text, begin - 1)):
        begin -= 1
    for m in _TOKEN.finditer(text, begin):
        if m.end() > pos:
            return m if m.start() <= pos else None
    return None


_WORD_CHAR = re.compile(r"\w")


def wildcard_pattern(word: q.Word) -> str:
    """A prefix or wildcard as the lexicon is searched for it: lower case, and character-folded
    unless the word is exact (the lexicon holds words as written and character-folded)."""
    low = word.text.lower()
    return low if word.exact else fold.fold_chars(low)


def matcher_for(node: q.Node | None, langs=(ENGLISH,)) -> Matcher:
    """Build a matcher from a parsed query: its positive text words, phrases and prefixes, each
    word and phrase as analysed for every language of ``langs`` (those the index holds)."""
    m = Matcher()
    for leaf in q.positive_leaves(node):
        if isinstance(leaf, q.Word) and leaf.wildcard and leaf.field in (None, "title", "body"):
            pattern = wildcard_pattern(leaf)
            m.patterns.append(re.compile(fnmatch.translate(pattern)))
            m.literals.append(re.split(r"[*?]", pattern, maxsplit=1)[0])
            continue
        if isinstance(leaf, q.Word | q.Phrase) and leaf.field in (None, "title", "body"):
            for terms, _own in query_forms(leaf.text, leaf.exact, langs):
                if len(terms) == 1:
                    m.stems.add(terms[0])
                elif tuple(terms) not in m.sequences:
                    m.sequences.append(tuple(terms))
    return m


def match_offsets(query: str, text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Offsets of the words of ``query`` that match in ``text``, a text in ``lang`` (sorted,
    non-overlapping).

    Raises ``model.QueryError`` if the query is malformed.
    """
    return matcher_for(q.parse(query), (ENGLISH, lang or ENGLISH)).offsets(text, lang)


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
