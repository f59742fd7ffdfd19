"""Ingest: finding files, decoding bytes, and reporting bad files without stopping."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from idlibtui.ingest import (
    MAX_BYTES,
    RawDocument,
    decode_bytes,
    has_articles,
    iter_corpus,
    read_document,
)
from idlibtui.model import IngestProblem


def test_decode_plain_utf8() -> None:
    assert decode_bytes("Erdoğan’s “plan”".encode()) == ("Erdoğan’s “plan”", "utf-8")


def test_decode_utf8_with_bom_is_recorded() -> None:
    text, encoding = decode_bytes(b"\xef\xbb\xbfHello")
    assert (text, encoding) == ("Hello", "utf-8-sig")


def test_decode_falls_back_to_cp1252_and_says_so() -> None:
    data = "Caf\u00e9 \u2013 \u201cquoted\u201d \u20ac5".encode("cp1252")
    text, encoding = decode_bytes(data)
    assert encoding == "cp1252"
    assert text == "Caf\u00e9 \u2013 \u201cquoted\u201d \u20ac5"


def test_decode_cp1252_undefined_bytes_are_kept() -> None:
    text, encoding = decode_bytes(b"a\x81b\x9dc\xe9")
    assert encoding == "cp1252"
    assert text == "a\x81b\x9dc\u00e9"


def test_decode_binary_raises() -> None:
    with pytest.raises(ValueError, match="binary file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_read_document_fields(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "Hello world.\n")
    doc = read_document(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == "Hello world.\n"
    assert doc.encoding == "utf-8"
    assert doc.is_html is False
    assert doc.size == 13
    assert len(doc.sha256) == 64
    assert doc.mtime == pytest.approx(path.stat().st_mtime)


def test_read_document_cp1252(tmp_path: Path) -> None:
    path = _write(tmp_path / "old.txt", "Na\u00efve r\u00e9sum\u00e9".encode("cp1252"))
    doc = read_document(path)
    assert isinstance(doc, RawDocument)
    assert doc.encoding == "cp1252"
    assert doc.text == "Na\u00efve r\u00e9sum\u00e9"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b"  \n\n\t", "empty file"), (b"abc\x00def", "binary file (NUL bytes)")],
)
def test_bad_files_are_problems(tmp_path: Path, data: bytes, reason: str) -> None:
    result = read_document(_write(tmp_path / "bad.txt", data))
    assert isinstance(result, IngestProblem)
    assert result.reason == reason
    assert result.path.endswith("bad.txt")


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1_300_000)  # sparse: cheap to create
    result = read_document(path)
    assert isinstance(result, IngestProblem)
    assert result.reason == "larger than 10 MB (11.2 MB)"


def test_exactly_max_bytes_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * MAX_BYTES)
    assert isinstance(read_document(path), RawDocument)


def test_missing_file(tmp_path: Path) -> None:
    result = read_document(tmp_path / "nope.txt")
    assert isinstance(result, IngestProblem)
    assert result.reason.startswith("cannot read: ")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", "text")
    path.chmod(0)
    try:
        result = read_document(path)
    finally:
        path.chmod(0o644)
    assert isinstance(result, IngestProblem)
    assert result.reason == "cannot read: Permission denied"


def test_unreadable_reported_with_reason_when_a_directory(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    result = read_document(tmp_path / "dir.txt")
    assert isinstance(result, IngestProblem)


def test_html_by_extension_and_by_sniffing(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>Hi there.</p></body></html>"
    a = read_document(_write(tmp_path / "a.HTML", "<p>Hi</p>"))
    b = read_document(_write(tmp_path / "b.txt", page))
    c = read_document(_write(tmp_path / "c.txt", "Fewer than <40% of <b>shelters</b> have heat."))
    assert isinstance(a, RawDocument) and a.is_html
    assert isinstance(b, RawDocument) and b.is_html
    assert isinstance(c, RawDocument) and not c.is_html


def test_iter_corpus_sorted_recursive_and_filtered(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.TXT",
        "sub/deeper/c.html",
        "sub/d.htm",
        "sub/e.md",
        "notes.pdf",
        ".hidden.txt",
        ".git/f.txt",
        "sub/.cache/g.txt",
    ]:
        _write(tmp_path / name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_corpus(tmp_path)]
    assert found == ["a.TXT", "b.txt", "sub/d.htm", "sub/deeper/c.html"]


def test_has_articles_agrees_with_the_walk_on_what_counts(tmp_path: Path) -> None:
    for name in ["notes.pdf", ".hidden.txt", ".git/f.txt", "sub/.cache/g.txt", "sub/e.md"]:
        _write(tmp_path / name, "x")
    assert not has_articles(tmp_path) and list(iter_corpus(tmp_path)) == []
    _write(tmp_path / "sub/deeper/c.HTML", "x")
    assert has_articles(tmp_path)


def test_one_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    _write(tmp_path / "1.txt", "Good one.")
    _write(tmp_path / "2.txt", b"\x00\x01\x02")
    _write(tmp_path / "3.txt", "")
    _write(tmp_path / "4.txt", "Another good one.")
    results = [read_document(p) for p in iter_corpus(tmp_path)]
    assert [type(r).__name__ for r in results] == [
        "RawDocument",
        "IngestProblem",
        "IngestProblem",
        "RawDocument",
    ]


def test_seeds_read_cleanly(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        doc = read_document(path)
        assert isinstance(doc, RawDocument), doc
        assert doc.encoding == "utf-8"
        assert not doc.is_html


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "locked.txt", "text")

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    result = read_document(path)
    assert isinstance(result, IngestProblem)
    assert result.reason == "cannot read: Permission denied"


def test_decode_utf16_with_bom() -> None:
    text, encoding = decode_bytes("\ufeffErdoğan in İstanbul".encode("utf-16"))
    assert encoding == "utf-16"
    assert text.lstrip("\ufeff") == "Erdoğan in İstanbul"


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch) -> None:
    """The same report when the OS refuses the read (CI runs as root, where chmod cannot)."""
    path = _write(tmp_path / "secret.txt", "text")
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = read_document(path)
    assert isinstance(result, IngestProblem)
    assert result.reason == "cannot read: Permission denied"
