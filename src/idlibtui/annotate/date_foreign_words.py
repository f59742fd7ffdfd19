# ruff: noqa: E501  (one language's words a line)
"""The words of dates in other languages beside their month and weekday names
(:mod:`date_words`): relative words ("hier", "gestern", "أمس", "il y a 3 jours"), the
prepositions that say how a text speaks of a date ("depuis", "seit", "منذ"), and the words after
a date that put it in the past or the future ("dernier", "المقبل"). Read by :mod:`date_foreign`.
"""

from __future__ import annotations

#: Words after a date that put it in the past ("dimanche dernier", "27 فبراير الماضي") or the
#: future ("le 15 mars prochain", "15 مارس المقبل"), any of the languages.
LAST_WORDS = (
    r"dernier|dernière|passé|passée|pasado|pasada|scorso|scorsa|passato|passada|passado"
    r"|vergangenen|vergangene|letzten|letzte|afgelopen|vorige|zeszły|zeszłą|ubiegły|ubiegłą"
    r"|geçen|прошлый|прошлую|прошлой|прошлого|минулого|минулу|الماضي|الماضية|المنصرم"
)
NEXT_WORDS = (
    r"prochain|prochaine|nächsten|nächste|kommenden|próximo|próxima|prossimo|prossima"
    r"|volgende|komende|przyszły|przyszłą|najbliższy|gelecek|önümüzdeki|следующий|следующую"
    r"|ближайший|наступного|المقبل|المقبلة|القادم|القادمة"
)

#: Relative words, by language: (pattern, English). ``{N}`` stands for a count in digits.
RELATIVE: dict[str, tuple[tuple[str, str], ...]] = {
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
        (r"vergangene\s+Woche|letzte\s+Woche|vorige\s+Woche", "last week"),
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
        (r"a\s+semana\s+passada|na\s+semana\s+passada", "last week"),
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
        (r"أمس|امس|الأمس|البارحة", "yesterday"),
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
        (r"hari\s+ini", "today"), (r"pekan\s+lalu|minggu\s+lalu", "last week"),
        (r"{N}\s+(?:jam|menit)\s+(?:yang\s+)?lalu", "today"),
        (r"{N}\s+hari\s+(?:yang\s+)?lalu", "{N} days ago"),
    ),
    "el": ((r"χθες", "yesterday"), (r"σήμερα", "today")),
    "fa": ((r"دیروز", "yesterday"), (r"امروز", "today"), (r"هفته\s+گذشته", "last week")),
    "ku": ((r"duh", "yesterday"), (r"îro", "today")),
}  # fmt: skip

#: Words before a date that say how the text speaks of it: "since", "from", "until", "in"/"on".
#: ``AT`` becomes "in" before a year or a month of a year and "on" before a day.
PREPOSITIONS: dict[str, tuple[tuple[str, str], ...]] = {
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
