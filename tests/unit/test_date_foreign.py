"""Dates, publication lines and datelines of articles in other languages.

Every fixture is a sentence written for these tests (paraphrased news prose in the pattern real
pages use, not taken from any page).
"""

from __future__ import annotations

import datetime as dt

import pytest

from idlibtui.annotate import annotate
from idlibtui.annotate.date_foreign import gloss_dates, publication_claims
from idlibtui.annotate.dates import find_dates
from idlibtui.clean import clean_document
from idlibtui.clean.dateline import match_dateline
from idlibtui.model import DateKind

# --- the gloss: each language's date words in the one grammar -------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("fr", "Les combats ont repris le 28 février 2020 au sud d'Idlib.", dt.date(2020, 2, 28)),
        ("de", "Die Kämpfe begannen am 28. Februar 2020 südlich von Idlib.", dt.date(2020, 2, 28)),
        (
            "es",
            "Los combates se reanudaron el 12 de abril de 2021 en el sur.",
            dt.date(2021, 4, 12),
        ),
        (
            "it",
            "I combattimenti sono ripresi il 7 aprile 2018 nella provincia.",
            dt.date(2018, 4, 7),
        ),
        ("pt", "Os combates recomeçaram em 3 de março de 2020 no sul.", dt.date(2020, 3, 3)),
        ("nl", "De gevechten braken op 10 mei 2017 opnieuw uit.", dt.date(2017, 5, 10)),
        ("pl", "Walki wybuchły ponownie 28 lutego 2020 r. na południu.", dt.date(2020, 2, 28)),
        ("tr", "Çatışmalar 18 Ağustos 2019'da yeniden başladı.", dt.date(2019, 8, 18)),
        ("ru", "Бои возобновились 16 января 2020 года на юге провинции.", dt.date(2020, 1, 16)),
        ("uk", "Бої відновилися 5 березня 2020 року на півдні.", dt.date(2020, 3, 5)),
        ("ar", "تجددت الاشتباكات في ٥ أبريل ٢٠١٧ في ريف إدلب.", dt.date(2017, 4, 5)),
        ("ar", "تجددت الاشتباكات في 12 تشرين الثاني 2017 في ريف حلب.", dt.date(2017, 11, 12)),
        ("ar", "تجددت الاشتباكات في 5 أبريل/ نيسان 2017 في ريف إدلب.", dt.date(2017, 4, 5)),
        ("fa", "درگیری‌ها در ۲۸ فوریه ۲۰۲۰ در ادلب از سر گرفته شد.", dt.date(2020, 2, 28)),
        ("ku", "Şer di 9 cotmeh 2019 de li bakurê Sûriyeyê dest pê kir.", dt.date(2019, 10, 9)),
        (
            "id",
            "Helikopter itu ditembak jatuh pada Selasa 11 Februari 2020 malam.",
            dt.date(2020, 2, 11),
        ),
        (
            "el",
            "Οι περιπολίες ξεκίνησαν στις 18 Ιουνίου 2018 γύρω από την πόλη.",
            dt.date(2018, 6, 18),
        ),
    ],
)
def test_a_full_date_of_each_language_is_read(lang: str, text: str, day: dt.date) -> None:
    found = [m.date for m in find_dates(gloss_dates(text, lang), None) if m.precision == "day"]
    assert day in found


@pytest.mark.parametrize(
    ("lang", "text", "slash", "dotted"),
    [
        ("fr", "Mis en ligne le 05/03/2020, le communiqué", "05/03/2020", "05.03.2020"),
        ("ar", "بتاريخ 5/3/2020 أعلنت الوزارة", "5/3/2020", "05.03.2020"),
        ("tr", "19.8.2019 tarihinde yapılan açıklama", "19.8.2019", "19.08.2019"),
    ],
)
def test_numeric_dates_are_day_first(lang: str, text: str, slash: str, dotted: str) -> None:
    gloss = gloss_dates(text, lang)
    assert slash not in gloss and dotted in gloss
    days = [m.date for m in find_dates(gloss, None) if m.precision == "day"]
    assert days and days[0].day in (5, 19) and days[0].month in (3, 8)


@pytest.mark.parametrize(
    ("lang", "text", "english"),
    [
        ("fr", "L'armée a avancé vendredi 28 février.", "Friday 28 February"),
        ("de", "Am Montag, 24. Februar, meldete die Agentur", "on Monday, 24 February"),
        ("es", "El pasado lunes otro ataque mató a tres civiles.", "last Monday"),
        ("it", "Venerdì è stato diffuso il rapporto.", "Friday"),
        ("nl", "Turkije heeft dinsdag gedreigd.", "Tuesday"),
        ("pl", "W poniedziałek wojska wkroczyły do miasta.", "on Monday"),
        ("tr", "Pazartesi günü konvoy vuruldu.", "Monday"),
        ("ru", "Переговоры в четверг заняли шесть часов.", "on Thursday"),
        ("ar", "قتل جندي تركي، السبت، في قصف مدفعي.", "Saturday"),
        ("ar", "أعلنت الوزارة اليوم الأحد 18 مارس أن", "today Sunday 18 March"),
        ("ar", "قصفت الطائرات السوق أمس الأحد الـ 12 من تشرين الثاني", "Sunday 12 November"),
    ],
)
def test_weekdays_are_read_with_their_day(lang: str, text: str, english: str) -> None:
    assert english in gloss_dates(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "english"),
    [
        ("fr", "Hier, des roquettes sont tombées sur la ville.", "yesterday"),
        ("fr", "Publié il y a 2 heures, l'article dit", "today"),
        ("fr", "Il y a 3 jours, le convoi est parti.", "3 days ago"),
        ("de", "Gestern wurden zwei Soldaten getötet.", "yesterday"),
        ("es", "La ciudad fue tomada ayer por el ejército.", "yesterday"),
        ("tr", "Rejim güçleri dün ilçeyi ele geçirdi.", "yesterday"),
        ("ru", "Вчера армия вошла в город.", "yesterday"),
        ("ar", "قصفت الطائرات المدينة أمس بعد الظهر.", "yesterday"),
    ],
)
def test_relative_words_are_read(lang: str, text: str, english: str) -> None:
    assert english in gloss_dates(text, lang)


def test_the_corresponding_gregorian_day_carries_the_weekday() -> None:
    # "Sunday 12 Rabi al-Awwal 1441 AH, corresponding to 10 November 2019"
    gloss = gloss_dates("الأحد 12 ربيع الأول 1441 هـ الموافق 10 نوفمبر 2019", "ar")
    assert "Sunday 10 November 2019" in gloss
    assert not [m for m in find_dates(gloss, None) if m.precision == "year" and m.text == "1441"]


def test_a_day_right_after_a_sentence_is_read() -> None:
    gloss = gloss_dates("Армия оставила позиции.19 января боевики атаковали снова.", "ru")
    assert "19 January" in gloss
    # (a version number or a decimal is no day)
    assert "January" not in gloss_dates("Версия v1.19 января не вышла.", "ru")


def test_relative_words_belong_to_their_language() -> None:
    # German "hier" is "here", not the French "yesterday"
    assert "yesterday" not in gloss_dates("Hier leben noch viele Familien in Zelten.", "de")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La guerre dure depuis 2011 et a fait des centaines de milliers de morts."),
        ("de", "Der Krieg dauert seit 2011 an und hat Hunderttausende Tote gefordert."),
        ("es", "La guerra dura desde 2011 y ha dejado cientos de miles de muertos."),
        ("tr", "Savaş 2011'den beri sürüyor ve yüz binlerce kişi öldü."),
        ("ru", "Война идёт с 2011 года и унесла сотни тысяч жизней."),
        ("ar", "تدور الحرب منذ عام 2011 وقد أودت بحياة مئات الآلاف."),
    ],
)
def test_background_years_are_the_past_not_the_date(lang: str, text: str) -> None:
    assert "since 2011" in gloss_dates(text, lang)
    article = annotate(clean_document(f"{text} {_MORE[lang]}"))
    assert article.lang == lang
    assert article.date is None or article.date.year > 2011 or article.date_kind == "estimated"
    assert article.date_kind != DateKind.STATED.value


#: A second sentence in each language, so that the detector can tell it.
_MORE = {
    "fr": "Des milliers de familles ont fui vers la frontière turque et les camps sont pleins.",
    "de": "Tausende Familien sind an die türkische Grenze geflohen, die Lager sind überfüllt.",
    "es": "Miles de familias huyeron hacia la frontera turca y los campamentos están llenos.",
    "tr": "Binlerce aile Türkiye sınırına kaçtı ve kamplar tamamen doldu.",
    "ru": "Тысячи семей бежали к турецкой границе, лагеря переполнены беженцами.",
    "ar": "وفرت آلاف العائلات نحو الحدود التركية وامتلأت المخيمات بالنازحين.",
}


def test_a_bare_number_is_no_year_in_another_language() -> None:
    gloss = gloss_dates("وصل نحو 2000 مقاتل إلى المدينة في الصباح.", "ar")
    assert not [m for m in find_dates(gloss, None) if m.precision == "year"]


# --- publication lines -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "day"),
    [
        ("fr", "Publié le vendredi 28/02/2020 à 10h15", dt.date(2020, 2, 28)),
        ("de", "Veröffentlicht am 28.02.2020 um 09:14 Uhr", dt.date(2020, 2, 28)),
        ("es", "Actualizado: 05/03/2020 18:40", dt.date(2020, 3, 5)),
        (
            "tr",
            "Giriş Tarihi: 19.8.2019 13:30 Son Güncelleme: 19.8.2019 13:38",
            dt.date(2019, 8, 19),
        ),
        ("ru", "Опубликовано: 16 января 2020, 11:05", dt.date(2020, 1, 16)),
        ("ar", "نشر في: ٢٣/٤/٢٠١٥ - ١٠:٣٠", dt.date(2015, 4, 23)),
        ("ar", "تاريخ البث:23/4/2015", dt.date(2015, 4, 23)),
    ],
)
def test_publication_lines_are_stated_claims(lang: str, line: str, day: dt.date) -> None:
    claims = publication_claims(gloss_dates(line, lang))
    assert claims and claims[0].date == day and claims[0].source == "published line"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Selon un rapport publié le 5 mars 2019 par l'ONU, les civils fuient."),
        ("es", "El informe publicado el 5 de marzo de 2019 por la ONU advierte del éxodo."),
    ],
)
def test_a_publication_word_in_prose_is_no_claim(lang: str, text: str) -> None:
    assert publication_claims(gloss_dates(text, lang)) == []


def test_a_publication_line_mid_text_is_another_pages() -> None:
    body = "Les combats ont repris au sud de la province et des familles ont fui. " * 12
    text = f"{body}\n\nPublié le 12/01/2019 | Un autre article du site\n\n{body}"
    assert publication_claims(gloss_dates(text, "fr")) == []
    assert publication_claims(gloss_dates(f"Publié le 12/01/2019\n\n{body}", "fr"))


def test_a_publication_line_is_metadata_not_text() -> None:
    text = (
        "Giriş Tarihi: 19.8.2019 13:30 Son Güncelleme: 19.8.2019 13:38\n\n"
        "Rejim güçleri, ilçeye girmek için hava ve kara saldırısı başlattı. Çatışmalar ilçenin "
        "girişinde sürüyor ve binlerce sivil kuzeydeki kamplara doğru yola çıktı."
    )
    article = clean_document(text)
    assert not article.text.startswith("Giriş")
    assert [c.date for c in article.date_claims] == [dt.date(2019, 8, 19)]


def test_a_publication_line_states_the_articles_date() -> None:
    text = (
        "Giriş Tarihi: 19.8.2019 13:30 Son Güncelleme: 19.8.2019 13:38\n\n"
        "Rejim güçleri, ilçeye girmek için hava ve kara saldırısı başlattı. Çatışmalar ilçenin "
        "girişinde sürüyor ve binlerce sivil kuzeydeki kamplara doğru yola çıktı."
    )
    article = annotate(clean_document(text))
    assert article.lang == "tr"
    assert article.date == dt.date(2019, 8, 19)
    assert article.date_kind == DateKind.STATED.value


# --- the judgement -----------------------------------------------------------------------


def test_a_weekday_with_a_full_date_dates_the_article() -> None:
    text = (
        "Les forces gouvernementales sont entrées vendredi 28 février 2020 dans la ville, "
        "selon l'Observatoire. Des milliers de familles ont fui aujourd'hui vers la frontière "
        "turque, et les hôpitaux de la région manquent de médicaments."
    )
    article = annotate(clean_document(text))
    assert article.lang == "fr"
    assert article.date == dt.date(2020, 2, 28)
    assert article.date_kind in (DateKind.DERIVED.value, DateKind.ESTIMATED.value)
    assert "28 February 2020" in article.date_evidence


def test_yesterday_counts_from_a_stated_day() -> None:
    text = (
        "Анкара, 4 марта 2020, 16:10 — Турецкий президент заявил, что вчера армия нанесла "
        "удары по позициям в провинции Идлиб, а переговоры в Москве пройдут на этой неделе."
    )
    article = annotate(clean_document(text))
    assert article.lang == "ru"
    assert article.date == dt.date(2020, 3, 4)


def test_english_articles_are_not_glossed() -> None:
    # a French date quoted in an English report is no date of the English rules
    text = (
        "Government forces entered the town, the monitor said, quoting a leaflet headed "
        "'vendredi 28 février 2020'. Thousands of families fled towards the Turkish border."
    )
    article = annotate(clean_document(text))
    assert article.lang == "en"
    assert article.date != dt.date(2020, 2, 28) and "February" not in article.date_evidence


# --- datelines ---------------------------------------------------------------------------

_REST = " — the body of the report goes on long enough to be a paragraph of its own."


@pytest.mark.parametrize(
    ("line", "place", "tag"),
    [
        ("İSTANBUL (AA) - Türk Silahlı Kuvvetleri yeni bir açıklama yaptı", "İSTANBUL", "AA"),
        ("ŞANLIURFA (AA) - Sınırda bekleyen aileler kamplara yerleşti", "ŞANLIURFA", "AA"),
        ("DAMASKUS (dpa) - Die Armee hat die Stadt eingenommen", "DAMASKUS", "dpa"),
        ("BEYROUTH (AFP) - Les forces du régime ont repris la ville", "BEYROUTH", "AFP"),
        ("МОСКВА, 28 февраля. /ТАСС/. Министерство обороны сообщило", "МОСКВА", "ТАСС"),
        ("دمشق - سانا أعلنت وزارة الدفاع أن وحدات الجيش", "دمشق", "SANA"),
        ("حلب (رويترز) - قال سكان إن الطائرات قصفت", "حلب", "Reuters"),
        ("(Казань, 5 марта, «Татар-информ»). Президенты договорились", "Казань", "Татар-информ"),
    ],
)
def test_datelines_of_other_languages(line: str, place: str, tag: str) -> None:
    found = match_dateline(line + _REST)
    assert found is not None and found.place == place and found.tag == tag


def test_a_wire_in_capitals_before_a_body_in_another_script() -> None:
    found = match_dateline("Анкара, 4 марта 2020, 16:10 — REGNUM Президент заявил" + _REST)
    assert found is not None and found.tag == "REGNUM"
    # (in English the capitals after the dash are the sentence's subject)
    found = match_dateline("IDLIB — OCHA said that thousands of families had fled" + _REST)
    assert found is not None and found.tag == ""


def test_an_arabic_phrase_before_an_agency_is_no_dateline() -> None:
    assert match_dateline("قال مصدر - سانا إن الجيش تقدم" + _REST) is None


def test_a_russian_dateline_with_its_day_and_clock() -> None:
    found = match_dateline("Анкара, 4 марта 2020, 16:10 — Президент заявил" + _REST)
    assert found is not None and found.place == "Анкара"
    assert found.day == dt.date(2020, 3, 4) and found.year_known


def test_a_dateline_leaves_the_first_line_and_is_no_title_or_figure() -> None:
    text = (
        "МОСКВА, 28 февраля. /ТАСС/. Министерство обороны России сообщило, что турецкие "
        "военные оказались в районе ударов, о котором не предупредили заранее.\n\n"
        "По данным министерства, удары наносились по позициям боевиков в провинции Идлиб."
    )
    article = annotate(clean_document(text))
    assert article.dateline == "МОСКВА" and article.agency
    assert not article.text.startswith("МОСКВА")
    assert "МОСКВА" not in article.title and "28" not in article.title
    assert not [f for f in article.figures if f.text == "28"]
