"""The writer's posting pool: every term's postings kept together as documents arrive.

In place of Whoosh's ``PostingPool`` (one tuple per posting, all sorted at commit). Past its
memory limit the pool spills to sorted runs in the writer's temporary storage: each run is a
stream of pickled records ``(field, term bytes, docnum array bytes, weights, values)`` ended by
a pickled ``None``, and runs are merged term by term. Depends on Whoosh's temporary storage API
(``create_file``/``open_file`` returning ``StructFile`` with ``raw_file``).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import pickle
from array import array
from collections.abc import Iterable, Iterator


class TermPool:
    """In place of Whoosh's ``PostingPool``: postings filed per term as they arrive.

    Documents arrive in docnum order, so each term's postings are in docnum order already and
    writing the segment needs no posting sort, only a sort of the (far fewer) terms; filing
    happens while the writer would otherwise wait for the workers, not in the commit.
    ``add_document_postings`` takes one document's postings for one field; ``add`` takes
    Whoosh's posting tuples (segment merges use it). Past ``limitmb`` (estimated), the pool is
    written to a sorted run in the writer's temporary storage; runs are merged term by term.
    """

    def __init__(self, tempstore, limitmb: int = 128) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.size = 0
        self.terms: dict[str, dict[bytes, list]] = {}
        self.fieldnames: set[str] = set()
        self.runs: list[str] = []
        self.unsorted = False  # a term's docnums arrived out of order (sort before writing)
        self._serial = 0

    def _field(self, fieldname: str) -> dict[bytes, list]:
        terms = self.terms.get(fieldname)
        if terms is None:
            terms = self.terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def add(self, item) -> None:
        fieldname, btext, docnum, weight, vbytes = item
        if docnum == -1:  # Whoosh's spelling marker: no posting
            return
        self.add_document_postings(fieldname, docnum, (btext,), (weight,), (vbytes or b"",))

    def add_document_postings(self, fieldname, docnum, btexts, weights, values) -> None:
        if len(weights) != len(btexts) or len(values) != len(btexts):
            raise ValueError("terms, weights and values differ in length")
        terms = self._field(fieldname)
        get = terms.get
        for btext, weight, vbytes in zip(btexts, weights, values, strict=True):
            entry = get(btext)
            if entry is None:
                terms[btext] = [array("I", (docnum,)), [weight], [vbytes]]
            else:
                if entry[0][-1] >= docnum:
                    self.unsorted = True
                entry[0].append(docnum)
                entry[1].append(weight)
                entry[2].append(vbytes)
        self._grew(len(btexts), values)

    def add_term_postings(self, fieldname, btext, ids, weights, values) -> None:
        """One term's postings from a merged segment, in docnum order."""
        if not ids:
            return
        if len(weights) != len(ids) or len(values) != len(ids):
            raise ValueError("ids, weights and values differ in length")
        terms = self._field(fieldname)
        entry = terms.get(btext)
        if entry is None:
            terms[btext] = [array("I", ids), list(weights), list(values)]
        else:
            if entry[0][-1] >= ids[0]:
                self.unsorted = True
            entry[0].extend(ids)
            entry[1].extend(weights)
            entry[2].extend(values)
        self._grew(len(ids), values)

    def _grew(self, postings: int, values: list[bytes]) -> None:
        """Count what was filed (estimated) and spill the pool to a run past the limit."""
        self.size += 80 * postings + sum(map(len, values))
        if self.size > self.limit:
            self._save()

    def _dict_terms(self) -> Iterator[tuple[str, bytes, array, list, list]]:
        for fieldname in sorted(self.terms):
            terms = self.terms[fieldname]
            for btext in sorted(terms):
                ids, weights, values = terms[btext]
                yield fieldname, btext, ids, weights, values

    def _sorted_terms(self) -> Iterator[tuple[str, bytes, array, list, list]]:
        """Everything in memory, one record per term, sorted by (field, term)."""
        return self._dict_terms()

    def _save(self) -> None:
        name = f"terms{os.getpid()}_{self._serial}.run"
        self._serial += 1
        with self.tempstore.create_file(name).raw_file() as handle:
            for fieldname, btext, ids, weights, values in self._sorted_terms():
                record = (fieldname, btext, ids.tobytes(), weights, values)
                handle.write(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
            handle.write(pickle.dumps(None))
        self.runs.append(name)
        self.terms = {}
        self.size = 0

    def _read_run(self, name: str) -> Iterator[tuple[str, bytes, array, list, list]]:
        with self.tempstore.open_file(name).raw_file() as handle:
            while True:
                # A fresh unpickler per record: each record was pickled on its own, and an
                # unpickler's memo outlives ``load`` (reused, it would resolve a record's
                # back-references to an earlier record's objects, and keep them all alive).
                record = pickle.load(handle)
                if record is None:
                    return
                fieldname, btext, idbytes, weights, values = record
                ids = array("I")
                ids.frombytes(idbytes)
                yield fieldname, btext, ids, weights, values

    def iter_terms(self) -> Iterator[tuple[str, bytes, array, list, list]]:
        """Every term once, sorted by (field, term), with its postings in docnum order."""
        if not self.runs:
            merged = self._sorted_terms()
        else:
            sources = [self._read_run(name) for name in self.runs]
            sources.append(self._sorted_terms())
            merged = _join_runs(heapq.merge(*sources, key=_record_key))
        for fieldname, btext, ids, weights, values in merged:
            if self.unsorted and any(a >= b for a, b in itertools.pairwise(ids)):
                order = sorted(range(len(ids)), key=ids.__getitem__)
                ids = array("I", (ids[i] for i in order))
                weights = [weights[i] for i in order]
                values = [values[i] for i in order]
            yield fieldname, btext, ids, weights, values

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """Whoosh's posting tuples, sorted (for a writer that cannot take whole terms)."""
        for fieldname, btext, ids, weights, values in self.iter_terms():
            for docnum, weight, vbytes in zip(ids, weights, values, strict=True):
                yield fieldname, btext, docnum, weight, vbytes

    def cleanup(self) -> None:
        for name in self.runs:
            with contextlib.suppress(Exception):
                self.tempstore.delete_file(name)
        self.runs = []
        self.terms = {}


def _record_key(record: tuple) -> tuple[str, bytes]:
    return record[0], record[1]


def _join_runs(records: Iterable) -> Iterator[tuple[str, bytes, array, list, list]]:
    """Runs merged by key: one record per term, postings concatenated in run order."""
    last = None
    for record in records:
        if last is not None and record[0] == last[0] and record[1] == last[1]:
            last[2].extend(record[2])
            last[3].extend(record[3])
            last[4].extend(record[4])
            continue
        if last is not None:
            yield tuple(last)
        last = list(record)
    if last is not None:
        yield tuple(last)
