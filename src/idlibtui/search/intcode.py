"""A compact integer coding for the sidecar's postings, encoded and decoded with numpy.

The format (our own, nothing of Whoosh's): unsigned LEB128 varints, seven bits a byte, least
significant group first, the high bit set on every byte but a value's last. Sorted lists are
stored as gaps, restarting at each group (the sidecar's docnums, term by term): the first value
of a group is absolute, the others are differences from the one before.

Measured on the sidecar of a 10k-article index (body field, 2.7M postings, 6M positions):
raw 32-bit arrays 45.6 MB; varint gaps 2.7 MB of document numbers and 8.9 MB of positions;
the smallest dtype per block of 128 took 2.8 and 11.7 MB; bit-packing per block of 128 7.6 MB
of positions, but with a decoder per bit width. Varints decode in a few numpy passes over the
values (most take one byte): 8-15 ns a value, against ~1 ns to convert a 16-bit array. So the
docnums (decoded once a term, then cached) are varints, and the positions (a phrase of common
words reads millions) 16-bit values (search/sidecar_postings.py).

Any non-negative value up to 2**63 - 1 round-trips (ten bytes at most); values are decoded as
int64. A gap below zero (a group not sorted) is refused at encoding: the caller decides.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: The most bytes one value takes (a 63-bit value in groups of seven bits).
MAX_BYTES = 10
_EMPTY_U8 = np.zeros(0, dtype=np.uint8)
_EMPTY_I = np.zeros(0, dtype=np.int64)


class CodingError(ValueError):
    """Bytes that are not a whole number of varints, or not the count expected."""


def encode(values) -> tuple[Any, Any]:
    """``(bytes, sizes)``: the varints of ``values`` (non-negative integers) as a uint8 array,
    and how many bytes each value took (int64; their running sum gives each value's offset)."""
    v = np.asarray(values)
    if v.size and v.dtype.kind == "i" and int(v.min()) < 0:
        raise CodingError("a negative value cannot be a varint")
    if v.dtype.kind not in "iu" and v.size:
        raise CodingError("varints code integers only")
    v = v.astype(np.uint64, copy=False)
    if not v.size:
        return _EMPTY_U8, _EMPTY_I
    sizes = np.ones(len(v), dtype=np.int64)
    for k in range(1, MAX_BYTES):
        more = v >= np.uint64(1 << (7 * k))
        if not more.any():
            break
        sizes += more
    offsets = np.cumsum(sizes) - sizes
    out = np.empty(int(offsets[-1] + sizes[-1]), dtype=np.uint8)
    out[offsets] = (v & np.uint64(0x7F)).astype(np.uint8)
    rest = np.flatnonzero(sizes > 1)  # the values that continue, byte after byte
    k = 1
    while len(rest):
        out[offsets[rest] + k - 1] |= np.uint8(0x80)
        group = (v[rest] >> np.uint64(7 * k)) & np.uint64(0x7F)
        out[offsets[rest] + k] = group.astype(np.uint8)
        rest = rest[sizes[rest] > k + 1]
        k += 1
    return out, sizes


def decode(data, count: int | None = None) -> Any:
    """The int64 values of the varints in ``data`` (a uint8 array); ``count``, when given, is
    how many there must be. Bytes that end inside a value, a value over ten bytes or another
    count raise ``CodingError``."""
    b = np.asarray(data, dtype=np.uint8)
    if not len(b):
        if count:
            raise CodingError(f"no bytes for {count} values")
        return _EMPTY_I
    last = b < 0x80  # a value's last byte
    if not last[-1]:
        raise CodingError("the bytes end inside a value")
    ends = np.flatnonzero(last)
    n = len(ends)
    if count is not None and n != count:
        raise CodingError(f"{n} values where {count} were written")
    if n == len(b):  # every value in one byte: the common case of gaps
        return b.astype(np.int64)
    starts = np.empty(n, dtype=np.int64)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    if int((ends - starts).max()) >= MAX_BYTES:
        raise CodingError("a value of more than ten bytes")
    out = (b[starts] & 0x7F).astype(np.int64)
    rest = np.flatnonzero(~last[starts])
    k = 1
    while len(rest):
        nxt = b[starts[rest] + k]
        out[rest] |= (nxt & 0x7F).astype(np.int64) << (7 * k)
        rest = rest[nxt >= 0x80]
        k += 1
    return out


def gaps(values, group_starts) -> Any:
    """The gaps of ``values`` (int64), each group's first value kept whole. ``group_starts``
    are the indexes where groups begin (sorted; repeated or final indexes stand for empty
    groups). A gap below zero raises ``CodingError``."""
    v = np.asarray(values, dtype=np.int64)
    out = np.empty_like(v)
    if not len(v):
        return out
    out[0] = v[0]
    np.subtract(v[1:], v[:-1], out=out[1:])
    firsts = np.asarray(group_starts, dtype=np.int64)
    firsts = firsts[firsts < len(v)]
    out[firsts] = v[firsts]
    if len(out) and int(out.min()) < 0:
        raise CodingError("a group is not sorted")
    return out


def offsets(sizes) -> Any:
    """Where each of the values of byte sizes ``sizes`` begins, and (last) where they end."""
    out = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=out[1:])
    return out


def distinct(sorted_values) -> Any:
    """The distinct values of a sorted array, in order (``np.unique`` sorts again)."""
    keep = np.ones(len(sorted_values), dtype=bool)
    keep[1:] = sorted_values[1:] != sorted_values[:-1]
    return sorted_values[keep]


def ranges(begin, end) -> Any:
    """The indexes ``begin[k]`` to ``end[k]`` (excluded), for every k, one after another."""
    size = end - begin
    out = np.arange(int(size.sum()), dtype=np.int64)
    out += np.repeat(begin - (np.cumsum(size) - size), size)
    return out
