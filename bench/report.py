"""Machine description, the rich table, and the markdown that becomes BENCHMARKS.md."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata

from bench.common import ROOT, Row, pipeline_version

PACKAGES = ("idlibtui", "whoosh-reloaded", "textual", "rich", "ftfy", "rapidfuzz", "psutil")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, timeout=5, check=False,
        )  # fmt: skip
        return out.stdout.strip()
    except OSError:
        return ""


def machine_info() -> dict:
    import psutil

    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "packages": versions,
        "pipeline": pipeline_version(),
        "commit": _git_commit(),
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def print_table(rows: list[Row], info: dict) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=f"idlibtui benchmarks ({info['mode']}, sizes {info['sizes']}, {info['elapsed_s']} s)",
        show_lines=False,
    )
    for col, kw in (
        ("section", {}),
        ("figure", {}),
        ("value", {"justify": "right"}),
        ("unit", {}),
        ("target", {}),
        ("status", {}),
        ("note", {"overflow": "fold"}),
    ):
        table.add_column(col, **kw)
    styles = {"pass": "green", "FAIL": "bold red", "not available": "yellow"}
    for r in rows:
        table.add_row(
            Text(r.section), Text(r.name), Text(_fmt(r.value)), Text(r.unit), Text(r.target),
            Text(r.status, style=styles.get(r.status, "")), Text(r.note),
        )  # fmt: skip
    console = Console(width=max(160, Console().width))
    console.print(table)
    console.print(
        Text(
            f"{info['cpu']} · {info['cores']} cores · {info['ram_gb']} GB · Python "
            f"{info['python']} · pipeline {info['pipeline']} · load {info.get('load_avg_start')} → "
            f"{info.get('load_avg')}"
        )
    )


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_markdown(rows: list[Row], info: dict) -> str:
    make = "bench-full" if info["mode"] == "full" else "bench"
    pk = ", ".join(f"{k} {v}" for k, v in info["packages"].items())
    lines = [
        "# idlibtui benchmarks",
        "",
        f"Written by `python -m bench --{info['mode']}` (`make {make}`)"
        f" on {info['started']} UTC, commit `{info['commit']}`, in {info['elapsed_s']} s.",
        "",
        *([f"> {info['note']}", ""] if info.get("note") else []),
        "## Machine",
        "",
        f"- CPU: {info['cpu']}, {info['cores']} cores; RAM {info['ram_gb']} GB",
        f"- {info['os']}, Python {info['python']}",
        f"- Load average (1, 5, 15 min) at the start: {info.get('load_avg_start', '?')}, at the"
        f" end: {info.get('load_avg', '?')} (other work on the machine inflates every figure)",
        f"- Packages: {pk}",
        f"- Pipeline version: `{info['pipeline']}`",
        f"- Corpus: `python -m bench.generate` seed {info['seed']}, sizes {info['sizes']};"
        f" {info['queries_per_kind']} varied queries per kind, p50/p95 over them",
        "",
        "## Figures",
        "",
        "| section | figure | value | unit | target | status | note |",
        "|---|---|---:|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.section} | {_md_cell(r.name)} | {_fmt(r.value)} | {r.unit} | "
            f"{_md_cell(r.target)} | {r.status} | {_md_cell(r.note)} |"
        )
    if info["mode"] == "full" and sorted(info["sizes"]) != [1000, 10000, 50000]:
        lines += [
            "",
            f"Sizes were overridden (`--sizes {','.join(map(str, info['sizes']))}`): the issue's"
            " full set is 1k, 10k and 50k.",
        ]
    lines += [
        "",
        "## How it is measured",
        "",
        "- Index build and update: `python -m idlibtui --corpus C --index I index` in a child"
        " process (wall time; peak RSS is the summed RSS of the whole process tree sampled every"
        " 20 ms). The update changes 1% of the files (appends a paragraph or changes a digit),"
        " runs the same command, then restores the files.",
        "- Queries: `idlibtui.search.open_index(dir).search(q, page=1, page_size=20)` in"
        " process, after two warm-up queries; every call returns 20 hits with snippets, offsets"
        " and facets.",
        "- Plain Whoosh: `TEXT(stored=True)` title/body, `ID` path and source, `DATETIME` date,"
        " default `ix.writer()` and one `commit()`, default `QueryParser`, over the cleaned text"
        " our index holds. Shown bare and as a full page (20 hits with highlight offsets from a"
        " custom `Formatter` and source facets); the ours/plain ratio compares full pages.",
        "- Our indexing-only cost: the full build's CPU time per article (all processes) minus"
        " the read+clean+annotate CPU time per article measured in process on a sample; set"
        " against the plain build's CPU per article. CPU time, unlike wall time, hardly moves"
        " with other load on the machine; query rows note CPU p50/p95 beside wall p50/p95.",
        "- App: `python -m bench.app_probe` in a fresh process, headless `App.run_test(size=(120,"
        " 40))`: time from process start until the search screen holds results and one more"
        " frame has been processed. Typing presses one key every 80 ms; the figure is from the"
        " last key until results for the whole query are shown (includes the 150 ms debounce).",
        "- Annotate and compare: median of repeated in-process calls on generated 5,000-word"
        " articles (the second compare side re-uses every other paragraph of the first).",
        "",
    ]
    return "\n".join(lines)
