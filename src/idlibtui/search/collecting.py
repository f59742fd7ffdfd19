"""Collecting a matched set: the best k by score or by day, keyword facet counts, and the
entity facet (names per document as integer codes, from the entity sidecar or the column).

Depends on numpy and on search/sidecar.py's entity codes; nothing of Whoosh's beyond the
reader's ``leaf_readers``/``column_reader`` API. Ranking ties break as Whoosh's collectors do
(score descending, then document number ascending), so results agree with the oracle.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from idlibtui.search import sidecar


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
