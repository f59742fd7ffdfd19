"""Citations: the sentence around a span, and the date with how it is known."""

from __future__ import annotations

import datetime as dt

from idlibtui.cite import citation, date_words, sentence_span
from idlibtui.model import Article, Block, BlockKind

TEXT = "A title\n\nShelling went on. The UN said 235,000 people fled. Talks resume Monday."


def article(**fields) -> Article:
    blocks = (Block(BlockKind.TITLE, 0, 7), Block(BlockKind.PARAGRAPH, 9, len(TEXT)))
    base = {"id": "x", "path": "2019/report.txt", "raw": TEXT, "text": TEXT, "blocks": blocks}
    return Article(**{**base, **fields})


def test_sentence_around_a_figure_stays_inside_its_sentence() -> None:
    a = article()
    at = TEXT.index("235,000")
    s, e = sentence_span(a, at, at + 7)
    assert TEXT[s:e] == "The UN said 235,000 people fled."
    s, e = sentence_span(a, TEXT.index("Shelling"), TEXT.index("Talks") + 2)
    assert TEXT[s:e].startswith("Shelling") and TEXT[s:e].endswith("Monday.")


def test_date_words_say_how_the_date_is_known() -> None:
    day = dt.date(2019, 12, 28)
    assert date_words(article()) == "undated"
    assert date_words(article(date=day)) == "2019-12-28 (stated)"
    assert date_words(article(date=day, date_inferred=True)) == "2019-12-28 (inferred)"
    assert date_words(article(date=day, date_kind="derived")) == "2019-12-28 (derived)"
    estimated = article(
        date=day,
        date_kind="estimated",
        date_earliest=dt.date(2019, 12, 1),
        date_latest=dt.date(2020, 1, 15),
    )
    assert date_words(estimated) == "2019-12-01 to 2020-01-15 (estimated)"


def test_citation_is_one_line_with_outlet_date_title_and_file() -> None:
    a = article(source="Al Jazeera", title="A title", date=dt.date(2019, 12, 28))
    at = TEXT.index("235,000")
    assert citation(a, at, at + 7) == (
        "“The UN said 235,000 people fled.” — Al Jazeera, 2019-12-28 (stated), “A title”, "
        "2019/report.txt"
    )
    hostile = article(source="Evil\x1b]0;x\x07 Outlet")
    assert "\x1b" not in citation(hostile, 0) and "unknown outlet" not in citation(hostile, 0)
