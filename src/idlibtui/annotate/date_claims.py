"""The dates a page states about itself (``Article.date_claims``), weighed against its text:
page chrome (a site header's saving day, a date-counter strip) is set aside, and so is a stated
day that the text contradicts (it reports later days, its weekdays fit another year, or the claim
is far from every date the text names).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from idlibtui.annotate.date_evidence import _DayMention, _Evidence, _weekday_years
from idlibtui.annotate.date_words import MONTHS
from idlibtui.model import DateClaim

#: The last day an article of this tool's corpora can plausibly carry.
_LATEST_PLAUSIBLE = dt.date(2030, 12, 31)
_EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)
_STATED_SOURCES = (
    "HTML meta", "metadata line", "published line", "source line", "byline", "date line", "url",
    "title",
)  # fmt: skip
#: Claims that page chrome makes (a site header's day, a forum stamp) beside the article's own.
_CHROME_PRONE = ("date line", "byline", "source line")


#: A site header's day, the day the page was saved: "Mon. Oct 3rd, 2022" (an abbreviated
#: weekday, then the month and an ordinal day).
_SAVED_DAY_HEADER = re.compile(
    r"^\W*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)"
    r",?\s+(?:19|20)\d\d\W*$",
    re.IGNORECASE,
)
#: A date-counter strip: "14 November 2018 - Wednesday 10:31" (the weekday after the date).
_TODAY_STRIP = re.compile(
    r"(?:19|20)\d\d\s*[-–—|/]\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _without_chrome_stamps(claims: list[DateClaim], notes: list[str]) -> list[DateClaim]:
    """The claims less a site header's saving day (always) and a date-counter strip (when
    another day is stated): page chrome, not the article's publication day."""

    def chrome(c: DateClaim) -> str:
        if c.source not in _CHROME_PRONE:
            return ""
        if _SAVED_DAY_HEADER.match(c.text):
            return "a site header's day"
        if _TODAY_STRIP.search(c.text) and any(
            o is not c
            and o.precision == "day"
            and o.year_known
            and not _TODAY_STRIP.search(o.text)
            and not _SAVED_DAY_HEADER.match(o.text)
            for o in claims
        ):
            return "a date-counter strip"
        return ""

    kept = []
    for c in claims:
        why = chrome(c)
        if why:
            notes.append(
                f"{c.source} {c.date.isoformat()} set aside: {why} ({c.text.strip()[:40]})"
            )
        else:
            kept.append(c)
    return kept


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
    if claim.source in _CHROME_PRONE and not _publication_line(claim):
        # page chrome: the day a page was saved, far from every date the text names
        # (the dates of its news: what it names as background is no sign of the page's era;
        # a stamp with its clock time is a publication stamp, not a saving day)
        named = [*ev.news, *(dt.date(y, 12, 31) for y, _ in ev.years)]
        named += ev.era if named else []  # (the era it names raises the bar, never sets it)
        if named and not _CLOCK.search(claim.text) and (d - max(named)).days > 400:
            return f"{claim.source} {d.isoformat()} set aside: long after every date in the text"
    return ""


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b(?!\.\d)")
_PUBLICATION_WORDS = re.compile(
    r"\b(?:published|posted|updated|first\s+published|released|issued|written)\b|^\s*by\s+",
    re.IGNORECASE,
)


def _publication_line(claim: DateClaim) -> bool:
    """A byline's or an explicit "Published/Posted/Updated" line's day: an article names older
    events as a matter of course, so such a day long after them is no sign of page chrome."""
    return claim.source == "byline" or _PUBLICATION_WORDS.search(claim.text) is not None


#: A report's own day in its title: "Situation Report No. 5 - As of 8 January 2020".
_AS_OF = re.compile(
    r"\bas\s+(?:of|at)\s+(?:(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]+)\.?"
    r"|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2})),?\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def title_report_day(text: str) -> DateClaim | None:
    """The day a report's title says it stands at ("… - As of 6 February 2020"): the day of its
    information, issued that day or the next."""
    first = text.lstrip()[:300].split("\n", 1)[0]
    m = _AS_OF.search(first)
    if m is None:
        return None
    day, month, year = (m.group("d") or m.group("d2"), m.group("m") or m.group("m2"), m.group("y"))
    number = MONTHS.get(month.lower().rstrip("."))
    if number is None:
        return None
    try:
        when = dt.date(int(year), number, int(day))
    except ValueError:
        return None
    return DateClaim(when, "day", "title", m.group(0), True)


_NUMERIC = re.compile(r"(?<![\d./-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")


def other_reading(claim: DateClaim) -> dt.date | None:
    """The month-first reading of a stated numeric day read day-first ("3/5/2020" is 3 May or
    March 5), when both are days and differ; None for any other claim."""
    if claim.precision != "day" or not claim.year_known:
        return None
    m = _NUMERIC.search(claim.text)
    if m is None:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a == b or a > 12 or b > 12 or claim.date != _day(year, b, a):
        return None
    return _day(year, a, b)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_by_evidence(
    claims: list[DateClaim], news: Sequence[dt.date], notes: list[str]
) -> list[DateClaim]:
    """The claims, a numeric day that reads both ways ("3/5/2020") read in the order the text's
    news fits: the reading on or after the latest news day and nearer to it (within two
    months). When the news decides nothing, the claim is set aside: an honest range beats a
    day of a coin's toss."""
    latest = max(news) if news else None

    def distance(d: dt.date) -> int:
        gap = (d - latest).days if latest is not None else 10_000
        return gap if gap >= -2 else 10_000

    out = []
    for c in claims:
        alt = other_reading(c)
        if alt is None:
            out.append(c)
            continue
        near_alt, near_read = distance(alt), distance(c.date)
        if near_alt < near_read and near_alt <= 60:
            notes.append(f"{c.text.strip()!r} read month first: the news it reports is of "
                         f"{latest}")  # fmt: skip
            out.append(DateClaim(alt, c.precision, c.source, c.text, c.year_known))
        elif near_read < near_alt and near_read <= 60:
            out.append(c)
        else:
            notes.append(f"{c.source} {c.text.strip()!r} set aside: it reads both ways "
                         f"({c.date.isoformat()} or {alt.isoformat()})")  # fmt: skip
    return out
