"""The sidecar's postings files (format 3): one positional field of one segment.

Whoosh keeps a posting list as pickled, zlib-compressed blocks in which every posting's
positions are a separately pickled list; decoding a common word's list at 50k articles took
tens of milliseconds, and a phrase of common words several hundred. When the index builder
writes a segment, it also writes, for the title and body fields (search/sidecar.py), files the
fast path maps into memory and reads with numpy. Format 1 held raw 32-bit arrays (docnums,
position starts, positions: 233 MB at 50k articles, as much as Whoosh's own postings); format
2 held positions as varint gaps too (slow to decode); format 3 holds the same in 90 MB (an
index of an older format is rebuilt, see schema.SCHEMA_VERSION; its sidecar alone is ignored):

- ``<segment>.<field>_ids.vb``: every term's segment-local docnums, term after term, as varint
  gaps (search/intcode.py), each term's first docnum whole;
- ``<segment>.<field>_cnt.u8``: each posting's position count, one byte (255 and more: 255
  here, the count in the directory's ``big_at``/``big``);
- ``<segment>.<field>_pos.u16``: every posting's positions, ascending, two bytes each
  (65535 and over: 65535 here, the position in the directory's ``far_at``/``far``). Not gaps:
  a common word's positions are read with one conversion, where varint gaps (1.5 bytes a
  position here) took 15-20 ns a position to decode, 20 ms more for a cold phrase at 50k;
- ``<segment>.<field>_dir.npz``: the sorted term texts, where each term's postings start
  (``term_starts``, in postings) and its docnums start (``id_starts``, in bytes), and where the
  positions of every ``BLOCK``-th posting start (``pos_blocks``, in positions): a phrase reads
  only the blocks that hold its candidates. Written last (then renamed into place): a sidecar
  without its directory is ignored, and a reader checks every file's size against it. Like
  Whoosh's own files, nothing is fsynced: a process killed mid-write leaves no directory, and
  losing power is the file system's to survive.

A posting's weight is its position count times the field boost (``Positions.word_values``), so
no weights are stored. Every file is bytes, one-byte counts or little-endian 16-bit positions:
the same on any machine.
"""

from __future__ import annotations

import contextlib
import os
from array import array
from bisect import bisect_left
from typing import Any

_VERSION = 3
_CHUNK = 200_000  # postings decoded together while writing
#: Postings per block of positions: a phrase reads whole blocks (about 300 positions).
BLOCK = 128
_BIG = 255  # a count of at least this is kept in the directory
_FAR = 65535  # and so is a position of at least this
_U16 = "<u2"


def names(segment, field: str) -> dict[str, str]:
    """The field's file names in ``segment``."""
    return {
        "ids": segment.make_filename(f".{field}_ids.vb"),
        "cnt": segment.make_filename(f".{field}_cnt.u8"),
        "pos": segment.make_filename(f".{field}_pos.u16"),
        "dir": segment.make_filename(f".{field}_dir.npz"),
    }


class FieldWriter:
    """One field's files, appended term by term; postings coded a chunk at a time."""

    def __init__(self, folder: str, segment, field: str) -> None:
        self.folder = folder
        self.segment = segment
        self.field = field
        self.names = names(segment, field)
        self.keys: list[bytes] = []
        self.term_starts = array("q", [0])
        self.id_starts = array("q", [0])
        self.pos_blocks = array("q")
        self.big_at = array("q")
        self.big = array("q")
        self.far_at = array("q")
        self.far = array("q")
        self.n_postings = 0  # added
        self.n_coded = 0  # coded and written
        self.n_positions = 0
        self.ids_bytes = 0
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
        if len(positions) and int(positions.min()) < 0:
            raise ValueError("a negative position")
        far = np.flatnonzero(positions >= _FAR)
        self.far_at.extend((far + self.n_positions).tolist())
        self.far.extend(positions[far].tolist())
        np.minimum(positions, _FAR).astype(_U16).tofile(self._pos)
        # where the positions of every BLOCK-th posting begin
        at = np.arange((-self.n_coded) % BLOCK, len(counts), BLOCK)
        self.pos_blocks.extend((self.n_positions + starts[at]).tolist())
        self.n_positions += int(starts[-1])
        self.n_coded += len(counts)
        self.pending = []
        self.pending_ids = []

    def finish(self) -> None:
        import numpy as np

        self._code_pending()
        self.pos_blocks.append(self.n_positions)
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
                far_at=np.frombuffer(self.far_at, dtype=np.int64),
                far=np.frombuffer(self.far, dtype=np.int64),
            )
        os.replace(tmp, self._path("dir"))

    def abort(self) -> None:
        for handle in (self._ids, self._cnt, self._pos):
            with contextlib.suppress(OSError):
                handle.close()
        for kind in ("ids", "cnt", "pos", "dir"):
            with contextlib.suppress(OSError):
                os.remove(self._path(kind))


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
            if len(meta) != 6 or meta[0] != _VERSION:
                raise ValueError("sidecar of another version")
            keys = d["keys"].tobytes()
            key_starts = d["key_starts"].tolist()
            self.term_starts = d["term_starts"].astype(np.int64)
            self.id_starts = d["id_starts"].astype(np.int64)
            self.pos_blocks = d["pos_blocks"].astype(np.int64)
            self.big_at = d["big_at"].astype(np.int64)
            self.big = d["big"].astype(np.int64)
            self.far_at = d["far_at"].astype(np.int64)
            self.far = d["far"].astype(np.int64)
        _, n_terms, n_postings, n_positions, ids_bytes, block = meta
        files = names(segment, field)
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
            or len(self.far_at) != len(self.far)
            or int(self.term_starts[-1]) != n_postings
            or int(self.id_starts[-1]) != ids_bytes
            or int(self.pos_blocks[-1]) != n_positions
            or bool((np.diff(self.term_starts) < 0).any())
            or bool((np.diff(self.id_starts) < 0).any())
            or bool((np.diff(self.pos_blocks) < 0).any())
        ):
            raise ValueError("sidecar directory does not add up")
        self.ids = map_array(os.path.join(folder, files["ids"]), np.uint8, ids_bytes)
        self.counts = map_array(os.path.join(folder, files["cnt"]), np.uint8, n_postings)
        self.positions = map_array(os.path.join(folder, files["pos"]), _U16, n_positions)
        self.boost = boost

    def find(self, btext: bytes) -> int | None:
        """The index of term ``btext``, or None when the segment does not hold it."""
        i = bisect_left(self.keys, btext)
        if i < len(self.keys) and self.keys[i] == btext:
            return i
        return None

    def doc_frequency(self, i: int) -> int:
        """How many of the segment's documents (deleted ones too) hold term ``i``."""
        return int(self.term_starts[i + 1] - self.term_starts[i])

    def __len__(self) -> int:
        return len(self.keys)

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
        """(starts, flat) of postings ``wanted`` (sorted field posting numbers): the counts of
        the blocks holding them say where each one's positions are, and only those are read."""
        import numpy as np

        from idlibtui.search import intcode
        from idlibtui.search.codec import CodecError

        if not len(wanted):
            return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32)
        size = self.block
        blocks = intcode.distinct(wanted // size)
        lo = blocks * size
        hi = np.minimum(lo + size, self.n_postings)
        if int(blocks[-1]) - int(blocks[0]) + 1 == len(blocks):  # consecutive blocks
            counts = self.counts_at(int(lo[0]), int(hi[-1]))
        else:
            counts = self._counts_of(intcode.ranges(lo, hi))
        cum = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=cum[1:])
        # each block's positions must be what the directory says (else damaged files)
        firsts = np.arange(len(blocks), dtype=np.int64) * size
        lasts = np.minimum(firsts + size, len(counts))
        if not np.array_equal(
            cum[lasts] - cum[firsts], self.pos_blocks[blocks + 1] - self.pos_blocks[blocks]
        ):
            raise CodecError("sidecar position counts do not match the directory")
        # each wanted posting's place among the blocks' postings, and its positions' place
        k = np.searchsorted(blocks, wanted // size)
        which = firsts[k] + (wanted - lo[k])
        begin = self.pos_blocks[blocks[k]] + cum[which] - cum[firsts[k]]
        count = cum[which + 1] - cum[which]
        starts = np.zeros(len(wanted) + 1, dtype=np.int64)
        np.cumsum(count, out=starts[1:])
        if int(wanted[-1]) - int(wanted[0]) + 1 == len(wanted):  # a run of postings: a slice
            return starts, self._values(int(begin[0]), int(begin[0]) + int(starts[-1]))
        return starts, self._values_at(intcode.ranges(begin, begin + count))

    def _values(self, lo: int, hi: int) -> Any:
        """Positions ``lo`` to ``hi`` of the field, in order (int32 unless one is far)."""
        import numpy as np

        k0, k1 = np.searchsorted(self.far_at, [lo, hi])
        out = np.asarray(self.positions[lo:hi]).astype(np.int64 if k1 > k0 else np.int32)
        if k1 > k0:
            out[self.far_at[k0:k1] - lo] = self.far[k0:k1]
        return out

    def _values_at(self, idx) -> Any:
        """The field's positions at indexes ``idx`` (sorted)."""
        import numpy as np

        from idlibtui.search.codec import member

        if not len(self.far_at):
            return self.positions[idx].astype(np.int32)
        out = self.positions[idx].astype(np.int64)
        far = member(idx, self.far_at)
        if far.any():
            out[far] = self.far[np.searchsorted(self.far_at, idx[far])]
        return out

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


def map_array(path: str, dtype, count: int):
    import numpy as np

    if count == 0:
        return np.zeros(0, dtype=dtype)
    size = os.path.getsize(path)
    if size != count * np.dtype(dtype).itemsize:
        raise ValueError(f"{os.path.basename(path)}: {size} bytes, expected {count} items")
    return np.memmap(path, dtype=dtype, mode="r", shape=(count,))
