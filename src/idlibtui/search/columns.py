"""Per-document columns over all of an index's segments (Whoosh's column API).

Depends on whoosh-reloaded 2.7.5's reader API (``leaf_readers``, ``has_column``,
``column_reader(field, translate=True)``), not on its files. Used by the backend (stored text,
facet values) and the fast path (day ordinals).
"""

from __future__ import annotations

import bisect
from typing import Any


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
