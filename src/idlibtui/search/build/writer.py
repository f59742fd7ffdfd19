"""A Whoosh segment writer that files prepared documents and writes whole terms at a time.

``open_writer`` takes Whoosh's ``SegmentWriter`` and swaps in our pool (``terms.py``), a segment
flush that writes each term's postings a block at a time (and the fast path's sidecars,
``search/sidecar.py``), and a segment merge that decodes whole posting blocks. A field marked
``schema.sidecar_only`` (the body, in the app's index) goes to the sidecar alone, and a merge
takes it from the merged segments' sidecars. With the oracle schema (every posting in Whoosh's
files too) the files written are byte for byte those of Whoosh's own path (a test compares
them). Depends on Whoosh 2.7.5's
``whoosh3`` codec internals (``W3FieldWriter``, ``W3PostingsWriter``'s block buffers,
``W3LeafMatcher``'s block readers, ``W3TermsReader``): ``whoosh-reloaded`` is pinned to 2.7.5.
"""

from __future__ import annotations

import operator
import types
from array import array
from collections.abc import Callable

from whoosh import columns, writing
from whoosh.codec.whoosh3 import W3FieldWriter, W3LeafMatcher, W3TermsReader

from idlibtui.search.build.documents import PreparedDoc, precompressed
from idlibtui.search.build.terms import TermPool
from idlibtui.search.schema import sidecar_only
from idlibtui.search.sidecar import SidecarWriter, open_field, write_entities

WRITER_TIMEOUT = 10.0


def add_prepared(writer, doc: PreparedDoc) -> None:
    """``writer.add_document(**fields)`` for a prepared document (the same stored values,
    lengths, columns and postings)."""
    pool = writer.pool
    if not isinstance(pool, TermPool):
        raise TypeError("add_prepared needs a writer from open_writer")
    writer._check_state()
    perdoc = writer.perdocwriter
    schema = writer.schema
    docnum = writer.docnum
    stored, postings, cols, packed = doc.stored, doc.postings, doc.columns, doc.packed
    names = sorted(set(stored) | set(postings) | set(cols))
    writer._check_fields(schema, names)
    perdoc.start_doc(docnum)
    try:
        for name in names:
            fieldobj = schema[name]
            length = 0
            ready = postings.get(name)
            if ready is not None:
                length, terms, weights, vals = ready
                pool.add_document_postings(name, docnum, terms, weights, vals)
            perdoc.add_field(name, fieldobj, stored.get(name), length)
            if name in cols:
                column = fieldobj.column_type
                if name in packed:
                    if not perdoc._has_column(name):
                        perdoc._create_column(name, column)
                    colwriter = perdoc._get_column(name)
                    if not (precompressed(column) and type(colwriter) is _COMPRESSED_WRITER):
                        raise TypeError(f"column {name!r} was not compressed the expected way")
                    _VARBYTES_ADD(colwriter, docnum, cols[name])
                else:
                    perdoc.add_column_value(name, column, cols[name])
    except Exception:
        perdoc.cancel_doc()
        raise
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


_COMPRESSED_WRITER = columns.CompressedBytesColumn.Writer
_VARBYTES_ADD = columns.VarBytesColumn.Writer.add


def update_prepared(writer, doc: PreparedDoc) -> None:
    """``writer.update_document(**fields)`` for a prepared document."""
    unique = [name for name in sorted(doc.stored) if writer.schema[name].unique]
    if unique:
        with writer.searcher() as searcher:
            for docnum in searcher._find_unique([(name, doc.stored[name]) for name in unique]):
                writer.delete_document(docnum)
    add_prepared(writer, doc)


def _add_term_postings(postwriter, ids: array, weights: list, values: list, lengths) -> None:
    """``postwriter.add_posting`` for every posting of one term, a block at a time (the same
    blocks, statistics and bytes as one call per posting)."""
    limit = postwriter._blocklimit
    n = len(ids)
    i = 0
    while i < n:
        room = limit - len(postwriter._ids)
        if room <= 0:
            postwriter._write_block()
            continue
        j = min(n, i + room)
        chunk_ids = ids[i:j] if (i or j < n) else ids
        chunk_weights = weights[i:j] if (i or j < n) else weights
        postwriter._ids.extend(chunk_ids)
        postwriter._weights.extend(chunk_weights)
        top = max(chunk_weights)
        if top > postwriter._maxweight:
            postwriter._maxweight = top
        chunk_values = values[i:j] if (i or j < n) else values
        if all(chunk_values):
            postwriter._values.extend(chunk_values)
        else:
            postwriter._values.extend(v for v in chunk_values if v)
        if lengths is not None:
            found = list(map(lengths.__getitem__, chunk_ids))
            if 0 in found:
                found = [x for x in found if x]
            if found:
                low = min(found)
                if postwriter._minlength is None or low < postwriter._minlength:
                    postwriter._minlength = low
                high = max(found)
                if high > postwriter._maxlength:
                    postwriter._maxlength = high
        i = j


def _mini_ids(self) -> tuple:
    """``W3PostingsWriter._mini_ids`` (docnums delta-encoded) without a generator."""
    ids = self._ids
    if self._byteids:
        return tuple(ids)
    now = ids.tolist()
    return tuple(map(operator.sub, now, [0, *now[:-1]]))


def _mini_weights(self):
    """``W3PostingsWriter._mini_weights`` counting in C."""
    weights = self._weights
    n = len(weights)
    if weights.count(1.0) == n:
        return None
    if weights.count(weights[0]) == n:
        return weights[0]
    return tuple(weights)


def _speed_up(postwriter) -> None:
    postwriter._mini_ids = types.MethodType(_mini_ids, postwriter)
    postwriter._mini_weights = types.MethodType(_mini_weights, postwriter)


def _write_terms(
    fieldwriter, schema, lengths: _CachedLengths | None, terms, sidecar: SidecarWriter | None = None
) -> None:
    """``fieldwriter.add_postings`` for whole terms (from ``TermPool.iter_terms``); the
    positional fields' postings also go to ``sidecar``."""
    lastfn = None
    field_lengths = None
    only_side = {name for name in schema.names() if sidecar_only(schema[name])}
    if only_side and sidecar is None:
        raise ValueError(f"the postings of {sorted(only_side)} have nowhere to go")
    for fieldname, btext, ids, weights, values in terms:
        if sidecar is not None:
            sidecar.add(fieldname, btext, ids, values)
            if fieldname in only_side:
                continue  # the sidecar is their only copy
        if fieldname != lastfn:
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            _speed_up(fieldwriter._postwriter)
            lastfn = fieldname
            field_lengths = lengths.field_lengths(fieldname) if lengths is not None else None
        fieldwriter.start_term(btext)
        _add_term_postings(fieldwriter._postwriter, ids, weights, values, field_lengths)
        fieldwriter.finish_term()
    if lastfn is not None:
        fieldwriter.finish_field()


class _CachedLengths:
    """Field lengths of a new segment, read once per field.

    Whoosh asks for the length of every posting's field while writing the postings (for block
    statistics); each answer costs a column lookup, and for a field without lengths a file
    ``stat``. Answering from a list read once per scorable field gives the same numbers.
    """

    def __init__(self, perdoc, schema) -> None:
        self._perdoc = perdoc
        self._scorable = {name for name, fobj in schema.items() if fobj.scorable}
        self._lengths: dict[str, list[int]] = {}

    def field_lengths(self, fieldname: str) -> list[int] | None:
        """Every document's length of a scorable field (``None`` for a field without)."""
        if fieldname not in self._scorable:
            return None
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            dfl = self._perdoc.doc_field_length
            count = self._perdoc.doc_count_all()
            lengths = self._lengths[fieldname] = [dfl(i, fieldname, 0) for i in range(count)]
        return lengths

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self.field_lengths(fieldname)
        if lengths is None:
            return default
        return lengths[docnum] if docnum < len(lengths) else default


def _flush_segment(self) -> None:
    """``SegmentWriter._flush_segment`` with field lengths answered by ``_CachedLengths``."""
    self.perdocwriter.close()
    perdoc = self.per_document_reader() if self.codec.length_stats else None
    lengths = _CachedLengths(perdoc, self.schema) if perdoc is not None else None
    if isinstance(self.pool, TermPool) and type(self.fieldwriter) is W3FieldWriter:
        segment = getattr(self, "newsegment", None)
        sidecar = SidecarWriter(self.storage, segment, self.schema)
        try:
            _write_terms(self.fieldwriter, self.schema, lengths, self.pool.iter_terms(), sidecar)
            sidecar.finish()
        except BaseException:  # the segment itself failed (or the build was interrupted)
            sidecar.abort()
            raise
        if perdoc is not None:
            write_entities(self.storage, segment, perdoc, self.schema)
    else:
        if any(sidecar_only(self.schema[name]) for name in self.schema.names()):
            raise TypeError("an index with sidecar-only postings needs idlibtui's writer")
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
    self.fieldwriter.close()
    if perdoc is not None:
        perdoc.close()


def _term_blocks(matcher) -> tuple[list, list, list]:
    """A W3 posting list's ids, weights and values, decoded a block at a time by the matcher's
    own block readers (Whoosh's ``iter_postings`` steps through them one posting at a time)."""
    ids: list = []
    weights: list = []
    values: list = []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        values.extend(matcher._values)
        matcher._next_block()
    return ids, weights, values


def _add_postings_to_pool(self, reader, startdoc: int, docmap: dict | None) -> None:
    """``SegmentWriter.add_postings_to_pool`` (a segment merge) a whole term at a time, and
    the postings whose only copy is the merged segment's sidecar."""
    _add_whoosh_postings(self, reader, startdoc, docmap)
    for fieldname in self.schema.names():
        if sidecar_only(self.schema[fieldname]):
            _add_sidecar_postings(self, reader, fieldname, startdoc, docmap)


def _add_sidecar_postings(self, reader, fieldname: str, startdoc: int, docmap) -> None:
    """A merged segment's postings of a sidecar-only field, from its sidecar, into the pool
    (as Whoosh ``Positions`` values, which the new segment's sidecar is written from)."""
    import numpy as np

    from idlibtui.search.codec import encode_positions

    side = open_field(reader, fieldname)
    if side is None:
        raise ValueError(f"a segment to merge has no sidecar for {fieldname!r}: rebuild the index")
    add_term = self.pool.add_term_postings
    for i in range(len(side)):
        ids, _counts, starts, flat = side.postings(i, True)
        values = encode_positions(starts, flat)
        ids = ids.tolist()
        weights = (np.diff(starts) * side.boost).tolist()
        if docmap is None:
            ids = [startdoc + d for d in ids]
        else:
            keep = [k for k, d in enumerate(ids) if d in docmap]
            if not keep:
                continue
            if len(keep) != len(ids):
                weights = [weights[k] for k in keep]
                values = [values[k] for k in keep]
                ids = [ids[k] for k in keep]
            ids = [docmap[d] for d in ids]
        add_term(fieldname, side.keys[i], ids, weights, values)


def _add_whoosh_postings(self, reader, startdoc: int, docmap: dict | None) -> None:
    """Whoosh's postings of a merged segment, a whole term at a time.

    Whoosh's version yields every posting of the merged segment through a matcher, and
    merging cost about as much per article as indexing it. Here each term's blocks are
    decoded whole and filed at once; anything unexpected takes Whoosh's path.
    """
    terms = getattr(reader, "_terms", None)
    codec = getattr(reader, "_codec", None)
    postfile = getattr(terms, "_postfile", None)
    if (
        not isinstance(self.pool, TermPool)
        or terms is None
        or type(terms) is not W3TermsReader
        or postfile is None
        or codec is None
    ):
        _WHOOSH_ADD_POSTINGS(self, reader, startdoc, docmap)
        return
    schema = self.schema
    add_term = self.pool.add_term_postings
    for (fieldname, btext), info in terms.items():
        if fieldname not in schema:
            continue
        matcher = codec.postings_reader(postfile, info, schema[fieldname].format)
        if type(matcher) is W3LeafMatcher:
            ids, weights, values = _term_blocks(matcher)
        else:  # inlined postings: a list matcher
            ids, weights, values = [], [], []
            while matcher.is_active():
                ids.append(matcher.id())
                weights.append(matcher.weight())
                values.append(matcher.value())
                matcher.next()
        if docmap is None:
            ids = [startdoc + d for d in ids]
        else:  # deleted documents are not in the map
            keep = [i for i, d in enumerate(ids) if d in docmap]
            if len(keep) != len(ids):
                weights = [weights[i] for i in keep]
                values = [values[i] for i in keep]
                ids = [ids[i] for i in keep]
            ids = [docmap[d] for d in ids]
        add_term(fieldname, btext, ids, weights, [v or b"" for v in values])


_WHOOSH_ADD_POSTINGS = writing.SegmentWriter.add_postings_to_pool


def open_writer(ix):
    limitmb = 96  # estimated; the real footprint is larger (the build stays under 500 MB)
    writer = ix.writer(timeout=WRITER_TIMEOUT, compound=False, limitmb=limitmb)
    if not isinstance(writer, writing.SegmentWriter):
        raise TypeError(f"unexpected Whoosh writer {type(writer).__name__}")
    writer.pool.cleanup()
    writer.pool = TermPool(writer._tempstorage, limitmb)
    writer._flush_segment = types.MethodType(_flush_segment, writer)
    writer.add_postings_to_pool = types.MethodType(_add_postings_to_pool, writer)
    return writer


def stage_segment(writer):
    """Write the writer's documents as a finished segment without publishing it (no new
    TOC: readers go on seeing the last commit) and close the writer; the segment is published
    by a later commit with ``only_segments``. Killed before that, its files are leftovers that the
    next run removes (``remove_leftovers``)."""
    segment = writer._finalize_segment()
    writer._finish()
    return segment


def only_segments(staged: list) -> Callable:
    """A Whoosh merge policy: the segments of the commit are the staged ones (and the
    committing writer's own), none of the index's current ones."""

    def policy(_writer, _segments) -> list:
        return list(staged)

    return policy


def writer_lock_fd(writer) -> int | None:
    lock = getattr(writer, "writelock", None)
    fd = getattr(lock, "fd", None)
    return fd if isinstance(fd, int) else None
