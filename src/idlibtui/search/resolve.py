"""``entity:`` and ``source:`` values → the names the index stores, however they are typed.

Why: the index stores each entity under its canonical name ("Hayat Tahrir al-Sham", "Recep
Tayyip Erdogan") and each outlet under one spelling ("Al Jazeera"); a reader types an alias, an
acronym, a surname, another transliteration (``entity:HTS``, ``entity:Assad``,
``entity:"Erdoğan"``, ``entity:Saraqeb``) or an outlet without its spaces (``source:aljazeera``).

An entity value resolves, first match wins:

1. to the stored names that are the value itself, compared as the annotator compares names
   (``annotate.entities.fold_name``: case, diacritics, apostrophes, al-/el-, vowel variants),
   and to the canonical names of the gazetteer entries it is a spelling of (an alias, an
   acronym, a transliteration);
2. to the stored names that hold it as a word or run of words (``entity:Tahrir``), and the
   canonical names of entries one of whose spellings does.

Nothing found: ``did_you_mean`` offers the nearest stored name (by edit distance, over the stored
names and the gazetteer's spellings of them). An outlet resolves by its case-, space- and
punctuation-free form (``aljazeera`` = "Al Jazeera" = "al-Jazeera"; a leading "the" does not
count), or by the words it holds.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from idlibtui.annotate.entities import fold_name
from idlibtui.search.expand import Spellings, gazetteer_spellings

#: How near (rapidfuzz ratio, 0-100) a stored name must be to be offered as "did you mean".
SUGGEST_CUTOFF = 75.0
MIN_PREFIX = 4  # an outlet's compact form may be the start of a longer one from this length


@functools.lru_cache(maxsize=100_000)
def _name_key(name: str) -> tuple[str, ...]:
    """``fold_name`` remembered: after a commit, only the names it added are folded again."""
    return fold_name(name)


def _run_in(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


class EntityNames:
    """The entity names an index stores, and how to find them from any spelling."""

    def __init__(self, stored: Iterable[str], spellings: Spellings | None = None) -> None:
        self.sp = spellings if spellings is not None else gazetteer_spellings()
        self.stored = sorted(set(stored))
        self.by_key: dict[tuple[str, ...], list[str]] = {}
        self.by_word: dict[str, set[tuple[str, ...]]] = {}  # folded word → keys holding it
        for name in self.stored:
            key = _name_key(name)
            self.by_key.setdefault(key, []).append(name)
            for word in key:
                self.by_word.setdefault(word, set()).add(key)
        self.spelling_words: dict[str, set[tuple[str, ...]]] = {}
        for spelling_key in self.sp.by_key:
            for word in spelling_key:
                self.spelling_words.setdefault(word, set()).add(spelling_key)

    def _stored_for(self, entry: int) -> list[str]:
        canonical = self.sp.entries[entry][0]
        return self.by_key.get(_name_key(canonical), [])

    def resolve(self, value: str) -> list[str]:
        """The stored names ``value`` means (empty when none)."""
        key = fold_name(value)
        if not key:
            return []
        found = dict.fromkeys(self.by_key.get(key, []))
        for entry, _acronym in self.sp.by_key.get(key, ()):
            found.update(dict.fromkeys(self._stored_for(entry)))
        if found:
            return list(found)
        for name_key in self.by_word.get(key[0], ()):
            if _run_in(name_key, key):
                found.update(dict.fromkeys(self.by_key[name_key]))
        for spelling_key in self.spelling_words.get(key[0], ()):
            if len(spelling_key) > len(key) and _run_in(spelling_key, key):
                for entry, _acronym in self.sp.by_key[spelling_key]:
                    found.update(dict.fromkeys(self._stored_for(entry)))
        return sorted(found)

    def did_you_mean(self, value: str) -> str:
        """The stored name nearest to ``value`` (a typo of a name or of one of its spellings),
        or "" when none is near enough."""
        from rapidfuzz import fuzz, process

        choices: dict[str, str] = {}
        for name in self.stored:
            choices.setdefault(name.casefold(), name)
        for entry, (_canonical, _type, names) in enumerate(self.sp.entries):
            stored = self._stored_for(entry)
            if stored:
                for spelling in names:
                    choices.setdefault(spelling.casefold(), stored[0])
        if not choices:
            return ""
        best = process.extractOne(
            value.casefold(), list(choices), scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF
        )
        return choices[best[0]] if best else ""

    def complete(self, prefix: str, limit: int = 1) -> list[str]:
        """Stored names that start with ``prefix`` (case-insensitive), or one of whose words
        does, commonest-looking first (shorter names first, then alphabetical)."""
        low = prefix.casefold()
        if not low:
            return []
        starts = [n for n in self.stored if n.casefold().startswith(low)]
        inner = [
            n
            for n in self.stored
            if n not in starts and any(w.startswith(low) for w in n.casefold().split())
        ]
        return (sorted(starts, key=lambda n: (len(n), n)) + sorted(inner))[:limit]


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def compact(name: str) -> str:
    """An outlet's name without case, diacritics, spaces, punctuation or a leading "the"."""
    text = unicodedata.normalize("NFKD", _THE.sub("", name.strip()))
    return "".join(c for c in text.casefold() if c.isalnum())


def resolve_outlet(value: str, stored: Iterable[str]) -> list[str]:
    """The stored outlet names ``value`` means: the same compact form, else those whose compact
    form starts with it (from ``MIN_PREFIX`` letters), else those holding all its words. A known
    outlet's alias means its canonical name ("AFP" → "Agence France-Presse")."""
    want = compact(value)
    if not want:
        return []
    names = sorted(set(stored))
    # an alias or a wire's tag: agency:AFP, agency:AP, source:"Arutz Sheva"
    from idlibtui.clean.outlets import by_dateline_tag, lookup

    known = lookup(value) or by_dateline_tag(value.strip().upper())
    if known is not None and known.name in names:
        return [known.name]
    same = [n for n in names if compact(n) == want]
    if same:
        return same
    if len(want) >= MIN_PREFIX:
        longer = [n for n in names if compact(n).startswith(want)]
        if longer:
            return longer
    words = [compact(w) for w in re.findall(r"\w+", value)]
    words = [w for w in words if w]
    return [n for n in names if words and set(words) <= {compact(w) for w in n.split()}]


def nearest_outlet(value: str, stored: Iterable[str]) -> str:
    """The stored outlet nearest to ``value`` by its compact form, or "" when none is near."""
    from rapidfuzz import fuzz, process

    choices = {compact(n): n for n in sorted(set(stored)) if compact(n)}
    want = compact(value)
    if not want or not choices:
        return ""
    best = process.extractOne(want, list(choices), scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF)
    return choices[best[0]] if best else ""
