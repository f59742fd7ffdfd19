"""Per-segment numpy postings of the positional text fields (the "sidecar").

Whoosh keeps a posting list as pickled, zlib-compressed blocks in which every posting's
positions are a separately pickled list; decoding a common word's list at 50k articles took
tens of milliseconds, and a phrase of common words several hundred. When the index builder
writes a segment, it also writes, for the title and body fields, plain arrays the fast path
maps into memory and slices:

- ``<segment>.<field>_ids.u32``: every term's segment-local docnums, term after term;
- ``<segment>.<field>_ps.u32``: where each posting's positions start in ``_pos`` (one more entry
  than postings; a segment of over 4G positions gets no sidecar);
- ``<segment>.<field>_pos.u32``: every posting's positions, ascending;
- ``<segment>.<field>_dir.npz``: the sorted term texts and where each term's postings start.
  Written last (then renamed into place): a sidecar without its directory is ignored, and a
  reader checks every array's size against it. Like Whoosh's own files, nothing is fsynced: a
  process killed mid-write leaves no directory, and losing power is the file system's to survive.

It also writes each document's entity names (the ``entity_col`` column, which the entity facet
counts) as codes: ``<segment>.ent_codes.u32`` (document after document, in column order) and
``<segment>.ent_dir.npz`` (the segment's names and where each document's codes start), so a
facet over thousands of documents gathers integers instead of decoding and splitting strings.

A posting's weight is its position count times the field boost (``Positions.word_values``), so
no weights are stored. The file names carry the segment id, so Whoosh deletes them with their
segment; a segment without them (another writer, an older build) is read from Whoosh's blocks.
Arrays are native-endian, as this machine wrote them; the directory records the byte order and
a reader on another one ignores the sidecar.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from array import array
from bisect import bisect_left
from typing import Any

#: The positional fields that get a sidecar (the fast path's term and phrase fields).
FIELDS = ("t", "b")
_VERSION = 1
_CHUNK = 200_000  # postings decoded together while writing


def _names(segment, field: str) -> dict[str, str]:
    return {
        "ids": segment.make_filename(f".{field}_ids.u32"),
        "ps": segment.make_filename(f".{field}_ps.u32"),
        "pos": segment.make_filename(f".{field}_pos.u32"),
        "dir": segment.make_filename(f".{field}_dir.npz"),
    }


class _FieldWriter:
    """One field's arrays, appended term by term; positions decoded a chunk at a time."""

    def __init__(self, folder: str, segment, field: str) -> None:
        self.folder = folder
        self.segment = segment
        self.field = field
        self.names = _names(segment, field)
        self.keys: list[bytes] = []
        self.term_starts = array("q", [0])
        self.n_postings = 0
        self.n_positions = 0
        self.pending: list[bytes] = []
        self._ids = open(self._path("ids"), "wb")  # noqa: SIM115 (closed in finish/abort)
        self._ps = open(self._path("ps"), "wb")  # noqa: SIM115
        self._pos = open(self._path("pos"), "wb")  # noqa: SIM115

    def _path(self, kind: str) -> str:
        return os.path.join(self.folder, self.names[kind])

    def add(self, btext: bytes, ids: array, values: list) -> None:
        self.keys.append(btext)
        self.n_postings += len(ids)
        self.term_starts.append(self.n_postings)
        self._ids.write(ids.tobytes() if ids.itemsize == 4 else array("I", ids).tobytes())
        self.pending.extend(values)
        if len(self.pending) >= _CHUNK:
            self._decode_pending()

    def _decode_pending(self) -> None:
        if not self.pending:
            return
        import numpy as np

        from idlibtui.search import codec

        starts, positions = codec.decode_positions(self.pending)
        if len(starts) != len(self.pending) + 1:
            raise ValueError("positions do not line up with the postings")
        if self.n_positions + int(starts[-1]) >= 2**32:
            raise ValueError("over 4G positions in one segment")
        (starts + self.n_positions)[:-1].astype(np.uint32).tofile(self._ps)
        positions.astype(np.uint32).tofile(self._pos)
        self.n_positions += int(starts[-1])
        self.pending = []

    def finish(self) -> None:
        import numpy as np

        self._decode_pending()
        np.array([self.n_positions], dtype=np.uint32).tofile(self._ps)
        for handle in (self._ids, self._ps, self._pos):
            handle.close()
        lengths = np.fromiter(map(len, self.keys), dtype=np.int64, count=len(self.keys))
        key_starts = np.zeros(len(self.keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=key_starts[1:])
        keys = np.frombuffer(b"".join(self.keys), dtype=np.uint8)
        meta = np.array(
            [_VERSION, len(self.keys), self.n_postings, self.n_positions], dtype=np.int64
        )
        tmp = self._path("dir") + ".part"
        with open(tmp, "wb") as handle:
            np.savez(
                handle,
                meta=meta,
                byteorder=np.array([sys.byteorder == "little"], dtype=np.bool_),
                keys=keys,
                key_starts=key_starts,
                term_starts=np.frombuffer(self.term_starts, dtype=np.int64),
            )
        os.replace(tmp, self._path("dir"))

    def abort(self) -> None:
        for handle in (self._ids, self._ps, self._pos):
            with contextlib.suppress(OSError):
                handle.close()
        for kind in ("ids", "ps", "pos", "dir"):
            with contextlib.suppress(OSError):
                os.remove(self._path(kind))


class SidecarWriter:
    """Fed the segment's terms in (field, term) order, as the postings writer gets them.

    The sidecar only speeds reading up: a field whose arrays cannot be written (a value of an
    unknown shape, over 4G positions, a full disk) is dropped and its files removed, and the
    segment is committed without it (the fast path then reads Whoosh's blocks)."""

    def __init__(self, storage, segment, schema) -> None:
        folder = getattr(storage, "folder", None)
        self.fields: dict[str, _FieldWriter] = {}
        self._open: list[str] = []
        if folder is None or segment is None:
            return  # not a folder on disk: no sidecar
        self._open = [f for f in FIELDS if f in schema and schema[f].format.supports("positions")]
        self.folder, self.segment = folder, segment

    def add(self, fieldname: str, btext: bytes, ids: array, values: list) -> None:
        if fieldname not in self._open:
            return
        try:
            writer = self.fields.get(fieldname)
            if writer is None:
                writer = _FieldWriter(self.folder, self.segment, fieldname)
                self.fields[fieldname] = writer
            writer.add(btext, ids, values)
        except Exception:
            self._drop(fieldname)

    def finish(self) -> None:
        """Write every field's directory (the sidecar is complete once they are there)."""
        for fieldname, writer in list(self.fields.items()):
            try:
                writer.finish()
            except Exception:
                self._drop(fieldname)

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
    its layout is the known one (else the column's own lookup)."""
    if col is None:
        return lambda d: b""
    inner = getattr(col, "_reader", col)
    needed = ("_offsets", "_lengths", "_dbfile", "_basepos")
    if all(hasattr(inner, a) for a in needed) and len(inner._lengths):
        offsets, lengths = inner._offsets, inner._lengths
        size = max(o + n for o, n in zip(offsets, lengths, strict=True))
        blob = inner._dbfile.get(inner._basepos, size)
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
                meta=np.array([_VERSION, n, len(table), int(starts[-1])], dtype=np.int64),
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
        if version != _VERSION or little != (sys.byteorder == "little"):
            raise ValueError("sidecar of another version or byte order")
        self.names = blob.split(_SEP) if n_names else []
        if len(self.names) != n_names or len(self.starts) != n_docs + 1:
            raise ValueError("entity sidecar directory does not add up")
        path = os.path.join(folder, segment.make_filename(".ent_codes.u32"))
        self.codes = _map(path, np.uint32, n_codes)
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


class _Keys:
    """The sorted term texts as a sequence, for ``bisect``."""

    def __init__(self, blob: bytes, starts) -> None:
        self.blob = blob
        self.starts = starts

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> bytes:
        return self.blob[self.starts[i] : self.starts[i + 1]]


class FieldSidecar:
    """One segment's arrays for one field, mapped read-only."""

    def __init__(self, folder: str, segment, field: str, boost: float) -> None:
        import numpy as np

        with np.load(os.path.join(folder, segment.make_filename(f".{field}_dir.npz"))) as d:
            meta = d["meta"].tolist()
            little = bool(d["byteorder"][0])
            keys = d["keys"].tobytes()
            key_starts = d["key_starts"].tolist()
            self.term_starts = d["term_starts"]
        version, n_terms, n_postings, n_positions = meta
        if version != _VERSION or little != (sys.byteorder == "little"):
            raise ValueError("sidecar of another version or byte order")
        names = _names(segment, field)
        self.keys = _Keys(keys, key_starts)
        if len(self.keys) != n_terms or len(self.term_starts) != n_terms + 1:
            raise ValueError("sidecar directory does not add up")
        self.ids = _map(os.path.join(folder, names["ids"]), np.uint32, n_postings)
        self.pos_starts = _map(os.path.join(folder, names["ps"]), np.uint32, n_postings + 1)
        self.positions = _map(os.path.join(folder, names["pos"]), np.uint32, n_positions)
        self.boost = boost

    def find(self, btext: bytes) -> tuple[int, int] | None:
        """The posting range of ``btext``, or None when the segment does not hold it."""
        i = bisect_left(self.keys, btext)
        if i < len(self.keys) and self.keys[i] == btext:
            return int(self.term_starts[i]), int(self.term_starts[i + 1])
        return None


def _map(path: str, dtype, count: int):
    import numpy as np

    if count == 0:
        return np.zeros(0, dtype=dtype)
    size = os.path.getsize(path)
    if size != count * np.dtype(dtype).itemsize:
        raise ValueError(f"{os.path.basename(path)}: {size} bytes, expected {count} items")
    return np.memmap(path, dtype=dtype, mode="r", shape=(count,))


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
