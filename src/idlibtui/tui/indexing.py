"""Run the index build in a separate process and read its JSON progress lines.

The app has threads, so it never forks itself (GUIDE §4): it starts
``python -m idlibtui --corpus C --index I index --progress=json`` and reads one JSON object per
line from its standard output (``{"done", "total", "phase", "path"}``, problems with a
``reason``), then a final summary line. Nothing here touches a widget.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from idlibtui.textsafe import printable


@dataclass
class BuildOutcome:
    ok: bool
    summary: dict[str, Any] = field(default_factory=dict)
    error: str = ""
    cancelled: bool = False


def build_command(settings: Any, *, rebuild: bool = False) -> list[str]:
    """The command line that builds or updates the index for ``settings``."""
    command = [
        sys.executable,
        "-m",
        "idlibtui",
        "--corpus",
        str(settings.corpus),
        "--index",
        str(settings.index),
    ]
    corrections = getattr(settings, "corrections", None)
    if corrections and Path(corrections).exists():  # a named file that is missing is an error
        command += ["--corrections", str(corrections)]
    command += ["index", "--progress=json"]
    if rebuild:
        command.append("--rebuild")
    return command


def parse_line(line: str) -> dict[str, Any] | None:
    """One progress event, or ``None`` for a line that is not a JSON object."""
    line = line.strip()
    if not line.startswith("{"):
        return None
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) else None


def problem_of(event: dict[str, Any]) -> tuple[str, str] | None:
    """``(path, reason)`` when the event reports a skipped file."""
    reason = event.get("reason") or event.get("problem") or event.get("error")
    if reason and event.get("path"):
        return printable(str(event["path"])), printable(str(reason))
    return None


def is_summary(event: dict[str, Any]) -> bool:
    return bool(event.get("summary")) or event.get("phase") in ("done", "summary", "finished")


def summary_problems(summary: dict[str, Any]) -> list[tuple[str, str]]:
    """The skipped files a summary lists, in any of the shapes a summary may use."""
    found: list[tuple[str, str]] = []
    if isinstance(summary.get("summary"), dict):
        summary = summary["summary"]
    for key in ("problems", "skipped"):
        value = summary.get(key)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and item.get("path"):
                    reason = item.get("reason") or item.get("problem") or "skipped"
                    found.append((printable(str(item["path"])), printable(str(reason))))
    return found


def run_build(
    settings: Any,
    on_event: Callable[[dict[str, Any]], None],
    is_cancelled: Callable[[], bool],
    *,
    rebuild: bool = False,
    on_start: Callable[[subprocess.Popen[str]], None] | None = None,
) -> BuildOutcome:
    """Run the build, calling ``on_event`` for each progress line; blocks until it ends."""
    command = build_command(settings, rebuild=rebuild)
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=errors,
                stdin=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                errors="replace",
                bufsize=1,
                env=env,
                start_new_session=True,
            )
        except OSError as exc:
            return BuildOutcome(False, error=f"cannot start the index build: {printable(str(exc))}")
        if on_start is not None:
            on_start(process)
        summary: dict[str, Any] = {}
        assert process.stdout is not None
        try:
            for raw in process.stdout:
                if is_cancelled():
                    break
                event = parse_line(raw)
                if event is None:
                    continue
                if is_summary(event):
                    summary = event
                on_event(event)
        finally:
            if is_cancelled() and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
            returncode = process.wait()
        if is_cancelled():
            return BuildOutcome(False, summary, "cancelled", cancelled=True)
        if returncode != 0:
            errors.seek(0)
            tail = [printable(x) for x in errors.read().splitlines() if x.strip()][-3:]
            message = "; ".join(tail) or f"the index build exited with status {returncode}"
            return BuildOutcome(False, summary, message)
        return BuildOutcome(True, summary)


def end_process(process: subprocess.Popen[Any] | None, grace: float = 3.0) -> None:
    """Stop a build process and wait for it (killed after ``grace`` seconds): when the app
    quits, no build may outlive it or still be writing after it is gone."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace)


class Coalescer:
    """Let through at most one progress update per ``interval`` seconds (the last always)."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self._last = 0.0

    def due(self) -> bool:
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            return True
        return False


def corpus_problem(corpus: Path) -> str:
    """Words saying why ``corpus`` cannot be read as a corpus, or ``""`` when it can."""
    if not corpus.exists():
        return "does not exist"
    if not corpus.is_dir():
        return "is not a folder"
    try:
        for path in corpus.rglob("*"):
            if path.is_file() and not any(part.startswith(".") for part in path.parts[-1:]):
                return ""
    except OSError as exc:
        return f"cannot be read ({printable(str(exc))})"
    return "has no files in it"
