"""``idlibtui index``: build or update the search index from the corpus folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from idlibtui.cli.errors import UsageError
from idlibtui.textsafe import printable

CORPUS_HINT = (
    "point idlibtui at a folder of .txt/.html articles with --corpus DIR, the IDLIBTUI_CORPUS "
    'environment variable, or `corpus = "DIR"` in the config file'
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "index",
        help="build or update the search index",
        description="Build the search index, or bring it up to date with the corpus folder "
        "(only added, changed and removed files are processed).",
    )
    p.add_argument("--rebuild", action="store_true", help="re-index every file from scratch")
    p.add_argument(
        "--progress",
        choices=("bar", "json", "none"),
        default=None,
        help="progress display: bar (default on a terminal), json (one object per line on "
        "stdout, for the app), none",
    )
    p.add_argument(
        "--workers", type=positive_int, default=None, help="cleaning processes (default: cores)"
    )
    p.set_defaults(func=run)


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (``--workers 0`` is a mistake)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def corrections_arg(settings):
    path = getattr(settings, "corrections", None)
    return path if path is not None and Path(path).is_file() else None


def check_corpus(corpus: Path) -> None:
    from idlibtui.ingest import has_articles

    if not corpus.is_dir():
        raise UsageError(f"no corpus folder at {printable(str(corpus))}; {CORPUS_HINT}")
    if not has_articles(corpus):
        raise UsageError(
            f"the corpus folder {printable(str(corpus))} holds no .txt or .html files; "
            + CORPUS_HINT
        )


def _summary_dict(report) -> dict:
    return {
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
        "unchanged": report.unchanged,
        "skipped": [{"path": p.path, "reason": p.reason} for p in report.skipped],
        # How many of ``skipped`` were not re-read (unchanged since an earlier build skipped them).
        "still_skipped": report.still_skipped,
        # How many of ``unchanged`` were re-read (touched: new time, same bytes).
        "reread": getattr(report, "reread", 0),
        # Indexed as cleaned text only: annotation ran past the per-file time budget.
        "unannotated": [{"path": p.path, "reason": p.reason} for p in report.unannotated],
        # Damage found in the index (and rebuilt): one line per damaged file.
        "repaired": list(report.repaired),
        "seconds": round(report.seconds, 3),
        "rebuilt": report.rebuilt,
        "doc_count": report.doc_count,
    }


def run(args: argparse.Namespace, settings) -> int:
    from idlibtui.search.backend import IndexLocked, IndexWriteError
    from idlibtui.search.build import CorpusError, update_index

    corpus, index_dir = Path(settings.corpus), Path(settings.index)
    mode = args.progress or ("bar" if sys.stderr.isatty() else "none")
    check_corpus(corpus)

    def emit_json(event) -> None:
        out = {"done": event.done, "total": event.total, "phase": event.phase}
        if event.path:
            out["path"] = printable(event.path)
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()

    kwargs = {
        "rebuild": args.rebuild,
        "corrections": corrections_arg(settings),
        "workers": args.workers,
    }
    if kwargs["corrections"]:  # a broken file: one clear line (exit 2), not every file skipped
        from idlibtui.annotate import load_corrections

        load_corrections(kwargs["corrections"])
    try:
        if mode == "json":
            report = update_index(corpus, index_dir, progress=emit_json, **kwargs)
        elif mode == "bar":
            report = _with_bar(corpus, index_dir, update_index, kwargs)
        else:
            report = update_index(corpus, index_dir, **kwargs)
    except (CorpusError, IndexWriteError) as exc:
        raise UsageError(str(exc)) from None
    except IndexLocked as exc:
        sys.stderr.write(f"idlibtui: {printable(str(exc))}\n")
        return 1

    if mode == "json":
        sys.stdout.write(json.dumps({"summary": _summary_dict(report)}) + "\n")
        return 0
    print(summary_line(report, index_dir))
    for problem in report.skipped:
        print(f"  skipped {printable(problem.path)}: {printable(problem.reason)}")
    if report.repaired:
        print(f"  the index was damaged and has been rebuilt: {printable(report.repaired[0])}")
    for problem in report.unannotated:
        print(f"  {printable(problem.path)}: {printable(problem.reason)}")
    return 0


def summary_line(report, index_dir: Path) -> str:
    """One line saying what the build did, including files it re-read but found unchanged."""
    from idlibtui.words import plural

    what = "rebuilt" if report.rebuilt else "updated"
    reread = getattr(report, "reread", 0)
    unchanged = f"{report.unchanged:,} unchanged"
    if reread:
        same = "its text is" if reread == 1 else "their text is"
        unchanged += f" ({plural(reread, 'file')} re-read: touched, but {same} the same)"
    return (
        f"index {what}: {report.added:,} added, {report.updated:,} updated, "
        f"{report.removed:,} removed, {unchanged}, {len(report.skipped):,} skipped "
        f"in {report.seconds:.2f} s ({plural(report.doc_count, 'article')} in "
        f"{printable(str(index_dir))})"
    )


def _with_bar(corpus, index_dir, update_index, kwargs):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("scanning", total=None)

        def on_progress(event) -> None:
            labels = {
                "scan": "scanning",
                "process": "indexing",
                "remove": "removing",
                "save": "saving a segment",
                "commit": "committing",
                "done": "done",
            }
            bar.update(
                task,
                description=labels.get(event.phase, event.phase),
                completed=event.done,
                total=event.total or None,
            )

        return update_index(corpus, index_dir, progress=on_progress, **kwargs)
