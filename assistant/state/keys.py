"""The local secret that signs digest Message-IDs: 32 random bytes in a 0600 file, made once. IO.

The key is created atomically: written and fsynced under a temporary name, then hard-linked into
place (link fails if another process won the race, whose key is then used). It is
never logged; only the path is.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from assistant.errors import StoreError
from assistant.state.files import atomic_create

logger = logging.getLogger(__name__)

KEY_BYTES = 32


def load_or_create_key(path: Path) -> bytes:
    """The key stored at path, created first if there is none.

    Raises StoreError if the file is readable or writable by group or others, belongs to another
    user, is not a regular file, has the wrong size, or cannot be read or written.
    """
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    _create(path)
    return _read(path)


def _read(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise StoreError(f"key file {path} cannot be opened ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"key file {path} is not a regular file")
        if info.st_mode & 0o077:
            raise StoreError(f"key file {path} is readable by other users (mode {stat.S_IMODE(info.st_mode):04o}), "
                             f"so the key may have leaked: remove it (rm {path}) and a new one is made on the next "
                             "digest; replies to digests signed with the old key are then no longer recognised")
        if info.st_uid != os.geteuid():
            raise StoreError(f"key file {path} belongs to another user (uid {info.st_uid})")
        try:
            data = handle.read(KEY_BYTES + 1)
        except OSError as exc:
            raise StoreError(f"key file {path} cannot be read ({exc.strerror or exc})") from None
    if len(data) != KEY_BYTES:
        raise StoreError(f"key file {path} is damaged (expected {KEY_BYTES} bytes); remove it to make a "
                         "new one (replies to earlier digests will then no longer be recognised)")
    return data


def _create(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not atomic_create(path, os.urandom(KEY_BYTES)):
            logger.debug("key file %s was created by another process; using it", path)
            return
    except OSError as exc:
        raise StoreError(f"key file {path} cannot be created ({exc.strerror or exc})") from None
    logger.info("created %s: the key that signs each digest's Message-ID, so that replies to a digest are "
                "recognised (keep it private; it holds no password)", path)
