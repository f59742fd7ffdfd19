"""``idlibtui show ID|PATH``: one article, cleaned (default), raw, or as JSON."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from idlibtui.cli.errors import UsageError
from idlibtui.datelabel import article_date_text
from idlibtui.textsafe import json_text, printable, strip_terminal_controls


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "show",
        help="show one article",
        description="Show one article by its id (as search prints it) or by its file path, "
        "cleaned afresh from the file.",
    )
    p.add_argument("target", metavar="ID|PATH")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--raw", action="store_true", help="print the decoded raw text")
    g.add_argument("--json", action="store_true", help="print the cleaned article as JSON")
    p.set_defaults(func=run)


def find_file(target: str, corpus: Path) -> Path:
    """A path as given, a path inside the corpus, or the file whose id is ``target``."""
    from idlibtui.ingest import iter_corpus, relative_to_corpus
    from idlibtui.pipeline import article_id

    for candidate in (Path(target), corpus / target):
        if candidate.is_file():
            return candidate
    if corpus.is_dir():
        for path in iter_corpus(corpus):
            if article_id(relative_to_corpus(path, corpus)) == target:
                return path
    raise UsageError(
        f"no article with id or path {printable(target)!r} (corpus: {printable(str(corpus))}); "
        "ids are shown by `idlibtui search`"
    )


def _jsonable(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def article_json(article) -> dict:
    try:
        from idlibtui.serialize import article_to_dict
    except ImportError:
        data = _jsonable(article)
        data.pop("raw", None)
        return data
    return article_to_dict(article)


def run(args: argparse.Namespace, settings) -> int:
    from idlibtui.ingest import read_document
    from idlibtui.model import IngestProblem
    from idlibtui.pipeline import load_article

    corpus = Path(settings.corpus)
    path = find_file(args.target, corpus)
    if args.raw:
        doc = read_document(path)
        if isinstance(doc, IngestProblem):
            raise UsageError(f"{printable(str(path))}: {printable(doc.reason)}")
        sys.stdout.write(strip_terminal_controls(doc.text))
        if not doc.text.endswith("\n"):
            sys.stdout.write("\n")
        return 0
    from idlibtui.cli.index_cmd import corrections_arg

    in_corpus = corpus if corpus.is_dir() else None
    article = load_article(path, in_corpus, corrections=corrections_arg(settings))
    if isinstance(article, IngestProblem):
        raise UsageError(f"{printable(article.path)}: {printable(article.reason)}")
    if args.json:
        sys.stdout.write(json_text(article_json(article)) + "\n")
        return 0
    meta = [
        ("id", article.id),
        ("path", article.path),
        ("title", article.title),
        ("source", article.source),
        (
            "date",
            article_date_text(article),
        ),
        ("dateline", article.dateline),
    ]
    for key, value in meta:
        if value:
            print(f"{key}: {printable(value)}")
    print()
    sys.stdout.write(strip_terminal_controls(article.text).rstrip("\n") + "\n")
    return 0
