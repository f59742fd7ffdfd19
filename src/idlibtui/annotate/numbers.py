"""Numbers as news reports write them: digits with thousands commas, number words
("twenty-five", "half a"), scale words ("3.5 million") and simple fractions ("1/2", "½").

Shared by the figure finder (``figures``) and the words around a figure (``figure_words``,
which reads past a scale word: "200,000 of Idlib's 3 million residents").
"""

from __future__ import annotations

import re

_LOWER_WORD = re.compile(r"[a-z]+")

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip


def words_to_number(words: str) -> float | None:
    """``twenty-five`` → 25, ``Three`` → 3, ``a`` → 1, ``half a`` → 0.5."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w == "a":
        return 1.0
    if w == "half a":
        return 0.5
    total = 0
    for part in w.split():
        if part in ONES:
            total += ONES[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return float(total)


def number_value(raw: str | None) -> float | None:
    if not raw:
        return None
    raw = raw.strip()
    if raw[0].isdigit():
        try:
            return float(raw.replace(",", ""))
        except ValueError:
            return None
    return words_to_number(raw)


def scale_factor(raw: str | None) -> float:
    factor = 1.0
    for word in _LOWER_WORD.findall((raw or "").lower()):
        factor *= SCALES.get(word, 1)
    return factor


def fraction_value(raw: str | None) -> float:
    if not raw:
        return 0.0
    raw = raw.strip()
    if raw == "½":
        return 0.5
    a, b = raw.split("/")
    return int(a) / int(b)
