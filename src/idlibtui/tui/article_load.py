"""Load one article for a screen, from a worker thread, without Textual.

The reader and the compare screen both open articles by the path the index gives (relative to
the corpus) or an absolute one, through the cleaning and annotation pipeline with the user's
corrections. A file that cannot be read becomes an ``IngestProblem`` that the screen shows,
never an exception in the worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from idlibtui.model import Article, IngestProblem


def resolve_path(path: str | Path, settings: Any) -> Path:
    """An article path as given by the index (corpus-relative) or absolute."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate
    corpus = getattr(settings, "corpus", None)
    if corpus is not None and (Path(corpus) / candidate).exists():
        return Path(corpus) / candidate
    return candidate


def load(path: str | Path, settings: Any) -> Article | IngestProblem:
    """Load one article through the pipeline (call from a thread worker)."""
    from idlibtui.pipeline import load_article

    corpus = getattr(settings, "corpus", None)
    file = resolve_path(path, settings)
    try:
        article = load_article(
            file,
            Path(corpus) if corpus else None,
            corrections=getattr(settings, "corrections", None),
        )
    except Exception as error:  # the reader says what went wrong instead of crashing
        return IngestProblem(str(path), f"{type(error).__name__}: {error}")
    return _with_corpus_date(article, getattr(settings, "index", None))


def _with_corpus_date(article: Article | IngestProblem, index_dir: Any) -> Article | IngestProblem:
    """An article its text leaves undated, with the range the index's corpus post-pass lent it
    (and its evidence), as the results list and the facets show it."""
    if isinstance(article, IngestProblem) or index_dir is None:
        return article
    from idlibtui.annotate.corpus_dates import needs_corpus

    if not needs_corpus(article):
        return article
    from idlibtui.search.build.corpus_pass import apply_lent, record_in_index

    return apply_lent(article, record_in_index(index_dir, article.id))
