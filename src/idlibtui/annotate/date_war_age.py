"""The ages of the war a text states ("the nine-year conflict", "eight years of war"): they bound
an article's date from both sides (:mod:`idlibtui.annotate.date_evidence`).
"""

from __future__ import annotations

import itertools
import re
from operator import itemgetter

from idlibtui.annotate.date_tokens import _folded, _WordTable, iter_matches, text_tokens

_WAR_AGE = re.compile(
    r"\b(?P<n>\d{1,2}(?:\s*1/2|\.5)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen)[\s-]+year(?:s)?(?:[\s-]+long|[\s-]+old)?[\s-]+"
    # "seven years into the war", "eight years of war"
    r"(?:into\s+(?:the\s+|Syria['’]s\s+|its\s+)?|of\s+)?"
    r"(?:(?:civil|bloody|brutal|Syrian)\s+)*(?P<w>war|conflict|civil\s+war|uprising)",
    re.IGNORECASE,
)
_SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15,
}  # fmt: skip


_WAR_NUMBER_WORDS = tuple(_SMALL_NUMBERS)


def _war_age_years(raw: str) -> float | None:
    w = " ".join(raw.lower().split())
    if w in _SMALL_NUMBERS:
        return float(_SMALL_NUMBERS[w])
    half = 0.5 if ("1/2" in w or w.endswith(".5")) else 0.0
    digits = re.match(r"\d+", w)
    return float(digits.group(0)) + half if digits else None


_FIRST_BEFORE = re.compile(r"\b(?:first|early|initial)\s+$", re.IGNORECASE)
_APOSTROPHE_BEFORE_WORD = re.compile(r"['’`](?=[^\W_])")


def _war_age_start(word: str) -> bool:
    """Whether a ``_WAR_AGE`` match can begin at ``word`` (a digit or a number word leads it)."""
    return word[0].isdigit() or _folded(word).startswith(_WAR_NUMBER_WORDS)


_WAR_AGE_START = _WordTable(_war_age_start)


def _war_age_matches(text: str) -> list[re.Match[str]]:
    """``_WAR_AGE.finditer(text)``, tried only where its number can begin: a word that begins
    with a digit or a number word, or just after an apostrophe inside a word ("l’one")."""
    tokens = text_tokens(text)
    # one dictionary look-up per word, made in C (see ``_WordTable``)
    can_start = map(_WAR_AGE_START.__getitem__, map(itemgetter(1), tokens))
    starts = list(map(itemgetter(0), itertools.compress(tokens, can_start)))
    inner = [m.end() for m in _APOSTROPHE_BEFORE_WORD.finditer(text)]
    if inner:
        starts = sorted({*starts, *inner})
    return list(iter_matches(_WAR_AGE, text, starts))


def war_age_mentions(text: str) -> list[tuple[float, str]]:
    """The ages of the war the text states ("the nine-year conflict" → 9.0), with the words."""
    out = []
    for wm in _war_age_matches(text):
        if _FIRST_BEFORE.search(text, max(0, wm.start() - 12), wm.start()):
            continue  # "in the first five years of war": a part of it, not its age
        years = _war_age_years(wm.group("n"))
        if years is not None and 1 <= years <= 20:
            out.append((years, " ".join(wm.group(0).split())))
    return out
