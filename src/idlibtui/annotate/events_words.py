"""Words for the events timeline: an article's words folded to the keys that
the timeline's phrases are compared on (lower case, no diacritics or apostrophes, hyphens as
spaces, al-/el-/an- as one article, the gazetteer's transliteration-insensitive key).
"""

from __future__ import annotations

import itertools
import operator
import unicodedata
from operator import itemgetter

from idlibtui.annotate.date_tokens import text_tokens, word_tokens
from idlibtui.annotate.entities import fold
from idlibtui.annotate.numbers import ONES, SCALES, TENS
from idlibtui.textanalysis import sentence_spans as sentence_spans  # the one splitter

_SUN_ARTICLES = frozenset(["ar", "an", "as", "ash", "ad", "at", "az", "adh", "ath", "ul", "un"])


# number words keep their letters: the gazetteer's fuzzy key would make "four" "for"
_NUMBER_WORDS = frozenset([*ONES, *TENS, *SCALES, *(f"{w}s" for w in SCALES)])


_LIGHT = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss"})
_DROP = str.maketrans("", "", "'’ʼʿʾ`.")
_ARTICLES = frozenset(["al", "el"])


def _word_entry(word: str) -> tuple[str, str, int, bool]:
    """``(exact, fuzzy, length, sun)`` of one word. ``=exact``: lower case without diacritics
    or apostrophes; ``~fuzzy``: the gazetteer's transliteration-insensitive key, only for a
    capitalised word (a name: so "has" never meets "Hass"); digits and number words stay exact,
    so "33" is not "3" and "four" is not "for". ``length`` drops a possessive 's; ``sun`` marks
    an-/ar-/ash-…, the article when a hyphen follows."""
    bare = word[:-2] if word[-2:] in ("'s", "’s", "'S", "’S") and len(word) > 2 else word
    t = unicodedata.normalize("NFKD", bare.translate(_LIGHT))
    light = "".join(c for c in t if not unicodedata.combining(c)).lower().translate(_DROP)
    if light in _ARTICLES:
        return "=" + light, "~al", len(bare), False
    if light in _NUMBER_WORDS or not light.isalpha():
        return "=" + light, "", len(bare), False
    fuzzy = "~" + fold(bare) if bare[:1].isupper() else ""
    return "=" + light, fuzzy, len(bare), light in _SUN_ARTICLES


class _Entries(dict):
    """word → ``_word_entry(word)``, computed on first sight and kept (cleared past 200,000
    words): an article's words cost one look-up each, made in C by ``map``."""

    def __missing__(self, word: str) -> tuple[str, str, int, bool]:
        if len(self) > 200_000:
            self.clear()
        entry = self[word] = _word_entry(word)
        return entry


_ENTRIES = _Entries()


def _entries(text: str) -> tuple[list[tuple[int, str]], list[tuple[str, str, int, bool]]]:
    """The words of ``text`` (start, word) and their keys (see ``_word_entry``)."""
    if "‘" in text:
        text = text.replace("‘", "’")  # the same length: offsets hold (Ma‘arrat, Nu‘man)
        words = word_tokens(text)
    else:
        words = text_tokens(text)  # the annotators' own pass over this text, shared
    entries = list(map(_ENTRIES.__getitem__, map(itemgetter(1), words)))
    return words, entries


def _known_words(entries, keys: frozenset[str]):
    """The indices of the words whose exact or fuzzy key is in ``keys``, found in C."""
    known = keys.__contains__
    found = map(
        operator.or_,
        map(known, map(itemgetter(0), entries)),
        map(known, map(itemgetter(1), entries)),
    )
    return itertools.compress(range(len(entries)), found)


def _fuzzy_at(text: str, start: int, word: str, entry: tuple[str, str, int, bool]) -> str:
    """The fuzzy key of a word in its place: an-/ar-… before a hyphen is the article."""
    if entry[3] and text[start + len(word) : start + len(word) + 1] == "-":
        return "~al"
    return entry[1]


class _EntryKeys(dict):
    """entry → the keys its word can match: ``(exact, fuzzy)``, or ``(exact,)`` for a word
    without a fuzzy key (kept, as ``_ENTRIES``)."""

    def __missing__(self, entry: tuple[str, str, int, bool]) -> tuple[str, ...]:
        if len(self) > 200_000:
            self.clear()
        keys = self[entry] = (entry[0], entry[1]) if entry[1] else (entry[0],)
        return keys


_ENTRY_KEYS = _EntryKeys()


def _word_keys(text: str, words, entries) -> list[tuple[str, ...]]:
    """The keys each word of the text can match: exact, and fuzzy for a name."""
    keys: list[tuple[str, ...]] = list(map(_ENTRY_KEYS.__getitem__, entries))
    for i in itertools.compress(range(len(entries)), map(itemgetter(3), entries)):
        entry = entries[i]
        fuzzy = _fuzzy_at(text, words[i][0], words[i][1], entry)
        keys[i] = (entry[0], fuzzy) if fuzzy else (entry[0],)
    return keys


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The keys of a phrase's words: a capitalised word of four letters or more (a name:
    "Saraqeb", "Idlib") matches its spellings (fuzzy key), any other word matches itself
    (exact key), both without case; the article al-/el-/an-… matches any of them."""
    words, entries = _entries(phrase)
    out = []
    for (start, word), entry in zip(words, entries, strict=True):
        fuzzy = _fuzzy_at(phrase, start, word, entry)
        name = word[:1].isupper() and len(entry[0]) > 4 and fuzzy
        out.append(fuzzy if (name or fuzzy == "~al") else entry[0])
    if len(out) > 1 and out[0] == "~al":
        out.pop(0)  # "al-Quds hospital" is found as "Quds hospital", after any article
    return tuple(out)


# words in almost every report of the war: never the anchor of a rule while a rarer group is
_COMMON_NAMES = frozenset(
    [
        "syria",
        "syrian",
        "syrians",
        "russia",
        "russian",
        "russians",
        "turkey",
        "turkish",
        "turks",
        "idlib",
        "aleppo",
        "hama",
        "homs",
        "damascus",
        "moscow",
        "ankara",
        "assad",
        "putin",
        "erdogan",
        "iran",
        "iranian",
        "kurdish",
        "kurds",
        "american",
        "washington",
        "un",
    ]
)


def _common(keys: tuple[str, ...]) -> bool:
    """A phrase found in most articles: one lower-case word ("killed"), a name of the war's
    main actors and places, a year or a small number."""
    if len(keys) != 1:
        return False
    key = keys[0]
    word = key[1:]
    if key[0] == "=" and (word.isalpha() or len(word) <= 4):
        return True
    return any(word == fold(name) for name in _COMMON_NAMES) or word in _COMMON_NAMES


_WEAK = frozenset(
    [
        "=the",
        "=a",
        "=an",
        "=in",
        "=on",
        "=at",
        "=to",
        "=of",
        "=by",
        "=for",
        "=from",
        "=with",
        "=as",
        "=and",
        "=or",
        "=since",
        "=is",
        "=are",
        "=was",
        "=were",
        "=has",
        "=have",
        "=had",
        "=be",
        "=been",
        "=its",
        "=it",
        "=that",
        "=this",
        "=last",
        "=not",
        "=no",
        "=all",
        "=more",
        "=will",
        "=would",
        "=said",
        "=up",
        "=out",
        "=into",
        "=over",
        "=after",
        "=before",
        "~al",
        "=al",
        "=el",
    ]
)


def _key_weight(key: str) -> tuple[bool, bool, int]:
    """How rare a word is likely to be: a function word least, a number most (a day is
    rarer than its month), then by length."""
    return key not in _WEAK, any(c.isdigit() for c in key), len(key)
