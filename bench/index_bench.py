"""Full index build and a 1% incremental update, through the real CLI in a measured subprocess.

``python -m idlibtui --corpus C --index I index`` is what a user runs; measuring it in a child
process gives wall time, CPU time and the peak RSS of the whole process tree (workers included).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    OUT,
    PYTHON,
    Measured,
    Row,
    corpus_dir,
    dir_size,
    pipeline_version,
    row,
    run_measured,
    safe_key,
    unavailable,
)
from bench.generate import mutate_corpus

SECTION = "index"
MB = 1024 * 1024


@dataclass(slots=True)
class Built:
    size: int
    corpus: Path
    index: Path
    seconds: float
    cpu_seconds: float


def index_path(size: int, seed: int) -> Path:
    return OUT / f"index-{size}-s{seed}-{safe_key(pipeline_version())}"


def _index_cmd(corpus: Path, index: Path, progress: bool = True) -> list[str]:
    cmd = [PYTHON, "-m", "idlibtui", "--corpus", str(corpus), "--index", str(index), "index"]
    if progress:
        cmd.append("--progress=none")
    return cmd


def run_index(corpus: Path, index: Path) -> Measured:
    m = run_measured(_index_cmd(corpus, index))
    if m.returncode == 2 and "--progress" in m.stderr:
        m = run_measured(_index_cmd(corpus, index, progress=False))
    return m


def _failed(m: Measured) -> str:
    tail = (m.stderr.strip().splitlines() or ["(no output)"])[-1]
    return f"exit {m.returncode}: {tail[:160]}"


def _updated_count(summary: str) -> int | None:
    """How many files the index command re-processed, from its closing summary."""
    import re

    found = re.search(r"(\d+) added, (\d+) updated", summary)
    return int(found.group(1)) + int(found.group(2)) if found else None


def available() -> str | None:
    """None when the index command exists, else why not."""
    try:
        import idlibtui.cli.index_cmd
        import idlibtui.search  # noqa: F401
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def bench_size(size: int, seed: int, rows: list[Row]) -> Built | None:
    corpus = corpus_dir(size, seed)
    label = f"{size // 1000}k" if size >= 1000 else str(size)
    why = available()
    if why:
        rows.append(unavailable(SECTION, f"full build {label}", why))
        return None
    index = index_path(size, seed)
    if index.exists():
        shutil.rmtree(index)
    m = run_index(corpus, index)
    if m.returncode != 0:
        rows.append(unavailable(SECTION, f"full build {label}", _failed(m)))
        return None
    rate = size / m.seconds
    rows += [
        row(SECTION, f"full build {label}: time", m.seconds, "s"),
        row(SECTION, f"full build {label}: rate (clean+annotate+index)", rate, "art/s", above=250),
        row(
            SECTION,
            f"full build {label}: peak RSS (process tree)",
            m.peak_rss / MB,
            "MB",
            below=500,
            note=f"CPU {m.cpu_seconds:.1f} s over {m.seconds:.1f} s wall "
            f"(x{m.cpu_seconds / max(m.seconds, 1e-9):.2f})",
        ),
        row(SECTION, f"full build {label}: index size", dir_size(index) / MB, "MB"),
        row(
            SECTION,
            f"full build {label}: CPU per article",
            1000 * m.cpu_seconds / size,
            "ms",
            note="all processes; at 2 fully parallel cores 250 art/s needs < 8 ms",
        ),
    ]
    built = Built(size, corpus, index, m.seconds, m.cpu_seconds)

    # incremental: change 1% of the files, update, then put the originals back (bytes and mtime)
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".html"))
    saved = {p: (p.read_bytes(), p.stat()) for p in files}
    changed = mutate_corpus(corpus, 0.01, seed=seed)
    try:
        u = run_index(corpus, index)
    finally:
        for p in changed:
            data, st = saved[p]
            p.write_bytes(data)
            os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    if u.returncode != 0:
        rows.append(unavailable(SECTION, f"update 1% {label}", _failed(u)))
        return built
    redone = _updated_count(u.stdout + u.stderr)
    if redone is not None and redone > 2 * len(changed) + 5:
        rows.append(
            unavailable(
                SECTION,
                f"update 1% {label}",
                f"the update re-processed {redone} files for {len(changed)} changed: the pipeline "
                "version changed during the run (code edited meanwhile), so this was a rebuild",
            )
        )
        run_index(corpus, index)
        return built
    share = 100 * u.seconds / m.seconds
    rows += [
        row(SECTION, f"update 1% ({len(changed)} files) {label}: time", u.seconds, "s"),
        row(SECTION, f"update 1% {label}: share of full build", share, "%", below=5),
        row(SECTION, f"update 1% {label}: peak RSS", u.peak_rss / MB, "MB", below=500),
    ]
    # bring the index back in line with the restored files (not measured), so that the app
    # benchmark opens an up-to-date index instead of updating it first
    run_index(corpus, index)
    return built
