"""The days a text fixes for what it reports: full dates, a weekday written beside a month-day
(which fixes the year), and month-days near a reference year; a term of office the text names
chooses between the years a weekday allows (:mod:`idlibtui.annotate.date_offices`). Used by
:mod:`idlibtui.annotate.dating`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from idlibtui.annotate.date_evidence import _DayMention, _safe, _weekday_years, _year_near
from idlibtui.annotate.date_words import WAR_START

#: With no year in the text, a weekday with a month-day ("Saturday, July 27") is looked for in
#: the war's years up to this one (the corpora's span): taken only when one year fits.
_LAST_PLAUSIBLE_YEAR = 2021
_WD = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fixed_days(
    days: Sequence[_DayMention],
    floor: dt.date | None,
    ref: dt.date | None,
    terms: tuple[dt.date, dt.date, str] | None = None,
) -> list[tuple[dt.date, str, bool, int]]:
    """Days of events the text fixes: full dates, weekday + month-day, month-days near a year;
    each with whether a weekday was written beside it (of the years a weekday allows, those
    within the terms of office the text names, when one is)."""
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
            lo = (ref.year - 1) if ref else max(WAR_START.year, floor.year if floor else 0)
            hi = (ref.year + (1 if ref.month == 12 and d.month == 1 else 0)) if ref else (
                max(lo, _LAST_PLAUSIBLE_YEAR)
            )  # fmt: skip
            years = _weekday_years(d.month, d.day, d.weekday, lo, hi)
            years, by_term = _years_in_terms(years, d, terms, ref is not None)
            if ref is not None:
                years.sort(key=lambda y: abs((dt.date(y, d.month, d.day) - ref).days))
            if years and (ref is not None or len(years) == 1):
                day = dt.date(years[0], d.month, d.day)
                out.append((day, f"{_WD[d.weekday]} {d.text}{by_term}", True, d.start))
            continue
        if d.context == "event" and ref is not None:
            year = _year_near(d.month, d.day, floor, ref)
            if year is not None:
                out.append((dt.date(year, d.month, d.day), d.text, False, d.start))
    return out


def _years_in_terms(
    years: list[int], d: _DayMention, terms: tuple[dt.date, dt.date, str] | None, has_ref: bool
) -> tuple[list[int], str]:
    """Of the years a weekday beside a month-day allows, those within the terms of office the
    text names (looked for within the terms too when the reference year is outside them), and
    words saying so ("" when the terms changed nothing)."""
    if terms is None:
        return years, ""
    lo, hi, names = terms

    def inside(y: int) -> bool:
        day = _safe(y, d.month, d.day)
        return day is not None and lo <= day <= hi

    within = [y for y in years if inside(y)]
    if not within and has_ref and d.weekday is not None:
        within = [
            y for y in _weekday_years(d.month, d.day, d.weekday, lo.year, hi.year) if inside(y)
        ]
    if not within or within == years:
        return years, ""
    return within, f" (the year within the term of {names})"
