"""The corpus-wide figure table: every figure the index holds, with outlet, date and sentence.

``figure_rows(index, query=None, what=None, sort="date")`` reads the index through
``SearchIndex.iter_documents(query)`` (stored fields plus ``text`` and the ``figures`` list) and
returns one ``FigureRow`` per figure; ``what`` keeps the figures whose counted thing matches the
words (``displaced`` matches "displaced people" and "people displaced"). ``group_by_period``
turns rows into a timeline of one counted thing (how a number grew, who disagrees).

A row's ``when`` is the event's date: a resolved date in the same sentence ("killed on Monday"),
else the article's date; rows carry their ``claim`` (the figure keyed by its event) and
``group_by_event`` groups them with :func:`idlibtui.compare.events.group_claims`, the grouping
the comparison and the claims timeline use. ``--what`` reads the wanted words as a quantity
("fled" finds "displaced people"). The index stores an article's figures as the JSON that
``search.build.documents.figures_json`` writes (every field, dates as ISO strings);
``figures_from_json`` reads that form back into ``model.Figure`` lists, and ``figures_to_json``
writes the same form from ``Figure`` objects (for tests and fixtures; the build does not call it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from idlibtui.annotate.dates import as_date
from idlibtui.compare.claims import claims_of_text
from idlibtui.compare.events import (
    RUNNING,
    ArticleDate,
    Claim,
    QuantityGroup,
    group_claims,
)
from idlibtui.compare.quantity import Quantity, matches_wanted, quantity_of, same_quantity
from idlibtui.compare.verdict import DIFFER, judge
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
    """Figures as the index stores them (what ``figures_from_json`` reads); for tests and
    fixtures, the build writes its own bytes with ``search.build.documents.figures_json``."""
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
    """One figure of one article, with what a table of claims shows.

    ``claim`` is the figure keyed by its event (``None`` for a figure that counts nothing the
    comparison knows); ``when`` is the event's date (the start of an incident's or period's
    range, the day of a running total), ``event`` the event's label.
    """

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
    claim: Claim | None = field(default=None, compare=False)
    event: str = ""

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


def wanted(figure: Figure, quantity: Quantity, what: str) -> bool:
    """Does a figure answer ``--what``? Through its quantity ("fled" finds "displaced people"
    and "civilians forced to flee"), or by its words when ``what`` names no known quantity."""
    if quantity_of(what).empty or quantity.empty:
        return what_matches(figure.what, what)
    return matches_wanted(quantity, what) or (
        not quantity.casualty and what_matches(figure.what, what)
    )


def article_date_of(doc: dict[str, Any]) -> ArticleDate:
    """The stored document's date as a range (the index may hold the estimate's bounds)."""
    rng = doc.get("date_range") or ["", ""]  # the index stores [earliest, latest]
    earliest = doc.get("date_earliest") or (rng[0] if len(rng) > 0 else "")
    latest = doc.get("date_latest") or (rng[1] if len(rng) > 1 else "")
    return ArticleDate.of(
        as_date(doc.get("date")),
        as_date(earliest or None),
        as_date(latest or None),
        inferred=bool(doc.get("date_inferred", False)),
        kind=str(doc.get("date_kind") or ""),
    )


def _when_day(claim: Claim) -> dt.date | None:
    w = claim.when
    if not w.known:
        return None
    if w.scope == RUNNING or w.undated:
        return w.hi
    return w.lo


def rows_for_document(
    doc: dict[str, Any],
    *,
    what: str | None = None,
    include_dates: bool = False,
    keep: Callable[[Figure, Quantity], bool] | None = None,
) -> Iterator[FigureRow]:
    """The rows of one stored document; ``keep`` chooses figures by their quantity."""
    text = doc.get("text") or ""
    figures = figures_from_json(doc.get("figures") or [])
    article_date = as_date(doc.get("date"))
    art = article_date_of(doc)

    def chosen(f: Figure, q: Quantity) -> bool:
        if what and not wanted(f, q, what):
            return False
        return keep is None or keep(f, q)

    claims = {
        id(c.figure): c
        for c in claims_of_text(str(doc.get("id", "")), text, figures, art, keep=chosen)
    }
    for f in figures:
        if f.kind == "date":
            if not include_dates or what or keep is not None:
                continue
            claim = None
        else:
            claim = claims.get(id(f))
            if claim is None and (what or keep is not None):
                continue
        if f.kind == "date":
            when, evidence, event = f.date, f.evidence, ""
        elif claim is not None:
            when, evidence, event = _when_day(claim), claim.when.evidence, claim.when.label
        else:
            when, evidence, event = article_date, "article date", ""
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
            claim=claim,
            event=event,
        )


def figure_rows(
    index,
    query: str | None = None,
    what: str | None = None,
    sort: str = "date",
    *,
    include_dates: bool = False,
    keep: Callable[[Figure, Quantity], bool] | None = None,
) -> list[FigureRow]:
    """Every figure of every (matching) article; ``sort`` is ``date`` or ``value``.

    Raises ``model.QueryError`` for a malformed query (from the index).
    """
    rows: list[FigureRow] = []
    for doc in index.iter_documents(query or None):
        rows.extend(rows_for_document(doc, what=what, include_dates=include_dates, keep=keep))
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
    verdict: str = ""


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


@dataclass(frozen=True, slots=True)
class EventRows:
    """The rows of one quantity at one event, and what the reports say of it together."""

    what: str
    label: str
    rows: tuple[FigureRow, ...]
    verdict: str = ""  # "" (one outlet), "same", "differ: 8 vs 5", "consistent: within 'about'"


def _event_verdict(rows: tuple[FigureRow, ...]) -> str:
    by_source: dict[str, list[Figure]] = {}
    for r in rows:
        by_source.setdefault(r.article_id, []).append(r.figure)
    if len(by_source) < 2:
        return ""
    figs = [fs[0] for fs in by_source.values()]
    worst = ""
    for i, a in enumerate(figs):
        for b in figs[i + 1 :]:
            v = judge(a, b)
            if v.relation == DIFFER:
                return f"differ: {v.reason}"
            if v.relation == "consistent" and not worst:
                worst = f"consistent: {v.reason}"
    return worst or "same"


def group_by_event(rows: Iterable[FigureRow]) -> list[EventRows]:
    """Rows grouped by quantity, then event (the one grouping); rows without a claim last."""
    rows = list(rows)
    claims = [r.claim for r in rows if r.claim is not None]
    row_of = {id(r.claim): r for r in rows if r.claim is not None}
    out: list[EventRows] = []
    for qgroup in group_claims(claims):
        out.extend(_event_rows(qgroup, row_of))
    rest = tuple(r for r in rows if r.claim is None)
    if rest:
        out.append(EventRows("other figures", "", rest))
    return out


def _event_rows(qgroup: QuantityGroup, row_of: dict[int, FigureRow]) -> list[EventRows]:
    out = []
    for event in qgroup.events:
        rows = tuple(
            sorted(
                (row_of[id(c)] for c in event.claims),
                key=lambda r: (r.when or dt.date.max, r.source, r.figure.start),
            )
        )
        out.append(EventRows(qgroup.label, event.when.label, rows, _event_verdict(rows)))
    return out


def grouped(rows: Iterable[FigureRow], by: str = "none") -> list[PeriodGroup]:
    """Rows as ``PeriodGroup``s: by event (the one grouping), month, week, or all in one."""
    if by != "event":
        return group_by_period(rows, by)
    out = []
    for g in group_by_event(rows):
        label = f"{g.what} — {g.label}" if g.label else g.what
        whens = [r.when for r in g.rows if r.when]
        start, end = (min(whens), max(whens)) if whens else (None, None)
        out.append(PeriodGroup(label, start, end, g.rows, g.verdict))
    return out


def claims_for(index, what: str = "", figure: Figure | None = None) -> list[EventRows]:
    """The corpus view of a claim: every report of the same quantity, grouped by event.

    From a ``figure``, the reports counting what it counts (its quantity, wider and narrower
    victims included: "troops wounded" finds "people wounded"); from ``what`` alone, the
    rows ``idlibtui figures --what`` gives. Either way the grouping is ``group_by_event``.
    """
    if figure is not None and figure.kind != "date" and figure.what:
        target = quantity_of(figure.what, figure.kind, figure.projection)
        if not target.empty:

            def keep(_f: Figure, q: Quantity) -> bool:
                return same_quantity(target, q)

            return _by_event_date(group_by_event(figure_rows(index, keep=keep)))
    return _by_event_date(group_by_event(figure_rows(index, what=what or None)))


def _by_event_date(groups: list[EventRows]) -> list[EventRows]:
    def first(g: EventRows) -> tuple:
        whens = [r.when for r in g.rows if r.when]
        return (not whens, min(whens) if whens else dt.date.max, g.what)

    return sorted(groups, key=first)


# -- evidence exports of one event group --------------------------------------------------------

EXPORT_FIELDS = (
    "what",
    "event",
    "verdict",
    "value",
    "qualifier",
    "attribution",
    "outlet",
    "article_date",
    "title",
    "article_id",
    "path",
    "figure_start",
    "figure_end",
    "sentence_start",
    "sentence_end",
    "sentence",
)


def export_records(group: EventRows) -> list[dict[str, str]]:
    """One plain record per row of an event group: the citation of each figure."""
    records = []
    for r in group.rows:
        f = r.figure
        records.append(
            {
                "what": group.what,
                "event": group.label,
                "verdict": group.verdict,
                "value": r.value_text(qualifier=False),
                "qualifier": f.qualifier,
                "attribution": f.attribution,
                "outlet": r.source,
                "article_date": r.article_date.isoformat() if r.article_date else "",
                "title": r.title,
                "article_id": r.article_id,
                "path": r.path,
                "figure_start": str(f.start),
                "figure_end": str(f.end),
                "sentence_start": str(f.sentence_start),
                "sentence_end": str(f.sentence_end),
                "sentence": " ".join(r.sentence.split()),
            }
        )
    return records


def export_csv(group: EventRows) -> str:
    """The group as CSV evidence (one row per report, with its offsets and sentence)."""
    import csv
    import io

    from idlibtui.textsafe import printable

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EXPORT_FIELDS))
    writer.writeheader()
    for rec in export_records(group):
        writer.writerow({k: _cell(printable(v)) for k, v in rec.items()})
    return out.getvalue()


def _cell(value: str) -> str:
    """Article text never becomes a spreadsheet formula ("=HYPERLINK(…)" is shown as text)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def export_markdown(group: EventRows) -> str:
    """The group as Markdown evidence: the event, the verdict, and each report cited."""
    from idlibtui.compare.export import md_code, md_escape

    lines = [f"# {md_escape(group.what)}", ""]
    if group.label:
        lines.append(f"- Event: {md_escape(group.label)}")
    if group.verdict:
        lines.append(f"- Reports: {md_escape(group.verdict)}")
    lines += [
        f"- Figures: {len(group.rows)} from {len({r.article_id for r in group.rows})} reports",
        "",
    ]
    for rec in export_records(group):
        said = f"; said by {md_escape(rec['attribution'])}" if rec["attribution"] else ""
        qualifier = f"{md_escape(rec['qualifier'])} " if rec["qualifier"] else ""
        lines += [
            f"- **{qualifier}{md_escape(rec['value'])}**{said}",
            f"  - {md_escape(rec['outlet'] or 'unknown outlet')}, "
            f"{rec['article_date'] or 'undated'}, {md_escape(rec['title'])} "
            f"{md_code(rec['path'] or rec['article_id'])}, figure chars "
            f"{rec['figure_start']}–{rec['figure_end']}, sentence chars "
            f"{rec['sentence_start']}–{rec['sentence_end']}",
            f"  - > {md_escape(rec['sentence'])}",
        ]
    lines.append("")
    return "\n".join(lines)
