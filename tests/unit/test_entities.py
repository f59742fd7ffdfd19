# ruff: noqa: E501  (test sentences read best whole)
"""Entities: gazetteer with transliteration-insensitive matching, rules, coreference."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idlibtui.annotate.entities import base_gazetteer, find_entities, fold, fold_name


def ents(text: str) -> list[tuple[str, str, str]]:
    out = []
    for m in find_entities(text):
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.type, m.canonical))
    return out


@pytest.mark.parametrize(
    ("spelling", "canonical", "type_"),
    [
        ("Erdogan", "Recep Tayyip Erdogan", "PERSON"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "PERSON"),
        ("HTS", "Hayat Tahrir al-Sham", "GROUP"),
        ("Hayat Tahrir al Sham", "Hayat Tahrir al-Sham", "GROUP"),
        ("Hay'at Tahrir ash-Sham", "Hayat Tahrir al-Sham", "GROUP"),
        ("Maaret al-Numan", "Maarat al-Numan", "PLACE"),
        ("Maarat al-Nu'man", "Maarat al-Numan", "PLACE"),
        ("Ma'arrat an-Nu'man", "Maarat al-Numan", "PLACE"),
        ("Maaret al Numan", "Maarat al-Numan", "PLACE"),
        ("Maʿarrat al-Nuʿmān", "Maarat al-Numan", "PLACE"),
        ("UN", "United Nations", "ORG"),
        ("United Nations", "United Nations", "ORG"),
        ("Assad", "Bashar al-Assad", "PERSON"),
        ("Bashar al Assad", "Bashar al-Assad", "PERSON"),
        ("Khan Sheikhoun", "Khan Shaykhun", "PLACE"),
        ("Jisr al-Shughur", "Jisr al-Shughur", "PLACE"),
        ("Daesh", "Islamic State", "GROUP"),
        ("Syria Civil Defence", "White Helmets", "ORG"),
        ("Nebenzya", "Vassily Nebenzia", "PERSON"),
    ],
)
def test_spellings_meet_at_one_canonical_name(spelling: str, canonical: str, type_: str) -> None:
    found = ents(f"Reports from {spelling} came in on Monday.")
    assert (spelling, type_, canonical) in found


def test_possessive_and_titles_are_not_in_the_span() -> None:
    found = ents("Syria's army and Turkey’s President Recep Tayyip Erdogan met Idlib's governor.")
    assert ("Syria", "PLACE", "Syria") in found
    assert ("Turkey", "PLACE", "Turkey") in found
    assert ("Idlib", "PLACE", "Idlib") in found
    assert ("Recep Tayyip Erdogan", "PERSON", "Recep Tayyip Erdogan") in found


def test_demonyms_are_not_entities() -> None:
    assert ents("Syrian and Russian-backed forces met Turkish troops and Iranian militias.") == []


def test_rules_for_unknown_names_and_surname_coreference() -> None:
    text = (
        "Protesters gathered, according to Yusuf Demirtas, a protest organizer. "
        "Syrian protester Leyla Haddad spoke. Spokesman Omar Farouk said the camp near Kafr Dariyan "
        'was full. "We are tired," said Hana Qassem. Demirtas told reporters more would come.'
    )
    found = ents(text)
    assert ("Yusuf Demirtas", "PERSON", "Yusuf Demirtas") in found
    assert ("Leyla Haddad", "PERSON", "Leyla Haddad") in found
    assert ("Omar Farouk", "PERSON", "Omar Farouk") in found
    assert ("Kafr Dariyan", "PLACE", "Kafr Dariyan") in found
    assert ("Hana Qassem", "PERSON", "Hana Qassem") in found
    assert ("Demirtas", "PERSON", "Yusuf Demirtas") in found


def test_places_after_cues() -> None:
    found = ents("Shelling hit the outskirts of Kafr Yahmul and villages near Tell Qarah.")
    assert ("Kafr Yahmul", "PLACE", "Kafr Yahmul") in found
    assert ("Tell Qarah", "PLACE", "Tell Qarah") in found
    # a known town inside a longer unknown name is not that town ("Halab" is Aleppo)
    assert ("Kafr Halab", "PLACE", "Kafr Halab") in ents(
        "Shelling hit the outskirts of Kafr Halab."
    )


def test_all_caps_aliases_need_their_case() -> None:
    assert ents("Who said what to us?") == []
    assert ("WHO", "ORG", "World Health Organization") in ents("The WHO said so.")


def test_the_gazetteer_is_broad() -> None:
    g = base_gazetteer()
    types = [e.type for e in g.entities.values()]
    assert len(types) >= 350
    for t in ("PERSON", "PLACE", "ORG", "GROUP"):
        assert types.count(t) >= 30


def test_fold_is_transliteration_insensitive() -> None:
    assert fold("Maaret") == fold("Maarrat") == fold("Ma'arrat")
    assert fold("el") == fold("al") == fold_name("an-Nu'man")[0]
    assert fold("an") != fold("al")  # English "an", "at", "as" are not the article
    assert fold("Erdoğan") == fold("Erdogan")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    for m in find_entities(text):
        assert text[m.start : m.end] == m.text
        assert m.type in ("PERSON", "PLACE", "ORG", "GROUP")


def test_no_two_gazetteer_entries_share_a_spelling() -> None:
    """After folding, a spelling belongs to one entity only (else the first silently wins)."""
    import tomllib
    from importlib import resources

    data = tomllib.loads(
        resources.files("idlibtui.annotate").joinpath("gazetteer.toml").read_text("utf-8")
    )
    owner: dict[tuple, str] = {}
    clashes = []
    for table in data.values():
        for canonical, aliases in table.items():
            for alias in (canonical, *aliases):
                compact = alias.replace(".", "")
                exact = compact if compact.isupper() and len(fold_name(alias)) == 1 else ""
                key = (fold_name(alias), exact)
                if owner.setdefault(key, canonical) != canonical:
                    clashes.append((alias, canonical, owner[key]))
    assert clashes == []


def test_a_place_that_begins_an_organisation_name() -> None:
    found = ents("The Idlib Health Directorate and the Raqqa Civil Council said so.")
    assert ("Idlib Health Directorate", "ORG", "Idlib Health Directorate") in found
    assert ("Raqqa Civil Council", "ORG", "Raqqa Civil Council") in found


# ---- Arabic script: names with the proclitics Arabic joins to them (written for the test) ----


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ("وصلت التعزيزات إلى ريف إدلب الجنوبي", "إدلب", "Idlib"),
        ("قصفت الطائرات سراقب وإدلب صباح اليوم", "إدلب", "Idlib"),
        ("دارت اشتباكات عنيفة بسراقب أمس", "سراقب", "Saraqib"),
        ("نزح آلاف المدنيين من خان شيخون", "خان شيخون", "Khan Shaykhun"),
        ("وقالت مصادر إن لمعرة النعمان أهمية كبيرة", "معرة النعمان", "Maarat al-Numan"),
        ("أعلنت هيئة تحرير الشام السيطرة على القرية", "هيئة تحرير الشام", "Hayat Tahrir al-Sham"),
        ("وأكد مصدر في الجيش السوري الحر أن الهجوم فشل", "الجيش السوري الحر", "Free Syrian Army"),
        ("وبحسب آخر حصيلة للأمم المتحدة نزح المئات", "لأمم المتحدة", "United Nations"),
    ],
)
def test_arabic_script_aliases_with_and_without_proclitics(
    text: str, surface: str, canonical: str
) -> None:
    found = {(m.text, m.canonical) for m in find_entities(text)}
    assert (surface, canonical) in found


def test_an_arabic_word_that_only_ends_like_a_name_is_not_it() -> None:
    # "ريف" (countryside) and "بريف" (in the countryside) name nothing; "وحلوى" is not Aleppo
    assert not find_entities("وصلت الحلوى بريف المدينة وحلوى العيد")
