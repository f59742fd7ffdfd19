"""Where a date can begin: the trigger scan that keeps the date grammar from being tried at
every character, over the words of the text's one analysis (``textanalysis``).

The words of the last text seen are kept (``text_tokens``): the cleaner and the annotator read
the same text one after the other.
"""

from __future__ import annotations

import functools
import itertools
import re
from operator import itemgetter

from idlibtui.annotate.date_words import MONTHS, NUMBER_WORDS, WEEKDAYS

# the one word tokenizer (textanalysis), re-exported for the date, figure and entity modules
from idlibtui.textanalysis import WORD_TOKEN as WORD_TOKEN
from idlibtui.textanalysis import analysis_of, forget
from idlibtui.textanalysis import word_tokens as word_tokens

_TRIGGERS = frozenset(
    [*MONTHS, *WEEKDAYS, "early", "mid", "late", "the", "end", "beginning", "last", "this", "next",
     "on", "since", "by", "until", "over", "during", "at", "earlier", "later", "yesterday",
     "today", "tonight", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
     "nine", "ten", "eleven", "twelve", "few", "several", "couple"]
)  # fmt: skip


class _WordTable(dict):
    """word → ``fn(word)``, computed on first sight and kept (cleared past 50,000 words).

    Articles reuse their words, so classifying an article's words becomes one dictionary
    look-up each, made in C by ``map``; Python then loops only over the few words that count.
    """

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, word: str):
        if len(self) > 50_000:
            self.clear()
        value = self[word] = self.fn(word)
        return value


@functools.lru_cache(maxsize=8)
def _group_table(groups: tuple[tuple[str, frozenset[str]], ...]) -> _WordTable:
    """word → the indices of the groups it triggers (every group for a word led by a digit)."""
    table: dict[str, list[int]] = {}
    for index, (_name, words) in enumerate(groups):
        for word in words:
            table.setdefault(word, []).append(index)
    by_lower = {word: tuple(indices) for word, indices in table.items()}
    every = tuple(range(len(groups)))
    return _WordTable(lambda word: every if word[0].isdigit() else by_lower.get(word.lower()))


def scan_triggers(
    tokens: list[tuple[int, str]], groups: dict[str, frozenset[str]]
) -> dict[str, list[int]]:
    """One pass over the words: for each named trigger set, the starts of words that can begin
    a match (a word in the set, or any word starting with a digit)."""
    key = tuple(groups.items())
    hits = list(map(_group_table(key).__getitem__, map(itemgetter(1), tokens)))
    lists: list[list[int]] = [[] for _ in key]
    for i in itertools.compress(range(len(hits)), hits):
        start = tokens[i][0]
        for index in hits[i]:
            lists[index].append(start)
    return {name: lst for (name, _), lst in zip(key, lists, strict=True)}


def iter_matches(pattern: re.Pattern[str], text: str, starts: list[int]):
    """``pattern.finditer(text)`` restricted to the given match starts (see ``scan_triggers``).

    A big alternation tried at every character costs ~3 µs a character; trying it only where a
    trigger word (or a digit) starts keeps a 5,000-word article in a few milliseconds.
    """
    last_end = 0
    for start in starts:
        if start < last_end:
            continue
        m = pattern.match(text, start)
        if m is not None and m.end() > start:
            last_end = m.end()
            yield m


DATE_TRIGGERS = _TRIGGERS

# Common words that begin a date expression only before certain words ("the" only in "the end
# of", "the beginning of", "the past …", "the last …"; "on" only before a weekday or "the
# weekend"; "a"/"two" only in "a week ago", "two days ago"): trying the date pattern after
# every "the" and "on" was most of its cost. A start is skipped only when the next word (case
# folded as ``re.IGNORECASE`` folds it) begins with none of the listed words; a number is
# kept when it has four digits or more (a year) or precedes a month, "of" or a time unit.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_WORDS = tuple(WEEKDAYS)
_UNIT_WORDS = ("day", "week", "month", "year")
_COUNT_NEXT = _UNIT_WORDS
_NEXT_WORDS: dict[str, tuple[str, ...]] = {
    "the": ("end", "beginning", "past", "last"),
    "on": ("the", *_WEEKDAY_WORDS),
    "at": ("the",),
    "over": ("the",),
    "during": ("the",),
    "since": _WEEKDAY_WORDS,
    "by": _WEEKDAY_WORDS,
    "until": _WEEKDAY_WORDS,
    "couple": ("of",),
    **{w: _COUNT_NEXT for w in ("a", "an", "few", "several")},
    **{w: _COUNT_NEXT for w in NUMBER_WORDS if " " not in w and w not in ("a", "an")},
}
_DIGIT_NEXT = (*_MONTH_STEMS, "of", *_UNIT_WORDS, *"0123456789")  # digits: 15.12.2016
_RE_CASE_EXTRA = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def _folded(word: str) -> str:
    return word.lower() if word.isascii() else word.translate(_RE_CASE_EXTRA).lower()


def _date_need(word: str) -> bool | tuple[str, ...]:
    """Whether a date can begin at ``word``: False, True, or the words one of which must begin
    the next word."""
    if word[0].isdigit():
        return True if len(word) >= 4 else _DIGIT_NEXT
    low = word.lower()
    if low not in _TRIGGERS:
        return False
    return _NEXT_WORDS.get(low, True)


_DATE_NEED = _WordTable(_date_need)


def date_starts(tokens: list[tuple[int, str]]) -> list[int]:
    """Where a date expression can begin: the starts of the words in ``DATE_TRIGGERS`` or
    beginning with a digit, less those that the next word rules out (see ``_NEXT_WORDS``)."""
    needs = list(map(_DATE_NEED.__getitem__, map(itemgetter(1), tokens)))
    last = len(tokens) - 1
    out: list[int] = []
    for i in itertools.compress(range(len(needs)), needs):
        need = needs[i]
        if need is True or (i < last and _folded(tokens[i + 1][1]).startswith(need)):
            out.append(tokens[i][0])
    return out


# Work shared between the passes over one text. The cleaner infers an undated article's date
# (``find_dates(text, None)``) just before the annotator finds the same text's dates again with
# the article date as anchor: the words and the matched date spans do not depend on the anchor,
# so the second pass only resolves them. They live in the text's one analysis (textanalysis).


def _memo(text: str) -> dict:
    """The work remembered for ``text`` (a fresh dict when it is not the last text seen)."""
    return analysis_of(text).memo


def forget_shared_work() -> None:
    """Drop the remembered text (a benchmark that repeats one text measures the full work)."""
    forget()


def text_tokens(text: str) -> list[tuple[int, str]]:
    """``word_tokens(text)``, computed once for the last text seen (do not modify the list)."""
    return analysis_of(text).tokens
