"""Builders for hand-made articles with figures and entities (the comparison tests use them)."""

from __future__ import annotations

import datetime as dt
import re

from idlibtui.model import Article, Block, BlockKind, Figure, Mention


def blocks_of(text: str) -> tuple[Block, ...]:
    return tuple(
        Block(BlockKind.PARAGRAPH, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
    )


def article(
    text: str,
    *,
    id: str = "a",
    figures: tuple[Figure, ...] = (),
    entities: tuple[Mention, ...] = (),
    date: dt.date | None = None,
    source: str = "",
    title: str = "",
) -> Article:
    return Article(
        id=id,
        path=f"{id}.txt",
        raw=text,
        text=text,
        blocks=blocks_of(text),
        title=title,
        source=source,
        date=date,
        figures=figures,
        entities=entities,
    )


def _sentence_of(text: str, start: int) -> tuple[int, int]:
    s = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    if s == 1:
        s = 0
    e_candidates = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return s, min(e, len(text))


def fig(text: str, phrase: str, *, nth: int = 0, **fields) -> Figure:
    """A figure on the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    s, e = _sentence_of(text, start)
    fields.setdefault("kind", "count")
    return Figure(start=start, end=end, text=phrase, sentence_start=s, sentence_end=e, **fields)


def date_fig(text: str, phrase: str, day: dt.date, end: dt.date | None = None, **kw) -> Figure:
    return fig(text, phrase, kind="date", date=day, date_end=end, **kw)


def mention(text: str, phrase: str, canonical: str, type: str = "PLACE", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Mention(start, start + len(phrase), phrase, type, canonical)


def mentions(text: str, names: dict[str, tuple[str, str]]) -> tuple[Mention, ...]:
    """Every occurrence of each surface form: ``{surface: (canonical, type)}``."""
    out = []
    for surface, (canonical, type_) in names.items():
        for m in re.finditer(re.escape(surface), text):
            out.append(Mention(m.start(), m.end(), surface, type_, canonical))
    return tuple(sorted(out, key=lambda m: m.start))
