"""Whoosh's posting lists read in bulk: the W3 blocks and the position values in them.

Written against the on-disk format of whoosh-reloaded 2.7.5, read without Whoosh's matchers:

- ``whoosh/codec/whoosh3.py``, ``W3LeafMatcher``: a posting list is ``WHOOSH3_HEADER_MAGIC`` and
  blocks, each a 4-byte big-endian signed length (negative for the last block), a pickled header
  ``(count, maxid, maxweight, compressed, minlength, maxlength)`` and a pickled, possibly
  zlib-compressed ``(id deltas, weights, values)``; a block's first id is absolute;
- ``whoosh/formats.py``, ``Positions.encode``: a value is a 4-byte big-endian count and a
  protocol-2 pickle of the position deltas (2.7.4 left the pickle's PROTO and STOP out).

Anything not in that layout raises ``CodecError``: the caller decides (Whoosh's own matcher
over the same postings, or a reported error), never a guess. numpy is imported with this module,
which is loaded only when a search runs or a segment is written.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from itertools import chain, pairwise, repeat
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

_INT = 4
_EMPTY_I = np.zeros(0, dtype=np.int64)


class CodecError(Exception):
    """Postings (Whoosh's blocks or our sidecars) not in the layout this module reads."""


def decode_positions(values: list[bytes]) -> tuple[Any, Any]:
    """Positions of many postings in one unpickling: each value is ``uint count`` + the body of
    a protocol-2 pickle of the position deltas (whoosh.formats.Positions.encode)."""
    if not values:
        return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32)
    n = len(values)
    lens = np.fromiter(map(len, values), dtype=np.int64, count=n)
    blob = np.frombuffer(b"".join(values), dtype=np.uint8)
    begins = np.cumsum(lens) - lens
    if int(lens.min()) < _INT + 6:
        raise CodecError("a position value is too short")
    head = blob[begins[:, None] + np.arange(_INT + 5)]
    counts = (
        (head[:, 0].astype(np.int64) << 24)
        | (head[:, 1].astype(np.int64) << 16)
        | (head[:, 2].astype(np.int64) << 8)
        | head[:, 3].astype(np.int64)
    )
    deltas = None
    if bool((head[:, _INT:] == np.frombuffer(b"\x80\x02]q\x00", dtype=np.uint8)).all()):
        # whoosh-reloaded stores a whole pickle each: EMPTY_LIST, BINPUT 0, then APPEND(S) of
        # the deltas. With each value's count, PROTO, list opening and STOP cut out (by a numpy
        # mask over all the values at once), all the appends land in one list: the deltas of
        # every posting, in one unpickling.
        keep = np.ones(len(blob), dtype=bool)
        keep[(begins[:, None] + np.arange(_INT + 5)).ravel()] = False
        keep[begins + lens - 1] = False
        try:
            flat = pickle.loads(b"\x80\x02]" + blob[keep].tobytes() + b".")
        except Exception:  # a value of another shape: take them one list each, below
            flat = None
        if flat is not None and len(flat) == int(counts.sum()):
            deltas = np.array(flat, dtype=np.int64)
    if deltas is None:
        if values[0][_INT : _INT + 2] == b"\x80\x02":
            bodies = b"".join(v[_INT + 2 : -1] for v in values)
        else:  # whoosh 2.7.4: the pickle without its PROTO and STOP opcodes
            bodies = b"".join(v[_INT:] for v in values)
        lists = pickle.loads(b"\x80\x02(" + bodies + b"l.")
        if len(lists) != len(values) or [len(x) for x in lists] != counts.tolist():
            raise CodecError("position lists do not line up")
        deltas = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    total = np.cumsum(deltas)
    # Per-posting cumulative sums: subtract the running total before each posting's first delta.
    base = np.zeros(n, dtype=np.int64)
    nonempty = counts > 0
    first = starts[:-1][nonempty]
    base[nonempty] = np.where(first > 0, total[np.maximum(first - 1, 0)], 0)
    positions = total - np.repeat(base, counts)
    return starts, positions.astype(np.int32)


def encode_positions(starts, flat) -> list[bytes]:
    """Each posting's positions (``flat[starts[k]:starts[k+1]]``, ascending) as Whoosh's
    ``Positions`` value (the inverse of ``decode_positions``): a 4-byte big-endian count and
    a protocol-2 pickle of the first position and the gaps after it."""
    flat = np.asarray(flat, dtype=np.int64)
    n = len(starts) - 1
    if not n:
        return []
    gaps = np.diff(flat, prepend=0)
    counts = np.diff(starts)
    firsts = starts[:-1][counts > 0]
    gaps[firsts] = flat[firsts]
    values = gaps.tolist()
    bounds = starts.tolist()
    dumps = pickle.dumps
    pack = _COUNT.pack
    return [pack(b - a) + dumps(values[a:b], 2) for a, b in pairwise(bounds)]


_COUNT = struct.Struct(">I")
_VALUES_START = b"(c_codecs\nencode\n"  # a tuple of bytes, as protocol 2 pickles them


def _ids_and_weights(data: bytes, count: int):
    """Unpickle a block's (ids, weights, values) without its values when it can: each value is
    rebuilt by a ``_codecs.encode`` call, which was 80% of the decoding. The pickle is cut where
    the values' tuple begins and closed as (ids, weights, None); the caller checks the result
    against the block header and decodes the whole block if anything does not fit."""
    cut = data.find(_VALUES_START)
    if cut > 0:
        try:
            ids, weights, _ = pickle.loads(data[:cut] + b"N\x87.")
            if len(ids) == count:
                return ids, weights
        except Exception:  # a cut in the wrong place: decode it all
            pass
    ids, weights, _ = pickle.loads(data)
    return ids, weights


def read_blocks(postfile, offset: int, length: int, want_values: bool, quick: bool = True):
    """Decode a W3 posting list (whoosh.codec.whoosh3.W3LeafMatcher's layout) in bulk."""
    buf = postfile.get(offset, length)
    if buf[:4] != WHOOSH3_HEADER_MAGIC:
        raise CodecError("unexpected posting header")
    pos = 4
    id_tuples: list[Any] = []
    weight_iters: list[Any] = []
    counts: list[int] = []
    values: list[bytes] = []
    maxids: list[int] = []
    while True:
        blocklen = int.from_bytes(buf[pos : pos + _INT], "big", signed=True)
        last = blocklen < 0
        blocklen = abs(blocklen)
        stream = io.BytesIO(buf[pos + _INT : pos + _INT + blocklen])
        count, maxid, _maxw, comp, _mn, _mx = pickle.load(stream)
        data = stream.read()
        if comp:
            data = zlib.decompress(data)
        if want_values or not quick:
            ids, weights, vals = pickle.loads(data)
        else:
            ids, weights = _ids_and_weights(data, count)
        if len(ids) != count:
            raise CodecError("block length mismatch")
        id_tuples.append(ids)
        if weights is None:
            weight_iters.append(repeat(1.0, count))
        elif isinstance(weights, float | int):
            weight_iters.append(repeat(float(weights), count))
        elif len(weights) == count:
            weight_iters.append(weights)  # floats of an array("f"): float32 values already
        else:
            raise CodecError("weights do not line up")
        if want_values:
            if not isinstance(vals, tuple) or len(vals) != count:
                raise CodecError("block values are not per-posting byte strings")
            values.extend(vals)
        counts.append(count)
        maxids.append(maxid)
        pos += _INT + blocklen
        if last or pos >= len(buf):
            break
    total = sum(counts)
    deltas = np.fromiter(chain.from_iterable(id_tuples), dtype=np.int64, count=total)
    ends = np.cumsum(counts) - 1
    maxarr = np.array(maxids, dtype=np.int64)
    # Each block's first id is absolute (its deltas start from 0): make it relative to the
    # previous block's last id, then one cumulative sum gives every id.
    deltas[ends[:-1] + 1] -= maxarr[:-1]
    ids_arr = np.cumsum(deltas)
    weights_arr = np.fromiter(chain.from_iterable(weight_iters), dtype=np.float64, count=total)
    if not np.array_equal(ids_arr[ends], maxarr):
        if quick and not want_values:
            return read_blocks(postfile, offset, length, want_values, quick=False)
        raise CodecError("block ids do not add up to the block headers")
    return ids_arr, weights_arr, values


def read_selected_values(postfile, offset: int, length: int, select, max_share: float):
    """The values of the postings whose ids are in ``select`` (sorted segment docnums): only
    the blocks that hold one are unpickled. None when that is over ``max_share`` of the blocks
    (decode them all)."""
    buf = postfile.get(offset, length)
    if buf[:4] != WHOOSH3_HEADER_MAGIC:
        raise CodecError("unexpected posting header")
    pos = 4
    blocks = []
    lo = 0
    n_blocks = 0
    while True:
        n_blocks += 1
        blocklen = int.from_bytes(buf[pos : pos + _INT], "big", signed=True)
        last = blocklen < 0
        blocklen = abs(blocklen)
        stream = io.BytesIO(buf[pos + _INT : pos + _INT + blocklen])
        count, maxid, _maxw, comp, _mn, _mx = pickle.load(stream)
        k = int(np.searchsorted(select, lo))
        if k < len(select) and select[k] <= maxid:
            blocks.append((pos + _INT + stream.tell(), pos + _INT + blocklen, count, comp, lo))
        lo = maxid + 1
        pos += _INT + blocklen
        if last or pos >= len(buf):
            break
    if len(blocks) > max_share * n_blocks:
        return None
    ids_out: list[Any] = []
    values: list[bytes] = []
    for start, end, count, comp, _lo in blocks:
        data = buf[start:end]
        if comp:
            data = zlib.decompress(data)
        ids, _weights, vals = pickle.loads(data)
        if len(ids) != count or not isinstance(vals, tuple) or len(vals) != count:
            raise CodecError("block layout")
        block_ids = np.cumsum(np.array(ids, dtype=np.int64))
        keep = member(block_ids, select)
        ids_out.append(block_ids[keep])
        values.extend(v for v, k in zip(vals, keep.tolist(), strict=True) if k)
    ids_arr = np.concatenate(ids_out) if ids_out else _EMPTY_I
    return ids_arr, values


def member(values, sorted_arr):
    """Which of ``values`` are in the sorted array ``sorted_arr`` (a binary search each; faster
    here than np.isin, which hashes or sorts both sides)."""
    if not len(sorted_arr) or not len(values):
        return np.zeros(len(values), dtype=bool)
    idx = np.searchsorted(sorted_arr, values)
    idx[idx == len(sorted_arr)] = 0
    return sorted_arr[idx] == values
