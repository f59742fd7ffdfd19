"""Named entities (PERSON, PLACE, ORG, GROUP) with canonical names, as spans of the cleaned text.

One tokenising pass; every token gets a *folded* key (lower case, no diacritics, no apostrophes
or ʿ/ʾ, al/el/an/ar/as/ash/… as one article, e/o as a/u, doubled letters single) so spellings and
transliterations of one name meet (``Maaret al-Numan``, ``Ma'arrat an-Nu'man``, ``Maarat al
Numan``). The gazetteer (``gazetteer.toml``, package data, extended by the user's corrections) is
a dictionary keyed by the first folded token, longest alias first. Rules then catch names the
gazetteer lacks: titles (``Ambassador X``, ``protester X``), appositions (``X, a nurse``),
``Abu X``, places after ``in``/``near``/``toward``/``outskirts of``, and surnames that repeat a
person named in full earlier in the article.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from operator import itemgetter
from typing import NamedTuple

from idlibtui.annotate.dates import WORD_TOKEN, word_tokens
from idlibtui.annotate.entity_words import (
    DEMONYMS,
    GROUP_WORDS,
    NOT_NAMES,
    NOT_PLACES,
    ORG_WORDS,
    PLACE_CUES,
    PLACE_PREFIXES,
    TITLES,
)
from idlibtui.model import Mention

TYPES = ("PERSON", "PLACE", "ORG", "GROUP")

_TOKEN = WORD_TOKEN
# "al"/"el" are always the article; the assimilated forms (an-Nu'man, ash-Sham, ad-Dana) only
# when a hyphen follows, so English "at", "as", "an" stay themselves ("at Bab al-Hawa").
_ARTICLES = frozenset(["al", "el"])
_SUN_ARTICLES = frozenset(["ar", "an", "as", "ash", "ad", "at", "az", "adh", "ath", "ul", "un"])
_CONNECTORS = frozenset(
    ["al", "el", "bin", "ibn", "abu", "abou", "de", "du", "la", "von", "van", "der"]
)


def _key(word: str, next_char: str) -> str:
    if next_char == "-" and word.lower() in _SUN_ARTICLES:
        return "al"
    return fold(word)


_POSSESSIVE = re.compile(r"['’]s$")
_APOSTROPHES = str.maketrans("", "", "'’ʼʿʾ`.")
_SPECIAL = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss"})
_VOWEL_RULES = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ai"), ("ey", "ai"), ("ay", "ai"))
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """The transliteration-insensitive key of one word."""
    t = unicodedata.normalize("NFKD", token.translate(_SPECIAL))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower().translate(_APOSTROPHES)
    if t in _ARTICLES:
        return "al"
    for a, b in _VOWEL_RULES:
        t = t.replace(a, b)
    t = t.replace("e", "a").replace("o", "u").replace("y", "i")
    return _DOUBLE.sub(r"\1", t)


def fold_name(name: str) -> tuple[str, ...]:
    keys = []
    for m in _TOKEN.finditer(name):
        word = _POSSESSIVE.sub("", m.group(0))
        if word:
            keys.append(_key(word, name[m.end() : m.end() + 1]))
    return tuple(keys)


@dataclass(frozen=True, slots=True)
class Entity:
    canonical: str
    type: str


@dataclass
class Gazetteer:
    """Aliases by first folded token; each alias is (keys, entity, exact-case surface or "")."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_first: dict[str, list[tuple[tuple[str, ...], Entity, str]]] = field(default_factory=dict)
    max_len: int = 1
    # by_first narrowed by the second word's key (see ``candidates``); rebuilt after a change
    _by_second: dict | None = field(default=None, repr=False, compare=False)

    def add(
        self,
        canonical: str,
        type_: str,
        aliases: list[str] | tuple[str, ...] = (),
        *,
        override: bool = True,
    ) -> Entity:
        key = canonical.casefold()
        entity = self.entities.get(key)
        if entity is None or entity.type != type_:
            entity = Entity(canonical, type_)
            self.entities[key] = entity
        for alias in (canonical, *aliases):
            self.add_alias(alias, entity, override=override)
        return entity

    def add_alias(self, alias: str, entity: Entity, *, override: bool = True) -> None:
        """Register a spelling; without ``override`` an existing spelling keeps its entity."""
        keys = fold_name(alias)
        if not keys:
            return
        compact = alias.replace(".", "")
        exact = compact if (compact.isupper() and len(keys) == 1) else ""
        bucket = self.by_first.setdefault(keys[0], [])
        if not override and any(b[0] == keys and b[2] == exact for b in bucket):
            return  # the shipped gazetteer: first entry wins ("Duma" is Douma, not the Duma)
        bucket[:] = [b for b in bucket if not (b[0] == keys and b[2] == exact)]
        bucket.append((keys, entity, exact))
        bucket.sort(key=lambda b: -len(b[0]))
        self.max_len = max(self.max_len, len(keys))
        self._by_second = None

    def candidates(
        self, first: str, second: str | None
    ) -> list[tuple[tuple[str, ...], Entity, str]]:
        """The aliases that can match words keyed ``first``, ``second``: ``by_first[first]``
        without the longer aliases whose second word differs, in the same order (the "al"
        bucket holds 40 aliases; a word pair leaves one or two to try)."""
        index = self._by_second
        if index is None:
            index = self._by_second = {}
        table = index.get(first)
        if table is None:
            bucket = self.by_first.get(first, [])
            seconds = {keys[1] for keys, _, _ in bucket if len(keys) > 1}
            table = index[first] = {
                key: [b for b in bucket if len(b[0]) == 1 or b[0][1] == key]
                for key in (*seconds, None)
            }
        return table.get(second) or table[None]

    def copy(self) -> Gazetteer:
        g = Gazetteer(dict(self.entities), {k: list(v) for k, v in self.by_first.items()})
        g.max_len = self.max_len
        return g


def load_gazetteer_text(text: str) -> Gazetteer:
    data = tomllib.loads(text)
    g = Gazetteer()
    for type_ in TYPES:
        for canonical, aliases in data.get(type_, {}).items():
            g.add(canonical, type_, list(aliases), override=False)
    return g


@functools.lru_cache(maxsize=1)
def base_gazetteer() -> Gazetteer:
    """The shipped gazetteer, compiled once per process."""
    text = resources.files("idlibtui.annotate").joinpath("gazetteer.toml").read_text("utf-8")
    return load_gazetteer_text(text)


# --- rules for names the gazetteer lacks ----------------------------------------------------

_ROLE_AFTER = re.compile(
    r"\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True))
    + r"|organizer|organiser|mother|father|man|woman|resident|worker|member|survivor)s?\b",
    re.IGNORECASE,
)
_PLACE_OF = re.compile(
    r"\b(?:outskirts|city|town|village|villages|province|district|countryside|suburb|suburbs|"
    r"neighbourhood|neighborhood|camp|region|governorate|town of|area)\s+of\s+$",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to|asked|added)\s+$")
_SPEECH_AFTER = re.compile(r"^\s*(?:said|says|told|added|explained|warned)\b")


# Cheap necessary conditions tried before the patterns above (a run of capitalised words is
# classified ~100 times per article, and a pattern anchored at the end with ``$`` is tried at
# every position of its 40-character window): same answers, a tenth of the time.
_SPEECH_BEFORE_ENDS = ("said", "says", "told", "to", "asked", "added")
_SPEECH_AFTER_STARTS = ("said", "says", "told", "added", "explained", "warned")


def _last_word_then_space(before: str, endings: tuple[str, ...], *, fold_case: bool) -> bool:
    """``before`` ends with whitespace, and before that with one of ``endings``."""
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return False
    tail = stripped[-12:].lower() if fold_case else stripped
    return tail.endswith(endings)


def _place_of_before(before: str) -> bool:
    """``_PLACE_OF.search(before)`` ("the outskirts of ", "the town of ")."""
    return _last_word_then_space(before, ("of",), fold_case=True) and bool(_PLACE_OF.search(before))


def _speech_before(before: str) -> bool:
    """``_SPEECH_BEFORE.search(before)`` ("said ", "according to ")."""
    return _last_word_then_space(before, _SPEECH_BEFORE_ENDS, fold_case=False) and bool(
        _SPEECH_BEFORE.search(before)
    )


def _speech_after(after: str) -> bool:
    """``_SPEECH_AFTER.match(after)`` (" said", " told")."""
    return after.lstrip().startswith(_SPEECH_AFTER_STARTS) and bool(_SPEECH_AFTER.match(after))


def _role_after(after: str) -> bool:
    """``_ROLE_AFTER.match(after)`` (", a nurse", ", the spokesman")."""
    return after.lstrip().startswith(",") and bool(_ROLE_AFTER.match(after))


class _Words(NamedTuple):
    """An article's words as parallel lists, one per field: the finder reads them by index, and
    building one object per word cost more than everything the finder then does with it."""

    starts: list[int]
    ends: list[int]  # a possessive 's left out
    words: list[str]  # a possessive 's left out
    keys: list[str]  # folded (see ``fold``)
    uppers: list[bool]  # capitalised


_POSSESSIVE_ENDINGS = frozenset(["'s", "’s"])


class _WordInfo(dict):
    """word → (the word without a possessive 's, its length, its folded key, capitalised).

    Filled on first sight and kept for the process (cleared past ``_WORD_INFO_MAX`` words):
    articles reuse their words, so an article's words cost one dictionary look-up each, made
    in C by ``map``, instead of a Python loop with a ``fold`` call per word.
    """

    def __missing__(self, word: str) -> tuple[str, int, str, bool]:
        if len(self) > _WORD_INFO_MAX:
            self.clear()
        stem = word[:-2] if word[-2:] in _POSSESSIVE_ENDINGS and len(word) > 3 else word
        info = (stem, len(stem), fold(stem), stem[0].isupper())
        self[word] = info
        return info


_WORD_INFO_MAX = 50_000
_WORD_INFO = _WordInfo()


def _tokens(text: str, tokens: list[tuple[int, str]]) -> _Words:
    """The words with their folded keys; a possessive 's is left out of the word."""
    infos = list(map(_WORD_INFO.__getitem__, map(itemgetter(1), tokens)))
    starts = list(map(itemgetter(0), tokens))
    words = list(map(itemgetter(0), infos))
    ends = list(map(operator.add, starts, map(itemgetter(1), infos)))
    keys = list(map(itemgetter(2), infos))
    # "an-Nu'man", "ash-Sham": an assimilated article before a hyphen is the article
    for i in itertools.compress(range(len(words)), map(_SUN_ARTICLES.__contains__, words)):
        keys[i] = _key(words[i], text[ends[i] : ends[i] + 1])
    return _Words(starts, ends, words, keys, list(map(itemgetter(3), infos)))


# every gap of up to three spaces or hyphens (85 strings): one set look-up tests a gap
_NAME_GAPS = frozenset(
    "".join(chars) for size in range(4) for chars in itertools.product(" -\u00a0‑", repeat=size)
)


def _gap_ok(text: str, end: int, start: int) -> bool:
    """Words of one name (one ending at ``end``, the next starting at ``start``) are separated
    by spaces or hyphens only (no comma, no line break)."""
    return start - end <= 3 and text[end:start] in _NAME_GAPS


_UNCASED_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def _uncased(word: str) -> bool:
    """A word of a script without letter case (Arabic): it can begin a gazetteer name."""
    ch = word[:1]
    return ch.isalpha() and not ch.isupper() and not ch.islower()


# Arabic proclitics written joined to the next word: a conjunction (و "and", ف "so"), then a
# preposition (ب "in", ل "for", ك "like"); ل before the article ال contracts to لل.
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
_ARABIC_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f]{4,}")


def _proclitic_splits(word: str) -> list[tuple[int, str]]:
    """(letters of prefix, the word without it) for each way ``word`` can carry proclitics,
    longest prefix first; the rest keeps at least three letters."""
    out = []
    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            prefix = conj + prep
            if not prefix or not word.startswith(prefix) or len(word) - len(prefix) < 3:
                continue
            rest = word[len(prefix) :]
            if prep == "ل" and rest.startswith("ل"):
                out.append((len(prefix), "ا" + rest))  # للجيش: ل + الجيش
            out.append((len(prefix), rest))
    out.sort(key=lambda split: -split[0])
    return out


def _strip_proclitics(toks: _Words, by_first: dict) -> None:
    """An Arabic word that begins no alias as written but does without its proclitics
    ("وإدلب", "بسراقب", "للجيش"): its key is the name's, and the name starts after them."""
    starts, _ends, words, keys, _uppers = toks
    for i, word in enumerate(words):
        if keys[i] in by_first or not _ARABIC_WORD.match(word):
            continue
        for size, rest in _proclitic_splits(word):
            key = fold(rest)
            if key in by_first:
                keys[i] = key
                starts[i] += size
                break


class EntityFinder:
    """The compiled gazetteer plus the rules; ``find(text)`` returns mentions in text order."""

    def __init__(self, gazetteer: Gazetteer, suppress: frozenset[str] = frozenset(),
                 merges: dict[str, str] | None = None) -> None:  # fmt: skip
        self.gaz = gazetteer
        self.suppress = frozenset(s.casefold() for s in suppress)
        self.merges = {k.casefold(): v for k, v in (merges or {}).items()}

    def _canonical(self, name: str, type_: str) -> tuple[str, str]:
        seen = set()
        while name.casefold() in self.merges and name.casefold() not in seen:
            seen.add(name.casefold())
            name = self.merges[name.casefold()]
        ent = self.gaz.entities.get(name.casefold())
        return (ent.canonical, ent.type) if ent else (name, type_)

    def find(self, text: str, tokens: list[tuple[int, str]] | None = None) -> list[Mention]:
        if not text:
            return []
        toks = _tokens(text, word_tokens(text) if tokens is None else tokens)
        covered = [False] * len(toks[2])
        found: list[tuple[int, int, str, str]] = []  # (first tok, last tok, canonical, type)
        self._gazetteer_names(text, toks, covered, found)
        self._named_after_places(text, toks, covered, found)
        self._rules(text, toks, covered, found)
        self._coreference(toks, covered, found)
        return self._mentions(text, toks, found)

    def _gazetteer_names(self, text: str, toks: _Words, covered: list[bool], found: list) -> None:
        """The gazetteer's names, longest alias first at each word, left to right."""
        starts, ends, words, keys_, uppers = toks
        n = len(words)
        by_first = self.gaz.by_first
        next_free = 0
        if _UNCASED_SCRIPT.search(text):
            # Arabic script has no capitals: its words may begin an alias (إدلب) as they are
            uppers = [u or _uncased(w) for u, w in zip(uppers, words, strict=True)]
            _strip_proclitics(toks, by_first)
        # only capitalised words (or an article) that begin some alias are looked at
        may_start = map(operator.or_, uppers, map("al".__eq__, keys_))
        firsts = map(operator.and_, may_start, map(by_first.__contains__, keys_))
        for i in itertools.compress(range(n), firsts):
            if i < next_free:
                continue
            hit = self._alias_at(text, toks, uppers, i)
            if (
                hit
                and i > 0
                and words[i - 1] in PLACE_PREFIXES
                and (_gap_ok(text, ends[i - 1], starts[i]) and not covered[i - 1])
            ):
                hit = None  # "Kafr Halab" is not Aleppo ("Halab"): a longer, unknown name
            if hit:
                found.append(hit)
                for j in range(hit[0], hit[1] + 1):
                    covered[j] = True
                next_free = hit[1] + 1

    def _alias_at(
        self, text: str, toks: _Words, uppers: list[bool], i: int
    ) -> tuple[int, int, str, str] | None:
        """The first alias (the gazetteer's candidates come longest first) that the words
        from ``i`` spell, as ``(first tok, last tok, canonical, type)``."""
        starts, ends, words, keys_, _uppers = toks
        n = len(words)
        for keys, entity, exact in self.gaz.candidates(
            keys_[i], keys_[i + 1] if i + 1 < n else None
        ):
            k = len(keys)
            if i + k > n:
                continue
            if exact:
                if words[i].replace(".", "") != exact:
                    continue
            elif k == 1 and not uppers[i]:
                continue
            if k > 1:
                ok = True
                for j in range(i + 1, i + k):
                    if keys_[j] != keys[j - i] or not _gap_ok(text, ends[j - 1], starts[j]):
                        ok = False
                        break
                if not ok or not any(uppers[i : i + k]):
                    continue
            return (i, i + k - 1, entity.canonical, entity.type)
        return None

    def _mentions(self, text: str, toks: _Words, found: list) -> list[Mention]:
        """The found names as mentions in text order, merged and suppressed as corrected."""
        starts, ends = toks[0], toks[1]
        mentions: list[Mention] = []
        names: dict[tuple[str, str], tuple[str, str]] = {}  # a name recurs in an article
        suppress = self.suppress
        for a, b, canonical, type_ in sorted(found):
            start, end = starts[a], ends[b]
            surface = text[start:end]
            key = (canonical, type_)
            named = names.get(key)
            if named is None:
                named = names[key] = self._canonical(canonical, type_)
            canonical, type_ = named
            if suppress and (surface.casefold() in suppress or canonical.casefold() in suppress):
                continue
            mentions.append(Mention(start, end, surface, type_, canonical))
        return mentions

    def _rules(self, text: str, toks: _Words, covered: list[bool], found: list) -> None:
        starts, ends, words, keys, uppers = toks
        n = len(words)
        next_i = 0
        # runs begin at capitalised words not already covered
        for i in itertools.compress(range(n), uppers):
            if i < next_i or covered[i]:
                continue
            j = i
            while (
                j + 1 < n
                and not covered[j + 1]
                and _gap_ok(text, ends[j], starts[j + 1])
                and (uppers[j + 1] or words[j + 1].lower() in _CONNECTORS or keys[j + 1] == "al")
            ):
                j += 1
            while j > i and words[j].lower() in _CONNECTORS:
                j -= 1
            self._classify_run(text, toks, i, j, covered, found)
            next_i = j + 1

    def _classify_run(self, text: str, toks: _Words, i: int, j: int,
                      covered: list[bool], found: list) -> None:  # fmt: skip
        starts, ends, words, _keys, uppers = toks
        i, title, cue_word = _strip_leading(words, i, j)
        if i > j:
            return
        lows = [w.lower() for w in words[i : j + 1]]
        if not NOT_NAMES.isdisjoint(lows) or any(map(str.isdigit, lows)):
            return
        start = starts[i]
        before = text[max(0, start - 40) : start]
        prev_tok = words[i - 1].lower() if i > 0 else ""
        after = text[ends[j] : ends[j] + 60]
        type_ = ""
        if lows[0] in ("abu", "umm", "abou") and j > i:
            type_ = "PERSON"
        elif j > i and not GROUP_WORDS.isdisjoint(lows):
            type_ = "GROUP"
        elif j > i and not ORG_WORDS.isdisjoint(lows):
            type_ = "ORG"
        elif (
            title
            or (
                prev_tok in TITLES
                and (not uppers[i - 1] or text[ends[i - 1] : ends[i - 1] + 1] == ".")
            )
            or (j > i and _role_after(after))
            or (j > i and (_speech_before(before) or _speech_after(after)))
        ):
            type_ = "PERSON"
        elif (
            (cue_word in PLACE_CUES or prev_tok in PLACE_CUES)
            and (i == 0 or not uppers[i - 1] or cue_word)
        ) or _place_of_before(before):
            type_ = "PLACE"
        if type_ == "PLACE" and i == j and lows[0] in NOT_PLACES:
            return
        if not type_:
            return
        if type_ == "PLACE" and j - i > 3:
            return
        for k in range(i, j + 1):
            covered[k] = True
        found.append((i, j, text[starts[i] : ends[j]], type_))

    def _named_after_places(self, text: str, toks: _Words, covered: list[bool],
                            found: list) -> None:  # fmt: skip
        """ "Idlib Health Directorate", "Aleppo Media Center": a place name that begins an
        organisation's name is part of that name."""
        starts, ends, words, _keys, uppers = toks
        n = len(words)
        for index, (a, b, _canonical, type_) in enumerate(found):
            if type_ != "PLACE":
                continue
            j = b
            while (
                j + 1 < n
                and not covered[j + 1]
                and uppers[j + 1]
                and _gap_ok(text, ends[j], starts[j + 1])
            ):
                j += 1
            if j == b:
                continue
            lows = {w.lower() for w in words[b + 1 : j + 1]}
            new_type = "GROUP" if lows & GROUP_WORDS else "ORG" if lows & ORG_WORDS else ""
            if not new_type:
                continue
            for k in range(b + 1, j + 1):
                covered[k] = True
            found[index] = (a, j, text[starts[a] : ends[j]], new_type)

    def _coreference(self, toks: _Words, covered: list[bool], found: list) -> None:
        keys = toks.keys
        surnames: dict[str, str] = {}
        for a, b, canonical, type_ in found:
            if type_ == "PERSON" and b > a:
                surnames.setdefault(keys[b], canonical)
        if not surnames:
            return
        for k in itertools.compress(range(len(keys)), toks.uppers):
            key = keys[k]
            if not covered[k] and key in surnames:
                covered[k] = True
                found.append((k, k, surnames[key], "PERSON"))


@functools.lru_cache(maxsize=1)
def default_finder() -> EntityFinder:
    return EntityFinder(base_gazetteer())


def find_entities(
    text: str, finder: EntityFinder | None = None, tokens: list[tuple[int, str]] | None = None
) -> list[Mention]:
    """Every entity mention in ``text`` (gazetteer first, then the rules, then coreference)."""
    return (finder or default_finder()).find(text, tokens)


def _strip_leading(words: list[str], i: int, j: int) -> tuple[int, bool, str]:
    """Where a capitalised run's name begins once leading function words, demonyms and titles
    are stripped; whether a title was among them, and the last function word (a cue)."""
    title = False
    cue_word = ""
    while i <= j:
        low = words[i].lower()
        if low in NOT_NAMES:
            cue_word = low
            i += 1
        elif low in DEMONYMS or low.endswith("-backed") or low.endswith("-based"):
            i += 1
        elif low in TITLES or low in ("u.s", "u.n", "un", "us"):
            title = title or low in TITLES
            i += 1
        else:
            break
    return i, title, cue_word
