"""Run inside a fresh process by ``bench.app_bench``; prints one JSON object on stdout.

``python -m bench.app_probe first-frame CORPUS INDEX [--type QUERY]``: time from process start
until the search screen shows results (headless, 120x40); with ``--type``, then type QUERY one key
at a time (``KEY_GAP`` apart) and time from the last keystroke until results for it are shown.

``python -m bench.app_probe paint WORDS``: open a cleaned, annotated article of WORDS words in the
article view (the reader's and the compare panes' widget) and time until it has been painted.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import sys
import time

import psutil

# When the process began: the benchmark runner's clock just before it started us, or (run by
# hand) the process create time, which rests on a whole-second boot time and can be ~0.3 s off.
START = float(os.environ.get("IDLIBTUI_BENCH_T0") or psutil.Process().create_time())
KEY_GAP = 0.08  # seconds between keystrokes: a fast typist


def _since_start() -> float:
    return time.time() - START


def _make_app(corpus: str, index: str):
    from idlibtui.config import resolve
    from idlibtui.tui.app import IdlibApp

    settings = resolve(corpus, index)
    params = inspect.signature(IdlibApp).parameters
    if "settings" in params:
        return IdlibApp(settings=settings)
    return IdlibApp(settings)


def _search_screen(app):
    screen = app.screen
    if hasattr(screen, "results") and hasattr(screen, "query_text"):
        return screen
    for s in getattr(app, "screen_stack", []):
        if hasattr(s, "results") and hasattr(s, "query_text"):
            return s
    return None


async def _until(pilot, predicate, timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.005)
    return predicate()


async def first_frame(corpus: str, index: str, query: str | None) -> dict:
    out: dict = {}
    t_import = _since_start()
    app = _make_app(corpus, index)
    out["import_s"] = t_import
    async with app.run_test(size=(120, 40)) as pilot:

        def shown() -> bool:
            s = _search_screen(app)
            return s is not None and s.results is not None

        if not await _until(pilot, shown, 120):
            out["error"] = "the search screen never showed results"
            return out
        await pilot.pause()  # let the frame with the results be painted
        out["first_frame_s"] = _since_start()
        if query:
            screen = _search_screen(app)
            from textual.widgets import Input

            if not isinstance(app.focused, Input):
                await pilot.press("slash")  # the search screen's "focus the query" key
            last = 0.0
            for ch in query:
                await pilot.press("space" if ch == " " else ch)
                last = time.perf_counter()
                await asyncio.sleep(KEY_GAP)

            typed = screen.query_text

            def answered() -> bool:
                r = screen.results
                return r is not None and getattr(r, "query", None) == typed

            ok = await _until(pilot, answered, 60)
            await pilot.pause()
            t = time.perf_counter() - last
            out["keystroke_to_results_s"] = t if ok else None
            out["typed"] = typed
            if not ok:
                out["error"] = "no results for the typed query"
    return out


async def paint(words: int) -> dict:
    from textual.app import App

    from bench.generate import long_article_text
    from idlibtui.annotate import annotate
    from idlibtui.clean import clean_document
    from idlibtui.tui.widgets.article_view import ArticleView

    article = annotate(clean_document(long_article_text(words), path="long.txt", article_id="x"))

    class PaintApp(App):
        def compose(self):
            yield ArticleView(id="view")

    app = PaintApp()
    out: dict = {"words": len(article.text.split())}
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        t0 = time.perf_counter()
        view.set_article(article)
        view.set_query("Idlib")
        await pilot.pause()
        await pilot.pause()
        out["open_paint_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        view.set_query("refugees")
        await pilot.pause()
        out["rehighlight_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        out["resize_s"] = time.perf_counter() - t0
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["first-frame"] and len(argv) >= 3:
        query = None
        if "--type" in argv:
            query = argv[argv.index("--type") + 1]
        result = asyncio.run(first_frame(argv[1], argv[2], query))
    elif argv[:1] == ["paint"]:
        result = asyncio.run(paint(int(argv[1]) if len(argv) > 1 else 5000))
    else:
        sys.stderr.write(__doc__ or "")
        return 2
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
