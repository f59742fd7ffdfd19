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
language's ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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


_MONTH_ALT = _alternation(FOREIGN_MONTHS)
_EN_MONTH_ALT = "|".join(_EN_MONTHS)
_EN_WEEKDAY_ALT = "|".join(_EN_WEEKDAYS)

#: Words after a date that put it in the past ("dimanche dernier", "27 فبراير الماضي") or the
#: future ("le 15 mars prochain", "15 مارس المقبل"), any of the languages.
_LAST_WORDS = (
    r"dernier|dernière|passé|passée|pasado|pasada|scorso|scorsa|passato|passada|passado"
    r"|vergangenen|vergangene|letzten|letzte|afgelopen|vorige|zeszły|zeszłą|ubiegły|ubiegłą"
    r"|geçen|прошлый|прошлую|прошлой|прошлого|минулого|минулу|الماضي|الماضية|المنصرم"
)
_NEXT_WORDS = (
    r"prochain|prochaine|nächsten|nächste|kommenden|próximo|próxima|prossimo|prossima"
    r"|volgende|komende|przyszły|przyszłą|najbliższy|gelecek|önümüzdeki|следующий|следующую"
    r"|ближайший|наступного|المقبل|المقبلة|القادم|القادمة"
)

#: Relative words, by language: (pattern, English). ``{N}`` stands for a count in digits.
_RELATIVE: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (
        (r"avant-hier", "2 days ago"), (r"hier", "yesterday"), (r"aujourd['’]hui", "today"),
        (r"ce\s+matin", "this morning"), (r"cet\s+après-midi", "this afternoon"),
        (r"ce\s+soir", "tonight"), (r"la\s+semaine\s+(?:dernière|passée)", "last week"),
        (r"il\s+y\s+a\s+{N}\s+(?:heures?|minutes?|h)", "today"),
        (r"il\s+y\s+a\s+{N}\s+jours?", "{N} days ago"),
        (r"il\s+y\s+a\s+{N}\s+semaines?", "{N} weeks ago"),
        (r"il\s+y\s+a\s+{N}\s+mois", "{N} months ago"), (r"il\s+y\s+a\s+{N}\s+ans", "{N} years ago"),
    ),
    "de": (
        (r"vorgestern", "2 days ago"), (r"gestern", "yesterday"),
        (r"heute\s+(?:früh|morgen)", "this morning"), (r"heute", "today"),
        (r"(?:vergangene|letzte|vorige)\s+Woche", "last week"),
        (r"vor\s+{N}\s+(?:Stunden|Minuten)", "today"), (r"vor\s+{N}\s+Tagen", "{N} days ago"),
        (r"vor\s+{N}\s+Wochen", "{N} weeks ago"), (r"vor\s+{N}\s+Monaten", "{N} months ago"),
        (r"vor\s+{N}\s+Jahren", "{N} years ago"),
    ),
    "es": (
        (r"anteayer|antier", "2 days ago"), (r"ayer", "yesterday"),
        (r"esta\s+mañana", "this morning"), (r"esta\s+tarde", "this afternoon"),
        (r"esta\s+noche", "tonight"), (r"hoy", "today"),
        (r"la\s+semana\s+pasada", "last week"),
        (r"hace\s+{N}\s+(?:horas?|minutos?)", "today"), (r"hace\s+{N}\s+días?", "{N} days ago"),
        (r"hace\s+{N}\s+semanas?", "{N} weeks ago"), (r"hace\s+{N}\s+meses", "{N} months ago"),
        (r"hace\s+{N}\s+años", "{N} years ago"),
    ),
    "it": (
        (r"l['’]altro\s+ieri", "2 days ago"), (r"ieri", "yesterday"),
        (r"stamattina|stamane|questa\s+mattina", "this morning"), (r"stasera", "tonight"),
        (r"oggi", "today"), (r"la\s+settimana\s+scorsa", "last week"),
        (r"{N}\s+(?:ore|minuti)\s+fa", "today"), (r"{N}\s+giorni\s+fa", "{N} days ago"),
        (r"{N}\s+settimane\s+fa", "{N} weeks ago"), (r"{N}\s+mesi\s+fa", "{N} months ago"),
        (r"{N}\s+anni\s+fa", "{N} years ago"),
    ),
    "pt": (
        (r"anteontem", "2 days ago"), (r"ontem", "yesterday"), (r"hoje", "today"),
        (r"esta\s+manhã|nesta\s+manhã", "this morning"),
        (r"(?:a|na)\s+semana\s+passada", "last week"),
        (r"há\s+{N}\s+(?:horas?|minutos?)", "today"), (r"há\s+{N}\s+dias?", "{N} days ago"),
        (r"há\s+{N}\s+semanas?", "{N} weeks ago"), (r"há\s+{N}\s+meses", "{N} months ago"),
        (r"há\s+{N}\s+anos", "{N} years ago"),
    ),
    "nl": (
        (r"eergisteren", "2 days ago"), (r"gisteren", "yesterday"),
        (r"vanochtend|vanmorgen", "this morning"), (r"vanavond", "tonight"),
        (r"vandaag", "today"), (r"vorige\s+week", "last week"),
        (r"{N}\s+(?:uur|minuten)\s+geleden", "today"),
        (r"{N}\s+dagen\s+geleden", "{N} days ago"), (r"{N}\s+weken\s+geleden", "{N} weeks ago"),
        (r"{N}\s+maanden\s+geleden", "{N} months ago"), (r"{N}\s+jaar\s+geleden", "{N} years ago"),
    ),
    "pl": (
        (r"przedwczoraj", "2 days ago"), (r"wczoraj", "yesterday"),
        (r"dzisiaj\s+rano|dziś\s+rano", "this morning"), (r"dzisiaj|dziś", "today"),
        (r"w\s+(?:zeszłym|ubiegłym)\s+tygodniu", "last week"),
        (r"{N}\s+(?:godzin[y]?|minut[y]?)\s+temu", "today"), (r"{N}\s+dni\s+temu", "{N} days ago"),
        (r"{N}\s+tygodni[e]?\s+temu", "{N} weeks ago"), (r"{N}\s+lat[a]?\s+temu", "{N} years ago"),
    ),
    "tr": (
        (r"evvelsi\s+gün", "2 days ago"), (r"dün\s+gece", "last night"), (r"dün", "yesterday"),
        (r"bu\s+sabah", "this morning"), (r"bu\s+akşam", "tonight"), (r"bugün", "today"),
        (r"geçen\s+hafta", "last week"),
        (r"{N}\s+(?:saat|dakika)\s+önce", "today"), (r"{N}\s+gün\s+önce", "{N} days ago"),
        (r"{N}\s+hafta\s+önce", "{N} weeks ago"), (r"{N}\s+ay\s+önce", "{N} months ago"),
        (r"{N}\s+yıl\s+önce", "{N} years ago"),
    ),
    "ru": (
        (r"позавчера", "2 days ago"), (r"вчера", "yesterday"),
        (r"сегодня\s+утром", "this morning"), (r"сегодня", "today"),
        (r"на\s+прошлой\s+неделе", "last week"),
        (r"{N}\s+(?:часа|часов|час|минут[уы]?)\s+назад", "today"),
        (r"{N}\s+(?:дня|дней|день)\s+назад", "{N} days ago"),
        (r"{N}\s+(?:недели|недель|неделю)\s+назад", "{N} weeks ago"),
        (r"{N}\s+(?:года|лет|год)\s+назад", "{N} years ago"),
    ),
    "uk": (
        (r"позавчора", "2 days ago"), (r"вчора", "yesterday"), (r"сьогодні", "today"),
        (r"минулого\s+тижня", "last week"),
        (r"{N}\s+(?:дні|днів|день)\s+тому", "{N} days ago"),
    ),
    "ar": (
        (r"أول\s+(?:أمس|امس)", "2 days ago"), (r"مساء\s+(?:أمس|امس)", "last night"),
        (r"(?:أمس|امس|الأمس|البارحة)", "yesterday"),
        (r"صباح\s+اليوم", "this morning"), (r"مساء\s+اليوم", "this evening"),
        # ("اليوم التالي", "اليوم نفسه": the next day, the same day, not today)
        (r"اليوم(?!\s+(?:التالي|نفسه|ذاته|الذي|الأول|الثاني|الثالث|الأخير|العالمي|الوطني))", "today"),
        (r"الأسبوع\s+الماضي", "last week"),
        (r"قبل\s+{N}\s+(?:ساعات|ساعة|دقائق|دقيقة)", "today"),
        (r"قبل\s+{N}\s+(?:أيام|يوما|يوماً)", "{N} days ago"),
        (r"قبل\s+{N}\s+(?:أسابيع|أسبوعا)", "{N} weeks ago"),
        (r"قبل\s+{N}\s+(?:سنوات|أعوام|عاما|عاماً)", "{N} years ago"),
    ),
    "id": (
        (r"kemarin\s+malam", "last night"), (r"kemarin", "yesterday"), (r"pagi\s+ini", "this morning"),
        (r"hari\s+ini", "today"), (r"(?:pekan|minggu)\s+lalu", "last week"),
        (r"{N}\s+(?:jam|menit)\s+(?:yang\s+)?lalu", "today"),
        (r"{N}\s+hari\s+(?:yang\s+)?lalu", "{N} days ago"),
    ),
    "el": ((r"χθες", "yesterday"), (r"σήμερα", "today")),
    "fa": ((r"دیروز", "yesterday"), (r"امروز", "today"), (r"هفته\s+گذشته", "last week")),
    "ku": ((r"duh", "yesterday"), (r"îro", "today")),
}  # fmt: skip

#: Words before a date that say how the text speaks of it: "since", "from", "until", "in"/"on".
#: ``AT`` becomes "in" before a year or a month of a year and "on" before a day.
_PREPOSITIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": ((r"depuis(?:\s+le|\s+l['’]année)?", "since"), (r"à\s+partir\s+du|à\s+partir\s+de|dès\s+le|dès", "from"),
           (r"jusqu['’](?:au|à|en)", "until"), (r"vers\s+le", "by"), (r"en|le|au\s+cours\s+de", "AT")),
    "de": ((r"seit(?:\s+dem)?", "since"), (r"ab(?:\s+dem)?", "from"), (r"bis(?:\s+zum)?", "until"),
           (r"im\s+Jahr|im|am|in", "AT")),
    "es": ((r"desde(?:\s+el)?", "since"), (r"a\s+partir\s+del?", "from"), (r"hasta(?:\s+el)?", "until"),
           (r"en\s+el\s+año|en|el", "AT")),
    "it": ((r"dal|dall['’]|sin\s+dal|da", "since"), (r"a\s+partire\s+dal", "from"), (r"fino\s+al", "until"),
           (r"nel|il|lo\s+scorso", "AT")),
    "pt": ((r"desde(?:\s+o)?", "since"), (r"a\s+partir\s+de", "from"), (r"até", "until"),
           (r"em|no\s+dia|no", "AT")),
    "nl": ((r"sinds|sedert", "since"), (r"vanaf", "from"), (r"tot", "until"), (r"in|op", "AT")),
    "pl": ((r"od", "since"), (r"do", "until"), (r"w|we", "AT")),
    "ru": ((r"начиная\s+с|с", "since"), (r"до", "until"), (r"в|во", "AT")),
    "uk": ((r"з|із|від", "since"), (r"до", "until"), (r"в|у", "AT")),
    "tr": (),
    "ar": ((r"منذ(?:\s+(?:عام|سنة|العام))?", "since"), (r"ابتداء\s+من|اعتبارا\s+من|اعتباراً\s+من", "from"),
           (r"حتى", "until"), (r"في(?:\s+(?:عام|العام|يوم))?|يوم|عام", "AT")),
    "id": ((r"sejak", "since"), (r"hingga|sampai", "until"), (r"pada(?:\s+tahun)?|tahun", "AT")),
    "el": ((r"από\s+το|από", "since"), (r"έως|μέχρι", "until"), (r"στις|στο|την|το", "AT")),
    "fa": ((r"از", "since"), (r"تا", "until"), (r"در", "AT")),
    "ku": ((r"ji", "since"), (r"di", "AT")),
}  # fmt: skip

_DAY_FIRST_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>" + _YEAR + r")(?![\d])"
)
_YEAR_FIRST_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<y>" + _YEAR + r")(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
)
#: A day and a month of another language ("28 février 2020", "24. Februar", "12 de abril de
#: 2021", "5 أبريل/ نيسان 2017", "الـ 12 من تشرين الثاني", "28 Şubat'ta", "5 марта 2020 года").
_DAY_MONTH = re.compile(
    r"(?<![\d.,])(?P<d>3[01]|[12]\d|0?[1-9])(?:\.|º|°|er|-?го|-?е)?\s*(?:de\s+|del\s+|من\s+|ى\s+)?"
    rf"{_B}(?P<m>{_MONTH_ALT}){_E}\.?(?:\s*/\s*(?:{_MONTH_ALT}){_E})?(?:['’][^\W\d]+)?"
    rf"(?:,?\s+(?:de\s+|del\s+|of\s+)?(?P<y>{_YEAR})(?!\d)(?:['’][^\W\d]+)?(?:\s*(?:года|году|г\.|р\.|r\.|року|yılı|m\.))?)?"
    rf"(?:\s+(?P<post>{_LAST_WORDS}|{_NEXT_WORDS}){_E})?",
    re.IGNORECASE,
)
#: A month of a year ("mars 2011", "marzo de 2011", "Şubat 2020", "آذار 2011").
_MONTH_YEAR = re.compile(
    rf"{_B}(?P<m>{_MONTH_ALT}){_E}\.?(?:\s*/\s*(?:{_MONTH_ALT}){_E})?,?\s+(?:de\s+|del\s+|من\s+(?:عام|العام)\s+)?(?P<y>{_YEAR})(?!\d)"
    r"(?:\s*(?:года|году|г\.|р\.|r\.|року))?",
    re.IGNORECASE,
)
#: A Hijri date and the Gregorian day it "corresponds to" (الموافق): the weekday written before
#: the Hijri date is the Gregorian day's ("الأحد 12 ربيع الأول 1441 هـ الموافق 10 نوفمبر 2019").
_CORRESPONDING = re.compile(
    rf"(?P<wd>{_EN_WEEKDAY_ALT})\s*[،,]?\s+(?P<hijri>[^\n]{{1,40}}?)\s*الموافق\s*(?=\d)"
)
#: A year's word after it: "в 2014 году", "с 2011 года", "w 2014 r.".
_YEAR_WORD = re.compile(rf"(?<!\d)({_YEAR})\s*(?:года|году|год|року|рік|г\.|р\.|r\.|roku)(?!\w)")
#: Turkish years with their case endings: "2011'den beri" (since), "2014'te" (in).
_TR_SINCE = re.compile(
    rf"(?<!\d)({_YEAR})(?:['’](?:den|dan|ten|tan)|\s+yılından)\s+(?:beri|bu\s+yana|itibaren)"
)
_TR_IN = re.compile(rf"(?<!\d)({_YEAR})(?:['’](?:de|da|te|ta)|\s+yılında){_E}")
#: Turkish days with "gecesi", "günü", "sabahı" after them ("18 Ağustos gecesi").
_TR_DAY_PART = re.compile(rf"(\d (?:{_EN_MONTH_ALT})) (?:gecesi|günü|sabahı|akşamı){_E}")


def _conjunction(lang: str) -> str:
    """An Arabic word may carry "and" or "so" in front of it: "وأمس", "ومنذ"."""
    return "(?:[وف])?" if lang == "ar" else ""


def _relative_subs(lang: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    out = []
    for pattern, english in _RELATIVE.get(lang, ()):
        body = pattern.replace("{N}", r"(?P<n>\d{1,2})")
        regex = re.compile(_B + _conjunction(lang) + f"(?:{body})" + _E, re.IGNORECASE)

        def sub(m: re.Match[str], english: str = english) -> str:
            return english.replace("{N}", m.group("n")) if "{N}" in english else english

        out.append((regex, sub))
    return out


def _weekday_pattern(lang: str) -> re.Pattern[str] | None:
    names = FOREIGN_WEEKDAYS.get(lang)
    if not names:
        return None
    prefix = r"(?:[وبفل](?=ال))?" if lang == "ar" else ""  # "والأحد", "بالجمعة"
    return re.compile(
        rf"(?:{_B}(?P<pre>{_LAST_WORDS}|{_NEXT_WORDS})\s+)?{_B}{prefix}(?P<wd>{_alternation(names)}){_E}"
        rf"(?:\s+(?P<post>{_LAST_WORDS}|{_NEXT_WORDS}){_E})?",
        re.IGNORECASE,
    )


def _preposition_pattern(lang: str) -> re.Pattern[str] | None:
    preps = _PREPOSITIONS.get(lang)
    if not preps:
        return None
    alternatives = "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(preps))
    date_after = rf"(?:\d|(?:{_EN_MONTH_ALT}|{_EN_WEEKDAY_ALT}|next|last)\b)"
    return re.compile(
        rf"{_B}{_conjunction(lang)}(?:{alternatives}){_E}\s*(?={date_after})", re.IGNORECASE
    )


_CACHE: dict[str, tuple] = {}


def _tables(lang: str) -> tuple:
    found = _CACHE.get(lang)
    if found is None:
        found = _CACHE[lang] = (
            _relative_subs(lang),
            _weekday_pattern(lang),
            _preposition_pattern(lang),
        )
    return found


def _month_word(name: str) -> str:
    return _EN_MONTHS[FOREIGN_MONTHS[name.lower()] - 1]


def _day_month(m: re.Match[str]) -> str:
    out = f"{int(m.group('d'))} {_month_word(m.group('m'))}"
    if m.group("y"):
        out += f" {m.group('y')}"
    post = (m.group("post") or "").lower()
    if post and re.fullmatch(_NEXT_WORDS, post):
        return "next " + out
    return out


def _numeric(m: re.Match[str]) -> str:
    a, b, year = int(m.group("a")), int(m.group("b")), m.group("y")
    day, month = (a, b) if b <= 12 else (b, a)  # day first, unless that cannot be
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group(0)
    return f"{day:02d}.{month:02d}.{year}"


def _year_first(m: re.Match[str]) -> str:
    month, day = int(m.group("m")), int(m.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group(0)
    return f"{m.group('y')}-{month:02d}-{day:02d}"


def gloss_dates(text: str, lang: str) -> str:
    """``text`` with the date words of ``lang`` written in English and numeric dates day first
    (see the module's docstring); the text itself when it holds no digits nor date words."""
    if not text:
        return text
    out = text.translate(_DIGITS) if not text.isascii() else text
    relative, weekday, preposition = _tables(lang)
    for regex, sub in relative:
        out = regex.sub(sub, out)
    out = _YEAR_FIRST_NUMERIC.sub(_year_first, out)
    out = _DAY_FIRST_NUMERIC.sub(_numeric, out)
    out = _DAY_MONTH.sub(_day_month, out)
    out = _MONTH_YEAR.sub(lambda m: f"{_month_word(m.group('m'))} {m.group('y')}", out)
    if lang == "tr":
        out = _TR_SINCE.sub(r"since \1", out)
        out = _TR_IN.sub(r"in \1", out)
        out = _TR_DAY_PART.sub(r"\1", out)
    elif lang in ("ru", "uk", "pl"):
        out = _YEAR_WORD.sub(r"\1", out)
    if weekday is not None:
        names = FOREIGN_WEEKDAYS[lang]

        def wd(m: re.Match[str]) -> str:
            english = _EN_WEEKDAYS[names[m.group("wd").lower()]]
            shift = f"{m.group('pre') or ''} {m.group('post') or ''}".lower()
            if re.search(_NEXT_WORDS, shift):
                return f"next {english}"
            if re.search(_LAST_WORDS, shift):
                return f"last {english}"
            return english

        out = weekday.sub(wd, out)
    if lang == "ar":
        out = _CORRESPONDING.sub(r"\g<hijri> الموافق \g<wd> ", out)
    if preposition is not None:
        preps = _PREPOSITIONS[lang]

        def prep(m: re.Match[str]) -> str:
            index = next(i for i in range(len(preps)) if m.group(f"p{i}") is not None)
            english = preps[index][1]
            if english == "AT":
                rest = out[m.end() : m.end() + 40]
                english = (
                    "in"
                    if re.match(rf"(?:{_YEAR}\b(?![.-]\d)|(?:{_EN_MONTH_ALT}) {_YEAR})", rest)
                    else "on"
                )
            return english + " "

        out = preposition.sub(prep, out)
    return _BARE_YEAR.sub(_bare_year, out)


#: A four-digit number standing alone, not in a date the gloss wrote ("2000 مقاتل", "die 2019er
#: Offensive"): in another language its neighbours cannot say whether it is a year or a count.
_BARE_YEAR = re.compile(rf"(?<![\w#$№.,/:-])(?P<y>{_YEAR})(?![\w%]|[.,/:-]\d)")
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|from|until|on|by|of|{_EN_MONTH_ALT})|[(\[])\s*$", re.IGNORECASE
)


def _bare_year(m: re.Match[str]) -> str:
    """A year the gloss's words introduce ("since 2011", "in 2014", "March 2011") stays; any
    other is marked so that the date rules do not read it as a year."""
    if _YEAR_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]):
        return m.group(0)
    return "#" + m.group(0)


#: Publication lines of other languages; a full date follows within a few words.
_PUBLISHED = re.compile(
    r"(?<!\w)(?:publié|publiée|mis\s+à\s+jour|mise\s+à\s+jour|veröffentlicht|aktualisiert|erstellt"
    r"|publicado|publicada|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt"
    r"|opublikowano|aktualizacja|data\s+publikacji|yayınlanma(?:\s+tarihi)?|yayın\s+tarihi"
    r"|giriş\s+tarihi|güncelleme(?:\s+tarihi)?|опубликовано|обновлено|дата\s+публикации"
    r"|опубліковано|оновлено|نشر\s+في|نُشر\s+في|نشر\s+بتاريخ|تاريخ\s+النشر|تاريخ\s+البث"
    r"|آخر\s+تحديث|تاريخ\s+التحديث|منتشر\s+شده|تاریخ\s+انتشار)(?!\w)[\s:：|–—-]*",
    re.IGNORECASE,
)
#: How far after the publication word its date may begin ("Publié le vendredi 28 février").
_PUBLISHED_REACH = 24


def publication_claims(gloss: str) -> list[DateClaim]:
    """The days the publication lines of a glossed text state (:func:`gloss_dates`), first
    the first one ("Giriş Tarihi: … Son Güncelleme: …" is published, then updated)."""
    from idlibtui.annotate.dates import find_dates

    out: list[DateClaim] = []
    for m in _PUBLISHED.finditer(gloss):
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
