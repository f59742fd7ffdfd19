"""The Whoosh schema: what is indexed, what is stored, what is a column.

Large values (the cleaned text and the figures JSON) live in compressed per-document columns,
not in the stored-fields dict, so listing titles or reading the manifest never unpickles bodies.
The manifest (path, size, mtime, sha256, pipeline version) is stored in the index itself, so it
commits atomically with the documents it describes.
"""

from __future__ import annotations

from pathlib import Path

import whoosh
from whoosh import columns, fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer, StopFilter, Token

#: The Whoosh release the fast path's codec is written against (it reads Whoosh's own blocks
#: and private attributes): pinned in pyproject.toml, and checked here so that another release
#: is a clear error at start, never an index misread in silence.
WHOOSH_VERSION = (2, 7, 5)


class EngineVersionError(RuntimeError):
    """The installed Whoosh is not the release idlibtui's index code is written for."""


def check_engine_version(found: tuple[int, ...] | None = None) -> None:
    """Raise ``EngineVersionError`` (with the fix) unless Whoosh is ``WHOOSH_VERSION``."""
    found = tuple(whoosh.__version__) if found is None else tuple(found)
    if found[:3] != WHOOSH_VERSION:
        want = ".".join(map(str, WHOOSH_VERSION))
        have = ".".join(map(str, found))
        raise EngineVersionError(
            f"idlibtui needs whoosh-reloaded {want} (found Whoosh {have}); reinstall with "
            f"pip install 'whoosh-reloaded=={want}' (and never Whoosh 2.7.4 beside it)"
        )


check_engine_version()

#: Bumped whenever the schema or what we put in it changes; part of every document's version.
#: 5: the numpy sidecar, and a rebuild of indexes whose postings the spilled-run reader of 4
#: could corrupt (builds of more than ~2,700 articles). 6: the date's kind and range, agency, url.
#: 7: the sidecar's postings as varint gaps (search/sidecar.py format 2, a third of the size).
#: 8: folded terms (search/fold.py), exact spellings beside them, numbers with separators.
#: 9: the article's language (``lang``: a query field and a facet).
#: 10: the sidecar's positions as 16-bit values (search/sidecar_postings.py format 3: 7's
#: varint positions decoded too slowly for a cold phrase at 50k).
#: 11: folding fixes: no exact term for a number's separators, no empty term for a token of
#: marks alone, "central" no longer folded as "centre" + "al".
#: 12: the body's postings only in the sidecar (Whoosh keeps none, see ``SIDECAR_ONLY``), the
#: text compressed in blocks of articles, the figures stored by column, entity names compressed
#: and not stored twice, the path not indexed.
#: 13: each article's words analysed for its language (search/lang_analysis.py: Whoosh's
#: Snowball stemmer and stopwords, a light Arabic stemmer, a plain analysis for the others).
#: 14: a stem another language's stemmer made is tagged with the language ("de~mark"), so that
#: it never matches an English article's word.
#: 15: each article's corpus record (``corpus``: the news it reports, its firm day, the range
#: the corpus lends an undated one), for the build's corpus post-pass.
SCHEMA_VERSION = "15"

#: The Whoosh index name; a schema change gives a new name, so an old index is never misread.
INDEX_NAME = f"idlibtui{SCHEMA_VERSION}"


def index_exists(index_dir: Path) -> bool:
    """Whether a TOC of our index is there (readable or not: opening says which)."""
    return index_dir.is_dir() and any(index_dir.glob(f"_{INDEX_NAME}_*.toc"))


def other_index_exists(index_dir: Path) -> bool:
    """Whether some Whoosh index (ours of another schema version, or not ours) is there."""
    return index_dir.is_dir() and any(index_dir.glob("_*.toc"))


#: One tokenizer pattern for every text field (and for highlighting), so offsets agree. A number
#: with thousands separators is one token ("700,000"); apostrophes and ayn/hamza marks (' ’ ‘ `,
#: and ʿ ʾ which are word characters) join a word's parts (Nu'man, Ma`arrat): folding
#: (search/fold.py) then removes them.
TOKEN_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\w+(?:[.'’‘`]?\w+)*"


def stemming_analyzer():
    return StemmingAnalyzer(expression=TOKEN_PATTERN, minsize=1, cachesize=100_000)


def plain_analyzer():
    """Unstemmed, lowercased words (with stopwords kept out) for spelling and prefix expansion."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(minsize=2)


#: The pre-analyzed fields' tokens: runs of non-spaces (the index builder relies on this).
PRE_ANALYZED_PATTERN = r"[^ ]+"


#: Inside one pre-analyzed token, the terms that share its position ("erdogan|=erdoğan").
SAME_POSITION = "|"


class PreAnalyzedTokenizer(RegexTokenizer):
    """Splits on spaces, as ``RegexTokenizer(PRE_ANALYZED_PATTERN)`` does, and gives each
    ``|``-separated alternative of a token the same position (a folded term and its exact
    spelling, see ``highlight.index_terms``). The builder's own splitter (build.py
    ``_split_postings``) does the same without Token objects."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):  # fmt: skip
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for item in value.split(" "):
            if not item:
                continue
            for alt in item.split(SAME_POSITION):
                t.text = alt
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = alt
                if positions:
                    t.pos = pos
                yield t
            pos += 1


def pre_analyzed():
    """Title and body arrive already tokenized, folded and stemmed (by
    ``highlight.index_terms`` in the cleaning workers, in parallel): the writer only splits."""
    return PreAnalyzedTokenizer(PRE_ANALYZED_PATTERN)


#: The attribute marking a field whose postings Whoosh does not keep: the sidecar
#: (search/sidecar.py) is their only copy, read by the fast path and merged by the writer.
SIDECAR_ONLY = "idlibtui_sidecar_only"

#: Whether a new index also keeps the body's postings (with positions) in Whoosh's own files,
#: as a second copy: only the tests' oracle (Whoosh's own search, to compare the fast path
#: with) needs it, and it doubled the index's size. Set by the tests, never by the app.
ORACLE_POSTINGS = False


def sidecar_only(fieldobj) -> bool:
    """Whether Whoosh keeps no postings of this field (the sidecar holds them)."""
    return bool(getattr(fieldobj, SIDECAR_ONLY, False))


def build_schema(oracle: bool | None = None) -> fields.Schema:
    """The schema of a new index; with ``oracle`` (default ``ORACLE_POSTINGS``) Whoosh keeps
    the body's postings too."""
    schema = _schema()
    if not (ORACLE_POSTINGS if oracle is None else oracle):
        setattr(schema["b"], SIDECAR_ONLY, True)
    return schema


def _schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        path=fields.STORED(),
        title=fields.STORED(),
        # Stems of the title and of title + text, space separated, stopwords dropped.
        t=fields.TEXT(analyzer=pre_analyzed(), field_boost=2.0),
        b=fields.TEXT(analyzer=pre_analyzed(), phrase=True),
        # Unstemmed companion (each distinct word once): "did you mean" and prefix expansion.
        plain=fields.TEXT(analyzer=pre_analyzed(), phrase=False),
        source=fields.ID(stored=True, sortable=True),
        date=fields.DATETIME(stored=True, sortable=True),
        date_inferred=fields.BOOLEAN(stored=True),
        # how the date is known (stated, derived, estimated, supplied) and an estimate's range
        date_kind=fields.STORED(),
        date_range=fields.STORED(),
        agency=fields.ID(stored=True, sortable=True),
        # ISO 639-1 code of the article's language ("" when unknown): lang:ar, a facet
        lang=fields.ID(stored=True, sortable=True),
        url=fields.STORED(),
        year=fields.ID(stored=True, sortable=True),
        month=fields.ID(stored=True, sortable=True),
        # "YYYY-MM-DD", or absent: sorting newest first puts undated articles last.
        day=fields.ID(sortable=True),
        # Canonical entity names as keywords (original case; matched case-insensitively).
        entity=fields.KEYWORD(commas=True, scorable=False, lowercase=False),
        # Each entity's type and mention count, "TYPE:count", aligned with ``entity_col``'s
        # names and joined by U+001F (the names are not stored twice).
        entity_kinds=fields.STORED(),
        dateline=fields.STORED(),
        # what the corpus post-pass of the build reads (search/build/corpus_pass.py): the news
        # it reports, its firm day, whether its text leaves it undated, the range lent to it
        corpus=fields.STORED(),
        word_count=fields.STORED(),
        # The cleaned text, the canonical entity names (joined by U+001F) and the figures (by
        # column, search/figure_codec.py), compressed in blocks of 32 KB: articles share much
        # of their wording and names (read by search/columns.py ``Blocks``).
        text_col=fields.COLUMN(columns.CompressedBlockColumn(level=3, blocksize=32)),
        entity_col=fields.COLUMN(columns.CompressedBlockColumn(level=3, blocksize=32)),
        figures_col=fields.COLUMN(columns.CompressedBlockColumn(level=3, blocksize=32)),
        # Manifest.
        size=fields.STORED(),
        mtime=fields.STORED(),
        sha256=fields.STORED(),
        version=fields.ID(stored=True),
    )
