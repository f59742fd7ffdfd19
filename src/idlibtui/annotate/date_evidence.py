"""The text's own evidence about when it was written: its month-days (with the weekday written
beside them and whether they are news, background or future), the dates that bound it from below
(background years, full dates) and above (the war's age), and its words of recency.

:mod:`idlibtui.annotate.dating` judges the article's date from this and the page's claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from idlibtui.annotate.date_era import era_floors
from idlibtui.annotate.date_war_age import war_age_mentions
from idlibtui.annotate.date_words import DUE_TO_VERB as _DUE_TO_VERB
from idlibtui.annotate.date_words import MONTHS, WAR_START, WEEKDAYS
from idlibtui.annotate.dates import DateMention

_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|to\s+be|scheduled|planned|plans?|expected|due|deadline|until|till"
    r"|by|before|ahead\s+of|upcoming|set\s+to|next|expires?|extended|starting|from|runs?)"
    r"\W+(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:since|from|between|after|as\s+of|in|during|throughout|early|late|mid|back\s+in"
    r"|started|began|begun|start(?:ed)?\s+in|(?:started|began|begun)\s+on|last\s+year|earlier)\W*$",
    re.IGNORECASE,
)
# "the March 5 ceasefire", "a Sept. 17 deal": a day named as a modifier refers back
_MODIFIER_BEFORE = re.compile(
    r"(?<!day\s)\b(?:the|a|an|its|this|that|their|last\s+year['’]s)\s+$", re.I
)  # ("Sunday the 12th of November": the day itself, written out)
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
    if _BYLINE_BEFORE.match(before):
        return "event"  # "Written by Sami Kaya on 15th April, 2020": a byline's day, not "by"
    if _FUTURE_BEFORE.search(before) or _future_clause(text, start):
        return "future"
    if _BACKGROUND_BEFORE.search(before) or _MODIFIER_BEFORE.search(before):
        return "background"
    return "event"


#: A byline's line before its day: "By Sami Kaya |", "Written by Sami Kaya on", "Posted by".
_BYLINE_BEFORE = re.compile(
    r"^\s*(?i:(?:written|posted|published|reported|edited)\s+)?(?i:by)\s+[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:[|,–—-]|\bon\b)?\s*$",
)
#: A clause planned or foreseen: "joint patrols will begin along the M4 on March 15", "the
#: talks are due to resume in Geneva on May 5", "a vote is expected next week".
_FUTURE_CLAUSE = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are|was|were)\s+(?:expected|scheduled|set|slated)\s+to"
    r"|(?:is|are)\s+to|plans?\s+to|planned\s+to|next\s+(?:week|month)"
    # "they agreed to hold a new round in Astana in mid-July": a meeting arranged, not held
    r"|(?:agree[sd]?|agreement|decided|decision)\s+to\s+(?:hold|have|meet|resume|convene"
    r"|reconvene|start|begin|launch)"
    r"|(?:a|the)\s+(?:new|next|further|fresh)\s+(?:round|meeting|session|summit))\b"
    # "was due to meet" is of the future then, "was due to the shelling" a cause
    r"|\b(?:is|are|was|were)\s+due\s+to\s+" + _DUE_TO_VERB + r"\b",
    re.IGNORECASE,
)


def _future_clause(text: str, start: int) -> bool:
    """Whether the clause a date is written in (back to its sentence's start, at most 160
    characters) speaks of the future: such a day is not one the article reports."""
    before = text[max(0, start - 160) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("; "), before.rfind("? "))
    if cut >= 0:
        before = before[cut + 1 :]
    return _FUTURE_CLAUSE.search(before) is not None


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
    news: list[dt.date]  # those of them not written as background ("in September 2015")
    era: list[dt.date]  # the first days of the era-dating names it uses (date_era)
    years: list[tuple[int, str]]  # years named outside background and future contexts
    ceilings: list[tuple[dt.date, str]]  # and before these (a war age's upper end)
    weekdays: list[int]  # weekdays named alone ("on Monday"), not of the future
    weekday_starts: list[int]  # where each of them is written
    recent: bool  # words of recency: it reports things of the last days
    today: bool  # "today", "this morning": of the same day
    yesterday: bool


def _read_text(text: str, mentions: Sequence[DateMention]) -> _Evidence:
    ev = _Evidence([], [], [], [], [], [], [], [], [], False, False, False)
    chrome = _chrome_spans(text)
    attached = _attached_weekdays(text, mentions)
    for dm in mentions:
        if any(a <= dm.start < b for a, b in chrome):
            continue  # a date-counter strip's days: page chrome, not the text's
        context = _context(text, dm.start)
        absolute = dm.date is not None and not dm.relative
        news = absolute and dm.precision in ("day", "month") and context != "future"
        if news and dm.date is not None:
            ev.dated.append((dm.date, dm.text))
            if context == "event":
                ev.news.append(dm.date)
        if dm.precision == "day":
            md = _month_day(dm.text)
            if md is None:
                named = re.search(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday",
                                  dm.text)  # fmt: skip
                alone = dm.start not in attached
                if named and alone and context != "future" and not re.match(r"(?i)next\b", dm.text):
                    ev.weekdays.append(WEEKDAYS[named.group(0).lower()])
                    ev.weekday_starts.append(dm.start)
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
    era = era_floors(text)  # "Hayat Tahrir al-Sham": not before January 2017
    ev.floors.extend(era)
    ev.era.extend(d for d, _ in era)
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


#: A date-counter strip a site shows above every page: "14 November 2018 - Wednesday - 6 Rabi
#: al-Awwal 1440 | 14/11/2018 (14) 13/11/2018 (41) …" (a day with its weekday after it, then
#: a Hijri day or a list of days with counts).
_COUNTER_STRIP = re.compile(
    r"^[^\n]{0,40}?(?:19|20)\d\d\s*[-–—|/]\s*(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b[^\n]*(?:\b1[34]\d\d\b|(?:\d{1,2}/\d{1,2}/(?:19|20)\d\d\s*\(\d+\)[^\n]*){2})[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _chrome_spans(text: str) -> list[tuple[int, int]]:
    """The lines of ``text`` that are a site's date-counter strip."""
    if "day" not in text[:2000].lower():
        return []
    return [m.span() for m in _COUNTER_STRIP.finditer(text[:2000])]


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


_WEEKDAY_WORD = re.compile(
    r"\b(?P<pre>next\s+|on\s+|last\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b",
    re.IGNORECASE,
)
