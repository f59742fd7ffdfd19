"""One file in, one annotated ``Article`` out: ingest, clean, annotate.

The index builder, the CLI and the app all go through here, so the three always agree on what an
article is. ``PIPELINE_VERSION`` changes whenever the cleaner or the annotators change, and a
change of it makes the index rebuild.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from idlibtui.annotate import Corrections, annotate, load_corrections
from idlibtui.clean import clean_document
from idlibtui.ingest import RawDocument, read_document, relative_to_corpus
from idlibtui.model import Article, IngestProblem
from idlibtui.versions import PIPELINE_VERSION

__all__ = ["PIPELINE_VERSION", "clean_only", "load_article", "process_document"]


def article_id(relative_path: str) -> str:
    """A short stable id from the corpus-relative path (the same file keeps its id)."""
    return hashlib.sha1(relative_path.encode("utf-8")).hexdigest()[:12]


def apply_metadata_corrections(article: Article, corrections: Corrections | None) -> Article:
    """The article with the date, outlet and title its ``[article."<path>"]`` section sets."""
    override = corrections.article_override(article.path, article.id) if corrections else None
    if override is None:
        return article
    evidence = f"set in the corrections file {corrections.path}"
    changes: dict = {}
    if override.date is not None:
        changes.update(date=override.date, date_inferred=False, date_evidence=evidence)
    if override.source:
        changes.update(source=override.source, source_evidence=evidence)
    if override.title:
        changes["title"] = override.title
    return dataclasses.replace(article, **changes)


def clean_only(doc: RawDocument, relative_path: str, *, corrections=None) -> Article:
    """Clean an already-read document and apply its metadata corrections, without annotation
    (no figures, entities or dates): what the index keeps of a file annotation cannot finish."""
    if corrections is not None and not isinstance(corrections, Corrections):
        corrections = load_corrections(corrections)
    article = clean_document(
        doc.text,
        path=relative_path,
        article_id=article_id(relative_path),
        encoding=doc.encoding,
        is_html=doc.is_html,
    )
    return apply_metadata_corrections(article, corrections)


def process_document(doc: RawDocument, relative_path: str, *, corrections=None) -> Article:
    """Clean and annotate an already-read document. ``corrections`` (a loaded ``Corrections``
    or a path to the file) fixes entities and, before annotation, the article's metadata."""
    if corrections is not None and not isinstance(corrections, Corrections):
        corrections = load_corrections(corrections)
    article = clean_only(doc, relative_path, corrections=corrections)
    return annotate(article, corrections=corrections)


def load_article(
    path: Path, corpus: Path | None = None, *, corrections=None
) -> Article | IngestProblem:
    """Read, clean and annotate one file; a file that cannot be read comes back as a problem."""
    relative = relative_to_corpus(path, corpus)
    doc = read_document(path)
    if isinstance(doc, IngestProblem):
        return IngestProblem(relative, doc.reason)
    return process_document(doc, relative, corrections=corrections)
