"""Each article's language is detected, stored, serialised, and keeps English rules off others."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from idlibtui.annotate import annotate
from idlibtui.clean import clean_document
from idlibtui.clean.lang import detect_language
from idlibtui.serialize import article_to_dict

# Fixtures written for these tests (paraphrased news prose, not taken from any page).
TEXTS = {
    "en": "Government forces pushed into the south of the province on Monday, and aid groups "
    "said that thousands of families had left their homes for camps near the border.",
    "de": "Die Regierungstruppen sind am Montag in den Süden der Provinz vorgerückt. "
    "Hilfsorganisationen berichten, dass Tausende Familien in Lager an der Grenze geflohen sind.",
    "fr": "Les forces gouvernementales sont entrées lundi dans le sud de la province, et les "
    "organisations humanitaires affirment que des milliers de familles ont fui vers la frontière.",
    "es": "Las fuerzas del gobierno avanzaron el lunes en el sur de la provincia y las "
    "organizaciones de ayuda dijeron que miles de familias huyeron hacia la frontera.",
    "pt": "As forças do governo avançaram na segunda-feira no sul da província, e as "
    "organizações de ajuda disseram que milhares de famílias fugiram para a fronteira.",
    "tr": "Hükümet güçleri pazartesi günü vilayetin güneyine ilerledi ve yardım kuruluşları "
    "binlerce ailenin sınırdaki kamplara kaçtığını söyledi.",
    "ar": "تقدمت القوات الحكومية يوم الاثنين في جنوب المحافظة، وقالت منظمات الإغاثة إن آلاف "
    "العائلات نزحت إلى المخيمات القريبة من الحدود.",
    "pl": "Siły rządowe wkroczyły w poniedziałek na południe prowincji, a organizacje pomocowe "
    "poinformowały, że tysiące rodzin uciekło do obozów przy granicy.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_language_of_an_article(lang: str) -> None:
    article = clean_document(TEXTS[lang])
    assert article.lang == lang
    assert detect_language(TEXTS[lang]) == lang


@pytest.mark.parametrize("text", ["", "12 34 56", "Keep reading"])
def test_too_little_text_has_no_language(text: str) -> None:
    assert detect_language(text) == ""


def test_english_with_many_names_stays_english() -> None:
    text = (
        "Hay'at Tahrir al-Sham and the Syrian National Army held Maarat al-Numan, Kafr Nabl, "
        "Saraqib and Jisr al-Shughur until the army took them in the winter offensive."
    )
    assert detect_language(text) == "en"


def test_language_in_json_and_in_the_readable_view(tmp_path: Path) -> None:
    article = clean_document(TEXTS["de"])
    assert article_to_dict(article)["lang"] == "de"
    path = tmp_path / "a.txt"
    path.write_text(TEXTS["de"], encoding="utf-8")
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {"PYTHONPATH": src, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "idlibtui", "clean", "--json", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(out.stdout)["lang"] == "de"
    out = subprocess.run(
        [sys.executable, "-m", "idlibtui", "clean", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "Language: de" in out.stdout


@pytest.mark.parametrize(
    "text",
    [
        "Im 21. Jahrhundert hat kein Krieg so viele Menschen aus Idlib vertrieben, sagte die "
        "Organisation am Dienstag in Genf.",
        "A violência colocou em risco mais de 200 mil civis na área de Idlib, segundo as "
        "Nações Unidas, e 3 milhões vivem na região.",
    ],
)
def test_no_english_rule_figures_on_other_languages(text: str) -> None:
    article = annotate(clean_document(text))
    assert article.lang in {"de", "pt"}
    assert article.figures == ()
    # names from the gazetteer are still found where written in Latin script
    assert any(m.canonical == "Idlib" for m in article.entities)


def test_english_articles_still_get_figures() -> None:
    text = "At least 12 civilians were killed in air strikes on Idlib on Tuesday, rescuers said."
    article = annotate(clean_document(text))
    assert article.lang == "en"
    assert article.figures


def test_arabic_script_names_of_main_places_and_groups_are_found() -> None:
    text = (
        "قالت هيئة تحرير الشام إن القصف طال مدينة إدلب، وأفاد المرصد السوري لحقوق الإنسان "
        "بأن الطائرات قصفت معرة النعمان وريف حلب."
    )
    article = annotate(clean_document(text))
    assert article.lang == "ar"
    assert article.figures == ()
    found = {m.canonical for m in article.entities}
    assert {"Hayat Tahrir al-Sham", "Idlib", "Syrian Observatory for Human Rights"} <= found
    assert {"Maarat al-Numan", "Aleppo"} <= found


def test_the_build_warm_up_does_not_load_the_language_model() -> None:
    """The warm-up runs before the build forks its workers: a model it loads is inherited by
    (and counted in) every worker, ~116 MB each, although English text never needs it."""
    import subprocess
    import sys

    code = (
        "from idlibtui.search.build.work import _warm_up\n"
        "from idlibtui.clean.lang import _identifier\n"
        "_warm_up()\n"
        "assert _identifier.cache_info().currsize == 0, 'the warm-up loaded the model'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
