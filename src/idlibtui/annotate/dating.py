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
conflict") only bounds the date from below: it is never taken for the date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from idlibtui.annotate.dates import (
    FOREIGN_MONTHS,
    MONTHS,
    WAR_START,
    WEEKDAYS,
    DateMention,
    find_dates,
    war_age_mentions,
)
from idlibtui.model import DateClaim, DateKind

#: An estimate narrower than this is precise enough to give as a day.
PRECISE_DAYS = 7
#: The last day an article of this tool's corpora can plausibly carry.
_LATEST_PLAUSIBLE = dt.date(2030, 12, 31)
_EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)


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


@dataclass(frozen=True, slots=True)
class ReportedEvent:
    """A dated event the text reports, from the events timeline."""

    date: dt.date
    end: dt.date | None
    description: str
    sentence: str  # how the text speaks of it ("on Monday", "last week", "two weeks ago")
    lead: bool = False  # reported in the headline or the opening sentences: the news itself
    kind: str = "other"  # the timeline's kind: attack, capture, agreement, summit …


# --------------------------------------------------------------------------------------------
# Reading the text's own evidence
# --------------------------------------------------------------------------------------------

_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|to\s+be|scheduled|planned|plans?|expected|due|deadline|until|till"
    r"|by|before|ahead\s+of|upcoming|set\s+to|next|expires?|extended|starting|from|runs?)"
    r"\W+(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:since|from|between|after|as\s+of|in|during|throughout|early|late|mid|back\s+in"
    r"|started|began|begun|start(?:ed)?\s+in|last\s+year|earlier)\W*$",
    re.IGNORECASE,
)
# "the March 5 ceasefire", "a Sept. 17 deal": a day named as a modifier refers back
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|its|this|that|their|last\s+year['’]s)\s+$", re.I)
_RECENT_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening|week)|last\s+night"
    r"|earlier\s+(?:today|on\s+\w+)|(?:on\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b",
    re.IGNORECASE,
)
_MONTH_IN = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
_WEEKDAY_NEAR = re.compile(
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\W{1,4}$", re.IGNORECASE
)
_WEEKDAY_AFTER = re.compile(
    r"^\W{1,4}(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _DayMention:
    """A month-day in the text: the year is known or to be fixed; ``weekday`` written beside."""

    month: int
    day: int
    year: int | None
    weekday: int | None
    context: str  # "event", "background" or "future"
    text: str
    start: int = 0


def _context(text: str, start: int) -> str:
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    if cut >= 0:
        before = before[cut + 1 :]
    if _FUTURE_BEFORE.search(before):
        return "future"
    if _BACKGROUND_BEFORE.search(before) or _MODIFIER_BEFORE.search(before):
        return "background"
    return "event"


_NUMERIC_DAY = re.compile(
    r"^(?:(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)|(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})"
    r"(?P=sep)(?:19|20)\d\d)$"
)


def _month_day(mention: str) -> tuple[int, int] | None:
    m = _MONTH_IN.search(mention)
    if m is None:
        return _numeric_month_day(mention)
    if m.group(1):
        month, day = MONTHS[m.group(1).lower()], int(m.group(2))
    else:
        month, day = MONTHS[m.group(4).lower()], int(m.group(3))
    if not 1 <= day <= 31:
        return None
    return month, day


def _numeric_month_day(mention: str) -> tuple[int, int] | None:
    """``(month, day)`` of a numeric date the date finder read ("15.12.2016", "2019-12-28")."""
    m = _NUMERIC_DAY.match(mention.strip())
    if m is None:
        return None
    if m.group("y"):
        return int(m.group("m")), int(m.group("d"))
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group("sep") == "." or (a > 12 >= b):
        return (b, a) if 1 <= b <= 12 else None
    return (a, b) if 1 <= a <= 12 and b > 12 else None


def _weekday_beside(text: str, start: int, end: int) -> int | None:
    m = _WEEKDAY_NEAR.search(text[max(0, start - 14) : start].replace("(", " "))
    if m is None:
        m = _WEEKDAY_AFTER.match(text[end : end + 14].replace("(", " ").replace(")", " "))
    return WEEKDAYS[m.group(1).lower()] if m else None


@dataclass(slots=True)
class _Evidence:
    days: list[_DayMention]
    floors: list[tuple[dt.date, str]]  # the article is on or after these (background included)
    dated: list[tuple[dt.date, str]]  # day- and month-precise dates with a year, not future
    years: list[tuple[int, str]]  # years named outside background and future contexts
    ceilings: list[tuple[dt.date, str]]  # and before these (a war age's upper end)
    weekdays: list[int]  # weekdays named alone ("on Monday"), not of the future
    recent: bool  # words of recency: it reports things of the last days
    today: bool  # "today", "this morning": of the same day
    yesterday: bool


def _read_text(text: str, mentions: Sequence[DateMention]) -> _Evidence:
    ev = _Evidence([], [], [], [], [], [], False, False, False)
    attached = _attached_weekdays(text, mentions)
    for dm in mentions:
        context = _context(text, dm.start)
        absolute = dm.date is not None and not dm.relative
        if absolute and dm.precision in ("day", "month") and context != "future":
            ev.dated.append((dm.date, dm.text))
        if dm.precision == "day":
            md = _month_day(dm.text)
            if md is None:
                wd = re.search(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday",
                               dm.text)  # fmt: skip
                alone = dm.start not in attached
                if wd and alone and context != "future" and not re.match(r"(?i)next\b", dm.text):
                    ev.weekdays.append(WEEKDAYS[wd.group(0).lower()])
                continue
            year = dm.date.year if (dm.date is not None and not dm.relative) else None
            wd = _weekday_beside(text, dm.start, dm.end)
            ev.days.append(_DayMention(md[0], md[1], year, wd, context, dm.text, dm.start))
            if year is not None and context != "future" and dm.date is not None:
                ev.floors.append((dm.date, dm.text))
        elif not dm.relative and dm.date is not None and context != "future":
            ev.floors.append((dm.date, dm.text))  # a month or a year: the article is not before
            if dm.precision == "year" and context == "event":
                ev.years.append((dm.date.year, dm.text))
    for years, phrase in war_age_mentions(text):
        whole = int(years)
        # "the nine-year war": written from about nine to about ten years after March 2011
        ev.floors.append((_add_years(WAR_START, whole) - dt.timedelta(days=190), phrase))
        ev.ceilings.append((_add_years(WAR_START, whole + 1) + dt.timedelta(days=120), phrase))
    lowered = text.lower()
    ev.recent = _RECENT_WORDS.search(text) is not None
    ev.today = any(w in lowered for w in ("today", "this morning", "this afternoon", "tonight"))
    ev.yesterday = "yesterday" in lowered or "last night" in lowered
    return ev


def _attached_weekdays(text: str, mentions: Sequence[DateMention]) -> set[int]:
    """Starts of weekday mentions written beside a month-day ("Friday (February 28)")."""
    days = [dm for dm in mentions if dm.precision == "day" and _month_day(dm.text)]
    out: set[int] = set()
    for dm in mentions:
        if _month_day(dm.text) is not None or not _WEEKDAY_WORD.search(dm.text):
            continue
        for other in days:
            gap = (
                text[dm.end : other.start] if dm.end <= other.start else text[other.end : dm.start]
            )
            if len(gap) <= 4 and not any(ch.isalnum() for ch in gap):
                out.add(dm.start)
    return out


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_near(month: int, day: int, floor: dt.date | None, ref: dt.date | None) -> int | None:
    """The year that puts a month-day on or after ``floor`` and nearest ``ref``."""
    if ref is None:
        return None
    best: tuple[bool, int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        d = _safe(year, month, day)
        if d is None or (floor is not None and d < floor - dt.timedelta(days=3)):
            continue
        # a text speaks of days past more than of days to come: "March 5" in a report of
        # September is the March before it, not the one after, unless the floor says so
        later = d > ref + dt.timedelta(days=31)
        key = (later, abs((d - ref).days), year)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _weekday_years(month: int, day: int, weekday: int, lo: int, hi: int) -> list[int]:
    return [y for y in range(lo, hi + 1) if (d := _safe(y, month, day)) and d.weekday() == weekday]


def _month_end(first: dt.date) -> dt.date:
    nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


# --------------------------------------------------------------------------------------------
# Events the text reports: when was it written, given how it speaks of them?
# --------------------------------------------------------------------------------------------

_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|few)"
    r"\s+(?P<u>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3, "few": 3}  # fmt: skip
#: Kinds of events cited long after they happened.
_CITED_KINDS = frozenset({"agreement", "ceasefire", "summit", "vote"})
_LASTING = re.compile(
    r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]"
    r"(?P<u>day|week|month)[\s-]+long\b",
    re.IGNORECASE,
)
_WEEKDAY_WORD = re.compile(
    r"\b(?P<pre>next\s+|on\s+|last\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b",
    re.IGNORECASE,
)


def _window(event: ReportedEvent) -> tuple[dt.date, dt.date | None, str]:
    """The days the article can have been written on, from how its sentence dates the event."""
    e, end = event.date, event.end or event.date
    s = event.sentence.lower()
    week = dt.timedelta(days=7)
    if re.search(
        r"\b(?:today|this morning|this afternoon|this evening|tonight|earlier today)\b", s
    ):
        if end > e:  # a span's "today" is one of its days: its first when it "began" today
            if re.search(r"\b(?:began|begun|begins|started|starts|got\s+under\s+way)\b", s):
                return e, e, "today, as it began"
            return e, end, "today"
        return end, end, "today"
    if re.search(r"\b(?:yesterday|last night)\b", s):
        return end + dt.timedelta(days=1), end + dt.timedelta(days=1), "yesterday"
    m = _AGO.search(s)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER[" ".join(m.group("n").split())]
        unit = m.group("u")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        slack = {"day": 0, "week": 3, "month": 12, "year": 120}[unit]
        mid = e + dt.timedelta(days=days)
        return mid - dt.timedelta(days=slack), mid + dt.timedelta(days=slack), m.group(0)
    m = _LASTING.search(s)
    if m and end > e:  # "a week-long bombardment" of an offensive that began on e
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER.get(m.group("n"), 1)
        days = {"day": 1, "week": 7, "month": 30}[m.group("u")] * n
        mid = e + dt.timedelta(days=days)
        slack = dt.timedelta(days=max(1, days // 4))
        return mid - slack, mid + slack, m.group(0)
    if re.search(r"\blast week\b", s):
        monday = e - dt.timedelta(days=e.weekday()) + week
        return monday, monday + dt.timedelta(days=6), "last week"
    if re.search(r"\b(?:earlier )?this week\b", s):
        return end, e - dt.timedelta(days=e.weekday()) + dt.timedelta(days=6), "this week"
    if re.search(r"\blast month\b", s):
        first = _month_end(e) + dt.timedelta(days=1)
        return first, _month_end(first), "last month"
    if re.search(r"\b(?:earlier )?this month\b", s):
        return end, _month_end(e), "this month"
    if re.search(r"\blast year\b", s):
        return dt.date(e.year + 1, 1, 1), dt.date(e.year + 1, 12, 31), "last year"
    for m in _WEEKDAY_WORD.finditer(s):
        if (m.group("pre") or "").strip() == "next":
            continue
        wd = WEEKDAYS[m.group("d")]
        days = [e + dt.timedelta(days=k) for k in range((end - e).days + 1)]
        named = [d for d in days if d.weekday() == wd]
        if named:  # the day is one of the event's days with that weekday, then up to a week
            return named[0], named[-1] + dt.timedelta(days=6), m.group(0)
        if end > e and (m.group("pre") or "").strip() != "last":
            # a span none of whose days has that weekday: the day after it ("the army took
            # the towns in the past days, the command said on Wednesday")
            after = end + dt.timedelta(days=(wd - end.weekday()) % 7 or 7)
            return after, after + dt.timedelta(days=3), m.group(0)
    if event.lead and event.kind not in _CITED_KINDS and (end - e).days <= 5:
        # the news of the day (or of a few days): reported in the headline or the lead, with
        # no word of time
        return e, end + dt.timedelta(days=2), "in the lead"
    return e, None, ""


# --------------------------------------------------------------------------------------------
# The judgement
# --------------------------------------------------------------------------------------------

_STATED_SOURCES = (
    "HTML meta", "metadata line", "published line", "source line", "byline", "date line", "url",
)  # fmt: skip
#: Claims that page chrome makes (a site header's day, a forum stamp) beside the article's own.
_CHROME_PRONE = ("date line", "byline", "source line")


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
        if any(c.source != "caption" for c in claims):
            first = judge_date(text, claims, (), mentions=mentions)
            if first.kind is DateKind.STATED:
                return first
        events = events()
    captions = [c for c in claims if c.source == "caption"]
    claims = [c for c in claims if c.source != "caption"]
    if mentions is None:
        mentions = find_dates(text, None)
    ev = _read_text(text, mentions)
    notes: list[str] = []

    floor, floor_text = max(ev.floors, default=(None, ""), key=lambda f: f[0])
    text_floor, text_floor_text = floor, floor_text  # what a stated day must not precede
    latest_event = max(events, key=lambda e: e.date, default=None)
    if latest_event is not None and (floor is None or latest_event.date > floor):
        floor, floor_text = latest_event.date, f"reports {latest_event.description}"
    ceiling = min((d for d, _ in ev.ceilings), default=None)

    claims = _weekday_consistent(claims, ev.days, notes)
    day_claims = [c for c in claims if c.precision == "day" and c.year_known]
    month_claims = [c for c in claims if c.precision == "month"]
    dateline_days = [c for c in claims if not c.year_known]

    # A year for month-days written without one: a claim, a dated mention, a year named as
    # news (not "since 2011"), or a reported event — never a background year alone.
    ref = next((c.date for c in day_claims), None) or next((c.date for c in month_claims), None)
    if ref is None and ev.dated:
        ref = max(d for d, _ in ev.dated)
    if ref is None and latest_event is not None:
        ref = latest_event.date
    if ref is None and ev.years:
        ref = dt.date(max(y for y, _ in ev.years), 7, 1)
    if ref is None and ceiling is not None:
        ref = ceiling - dt.timedelta(days=200)

    caption_day: tuple[dt.date, str, bool, int] | None = None
    for c in captions:  # a photo is taken before the article that shows it
        if c.year_known:
            day = c.date
        else:
            year = _year_near(c.date.month, c.date.day, None, ref)
            day = _safe(year, c.date.month, c.date.day) if year else None
        if day is not None and (floor is None or day > floor):
            floor, floor_text = day, f"a caption's day, {c.text[:60]}"
            if c.year_known and (text_floor is None or day > text_floor):
                text_floor, text_floor_text = floor, floor_text
            caption_day = (day, f"a caption's day ({c.text[:50].strip()})", False, -1)

    # a month-day without its year may precede the events reported ("agreed on March 5"): only
    # the text's own dates bound it from below
    fixed = _fixed_days(ev.days, text_floor, ref)
    # "a ceasefire agreement on March 5": the day of an agreement, summit or vote it cites is
    # background, a floor, not the news the article reports
    cited = {
        e.date + dt.timedelta(days=k)
        for e in events if e.kind in _CITED_KINDS for k in (-1, 0, 1)
    }  # fmt: skip
    fixed = [f for f in fixed if f[2] or f[0] not in cited]
    # of two mentions of the latest day, the one written with its year says the most
    latest_fixed = max(fixed, default=None, key=lambda f: (f[0], _YEAR_IN.search(f[1]) is not None))

    # 1. A dateline's day, the year from a claim or from the text.
    for c in dateline_days:
        base = ref or (latest_fixed[0] if latest_fixed else None) or floor
        year = _year_near(c.date.month, c.date.day, None, base)
        if year is None:
            continue
        day = dt.date(year, c.date.month, c.date.day)
        if text_floor is not None and day < text_floor - dt.timedelta(days=2):
            notes.append(f"dateline {c.text!r} is before what the text reports")
            continue
        kind = DateKind.STATED if day_claims or month_claims else DateKind.DERIVED
        why = "dateline" if kind is DateKind.STATED else "dateline, the year from the text"
        for other in day_claims:
            if abs((other.date - day).days) > 1:
                notes.append(f"{other.source} {other.date.isoformat()} set aside for it")
        return _done(day, kind, day, day, f"{why}: {c.text}", notes)

    # 2. A stated day, unless the text contradicts it.
    order = {source: i for i, source in enumerate(_STATED_SOURCES)}
    for c in sorted(day_claims, key=lambda c: order.get(c.source, 99)):
        # an event matched in the text can be a misreading: only the text's own dates overrule
        problem = _contradiction(c, text_floor, text_floor_text, latest_fixed, ceiling, ev)
        if problem:
            notes.append(problem)
            continue
        return _done(c.date, DateKind.STATED, c.date, c.date, f"stated: {c.text}", notes)

    # 3. What the events it reports say, and the days the text fixes.
    window = _event_window(events)
    if window is not None and window[1] is None and latest_event is not None:
        e = latest_event
        lead_weekdays = {
            WEEKDAYS[w.group("d").lower()]
            for w in _WEEKDAY_WORD.finditer(text[: max(0, _lead_end(text))])
            if (w.group("pre") or "").strip().lower() != "next"
        }
        if (
            (e.end is None or e.end == e.date)
            and e.date.weekday() in ev.weekdays
            and e.date.weekday() in lead_weekdays
            and (e.kind not in _CITED_KINDS and window[0] == e.date)
        ):
            # "the ministry said on Wednesday …" of an attack that fell on a Wednesday: the
            # weekday the lead names alone is the day of the news it reports, then up to a week
            lo = e.date
            why = f"{window[3]}, on the {_WD[lo.weekday()]} the text names"
            window = (lo, lo + dt.timedelta(days=6), lo + dt.timedelta(days=1), why, True)
    news_days = {
        e.date + dt.timedelta(days=k)
        for e in events if e.kind not in _CITED_KINDS
        for k in range(-1, ((e.end or e.date) - e.date).days + 2)
    }  # fmt: skip
    text_day = _text_day(latest_fixed, ev, _lead_end(text), news_days)
    if caption_day is not None and (latest_fixed is None or caption_day[0] > latest_fixed[0]):
        # weekdays named after a photo's day: "video May 5 … on Monday" (never the photo's day)
        after = _text_day(caption_day, ev)
        if after is not None and after[0] > caption_day[0]:
            text_day = after

    # 4. A month stated without its day: the latest day of it the text reports.
    for c in month_claims:
        first, last = c.date, _month_end(c.date)
        if window is not None and first <= window[0] <= last:
            lo, hi, best, why, _ = window
            return _done(best, DateKind.ESTIMATED, lo, min(hi or last, last),
                         f"stated month {c.text}; {why}", notes)  # fmt: skip
        inside = [f for f in fixed if first <= f[0] <= last]
        if inside:
            day, why, _, _ = max(inside, key=lambda f: f[0])
            recent = ev.recent or ev.today or ev.yesterday
            hi = min(last, day + dt.timedelta(days=3)) if recent else last
            best = _best_after(day, ev)
            return _done(best, DateKind.ESTIMATED, day, hi,
                         f"stated month {c.text}; the latest day it reports in it: {why}",
                         notes)  # fmt: skip
        mid = first + (last - first) / 2
        return _done(mid, DateKind.ESTIMATED, first, last, f"stated month: {c.text}", notes)

    # 5. Nothing stated: the events, the text's own days, or both where they agree. The text's
    # own explicit days beat an event window found only from where an event was reported.
    if window is not None and text_day is not None:
        w_lo, w_hi = window[0], window[1]
        t_lo = text_day[0]
        inside = w_lo - dt.timedelta(days=2) <= t_lo and (w_hi is None or t_lo <= w_hi)
        if inside or t_lo > w_lo or not window[4]:
            window = None
    too_early = (
        window is not None and text_floor is not None and window[1] is not None
        and text_floor > window[1] + dt.timedelta(days=2)
    )  # fmt: skip
    if window is not None and too_early:
        notes.append(f"{window[3]} is before {text_floor_text.strip()!r}")
        window = None
    if window is not None:
        lo, hi, best, why, _ = window
        if floor is not None and floor > lo and (hi is None or floor <= hi):
            lo = floor
            best = max(best, lo)
        kind = DateKind.DERIVED if hi == lo else DateKind.ESTIMATED
        return _done(best, kind, lo, hi, why, notes)
    if text_day is not None:
        lo, hi, best, why, kind = text_day
        if text_floor is not None and lo < text_floor - dt.timedelta(days=2):
            notes.append(f"{why.strip()} is before {text_floor_text.strip()!r}")
        else:
            return _done(best, kind, lo, hi, why, notes)
    if floor is not None:
        hi = ceiling if ceiling and ceiling >= floor else None
        why = f"not before {floor_text.strip()}"
        if hi is not None:
            why += "; the war's age bounds it"
        return _done(floor, DateKind.ESTIMATED, floor, hi, why, notes)
    if ceiling is not None:
        lo = ceiling - dt.timedelta(days=430)
        return _done(lo, DateKind.ESTIMATED, lo, ceiling, "the war's age it states", notes)
    return DateJudgement(None, DateKind.UNKNOWN, None, None, "; ".join(notes))


def _weekday_consistent(
    claims: list[DateClaim], days: Sequence[_DayMention], notes: list[str]
) -> list[DateClaim]:
    """The claims whose year fits the weekdays the text writes beside its month-days
    ("Thursday (February 27)" is not of 2024): a page's chrome often names another year."""
    pinned = [d for d in days if d.weekday is not None and d.year is None and d.context != "future"]
    if not pinned:
        return claims
    kept = []
    for c in claims:
        if not c.year_known or c.source not in (*_CHROME_PRONE, "metadata line"):
            kept.append(c)
            continue
        fits = all(_weekday_years(d.month, d.day, d.weekday or 0, c.date.year - 1, c.date.year)
                   for d in pinned)  # fmt: skip
        if fits:
            kept.append(c)
        else:
            notes.append(f"{c.source} {c.date.isoformat()} set aside: the weekdays the text "
                         f"gives its days do not fit {c.date.year}")  # fmt: skip
    return kept


def _event_window(
    events: Sequence[ReportedEvent],
) -> tuple[dt.date, dt.date | None, dt.date, str, bool] | None:
    """``(earliest, latest, best, why, strong)`` from the events reported and how the text
    dates them; ``strong`` when a word of time does ("on Monday", "last week"), not only
    where the event stands (the lead)."""
    if not events:
        return None
    windows = [(*_window(e), e) for e in events]
    bounded = [w for w in windows if w[1] is not None]
    latest = max(windows, key=lambda w: w[0])
    if not bounded:
        e = latest[3]
        why = f"on or after the day it reports {e.description}"
        return latest[0], None, latest[0], why, False
    lo = max(w[0] for w in bounded)
    hi = min(w[1] for w in bounded if w[1] is not None)
    if lo > hi:  # inconsistent: trust the latest event's own window
        w = max(bounded, key=lambda w: w[0])
        lo, hi, chosen = w[0], w[1], [w]
    else:
        chosen = bounded
    lo = max(lo, latest[0]) if latest[0] <= hi else lo
    words = "; ".join(f"reports {w[3].description} ({w[2]})" for w in chosen[:3])
    best = lo if lo == hi or any(w[2] == "today" for w in chosen) else lo + dt.timedelta(days=1)
    strong = any(w[2] not in ("", "in the lead") for w in chosen)
    return lo, hi, min(best, hi), words, strong


def _text_day(
    latest_fixed: tuple[dt.date, str, bool, int] | None,
    ev: _Evidence,
    lead_end: int = -1,
    news_days: frozenset[dt.date] | set[dt.date] = frozenset(),
) -> tuple[dt.date, dt.date | None, dt.date, str, DateKind] | None:
    """``(earliest, latest, best, why, kind)`` from the latest day the text fixes."""
    if latest_fixed is None:
        return None
    day, why, _, start = latest_fixed
    # Weekdays named alone are the days after the dated ones ("On August 22 … on Wednesday"),
    # or the dated day itself when it was written with that weekday ("Tuesday (Sept 5)").
    # (the same weekday as the dated day is that day: "on February 28 … said on Friday")
    later = [day + dt.timedelta(days=(wd - day.weekday()) % 7) for wd in ev.weekdays]
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
    if 0 <= start < lead_end and (_YEAR_IN.search(why) or day in news_days):
        # (a day without its year is the lead's own when it is a day of the news it reports)
        # the lead's own day, with its year: the news the report is written for
        return day, day + dt.timedelta(days=2), day, f"the day its lead reports: {why}", (
            DateKind.ESTIMATED
        )  # fmt: skip
    return day, None, day, f"on or after the latest day it reports: {why}", DateKind.ESTIMATED


def _fixed_days(
    days: Sequence[_DayMention], floor: dt.date | None, ref: dt.date | None
) -> list[tuple[dt.date, str, bool, int]]:
    """Days of events the text fixes: full dates, weekday + month-day, month-days near a year;
    each with whether a weekday was written beside it."""
    out: list[tuple[dt.date, str, bool, int]] = []
    for d in days:
        if d.context == "future":
            continue
        if d.year is not None:
            day = _safe(d.year, d.month, d.day)
            consistent = day is not None and (d.weekday is None or day.weekday() == d.weekday)
            if consistent and d.context == "event" and day is not None:
                out.append((day, d.text, d.weekday is not None, d.start))
            continue
        if d.weekday is not None:
            lo = (ref.year - 1) if ref else WAR_START.year
            hi = (ref.year + (1 if ref.month == 12 and d.month == 1 else 0)) if ref else (
                dt.date.today().year
            )  # fmt: skip
            years = _weekday_years(d.month, d.day, d.weekday, lo, hi)
            if ref is not None:
                years.sort(key=lambda y: abs((dt.date(y, d.month, d.day) - ref).days))
            if years and (ref is not None or len(years) == 1):
                day = dt.date(years[0], d.month, d.day)
                out.append((day, f"{_WD[d.weekday]} {d.text}", True, d.start))
            continue
        if d.context == "event" and ref is not None:
            year = _year_near(d.month, d.day, floor, ref)
            if year is not None:
                out.append((dt.date(year, d.month, d.day), d.text, False, d.start))
    return out


_WD = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _contradiction(
    claim: DateClaim,
    floor: dt.date | None,
    floor_text: str,
    latest_fixed: tuple[dt.date, str, bool, int] | None,
    ceiling: dt.date | None,
    ev: _Evidence,
) -> str:
    """Why the text contradicts a stated day ("" when it does not)."""
    d = claim.date
    if not _EARLIEST_PLAUSIBLE <= d <= min(_LATEST_PLAUSIBLE, dt.date.today()):
        return f"{claim.source} {d.isoformat()} is not a plausible day"
    if latest_fixed is not None and latest_fixed[0] > d + dt.timedelta(days=2):
        return (
            f"{claim.source} {d.isoformat()} set aside: the text reports "
            f"{latest_fixed[1].strip()!r}, later"
        )
    if floor is not None and floor > d + dt.timedelta(days=2):
        return f"{claim.source} {d.isoformat()} set aside: before {floor_text.strip()!r}"
    if ceiling is not None and d > ceiling + dt.timedelta(days=200):
        return f"{claim.source} {d.isoformat()} set aside: long after the war's age it states"
    if claim.source in _CHROME_PRONE:
        # page chrome: the day a page was saved, far from every date the text names
        named = [f for f, _ in ev.dated] + [dt.date(y, 12, 31) for y, _ in ev.years]
        named += [f for f, _ in ev.floors]
        if named and (d - max(named)).days > 400:
            return f"{claim.source} {d.isoformat()} set aside: long after every date in the text"
    return ""


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


def reported_events(text: str, timeline=None) -> list[ReportedEvent]:
    """The dated events of the war that ``text`` reports, each with its sentence
    (``timeline``: the events to look for; the shipped timeline by default)."""
    try:
        from idlibtui.annotate.events import match_events
    except ImportError:  # the timeline ships with the events module
        return []
    out: list[ReportedEvent] = []
    seen: set[str] = set()
    lead_end = _lead_end(text)
    for m in match_events(text, timeline):
        if m.event.id in seen:
            continue
        sentence = text[m.sentence_start : m.sentence_end]
        if _FUTURE_SENTENCE.search(sentence):
            continue  # "joint patrols will begin on March 15": not yet reported
        if _names_another_day(sentence, m.event.date, m.event.end or m.event.date):
            continue  # "five soldiers killed on Monday, February 3": another attack
        seen.add(m.event.id)
        out.append(
            ReportedEvent(
                m.event.date, m.event.end, m.event.describe(), sentence,
                lead=m.sentence_start < lead_end, kind=m.event.kind,
            )
        )  # fmt: skip
    return out


_FUTURE_SENTENCE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|to\s+be\s+held|scheduled|planned|expected\s+to|due\s+to"
    r"|set\s+to|plans?\s+to|upcoming|ahead\s+of|starting|beginning\s+(?:on|from))\b",
    re.IGNORECASE,
)


_FOREIGN_DAY = re.compile(
    r"(?<![\w.])(\d{1,2})\.?\s+(?:de\s+)?("
    + "|".join(sorted(map(re.escape, FOREIGN_MONTHS), key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


def _names_another_day(sentence: str, first: dt.date, last: dt.date) -> bool:
    """Whether ``sentence`` dates what it reports to a day outside the event's days (in
    English or, day first, in another language: "le 3 mars", "27 Şubat'ta")."""
    named = [md for m in _MONTH_IN.finditer(sentence) if (md := _month_day(m.group(0)))]
    for m in _FOREIGN_DAY.finditer(sentence):
        name = m.group(2).lower()
        if name not in MONTHS:  # an English name ("august", "april") is read above
            named.append((FOREIGN_MONTHS[name], int(m.group(1))))
    days = {(first + dt.timedelta(days=k)) for k in range(-1, (last - first).days + 2)}
    return any(not any((d.month, d.day) == md for d in days) for md in named)


def _lead_end(text: str) -> int:
    """Where the lead ends: the headline and the first paragraph after it (at most 700
    characters), where a report states the news it is written for."""
    end = -1
    for _ in range(2):
        end = text.find("\n\n", end + 1)
        if end < 0:
            return min(len(text), 700)
    return min(end, 700)
