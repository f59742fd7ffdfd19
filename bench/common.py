"""What every benchmark shares: result rows, the cache under bench/out, measured subprocesses."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(os.environ.get("IDLIBTUI_BENCH_OUT") or ROOT / "bench" / "out")
PYTHON = sys.executable


@dataclass(slots=True)
class Row:
    """One measured figure. ``status`` is pass, FAIL, n/a (no target) or 'not available'."""

    section: str
    name: str
    value: float | None
    unit: str = ""
    target: str = ""
    status: str = "n/a"
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def row(
    section: str,
    name: str,
    value: float | None,
    unit: str = "",
    *,
    below: float | None = None,
    above: float | None = None,
    note: str = "",
) -> Row:
    """A row with its target checked: ``below`` (value < limit) or ``above`` (value >= limit)."""
    target, status = "", "n/a"
    if below is not None:
        target = f"< {below:g} {unit}".strip()
        status = "pass" if value is not None and value < below else "FAIL"
    elif above is not None:
        target = f">= {above:g} {unit}".strip()
        status = "pass" if value is not None and value >= above else "FAIL"
    return Row(section, name, value, unit, target, status, note)


def unavailable(section: str, name: str, reason: str) -> Row:
    return Row(section, name, None, "", "", "not available", reason)


def reason_of(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text.splitlines()[0][:160] if text else type(exc).__name__


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    xs = sorted(values)
    k = (len(xs) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def dir_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            with contextlib.suppress(OSError):
                total += os.path.getsize(os.path.join(dirpath, f))
    return total


def clean_env() -> dict[str, str]:
    """The environment for measured subprocesses: no user config, our source on the path."""
    env = dict(os.environ)
    for name in ("IDLIBTUI_CORPUS", "IDLIBTUI_INDEX", "IDLIBTUI_CORRECTIONS", "IDLIBTUI_CONFIG"):
        env.pop(name, None)
    home = OUT / "xdg"
    home.mkdir(parents=True, exist_ok=True)
    env["XDG_CONFIG_HOME"] = str(home)
    # nor the user's saved app state: a last query left there (even a malformed one) is what the
    # app would open with, and the first frame would measure it instead of a first start
    state = home / "state"
    shutil.rmtree(state, ignore_errors=True)
    env["XDG_STATE_HOME"] = str(state)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), str(ROOT), *filter(None, [env.get("PYTHONPATH")])]
    )
    env.setdefault("PYTHONHASHSEED", "0")
    return env


@dataclass(slots=True)
class Measured:
    seconds: float
    peak_rss: int  # bytes, the process tree's summed RSS at its highest sample
    cpu_seconds: float  # user + system of the whole tree
    returncode: int
    stdout: str
    stderr: str


def run_measured(cmd: list[str], *, cwd: Path | None = None, timeout: float = 7200) -> Measured:
    """Run ``cmd``, sampling the RSS of its whole process tree every 20 ms."""
    import psutil

    out_f = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed below
    err_f = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115
    before = os.times()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=clean_env(), stdout=out_f, stderr=err_f)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            peak = max(peak, total)
            stop.wait(0.02)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = proc.wait()
    secs = time.perf_counter() - t0
    stop.set()
    th.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    out_f.seek(0)
    err_f.seek(0)
    stdout, stderr = out_f.read(), err_f.read()
    out_f.close()
    err_f.close()
    return Measured(secs, peak, cpu, rc, stdout, stderr)


def corpus_dir(size: int, seed: int) -> Path:
    """A generated corpus of ``size`` articles, made once and cached under bench/out."""
    from bench.generate import GENERATOR_VERSION, write_corpus

    path = OUT / f"corpus-{size}-s{seed}-g{GENERATOR_VERSION}"
    marker = path / ".complete"
    if not marker.exists():
        if path.exists():
            shutil.rmtree(path)
        write_corpus(path, size, seed)
        marker.write_text(json.dumps({"size": size, "seed": seed}))
    return path


def pipeline_version() -> str:
    try:
        from idlibtui.pipeline import PIPELINE_VERSION

        return PIPELINE_VERSION
    except Exception:
        return "unknown"


def safe_key(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)[:80]
