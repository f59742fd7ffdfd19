"""The corpus scan (stat only) names files as ``ingest.relative_to_corpus`` does, links too."""

from __future__ import annotations

import os
from pathlib import Path

from idlibtui.ingest import iter_corpus, relative_to_corpus
from idlibtui.search.build import scan_corpus


def _reference(root: Path) -> dict:
    out = {}
    for path in iter_corpus(root):
        try:
            st = path.stat()
        except OSError:
            st = None
        out[relative_to_corpus(path, root)] = (
            path,
            st.st_size if st else -1,
            st.st_mtime if st else -1.0,
        )
    return out


def test_scan_matches_resolving_every_path(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text("far away\n", encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("one\n", encoding="utf-8")
    (root / "sub" / "b.html").write_text("<p>two</p>\n", encoding="utf-8")
    (root / "sub" / "deeper" / "c.txt").write_text("three\n", encoding="utf-8")
    os.symlink(outside / "far.txt", root / "link.txt")  # a linked file: named by its target
    os.symlink(root / "a.txt", root / "sub" / "same.txt")  # a link inside the corpus
    os.symlink(tmp_path / "missing.txt", root / "broken.txt")  # a dangling link
    os.symlink(outside, root / "linked_dir")  # not walked into
    scanned = scan_corpus(root)
    assert scanned == _reference(root)
    assert "sub/deeper/c.txt" in scanned and scanned["sub/deeper/c.txt"][1] == 6
    # Through a linked corpus folder and a path with "..": still the same names.
    os.symlink(root, tmp_path / "corpus_link")
    for alias in (tmp_path / "corpus_link", tmp_path / "outside" / ".." / "corpus"):
        assert scan_corpus(alias) == _reference(alias)
