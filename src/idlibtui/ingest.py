"""Find article files and decode their bytes safely.

One bad file never stops the rest: :func:`read_document` returns an :class:`IngestProblem` (path
and a short reason in words) instead of raising.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from idlibtui.model import IngestProblem

MAX_BYTES = 10 * 1024 * 1024
SUFFIXES = frozenset({".txt", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

_BOM = b"\xef\xbb\xbf"
# A .txt that is really an HTML document: it starts with a doctype or <html>, or holds <body>.
_HTML_SNIFF = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])|<body[\s>]", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One decoded file, with what the index manifest needs to notice changes."""

    path: Path
    text: str
    encoding: str
    is_html: bool
    size: int
    mtime: float
    sha256: str


# A byte cp1252 leaves undefined, as ``surrogateescape`` decodes it.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# The C0 controls that mark a binary file: all but tab, line feed, form feed, return and escape.
_BINARY_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (with or without BOM), else cp1252.

    Returns ``(text, encoding)`` with encoding ``"utf-8"``, ``"utf-8-sig"`` or ``"cp1252"``
    (``"utf-16"`` for the rare file that starts with a UTF-16 byte-order mark).
    Raises ``ValueError("binary file …")`` for data that is not text.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a BOM (Windows exports)
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            if not _looks_binary(text):
                return text, "utf-16"
    if b"\x00" in data:
        raise ValueError("binary file (NUL bytes)")
    if data.startswith(_BOM):
        try:
            return data[len(_BOM) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return data[len(_BOM) :].decode("cp1252", errors="replace"), "cp1252"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise ValueError("binary file (not text)")
        return text, "utf-8"
    # cp1252 leaves five bytes undefined; map them as latin-1 does so nothing is lost.
    text = data.decode("cp1252", errors="surrogateescape")
    if _ESCAPED_BYTE.search(text):
        text = "".join(chr(ord(ch) - 0xDC00) if "\udc80" <= ch <= "\udcff" else ch for ch in text)
    if _looks_binary(text):
        raise ValueError("binary file (not text)")
    return text, "cp1252"


def _looks_binary(text: str) -> bool:
    """Many C0 controls (other than whitespace) mean a binary file, not damaged text."""
    sample = text[:8192]
    if not sample:
        return False
    controls = len(_BINARY_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 20)


def is_html_text(text: str) -> bool:
    """Whether a text is clearly a whole HTML document (not an article with a few stray tags)."""
    head = text[:4096]
    # every form the pattern knows opens with "<": most plain texts hold none (a quick no)
    return "<" in head and _HTML_SNIFF.search(head) is not None


def _reason(exc: BaseException) -> str:
    """An OS error in words (``Too many levels of symbolic links``), without the path."""
    return str(getattr(exc, "strerror", None) or exc)


def _size_phrase(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


LINK_OUTSIDE = "a link to a file outside the corpus (links leaving the corpus are not followed)"


def outside_link(path: Path | str, root: Path | str) -> bool:
    """Whether ``path`` is a symbolic link whose target lies outside the folder ``root``.

    Links inside the corpus are followed; a link leaving it is not (a corpus of downloaded
    files must not pull ``/etc/passwd`` or a home folder into the index). A link that cannot
    be resolved (a loop) counts as inside: reading it then fails with its own reason.
    """
    if not os.path.islink(path):
        return False
    target = os.path.realpath(path)
    base = os.path.realpath(root)
    return not (target == base or target.startswith(base.rstrip(os.sep) + os.sep))


def read_document(path: Path, root: Path | None = None) -> RawDocument | IngestProblem:
    """Read and decode one file, or say in words why it cannot be used.

    With ``root`` (the corpus folder), a link to a file outside it is a problem, not read.
    """
    path = Path(path)
    name = str(path)
    if root is not None and outside_link(path, root):
        return IngestProblem(name, LINK_OUTSIDE)
    try:
        stat = path.stat()
    except (OSError, RuntimeError) as exc:
        return IngestProblem(name, f"cannot read: {_reason(exc)}")
    if not S_ISREG(stat.st_mode):  # (what ``path.is_file()`` would stat again to tell)
        return IngestProblem(name, "not a regular file")
    if stat.st_size > MAX_BYTES:
        return IngestProblem(name, f"larger than 10 MB ({_size_phrase(stat.st_size)})")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (OSError, RuntimeError) as exc:
        return IngestProblem(name, f"cannot read: {_reason(exc)}")
    if len(data) > MAX_BYTES:
        return IngestProblem(name, f"larger than 10 MB ({_size_phrase(len(data))})")
    if not data.strip():
        return IngestProblem(name, "empty file")
    try:
        text, encoding = decode_bytes(data)
    except ValueError as exc:
        return IngestProblem(name, str(exc))
    if not text.strip():
        return IngestProblem(name, "empty file")
    is_html = path.suffix.lower() in HTML_SUFFIXES or is_html_text(text)
    return RawDocument(
        path=path,
        text=text,
        encoding=encoding,
        is_html=is_html,
        size=len(data),
        mtime=stat.st_mtime,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def walk_corpus(
    root: Path | str, on_error: Callable[[str, str], None] | None = None
) -> Iterator[tuple[str, str]]:
    """``(folder, file name)`` of every article file under ``root``, unsorted, as strings
    (cheap at 50k files); hidden folders and files skipped, linked folders not entered.

    The walk keeps its own stack (``os.walk`` recurses on Python 3.11: a corpus nested a
    thousand folders deep raised ``RecursionError``), and a folder it cannot list is passed to
    ``on_error(folder, reason)`` and skipped: one bad path never stops the walk.
    """
    stack = [os.fspath(root)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            if on_error is not None:
                on_error(folder, f"folder cannot be read: {_reason(exc)}")
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:  # a link loop or an unreadable entry: treated as a file
                is_dir = False
            if is_dir:
                try:
                    linked = entry.is_symlink()
                except OSError:
                    linked = True
                if not linked:
                    subfolders.append(entry.path)
            elif os.path.splitext(name)[1].lower() in SUFFIXES:
                yield folder, name
        stack.extend(reversed(subfolders))


def iter_corpus(root: Path) -> Iterator[Path]:
    """Every article file under ``root``, recursively, sorted; hidden dirs and files skipped."""
    yield from sorted(Path(folder, name) for folder, name in walk_corpus(Path(root)))


def has_articles(root: Path) -> bool:
    """Whether ``root`` holds any article file (stops at the first: no full walk, no sort)."""
    return next(walk_corpus(root), None) is not None


def relative_to_corpus(path: Path, corpus: Path | None) -> str:
    """The path as the index and the user see it: relative to the corpus when inside it.

    A link inside the corpus is named by its target; a link that leaves the corpus or cannot
    be resolved (a loop) is named where it sits.
    """
    if corpus is not None:
        try:
            base = corpus.resolve()
        except (OSError, RuntimeError):
            return path.as_posix()
        try:
            return path.resolve().relative_to(base).as_posix()
        except (ValueError, OSError, RuntimeError):
            pass
        try:
            return (path.parent.resolve() / path.name).relative_to(base).as_posix()
        except (ValueError, OSError, RuntimeError):
            pass
    return path.as_posix()
