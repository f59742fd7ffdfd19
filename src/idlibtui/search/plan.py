"""The evaluator's plan: a query as a small tree of our own nodes, built once from the parsed
query (search/planner.py) and run by the numpy evaluator (search/matching.py).

Leaves: a term, a phrase (the terms of consecutive positions), every live document, none, a
range of days. Inner nodes: ``AllOf`` (AND, scores added in the query's order, evaluated
cheapest first), ``AnyOf`` (OR, scores added), ``Without`` (AND NOT: the base's scores, the
excluded part unscored) and ``Inverse`` (NOT: every live document the child does not match).

Each node carries its ``cost``, an estimate of how many documents it matches (a term's document
frequency, a phrase's rarest word's, an AND's cheapest child's): the evaluator orders an AND's
children by it once, when the plan is built, and runs a costly child (a phrase) only on the
documents its cheaper siblings left. Pure data: no Whoosh, no numpy. The terms are the index's
(already analysed: folded and stemmed); the field names are the schema's (``b`` body, ``t``
title, ``plain`` the unstemmed lexicon, keyword fields by name).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

#: The cost of a node whose size is not known before it runs (a range of days): evaluated
#: after the terms it is ANDed with.
UNKNOWN = 1 << 40


@dataclass(frozen=True, slots=True)
class Plan:
    """A plan node; ``cost`` estimates how many documents it matches."""

    cost: int = field(default=0, kw_only=True)


@dataclass(frozen=True, slots=True)
class Term(Plan):
    """One term of one field, scored BM25F times ``boost``."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Phrase(Plan):
    """Terms at consecutive positions of a field (with positions), scored as the sum of its
    words' scores times ``boost`` (as Whoosh scores a phrase)."""

    field: str
    words: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Every(Plan):
    """Every live document, scored 1.0."""


@dataclass(frozen=True, slots=True)
class Nothing(Plan):
    """No document (a prefix that expands to no word)."""


@dataclass(frozen=True, slots=True)
class Days(Plan):
    """Documents dated within [lo, hi] (either open), unscored (1.0)."""

    lo: dt.datetime | None
    hi: dt.datetime | None


@dataclass(frozen=True, slots=True)
class AllOf(Plan):
    """AND: ``items`` in the query's order (their scores are added in it); ``order`` is the
    order to evaluate them in (indexes into ``items``, cheapest first)."""

    items: tuple[Plan, ...]
    order: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class AnyOf(Plan):
    """OR: the union, each document scored the sum of the items that match it."""

    items: tuple[Plan, ...]


@dataclass(frozen=True, slots=True)
class Without(Plan):
    """AND NOT: ``base``'s documents and scores, less those ``minus`` matches."""

    base: Plan
    minus: Plan


@dataclass(frozen=True, slots=True)
class Inverse(Plan):
    """NOT: every live document ``item`` does not match, scored 1.0."""

    item: Plan


# --- building with costs ------------------------------------------------------------------


def all_of(items: list[Plan]) -> Plan:
    """AND of ``items`` (one item is itself); evaluated cheapest first."""
    if len(items) == 1:
        return items[0]
    order = tuple(sorted(range(len(items)), key=lambda i: (items[i].cost, i)))
    return AllOf(tuple(items), order, cost=min(p.cost for p in items))


def any_of(items: list[Plan]) -> Plan:
    """OR of ``items`` (one item is itself)."""
    if len(items) == 1:
        return items[0]
    return AnyOf(tuple(items), cost=sum(p.cost for p in items))


def boosted(plan: Plan, boost: float) -> Plan:
    """A word's or phrase's plan weighted by ``boost``: its terms and phrases carry it (an OR
    of spellings passes it to each, which scores the same)."""
    if isinstance(plan, Term | Phrase):
        return replace(plan, boost=boost)
    if isinstance(plan, AnyOf):
        return AnyOf(tuple(boosted(c, boost) for c in plan.items), cost=plan.cost)
    return plan


def walk(plan: Plan):
    """Every node of ``plan``, parents before children."""
    stack = [plan]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, AllOf | AnyOf):
            stack.extend(reversed(node.items))
        elif isinstance(node, Without):
            stack.extend((node.minus, node.base))
        elif isinstance(node, Inverse):
            stack.append(node.item)


def fields_of(plan: Plan) -> set[str]:
    """The fields whose postings ``plan`` reads."""
    return {n.field for n in walk(plan) if isinstance(n, Term | Phrase)}
