"""The app, headless in a fresh process: first frame, typing, painting a long article."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from bench.common import (
    OUT,
    PYTHON,
    ROOT,
    Row,
    reason_of,
    row,
    run_measured,
    unavailable,
)

SECTION = "app"
T0_VARIABLE = "IDLIBTUI_BENCH_T0"
MB = 1024 * 1024
TYPED = "turkish soldiers"


def _probe(args: list[str]) -> tuple[dict | None, str, float]:
    # The probe measures from this moment: the process's own create_time() rests on a
    # whole-second boot time and was seen to overstate by ~0.26 s.
    os.environ[T0_VARIABLE] = repr(time.time())
    m = run_measured([PYTHON, "-m", "bench.app_probe", *args], timeout=600)
    if m.returncode != 0:
        tail = (m.stderr.strip().splitlines() or ["(no output)"])[-1]
        return None, f"exit {m.returncode}: {tail[:160]}", m.peak_rss / MB
    try:
        return json.loads(m.stdout.strip().splitlines()[-1]), "", m.peak_rss / MB
    except (ValueError, IndexError) as exc:
        return None, reason_of(exc), m.peak_rss / MB


_STATUS = (
    "import sys; from pathlib import Path; from idlibtui.search.build import index_status; "
    "st = index_status(Path(sys.argv[1]), Path(sys.argv[2])); "
    "print((st.reason or 'stale') if st.stale else '')"
)


def _stale(corpus: str, index: str) -> str:
    """Why the app would have to update the index first ("" when it need not).

    Asked in a fresh process: the code on disk decides the pipeline version the app will see.
    """
    m = run_measured([PYTHON, "-c", _STATUS, corpus, index], timeout=300)
    if m.returncode != 0:
        return (m.stderr.strip().splitlines() or ["index status failed"])[-1][:160]
    return m.stdout.strip()


def _app_available() -> str | None:
    try:
        import idlibtui.tui.app  # noqa: F401
    except Exception as exc:
        return reason_of(exc)
    return None


def seeds_index() -> tuple[str, str] | None:
    """The bundled seeds with a freshly built index of their own (not the user's index/)."""
    from bench.index_bench import run_index

    index = OUT / "index-seeds"
    if index.exists():
        shutil.rmtree(index)
    m = run_index(ROOT / "corpus", index)
    return (str(ROOT / "corpus"), str(index)) if m.returncode == 0 else None


def first_frame(
    label: str, corpus: str, index: str, rows: list[Row], limit: float, typing: bool
) -> None:
    why = _app_available()
    if why:
        rows.append(unavailable(SECTION, f"first interactive frame, {label}", why))
        return
    stale = _stale(corpus, index)
    if stale:  # the code changed since the build (or files moved): bring it up to date first
        from bench.index_bench import run_index

        run_index(Path(corpus), Path(index))
        stale = _stale(corpus, index)
    if stale:
        rows.append(
            unavailable(
                SECTION,
                f"first interactive frame, {label}",
                f"index is stale before the app starts: {stale}",
            )
        )
        return
    args = ["first-frame", corpus, index] + (["--type", TYPED] if typing else [])
    result, err, peak = _probe(args)
    if result is None or "first_frame_s" not in result:
        rows.append(
            unavailable(
                SECTION,
                f"first interactive frame, {label}",
                err or (result or {}).get("error", "?"),
            )
        )
        return
    rows.append(
        row(
            SECTION,
            f"first interactive frame, {label}",
            result["first_frame_s"],
            "s",
            below=limit,
            note="process start to results shown, headless 120x40",
        )
    )
    rows.append(row(SECTION, f"app peak RSS, {label}", peak, "MB", below=500))
    if typing:
        k = result.get("keystroke_to_results_s")
        if k is None:
            rows.append(
                unavailable(SECTION, f"keystroke to results, {label}", result.get("error", "?"))
            )
        else:
            rows.append(
                row(
                    SECTION,
                    f"keystroke to results, {label}",
                    k * 1000,
                    "ms",
                    note=f"typing {TYPED!r}, last key to results; includes the 150 ms debounce",
                )
            )


def paint(rows: list[Row], words: int = 5000) -> None:
    try:
        import idlibtui.clean
        import idlibtui.tui.widgets.article_view  # noqa: F401
    except Exception as exc:
        rows.append(unavailable(SECTION, f"open and paint a {words}-word article", reason_of(exc)))
        return
    result, err, _peak = _probe(["paint", str(words)])
    if result is None:
        rows.append(unavailable(SECTION, f"open and paint a {words}-word article", err))
        return
    rows.append(
        row(
            SECTION,
            f"open and paint a {words}-word article",
            result["open_paint_s"] * 1000,
            "ms",
            note=f"ArticleView, {result['words']} words, query hits on",
        )
    )
    rows.append(
        row(SECTION, f"re-highlight the {words}-word article", result["rehighlight_s"] * 1000, "ms")
    )
    rows.append(
        row(SECTION, f"resize with the {words}-word article", result["resize_s"] * 1000, "ms")
    )
