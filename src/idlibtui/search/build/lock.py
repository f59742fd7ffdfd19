"""The build's lock on an index folder: one writer at a time, and a crash never locks it for good.

``<index>/idlibtui.lock`` is held with ``fcntl.flock`` while a build runs and names the pid, host
and start time as JSON, so a lock left by a dead process is free (and rewritten), and a live one
gives a clear message. Depends on Whoosh's own lock file name (``<INDEX_NAME>_WRITELOCK``), which
it probes so that a build whose lock file was removed is still refused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

from idlibtui.search.backend import IndexLocked, IndexWriteError
from idlibtui.search.schema import INDEX_NAME

LOCK_NAME = "idlibtui.lock"


def make_index_dir(index_dir: Path) -> None:
    """Create the index folder (and its parents); a path that cannot be a folder there (a
    file, a path under a file, a read-only or missing place) is one ``IndexWriteError``."""
    index_dir = Path(index_dir)
    if index_dir.is_dir():
        return
    if index_dir.exists() or index_dir.is_symlink():
        raise IndexWriteError(
            f"the index path {index_dir} is not a folder; give --index a folder "
            "(a new one is created)"
        )
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexWriteError(
            f"cannot create the index folder {index_dir}: {exc.strerror or exc}"
        ) from None


class IndexLock:
    """An exclusive, crash-proof lock on an index folder (fcntl.flock on a file naming the pid)."""

    def __init__(self, index_dir: Path) -> None:
        self.path = Path(index_dir) / LOCK_NAME
        self.fd: int | None = None

    def _open(self) -> int:
        """The lock file, opened (created when missing); a folder or a link in its place, or a
        folder that cannot be written, is an ``IndexWriteError`` saying what to do."""
        where = self.path
        if where.is_symlink():
            raise IndexWriteError(
                f"the lock file {where} is a link; remove it (idlibtui makes its own)"
            )
        if where.is_dir():
            raise IndexWriteError(f"the lock file {where} is a folder; remove it")
        try:
            return os.open(where, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise IndexWriteError(
                f"cannot write the index at {where.parent}: {exc.strerror or exc}"
            ) from None

    def acquire(self) -> None:
        import fcntl

        make_index_dir(self.path.parent)
        for _attempt in range(5):
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                self._refuse(fd)
            # Locked; but if the file was removed (or replaced) before we locked it, the lock
            # guards nothing: open the file now at that path and lock again.
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except OSError:
                same = False
            if same:
                self._check_writer(fd)
                self._own(fd)
                return
            os.close(fd)
        raise IndexLocked("the index lock file keeps being removed or replaced; try again")

    def _check_writer(self, fd: int) -> None:
        """Refuse when Whoosh's own write lock is held: a build whose lock file was removed
        is still running (without this, a second build would wait for it and fail)."""
        import fcntl

        try:
            probe = os.open(self.path.parent / f"{INDEX_NAME}_WRITELOCK", os.O_RDWR)
        except OSError:
            return  # no writer lock file: no build has written here
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise IndexLocked(
                "the index is being written by another process (its lock file was removed); "
                "try again when it finishes"
            ) from None
        else:
            fcntl.flock(probe, fcntl.LOCK_UN)
        finally:
            os.close(probe)

    @staticmethod
    def _refuse(fd: int) -> None:
        try:
            info = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
        except (ValueError, OSError):
            info = {}
        os.close(fd)
        pid = info.get("pid", "?") if isinstance(info, dict) else "?"
        started = info.get("started", "?") if isinstance(info, dict) else "?"
        raise IndexLocked(
            f"index is being updated by process {pid} (started {started}); "
            "try again when it finishes"
        ) from None

    def _own(self, fd: int) -> None:
        # Free: either nobody had it or its holder died (a stale lock); it is ours now.
        info = {
            "pid": os.getpid(),
            "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "host": socket.gethostname(),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            import fcntl

            try:
                os.ftruncate(self.fd, 0)
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            finally:
                os.close(self.fd)
                self.fd = None

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
