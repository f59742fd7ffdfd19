"""Folding: the spellings of one word made one, before stemming, at index and at query time.

Why: this war is written many ways (Erdoğan / Erdogan, Nu'man / Numan, cease-fire / ceasefire /
cease fire, demilitarised / demilitarized, al-Nusra / Nusra, 700,000 / 700000) and an analyst
types one of them and expects every report. Folding works on one lower-cased token (the index
tokenizer's, ``schema.TOKEN_PATTERN``) and gives the words the index holds for it; it never
touches offsets, so the tokenizer's ``(start, end)`` stay on the real text and phrases and
highlights work on the folded forms.

For one token, in order:

- numbers: thousands separators go ("700,000" → "700000"). "1.5 million" stays two words (a
  phrase finds it); "700.000" is left alone (a decimal point or a European separator).
- marks: a possessive ``'s`` goes, then apostrophes and ayn/hamza signs (' ’ ‘ ` ʿ ʾ ʼ ʻ) inside
  the word (nu'man → numan, hay'at → hayat, maʿarrat → maarrat).
- letters: diacritics to ASCII (ğ ā é ş ç ü → g a e s c u; ı ł ø đ ß æ œ too).
- spelling: British to American: -ise/-isation/-yse → -ize/-ization/-yze (only ``is`` → ``iz``:
  size, prize and seize are never touched; advise, surprise, rise ... are listed exceptions),
  -our → -or for a list of words (never "four", "hour", "Mansour"), and a list (defence,
  centre, programme, travelled ...).
- compounds: a closed compound of the list is split into its parts ("ceasefire" → "cease fire"),
  which is what the tokenizer makes of "cease-fire" and "cease fire": the three are one phrase.

Arabic articles (al-, el-, an-, ad-, ar-, as-, ash-, at-, az- ...) are dropped by the tokenizer
loop (``drops_article``): "al" and "el" wherever they stand, the others when a hyphen joins them
to the next word (ash-Sham, but "ash" alone is a word). So al-Nusra = Nusra = an-Nusra; the
closed "alnusra" is not split (too many English words begin with "al").

Data lists are in ``fold_data``. ``exact_form`` is a token's own spelling (for the ``=`` operator
and the exact-spelling bonus); ``candidate_heads`` helps the highlighter's prefilter find words
whose text does not begin like their folded stem.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from idlibtui.search import fold_data as data

#: Apostrophes, ayn and hamza signs removed inside a word.
MARKS = "'’‘`ʿʾʼʻ"
#: Characters that join a hyphen article to its name.
HYPHENS = "-‐‑"
_SPECIAL = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"}
_SPECIAL |= {"ð": "d", "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k", "ŋ": "n", "ſ": "s"}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in MARKS + ","}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        low = ch.lower()
        if len(low) != 1:
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
        )
        if base.isascii() and base.isalpha() and base != low:
            table[ord(low)] = base
    for cp in range(0x300, 0x370):  # combining marks left by lower() ("İ" → "i̇")
        table[cp] = None
    for k, v in _SPECIAL.items():
        table[ord(k)] = v
    return table


_TABLE = _build_table()


def fold_chars(low: str) -> str:
    """``low`` without possessive, marks, thousands separators and diacritics."""
    if len(low) > 2 and low[-1] == "s" and low[-2] in "'’":
        low = low[:-2]
    if low.isascii():
        if "'" in low or "`" in low or "," in low:
            return low.replace("'", "").replace("`", "").replace(",", "")
        return low
    return low.translate(_TABLE)


def exact_form(low: str) -> str:
    """A token's own spelling, as the ``=`` operator keeps it: lower case, a possessive ``'s``
    dropped, curly apostrophes made straight and a number's separators dropped (none of them
    a spelling of its own)."""
    if len(low) > 2 and low[-1] == "s" and low[-2] in "'’":
        low = low[:-2]
    if "," in low:
        low = low.replace(",", "")
    return low.replace("’", "'") if "’" in low else low


# --- spelling -------------------------------------------------------------------------------

_ISE = re.compile(r"^([a-z]{2,})is(e|ed|es|ing|ation|ations|ational|er|ers|able)$")
_YSE = re.compile(r"^([a-z]*l)ys(e|ed|es|ing|er|ers)$")
_OUR = re.compile(
    r"^((?:dis|un|mis|ill|re)?(?:" + "|".join(w[:-2] for w in data.OUR_WORDS) + r"))ur(?=[a-z]*$)"
)
_LLED = re.compile(r"^([a-z]+l)l(ed|ing|er|ers)$")
_LONG_ISE_EXCEPTIONS = tuple(b for b in data.ISE_NOT_IZE if len(b) >= 4)
_DOUBLE_L = frozenset(data.DOUBLE_L)
_ENDINGS = ("", "s", "es", "d", "ed", "ing", "ly", "al", "r", "rs", "ment", "ments")
_E_DROPPING = ("ing", "ed", "er", "ers")  # "manoeuvring"; not "central" (from "centre")


def _ise_is_suffix(base: str) -> bool:
    if base in data.ISE_NOT_IZE or base.endswith(("w", "ra")):
        return False
    return not base.endswith(_LONG_ISE_EXCEPTIONS)


def _british(word: str) -> str | None:
    """The American form of a listed British word or its inflection, else None."""
    for end in _ENDINGS:
        if end and not word.endswith(end):
            continue
        base = word[: len(word) - len(end)]
        us = data.BRITISH.get(base)
        if us is not None:
            return us + end
        if end in _E_DROPPING and (base + "e") in data.BRITISH:
            us = data.BRITISH[base + "e"]
            return (us[:-1] if us.endswith("e") else us) + end
    return None


def american(word: str) -> str:
    """British spellings of ``word`` (lower-case ASCII) made American; anything else as is."""
    if len(word) < 4 or not word.isalpha():
        return word
    us = _british(word)
    if us is not None:
        return us
    m = _ISE.match(word)
    if m is not None:
        return f"{m.group(1)}iz{m.group(2)}" if _ise_is_suffix(m.group(1)) else word
    m = _YSE.match(word)
    if m is not None:
        return f"{m.group(1)}yz{m.group(2)}"
    m = _LLED.match(word)
    if m is not None and m.group(1) in _DOUBLE_L:
        return m.group(1) + m.group(2)
    if "our" in word:
        return _OUR.sub(r"\1r", word, count=1)
    return word


# --- compounds ------------------------------------------------------------------------------


def _compound_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for entry in data.COMPOUNDS:
        parts = tuple(entry.split())
        closed = "".join(parts)
        for end in data.COMPOUND_ENDINGS:
            table.setdefault(closed + end, (*parts[:-1], parts[-1] + end))
            if end[:1] in "aeiou" and end and closed.endswith("e"):
                table.setdefault(closed[:-1] + end, (*parts[:-1], parts[-1][:-1] + end))
    return table


COMPOUND_PARTS = _compound_table()
#: Each compound's parts → its closed form (the query joins ``cease fire`` typed unquoted).
_OPEN_TO_CLOSED = {" ".join(parts): closed for closed, parts in COMPOUND_PARTS.items()}


def closed_compound(words: list[str]) -> str | None:
    """The closed form of a listed compound written as separate ``words``, else None."""
    return _OPEN_TO_CLOSED.get(" ".join(american(fold_chars(w.lower())) for w in words))


# --- one token ------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def fold_word(low: str) -> tuple[str, ...]:
    """The folded words the index holds for one lower-cased token (several for a compound)."""
    word = american(fold_chars(low))
    parts = COMPOUND_PARTS.get(word)
    return parts if parts is not None else (word,)


ARTICLE_WORDS = data.HYPHEN_ARTICLES | data.ALWAYS_ARTICLES
ALWAYS_ARTICLES = data.ALWAYS_ARTICLES


def drops_article(low: str, text: str, end: int) -> bool:
    """Whether the token ``low`` ending at ``end`` of ``text`` is an Arabic article the index
    leaves out: "al"/"el" always, the others when a hyphen joins them to a word."""
    if low in ALWAYS_ARTICLES:
        return True
    return (
        low in ARTICLE_WORDS
        and end + 1 < len(text)
        and text[end] in HYPHENS
        and text[end + 1].isalnum()
    )


# --- highlighting support -------------------------------------------------------------------

_OUR_US = tuple(w[:-2] + "r" for w in data.OUR_WORDS)  # "color", "favor" ...


def _shared(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


_BRITISH_SPLITS = tuple((us, _shared(gb, us)) for gb, us in data.BRITISH.items())


@lru_cache(maxsize=4096)
def candidate_heads(term: str) -> frozenset[str]:
    """Beginnings (folded letters) that a word indexed with stem ``term`` has in the text, up
    to its diacritics, marks and separators: the stem minus its last letter, cut where a
    British spelling differs, and the first parts of compounds that hold it."""
    head = term[:-1] if len(term) > 2 else term
    for us in _OUR_US:
        at = head.find(us)
        if at >= 0:
            head = head[: at + len(us) - 1]
    for marker in ("iz", "yz"):
        at = head.find(marker)
        if at >= 0:
            head = head[: at + 1]
    for us, keep in _BRITISH_SPLITS:
        if len(head) > keep and (head.startswith(us) or us.startswith(head)):
            head = head[: max(keep, 1)]
    return frozenset({head, *_compound_heads().get(term, ())})


@lru_cache(maxsize=1)
def _compound_heads() -> dict[str, set[str]]:
    """The stem of each compound part but the first → the first parts it follows ("fire" →
    {"cease", "gun"}): "ceasefire" begins with "cease", not with "fire"."""
    from whoosh.lang.porter import stem

    out: dict[str, set[str]] = {}
    for closed, parts in COMPOUND_PARTS.items():
        for part in parts[1:]:
            out.setdefault(stem(part), set()).add(closed[: len(parts[0])])
    return out
