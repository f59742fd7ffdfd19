"""CPU per article of each stage a build's workers run, on a sample of the bench corpus.

    python -m bench.build_stages [--corpus DIR] [--count 1500] [--profile OUT.pstats]

Stages: read (and decode), clean, date (the article's date judged), annotate (dates, figures,
entities), fields (the index document: terms, postings, columns). The writer's own work
(filing postings, commit) is not in here. With ``--profile``, the same run under cProfile.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from bench.identity import DEFAULT_CORPUS


def run(files: list[Path], root: Path) -> dict[str, float]:
    from idlibtui import pipeline
    from idlibtui.annotate import annotate_text, date_article
    from idlibtui.ingest import read_document, relative_to_corpus
    from idlibtui.search.build.documents import article_fields, prepare_document
    from idlibtui.search.build.work import _warm_up

    _warm_up()
    totals = dict.fromkeys(("read", "clean", "date", "annotate", "fields"), 0.0)
    clock = time.process_time
    for path in files:
        t0 = clock()
        doc = read_document(path, root)
        rel = relative_to_corpus(path, root)
        t1 = clock()
        article = pipeline.clean_only(doc, rel)
        t2 = clock()
        article = date_article(article)
        t3 = clock()
        figures, entities = annotate_text(
            article.text, article.date, anchor_inferred=article.date_inferred, lang=article.lang
        )
        article = dataclasses.replace(article, figures=figures, entities=entities)
        t4 = clock()
        prepare_document(article_fields(article, size=doc.size, mtime=0, sha256="", version=""))
        t5 = clock()
        for name, a, b in (
            ("read", t0, t1),
            ("clean", t1, t2),
            ("date", t2, t3),
            ("annotate", t3, t4),
            ("fields", t4, t5),
        ):
            totals[name] += b - a
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build_stages")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".txt", ".html"))
    step = max(1, len(files) // args.count)
    files = files[::step][: args.count]
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
        totals = run(files, args.corpus)
        prof.disable()
        prof.dump_stats(args.profile)
    else:
        totals = run(files, args.corpus)
    n = len(files)
    parts = "  ".join(f"{k} {1000 * v / n:.2f}" for k, v in totals.items())
    print(f"{n} articles, ms CPU per article: {parts}  total {1000 * sum(totals.values()) / n:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
