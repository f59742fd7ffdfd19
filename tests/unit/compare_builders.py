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


def long_pair(words: int = 5000, seed: int = 7) -> tuple[str, str]:
    """Two ~``words``-word texts built from the seed paragraphs (benchmark and scale tests).

    Left: the seed paragraphs, cycled, each copy after the first with its numbers and some
    words edited so that copies are paraphrases, not duplicates. Right: the same paragraphs
    shuffled, one in ten dropped, one in five with a number changed, plus a few new ones.
    """
    import random
    from pathlib import Path

    rng = random.Random(seed)
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    paras = [
        p.strip()
        for path in sorted(corpus.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 8
    ]
    swaps = [("said", "stated"), ("killed", "left dead"), ("Syrian", "Syria's"), ("the", "a")]

    def edit(p: str, k: int) -> str:
        p = re.sub(r"\d+", lambda m: str(int(m.group(0)) + k), p)
        old, new = swaps[k % len(swaps)]
        return p.replace(f" {old} ", f" {new} ", 2)

    left: list[str] = []
    k = 0
    while sum(len(p.split()) for p in left) < words:
        for p in paras:
            left.append(p if k == 0 else edit(p, k))
        k += 1
    while sum(len(p.split()) for p in left) > words:
        left.pop()
    right = [p for p in left if rng.random() > 0.1]
    rng.shuffle(right)
    right = [edit(p, 100) if rng.random() < 0.2 else p for p in right]
    for i in range(5):
        right.insert(rng.randrange(len(right)), f"A paragraph only the right has, number {i}.")
    return "\n\n".join(left), "\n\n".join(right)
