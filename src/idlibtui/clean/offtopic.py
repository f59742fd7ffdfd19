"""Another story inserted into the report: a heading and its paragraph that share no word with
the rest of the page (a sports report or a phone launch under its own headline in a page about
a siege). A subheading announces what follows in the report's own words ("Hundreds flee" over a
paragraph on the people who fled): at least one of its words, or most of its paragraph's, is
found elsewhere on the page. Such an insert is spam or another page's teaser, not the report.
"""

from __future__ import annotations

import re
from functools import lru_cache

from idlibtui.clean.lines import _Line
from idlibtui.model import BlockKind

# words too common to tie two passages together
_COMMON = frozenset(
    [
        "the",
        "and",
        "but",
        "that",
        "this",
        "these",
        "those",
        "with",
        "from",
        "into",
        "over",
        "after",
        "before",
        "about",
        "against",
        "between",
        "through",
        "during",
        "under",
        "above",
        "again",
        "once",
        "than",
        "then",
        "there",
        "here",
        "which",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "since",
        "until",
        "also",
        "only",
        "other",
        "such",
        "very",
        "more",
        "most",
        "some",
        "many",
        "much",
        "both",
        "each",
        "have",
        "been",
        "were",
        "will",
        "would",
        "could",
        "should",
        "might",
        "must",
        "their",
        "them",
        "they",
        "said",
        "says",
        "told",
        "according",
        "first",
        "last",
        "year",
        "years",
        "week",
        "weeks",
        "time",
        "people",
        "just",
        "like",
    ]
)
_WORD = re.compile(r"[a-z][a-z'’-]{3,}")


@lru_cache(maxsize=4096)
def _line_stems(text: str) -> frozenset[str]:
    """Content words cut to five letters ("Swedes"/"Sweden", "fled"/"flee" aside)."""
    return frozenset([w[:5] for w in _WORD.findall(text.lower()) if w not in _COMMON])


_FUNCTION = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "by",
        "as",
        "at",
        "from",
    ]
)


def _english_lines(texts: list[str]) -> bool:
    """English prose (the lines joined): one word in eight at least is a common function word
    (the stems tie passages of English; other languages' endings would hide a shared word)."""
    words = function = 0
    for text in texts:
        n, f = _word_counts(text)
        words += n
        function += f
    return words >= 40 and function * 8 >= words


@lru_cache(maxsize=4096)
def _word_counts(text: str) -> tuple[int, int]:
    """How many words ``text`` holds, and how many of them are common function words."""
    words = text.lower().split()
    return len(words), sum(1 for w in words if w in _FUNCTION)


def off_topic_inserts(kept: list[_Line]) -> None:
    """Drop a heading with no word in common with the rest of the page, and the paragraph after
    it when at most one word in eight of it is found elsewhere on the page."""
    texts = [ln.text for ln in kept]
    for i, ln in enumerate(kept):
        if ln.drop is not None or ln.kind is not BlockKind.HEADING or i + 1 >= len(kept):
            continue
        para = kept[i + 1]
        if para.drop is not None or para.kind is not BlockKind.PARAGRAPH:
            continue
        head, body = _line_stems(ln.text), _line_stems(para.text)
        if len(head) < 2 or len(body) < 15:
            continue
        # the page's other lines, read line by line (no word runs across the space that
        # would join them): what each holds is kept for the next round and the next heading
        others = texts[:i] + texts[i + 2 :]
        rest = frozenset().union(*map(_line_stems, others))
        if len(rest) < 50 or head & rest or not _english_lines([*others, para.text]):
            continue
        if len(body & rest) * 8 <= len(body):
            ln.drop = ("boilerplate", "off-topic insert (heading)")
            para.drop = ("boilerplate", "off-topic insert")
