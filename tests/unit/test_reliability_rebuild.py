"""A rebuild replaces the index only when it is whole: readers see the old index or the new,
never half; a killed rebuild's files are removed by the next run, even one with nothing to
commit (issue 18, family 6)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.search import build
from idlibtui.search.build import driver, update_index

SEEDS = Path(__file__).resolve().parents[2] / "corpus"
SRC = Path(build.__file__).resolve().parents[3]  # the sources under test
COPIES = 30


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(COPIES):
        shutil.copy(seeds[n % len(seeds)], root / f"copy_{n:03d}.txt")
    return root


def _view(index: Path) -> tuple[int, int, int]:
    ix = search.open_index(index)
    return ix.doc_count, ix.search("Kreimesh").total, ix.search("zqxnewword").total


def test_readers_see_the_old_index_until_the_rebuild_is_whole(corpus, tmp_path, monkeypatch):
    index = tmp_path / "index"
    update_index(corpus, index, workers=1)
    old = _view(index)
    assert old[0] == COPIES and old[2] == 0
    for path in corpus.iterdir():  # the rebuild's documents differ from the old ones
        path.write_text(path.read_text(encoding="utf-8") + "\nzqxnewword.\n", encoding="utf-8")
    monkeypatch.setattr(driver, "segment_size", lambda _n: 4)  # several segments mid-rebuild
    seen: list[tuple[str, tuple[int, int, int]]] = []

    def look(event) -> None:
        if event.phase in ("save", "process") and event.done % 3 == 0:
            seen.append((event.phase, _view(index)))

    report = update_index(corpus, index, workers=1, rebuild=True, progress=look)
    assert report.rebuilt and report.doc_count == COPIES
    assert any(phase == "save" for phase, _ in seen)
    assert {view for _, view in seen} == {old}  # the old index, whole, all along
    assert _view(index) == (COPIES, old[1], COPIES)  # then the new one, whole
    again = update_index(corpus, index, workers=1)
    assert again.unchanged == COPIES and not again.rebuilt


BUILD = """
import json, sys
from pathlib import Path
from idlibtui.search.build import driver
driver.segment_size = lambda _n: 4
def progress(e):
    print(json.dumps({"phase": e.phase, "done": e.done}), flush=True)
driver.update_index(Path(sys.argv[1]), Path(sys.argv[2]), progress=progress, workers=1,
                    rebuild=True)
print(json.dumps({"phase": "finished", "done": 0}), flush=True)
"""


def _kill_rebuild_after_saves(corpus: Path, index: Path, saves: int) -> bool:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen(
        [sys.executable, "-c", BUILD, str(corpus), str(index)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    killed = False
    seen = 0
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            event = json.loads(line)
            if event["phase"] == "save":
                seen += 1
            if seen >= saves and event["phase"] == "process":
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
                break
    finally:
        proc.wait(timeout=120)
        if proc.stdout:
            proc.stdout.close()
    return killed


@pytest.mark.slow
def test_a_killed_rebuild_leaves_the_old_index_and_its_files_go_next_run(corpus, tmp_path):
    index = tmp_path / "index"
    update_index(corpus, index, workers=1)
    old = _view(index)
    files_before = sorted(p.name for p in index.iterdir())

    assert _kill_rebuild_after_saves(corpus, index, saves=3), "the rebuild ended too soon"
    assert _view(index) == old  # whole, and the old one
    leftovers = sorted(set(p.name for p in index.iterdir()) - set(files_before))
    assert leftovers, "the killed rebuild should have left segment files behind"

    report = update_index(corpus, index, workers=1)  # nothing to do, nothing committed
    assert report.unchanged == COPIES and not report.added and not report.updated
    assert sorted(p.name for p in index.iterdir()) == files_before
    assert _view(index) == old
