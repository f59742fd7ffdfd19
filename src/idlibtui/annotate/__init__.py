"""Annotators: figures and named entities as spans into the cleaned text.

PLACEHOLDER until the figures-and-entities work lands: returns the article unchanged.
"""

from __future__ import annotations

from idlibtui.model import Article

ANNOTATOR_VERSION = "0"


def annotate(article: Article, corrections=None) -> Article:
    return article
