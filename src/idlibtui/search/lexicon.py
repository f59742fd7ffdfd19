"""A field's terms and their document frequencies, read in one pass per segment.

Whoosh's ``iter_field``/``iter_prefix`` look every term up again in the term table, and over
several segments (a large build commits four) merge each term's statistics through every
segment's table: the unfiltered entity facet took 0.8 s at 10k articles in four segments and
0.1 s in one. Reading each segment's term table in order (``items_from``) and merging the sorted
streams gives the same terms and frequencies without a lookup per term.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from whoosh.codec.whoosh3 import W3TermsReader


def field_terms(reader, field: str, prefix: bytes = b"") -> Iterator[tuple[bytes, int]]:
    """``(term, document frequency)`` of ``field``'s terms that start with ``prefix``, in term
    order, summed over the reader's segments (deleted documents count, as in Whoosh)."""
    streams = []
    for leaf, _offset in reader.leaf_readers():
        terms = getattr(leaf, "_terms", None)
        if type(terms) is not W3TermsReader:  # another codec: Whoosh's own iteration
            yield from _whoosh_terms(reader, field, prefix)
            return
        streams.append(_segment_terms(terms, field, prefix))
    if len(streams) == 1:
        yield from streams[0]
        return
    for term, group in groupby(heapq.merge(*streams, key=itemgetter(0)), key=itemgetter(0)):
        yield term, sum(freq for _term, freq in group)


def _segment_terms(terms: W3TermsReader, field: str, prefix: bytes) -> Iterator[tuple[bytes, int]]:
    if field not in terms.indexed_field_names():
        return
    for (name, btext), info in terms.items_from(field, prefix):
        if name != field or not btext.startswith(prefix):
            return
        yield btext, info.doc_frequency()


def _whoosh_terms(reader, field: str, prefix: bytes) -> Iterator[tuple[bytes, int]]:
    for term, info in reader.iter_prefix(field, prefix):
        yield (term.encode("utf-8") if isinstance(term, str) else term), info.doc_frequency()
