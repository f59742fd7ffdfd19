"""An article's language is said in the results list and the reader (English, the default,
is not)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from idlibtui.model import Hit
from idlibtui.tui.screens.reader import header_content
from idlibtui.tui.widgets.results import hit_prompt
from tests.app.reader_harness import build_article


def _hit(lang: str) -> Hit:
    return Hit(
        id="1", path="a.txt", title="T", source="Outlet", date=dt.date(2020, 2, 3), score=1.0,
        lang=lang,
    )  # fmt: skip


def test_results_list_says_a_language_other_than_english() -> None:
    assert "ar" in hit_prompt(_hit("ar")).plain.split("\n")[1]
    assert hit_prompt(_hit("en")).plain == hit_prompt(_hit("")).plain


def test_reader_header_says_a_language_other_than_english() -> None:
    article = build_article(["x"], date=dt.date(2020, 2, 3))
    assert "language: tr" in header_content(dataclasses.replace(article, lang="tr")).plain
    assert "language" not in header_content(dataclasses.replace(article, lang="en")).plain
