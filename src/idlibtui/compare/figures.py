"""Set two reports' figures against each other, event by event, with a verdict that says why.

Both articles' figures become claims (:mod:`idlibtui.compare.events`: what, when, where, by
whom) and go through the one grouping every view uses. Each event that both reports give gets
a verdict from :mod:`idlibtui.compare.verdict` — ``same``, ``consistent`` (with the qualifier
that allows it) or ``differ`` (with the gap) — and the rest are ``different_dates`` (the other
report gives the same quantity only at other dates) or ``left_only`` / ``right_only``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from idlibtui.compare.claims import claims_of_article
from idlibtui.compare.events import (
    INCIDENT,
    PERIOD,
    RUNNING,
    WAR_START,
    Claim,
    EventGroup,
    When,
    group_claims,
)
from idlibtui.compare.model import FigureGroup, Period
from idlibtui.compare.quantity import quantity_of, same_quantity
from idlibtui.compare.verdict import DIFFER, judge, judge_sets
from idlibtui.model import Article, Figure

ORDER = {
    "differ": 0,
    "consistent": 1,
    "same": 2,
    "different_dates": 3,
    "left_only": 4,
    "right_only": 5,
}
SIDES = ("left", "right")


def period_of(when: When) -> Period:
    """The display period of a claim's ``When`` (``Period`` is what the views show)."""
    if not when.known:
        if when.scope == RUNNING and when.since not in (None, WAR_START):
            return Period(when.since, dt.date.max, evidence=when.evidence)
        return Period(None, None, undated=True, evidence=when.evidence)
    if when.scope == RUNNING:
        if when.since == WAR_START:
            return Period(
                when.hi, None, undated=True, evidence="a toll of the whole war", war_total=True
            )
        if when.since is not None:
            return Period(when.since, when.hi, evidence=when.evidence)
        return Period(when.hi, None, undated=True, evidence=when.evidence)
    if when.undated:
        return Period(when.hi, None, undated=True, evidence=when.evidence)
    return Period(when.lo, when.hi, evidence=when.evidence)


def _victims_note(claims: list[Claim]) -> str:
    victims = sorted({c.quantity.victim for c in claims if c.quantity.victim})
    return f" ({' vs '.join(victims)})" if len(victims) > 1 else ""


def _make(
    relation: str,
    claims: list[Claim],
    what: str,
    when: When | None,
    reason: str = "",
) -> FigureGroup:
    by_side = {side: sorted((c for c in claims if c.source == side), key=lambda c: c.figure.start)
               for side in SIDES}  # fmt: skip
    first = claims[0]
    places = tuple(dict.fromkeys(p for c in claims for p in c.places))
    attackers = tuple(dict.fromkeys(c.by for c in claims if c.by))
    return FigureGroup(
        what=what,
        period=period_of(when) if when is not None else None,
        relation=relation,
        left=tuple(c.figure for c in by_side["left"]),
        right=tuple(c.figure for c in by_side["right"]),
        projection=first.figure.projection,
        kind=first.figure.kind,
        left_periods=tuple(period_of(c.when) for c in by_side["left"]),
        right_periods=tuple(period_of(c.when) for c in by_side["right"]),
        reason=reason,
        scope=when.scope if when is not None else "",
        places=places,
        by=attackers[0] if attackers else "",
    )


def _judged(event: EventGroup, what: str) -> FigureGroup:
    claims = list(event.claims)
    left = tuple(c.figure for c in claims if c.source == "left")
    right = tuple(c.figure for c in claims if c.source == "right")
    verdict = judge_sets(left, right)
    reason = verdict.reason
    if verdict.relation == DIFFER:
        reason += _victims_note(claims)
    elif any(not c.when.known for c in claims):
        reason = (reason + "; " if reason else "") + "the date of a report is unknown"
    return _make(verdict.relation, claims, what, event.when, reason)


def compare_figures(
    left: Article,
    right: Article,
    left_sentences: list[tuple[int, int]] | None = None,
    right_sentences: list[tuple[int, int]] | None = None,
) -> tuple[FigureGroup, ...]:
    """Group both articles' figures by quantity and event, and judge each shared event."""
    del left_sentences, right_sentences  # figures carry their own sentences
    claims = claims_of_article(left, "left") + claims_of_article(right, "right")
    groups: list[FigureGroup] = []
    for qgroup in group_claims(claims):
        what = qgroup.label
        sides = {c.source for c in qgroup.claims}
        if len(sides) == 1:
            side = next(iter(sides))
            for event in qgroup.events:
                groups.append(_make(f"{side}_only", list(event.claims), what, event.when))
            continue
        one_sided: list[Claim] = []
        paired: list[Claim] = []
        for event in qgroup.events:
            if len(event.sources) == 2:
                groups.append(_judged(event, what))
                paired.extend(event.claims)
            else:
                one_sided.extend(event.claims)
        if one_sided:
            rest_sides = {c.source for c in one_sided}
            if len(rest_sides) == 1:
                # the other report gives this only at other dates: show those as the series
                one_sided += [c for c in paired if c.source not in rest_sides]
            reason = "the reports give it for different dates or scopes"
            groups.append(_make("different_dates", one_sided, what, None, reason))
    groups.sort(
        key=lambda g: (
            g.projection,
            ORDER.get(g.relation, 9),
            min([f.start for f in g.left] or [10**9]),
            min([f.start for f in g.right] or [10**9]),
        )
    )
    return tuple(groups)


def sentence_checker(
    groups: tuple[FigureGroup, ...],
) -> Callable[[list[Figure], list[Figure]], tuple[bool, tuple[str, ...]]]:
    """For two aligned sentences' figures: do they differ for one event (from the groups)?"""
    where: dict[int, list[FigureGroup]] = {}
    for g in groups:
        for f in (*g.left, *g.right):
            where.setdefault(id(f), []).append(g)

    def check(lf: list[Figure], rf: list[Figure]) -> tuple[bool, tuple[str, ...]]:
        found, notes = False, []
        for a in lf:
            for b in rf:
                shared = [g for g in where.get(id(a), []) if any(x is b for x in g.right)]
                for g in shared:
                    if g.relation == DIFFER:
                        found = True
                        notes.append(f"figures differ: {g.reason or judge(a, b).reason}")
                    elif g.relation == "different_dates":
                        pa = g.left_periods[g.left.index(a)] if a in g.left else None
                        pb = g.right_periods[g.right.index(b)] if b in g.right else None
                        notes.append(
                            f"figures of different dates: {a.text!r} ({pa.label if pa else '?'})"
                            f" vs {b.text!r} ({pb.label if pb else '?'})"
                        )
        return found, tuple(dict.fromkeys(notes))

    return check


# -- small helpers kept for callers that judge one pair of figures ----------------------------


def values_compatible(a: Figure, b: Figure) -> bool:
    """Are two figures' values the same or allowed by their wording?"""
    return judge(a, b).relation != DIFFER


def what_compatible(a: str, b: str, kind: str = "count") -> bool:
    return same_quantity(quantity_of(a, kind), quantity_of(b, kind))


__all__ = [
    "INCIDENT",
    "PERIOD",
    "RUNNING",
    "compare_figures",
    "period_of",
    "sentence_checker",
    "values_compatible",
    "what_compatible",
]
