"""The sidecar's integer coding (search/intcode.py) and its postings files
(search/sidecar_postings.py), written and read back without an index: every size of value,
empty and one-posting terms, counts over a byte, positions past 16 bits, block boundaries
inside and between terms, damaged bytes."""

from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh.formats import Positions

from idlibtui.search import intcode, sidecar_postings
from idlibtui.search.codec import CodecError

EDGES = [0, 1, 127, 128, 255, 256, 16383, 16384, 2**21 - 1, 2**21, 2**31 - 1, 2**31, 2**32 - 1,
         2**32, 2**35 + 3, 2**56, 2**62, 2**63 - 1]  # fmt: skip


def test_round_trip_of_every_size_of_value() -> None:
    values = np.array(EDGES, dtype=np.uint64)
    data, sizes = intcode.encode(values)
    assert sizes.tolist() == [1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 5, 5, 5, 6, 9, 9, 9]
    assert len(data) == int(sizes.sum())
    assert intcode.decode(data, len(EDGES)).tolist() == EDGES
    assert intcode.decode(data).tolist() == EDGES


def test_round_trip_of_random_lists() -> None:
    rng = np.random.default_rng(7)
    for scale in (1, 100, 10_000, 2**30, 2**45):
        values = rng.integers(0, scale, size=5000, dtype=np.int64)
        data, _ = intcode.encode(values)
        assert np.array_equal(intcode.decode(data, len(values)), values)


def test_empty_and_single_values() -> None:
    data, sizes = intcode.encode(np.zeros(0, dtype=np.int64))
    assert len(data) == 0 and len(sizes) == 0
    assert intcode.decode(data, 0).tolist() == []
    assert intcode.decode(data).tolist() == []
    for v in (0, 5, 300, 2**40):
        data, _ = intcode.encode([v])
        assert intcode.decode(data, 1).tolist() == [v]
    assert intcode.decode(intcode.encode([300])[0]).tolist() == [300]
    assert bytes(intcode.encode([300])[0]) == b"\xac\x02"  # LEB128, low group first


def test_bad_input_is_refused() -> None:
    with pytest.raises(intcode.CodingError):
        intcode.encode([3, -1])
    data, _ = intcode.encode([5, 1000])
    with pytest.raises(intcode.CodingError, match="inside a value"):
        intcode.decode(data[:-1])
    with pytest.raises(intcode.CodingError, match="were written"):
        intcode.decode(data, 3)
    with pytest.raises(intcode.CodingError):
        intcode.decode(np.zeros(0, dtype=np.uint8), 2)
    with pytest.raises(intcode.CodingError, match="ten bytes"):
        intcode.decode(np.array([0x80] * 10 + [1], dtype=np.uint8))


def test_gaps_restart_in_each_group() -> None:
    values = np.array([3, 9, 10, 0, 4, 4, 7, 2**33, 2**33 + 1], dtype=np.int64)
    counts = np.array([3, 0, 4, 0, 2])  # two empty groups
    firsts = np.cumsum(counts) - counts
    g = intcode.gaps(values, firsts)
    assert g.tolist() == [3, 6, 1, 0, 4, 0, 3, 2**33, 1]
    assert np.array_equal(np.cumsum(g[:3]), values[:3]) and g[3] == values[3]
    with pytest.raises(intcode.CodingError, match="not sorted"):
        intcode.gaps([5, 4], [0])
    assert intcode.gaps([5, 4], [0, 1]).tolist() == [5, 4]  # two groups of one


class _Segment:
    """What the sidecar needs of a Whoosh segment: file names."""

    def make_filename(self, ext: str) -> str:
        return f"seg{ext}"


def _write(folder, terms, monkeypatch, block: int, chunk: int):
    """Write ``terms`` ({btext: [(docnum, [positions])]}, in key order) as the builder does."""
    monkeypatch.setattr(sidecar_postings, "BLOCK", block)
    monkeypatch.setattr(sidecar_postings, "_CHUNK", chunk)
    fmt = Positions()
    w = sidecar_postings.FieldWriter(str(folder), _Segment(), "b")
    for btext in sorted(terms):
        postings = terms[btext]
        w.add(btext, [d for d, _ in postings], [fmt.encode(p) for _, p in postings])
    w.finish()
    return sidecar_postings.FieldSidecar(str(folder), _Segment(), "b", 1.0)


def _random_terms(rng: random.Random, n_terms: int, n_docs: int) -> dict:
    terms = {}
    for t in range(n_terms):
        shape = rng.choice(["one", "few", "many", "long"])
        k = {"one": 1, "few": rng.randint(2, 5), "many": rng.randint(20, n_docs)}.get(shape, 3)
        docs = sorted(rng.sample(range(n_docs), min(k, n_docs)))
        postings = []
        for d in docs:
            if shape == "long":  # a count over a byte, and far positions
                pos = sorted(rng.sample(range(10**6), rng.choice([254, 255, 256, 700])))
            else:
                pos = sorted(rng.sample(range(5000), rng.randint(1, 4)))
            postings.append((d, pos))
        terms[f"w{t:04d}".encode()] = postings
    return terms


@pytest.mark.parametrize(("block", "chunk"), [(128, 200_000), (4, 7), (1, 1), (3, 50)])
def test_sidecar_round_trip(tmp_path, monkeypatch, block, chunk) -> None:
    rng = random.Random(f"sidecar:{block}:{chunk}")
    terms = _random_terms(rng, 60, 300)
    terms[b"first"] = [(0, [0])]  # docnum 0, position 0
    terms[b"gap"] = [(0, [1]), (9, [65534, 65535, 65536]), (2**31 - 1, [0, 2**31 - 2])]
    side = _write(tmp_path, terms, monkeypatch, block, chunk)
    assert len(side.keys) == len(terms)
    assert side.find(b"nothere") is None
    for btext, postings in terms.items():
        i = side.find(btext)
        assert i is not None
        ids, counts, starts, flat = side.postings(i, positions=True)
        assert ids.tolist() == [d for d, _ in postings]
        assert counts.tolist() == [len(p) for _, p in postings]
        got = [flat[starts[k] : starts[k + 1]].tolist() for k in range(len(postings))]
        assert got == [p for _, p in postings], btext
        ids2, counts2, none1, none2 = side.postings(i, positions=False)
        assert none1 is None and none2 is None and ids2.tolist() == ids.tolist()
        assert counts2.tolist() == counts.tolist()
        for pick in (ids[::3], ids[1::5], ids[-1:], ids[:0]):
            s, f = side.selected(i, pick)
            want = [p for d, p in postings if d in set(pick.tolist())]
            assert [f[s[k] : s[k + 1]].tolist() for k in range(len(pick))] == want


def test_selected_documents_must_hold_the_term(tmp_path, monkeypatch) -> None:
    side = _write(tmp_path, {b"a": [(1, [0]), (5, [2])]}, monkeypatch, 128, 100)
    with pytest.raises(CodecError):
        side.selected(0, np.array([2]))
    with pytest.raises(CodecError):
        side.selected(0, np.array([9]))


def test_an_empty_field_and_a_damaged_one(tmp_path, monkeypatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    side = _write(empty, {}, monkeypatch, 128, 100)
    assert len(side.keys) == 0 and side.find(b"a") is None
    # Garbled bytes that still split into as many values decode to other numbers (the
    # build's integrity record finds that at open); ones that do not are the codec's error:
    # docnums of another count, position counts that do not add up to the directory's.
    terms = {b"a": [(d, [1, 2]) for d in range(0, 400, 3)]}
    _write(tmp_path, terms, monkeypatch, 16, 100)
    for name, offset, damage in (("seg.b_ids.vb", 10, 0x80), ("seg.b_cnt.u8", 20, 0x04)):
        path = tmp_path / name
        pristine = path.read_bytes()
        data = bytearray(pristine)
        data[offset] |= damage
        path.write_bytes(bytes(data))
        side = sidecar_postings.FieldSidecar(str(tmp_path), _Segment(), "b", 1.0)
        with pytest.raises(CodecError):
            side.postings(0, positions=True)
        path.write_bytes(pristine)
    (tmp_path / "seg.b_cnt.u8").write_bytes(b"\x01")
    with pytest.raises(ValueError, match="expected"):
        sidecar_postings.FieldSidecar(str(tmp_path), _Segment(), "b", 1.0)


def test_a_sidecar_of_format_1_is_not_read(tmp_path, monkeypatch) -> None:
    """An index written before the varint format: its directory says version 1, and the
    segment is read from Whoosh's own blocks (the schema version rebuilds it anyway)."""
    _write(tmp_path, {b"a": [(1, [0])]}, monkeypatch, 128, 100)
    with np.load(tmp_path / "seg.b_dir.npz") as d:
        arrays = {k: d[k] for k in d.files}
    arrays["meta"] = np.array([1, 1, 1, 1], dtype=np.int64)
    with open(tmp_path / "seg.b_dir.npz", "wb") as handle:
        np.savez(handle, **arrays)
    with pytest.raises(ValueError, match="another version"):
        sidecar_postings.FieldSidecar(str(tmp_path), _Segment(), "b", 1.0)


def test_selected_gives_way_to_the_whole_list_over_a_share_of_blocks(tmp_path, monkeypatch):
    terms = {b"a": [(d, [d % 7, 9]) for d in range(40)], b"b": [(3, [1])]}
    side = _write(tmp_path, terms, monkeypatch, 4, 100)  # term a: 10 blocks
    ids = np.arange(40)
    assert side.selected(0, ids[:8], max_share=0.2) is not None  # 2 blocks of 10
    assert side.selected(0, ids[:12], max_share=0.2) is None  # 3 blocks
    assert side.selected(0, ids[::4], max_share=0.5) is None  # every block
    starts, flat = side.selected(0, ids[::4], max_share=1.0)
    assert [flat[starts[k] : starts[k + 1]].tolist() for k in range(10)] == [
        [d % 7, 9] for d in range(0, 40, 4)
    ]


def test_a_term_without_postings_keeps_the_directory_in_line(tmp_path, monkeypatch) -> None:
    """Whoosh never writes one, but the files stay readable if a term comes without postings
    (even as the last of a chunk)."""
    terms = {b"a": [(1, [2])], b"b": [], b"c": [(0, [0]), (4, [1, 5])], b"z": []}
    side = _write(tmp_path, terms, monkeypatch, 2, 1)
    for btext, postings in terms.items():
        ids, counts, starts, flat = side.postings(side.find(btext), positions=True)
        assert ids.tolist() == [d for d, _ in postings]
        assert counts.tolist() == [len(p) for _, p in postings]
        assert [flat[starts[k] : starts[k + 1]].tolist() for k in range(len(ids))] == [
            p for _, p in postings
        ]
