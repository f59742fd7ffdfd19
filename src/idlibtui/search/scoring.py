"""BM25F over the fast path's postings, operation for operation as ``whoosh.scoring.bm25``
(so scores agree with Whoosh's to the last bit): the idf and average field length are the
searcher's, the field lengths the byte-quantised ones of the length column, the weights a
posting's term count times the field boost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from idlibtui.search.fastpath import FastView, Postings

_EMPTY_F = np.zeros(0, dtype=np.float64)


def bm25(view: FastView, field: str, text: str, p: Postings, weighting, docs_idx=None) -> Any:
    """The scores of term ``text``'s postings ``p`` (those at ``docs_idx``, else all)."""
    weights = (p.weights if docs_idx is None else p.weights[docs_idx]).astype(np.float64)
    if not len(weights):
        return _EMPTY_F
    fieldobj = view.schema[field]
    if not fieldobj.scorable:
        return weights.copy()  # WeightScorer: the posting's weight
    B = weighting._field_B.get(field, weighting.B)
    K1 = weighting.K1
    idf, avgfl = view.stats(field, text)
    docs = p.docs if docs_idx is None else p.docs[docs_idx]
    fl = view.lengths(field)[docs]
    # whoosh.scoring.bm25, operation for operation (so scores agree to the last bit)
    return idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
