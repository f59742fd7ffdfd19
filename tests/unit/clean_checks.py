"""What the cleaner family tests ask of a cleaned article: cleaned consistently, what went and
why, what was kept but flagged."""

from __future__ import annotations

from idlibtui.clean import clean_document
from idlibtui.model import Article
from tests.unit.test_clean_seeds import assert_consistent


def clean(text: str) -> Article:
    article = clean_document(text)
    assert_consistent(article)
    return article


def removed(article: Article) -> dict[str, str]:
    """Removed text (stripped) -> the reason it carries."""
    return {
        r.raw.strip(): r.note
        for r in article.repairs
        if r.replacement == "" and r.raw.strip() and r.kind != "space"
    }


def flags(article: Article) -> set[str]:
    return {r.note for r in article.repairs if r.kind == "flag"}
