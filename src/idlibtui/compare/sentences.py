"""Sentence segmentation as spans into the cleaned text.

Splits inside each block at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets)
followed by space and a capital, digit or opening quote; never after a known abbreviation
(``U.S.``, ``Dr.``, ``Jan.``), an initial, or inside a decimal (``3.6``). A line break inside a
block also ends a sentence (captions and headlines have no full stop).
"""

from __future__ import annotations

import re

from idlibtui.compare.model import Sentence
from idlibtui.model import Article


def _words(block: str) -> list[str]:
    return block.split()


ABBREVIATIONS = frozenset(
    _words(
        """
        mr mrs ms dr prof gen lt col maj capt sgt cpl pte adm cmdr rev sen rep gov pres st sr jr
        mt ft fig no nos vol vs etc inc ltd co corp dept univ est approx al jan feb mar apr jun
        jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.k
        u.n a.m p.m
        """
    )
)

# A sentence end: terminal punctuation, optional closers, then whitespace.
_END = re.compile(r"""(?:[.!?]+|…|\.\s\.\s\.)["'”’»)\]]*(?=\s+)""")
_NEXT_START = re.compile(r"""\s+["'“‘«(\[]?[\w\d]""")
_WORD_BEFORE = re.compile(r"""([\w.]+)$""")
_LINE = re.compile(r"[^\n]+")


def _is_abbreviation(text: str, dot: int, line_start: int) -> bool:
    """Is the ``.`` at ``dot`` the end of an abbreviation or an initial?"""
    match = _WORD_BEFORE.search(text, line_start, dot)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S", "E.U".
    return (
        bool(re.fullmatch(r"(?:\w\.)*\w", word))
        and len(word.replace(".", "")) <= 3
        and ("." in word or (len(word) == 1 and word.isalpha() and text[match.start(1)].isupper()))
    )


def split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (absolute offsets, trimmed of whitespace)."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        ls, le = line.start(), line.end()
        cur = ls
        for m in _END.finditer(text, ls, le):
            punct = text[m.start() : m.end()]
            nxt = _NEXT_START.match(text, m.end(), le)
            if not nxt:
                continue
            following = text[nxt.end() - 1]
            if not (following.isupper() or following.isdigit() or following in "\"'“‘«(["):
                # lower-case continuation: "he said. additional." stays one sentence only if
                # the punctuation is a lone dot after an abbreviation; otherwise still split
                # when the dot is "!" or "?" followed by a quote closer.
                continue
            if (
                punct.startswith(".")
                and not punct.startswith(". .")
                and _is_abbreviation(text, m.start(), ls)
            ):
                # "U.S. Ambassador" — an abbreviation, unless the next word is clearly a new
                # sentence after a multi-letter abbreviation like "etc." (rare; keep joined).
                continue
            spans.append((cur, m.end()))
            cur = nxt.start()
            while cur < le and text[cur].isspace():
                cur += 1
        spans.append((cur, le))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences, in order, block by block."""
    text = article.text
    blocks = [(b.start, b.end) for b in article.blocks] or [(0, len(text))]
    sentences: list[Sentence] = []
    for bi, (bs, be) in enumerate(blocks):
        for s, e in split_span(text, max(0, bs), min(len(text), be)):
            sentences.append(Sentence(len(sentences), s, e, bi))
    return tuple(sentences)
