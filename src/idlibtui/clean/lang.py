"""The language an article is written in, as an ISO 639-1 code ("" when it cannot be told).

The detector is ``py3langid`` (a maintained fork of langid.py): a naive Bayes model over byte
n-grams for 97 languages that ships inside the package (no download at run time), is
deterministic (unlike ``langdetect``, which samples), needs only numpy, and classifies a page in
well under a millisecond once the model is loaded (about a second, once per process).

Why a guard around it: on a few words ("Keep reading", a headline) any n-gram model guesses, so
short texts get "" unless their script settles it, and a weak guess is kept only when the text's
commonest words agree. Probabilities are normalised so that a threshold means the same for any
length.
"""

from __future__ import annotations

import re
import string
import threading
from functools import lru_cache

# Enough letters for the model to be right nearly always on news prose.
_MIN_LETTERS = 40
_MIN_CONFIDENCE = 0.80
_SAMPLE = 3000
_ASCII_LETTERS = bytes(string.ascii_letters, "ascii")  # the ASCII that ``str.isalpha`` counts
_SURELY_ENGLISH = 0.25
_NOT_ASCII = re.compile("[^\x00-\x7f]+")

# Scripts that name their language on their own when the model cannot tell.
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_GREEK = re.compile("[\u0370-\u03ff]")
_HEBREW = re.compile("[\u0590-\u05ff]")
_SCRIPTS = re.compile("[\u0370-\u05ff\u0600-\u06ff\u0750-\u077f]")  # the four above, as one

# English function words: a text most of whose short words are these is English, whatever a
# weak model score says (a page of names and numbers confuses n-grams more than it does these).
EN_FUNCTION_WORDS = frozenset(
    (
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "his",
        "has",
        "have",
        "are",
        "were",
        "said",
        "be",
        "an",
        "their",
        "its",
        "which",
        "this",
        "after",
        "who",
        "not",
        "but",
        "they",
        "had",
        "been",
        "will",
    )
)

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    with _LOCK:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _letters(sample: str, ascii_only: bool) -> int:
    """``sum(map(str.isalpha, sample))``: the ASCII letters counted in C, the few other
    characters one by one."""
    data = sample.encode("ascii", "ignore")
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if not ascii_only:
        letters += sum(map(str.isalpha, "".join(_NOT_ASCII.findall(sample))))
    return letters


def _english_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(map(EN_FUNCTION_WORDS.__contains__, words)) / len(words)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or "" when it is too short or unclear."""
    sample = text[:_SAMPLE]
    ascii_only = sample.isascii()  # (most reports): no letters of another script to count
    letters = _letters(sample, ascii_only)
    if letters == 0:
        return ""
    words = re.findall(r"[a-z]+", sample.lower())
    en_share = _english_share(words)
    if letters < _MIN_LETTERS:
        return _by_script(sample, letters)
    if (
        en_share >= _SURELY_ENGLISH
        and letters >= 200
        and (ascii_only or not _non_latin(sample, letters))
    ):
        # a quarter of the words English function words: English (other languages in Latin
        # script stay under an eighth), without the model's cost
        return "en"
    try:
        code, confidence = _identifier().classify(sample)
    except Exception:  # a broken install must not stop cleaning
        return _by_script(sample, letters) or ("en" if en_share >= 0.2 else "")
    needed = _MIN_CONFIDENCE if letters < 200 else 0.5  # a longer sample is surer
    if code == "en" or confidence >= needed:
        if code != "en" and en_share >= 0.25 and not _non_latin(sample, letters):
            return "en"  # a page of names with English glue: trust the glue
        return code
    if en_share >= 0.2:
        return "en"
    return _by_script(sample, letters)


def _non_latin(sample: str, letters: int) -> bool:
    # (the four scripts together first: most samples hold few of their letters)
    if len(_SCRIPTS.findall(sample)) <= letters / 2:
        return False
    return any(len(p.findall(sample)) > letters / 2 for p in (_ARABIC, _CYRILLIC, _GREEK, _HEBREW))


def _by_script(sample: str, letters: int) -> str:
    """A language only when the script leaves one common choice (Arabic script: "ar")."""
    for pattern, code in ((_ARABIC, "ar"), (_GREEK, "el"), (_HEBREW, "he")):
        if len(pattern.findall(sample)) > letters / 2:
            return code
    return ""
