# ruff: noqa: E501  (the number grammar reads best one alternative per line)
"""Figures: a number together with what it counts, as spans of the cleaned text.

One pass of one compiled pattern finds every quantity (digits, number words, vague quantities,
money, percentages, ranges, fractions); small anchored look-ups around each match add the unit
and the kind here, and what is counted, the qualifier, the attribution and whether it is a
projection in :mod:`idlibtui.annotate.figure_words` (numbers as words: ``annotate.numbers``).
Dates come from :mod:`idlibtui.annotate.dates` and become figures of kind ``date``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from idlibtui.annotate.dates import (
    DateMention,
    find_dates,
    iter_matches,
    scan_triggers,
)
from idlibtui.annotate.figure_words import (
    age_what,
    attribution,
    duration_what,
    measure_what,
    projection,
    qualifier,
    what_counted,
)
from idlibtui.annotate.numbers import (
    ONES,
    SCALES,
    TENS,
    fraction_value,
    not_a_count,
    number_value,
    page_chrome_or_label,
    scale_factor,
)
from idlibtui.model import Figure
from idlibtui.textanalysis import analysis_of

# small patterns used for each figure, compiled once (named for what they match;
# *_BEFORE / *_AFTER ones are applied to the text just before / after a number)
_LOWER_WORD = re.compile(r"[a-z]+")
_WORD_OR_HYPHEN_END = re.compile(r"[\w-]$")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)")
_AGO_AFTER = re.compile(r"\s+ago\b")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s?$")
_COMMA_OR_PAREN_AFTER = re.compile(r"\s?[,)]")
_AGED_BEFORE = re.compile(r"\baged\s+$")
_YEAR_OLD = re.compile(r"[\s-]year[\s-]old", re.I)

_VAGUE = {
    "dozens": 1, "scores": 1, "hundreds": 2, "thousands": 3, "tens of thousands": 4,
    "hundreds of thousands": 5, "millions": 6, "tens of millions": 7,
    "hundreds of millions": 8, "billions": 9, "dozens of thousands": 4,
}  # fmt: skip

_ONES_RE = "|".join(sorted(ONES, key=len, reverse=True))
_TENS_RE = "|".join(TENS)
_WORDNUM = rf"(?:(?:{_TENS_RE})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_ONES_RE}))"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:[\s\u00a0-]+(?:hundred|thousand|million|billion|trillion|dozen)\b)"
_NUMBER = re.compile(
    rf"""
    (?P<vague>\b(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)\b)
  | (?P<num>
        (?P<cur>US\$|\$|€|£)?\s?
        (?P<n1>(?<![\w.,/])(?:{_DIGITS})(?:(?P<sfx>bn|mn|m|km|kms|k|mi)\b)?(?![\w/])|\b{_WORDNUM}\b|\ba(?=\s+(?:dozen|hundred|thousand|million|billion)\b)|\bhalf\s+a(?=\s+million\b))
        (?P<frac>\s+[1-3]/[248]|\s?½)?
        (?P<sc1>{_SCALE}*)
        (?:(?P<rs>\s*(?:–|—|-|to)\s*)(?P<cur2>\$)?(?P<n2>(?:{_DIGITS})(?![\w/])|\b{_WORDNUM}\b)(?P<sc2>{_SCALE}*))?
        (?P<pct>\s?%|\s+percent\b|\s+per\s+cent\b)?
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_UNIT_AFTER = re.compile(
    r"""[\s\u00a0-]*(?:
        (?P<area>square\s+(?:kilometers|kilometres|kilometer|kilometre|km|miles|mile|meters|metres)|sq\.?\s*(?:km|mi)|km2|km²|hectares)
      | (?P<dist>kilometers|kilometres|kilometer|kilometre|km|miles|mile|meters|metres|meter|metre)
      | (?P<money>(?:US\s+)?dollars|euros|pounds|lira|liras|Syrian\s+pounds)
      | (?P<dur>(?:years?|months?|weeks?|days?|hours?)(?:[\s-]long)?)(?![\s-]old)
      | (?P<age>years?[\s-]old|-year-old)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
_CONVERSION = re.compile(
    rf"\s*\((?:about\s+|some\s+|around\s+)?(?:{_DIGITS}|{_WORDNUM})(?:{_SCALE})*[\s-]*(?:square\s+)?(?:kilometers|kilometres|km|miles|mile|meters|metres|feet|acres|hectares|dollars|euros)\)",
    re.IGNORECASE,
)
_RX_NEXT_WORD = re.compile(r"\s?([A-Za-z]+)")
_AFTER_METRES = frozenset(
    ["of", "from", "to", "away", "long", "wide", "high", "deep", "tall", "south", "north", "east",
     "west", "above", "below", "into", "inside", "along", "and", "or", "in", "on", "at", "off"]
)  # fmt: skip
_FRACTION_OF = re.compile(
    r"\b(?P<f>half|a\s+third|one[\s-]third|two[\s-]thirds|a\s+quarter|one[\s-]quarter|"
    r"three[\s-]quarters)(?:\s+of\s+a\s+(?P<fsc>million|billion|thousand)\b|(?=\s+of\b))",
    re.IGNORECASE,
)
_FRACTION_VALUES = {
    "half": 50.0,
    "third": 100 / 3,
    "thirds": 200 / 3,
    "quarter": 25.0,
    "quarters": 75.0,
}
_WEEK_LONG = re.compile(r"\b(?P<u>day|week|month|year)[\s-]long\b", re.IGNORECASE)
_BETWEEN_AND = re.compile(
    rf"\s+and\s+(?P<n2>{_DIGITS}|{_WORDNUM})(?P<sc2>{_SCALE}*)", re.IGNORECASE
)


_NUMBER_TRIGGERS = frozenset(
    [*ONES, *TENS, "a", "half", "us", "tens", "hundreds", "dozens", "scores", "thousands",
     "millions", "billions"]
)  # fmt: skip
_FRACTION_TRIGGERS = frozenset(["half", "a", "one", "two", "three"])
_WEEK_TRIGGERS = frozenset(["day", "week", "month", "year"])
_CURRENCY = re.compile(r"[$€£]")


def trigger_groups() -> dict[str, frozenset[str]]:
    """The word sets whose positions the annotator scans for, in one pass over the words."""
    return {
        "number": _NUMBER_TRIGGERS,
        "fraction": _FRACTION_TRIGGERS,
        "week": _WEEK_TRIGGERS,
    }


_A_BEFORE_SCALE = re.compile(r"a(?=\s+(?:dozen|hundred|thousand|million|billion)\b)", re.I)


def _number_matches(text: str, starts: list[int]):
    """``_NUMBER.finditer`` at word starts that can begin a number, and at currency signs."""
    if "$" in text or "€" in text or "£" in text:
        starts = sorted({m.start() for m in _CURRENCY.finditer(text)}.union(starts))
    last_end = 0
    for start in starts:
        if start < last_end:
            continue
        if text[start] in "aA" and not _A_BEFORE_SCALE.match(text, start):
            continue  # "a" is a number only in "a dozen", "a million"
        m = _NUMBER.match(text, start)
        if m is not None and m.end() > start:
            last_end = m.end()
            yield m


def _sentence_of(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int
) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return (0, 0)
    return spans[i]


# Cheap necessary conditions tried before the patterns that are searched in the text around
# each figure. A pattern anchored at the end with ``$`` (or one that can start anywhere) is
# tried at every position of its window; most windows cannot match, and a substring test
# says so in a fraction of the time. The answers are the patterns' own.


def _word_starts(text: str, starts: list[int]) -> list[int]:
    """The trigger starts without the numbers (``scan_triggers`` adds every word that begins
    with a digit to every group): "half of", "week-long" cannot begin with a digit."""
    return [p for p in starts if not text[p].isdigit()]


def find_figures(
    text: str,
    anchor: dt.date | None = None,
    *,
    anchor_inferred: bool = False,
    dates: list[DateMention] | None = None,
    tokens: list[tuple[int, str]] | None = None,
    scan: dict[str, list[int]] | None = None,
) -> list[Figure]:
    """Every figure in ``text``; date figures are resolved against ``anchor``."""
    if not text:
        return []
    analysis = analysis_of(text)  # the text's one tokenizing and sentence split, shared
    spans = analysis.sentences
    starts = analysis.sentence_starts
    if tokens is None:
        tokens = analysis.tokens
    if scan is None:
        scan = scan_triggers(tokens, trigger_groups())
    dates = find_dates(text, anchor, tokens=tokens) if dates is None else dates
    taken = _Taken([(d.start, d.end) for d in dates])
    out: list[Figure] = []
    last_end = 0
    for m in _number_matches(text, scan["number"]):
        s, e = m.span()
        if s < last_end or taken.overlaps(s, e):
            continue
        figure = _figure_from_match(m, text, spans, starts)
        if figure is not None:
            out.append(figure)
            last_end = figure.end
    out = _with_fractions(text, scan["fraction"], spans, starts, taken, out)
    out.extend(_week_long(text, scan["week"], spans, starts, taken))
    out.extend(_date_figures(dates, spans, starts, anchor, anchor_inferred=anchor_inferred))
    out.sort(key=lambda f: (f.start, f.end))
    return out


class _Taken:
    """The spans dates already hold (sorted by start): a figure may not overlap them."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]

    def overlaps(self, a: int, b: int) -> bool:
        taken = self.spans
        i = bisect.bisect_right(self.starts, b) - 1
        while i >= 0 and taken[i][1] > a:
            if taken[i][0] < b:
                return True
            i -= 1
        return False


def _with_fractions(
    text: str,
    hits: list[int],
    spans: list[tuple[int, int]],
    starts: list[int],
    taken: _Taken,
    out: list[Figure],
) -> list[Figure]:
    """``out`` with the fractions added: "a quarter of a million", "two-thirds of" (the
    numbers found inside them, "a million" or "two", dropped)."""
    for m in iter_matches(_FRACTION_OF, text, _word_starts(text, hits)):
        s, e = m.span()
        scale = m.group("fsc")
        out = [f for f in out if not (s <= f.start < e)]
        if taken.overlaps(s, e) or any(f.start <= s < f.end for f in out[-3:]):
            continue
        words = m.group("f").lower().replace("-", " ").split()
        value = _FRACTION_VALUES.get(words[-1], 0.0)
        sent = _sentence_of(spans, starts, s)
        out.append(
            Figure(
                s,
                e,
                m.group(0),
                "count" if scale else "percent",
                value=value / 100 * SCALES[scale.lower()] if scale else value,
                unit="" if scale else "%",
                what=what_counted(text, s, e, sent[1], sent[0]),
                qualifier=qualifier(text, sent[0], s),
                attribution=attribution(text, sent[0], sent[1]),
                sentence_start=sent[0],
                sentence_end=sent[1],
            )
        )
    return out


def _week_long(
    text: str, hits: list[int], spans: list[tuple[int, int]], starts: list[int], taken: _Taken
) -> Iterator[Figure]:
    """ "A week-long", "month-long": durations of one unit."""
    for m in iter_matches(_WEEK_LONG, text, _word_starts(text, hits)):
        s = m.start()
        if _WORD_OR_HYPHEN_END.search(text[max(0, s - 1) : s]) and text[s - 1 : s] != " ":
            continue  # "9-year-long" is already a figure
        if taken.overlaps(s, m.end()):
            continue
        sent = _sentence_of(spans, starts, s)
        yield Figure(
            s,
            m.end(),
            m.group(0),
            "duration",
            value=1.0,
            unit=m.group("u").lower(),
            what=duration_what(text, m.end(), sent[1]),
            sentence_start=sent[0],
            sentence_end=sent[1],
        )


def _date_figures(
    dates: list[DateMention],
    spans: list[tuple[int, int]],
    starts: list[int],
    anchor: dt.date | None,
    *,
    anchor_inferred: bool,
) -> Iterator[Figure]:
    """The dates as figures, saying when a relative one rests on an inferred article date."""
    for d in dates:
        sent = _sentence_of(spans, starts, d.start)
        evidence = d.evidence
        if d.relative and anchor_inferred and anchor is not None:
            evidence += " (the article date itself is inferred)"
        yield Figure(
            d.start,
            d.end,
            d.text,
            "date",
            unit=d.precision,
            date=d.date,
            date_end=d.date_end,
            inferred=d.relative or (anchor_inferred and d.relative),
            evidence=evidence,
            sentence_start=sent[0],
            sentence_end=sent[1],
        )


def _figure_from_match(
    m: re.Match[str], text: str, spans: list[tuple[int, int]], starts: list[int]
) -> Figure | None:
    """The figure a number match states, or None for a number that is not a quantity (a
    year span, page chrome, "one of", a duration that is a date)."""
    s, e = m.span()
    sent_start, sent_end = _sentence_of(spans, starts, s)
    if m.lastgroup == "vague" or m.group("vague"):
        return _vague_figure(m, text, sent_start, sent_end)
    n1 = m.group("n1")
    if m.group("sfx"):
        n1 = n1[: -len(m.group("sfx"))]  # "15km" → "15"
    # the match may begin with a currency symbol or space
    s = m.start("cur") if m.group("cur") else m.start("n1")
    if _not_a_quantity(m, text, n1):
        return None
    value = number_value(n1)
    if value is None:
        return None
    scale1 = m.group("sc1")
    value = (value + fraction_value(m.group("frac"))) * scale_factor(scale1)
    value, suffix_kind = _with_suffix(m, text, value)
    ranged = _range_of(m, n1, value)
    if ranged is None:
        return None
    value, value_max = ranged
    kind, unit = _kind_of(m, suffix_kind)
    end = e
    if kind == "count":
        measured = _unit_after(text, e)
        if measured is None:
            return None  # a date expression, found by dates
        kind, unit, end = measured
    if value_max is None and _BETWEEN_BEFORE.search(text[max(0, s - 9) : s]):
        between = _between_and(text, end, scale1)  # "between 300 and 400"
        if between is not None:
            value_max, end, distance = between
            if distance:
                kind, unit = "distance", "km"
    if kind == "count" and (
        (value_max is None and n1.isdigit() and 0 < value < 120 and _reads_as_age(text, s, e))
        or _YEAR_OLD.match(text[e : e + 10])
    ):
        kind, unit = "age", "years"
    return Figure(
        s, end, text[s:end], kind, value=value, value_max=value_max, unit=unit,
        what=_figure_what(kind, text, s, end, sent_start, sent_end),
        qualifier=qualifier(text, sent_start, s),
        attribution=attribution(text, sent_start, sent_end),
        projection=projection(text, sent_start, s),
        sentence_start=sent_start, sentence_end=sent_end,
    )  # fmt: skip


def _vague_figure(m: re.Match[str], text: str, sent_start: int, sent_end: int) -> Figure:
    """ "Thousands", "hundreds of thousands": a count of that order of magnitude."""
    s, e = m.span()
    key = " ".join(m.group("vague").lower().split())
    mag = _VAGUE[key]
    return Figure(
        s, e, text[s:e], "count", value=float(10**mag), vague=True, magnitude=mag,
        what=what_counted(text, s, e, sent_end, sent_start),
        qualifier=qualifier(text, sent_start, s),
        attribution=attribution(text, sent_start, sent_end),
        projection=projection(text, sent_start, s),
        sentence_start=sent_start, sentence_end=sent_end,
    )  # fmt: skip


#: Words after a bare "one" that make it no count ("one of Idlib's largest", "one another").
_NOT_COUNTED_AFTER_ONE = frozenset(
    [
        "of",
        "another",
        "side",
        "day",
        "hand",
        "way",
        "thing",
        "time",
        "point",
        "more",
        "or",
        "by",
        "and",
        "in",
        "instance",
        "case",
        "occasion",
        "incident",
    ]
)


def _not_a_quantity(m: re.Match[str], text: str, n1: str) -> bool:
    """A number that counts nothing: page chrome, a label, "one of", a bare "a"."""
    if not_a_count(text, m.start("n1"), m.end(), n1):
        return True
    if page_chrome_or_label(text, m.start("n1"), m.end()):
        return True
    if m.group("sc1"):
        return False
    low1 = n1.lower()
    if low1 == "one":  # only "one civilian contractor" counts
        nxt = _NEXT_LOWER_WORD.match(text[m.end() : m.end() + 40])
        return not nxt or nxt.group(1) in _NOT_COUNTED_AFTER_ONE
    return low1 in ("a", "half a")


def _with_suffix(m: re.Match[str], text: str, value: float) -> tuple[float, str]:
    """The value scaled by a suffix ("$40m", "$1.5bn", "2.5m people") and the distance unit a
    suffix names instead ("15km", "500m of the wall"), or ""."""
    suffix = (m.group("sfx") or "").lower()
    if not suffix:
        return value, ""
    if suffix == "m" and not m.group("cur"):
        # "2.5m people" is millions, "500m of the wall" metres
        nxt = _RX_NEXT_WORD.match(text, m.end())
        if nxt and nxt.group(1).lower() not in _AFTER_METRES:
            suffix = "mn"
    if suffix in ("bn", "mn") or (suffix == "m" and m.group("cur")) or suffix == "k":
        return value * {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}[suffix], ""
    return value, {"m": "m", "km": "km", "kms": "km", "mi": "mi"}[suffix]


def _range_of(m: re.Match[str], n1: str, value: float) -> tuple[float, float | None] | None:
    """``(value, upper value)`` of "3 to 4 million" (a scale after the range applies to both
    ends); None for a span of years ("2011-12"), which is a date."""
    if not m.group("n2"):
        return value, None
    v2 = number_value(m.group("n2"))
    if v2 is None:
        return None
    sc2 = m.group("sc2")
    if sc2:
        v2 *= scale_factor(sc2)
        if not m.group("sc1"):
            value *= scale_factor(sc2)  # "3 to 4 million"
    if (
        m.group("rs").strip() in ("-", "–", "—")
        and m.group("n1")[:1].isdigit()
        and len(n1) == 4
        and len(m.group("n2")) in (2, 4)
    ):
        return None  # 2011-12 style spans are dates, not ranges
    return value, v2


def _kind_of(m: re.Match[str], suffix_kind: str) -> tuple[str, str]:
    """Kind and unit from the match itself: currency, percent sign, distance suffix."""
    kind, unit = "count", ""
    if m.group("cur") or m.group("cur2"):
        kind, unit = (
            "money",
            {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}[m.group("cur") or "$"],
        )
    if m.group("pct"):
        kind, unit = "percent", "%"
    if suffix_kind:
        kind, unit = "distance", suffix_kind
    return kind, unit


def _unit_after(text: str, e: int) -> tuple[str, str, int] | None:
    """Kind, unit and end of a count given a unit by the words after it ("40 square
    kilometres", "five years", "four kilometers (two miles)"); ``("count", "", e)`` without
    one, None when the words make it a date ("two years ago")."""
    u = _UNIT_AFTER.match(text, e)
    if not u:
        return "count", "", e
    word = u.group(0).strip(" -").lower()
    kind, unit = "count", ""
    if u.group("area"):
        kind, unit = "area", "km²" if "k" in word else word
    elif u.group("dist"):
        kind, unit = (
            "distance",
            "km" if word.startswith("k") else "mi" if word.startswith("mi") else "m",
        )
    elif u.group("money"):
        kind, unit = "money", "USD" if "dollar" in word else word
    elif u.group("age"):
        kind, unit = "age", "years"
    elif u.group("dur"):
        if _AGO_AFTER.match(text[u.end() : u.end() + 5]):
            return None
        unit_word = _LOWER_WORD.match(word)  # "years", "day-long": the unit's word
        kind, unit = "duration", (unit_word.group(0) if unit_word else word).rstrip("s")
    end = u.end()
    conv = _CONVERSION.match(text, end)
    if conv:
        end = conv.end()  # "four kilometers (two miles)": one figure
    return kind, unit, end


def _between_and(text: str, end: int, scale1: str | None) -> tuple[float, int, bool] | None:
    """After "between 300": the upper value of "and 400", its end, and whether a distance
    unit follows it."""
    b = _BETWEEN_AND.match(text, end)
    if not b:
        return None
    v2 = number_value(b.group("n2"))
    if v2 is None:
        return None
    u2 = _UNIT_AFTER.match(text, b.end())
    if u2 and u2.group("dist"):
        return v2 * scale_factor(b.group("sc2") or scale1), u2.end(), True
    return v2 * scale_factor(b.group("sc2") or scale1), b.end(), False


def _reads_as_age(text: str, s: int, e: int) -> bool:
    """ "Ahmed Marwan, 24," / "aged 24" / "Ali (24)": a small number that is someone's age."""
    before = text[max(0, s - 40) : s]
    return bool(
        (_NAME_COMMA_BEFORE.search(before) and _COMMA_OR_PAREN_AFTER.match(text[e : e + 2]))
        or _AGED_BEFORE.search(before)
        or (_NAME_PAREN_BEFORE.search(before) and text[e : e + 1] == ")")
    )


def _figure_what(kind: str, text: str, s: int, end: int, sent_start: int, sent_end: int) -> str:
    """What a figure counts or measures, read as its kind needs."""
    if kind == "duration":
        return duration_what(text, end, sent_end)
    if kind == "age":
        return age_what(text, s, end, sent_start, sent_end)
    if kind in ("distance", "area", "percent"):
        return measure_what(text, end, sent_end)
    return what_counted(text, s, end, sent_end, sent_start)


_NAME_PAREN_BEFORE = re.compile(r"[A-Z][\w'’-]+\s?\($")
