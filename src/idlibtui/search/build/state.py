"""The state a build finds and leaves next to the documents, and what ``index_status`` reads.

The manifest (path, size, mtime, sha256, version) is stored with each document inside the index,
so it commits atomically with them (``search/manifest.py`` keeps a copy named by its commit).
Here: the version the documents depend on, the skipped-file record, opening (or starting again)
a damaged index, removing what a killed build left, and the stat-only status check. Depends on
Whoosh's file naming (``<INDEX_NAME>_<segment>.*``, ``_<INDEX_NAME>_<generation>.toc``, the
``<INDEX_NAME>.tmp`` folder) and its TOC reader.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as windex

from idlibtui.search.build.lock import LOCK_NAME
from idlibtui.search.build.scan import same_stat, scan_corpus
from idlibtui.search.integrity import (
    INTEGRITY_NAME,
    check_integrity,
    damage_message,
)
from idlibtui.search.manifest import MANIFEST_NAME, commit_id, read_manifest
from idlibtui.search.schema import INDEX_NAME, SCHEMA_VERSION, build_schema, index_exists


@dataclass(frozen=True, slots=True)
class IndexStatus:
    exists: bool
    doc_count: int
    stale: bool
    pending_changes: int
    reason: str = ""


def index_version(corrections: Any = None) -> str:
    """What the stored documents depend on: cleaner, annotators, schema, corrections file."""
    from idlibtui.versions import PIPELINE_VERSION, corrections_fingerprint

    version = f"{PIPELINE_VERSION}+schema-{SCHEMA_VERSION}"
    if isinstance(corrections, str | os.PathLike):
        fingerprint = corrections_fingerprint(corrections)
        if fingerprint:
            version += f"+corrections-{fingerprint}"
    return version


# --- skipped files ----------------------------------------------------------------------------
#
# Files the build could not index (empty, binary, unreadable…) are recorded with their size,
# mtime and reason, so an unchanged bad file is neither pending nor re-read. The record is a
# small JSON file next to the index that names the index commit it belongs to (generation and
# segment ids): it is trusted only while that commit is the latest, so a build killed between
# its commit and writing the record merely re-tries the bad files. Keeping it out of the index
# means searches, counts, facets and ranking statistics cannot see it.

SKIPPED_NAME = f"skipped-{INDEX_NAME}.json"


def read_skipped(index_dir: Path, ix) -> tuple[str, dict[str, tuple[int, float, str]]]:
    """``(version, {path: (size, mtime, reason)})`` recorded for the index's latest commit."""
    try:
        data = json.loads((Path(index_dir) / SKIPPED_NAME).read_text(encoding="utf-8"))
        if data.get("commit") != commit_id(ix):
            return "", {}
        files = {
            str(rel): (int(size), float(mtime), str(reason))
            for rel, (size, mtime, reason) in data.get("files", {}).items()
        }
        return str(data.get("version", "")), files
    except Exception:  # missing, damaged or from another commit: re-try everything
        return "", {}


def write_skipped(index_dir: Path, ix, version: str, files: dict) -> None:
    path = Path(index_dir) / SKIPPED_NAME
    data = {
        "commit": commit_id(ix),
        "version": version,
        "files": {rel: list(v) for rel, v in sorted(files.items())},
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:  # ASCII JSON: a path that is not UTF-8 (lone surrogates) is written escaped
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # read-only folder: the bad files are simply re-tried next time
        with contextlib.suppress(OSError):
            tmp.unlink()


def drop_skipped(index_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (Path(index_dir) / SKIPPED_NAME).unlink()


def open_or_create(index_dir: Path) -> tuple[Any, bool, list[str]]:
    """The index to write to, whether it was (re)created empty, and the damage that made it
    start again (files not as their commit wrote them, or an index that cannot be read)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    damage: list[str] = []
    if index_exists(index_dir):
        try:
            ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
            damage = check_integrity(index_dir, ix) or []
            if not damage:
                with ix.reader() as reader:  # touch the segments: a damaged index fails here
                    reader.doc_count()
                return ix, False, []
        except Exception as exc:  # unreadable: start again
            damage = damage or [f"the index could not be read ({exc.__class__.__name__}: {exc})"]
    return windex.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME), True, damage


def remove_other_versions(index_dir: Path) -> None:
    own = re.compile(
        rf"^_?{INDEX_NAME}_|^{re.escape(SKIPPED_NAME)}$|^{re.escape(MANIFEST_NAME)}$"
        rf"|^{re.escape(INTEGRITY_NAME)}$"
    )
    other = re.compile(
        r"^_?idlibtui\d+_|^skipped-idlibtui\d+\.json$|^manifest-idlibtui\d+\.pickle$"
        r"|^integrity-idlibtui\d+\.json$"
    )
    for path in index_dir.iterdir():
        if other.match(path.name) and not own.match(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


def remove_leftovers(index_dir: Path, ix) -> None:
    """Remove files of this index that its latest commit does not use: segments of a killed
    build or of a rebuild killed before its switch, a half-written TOC, the writer's
    temporary folder. Runs under the build lock, so no writer is using them."""
    toc = ix._read_toc()
    keep = tuple(f"{seg.segment_id()}." for seg in toc.segments)
    current_toc = f"_{INDEX_NAME}_{toc.generation}.toc"
    for name in os.listdir(index_dir):
        path = index_dir / name
        if name == f"{INDEX_NAME}.tmp" and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            continue
        segment_file = name.startswith(f"{INDEX_NAME}_") and name != f"{INDEX_NAME}_WRITELOCK"
        old_toc = name.startswith(f"_{INDEX_NAME}_") and ".toc" in name and name != current_toc
        if (segment_file and not (keep and name.startswith(keep))) or old_toc:
            with contextlib.suppress(OSError):
                path.unlink()


def remove_new_files(index_dir: Path, before: set[str]) -> None:
    """Remove what a failed fresh build wrote (everything not there before, but the lock)."""
    for name in set(os.listdir(index_dir)) - before - {LOCK_NAME}:
        path = index_dir / name
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()


def remove_made_dir(index_dir: Path) -> None:
    """The index folder this build created, once nothing but its lock is left in it."""
    with contextlib.suppress(OSError):
        (index_dir / LOCK_NAME).unlink()
    with contextlib.suppress(OSError):
        index_dir.rmdir()  # only when empty


def index_status(corpus_dir: Path, index_dir: Path, *, corrections: Any = None) -> IndexStatus:
    """Whether the index exists and how far it is behind the corpus, by stat only (fast).

    Pass the corrections file path to also notice that it was edited; without it, the
    corrections are not compared.
    """
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    files = scan_corpus(corpus_dir) if corpus_dir.is_dir() else {}
    if not index_exists(index_dir):
        return IndexStatus(False, 0, True, len(files), "no index yet")
    try:
        ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
        damage = check_integrity(index_dir, ix)
        if damage:
            return IndexStatus(True, 0, True, len(files), damage_message(index_dir, damage))
        manifest = read_manifest(ix, index_dir)
        skipped_version, known_bad = read_skipped(index_dir, ix)
    except Exception as exc:
        return IndexStatus(True, 0, True, len(files), f"index unreadable: {exc}")
    version = index_version(corrections)

    def differs(stored: str) -> bool:
        if corrections is None:  # not told: compare without the corrections part
            return stored.split("+corrections-")[0] != version
        return stored != version

    if any(differs(e.version) for e in manifest.values()):
        return IndexStatus(
            True, len(manifest), True, len(files), "cleaner, annotators or corrections changed"
        )
    if known_bad and differs(skipped_version):
        known_bad = {}

    def known(rel: str, size: int, mtime: float) -> bool:
        if rel in manifest:
            return same_stat(manifest[rel], size, mtime)
        old = known_bad.get(rel)
        return old is not None and old[0] == size and abs(old[1] - mtime) < 1e-6

    pending = sum(1 for rel, (_p, size, mtime) in files.items() if not known(rel, size, mtime))
    pending += sum(1 for rel in manifest if rel not in files)
    reason = f"{pending} file(s) added, changed or removed" if pending else ""
    return IndexStatus(True, len(manifest), pending > 0, pending, reason)
