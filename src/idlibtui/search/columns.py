"""Per-document columns over all of an index's segments (Whoosh's column API).

Depends on whoosh-reloaded 2.7.5's reader API (``leaf_readers``, ``has_column``,
``column_reader(field, translate=True)``), and for a block-compressed column on its reader's
block list (``CompressedBlockColumn.Reader._blocks``, ``_get_block``). Used by the backend
(stored text, facet values) and the fast path (day ordinals).
"""

from __future__ import annotations

import bisect
import threading
from typing import Any

from whoosh import columns


class Column:
    """A column over all segments, by global docnum.

    ``MultiReader.column_reader`` skips segments that lack the column (a segment where no
    document had a date has no ``day`` column) and then misaligns document numbers; this
    does not.
    """

    def __init__(self, reader, field: str, default: Any) -> None:
        self.parts: list[tuple[int, Any]] = []
        self.default = default
        for seg, offset in reader.leaf_readers():
            col = seg.column_reader(field, translate=True) if seg.has_column(field) else None
            inner = getattr(col, "_reader", None)
            if isinstance(inner, columns.CompressedBlockColumn.Reader):
                col = Blocks(inner, seg.doc_count_all())  # values are bytes: no translation
            self.parts.append((offset, col))
        self.offsets = [o for o, _ in self.parts]
        self.counts = [seg.doc_count_all() for seg, _ in reader.leaf_readers()]

    def __getitem__(self, docnum: int) -> Any:
        i = max(0, bisect.bisect_right(self.offsets, docnum) - 1)
        offset, col = self.parts[i]
        return self.default if col is None else col[docnum - offset]

    def to_list(self) -> list[Any]:
        out: list[Any] = []
        for (_, col), n in zip(self.parts, self.counts, strict=True):
            out.extend(list(col) if col is not None else [self.default] * n)
        return out


class Blocks:
    """A block-compressed column (``CompressedBlockColumn``) read by document: the block is
    found by a binary search (Whoosh's reader scans them all) and the last one decompressed is
    kept, so reading documents in order decompresses each block once."""

    def __init__(self, reader, count: int) -> None:
        self.reader = reader
        self.count = count
        self.firsts = [b[0] for b in reader._blocks]
        self.lasts = [b[1] for b in reader._blocks]
        self._last: tuple[int, dict[int, bytes]] = (-1, {})
        self._lock = threading.Lock()

    def __getitem__(self, docnum: int) -> bytes:
        i = bisect.bisect_right(self.firsts, docnum) - 1
        if i < 0 or docnum > self.lasts[i]:
            return b""
        with self._lock:
            hit = self._last
            if hit[0] != i:
                hit = (i, self.reader._get_block(i))
                self._last = hit
        return hit[1].get(docnum, b"")

    def __iter__(self):
        return (self[d] for d in range(self.count))
