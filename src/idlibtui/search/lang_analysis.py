"""Index and query words analysed for the article's language: its stemmer, its stopwords.

Why: about a third of the reports on this war are not in English, and the English stemmer leaves
"bombardements" and "bombardement", or "Flüchtlinge" and "Flüchtling", two words: a query in
one inflection missed the article written in another. Each article is now analysed for its
language (``Article.lang``):

- English, and a language not told (""): the English analysis (search/highlight.py
  ``word_terms``: folding, British spellings, compounds, the Porter stemmer), unchanged;
- a language Whoosh has a Snowball stemmer for (``whoosh.lang``: da de es fi fr hu it nl no pt
  ro ru sv): that stemmer and Whoosh's stopword list for the language;
- Arabic: letter forms and diacritics normalised and a light stemmer (search/arabic.py says
  why not Whoosh's root-extracting ISRI stemmer);
- any other language (Turkish, Polish, Indonesian ...): a plain analysis, lower-cased and
  folded, not stemmed, with Whoosh's stopwords for it where it has a list (Turkish).

Before stemming, an elided article or preposition goes (French and Italian "l'armée",
"d'Idlib", "dell'esercito": "armée", "Idlib", "esercito"), and in Turkish and Azerbaijani the
suffix written after an apostrophe on a name ("İdlib'de", "Esad'ın": "idlib", "esad"). After
stemming the stem is character-folded (search/fold.py ``fold_chars``: diacritics, marks), so an
accent typed or not finds the same word; a stem that folding changes also gives its exact term
(``EXACT`` + the stem as written) at the same position, as English words do.

A query word is analysed for every language the index holds (search/planner.py), and
its postings looked up for each distinct form; words that analyse alike in every language
(names, numbers, most English words) stay one term, so English queries cost what they did.
"""

from __future__ import annotations

from functools import lru_cache

from idlibtui.search import arabic, fold

#: The language code whose analysis is the English one (also that of an untold language).
ENGLISH = "en"
#: The prefix of an exact-spelling term (never the start of a folded one).
EXACT = "="


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Between a language code and a stem its stemmer made ("de~mark"): no token holds it.
TAG = "~"

#: Elided words before an apostrophe, by language: "l'armée" is "armée".
ELISIONS: dict[str, frozenset[str]] = {
    "fr": _words("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu"),
    "it": _words("l d c un dell all dall nell sull coll quell quest nessun sant buon bell tutt"),
    "ca": _words("l d m n s t"),
}
#: Languages that write a name's suffix after an apostrophe: "İdlib'de" is "idlib".
APOSTROPHE_SUFFIXES = frozenset({"tr", "az"})
_APOSTROPHES = "'’‘`ʼ"


def analysis_key(lang: str | None) -> str:
    """The analysis a language code gets: ``ENGLISH`` for English and an untold language, the
    (lower-case, two-letter) code itself for any other."""
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code and code != ENGLISH else ENGLISH


def query_keys(langs) -> tuple[str, ...]:
    """The analyses a query word is looked up in, for articles in ``langs``: English first
    (where one of them is analysed as English), then the others in order, each once; English
    alone for none."""
    keys = {analysis_key(lang) for lang in langs}
    if not keys:
        return (ENGLISH,)
    first = (ENGLISH,) if ENGLISH in keys else ()
    return (*first, *sorted(keys - {ENGLISH}))


@lru_cache(maxsize=64)
def stemmer(code: str):
    """The stemmer of a (non-English) analysis, or None for a plain one."""
    if code == "ar":
        return arabic.light_stem
    from whoosh.lang.snowball import classes

    cls = classes.get(code)
    return None if cls is None or code == ENGLISH else cls().stem


@lru_cache(maxsize=64)
def stopwords(code: str) -> frozenset[str]:
    """Whoosh's stopwords for a language (none where it has no list), and the Arabic articles
    the English analysis drops too ("al", "el")."""
    from whoosh.lang import NoStopWords, stopwords_for_language

    try:
        words = frozenset(stopwords_for_language(code))
    except NoStopWords:
        words = frozenset()
    return words | fold.ALWAYS_ARTICLES


def cut(low: str, code: str) -> str:
    """``low`` without an elided word before its apostrophe, or (Turkish) the suffix after it."""
    at = -1
    for mark in _APOSTROPHES:
        if mark in low:
            found = low.index(mark)
            at = found if at < 0 else min(at, found)
    if at <= 0 or at == len(low) - 1:
        return low
    if code in APOSTROPHE_SUFFIXES:
        return low[:at] if at >= 2 else low
    elided = ELISIONS.get(code)
    if elided is not None and low[:at] in elided:
        return low[at + 1 :]
    return low


def normalise(word: str, code: str) -> str:
    """Letter forms a language writes two ways made one before stemming."""
    if "\u0307" in word:  # the dot "İ" leaves when lower-cased ("i̇dlib")
        word = word.replace("\u0307", "")
    if code == "ru" or code == "uk" or code == "be":
        return word.replace("ё", "е")
    if code == "ar":
        return arabic.normalise(word)
    if not word.isascii():
        # Arabic script in a text of another language: its letter forms still meet
        return arabic.normalise(word) if _has_arabic(word) else word
    return word


#: Languages written in Cyrillic (the others Whoosh stems are written in Latin letters).
CYRILLIC = frozenset({"ru", "uk", "be", "bg", "sr", "mk"})


def in_script(word: str, code: str) -> bool:
    """Whether ``word`` is written in the script of the language ``code`` stems: a stemmer
    leaves a name in another script alone (Whoosh's Russian stemmer transliterates Latin
    letters: "erdogan" became "erdoga", "İdlib" a Cyrillic word)."""
    if code == "ar":
        return _has_arabic(word)
    if code in CYRILLIC:
        return all("\u0400" <= ch <= "\u052f" or not ch.isalpha() for ch in word)
    return word.isascii() or all(
        ch < "\u0250" or "\u1e00" <= ch <= "\u1eff" or not ch.isalpha() for ch in word
    )


def _has_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


@lru_cache(maxsize=200_000)
def word_terms_in(low: str, code: str) -> tuple[tuple[str, ...], str | None, str | None]:
    """What the index holds for one lower-cased token of a text in language ``code`` (not
    English): as ``highlight.word_terms`` — its stems (one, or none for a stopword), its exact
    term where folding changed the stem, its character-folded word for the lexicon."""
    word = cut(low, code)
    stops = stopwords(code)
    if word in stops or low in stops:
        return (), None, None
    own = fold.exact_form(normalise(word, code))
    stem = stemmer(code)
    stems = stem is not None and in_script(own, code)
    stemmed = stem(own) if stems else own
    folded = fold.fold_chars(stemmed)
    if not folded:
        return (), None, None
    exact = None if folded == stemmed else EXACT + stemmed
    if stems:
        # a stem the language's stemmer made is that language's own (the stem "mark" of a
        # Scandinavian "market" is not the English "mark"): tagged, it finds no English article
        tag = code + TAG
        folded, exact = tag + folded, (None if exact is None else EXACT + tag + stemmed)
    plain = fold.fold_chars(low)
    alt = plain if plain != low and plain.isalnum() and not low[0].isdigit() else None
    return (folded,), exact, alt
