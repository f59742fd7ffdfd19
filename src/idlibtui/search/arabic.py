"""Arabic words made comparable: letter forms and diacritics normalised, then a light stemmer.

Why not Whoosh's own Arabic stemmer (``whoosh.lang.isri``): it extracts roots, which is too
coarse for searching news. Measured on a real report: سوريا (Syria) became ري, مدير (director)
دير (monastery), مدنيًا (civilians) دنا, الإنسان (the human) سان. A light stemmer (the "light10"
family, Larkey et al., as in Lucene's Arabic analyzer) removes only the conjunction و, the
article ال and its fused prepositions, and a short list of endings (plural, feminine, pronoun
suffixes): غارة and غارات (raid, raids) meet, سوريا stays سوريا.

Normalisation, on the index and the query alike: short vowels and other marks (tashkeel) and
the tatweel go, alef with hamza or madda becomes a bare alef, alef maqsura a yaa, taa marbuta a
haa. ``normalise`` alone is what a language without a stemmer would want of Arabic script.
"""

from __future__ import annotations

import re

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

#: The article and the prepositions fused with it, longest first.
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
#: Endings removed once each, in this order (taa marbuta already written as haa).
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def normalise(word: str) -> str:
    """``word`` without tashkeel and tatweel, with one form of alef, yaa and taa marbuta."""
    return _MARKS.sub("", word).translate(_LETTERS)


def light_stem(word: str) -> str:
    """The light stem of one (lower-cased) word; a word with no Arabic letter comes back as is."""
    word = normalise(word)
    if len(word) > 3 and word[0] == "و":
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word
