"""A vectorised evaluator of our query tree over Whoosh's own postings (numpy).

Whoosh scores each matching document in Python (10-15 µs a hit), so a word that occurs in most
of 50k articles cost ~0.6 s. Here a term's posting list is decoded once, straight from Whoosh's
W3 blocks, into numpy arrays of global document numbers and term weights (cached per commit),
and the whole query is evaluated with array operations:

- a term is scored with BM25F exactly as Whoosh does it (same idf and average field length from
  the top searcher, the byte-quantised field lengths of the length column, the weights stored in
  the postings, which already carry the field boost);
- AND / OR add their children's scores (Whoosh's intersection and union matchers do), AND NOT
  keeps the left side's scores, a phrase is the AND of its words (its score is the sum of the
  words' scores) kept only where the words' positions follow each other, a date range, NOT and
  the all-documents query score a constant 1.0;
- ranking is by score descending, then document number ascending (Whoosh's collectors).

Reading: the title and body fields' postings (ids, and positions from which the weights
follow) come from each segment's numpy sidecar (search/sidecar.py), mapped into memory and
read with numpy; a phrase reads only the blocks of positions holding its candidates.
A segment without a sidecar is decoded from Whoosh's W3 blocks: a term's ids and weights are
unpickled without the block's values (each value is rebuilt through a ``_codecs.encode`` call,
80% of the cost), and a phrase reads positions only from the blocks that hold a candidate.
Per-segment ids and weights are also kept across commits, so an incremental update decodes only
its new segments.

Whoosh's blocks are decoded by search/codec.py, columns read by search/columns.py. A query shape
this module does not evaluate raises ``Unsupported`` (the caller may then let Whoosh answer it,
where Whoosh is right for that shape); postings not in the layout the codec reads raise
``codec.CodecError`` (the caller reports it: a different reader's answer is not quietly given
instead).
numpy is imported here and by the sidecar code, and only when a search runs or a segment is
written (start-up stays light).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from idlibtui.search import sidecar
from idlibtui.search.codec import (
    CodecError,
    decode_positions,
    member,
    read_blocks,
    read_selected_values,
)
from idlibtui.search.columns import Column

CACHE_BYTES = 128 * 1024 * 1024  # decoded posting lists kept per commit
SEGMENT_CACHE_BYTES = 48 * 1024 * 1024  # per-segment ids and weights, kept across commits
#: A phrase reads only the blocks of a word's postings that hold a candidate, unless that is
#: more than this share of them (then it decodes and caches the whole list).
SELECT_MAX_SHARE = 0.5

_LENGTH_TABLE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Unsupported(Exception):
    """A query shape the fast path deliberately does not evaluate."""


class _Postings:
    """One term's postings over the whole index: sorted global docnums, weights, positions."""

    __slots__ = ("docs", "nbytes", "pos_flat", "pos_starts", "weights")

    def __init__(self, docs, weights, pos_starts=None, pos_flat=None) -> None:
        # Kept compact (half the memory, so the cache holds twice the terms): docnums and
        # offsets fit in int32, and weights are float32 in Whoosh's blocks to begin with.
        self.docs = docs.astype(np.int32, copy=False)
        self.weights = weights.astype(np.float32, copy=False)
        self.pos_starts = None if pos_starts is None else pos_starts.astype(np.int32, copy=False)
        self.pos_flat = pos_flat
        self.nbytes = docs.nbytes + weights.nbytes + 64
        if pos_flat is not None:
            self.nbytes += pos_flat.nbytes + pos_starts.nbytes


_EMPTY_I = np.zeros(0, dtype=np.int64)
_EMPTY_F = np.zeros(0, dtype=np.float64)


class Result:
    """Sorted unique docnums and, aligned with them, scores (None: unscored, a set only)."""

    __slots__ = ("docs", "scores")

    def __init__(self, docs, scores) -> None:
        self.docs = docs
        self.scores = scores


def _keep_positions(starts, flat, keep) -> tuple[Any, Any]:
    """(starts, flat) of the postings where ``keep`` is true."""
    counts = np.diff(starts)
    flat = flat[np.repeat(keep, counts)]
    out = np.zeros(int(keep.sum()) + 1, dtype=np.int64)
    np.cumsum(counts[keep], out=out[1:])
    return out, flat


def _join_positions(parts: list[tuple[Any, Any]]) -> tuple[Any, Any]:
    """One (starts, flat) from several, in order."""
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32)
    counts = np.concatenate([np.diff(starts) for starts, _ in parts])
    starts = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    return starts, np.concatenate([flat for _, flat in parts])


def _sidecar_postings(seg, field: str, btext: bytes, positions: bool):
    """(ids, weights, starts, flat) of a term in one segment from its sidecar (positions only
    when asked), or None when the segment has none (or the term is not in it)."""
    side = sidecar.open_field(seg, field)
    found = side.find(btext) if side is not None else None
    if found is None:
        return None
    ids, counts, starts, flat = side.postings(found, positions)
    weights = counts.astype(np.float64) * side.boost
    if not positions:
        return ids, weights, None, None
    return ids, weights, starts, flat.astype(np.int32, copy=False)


def _sidecar_selected(side, found: int, local) -> tuple[Any, Any] | None:
    """(starts, flat) of the postings of term ``found`` for segment docnums ``local``
    (sorted, all holding the term); None when that is most of the term's positions."""
    got = side.selected(found, local, SELECT_MAX_SHARE)
    return None if got is None else (got[0], got[1].astype(np.int32, copy=False))


class SegmentCache:
    """Decoded per-segment posting lists, kept across commits (LRU, bounded in bytes)."""

    def __init__(self, limit: int = SEGMENT_CACHE_BYTES) -> None:
        self.limit = limit
        self._items: OrderedDict[tuple, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            self._items.move_to_end(key)
            return hit[0]

    def put(self, key, value, nbytes: int) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, nbytes)
            self._bytes += nbytes
            while self._bytes > self.limit and len(self._items) > 1:
                _, (_, size) = self._items.popitem(last=False)
                self._bytes -= size


class FastView:
    """Numpy state for one searcher (one commit): caches die with it."""

    def __init__(self, searcher, shared: SegmentCache | None = None) -> None:
        self.searcher = searcher
        self.shared = shared
        self.reader = searcher.reader()
        self.schema = self.reader.schema
        self.leaves = list(self.reader.leaf_readers())
        self.n = self.reader.doc_count_all()
        live = np.ones(self.n, dtype=bool)
        for seg, offset in self.leaves:
            if seg.has_deletions():
                dead_set = getattr(seg, "deleted_docs_set", None)
                if dead_set is None:
                    dead_set = [d for d in range(seg.doc_count_all()) if seg.is_deleted(d)]
                dead = np.fromiter(dead_set, dtype=np.int64, count=len(dead_set))
                live[dead + offset] = False
        self.live = live
        self.live_docs = np.flatnonzero(live)
        segments = [
            (getattr(seg, "_storage", None), getattr(seg, "_segment", None))
            for seg, _ in self.leaves
        ]
        folders = {str(getattr(storage, "folder", "")) for storage, _ in segments}
        if len(folders) == 1 and all(segment is not None for _, segment in segments):
            sidecar.forget_except(folders.pop(), {s.segment_id() for _, s in segments})
        self._cache: OrderedDict[tuple, _Postings] = OrderedDict()
        self._cache_bytes = 0
        self._lengths: dict[str, Any] = {}
        self._stats: dict[tuple[str, str], tuple[float, float]] = {}
        self._arrays: dict[str, Any] = {}
        self._lock = threading.RLock()

    # -- postings ----------------------------------------------------------------------------

    def postings(self, field: str, text: str, positions: bool = False) -> _Postings:
        key = (field, text, positions)
        with self._lock:
            hit = self._cache.get(key)
            if hit is None and not positions:
                hit = self._cache.get((field, text, True))
            if hit is not None:
                self._cache.move_to_end(key if key in self._cache else (field, text, True))
                return hit
        p = self._decode(field, text, positions)
        with self._lock:
            self._cache[key] = p
            self._cache_bytes += p.nbytes
            while self._cache_bytes > CACHE_BYTES and len(self._cache) > 1:
                _, old = self._cache.popitem(last=False)
                self._cache_bytes -= old.nbytes
        return p

    def _decode(self, field: str, text: str, positions: bool) -> _Postings:
        if field not in self.schema:
            return _Postings(_EMPTY_I, _EMPTY_F)
        fieldobj = self.schema[field]
        try:
            btext = fieldobj.to_bytes(text)
        except ValueError:
            return _Postings(_EMPTY_I, _EMPTY_F)
        if positions and not fieldobj.format.supports("positions"):
            raise Unsupported(f"{field} has no positions")
        docs_parts, w_parts, pos_parts = [], [], []
        for seg, offset in self.leaves:
            if (field, btext) not in seg:
                continue
            side = _sidecar_postings(seg, field, btext, positions)
            if side is not None:
                ids, weights, starts, flat = side
            elif positions:
                ids, weights, vals = self._segment_postings(seg, field, btext, True)
                starts, flat = decode_positions(vals)
            else:
                ids, weights = self._segment_ids(seg, field, btext)
                starts = flat = None
            if seg.has_deletions():
                keep = self.live[ids + offset]
                if not keep.all():
                    ids, weights = ids[keep], weights[keep]
                    if positions:
                        starts, flat = _keep_positions(starts, flat, keep)
            docs_parts.append(ids + offset)
            w_parts.append(weights)
            if positions:
                pos_parts.append((starts, flat))
        if not docs_parts:
            return _Postings(_EMPTY_I, _EMPTY_F)
        docs = np.concatenate(docs_parts)
        weights = np.concatenate(w_parts)
        if positions:
            starts, flat = _join_positions(pos_parts)
            return _Postings(docs, weights, starts, flat)
        return _Postings(docs, weights)

    def _segment_ids(self, seg, field: str, btext: bytes):
        """A segment's ids and weights of a term, from the cache shared across commits (a
        segment's postings never change; its deletions are applied afterwards)."""
        shared = self.shared
        segment = seg.segment() if hasattr(seg, "segment") else None
        key = (segment.segment_id(), field, btext) if segment is not None else None
        if shared is not None and key is not None:
            hit = shared.get(key)
            if hit is not None:
                return hit
        ids, weights, _ = self._segment_postings(seg, field, btext, False)
        if shared is not None and key is not None:
            ids, weights = ids.astype(np.int32), weights.astype(np.float32)
            shared.put(key, (ids, weights), ids.nbytes + weights.nbytes + 64)
        return ids, weights

    @staticmethod
    def _segment_postings(seg, field: str, btext: bytes, positions: bool):
        terms = getattr(seg, "_terms", None)
        info = terms.term_info(field, btext) if terms is not None else None
        postfile = getattr(terms, "_postfile", None)
        if (
            info is not None
            and postfile is not None
            and hasattr(info, "is_inlined")
            and not info.is_inlined()
        ):
            try:
                offset, length = info.extent()
                if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it unpacked
                    length = length[0]
                return read_blocks(postfile, offset, length, positions)
            except CodecError:
                pass  # Whoosh's own matcher reads the same postings below
        # Anything else (inlined postings, another codec): the matcher API, slower but general.
        m = terms.matcher(field, btext, seg.schema[field].format) if terms else None
        if m is None:
            raise CodecError("no matcher")
        ids, ws, vals = [], [], []
        while m.is_active():
            ids.append(m.id())
            ws.append(m.weight())
            if positions:
                vals.append(m.value())
            m.next()
        return np.array(ids, dtype=np.int64), np.array(ws, dtype=np.float64), vals

    # -- per-document arrays -----------------------------------------------------------------

    def lengths(self, field: str):
        """Each document's byte-quantised length of ``field`` (as BM25F reads it)."""
        arr = self._lengths.get(field)
        if arr is not None:
            return arr
        out = np.ones(self.n, dtype=np.float64)
        for seg, offset in self.leaves:
            count = seg.doc_count_all()
            raw = None
            perdoc = getattr(seg, "_perdoc", None)
            col = None
            if perdoc is not None and hasattr(perdoc, "_cached_reader"):
                col = perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
            if col is None:
                continue  # no length column: Whoosh's default is 1
            dbfile = getattr(col, "_dbfile", None)
            if dbfile is not None and getattr(col, "_typecode", None) == "B":
                n = min(col._count, count)
                raw = np.zeros(count, dtype=np.uint8)
                raw[:n] = np.frombuffer(dbfile.get(col._basepos, n), dtype=np.uint8)
                out[offset : offset + count] = _LENGTH_TABLE[raw]
            else:
                dfl = seg.doc_field_length
                out[offset : offset + count] = [dfl(i, field, 1) or 0 for i in range(count)]
        self._lengths[field] = out
        return out

    def column(self, name: str, builder) -> Any:
        arr = self._arrays.get(name)
        if arr is None:
            arr = builder()
            self._arrays[name] = arr
        return arr

    # -- scoring -----------------------------------------------------------------------------

    def term(self, field: str, text: str, weighting, scored: bool = True) -> Result:
        p = self.postings(field, text)
        return Result(p.docs, self._score(field, text, p, weighting) if scored else None)

    def _score(self, field: str, text: str, p: _Postings, weighting, docs_idx=None):
        weights = (p.weights if docs_idx is None else p.weights[docs_idx]).astype(np.float64)
        if not len(weights):
            return _EMPTY_F
        fieldobj = self.schema[field]
        if not fieldobj.scorable:
            return weights.copy()  # WeightScorer: the posting's weight
        B = weighting._field_B.get(field, weighting.B)
        K1 = weighting.K1
        stats = self._stats.get((field, text))
        if stats is None:
            searcher = self.searcher
            stats = (searcher.idf(field, text), searcher.avg_field_length(field) or 1)
            self._stats[(field, text)] = stats
        idf, avgfl = stats
        docs = p.docs if docs_idx is None else p.docs[docs_idx]
        fl = self.lengths(field)[docs]
        # whoosh.scoring.bm25, operation for operation (so scores agree to the last bit)
        return idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))

    def positions(self, field: str, text: str, cand) -> tuple[Any, Any]:
        """Positions of ``text`` in each of the documents ``cand`` (sorted, all holding it):
        (starts, flat), flat[starts[k]:starts[k+1]] for cand[k]. From the term's cached
        positions if they are decoded; else only the blocks holding a candidate are read,
        unless that is most of them (then the whole list is decoded and cached)."""
        full = self._cache.get((field, text, True))
        if full is None:
            try:
                got = self._selected_positions(field, text, cand)
            except CodecError:
                got = None  # the same positions, decoded from the whole list below
            if got is not None:
                return got
            full = self.postings(field, text, positions=True)
        idx = np.searchsorted(full.docs, cand)
        starts = full.pos_starts[idx]
        counts = full.pos_starts[idx + 1] - starts
        out_starts = np.zeros(len(cand) + 1, dtype=np.int64)
        np.cumsum(counts, out=out_starts[1:])
        gather = np.arange(int(out_starts[-1]), dtype=np.int64)
        gather += np.repeat(starts - out_starts[:-1], counts)
        return out_starts, full.pos_flat[gather]

    def _selected_positions(self, field: str, text: str, cand):
        fieldobj = self.schema[field]
        btext = fieldobj.to_bytes(text)
        values: list[bytes] = []
        mapped: list[tuple[Any, Any]] = []
        for seg, offset in self.leaves:
            count = seg.doc_count_all()
            lo, hi = np.searchsorted(cand, [offset, offset + count])
            if lo == hi or (field, btext) not in seg:
                continue
            side = sidecar.open_field(seg, field)
            found = side.find(btext) if side is not None else None
            if found is not None:
                got = _sidecar_selected(side, found, cand[lo:hi] - offset)
                if got is None:
                    return None
                mapped.append(got)
                continue
            terms = getattr(seg, "_terms", None)
            info = terms.term_info(field, btext) if terms is not None else None
            postfile = getattr(terms, "_postfile", None)
            if info is None or postfile is None or info.is_inlined():
                return None
            off, length = info.extent()
            if isinstance(length, tuple):
                length = length[0]
            local = cand[lo:hi] - offset
            got = read_selected_values(postfile, off, length, local, SELECT_MAX_SHARE)
            if got is None:
                return None
            ids, vals = got
            if not np.array_equal(ids, local):
                raise CodecError("selected postings do not match the candidates")
            values.extend(vals)
        if values and mapped:  # some segments without a sidecar: rare, decode them all
            return None
        if mapped:
            starts, flat = _join_positions(mapped)
            if len(starts) != len(cand) + 1:
                raise CodecError("selected postings do not match the candidates")
            return starts, flat
        if len(values) != len(cand):
            raise CodecError("selected postings do not match the candidates")
        return decode_positions(values)

    def phrase(self, field: str, words: list[str], weighting, scored: bool = True) -> Result:
        if not self.schema[field].format.supports("positions"):
            raise Unsupported(f"{field} has no positions")
        ps = [self.postings(field, w) for w in words]
        if any(not len(p.docs) for p in ps):
            return Result(_EMPTY_I, _EMPTY_F if scored else None)
        cand = ps[0].docs
        for p in ps[1:]:
            cand = cand[member(cand, p.docs)]
            if not len(cand):
                return Result(_EMPTY_I, _EMPTY_F if scored else None)
        # Candidate k's positions of word i, as keys k * STRIDE + position; a match is a key of
        # word 0 whose key + i is among word i's keys, for every i.
        stride = np.int64(1 << 32)
        ok = None
        keys0 = None
        for i, w in enumerate(words):
            starts, flat = self.positions(field, w, cand)
            counts = np.diff(starts)
            which = np.repeat(np.arange(len(cand), dtype=np.int64), counts)
            keys = which * stride + flat.astype(np.int64)
            if i == 0:
                keys0 = keys
                ok = np.ones(len(keys0), dtype=bool)
            else:
                # keys are sorted (candidates in order, positions ascending in each)
                ok &= member(keys0 + i, keys)
        hits = keys0[ok] // stride  # sorted candidate indices, repeated per occurrence
        matched = hits[np.concatenate(([True], hits[1:] != hits[:-1]))] if len(hits) else hits
        docs = cand[matched]
        if not scored:
            return Result(docs, None)
        total = None
        for w, p in zip(words, ps, strict=True):
            idx = np.searchsorted(p.docs, docs)
            s = self._score(field, w, p, weighting, idx)
            total = s if total is None else total + s
        return Result(docs, total)

    # -- combining ---------------------------------------------------------------------------

    def everything(self, scored: bool = True) -> Result:
        docs = self.live_docs
        return Result(docs, np.ones(len(docs)) if scored else None)

    def mask_result(self, mask, scored: bool = True) -> Result:
        docs = np.flatnonzero(mask & self.live)
        return Result(docs, np.ones(len(docs)) if scored else None)


def intersect(results: list[Result], scored: bool) -> Result:
    by_size = sorted(results, key=lambda r: len(r.docs))
    docs = by_size[0].docs
    for r in by_size[1:]:
        docs = docs[member(docs, r.docs)]
    if not scored:
        return Result(docs, None)
    total = np.zeros(len(docs))
    for r in results:  # in the query's order: Whoosh adds the children's scores
        total += r.scores[np.searchsorted(r.docs, docs)]
    return Result(docs, total)


def union(results: list[Result], scored: bool, n: int) -> Result:
    results = [r for r in results if len(r.docs)]
    if not results:
        return Result(_EMPTY_I, _EMPTY_F if scored else None)
    if len(results) == 1:
        return results[0]
    all_docs = np.concatenate([r.docs for r in results])
    present = np.zeros(n, dtype=bool)
    present[all_docs] = True
    docs = np.flatnonzero(present)
    if not scored:
        return Result(docs, None)
    total = np.bincount(all_docs, weights=np.concatenate([r.scores for r in results]), minlength=n)
    return Result(docs, total[docs])


def difference(base: Result, minus: Result) -> Result:
    if not len(minus.docs) or not len(base.docs):
        return base
    keep = ~member(base.docs, minus.docs)
    return Result(base.docs[keep], None if base.scores is None else base.scores[keep])


def _boosted(result: Result, boost: float) -> Result:
    """A term's or phrase's scores times its boost (Whoosh wraps its matcher to do the same:
    an added spelling, search/expand.py, weighs less than the typed one)."""
    if boost == 1.0 or result.scores is None:
        return result
    return Result(result.docs, result.scores * boost)


class Evaluator:
    """Evaluates a compiled Whoosh query (the tree ``WhooshIndex.compile`` builds) with numpy."""

    def __init__(self, view: FastView, weighting) -> None:
        self.view = view
        self.weighting = weighting

    def run(self, query, scored: bool = True) -> Result:
        v = self.view
        if isinstance(query, wq.Term):
            r = v.term(query.fieldname, query.text, self.weighting, scored)
            return _boosted(r, query.boost)
        if isinstance(query, wq.Phrase):
            if query.slop != 1:
                raise Unsupported("phrase with slop")
            r = v.phrase(query.fieldname, list(query.words), self.weighting, scored)
            return _boosted(r, query.boost)
        if query is wq.NullQuery or isinstance(query, wq.NullQuery.__class__):
            return Result(_EMPTY_I, _EMPTY_F if scored else None)
        if isinstance(query, wq.Every):
            if query.fieldname not in (None, "", "*"):
                raise Unsupported("Every(field)")
            return v.everything(scored)
        if getattr(query, "boost", 1.0) != 1.0:
            raise Unsupported("boosted query")
        if isinstance(query, wq.And):
            return intersect([self.run(c, scored) for c in query.subqueries], scored)
        if type(query) is wq.Or:
            if query.scale or query.minmatch:
                raise Unsupported("Or with scale/minmatch")
            return union([self.run(c, scored) for c in query.subqueries], scored, v.n)
        if isinstance(query, wq.AndNot):
            return difference(self.run(query.a, scored), self.run(query.b, False))
        if isinstance(query, wq.Not):
            inner = self.run(query.query, False)
            mask = self.view.live.copy()
            mask[inner.docs] = False
            return v.mask_result(mask, scored)
        if isinstance(query, wq.DateRange):
            return self._date_range(query, scored)
        raise Unsupported(type(query).__name__)

    def _date_range(self, query, scored: bool) -> Result:
        if query.fieldname != "date" or query.startexcl or query.endexcl:
            raise Unsupported("date range form")
        if not query.constantscore:
            raise Unsupported("scored date range")
        days = self.view.column("\x00day-ordinals", self._day_ordinals)
        mask = days != _NO_DAY
        lo = query.startdate
        hi = query.enddate
        if lo is not None:
            mask &= days >= lo.date().toordinal() + (0 if _is_midnight(lo) else 1)
        if hi is not None:
            mask &= days <= hi.date().toordinal()
        return self.view.mask_result(mask, scored)

    def _day_ordinals(self):
        raw = Column(self.view.reader, "day", "").to_list()
        return day_ordinals(raw)


_NO_DAY = np.int64(-(2**62))


def _is_midnight(d) -> bool:
    return d.hour == d.minute == d.second == d.microsecond == 0


def day_ordinals(values: list) -> Any:
    """``YYYY-MM-DD`` strings (or empty) as day ordinals; ``_NO_DAY`` for none."""
    import datetime as dt

    out = np.full(len(values), _NO_DAY, dtype=np.int64)
    memo: dict[Any, int] = {}
    for i, v in enumerate(values):
        if not v:
            continue
        o = memo.get(v)
        if o is None:
            if isinstance(v, bytes):
                v = v.decode("utf-8")
            try:
                o = dt.date.fromisoformat(v).toordinal()
            except ValueError:
                o = int(_NO_DAY)
            memo[v] = o
        out[i] = o
    return out


def top(docs, scores, k: int):
    """Indices of the ``k`` best (score descending, docnum ascending), in rank order."""
    n = len(docs)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        threshold = np.partition(scores, n - k)[n - k]
        cand = np.flatnonzero(scores >= threshold)
    else:
        cand = np.arange(n)
    order = np.lexsort((docs[cand], -scores[cand]))
    return cand[order[:k]]


def top_by_day(docs, days, k: int):
    """Indices of the ``k`` newest (day descending, undated last, docnum ascending)."""
    if len(docs) == 0:
        return np.zeros(0, dtype=np.int64)
    d = days[docs]
    order = np.lexsort((docs, -d))
    return order[:k]


def counts(codes, names: list[str], docs) -> dict[str, int]:
    """Facet counts: how many of ``docs`` have each code (names[code]); empty names dropped."""
    if not len(docs):
        return {}
    c = np.bincount(codes[docs], minlength=len(names))
    out = {names[i]: int(c[i]) for i in np.flatnonzero(c) if names[i] not in ("", None)}
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def codes_for(values: list) -> tuple[Any, list]:
    """Per-document codes of a keyword column and the names they stand for."""
    table: dict[Any, int] = {}
    codes = np.fromiter(
        (table.setdefault(v, len(table)) for v in values), dtype=np.int32, count=len(values)
    )
    return codes, list(table)


class EntityLists:
    """Documents' entity names (the ``entity_col`` column, names joined by U+001F) as codes
    into ``names``. A segment with an entity sidecar gives its documents' codes by gathering
    (mapped to this view's codes); any other segment's are decoded on first use and kept for
    the commit (decoding all 50k articles' 2.3M names up front took over a second; a facet
    needs at most 4,000 of them): its column is read in one piece, and the documents a facet
    needs are decoded together (one join, one decode, one split, a C-level map) into one
    growing code buffer (CSR by document)."""

    def __init__(self, reader, field: str = "entity_col") -> None:
        self.table: dict[str, int] = {}
        self.names: list[str] = []
        n = reader.doc_count_all()
        self._start = np.zeros(n, dtype=np.int64)
        self._len = np.full(n, -1, dtype=np.int64)  # -1: not decoded yet
        self._codes = np.zeros(1024, dtype=np.int32)
        self._used = 0
        # (first docnum, doc count, raw getter or None, sidecar and its codes' map or None)
        self._parts: list[tuple[int, int, Any, Any]] = []
        for seg, offset in reader.leaf_readers():
            count = seg.doc_count_all()
            side = sidecar.open_entities(seg) if field == sidecar.ENTITY_COLUMN else None
            if side is not None and len(side.starts) == count + 1:
                to_view = np.fromiter(
                    map(self._code, side.names), dtype=np.int32, count=len(side.names)
                )
                self._parts.append((offset, count, None, (side, to_view)))
                continue
            col = seg.column_reader(field, translate=False) if seg.has_column(field) else None
            self._parts.append((offset, count, sidecar.raw_getter(col), None))

    def totals(self, live) -> Any:
        """How many of the documents ``live`` (sorted docnums; None: every document, deleted
        ones too) name each entity, by this view's codes; None when a segment has no entity
        sidecar (its names would have to be decoded one document at a time)."""
        out = np.zeros(len(self.names), dtype=np.int64)
        for offset, count, _get, side in self._parts:
            if side is None:
                return None
            entities, to_view = side
            if live is None:
                codes = entities.codes
            else:
                lo, hi = np.searchsorted(live, [offset, offset + count])
                codes = entities.sequence(live[lo:hi] - offset)
            per_name = np.bincount(codes, minlength=len(entities.names))
            out += np.bincount(to_view, weights=per_name, minlength=len(out)).astype(np.int64)
        return out

    def _code(self, name: str) -> int:
        code = self.table.get(name)
        if code is None:
            code = self.table[name] = len(self.names)
            self.names.append(name)
        return code

    def _raws(self, docs) -> list[bytes]:
        out: list[bytes] = []
        for offset, count, get, _side in self._parts:
            lo, hi = np.searchsorted(docs, [offset, offset + count])
            if lo < hi:
                out.extend(get(d - offset) or b"" for d in docs[lo:hi].tolist())
        return out

    def _decode(self, docs) -> None:
        """Decode ``docs`` (sorted, none decoded yet, none in a sidecar segment) and append
        their codes."""
        raws = self._raws(docs)
        counts = np.fromiter(
            (raw.count(b"\x1f") + 1 if raw else 0 for raw in raws), dtype=np.int64, count=len(raws)
        )
        total = int(counts.sum())
        names = b"\x1f".join(r for r in raws if r).decode("utf-8").split("\x1f") if total else []
        table = self.table
        try:
            codes = np.fromiter(map(table.__getitem__, names), dtype=np.int32, count=total)
        except KeyError:
            codes = np.fromiter(map(self._code, names), dtype=np.int32, count=total)
        if self._used + total > len(self._codes):
            grown = np.zeros(max(2 * len(self._codes), self._used + total), dtype=np.int32)
            grown[: self._used] = self._codes[: self._used]
            self._codes = grown
        self._codes[self._used : self._used + total] = codes
        starts = self._used + np.cumsum(counts) - counts
        self._start[docs] = starts
        self._len[docs] = counts
        self._used += total

    def _decoded_sequence(self, docs) -> Any:
        missing = docs[self._len[docs] < 0]
        if len(missing):
            self._decode(missing)
        lo = self._start[docs]
        counts = self._len[docs]
        gather = np.arange(int(counts.sum()), dtype=np.int64)
        gather += np.repeat(lo - (np.cumsum(counts) - counts), counts)
        return self._codes[gather]

    def sequence(self, docs) -> Any:
        """The codes of ``docs``' names (sorted docnums), document after document, each in
        column order."""
        pieces = []
        for offset, count, _get, side in self._parts:
            lo, hi = np.searchsorted(docs, [offset, offset + count])
            if lo == hi:
                continue
            part = docs[lo:hi]
            if side is None:
                pieces.append(self._decoded_sequence(part))
            else:
                entities, to_view = side
                pieces.append(to_view[entities.sequence(part - offset)])
        if not pieces:
            return np.zeros(0, dtype=np.int32)
        return pieces[0] if len(pieces) == 1 else np.concatenate(pieces)


def _contenders(codes, counts, size: int) -> tuple[Any, Any]:
    """The codes (and counts) that can be among the best ``size``: those counts and their ties."""
    if len(codes) <= size:
        return codes, counts
    threshold = np.partition(counts, len(counts) - size)[len(counts) - size]
    keep = counts >= threshold
    return codes[keep], counts[keep]


def top_names(names: list[str], tally, size: int) -> dict[str, int]:
    """The ``size`` most frequent names of ``tally`` (counts by code), ties in name order
    (as ``Counter.most_common`` over names inserted in sorted order gives them)."""
    present = np.flatnonzero(tally)
    present, counts = _contenders(present, tally[present], size)
    best = sorted(
        zip(present.tolist(), counts.tolist(), strict=True), key=lambda cv: (-cv[1], names[cv[0]])
    )
    return {names[c]: v for c, v in best[:size] if names[c]}


def entity_facet(lists: EntityLists, docs, max_docs: int, size: int) -> dict[str, int]:
    """``WhooshIndex._entity_facet``'s filtered branch, vectorised, with the same result: beyond
    ``max_docs`` documents an even sample is counted and scaled; ties keep first-seen order
    (``Counter.most_common``)."""
    n = len(docs)
    scale = 1.0
    if n > max_docs:
        step = n / max_docs
        scale = step
        docs = docs[(np.arange(max_docs, dtype=np.float64) * step).astype(np.int64)]
    seq = lists.sequence(docs)
    total = len(seq)
    if not total:
        return {}
    names = lists.names
    tally = np.bincount(seq, minlength=len(names))
    present = np.flatnonzero(tally)
    tally = tally[present]
    if scale != 1.0:
        # max(1, round(v * scale)): the same float product, rounded half to even like round()
        tally = np.maximum(1, np.rint(tally * scale)).astype(np.int64)
    present, tally = _contenders(present, tally, size)
    # Counter.most_common keeps first-seen order among equal counts.
    first = np.full(len(names), total, dtype=np.int64)
    wanted = np.zeros(len(names), dtype=bool)
    wanted[present] = True
    at = np.flatnonzero(wanted[seq])
    np.minimum.at(first, seq[at], at)
    order = np.lexsort((first[present], -tally))[:size]
    return {
        names[c]: v for c, v in zip(present[order].tolist(), tally[order].tolist(), strict=True)
    }
