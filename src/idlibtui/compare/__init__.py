"""Compare two articles: aligned passages, figures set against each other, shared entities.

Core API (no Textual; the compare screen and ``idlibtui compare`` both use it)::

    from idlibtui.compare import compare_articles
    cmp = compare_articles(left, right)      # two annotated model.Article objects

``cmp`` is a frozen :class:`Comparison`:

- ``left_sentences`` / ``right_sentences``: :class:`Sentence` spans (``start``, ``end`` into each
  article's ``text``; abbreviations such as U.S., Dr., Jan., decimals and quotes respected).
- ``pairs``: :class:`AlignedPair` in reading order (left order, right-only sentences placed
  where they sit on the right). ``relation`` is ``same`` | ``similar`` | ``left_only`` |
  ``right_only``; ``left_span``/``right_span`` are ``(start, end)`` or ``None``;
  ``left_index``/``right_index`` index the sentence tuples; ``score`` 0..1; ``word_diff`` is a
  tuple of :class:`DiffOp` (``op`` insert/delete/replace, ``left``/``right`` spans into each
  text); ``figure_discrepancy`` says the two sentences state different numbers ("killed 12" /
  "killed at least 19"), with the reason in ``notes``; ``moved`` marks a match out of order.
- ``figures``: :class:`FigureGroup` — ``what``, ``period`` (:class:`Period`, its ``label`` for
  display), ``relation`` ``same`` | ``consistent`` | ``differ`` | ``different_dates`` |
  ``left_only`` | ``right_only`` with its ``reason`` ("within 'about'", "34 vs 33"; ``verdict``
  says both), ``left``/``right`` tuples of ``model.Figure`` (with their periods in
  ``left_periods``/``right_periods``), ``scope``, ``places``, ``by``, ``projection``, ``kind``.
  Differing groups come first. The grouping is :func:`idlibtui.compare.events.group_claims`,
  the one the claims timeline and ``idlibtui figures`` use too.
- ``entities``: :class:`EntityComparison` with ``shared``, ``left_only``, ``right_only`` tuples of
  :class:`EntityCount` (``canonical``, ``type``, ``left``, ``right`` mention counts).
- ``summary``: :class:`Summary` — counts of same/similar/left-only/right-only sentences,
  ``figure_discrepancies`` (aligned pairs flagged), ``figure_groups_differ``, and ``similarity``
  (0..1: the share of both articles' sentences that align, weighted by pair score).

Helpers: :func:`to_dict` (JSON-ready dicts), :func:`to_markdown` (evidence export), and
:func:`discrepancy_pairs` (indices into ``pairs`` for ``]``/``[`` navigation).
"""

from __future__ import annotations

from idlibtui.compare.align import align_sentences
from idlibtui.compare.entities import compare_entities
from idlibtui.compare.export import to_dict, to_markdown
from idlibtui.compare.figures import compare_figures, sentence_checker
from idlibtui.compare.model import (
    AlignedPair,
    Comparison,
    DiffOp,
    EntityComparison,
    EntityCount,
    FigureGroup,
    Period,
    Sentence,
    Summary,
)
from idlibtui.compare.sentences import split_sentences
from idlibtui.model import Article

__all__ = [
    "AlignedPair",
    "Comparison",
    "DiffOp",
    "EntityComparison",
    "EntityCount",
    "FigureGroup",
    "Period",
    "Sentence",
    "Summary",
    "compare_articles",
    "discrepancy_pairs",
    "split_sentences",
    "to_dict",
    "to_markdown",
]


def compare_articles(left: Article, right: Article) -> Comparison:
    """Align two articles sentence by sentence and set their figures and entities side by side."""
    ls = split_sentences(left)
    rs = split_sentences(right)
    groups = compare_figures(left, right)
    pairs = align_sentences(left, right, ls, rs, sentence_checker(groups))
    entities = compare_entities(left, right)
    counts = {"same": 0, "similar": 0, "left_only": 0, "right_only": 0}
    weight = 0.0
    for p in pairs:
        counts[p.relation] += 1
        if p.relation in ("same", "similar"):
            weight += 2 * (1.0 if p.relation == "same" else p.score)
    total = len(ls) + len(rs)
    summary = Summary(
        same=counts["same"],
        similar=counts["similar"],
        left_only=counts["left_only"],
        right_only=counts["right_only"],
        figure_discrepancies=sum(1 for p in pairs if p.figure_discrepancy),
        figure_groups_differ=sum(1 for g in groups if g.relation == "differ"),
        similarity=round(weight / total, 4) if total else 0.0,
        left_sentences=len(ls),
        right_sentences=len(rs),
    )
    return Comparison(
        left_id=left.id,
        right_id=right.id,
        left_sentences=ls,
        right_sentences=rs,
        pairs=pairs,
        figures=groups,
        entities=entities,
        summary=summary,
    )


def discrepancy_pairs(comparison: Comparison) -> list[int]:
    """Indices into ``comparison.pairs`` of the pairs flagged with a figure discrepancy."""
    return [i for i, p in enumerate(comparison.pairs) if p.figure_discrepancy]
