"""In-process timings of the core: annotate a 5,000-word article, compare two of them."""

from __future__ import annotations

import statistics
import time

from bench.common import Row, reason_of, row, unavailable
from bench.generate import long_article_text

SECTION = "core"


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm caches (gazetteer load, regex compile) once, as a session would
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _cleaned(text: str, name: str):
    from idlibtui.clean import clean_document

    return clean_document(text, path=f"{name}.txt", article_id=name)


def _pair(words: int) -> tuple[str, str]:
    """Two long articles; the second re-uses every other paragraph of the first (wire copy)."""
    ta = long_article_text(words, 1).split("\n\n")
    tb = long_article_text(words, 2).split("\n\n")
    n = min(len(ta), len(tb))
    mixed = [tb[0]] + [ta[i] if i % 2 else tb[i] for i in range(1, n)]
    return "\n\n".join(ta), "\n\n".join(mixed)


def run(rows: list[Row], repeat: int = 5) -> None:
    try:
        from idlibtui.annotate import annotate

        text_a, text_b = _pair(5000)
        a = _cleaned(text_a, "long-a")
        b = _cleaned(text_b, "long-b")
        words = len(a.text.split())
        ms = _median_ms(lambda: annotate(a), repeat)
        rows.append(
            row(
                SECTION,
                "annotate one 5,000-word article",
                ms,
                "ms",
                below=50,
                note=f"{words} words, {len(annotate(a).figures)} figures, "
                f"{len(annotate(a).entities)} mentions; median of {repeat}",
            )
        )
    except Exception as exc:
        rows.append(unavailable(SECTION, "annotate one 5,000-word article", reason_of(exc)))
        return
    try:
        from idlibtui.compare import compare_articles

        aa, bb = annotate(a), annotate(b)
        ms = _median_ms(lambda: compare_articles(aa, bb), repeat)
        rows.append(
            row(
                SECTION,
                "compare two 5,000-word articles",
                ms,
                "ms",
                below=200,
                note=f"median of {repeat}",
            )
        )
    except Exception as exc:
        rows.append(unavailable(SECTION, "compare two 5,000-word articles", reason_of(exc)))
