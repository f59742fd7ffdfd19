"""Figures keyed by the event they count, and the one grouping every view of figures uses.

A :class:`Claim` is one figure with what it counts (:mod:`idlibtui.compare.quantity`), when
(:class:`When`: one incident on a day in a range, a count over a period, or a running total as
of a day), where (places named in its sentence) and by whom (the attacker its sentence names);
:mod:`idlibtui.compare.claims` builds them from a report. :func:`group_claims` clusters claims
by quantity, then by event. The comparison of two
reports, the claims timeline and ``idlibtui figures`` all call it, so they group alike.

Dates: a relative date ("on Monday", "last week") is resolved again against both ends of the
article's date range (an estimated article date is a range), so two figures whose ranges
overlap can be one event; a sentence without a date stands on the article's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from idlibtui.compare.quantity import (
    Quantity,
    affinity,
    ancestors,
    quantity_of,
    same_quantity,
)
from idlibtui.model import Article, Figure

INCIDENT = "incident"  # one attack or event, on one day somewhere in [lo, hi]
PERIOD = "period"  # a count over the whole of [lo, hi]
RUNNING = "running"  # a running total as of a day in [lo, hi], counted from ``since``
INCREMENT = "increment"  # "another five", "a further 20": an addition, never a total

STOCK_SLACK_DAYS = 30  # "home to 3 million people", "hosts 3.5 million refugees" change slowly
WAR_START = dt.date.min  # "the war has killed …": counted from the war's start

_BY = re.compile(
    r"\b(?:by|from|in\s+an?)\s+(?:an?\s+|the\s+)?(?P<who>(?:Syrian|Russian|Turkish|Iranian|Israeli|US|"
    r"American|regime|government|pro-government|pro-regime|Assad|rebel|opposition|jihadist|"
    r"HTS|Islamic\s+State|ISIS|Kurdish|SDF)(?:\s+(?:government|regime|army|military|air))?)",
    re.IGNORECASE,
)
_ATTACK_OF = re.compile(
    r"\b(?P<who>Syrian|Russian|Turkish|Iranian|Israeli|regime|government|Assad|rebel|"
    r"opposition|jihadist)(?:\s+(?:regime|government|army|military|air))?(?:['’]s)?\s+"
    r"(?:air\s*strikes?|attack|shelling|strike|bombardment|raids?|fire|jets|warplanes|forces|"
    r"drones?|artillery)\s+(?:have\s+|has\s+|had\s+)?(?:killed|wounded|injured|hit|struck|"
    r"targeted|shelled|bombed)\b",
    re.IGNORECASE,
)  # the attacker only where it does the deed ("Turkish drones killed 26 soldiers")


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """An article's date as a range: ``best`` inside [``earliest``, ``latest``]."""

    best: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    estimated: bool = False

    @classmethod
    def of(
        cls,
        best: dt.date | None,
        earliest: dt.date | None = None,
        latest: dt.date | None = None,
        *,
        inferred: bool = False,
        kind: str = "",
    ) -> ArticleDate:
        lo = earliest or best
        hi = latest or best
        if lo and hi and hi < lo:
            lo, hi = hi, lo
        if best is None:
            best = lo or hi
        return cls(best, lo, hi, inferred or kind in ("estimated", "derived"))

    @classmethod
    def of_article(cls, article: Article) -> ArticleDate:
        return cls.of(
            article.date,
            article.date_earliest,
            article.date_latest,
            inferred=article.date_inferred,
            kind=article.date_kind,
        )


@dataclass(frozen=True, slots=True)
class When:
    """When a figure's count holds; see the module constants for ``scope``."""

    scope: str
    lo: dt.date | None
    hi: dt.date | None
    since: dt.date | None = None
    undated: bool = False  # from the article's date, not from the sentence
    evidence: str = ""
    stock: bool = False  # a standing number (no event, no start): population, refugees hosted

    @property
    def known(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def label(self) -> str:
        if not self.known:
            return "date unknown"
        assert self.lo is not None and self.hi is not None
        span = self.lo.isoformat() if self.lo == self.hi else f"{self.lo} to {self.hi}"
        if self.scope == RUNNING:
            start = f"since {self.since.isoformat()}, " if self.since else ""
            if self.since == WAR_START:
                start = "whole war, "
            return f"{start}total as of {span}"
        if self.scope == INCREMENT:
            return f"an addition, {span}"
        if self.undated:
            return f"undated (article {span})"
        return span


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure keyed by its event. ``source`` tells reports apart (a side, an article id);
    ``ref`` is whatever the caller needs back (a ``FigureRow``, nothing)."""

    source: str
    figure: Figure
    quantity: Quantity
    when: When
    places: tuple[str, ...] = ()
    by: str = ""
    ref: Any = field(default=None, compare=False)


# ---------------------------------------------------------------------------------------------
# Days, sentences and places (for building claims and matching them)


def shift_days(d: dt.date | None, days: int) -> dt.date | None:
    if d is None:
        return None
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def sentence_of(fig: Figure, text: str) -> tuple[int, int]:
    if fig.sentence_end > fig.sentence_start:
        return fig.sentence_start, fig.sentence_end
    s = max(text.rfind(". ", 0, fig.start) + 2, text.rfind("\n", 0, fig.start) + 1, 0)
    ends = [i for i in (text.find(". ", fig.end), text.find("\n", fig.end)) if i >= 0]
    return (0 if s == 1 else s), (min(ends) + 1 if ends else len(text))


@functools.lru_cache(maxsize=4096)
def places_in(sentence: str) -> tuple[str, ...]:
    """The places a sentence names (canonical names from the entity annotator)."""
    from idlibtui.annotate.entities import find_entities

    try:
        found = find_entities(sentence)
    except Exception:  # the annotator never blocks a comparison
        return ()
    return tuple(dict.fromkeys(m.canonical for m in found if m.type == "PLACE"))


# countries, capitals (a government speaking: "Ankara said") and Syrian governorates: too wide
# to tell two events apart
_BROAD = """Syria Turkey Russia Iran Iraq Lebanon Jordan Israel Europe Idlib Aleppo Hama Homs
    Latakia Tartus Raqqa Hasakah Daraa Quneitra Suwayda Hatay Damascus Ankara Moscow Tehran
    Baghdad Beirut Amman Washington Paris London Berlin Brussels Geneva Erbil Istanbul"""
BROAD_PLACES = frozenset(_BROAD.split()) | {"Deir ez-Zor", "United States", "Saudi Arabia"}


def specific_places(claim: Claim) -> frozenset[str]:
    """The towns a claim's sentence names (countries and provinces left out)."""
    return frozenset(p for p in claim.places if p not in BROAD_PLACES)


def same_place(a: Claim, b: Claim) -> bool:
    """Two claims that name different towns (Qah, Maarat al-Numan) are different events."""
    pa, pb = specific_places(a), specific_places(b)
    return not (pa and pb) or bool(pa & pb)


def attacker_in(sentence: str) -> str:
    """Who the sentence says did it ("by Syrian government forces" → "Syrian government")."""
    m = _BY.search(sentence) or _ATTACK_OF.search(sentence)
    return " ".join(m.group("who").split()) if m else ""


# ---------------------------------------------------------------------------------------------
# Matching events


def _days(a: dt.date, b: dt.date) -> int:
    return abs((a - b).days)


def overlap(alo, ahi, blo, bhi, slack: int = 0) -> bool:
    return alo <= shift_days(bhi, slack) and blo <= shift_days(ahi, slack)


def _since_ok(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None or b is None:
        return True
    if WAR_START in (a, b):
        return a == b
    return _days(a, b) <= 16


def same_event(a: When, b: When) -> bool:
    """Could two figures of one quantity count the same event (or the same running total)?"""
    if INCREMENT in (a.scope, b.scope):
        return False
    incident = {a.scope == INCIDENT, b.scope == INCIDENT}
    if incident == {True, False}:
        return False  # one attack against a tally: never the same number
    if not (a.known and b.known):
        return not a.known and not b.known  # a report of unknown date pairs only with its like
    (a_lo, a_hi), (b_lo, b_hi) = _span(a), _span(b)
    if a.scope == INCIDENT:
        return overlap(a_lo, a_hi, b_lo, b_hi)
    if a.scope == PERIOD and b.scope == PERIOD:
        if _days(a_lo, b_lo) <= 3 and _days(a_hi, b_hi) <= 3:
            return True
        inter = (min(a_hi, b_hi) - max(a_lo, b_lo)).days
        union = (max(a_hi, b_hi) - min(a_lo, b_lo)).days
        return union > 0 and inter / union >= 0.6
    if a.scope == RUNNING and b.scope == RUNNING:
        # a stock ("3.6 million refugees in Turkey") changes slowly; a tally "since December"
        # a week later is the next point of a series
        if a.stock and b.stock:
            slack = STOCK_SLACK_DAYS
        elif a.since is not None or b.since is not None:
            slack = 3
        else:
            slack = 7
        return overlap(a_lo, a_hi, b_lo, b_hi, slack) and _since_ok(a.since, b.since)
    running, period = (a, b) if a.scope == RUNNING else (b, a)
    (run_lo, run_hi), (period_lo, period_hi) = _span(running), _span(period)
    if running.since is None and (period_hi - period_lo).days < 14:
        return False  # "in the past 24 hours" is not a running total
    # a running total as of the end of a period is that period's count
    return overlap(run_lo, run_hi, period_hi, period_hi, 3) and _since_ok(running.since, period_lo)


def _span(when: When) -> tuple[dt.date, dt.date]:
    """A known ``When``'s first and last day (callers check ``known`` first)."""
    if when.lo is None or when.hi is None:
        raise ValueError("the period is not known")
    return when.lo, when.hi


def _width(when: When) -> int:
    """Days a ``When`` spans; an unknown one is as wide as can be."""
    return (when.hi - when.lo).days if when.lo is not None and when.hi is not None else 10**6


# ---------------------------------------------------------------------------------------------
# The one grouping


@dataclass(frozen=True, slots=True)
class EventGroup:
    """Claims of one quantity at one event, and the tightest date they share."""

    claims: tuple[Claim, ...]
    when: When

    @property
    def sources(self) -> set[str]:
        return {c.source for c in self.claims}


@dataclass(frozen=True, slots=True)
class QuantityGroup:
    """Every claim of one quantity, split into events (dated events first, oldest first)."""

    label: str
    quantity: Quantity
    events: tuple[EventGroup, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for e in self.events for c in e.claims)


def _event_bonus(item: Claim, cluster: list[Claim]) -> int:
    bonus = 0
    for other in cluster:
        if (
            other.source != item.source
            and same_event(item.when, other.when)
            and same_place(item, other)
        ):
            bonus += 1 if item.when.undated or other.when.undated else 3
            if item.places and set(item.places) & set(other.places):
                bonus += 1
    return bonus


_CLOSE_VICTIMS = frozenset({frozenset({"people", "civilian"})})


def close_victims(a: Quantity, b: Quantity) -> bool:
    """Victims that stand for one another without a shared event (people, civilians)."""
    va, vb = a.victim or "people", b.victim or "people"
    return va == vb or frozenset({va, vb}) in _CLOSE_VICTIMS


def _quantity_clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Cluster claims by quantity, in two steps.

    1. The same victims (people and civilians stand for one another): specific quantities
       first, a generic one joins its closest match.
    2. Wider and narrower victims ("people wounded", "troops wounded") merge only where they
       complete each other: reports that give one and reports that give the other, with an
       event in common. "Six women" never joins "ten civilians" that both reports give.
    """
    clusters: list[list[Claim]] = []
    order = sorted(
        range(len(claims)),
        key=lambda i: (-claims[i].quantity.specificity, claims[i].source, claims[i].figure.start),
    )
    for i in order:
        item = claims[i]
        best, best_score = None, -1.0
        for cluster in clusters:
            if not all(
                same_quantity(item.quantity, o.quantity)
                and close_victims(item.quantity, o.quantity)
                and not _attacker_side(item, o)
                and not _attacker_side(o, item)
                for o in cluster
            ):
                continue
            score = sum(affinity(item.quantity, o.quantity) for o in cluster) / len(cluster)
            score += _event_bonus(item, cluster)
            if score > best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append([item])
        else:
            best.append(item)
    merged = True
    while merged:
        merged = False
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                if _complete_each_other(clusters[a], clusters[b]):
                    clusters[a].extend(clusters.pop(b))
                    merged = True
                    break
            if merged:
                break
    return clusters


def _attacker_side(item: Claim, other: Claim) -> bool:
    """ "Turkish drones killed 26 soldiers": those soldiers are not Turkish."""
    if item.quantity.nations or not item.by:
        return False
    return bool(quantity_of(item.by).nations & other.quantity.nations)


def _complete_each_other(a: list[Claim], b: list[Claim]) -> bool:
    if {c.source for c in a} & {c.source for c in b}:
        return False
    if not all(
        x.quantity.casualty
        and same_quantity(x.quantity, y.quantity)
        and not _attacker_side(x, y)
        and not _attacker_side(y, x)
        for x in a
        for y in b
    ):
        return False
    return any(same_event(x.when, y.when) and same_place(x, y) for x in a for y in b)


def _sort_key(c: Claim):
    w = c.when
    return (not w.known, w.undated, w.lo or dt.date.max, c.source, c.figure.start)


def _tightest(claims: Sequence[Claim]) -> When:
    dated = [c.when for c in claims if c.when.known and not c.when.undated]
    pool = dated or [c.when for c in claims]
    return min(pool, key=lambda w: (_width(w), w.lo or dt.date.max))


def _agrees(item: Claim, cluster: list[Claim]) -> bool:
    """Does another report in the cluster give the same (or a consistent) value?"""
    from idlibtui.compare.verdict import DIFFER, judge

    return any(
        o.source != item.source and judge(item.figure, o.figure).relation != DIFFER for o in cluster
    )


def _same_undated(a: Claim, b: Claim) -> bool:
    """A report of unknown date meets a dated one only on the very same number ("950,000"
    and "950,000"): never a discrepancy made of a missing date."""
    if a.when.known == b.when.known or INCREMENT in (a.when.scope, b.when.scope):
        return False
    if (a.when.scope == INCIDENT) != (b.when.scope == INCIDENT):
        return False
    from idlibtui.compare.verdict import SAME, judge

    return a.source != b.source and judge(a.figure, b.figure).relation == SAME


def _event_clusters(claims: list[Claim]) -> list[list[Claim]]:
    clusters: list[list[Claim]] = []
    for item in sorted(claims, key=_sort_key):
        fits = [
            c
            for c in clusters
            if all(
                (same_event(item.when, o.when) or _same_undated(item, o)) and same_place(item, o)
                for o in c
            )
        ]
        if not fits:
            clusters.append([item])
            continue
        # prefer the event another report already gives with the same value, then any
        fits.sort(key=lambda c: -(_event_bonus(item, c) + 2 * _agrees(item, c)))
        fits[0].append(item)
    return clusters


def _label(claims: Sequence[Claim]) -> str:
    """The group's name: the most specific words among the claims that count its widest victims
    (civilians, a contractor and people killed make "people killed", never "civilian contractor
    killed"; soldiers and Turkish soldiers make "Turkish soldiers killed")."""
    victims = {c.quantity.victim for c in claims if c.quantity.victim}
    widest = {v for v in victims if not any(o in ancestors(v) for o in victims)}
    named = [c for c in claims if not c.quantity.victim or c.quantity.victim in widest]
    best = max(named or claims, key=lambda c: (c.quantity.specificity, bool(c.figure.what)))
    return best.figure.what or best.quantity.label


def group_claims(claims: Iterable[Claim]) -> list[QuantityGroup]:
    """Claims grouped by the quantity they count, then by the event: THE grouping of figures."""
    claims = list(claims)
    out: list[QuantityGroup] = []
    for cluster in _quantity_clusters(claims):
        events = [
            EventGroup(tuple(sorted(ev, key=_sort_key)), _tightest(ev))
            for ev in _event_clusters(cluster)
        ]
        events.sort(key=lambda e: (not e.when.known, e.when.lo or dt.date.max))
        rep = max(cluster, key=lambda c: c.quantity.specificity).quantity
        out.append(QuantityGroup(_label(cluster), rep, tuple(events)))
    return out
