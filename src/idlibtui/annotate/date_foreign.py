# ruff: noqa: E501  (one language's words a line)
"""Dates written in other languages, read into the one date grammar the judge knows.

About a third of the pages on this war are not in English. The date rules (:mod:`dates`,
:mod:`date_evidence`, :mod:`dating`) read English; rather than a second grammar, an article in
another language has its *date words* written in English first: ``gloss_dates(text, lang)``
gives the text with "vendredi 28 février 2020" as "Friday 28 February 2020", "am Montag" as
"on Monday", "أمس" as "yesterday", "seit 2011" as "since 2011", "il y a 3 jours" as "3 days
ago", a numeric date day first ("28/02/2020" as "28.02.2020") and Arabic-Indic and Persian
digits as ASCII. Every other word is left as it is, so the English rules find nothing else in
it (no figures are ever read from the gloss: it serves the date judgement only).

``publication_claims(gloss)`` finds the publication lines of these languages ("Publié le …",
"Veröffentlicht am …", "Yayınlanma: …", "Опубликовано …", "نشر في …") as date claims.

The month names are the project's one table (:data:`date_words.FOREIGN_MONTHS`); weekdays are
by language (:data:`date_words.FOREIGN_WEEKDAYS`), since a weekday's name can be another
language's ordinary word; the relative words and prepositions by language are in
:mod:`date_foreign_words`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from idlibtui.annotate.date_foreign_words import LAST_WORDS, NEXT_WORDS, PREPOSITIONS, RELATIVE
from idlibtui.annotate.date_words import FOREIGN_MONTHS, FOREIGN_WEEKDAYS, MONTH_NAMES
from idlibtui.model import DateClaim

__all__ = ["gloss_dates", "publication_claims"]

_EN_MONTHS = tuple(name.capitalize() for name in MONTH_NAMES)
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_B = r"(?<![\w\u200c])"  # a word starts here (a zero-width non-joiner joins Persian words)
_E = r"(?![\w\u200c])"
_YEAR = r"(?:19|20)\d\d"


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` (lower case) as a tree of their letters ("mar(?:s|zo)?"):
    tried at each character, it tests the letters the words share once, where a flat list of
    hundreds of names tests each name (the longest match first, as the flat one)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_MONTH_ALT = _alternation(FOREIGN_MONTHS)
_EN_MONTH_ALT = "|".join(_EN_MONTHS)
_EN_WEEKDAY_ALT = "|".join(_EN_WEEKDAYS)


# The patterns below are matched against the text in lower case, without re.IGNORECASE, and
# begin with a literal or a digit: the regex engine then skips ahead to where one can start
# instead of trying every character (a tenth of the time). Where a match may start (not inside
# a word, not after a digit) is checked in code (:func:`_sub`).
_MONTH_LOW = _trie(name.lower() for name in FOREIGN_MONTHS)
_EN_MONTH_LOW = _EN_MONTH_ALT.lower()
_EN_WEEKDAY_LOW = _EN_WEEKDAY_ALT.lower()
_DAY_FIRST_NUMERIC = re.compile(
    r"(?P<a>\d\d?)(?P<sep>[./-])(?P<b>\d\d?)(?P=sep)(?P<y>" + _YEAR + r")(?![\d])"
)
_YEAR_FIRST_NUMERIC = re.compile(
    r"(?P<y>" + _YEAR + r")(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
)
#: A day and a month of another language ("28 février 2020", "24. Februar", "12 de abril de
#: 2021", "5 أبريل/ نيسان 2017", "الـ 12 من تشرين الثاني", "28 Şubat'ta", "5 марта 2020 года").
_DAY_MONTH = re.compile(
    r"(?P<d>\d\d?)(?:\.|º|°|er|-?го|-?е)?\s*(?:de\s+|del\s+|من\s+)?"
    rf"{_B}(?P<m>{_MONTH_LOW}){_E}\.?(?:\s*/\s*(?:{_MONTH_LOW}){_E})?(?:['’][^\W\d]+)?"
    rf"(?:,?\s+(?:de\s+|del\s+|of\s+)?(?P<y>{_YEAR})(?!\d)(?:['’][^\W\d]+)?"
    r"(?:\s*(?:года|году|г\.|р\.|r\.|року|yılı|m\.))?)?"
    rf"(?:\s+(?P<post>{LAST_WORDS}|{NEXT_WORDS}){_E})?"
)
#: A month of a year ("mars 2011", "marzo de 2011", "Şubat 2020", "آذار 2011"): found from the
#: year back (a year is rarer than a word that may begin a month's name).
_YEAR_AT = re.compile(rf"(?P<y>{_YEAR})(?!\d)(?:\s*(?:года|году|г\.|р\.|r\.|року))?")
_MONTH_BEFORE = re.compile(
    rf"(?P<m>{_MONTH_LOW}){_E}\.?(?:\s*/\s*(?:{_MONTH_LOW}){_E})?,?\s+"
    r"(?:de\s+|del\s+|من\s+(?:عام|العام)\s+)?$"
)
#: A Hijri date and the Gregorian day it "corresponds to" (الموافق): the weekday written before
#: the Hijri date is the Gregorian day's ("الأحد 12 ربيع الأول 1441 هـ الموافق 10 نوفمبر 2019").
_CORRESPONDING = re.compile(
    rf"(?P<wd>{_EN_WEEKDAY_ALT})\s*[،,]?\s+(?P<hijri>[^\n]{{1,40}}?)\s*الموافق\s*(?=\d)"
)
#: The article before a day's number ("الأحد الـ 12 من تشرين الثاني": Sunday the 12th of
#: November): dropped, so that the weekday stands beside its day.
_AR_ORDINAL = re.compile(r"(?<!\w)الـ?\s*(?=\d\d? [A-Z])")
#: A year's word after it: "в 2014 году", "с 2011 года", "w 2014 r.".
_YEAR_WORD = re.compile(rf"({_YEAR})\s*(?:года|году|год|року|рік|г\.|р\.|r\.|roku)(?!\w)")
#: Turkish years with their case endings: "2011'den beri" (since), "2014'te" (in).
_TR_SINCE = re.compile(
    rf"({_YEAR})(?:['’](?:den|dan|ten|tan)|\s+yılından)\s+(?:beri|bu\s+yana|itibaren)"
)
_TR_IN = re.compile(rf"({_YEAR})(?:['’](?:de|da|te|ta)|\s+yılında){_E}")
#: Turkish days with "gecesi", "günü", "sabahı" after them ("18 Ağustos gecesi").
_TR_DAY_PART = re.compile(rf"(\d (?:{_EN_MONTH_ALT})) (?:gecesi|günü|sabahı|akşamı){_E}")
_LAST_RE = re.compile(LAST_WORDS)
_NEXT_RE = re.compile(NEXT_WORDS)
_SHIFT_BEFORE = re.compile(rf"(?:{LAST_WORDS}|{NEXT_WORDS})\s+$")
_SHIFT_AFTER = re.compile(rf"\s+(?:{LAST_WORDS}|{NEXT_WORDS}){_E}")
#: Letters an Arabic word may carry in front of it: "and", "so", "with", "for" ("وأمس",
#: "ومنذ", "بالجمعة").
_AR_PREFIX = frozenset("وفبل")
_EN_AFTER = re.compile(rf"(?:{_YEAR}\b(?![.-]\d)|(?:{_EN_MONTH_LOW}) {_YEAR})")
_DATE_AFTER = re.compile(rf"\s*(?:\d|(?:{_EN_MONTH_LOW}|{_EN_WEEKDAY_LOW}|next|last)\b)")

_Table = tuple[tuple[tuple[str, str], ...], re.Pattern[str] | None, re.Pattern[str] | None]
_CACHE: dict[str, _Table] = {}


def _tables(lang: str) -> _Table:
    """The language's relative phrases (with their English), weekdays, and prepositions
    (matched at the end of the text before a date), compiled once."""
    found = _CACHE.get(lang)
    if found is not None:
        return found
    phrases = tuple((p.lower(), english) for p, english in RELATIVE.get(lang, ()))
    names = FOREIGN_WEEKDAYS.get(lang)
    weekday = re.compile(rf"(?P<wd>{_trie(names)}){_E}") if names else None
    preps = PREPOSITIONS.get(lang)
    preposition = (
        re.compile(
            "(?:"
            + "|".join(f"(?P<p{i}>{p.lower()})" for i, (p, _) in enumerate(preps))
            + rf"){_E}\s*$"
        )
        if preps
        else None
    )
    found = _CACHE[lang] = (phrases, weekday, preposition)
    return found


_LEAD = re.compile(r"[^\W\d_]+")


def _leads(phrase: str) -> list[str] | None:
    """The letters each alternative of a phrase's pattern starts with ("" for a count in
    digits); None when an alternative starts otherwise (then it is looked for everywhere)."""
    leads = []
    for alternative in phrase.split("|"):
        if alternative.startswith("{n}"):
            leads.append("")
            continue
        m = _LEAD.match(alternative)
        if m is None:
            return None
        leads.append(m.group(0))
    return leads


@functools.lru_cache(maxsize=64)
def _relative_patterns(
    phrases: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str] | None, bool, list[re.Pattern[str]]]:
    """Where a phrase can start (a pattern of their first letters; whether a count in digits
    can start one) and each phrase's own pattern (``n`` its count)."""
    leads: set[str] = set()
    digits = False
    for p, _ in phrases:
        found = _leads(p)
        if found is None:
            raise ValueError(f"a relative phrase must start with letters or a count: {p!r}")
        leads.update(x for x in found if x)
        digits = digits or "" in found
    lead = (
        re.compile("|".join(sorted(map(re.escape, leads), key=len, reverse=True)))
        if leads
        else None
    )
    own = [re.compile("(?:" + p.replace("{n}", r"(?P<n>\d{1,2})") + ")" + _E) for p, _ in phrases]
    return lead, digits, own


def _relative_words(text: str, phrases: tuple[tuple[str, str], ...], ar: bool) -> str:
    """Each relative phrase of the language in English, tried only where one can start."""
    lead, digits, own = _relative_patterns(phrases)
    low = _lower(text)
    starts = {m.start() for m in lead.finditer(low)} if lead is not None else set()
    if digits:
        starts.update(m.start() for m in _DIGIT.finditer(low))
    pieces: list[str] = []
    last = 0
    for start in sorted(starts):
        if start < last:
            continue
        before = text[start - 1] if start else " "
        prefixed = ar and before in _AR_PREFIX and (start < 2 or not text[start - 2].isalnum())
        if not prefixed and (before.isalnum() or before == "\u200c"):
            continue
        for (_, english), pattern in zip(phrases, own, strict=True):
            m = pattern.match(low, start)
            if m is not None:
                words = english.replace("{N}", m.group("n")) if "{N}" in english else english
                pieces += [text[last:start], (" " if prefixed else "") + words]
                last = m.end()
                break
    return "".join([*pieces, text[last:]]) if pieces else text


_DIGIT = re.compile(r"\d")


def _lower(text: str) -> str:
    """``text`` in lower case, character for character (offsets kept): "İ" is "i"."""
    low = text.replace("İ", "i").lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_Sub = Callable[[re.Match[str], str], "str | None"]


def _sub(
    pattern: re.Pattern[str],
    text: str,
    fn: _Sub,
    *,
    after: str = r"\w",
    ar: bool = False,
) -> str:
    """``pattern`` matched in ``text`` in lower case, each match replaced by ``fn(match, text)``
    (kept when it returns None) where it may start: not after a character of ``after`` (a
    word's letter by default; after an Arabic word's prefix letter when ``ar``). A replacement
    that would stick to a letter before it is set apart by a space ("و27 فبراير")."""
    low = _lower(text)
    pieces: list[str] = []
    last = 0
    for m in pattern.finditer(low):
        start = m.start()
        before = text[start - 1] if start else " "
        prefixed = ar and before in _AR_PREFIX and (start < 2 or not text[start - 2].isalnum())
        # (a full stop ends a sentence after a word: "…сил.19 января")
        sentence = before == "." and start >= 2 and text[start - 2].isalpha()
        if not (prefixed or sentence) and (before == "\u200c" or re.match(after, before)):
            continue
        new = fn(m, text)
        if new is None:
            continue
        pieces.append(text[last:start])
        if before.isalnum() and new[:1].isascii() and new[:1].isalnum():
            pieces.append(" ")
        pieces.append(new)
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _month_word(name: str) -> str:
    return _EN_MONTHS[FOREIGN_MONTHS[name.lower()] - 1]


def _day_month(m: re.Match[str], _text: str) -> str | None:
    if not 1 <= int(m.group("d")) <= 31:
        return None
    out = f"{int(m.group('d'))} {_month_word(m.group('m'))}"
    if m.group("y"):
        out += f" {m.group('y')}"
    post = m.group("post") or ""
    if post and _NEXT_RE.fullmatch(post):
        return "next " + out
    return out


def _numeric(m: re.Match[str], _text: str) -> str | None:
    a, b, year = int(m.group("a")), int(m.group("b")), m.group("y")
    day, month = (a, b) if b <= 12 else (b, a)  # day first, unless that cannot be
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{day:02d}.{month:02d}.{year}"


def _year_first(m: re.Match[str], _text: str) -> str | None:
    month, day = int(m.group("m")), int(m.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{m.group('y')}-{month:02d}-{day:02d}"


_EASTERN = re.compile("[٠-٩۰-۹]+")


def gloss_dates(text: str, lang: str) -> str:
    """``text`` with the date words of ``lang`` written in English and numeric dates day first
    (see the module's docstring)."""
    if not text:
        return text
    out = text
    if not text.isascii():
        out = _EASTERN.sub(lambda m: m.group(0).translate(_DIGITS), out)
    phrases, weekday, preposition = _tables(lang)
    ar = lang == "ar"
    if phrases:
        out = _relative_words(out, phrases, ar)
    out = _sub(_YEAR_FIRST_NUMERIC, out, _year_first, after=r"[\d./-]")
    out = _sub(_DAY_FIRST_NUMERIC, out, _numeric, after=r"[\d./-]")
    out = _sub(_DAY_MONTH, out, _day_month, after=r"[\d.,]")
    out = _month_years(out)
    if lang == "tr":
        out = _TR_SINCE.sub(r"since \1", out)
        out = _TR_IN.sub(r"in \1", out)
        out = _TR_DAY_PART.sub(r"\1", out)
    elif lang in ("ru", "uk", "pl"):
        out = _YEAR_WORD.sub(r"\1", out)
    if weekday is not None:
        days = FOREIGN_WEEKDAYS[lang]
        out = _sub(weekday, out, functools.partial(_weekday, days), ar=ar)
    if ar:
        out = _CORRESPONDING.sub(r"\g<hijri> الموافق \g<wd> ", out)
        out = _AR_ORDINAL.sub("", out)
    if preposition is not None:
        out = _prepositions(out, preposition, PREPOSITIONS[lang], ar)
    return _BARE_YEAR.sub(_bare_year, out)


def _month_years(text: str) -> str:
    """Each month of a year in English ("mars 2011" → "March 2011")."""
    low = _lower(text)
    pieces: list[str] = []
    last = 0
    for y in _YEAR_AT.finditer(low):
        if y.start() and low[y.start() - 1].isalnum():
            continue
        m = _MONTH_BEFORE.search(low, max(last, y.start() - 48), y.start())
        if m is None or (m.start() and low[m.start() - 1].isalnum()):
            continue
        pieces += [text[last : m.start()], f"{_month_word(m.group('m'))} {y.group('y')}"]
        last = y.end()
    return "".join([*pieces, text[last:]]) if pieces else text


def _weekday(names: dict[str, int], m: re.Match[str], text: str) -> str:
    """A weekday in English, "last" or "next" before it when a word beside it says so."""
    name = _EN_WEEKDAYS[names[m.group("wd")]]
    before = _lower(text[max(0, m.start() - 25) : m.start()])
    after = _lower(text[m.end() : m.end() + 25])
    shift = "".join(
        x.group(0) for x in (_SHIFT_BEFORE.search(before), _SHIFT_AFTER.match(after)) if x
    )
    if _NEXT_RE.search(shift):
        return f"next {name}"
    if _LAST_RE.search(shift):
        return f"last {name}"
    return name


#: Where a date the gloss wrote, or a number, begins: a preposition may stand before it.
_EN_DATE_WORD = re.compile(
    _trie([*map(str.lower, _EN_MONTHS), *map(str.lower, _EN_WEEKDAYS), "next", "last"]) + r"\b"
)


def _prepositions(
    text: str, ending: re.Pattern[str], preps: tuple[tuple[str, str], ...], ar: bool
) -> str:
    """Each preposition before a date in English: "since", "from", "until", and "in" before a
    year or "on" before a day for the language's plain ones (``AT``)."""
    low = _lower(text)
    pieces: list[str] = []
    last = 0
    starts = sorted(
        {m.start() for m in _DIGIT.finditer(low)} | {m.start() for m in _EN_DATE_WORD.finditer(low)}
    )
    for at in starts:
        if at and (low[at - 1].isalnum() or (low[at].isdigit() and low[at - 1] in ".,/-")):
            continue
        m = ending.search(low, max(last, at - 32), at)
        if m is None:
            continue
        start = m.start()
        before = text[start - 1] if start else " "
        prefixed = ar and before in _AR_PREFIX and (start < 2 or not text[start - 2].isalnum())
        if not prefixed and (before.isalnum() or before == "\u200c"):
            continue
        index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        words = preps[index][1]
        if words == "AT":
            words = "in" if _EN_AFTER.match(low, at) else "on"
        pieces += [text[last:start], (" " if prefixed else "") + words + " "]
        last = at
    return "".join([*pieces, text[last:]]) if pieces else text


#: A four-digit number standing alone, not in a date the gloss wrote ("2000 مقاتل", "die 2019er
#: Offensive"): in another language its neighbours cannot say whether it is a year or a count.
_BARE_YEAR = re.compile(rf"(?P<y>{_YEAR})(?![\w%]|[.,/:-]\d)")
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|from|until|on|by|of|{_EN_MONTH_ALT})|[(\[])\s*$", re.IGNORECASE
)


def _bare_year(m: re.Match[str]) -> str:
    """A year the gloss's words introduce ("since 2011", "in 2014", "March 2011") stays; any
    other is marked so that the date rules do not read it as a year."""
    before = m.string[m.start() - 1] if m.start() else " "
    if before.isalnum() or before in "_#$№.,/:-":
        return m.group(0)  # (part of a number, a code or a date)
    if _YEAR_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]):
        return m.group(0)
    return "#" + m.group(0)


#: Publication lines of other languages; a full date follows within a few words.
_PUBLISHED = re.compile(
    # (at a line's start or after a sentence: "un rapport publié le 5 mars 2019" is prose)
    r"(?:^|(?<=[.|•·]))[ \t]*(?:publié|publiée|mis\s+à\s+jour|mise\s+à\s+jour|veröffentlicht|aktualisiert|erstellt"
    r"|publicado|publicada|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt"
    r"|opublikowano|aktualizacja|data\s+publikacji|yayınlanma(?:\s+tarihi)?|yayın\s+tarihi"
    r"|giriş\s+tarihi|güncelleme(?:\s+tarihi)?|опубликовано|обновлено|дата\s+публикации"
    r"|опубліковано|оновлено|نشر\s+في|نُشر\s+في|نشر\s+بتاريخ|تاريخ\s+النشر|تاريخ\s+البث"
    r"|آخر\s+تحديث|تاريخ\s+التحديث|منتشر\s+شده|تاریخ\s+انتشار)(?!\w)[\s:：|–—-]*",
    re.IGNORECASE | re.MULTILINE,
)
#: How far after the publication word its date may begin ("Publié le vendredi 28 février").
_PUBLISHED_REACH = 24
#: A page states its own publication line above its text or below it: within these.
_HEAD, _TAIL = 600, 400


def publication_claims(gloss: str) -> list[DateClaim]:
    """The days the publication lines of a glossed text state (:func:`gloss_dates`), first
    the first one ("Giriş Tarihi: … Son Güncelleme: …" is published, then updated)."""
    from idlibtui.annotate.dates import find_dates

    out: list[DateClaim] = []
    for m in _PUBLISHED.finditer(gloss):
        if _HEAD < m.start() < len(gloss) - _TAIL:
            continue  # (mid-text: a related article's line, not the page's own)
        window = gloss[m.end() : m.end() + _PUBLISHED_REACH + 30]
        for dm in find_dates(window, None):
            if dm.start > _PUBLISHED_REACH:
                break
            if dm.precision == "day" and dm.date is not None and not dm.relative:
                line = gloss[m.start() : m.end() + dm.end]
                claim = DateClaim(dm.date, "day", "published line", " ".join(line.split())[:120])
                if claim not in out:
                    out.append(claim)
                break
    return out
