"""Building claims: each figure of a report keyed by what it counts, when, where and by whom.

``claims_of_text`` reads a report's figures with its text; ``when_of`` reads when a count holds
from the dates in the figure's sentence and the article's date range (one incident, a period,
a running total since a day, an addition to an earlier count). The model (``Claim``, ``When``)
and the one grouping are in :mod:`idlibtui.compare.events`. Depends on the figures' sentence
offsets (``Figure.sentence_start``/``sentence_end``) and on date figures' ``date``/``date_end``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from idlibtui.compare.events import (
    INCIDENT,
    INCREMENT,
    PERIOD,
    RUNNING,
    WAR_START,
    ArticleDate,
    Claim,
    When,
    attacker_in,
    close_victims,
    overlap,
    places_in,
    same_event,
    sentence_of,
    shift_days,
)
from idlibtui.compare.quantity import (
    INCIDENT_EVENTS,
    Quantity,
    quantity_of,
    same_quantity,
)
from idlibtui.model import Article, Figure

UNDATED_INCIDENT_DAYS = 5  # an undated incident happened in the days before the article
INCIDENT_MAX_DAYS = 11  # "last week", "late February": one incident; "in January": a period
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
    s, e = sentence_of(fig, text)
    sentence = text[s:e]
    if addition:
        return When(INCREMENT, art.earliest, art.latest, undated=True, evidence="an addition")
    found = _sentence_dates(fig, text, s, sentence_dates, art)
    hours = _PAST_HOURS.search(sentence)
    if hours and art.latest is not None and not found.dated:
        days = max(1, int(hours.group("n")) // 24)  # "in the past 24 hours": that day's count
        return When(
            PERIOD,
            shift_days(art.latest, -days),
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
        if art.latest is not None and overlap(lo, hi, shift_days(art.earliest, -31), art.latest):
            # "Turkey, which hosts 3 million refugees, sent a delegation this week": a date of
            # these days is not the stock's; "home to 1.5 million before 2011" is
            dated = []
    incident = quantity.event in INCIDENT_EVENTS and not tally
    if dated:
        d, (lo, hi) = dated[0]
        evidence = f"'{d.text}' in the same sentence"
        if id(d) in found.said:
            lo = shift_days(lo, -2) or lo
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
            shift_days(art.earliest, -UNDATED_INCIDENT_DAYS),
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


def _quantity(fig: Figure, text: str, before: Sequence[tuple[Figure, Quantity]]) -> Quantity:
    s, _ = sentence_of(fig, text)
    what = fig.what
    if not what and fig.kind == "count":
        named = _NUMBER_OF_BEFORE.search(text[s : fig.start])
        if named:  # "the number of displaced people since December … reached 875,000"
            what = named.group("what") or "people killed"
    q = quantity_of(what, fig.kind, fig.projection)
    if q.victim and not q.event:
        later = _EVENT_AFTER.match(text, fig.end, max(fig.end, sentence_of(fig, text)[1]))
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
        if c.quantity.event == q.event
        and same_quantity(c.quantity, q)
        and close_victims(c.quantity, q)
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
            dates_by_sentence.setdefault(sentence_of(f, text)[0], []).append(f)
    out: list[Claim] = []
    seen: dict[int, list[tuple[Figure, Quantity]]] = {}
    for f in figures:
        if f.kind == "date":
            continue
        s, e = sentence_of(f, text)
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
                q, [c for c in out if not part or sentence_of(c.figure, text)[0] == s]
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
