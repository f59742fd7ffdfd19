"""Full-text search over the cleaned corpus: the API the app and the CLI use.

Opening and searching::

    from idlibtui import search
    index = search.open_index(settings.index)     # once per process; raises IndexMissing /
                                                 # IndexUnavailable with a readable message
    results = index.search('idlib "cease fire" date:[2019-12 to 2020-02]',
                           page=1, page_size=20, sort="relevance",   # or "date"
                           filters={"source": ["Al Jazeera"], "year": ["2019"]})
    # -> model.SearchResults: hits (id, path, title, source, date, date_inferred, score,
    #    snippet, snippet_hits, text_hits), total, facets {"source", "year", "entity"},
    #    suggestion, elapsed_ms, parsed_query.  Raises model.QueryError(message, position).
    index.get(article_id)          # stored fields + "text" + "figures" (list of dicts) or None
    index.iter_documents(query)    # every (matching) document, same dicts as get()
    index.all_titles()             # [(id, title, source, date)] sorted by title
    index.doc_count
    index.refresh()                # picks up a newer commit (search() does this itself)

An empty query gives every article, newest first. Each search checks whether the index changed
on disk and reopens cheaply if so, so one ``SearchIndex`` serves a whole app session. Calls are
serialised by a lock, so the object can be shared by worker threads.

Query language (one parser, ``search.query``): plain words (stemmed), ``"phrases"``,
``AND``/``OR``/``NOT`` (or ``-word``) and parentheses, ``title:``, ``source:"Washington Post"``,
``entity:"Recep Tayyip Erdogan"`` (canonical names, case-insensitive; ``entity:erdogan`` matches
names containing the word), ``date:2019``, ``date:2019-12``, ``date:2019-12-28``,
``date:[2019-12 to 2020-02]`` (inclusive periods, ``[2019 to]`` open), prefixes ``displac*`` and
wildcards ``refuge?s`` (at least two letters before the wildcard; expansion capped at 64 terms).

Each article's words are analysed for its language (``search.lang_analysis``: English as
before; Whoosh's Snowball stemmer and stopwords for da de es fi fr hu it nl no pt ro ru sv; a
light Arabic stemmer; a plain analysis for the others), and a query word is looked up in its
form for each language the index holds (only a ``lang`` filter's, when one is given).

Highlighting: ``search.highlight.match_offsets(query, text, lang)`` gives the ``(start, end)``
offsets of the query's words in any text, with the index's own tokenizer and analysis.

Building (in a separate process from the app; ``idlibtui index --progress=json`` prints one JSON
object per line)::

    from idlibtui.search.build import update_index, index_status
    report = update_index(corpus_dir, index_dir, rebuild=False, corrections=None,
                          progress=callback, workers=None)     # -> BuildReport
    status = index_status(corpus_dir, index_dir)               # -> IndexStatus, stat only

``update_index`` raises ``build.CorpusError`` for a missing corpus and ``IndexLocked`` if a live
process holds the index. The engine sits behind ``SearchBackend`` (``search.backend``); Whoosh is
today's implementation (``search.whoosh_backend``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from idlibtui.search.backend import (
    IndexLocked,
    IndexMissing,
    IndexUnavailable,
    SearchBackend,
    SearchError,
)

if TYPE_CHECKING:
    from idlibtui.search.whoosh_backend import WhooshIndex as SearchIndex

__all__ = [
    "IndexLocked",
    "IndexMissing",
    "IndexUnavailable",
    "SearchBackend",
    "SearchError",
    "SearchIndex",
    "open_index",
]


def __getattr__(name: str) -> Any:
    """``SearchIndex`` (the type ``open_index`` returns) is imported on first use.

    Importing the engine costs about a tenth of a second; ``idlibtui index`` and the build
    workers need only ``search.build``, so the package itself stays light.
    """
    if name == "SearchIndex":
        from idlibtui.search.whoosh_backend import WhooshIndex

        return WhooshIndex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_index(index_dir: Path | str) -> SearchIndex:
    """Open the index at ``index_dir`` (raises ``IndexMissing``/``IndexUnavailable``)."""
    from idlibtui.search.whoosh_backend import WhooshIndex

    return WhooshIndex(Path(index_dir))
