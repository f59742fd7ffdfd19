"""Figures keyed by the event they count, and the one grouping every view of figures uses.

A :class:`Claim` is one figure with what it counts (:mod:`idlibtui.compare.quantity`), when
(:class:`When`: one incident on a day in a range, a count over a period, or a running total as
of a day), where (places named in its sentence) and by whom (the attacker its sentence names).
:func:`group_claims` clusters claims by quantity, then by event. The comparison of two
reports, the claims timeline and ``idlibtui figures`` all call it, so they group alike.

Dates: a relative date ("on Monday", "last week") is resolved again against both ends of the
article's date range (an estimated article date is a range), so two figures whose ranges
overlap can be one event; a sentence without a date stands on the article's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from idlibtui.compare.quantity import (
    INCIDENT_EVENTS,
    Quantity,
    affinity,
    quantity_of,
    same_quantity,
)
from idlibtui.model import Article, Figure

INCIDENT = "incident"  # one attack or event, on one day somewhere in [lo, hi]
PERIOD = "period"  # a count over the whole of [lo, hi]
RUNNING = "running"  # a running total as of a day in [lo, hi], counted from ``since``
INCREMENT = "increment"  # "another five", "a further 20": an addition, never a total

UNDATED_INCIDENT_DAYS = 5  # an undated incident happened in the days before the article
INCIDENT_MAX_DAYS = 11  # "last week", "late February": one incident; "in January": a period
STOCK_SLACK_DAYS = 30  # "home to 3 million people", "hosts 3.5 million refugees" change slowly
WAR_START = dt.date.min  # "the war has killed …": counted from the war's start

_TALLY = re.compile(
    r"\b(?:cumulative|to\s+date|this\s+year|since|over\s+the\s+(?:past|last)|"
    r"in\s+the\s+(?:past|last)|during\s+the\s+(?:past|last)|throughout)\b",
    re.IGNORECASE,
)
_WAR_TALLY = re.compile(
    r"\b(?:war|conflict|uprising|crisis|fighting)\b(?:\s+[\w,'’-]+){0,8}?\s+"
    r"(?:has|have|had)\s+(?:already\s+)?(?:killed|displaced|left|claimed|forced|uprooted)|"
    r"\b(?:war|conflict)\s+in\s+which\b",
    re.IGNORECASE,
)
_PAST_HOURS = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?P<n>\d{2,3})\s+hours\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'/-]{2,40}(?:,\s*[A-Z][\w .]{0,30})?\s*(?:\([^)]*\))?\s*[-–—:]\s"
)
_WHEN_BETWEEN = re.compile(r"^\W*(?:when|as|after)\b[^.;]*$", re.IGNORECASE)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|told|stated|confirmed|claimed|added)\s+"
    r"(?:early\s+|late\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
_EVENT_AFTER = re.compile(
    r"(?:(?!\d|\b(?:where|which|that|when|while|after|before|but)\b)[^.;]){0,140}?"
    r"\b(?:who\s+)?(?:were|was|have\s+been|had\s+been|are|is)\s+"
    r"(?:reportedly\s+|also\s+|all\s+)?['\"‘“]?(?P<verb>[a-z]+)",
    re.IGNORECASE,
)
_UNTIL_BETWEEN = re.compile(r"^\W*(?:to|until|till|through|and)\W*$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(
    r"\b(?:since|from|after|starting|beginning)\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+)?$"
    r"|\bsince\b[^.;,]{0,40}\b(?:broke\s+out|began|started|erupted)\s+in\s+$",
    re.IGNORECASE,
)
_INCREMENT_QUALIFIERS = ("another", "a further", "further", "an additional", "additional")
_NUMBER_OF_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:number\s+of\s+(?P<what>[a-z][a-z\s-]{2,40}?)|death\s+toll|toll)\b"
    r"[^.;]{0,80}?\b(?:reached|rose\s+to|climbed\s+to|stands\s+at|stood\s+at|is|was|to|at)\s+"
    r"(?:about\s+|around\s+|some\s+|at\s+least\s+|more\s+than\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
_OF_ITS_AFTER = re.compile(r"\s+of\s+(?:its|their|his|our|the)\s+(?P<noun>[a-z]+)", re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(
    r"\s+(?:were|was|have|had|are|is|others?|more|of\s+them)\b", re.IGNORECASE
)
_PART_BEFORE = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them),?\s+"
    r"(?:at\s+least\s+|some\s+)?$",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(r"\s+(?:more|additional|further|others?\s+more)\b", re.IGNORECASE)
_LOST_BEFORE = re.compile(
    r"\blost\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
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
# Building claims


def _resolve_again(date_fig: Figure, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    from idlibtui.annotate.dates import find_dates

    found = find_dates(date_fig.text, anchor)
    if not found or found[0].date is None:
        return None
    start = found[0].date
    return start, found[0].date_end or start


def _date_range(date_fig: Figure, art: ArticleDate) -> tuple[dt.date, dt.date] | None:
    """A date mention's days; a relative one over every anchor the article's range allows."""
    if date_fig.date is None:
        return None
    lo, hi = date_fig.date, date_fig.date_end or date_fig.date
    if not date_fig.inferred or art.earliest is None or art.latest is None:
        return lo, hi
    if art.earliest == art.latest == art.best:
        return lo, hi
    ranges = [r for r in (_resolve_again(date_fig, a) for a in (art.earliest, art.latest)) if r]
    if not ranges:
        return lo, hi
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def _shift(d: dt.date | None, days: int) -> dt.date | None:
    if d is None:
        return None
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _sentence(fig: Figure, text: str) -> tuple[int, int]:
    if fig.sentence_end > fig.sentence_start:
        return fig.sentence_start, fig.sentence_end
    s = max(text.rfind(". ", 0, fig.start) + 2, text.rfind("\n", 0, fig.start) + 1, 0)
    ends = [i for i in (text.find(". ", fig.end), text.find("\n", fig.end)) if i >= 0]
    return (0 if s == 1 else s), (min(ends) + 1 if ends else len(text))


def _increment_words(fig: Figure, text: str) -> bool:
    """ "another five", "a further 20", "five more": words that may mark an addition."""
    q = " ".join(fig.qualifier.lower().split())
    if q in _INCREMENT_QUALIFIERS:
        return True
    return bool(_MORE_AFTER.match(text, fig.end)) and fig.kind == "count"


def _part_words(fig: Figure, text: str, sentence_start: int) -> bool:
    """ "nine wounded, including one seriously": a part of a count just given."""
    return bool(_PART_BEFORE.search(text[max(sentence_start, fig.start - 24) : fig.start]))


_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:and|but|while|after|before|as)\s", re.IGNORECASE)


def _distance(d: Figure, fig: Figure, text: str = "") -> int:
    """How far a date mention stands from a figure; a clause break between them counts more
    ("killed on Monday and another five on Tuesday": Tuesday is the five's date)."""
    if d.start >= fig.end:
        gap, raw = text[fig.end : d.start], d.start - fig.end
    else:
        gap, raw = text[d.end : fig.start], max(0, fig.start - d.end)
    return raw + (60 if text and _CLAUSE_BREAK.search(gap) else 0)


DatedFigure = tuple[Figure, tuple[dt.date, dt.date]]  # a date figure and its day range


@dataclass(slots=True)
class _SentenceDates:
    """The dates of a figure's sentence by role: dates of the event (``dated``), starts of a
    tally (``starts``: "since December"), dates of a "when" clause and dates of a saying."""

    dated: list[DatedFigure] = field(default_factory=list)
    starts: list[DatedFigure] = field(default_factory=list)
    when_dates: set[int] = field(default_factory=set)  # ids: "since Thursday, when …"
    said: set[int] = field(default_factory=set)  # ids: "the ministry said on Thursday"


def _sentence_dates(
    fig: Figure, text: str, s: int, sentence_dates: Sequence[Figure], art: ArticleDate
) -> _SentenceDates:
    found = _SentenceDates()
    for d in sentence_dates:
        rng = _date_range(d, art)
        if rng is None:
            continue
        before = text[max(s, d.start - 24) : d.start]
        when_clause = d.end <= fig.start and _WHEN_BETWEEN.match(text[d.end : fig.start])
        if when_clause:
            found.dated.append((d, rng))  # "since Thursday, when 36 soldiers were killed"
            found.when_dates.add(id(d))
        elif _SINCE_BEFORE.search(before) or d.text.lower().startswith(("since", "from")):
            found.starts.append((d, rng))
        else:
            if _SAID_BEFORE.search(text[max(s, d.start - 30) : d.start]):
                found.said.add(id(d))  # the event came then or before
            found.dated.append((d, rng))
    return found


def when_of(
    fig: Figure,
    quantity: Quantity,
    text: str,
    sentence_dates: Sequence[Figure],
    art: ArticleDate,
    *,
    addition: bool = False,
) -> When:
    """When a figure's count holds, from its sentence's dates and the article's date range.

    ``addition``: the figure adds to (or is a part of) a count of the same quantity given
    before it ("another five", "including one seriously"), so it is never a total."""
    s, e = _sentence(fig, text)
    sentence = text[s:e]
    if addition:
        return When(INCREMENT, art.earliest, art.latest, undated=True, evidence="an addition")
    found = _sentence_dates(fig, text, s, sentence_dates, art)
    hours = _PAST_HOURS.search(sentence)
    if hours and art.latest is not None and not found.dated:
        days = max(1, int(hours.group("n")) // 24)  # "in the past 24 hours": that day's count
        return When(
            PERIOD,
            _shift(art.latest, -days),
            art.latest,
            evidence=f"'{hours.group(0).strip()}' in the same sentence",
        )

    def nearest(dates: list[DatedFigure]) -> DatedFigure | None:
        return min(dates, key=lambda x: _distance(x[0], fig, text)) if dates else None

    nearest_start, nearest_date = nearest(found.starts), nearest(found.dated)
    if nearest_start is not None and nearest_date is not None:
        as_of = _running_as_of(nearest_start, nearest_date, text)
        if as_of is not None:
            return as_of
    since: DatedFigure | None = None
    dated = found.dated
    if nearest_start is not None and (
        nearest_date is None
        or _distance(nearest_start[0], fig, text) < _distance(nearest_date[0], fig, text)
    ):
        since, dated = nearest_start, []
    elif nearest_date is not None:
        dated = [nearest_date]
    war = bool(_WAR_TALLY.search(sentence))
    tally = bool(_TALLY.search(sentence)) or war or since is not None
    if dated and id(dated[0][0]) in found.when_dates:
        tally = since is not None  # the "since" of "since Thursday, when …" is not the count's
    if since is not None or (war and not dated):
        return _tally_when(since, art)
    if dated and not quantity.event and not quantity.things and not tally and art.earliest:
        lo, hi = dated[0][1]
        if art.latest is not None and _overlap(lo, hi, _shift(art.earliest, -31), art.latest):
            # "Turkey, which hosts 3 million refugees, sent a delegation this week": a date of
            # these days is not the stock's; "home to 1.5 million before 2011" is
            dated = []
    incident = quantity.event in INCIDENT_EVENTS and not tally
    if dated:
        d, (lo, hi) = dated[0]
        evidence = f"'{d.text}' in the same sentence"
        if id(d) in found.said:
            lo = _shift(lo, -2) or lo
        if incident and (hi - lo).days <= INCIDENT_MAX_DAYS:
            return When(INCIDENT, lo, hi, evidence=evidence)
        return When(PERIOD, lo, hi, evidence=evidence)
    return _undated_when(art, incident, stock=not quantity.event and not tally)


def _running_as_of(start: DatedFigure, date: DatedFigure, text: str) -> When | None:
    """ "since December 1 to February 17", "said on Monday … since December": a total as of
    that day, or None when the two dates are not read together."""
    between = text[start[0].end : date[0].start]
    lo, hi = date[1]
    if not (_UNTIL_BETWEEN.match(between) or (hi - lo).days < 1):
        return None
    return When(
        RUNNING,
        hi,
        hi,
        since=start[1][0],
        evidence=f"'{start[0].text} to {date[0].text}' in the same sentence",
    )


def _tally_when(since: DatedFigure | None, art: ArticleDate) -> When:
    """A running total as of the article's date: since a date of the sentence, or (without
    one) of the whole war."""
    if since is None:
        return When(
            RUNNING,
            art.earliest,
            art.latest,
            since=WAR_START,
            undated=True,
            evidence="a toll of the whole war",
        )
    return When(
        RUNNING,
        art.earliest,
        art.latest,
        since=since[1][0],
        undated=True,
        evidence=f"'since {since[0].text}' in the same sentence",
    )


def _undated_when(art: ArticleDate, incident: bool, *, stock: bool) -> When:
    """A figure whose sentence gives no date: from the article's date range."""
    if art.earliest is None or art.latest is None:
        return When(INCIDENT if incident else RUNNING, None, None, undated=True)
    if incident:
        return When(
            INCIDENT,
            _shift(art.earliest, -UNDATED_INCIDENT_DAYS),
            art.latest,
            undated=True,
            evidence="no date in the sentence: the week before the article",
        )
    return When(
        RUNNING,
        art.earliest,
        art.latest,
        undated=True,
        evidence="no date in the sentence: as of the article's date",
        stock=stock,
    )


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


def _quantity(fig: Figure, text: str, before: Sequence[tuple[Figure, Quantity]]) -> Quantity:
    s, _ = _sentence(fig, text)
    what = fig.what
    if not what and fig.kind == "count":
        named = _NUMBER_OF_BEFORE.search(text[s : fig.start])
        if named:  # "the number of displaced people since December … reached 875,000"
            what = named.group("what") or "people killed"
    q = quantity_of(what, fig.kind, fig.projection)
    if q.victim and not q.event:
        later = _EVENT_AFTER.match(text, fig.end, max(fig.end, _sentence(fig, text)[1]))
        if later and quantity_of(later.group("verb")).event:
            # "21 civilians, including nine children and three teachers, were killed"
            q = quantity_of(f"{what} {later.group('verb')}", fig.kind, fig.projection)
    lost = _LOST_BEFORE.search(text[max(s, fig.start - 30) : fig.start])
    if not q.event and q.victim in ("soldier", "people", "civilian", "fighter") and lost:
        q = quantity_of(f"{fig.what} killed", fig.kind, fig.projection)  # "lost 33 soldiers"
    first = fig.what.lower().split()[:1]
    of_its = _OF_ITS_AFTER.match(text, fig.end)
    if of_its and quantity_of(of_its.group("noun")).victim:  # "two of its soldiers were killed"
        q = quantity_of(f"{of_its.group('noun')} {q.event}", fig.kind, fig.projection)
    bare = bool(_NO_NOUN_AFTER.match(text, fig.end))  # "four killed and nine were wounded"
    if (first in (["others"], ["more"]) or bare) and before:
        # "33 soldiers were killed and 32 others wounded": the others are soldiers too
        # the count the others add to: the last one with an event that is not a part
        # ("15 civilians, including six children and three women, and wounded 40 others")
        wholes = [x for x in before if not _part_words(x[0], text, s) and x[1].event]
        prev = (wholes or list(before))[-1][1]
        if prev.victim:
            q = q.with_victim(prev.victim, prev.nations)
    return q


def _given_before(q: Quantity, earlier: Sequence[Claim]) -> list[Claim]:
    """The report's earlier claims of this quantity (so "another five" adds to them); a
    narrower count ("including nine children") is a quantity of its own."""
    return [
        c
        for c in earlier
        if c.quantity.event == q.event and same_quantity(c.quantity, q) and _close(c.quantity, q)
    ]


def claims_of_text(
    source: str,
    text: str,
    figures: Iterable[Figure],
    art: ArticleDate,
    *,
    refs: dict[int, Any] | None = None,
    keep: Callable[[Figure, Quantity], bool] | None = None,
) -> list[Claim]:
    """The claims of one report: every figure that is not a date, keyed by its event
    (``keep`` chooses figures by their quantity before the dearer keying)."""
    figures = sorted(figures, key=lambda f: (f.start, f.end))
    dates_by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        if f.kind == "date" and f.date is not None:
            dates_by_sentence.setdefault(_sentence(f, text)[0], []).append(f)
    out: list[Claim] = []
    seen: dict[int, list[tuple[Figure, Quantity]]] = {}
    for f in figures:
        if f.kind == "date":
            continue
        s, e = _sentence(f, text)
        before = seen.setdefault(s, [])
        q = _quantity(f, text, before)
        before.append((f, q))
        if q.empty or (keep is not None and not keep(f, q)):
            continue
        when = when_of(f, q, text, dates_by_sentence.get(s, []), art)
        part = _part_words(f, text, s)
        if _increment_words(f, text) or part:
            # a part ("including one seriously") is of a count in its own sentence
            earlier = _given_before(
                q, [c for c in out if not part or _sentence(c.figure, text)[0] == s]
            )
            # "another five … on Tuesday" after Monday's count is Tuesday's own count
            if earlier and (when.undated or any(same_event(when, c.when) for c in earlier)):
                when = when_of(f, q, text, dates_by_sentence.get(s, []), art, addition=True)
        sentence = text[s:e]
        casualty = q.casualty
        out.append(
            Claim(
                source,
                f,
                q,
                when,
                places_in(_DATELINE.sub("", sentence)) if casualty else (),
                attacker_in(sentence) if casualty else "",
                ref=(refs or {}).get(id(f)),
            )
        )
    return out


def claims_of_article(article: Article, source: str | None = None) -> list[Claim]:
    return claims_of_text(
        article.id if source is None else source,
        article.text,
        article.figures,
        ArticleDate.of_article(article),
    )


# ---------------------------------------------------------------------------------------------
# Matching events


def _days(a: dt.date, b: dt.date) -> int:
    return abs((a - b).days)


def _overlap(alo, ahi, blo, bhi, slack: int = 0) -> bool:
    return alo <= _shift(bhi, slack) and blo <= _shift(ahi, slack)


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
        return _overlap(a_lo, a_hi, b_lo, b_hi)
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
        return _overlap(a_lo, a_hi, b_lo, b_hi, slack) and _since_ok(a.since, b.since)
    running, period = (a, b) if a.scope == RUNNING else (b, a)
    (run_lo, run_hi), (period_lo, period_hi) = _span(running), _span(period)
    if running.since is None and (period_hi - period_lo).days < 14:
        return False  # "in the past 24 hours" is not a running total
    # a running total as of the end of a period is that period's count
    return _overlap(run_lo, run_hi, period_hi, period_hi, 3) and _since_ok(running.since, period_lo)


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


def _close(a: Quantity, b: Quantity) -> bool:
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
                and _close(item.quantity, o.quantity)
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
    best = max(claims, key=lambda c: (c.quantity.specificity, bool(c.figure.what)))
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
