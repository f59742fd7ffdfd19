"""Shared and one-side entities by canonical name, with mention counts per side."""

from __future__ import annotations

from collections import Counter

from idlibtui.compare.model import EntityComparison, EntityCount
from idlibtui.model import Article


def compare_entities(left: Article, right: Article) -> EntityComparison:
    lc = Counter(m.canonical for m in left.entities if m.canonical)
    rc = Counter(m.canonical for m in right.entities if m.canonical)
    types: dict[str, Counter[str]] = {}
    for m in (*left.entities, *right.entities):
        types.setdefault(m.canonical, Counter())[m.type] += 1

    def row(name: str) -> EntityCount:
        return EntityCount(name, types[name].most_common(1)[0][0], lc[name], rc[name])

    def ordered(names) -> tuple[EntityCount, ...]:
        return tuple(
            sorted((row(n) for n in names), key=lambda e: (-(e.left + e.right), e.canonical))
        )

    return EntityComparison(
        shared=ordered(set(lc) & set(rc)),
        left_only=ordered(set(lc) - set(rc)),
        right_only=ordered(set(rc) - set(lc)),
    )
