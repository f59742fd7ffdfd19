"""``idlibtui clean FILE... [--json | --explain]``: show what the cleaner makes of files (``-``
is stdin); ``--explain`` lists every change with its reason."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from idlibtui.config import Settings
from idlibtui.model import Article, IngestProblem
from idlibtui.textsafe import json_text, printable


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "clean",
        help="print the cleaned article(s)",
        description="Clean article files and print them; '-' reads standard input.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="article file(s), collections (.jsonl, .csv, .warc, .wacz), or - for stdin",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per file per line")
    p.add_argument(
        "--explain",
        action="store_true",
        help="list every removed, repaired or flagged span and why (to report a wrong call)",
    )
    p.add_argument(
        "--no-corpus-dates",
        dest="corpus_dates",
        action="store_false",
        help="date each file from its own text only (by default an article its text leaves"
        " undated takes a range from the dated ones that report the same news; those are"
        " printed last)",
    )
    p.set_defaults(func=run)


def _load(name: str, settings: Settings, corrections) -> Article | IngestProblem:
    from idlibtui import pipeline
    from idlibtui.ingest import RawDocument, decode_bytes, is_html_text

    if name == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            return IngestProblem("-", "empty input")
        try:
            text, encoding = decode_bytes(data)
        except ValueError as exc:
            return IngestProblem("-", str(exc))
        import hashlib

        doc = RawDocument(
            path=Path("-"),
            text=text,
            encoding=encoding,
            is_html=is_html_text(text),
            size=len(data),
            mtime=0.0,
            sha256=hashlib.sha256(data).hexdigest(),
        )
        return pipeline.process_document(doc, "-", corrections=corrections)
    corpus = settings.corpus if settings.corpus.is_dir() else None
    return pipeline.load_article(Path(name), corpus, corrections=corrections)


def _corrections(settings: Settings):
    """The user's entity corrections, if the annotators support them; a broken file is a
    usage error (one line, exit 2) rather than a traceback."""
    try:
        from idlibtui.annotate import CorrectionsError, load_corrections
    except ImportError:
        return None
    path = getattr(settings, "corrections", None)
    if path is None or not Path(path).is_file():
        return None
    try:
        return load_corrections(path)
    except CorrectionsError as exc:
        from idlibtui.cli.errors import UsageError

        raise UsageError(str(exc)) from exc


def _readable(article: Article) -> str:
    lines = [f"Title:    {article.title}"]
    if article.source:
        lines.append(f"Outlet:   {article.source}")
    if article.agency and article.agency != article.source:
        lines.append(f"Agency:   {article.agency}")
    if article.date:
        from idlibtui.datelabel import date_label

        when, note = date_label(
            article.date, article.date_kind, article.date_earliest, article.date_latest,
            inferred=article.date_inferred,
        )  # fmt: skip
        if note:
            when += f" ({note}: {article.date_evidence})" if article.date_evidence else f" ({note})"
        lines.append(f"Date:     {when}")
    if article.url:
        lines.append(f"URL:      {article.url}")
    if article.dateline:
        lines.append(f"Dateline: {article.dateline}")
    if article.lang:
        lines.append(f"Language: {article.lang}")
    if article.photo_credit:
        lines.append(f"Credit:   {article.photo_credit}")
    lines.append(f"Repairs:  {len(article.repairs)}")
    # Metadata came from the cleaner, but pass it through textsafe all the same.
    head = "\n".join(printable(line) for line in lines)
    return f"{head}\n\n{article.text}\n"


def _collection(name: str, corrections):
    """``(name#record, article)`` for each record of a collection file."""
    import hashlib

    from idlibtui import pipeline
    from idlibtui.ingest import RawDocument
    from idlibtui.supplied import iter_collection

    for rec in iter_collection(Path(name)):
        doc = RawDocument(
            path=Path("-"),
            text=rec.text,
            encoding="utf-8",
            is_html=rec.is_html,
            size=len(rec.text),
            mtime=0.0,
            sha256=hashlib.sha256(rec.text.encode("utf-8", "replace")).hexdigest(),
        )
        key = f"{name}#{rec.key}"
        yield (
            key,
            pipeline.process_document(doc, key, corrections=corrections, supplied=rec.supplied),
        )


def _articles(names: list[str], settings: Settings, corrections):
    """``(name, article or problem)`` for each file named, and each record of a collection."""
    from idlibtui.supplied import CollectionError, is_collection

    for name in names:
        if name != "-" and is_collection(Path(name)):
            try:
                yield from _collection(name, corrections)
            except CollectionError as exc:
                yield name, IngestProblem(name, str(exc))
            continue
        yield name, _load(name, settings, corrections)


def run(args: argparse.Namespace, settings: Settings) -> int:
    corrections = _corrections(settings)
    failed = 0
    lender = _CorpusDates(corrections) if getattr(args, "corpus_dates", True) else None
    printed = 0
    for name, result in _articles(args.files, settings, corrections):
        if isinstance(result, IngestProblem):
            failed += 1
            sys.stderr.write(f"idlibtui: {printable(name)}: {printable(result.reason)}\n")
            continue
        if lender is not None and lender.hold(name, result):
            continue  # undated by its text: dated from the corpus once all is read
        _print(args, printed, name, result)
        printed += 1
    for name, result in lender.lent() if lender is not None else ():
        _print(args, printed, name, result)
        printed += 1
    return 2 if failed else 0


class _CorpusDates:
    """Corpus evidence for ``clean``: the articles their text leaves undated are held back and
    dated from the dated articles that report the same news (``annotate.corpus_dates``)."""

    def __init__(self, corrections) -> None:
        self.timeline = corrections.timeline() if corrections is not None else None
        self.dated: list = []
        self.held: list = []

    def hold(self, name: str, article: Article) -> bool:
        """Note what ``article`` reports; True when it waits for the corpus."""
        from idlibtui.annotate.corpus_dates import needs_corpus, reported

        if needs_corpus(article):
            self.held.append((name, article))
            return True
        report = reported(article, self.timeline)
        if report.day is not None and report.news:
            self.dated.append(report)
        return False

    def lent(self):
        """The held articles, each dated from its peers where they agree."""
        from idlibtui.annotate.corpus_dates import lend_dates, reported

        for name, article in self.held:
            yield name, lend_dates(article, reported(article, self.timeline), self.dated)


def _print(args: argparse.Namespace, index: int, name: str, result: Article) -> None:
    """One article, as JSON, as the list of repairs, or as text."""
    from idlibtui.serialize import article_to_dict

    if args.json:
        sys.stdout.write(json_text(article_to_dict(result)) + "\n")
    elif getattr(args, "explain", False):
        from idlibtui.clean.explain import explain

        if index:
            sys.stdout.write("\n")
        sys.stdout.write(f"== {printable(name)}\n")
        sys.stdout.write(explain(result))
    else:
        if index:
            sys.stdout.write("\n" + "─" * 40 + "\n")
        if len(args.files) > 1:
            sys.stdout.write(f"== {printable(name)}\n")
        sys.stdout.write(_readable(result))
    sys.stdout.flush()
