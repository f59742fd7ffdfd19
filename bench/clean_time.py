"""``python -m bench.clean_time [--count 300] [--repeat 5]``: the cleaner's time per article.

``clean_document`` over the seeds (``corpus/*.txt``) and ``count`` generated articles
(``bench.generate``, seed 0, damage included as generated). Each set is timed ``repeat`` times
in CPU time of this process and the fastest pass is reported (the machine is shared: CPU time
and the fastest pass are the least disturbed by other work), as milliseconds per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.common import ROOT


def _per_article_ms(texts: list[str], repeat: int) -> float:
    from idlibtui.clean import clean_document

    for t in texts[:20]:  # warm the lazy imports and caches
        clean_document(t)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            clean_document(t)
        best = min(best, time.process_time() - t0)
    return 1000 * best / max(1, len(texts))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.clean_time", description=__doc__)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", help="also time these files (a glob, e.g. '/work/devpages/*/*.txt')")
    args = ap.parse_args(argv)
    from bench.generate import iter_articles

    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    generated = [g.text for g in iter_articles(args.count)]
    s = _per_article_ms(seeds, args.repeat)
    g = _per_article_ms(generated, args.repeat)
    print(f"seeds ({len(seeds)}): {s:.2f} ms per article")
    print(f"generated ({len(generated)}): {g:.2f} ms per article")
    if args.pages:
        import glob

        files = sorted(glob.glob(args.pages))
        pages = [Path(f).read_text(encoding="utf-8", errors="replace") for f in files]
        print(f"pages ({len(pages)}): {_per_article_ms(pages, args.repeat):.2f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
