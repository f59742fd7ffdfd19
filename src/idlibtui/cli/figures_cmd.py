"""``idlibtui figures [QUERY]``: the corpus-wide figure table, one row per figure."""

from __future__ import annotations

import argparse
import csv
import sys

from idlibtui.cli.errors import UsageError
from idlibtui.textsafe import json_text, printable


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "figures",
        help="list the figures the corpus reports",
        description="Every figure in the (matching) articles: value, qualifier, what it counts, "
        "attribution, outlet, date and sentence. QUERY uses the search language; --what keeps "
        "figures that count what the words say (--what fled finds 'displaced people' and "
        "'civilians forced to flee'); --by-period event groups them by the event they count, "
        "as the comparison and the claims timeline do.",
    )
    p.add_argument("query", nargs="*", metavar="QUERY", help="a search query (words are joined)")
    p.add_argument("--what", metavar="WORDS", help="what is counted, e.g. 'civilians killed'")
    p.add_argument("--sort", choices=("date", "value"), default="date")
    p.add_argument(
        "--by-period",
        choices=("event", "month", "week", "none"),
        default="none",
        help="group rows by event (what, when, where), or by the month or week of the event "
        "(default: none)",
    )
    p.add_argument("--dates", action="store_true", help="include date expressions as rows")
    p.add_argument(
        "--plot",
        metavar="FILE",
        help="write a chart of the figures over time to FILE.svg or FILE.png (one colour per "
        "outlet, differing reports marked; needs the 'plot' extra: pip install 'idlibtui[plot]')",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true", help="print CSV")
    out.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def _row_dict(row, period: str = "") -> dict:
    f = row.figure
    d = {
        "article_id": row.article_id,
        "title": row.title,
        "source": row.source,
        "article_date": row.article_date.isoformat() if row.article_date else None,
        "date_inferred": row.date_inferred,
        "when": row.when.isoformat() if row.when else None,
        "when_evidence": row.when_evidence,
        "event": row.event,
        "text": f.text,
        "kind": f.kind,
        "value": f.value,
        "value_max": f.value_max,
        "unit": f.unit,
        "vague": f.vague,
        "qualifier": f.qualifier,
        "what": f.what,
        "attribution": f.attribution,
        "projection": f.projection,
        "start": f.start,
        "end": f.end,
        "sentence": row.sentence,
    }
    if period:
        d["period"] = period
    return d


def _clip(text: str, width: int) -> str:
    text = " ".join(printable(text).split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def run(args: argparse.Namespace, settings) -> int:
    from idlibtui.figure_table import figure_rows, grouped
    from idlibtui.model import QueryError
    from idlibtui.search import IndexUnavailable, open_index

    try:
        index = open_index(settings.index)
    except IndexUnavailable as exc:
        raise UsageError(printable(str(exc))) from None
    query = " ".join(args.query).strip() or None
    try:
        rows = figure_rows(index, query, args.what, args.sort, include_dates=args.dates)
    except QueryError as exc:
        raise UsageError(f"bad query: {printable(str(exc))}") from None
    if args.plot:
        return _plot(rows, args)
    groups = grouped(rows, args.by_period)
    out = sys.stdout
    if args.json:
        payload = [
            _row_dict(r, g.label if args.by_period != "none" else "")
            for g in groups
            for r in g.rows
        ]
        out.write(
            json_text({"query": query or "", "what": args.what or "", "rows": payload}, indent=1)
        )
        out.write("\n")
        return 0
    if args.csv:
        writer = None
        for g in groups:
            for r in g.rows:
                row = _row_dict(r, g.label if args.by_period != "none" else "")
                row["sentence"] = " ".join(printable(row["sentence"]).split())
                # No control character reaches a terminal or a spreadsheet (titles, outlets
                # and names can carry them from file names and corrections).
                row = {k: printable(v) if isinstance(v, str) else v for k, v in row.items()}
                if writer is None:
                    writer = csv.DictWriter(
                        out, fieldnames=[*row.keys(), "period"], extrasaction="ignore"
                    )
                    writer.writeheader()
                writer.writerow(row)
        return 0
    if not rows:
        out.write("no figures found\n")
        return 0
    header = f"{'when':<11} {'value':>22}  {'what':<26} {'outlet':<16} {'said by':<22} sentence"
    for g in groups:
        if args.by_period != "none":
            verdict = f" — {g.verdict}" if getattr(g, "verdict", "") else ""
            out.write(f"\n== {printable(g.label)} ({len(g.rows)}){printable(verdict)}\n")
        out.write(header + "\n")
        for r in g.rows:
            when = r.when.isoformat() if r.when else "?"
            if r.date_inferred and r.when == r.article_date and r.when:
                when += "~"
            value = r.value_text() + (" (proj.)" if r.figure.projection else "")
            out.write(
                f"{when:<11} {_clip(value, 22):>22}  {_clip(r.what, 26):<26} "
                f"{_clip(r.source, 16):<16} {_clip(r.figure.attribution, 22):<22} "
                f"{_clip(r.sentence, 90)}\n"
            )
    out.write(f"\n{len(rows)} figures; '~' marks an inferred article date\n")
    return 0


def _plot(rows, args: argparse.Namespace) -> int:
    """Write the chart of ``rows`` (grouped by event, as the claims timeline) to ``--plot``."""
    from pathlib import Path

    from idlibtui.compare.chart import chart_of
    from idlibtui.compare.chart_file import FORMATS, PlotUnavailable, write_chart
    from idlibtui.figure_table import group_by_event

    path = Path(args.plot)
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--plot needs a .svg or .png file name, not {printable(path.name)!r}")
    chart = chart_of(group_by_event(rows))
    if chart.empty:
        raise UsageError("no dated figures to plot")
    title = args.what or " ".join(args.query) or "figures"
    try:
        drawn = write_chart(chart, path, title=title)
    except PlotUnavailable as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {printable(str(path))}: {printable(str(exc))}") from None
    sys.stdout.write(
        f"wrote {printable(str(path))}: {drawn} figures from {len(chart.series)} outlets"
        + (f" ({chart.undated} undated not drawn)" if chart.undated else "")
        + "\n"
    )
    return 0
