"""The fast path's reading layer: one commit's postings as numpy arrays of global docnums.

Whoosh scores each matching document in Python (10-15 µs a hit), so a word that occurs in most
of 50k articles cost ~0.6 s. Here a term's posting list is decoded once into numpy arrays of
global document numbers and term weights (cached per commit); search/matching.py evaluates the
query over them, search/scoring.py scores them (BM25F as Whoosh does), search/collecting.py
ranks and counts.

Reading: the title and body fields' postings (ids, and positions from which the weights
follow) come from each segment's numpy sidecar (search/sidecar.py), mapped into memory and
read with numpy; a phrase reads only the blocks of positions holding its candidates.
A segment without a sidecar is decoded from Whoosh's W3 blocks (search/codec.py): a term's ids
and weights are unpickled without the block's values, and a phrase reads positions only from
the blocks that hold a candidate. Per-segment ids and weights are also kept across commits, so
an incremental update decodes only its new segments. Depends on whoosh-reloaded 2.7.5's reader
internals (``_terms``, ``_perdoc``, the length column's layout).

Postings not in the layout the codec reads raise ``codec.CodecError`` (the caller reports it:
a different reader's answer is not quietly given instead). numpy is imported here and by the
sidecar code, and only when a search runs or a segment is written (start-up stays light).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from idlibtui.search import sidecar, term_stats
from idlibtui.search.codec import (
    CodecError,
    decode_positions,
    read_blocks,
    read_selected_values,
)
from idlibtui.search.schema import sidecar_only

CACHE_BYTES = 128 * 1024 * 1024  # decoded posting lists kept per commit
SEGMENT_CACHE_BYTES = 48 * 1024 * 1024  # per-segment ids and weights, kept across commits
#: A phrase reads only its candidates' positions, unless they are more than this share of the
#: word's postings (then it decodes and caches the whole list). From Whoosh's blocks, or when
#: that share is not known, the share is of the blocks that hold a candidate (a block is read
#: whole there).
SELECT_MAX_SHARE = 0.5

_LENGTH_TABLE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Unsupported(Exception):
    """A query shape the fast path deliberately does not evaluate."""


class Postings:
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
    if side is None or found is None:
        return None
    ids, counts, starts, flat = side.postings(found, positions)
    weights = counts.astype(np.float64) * side.boost
    if not positions:
        return ids, weights, None, None
    return ids, weights, starts, flat.astype(np.int32, copy=False)


def _required_sidecar(seg, field: str):
    """The sidecar of a field whose only copy it is; a segment without it is an error (said
    with the fix), never an empty answer."""
    side = sidecar.open_field(seg, field)
    if side is None and seg.doc_count_all():
        raise CodecError(
            f"a segment has no readable sidecar for {field!r}, the only copy of its postings"
        )
    return side


def _side_and_term(seg, fieldobj, field: str, btext: bytes):
    """(sidecar, term index) of a segment; either may be None (then Whoosh's blocks hold the
    term), except for a sidecar-only field (an error: the term must be there)."""
    if sidecar_only(fieldobj):
        side = _required_sidecar(seg, field)
        found = side.find(btext) if side is not None else None
        if side is None or found is None:
            raise CodecError("selected postings do not match the candidates")
        return side, found
    side = sidecar.open_field(seg, field)
    return side, (side.find(btext) if side is not None else None)


def _sidecar_selected(side, found: int, local, share: float) -> tuple[Any, Any] | None:
    """(starts, flat) of the postings of term ``found`` for segment docnums ``local``
    (sorted, all holding the term); None when they are in more than ``share`` of its blocks."""
    got = side.selected(found, local, share)
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
            ids = {s.segment_id() for _, s in segments if s is not None}
            sidecar.forget_except(folders.pop(), ids)
        self._cache: OrderedDict[tuple, Postings] = OrderedDict()
        self._cache_bytes = 0
        self._lengths: dict[str, Any] = {}
        self._stats: dict[tuple[str, str], tuple[float, float]] = {}
        self._arrays: dict[str, Any] = {}
        self._lock = threading.RLock()

    # -- postings ----------------------------------------------------------------------------

    def postings(self, field: str, text: str, positions: bool = False) -> Postings:
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

    def _decode(self, field: str, text: str, positions: bool) -> Postings:
        if field not in self.schema:
            return Postings(_EMPTY_I, _EMPTY_F)
        fieldobj = self.schema[field]
        try:
            btext = fieldobj.to_bytes(text)
        except ValueError:
            return Postings(_EMPTY_I, _EMPTY_F)
        if positions and not fieldobj.format.supports("positions"):
            raise Unsupported(f"{field} has no positions")
        docs_parts, w_parts, pos_parts = [], [], []
        only_side = sidecar_only(fieldobj)
        for seg, offset in self.leaves:
            got = self._read_segment(seg, field, btext, positions, only_side)
            if got is None:
                continue  # the segment does not hold the term
            ids, weights, starts, flat = got
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
            return Postings(_EMPTY_I, _EMPTY_F)
        docs = np.concatenate(docs_parts)
        weights = np.concatenate(w_parts)
        if positions:
            starts, flat = _join_positions(pos_parts)
            return Postings(docs, weights, starts, flat)
        return Postings(docs, weights)

    def _read_segment(self, seg, field: str, btext: bytes, positions: bool, only_side: bool):
        """(ids, weights, starts, flat) of a term in one segment (starts and flat None without
        ``positions``), from its sidecar, else Whoosh's blocks; None when it does not hold it."""
        if only_side:
            _required_sidecar(seg, field)
        elif (field, btext) not in seg:
            return None
        side = _sidecar_postings(seg, field, btext, positions)
        if side is not None or only_side:
            return side
        if positions:
            ids, weights, vals = self._segment_postings(seg, field, btext, True)
            starts, flat = decode_positions(vals)
            return ids, weights, starts, flat
        ids, weights = self._segment_ids(seg, field, btext)
        return ids, weights, None, None

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

    def stats(self, field: str, text: str) -> tuple[float, float]:
        """(idf, average field length) of a term, as the searcher gives them (cached)."""
        stats = self._stats.get((field, text))
        if stats is None:
            searcher = self.searcher
            stats = (term_stats.idf(searcher, field, text), searcher.avg_field_length(field) or 1)
            self._stats[(field, text)] = stats
        return stats

    def positions(self, field: str, text: str, cand) -> tuple[Any, Any]:
        """Positions of ``text`` in each of the documents ``cand`` (sorted, all holding it):
        (starts, flat), flat[starts[k]:starts[k+1]] for cand[k]. From the term's cached
        positions if they are decoded; else only the candidates' positions are read (see
        ``SELECT_MAX_SHARE``), unless they are most of them (then the whole list is decoded
        and cached)."""
        full = self._cache.get((field, text, True))
        plain = self._cache.get((field, text, False))
        block_share = SELECT_MAX_SHARE
        if full is None and plain is not None:
            if len(cand) > SELECT_MAX_SHARE * len(plain.docs):
                full = self.postings(field, text, positions=True)  # most: decode them all
            block_share = 1.0  # a sidecar reads only the candidates' positions, and counts
        if full is None:
            try:
                got = self._selected_positions(field, text, cand, block_share)
            except CodecError:
                got = None  # the same positions, decoded from the whole list below
            if got is not None:
                return got
            full = self.postings(field, text, positions=True)
        if full.pos_starts is None or full.pos_flat is None:
            raise CodecError("positions were not decoded")
        if len(cand) == len(full.docs):  # every posting is a candidate (cand ⊆ docs)
            return full.pos_starts, full.pos_flat
        idx = np.searchsorted(full.docs, cand)
        starts = full.pos_starts[idx]
        counts = full.pos_starts[idx + 1] - starts
        out_starts = np.zeros(len(cand) + 1, dtype=np.int64)
        np.cumsum(counts, out=out_starts[1:])
        gather = np.arange(int(out_starts[-1]), dtype=np.int64)
        gather += np.repeat(starts - out_starts[:-1], counts)
        return out_starts, full.pos_flat[gather]

    def _selected_positions(self, field: str, text: str, cand, block_share: float = 1.0):
        fieldobj = self.schema[field]
        btext = fieldobj.to_bytes(text)
        values: list[bytes] = []
        mapped: list[tuple[Any, Any]] = []
        for seg, offset in self.leaves:
            count = seg.doc_count_all()
            lo, hi = np.searchsorted(cand, [offset, offset + count])
            if lo == hi:
                continue
            if not sidecar_only(fieldobj) and (field, btext) not in seg:
                continue
            side, found = _side_and_term(seg, fieldobj, field, btext)
            if side is not None and found is not None:
                got = _sidecar_selected(side, found, cand[lo:hi] - offset, block_share)
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
