"""The article's language in the index: a ``lang:`` query field, a facet, on each hit."""

from __future__ import annotations

from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.search.build import update_index

# Written for the test (paraphrased reports, no page text).
ENGLISH = (
    "Army shells villages south of Idlib\n\n"
    "Government forces shelled villages south of Idlib overnight, and residents said many "
    "families had left for the border with Turkey on Tuesday."
)
FRENCH = (
    "L'armée bombarde des villages au sud d'Idleb\n\n"
    "Les forces du régime ont bombardé dans la nuit des villages au sud de la province, et des "
    "habitants ont dit que de nombreuses familles avaient fui vers la frontière avec la Turquie."
)
GERMAN = (
    "Armee beschießt Dörfer südlich von Idlib\n\n"
    "Die Regierungstruppen haben in der Nacht Dörfer im Süden der Provinz beschossen, und die "
    "Bewohner sagten, dass viele Familien an die Grenze zur Türkei geflohen seien."
)


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    root = tmp_path_factory.mktemp("lang")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in (("en.txt", ENGLISH), ("fr.txt", FRENCH), ("de.txt", GERMAN)):
        (corpus / name).write_text(text, encoding="utf-8")
    update_index(corpus, root / "index", workers=1)
    return search.open_index(root / "index")


def paths(results) -> set[str]:
    return {Path(h.path).name for h in results.hits}


def test_lang_field_finds_the_articles_in_that_language(ix) -> None:
    assert paths(ix.search("lang:fr")) == {"fr.txt"}
    assert paths(ix.search("language:de")) == {"de.txt"}
    assert paths(ix.search("idlib NOT lang:en")) == {"de.txt"}  # the French one says "Idleb"


def test_lang_is_a_facet_and_a_filter(ix) -> None:
    everything = ix.search("")
    assert everything.facets["lang"] == {"de": 1, "en": 1, "fr": 1}
    only = ix.search("", filters={"lang": ["fr"]})
    assert paths(only) == {"fr.txt"}


def test_each_hit_carries_its_language(ix) -> None:
    assert {Path(h.path).name: h.lang for h in ix.search("").hits} == {
        "en.txt": "en",
        "fr.txt": "fr",
        "de.txt": "de",
    }
