"""One process at a time per state file: an exclusive flock on `<state>.lock` holding the PID. IO.

Worker processes are forked while the lock is held, and a forked child shares the lock. So every
worker closes its copy as it starts (close_inherited), and a worker never outlives the process
that started it. A lock still held although the PID it records is gone was left by such orphans
(of an older version, or of a process killed between fork and close): it is taken over, never by
killing anything, by replacing the lock file. The assistant only ever signals its own workers.
"""

from __future__ import annotations

import fcntl
import logging
import os
from pathlib import Path

from assistant.errors import StoreError

logger = logging.getLogger(__name__)

_HELD: set[int] = set()  # lock descriptors this process holds; a forked child closes them


def acquire(path: Path, state: Path) -> int:
    """The locked descriptor of path; raises StoreError naming the state file when another live
    process holds it."""
    for _ in range(3):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise StoreError(f"cannot open lock file {path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _recorded_pid(fd)
            if holder is not None and not _alive(holder):
                _take_over(fd, path, holder)
                continue
            os.close(fd)
            raise StoreError(f"another assistant process (pid {holder or '?'}) is using {state}; "
                             "wait for it to finish or stop it") from None
        if not _same_file(fd, path):  # replaced meanwhile by a process taking over a stale lock
            os.close(fd)
            continue
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _HELD.add(fd)
        return fd
    raise StoreError(f"could not lock {state}: the lock file {path} keeps changing")


def release(fd: int) -> None:
    _HELD.discard(fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def close_inherited() -> None:
    """In a freshly forked child: let go of the parent's locks (the parent keeps them)."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


def _recorded_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, as another user
    return True


def _take_over(fd: int, path: Path, holder: int) -> None:
    try:
        if _same_file(fd, path):
            path.unlink()
            logger.warning("the state lock was held although process %d, which took it, is gone (orphaned "
                           "workers of a crashed run); it was replaced", holder)
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)
