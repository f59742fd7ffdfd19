"""Sentence segmentation of an article as ``Sentence`` records, block by block.

The splitting itself is the project's one sentence splitter (``idlibtui.textanalysis``: ends at
``.``, ``!``, ``?``, ``…`` before a word that opens a sentence; never after a known abbreviation,
an initial or inside a decimal; a line break always ends one), the one the annotators use.
"""

from __future__ import annotations

from idlibtui.compare.model import Sentence
from idlibtui.model import Article
from idlibtui.textanalysis import ABBREVIATIONS as ABBREVIATIONS
from idlibtui.textanalysis import split_span as split_span


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences, in order, block by block."""
    text = article.text
    blocks = [(b.start, b.end) for b in article.blocks] or [(0, len(text))]
    sentences: list[Sentence] = []
    for bi, (bs, be) in enumerate(blocks):
        for s, e in split_span(text, max(0, bs), min(len(text), be)):
            sentences.append(Sentence(len(sentences), s, e, bi))
    return tuple(sentences)
