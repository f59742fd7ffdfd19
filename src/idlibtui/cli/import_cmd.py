"""``idlibtui import COLLECTION...``: a collection's records as article files with sidecars."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from idlibtui.cli.errors import UsageError
from idlibtui.config import Settings
from idlibtui.textsafe import printable


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import",
        help="write a collection's articles into the corpus",
        description=(
            "Write each record of a JSON Lines, CSV or WARC/WACZ collection into the corpus "
            "as an article file with a sidecar (<name>.json) holding its URL, title, date and "
            "outlet; then run 'idlibtui index'."
        ),
    )
    p.add_argument("collections", nargs="+", metavar="COLLECTION", help="collection file(s)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from idlibtui.supplied import CollectionError, import_collection, is_collection

    corpus = Path(settings.corpus)
    if not corpus.is_dir():
        raise UsageError(f"the corpus folder {printable(str(corpus))} does not exist")
    failed = 0
    for name in args.collections:
        path = Path(name)
        if not is_collection(path) or not path.is_file():
            sys.stderr.write(f"idlibtui: {printable(name)}: not a collection file\n")
            failed += 1
            continue
        try:
            written, skipped = import_collection(path, corpus)
        except CollectionError as exc:
            sys.stderr.write(f"idlibtui: {printable(str(exc))}\n")
            failed += 1
            continue
        word = "article" if written == 1 else "articles"
        note = f", {skipped} could not be written" if skipped else ""
        sys.stdout.write(f"{printable(name)}: {written} {word} written to the corpus{note}\n")
    return 2 if failed else 0
