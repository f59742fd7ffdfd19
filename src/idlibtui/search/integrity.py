"""What each commit wrote, so that a damaged index is found at open instead of answering wrongly.

After every commit the builder records, for each file of that commit (its TOC and every file of
its segments: Whoosh's columns, postings and stored fields, and our sidecars), the size and a
CRC-32 in ``integrity-<index>.json``, named by the commit like the manifest copy. Opening the
index compares the files with the record: a file missing, of another size or with another
checksum is damage, said with the fix (``idlibtui index`` rebuilds a damaged index).

The checksum is cheap on purpose: a file up to ``WHOLE_LIMIT`` is read whole; a larger one by
its head, its tail and ``SAMPLES`` blocks spread over it (a truncation, a garbled head or tail
and most scattered damage show; a change to a few bytes deep inside a large file may not, and
its size, checked always, still has to match). A record of another commit (a build killed
between its commit and the record) or none at all (an index built before records existed)
leaves the index unverified, not refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from idlibtui.search.manifest import commit_id
from idlibtui.search.schema import INDEX_NAME

INTEGRITY_NAME = f"integrity-{INDEX_NAME}.json"
_FORMAT = 1
WHOLE_LIMIT = 1 << 20
BLOCK = 1 << 12
SAMPLES = 32
#: Our sidecar files (``search/sidecar.py``): optional as a whole, see ``check_integrity``.
SIDECAR_SUFFIXES = (".u32", ".i64", ".npz", ".vb", ".u8", ".u16")


def checksum(path: Path | str, size: int) -> int:
    """CRC-32 of the whole file (up to ``WHOLE_LIMIT``) or of its head, tail and samples."""
    with open(path, "rb") as handle:
        if size <= WHOLE_LIMIT:
            return zlib.crc32(handle.read())
        crc = 0
        step = (size - BLOCK) // SAMPLES
        offsets = [0, size - 4 * BLOCK, *(i * step for i in range(1, SAMPLES))]
        for offset in offsets:
            handle.seek(offset)
            crc = zlib.crc32(
                handle.read(4 * BLOCK if offset in (0, size - 4 * BLOCK) else BLOCK), crc
            )
        return crc


def commit_files(index_dir: Path, ix) -> list[str]:
    """The files the index's latest commit consists of: its TOC and its segments' files."""
    toc = ix._read_toc()
    prefixes = tuple(f"{seg.segment_id()}." for seg in toc.segments)
    names = [f"_{INDEX_NAME}_{toc.generation}.toc"]
    names += sorted(n for n in os.listdir(index_dir) if prefixes and n.startswith(prefixes))
    return names


def write_integrity(index_dir: Path, ix) -> None:
    """Record the sizes and checksums of the latest commit's files (atomically; a folder that
    cannot be written just leaves the index unverified)."""
    index_dir = Path(index_dir)
    path = index_dir / INTEGRITY_NAME
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        files: dict[str, list[int]] = {}
        for name in commit_files(index_dir, ix):
            size = os.path.getsize(index_dir / name)
            files[name] = [size, checksum(index_dir / name, size)]
        data = {"format": _FORMAT, "commit": commit_id(ix), "files": files}
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def drop_integrity(index_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (Path(index_dir) / INTEGRITY_NAME).unlink()


def _record(index_dir: Path, ix) -> dict[str, Any] | None:
    try:
        data = json.loads((Path(index_dir) / INTEGRITY_NAME).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT or data.get("commit") != commit_id(ix):
            return None
        files = data["files"]
        return {str(k): (int(v[0]), int(v[1])) for k, v in files.items()}
    except Exception:  # missing, unreadable, of another commit: unverified
        return None


def check_integrity(index_dir: Path, ix) -> list[str] | None:
    """What is wrong with the files of the index's latest commit (``[]``: nothing), or None
    when there is no record of that commit to compare with.

    A commit made while the files were being compared (a build merging segments away) is
    not damage: the check then starts again on the new commit.
    """
    for _attempt in range(3):
        commit = commit_id(ix)
        problems = _check_once(Path(index_dir), ix)
        if not problems or commit_id(ix) == commit:
            return problems
    return problems


def _check_once(index_dir: Path, ix) -> list[str] | None:
    record = _record(index_dir, ix)
    if record is None:
        return None
    problems = []
    present = set(os.listdir(index_dir))
    # A segment's sidecars are optional (a segment without them is read from Whoosh's own
    # blocks): all of them gone is no damage; some of them gone is.
    sidecars: dict[str, list[str]] = {}
    for name in record:
        if name.endswith(SIDECAR_SUFFIXES):
            sidecars.setdefault(name.split(".", 1)[0], []).append(name)
    optional = {
        name
        for names in sidecars.values()
        if not any(n in present for n in names)
        for name in names
    }
    for name, (size, crc) in sorted(record.items()):
        path = index_dir / name
        if name in optional:
            continue
        try:
            actual = os.path.getsize(path)
        except OSError:
            problems.append(f"{name} is missing")
            continue
        if actual != size:
            problems.append(f"{name} has {actual:,} bytes where {size:,} were written")
            continue
        try:
            if checksum(path, size) != crc:
                problems.append(f"{name} has changed since it was written")
        except OSError as exc:
            problems.append(f"{name} cannot be read: {exc.strerror or exc}")
    return problems


def damage_message(index_dir: Path, problems: list[str]) -> str:
    """One line: the index is damaged, the first problem or two, and the fix."""
    shown = "; ".join(problems[:2]) + (
        f" (and {len(problems) - 2} more)" if len(problems) > 2 else ""
    )
    return f"the index at {index_dir} is damaged ({shown}); run `idlibtui index` to rebuild it"
