"""Per-segment numpy files beside Whoosh's (the "sidecar"), written with each segment.

For the title and body fields, their postings (search/sidecar_postings.py: docnums, counts and
positions, compact and read with numpy), so a phrase at 50k articles gathers integers instead
of unpickling Whoosh's blocks.

It also writes each document's entity names (the ``entity_col`` column, which the entity facet
counts) as codes: ``<segment>.ent_codes.u32`` (document after document, in column order) and
``<segment>.ent_dir.npz`` (the segment's names and where each document's codes start), so a
facet over thousands of documents gathers integers instead of decoding and splitting strings.
The codes are native-endian, and their directory records the byte order (a reader on another
machine ignores them).

The file names carry the segment id, so Whoosh deletes them with their segment; a segment
without them (another writer, an older build, a sidecar that could not be written) is read
from Whoosh's blocks.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from array import array
from typing import Any

from whoosh import columns as whoosh_columns

from idlibtui.search import sidecar_postings
from idlibtui.search.schema import sidecar_only
from idlibtui.search.sidecar_postings import FieldSidecar

#: The positional fields that get a sidecar (the fast path's term and phrase fields).
FIELDS = ("t", "b")
_ENTITY_VERSION = 1


class SidecarWriter:
    """Fed the segment's terms in (field, term) order, as the postings writer gets them.

    For a field Whoosh keeps too, the sidecar only speeds reading up: if its arrays cannot be
    written (a value of an unknown shape, over 4G positions, a full disk) it is dropped and its
    files removed, and the segment is committed without it (the fast path then reads Whoosh's
    blocks). For a field whose only copy it is (``schema.sidecar_only``), that error fails the
    segment."""

    def __init__(self, storage, segment, schema) -> None:
        folder = getattr(storage, "folder", None)
        self.fields: dict[str, sidecar_postings.FieldWriter] = {}
        self._open: list[str] = []
        self._required = {f for f in FIELDS if f in schema and sidecar_only(schema[f])}
        if folder is None or segment is None:
            if self._required:
                raise ValueError("an index whose body postings live in the sidecar needs a folder")
            return  # not a folder on disk: no sidecar
        self._open = [f for f in FIELDS if f in schema and schema[f].format.supports("positions")]
        self.folder, self.segment = folder, segment

    def add(self, fieldname: str, btext: bytes, ids: array, values: list) -> None:
        if fieldname not in self._open:
            return
        try:
            writer = self.fields.get(fieldname)
            if writer is None:
                writer = sidecar_postings.FieldWriter(self.folder, self.segment, fieldname)
                self.fields[fieldname] = writer
            writer.add(btext, ids, values)
        except Exception:
            self._drop(fieldname)
            if fieldname in self._required:
                raise

    def finish(self) -> None:
        """Write every field's directory (the sidecar is complete once they are there)."""
        for fieldname, writer in list(self.fields.items()):
            try:
                writer.finish()
            except Exception:
                self._drop(fieldname)
                if fieldname in self._required:
                    raise

    def _drop(self, fieldname: str) -> None:
        self._open.remove(fieldname)
        writer = self.fields.pop(fieldname, None)
        if writer is not None:
            writer.abort()

    def abort(self) -> None:
        for writer in self.fields.values():
            writer.abort()


ENTITY_COLUMN = "entity_col"
_SEP = "\x1f"
_ENTITY_CHUNK = 2_000  # documents read and coded together while writing


def raw_getter(col):
    """``docnum -> bytes`` of a Whoosh VarBytes column, from one read of the whole column when
    its layout is the known one (else the column's own lookup); a compressed column's values
    decompressed (a block-compressed one's blocks each once, when read in order)."""
    if col is None:
        return lambda d: b""
    inner = getattr(col, "_reader", col)
    if isinstance(inner, whoosh_columns.CompressedBlockColumn.Reader):
        from idlibtui.search.columns import Blocks

        return Blocks(inner, inner._doccount).__getitem__
    needed = ("_offsets", "_lengths", "_dbfile", "_basepos")
    if all(hasattr(inner, a) for a in needed) and len(inner._lengths):
        offsets, lengths = inner._offsets, inner._lengths
        size = max(o + n for o, n in zip(offsets, lengths, strict=True))
        blob = inner._dbfile.get(inner._basepos, size)
        unpack = getattr(col, "_decompress", None)
        if unpack is not None:  # CompressedBytesColumn: its _reader holds compressed values

            def get(d: int) -> bytes:
                raw = blob[offsets[d] : offsets[d] + lengths[d]]
                return unpack(raw) if raw else b""

            return get
        return lambda d: blob[offsets[d] : offsets[d] + lengths[d]]
    return col.__getitem__


def write_entities(storage, segment, perdoc, schema) -> None:
    """The entity codes of a just-written segment (from its ``entity_col`` column); like the
    postings, left out (files removed) when they cannot be written."""
    import numpy as np

    folder = getattr(storage, "folder", None)
    if folder is None or segment is None or ENTITY_COLUMN not in schema:
        return
    if not perdoc.has_column(ENTITY_COLUMN):
        return
    codes_path = os.path.join(folder, segment.make_filename(".ent_codes.u32"))
    dir_path = os.path.join(folder, segment.make_filename(".ent_dir.npz"))
    try:
        col = perdoc.column_reader(ENTITY_COLUMN, schema[ENTITY_COLUMN].column_type)
        get = raw_getter(col)
        n = perdoc.doc_count_all()
        table: dict[str, int] = {}
        starts = np.zeros(n + 1, dtype=np.int64)
        with open(codes_path, "wb") as out:
            for first in range(0, n, _ENTITY_CHUNK):  # a chunk of documents at a time
                raws = [get(d) or b"" for d in range(first, min(n, first + _ENTITY_CHUNK))]
                counts = np.fromiter(
                    (raw.count(b"\x1f") + 1 if raw else 0 for raw in raws),
                    dtype=np.int64,
                    count=len(raws),
                )
                joined = b"\x1f".join(r for r in raws if r).decode("utf-8")
                names_seq = joined.split(_SEP) if joined else []
                if len(names_seq) != int(counts.sum()):
                    raise ValueError("entity lists do not add up")
                np.fromiter(
                    (table.setdefault(name, len(table)) for name in names_seq),
                    dtype=np.uint32,
                    count=len(names_seq),
                ).tofile(out)
                np.cumsum(counts, out=starts[first + 1 : first + 1 + len(raws)])
                starts[first + 1 : first + 1 + len(raws)] += starts[first]
        names = np.frombuffer(_SEP.join(table).encode("utf-8"), dtype=np.uint8)
        with open(dir_path + ".part", "wb") as handle:
            np.savez(
                handle,
                meta=np.array([_ENTITY_VERSION, n, len(table), int(starts[-1])], dtype=np.int64),
                byteorder=np.array([sys.byteorder == "little"], dtype=np.bool_),
                names=names,
                starts=starts,
            )
        os.replace(dir_path + ".part", dir_path)
    except BaseException as exc:
        for path in (codes_path, dir_path + ".part", dir_path):
            with contextlib.suppress(OSError):
                os.remove(path)
        if not isinstance(exc, Exception):
            raise


class EntitySidecar:
    """One segment's entity codes, mapped read-only; ``names`` are the segment's own."""

    def __init__(self, folder: str, segment) -> None:
        import numpy as np

        with np.load(os.path.join(folder, segment.make_filename(".ent_dir.npz"))) as d:
            version, n_docs, n_names, n_codes = d["meta"].tolist()
            little = bool(d["byteorder"][0])
            blob = d["names"].tobytes().decode("utf-8")
            self.starts = d["starts"]
        if version != _ENTITY_VERSION or little != (sys.byteorder == "little"):
            raise ValueError("sidecar of another version or byte order")
        self.names = blob.split(_SEP) if n_names else []
        if len(self.names) != n_names or len(self.starts) != n_docs + 1:
            raise ValueError("entity sidecar directory does not add up")
        path = os.path.join(folder, segment.make_filename(".ent_codes.u32"))
        self.codes = sidecar_postings.map_array(path, np.uint32, n_codes)
        if int(self.starts[-1]) != n_codes:
            raise ValueError("entity sidecar directory does not add up")

    def sequence(self, local) -> Any:
        """The segment-local codes of documents ``local`` (sorted), one after another."""
        import numpy as np

        begin = self.starts[local]
        counts = self.starts[local + 1] - begin
        out_starts = np.cumsum(counts) - counts
        gather = np.arange(int(counts.sum()), dtype=np.int64)
        gather += np.repeat(begin - out_starts, counts)
        return self.codes[gather]


# --- reading --------------------------------------------------------------------------------


_OPENED: dict[tuple[str, str, str], Any] = {}
_OPENED_LOCK = threading.Lock()


def open_field(seg, field: str) -> FieldSidecar | None:
    """The sidecar of ``field`` in segment reader ``seg``, or None (then read Whoosh's blocks)."""
    if field not in FIELDS:
        return None
    return _opened(seg, field, f".{field}_dir.npz", _field_loader(seg, field))


def open_entities(seg) -> EntitySidecar | None:
    """The entity codes of segment reader ``seg``, or None (then decode the column)."""
    return _opened(seg, "entities", ".ent_dir.npz", EntitySidecar)


def _field_loader(seg, field: str):
    def load(folder: str, segment) -> FieldSidecar:
        return FieldSidecar(folder, segment, field, float(seg.schema[field].format.field_boost))

    return load


def _opened(seg, kind: str, directory: str, load) -> Any:
    """``load(folder, segment)`` once per segment id and kind (a committed segment's files never
    change), or None for a segment without that sidecar or with a damaged or foreign one."""
    segment = seg.segment() if hasattr(seg, "segment") else None
    folder = getattr(getattr(seg, "_storage", None), "folder", None)
    if segment is None or folder is None or getattr(segment, "compound", False):
        return None
    key = (str(folder), segment.segment_id(), kind)
    with _OPENED_LOCK:
        if key in _OPENED:
            return _OPENED[key]
    found: Any = None
    if os.path.exists(os.path.join(folder, segment.make_filename(directory))):
        try:
            found = load(folder, segment)
        except (OSError, ValueError, KeyError, UnicodeDecodeError):
            found = None  # Whoosh's own files still hold everything
    with _OPENED_LOCK:
        if len(_OPENED) > 256:
            _OPENED.clear()
        _OPENED[key] = found
    return found


def forget_except(folder: str, segment_ids: set[str]) -> None:
    """Drop the mapped sidecars of segments in ``folder`` that are gone (merged or deleted),
    so their files' space is given back."""
    with _OPENED_LOCK:
        for key in [k for k in _OPENED if k[0] == str(folder) and k[1] not in segment_ids]:
            del _OPENED[key]
