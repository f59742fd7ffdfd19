"""Faults of the machine get one plain line and exit 2, and a failed fresh build removes what
it wrote (issue 18, family 5)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.cli.main import main
from idlibtui.search import backend
from idlibtui.search.backend import IndexLocked
from idlibtui.search.build import LOCK_NAME, update_index
from idlibtui.search.sidecar import SidecarWriter

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def _index(capsys, corpus: Path, index: Path | str) -> tuple[int, str]:
    code = main(
        ["--corpus", str(corpus), "--index", str(index), "index", "--progress=none", "--workers=1"]
    )
    return code, capsys.readouterr().err


def _one_plain_line(err: str) -> None:
    assert err.count("\n") == 1 and "internal error" not in err and "Traceback" not in err


def test_index_path_is_a_file(corpus, tmp_path, capsys) -> None:
    place = tmp_path / "afile"
    place.write_text("mine\n", encoding="utf-8")
    code, err = _index(capsys, corpus, place)
    assert code == 2 and "is not a folder" in err
    _one_plain_line(err)
    assert place.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("under", ["afile/sub", "/proc/idlibtui-no-such-place"])
def test_index_path_that_cannot_be_created(corpus, tmp_path, capsys, under) -> None:
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    place = under if under.startswith("/") else str(tmp_path / under)
    code, err = _index(capsys, corpus, place)
    assert code == 2 and "cannot create the index folder" in err
    _one_plain_line(err)


def test_lock_path_is_a_folder_or_a_dangling_link(corpus, tmp_path, capsys) -> None:
    folder = tmp_path / "ix1"
    (folder / LOCK_NAME).mkdir(parents=True)
    code, err = _index(capsys, corpus, folder)
    assert code == 2 and "is a folder; remove it" in err
    linked = tmp_path / "ix2"
    linked.mkdir()
    os.symlink(tmp_path / "nowhere" / "lock", linked / LOCK_NAME)
    code, err = _index(capsys, corpus, linked)
    assert code == 2 and "is a link; remove it" in err
    _one_plain_line(err)


def test_read_only_index(corpus, tmp_path, capsys, monkeypatch) -> None:
    index = tmp_path / "index"
    update_index(corpus, index, workers=1)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    code, err = _index(capsys, corpus, index)
    assert code == 2 and "cannot write the index at" in err and "Read-only" in err
    _one_plain_line(err)


def _disk_full(monkeypatch) -> None:
    def full(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SidecarWriter, "finish", full)


def test_disk_full_in_a_fresh_build_removes_what_it_wrote(corpus, tmp_path, capsys, monkeypatch):
    _disk_full(monkeypatch)
    index = tmp_path / "index"
    code, err = _index(capsys, corpus, index)
    assert code == 2 and "No space left on device" in err
    _one_plain_line(err)
    assert not index.exists()  # the folder was made by this build: all of it goes
    kept = tmp_path / "mine"
    kept.mkdir()
    (kept / "notes.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(backend.IndexWriteError, match="No space left"):
        update_index(corpus, kept, workers=1)
    assert sorted(p.name for p in kept.iterdir()) in (["notes.txt"], ["idlibtui.lock", "notes.txt"])


def test_disk_full_in_an_update_keeps_the_last_commit(corpus, tmp_path, capsys, monkeypatch):
    index = tmp_path / "index"
    update_index(corpus, index, workers=1)
    (corpus / "new.txt").write_text("New\n\nA zqxfullword report.\n", encoding="utf-8")
    _disk_full(monkeypatch)
    code, err = _index(capsys, corpus, index)
    assert code == 2 and "No space left on device" in err
    monkeypatch.undo()
    ix = search.open_index(index)
    assert ix.doc_count == 5 and ix.search("zqxfullword").total == 0
    assert update_index(corpus, index, workers=1).added == 1  # and it recovers


def test_lock_file_removed_during_a_build(corpus, tmp_path) -> None:
    """A second build while the first one's lock file is gone is refused in words; the first
    completes."""
    index = tmp_path / "index"
    update_index(corpus, index, workers=1)
    for path in sorted(corpus.glob("*.txt")):
        path.write_text(path.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    outcome: list[BaseException] = []

    def meddle(event) -> None:
        if event.phase == "process" and event.done == 2 and not outcome:
            (index / LOCK_NAME).unlink()
            try:
                update_index(corpus, index, workers=1)
            except BaseException as exc:
                outcome.append(exc)

    first = update_index(corpus, index, workers=1, progress=meddle)
    assert len(outcome) == 1 and isinstance(outcome[0], IndexLocked)
    assert "lock file was removed" in str(outcome[0])
    assert first.updated == 5 and search.open_index(index).doc_count == 5


def test_searching_an_index_path_that_is_a_file(tmp_path, capsys) -> None:
    place = tmp_path / "afile"
    place.write_text("mine\n", encoding="utf-8")
    code = main(["--index", str(place), "search", "idlib"])
    err = capsys.readouterr().err
    assert code == 2 and "is not a folder" in err
    _one_plain_line(err)
