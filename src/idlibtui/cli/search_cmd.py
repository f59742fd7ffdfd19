"""``idlibtui search QUERY``: a page of results as a table or as JSON."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from idlibtui.cli.errors import UsageError
from idlibtui.textsafe import json_text, printable


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "search",
        help="search the index",
        description='Search the index. Fields: title:, source:"…", agency:, lang:ar, entity:"…", '
        'date:2019-12, date:[2019-12 to 2020-02]; "phrases", AND/OR/NOT, parentheses, prefix*. '
        "An empty query lists every article, newest first.",
    )
    p.add_argument("query", nargs="*", metavar="QUERY", help="the query (words are joined)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits per page (10)")
    p.add_argument("--page", type=int, default=1, metavar="N", help="page number (1)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")
    p.set_defaults(func=run)


def open_index_or_fail(index_dir: Path):
    from idlibtui.search import IndexUnavailable, open_index

    try:
        return open_index(index_dir)
    except IndexUnavailable as exc:
        raise UsageError(printable(str(exc))) from None


def query_error_lines(exc) -> list[str]:
    """The message, the query, and a caret under the position."""
    lines = [f"idlibtui: bad query: {printable(exc.message)}"]
    if exc.query and exc.position is not None:
        shown = printable(exc.query)
        caret = len(printable(exc.query[: exc.position]))
        lines.append(f"  {shown}")
        lines.append("  " + " " * min(caret, len(shown)) + "^")
    return lines


def results_to_dict(results) -> dict:
    def conv(value):
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, tuple | list):
            return [conv(v) for v in value]
        return value

    hits = []
    for hit in results.hits:
        hits.append({f.name: conv(getattr(hit, f.name)) for f in dataclasses.fields(hit)})
    return {
        "query": results.query,
        "parsed_query": results.parsed_query,
        "total": results.total,
        "page": results.page,
        "page_size": results.page_size,
        "elapsed_ms": round(results.elapsed_ms, 2),
        "suggestion": results.suggestion,
        "expansions": [{"term": typed, "also": list(added)} for typed, added in results.expansions],
        "facets": results.facets,
        "hits": hits,
    }


def run(args: argparse.Namespace, settings) -> int:
    from idlibtui.model import QueryError

    if args.limit < 1 or args.page < 1:
        raise UsageError("--limit and --page must be at least 1")
    query = " ".join(args.query)
    index = open_index_or_fail(Path(settings.index))
    try:
        results = index.search(query, page=args.page, page_size=args.limit, sort=args.sort)
    except QueryError as exc:
        if not exc.query:
            exc.query = query
        sys.stderr.write("\n".join(query_error_lines(exc)) + "\n")
        return 2
    pages = max(1, -(-results.total // results.page_size))
    if args.page > pages:
        from idlibtui.words import plural

        raise UsageError(
            f"page {args.page} is past the end: {plural(results.total, 'result')} "
            f"fill {plural(pages, 'page')} of {args.limit} (--page 1 to {pages})"
        )
    if args.json:
        sys.stdout.write(json_text(results_to_dict(results)) + "\n")
        return 0
    print_table(results)
    return 0


def print_table(results) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    pages = max(1, -(-results.total // results.page_size))
    head = Text(
        f"{results.total} result{'s' if results.total != 1 else ''} for "
        f"{printable(results.parsed_query)}  (page {results.page} of {pages}, "
        f"{results.elapsed_ms:.0f} ms)"
    )
    console.print(head)
    if results.suggestion:
        console.print(Text("did you mean: ") + Text(printable(results.suggestion), style="bold"))
    for typed, added in results.expansions:
        console.print(Text(f"{printable(typed)}, also: {printable(', '.join(added))}", style="dim"))
    if not results.hits:
        return
    table = Table(show_lines=False, expand=True)
    table.add_column("Date", no_wrap=True, width=10)
    table.add_column("Outlet", max_width=18)
    table.add_column("Title", ratio=1)
    table.add_column("Snippet", ratio=2)
    table.add_column("ID", no_wrap=True, style="dim")
    for hit in results.hits:
        date = hit.date.isoformat() if hit.date else ""
        if hit.date and hit.date_inferred:
            date += "~"
        snippet = Text(printable(hit.snippet))
        if len(snippet.plain) == len(hit.snippet):
            for s, e in hit.snippet_hits:
                snippet.stylize("bold yellow", s, e)
        table.add_row(
            Text(date),
            Text(printable(hit.source)),
            Text(printable(hit.title) or printable(hit.path)),
            snippet,
            Text(hit.id),
        )
    console.print(table)
