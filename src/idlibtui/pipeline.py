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
from idlibtui.model import Article, DateClaim, DateKind, IngestProblem
from idlibtui.supplied import Supplied, read_sidecar, split_front_matter, url_date, url_outlet
from idlibtui.versions import PIPELINE_VERSION

__all__ = ["PIPELINE_VERSION", "clean_only", "load_article", "process_document"]


def article_id(relative_path: str) -> str:
    """A short stable id from the corpus-relative path (the same file keeps its id)."""
    return hashlib.sha1(relative_path.encode("utf-8")).hexdigest()[:12]


def apply_metadata_corrections(article: Article, corrections: Corrections | None) -> Article:
    """The article with the date, outlet and title its ``[article."<path>"]`` section sets."""
    if corrections is None:
        return article
    override = corrections.article_override(article.path, article.id)
    if override is None:
        return article
    evidence = f"set in the corrections file {corrections.path}"
    changes: dict = {}
    if override.date is not None:
        changes.update(
            date=override.date,
            date_inferred=False,
            date_evidence=evidence,
            date_kind=DateKind.SUPPLIED.value,
            date_earliest=override.date,
            date_latest=override.date,
        )
    if override.source:
        changes.update(source=override.source, source_evidence=evidence)
    if override.title:
        changes["title"] = override.title
    return dataclasses.replace(article, **changes)


def apply_supplied(article: Article, supplied: Supplied | None) -> Article:
    """The article with what came with it: a URL (its date path is a claim of the day, its
    domain names the outlet when the text does not), and a supplied title, date and outlet,
    which beat inference."""
    if supplied is None or supplied.empty:
        return article
    changes: dict = {}
    claims = list(article.date_claims)
    if supplied.url:
        changes["url"] = supplied.url
        found = url_date(supplied.url)
        if found is not None:
            claims.append(DateClaim(found[0], found[1], "url", supplied.url[:120]))
        if not article.source:
            outlet = url_outlet(supplied.url)
            if outlet:
                changes.update(source=outlet, source_evidence=f"URL: {supplied.url[:120]}")
    changes["date_claims"] = tuple(claims)
    evidence = f"supplied ({supplied.where})"
    if supplied.date is not None:
        changes.update(
            date=supplied.date, date_inferred=False, date_evidence=evidence,
            date_kind=DateKind.SUPPLIED.value, date_earliest=supplied.date,
            date_latest=supplied.date,
        )  # fmt: skip
    if supplied.title:
        changes["title"] = supplied.title
    if supplied.outlet:
        changes.update(source=supplied.outlet, source_evidence=evidence)
    if supplied.lang:
        changes["lang"] = supplied.lang
    return dataclasses.replace(article, **changes)


def clean_only(
    doc: RawDocument,
    relative_path: str,
    *,
    corrections=None,
    supplied: Supplied | None = None,
) -> Article:
    """Clean an already-read document and apply what came with it and its metadata
    corrections, without annotation (no figures, entities or judged date): what the index keeps
    of a file annotation cannot finish. ``supplied``: else its sidecar and front matter."""
    if corrections is not None and not isinstance(corrections, Corrections):
        corrections = load_corrections(corrections)
    text = doc.text
    front, offset = split_front_matter(text)
    if offset:
        text = text[offset:]
    if supplied is None and doc.path.name not in ("", "-"):
        supplied = read_sidecar(doc.path)
    supplied = _merge(supplied, front)
    article = clean_document(
        text,
        path=relative_path,
        article_id=article_id(relative_path),
        encoding=doc.encoding,
        is_html=doc.is_html,
    )
    article = apply_supplied(article, supplied)
    return apply_metadata_corrections(article, corrections)


def process_document(
    doc: RawDocument,
    relative_path: str,
    *,
    corrections=None,
    supplied: Supplied | None = None,
) -> Article:
    """Clean and annotate an already-read document. ``corrections`` (a loaded ``Corrections``
    or a path to the file) fixes entities and, before annotation, the article's metadata;
    ``supplied`` is what came with the article (else its sidecar and front matter are read)."""
    if corrections is not None and not isinstance(corrections, Corrections):
        corrections = load_corrections(corrections)
    article = clean_only(doc, relative_path, corrections=corrections, supplied=supplied)
    return annotate(article, corrections=corrections)


def _merge(first: Supplied | None, second: Supplied | None) -> Supplied | None:
    """``first`` with the fields it lacks taken from ``second``."""
    if first is None or second is None:
        return first or second
    return dataclasses.replace(
        first,
        url=first.url or second.url,
        title=first.title or second.title,
        date=first.date or second.date,
        outlet=first.outlet or second.outlet,
        lang=first.lang or second.lang,
        where=f"{first.where}; {second.where}",
    )


def load_article(
    path: Path, corpus: Path | None = None, *, corrections=None
) -> Article | IngestProblem:
    """Read, clean and annotate one file; a file that cannot be read comes back as a problem."""
    relative = relative_to_corpus(path, corpus)
    doc = read_document(path)
    if isinstance(doc, IngestProblem):
        return IngestProblem(relative, doc.reason)
    return process_document(doc, relative, corrections=corrections)
