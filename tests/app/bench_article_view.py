"""Time the article view on a ~5,000-word article (not a test; speed lives outside the suite).

    PYTHONPATH=src:. .venv/bin/python -m tests.app.bench_article_view [--words 5000] [--runs 5]

Prints medians in ms of: pipeline load (read, clean, annotate) of the file; open + first paint
(``set_article`` + layout + every visible line rendered, cold caches); full screen paint through
the compositor; re-highlight (a new query: matches found, visible lines re-rendered); re-wrap at
a new width; one ``n`` step. ``bench_article_view()`` returns the same numbers as a dict.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult

from idlibtui.tui.widgets.article_view import ArticleView

ROOT = Path(__file__).resolve().parents[2]


def make_file(words: int, directory: Path) -> Path:
    """A ~``words``-word article from the seed paragraphs (real figures and entities)."""
    paragraphs: list[str] = []
    for seed in sorted((ROOT / "corpus").glob("*.txt")):
        text = seed.read_text(encoding="utf-8", errors="replace")
        paragraphs += [p.strip() for p in text.split("\n\n") if len(p.split()) > 12]
    body: list[str] = ["A long report on Idlib"]
    count = 0
    index = 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        if index % 9 == 8:
            body.append(f"Section {index // 9 + 1}")
        body.append(paragraph)
        count += len(paragraph.split())
        index += 1
    path = directory / "long.txt"
    path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
    return path


class BenchApp(App):
    def compose(self) -> ComposeResult:
        yield ArticleView(id="view")


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


async def _measure(article, size: tuple[int, int]) -> dict[str, float]:
    app = BenchApp()
    out: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        height = view.scrollable_content_region.height

        start = time.perf_counter()
        view.set_article(article)
        for y in range(height):
            view.render_line(y)
        out["open_first_paint_ms"] = _ms(time.perf_counter() - start)

        view.set_article(article)
        start = time.perf_counter()
        app.screen._compositor.render_update(full=True)
        app.screen._refresh_layout(size=app.size)
        out["full_screen_paint_ms"] = _ms(time.perf_counter() - start)

        start = time.perf_counter()
        total = view.set_query("Turkish soldiers killed OR refugees")
        for y in range(height):
            view.render_line(y)
        out["rehighlight_ms"] = _ms(time.perf_counter() - start)
        out["matches"] = total

        start = time.perf_counter()
        view.action_next_match()
        for y in range(height):
            view.render_line(y)
        out["next_match_ms"] = _ms(time.perf_counter() - start)

        start = time.perf_counter()
        view._layout_key = None
        view._build_layout(60)
        for y in range(height):
            view.render_line(y)
        out["rewrap_ms"] = _ms(time.perf_counter() - start)
        out["lines"] = len(view._lines)
    return out


def bench_article_view(words: int = 5000, runs: int = 5, size=(120, 40)) -> dict[str, float]:
    """Medians over ``runs`` of the timings above, for the benchmark runner."""
    from idlibtui.pipeline import load_article

    with tempfile.TemporaryDirectory() as tmp:
        path = make_file(words, Path(tmp))
        loads = []
        article = None
        for _ in range(runs):
            start = time.perf_counter()
            article = load_article(path, Path(tmp))
            loads.append(time.perf_counter() - start)
        samples = [asyncio.run(_measure(article, size)) for _ in range(runs)]
    result: dict[str, float] = {
        "words": article.word_count,
        "chars": len(article.text),
        "figures": len(article.figures),
        "entities": len(article.entities),
        "pipeline_load_ms": _ms(statistics.median(loads)),
    }
    for key in samples[0]:
        result[key] = statistics.median(sample[key] for sample in samples)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for key, value in bench_article_view(args.words, args.runs).items():
        print(f"{key:>22}: {value}")


if __name__ == "__main__":
    main()
