# ruff: noqa: E501  (the number grammar reads best one alternative per line)
"""Figures: a number together with what it counts, as spans of the cleaned text.

One pass of one compiled pattern finds every quantity (digits, number words, vague quantities,
money, percentages, ranges, fractions); small anchored look-ups around each match add the unit,
the kind, what is counted, the qualifier, the attribution and whether it is a projection. Dates
come from :mod:`idlibtui.annotate.dates` and become figures of kind ``date``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence

from idlibtui.annotate.dates import (
    DateMention,
    find_dates,
    iter_matches,
    scan_triggers,
    text_tokens,
)
from idlibtui.model import Figure

# small patterns used for each figure, compiled once (named for what they match;
# *_BEFORE / *_AFTER ones are applied to the text just before / after a number)
_LOWER_WORD = re.compile(r"[a-z]+")
_LETTER_BEFORE = re.compile(r"[A-Za-z]-?$")
_ENTITY_RESIDUE_BEFORE = re.compile(r"&\s*#?\s*$|#\s*$")
_ORDINAL_OR_TIME_AFTER = re.compile(r"(?:st|nd|rd|th)\b|:\d|;")
_LIST_MARK_AFTER = re.compile(r"[.)]\s")
_TAKEN_OR_SOUGHT = re.compile(r"\b(?:taken|sought)\b")
_POSSESSIVE_NAME = re.compile(r"[A-Z]\w+['’]s$")
_LETTER_START = re.compile(r"[A-Za-z]")
_REFUGEES = re.compile(r"\brefugees\b", re.I)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LEADING_PLACE_BASED = re.compile(r"^[A-Z][\w.]*-based\s+")
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:and|of|for|on|the|al)$")
_WORD_OR_HYPHEN_END = re.compile(r"[\w-]$")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)")
_AGO_AFTER = re.compile(r"\s+ago\b")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s?$")
_COMMA_OR_PAREN_AFTER = re.compile(r"\s?[,)]")
_AGED_BEFORE = re.compile(r"\baged\s+$")
_YEAR_OLD = re.compile(r"[\s-]year[\s-]old", re.I)
_AGE_NOUN_AFTER = re.compile(r"[\s-]*(?:year[\s-]old\s+)?([a-z]+)")
_MEASURE_NOUN_AFTER = re.compile(r"\s*(?:of\s+)?([a-z]+(?:\s+[a-z]+)?)")

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip
_VAGUE = {
    "dozens": 1, "scores": 1, "hundreds": 2, "thousands": 3, "tens of thousands": 4,
    "hundreds of thousands": 5, "millions": 6, "tens of millions": 7,
    "hundreds of millions": 8, "billions": 9, "dozens of thousands": 4,
}  # fmt: skip

_ONES_RE = "|".join(sorted(_ONES, key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
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
_QUALIFIER = re.compile(
    r"\b(?P<q>more\s+than|at\s+least|up\s+to|almost|about|around|an\s+estimated|nearly|over|less\s+than|fewer\s+than|roughly|approximately|some|as\s+many\s+as|at\s+most|close\s+to|just\s+over|just\s+under|under|upwards\s+of|in\s+excess\s+of|estimated|only|a\s+further|another)\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_BETWEEN_AND = re.compile(
    rf"\s+and\s+(?P<n2>{_DIGITS}|{_WORDNUM})(?P<sc2>{_SCALE}*)", re.IGNORECASE
)

_EVENT_VERBS = [
    (re.compile(r"\b(?:displace[sd]?|displacing|uproot(?:ed|ing)?|forced\s+(?:from|out\s+of)\s+their\s+homes)\b", re.I), "displaced"),
    (re.compile(r"\b(?:kill(?:ed|ing|s)?|died|dead|dying|die|lost\s+their\s+lives|massacred|martyred|perished)\b", re.I), "killed"),
    (re.compile(r"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|e)|hurt)\b", re.I), "wounded"),
    (re.compile(r"\b(?:fle[de]|fleeing|forced\s+to\s+flee|escap(?:ed|ing))\b", re.I), "fled"),
    (re.compile(r"\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|abduct(?:ed|ing)?|kidnapp?(?:ed|ing)?)\b", re.I), "detained"),
    (re.compile(r"\b(?:neutrali[sz](?:ed|ing|e))\b", re.I), "neutralized"),
    (re.compile(r"\b(?:trapped|besieged|stranded)\b", re.I), "trapped"),
    (re.compile(r"\b(?:taken\s+shelter|taken\s+refuge|sought\s+refuge|sheltering|hosts?|houses|hosting)\b", re.I), "sheltered"),
]  # fmt: skip
_PROJECTION = re.compile(
    r"\b(?:could|would|may|might|will|shall|threatens?\s+to|expected\s+to|likely\s+to|set\s+to|risk(?:s|ing)?|fears?\s+that|warn(?:s|ed)?\s+that)\b(?:\s+\w+){0,4}?\s*$",
    re.IGNORECASE,
)
_ATTRIB_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:the\s+)?(?:[A-Z][\w'’.&-]*|rebels|activists|monitors|officials|sources|residents|witnesses|medics|doctors|the\s+group)(?:\s+(?:of|for|on|and|the|al|[A-Z][\w'’.&-]*|[a-z]+-based|interviewed\s+by\s+[A-Z]\w+))*)",
    re.IGNORECASE,
)
_ATTRIB_SAID = re.compile(
    r"(?P<who>(?:[A-Z][\w'’.&-]*)(?:\s+(?:of|for|on|and|the|al|[A-Z][\w'’.&-]*))*)\s+(?:has\s+|had\s+)?(?:said|says|reported|reports|told|estimated|estimates|announced|warned|counted|documented|stated|confirmed|claimed|claims)\b"
)
_ATTRIB_SAID_AFTER = re.compile(
    r"\b(?:said|says|reported|according\s+to)\s+(?P<who>(?:the\s+)?(?:[A-Z][\w'’.&-]*)(?:\s+(?:of|for|on|and|the|[A-Z][\w'’.&-]*))*)"
)
_ATTRIB_GENERIC = re.compile(
    r"\b(?P<who>activists|monitors|officials|rescuers|medics|witnesses|residents)(?:\s+and\s+(?:activists|monitors|officials))?(?:\s+in\s+the\s+[\w-]+\s+region)?\s+(?:said|say|reported)\b",
    re.IGNORECASE,
)
_NOT_A_SOURCE = frozenset(
    [
        "He",
        "She",
        "They",
        "It",
        "We",
        "I",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "When",
        "While",
        "If",
        "In",
        "On",
        "At",
        "Since",
        "After",
        "Before",
        "Syrian",
        "Turkish",
        "Russian",
        "Iranian",
    ]
)

_WORD = re.compile(r"[A-Za-z][\w'’-]*|\S")
_NOUN_STOP = frozenset(
    [
        "along",
        "inside",
        "outside",
        "within",
        "behind",
        "beyond",
        "throughout",
        "via",
        "in",
        "on",
        "at",
        "of",
        "from",
        "to",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "have",
        "has",
        "had",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "may",
        "might",
        "can",
        "than",
        "as",
        "since",
        "during",
        "into",
        "onto",
        "after",
        "before",
        "around",
        "near",
        "across",
        "toward",
        "towards",
        "under",
        "over",
        "between",
        "among",
        "per",
        "said",
        "says",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "they",
        "he",
        "she",
        "we",
        "out",
        "up",
        "down",
        "away",
        "according",
        "living",
        "killed",
        "wounded",
        "displaced",
        "fled",
        "forced",
        "trapped",
        "including",
        "while",
        "despite",
        "because",
        "so",
        "if",
        "when",
        "where",
        "there",
        "what",
        "located",
        "based",
        "about",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "some", "of"])
_SKIP_ADJ = frozenset(["more", "other", "additional", "further"])
_DEMONYMS = re.compile(
    r"^(?:Syrian|Turkish|Russian|Iranian|Iraqi|Lebanese|Kurdish|Afghan|Palestinian|Jordanian|American|European|Arab)s?$"
)

# ``[.!?…]+["”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9])|\n\s*\n|\n`` with its first character taken out of
# the alternatives, so the engine skips to the next [.!?…\n] instead of trying the three
# alternatives at every position (same matches, a fraction of the time)
_SENT_END = re.compile(
    r"""[.!?…\n](?:(?<=[.!?…])[.!?…]*["”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n))"""
)
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.N|U\.K|E\.U|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Prof|Rev|vs|etc)\.?|\b[A-Z])$"
)


_NUMBER_TRIGGERS = frozenset(
    [*_ONES, *_TENS, "a", "half", "us", "tens", "hundreds", "dozens", "scores", "thousands",
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries as (start, end) pairs covering the text (a cheap, rule-based split)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            head = text[max(start, m.start() - 6) : m.start()]
            if _ABBREV.search(head):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def words_to_number(words: str) -> float | None:
    """``twenty-five`` → 25, ``Three`` → 3, ``a`` → 1, ``half a`` → 0.5."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w == "a":
        return 1.0
    if w == "half a":
        return 0.5
    total = 0
    for part in w.split():
        if part in _ONES:
            total += _ONES[part]
        elif part in _TENS:
            total += _TENS[part]
        else:
            return None
    return float(total)


def _number(raw: str | None) -> float | None:
    if not raw:
        return None
    raw = raw.strip()
    if raw[0].isdigit():
        try:
            return float(raw.replace(",", ""))
        except ValueError:
            return None
    return words_to_number(raw)


def _scale(raw: str | None) -> float:
    factor = 1.0
    for word in _LOWER_WORD.findall((raw or "").lower()):
        factor *= _SCALES.get(word, 1)
    return factor


def _fraction(raw: str | None) -> float:
    if not raw:
        return 0.0
    raw = raw.strip()
    if raw == "½":
        return 0.5
    a, b = raw.split("/")
    return int(a) / int(b)


def _sentence_of(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int
) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return (0, 0)
    return spans[i]


# "Channel 4 News", "France 24", "Kanal 7", "TV 2": a broadcaster's name, not a count
_BROADCASTER_BEFORE = re.compile(r"\b(?:Channel|France|Kanal|Haber|TV|Canal|Antena|Rai|Radio)\s$")


# "DECEMBER 15:", "Dec. 15": a day of a month in any case (the date finder reads title case)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s$",
    re.I,
)


def _skip_number(text: str, s: int, e: int, n1: str) -> bool:
    """Road and weapon names, entity residue, list numbering, ordinals, times, broadcasters,
    days of a month."""
    if n1.isdigit() and _BROADCASTER_BEFORE.search(text, max(0, s - 9), s):
        return True
    day = n1.isdigit() and len(n1) <= 2 and 1 <= int(n1) <= 31
    if day and _MONTH_BEFORE.search(text, max(0, s - 11), s):
        return True
    before = text[max(0, s - 3) : s]
    if _LETTER_BEFORE.search(before) and n1[:1].isdigit():
        return True  # M5, S-400, F-16
    if _ENTITY_RESIDUE_BEFORE.search(before):
        return True  # & # 39;
    after = text[e : e + 3]
    if n1[:1].isdigit() and _ORDINAL_OR_TIME_AFTER.match(after):
        return True
    if n1.isdigit() and _LIST_MARK_AFTER.match(after) and _at_line_start(text, s):
        return True  # "1. Heading" list numbering
    return bool(before.endswith("[") and after[:1] == "]")


_PART_OF_THEM = re.compile(
    r"(?:half|many|most|some|all|several|a\s+third|a\s+quarter|\w+)\s+of\s+(?:them|whom)\b",
    re.IGNORECASE,
)


def _at_line_start(text: str, s: int) -> bool:
    """Whether only spaces stand between the start of ``s``'s line and ``s``.

    Steps back over the spaces only: searching back for the line's start (``rfind``) and
    slicing the line cost the whole line per figure, quadratic on a long one-line file.
    """
    i = s - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


_AUX_CHAIN = re.compile(
    r"^\s*(?:[\w’'-]+,?\s+){0,4}?(?:(?:have|has|had|were|was|are|is|been|being|be|got|get|"
    r"reportedly|allegedly|already|now)\s+)+(?:[\w-]+\s+)?",
    re.IGNORECASE,
)
_BEHIND_FILLER = re.compile(
    r"(?:\s+(?:more\s+than|at\s+least|up\s+to|almost|about|around|an\s+estimated|nearly|over|"
    r"less\s+than|some|roughly|approximately|as\s+many\s+as|another|a\s+further|of|the|a))*\s*$",
    re.IGNORECASE,
)


# Cheap necessary conditions tried before the patterns that are searched in the text around
# each figure. A pattern anchored at the end with ``$`` (or one that can start anywhere) is
# tried at every position of its window; most windows cannot match, and a substring test
# says so in a fraction of the time. The answers are the patterns' own.

# the characters that ``re.IGNORECASE`` matches to an ASCII letter besides its upper case
_RE_CASE_EXTRA = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def _case_folded(s: str) -> str:
    """``s`` lower-cased so that a substring test agrees with an ``re.IGNORECASE`` pattern."""
    return s.lower() if s.isascii() else s.translate(_RE_CASE_EXTRA).lower()


# the last word of every _QUALIFIER alternative (its "of" included)
_QUALIFIER_ENDS = (
    "than", "least", "to", "almost", "about", "around", "estimated", "nearly", "over",
    "roughly", "approximately", "some", "as", "most", "under", "of", "only", "further",
    "another",
)  # fmt: skip
_PROJECTION_WORDS = (
    "could", "would", "may", "might", "will", "shall", "threaten", "expected", "likely",
    "set", "risk", "fear", "warn",
)  # fmt: skip


def _qualifier(text: str, lo: int, s: int) -> str:
    """The qualifier ("more than", "nearly") right before a number at ``s`` (not before ``lo``)."""
    window = text[max(lo, s - 30) : s]
    stripped = window.rstrip()
    if len(stripped) == len(window) or not _case_folded(stripped[-14:]).endswith(_QUALIFIER_ENDS):
        return ""
    m = _QUALIFIER.search(window)
    return " ".join(m.group("q").lower().split()) if m else ""


def _projection(text: str, lo: int, s: int) -> bool:
    """Whether a modal or "expected to" before a number at ``s`` makes it a projection."""
    window = text[max(lo, s - 60) : s]
    low = _case_folded(window)
    if not any(w in low for w in _PROJECTION_WORDS):
        return False
    return bool(_PROJECTION.search(window))


def _event_alternation(allow_shelter: bool) -> re.Pattern[str]:
    """The event-verb patterns as one alternation, in their order, one named group each.

    Every pattern begins with ``\\b``; it is tested once, before the alternation, instead of
    once per alternative at every position a search tries (the same matches, ~40% faster)."""
    parts = []
    for pattern, label in _EVENT_VERBS:
        if allow_shelter or label != "sheltered":
            inner = pattern.pattern.removeprefix(r"\b")
            if inner == pattern.pattern:
                raise ValueError(f"an event pattern must begin with \\b: {inner}")
            parts.append(f"(?P<{label}>{inner})")
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


# (without, with "sheltered"); at one position an alternation takes its first alternative
# that matches, so one ``match`` answers what trying the patterns in order does
_EVENT_ANY = (_event_alternation(False), _event_alternation(True))


def _label_at(fragment: str, *, anchored: bool, allow_shelter: bool) -> str:
    """The first event (in ``_EVENT_VERBS`` order) whose pattern matches at the start of
    ``fragment`` (``anchored``) or anywhere in it."""
    combined = _EVENT_ANY[allow_shelter]
    if anchored:
        m = combined.match(fragment)
        if m is None:
            return ""
        if m.lastgroup == "sheltered" and not _TAKEN_OR_SOUGHT.search(m.group(0)):
            return ""  # "hosts", "houses": not a count of sheltered people
        return m.lastgroup
    if combined.search(fragment) is None:
        return ""  # no event word anywhere (the usual case): skip the ordered searches
    for pattern, label in _EVENT_VERBS:
        if label == "sheltered" and not allow_shelter:
            continue
        m = pattern.search(fragment)
        if m and (label != "sheltered" or _TAKEN_OR_SOUGHT.search(m.group(0))):
            return label
    return ""


# the last word of every _BEHIND_FILLER alternative
_FILLER_ENDS = (
    "than", "least", "to", "almost", "about", "around", "estimated", "nearly", "over", "some",
    "roughly", "approximately", "as", "another", "further", "of", "the", "a",
)  # fmt: skip


def _filler_start(behind: str) -> int:
    """Where the qualifiers and articles that end ``behind`` begin ("killing more than the"):
    ``_BEHIND_FILLER.search(behind).start()``. Unless ``behind`` ends with one of their last
    words, that is where its trailing spaces begin."""
    stripped = behind.rstrip()
    if not _case_folded(stripped[-14:]).endswith(_FILLER_ENDS):
        return len(stripped)
    return _BEHIND_FILLER.search(behind).start()


def _event_verb(text: str, s: int, sent_start: int, after_noun: str) -> str:
    """The event a count belongs to: a verb right before it, after it, or near before it."""
    behind = text[max(sent_start, s - 80) : s]
    core = behind[: _filler_start(behind)]
    words = core.split()
    if words:
        label = _label_at(words[-1], anchored=True, allow_shelter=False)
        if label:
            return label  # "displaced more than 235,000", "killing 200 people"
    after = after_noun.lstrip(" ,")
    part = _PART_OF_THEM.match(after)
    if part and _label_at(after[part.end() :].split(",")[0], anchored=False, allow_shelter=False):
        after = ""  # "three million people, half of them already displaced": not all of them
    label = _label_at(after, anchored=True, allow_shelter=True)  # "30,000 children killed"
    if not label:
        chain = _AUX_CHAIN.match(after)
        if chain:
            label = _label_at(after[chain.end() :], anchored=True, allow_shelter=True)
            if not label:  # "have taken shelter": the chain swallowed the verb
                label = _label_at(after[: chain.end() + 20], anchored=False, allow_shelter=True)
    if label:
        return label
    tail = " ".join(words[-5:])
    return _label_at(tail, anchored=False, allow_shelter=False)


def _what(text: str, s: int, e: int, sent_end: int, sent_start: int) -> str:
    """The counted noun phrase after the number, with the event verb that makes it groupable."""
    window = text[e : min(sent_end, e + 120)]
    # the window's words, read only as far as the noun phrase goes (a few of its ~20)
    words_left = _WORD.finditer(window)
    tokens: list[tuple[str, int]] = []

    def has(index: int) -> bool:
        while len(tokens) <= index:
            m = next(words_left, None)
            if m is None:
                return False
            tokens.append((m.group(0), m.start()))
        return True

    i = 0
    # "dozens of civilians", "200,000 of Idlib's 3 million residents"
    while has(i) and tokens[i][0].lower() in ("of", "more", "other", "additional"):
        i += 1
    if has(i) and _POSSESSIVE_NAME.match(tokens[i][0]):
        # "200,000 of Idlib's 3 million residents": the noun after the second number
        i += 1
        while has(i) and (
            tokens[i][0][:1].isdigit() or tokens[i][0].lower() in _SCALES or tokens[i][0] in ",."
        ):
            i += 1
    noun: list[str] = []
    end_idx = i
    while has(i) and len(noun) < 4:
        word = tokens[i][0]
        low = word.lower()
        if not _LETTER_START.match(word) or low in _NOUN_STOP:
            break
        if low in _DETERMINERS and not noun:
            i += 1
            continue
        if low in _SKIP_ADJ and not noun:
            i += 1
            continue
        if (
            word[:1].isupper()
            and not _DEMONYMS.match(word)
            and not noun
            and word.lower() not in ("syrians",)
        ):
            break  # "in Idlib", a name, not a counted noun
        if word[:1].isupper() and noun and not _DEMONYMS.match(word):
            break
        if noun and low.endswith("ed") and low not in ("armed", "wounded", "injured"):
            break  # "protesters gathered": a verb, not part of the noun
        noun.append(word)
        i += 1
        end_idx = i
    phrase = " ".join(noun)
    after_noun = window[tokens[end_idx][1] :] if has(end_idx) else ""
    verb = _event_verb(text, s, sent_start, after_noun)
    if verb == "sheltered":
        if phrase and _DEMONYMS.match(phrase):
            return phrase.rstrip("s") + " refugees"
        return phrase
    if verb == "trapped" and phrase:
        return f"{phrase} trapped"
    if not phrase:
        return "displaced people" if verb == "displaced" else (f"people {verb}" if verb else "")
    if _REFUGEES.search(phrase) or not verb:
        return phrase
    if verb == "displaced":
        return f"displaced {phrase}"
    return f"{phrase} {verb}"


@functools.lru_cache(maxsize=512)
def _attribution(text: str, sent_start: int, sent_end: int) -> str:
    """Who the sentence credits for its figures (cached: a sentence often holds several)."""
    sent = text[sent_start:sent_end]
    low = _case_folded(sent)
    # each pattern is tried only when a word it needs is in the sentence
    if "according" in low:
        m = _ATTRIB_ACCORDING.search(sent)
        if m:
            return _tidy_source(m.group("who"))
    if any(w in sent for w in _SAID_AFTER_WORDS):
        m = _ATTRIB_SAID_AFTER.search(sent)
        if m and not m.group(0).lower().startswith("according"):
            who = _tidy_source(m.group("who"))
            if _is_source(who):
                return who
    if any(w in sent for w in _SAID_WORDS):
        for m in _ATTRIB_SAID.finditer(sent):
            who = _tidy_source(m.group("who"))
            if _is_source(who):
                return who
    if any(w in low for w in _GENERIC_SOURCES):
        m = _ATTRIB_GENERIC.search(sent)
        if m:
            return _tidy_source(m.group(0).rsplit(None, 1)[0])
    return ""


# words the attribution patterns need (the first two are case-sensitive, the last is not)
_SAID_AFTER_WORDS = ("said", "says", "reported", "according")
_SAID_WORDS = (
    "said", "says", "report", "told", "estimate", "announced", "warned", "counted",
    "documented", "stated", "confirmed", "claim",
)  # fmt: skip
_GENERIC_SOURCES = (
    "activists", "monitors", "officials", "rescuers", "medics", "witnesses", "residents",
)  # fmt: skip


_PRONOUNS = frozenset(
    [
        "He",
        "She",
        "They",
        "It",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "When",
        "While",
        "If",
    ]
)


def _is_source(who: str) -> bool:
    words = who.split()
    if not words or words[0] in _PRONOUNS:
        return False
    return not (len(words) == 1 and words[0] in _NOT_A_SOURCE)


def _tidy_source(who: str) -> str:
    who = " ".join(who.split()).strip(" ,.;:")
    who = _LEADING_THE.sub("", who)
    who = _LEADING_PLACE_BASED.sub("", who)
    who = _TRAILING_FUNCTION_WORD.sub("", who)
    return who


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
    spans = sentence_spans(text)
    starts = [a for a, _ in spans]
    if tokens is None:
        tokens = text_tokens(text)
    if scan is None:
        scan = scan_triggers(tokens, trigger_groups())
    dates = find_dates(text, anchor, tokens=tokens) if dates is None else dates
    taken: list[tuple[int, int]] = [(d.start, d.end) for d in dates]
    taken_starts = [a for a, _ in taken]
    out: list[Figure] = []

    def overlaps(a: int, b: int) -> bool:
        i = bisect.bisect_right(taken_starts, b) - 1
        while i >= 0 and taken[i][1] > a:
            if taken[i][0] < b:
                return True
            i -= 1
        return False

    last_end = 0
    for m in _number_matches(text, scan["number"]):
        s, e = m.span()
        if s < last_end or overlaps(s, e):
            continue
        figure = _figure_from_match(m, text, spans, starts)
        if figure is not None:
            out.append(figure)
            last_end = figure.end
    for m in iter_matches(_FRACTION_OF, text, _word_starts(text, scan["fraction"])):
        s, e = m.span()
        scale = m.group("fsc")
        # "a quarter of a million", "two-thirds of": drop the "a million"/"two" found inside
        out = [f for f in out if not (s <= f.start < e)]
        if overlaps(s, e) or any(f.start <= s < f.end for f in out[-3:]):
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
                value=value / 100 * _SCALES[scale.lower()] if scale else value,
                unit="" if scale else "%",
                what=_what(text, s, e, sent[1], sent[0]),
                qualifier=_qualifier(text, sent[0], s),
                attribution=_attribution(text, sent[0], sent[1]),
                sentence_start=sent[0],
                sentence_end=sent[1],
            )
        )
    for m in iter_matches(_WEEK_LONG, text, _word_starts(text, scan["week"])):
        s = m.start()
        if _WORD_OR_HYPHEN_END.search(text[max(0, s - 1) : s]) and text[s - 1 : s] != " ":
            continue  # "9-year-long" is already a figure
        if overlaps(s, m.end()):
            continue
        sent = _sentence_of(spans, starts, s)
        out.append(
            Figure(
                s,
                m.end(),
                m.group(0),
                "duration",
                value=1.0,
                unit=m.group("u").lower(),
                what=_duration_what(text, m.end(), sent[1]),
                sentence_start=sent[0],
                sentence_end=sent[1],
            )
        )
    for d in dates:
        sent = _sentence_of(spans, starts, d.start)
        evidence = d.evidence
        if d.relative and anchor_inferred and anchor is not None:
            evidence += " (the article date itself is inferred)"
        out.append(
            Figure(
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
        )
    out.sort(key=lambda f: (f.start, f.end))
    return out


def _figure_from_match(
    m: re.Match[str], text: str, spans: list[tuple[int, int]], starts: list[int]
) -> Figure | None:
    s, e = m.span()
    sent_start, sent_end = _sentence_of(spans, starts, s)
    if m.lastgroup == "vague" or m.group("vague"):
        key = " ".join(m.group("vague").lower().split())
        mag = _VAGUE[key]
        return Figure(
            s, e, text[s:e], "count", value=float(10**mag), vague=True, magnitude=mag,
            what=_what(text, s, e, sent_end, sent_start),
            qualifier=_qualifier(text, sent_start, s),
            attribution=_attribution(text, sent_start, sent_end),
            projection=_projection(text, sent_start, s),
            sentence_start=sent_start, sentence_end=sent_end,
        )  # fmt: skip
    n1 = m.group("n1")
    if m.group("sfx"):
        n1 = n1[: -len(m.group("sfx"))]  # "15km" → "15"
    # the match may begin with a currency symbol or space
    s = m.start("cur") if m.group("cur") else m.start("n1")
    if _skip_number(text, m.start("n1"), m.end(), n1):
        return None
    if _page_chrome_or_label(text, m.start("n1"), m.end()):
        return None
    low1 = n1.lower()
    scale1 = m.group("sc1")
    after = text[e : e + 40]
    if low1 == "one" and not scale1:
        # "one of Idlib's largest", "one another": only "one civilian contractor" counts
        nxt = _NEXT_LOWER_WORD.match(after)
        if not nxt or nxt.group(1) in (
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
        ):
            return None
    if low1 in ("a", "half a") and not scale1:
        return None
    value = _number(n1)
    if value is None:
        return None
    value += _fraction(m.group("frac"))
    value *= _scale(scale1)
    suffix_kind = ""
    suffix = (m.group("sfx") or "").lower()
    if suffix:  # "$40m", "$1.5bn", "15km", "500m"
        if suffix == "m" and not m.group("cur"):
            # "2.5m people" is millions, "500m of the wall" metres
            nxt = _RX_NEXT_WORD.match(text, m.end())
            if nxt and nxt.group(1).lower() not in _AFTER_METRES:
                suffix = "mn"
        if suffix in ("bn", "mn") or (suffix == "m" and m.group("cur")) or suffix == "k":
            value *= {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}[suffix]
        else:
            suffix_kind = {"m": "m", "km": "km", "kms": "km", "mi": "mi"}[suffix]
    value_max = None
    if m.group("n2"):
        v2 = _number(m.group("n2"))
        if v2 is None:
            return None
        sc2 = m.group("sc2")
        if sc2:
            v2 *= _scale(sc2)
            if not scale1:
                value *= _scale(sc2)  # "3 to 4 million"
        value_max = v2
        if (
            m.group("rs").strip() in ("-", "–", "—")
            and m.group("n1")[:1].isdigit()
            and len(n1) == 4
            and len(m.group("n2")) in (2, 4)
        ):
            return None  # 2011-12 style spans are dates, not ranges
    kind = "count"
    unit = ""
    if m.group("cur") or m.group("cur2"):
        kind, unit = (
            "money",
            {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}[m.group("cur") or "$"],
        )
    if m.group("pct"):
        kind, unit = "percent", "%"
    if suffix_kind:
        kind, unit = "distance", suffix_kind
    end = e
    u = _UNIT_AFTER.match(text, e) if kind == "count" else None
    if u:
        word = u.group(0).strip(" -").lower()
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
                return None  # a date expression, found by dates
            kind, unit = "duration", _LOWER_WORD.match(word).group(0).rstrip("s")
        end = u.end()
        conv = _CONVERSION.match(text, end)
        if conv:
            end = conv.end()  # "four kilometers (two miles)": one figure
    qualifier = _qualifier(text, sent_start, s)
    # "between 300 and 400"
    if value_max is None and _BETWEEN_BEFORE.search(text[max(0, s - 9) : s]):
        b = _BETWEEN_AND.match(text, end)
        if b:
            v2 = _number(b.group("n2"))
            if v2 is not None:
                value_max = v2 * _scale(b.group("sc2") or scale1)
                end = b.end()
                u2 = _UNIT_AFTER.match(text, end)
                if u2 and u2.group("dist"):
                    kind, unit, end = "distance", "km", u2.end()
    # ages: "Ahmed Marwan, 24," / "aged 24" / "Ali (24)"
    if kind == "count" and value_max is None and n1.isdigit() and 0 < value < 120:
        before = text[max(0, s - 40) : s]
        if (
            (_NAME_COMMA_BEFORE.search(before) and _COMMA_OR_PAREN_AFTER.match(text[e : e + 2]))
            or _AGED_BEFORE.search(before)
            or (_NAME_PAREN_BEFORE.search(before) and text[e : e + 1] == ")")
        ):
            kind, unit = "age", "years"
    if kind == "count" and _YEAR_OLD.match(text[e : e + 10]):
        kind, unit = "age", "years"
    what = (
        ""
        if kind in ("age", "duration", "distance", "area", "percent")
        else _what(text, s, end, sent_end, sent_start)
    )
    if kind == "duration":
        what = _duration_what(text, end, sent_end)
    elif kind == "age":
        what = _age_what(text, s, end, sent_start, sent_end)
    elif kind in ("distance", "area", "percent"):
        what = _measure_what(text, end, sent_end)
    return Figure(
        s, end, text[s:end], kind, value=value, value_max=value_max, unit=unit,
        what=what, qualifier=qualifier,
        attribution=_attribution(text, sent_start, sent_end),
        projection=_projection(text, sent_start, s),
        sentence_start=sent_start, sentence_end=sent_end,
    )  # fmt: skip


# page chrome and labels that are numbers but not quantities of anything reported
_CHROME_AFTER = re.compile(
    r"[\s-]*(?:(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|months?)\s+ago\b"
    r"|(?:minutes?|mins?)[\s-]+read\b|(?:photos?|images?|comments?|shares?|views?|likes?)\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
_GALLERY_BEFORE = re.compile(r"^\s*\d+\s*(?:of|/)\s*$")
_LIST_OF_BEFORE = re.compile(r"\blist\s+of\s+$", re.IGNORECASE)
_ROAD_BEFORE = re.compile(
    r"\b(?:Route|Highway|Road|Motorway|Hwy|Junction|Exit|Gate|Kilometre|Kilometer|km)\s+$"
)
_GALLERY = re.compile(r"\s*(?:of|/)\s*\d+\s*(?:\||$)", re.MULTILINE)
_GALLERY_END = re.compile(r"\s*(?:\||$)", re.MULTILINE)
_NAME_PAREN_BEFORE = re.compile(r"[A-Z][\w'’-]+\s?\($")


_GALLERY_LABEL_MAX = 40


def _page_chrome_or_label(text: str, s: int, e: int) -> bool:
    """Page chrome and labels, not counts: "7 minutes ago", "5 min read", "list of 4 items",
    "Route 60", "1 of 5 |"."""
    if _CHROME_AFTER.match(text, e):
        return True
    before = text[max(0, s - 12) : s]
    if _LIST_OF_BEFORE.search(before) or _ROAD_BEFORE.search(before):
        return True
    if _at_line_start(text, s):
        return bool(_GALLERY.match(text, e))
    # a gallery counter's label is short: look back a bounded window, never the whole line
    # (a long one-line file would be rescanned for every number)
    line_start = s
    while line_start > 0 and text[line_start - 1] != "\n":
        line_start -= 1
        if s - line_start > _GALLERY_LABEL_MAX:
            return False
    return bool(_GALLERY_BEFORE.match(text[line_start:s])) and bool(_GALLERY_END.match(text, e))


def _duration_what(text: str, end: int, sent_end: int) -> str:
    m = re.match(
        r"\s*(?:[\w-]+\s+){0,2}?(war|conflict|siege|offensive|bombardment|campaign|truce|ceasefire|cease-fire|crisis|uprising)\b",
        text[end : min(sent_end, end + 40)],
        re.I,
    )
    return m.group(1).lower() if m else ""


def _age_what(text: str, s: int, end: int, sent_start: int, sent_end: int) -> str:
    m = _AGE_NOUN_AFTER.match(text[end : min(sent_end, end + 30)])
    if m and m.group(1) not in ("and", "or", "told", "said", "who", "was", "is", "from"):
        return m.group(1)
    name = re.search(
        r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),\s?$", text[max(sent_start, s - 40) : s]
    )
    return name.group(1) if name else ""


def _measure_what(text: str, end: int, sent_end: int) -> str:
    m = _MEASURE_NOUN_AFTER.match(text[end : min(sent_end, end + 30)])
    if not m:
        return ""
    words = [w for w in m.group(1).split() if w not in _NOUN_STOP and w not in _DETERMINERS]
    return " ".join(words[:2])
