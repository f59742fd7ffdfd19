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
from collections.abc import Callable
from typing import Any

from bench.common import OUT, ROOT, Row, reason_of, unavailable
from bench.report import machine_info, print_table, write_markdown


def _compile_sources() -> None:
    """Write the package's bytecode first, as ``make run`` and a wheel install do: where
    ``PYTHONDONTWRITEBYTECODE`` is set (containers), every measured start would otherwise
    compile the sources again (about 40 ms of each CLI run)."""
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=2)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="about a minute (default)")
    mode.add_argument("--full", action="store_true", help="1k, 10k, 50k; writes BENCHMARKS.md")
    ap.add_argument("--sizes", help="comma-separated corpus sizes, e.g. 1000,10000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", help="comma-separated sections: index,query,app,core")
    ap.add_argument("--note", default="", help="a sentence written at the top of the report")
    ap.add_argument("--no-write", action="store_true", help="do not write BENCHMARKS.md")
    return ap.parse_args(argv)


class _Run:
    """One benchmark run: its settings, the rows measured so far and the indexes built."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.full = bool(args.full)
        self.mode_name = "full" if self.full else "quick"
        self.sizes = (
            [int(s) for s in args.sizes.split(",")]
            if args.sizes
            else ([1000, 10000, 50000] if self.full else [1000])
        )
        self.only = set(args.only.split(",")) if args.only else {"index", "query", "app", "core"}
        self.n_queries = 40 if self.full else 10
        self.cost_sample = 300 if self.full else 40
        self.rows: list[Row] = []
        self.built: dict[int, Any] = {}

    def step(self, name: str, fn: Callable[[], None]) -> None:
        """Run one benchmark; one that fails is a row saying why, never the end of the run."""
        t = time.perf_counter()
        sys.stderr.write(f"bench: {name} …\n")
        sys.stderr.flush()
        try:
            fn()
        except Exception as exc:  # one broken benchmark never stops the others
            self.rows.append(unavailable(name.split()[0], name, reason_of(exc)))
        sys.stderr.write(f"bench: {name} done in {time.perf_counter() - t:.1f} s\n")
        # a long run that is stopped still leaves what it measured so far
        (OUT / f"results-{self.mode_name}.partial.json").write_text(
            json.dumps([r.as_dict() for r in self.rows], indent=1, default=str)
        )

    def sections(self) -> None:
        """Core, then index and queries for each size, then the app."""
        if "core" in self.only:
            from bench import core_bench

            self.step(
                "core annotate+compare",
                lambda: core_bench.run(self.rows, repeat=5 if self.full else 3),
            )
        for size in self.sizes:
            if self.only & {"index", "query", "app"}:
                self.step(f"index build {size}", lambda size=size: self.index(size))
            if "query" in self.only and size in self.built and self.queries_at(size):
                from bench import query_bench

                self.step(
                    f"query {size}",
                    lambda size=size: query_bench.bench_size(
                        self.built[size],
                        self.n_queries,
                        self.args.seed,
                        self.rows,
                        self.cost_sample,
                    ),
                )
        if "app" in self.only:
            self.step("app", self.app)

    def queries_at(self, size: int) -> bool:
        """A full run measures queries at 10k and over (or at its one, or largest, size)."""
        sizes = self.sizes
        return not self.full or size >= 10000 or len(sizes) == 1 or size == max(sizes)

    def index(self, size: int) -> None:
        from bench import index_bench

        b = index_bench.bench_size(size, self.args.seed, self.rows)
        if b is not None:
            self.built[size] = b

    def app(self) -> None:
        from bench import app_bench

        seeds = app_bench.seeds_index()
        if seeds is None:
            self.rows.append(
                unavailable(
                    "app",
                    "first interactive frame, seeds",
                    "the seeds index could not be built",
                )
            )
        else:
            app_bench.first_frame("seeds", *seeds, self.rows, 1.0, typing=False)
        if self.built:
            big = self.built[max(self.built)]
            label = f"{big.size // 1000}k"
            app_bench.first_frame(
                label, str(big.corpus), str(big.index), self.rows, 1.5, typing=True
            )
        app_bench.paint(self.rows)

    def write(self, info: dict[str, Any]) -> None:
        """Print the table and write the results (and, for a full run, BENCHMARKS.md)."""
        mode_name = self.mode_name
        print_table(self.rows, info)
        (OUT / f"results-{mode_name}.json").write_text(
            json.dumps(
                {"info": info, "rows": [r.as_dict() for r in self.rows]}, indent=1, default=str
            )
        )
        md = write_markdown(self.rows, info)
        (OUT / f"results-{mode_name}.md").write_text(md, encoding="utf-8")
        if self.full and not self.args.no_write:
            (ROOT / "BENCHMARKS.md").write_text(md, encoding="utf-8")
            sys.stderr.write(f"bench: wrote {ROOT / 'BENCHMARKS.md'}\n")


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    run = _Run(args)
    OUT.mkdir(parents=True, exist_ok=True)
    _compile_sources()
    started = dt.datetime.now(dt.UTC)
    load_start = [round(x, 2) for x in os.getloadavg()]
    t0 = time.perf_counter()
    run.sections()
    elapsed = time.perf_counter() - t0
    info = machine_info()
    info.update(
        load_avg_start=load_start,
        note=args.note,
        mode=run.mode_name,
        sizes=run.sizes,
        seed=args.seed,
        started=started.isoformat(timespec="seconds"),
        elapsed_s=round(elapsed, 1),
        queries_per_kind=run.n_queries,
    )
    run.write(info)
    sys.stderr.write(f"bench: {run.mode_name} run took {elapsed:.0f} s; results in {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
