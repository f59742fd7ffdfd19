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


def align_sentences(
    left: Article,
    right: Article,
    ls: tuple[Sentence, ...],
    rs: tuple[Sentence, ...],
    figure_check: FigureCheck | None = None,
) -> tuple[AlignedPair, ...]:
    """Align two articles' sentences; pairs follow the left order, right-only ones interleaved.

    ``figure_check`` judges the figures of two aligned sentences (from the figure groups)."""
    ltexts = [left.text[s.start : s.end] for s in ls]
    rtexts = [right.text[s.start : s.end] for s in rs]
    nl, nr = len(ls), len(rs)
    match: dict[int, tuple[int, float, bool]] = {}  # left index -> (right index, score, same)
    used_right: set[int] = set()

    # 1. identical sentences, in order
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

    # 2. candidates through an inverted index of content words, scored by TF-IDF cosine
    ltoks = [content_tokens(t) for t in ltexts]
    rtoks = [content_tokens(t) for t in rtexts]
    df: Counter[str] = Counter()
    for toks in (*ltoks, *rtoks):
        df.update(set(toks))
    n_docs = nl + nr + 1
    idf = {w: math.log(n_docs / (1 + c)) + 1.0 for w, c in df.items()}

    def vec(toks: list[str]) -> tuple[dict[str, float], float]:
        v = {w: c * idf[w] for w, c in Counter(toks).items()}
        return v, math.sqrt(sum(x * x for x in v.values())) or 1.0

    lvec = [vec(t) for t in ltoks]
    rvec = [vec(t) for t in rtoks]
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, (v, _) in enumerate(rvec):
        if j in used_right:
            continue
        for w, x in v.items():
            index[w].append((j, x))

    lents = _sentence_items(left, ls, "entities")
    rents = _sentence_items(right, rs, "entities")
    lfigs = _sentence_items(left, ls, "figures")
    rfigs = _sentence_items(right, rs, "figures")
    lnorm = [normalise(t) for t in ltexts]
    rnorm = [normalise(t) for t in rtexts]

    posting_cap = max(40, (nr + 9) // 10)
    candidates: list[tuple[float, int, int]] = []
    for i, (v, norm_i) in enumerate(lvec):
        if i in match:
            continue
        # candidates through the rarer words only; exact cosine for the best few of them
        acc: dict[int, float] = defaultdict(float)
        for w in heapq.nlargest(SEED_WORDS, v, key=v.__getitem__):
            postings = index.get(w, ())
            if len(postings) > posting_cap:
                continue
            x = v[w]
            for j, y in postings:
                acc[j] += x * y
        best = sorted(acc, key=acc.__getitem__, reverse=True)[:MAX_CANDIDATES]
        for j in best:
            rv = rvec[j][0]
            dot = sum(x * rv[w] for w, x in v.items() if w in rv)
            cos = dot / (norm_i * rvec[j][1])
            if cos < MIN_COSINE:
                continue
            fuzzy = (
                fuzz.token_set_ratio(lnorm[i], rnorm[j]) + fuzz.token_sort_ratio(lnorm[i], rnorm[j])
            ) / 200.0
            score = 0.6 * cos + 0.4 * fuzzy
            lc = {m.canonical for m in lents[i]}
            rc = {m.canonical for m in rents[j]}
            if lc and rc:
                score += 0.08 * len(lc & rc) / len(lc | rc)
            lv = {f.value for f in lfigs[i] if f.value is not None}
            rv = {f.value for f in rfigs[j] if f.value is not None}
            if lv and rv and lv & rv:
                score += 0.04
            # order-awareness: a slight preference for the same relative position
            score -= 0.03 * abs(i / max(nl, 1) - j / max(nr, 1))
            score = min(score, 0.99)
            if score >= SIMILAR:
                candidates.append((score, i, j))

    # 3. greedy global best-match, one-to-one
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    for score, i, j in candidates:
        if i in match or j in used_right:
            continue
        match[i] = (j, score, False)
        used_right.add(j)

    # 4. order pass
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

    # 5. emit in left order, right-only sentences where their right neighbours sit
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

    for i in range(nl):
        if i not in match:
            pairs.append(
                AlignedPair((ls[i].start, ls[i].end), None, "left_only", 0.0, left_index=i)
            )
            continue
        j, score, same = match[i]
        if i not in moved:
            flush_right(j)
        diff = word_diff(left.text, ls[i], right.text, rs[j])
        disc, notes = _figure_discrepancy(lfigs[i], rfigs[j], ltexts[i], rtexts[j], figure_check)
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
    flush_right(nr)
    return tuple(pairs)
