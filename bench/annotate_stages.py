"""Benchmark: annotate a 5,000-word article (dates, figures, entities), as a command.

    python -m bench.annotate_stages [CORPUS_DIR] [--words 5000] [--runs 30]

The article is the cleaned seed articles repeated up to the word count (or a built-in text
when there is no corpus). Reports the median and best wall time and CPU time per stage, and a
calibration figure (an empty Python loop of a million steps) so numbers from a loaded machine
can be read against an idle one. The annotator is warmed once first (gazetteer compiled).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from idlibtui.annotate import annotate_text
from idlibtui.annotate.dates import find_dates, forget_shared_work, word_tokens
from idlibtui.annotate.entities import find_entities
from idlibtui.annotate.figures import find_figures

FALLBACK = (
    "Syrian government forces, backed by Russian air strikes, took Maarat al-Numan on Tuesday, "
    "the Syrian Observatory for Human Rights said. More than 235,000 people have fled since "
    "mid-December, according to OCHA, and at least 373 civilians have been killed since "
    "December 1, 2019. Turkey, which hosts 3.6 million Syrian refugees, warned that it could not "
    "take in more. Recep Tayyip Erdogan spoke with Vladimir Putin; "
    "HTS fighters withdrew 15–20 km.\n\n"
)


def build_article(corpus: Path | None, words: int) -> str:
    texts: list[str] = []
    if corpus is not None and corpus.is_dir():
        from idlibtui.model import Article
        from idlibtui.pipeline import load_article

        for path in sorted(corpus.glob("*.txt")):
            article = load_article(path, corpus)
            if isinstance(article, Article):
                texts.append(article.text)
    base = "\n\n".join(texts) or FALLBACK
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in base.split("\n\n"):
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(out)


def _measure(fn, runs: int) -> tuple[float, float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        forget_shared_work()  # the words and date matches of the last text are remembered
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls) * 1000, min(walls) * 1000, statistics.median(cpus) * 1000


def calibration_ms() -> float:
    t = time.perf_counter()
    for _ in range(1_000_000):
        pass
    return (time.perf_counter() - t) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.annotate_stages")
    parser.add_argument("corpus", nargs="?", default="corpus")
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    text = build_article(Path(args.corpus), args.words)
    anchor = dt.date(2020, 2, 5)
    figures, entities = annotate_text(text, anchor)  # warm: gazetteer compiled, caches filled
    tokens = word_tokens(text)
    print(
        f"article: {len(text.split()):,} words, {len(text):,} characters; "
        f"{len(figures)} figures, {len(entities)} entity mentions"
    )
    print(f"calibration: 1M empty loop steps take {calibration_ms():.0f} ms here")
    stages = [
        ("tokens", lambda: word_tokens(text)),
        ("dates", lambda: find_dates(text, anchor, tokens=tokens)),
        ("figures (incl. dates)", lambda: find_figures(text, anchor, tokens=tokens)),
        ("entities", lambda: find_entities(text, tokens=tokens)),
        ("annotate (all)", lambda: annotate_text(text, anchor)),
    ]
    for name, fn in stages:
        median, best, cpu = _measure(fn, args.runs)
        print(f"{name:<22} median {median:6.1f} ms   best {best:6.1f} ms   cpu {cpu:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
