"""Name expansion: a query word or phrase that names someone or somewhere also finds its other
spellings, before the query is planned.

Why: the war is written in many spellings (HTS / Hayat Tahrir al-Sham / Hay'at Tahrir al-Sham,
Saraqeb / Saraqib, Khan Sheikhoun / Khan Shaykhun) and an analyst types one of them.

Two sources of spellings:

- the gazetteer (annotate/gazetteer.toml): a word or phrase that is one of an entry's spellings,
  compared as the annotator compares names (``annotate.entities.fold_name``: case, diacritics,
  apostrophes, al-/el-, vowel and doubled-letter variants), adds the entry's other spellings.
  An acronym that is also an English word (WHO, CARE) counts only when typed in capitals; a
  common English word (observatory, habit) typed alone is not read as a name;
- a transliteration rule for Arabic names the gazetteer lacks: variants of a name word made by
  vowel and doubled-letter rules (Maarat / Maarrat / Ma'arat, ee / i, ou / u / oo, q / k, ei / ay,
  final -ah / -a), kept only when the index's own lexicon holds them, at most a few per word.
  It applies to a word that is (or one of whose variants is) a word of a name the gazetteer
  or the index knows, typed in any case; a capital alone is no sign (Least / List).

What is never expanded: a word or phrase under the exact operator (``=Saraqeb``), a prefix or
wildcard, a field other than title/body, a common English word. Every added spelling must
occur in the index (each of its words is in the lexicon), and one that holds the typed words or
another added spelling is left out (it adds nothing).

The tree keeps the typed leaf and ORs the added spellings with it as ``AltWord``/``AltPhrase``
(a Word/Phrase with ``boost`` < 1 and the typed text in ``of``): the planner weights them so
that an added spelling never scores above the typed one (see ``QueryPlanner._alt_boost``), and
highlighting treats them as ordinary words.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources

from idlibtui.annotate.entities import TYPES, fold_name
from idlibtui.search import query as q
from idlibtui.search.common_words import is_common
from idlibtui.search.highlight import tokens
from idlibtui.search.schema import TOKEN_PATTERN

#: The weight of an added spelling relative to the typed one (before the idf correction).
ALT_BOOST = 0.9
MAX_ADDED = 8  # added spellings per query word or phrase
MAX_VARIANTS = 4  # transliteration variants kept per word
# Variants generated per word (nearest first) before the lexicon is asked: each question costs
# ~20 µs, and a capitalised word of eight letters has ~300 variants two rules away.
MAX_CANDIDATES = 120
MIN_VARIANT_LEN = 4  # shorter words are not transliterated

HasWord = Callable[[str], bool]
_WORD = re.compile(TOKEN_PATTERN)


@dataclass(frozen=True, slots=True)
class AltWord(q.Word):
    """A spelling added to the typed word ``of``."""

    of: str = ""
    boost: float = ALT_BOOST


@dataclass(frozen=True, slots=True)
class AltPhrase(q.Phrase):
    """A spelling (several words) added to the typed word or phrase ``of``."""

    of: str = ""
    boost: float = ALT_BOOST


@dataclass(frozen=True)
class Expanded:
    """The rewritten tree and, for each expanded word or phrase, the spellings added."""

    node: q.Node | None
    added: list[tuple[str, list[str]]] = field(default_factory=list)


# --- the gazetteer's spellings --------------------------------------------------------------


@dataclass(frozen=True)
class Spellings:
    """Every entry's spellings, and which entries a folded name (and an acronym) belongs to."""

    entries: tuple[tuple[str, str, tuple[str, ...]], ...]  # (canonical, type, spellings)
    by_key: dict[tuple[str, ...], tuple[tuple[int, bool], ...]]  # key → (entry, is acronym)
    name_words: frozenset[str]  # lower-case words of every spelling


def _is_acronym(spelling: str) -> bool:
    compact = spelling.replace(".", "")
    return compact.isupper() and " " not in spelling and len(compact) >= 2


def spellings_from(data: dict) -> Spellings:
    entries: list[tuple[str, str, tuple[str, ...]]] = []
    by_key: dict[tuple[str, ...], list[tuple[int, bool]]] = {}
    words: set[str] = set()
    for type_ in TYPES:
        for canonical, aliases in data.get(type_, {}).items():
            names = tuple(dict.fromkeys([canonical, *aliases]))
            n = len(entries)
            entries.append((canonical, type_, names))
            for name in names:
                key = fold_name(name)
                if key:
                    slot = by_key.setdefault(key, [])
                    if all(e != n for e, _ in slot):
                        slot.append((n, _is_acronym(name)))
                words.update(name_words([name]))
    return Spellings(tuple(entries), {k: tuple(v) for k, v in by_key.items()}, frozenset(words))


def name_words(names: Iterable[str]) -> set[str]:
    """The lower-case words of ``names``."""
    return {w.lower() for name in names for w in _WORD.findall(name)}


@functools.lru_cache(maxsize=1)
def gazetteer_spellings() -> Spellings:
    """The shipped gazetteer's spellings (read once per process)."""
    text = resources.files("idlibtui.annotate").joinpath("gazetteer.toml").read_text("utf-8")
    return spellings_from(tomllib.loads(text))


def entries_named(text: str, sp: Spellings) -> list[int]:
    """The gazetteer entries ``text`` is a spelling of (as a query word or phrase)."""
    key = fold_name(text)
    if not key:
        return []
    found = sp.by_key.get(key, ())
    words = [t.text for t in tokens(text)]
    typed_caps = text.replace(".", "").isupper()
    out = []
    for entry, acronym in found:
        english = len(words) == 1 and is_common(words[0])
        if english and not (acronym and typed_caps) and (acronym or not text[:1].isupper()):
            continue  # "who", "care", "observatory": English, not a name
        out.append(entry)
    return out


# --- transliteration ------------------------------------------------------------------------

_PAIRS = (
    ("ee", "i"), ("ee", "e"), ("i", "e"), ("ou", "u"), ("oo", "u"), ("ou", "oo"), ("o", "u"),
    ("q", "k"), ("ei", "ay"), ("ei", "ai"), ("ai", "ay"), ("ey", "ay"), ("aa", "a"),
    ("aa", "a'a"), ("'", ""), ("sh", "ch"), ("ie", "i"), ("iy", "i"), ("a", "e"),
)  # fmt: skip
_ENDINGS = (("ah", "a"), ("eh", "a"), ("eh", "e"))
_RULES = tuple((a, b) for a, b in _PAIRS) + tuple((b, a) for a, b in _PAIRS if b)
_CONSONANT_RUN = re.compile(r"([b-df-hj-np-tv-z])\1?")


def _one_step(word: str) -> Iterable[str]:
    for a, b in _RULES:
        start = word.find(a)
        while start >= 0:
            yield word[:start] + b + word[start + len(a) :]
            start = word.find(a, start + 1)
    for a, b in _ENDINGS:
        if word.endswith(a):
            yield word[: -len(a)] + b
        if word.endswith(b) and not word.endswith(a):
            yield word[: -len(b)] + a
    for m in _CONSONANT_RUN.finditer(word):
        if 0 < m.start() < len(word) - 1:  # doubled inside the word: Maarat / Maarrat
            c = m.group(1)
            single = len(m.group()) == 1
            yield word[: m.start()] + (c + c if single else c) + word[m.end() :]


@functools.lru_cache(maxsize=4096)
def candidates(word: str, depth: int = 2) -> tuple[str, ...]:
    """Spellings of a (lower-case) name word by up to ``depth`` transliteration rules, nearest
    first (the word itself and common English words excluded)."""
    if len(word) < MIN_VARIANT_LEN or not word.replace("'", "").isalpha() or is_common(word):
        return ()
    seen = {word}
    frontier = [word]
    found = []
    for _ in range(depth):
        nxt = []
        for w in frontier:
            for v in _one_step(w):
                if v in seen or len(seen) >= MAX_CANDIDATES:
                    continue
                seen.add(v)
                nxt.append(v)
                if len(v) >= 3 and not is_common(v):
                    found.append(v)
        frontier = nxt
    return tuple(found)


def variants(word: str, has_word: HasWord) -> list[str]:
    """The transliteration variants of a name word that the lexicon holds (at most
    ``MAX_VARIANTS``, nearest first)."""
    found = []
    for v in candidates(word.lower()):
        if has_word(v):
            found.append(v)
            if len(found) >= MAX_VARIANTS:
                break
    return found


# --- rewriting the tree ---------------------------------------------------------------------


def _stems(text: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokens(text))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


class Expander:
    """Rewrites query trees against one index: ``has_word`` says whether the index's lexicon
    holds a (lower-case) word, ``index_names`` are the lower-case words of the entity names
    the index holds (the annotator's names, including those the gazetteer lacks)."""

    def __init__(
        self,
        has_word: HasWord,
        index_names: Iterable[str] | Callable[[], Iterable[str]] = (),
        spellings: Spellings | None = None,
    ) -> None:
        self._asked: dict[str, bool] = {}
        self._lexicon = has_word
        self.sp = spellings if spellings is not None else gazetteer_spellings()
        self._index_names = index_names
        self._name_words: frozenset[str] | None = None

    @property
    def name_words(self) -> frozenset[str]:
        """Words of the gazetteer's spellings and of the index's names (read when first
        needed: a one-off search from the command line seldom needs them)."""
        if self._name_words is None:
            names = self._index_names() if callable(self._index_names) else self._index_names
            self._name_words = self.sp.name_words | frozenset(names)
        return self._name_words

    def has_word(self, word: str) -> bool:
        """Whether the lexicon holds ``word`` (remembered: typing asks the same words again)."""
        held = self._asked.get(word)
        if held is None:
            if len(self._asked) > 100_000:
                self._asked.clear()
            held = self._asked[word] = bool(self._lexicon(word))
        return held

    def expand(self, node: q.Node | None) -> Expanded:
        added: list[tuple[str, list[str]]] = []
        return Expanded(self._walk(node, added), added)

    def _walk(self, node, added):
        if node is None:
            return None
        if isinstance(node, q.And | q.Or):
            items = tuple(self._walk(i, added) for i in node.items)
            return type(node)(node.pos, node.end, items)
        if isinstance(node, q.Not):
            return q.Not(node.pos, node.end, self._walk(node.item, added))
        if isinstance(node, q.Word | q.Phrase):
            spellings = self.spellings_for(node)
            if not spellings:
                return node
            if all(text != node.text for text, _ in added):
                added.append((node.text, spellings))
            alts = [self._alt(node, s) for s in spellings]
            return q.Or(node.pos, node.end, (node, *alts))
        return node

    def _alt(self, node, spelling: str) -> q.Node:
        if len(tokens(spelling)) == 1:
            return AltWord(node.pos, node.end, spelling, node.field, of=node.text)
        return AltPhrase(node.pos, node.end, spelling, node.field, of=node.text)

    def spellings_for(self, node: q.Word | q.Phrase) -> list[str]:
        """The spellings added to a query word or phrase (none if it stays as typed)."""
        if getattr(node, "exact", False) or node.field not in (None, "title", "body"):
            return []
        if isinstance(node, q.Word) and node.wildcard:
            return []
        typed = _stems(node.text)
        if not typed:
            return []
        # a name the gazetteer knows has its spellings there, first; the rule's variants that the
        # index holds come after them, so a common spelling also finds a rarer one the
        # gazetteer lacks (Saraqeb: Saraqab), as the rare one finds the common one
        candidates = self._from_gazetteer(node.text) + self._transliterated(node.text)
        kept: list[str] = []
        kept_stems: list[tuple[str, ...]] = [typed]
        for spelling in dict.fromkeys(candidates):
            stems = _stems(spelling)
            if not stems or any(_contains(stems, k) for k in kept_stems):
                continue  # the same index terms, or holds a spelling already searched
            words = [t.text for t in tokens(spelling)]
            if len(words) == 1 and is_common(words[0]):
                continue
            if not all(self.has_word(w) for w in words):
                continue  # the index holds no such spelling
            # a spelling already added that holds this one adds nothing beside it
            keep = [i for i, k in enumerate(kept_stems[1:]) if not _contains(k, stems)]
            kept = [kept[i] for i in keep]
            kept_stems = [typed] + [kept_stems[1 + i] for i in keep]
            kept.append(spelling)
            kept_stems.append(stems)
            if len(kept) >= MAX_ADDED:
                break
        return kept

    def _from_gazetteer(self, text: str) -> list[str]:
        out: list[str] = []
        for entry in entries_named(text, self.sp):
            out.extend(self.sp.entries[entry][2])
        return out

    def _transliterated(self, text: str) -> list[str]:
        toks = tokens(text)
        if not toks or len(toks) > 4:
            return []
        options = []
        for t in toks:
            surface = text[t.start : t.end]
            near = candidates(t.text)
            # a name: it, or one of its spellings, is a word of a name the gazetteer or the
            # index knows (a capital alone is no sign: "Least" would find "list")
            name_like = t.text in self.name_words or any(v in self.name_words for v in near)
            vs = variants(t.text, self.has_word) if near and name_like else []
            if surface[:1].isupper():  # shown as typed: Maarat, not maarat
                vs = [v[:1].upper() + v[1:] for v in vs]
            options.append([surface if surface.lower() == t.text else t.text, *vs])
        if all(len(o) == 1 for o in options):
            return []
        combos = itertools.islice(itertools.product(*options), 1, 1 + MAX_ADDED)
        return [" ".join(c) for c in combos]


def highlight_query(query: str, added: list[tuple[str, list[str]]]) -> str:
    """``query`` with the spellings a search added ORed to it, for highlighting an article
    outside the search (the reader gets a query string, not the rewritten tree)."""
    extra = [s.replace('"', "") for _typed, spellings in added for s in spellings]
    if not extra or not query.strip():
        return query
    return " OR ".join([f"({query})", *(f'"{s}"' for s in extra)])
