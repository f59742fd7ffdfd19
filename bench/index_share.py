"""``python -m bench.index_share CORPUS [--n 600]``: CPU per article of each indexing step,
measured directly in one process on a sample of the corpus (read, clean+annotate, the index
fields, analysis, the trip to the writer process, filing, commit with the sidecar).

The full bench estimates our indexing share as the build's CPU minus a sampled clean+annotate
cost, a difference of two noisy figures; this measures the share itself.
"""

from __future__ import annotations

import argparse
import pickle
import random
import tempfile
import time
from pathlib import Path

STEPS = ("read", "clean+annotate", "fields", "prepare", "pickle", "add", "commit")
INDEXING = ("fields", "prepare", "pickle", "add", "commit")


def measure(corpus: Path, n: int, seed: int = 0) -> dict[str, float]:
    """Milliseconds of CPU per article for each step in ``STEPS``."""
    from whoosh import index as windex

    from idlibtui.ingest import read_document
    from idlibtui.pipeline import process_document
    from idlibtui.search import build
    from idlibtui.search.build import work
    from idlibtui.search.build.writer import open_writer
    from idlibtui.search.schema import build_schema

    files = sorted(corpus.rglob("*.txt"))
    random.Random(seed).shuffle(files)
    files = files[:n]
    work._warm_up()
    spent = dict.fromkeys(STEPS, 0.0)
    clock = time.process_time
    prepared = []
    for path in files:
        t = clock()
        raw = read_document(path)
        spent["read"] += clock() - t
        t = clock()
        article = process_document(raw, path.name)
        spent["clean+annotate"] += clock() - t
        t = clock()
        fields = build.article_fields(
            article, size=raw.size, mtime=raw.mtime, sha256=raw.sha256, version="v"
        )
        spent["fields"] += clock() - t
        t = clock()
        doc = build.prepare_document(fields)
        spent["prepare"] += clock() - t
        t = clock()
        doc = pickle.loads(pickle.dumps(doc, pickle.HIGHEST_PROTOCOL))
        spent["pickle"] += clock() - t
        prepared.append(doc)
    with tempfile.TemporaryDirectory() as folder:
        ix = windex.create_in(folder, build_schema(), indexname="x")
        writer = open_writer(ix)
        t = clock()
        for doc in prepared:
            build.add_prepared(writer, doc)
        spent["add"] += clock() - t
        t = clock()
        writer.commit()
        spent["commit"] += clock() - t
    return {step: 1000 * value / len(files) for step, value in spent.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    per = measure(args.corpus, args.n, args.seed)
    for step, ms in per.items():
        print(f"{step:15} {ms:6.2f} ms/article")
    print(f"{'indexing share':15} {sum(per[s] for s in INDEXING):6.2f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
