"""A term's document frequency and idf over the whole index, wherever its postings live.

The body field's postings are kept only in the sidecar (``schema.sidecar_only``): Whoosh's
term tables do not hold its terms, so ``reader.doc_frequency`` and ``searcher.idf`` would say
0 and a wrong idf. Here the frequency is summed over the segments' sidecars (deleted documents
counted, as Whoosh's term statistics count them until a merge), and the idf is Whoosh's own
formula (``whoosh.scoring.WeightingModel.idf`` of whoosh-reloaded 2.7.5), so the scores agree
with the oracle's to the last bit.
"""

from __future__ import annotations

from math import log

from idlibtui.search import sidecar
from idlibtui.search.codec import CodecError
from idlibtui.search.schema import sidecar_only


def doc_frequency(reader, field: str, text: str) -> int:
    """How many documents (deleted ones too, until a merge) hold ``text`` in ``field``."""
    schema = reader.schema
    if field not in schema or not sidecar_only(schema[field]):
        return reader.doc_frequency(field, text)
    btext = schema[field].to_bytes(text)
    total = 0
    for seg, _offset in reader.leaf_readers():
        side = sidecar.open_field(seg, field)
        if side is None:
            if seg.doc_count_all() == 0:
                continue
            raise CodecError(f"a segment has no sidecar for {field!r} (its only copy)")
        found = side.find(btext)
        if found is not None:
            total += side.doc_frequency(found)
    return total


def idf(searcher, field: str, text: str) -> float:
    """The idf BM25F scores ``text`` with (Whoosh's formula over ``doc_frequency``)."""
    schema = searcher.schema
    if field not in schema or not sidecar_only(schema[field]):
        return searcher.idf(field, text)
    parent = searcher.get_parent()
    reader = parent.reader()
    n = doc_frequency(reader, field, text)
    return log(parent.doc_count_all() / (n + 1)) + 1
