"""Dates written as page metadata: "Published: March 5, 2020", "AA | 26.02.2020 - 09:14",
"DW | 09.10.2019", "Source: Indian Express March 12, 2018 10:07 UTC", "10-10-2019, 11:11 AM",
"Revision as of 22:51, 19 October 2019", "Fri. Mar 29th, 2024".

``find_full_date`` finds a complete date (day, month and year) in a short string and never
guesses; ``read_stamp`` says whether a whole line is such a stamp (a date with nothing around it
but times, weekdays, separators, stamp words and perhaps an outlet's name) and what it holds.
The month names are the annotator's (:data:`idlibtui.annotate.date_words.MONTHS`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from idlibtui.annotate.date_words import FOREIGN_MONTHS, MONTHS

_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# a word boundary, or a capital glued to a lower-case letter (a label run into the month
# when a tag was stripped: "NewsDecember"); matched with IGNORECASE, so the case is checked
# in a case-sensitive group ("dismay 5" is no glued "May 5")
_GLUED_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_DATE_PATTERNS = [
    re.compile(r"\b" + _YEAR + r"-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(
        # (also with a comma after the month: "January, 20, 2018 – 18:58"; a comma set off by
        # spaces, "April 8 , 2018"; glued to a label before or a name after by a lost space or
        # tag: "NewsDecember 20, 2018", "January 16, 2019John Smith")
        _GLUED_START
        + _MONTH_RE
        + r"(?:\s*,)?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*,)?\s+"
        + _YEAR
        + r"(?![\d])",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTH_RE
        + r"(?:\s*,)?\s+"
        + _YEAR
        + r"(?![\d])",
        re.IGNORECASE,
    ),
    # numeric day-month-year: 26.02.2020, 09/10/2019, 10-10-2019 (day first where ambiguous,
    # month first only when the day-first reading is impossible)
    re.compile(r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)" + _YEAR + r"\b"),
    # year first with dots or slashes: 2014.02.02, 2014/02/02
    re.compile(r"\b" + _YEAR + r"(?P<ysep>[./])(?P<mnum>\d{1,2})(?P=ysep)(?P<day>\d{1,2})(?!\d)"),
    # another language's month, day first: "16 января 2020", "12 de abril de 2021",
    # "28 Şubat 2020", "27. helmikuuta 2020", "7 aprile 2018"
    re.compile(
        r"(?<![\w.])(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<fmonth>"
        + "|".join(sorted(map(re.escape, FOREIGN_MONTHS), key=len, reverse=True))
        + r")\.?,?\s+(?:de\s+|del\s+)?"
        + _YEAR
        + r"(?!\d)",
        re.IGNORECASE,
    ),
    # year first: "2020年2月28日", "2020년 2월 28일", Lithuanian "2020 m. vasario 28 d."
    re.compile(_YEAR + r"\s*[年년]\s*(?P<mnum>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"),
    re.compile(
        _YEAR
        + r"\s+m\.\s+(?P<fmonth>"
        + "|".join(sorted(map(re.escape, FOREIGN_MONTHS), key=len, reverse=True))
        + r")\s+(?P<day>\d{1,2})\s*d\.",
        re.IGNORECASE,
    ),
    # compact: 06Mar2018
    re.compile(r"\b(?P<day>\d{1,2})" + _MONTH_RE + _YEAR + r"\b", re.IGNORECASE),
    # a US stamp with a two-digit year in parentheses: (10/17/17)
    re.compile(r"\((?P<us_m>\d{1,2})/(?P<us_d>\d{1,2})/(?P<us_y>\d\d)\)"),
]


_DIGITS = re.compile(r"\d\d")
#: Arabic-Indic and Persian digits as ASCII ones.
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EASTERN = re.compile("[٠-٩۰-۹]")


# a pure function of the text, asked of the same lines by several passes (and both rounds)
@functools.lru_cache(maxsize=2048)
def find_full_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first complete date in ``text`` with its span, or None; never guesses."""
    if not _DIGITS.search(text):
        return None  # every form has a day or a year in digits: most lines have none
    if not text.isascii() and _EASTERN.search(text):  # (translate is slow on other text)
        text = text.translate(_EASTERN_DIGITS)  # "٥ أبريل ٢٠١٧": one character for one, spans kept
    found: list[tuple[int, dt.date, int]] = []
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        d = _date_of(m.groupdict())
        if d is not None:
            found.append((m.start(), d, m.end()))
    if not found:
        return None
    start, d, end = min(found, key=lambda f: f[0])
    return d, start, end


def parse_date(text: str) -> dt.date | None:
    """A full date (day, month, year) stated in a short string, or None; never guesses."""
    found = find_full_date(text)
    return found[0] if found else None


def _date_of(groups: dict[str, str | None]) -> dt.date | None:
    try:
        if groups.get("us_y"):
            return dt.date(2000 + int(groups["us_y"] or 0), int(groups["us_m"] or 0),
                           int(groups["us_d"] or 0))  # fmt: skip
        year = int(groups["year"] or 0)
        if groups.get("a"):
            a, b = int(groups["a"] or 0), int(groups["b"] or 0)
            day, month = (a, b) if b <= 12 else (b, a)
            return dt.date(year, month, day)
        if groups.get("mnum"):
            return dt.date(year, int(groups["mnum"] or 0), int(groups["day"] or 0))
        if groups.get("fmonth"):
            month = FOREIGN_MONTHS[(groups["fmonth"] or "").lower()]
            return dt.date(year, month, int(groups["day"] or 0))
        month = MONTHS[(groups["month"] or "").rstrip(".").lower()]
        return dt.date(year, month, int(groups["day"] or 0))
    except (ValueError, KeyError):
        return None


_TIME = re.compile(
    r"\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*\(?(?:utc|gmt|est|edt|cet|cest|eet|eest|ast|msk|trt|ist)\)?)?"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?\)?)?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\b\.?",
    re.IGNORECASE,
)
#: Weekdays and stamp words of other languages around a metadata line's date: "الأربعاء 5
#: أبريل 2017", "نشر في: …", "تاريخ النشر", "Mittwoch, 5. April 2017", "Çarşamba".
_FOREIGN_STAMP_WORDS = re.compile(
    r"(?<!\w)(?:ال(?:إ|ا)?ثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"
    r"|نشر|نُشر|في|بتاريخ|تاريخ|النشر|آخر|اخر|تحديث|التحديث"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|publié|publie|le|mis\s+à\s+jour"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|veröffentlicht|am|um"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|publicado|el|de"
    r"|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|yayınlanma|güncelleme|tarihi)(?!\w)",
    re.IGNORECASE,
)
_STAMP_WORDS = frozenset(
    [
        "published",
        "publish",
        "posted",
        "updated",
        "update",
        "last",
        "modified",
        "on",
        "at",
        "date",
        "dated",
        "revision",
        "as",
        "of",
        "source",
        "by",
        "am",
        "pm",
        "utc",
        "gmt",
        "time",
        "released",
        "first",
        "issued",
        "created",
        "edited",
        "the",
        "from",
        "in",
    ]
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A metadata line's date and the name that stood beside it (an outlet or agency, or "")."""

    date: dt.date
    name: str
    date_text: str


def read_stamp(line: str, *, max_words: int = 14, is_name=None) -> Stamp | None:
    """The stamp ``line`` is, or None when it holds more than a date and a name; ``is_name``
    (when given) says whether the words beside the date can be an outlet's name."""
    s = line.strip()
    if not s or len(s.split()) > max_words or (s.endswith((".", "?", "!")) and s[-4:-1].isalpha()):
        return None
    found = find_full_date(s)
    if found is None:
        return None
    d, start, end = found
    head = s[:start]
    if start and head[-1].islower() and s[start].isupper() and " " not in head.strip():
        head = ""  # a section label the scraper ran into the month ("WorldMarch 14, 2019")
    rest = head + " " + s[end:]
    rest = _TIME.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _FOREIGN_STAMP_WORDS.sub(" ", rest)
    words = re.findall(r"[^\W\d_][\w.'’&-]*", rest)
    name_words = [w for w in words if w.lower().strip(".") not in _STAMP_WORDS]
    if len(name_words) > 4:
        return None
    if any(w[:1].islower() for w in name_words):
        return None  # a lower-case word: prose, not a stamp
    if name_words and is_name is not None and not is_name(" ".join(name_words)):
        return None  # "Fighters from Free Syrian Army September 27, 2017": a caption
    if re.search(r"\d", re.sub(r"[\s|,;:/()\[\]•·–—-]+", "", rest)):
        return None  # another number is left: not a plain stamp
    return Stamp(d, " ".join(name_words), s[start:end])
