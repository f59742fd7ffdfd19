"""Numbers as news reports write them: digits with thousands commas, number words
("twenty-five", "half a"), scale words ("3.5 million") and simple fractions ("1/2", "½").

Shared by the figure finder (``figures``) and the words around a figure (``figure_words``,
which reads past a scale word: "200,000 of Idlib's 3 million residents"). Also here: the
numbers that count nothing (``not_a_count``: a road or weapon name, a time, an ordinal, a list
mark, an entity left over from damage; ``page_chrome_or_label``: "5 min read", "3 of 12").
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


# --- numbers that count nothing -----------------------------------------------------------

_LETTER_BEFORE = re.compile(r"[A-Za-z]-?$")
_ENTITY_RESIDUE_BEFORE = re.compile(r"&\s*#?\s*$|#\s*$")
_ORDINAL_OR_TIME_AFTER = re.compile(r"(?:st|nd|rd|th)\b|:\d|;")
_LIST_MARK_AFTER = re.compile(r"[.)]\s")


# "Channel 4 News", "France 24", "Kanal 7", "TV 2": a broadcaster's name, not a count
_BROADCASTER_BEFORE = re.compile(r"\b(?:Channel|France|Kanal|Haber|TV|Canal|Antena|Rai|Radio)\s$")
# "DECEMBER 15:", "Dec. 15": a day of a month in any case (the date finder reads title case)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s$",
    re.I,
)

# "Sukhoi 25", "MiG 23", "Mi 8", "T 72", "BM 21", "S 400": an aircraft's or a weapon's model
# number written with a space (with a hyphen, ``_LETTER_BEFORE`` has it), not a count
_MODEL_BEFORE = re.compile(
    r"\b(?:Sukhoi|Su|MiG|Mig|Mi|Tupolev|Tu|Ilyushin|Antonov|Kamov|Ka|Yak|Yakovlev|Aero\s+L|L"
    r"|T|BM|TOS|BMP|BTR|ZU|ZSU|Kh|S|F|AH|UH|MQ|RQ|Pantsir|Buk|Grad|Uragan|Smerch|Scud|Fateh"
    r"|Zelzal|Igla|Strela|Kornet|Konkurs|Fagot|Metis|Bayraktar\s+TB|TB|Anka|AK|RPG|SA|SS)\s$"
)


def not_a_count(text: str, s: int, e: int, n1: str) -> bool:
    """Road and weapon names, model numbers, entity residue, list numbering, ordinals, times,
    broadcasters, days of a month."""
    if n1.isdigit() and _BROADCASTER_BEFORE.search(text, max(0, s - 9), s):
        return True
    day = n1.isdigit() and len(n1) <= 2 and 1 <= int(n1) <= 31
    if day and _MONTH_BEFORE.search(text, max(0, s - 11), s):
        return True
    if n1.isdigit() and _MODEL_BEFORE.search(text, max(0, s - 13), s):
        return True  # Sukhoi 25, T 72
    before = text[max(0, s - 3) : s]
    if _LETTER_BEFORE.search(before) and n1[:1].isdigit():
        return True  # M5, S-400, F-16
    if _ENTITY_RESIDUE_BEFORE.search(before):
        return True  # & # 39;
    after = text[e : e + 3]
    if n1[:1].isdigit() and _ORDINAL_OR_TIME_AFTER.match(after):
        return True
    if n1.isdigit() and _LIST_MARK_AFTER.match(after) and _at_line_start(text, s):
        return True  # "1. Heading" list numbering
    return bool(before.endswith("[") and after[:1] == "]")


def _at_line_start(text: str, s: int) -> bool:
    """Whether only spaces stand between the start of ``s``'s line and ``s``.

    Steps back over the spaces only: searching back for the line's start (``rfind``) and
    slicing the line cost the whole line per figure, quadratic on a long one-line file.
    """
    i = s - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


# page chrome and labels that are numbers but not quantities of anything reported
_CHROME_AFTER = re.compile(
    r"[\s-]*(?:(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|months?)\s+ago\b"
    r"|(?:minutes?|mins?)[\s-]+read\b|(?:photos?|images?|comments?|shares?|views?|likes?)\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
_GALLERY_BEFORE = re.compile(r"^\s*\d+\s*(?:of|/)\s*$")
_LIST_OF_BEFORE = re.compile(r"\blist\s+of\s+$", re.IGNORECASE)
_ROAD_BEFORE = re.compile(
    r"\b(?:Route|Highway|Road|Motorway|Hwy|Junction|Exit|Gate|Kilometre|Kilometer|km)\s+$"
)
_GALLERY = re.compile(r"\s*(?:of|/)\s*\d+\s*(?:\||$)", re.MULTILINE)
_GALLERY_END = re.compile(r"\s*(?:\||$)", re.MULTILINE)
_GALLERY_LABEL_MAX = 40


def page_chrome_or_label(text: str, s: int, e: int) -> bool:
    """Page chrome and labels, not counts: "7 minutes ago", "5 min read", "list of 4 items",
    "Route 60", "1 of 5 |"."""
    if _CHROME_AFTER.match(text, e):
        return True
    before = text[max(0, s - 12) : s]
    if _LIST_OF_BEFORE.search(before) or _ROAD_BEFORE.search(before):
        return True
    if _at_line_start(text, s):
        return bool(_GALLERY.match(text, e))
    # a gallery counter's label is short: look back a bounded window, never the whole line
    # (a long one-line file would be rescanned for every number)
    lo = max(0, s - _GALLERY_LABEL_MAX - 1)
    back = text[lo:s].rfind("\n")  # in the bounded window only, never back to the line start
    if back >= 0:
        line_start = lo + back + 1
    elif lo == 0:
        line_start = 0
    else:
        return False  # the line began further back than a label is long
    if s - line_start > _GALLERY_LABEL_MAX:
        return False
    return bool(_GALLERY_BEFORE.match(text[line_start:s])) and bool(_GALLERY_END.match(text, e))
