"""Query latency on our index and, side by side, on a plain Whoosh index of the same articles.

Queries are drawn from the generator's vocabulary (not one repeated query), seeded, so every run
asks the same set. Our side goes through ``idlibtui.search.open_index(dir).search(...)``, which
returns a page of 20 hits with snippets and offsets and the facet counts (what the app shows).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from bench import generate as g
from bench.baseline import PlainSearcher
from bench.common import (
    OUT,
    PYTHON,
    Row,
    dir_size,
    percentile,
    reason_of,
    row,
    run_measured,
    unavailable,
)

SECTION = "query"
MB = 1024 * 1024

_TERMS = (
    "ceasefire",
    "hospitals",
    "convoy",
    "refugees",
    "shelling",
    "displaced",
    "winter",
    "camps",
    "Hezbollah",
    "Idlib",
    "Saraqib",
    "Aleppo",
    "observation",
    "market",
    "children",
    "bread",
    "water",
    "border",
    "negotiations",
    "catastrophic",
    "tents",
    "buffer",
    "highway",
    "monitors",
    "Lavrov",
    "Erdogan",
    "Pedersen",
    "Kreimesh",
    "Nayrab",
    "Takharim",
    "Janudiya",
    "Sochi",
)
_PHRASES = (
    "air strikes",
    "humanitarian crisis",
    "clean water",
    "buffer zone",
    "Bab al-Hawa",
    "Syrian Observatory for Human Rights",
    "White Helmets",
    "nowhere left to go",
    "father of four",
    "winter assistance",
    "Maaret al-Numan",
    "drone strikes",
    "M4 highway",
)
_PREFIXES = (
    "disp*",
    "hosp*",
    "refug*",
    "cease*",
    "neg*",
    "catast*",
    "humanit*",
    "Kafr*",
    "bomb*",
    "conv*",
    "shell*",
    "milit*",
    "Saraq*",
    "evac*",
    "cam*",
)
_SOURCES = tuple(o.name for o in g.OUTLETS)
_MONTH_RANGES = (
    "2019-12 to 2020-02", "2019-04 to 2019-06", "2018-08 to 2018-10", "2020-01 to 2020-03",
    "2019-01 to 2019-12", "2018-01 to 2018-03",
)  # fmt: skip

KINDS = ("term", "AND", "phrase", "prefix", "field+date", "sorted by date", "facets", "snippets")
#: p95 targets (ms) from issue 6, at 50k
TARGETS = {"term": 50, "AND": 50, "phrase": 50, "field+date": 50, "prefix": 200}


def query_set(n: int, seed: int = 0) -> dict[str, list[str]]:
    rng = random.Random(f"queries:{seed}")
    people = [p.split()[-1] for p in g.PEOPLE[:200]]
    places = [p for p in g.PLACES[:400] if " " not in p]
    terms = list(_TERMS) + people[:40] + places[:40]
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    for _ in range(n):
        a, b = rng.sample(terms, 2)
        out["term"].append(rng.choice(terms))
        out["AND"].append(f"{a} AND {b}")
        phrase = rng.choice(_PHRASES) if rng.random() < 0.7 else rng.choice(g.PLACES[60:600])
        out["phrase"].append(f'"{phrase}"')
        out["prefix"].append(rng.choice(_PREFIXES))
        out["field+date"].append(
            f'source:"{rng.choice(_SOURCES)}" date:[{rng.choice(_MONTH_RANGES)}]'
        )
        out["sorted by date"].append(rng.choice(terms))
        out["facets"].append(rng.choice(terms))
        out["snippets"].append(f"{rng.choice(terms)} {rng.choice(_TERMS)}")
    return out


class Timings(list):
    """Wall-clock milliseconds per query; ``cpu`` holds the process CPU milliseconds."""

    cpu: list[float]


def _time_all(fn: Callable[[str], object], queries: list[str]) -> Timings:
    for q in queries[:2]:  # warm caches the way a session does
        fn(q)
    times = Timings()
    times.cpu = []
    for q in queries:
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t0) * 1000)
        times.cpu.append((time.process_time() - c0) * 1000)
    return times


def _cpu_note(times: Timings) -> str:
    """CPU time is what the query costs; wall time also counts other work on the machine."""
    return f"CPU p50 {percentile(times.cpu, 50):.1f} / p95 {percentile(times.cpu, 95):.1f} ms"


def _ours(index_dir: Path, qs: dict[str, list[str]], label: str, rows: list[Row]) -> dict:
    from idlibtui.search import open_index

    ix = open_index(index_dir)
    p95s: dict[str, float] = {}
    try:
        for kind in KINDS:
            sort = "date" if kind == "sorted by date" else "relevance"

            def run(q: str, sort: str = sort) -> object:
                return ix.search(q, page=1, page_size=20, sort=sort)

            try:
                times = _time_all(run, qs[kind])
            except Exception as exc:
                rows.append(unavailable(SECTION, f"ours {label} {kind}", reason_of(exc)))
                continue
            p50, p95 = percentile(times, 50), percentile(times, 95)
            p95s[kind] = p95
            limit = TARGETS.get(kind)
            rows.append(row(SECTION, f"ours {label} {kind}: p50", p50, "ms", note=_cpu_note(times)))
            rows.append(
                row(
                    SECTION,
                    f"ours {label} {kind}: p95",
                    p95,
                    "ms",
                    below=limit,
                    note="page of 20 with snippets, offsets and facets",
                )
            )
    finally:
        close = getattr(ix, "close", None)
        if close:
            close()
    return p95s


def _plain(index_dir: Path, qs: dict[str, list[str]], label: str, rows: list[Row]) -> dict:
    """Plain Whoosh: each kind bare (as GUIDE §4 measured it) and as a full results page.

    The full page (20 hits with highlight offsets and source facets) is what our ``search``
    always returns, so the ours/plain ratio uses it.
    """
    s = PlainSearcher(index_dir)
    p95s: dict[str, float] = {}
    try:
        for kind in KINDS:
            sort_date = kind == "sorted by date"
            bare = {"sort_date": sort_date, "facets": kind == "facets",
                    "snippets": kind == "snippets"}  # fmt: skip
            page = {"sort_date": sort_date, "facets": True, "snippets": True}
            try:
                t_bare = _time_all(lambda q, kw=bare: s.search(q, **kw), qs[kind])
                t_page = _time_all(lambda q, kw=page: s.search(q, **kw), qs[kind])
            except Exception as exc:
                rows.append(unavailable(SECTION, f"plain {label} {kind}", reason_of(exc)))
                continue
            p95s[kind] = percentile(t_page, 95)
            rows.append(
                row(
                    SECTION,
                    f"plain {label} {kind}: p50",
                    percentile(t_bare, 50),
                    "ms",
                    note=_cpu_note(t_bare),
                )
            )
            rows.append(row(SECTION, f"plain {label} {kind}: p95", percentile(t_bare, 95), "ms"))
            if kind not in ("snippets",):
                rows.append(
                    row(
                        SECTION,
                        f"plain {label} {kind} + page of 20: p95",
                        p95s[kind],
                        "ms",
                        note="with highlight offsets and source facets",
                    )
                )
    finally:
        s.close()
    return p95s


def dump_docs(index_dir: Path, size: int, dest: Path) -> int:
    """The cleaned articles as our index holds them, for the plain index (cached)."""
    if dest.exists():
        return sum(1 for _ in dest.open(encoding="utf-8"))
    from idlibtui.search import open_index

    ix = open_index(index_dir)
    n = 0
    tmp = dest.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for d in ix.iter_documents():
            date = d.get("date")
            fh.write(
                json.dumps(
                    {
                        "path": d.get("path", ""),
                        "title": d.get("title", ""),
                        "source": d.get("source", ""),
                        "date": date.isoformat() if date else "",
                        "text": d.get("text", ""),
                    }
                )
                + "\n"
            )
            n += 1
    getattr(ix, "close", lambda: None)()
    tmp.rename(dest)
    return n


def clean_annotate_cost(corpus: Path, sample: int) -> tuple[float, float, float]:
    """Per-article ms of read, clean and annotate over ``sample`` files of ``corpus``."""
    from idlibtui.annotate import annotate
    from idlibtui.clean import clean_document
    from idlibtui.ingest import read_document
    from idlibtui.pipeline import article_id

    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".html"))
    files = files[:: max(1, len(files) // sample)][:sample]
    t_read = t_clean = t_ann = 0.0
    clock = time.process_time  # CPU time: what the work costs, whatever else the machine does
    for p in files:
        t0 = clock()
        doc = read_document(p)
        t1 = clock()
        if not hasattr(doc, "text"):  # an IngestProblem: skipped by the build too
            continue
        rel = p.relative_to(corpus).as_posix()
        art = clean_document(
            doc.text, path=rel, article_id=article_id(rel), encoding=doc.encoding,
            is_html=doc.is_html,
        )  # fmt: skip
        t2 = clock()
        annotate(art)
        t3 = clock()
        t_read += t1 - t0
        t_clean += t2 - t1
        t_ann += t3 - t2
    n = max(1, len(files))  # per sampled file (a skipped file costs its read only)
    return 1000 * t_read / n, 1000 * t_clean / n, 1000 * t_ann / n


def bench_size(built, n_queries: int, seed: int, rows: list[Row], cost_sample: int) -> None:
    """Queries on ours and plain, and the plain build, for one ``index_bench.Built``."""
    size = built.size
    label = f"{size // 1000}k" if size >= 1000 else str(size)
    qs = query_set(n_queries, seed)

    # --- plain Whoosh build over the same cleaned text
    docs = OUT / f"docs-{built.index.name}.jsonl"
    plain_dir = OUT / f"plain-{built.index.name}"
    try:
        n = dump_docs(built.index, size, docs)
    except Exception as exc:
        rows.append(unavailable("baseline", f"plain build {label}", reason_of(exc)))
        n = 0
    if n:
        import shutil

        if plain_dir.exists():
            shutil.rmtree(plain_dir)
        m = run_measured([PYTHON, "-m", "bench.baseline", "build", str(docs), str(plain_dir)])
        if m.returncode != 0:
            tail = (m.stderr.strip().splitlines() or ["?"])[-1]
            rows.append(unavailable("baseline", f"plain build {label}", tail))
        else:
            info = json.loads(m.stdout.strip().splitlines()[-1])
            plain_s = info["add_seconds"] + info["commit_seconds"]
            rows += [
                row("baseline", f"plain build {label}: time (add+commit)", plain_s, "s"),
                row("baseline", f"plain build {label}: rate", n / plain_s, "art/s"),
                row(
                    "baseline",
                    f"plain build {label}: commit share",
                    100 * info["commit_seconds"] / plain_s,
                    "%",
                ),
                row("baseline", f"plain build {label}: peak RSS", m.peak_rss / MB, "MB"),
                row("baseline", f"plain build {label}: index size", dir_size(plain_dir) / MB, "MB"),
            ]
            # our pipeline's clean+annotate cost, measured apart so the comparison is fair
            try:
                r_ms, c_ms, a_ms = clean_annotate_cost(built.corpus, cost_sample)
            except Exception as exc:
                rows.append(unavailable("baseline", "clean+annotate cost", reason_of(exc)))
            else:
                per = r_ms + c_ms + a_ms
                rows += [
                    row("baseline", f"read per article ({cost_sample} sampled)", r_ms, "ms"),
                    row("baseline", f"clean per article ({cost_sample} sampled)", c_ms, "ms"),
                    row("baseline", f"annotate per article ({cost_sample} sampled)", a_ms, "ms"),
                ]
                ours_cpu = 1000 * built.cpu_seconds / size - per
                plain_cpu = 1000 * m.cpu_seconds / n
                rows.append(
                    row(
                        "baseline",
                        f"plain build {label}: CPU per article",
                        plain_cpu,
                        "ms",
                        note="whole process: start, JSON load, add_document, commit",
                    )
                )
                rows.append(
                    row(
                        "baseline",
                        f"ours {label}: indexing CPU per article (est.)",
                        ours_cpu,
                        "ms",
                        below=plain_cpu,
                        note="our full build's CPU per article minus the measured "
                        "read+clean+annotate CPU per article; target: below plain",
                    )
                )

    # --- queries
    plain_p95: dict[str, float] = {}
    if plain_dir.exists():
        try:
            plain_p95 = _plain(plain_dir, qs, label, rows)
        except Exception as exc:
            rows.append(unavailable(SECTION, f"plain {label} queries", reason_of(exc)))
    try:
        ours_p95 = _ours(built.index, qs, label, rows)
    except Exception as exc:
        rows.append(unavailable(SECTION, f"ours {label} queries", reason_of(exc)))
        ours_p95 = {}
    for kind in KINDS:
        if kind in ours_p95 and kind in plain_p95 and plain_p95[kind] > 0:
            ratio = ours_p95[kind] / plain_p95[kind]
            rows.append(
                row(
                    "ours/plain",
                    f"{label} {kind}: p95 ours / plain",
                    ratio,
                    "x",
                    below=1.0,
                    note="both sides: a page of 20 with highlight offsets and facets",
                )
            )


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.query_bench --index DIR [--n 40] [--repeat 3]``: our query latency on an
    existing index, per kind: the first pass over the query set (posting lists not yet decoded
    for this commit) and the best of ``--repeat`` passes, wall and CPU p50/p95 in ms."""
    import argparse
    import resource

    ap = argparse.ArgumentParser(prog="python -m bench.query_bench", description=main.__doc__)
    ap.add_argument("--index", required=True, type=Path)
    ap.add_argument("--n", type=int, default=40, help="queries per kind")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kinds", help="comma-separated subset of: " + ", ".join(KINDS))
    args = ap.parse_args(argv)
    from idlibtui.search import open_index

    qs = query_set(args.n, args.seed)
    kinds = args.kinds.split(",") if args.kinds else list(KINDS)
    t0 = time.perf_counter()
    ix = open_index(args.index)
    print(f"index {args.index}: {ix.doc_count} articles, opened in "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")  # fmt: skip
    head = "kind", "first p50", "first p95", "cpu p95", "best p50", "best p95", "cpu p95", "target"
    print("{:<15} {:>9} {:>9} {:>8} | {:>8} {:>8} {:>8} | {:>6}".format(*head))
    for kind in kinds:
        sort = "date" if kind == "sorted by date" else "relevance"
        runs = []
        for _ in range(max(1, args.repeat)):
            runs.append(
                _time_all(lambda q, s=sort: ix.search(q, page=1, page_size=20, sort=s), qs[kind])
            )
        first = runs[0]
        best = min(runs, key=lambda t: percentile(t, 95))
        best_cpu = min(percentile(t.cpu, 95) for t in runs)
        target = TARGETS.get(kind)
        print(
            f"{kind:<15} {percentile(first, 50):9.1f} {percentile(first, 95):9.1f} "
            f"{percentile(first.cpu, 95):8.1f} | {percentile(best, 50):8.1f} "
            f"{percentile(best, 95):8.1f} {best_cpu:8.1f} | {target or '':>6}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB (wall and CPU in ms; a page of 20 with snippets and facets)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
