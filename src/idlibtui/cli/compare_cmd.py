"""``idlibtui compare A B [--json|--markdown]``: two reports passage by passage, figure by figure.

A and B are file paths, corpus-relative paths, or article ids (as ``idlibtui search`` prints
them). The default output is a readable summary; ``--markdown`` an evidence export for notes;
``--json`` everything as plain data. Article text is shown as rich ``Text``, never as markup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from idlibtui.cli.errors import UsageError
from idlibtui.compare.model import RELATION_WORDS
from idlibtui.datelabel import article_date_text
from idlibtui.textsafe import json_text, printable, strip_terminal_controls

RELATION_STYLE = {
    "differ": "bold red",
    "consistent": "green",
    "different_dates": "yellow",
    "left_only": "cyan",
    "right_only": "magenta",
    "same": "green",
    "similar": "yellow",
}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "compare",
        help="compare two articles",
        description="Align two articles sentence by sentence, set their figures against each "
        "other and list their shared and separate entities. A and B are paths or article ids.",
    )
    p.add_argument("left", metavar="A", help="path or article id")
    p.add_argument("right", metavar="B", help="path or article id")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="everything as JSON")
    g.add_argument(
        "--markdown", action="store_true", help="an evidence export: every figure with its source"
    )
    p.add_argument("--all", action="store_true", help="also list identical and one-sided sentences")
    p.set_defaults(func=run)


def _from_index(target: str, settings) -> Path | None:
    """The file of an indexed article id, if there is an index that knows it."""
    index_dir = Path(settings.index)
    if not index_dir.is_dir():
        return None
    try:
        from idlibtui.search import open_index

        doc = open_index(index_dir).get(target)
    except Exception:  # an unreadable index: fall back to the corpus scan
        return None
    if not doc or not doc.get("path"):
        return None
    for candidate in (Path(settings.corpus) / doc["path"], Path(doc["path"])):
        if candidate.is_file():
            return candidate
    return None


def resolve_target(target: str, settings) -> Path:
    """A path as given, a path inside the corpus, or the file of an article id."""
    corpus = Path(settings.corpus)
    for candidate in (Path(target), corpus / target):
        if candidate.is_file():
            return candidate
    found = _from_index(target, settings)
    if found is not None:
        return found
    from idlibtui.cli.show_cmd import find_file

    return find_file(target, corpus)


def load(target: str, settings):
    path = resolve_target(target, settings)
    from idlibtui.model import IngestProblem
    from idlibtui.pipeline import load_article

    try:
        from idlibtui.cli.index_cmd import corrections_arg

        corrections = corrections_arg(settings)
    except ImportError:
        corrections = None
    corpus = Path(settings.corpus)
    article = load_article(path, corpus if corpus.is_dir() else None, corrections=corrections)
    if isinstance(article, IngestProblem):
        raise UsageError(f"{printable(article.path)}: {printable(article.reason)}")
    return article


def run(args: argparse.Namespace, settings) -> int:
    from idlibtui.compare import compare_articles, to_dict, to_markdown

    left = load(args.left, settings)
    right = load(args.right, settings)
    comparison = compare_articles(left, right)
    if args.json:
        data = to_dict(comparison, left, right)
        sys.stdout.write(json_text(data) + "\n")
        return 0
    if args.markdown:
        sys.stdout.write(to_markdown(comparison, left, right))
        return 0
    render(comparison, left, right, show_all=args.all)
    return 0


# -- the readable summary -----------------------------------------------------------------------


def _t(text: str, style: str = "") -> Text:
    return Text(strip_terminal_controls(text).replace("\n", " "), style=style)


def _describe(article):
    line = Text()
    line.append_text(_t(article.title or article.path or article.id, "bold"))
    line.append(" — ")
    line.append_text(_t(article.source or "unknown outlet"))
    line.append(" — ")
    if article.date:
        line.append(article_date_text(article))
    else:
        line.append("undated")
    line.append("  ")
    line.append_text(_t(f"[{article.id}] {article.path}", "dim"))
    return line


def _figure_cell(figs, periods, article):
    cell = Text()
    for i, fig in enumerate(figs):
        if i:
            cell.append("\n")
        shown = fig.text
        if fig.qualifier and not shown.lower().startswith(fig.qualifier.lower()):
            shown = f"{fig.qualifier} {shown}"
        cell.append_text(_t(shown, "bold"))
        bits = []
        if fig.attribution:
            bits.append(fig.attribution)
        period = periods[i] if i < len(periods) else None
        if period is not None and (period.war_total or not period.undated):
            bits.append("whole war" if period.war_total else period.label)
        if bits:
            cell.append(" (")
            cell.append_text(_t("; ".join(bits), "dim"))
            cell.append(")")
    return cell


def _diff_text(text: str, span, ops, side: str, style: str):
    """The sentence with its side of the word diff highlighted."""
    start, end = span
    out = Text(strip_terminal_controls(text[start:end]).replace("\n", " "))
    for op in ops:
        s, e = getattr(op, side)
        if e > s:
            out.stylize(style, s - start, e - start)
    return out


def render(comparison, left, right, *, show_all: bool = False, console=None) -> None:

    console = console or Console(highlight=False, soft_wrap=False)
    s = comparison.summary
    console.print(Text("Left:  ").append_text(_describe(left)))
    console.print(Text("Right: ").append_text(_describe(right)))
    console.print(
        Text(
            f"Sentences: {s.left_sentences} left, {s.right_sentences} right — {s.same} same, "
            f"{s.similar} similar, {s.left_only} only left, {s.right_only} only right. "
            f"Similarity {s.similarity:.2f}. Passages with differing figures: "
            f"{s.figure_discrepancies}; figure groups that differ: {s.figure_groups_differ}."
        )
    )

    if comparison.figures:
        figures = Table(title="Figures", show_lines=True, expand=True)
        figures.add_column("verdict", max_width=24)
        figures.add_column("what")
        figures.add_column("period")
        figures.add_column("left")
        figures.add_column("right")
        for g in comparison.figures:
            rel = Text(
                RELATION_WORDS.get(g.relation, g.relation), style=RELATION_STYLE.get(g.relation, "")
            )
            if g.reason and g.relation in ("same", "consistent", "differ"):
                rel.append("\n")
                rel.append_text(_t(g.reason, "dim" if g.relation != "differ" else "red"))
            if g.projection:
                rel.append("\nprojection", style="dim")
            what = _t(g.what)
            if g.places or g.by:
                where = ", ".join(g.places[:3])
                extra = "; ".join(x for x in (where, f"by {g.by}" if g.by else "") if x)
                what.append("\n")
                what.append_text(_t(extra, "dim"))
            figures.add_row(
                rel,
                what,
                _t(g.period.label if g.period else "several dates"),
                _figure_cell(g.left, g.left_periods, left),
                _figure_cell(g.right, g.right_periods, right),
            )
        console.print(figures)
    else:
        console.print(Text("No figures to compare."))

    e = comparison.entities
    for title, rows in (
        ("Shared", e.shared),
        ("Only left", e.left_only),
        ("Only right", e.right_only),
    ):
        line = Text(f"{title} entities: ", style="bold")
        if not rows:
            line.append("—")
        for i, row in enumerate(rows):
            if i:
                line.append(", ")
            line.append_text(_t(row.canonical))
            line.append(f" ({row.left}/{row.right})", style="dim")
        console.print(line)

    _print_passages(console, comparison, left, right, show_all=show_all)


def _print_passages(console, comparison, left, right, *, show_all: bool) -> None:
    """Aligned pairs that differ in wording (all pairs, one-sided sentences too, with --all)."""
    s = comparison.summary
    passages = Table(title="Aligned passages", show_lines=True, expand=True)
    passages.add_column("relation", no_wrap=True)
    passages.add_column("left")
    passages.add_column("right")
    shown = 0
    for pair in comparison.pairs:
        if not show_all and pair.relation != "similar" and not pair.figure_discrepancy:
            continue
        rel = Text(pair.relation, style=RELATION_STYLE.get(pair.relation, ""))
        if pair.relation in ("same", "similar"):
            rel.append(f"\n{pair.score:.2f}", style="dim")
        if pair.figure_discrepancy:
            rel.append("\nfigures differ", style="bold red")
        if pair.moved:
            rel.append("\nmoved", style="dim")
        lcell = (
            _diff_text(left.text, pair.left_span, pair.word_diff, "left", "red")
            if pair.left_span
            else Text("")
        )
        rcell = (
            _diff_text(right.text, pair.right_span, pair.word_diff, "right", "green")
            if pair.right_span
            else Text("")
        )
        passages.add_row(rel, lcell, rcell)
        shown += 1
    if shown:
        console.print(passages)
    if not show_all and (s.same or s.left_only or s.right_only):
        console.print(
            Text(
                f"Not listed: {s.same} sentences the same on both sides, {s.left_only} only "
                f"left, {s.right_only} only right (--all lists them).",
                style="dim",
            )
        )
