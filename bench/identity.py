"""The build's output for a sample of files, written so that two versions of the code can be diffed.

    python -m bench.identity OUT.txt [--corpus DIR] [--every N] [--pages DIR ...]

For every ``N``-th file of the bench corpus (default: the cached 10k corpus) and every page of
the given folders (default: the real development pages), one block: the whole ``Article`` the
pipeline makes (cleaned text, repairs, blocks, date and its evidence, figures, entities) and
the document the index files for it (stored values, postings, columns). A speed change must
leave this file byte-identical: run it before and after, then ``cmp``/``diff``.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from pathlib import Path

DEFAULT_CORPUS = Path("/work/main/bench/out/corpus-10000-s0-g2")
DEFAULT_PAGES = [
    Path("/work/devpages") / sub / lang for sub in ("", "fresh", "fresh2") for lang in ("en", "xx")
]


def sample(corpus: Path, every: int, pages: list[Path]) -> list[tuple[Path, Path]]:
    """``(file, root)`` pairs: every ``every``-th corpus file (sorted), then all the pages."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".html"))
    chosen = [(p, corpus) for p in files[::every]] if every > 0 else []
    for folder in pages:
        chosen += [(p, folder) for p in sorted(folder.glob("*.txt"))]
    return chosen


def describe(path: Path, root: Path) -> str:
    """Everything the pipeline and the index make of one file, as text."""
    from idlibtui import pipeline
    from idlibtui.ingest import read_document, relative_to_corpus
    from idlibtui.search.build.documents import article_fields, prepare_document

    rel = relative_to_corpus(path, root)
    doc = read_document(path, root)
    if not hasattr(doc, "text"):
        return f"== {rel}\nproblem {doc!r}\n"
    article = pipeline.process_document(doc, rel)
    fields = article_fields(article, size=doc.size, mtime=0.0, sha256=doc.sha256, version="v")
    prepared = prepare_document(fields)
    index = (prepared.stored, prepared.postings, prepared.columns, sorted(prepared.packed))
    # pickled too: values that share one object pickle differently (as the writer's blocks do)
    pickled = hashlib.sha256(pickle.dumps(index, 2)).hexdigest()
    return f"== {rel}\n{article!r}\n{index!r}\n{pickled}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.identity")
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--every", type=int, default=25)
    parser.add_argument("--pages", type=Path, nargs="*", default=DEFAULT_PAGES)
    args = parser.parse_args(argv)
    digest = hashlib.sha256()
    count = 0
    with args.out.open("w", encoding="utf-8", errors="surrogatepass") as out:
        for path, root in sample(args.corpus, args.every, args.pages):
            block = describe(path, root)
            out.write(block)
            digest.update(block.encode("utf-8", "surrogatepass"))
            count += 1
    print(f"{count} files, sha256 {digest.hexdigest()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
