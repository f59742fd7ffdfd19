"""A weekday named alone ("on Friday", "early Friday") beside an event the text reports: a report
says it within the week of the event, so the event's weekday near its sentence bounds the
report to that week, and a bare metadata line weeks later is the day the page was saved or
moved, not written. Used by :mod:`idlibtui.annotate.dating`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from idlibtui.annotate.date_events import _CITED_KINDS, ReportedEvent, _lead_end, _window
from idlibtui.annotate.date_evidence import _WEEKDAY_WORD, _Evidence
from idlibtui.annotate.date_words import WEEKDAYS
from idlibtui.model import DateClaim

#: Claims that may be a day the page was saved or moved, not written.
BARE_SOURCES = frozenset({"metadata line"})
#: A weekday named alone is within the week before the report; a few days' slack on top.
_WEEK_AND_SLACK = 9
#: How far from an event's sentence a weekday named alone is of the same news ("a strike killed
#: 14 fighters, a monitor said on Monday. 'At least 14 were killed at the T-4 base,' it said").
_NEAR = 300
_NAMES = {number: name for name, number in WEEKDAYS.items()}


def weekday_near(text: str, ev: _Evidence, e: ReportedEvent) -> bool:
    """Whether the text names the event's weekday alone close to the sentence reporting it, in
    its paragraph."""
    at = text.find(e.sentence)
    if at < 0:
        return False
    # (in the same paragraph: "Funerals were held on Thursday" below is another day's news)
    end = at + len(e.sentence)
    lo = max(at - _NEAR, text.rfind("\n\n", 0, at) + 1)
    after = text.find("\n\n", end)
    hi = min(end + _NEAR, after if after >= 0 else len(text))
    wd = e.date.weekday()
    return any(
        w == wd and lo <= pos <= hi for w, pos in zip(ev.weekdays, ev.weekday_starts, strict=True)
    )


def metadata_line_contradicted(
    claim: DateClaim, text: str, ev: _Evidence, events: Sequence[ReportedEvent]
) -> str:
    """Why a bare metadata line's day is set aside ("" when it is not): it falls weeks after an
    event the text dates by its weekday alone ("launched missiles early Friday" of a Friday's
    strike, in its sentence, its paragraph or the lead)."""
    if claim.source not in BARE_SOURCES:
        return ""
    lead = text[: max(0, _lead_end(text))]
    lead_weekdays = {WEEKDAYS[w.group("d").lower()] for w in _WEEKDAY_WORD.finditer(lead)}
    for e in events:
        if e.background or e.kind in _CITED_KINDS or (e.end and e.end != e.date):
            continue
        _, hi, why = _window(e)
        own = hi is not None and why.lower().split()[-1:] == [_NAMES[e.date.weekday()]]
        if not own and e.date.weekday() in ev.weekdays:
            own = e.date.weekday() in lead_weekdays or weekday_near(text, ev, e)
        if own and claim.date > e.date + dt.timedelta(days=_WEEK_AND_SLACK):
            return (
                f"{claim.source} {claim.date.isoformat()} set aside: weeks after "
                f"{e.description}, which the text dates by its weekday"
            )
    return ""


#: How far into the text its opening runs (the headline, a standfirst, the first paragraphs),
#: where a report names the day of the news it is written for.
_OPENING = 1200
#: An event reported this far into the text is of its opening news.
_OPENING_EVENT = 1600
_TODAY = re.compile(r"\b(?:today|this\s+morning|this\s+afternoon|earlier\s+today)\b", re.I)


def opening_weekday(text: str, ev: _Evidence, e: ReportedEvent) -> bool:
    """Whether the first weekday the text names alone is the event's, in its opening, above the
    event's sentence or in it ("killed on Saturday, a monitor said" above the paragraph that
    names the place), or below it as the day of the news itself ("Monday's attack"): the news
    the report opens with. A weekday below it otherwise is another day's ("funerals were held
    on Thursday")."""
    if e.background:
        return False
    at = text.find(e.sentence)
    if not 0 <= at < _OPENING_EVENT:
        return False
    possessive = {WEEKDAYS[m.group(1).lower()] for m in _OF_THE_NEWS.finditer(text, 0, _OPENING)}
    if possessive == {e.date.weekday()}:
        return True
    if not ev.weekday_starts:
        return False
    first = min(range(len(ev.weekday_starts)), key=lambda i: ev.weekday_starts[i])
    pos = ev.weekday_starts[first]
    return ev.weekdays[first] == e.date.weekday() and pos < min(_OPENING, at + len(e.sentence))


#: A weekday that names the day of the news it reports: "Monday's attack", "Saturday's strike".
_OF_THE_NEWS = re.compile(
    r"((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)['’]s\s+(?:\w+\s+)?(?:attack|strike|air\s?strike"
    r"|bombing|blast|explosion|downing|shooting|incident|massacre|raid|assault|capture|fall)",
    re.IGNORECASE,
)


def opening_today(text: str, ev: _Evidence, e: ReportedEvent) -> bool:
    """Whether the text's opening says "today" (of what it reports) and names no weekday, and
    the event is reported in its opening: the event is the day's news."""
    if not ev.today or ev.weekdays or e.background:
        return False
    m = _TODAY.search(text, 0, _OPENING)
    at = text.find(e.sentence)
    if m is None or not 0 <= at < _OPENING_EVENT:
        return False
    # (not "Syria today is …": "today" beside a verb of the past, "shot down today")
    start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
    ends = [e for e in (text.find(c, m.end()) for c in ".!?\n") if e >= 0]
    around = text[max(start, m.start() - 60) : min(min(ends, default=len(text)), m.end() + 60)]
    return (
        re.search(r"\b\w+ed\b|\b(?:shot|hit|struck|took|fell|began|killed|said)\b", around)
        is not None
    )
