# ruff: noqa: E501  (one language's month names a line)
"""The word tables of dates: the project's one month table (English, and the month names of the
other languages its corpora hold), weekdays and number words.
"""

from __future__ import annotations

import datetime as dt

WAR_START = dt.date(2011, 3, 15)  # the uprising that became the Syrian war

#: The one month table of the project: the cleaner, the judge, datelines and entities use it.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTHS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3]: number for number, name in enumerate(MONTH_NAMES, 1) if name != "may"},
    "sept": 9,
}
#: Month names of the other languages the corpora hold (fr, de, es, it, pt, nl, sv, no, da, pl,
#: tr, id, fi, ru, lt, is; bg, et, az, tl, sw, hy, he, ar), as written in a day's date
#: ("16 января", "12 de abril", "28 Şubat", "27. helmikuuta", "28 فبراير"), lower case. Read only in a full date (a day, the month and a year) or a
#: metadata line, where "mars" or "mai" cannot be another word.
FOREIGN_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "janvier januar enero gennaio janeiro januari januar stycznia styczeń ocak januari tammikuuta января январь янв sausio janúar януари jaanuar yanvar enero januari հունվարի ינואר בינואר يناير",
            "février fevrier februar febrero febbraio fevereiro februari februar lutego luty şubat subat februari helmikuuta февраля февраль фев vasario febrúar февруари veebruar fevral pebrero februari փետրվարի פברואר בפברואר فبراير",
            "mars märz marz marzo março marco maart mars marca marzec mart maret maaliskuuta марта март мар kovo mars март märts mart marso machi մարտի מרץ במרץ مارس",
            "avril april abril aprile abril april april kwietnia kwiecień nisan april huhtikuuta апреля апрель апр balandžio apríl април aprill aprel abril aprili ապրիլի אפריל באפריל أبريل ابريل",
            "mai mai mayo maggio maio mei maj mai maja maj mayıs mayis mei toukokuuta мая май gegužės maí май mai may mayo mei մայիսի מאי במאי مايو",
            "juin juni junio giugno junho juni juni juni czerwca czerwiec haziran juni kesäkuuta июня июнь июн birželio júní юни juuni iyun hunyo juni հունիսի יוני ביוני يونيو",
            "juillet juli julio luglio julho juli juli juli lipca lipiec temmuz juli heinäkuuta июля июль июл liepos júlí юли juuli iyul hulyo julai հուլիսի יולי ביולי يوليو",
            "août aout august agosto agosto agosto augustus augusti august sierpnia sierpień ağustos agustos agustus elokuuta августа август авг rugpjūčio ágúst август august avqust agosto agosti օգոստոսի אוגוסט באוגוסט أغسطس اغسطس",
            "septembre september septiembre settembre setembro september september september września wrzesień eylül eylul september syyskuuta сентября сентябрь сен сент rugsėjo september септември september sentyabr setyembre septemba սեպտեմբերի ספטמבר בספטמבר سبتمبر",
            "octobre oktober octubre ottobre outubro oktober oktober oktober października październik ekim oktober lokakuuta октября октябрь окт spalio október октомври oktoober oktyabr oktubre oktoba հոկտեմբերի אוקטובר באוקטובר أكتوبر اكتوبر",
            "novembre november noviembre novembre novembro november november november listopada listopad kasım kasim november marraskuuta ноября ноябрь ноя lapkričio nóvember ноември november noyabr nobyembre novemba նոյեմբերի נובמבר בנובמבר نوفمبر",
            "décembre decembre dezember diciembre dicembre dezembro december december desember grudnia grudzień aralık aralik desember joulukuuta декабря декабрь дек gruodžio desember декември detsember dekabr disyembre desemba դեկտեմբերի דצמבר בדצמבר ديسمبر",
        ),
        1,
    )
    for name in names.split()
}
#: The Levantine (Syriac) month names of Syrian, Lebanese and Iraqi Arabic ("٥ نيسان ٢٠١٧",
#: "12 تشرين الأول 2019"), some of two words.
FOREIGN_MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            (
                ("كانون الثاني",),
                ("شباط",),
                ("آذار", "اذار"),
                ("نيسان",),
                ("أيار", "ايار"),
                ("حزيران",),
                ("تموز",),
                ("آب", "اب"),
                ("أيلول", "ايلول"),
                ("تشرين الأول", "تشرين الاول"),
                ("تشرين الثاني",),
                ("كانون الأول", "كانون الاول"),
            ),
            1,
        )
        for name in names
    }
)

#: Ukrainian and Greek (genitive, as written in a day's date), Persian (the Gregorian months) and
#: Kurdish (Kurmanji, Latin script; Sorani, Arabic script) month names, Egyptian Arabic variants.
FOREIGN_MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            (
                "січня ژانویه ژانویهٔ کانوونی_دووەم kanûna_paşîn ιανουαρίου",
                "лютого فوریه فوریهٔ شوبات sibat φεβρουαρίου",
                "березня مارس ئازار adar μαρτίου",
                "квітня آوریل إبريل نیسان nîsan απριλίου",
                "травня مه مهٔ ئایار gulan μαΐου",
                "червня ژوئن يونيه حوزەیران hezîran ιουνίου",
                "липня ژوئیه يوليه تەممووز tîrmeh ιουλίου",
                "серпня اوت آگوست ئاب tebax αυγούστου",
                "вересня سپتامبر ئەیلوول îlon σεπτεμβρίου",
                "жовтня اکتبر تشرینی_یەکەم cotmeh οκτωβρίου",
                "листопада نوامبر تشرینی_دووەم mijdar νοεμβρίου",
                "грудня دسامبر کانوونی_یەکەم kanûna_pêşîn δεκεμβρίου",
            ),
            1,
        )
        for name in (n.replace("_", " ") for n in names.split())
    }
)

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "few": 3,
    "several": 3,
    "couple of": 2,
}

#: Verbs after "due to" when it speaks of the future ("talks are due to resume"); before a noun
#: it gives a cause ("killed due to the shelling").
DUE_TO_VERB = (
    r"(?:be|begin|start|resume|hold|meet|take|arrive|visit|sign|open|travel|launch|vote|expire"
    r"|end|return|convene|announce|deliver|discuss|go|come|leave|submit|present|publish|release)"
)

#: Weekday names of other languages, by language (a name can be another word in another
#: language: Turkish "pazar" is also a market, Indonesian "minggu" a week), lower case, with the
#: case forms a date is written in ("в пятницу", "am Freitag", "الجمعة").
FOREIGN_WEEKDAYS: dict[str, dict[str, int]] = {
    lang: {name: number for number, names in enumerate(days) for name in names.split()}
    for lang, days in {
        "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag sonnabend",
               "sonntag"),
        "es": ("lunes", "martes", "miércoles miercoles", "jueves", "viernes", "sábado sabado",
               "domingo"),
        "it": ("lunedì lunedi", "martedì martedi", "mercoledì mercoledi", "giovedì giovedi",
               "venerdì venerdi", "sabato", "domenica"),
        "pt": ("segunda-feira segunda", "terça-feira terça", "quarta-feira quarta",
               "quinta-feira quinta", "sexta-feira sexta", "sábado", "domingo"),
        "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        "pl": ("poniedziałek poniedziałku", "wtorek wtorku", "środa środę środy",
               "czwartek czwartku", "piątek piątku", "sobota sobotę soboty",
               "niedziela niedzielę niedzieli"),
        "tr": ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"),
        "ru": ("понедельник", "вторник", "среда среду", "четверг", "пятница пятницу",
               "суббота субботу", "воскресенье"),
        "uk": ("понеділок", "вівторок", "середа середу", "четвер", "п'ятниця п'ятницю "
               "п’ятниця п’ятницю", "субота суботу", "неділя неділю"),
        "ar": ("الاثنين الإثنين", "الثلاثاء الثلثاء", "الأربعاء الاربعاء", "الخميس", "الجمعة",
               "السبت", "الأحد الاحد"),
        "fa": ("دوشنبه", "سه‌شنبه سه\u200cشنبه سهشنبه", "چهارشنبه", "پنجشنبه پنج‌شنبه",
               "جمعه", "شنبه", "یکشنبه یک‌شنبه"),
        "id": ("senin", "selasa", "rabu", "kamis", "jumat jum'at", "sabtu", "ahad"),  # ("minggu": a week too)
        "el": ("δευτέρα", "τρίτη", "τετάρτη", "πέμπτη", "παρασκευή", "σάββατο", "κυριακή"),
        "ku": ("duşem duşemê", "sêşem sêşemê", "çarşem çarşemê", "pêncşem pêncşemê",
               "roja_înê", "şemî şemiyê", "yekşem yekşemê"),
    }.items()
}  # fmt: skip
for _days in FOREIGN_WEEKDAYS.values():
    for _name in [n for n in _days if "_" in n]:
        _days[_name.replace("_", " ")] = _days.pop(_name)
