# ruff: noqa: E501  (the date grammar reads best one alternative per line)
"""Date expressions in free text: find the spans first, then resolve only those.

``find_dates(text, anchor)`` returns every date expression it recognises as a ``DateMention``
(offsets into ``text``). Absolute dates (``December 1, 2019``, ``Dec. 28, 2019``, ``March 2011``,
``in 2015``, ``2019-12-28``) resolve on their own; expressions that need the article's date
(``on Monday``, ``last week``, ``yesterday``, ``September 10``, ``since mid-December``,
``earlier this year``) are ``relative=True`` and resolve backwards from ``anchor`` — a weekday
is the most recent such day on or before the anchor, a month without a year is the most recent
such month. Without an anchor a relative mention keeps ``date=None``.

Nothing is ever parsed fuzzily: a number becomes a date only inside a recognised date shape
("Marwan, 24," is an age, "12 military posts" a count), and a bare four-digit number is a year
only between 1900 and 2099 and in a year-like context.

``war_age_mentions(text)`` gives the ages of the war a text states; the article's own date is
judged in :mod:`idlibtui.annotate.dating` from these and the page's claims.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# the words, the trigger scan and the war's ages live in their own modules; the names other
# modules have always imported from here stay importable from here
from idlibtui.annotate.date_tokens import DATE_TRIGGERS as DATE_TRIGGERS
from idlibtui.annotate.date_tokens import WORD_TOKEN as WORD_TOKEN
from idlibtui.annotate.date_tokens import _memo, date_starts, iter_matches, text_tokens
from idlibtui.annotate.date_tokens import forget_shared_work as forget_shared_work
from idlibtui.annotate.date_tokens import scan_triggers as scan_triggers
from idlibtui.annotate.date_tokens import word_tokens as word_tokens
from idlibtui.annotate.date_war_age import war_age_mentions as war_age_mentions
from idlibtui.annotate.date_words import FOREIGN_MONTHS as FOREIGN_MONTHS
from idlibtui.annotate.date_words import MONTH_NAMES as MONTH_NAMES
from idlibtui.annotate.date_words import MONTHS, NUMBER_WORDS, WEEKDAYS


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: ``start``/``end`` index the text it was found in.

    ``date`` is the first day it refers to, ``date_end`` the last day of a period (None for a
    single day); ``precision`` is ``day``, ``month`` or ``year``; ``relative`` says the
    expression needed the anchor; ``evidence`` says how it was resolved, in words.
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    date_end: dt.date | None
    precision: str
    relative: bool
    evidence: str


_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
# a day's month may be written in capitals too ("8 OCT", "FEBRUARY 28" in datelines and stamps);
# a month alone in capitals is not read (a heading's "MARCH ON DAMASCUS")
_MONTH_DAY = rf"(?:{_MONTH}|{_MONTH_FULL.upper()}|(?:{_MONTH_ABBR.upper()})\.?)"
_PART = r"(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of)"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNTW = (
    r"(?i:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"several|couple\s+of)"
)
_UNIT = r"(?i:day|week|month|year)"

_PATTERN = re.compile(
    rf"""
    (?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b(?!-\d))
  | (?P<num>(?<![\d.,/])(?P<num_a>{_DAY})(?P<num_sep>[./])(?P<num_b>[0-3]\d)(?P=num_sep)(?P<num_y>{_YEAR})\b(?![.,/]\d))
  | (?P<mdy>(?:(?P<mdy_part>{_PART})[\s-]+)?(?P<mdy_m>{_MONTH_DAY})\s+(?P<mdy_d>{_DAY})(?:st|nd|rd|th)?\b
        (?:(?:,\s*|\s+)(?P<mdy_y>{_YEAR})\b)?(?![,.]?\d|\s*%|-\w))
  | (?P<dmy>\b(?P<dmy_d>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{_MONTH_DAY})\b
        (?:(?:,\s*|\s+)(?P<dmy_y>{_YEAR})\b)?)
  | (?P<my>(?:(?P<my_part>{_PART})[\s-]+)?(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})\b(?![,.]?\d))
  | (?P<mo>(?:(?P<mo_part>{_PART}|(?i:last|this|next|early\s+last|late\s+last))[\s-]+)?
        (?P<mo_m>{_MONTH_FULL})\b(?!\s+\d))
  | (?P<yr>(?:(?P<yr_part>{_PART})[\s-]+)?\b(?P<yr_y>{_YEAR})\b(?![,.]?\d|%|\s*%|-\d|'?s\b))
  | (?P<wd>(?:(?P<wd_pre>(?i:last|this|next|on|since|by|until|early|late))\s+)?
        (?P<wd_d>{_WEEKDAY})(?!s\b)(?:\s+(?P<wd_tod>morning|afternoon|evening|night))?\b)
  | (?P<ago>\b(?P<ago_n>{_COUNTW})\s+(?P<ago_u>{_UNIT})s?\s+(?i:ago)\b)
  | (?P<past>\b(?i:the\s+(?:past|last)\s+(?:(?P<past_n>{_COUNTW})\s+)?(?P<past_u>day|week|month|year)s?)\b)
  | (?P<rel>\b(?i:(?P<rel_mod>earlier|later|early|late|mid)[\s-]+)?
        (?P<rel_w>(?i:this|last|next))\s+(?P<rel_u>(?i:week|weekend|month|year))\b)
  | (?P<endof>\b(?i:(?:the\s+)?end\s+of\s+(?P<endof_w>the|this|last|next)\s+(?P<endof_u>week|month|year))\b)
  | (?P<wkend>\b(?i:over|during|at|on)\s+(?P<wkend_t>(?i:the\s+(?:past\s+)?weekend))\b)
  | (?P<word>\b(?P<word_w>(?i:yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening))\b)
    """,
    re.VERBOSE,
)

_YEAR_CONTEXT = frozenset(
    ["in", "since", "of", "from", "until", "till", "by", "during", "early", "late", "mid", "between", "and", "to", "before", "after", "year", "summer", "spring", "autumn", "fall", "winter", "through", "around", "circa", "as", "the", "its", "since"]
)  # fmt: skip
_YEAR_VERBS = frozenset(
    ["was", "is", "saw", "has", "had", "will", "marked", "began", "ended", "brought", "became"]
)
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_NEXT_WORD = re.compile(r"\W*?([A-Za-z]+)")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _part_range(part: str | None, year: int, month: int) -> tuple[dt.date, dt.date]:
    """The days a month refers to, narrowed by early/mid/late/end of."""
    last = calendar.monthrange(year, month)[1]
    p = " ".join((part or "").lower().split())
    if p == "early" or "beginning" in p:
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if p == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if p in ("late",) or "end" in p:
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


def _year_part_range(part: str | None, year: int) -> tuple[dt.date, dt.date]:
    p = " ".join((part or "").lower().split())
    if p == "early" or "beginning" in p:
        return dt.date(year, 1, 1), dt.date(year, 4, 30)
    if p == "mid":
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    if p == "late" or "end" in p:
        return dt.date(year, 9, 1), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _count(word: str | None) -> int:
    if not word:
        return 1
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w, 1)


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else "?"


def _mention(
    m: re.Match[str],
    start: int,
    end: int,
    date: dt.date | None,
    date_end: dt.date | None,
    precision: str,
    relative: bool,
    evidence: str,
) -> DateMention:
    text = m.string[start:end]
    if date_end is not None and date_end == date:
        date_end = None
    return DateMention(start, end, text, date, date_end, precision, relative, evidence)


def _year_context_ok(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year only where a year reads naturally."""
    prev = _PREV_WORD.search(text[max(0, start - 24) : start])
    before = text[max(0, start - 2) : start]
    if "$" in before or "#" in before or "№" in before:
        return False
    if prev and prev.group(1).lower() in _YEAR_CONTEXT:
        return True
    if prev and prev.group(1)[:1].isupper() and prev.group(1).lower() in MONTHS:
        return True
    nxt = _NEXT_WORD.match(text, end, min(len(text), end + 30))
    gap = text[end : end + 2]
    if nxt and gap[:1] == " " and nxt.group(1)[:1].islower():
        # "2000 people", "1500 fighters": a count, not a year; "2019 was …" is a year
        return nxt.group(1) in _YEAR_VERBS
    return not (prev and prev.group(1).lower() in ("no", "number", "nr", "page", "route"))


def _needs_anchor(anchor: dt.date | None) -> str:
    return "" if anchor else "; no article date to resolve it"


def _resolve_month_day(month: int, day: int, anchor: dt.date | None) -> tuple[dt.date | None, str]:
    if anchor is None:
        return None, "month and day without a year; no article date to resolve it"
    d = _safe_date(anchor.year, month, day)
    if d is not None and d > anchor + dt.timedelta(days=7):
        d = _safe_date(anchor.year - 1, month, day)
        return d, f"year taken from the article date {anchor.isoformat()} (the day before it)"
    return d, f"year taken from the article date {anchor.isoformat()}"


def _resolve_month(month: int, anchor: dt.date | None, shift: str = "") -> tuple[int, int] | None:
    """The most recent such month on or before the anchor (``last``/``next`` shift a year)."""
    if anchor is None:
        return None
    year = anchor.year if month <= anchor.month else anchor.year - 1
    if shift == "last" and month >= anchor.month:
        year = anchor.year - 1
    elif shift == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif shift == "this":
        year = anchor.year
    return year, month


def _numeric_date(a: int, b: int, year: int, sep: str) -> dt.date | None:
    """``15.12.2016`` is day first (the dotted form is European); with slashes ``09/10/2019``
    is read only when one order is impossible (``15/12/2016``, ``12/15/2016``)."""
    if sep == ".":
        return _safe_date(year, b, a)
    if a > 12 >= b:
        return _safe_date(year, b, a)
    if b > 12 >= a:
        return _safe_date(year, a, b)
    return None


# One handler per alternative of ``_PATTERN`` (see ``_HANDLERS``): each turns its match into a
# mention, resolved against the anchor where it needs one, or None when it is no date.


def _on_iso(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    d = _safe_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
    if d is None:
        return None
    return _mention(m, s, e, d, None, "day", False, "ISO date")


def _on_num(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    d = _numeric_date(int(g("num_a")), int(g("num_b")), int(g("num_y")), g("num_sep"))
    if d is None:
        return None
    return _mention(m, s, e, d, None, "day", False, "numeric date, day first")


def _on_day(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    kind = m.lastgroup
    month = _month_number(g(f"{kind}_m"))
    day = int(g(f"{kind}_d"))
    year = g(f"{kind}_y")
    if year:
        d = _safe_date(int(year), month, day)
        if d is None:
            return None
        return _mention(m, s, e, d, None, "day", False, "full date")
    d, ev = _resolve_month_day(month, day, anchor)
    if _safe_date(2000, month, day) is None:  # 31 February: not a date
        return None
    return _mention(m, s, e, d, None, "day", True, ev)


def _on_my(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    month = _month_number(g("my_m"))
    year = int(g("my_y"))
    d0, d1 = _part_range(g("my_part"), year, month)
    return _mention(m, s, e, d0, d1, "month", False, "month and year")


def _on_mo(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    name = g("mo_m")
    part = g("mo_part")
    prev = _PREV_WORD.search(text[max(0, s - 24) : s])
    prev_word = prev.group(1).lower() if prev else ""
    if name == "May" and not part and (
        prev_word not in ("in", "since", "until", "till", "of", "by", "from", "during",
                             "through", "between", "and", "to", "before", "after", "last",
                             "this", "next", "early", "late", "mid")):  # fmt: skip
        return None
    if (name == "March" and not part) and prev_word in ("the", "a", "to", "will", "would"):
        return None
    month = MONTHS[name.lower()]
    shift = ""
    p = " ".join((part or "").lower().split())
    if p in ("last", "this", "next"):
        shift, p = p, ""
    elif p in ("early last", "late last"):
        shift, p = "last", p.split()[0]
    ym = _resolve_month(month, anchor, shift)
    if ym is None:
        return _mention(
            m, s, e, None, None, "month", True, "month without a year" + _needs_anchor(anchor)
        )
    d0, d1 = _part_range(p, *ym)
    ev = f"most recent {name} on or before the article date {_iso(anchor)}"
    return _mention(m, s, e, d0, d1, "month", True, ev)


def _on_yr(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    if not g("yr_part") and not _year_context_ok(text, m.start("yr_y"), m.end("yr_y")):
        return None
    year = int(g("yr_y"))
    d0, d1 = _year_part_range(g("yr_part"), year)
    # "in 2015": keep the preposition out of the span
    return _mention(m, s, e, d0, d1, "year", False, "year")


def _on_wd(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    pre = (g("wd_pre") or "").lower()
    target = WEEKDAYS[g("wd_d").lower()]
    span_start = s if pre in ("last", "this", "next", "early", "late") else m.start("wd_d")
    if anchor is None:
        return _mention(
            m, span_start, e, None, None, "day", True, "weekday" + _needs_anchor(anchor)
        )
    back = (anchor.weekday() - target) % 7
    if pre == "last" and back == 0:
        back = 7
    if pre == "next":
        fwd = (target - anchor.weekday()) % 7 or 7
        d = anchor + dt.timedelta(days=fwd)
        ev = f"next {g('wd_d')} after the article date {anchor.isoformat()}"
    else:
        d = anchor - dt.timedelta(days=back)
        ev = f"most recent {g('wd_d')} on or before the article date {anchor.isoformat()}"
    return _mention(m, span_start, e, d, None, "day", True, ev)


def _on_ago(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    if anchor is None:
        return _mention(m, s, e, None, None, "day", True, "time ago" + _needs_anchor(anchor))
    n = _count(g("ago_n"))
    unit = g("ago_u").lower()
    if unit == "day":
        return _mention(m, s, e, anchor - dt.timedelta(days=n), None, "day", True,
                        f"{n} days before the article date {anchor.isoformat()}")  # fmt: skip
    if unit == "week":
        d = anchor - dt.timedelta(days=7 * n)
        return _mention(m, s, e, d - dt.timedelta(days=3), d + dt.timedelta(days=3), "day",
                        True, f"{n} weeks before the article date {anchor.isoformat()}")  # fmt: skip
    if unit == "month":
        y, mo = _add_months(anchor.year, anchor.month, -n)
        return _mention(m, s, e, dt.date(y, mo, 1), _month_end(y, mo), "month", True,
                        f"{n} months before the article date {anchor.isoformat()}")  # fmt: skip
    y = anchor.year - n
    return _mention(m, s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True,
                    f"{n} years before the article date {anchor.isoformat()}")  # fmt: skip


def _on_past(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    if anchor is None:
        return _mention(m, s, e, None, None, "day", True, "recent period" + _needs_anchor(anchor))
    n = _count(g("past_n"))
    unit = g("past_u").lower()
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
    return _mention(m, s, e, anchor - dt.timedelta(days=days), anchor, "day", True,
                    f"the {n} {unit}(s) up to the article date {anchor.isoformat()}")  # fmt: skip


def _on_rel(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    return _relative_period(m, s, e, anchor)


def _on_endof(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    which = g("endof_w").lower()
    unit = g("endof_u").lower()
    if anchor is None:
        return _mention(
            m, s, e, None, None, "day", True, f"end of the {unit}" + _needs_anchor(anchor)
        )
    shift = {"last": -1, "next": 1}.get(which, 0)
    ev = f"the end of the {unit}, from the article date {anchor.isoformat()}"
    if unit == "month":
        y, mo = _add_months(anchor.year, anchor.month, shift)
        d0, d1 = _part_range("late", y, mo)
        return _mention(m, s, e, d0, d1, "month", True, ev)
    if unit == "year":
        y = anchor.year + shift
        return _mention(m, s, e, dt.date(y, 10, 1), dt.date(y, 12, 31), "year", True, ev)
    sunday = anchor + dt.timedelta(days=6 - anchor.weekday() + 7 * shift)
    return _mention(m, s, e, sunday - dt.timedelta(days=2), sunday, "day", True, ev)


def _on_wkend(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    s = m.start("wkend_t")  # "Over the weekend": the preposition stays out
    if anchor is None:
        return _mention(m, s, e, None, None, "day", True, "weekend" + _needs_anchor(anchor))
    # the most recent Saturday-Sunday that began on or before the article date
    back = (anchor.weekday() - 5) % 7
    saturday = anchor - dt.timedelta(days=back)
    ev = f"the weekend on or before the article date {anchor.isoformat()}"
    return _mention(m, s, e, saturday, saturday + dt.timedelta(days=1), "day", True, ev)


def _on_word(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    s, e = m.span()
    g = m.group
    w = " ".join(g("word_w").lower().split())
    if anchor is None:
        return _mention(m, s, e, None, None, "day", True, f"{w}" + _needs_anchor(anchor))
    d = anchor - dt.timedelta(days=1) if w in ("yesterday", "last night") else anchor
    return _mention(
        m, s, e, d, None, "day", True, f"{w}, from the article date {anchor.isoformat()}"
    )


_HANDLERS = {
    "iso": _on_iso,
    "num": _on_num,
    "mdy": _on_day,
    "dmy": _on_day,
    "my": _on_my,
    "mo": _on_mo,
    "yr": _on_yr,
    "wd": _on_wd,
    "ago": _on_ago,
    "past": _on_past,
    "rel": _on_rel,
    "endof": _on_endof,
    "wkend": _on_wkend,
    "word": _on_word,
}


def _handle(m: re.Match[str], text: str, anchor: dt.date | None) -> DateMention | None:
    """The mention a match of the date pattern stands for, resolved against ``anchor``."""
    handler = _HANDLERS.get(m.lastgroup or "")
    return handler(m, text, anchor) if handler is not None else None


def _relative_period(
    m: re.Match[str], s: int, e: int, anchor: dt.date | None
) -> DateMention | None:
    mod = (m.group("rel_mod") or "").lower()
    which = m.group("rel_w").lower()
    unit = m.group("rel_u").lower()
    if anchor is None:
        return _mention(
            m, s, e, None, None, "day", True, f"{which} {unit}; no article date to resolve it"
        )
    ev = f"{' '.join(m.group(0).lower().split())}, from the article date {anchor.isoformat()}"
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday())
        if which == "last":
            monday -= dt.timedelta(days=7)
        elif which == "next":
            monday += dt.timedelta(days=7)
        if unit == "weekend":
            d0, d1 = monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        else:
            d0, d1 = monday, monday + dt.timedelta(days=6)
        if which == "this" and unit == "week" and mod in ("", "earlier"):
            d1 = min(d1, anchor)
        return _mention(m, s, e, d0, d1, "day", True, ev)
    if unit == "month":
        delta = {"last": -1, "this": 0, "next": 1}[which]
        y, mo = _add_months(anchor.year, anchor.month, delta)
        d0, d1 = _part_range(
            "early" if mod == "early" else "late" if mod == "late" else mod if mod == "mid" else "",
            y,
            mo,
        )
        if which == "this" and mod in ("", "earlier"):
            d1 = anchor
        if mod == "later" and which == "this":
            d0 = anchor
        return _mention(m, s, e, d0, d1, "month", True, ev)
    delta = {"last": -1, "this": 0, "next": 1}[which]
    y = anchor.year + delta
    d0, d1 = _year_part_range(mod if mod in ("early", "mid", "late") else "", y)
    if which == "this" and mod in ("", "earlier"):
        d1 = anchor
    if mod == "later" and which == "this":
        d0 = anchor
    return _mention(m, s, e, d0, d1, "year", True, ev)


def _date_matches(
    text: str, starts: list[int] | None, tokens: list[tuple[int, str]] | None = None
) -> list[re.Match[str]]:
    """The date pattern's matches in ``text``; ``starts`` (when given) are the starts of the
    words in ``DATE_TRIGGERS`` or beginning with a digit, as ``scan_triggers`` gives them, else
    they come from ``tokens`` (``word_tokens(text)``), computed only when the matches are not
    remembered (the annotator's pass over an undated article's text finds them so)."""
    memo = _memo(text)
    found = memo.get("date_matches")
    if found is None:
        if starts is None:
            starts = date_starts(text_tokens(text) if tokens is None else tokens)
        found = memo["date_matches"] = list(iter_matches(_PATTERN, text, starts))
    return found


def find_dates(
    text: str,
    anchor: dt.date | None = None,
    *,
    tokens: list[tuple[int, str]] | None = None,
    starts: list[int] | None = None,
) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``anchor`` where it needs one.

    ``tokens`` (``word_tokens(text)``) or ``starts`` (the date trigger starts that
    ``scan_triggers`` gives for them) save work when the caller has them already."""
    if not text:
        return []
    # the judge and the events read the dates without an anchor one after the other: resolved
    # once per text and anchor (the mentions are frozen; each caller gets its own list)
    memo = _memo(text)
    key = ("dates", anchor)
    known = memo.get(key)
    if known is not None:
        return list(known)
    out: list[DateMention] = []
    for m in _date_matches(text, starts, tokens):
        try:
            found = _handle(m, text, anchor)
        except (ValueError, OverflowError, KeyError):
            found = None
        if found is not None:
            out.append(found)
    memo[key] = tuple(out)
    return out


def as_date(value: object) -> dt.date | None:
    """A stored date in any of the forms the index and JSON give back (date, datetime, ISO)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
