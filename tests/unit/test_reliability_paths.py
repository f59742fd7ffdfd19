"""One bad path never stops a build: link loops, very deep folders, links leaving the corpus,
folders that cannot be listed are each reported and skipped (issue 18, family 1)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from idlibtui import ingest
from idlibtui.ingest import iter_corpus, read_document
from idlibtui.model import IngestProblem
from idlibtui.search import open_index
from idlibtui.search.build import scan_corpus, update_index

ARTICLE = "Idlib report\n\nAbout 300 people fled Saraqeb on Monday, aid workers said.\n"


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _skipped(report) -> dict[str, str]:
    return {p.path: p.reason for p in report.skipped}


def test_symlink_loop_is_skipped_and_the_rest_indexed(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    os.symlink("y.txt", root / "x.txt")
    os.symlink("x.txt", root / "y.txt")
    report = update_index(root, tmp_path / "index", workers=1)
    assert report.doc_count == 1
    skipped = _skipped(report)
    assert set(skipped) == {"x.txt", "y.txt"}
    assert all("symbolic links" in reason for reason in skipped.values())
    # Unchanged next time: still reported, nothing re-read, no error.
    again = update_index(root, tmp_path / "index", workers=1)
    assert again.doc_count == 1 and set(_skipped(again)) == {"x.txt", "y.txt"}


def _remove_chain(top: Path, depth: int) -> None:
    """Remove a chain of nested folders bottom up (``shutil.rmtree`` recurses on 3.11, so
    pytest could not clean up the temporary folder otherwise)."""
    bottom = top.joinpath(*["d"] * depth)
    for _ in range(depth):
        for item in bottom.iterdir():
            if not item.is_dir():
                item.unlink()
        bottom.rmdir()
        bottom = bottom.parent


def test_folders_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    made = 0
    folder = root
    try:
        for _ in range(sys.getrecursionlimit() + 100):
            folder = folder / "d"
            os.mkdir(folder)
            made += 1
        (folder / "deep.txt").write_text(ARTICLE, encoding="utf-8")
        found = list(iter_corpus(root))
        assert sorted(p.name for p in found) == ["deep.txt", "good.txt"]
        report = update_index(root, tmp_path / "index", workers=1)
        assert report.doc_count == 2 and not report.skipped
    finally:
        _remove_chain(root, made)


def test_links_leaving_the_corpus_are_not_followed(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text("Private notes\n\nA zqxjvplonk password lives here.\n", encoding="utf-8")
    os.symlink(outside, root / "leak.txt")
    os.symlink(root / "good.txt", root / "alias.txt")  # inside: followed (named by its target)
    report = update_index(root, tmp_path / "index", workers=1)
    assert _skipped(report) == {"leak.txt": ingest.LINK_OUTSIDE}
    assert report.doc_count == 1
    assert open_index(tmp_path / "index").search("zqxjvplonk").total == 0
    # Read directly (a file the user names, not the corpus walk), a link is followed.
    assert not isinstance(read_document(root / "leak.txt"), IngestProblem)
    assert isinstance(read_document(root / "leak.txt", root), IngestProblem)


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch) -> None:
    root = _corpus(tmp_path)
    (root / "closed").mkdir()
    (root / "closed" / "inner.txt").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(ingest.os, "scandir", scandir)
    problems: list[IngestProblem] = []
    assert list(scan_corpus(root, problems)) == ["good.txt"]
    assert problems == [IngestProblem("closed/", "folder cannot be read: Permission denied")]
    report = update_index(root, tmp_path / "index", workers=1)
    assert report.doc_count == 1
    assert _skipped(report) == {"closed/": "folder cannot be read: Permission denied"}


def test_a_file_name_that_is_not_utf8_is_skipped(tmp_path: Path, capsys) -> None:
    from idlibtui.cli.main import main
    from idlibtui.textsafe import printable

    root = _corpus(tmp_path)
    with open(os.path.join(os.fsencode(root), b"bad\xff\xfename.txt"), "wb") as handle:
        handle.write(ARTICLE.encode("utf-8"))
    args = ["--corpus", str(root), "--index", str(tmp_path / "index"), "index", "--progress=none"]
    for _run in range(2):  # the second time from the record of skipped files
        assert main([*args, "--workers=1"]) == 0
        out = capsys.readouterr().out
        assert "1 skipped" in out and "not valid UTF-8" in out
    assert open_index(tmp_path / "index").doc_count == 1
    assert printable("bad\udcff.txt") == "bad\ufffd.txt"
