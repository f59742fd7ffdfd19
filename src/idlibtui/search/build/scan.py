"""What is in the corpus folder, by ``lstat`` only, and whether a file changed since it was filed.

A scan maps each corpus-relative path (``/``-separated, as stored in the index) to
``(path, size, mtime)``; size ``-1`` marks a file that cannot be stat'ed. Depends on
``ingest.walk_corpus`` (which files count as articles, links not followed into folders) and on
the manifest's ``Entry`` (size and mtime as filed).
"""

from __future__ import annotations

import os
import stat as stat_module
from pathlib import Path

from idlibtui.model import IngestProblem
from idlibtui.search.manifest import Entry


class CorpusError(Exception):
    """The corpus folder is missing or holds no articles; the message says how to point at one."""


def check_corpus(corpus_dir: Path) -> None:
    hint = (
        "point idlibtui at a folder of .txt/.html articles with --corpus DIR, the IDLIBTUI_CORPUS "
        'environment variable, or `corpus = "DIR"` in the config file'
    )
    if not corpus_dir.is_dir():
        raise CorpusError(f"no corpus folder at {corpus_dir}; {hint}")


def scan_corpus(
    corpus_dir: Path, problems: list[IngestProblem] | None = None
) -> dict[str, tuple[Path, int, float]]:
    """Corpus-relative path → (path, size, mtime), by stat only (one ``lstat`` per file).

    Works on strings until the end: at 50k files, ``Path`` arithmetic and sorting cost more
    than the ``lstat`` calls themselves. A folder that cannot be listed goes to ``problems``.
    """
    from idlibtui.ingest import relative_to_corpus, walk_corpus

    root = str(Path(corpus_dir))
    out: dict[str, tuple[Path, int, float]] = {}

    def unreadable(folder: str, reason: str) -> None:
        if problems is not None:
            inner = folder[len(root) :].strip(os.sep).replace(os.sep, "/")
            problems.append(IngestProblem(f"{inner or '.'}/", reason))

    for folder, name in walk_corpus(root, unreadable):
        full = os.path.join(folder, name)
        try:
            st = os.lstat(full)
        except OSError:
            st = None
        if st is not None and not stat_module.S_ISLNK(st.st_mode):
            # The walk does not enter linked folders, so nothing between the corpus folder and
            # this file is a link: the path relative to it is what resolving both would give.
            inner = folder[len(root) :].strip(os.sep)
            rel = f"{inner}/{name}" if inner else name
            if os.sep != "/":
                rel = rel.replace(os.sep, "/")
            path = Path(full)
        else:
            path = Path(full)
            try:
                st = path.stat()
            except (OSError, RuntimeError):  # dangling, a loop
                st = None
            rel = relative_to_corpus(path, corpus_dir)
        out[rel] = (path, st.st_size if st else -1, st.st_mtime if st else -1.0)
    return out


NAME_NOT_UTF8 = "the file name is not valid UTF-8 (rename the file to index it)"


def utf8_name(rel: str) -> bool:
    """Whether a path can be stored (a name whose bytes are not UTF-8 holds surrogates)."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def same_stat(entry: Entry, size: int, mtime: float) -> bool:
    return entry.size == size and abs(entry.mtime - mtime) < 1e-6
