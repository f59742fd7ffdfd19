"""Dating an article by the war's dated events it reports (``annotate/events.toml``): which
events a text reports, and the days it can have been written on given how it speaks of them
("on Monday", "last week", "two weeks ago", in its lead).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from idlibtui.annotate.date_evidence import (
    _MONTH_IN,
    _RECENT_WORDS,
    _WEEKDAY_WORD,
    _context,
    _month_day,
    _month_end,
)
from idlibtui.annotate.date_words import DUE_TO_VERB as _DUE_TO_VERB
from idlibtui.annotate.date_words import FOREIGN_MONTHS, MONTHS, WEEKDAYS
from idlibtui.annotate.dates import find_dates


@dataclass(frozen=True, slots=True)
class ReportedEvent:
    """A dated event the text reports, from the events timeline."""

    date: dt.date
    end: dt.date | None
    description: str
    sentence: str  # how the text speaks of it ("on Monday", "last week", "two weeks ago")
    lead: bool = False  # reported in the headline or the opening sentences: the news itself
    kind: str = "other"  # the timeline's kind: attack, capture, agreement, summit …
    background: bool = False  # spoken of as the past ("since", "after"): a lower bound only


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


_Window = tuple[dt.date, dt.date | None, str]


def _window(event: ReportedEvent) -> _Window:
    """The days the article can have been written on, from how its sentence dates the event."""
    e, end = event.date, event.end or event.date
    if event.background:  # "the first jet downed since 2015": the page is later, no more
        return e, None, ""
    s = event.sentence.lower()
    # (the event's own weekday before "ago": "took it on Friday from IS, which seized it two
    # years ago")
    readings = (_same_day_window, _own_weekday_window, _ago_window, _period_window)
    for reading in (*readings, _weekday_window):
        found = reading(s, e, end)
        if found is not None:
            return found
    if event.lead and event.kind not in _CITED_KINDS and (end - e).days <= 5:
        # the news of the day (or of a few days): reported in the headline or the lead, with
        # no word of time
        return e, end + dt.timedelta(days=2), "in the lead"
    return e, None, ""


def _same_day_window(s: str, e: dt.date, end: dt.date) -> _Window | None:
    """ "today", "this morning", "yesterday", "last night"."""
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
    return None


def _ago_window(s: str, e: dt.date, end: dt.date) -> _Window | None:
    """ "two weeks ago", "a week-long bombardment" (of an offensive that began on ``e``)."""
    m = _AGO.search(s)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER[" ".join(m.group("n").split())]
        unit = m.group("u")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        slack = {"day": 0, "week": 3, "month": 12, "year": 120}[unit]
        mid = e + dt.timedelta(days=days)
        return mid - dt.timedelta(days=slack), mid + dt.timedelta(days=slack), m.group(0)
    m = _LASTING.search(s)
    if m and end > e:
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER.get(m.group("n"), 1)
        long = {"day": 1, "week": 7, "month": 30}[m.group("u")] * n
        mid = e + dt.timedelta(days=long)
        spread = dt.timedelta(days=max(1, long // 4))
        return mid - spread, mid + spread, m.group(0)
    return None


def _period_window(s: str, e: dt.date, end: dt.date) -> _Window | None:
    """ "last week", "this week", "last month", "this month", "last year"."""
    if re.search(r"\blast week\b", s):
        monday = e - dt.timedelta(days=e.weekday()) + dt.timedelta(days=7)
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
    return None


def _own_weekday_window(s: str, e: dt.date, end: dt.date) -> _Window | None:
    """ "on Friday" of an event that fell on a Friday: that day, then up to a week."""
    if (end - e).days > 6:
        return None
    found = _weekday_window(s, e, end)
    return found if found is not None and found[0] <= end else None


def _weekday_window(s: str, e: dt.date, end: dt.date) -> _Window | None:
    """ "on Monday": one of the event's days with that weekday, or the day after its span."""
    for m in _WEEKDAY_WORD.finditer(s):
        if (m.group("pre") or "").strip() == "next":
            continue
        wd = WEEKDAYS[m.group("d")]
        days = [e + dt.timedelta(days=k) for k in range((end - e).days + 1)]
        named = [d for d in days if d.weekday() == wd]
        if named:  # the day is one of the event's days with that weekday, then up to a week
            return named[0], named[-1] + dt.timedelta(days=6), m.group(0)
        said = _SAID_BEFORE.search(s[max(0, m.start() - 40) : m.start()])
        if end > e and (m.group("pre") or "").strip() != "last" and said:
            # a span none of whose days has that weekday: the day after it ("the army took
            # the towns in the past days, the command said on Wednesday"); not when the
            # weekday dates the action itself ("took the air base on Sunday": another event)
            after = end + dt.timedelta(days=(wd - end.weekday()) % 7 or 7)
            return after, after + dt.timedelta(days=3), m.group(0)
    return None


#: A statement's verb before a weekday: the weekday is the day it was said, not of the action.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|told|stated|confirmed|declared|added|claimed"
    r"|statement|report)\b[^.;]*$"
)


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
    if lo > hi:  # inconsistent: trust the latest event's own window (the latest news it knows)
        w = max(bounded, key=lambda w: w[0])
        lo, chosen = w[0], [w]
        hi = w[1] or hi
    else:
        chosen = bounded
    if latest[0] > hi + dt.timedelta(days=2):
        # it reports an event after the window: the window's news is not the latest it knows
        why = f"on or after the day it reports {latest[3].description}"
        return latest[0], None, latest[0], why, False
    lo = max(lo, latest[0])
    words = "; ".join(f"reports {w[3].description} ({w[2]})" for w in chosen[:3])
    best = lo if lo == hi or any(w[2] == "today" for w in chosen) else lo + dt.timedelta(days=1)
    strong = any(w[2] not in ("", "in the lead") for w in chosen)
    return lo, hi, min(best, hi), words, strong


def reported_events(text: str, timeline=None) -> list[ReportedEvent]:
    """The dated events of the war that ``text`` reports, each with its sentence
    (``timeline``: the events to look for; the shipped timeline by default)."""
    try:
        from idlibtui.annotate.events_match import match_events
    except ImportError:  # the timeline ships with the events module
        return []
    out: list[ReportedEvent] = []
    seen: set[str] = set()
    lead_end = _lead_end(text, standfirst=True)
    later = _named_days(text)
    matches = match_events(text, timeline, undated=True)
    dated = {m.event.id for m in matches if not m.undated}
    # (a town the text reports dated, "took Palmyra in March 2016", is not another time taken)
    dated |= {_first_place(m.event) for m in matches if not m.undated}
    confirmed = _confirmed_undated(text, [m for m in matches if m.undated], dated, lead_end)
    for m in matches:
        if m.event.id in seen or (m.undated and id(m) not in confirmed):
            continue
        sentence = text[m.sentence_start : m.sentence_end]
        if _FUTURE_SENTENCE.search(sentence):
            continue  # "joint patrols will begin on March 15": not yet reported
        if _names_another_day(sentence, m.event.date, m.event.end or m.event.date):
            continue  # "five soldiers killed on Monday, February 3": another attack
        seen.add(m.event.id)
        background = _spoken_of_as_past(
            text[m.sentence_start : m.end], m.start - m.sentence_start, m.event.date.year
        ) or _year_named_as_past(sentence, m.event.date.year)
        background = background or _phrase_after_after(text, m.sentence_start, m.phrase_spans)
        background = background or _later_than_named(m.event.end or m.event.date, later)
        out.append(
            ReportedEvent(
                m.event.date, m.event.end, m.event.describe(), sentence,
                lead=m.sentence_start < lead_end, kind=m.event.kind, background=background,
            )
        )  # fmt: skip
    return out


_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")


def _confirmed_undated(text: str, undated, dated: set[str], lead_end: int) -> set[int]:
    """The undated matches (a sentence that holds an event's rule but for its date: "took
    Palmyra on Sunday") that the text dates after all: the sentence's paragraph, or the lead,
    names the weekday of one of the event's days (the sentence itself for an agreement, a
    summit, a vote: cited long after), and the sentence names no year; not when the text
    reports, dated, an event at the same place (``dated``: ids and ``@place`` keys). Two events
    so confirmed weeks apart (a town taken twice, both times on a Sunday) leave it open: none
    is kept."""
    lead_weekdays = _weekdays_named(text[: max(0, lead_end)])
    kept = []
    for m in undated:
        if m.event.id in dated or _first_place(m.event) in dated:
            continue
        sentence = text[m.sentence_start : m.sentence_end]
        if _YEAR_WORD.search(sentence):
            continue  # a year the rule did not accept: another occurrence
        first, last = m.event.date, m.event.end or m.event.date
        if (last - first).days > 3:
            continue
        days = {(first + dt.timedelta(days=k)).weekday() for k in range((last - first).days + 1)}
        start = text.rfind("\n\n", 0, m.sentence_start) + 1
        end = text.find("\n\n", m.sentence_end)
        named = _weekdays_named(text[start : end if end >= 0 else len(text)])
        if m.event.kind in _CITED_KINDS:  # an agreement is cited long after: its own sentence
            named = _weekdays_named(sentence)
        else:
            named |= lead_weekdays
        if named & days:
            kept.append(m)
    dates = {m.event.date for m in kept}
    if dates and max(dates) - min(dates) > dt.timedelta(days=7):
        return set()
    return {id(m) for m in kept}


def _first_place(event) -> str:
    """``@place``: the key of an event's first place, to tell its other occurrences."""
    return "@" + (event.places[0].casefold() if event.places else event.id)


def _weekdays_named(text: str) -> set[int]:
    """The weekdays a text names as days of its news ("on Sunday"; not "next Sunday", nor
    "the transfer would begin on Monday")."""
    return {
        WEEKDAYS[w.group("d").lower()]
        for w in _WEEKDAY_WORD.finditer(text)
        if (w.group("pre") or "").strip().lower() != "next"
        and not _FUTURE_BEFORE.search(text[max(0, w.start() - 60) : w.start()])
    }


_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|to\s+be|is\s+to|are\s+to|due|expected|scheduled|planned|set\s+to"
    r"|until|by)\b[^.;]*$",
    re.IGNORECASE,
)


#: Words before an event that make it the background of the news: "besieged since the
#: capture earlier this year", "after the fall of Aleppo", "last year's offensive".
_PAST_MARKER = re.compile(
    r"\b(?:since|after|following|last\s+year(?:['’]s)?|earlier\s+this\s+year|years?\s+ago"
    r"|back\s+in|previous|previously|former|had\s+been|anniversary\s+of)\W*(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)


def _spoken_of_as_past(clause: str, start: int, year: int) -> bool:
    """Whether the clause of an event's match (from its sentence's start to the match's end;
    ``start``: where the match begins in it) speaks of it as past: "since" before the event's
    own year ("the first jet downed since 2015"), or a marker just before the match when the
    sentence has no word of news ("on Monday", "today")."""
    if re.search(rf"\bsince\s+(?:\w+\s+){{0,2}}{year}\b", clause, re.IGNORECASE):
        return True
    if _RECENT_WORDS.search(clause) or re.search(r"\b(?:today|yesterday)\b", clause, re.I):
        return False
    return _PAST_MARKER.search(clause[:start]) is not None


_AFTER_BEFORE = re.compile(
    r"\b(?:after|since|following|weeks?\s+after|months?\s+after)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)


def _phrase_after_after(text: str, sentence_start: int, spans) -> bool:
    """Whether one of the event's phrases follows "after" or "since" in its clause ("less
    than a month after seizing the provincial capital", "a day after the army captured"): the
    event is what the news came after, not the news."""
    return any(
        _ACTION.search(text[start:end])
        and _AFTER_BEFORE.search(text[max(sentence_start, start - 40) : start])
        for start, end in spans
    )


#: A phrase that names the event's action ("seizing", "captured", "the fall of"), not its
#: setting ("US troops", "Manbij").
_ACTION = re.compile(
    r"(?:ed|ing)$|^(?:capture|fall|seizure|attack|strikes?|massacre|takeover|downing|offensive"
    r"|assault)\b",
    re.IGNORECASE,
)


def _year_named_as_past(sentence: str, year: int) -> bool:
    """Whether the sentence gives the event's year alone ("the caliphate it had declared in
    2014", "the offensive of early 2015"): a report names the year of what is past, not of its
    news ("on Monday")."""
    pattern = rf"\b(?:in|back\s+in|of)\s+(?:early\s+|late\s+|mid-?)?{year}\b"
    if re.search(pattern, sentence, re.IGNORECASE):
        return True
    # "besieged since after an offensive retook the area earlier this year": a state since then
    return _SINCE_THEN.search(sentence) is not None


_SINCE_THEN = re.compile(
    r"\bsince\b[^.;]*?\b(?:earlier\s+this\s+year|last\s+year|years?\s+ago|months\s+ago)\b",
    re.IGNORECASE,
)


def _later_than_named(end: dt.date, later: list[tuple[dt.date, bool]]) -> bool:
    """Whether the text names a day or year well after the event ("until 10 July 2021" of a
    January 2020 vote; "in 2019" of a 2015 downing): then the event is not the news. A deadline
    up to a year and a month on is the event's own (a mandate renewed "until 10 July 2021" by
    the vote of July 2020)."""
    return any(d > end + dt.timedelta(days=400 if future else 45) for d, future in later)


_FUTURE_SENTENCE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|to\s+be\s+held|scheduled|planned|expected\s+to"
    r"|set\s+to|plans?\s+to|upcoming|ahead\s+of|starting|beginning\s+(?:on|from))\b"
    # "due to meet" is of the future, "due to the bombing" is a cause
    r"|\bdue\s+to\s+" + _DUE_TO_VERB + r"\b",
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


def _named_days(text: str) -> list[tuple[dt.date, bool]]:
    """The days the text's sentences name with their year (a year named alone: its first day),
    each with whether it is named as a deadline or a plan ("until 10 July 2021")."""
    out: list[tuple[dt.date, bool]] = []
    for m in find_dates(text, None):
        if m.date is None or m.relative:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        if len(text[line_start : line_end if line_end >= 0 else len(text)].strip()) < 48:
            continue  # a stamp line (a site header's day, a date strip): page chrome, not text
        day = dt.date(m.date.year, 1, 1) if m.precision == "year" else m.date
        out.append((day, _context(text, m.start) == "future"))
    return out


def _lead_end(text: str, *, standfirst: bool = False) -> int:
    """Where the lead ends: the headline and the first paragraph after it (at most 700
    characters), where a report states the news it is written for. With ``standfirst`` (for
    the events it reports), after a short standfirst (a summary under the headline) the
    paragraph that follows it too, unless the text names a weekday (which then says which day
    the news is of); a day the text writes there may be an older statement's, so not for days.
    A section label or a site's name on a line of its own above the headline ("Syria News") is
    not a part of it."""
    end = -1
    parts = 3 if standfirst and not _ANY_WEEKDAY.search(text) else 2
    part = 0
    while part < parts:
        start = end + 1
        end = text.find("\n\n", start)
        if end < 0:
            return min(len(text), 700)
        block = text[start:end].strip()
        if not block or (part == 0 and _label_above_headline(block, text, end)):
            continue
        if part == 1 and _DATELINE_BLOCK.fullmatch(block):
            continue  # "WASHINGTON" on a line of its own: the first paragraph follows
        if part == 1 and end >= 320:
            break
        part += 1
    return min(end, 700)


#: A dateline on a line of its own: "WASHINGTON", "AMMAN/ISTANBUL -", "AFP, Beirut :".
_DATELINE_BLOCK = re.compile(
    r"[A-Z][A-Z'’.-]+(?:[ ,/]+[A-Z][A-Z'’.-]+){0,3}\s*[-–—:]?"
    r"|[A-Z][\w'’.-]+(?:[ ,/]+[A-Z][\w'’.-]+){0,3}\s*[-–—:]"
)


def _label_above_headline(block: str, text: str, end: int) -> bool:
    """Whether ``block`` is a short label ("Syria News": at most three capitalised words) with a
    headline under it (a short line that does not end a sentence after its last word)."""
    words = block.split()
    if len(words) > 3 or "." in block or not all(w[:1].isupper() for w in words):
        return False
    following = text[end:].lstrip("\n").split("\n\n", 1)[0].strip()
    return 0 < len(following) < 160 and re.search(r"\w[.!?][\"”’]?$", following) is None


_ANY_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
