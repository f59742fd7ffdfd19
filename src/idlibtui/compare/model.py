"""Frozen results of a comparison. Every span is ``(start, end)`` into one article's ``text``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from idlibtui.model import Figure

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: ``start``/``end`` index ``Article.text``; ``block`` its block."""

    index: int
    start: int
    end: int
    block: int = 0


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One word-level edit inside an aligned pair: ``op`` is insert, delete or replace.

    ``left``/``right`` are spans into the left and right article texts; the side that has no
    words (the left of an insert, the right of a delete) is an empty span at the edit point.
    """

    op: str
    left: Span
    right: Span


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """A left sentence, a right sentence, or both, and how they relate.

    ``relation`` is ``same`` (identical once whitespace and quotes are normalised), ``similar``
    (the same statement in other words), ``left_only`` or ``right_only``. ``score`` is 0..1.
    ``figure_discrepancy`` is set when the two sentences state different numbers.
    ``moved`` says the match lies out of the article order (a reordered paragraph).
    """

    left_span: Span | None
    right_span: Span | None
    relation: str
    score: float = 0.0
    word_diff: tuple[DiffOp, ...] = ()
    figure_discrepancy: bool = False
    notes: tuple[str, ...] = ()
    left_index: int | None = None
    right_index: int | None = None
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Period:
    """The event or period a figure refers to, from the dates in its own sentence.

    ``start``/``end`` are the resolved days (equal for one day). ``undated`` means the sentence
    gives no date and the article date (``start``, if known) stands in as "as of".
    """

    start: dt.date | None
    end: dt.date | None
    undated: bool = False
    inferred: bool = False
    evidence: str = ""
    war_total: bool = False  # a toll of the whole war ("the conflict has killed 500,000")

    @property
    def label(self) -> str:
        if self.war_total:
            return f"whole war (as of {self.start.isoformat()})" if self.start else "whole war"
        if self.undated:
            return f"undated (as of {self.start.isoformat()})" if self.start else "undated"
        if self.start is None:
            return "unknown"
        if self.end is None or self.end == self.start:
            return self.start.isoformat()
        if self.end == dt.date.max:
            return f"since {self.start.isoformat()}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    def __str__(self) -> str:
        return self.label


RELATION_WORDS = {
    "same": "same",
    "consistent": "consistent",
    "differ": "differ",
    "different_dates": "different dates",
    "left_only": "one side only",
    "right_only": "one side only",
}
REASONED = frozenset({"consistent", "differ", "same"})


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures of both articles that count the same thing at one event, and the verdict.

    ``relation``: ``same`` (equal values), ``consistent`` (different numbers the wording allows:
    ``reason`` names the qualifier, e.g. "within 'about'"), ``differ`` (``reason`` gives the gap:
    "34 vs 33", "+28% (300,000 vs 235,000)"), ``different_dates`` (the same quantity at other
    dates or scopes: a time series, not a contradiction), ``left_only`` or ``right_only``.
    ``projection`` groups hold forecasts ("could displace up to 400,000"), never paired with
    counts. ``left_periods``/``right_periods`` give each figure's own period; ``period`` is the
    event's (``None`` for ``different_dates``). ``scope`` is ``incident`` (one attack),
    ``period`` or ``running`` (a total "since December"); ``places`` and ``by`` are where and by
    whom, as the sentences say.

    A ``different_dates`` group lists one side's figures of other dates; when the other side has
    this thing only at a date both share, its figures are shown again there as the series.
    """

    what: str
    period: Period | None
    relation: str
    left: tuple[Figure, ...]
    right: tuple[Figure, ...]
    projection: bool = False
    kind: str = "count"
    left_periods: tuple[Period, ...] = ()
    right_periods: tuple[Period, ...] = ()
    reason: str = ""
    scope: str = ""
    places: tuple[str, ...] = ()
    by: str = ""

    @property
    def verdict(self) -> str:
        """The verdict as a reader says it, with its reason: "differ: 8 vs 5"."""
        words = RELATION_WORDS.get(self.relation, self.relation)
        return f"{words}: {self.reason}" if self.reason and self.relation in REASONED else words


@dataclass(frozen=True, slots=True)
class EntityCount:
    canonical: str
    type: str
    left: int
    right: int


@dataclass(frozen=True, slots=True)
class EntityComparison:
    shared: tuple[EntityCount, ...]
    left_only: tuple[EntityCount, ...]
    right_only: tuple[EntityCount, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    same: int
    similar: int
    left_only: int
    right_only: int
    figure_discrepancies: int
    figure_groups_differ: int
    similarity: float
    left_sentences: int
    right_sentences: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything ``compare_articles`` finds; ``pairs`` follow the left article's order."""

    left_id: str
    right_id: str
    left_sentences: tuple[Sentence, ...]
    right_sentences: tuple[Sentence, ...]
    pairs: tuple[AlignedPair, ...]
    figures: tuple[FigureGroup, ...]
    entities: EntityComparison
    summary: Summary
