"""Time ``compare_articles`` on two ~5,000-word articles built from the seed paragraphs.

Run from the repository root:  PYTHONPATH=src:. .venv/bin/python tests/data/compare/bench_compare.py
(the bench/ suite measures the same call on generated articles: ``make bench``).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

sys.path[:0] = [
    str(Path(__file__).resolve().parents[3]),
    str(Path(__file__).resolve().parents[3] / "src"),
]

from tests.unit.compare_builders import article, long_pair  # noqa: E402

from idlibtui.annotate import annotate  # noqa: E402
from idlibtui.compare import compare_articles  # noqa: E402


def timed(a, b, runs: int = 21) -> tuple[float, float, float, object]:
    compare_articles(a, b)
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = compare_articles(a, b)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    print(f"  (CPU time median {statistics.median(cpu):.1f} ms)")
    return statistics.median(times), min(times), max(times), result


def main() -> None:
    lt, rt = long_pair(5000)
    a = annotate(article(lt, id="l"))
    b = annotate(article(rt, id="r"))
    med, lo, hi, cmp = timed(a, b)
    print(
        f"shuffled/edited copy: {len(lt.split())} vs {len(rt.split())} words, "
        f"{len(a.figures)}/{len(b.figures)} figures: "
        f"median {med:.1f} ms (min {lo:.1f}, max {hi:.1f})"
    )
    print(f"  {cmp.summary}")
    every = re.sub(r"\d+", lambda m: str(int(m.group(0)) * 3 + 1), lt)
    every = every.replace(" the ", " this ").replace(" and ", " as well as ")
    c = annotate(article(every, id="e"))
    med, lo, hi, cmp = timed(a, c)
    print(f"every sentence edited: median {med:.1f} ms (min {lo:.1f}, max {hi:.1f})")
    print(f"  {cmp.summary}")


if __name__ == "__main__":
    main()
