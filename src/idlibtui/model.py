"""The data every part of idlibtui shares: frozen, plain, and free of any UI or engine type.

The cleaned article text (``Article.text``) is the single coordinate system: blocks, figures,
entity mentions, query hits and aligned passages are all ``(start, end)`` offsets into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DateKind(StrEnum):
    """How an article's date is known, from firmest to weakest."""

    SUPPLIED = "supplied"  # given with the article (sidecar, collection, corrections file)
    STATED = "stated"  # the article says when it was published
    DERIVED = "derived"  # fixed by the text (a weekday with a month-day, a dated event)
    ESTIMATED = "estimated"  # a range from what it reports; ``date`` is its best day
    UNKNOWN = "unknown"


class BlockKind(StrEnum):
    """What a block of the cleaned article is, so the reader can style it."""

    TITLE = "title"
    STANDFIRST = "standfirst"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """One typed block; ``start``/``end`` are offsets into ``Article.text``."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Repair:
    """One change the cleaner made, so a reader can see raw versus cleaned.

    ``raw_start``/``raw_end`` index the decoded raw text (``Article.raw``); ``replacement`` is what
    stands in the cleaned text instead ("" for removals). ``kind`` is a short stable word such as
    ``entity``, ``mojibake``, ``control``, ``space``, ``html``, ``debris``, ``boilerplate``,
    ``metadata``; ``note`` says why in words (``masthead``, ``photo caption``, ``&#39;`` …).
    """

    kind: str
    raw_start: int
    raw_end: int
    raw: str
    replacement: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A date the page states about itself, found by the cleaner and judged by the annotator.

    ``source`` says where it stood: ``metadata line`` (a leading ``date 2020-02-21``),
    ``published line``, ``byline``, ``date line``, ``dateline`` (``DAMASCUS, Jan. 29 (Xinhua)``),
    ``site header`` (page chrome such as the day the page was saved), ``url`` or ``supplied``.
    ``precision`` is ``day`` or ``month``; a claim without a year (a dateline's "Jan. 29") has
    ``year_known=False`` and its year is fixed by the judge.
    """

    date: dt.date
    precision: str
    source: str
    text: str
    year_known: bool = True


@dataclass(frozen=True, slots=True)
class Figure:
    """A number together with what it counts, as a span of ``Article.text``.

    ``value`` is the normalised number (the lower bound of a range, the order of magnitude of a
    vague quantity such as "dozens"); ``value_max`` is the upper bound of a range. ``kind`` is one
    of count, money, distance, area, percent, duration, age, date. For ``kind == "date"`` the
    resolved day is in ``date`` (``date_end`` for periods), ``inferred`` says whether it was
    resolved from a relative expression, and ``evidence`` says from what.
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    value_max: float | None = None
    unit: str = ""
    vague: bool = False
    magnitude: int | None = None
    what: str = ""
    qualifier: str = ""
    attribution: str = ""
    projection: bool = False
    date: dt.date | None = None
    date_end: dt.date | None = None
    inferred: bool = False
    evidence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a named entity; ``canonical`` merges spellings across articles."""

    start: int
    end: int
    text: str
    type: str  # PERSON, PLACE, ORG, GROUP
    canonical: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: what a reader should see, plus its metadata and repair log."""

    id: str
    path: str
    raw: str
    text: str
    blocks: tuple[Block, ...]
    title: str = ""
    source: str = ""
    source_evidence: str = ""
    date: dt.date | None = None
    date_inferred: bool = False
    date_evidence: str = ""
    dateline: str = ""
    photo_credit: str = ""
    encoding: str = "utf-8"
    repairs: tuple[Repair, ...] = ()
    # How the date is known (a DateKind value) and, for an estimate, the range it lies in: the
    # ``date`` of an estimated article is the best day inside [date_earliest, date_latest].
    date_kind: str = ""
    date_earliest: dt.date | None = None
    date_latest: dt.date | None = None
    agency: str = ""  # a news agency the text credits (Reuters, AFP…), beside the outlet
    url: str = ""  # where the article came from, when the corpus says so
    lang: str = ""  # ISO 639-1 code of the article's language, "" when unknown
    date_claims: tuple[DateClaim, ...] = ()  # what the page states about its own date
    figures: tuple[Figure, ...] = ()
    entities: tuple[Mention, ...] = ()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """A file that could not be read as an article, and why, in words a user understands."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: what the results list shows, plus offsets of the matched words.

    ``snippet_hits`` index ``snippet``; ``text_hits`` index the article's cleaned text.
    """

    id: str
    path: str
    title: str
    source: str
    date: dt.date | None
    score: float
    snippet: str = ""
    snippet_hits: tuple[tuple[int, int], ...] = ()
    text_hits: tuple[tuple[int, int], ...] = ()
    date_inferred: bool = False
    date_kind: str = ""
    lang: str = ""  # ISO 639-1 code, "" when unknown


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A page of hits plus what the search screen shows around them."""

    query: str
    hits: tuple[Hit, ...]
    total: int
    page: int = 1
    page_size: int = 20
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str = ""
    elapsed_ms: float = 0.0
    parsed_query: str = ""
    #: (typed word or phrase, the other spellings searched with it) for each expanded one
    expansions: list[tuple[str, list[str]]] = field(default_factory=list)


class QueryError(ValueError):
    """A malformed query: ``message`` says what, ``position`` where (a character offset)."""

    def __init__(self, message: str, position: int | None = None, query: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.query = query

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return f"{self.message} (at character {self.position + 1})"
