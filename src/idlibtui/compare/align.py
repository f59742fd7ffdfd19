"""Sentence alignment of two articles, with word diffs and figure discrepancies.

1. Identical sentences (same words once case, whitespace, quotes and punctuation are
   normalised) pair first, in order.
2. Candidate pairs come from an inverted index of content words: a right sentence is scored
   only if it shares one of the left sentence's ``SEED_WORDS`` weightiest words (words in more
   than a tenth of the sentences do not count), at most ``MAX_CANDIDATES`` per sentence. Each
   is scored by TF-IDF cosine blended with rapidfuzz token ratios, plus a little for shared
   entities and figure values.
3. A greedy global best-match assignment over those scores (threshold ``SIMILAR``) makes the
   pairs one-to-one wherever they sit, so reordered paragraphs still match.
4. An order pass keeps the longest in-order chain; out-of-order pairs stay only when strong
   (``MOVED_MIN``) and are marked ``moved``.
"""

from __future__ import annotations

import difflib
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from idlibtui.compare.model import AlignedPair, DiffOp, Sentence
from idlibtui.compare.text import (
    DIFF_TOKEN,
    QUOTES,
    content_tokens,
    identity_key,
    normalise,
    numbers_in,
)
from idlibtui.model import Article, Figure

SIMILAR = 0.47
MOVED_MIN = 0.55
MIN_COSINE = 0.12
MAX_CANDIDATES = 24  # right sentences scored per left sentence
SEED_WORDS = 12  # a sentence's highest-weighted words that look up candidates


def _sentence_items(article: Article, sentences: tuple[Sentence, ...], attr: str):
    """For each sentence, the items of ``article.<attr>`` that start inside it."""
    items = sorted(getattr(article, attr), key=lambda x: x.start)
    out: list[list] = [[] for _ in sentences]
    k = 0
    for i, s in enumerate(sentences):
        while k < len(items) and items[k].start < s.start:
            k += 1
        j = k
        while j < len(items) and items[j].start < s.end:
            out[i].append(items[j])
            j += 1
    return out


def _tokens(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    """Diff tokens of ``text[start:end]``: absolute spans and comparable (lower-case) forms."""
    spans = [(m.start(), m.end()) for m in DIFF_TOKEN.finditer(text, start, end)]
    segment = text[start:end]
    if segment.isascii():
        low = segment.lower()  # same length as the segment for ASCII
        return spans, [low[s - start : e - start] for s, e in spans]
    return spans, [text[s:e].lower().translate(QUOTES) for s, e in spans]


def word_diff(left_text: str, ls: Sentence, right_text: str, rs: Sentence) -> tuple[DiffOp, ...]:
    """Word-level edits between two sentences, as spans into each article's text."""
    if left_text[ls.start : ls.end] == right_text[rs.start : rs.end]:
        return ()
    lt, la = _tokens(left_text, ls.start, ls.end)
    rt, ra = _tokens(right_text, rs.start, rs.end)
    ops = []
    sm = difflib.SequenceMatcher(None, la, ra, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        lspan = (lt[i1][0], lt[i2 - 1][1]) if i2 > i1 else _point(lt, i1, ls)
        rspan = (rt[j1][0], rt[j2 - 1][1]) if j2 > j1 else _point(rt, j1, rs)
        ops.append(DiffOp(tag, lspan, rspan))
    return tuple(ops)


def _point(tokens: list[tuple[int, int]], i: int, s: Sentence) -> tuple[int, int]:
    if i < len(tokens):
        return tokens[i][0], tokens[i][0]
    return s.end, s.end


FigureCheck = Callable[[list[Figure], list[Figure]], tuple[bool, tuple[str, ...]]]


def _figure_discrepancy(
    lf: list[Figure],
    rf: list[Figure],
    ltext: str,
    rtext: str,
    figure_check: FigureCheck | None = None,
) -> tuple[bool, tuple[str, ...]]:
    """Do two aligned sentences state different numbers for the same thing and event?

    With annotated figures the answer comes from the comparison's figure groups (one verdict
    for a figure wherever it is shown); without, from the numbers in the two sentences.
    """
    lf = [f for f in lf if f.kind != "date"]
    rf = [f for f in rf if f.kind != "date"]
    notes: list[str] = []
    if (lf or rf) and figure_check is not None:
        return figure_check(lf, rf)
    ln, rn = Counter(numbers_in(ltext)), Counter(numbers_in(rtext))
    if ln and rn and ln != rn:
        notes.append(
            "numbers differ: " + ", ".join(sorted(ln - rn)) + " vs " + ", ".join(sorted(rn - ln))
        )
        return True, tuple(notes)
    return False, ()


def _lis(values: list[int]) -> set[int]:
    """Indices (into ``values``) of one longest strictly increasing subsequence."""
    import bisect

    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_idx.append(i)
        else:
            tails[k] = v
            tails_idx[k] = i
        prev[i] = tails_idx[k - 1] if k else -1
    out = set()
    i = tails_idx[-1] if tails_idx else -1
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out


#: Left sentence index → (right sentence index, score, identical).
Match = dict[int, tuple[int, float, bool]]
#: A sentence's TF-IDF weights by word, and the vector's norm.
Vector = tuple[dict[str, float], float]


@dataclass(frozen=True, slots=True)
class _Side:
    """One article's sentences and what the scoring reads from each of them."""

    article: Article
    sentences: tuple[Sentence, ...]
    texts: list[str]
    entities: list[list]
    figures: list[list[Figure]]
    norm: list[str]


def _side(article: Article, sentences: tuple[Sentence, ...]) -> _Side:
    texts = [article.text[s.start : s.end] for s in sentences]
    return _Side(
        article,
        sentences,
        texts,
        _sentence_items(article, sentences, "entities"),
        _sentence_items(article, sentences, "figures"),
        [normalise(t) for t in texts],
    )


def align_sentences(
    left: Article,
    right: Article,
    ls: tuple[Sentence, ...],
    rs: tuple[Sentence, ...],
    figure_check: FigureCheck | None = None,
) -> tuple[AlignedPair, ...]:
    """Align two articles' sentences; pairs follow the left order, right-only ones interleaved.

    ``figure_check`` judges the figures of two aligned sentences (from the figure groups).
    The steps are those of the module's header."""
    lside, rside = _side(left, ls), _side(right, rs)
    match, used_right = _identical(lside.texts, rside.texts)  # 1
    candidates = _candidates(lside, rside, match, used_right)  # 2
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))  # 3. greedy best match, one-to-one
    for score, i, j in candidates:
        if i in match or j in used_right:
            continue
        match[i] = (j, score, False)
        used_right.add(j)
    moved = _keep_order(match, used_right)  # 4
    return _emit(lside, rside, match, used_right, moved, figure_check)  # 5


def _identical(ltexts: list[str], rtexts: list[str]) -> tuple[Match, set[int]]:
    """Identical sentences (by ``identity_key``), paired in order; and the right ones used."""
    match: Match = {}
    used_right: set[int] = set()
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, t in enumerate(rtexts):
        key = identity_key(t)
        if key:
            by_key[key].append(j)
    for i, t in enumerate(ltexts):
        key = identity_key(t)
        if key and by_key.get(key):
            j = by_key[key].pop(0)
            match[i] = (j, 1.0, True)
            used_right.add(j)
    return match, used_right


def _vectors(lside: _Side, rside: _Side) -> tuple[list[Vector], list[Vector]]:
    """TF-IDF vectors of every sentence's content words (document frequency over both)."""
    ltoks = [content_tokens(t) for t in lside.texts]
    rtoks = [content_tokens(t) for t in rside.texts]
    df: Counter[str] = Counter()
    for toks in (*ltoks, *rtoks):
        df.update(set(toks))
    n_docs = len(ltoks) + len(rtoks) + 1
    idf = {w: math.log(n_docs / (1 + c)) + 1.0 for w, c in df.items()}

    def vec(toks: list[str]) -> Vector:
        v = {w: c * idf[w] for w, c in Counter(toks).items()}
        return v, math.sqrt(sum(x * x for x in v.values())) or 1.0

    return [vec(t) for t in ltoks], [vec(t) for t in rtoks]


def _candidates(
    lside: _Side, rside: _Side, match: Match, used_right: set[int]
) -> list[tuple[float, int, int]]:
    """(score, left, right) of every pair worth considering: found through an inverted index
    of the right sentences' words (the rarer words of each left sentence only), scored exactly
    for the best few."""
    lvec, rvec = _vectors(lside, rside)
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, (v, _) in enumerate(rvec):
        if j in used_right:
            continue
        for w, x in v.items():
            index[w].append((j, x))
    posting_cap = max(40, (len(rvec) + 9) // 10)
    candidates: list[tuple[float, int, int]] = []
    for i, (v, norm_i) in enumerate(lvec):
        if i in match:
            continue
        acc: dict[int, float] = defaultdict(float)
        for w in heapq.nlargest(SEED_WORDS, v, key=v.__getitem__):
            postings = index.get(w, ())
            if len(postings) > posting_cap:
                continue
            x = v[w]
            for j, y in postings:
                acc[j] += x * y
        for j in sorted(acc, key=acc.__getitem__, reverse=True)[:MAX_CANDIDATES]:
            rv = rvec[j][0]
            dot = sum(x * rv[w] for w, x in v.items() if w in rv)
            cos = dot / (norm_i * rvec[j][1])
            if cos < MIN_COSINE:
                continue
            score = _pair_score(lside, rside, i, j, cos)
            if score >= SIMILAR:
                candidates.append((score, i, j))
    return candidates


def _pair_score(lside: _Side, rside: _Side, i: int, j: int, cos: float) -> float:
    """Cosine blended with token ratios, a little for shared entities and figure values, and
    a slight preference for the same relative position."""
    lnorm, rnorm = lside.norm[i], rside.norm[j]
    fuzzy = (fuzz.token_set_ratio(lnorm, rnorm) + fuzz.token_sort_ratio(lnorm, rnorm)) / 200.0
    score = 0.6 * cos + 0.4 * fuzzy
    l_names = {m.canonical for m in lside.entities[i]}
    r_names = {m.canonical for m in rside.entities[j]}
    if l_names and r_names:
        score += 0.08 * len(l_names & r_names) / len(l_names | r_names)
    l_values = {f.value for f in lside.figures[i] if f.value is not None}
    r_values = {f.value for f in rside.figures[j] if f.value is not None}
    if l_values and r_values and l_values & r_values:
        score += 0.04
    nl, nr = len(lside.texts), len(rside.texts)
    score -= 0.03 * abs(i / max(nl, 1) - j / max(nr, 1))
    return min(score, 0.99)


def _keep_order(match: Match, used_right: set[int]) -> set[int]:
    """Keep the longest in-order chain of pairs; an out-of-order pair stays, as moved, only
    when it is identical or strong. Returns the moved left indices."""
    order = sorted(match)
    chain = _lis([match[i][0] for i in order])
    moved: set[int] = set()
    for k, i in enumerate(order):
        if k in chain:
            continue
        j, score, same = match[i]
        if same or score >= MOVED_MIN:
            moved.add(i)
        else:
            del match[i]
            used_right.discard(j)
    return moved


def _emit(
    lside: _Side,
    rside: _Side,
    match: Match,
    used_right: set[int],
    moved: set[int],
    figure_check: FigureCheck | None,
) -> tuple[AlignedPair, ...]:
    """The pairs in left order, right-only sentences where their right neighbours sit."""
    ls, rs = lside.sentences, rside.sentences
    pairs: list[AlignedPair] = []
    right_done: set[int] = set()
    next_right = 0

    def flush_right(upto: int) -> None:
        nonlocal next_right
        while next_right < upto:
            j = next_right
            next_right += 1
            if j in used_right or j in right_done:
                continue
            right_done.add(j)
            pairs.append(
                AlignedPair(None, (rs[j].start, rs[j].end), "right_only", 0.0, right_index=j)
            )

    for i in range(len(ls)):
        if i not in match:
            pairs.append(
                AlignedPair((ls[i].start, ls[i].end), None, "left_only", 0.0, left_index=i)
            )
            continue
        j, score, same = match[i]
        if i not in moved:
            flush_right(j)
        diff = word_diff(lside.article.text, ls[i], rside.article.text, rs[j])
        disc, notes = _figure_discrepancy(
            lside.figures[i], rside.figures[j], lside.texts[i], rside.texts[j], figure_check
        )
        if i in moved:
            notes = (*notes, "moved: matches a sentence elsewhere in the other article")
        pairs.append(
            AlignedPair(
                (ls[i].start, ls[i].end),
                (rs[j].start, rs[j].end),
                "same" if same else "similar",
                round(score, 4),
                diff,
                disc,
                notes,
                left_index=i,
                right_index=j,
                moved=i in moved,
            )
        )
    flush_right(len(rs))
    return tuple(pairs)
