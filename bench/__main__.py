"""``python -m bench --quick|--full [--sizes 1000,10000] [--seed S]``: run, print, record.

Quick (``make bench``, about a minute): 1k articles, small query sets, the app on the seeds and
1k. Full (``make bench-full``): 1k, 10k and 50k, larger query sets, the app on the seeds and the
largest size; writes ``BENCHMARKS.md``. Both write ``bench/out/results-<mode>.{json,md}``.
A component that has not landed yet is reported as "not available: <reason>".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time

from bench.common import OUT, ROOT, Row, reason_of, unavailable
from bench.report import machine_info, print_table, write_markdown


def _compile_sources() -> None:
    """Write the package's bytecode first, as ``make run`` and a wheel install do: where
    ``PYTHONDONTWRITEBYTECODE`` is set (containers), every measured start would otherwise
    compile the sources again (about 40 ms of each CLI run)."""
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="about a minute (default)")
    mode.add_argument("--full", action="store_true", help="1k, 10k, 50k; writes BENCHMARKS.md")
    ap.add_argument("--sizes", help="comma-separated corpus sizes, e.g. 1000,10000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", help="comma-separated sections: index,query,app,core")
    ap.add_argument("--note", default="", help="a sentence written at the top of the report")
    ap.add_argument("--no-write", action="store_true", help="do not write BENCHMARKS.md")
    args = ap.parse_args(argv)
    full = bool(args.full)
    mode_name = "full" if full else "quick"
    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([1000, 10000, 50000] if full else [1000])
    )
    only = set(args.only.split(",")) if args.only else {"index", "query", "app", "core"}
    n_queries = 40 if full else 10
    cost_sample = 300 if full else 40
    OUT.mkdir(parents=True, exist_ok=True)
    _compile_sources()

    started = dt.datetime.now(dt.UTC)
    load_start = [round(x, 2) for x in os.getloadavg()]
    t0 = time.perf_counter()
    rows: list[Row] = []

    def step(name: str, fn) -> None:
        t = time.perf_counter()
        sys.stderr.write(f"bench: {name} …\n")
        sys.stderr.flush()
        try:
            fn()
        except Exception as exc:  # one broken benchmark never stops the others
            rows.append(unavailable(name.split()[0], name, reason_of(exc)))
        sys.stderr.write(f"bench: {name} done in {time.perf_counter() - t:.1f} s\n")
        # a long run that is stopped still leaves what it measured so far
        (OUT / f"results-{mode_name}.partial.json").write_text(
            json.dumps([r.as_dict() for r in rows], indent=1, default=str)
        )

    built = {}
    if "core" in only:
        from bench import core_bench

        step("core annotate+compare", lambda: core_bench.run(rows, repeat=5 if full else 3))
    for size in sizes:
        if "index" in only or "query" in only or "app" in only:
            from bench import index_bench

            def do_index(size: int = size) -> None:
                b = index_bench.bench_size(size, args.seed, rows)
                if b is not None:
                    built[size] = b

            step(f"index build {size}", do_index)
        if (
            "query" in only
            and size in built
            and (not full or size >= 10000 or len(sizes) == 1 or size == max(sizes))
        ):
            from bench import query_bench

            step(
                f"query {size}",
                lambda size=size: query_bench.bench_size(
                    built[size], n_queries, args.seed, rows, cost_sample
                ),
            )
    if "app" in only:
        from bench import app_bench

        def do_app() -> None:
            seeds = app_bench.seeds_index()
            if seeds is None:
                rows.append(
                    unavailable(
                        "app",
                        "first interactive frame, seeds",
                        "the seeds index could not be built",
                    )
                )
            else:
                app_bench.first_frame("seeds", *seeds, rows, 1.0, typing=False)
            if built:
                big = built[max(built)]
                label = f"{big.size // 1000}k"
                app_bench.first_frame(
                    label, str(big.corpus), str(big.index), rows, 1.5, typing=True
                )
            app_bench.paint(rows)

        step("app", do_app)

    elapsed = time.perf_counter() - t0
    info = machine_info()
    info.update(
        load_avg_start=load_start,
        note=args.note,
        mode=mode_name,
        sizes=sizes,
        seed=args.seed,
        started=started.isoformat(timespec="seconds"),
        elapsed_s=round(elapsed, 1),
        queries_per_kind=n_queries,
    )
    print_table(rows, info)
    (OUT / f"results-{mode_name}.json").write_text(
        json.dumps({"info": info, "rows": [r.as_dict() for r in rows]}, indent=1, default=str)
    )
    md = write_markdown(rows, info)
    (OUT / f"results-{mode_name}.md").write_text(md, encoding="utf-8")
    if full and not args.no_write:
        (ROOT / "BENCHMARKS.md").write_text(md, encoding="utf-8")
        sys.stderr.write(f"bench: wrote {ROOT / 'BENCHMARKS.md'}\n")
    sys.stderr.write(f"bench: {mode_name} run took {elapsed:.0f} s; results in {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
