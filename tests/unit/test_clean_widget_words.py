"""Page-widget labels in other languages (issue 13): follow-us, read-more, related, comment-form,
copyright and share lines go when they stand alone on their line (or head a short link); the
same words inside a sentence of report stay. Fixtures are written for these tests."""

from __future__ import annotations

import pytest

from idlibtui.clean import clean_document
from idlibtui.clean.chrome import chrome_note

WIDGETS = [
    ("Folgen Sie uns auf Facebook und Twitter", "follow-us line"),
    ("Suivez-nous sur Twitter", "follow-us line"),
    ("Síguenos en Instagram", "follow-us line"),
    ("Seguici su Facebook", "follow-us line"),
    ("Siga-nos no Twitter e Facebook", "follow-us line"),
    ("Bizi takip edin", "follow-us line"),
    ("Подписывайтесь на нас в Телеграм", "follow-us line"),
    ("تابعونا على فيسبوك وتويتر", "follow-us line"),
    ("Volg ons op Twitter", "follow-us line"),
    ("Ikuti kami di Instagram", "follow-us line"),
    ("Weiterlesen", "read-more link"),
    ("Leer más »", "read-more link"),
    ("Читать далее", "read-more link"),
    ("Baca selengkapnya", "read-more link"),
    ("Articoli correlati:", "related-stories label"),
    ("Похожие новости", "related-stories label"),
    ("Berita terkait", "related-stories label"),
    ("Deja un comentario", "comment form"),
    ("Laisser un commentaire", "comment form"),
    ("Оставить комментарий", "comment form"),
    ("اترك تعليقا", "comment form"),
    ("© 2021 Nordpost Alle Rechte vorbehalten.", "copyright footer"),
    ("Tüm hakları saklıdır.", "copyright footer"),
    ("جميع الحقوق محفوظة", "copyright footer"),
    ("Teilen auf Facebook", "share line"),
    ("Bagikan artikel ini", "share line"),
]


@pytest.mark.parametrize(("line", "kind"), WIDGETS)
def test_widget_label_in_another_language(line: str, kind: str) -> None:
    assert chrome_note(line) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Folgen Sie uns auf dem Weg nach Idlib, sagte der Kommandeur den Reportern.",
        "Er schrieb einen Kommentar über die Offensive im Norden.",
        "Подробнее о ситуации в провинции рассказал министр обороны.",
        "المزيد من القتلى في قصف على المدينة",
        "Les rebelles ont dit que tous droits réservés ne s'appliquent pas ici.",
        "Leer más sobre la guerra fue imposible para los desplazados.",
    ],
)
def test_the_words_inside_prose_stay(sentence: str) -> None:
    assert chrome_note(sentence) is None


def test_german_page_loses_its_widgets_and_keeps_its_report() -> None:
    one = "Regierungstruppen haben am Sonntag das Dorf Tal Hamra eingenommen, meldete eine Gruppe."
    two = "Tausende Bewohner flohen nach Norden in Richtung der türkischen Grenze."
    art = clean_document(
        f"Armee nimmt Dorf im Norden ein\n\n{one}\n\n{two}\n\nFolgen Sie uns auf Twitter\n\n"
        "Schreiben Sie einen Kommentar\n\n© 2020 Nordpost Alle Rechte vorbehalten.\n"
    )
    assert one in art.text and two in art.text
    assert "Twitter" not in art.text and "Kommentar" not in art.text
    assert "vorbehalten" not in art.text
