"""What the index holds for each corpus file (id, size, mtime, hash, pipeline version).

An update compares the corpus against this manifest. Reading it from the index means
unpickling every article's stored fields (1.4 s at 50k articles, most of an incremental
update's fixed cost), so the builder also writes it, after each commit, to a small file next
to the index that names the commit it describes. The file is trusted only while that commit
is the index's latest: any other writer, a killed build or a damaged file sends the reader back
to the stored fields, which stay the truth.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from idlibtui.search.schema import INDEX_NAME

MANIFEST_NAME = f"manifest-{INDEX_NAME}.pickle"
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    size: int
    mtime: float
    sha256: str
    version: str


def commit_id(ix) -> dict[str, Any]:
    """The index's latest commit: its generation and segment ids."""
    toc = ix._read_toc()
    return {
        "generation": int(toc.generation),
        "segments": sorted(str(seg.segment_id()) for seg in toc.segments),
    }


def entry_of(stored: dict[str, Any]) -> tuple[str, Entry]:
    """``(path, entry)`` from an article's stored fields."""
    return stored.get("path", ""), Entry(
        stored.get("id", ""),
        int(stored.get("size", -1)),
        float(stored.get("mtime", -1.0)),
        stored.get("sha256", ""),
        stored.get("version", ""),
    )


def read_stored_manifest(ix) -> dict[str, Entry]:
    """The manifest from the articles' stored fields (slow, always right)."""
    with ix.reader() as reader:
        return dict(entry_of(fields) for fields in reader.all_stored_fields())


def read_manifest(ix, index_dir: Path | None = None) -> dict[str, Entry]:
    """The manifest: from the file written with the latest commit when there is one (fast),
    else from the stored fields."""
    return load_manifest(ix, index_dir)[0]


def load_manifest(ix, index_dir: Path | None) -> tuple[dict[str, Entry], bool]:
    """``(manifest, whether it came from the file)``."""
    if index_dir is not None:
        cached = _read_file(Path(index_dir) / MANIFEST_NAME, commit_id(ix))
        if cached is not None:
            return cached, True
    return read_stored_manifest(ix), False


def _read_file(path: Path, commit: dict[str, Any]) -> dict[str, Entry] | None:
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
        if data["format"] != _FORMAT or data["commit"] != commit:
            return None
        return {
            str(rel): Entry(str(i), int(size), float(mtime), str(sha), str(version))
            for rel, (i, size, mtime, sha, version) in data["entries"].items()
        }
    except Exception:  # missing, damaged or of another commit: the stored fields answer
        return None


def write_manifest(index_dir: Path, ix, manifest: dict[str, Entry]) -> None:
    """Record ``manifest`` as the one of the index's latest commit (atomically; a read-only
    folder or a full disk just leaves the slow path)."""
    path = Path(index_dir) / MANIFEST_NAME
    data = {
        "format": _FORMAT,
        "commit": commit_id(ix),
        "entries": {
            rel: (e.id, e.size, e.mtime, e.sha256, e.version) for rel, e in manifest.items()
        },
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def drop_manifest(index_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (Path(index_dir) / MANIFEST_NAME).unlink()
