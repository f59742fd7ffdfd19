"""The benchmark runner's pieces: targets, percentiles, the plain Whoosh baseline, query sets."""

from __future__ import annotations

import json
from pathlib import Path

from bench.baseline import PlainSearcher, build
from bench.common import percentile, row
from bench.generate import generate_article
from bench.query_bench import KINDS, query_set
from bench.report import write_markdown


def test_row_checks_its_target() -> None:
    assert row("q", "term p95", 12.0, "ms", below=50).status == "pass"
    assert row("q", "term p95", 80.0, "ms", below=50).status == "FAIL"
    assert row("i", "rate", 300.0, "art/s", above=250).status == "pass"
    assert row("i", "rate", 100.0, "art/s", above=250).status == "FAIL"
    assert row("i", "size", 3.0, "MB").status == "n/a"
    assert row("q", "x", None, "ms", below=50).status == "FAIL"


def test_percentile_interpolates() -> None:
    xs = [float(i) for i in range(1, 101)]
    assert percentile(xs, 50) == 50.5
    assert 95 <= percentile(xs, 95) <= 96
    assert percentile([7.0], 95) == 7.0


def test_query_sets_are_varied_and_deterministic() -> None:
    a, b = query_set(20, seed=1), query_set(20, seed=1)
    assert a == b
    assert set(a) == set(KINDS)
    for kind in KINDS:
        assert len(a[kind]) == 20
    assert len(set(a["term"])) > 10
    assert all(q.startswith('"') for q in a["phrase"])
    assert all(q.endswith("*") for q in a["prefix"])
    assert all("date:[" in q and "source:" in q for q in a["field+date"])


def test_plain_baseline_builds_and_answers(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as fh:
        for i in range(30):
            g = generate_article(i, seed=4)
            fh.write(
                json.dumps(
                    {
                        "path": g.relpath,
                        "title": g.title,
                        "source": g.outlet,
                        "date": g.date.isoformat(),
                        "text": g.text,
                    }
                )
                + "\n"
            )
    info = build(docs, tmp_path / "ix")
    assert info["docs"] == 30
    s = PlainSearcher(tmp_path / "ix")
    try:
        assert s.search("Idlib") > 0
        assert s.search("Idlib", sort_date=True, facets=True, snippets=True) > 0
        outlet = generate_article(0, seed=4).outlet
        year = generate_article(0, seed=4).date.year
        assert s.search(f'source:"{outlet}" date:[{year}-01 to {year}-12]') >= 1
    finally:
        s.close()


def test_markdown_lists_every_row_and_the_machine() -> None:
    rows = [row("index", "full build 1k: rate", 321.0, "art/s", above=250)]
    info = {
        "mode": "quick", "started": "2026-01-01T00:00:00", "commit": "abc", "elapsed_s": 1.0,
        "cpu": "Test CPU", "cores": 2, "ram_gb": 4.0, "os": "Linux", "python": "3.11",
        "packages": {"textual": "8"}, "pipeline": "p", "seed": 0, "sizes": [1000],
        "queries_per_kind": 12,
    }  # fmt: skip
    md = write_markdown(rows, info)
    assert "Test CPU" in md and "full build 1k: rate" in md and "| pass |" in md
