"""A passage or figure as a citation to paste into notes: the sentence, outlet, date with its
kind, title and file, so a reader of the notes can tell how firm the date is.

    “The UN said 235,000 people had fled.” — Al Jazeera, 2019-12-28 (stated), “Protests in
    Istanbul”, corpus/000.txt

The sentence is found in the cleaned text with the comparison's segmenter (a sentence never
crosses a block), so the reader, the compare screen and the export cite the same span.
"""

from __future__ import annotations

from pathlib import Path

from idlibtui.model import Article, DateKind
from idlibtui.textsafe import printable

MAX_QUOTE = 600
"""Longer sentences are cut (with an ellipsis) so one copy stays one readable line."""


def date_words(article: Article) -> str:
    """The date with how it is known: ``2020-01-21 (inferred)``, ``2019-12 … 2020-01
    (estimated)``, ``undated``."""
    kind = str(getattr(article, "date_kind", "") or "")
    earliest = getattr(article, "date_earliest", None)
    latest = getattr(article, "date_latest", None)
    if kind == DateKind.ESTIMATED and earliest is not None and latest is not None:
        return f"{earliest.isoformat()} to {latest.isoformat()} (estimated)"
    if article.date is None:
        return "undated"
    if not kind or kind == DateKind.UNKNOWN:
        kind = "inferred" if article.date_inferred else "stated"
    return f"{article.date.isoformat()} ({kind})"


def sentence_span(article: Article, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence(s) of the cleaned text holding ``[start, end)``."""
    from idlibtui.compare.sentences import split_span

    text = article.text
    end = start if end is None else end
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    block_start, block_end = 0, len(text)
    for block in article.blocks:
        if block.start <= start <= block.end:
            block_start, block_end = block.start, block.end
            break
    try:
        spans = split_span(text, block_start, block_end)
    except Exception:  # a segmenter problem never stops a copy: cite the block
        spans = [(block_start, block_end)]
    first = next((s for s in spans if s[0] <= start < s[1] or s[0] == start), None)
    last = next((s for s in spans if s[0] < end <= s[1]), first)
    if first is None:
        return (block_start, block_end)
    return (first[0], max(first[1], last[1] if last is not None else first[1]))


def quote(text: str) -> str:
    line = " ".join(printable(text).split())
    return line if len(line) <= MAX_QUOTE else line[: MAX_QUOTE - 1] + "…"


def citation(article: Article, start: int, end: int | None = None) -> str:
    """One line citing the sentence(s) around ``[start, end)`` of ``article``."""
    s, e = sentence_span(article, start, end)
    return cite_text(article, article.text[s:e])


def cite_text(article: Article, text: str) -> str:
    """One line citing ``text`` (already chosen) from ``article``."""
    where = [quote(article.source) or "unknown outlet", date_words(article)]
    if article.title:
        where.append(f"“{quote(article.title)}”")
    if article.path:
        where.append(printable(str(Path(article.path))))
    return f"“{quote(text)}” — " + ", ".join(where)
