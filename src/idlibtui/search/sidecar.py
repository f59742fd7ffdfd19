"""Per-segment numpy postings of the positional text fields (the "sidecar").

Whoosh keeps a posting list as pickled, zlib-compressed blocks in which every posting's
positions are a separately pickled list; decoding a common word's list at 50k articles took
tens of milliseconds, and a phrase of common words several hundred. When the index builder
writes a segment, it also writes, for the title and body fields, arrays the fast path maps
into memory and decodes with numpy. Format 2 (format 1 held raw 32-bit arrays, 2.6 times the
size of Whoosh's own postings; an index of format 1 is rebuilt, see schema.SCHEMA_VERSION):

- ``<segment>.<field>_ids.vb``: every term's segment-local docnums, term after term, as varint
  gaps (search/intcode.py), each term's first docnum whole;
- ``<segment>.<field>_cnt.u8``: each posting's position count, one byte (255 and more: 255
  here, the count in the directory's ``big_at``/``big``);
- ``<segment>.<field>_pos.vb``: every posting's positions, ascending, as varint gaps, each
  posting's first position whole;
- ``<segment>.<field>_dir.npz``: the sorted term texts, where each term's postings start
  (``term_starts``, in postings) and its docnums start (``id_starts``, in bytes), and where the
  positions of every ``BLOCK``-th posting start (``pos_blocks``, in bytes): a phrase decodes
  only the blocks that hold its candidates. Written last (then renamed into place): a sidecar
  without its directory is ignored, and a reader checks every file's size against it. Like
  Whoosh's own files, nothing is fsynced: a process killed mid-write leaves no directory, and
  losing power is the file system's to survive.

It also writes each document's entity names (the ``entity_col`` column, which the entity facet
counts) as codes: ``<segment>.ent_codes.u32`` (document after document, in column order) and
``<segment>.ent_dir.npz`` (the segment's names and where each document's codes start), so a
facet over thousands of documents gathers integers instead of decoding and splitting strings.

A posting's weight is its position count times the field boost (``Positions.word_values``), so
no weights are stored. The file names carry the segment id, so Whoosh deletes them with their
segment; a segment without them (another writer, an older build) is read from Whoosh's blocks.
The varints and counts are bytes, the same on any machine; the entity codes are native-endian,
and their directory records the byte order (a reader on another one ignores them).
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
_VERSION = 2  # of the postings files; the entity codes are still format 1
_ENTITY_VERSION = 1
_CHUNK = 200_000  # postings decoded together while writing
#: Postings per block of positions: a phrase decodes whole blocks (about 300 positions).
BLOCK = 128
_BIG = 255  # a count of at least this is kept in the directory


def _names(segment, field: str) -> dict[str, str]:
    return {
        "ids": segment.make_filename(f".{field}_ids.vb"),
        "cnt": segment.make_filename(f".{field}_cnt.u8"),
        "pos": segment.make_filename(f".{field}_pos.vb"),
        "dir": segment.make_filename(f".{field}_dir.npz"),
    }


class _FieldWriter:
    """One field's files, appended term by term; postings coded a chunk at a time."""

    def __init__(self, folder: str, segment, field: str) -> None:
        self.folder = folder
        self.segment = segment
        self.field = field
        self.names = _names(segment, field)
        self.keys: list[bytes] = []
        self.term_starts = array("q", [0])
        self.id_starts = array("q", [0])
        self.pos_blocks = array("q")
        self.big_at = array("q")
        self.big = array("q")
        self.n_postings = 0  # added
        self.n_coded = 0  # coded and written
        self.n_positions = 0
        self.ids_bytes = 0
        self.pos_bytes = 0
        self.pending: list[bytes] = []
        self.pending_ids: list[Any] = []
        self._ids = open(self._path("ids"), "wb")  # noqa: SIM115 (closed in finish/abort)
        self._cnt = open(self._path("cnt"), "wb")  # noqa: SIM115
        self._pos = open(self._path("pos"), "wb")  # noqa: SIM115

    def _path(self, kind: str) -> str:
        return os.path.join(self.folder, self.names[kind])

    def add(self, btext: bytes, ids: array, values: list) -> None:
        if len(ids) != len(values):
            raise ValueError("ids and values do not line up")
        import numpy as np

        self.keys.append(btext)
        self.n_postings += len(ids)
        self.term_starts.append(self.n_postings)
        self.pending_ids.append(np.array(ids, dtype=np.int64))  # a copy: coded later
        self.pending.extend(values)
        if len(self.pending) >= _CHUNK:
            self._code_pending()

    def _code_pending(self) -> None:
        if not self.pending_ids:
            return
        import numpy as np

        from idlibtui.search import codec, intcode

        # docnums: gaps within each term, each term's first whole
        lengths = np.fromiter(map(len, self.pending_ids), dtype=np.int64)
        ids = np.concatenate(self.pending_ids)
        firsts = np.cumsum(lengths) - lengths
        data, sizes = intcode.encode(intcode.gaps(ids, firsts))
        self.id_starts.extend(
            (self.ids_bytes + intcode.offsets(sizes)[np.cumsum(lengths)]).tolist()
        )
        data.tofile(self._ids)
        self.ids_bytes += len(data)

        starts, positions = codec.decode_positions(self.pending)
        if len(starts) != len(self.pending) + 1:
            raise ValueError("positions do not line up with the postings")
        counts = np.diff(starts)
        big = np.flatnonzero(counts >= _BIG)
        self.big_at.extend((big + self.n_coded).tolist())
        self.big.extend(counts[big].tolist())
        np.minimum(counts, _BIG).astype(np.uint8).tofile(self._cnt)
        data, sizes = intcode.encode(intcode.gaps(positions, starts[:-1]))
        # where the positions of every BLOCK-th posting begin, in bytes
        at = np.arange((-self.n_coded) % BLOCK, len(counts), BLOCK)
        self.pos_blocks.extend((self.pos_bytes + intcode.offsets(sizes)[starts[at]]).tolist())
        data.tofile(self._pos)
        self.pos_bytes += len(data)
        self.n_positions += int(starts[-1])
        self.n_coded += len(counts)
        self.pending = []
        self.pending_ids = []

    def finish(self) -> None:
        import numpy as np

        self._code_pending()
        self.pos_blocks.append(self.pos_bytes)
        for handle in (self._ids, self._cnt, self._pos):
            handle.close()
        lengths = np.fromiter(map(len, self.keys), dtype=np.int64, count=len(self.keys))
        key_starts = np.zeros(len(self.keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=key_starts[1:])
        keys = np.frombuffer(b"".join(self.keys), dtype=np.uint8)
        meta = np.array(
            [
                _VERSION,
                len(self.keys),
                self.n_postings,
                self.n_positions,
                self.ids_bytes,
                self.pos_bytes,
                BLOCK,
            ],
            dtype=np.int64,
        )
        tmp = self._path("dir") + ".part"
        with open(tmp, "wb") as handle:
            np.savez(
                handle,
                meta=meta,
                keys=keys,
                key_starts=key_starts,
                term_starts=np.frombuffer(self.term_starts, dtype=np.int64),
                id_starts=np.frombuffer(self.id_starts, dtype=np.int64),
                pos_blocks=np.frombuffer(self.pos_blocks, dtype=np.int64),
                big_at=np.frombuffer(self.big_at, dtype=np.int64),
                big=np.frombuffer(self.big, dtype=np.int64),
            )
        os.replace(tmp, self._path("dir"))

    def abort(self) -> None:
        for handle in (self._ids, self._cnt, self._pos):
            with contextlib.suppress(OSError):
                handle.close()
        for kind in ("ids", "cnt", "pos", "dir"):
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
    """One segment's postings of one field, mapped read-only and decoded on demand.

    A term is found by ``find`` (its index); ``postings`` decodes its docnums and counts
    (and all its positions when asked), ``selected`` only the positions of some documents."""

    def __init__(self, folder: str, segment, field: str, boost: float) -> None:
        import numpy as np

        with np.load(os.path.join(folder, segment.make_filename(f".{field}_dir.npz"))) as d:
            meta = d["meta"].tolist()
            if len(meta) != 7 or meta[0] != _VERSION:
                raise ValueError("sidecar of another version")
            keys = d["keys"].tobytes()
            key_starts = d["key_starts"].tolist()
            self.term_starts = d["term_starts"].astype(np.int64)
            self.id_starts = d["id_starts"].astype(np.int64)
            self.pos_blocks = d["pos_blocks"].astype(np.int64)
            self.big_at = d["big_at"].astype(np.int64)
            self.big = d["big"].astype(np.int64)
        _, n_terms, n_postings, n_positions, ids_bytes, pos_bytes, block = meta
        names = _names(segment, field)
        self.keys = _Keys(keys, key_starts)
        self.block = int(block)
        self.n_postings = int(n_postings)
        self.n_positions = int(n_positions)
        n_blocks = -(-self.n_postings // self.block) if self.block > 0 else -1
        if (
            len(self.keys) != n_terms
            or len(self.term_starts) != n_terms + 1
            or len(self.id_starts) != n_terms + 1
            or len(self.pos_blocks) != n_blocks + 1
            or len(self.big_at) != len(self.big)
            or int(self.term_starts[-1]) != n_postings
            or int(self.id_starts[-1]) != ids_bytes
            or int(self.pos_blocks[-1]) != pos_bytes
            or bool((np.diff(self.term_starts) < 0).any())
            or bool((np.diff(self.id_starts) < 0).any())
            or bool((np.diff(self.pos_blocks) < 0).any())
        ):
            raise ValueError("sidecar directory does not add up")
        self.ids = _map(os.path.join(folder, names["ids"]), np.uint8, ids_bytes)
        self.counts = _map(os.path.join(folder, names["cnt"]), np.uint8, n_postings)
        self.positions = _map(os.path.join(folder, names["pos"]), np.uint8, pos_bytes)
        self.boost = boost

    def find(self, btext: bytes) -> int | None:
        """The index of term ``btext``, or None when the segment does not hold it."""
        i = bisect_left(self.keys, btext)
        if i < len(self.keys) and self.keys[i] == btext:
            return i
        return None

    def doc_ids(self, i: int) -> Any:
        """Term ``i``'s segment docnums (int64, ascending)."""
        import numpy as np

        p0, p1 = int(self.term_starts[i]), int(self.term_starts[i + 1])
        data = self.ids[int(self.id_starts[i]) : int(self.id_starts[i + 1])]
        return np.cumsum(_decoded(data, p1 - p0))

    def counts_at(self, lo: int, hi: int) -> Any:
        """The position counts of postings ``lo`` to ``hi`` (int64)."""
        import numpy as np

        out = np.asarray(self.counts[lo:hi], dtype=np.int64)
        k0, k1 = np.searchsorted(self.big_at, [lo, hi])
        if k1 > k0:
            out[self.big_at[k0:k1] - lo] = self.big[k0:k1]
        return out

    def postings(self, i: int, positions: bool) -> tuple[Any, Any, Any, Any]:
        """(docnums, counts, starts, flat) of term ``i``; starts and flat (its postings'
        positions, ``flat[starts[k]:starts[k+1]]`` for posting k) only with ``positions``."""
        import numpy as np

        p0, p1 = int(self.term_starts[i]), int(self.term_starts[i + 1])
        ids = self.doc_ids(i)
        counts = self.counts_at(p0, p1)
        if not positions:
            return ids, counts, None, None
        starts, flat = self._positions(np.arange(p0, p1, dtype=np.int64))
        return ids, counts, starts, flat

    def selected(self, i: int, local, max_share: float = 1.0) -> tuple[Any, Any] | None:
        """(starts, flat) of term ``i``'s postings in segment docnums ``local`` (sorted, all
        holding the term): only the blocks of positions that hold one are decoded. None when
        that is over ``max_share`` of the term's blocks (the caller decodes the whole list,
        once, and keeps it)."""
        import numpy as np

        from idlibtui.search import intcode
        from idlibtui.search.codec import CodecError

        ids = self.doc_ids(i)
        at = np.searchsorted(ids, local)
        if len(at) and (at[-1] >= len(ids) or not np.array_equal(ids[at], local)):
            raise CodecError("selected postings do not match the candidates")
        p0, p1 = int(self.term_starts[i]), int(self.term_starts[i + 1])
        wanted = at + p0
        if max_share < 1.0 and len(wanted):
            blocks = intcode.distinct(wanted // self.block)
            if len(blocks) > max_share * ((p1 - 1) // self.block - p0 // self.block + 1):
                return None
        return self._positions(wanted)

    def _positions(self, wanted) -> tuple[Any, Any]:
        """(starts, flat) of postings ``wanted`` (sorted field posting numbers)."""
        import numpy as np

        from idlibtui.search import intcode

        if not len(wanted):
            return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64)
        size = self.block
        blocks = intcode.distinct(wanted // size)
        b0, b1 = int(blocks[0]), int(blocks[-1]) + 1
        if b1 - b0 == len(blocks):  # consecutive blocks: one slice
            data = self.positions[int(self.pos_blocks[b0]) : int(self.pos_blocks[b1])]
            counts = self.counts_at(b0 * size, min(b1 * size, self.n_postings))
            which = wanted - b0 * size
        else:
            data = self.positions[
                intcode.ranges(self.pos_blocks[blocks], self.pos_blocks[blocks + 1])
            ]
            lo = blocks * size
            hi = np.minimum(lo + size, self.n_postings)
            counts = self._counts_of(intcode.ranges(lo, hi))
            # each wanted posting's place among the decoded ones: its block's place, plus its
            # place in the block (every block is whole but the field's last)
            k = np.searchsorted(blocks, wanted // size)
            which = k * size + (wanted - lo[k])
        values = intcode.undo_gaps(_decoded(data, int(counts.sum())), counts)
        value_starts = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=value_starts[1:])
        begin = value_starts[which]
        count = value_starts[which + 1] - begin
        starts = np.zeros(len(wanted) + 1, dtype=np.int64)
        np.cumsum(count, out=starts[1:])
        return starts, values[intcode.ranges(begin, begin + count)]

    def _counts_of(self, postings) -> Any:
        """The position counts of postings ``postings`` (sorted field posting numbers)."""
        import numpy as np

        from idlibtui.search.codec import member

        out = np.asarray(self.counts[postings], dtype=np.int64)
        if len(self.big_at):
            big = member(postings, self.big_at)
            if big.any():
                out[big] = self.big[np.searchsorted(self.big_at, postings[big])]
        return out


def _decoded(data, count: int) -> Any:
    """``intcode.decode``, a wrong count said as the codec's error (damaged postings)."""
    from idlibtui.search import intcode
    from idlibtui.search.codec import CodecError

    try:
        return intcode.decode(data, count)
    except intcode.CodingError as exc:
        raise CodecError(f"sidecar postings: {exc}") from exc


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
