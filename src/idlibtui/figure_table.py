"""The corpus-wide figure table: every figure the index holds, with outlet, date and sentence.

``figure_rows(index, query=None, what=None, sort="date")`` reads the index through
``SearchIndex.iter_documents(query)`` (stored fields plus ``text`` and the ``figures`` list) and
returns one ``FigureRow`` per figure; ``what`` keeps the figures whose counted thing matches the
words (``displaced`` matches "displaced people" and "people displaced"). ``group_by_period``
turns rows into a timeline of one counted thing (how a number grew, who disagrees).

A row's ``when`` is the event's date: a resolved date in the same sentence ("killed on Monday"),
else the article's date. ``figures_to_json``/``figures_from_json`` are the storage form of
``model.Figure`` lists (dates as ISO strings), for the index.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from idlibtui.annotate.dates import as_date
from idlibtui.model import Figure

_FIELDS = {f.name for f in dataclasses.fields(Figure)}
_DATE_FIELDS = ("date", "date_end")


def figure_to_dict(figure: Figure) -> dict[str, Any]:
    d = dataclasses.asdict(figure)
    for key in _DATE_FIELDS:
        if d[key] is not None:
            d[key] = d[key].isoformat()
    return d


def figure_from_dict(data: dict[str, Any]) -> Figure | None:
    """A ``Figure`` from its stored dict; unknown keys are ignored, a broken entry gives None."""
    try:
        kwargs = {k: v for k, v in data.items() if k in _FIELDS}
        for key in _DATE_FIELDS:
            value = kwargs.get(key)
            if isinstance(value, str):
                kwargs[key] = dt.date.fromisoformat(value[:10]) if value else None
        return Figure(**kwargs)
    except (TypeError, ValueError):
        return None


def figures_to_json(figures: Iterable[Figure]) -> str:
    return json.dumps(
        [figure_to_dict(f) for f in figures], ensure_ascii=False, separators=(",", ":")
    )


def figures_from_json(text: str | bytes | list) -> list[Figure]:
    """Figures from their JSON (or an already decoded list); broken entries are skipped."""
    if isinstance(text, str | bytes):
        try:
            data = json.loads(text) if text else []
        except ValueError:
            return []
    else:
        data = text
    if not isinstance(data, list):
        return []
    return [f for f in (figure_from_dict(d) for d in data if isinstance(d, dict)) if f is not None]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure of one article, with what a table of claims shows."""

    article_id: str
    title: str
    source: str
    article_date: dt.date | None
    date_inferred: bool
    figure: Figure
    sentence: str
    when: dt.date | None
    when_evidence: str
    path: str = ""

    @property
    def value(self) -> float | None:
        return self.figure.value

    @property
    def what(self) -> str:
        return self.figure.what

    def value_text(self, qualifier: bool = True) -> str:
        """``more than 235,000``, ``15–20 km``, ``dozens``: the value as a reader says it
        (``qualifier=False`` leaves out "more than" for a table with its own column)."""
        f = self.figure
        if f.vague:
            core = f.text
        else:
            core = _fmt(f.value)
            if f.value_max is not None:
                core += f"–{_fmt(f.value_max)}"
            if f.unit and f.kind not in ("count",):
                core = f"{core} {f.unit}" if f.unit != "USD" else f"${core}"
        return f"{f.qualifier} {core}".strip() if qualifier else core


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_STEM = re.compile(r"(?:ing|ed|es|s|d)$")


def _stem(word: str) -> str:
    word = word.lower()
    return _STEM.sub("", word) if len(word) > 4 else word


def what_matches(what: str, wanted: str) -> bool:
    """Every wanted word begins some word of ``what`` (after a light stemming)."""
    have = [_stem(w) for w in re.findall(r"\w+", what.lower())]
    for w in re.findall(r"\w+", wanted.lower()):
        stem = _stem(w)
        if not any(h.startswith(stem) or (stem.startswith(h) and len(h) >= 4) for h in have):
            return False
    return True


_PERIOD_START = re.compile(r"\b(?:since|from|after|starting|beginning)\s+(?:the\s+)?$", re.I)


def rows_for_document(doc: dict[str, Any], *, what: str | None = None,
                      include_dates: bool = False) -> Iterator[FigureRow]:  # fmt: skip
    text = doc.get("text") or ""
    figures = figures_from_json(doc.get("figures") or [])
    article_date = as_date(doc.get("date"))
    dates_by_sentence: dict[int, Figure] = {}
    for f in figures:
        if f.kind == "date" and f.date is not None and not (f.unit == "year" and not f.inferred):
            if _PERIOD_START.search(text[max(0, f.start - 12) : f.start]):
                continue  # "since December": where a cumulative count starts, not its date
            dates_by_sentence.setdefault(f.sentence_start, f)
    for f in figures:
        if f.kind == "date" and not include_dates:
            continue
        if what and not what_matches(f.what, what):
            continue
        when, evidence = article_date, "article date"
        event = dates_by_sentence.get(f.sentence_start)
        if f.kind == "date":
            when, evidence = f.date, f.evidence
        elif event is not None:
            when, evidence = event.date, f"'{event.text}' in the same sentence"
        sentence = text[f.sentence_start : f.sentence_end].strip() if text else ""
        yield FigureRow(
            article_id=str(doc.get("id", "")),
            title=str(doc.get("title", "")),
            source=str(doc.get("source", "")),
            article_date=article_date,
            date_inferred=bool(doc.get("date_inferred", False)),
            figure=f,
            sentence=sentence,
            when=when,
            when_evidence=evidence,
            path=str(doc.get("path", "")),
        )


def figure_rows(index, query: str | None = None, what: str | None = None, sort: str = "date",
                *, include_dates: bool = False) -> list[FigureRow]:  # fmt: skip
    """Every figure of every (matching) article; ``sort`` is ``date`` or ``value``.

    Raises ``model.QueryError`` for a malformed query (from the index).
    """
    rows: list[FigureRow] = []
    for doc in index.iter_documents(query or None):
        rows.extend(rows_for_document(doc, what=what, include_dates=include_dates))
    return sort_rows(rows, sort)


def sort_rows(rows: list[FigureRow], sort: str = "date") -> list[FigureRow]:
    if sort == "value":
        return sorted(rows, key=lambda r: (-(r.value or 0.0), r.when or dt.date.max))
    return sorted(
        rows, key=lambda r: (r.when is None, r.when or dt.date.max, r.source, r.figure.start)
    )


@dataclass(frozen=True, slots=True)
class PeriodGroup:
    """The rows of one period (``label`` like ``2019-12`` or ``2019-W52``; ``undated`` last)."""

    label: str
    start: dt.date | None
    end: dt.date | None
    rows: tuple[FigureRow, ...]


def period_of(day: dt.date, period: str) -> tuple[str, dt.date, dt.date]:
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6)
    if period == "year":
        return str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    first = day.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return f"{day.year}-{day.month:02d}", first, nxt - dt.timedelta(days=1)


def group_by_period(rows: Iterable[FigureRow], period: str = "month") -> list[PeriodGroup]:
    """A timeline: rows grouped by the period of their ``when`` (``none`` keeps one group)."""
    rows = list(rows)
    if period == "none":
        return [PeriodGroup("all", None, None, tuple(rows))]
    groups: dict[str, tuple[dt.date | None, dt.date | None, list[FigureRow]]] = {}
    for row in rows:
        if row.when is None:
            groups.setdefault("undated", (None, None, []))[2].append(row)
            continue
        label, start, end = period_of(row.when, period)
        groups.setdefault(label, (start, end, []))[2].append(row)
    ordered = sorted(groups.items(), key=lambda kv: (kv[1][0] is None, kv[1][0] or dt.date.max))
    return [PeriodGroup(label, start, end, tuple(items)) for label, (start, end, items) in ordered]
