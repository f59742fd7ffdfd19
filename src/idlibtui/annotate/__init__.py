"""Annotators: figures and named entities as spans into the cleaned text.

``annotate(article, corrections=None)`` returns the article with ``figures`` (numbers with what
they count, and dates resolved against the article's date) and ``entities`` (PERSON, PLACE,
ORG, GROUP mentions with canonical names) filled in. ``corrections`` is a loaded
:class:`~idlibtui.annotate.corrections.Corrections`, a path to a corrections file, or None.
``ANNOTATOR_VERSION`` changes whenever the output changes, so the index rebuilds.
"""

from __future__ import annotations

import dataclasses
import functools
import os

from idlibtui.annotate.corrections import (
    Corrections,
    CorrectionsError,
    load_corrections,
)
from idlibtui.annotate.date_foreign import gloss_dates, publication_claims
from idlibtui.annotate.dates import find_dates, scan_triggers, text_tokens
from idlibtui.annotate.dating import judge_date, reported_events
from idlibtui.annotate.entities import find_entities
from idlibtui.annotate.figures import find_figures, trigger_groups
from idlibtui.model import Article, DateKind
from idlibtui.versions import ANNOTATOR_VERSION, corrections_fingerprint

__all__ = [
    "ANNOTATOR_VERSION",
    "Corrections",
    "CorrectionsError",
    "annotate",
    "annotate_text",
    "corrections_fingerprint",
    "date_article",
    "load_corrections",
]


def _resolve(corrections: Corrections | str | os.PathLike[str] | None) -> Corrections | None:
    if corrections is None or isinstance(corrections, Corrections):
        return corrections
    return load_corrections(corrections)


def english_rules_apply(lang: str) -> bool:
    """Whether the English-only annotators (figures, dates) may run on a text in ``lang``:
    on English, and on text whose language is unknown (most of it is English); never on a text
    known to be in another language, where "21. Jahrhundert" or "200 mil civis" would become
    false figures."""
    return not lang or lang == "en"


def annotate_text(
    text: str,
    anchor=None,
    *,
    anchor_inferred: bool = False,
    corrections=None,
    lang: str = "",
):
    """``(figures, entities)`` for a bare text; what ``annotate`` does for an article.
    Entities (gazetteer names) are found in any language; figures only where
    :func:`english_rules_apply`."""
    corr = _resolve(corrections)
    text = text or ""
    # one tokenizing pass shared by the three annotators (and by the cleaner's date inference)
    tokens = text_tokens(text)
    if english_rules_apply(lang):
        scan = scan_triggers(tokens, trigger_groups())  # one pass for where matches can start
        dates = find_dates(text, anchor, tokens=tokens)
        figures = find_figures(
            text, anchor, anchor_inferred=anchor_inferred, dates=dates, tokens=tokens, scan=scan
        )
    else:
        figures = []
    if corr is not None and not corr.empty:
        entities = corr.finder().find(text, tokens)
    else:
        entities = find_entities(text, tokens=tokens)
    return tuple(figures), tuple(entities)


def date_article(article: Article, corrections: Corrections | None = None) -> Article:
    """The article with its date judged from its claims and its text (a date supplied with the
    article or set in the corrections file is kept as it is); the corrections file's
    ``[[event]]`` tables join the events timeline."""
    if article.date_kind == DateKind.SUPPLIED:
        return article
    if article.date is not None and not article.date_kind:
        # dated by its caller (a collection's metadata, a test): supplied, not judged
        return dataclasses.replace(
            article, date_kind=DateKind.SUPPLIED.value, date_earliest=article.date,
            date_latest=article.date,
        )  # fmt: skip
    # the text's own dates are read with the English rules: another language's text is read
    # with its date words written in English (date_foreign), its publication lines as claims
    text, claims = article.text, article.date_claims
    if not english_rules_apply(article.lang) and text:
        text = gloss_dates(text, article.lang)
        claims = (*claims, *publication_claims(text))
    timeline = corrections.timeline() if corrections is not None else None
    # the events are found only if the judgement needs them (most articles say their date)
    body = text  # (another language: its gloss, whose time words the events rules read)
    events = functools.partial(reported_events, body, timeline) if body else None
    judgement = judge_date(text, claims, events or ())
    return dataclasses.replace(
        article,
        date=judgement.date,
        date_kind=judgement.kind.value,
        date_earliest=judgement.earliest,
        date_latest=judgement.latest,
        date_evidence=judgement.evidence,
        date_inferred=judgement.kind not in (DateKind.STATED, DateKind.SUPPLIED),
    )


def annotate(
    article: Article, corrections: Corrections | str | os.PathLike[str] | None = None
) -> Article:
    article = date_article(article, _resolve(corrections))
    figures, entities = annotate_text(
        article.text,
        article.date,
        anchor_inferred=article.date_inferred,
        corrections=corrections,
        lang=article.lang,
    )
    return dataclasses.replace(article, figures=figures, entities=entities)
