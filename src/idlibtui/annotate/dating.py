"""When was an article written? A judgement over all the evidence, with its kind and range.

The cleaner hands over the dates a page states about itself (``Article.date_claims``: a leading
metadata line, a "Published" line, a byline, a dateline's day, HTML meta). The text adds its own
evidence: full dates, a weekday written with a month-day ("Friday (February 28)") that fixes the
year, month-days, years and ages of the war that bound it from below, words of recency ("on
Monday", "yesterday", "this morning") that put the article within days of what it reports, and
the dated events of the war it reports (``annotate/events.toml``).

The judgement has a kind (:class:`~idlibtui.model.DateKind`):

- ``stated``: a date the page states, unless the text contradicts it (it reports later events,
  or the claim is page chrome far from every date of the text, or the dateline names another
  day) — a contradiction is resolved by the evidence and said in the evidence text;
- ``derived``: a day fixed by the text (a weekday with a month-day, a dateline day with the year
  from the text, a reported event with words of recency);
- ``estimated``: a range; ``date`` is its best day; ranges wider than a week are shown as ranges;
- ``unknown``: nothing to go on.

A background mention ("lost control of it in 2014", "since the war began in 2011", "the nine-year
conflict") only bounds the date from below: it is never taken for the date; so do the names that
date a text (:mod:`~idlibtui.annotate.date_era`: "Hayat Tahrir al-Sham" is not of 2016).

The parts live beside this module: the text's evidence in :mod:`~idlibtui.annotate.date_evidence`,
the claims' checks (page chrome, contradictions, a report's "as of" day, a numeric day that reads
both ways) in :mod:`~idlibtui.annotate.date_claims`, and the events the text reports and the days
they allow in :mod:`~idlibtui.annotate.date_events`; this module weighs them in order (a
dateline's day, a stated day, a stated month, the events and the text's own days, the bounds).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from idlibtui.annotate.date_claims import (
    _STATED_SOURCES,
    _contradiction,
    _weekday_consistent,
    _without_chrome_stamps,
    other_reading,
    read_by_evidence,
    title_report_day,
)
from idlibtui.annotate.date_events import (
    _CITED_KINDS,
    ReportedEvent,
    _event_window,
    _lead_end,
    reported_events,
)
from idlibtui.annotate.date_evidence import (
    _WEEKDAY_WORD,
    _YEAR_IN,
    _Evidence,
    _month_end,
    _read_text,
    _safe,
    _year_near,
)
from idlibtui.annotate.date_fixed import _WD, _fixed_days
from idlibtui.annotate.date_offices import term_window, within_terms
from idlibtui.annotate.date_weekdays import (
    BARE_SOURCES,
    metadata_line_contradicted,
    opening_today,
    opening_weekday,
    weekday_near,
)
from idlibtui.annotate.date_words import WEEKDAYS
from idlibtui.annotate.dates import DateMention, find_dates
from idlibtui.model import DateClaim, DateKind

__all__ = [
    "PRECISE_DAYS",
    "UNKNOWN",
    "DateJudgement",
    "ReportedEvent",
    "judge_date",
    "reported_events",
]
#: An estimate narrower than this is precise enough to give as a day.
PRECISE_DAYS = 7


@dataclass(frozen=True, slots=True)
class DateJudgement:
    """An article's date as judged: ``date`` is the best day (None when unknown)."""

    date: dt.date | None
    kind: DateKind
    earliest: dt.date | None
    latest: dt.date | None
    evidence: str

    @property
    def precise(self) -> bool:
        """Whether ``date`` can be given as a day (stated, derived or a narrow estimate)."""
        if self.date is None:
            return False
        if self.kind is not DateKind.ESTIMATED:
            return True
        if self.earliest is None or self.latest is None:
            return False
        return (self.latest - self.earliest).days <= PRECISE_DAYS


UNKNOWN = DateJudgement(None, DateKind.UNKNOWN, None, None, "")


_Fixed = tuple[dt.date, str, bool, int]  # (day, words, written with its weekday, start)
_Window = tuple[dt.date, dt.date | None, dt.date, str, bool]  # (lo, hi, best, why, strong)
_TextDay = tuple[dt.date, dt.date | None, dt.date, str, DateKind]  # (lo, hi, best, why, kind)


@dataclass(slots=True)
class _Case:
    """What one judgement weighs: the claims sorted by kind, the text's evidence, the events it
    reports, the bounds they set, and the notes of what was set aside."""

    text: str
    ev: _Evidence
    events: Sequence[ReportedEvent]
    notes: list[str]
    day_claims: list[DateClaim]
    month_claims: list[DateClaim]
    dateline_days: list[DateClaim]
    floor: dt.date | None = None  # the article is not before this (events and captions too)
    floor_text: str = ""
    text_floor: dt.date | None = None  # what a stated day must not precede: the text's own
    text_floor_text: str = ""
    ceiling: dt.date | None = None
    latest_event: ReportedEvent | None = None
    ref: dt.date | None = None  # the year for month-days written without one comes from here
    caption_day: _Fixed | None = None
    caption_news: bool = False  # the caption's day is the day of an event it shows
    fixed: list[_Fixed] | None = None
    latest_fixed: _Fixed | None = None


def judge_date(
    text: str,
    claims: Iterable[DateClaim] = (),
    events: Sequence[ReportedEvent] | Callable[[], Sequence[ReportedEvent]] = (),
    *,
    mentions: Sequence[DateMention] | None = None,
) -> DateJudgement:
    """The article's date from its claims, its text and the events it reports (``events``
    may be a callable: the events are then looked for only when the claims leave it open)."""
    claims = list(claims)
    if callable(events):
        # a stated day (or a dateline's) that the text's own dates do not contradict stands
        # whatever events the text reports: look for them only when it does not
        ambiguous = any(other_reading(c) for c in claims)
        # (a bare metadata line, often the day the page was saved, yields to an event the text
        # dates by its weekday: look for them then too)
        bare = all(c.source in BARE_SOURCES for c in claims if c.source != "caption")
        if not ambiguous and not bare and any(c.source != "caption" for c in claims):
            first = judge_date(text, claims, (), mentions=mentions)
            if first.kind is DateKind.STATED:
                return first
        events = events()
    if mentions is None:
        mentions = find_dates(text, None)
    events, set_aside = within_terms(text, events)
    case = _case(text, claims, events, mentions)
    if set_aside:
        case.notes.append(set_aside)
    found = _from_dateline(case) or _from_stated_day(case)
    if found is not None:
        return found
    window, text_day = _window_and_text_day(case)
    found = _from_stated_month(case, window)
    if found is not None:
        return found
    return _from_text_and_events(case, window, text_day)


def _case(
    text: str,
    claims: list[DateClaim],
    events: Sequence[ReportedEvent],
    mentions: Sequence[DateMention],
) -> _Case:
    """The claims sorted, the text read, and the bounds and reference day they give."""
    captions = [c for c in claims if c.source == "caption"]
    claims = [c for c in claims if c.source != "caption"]
    as_of = title_report_day(text)
    if as_of is not None:
        claims.append(as_of)
    ev = _read_text(text, mentions)
    notes: list[str] = []
    claims = _without_chrome_stamps(claims, notes)
    news = [e.date for e in events if not e.background] + ev.news
    claims = read_by_evidence(claims, news, notes)
    claims = _weekday_consistent(claims, ev.days, notes)
    case = _Case(
        text, ev, events, notes,
        day_claims=[c for c in claims if c.precision == "day" and c.year_known],
        month_claims=[c for c in claims if c.precision == "month"],
        dateline_days=[c for c in claims if not c.year_known],
    )  # fmt: skip
    # (a stated day the text names again is no floor for the other days it names)
    stated = {c.date for c in case.day_claims}
    floors = [f for f in ev.floors if f[0] not in stated]
    case.floor, case.floor_text = max(floors, default=(None, ""), key=lambda f: f[0])
    case.text_floor, case.text_floor_text = case.floor, case.floor_text
    case.latest_event = max(events, key=lambda e: e.date, default=None)
    latest_event = case.latest_event
    if latest_event is not None and (case.floor is None or latest_event.date > case.floor):
        case.floor, case.floor_text = latest_event.date, f"reports {latest_event.description}"
    case.ceiling = min((d for d, _ in ev.ceilings), default=None)
    case.ref = _reference_day(case)
    _read_captions(case, captions)
    # a month-day without its year may precede the events reported ("agreed on March 5"): only
    # the text's own dates bound it from below
    fixed = _fixed_days(ev.days, case.text_floor, case.ref, term_window(text))
    # "a ceasefire agreement on March 5": the day of an agreement, summit or vote it cites is
    # background, a floor, not the news the article reports
    cited = {
        e.date + dt.timedelta(days=k)
        for e in events if e.kind in _CITED_KINDS for k in (-1, 0, 1)
    }  # fmt: skip
    case.fixed = [f for f in fixed if f[2] or f[0] not in cited]
    # of two mentions of the latest day, the one written with its year says the most
    case.latest_fixed = max(
        case.fixed, default=None, key=lambda f: (f[0], _YEAR_IN.search(f[1]) is not None)
    )
    return case


def _reference_day(case: _Case) -> dt.date | None:
    """A year for month-days written without one: a claim, a dated mention, a year named as
    news (not "since 2011"), or a reported event — never a background year alone."""
    ref = next((c.date for c in case.day_claims), None)
    ref = ref or next((c.date for c in case.month_claims), None)
    if ref is None and case.ev.dated:
        ref = max(d for d, _ in case.ev.dated)
    news = max((e for e in case.events if not e.background), key=lambda e: e.date, default=None)
    if ref is None and news is not None:  # (an event in the background gives no year)
        ref = news.date
    if ref is None and case.ev.years:
        ref = dt.date(max(y for y, _ in case.ev.years), 7, 1)
    if ref is None and case.ceiling is not None:
        ref = case.ceiling - dt.timedelta(days=200)
    return ref


def _read_captions(case: _Case, captions: list[DateClaim]) -> None:
    """A photo is taken before the article that shows it: a caption's day is a floor."""
    for c in captions:
        if c.year_known:
            day: dt.date | None = c.date
        else:
            year = _year_near(c.date.month, c.date.day, None, case.ref)
            day = _safe(year, c.date.month, c.date.day) if year else None
        if day is not None and (case.floor is None or day > case.floor):
            case.floor, case.floor_text = day, f"a caption's day, {c.text[:60]}"
            if c.year_known and (case.text_floor is None or day > case.text_floor):
                case.text_floor, case.text_floor_text = case.floor, case.floor_text
            case.caption_day = (day, f"a caption's day ({c.text[:50].strip()})", False, -1)
            case.caption_news = c.year_known and _caption_reports_its_day(c.text, day)


def _caption_reports_its_day(caption: str, day: dt.date) -> bool:
    """Whether a caption shows an event of the war on the day it names ("… on January 28, 2020
    shows soldiers on the outskirts of Maarat al-Numan"): a photo of the news, taken the day
    the report was written, not an old photo."""
    for e in reported_events(caption):
        last = e.end or e.date
        if e.date - dt.timedelta(days=1) <= day <= last + dt.timedelta(days=1):
            return True
    return False


def _from_dateline(case: _Case) -> DateJudgement | None:
    """1. A dateline's day, the year from a claim or from the text."""
    for c in case.dateline_days:
        base = case.ref or (case.latest_fixed[0] if case.latest_fixed else None) or case.floor
        year = _year_near(c.date.month, c.date.day, None, base)
        if year is None:
            continue
        day = dt.date(year, c.date.month, c.date.day)
        if case.text_floor is not None and day < case.text_floor - dt.timedelta(days=2):
            case.notes.append(f"dateline {c.text!r} is before what the text reports")
            continue
        kind = DateKind.STATED if case.day_claims or case.month_claims else DateKind.DERIVED
        why = "dateline" if kind is DateKind.STATED else "dateline, the year from the text"
        for other in case.day_claims:
            if abs((other.date - day).days) > 1:
                case.notes.append(f"{other.source} {other.date.isoformat()} set aside for it")
        return _done(day, kind, day, day, f"{why}: {c.text}", case.notes)
    return None


def _from_stated_day(case: _Case) -> DateJudgement | None:
    """2. A stated day, unless the text contradicts it (an event matched in the text can be a
    misreading: only the text's own dates overrule)."""
    order = {source: i for i, source in enumerate(_STATED_SOURCES)}
    for c in sorted(case.day_claims, key=lambda c: order.get(c.source, 99)):
        problem = _contradiction(
            c, case.text_floor, case.text_floor_text, case.latest_fixed, case.ceiling, case.ev
        ) or metadata_line_contradicted(c, case.text, case.ev, case.events)
        if problem:
            case.notes.append(problem)
            continue
        return _done(c.date, DateKind.STATED, c.date, c.date, f"stated: {c.text}", case.notes)
    return None


def _window_and_text_day(case: _Case) -> tuple[_Window | None, _TextDay | None]:
    """3. What the events it reports say, and the days the text fixes."""
    window = _event_window(case.events)
    e = case.latest_event
    if window is not None and window[1] is None and e is not None:
        lead_weekdays = {
            WEEKDAYS[w.group("d").lower()]
            for w in _WEEKDAY_WORD.finditer(case.text[: max(0, _lead_end(case.text))])
            if (w.group("pre") or "").strip().lower() != "next"
        }
        single = (e.end is None or e.end == e.date) and e.kind not in _CITED_KINDS
        single = single and window[0] == e.date
        if (
            single
            and e.date.weekday() in case.ev.weekdays
            and (e.date.weekday() in lead_weekdays or weekday_near(case.text, case.ev, e))
        ):
            # "the ministry said on Wednesday …" of an attack that fell on a Wednesday: the
            # weekday the lead names alone is the day of the news it reports, then up to a week
            lo = e.date
            why = f"{_news_of(window[3])}, on the {_WD[lo.weekday()]} the text names"
            window = (lo, lo + dt.timedelta(days=6), lo + dt.timedelta(days=1), why, True)
        elif (
            _single_news(e)
            and e.date.weekday() in case.ev.weekdays
            and (_days_after(e.date, set(case.ev.weekdays)) > e.date)
        ):
            # "the city fell on Friday … on Saturday … by Sunday": the days that follow the
            # event's own weekday are of its week; the report comes after the last of them
            last = _days_after(e.date, set(case.ev.weekdays))
            why = f"{_news_of(window[3])}, on the {_WD[e.date.weekday()]} the text names, then "
            why += _WD[last.weekday()]
            window = (last, last + dt.timedelta(days=3), last + dt.timedelta(days=1), why, True)
        elif single and not e.background and opening_weekday(case.text, case.ev, e):
            # "killed on Saturday, a monitor said" in the opening, the place named a paragraph
            # below: the first weekday it names is the event's, the news it opens with
            lo = e.date
            why = f"{_news_of(window[3])}, on the {_WD[lo.weekday()]} its opening names"
            window = (lo, lo + dt.timedelta(days=6), lo + dt.timedelta(days=1), why, True)
        elif single and not e.background and opening_today(case.text, case.ev, e):
            # "Turkey today shot down a plane …" above the sentence that names the event: the
            # news of the day the text opens with
            lo = e.date
            why = f"{_news_of(window[3])}, 'today' in its opening"
            window = (lo, lo + dt.timedelta(days=1), lo, why, True)
    news_days = {
        e.date + dt.timedelta(days=k)
        for e in case.events if e.kind not in _CITED_KINDS
        for k in range(-1, ((e.end or e.date) - e.date).days + 2)
    }  # fmt: skip
    text_day = _text_day(
        case.latest_fixed, case.ev, _lead_end(case.text), news_days, floor=case.floor
    )
    caption = case.caption_day
    if caption is not None and (case.latest_fixed is None or caption[0] > case.latest_fixed[0]):
        # weekdays named after a photo's day: "video May 5 … on Monday" (never the photo's day)
        after = _text_day(caption, case.ev, max_gap=2)
        if after is not None and after[0] > caption[0]:
            text_day = after
        elif case.caption_news:
            day = caption[0]
            why = f"{caption[1]}, of the event it shows"
            text_day = (day, day + dt.timedelta(days=2), day, why, DateKind.ESTIMATED)
    return window, text_day


def _news_of(why: str) -> str:
    """An open window's words ("on or after the day it reports X") as the news it dates
    ("reports X")."""
    return why.replace("on or after the day it reports", "reports", 1)


def _single_news(e: ReportedEvent) -> bool:
    """Whether ``e`` is a one-day event reported as news (not cited, not background)."""
    return (e.end is None or e.end == e.date) and e.kind not in _CITED_KINDS and not e.background


def _days_after(day: dt.date, weekdays: set[int]) -> dt.date:
    """The last of the days after ``day`` that the weekdays named run on to, one after another
    ("Friday … Saturday … Sunday"): ``day`` itself when the next day is not named."""
    while (day + dt.timedelta(days=1)).weekday() in weekdays:
        day += dt.timedelta(days=1)
        if len(weekdays) >= 7:
            break
    return day


def _from_stated_month(case: _Case, window: _Window | None) -> DateJudgement | None:
    """4. A month stated without its day: the latest day of it the text reports."""
    ev = case.ev
    for c in case.month_claims:
        first, last = c.date, _month_end(c.date)
        if window is not None and first <= window[0] <= last:
            lo, hi, best, why, _ = window
            return _done(best, DateKind.ESTIMATED, lo, min(hi or last, last),
                         f"stated month {c.text}; {why}", case.notes)  # fmt: skip
        inside = [f for f in case.fixed or () if first <= f[0] <= last]
        if inside:
            day, why, _, _ = max(inside, key=lambda f: f[0])
            recent = ev.recent or ev.today or ev.yesterday
            hi = min(last, day + dt.timedelta(days=3)) if recent else last
            best = _best_after(day, ev)
            return _done(best, DateKind.ESTIMATED, day, hi,
                         f"stated month {c.text}; the latest day it reports in it: {why}",
                         case.notes)  # fmt: skip
        mid = first + (last - first) / 2
        return _done(mid, DateKind.ESTIMATED, first, last, f"stated month: {c.text}", case.notes)
    return None


def _from_text_and_events(
    case: _Case, window: _Window | None, text_day: _TextDay | None
) -> DateJudgement:
    """5. Nothing stated: the events, the text's own days, or both where they agree. The
    text's own explicit days beat an event window found only from where an event was
    reported."""
    notes, text_floor, floor = case.notes, case.text_floor, case.floor
    if window is not None and text_day is not None:
        w_lo, w_hi = window[0], window[1]
        t_lo = text_day[0]
        inside = w_lo - dt.timedelta(days=2) <= t_lo and (w_hi is None or t_lo <= w_hi)
        t_hi = text_day[1] or t_lo
        # (an event the lead reports, bounded, days after the text's latest day: that day is
        # the background of the news, not its day, unless the lead writes it in full)
        fixed = case.latest_fixed
        in_lead = fixed is not None and 0 <= fixed[3] < _lead_end(case.text)
        in_lead = in_lead and fixed is not None and _YEAR_IN.search(fixed[1]) is not None
        news_after = window[1] is not None and t_hi < w_lo - dt.timedelta(days=2) and not in_lead
        if not news_after and (inside or t_lo > w_lo or not window[4]):
            window = None
    too_early = (
        window is not None and text_floor is not None and window[1] is not None
        and text_floor > window[1] + dt.timedelta(days=2)
    )  # fmt: skip
    if window is not None and too_early:
        notes.append(f"{window[3]} is before {case.text_floor_text.strip()!r}")
        window = None
    if window is not None:
        lo, hi, best, why, _ = window
        if floor is not None and floor > lo and (hi is None or floor <= hi):
            lo = floor
            best = max(best, lo)
        kind = DateKind.DERIVED if hi == lo else DateKind.ESTIMATED
        return _done(best, kind, lo, hi, why, notes)
    if text_day is not None:
        day_lo, day_hi, best, why, kind = text_day
        if text_floor is not None and day_lo < text_floor <= day_lo + dt.timedelta(days=7):
            # the text names something a few days later than its latest day: from there
            day_lo, best = text_floor, max(best, text_floor)
            day_hi = None if day_hi is None else max(day_hi, text_floor + dt.timedelta(days=2))
            why += f"; {case.text_floor_text.strip()}"
        if text_floor is not None and day_lo < text_floor - dt.timedelta(days=2):
            notes.append(f"{why.strip()} is before {case.text_floor_text.strip()!r}")
        else:
            return _done(best, kind, day_lo, day_hi, why, notes)
    return _from_bounds(case)


def _from_bounds(case: _Case) -> DateJudgement:
    """Only bounds: not before the latest thing reported, within the war's age it states."""
    floor, ceiling = case.floor, case.ceiling
    if floor is not None:
        hi = ceiling if ceiling and ceiling >= floor else None
        why = f"not before {case.floor_text.strip()}"
        if hi is not None:
            why += "; the war's age bounds it"
        return _done(floor, DateKind.ESTIMATED, floor, hi, why, case.notes)
    if ceiling is not None:
        lo = ceiling - dt.timedelta(days=430)
        return _done(lo, DateKind.ESTIMATED, lo, ceiling, "the war's age it states", case.notes)
    return DateJudgement(None, DateKind.UNKNOWN, None, None, "; ".join(case.notes))


def _text_day(
    latest_fixed: tuple[dt.date, str, bool, int] | None,
    ev: _Evidence,
    lead_end: int = -1,
    news_days: frozenset[dt.date] | set[dt.date] = frozenset(),
    max_gap: int = 6,
    floor: dt.date | None = None,
) -> tuple[dt.date, dt.date | None, dt.date, str, DateKind] | None:
    """``(earliest, latest, best, why, kind)`` from the latest day the text fixes (``floor``:
    the latest thing it reports; a day its lead writes without its year is the news when it
    falls within weeks of that)."""
    if latest_fixed is None:
        return None
    day, why, _, start = latest_fixed
    later = _later_weekdays(day, start, ev, lead_end, max_gap)
    if later and max(later) > day:
        last = max(later)
        best = last if ev.today else last + dt.timedelta(days=1)
        return last, last + dt.timedelta(days=2), best, (
            f"the latest day it reports, {why}, then {_WD[last.weekday()]}"
        ), DateKind.ESTIMATED  # fmt: skip
    if ev.recent or ev.today or ev.yesterday:
        best = _best_after(day, ev)
        kind = (
            DateKind.DERIVED if (best == day and ev.today) or ev.yesterday else DateKind.ESTIMATED
        )
        return day, day + dt.timedelta(days=3), best, f"the latest day it reports: {why}", kind
    anchored = floor is not None and floor - dt.timedelta(days=2) <= day <= floor + _SOON
    if 0 <= start < lead_end and (_YEAR_IN.search(why) or day in news_days or anchored):
        # (a day without its year is the lead's own when it is a day of the news it reports)
        # the lead's own day, with its year: the news the report is written for
        return day, day + dt.timedelta(days=2), day, f"the day its lead reports: {why}", (
            DateKind.ESTIMATED
        )  # fmt: skip
    return day, None, day, f"on or after the latest day it reports: {why}", DateKind.ESTIMATED


def _later_weekdays(
    day: dt.date, start: int, ev: _Evidence, lead_end: int, max_gap: int
) -> list[dt.date]:
    """The days after ``day`` that the weekdays named alone stand for ("On August 22 … on
    Wednesday"); the same weekday as the dated day is that day ("on February 28 … said on
    Friday"). When the text names the dated day's own weekday too ("on Monday" of a Monday's
    date), that day is the news and a weekday four or more days on is one of the days before
    it ("… a day after the strikes on Sunday"), unless the lead names it and the dated day
    stands outside the lead, as background."""
    out = []
    same_day = day.weekday() in ev.weekdays
    for wd, pos in zip(ev.weekdays, ev.weekday_starts, strict=True):
        gap = (wd - day.weekday()) % 7
        if gap == 0 or gap > max_gap:
            continue
        news_weekday = 0 <= pos < lead_end and not 0 <= start < lead_end
        if gap >= 4 and same_day and not news_weekday:
            continue
        out.append(day + dt.timedelta(days=gap))
    return out


#: A day its lead writes without its year is the news when within this of the latest event.
_SOON = dt.timedelta(days=60)


def _best_after(day: dt.date, ev: _Evidence) -> dt.date:
    """The likeliest publication day for an article reporting ``day`` as recent."""
    if ev.today:
        return day
    if ev.yesterday:
        return day + dt.timedelta(days=1)
    return day + dt.timedelta(days=1) if ev.recent else day


def _done(
    day: dt.date,
    kind: DateKind,
    lo: dt.date | None,
    hi: dt.date | None,
    why: str,
    notes: list[str],
) -> DateJudgement:
    today = dt.date.today()
    day = min(day, today)
    if hi is not None:
        hi = min(hi, today)
        day = min(day, hi)
    if lo is not None:
        day = max(day, lo)
    evidence = why if not notes else f"{why}; " + "; ".join(notes)
    return DateJudgement(day, kind, lo, hi, evidence)
