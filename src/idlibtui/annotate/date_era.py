"""Names that date a text from below: a group, an operation or an office that did not exist
before a known day ("Hayat Tahrir al-Sham" was formed in January 2017, "President Trump" took
office on 20 January 2017, "de-escalation zones" were agreed in May 2017).

A text that uses such a name was written after that day. The judge uses these days as lower
bounds only (never as the date): they decide between the years that a weekday written beside a
month-day allows ("Saturday, July 27" is of 2013 or 2019; a text naming HTS is of 2019).
Facts in the project's own words; each pattern is specific enough not to occur by chance.
"""

from __future__ import annotations

import datetime as dt
import re

_ERA_NAMES: tuple[tuple[str, dt.date, str], ...] = (
    # (pattern, the first day the name could be written, what it is)
    (r"Hay(?:'|’)?[ae]t\s+Tahrir\s+al[- ]Sham|Tahrir\s+al[- ]Sham\b|\bHTS\b",
     dt.date(2017, 1, 28), "Hayat Tahrir al-Sham"),
    (r"Jabhat\s+Fat[ae]h\s+al[- ]Sham", dt.date(2016, 7, 28), "Jabhat Fateh al-Sham"),
    (r"Ja(?:i|y)sh\s+al[- ]Fat[ae]h|Army\s+of\s+(?:Conquest|Fat[ae]h)|Fat[ae]h\s+Army",
     dt.date(2015, 3, 24), "the Army of Conquest"),
    (r"Russian\s+(?:air\s*strikes?|warplanes?|jets?|air\s+force|bombers?|military\s+police)",
     dt.date(2015, 9, 30), "Russian air power in Syria"),
    (r"de-?\s?escalation\s+zones?", dt.date(2017, 5, 4), "the de-escalation zones"),
    (r"Turkish\s+observation\s+(?:posts?|points?)|observation\s+(?:posts?|points?)\s+of\s+Turkey",
     dt.date(2017, 10, 12), "Turkish observation posts"),
    (r"Sochi\s+(?:agreement|deal|memorandum|accord)|demilitari[sz]ed\s+zone\s+in\s+Idlib",
     dt.date(2018, 9, 17), "the Sochi memorandum on Idlib"),
    (r"Syrian\s+Democratic\s+Forces|\bSDF\b", dt.date(2015, 10, 10),
     "the Syrian Democratic Forces"),
    (r"Astana\s+(?:talks|process|format|guarantors?)", dt.date(2017, 1, 23), "the Astana talks"),
    (r"Olive\s+Branch", dt.date(2018, 1, 20), "Operation Olive Branch"),
    (r"Euphrates\s+Shield", dt.date(2016, 8, 24), "Operation Euphrates Shield"),
    (r"Peace\s+Spring", dt.date(2019, 10, 9), "Operation Peace Spring"),
    (r"Spring\s+Shield", dt.date(2020, 3, 1), "Operation Spring Shield"),
    (r"coronavirus|COVID", dt.date(2020, 1, 1), "the coronavirus"),
    (r"National\s+(?:Front\s+for\s+Liberation|Liberation\s+Front)", dt.date(2018, 5, 28),
     "the National Liberation Front"),
    (r"Syrian\s+National\s+Army", dt.date(2017, 12, 30), "the Syrian National Army"),
    (r"Caesar\s+Act", dt.date(2019, 12, 20), "the Caesar Act"),
    (r"President\s+(?:Donald\s+)?Trump", dt.date(2017, 1, 20), "President Trump"),
    (r"President\s+(?:Joe\s+)?Biden", dt.date(2021, 1, 20), "President Biden"),
    (r"President\s+(?:Recep\s+(?:Tayyip\s+)?)?Erdo[gğ]an", dt.date(2014, 8, 28),
     "President Erdogan"),
    (r"White\s+Helmets", dt.date(2014, 1, 1), "the White Helmets"),
    (r"Geir\s+Pedersen", dt.date(2018, 10, 31), "UN envoy Geir Pedersen"),
    (r"F[ie]fth\s+(?:Assault\s+)?Corps", dt.date(2016, 11, 22), "the Fifth Corps"),
)  # fmt: skip

# For each name of ``_ERA_NAMES``, lower-case words one of which every match holds. A name none
# of whose words is in the text cannot match anywhere in it, and leaving it out of the
# alternation changes no match (the others are tried in the same order at every position); the
# full alternation, tried at every position of a long text, cost ~3 ms an article.
_ERA_WORDS: tuple[tuple[str, ...], ...] = (
    ("tahrir", "hts"), ("jabhat",), ("jaish", "jaysh", "army"), ("russian",), ("escalation",),
    ("observation",), ("sochi", "demilitari"), ("democratic", "sdf"), ("astana",), ("olive",),
    ("euphrates",), ("peace",), ("shield",), ("coronavirus", "covid"), ("national",),
    ("national",), ("caesar",), ("trump",), ("biden",), ("erdo",), ("helmets",), ("pedersen",),
    ("corps",),
)  # fmt: skip
assert len(_ERA_WORDS) == len(_ERA_NAMES)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (``a|b(c|d)`` → ``a``, ``b(c|d)``)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _literal_first(alternative: str) -> str:
    """``\\bHTS\\b`` as ``H(?<!\\w.)TS\\b`` (the same matches): a pattern that begins with its
    letter lets the engine skip to that letter; one that begins with ``\\b`` is tried at every
    position (~0.15 ms a text)."""
    if (
        alternative.startswith("\\b")
        and alternative[2:3].isalnum()
        and alternative[3:4] not in "?*+{"
    ):
        return alternative[2] + r"(?<!\w.)" + alternative[3:]
    return alternative


# each name's alternatives on their own, compiled once: the alternation of the names a text
# may hold differed from text to text and was compiled again for most articles (~5 ms each),
# and an alternative that begins with ``\b`` or a word of its own keeps the engine from
# skipping ahead to where a match can begin. For an ASCII text the patterns are lower-cased
# and searched without the case flag in the lower-cased text (same offsets, same matches).
_NAME_PATTERNS = tuple(
    tuple(re.compile(_literal_first(alt), re.IGNORECASE) for alt in _alternatives(pattern))
    for pattern, _, _ in _ERA_NAMES
)
_LOWER_PATTERNS = tuple(
    tuple(re.compile(_literal_first(alt).lower()) for alt in _alternatives(pattern))
    for pattern, _, _ in _ERA_NAMES
)
assert not any(re.search(r"\\[A-Z]", pattern) for pattern, _, _ in _ERA_NAMES)


def _search(alternatives: tuple[re.Pattern[str], ...], text: str, pos: int):
    """The match the alternation of ``alternatives`` finds from ``pos``: the leftmost, the
    first alternative on a tie."""
    best = None
    for pattern in alternatives:
        m = pattern.search(text, pos)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def _name_matches(text: str, names: tuple[int, ...], patterns=_NAME_PATTERNS):
    """``(index, match)`` as ``finditer`` of the alternation of ``names`` (in their order) would
    give them: at each step the leftmost match of any name, the first name on a tie, the next
    search starting where it ended."""
    pos = 0
    found: dict[int, re.Match[str] | None] = {}
    while True:
        best: tuple[int, int] | None = None
        for i in names:
            if i not in found or ((prev := found[i]) is not None and prev.start() < pos):
                found[i] = _search(patterns[i], text, pos)
            m = found[i]
            if m is not None and (best is None or m.start() < best[0]):
                best = (m.start(), i)
        if best is None:
            return
        m = found[best[1]]
        assert m is not None
        yield best[1], m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def _lowered(text: str) -> str:
    """``text`` lower-cased so that a word test holds wherever the case-blind pattern can match
    ("İ", "ı", "ſ", "K" to their ASCII letter; a dot above dropped: a superset)."""
    if text.isascii():
        return text.lower()
    return text.lower().replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


def _folded(text: str) -> str | None:
    """``text`` lower-cased with the same offsets, where a lower-case letter of the patterns
    matches it as the case-blind pattern matches ``text`` ("ı", "ſ" to "i", "s", as the case
    flag matches them); None when lower-casing changes its length ("İ")."""
    if text.isascii():
        return text.lower()
    low = text.lower()
    if len(low) != len(text):
        return None
    return low.replace("ı", "i").replace("ſ", "s")


def era_floors(text: str) -> list[tuple[dt.date, str]]:
    """``(first possible day, name)`` for each era-dating name ``text`` uses (once each)."""
    seen: dict[int, tuple[dt.date, str]] = {}
    low = _lowered(text)
    names = tuple(i for i, words in enumerate(_ERA_WORDS) if any(w in low for w in words))
    if not names:
        return []
    folded = _folded(text)
    if folded is not None:
        matches = _name_matches(folded, names, _LOWER_PATTERNS)
    else:
        matches = _name_matches(text, names)
    for index, _m in matches:
        if index not in seen:
            _, day, what = _ERA_NAMES[index]
            seen[index] = (day, f"it names {what} (not before {day.isoformat()})")
            if len(seen) == len(names):
                break  # every name it can hold is found
    return list(seen.values())
