"""Token helpers shared by alignment and figure comparison (no dependencies beyond re)."""

from __future__ import annotations

import re
import unicodedata


def _words(block: str) -> list[str]:
    return block.split()


WORD = re.compile(r"\w+(?:[.,]\d+)*", re.UNICODE)
DIFF_TOKEN = re.compile(r"\w+(?:[.,'’]\w+)*|[^\w\s]", re.UNICODE)

QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)

NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
}

STOPWORDS = frozenset(
    _words(
        """
        a an the and or but if of in on at to for from by with as into onto over under about
        after before since than then that this these those there here is are was were be been
        being has have had do does did will would shall should can could may might must it its
        it's they them their he him his she her hers we us our you your i me my not no nor so
        too very also just which who whom whose what when where why how all any both each few
        more most other some such only own same s t said says say according while during against
        between through up down out off again further once
        """
    )
)


def normalise(text: str) -> str:
    """Text for identity tests: NFKC, quotes and dashes unified, whitespace collapsed, lower."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    return " ".join(text.lower().split())


def identity_key(text: str) -> str:
    """Words only: two sentences with the same key are the same wire copy."""
    return " ".join(WORD.findall(normalise(text)))


def number_token(word: str) -> str:
    """``"five"`` → ``"5"``, ``"3,000"`` → ``"3000"``; anything else unchanged."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word[:1].isdigit():
        return word.replace(",", "")
    return word


def content_tokens(text: str) -> list[str]:
    """Lower-case content words (stopwords dropped, number words as digits, crude plural)."""
    out = []
    for w in WORD.findall(normalise(text)):
        if w in STOPWORDS:
            continue
        w = number_token(w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and not w[0].isdigit():
            w = w[:-1]
        out.append(w)
    return out


def numbers_in(text: str) -> list[str]:
    """The numbers a sentence states (digits and number words), normalised."""
    out = []
    for w in WORD.findall(normalise(text)):
        n = number_token(w)
        if n[:1].isdigit():
            out.append(n)
    return out
