"""Read-only mbox source: one file (Gmail Takeout, Thunderbird) or a folder of mbox files.

Files are streamed message by message, never loaded whole. Keys are byte offsets of "From "
lines. Cursor: {"v", "path", "last": offset of the last ingested message (-1: none),
"size": file size at listing, "head"/"head_len": hash of the first 4 KB, "tail": hash of the
4 KB before "last"}. Appends list only the new messages; a file that shrank or whose hashed
windows changed (rewritten, compacted) gives a reset listing. Thunderbird's in-place
X-Mozilla-Status edits are left out of the hashes so that reading mail there is no rewrite.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from assistant.errors import MailboxError
from assistant.mailbox.base import INBOX, OTHER, SENT, Folder, HeaderInfo, Listing, MailSource, RawMessage
from assistant.mailbox.folders import is_sent_name

logger = logging.getLogger(__name__)

CURSOR_VERSION = 1
WINDOW = 4096
CHUNK = 1 << 20
SEPARATOR = b"\nFrom "
MOZILLA_STATUS = re.compile(rb"X-Mozilla-Status2?: *[0-9A-Fa-f]*")
FROM_QUOTED = re.compile(rb"^>(>*From )", re.MULTILINE)
NOT_MBOX_SUFFIXES = (".msf", ".dat", ".json", ".sqlite", ".html", ".js", ".txt", ".ini", ".lock")


class MboxSource(MailSource):
    trusts_labels = True  # a Gmail Takeout export: Google wrote the X-Gmail-Labels

    def __init__(self, path: str | os.PathLike[str], settle_seconds: float = 2.0) -> None:
        self.path = Path(path).expanduser()
        # The last message of a file modified less than settle_seconds ago may still be being
        # written (even a blank line proves nothing: a writer may stop after the header); since
        # the cursor never goes back, it waits for the next pass instead.
        self.settle_seconds = settle_seconds
        self.description = str(self.path)
        # per file, from the last scan: (size, mtime_ns, message starts, end of the scan)
        self._bounds: dict[str, tuple[int, int, array[int], int]] = {}

    def open(self) -> None:
        if not self.path.exists():
            raise MailboxError(f"{self.path}: no such mbox file or folder")
        if not os.access(self.path, os.R_OK):
            raise MailboxError(f"{self.path}: not readable")

    def close(self) -> None:
        self._bounds.clear()

    def folders(self) -> list[Folder]:
        self.open()
        if self.path.is_file():
            stem = _stem(self.path)
            return [Folder(str(self.path), SENT if is_sent_name(stem) else INBOX)]
        found = [Folder(str(p), _role(p)) for p in sorted(self._mbox_files())]
        if not found:
            raise MailboxError(f"{self.path}: no mbox files in this folder")
        order = {INBOX: 0, SENT: 1, OTHER: 2}
        return sorted(found, key=lambda f: order[f.role])

    def _mbox_files(self) -> Iterator[Path]:
        for directory, subdirs, files in os.walk(self.path, onerror=self._walk_error):
            subdirs.sort()
            for name in files:
                path = Path(directory) / name
                if name.startswith(".") or name.lower().endswith(NOT_MBOX_SUFFIXES):
                    continue
                if name.lower().endswith(".mbox") or _starts_like_mbox(path) or (
                        path.with_name(name + ".msf").exists() and path.stat().st_size == 0):
                    yield path

    def _walk_error(self, exc: OSError) -> None:
        raise MailboxError(f"{exc.filename}: cannot list ({exc.strerror})")

    # -- listing ----------------------------------------------------------------------------

    def list_new(self, folder: Folder, cursor: dict[str, Any] | None) -> Listing:
        path = Path(folder.name)
        with _open(path) as handle:
            stat = os.fstat(handle.fileno())
            size = stat.st_size
            head_len = min(WINDOW, size)
            head = _digest(handle, 0, head_len)
            reset = cursor is not None and not _still_valid(handle, size, str(path), cursor)
            last = int(cursor["last"]) if cursor is not None and not reset else -1
            start = max(last, 0)
            if reset:
                logger.info("%s: mbox file was rewritten; listing everything", path)
            bounds = array("q", _scan(handle, start, size))
            self._bounds[str(path)] = (size, stat.st_mtime_ns, bounds, size)
            keys = [offset for offset in bounds if offset > last]
            if keys and time.time() - stat.st_mtime < self.settle_seconds:
                logger.debug("%s: last message still being written; it waits for the next pass", path)
                keys.pop()
        fresh = {"v": CURSOR_VERSION, "path": str(path), "last": last, "size": size,
                 "head": head, "head_len": head_len, "tail": ""}
        if not reset and cursor is not None:
            fresh["tail"] = cursor.get("tail", "")
        return Listing(keys=keys, cursor=fresh, reset=reset)

    def advance(self, cursor: dict[str, Any], keys: Iterable[Any]) -> dict[str, Any]:
        last = max([int(cursor["last"]), *(int(k) for k in keys)])
        if last == cursor["last"]:
            return dict(cursor)
        path = Path(cursor["path"])
        try:
            with _open(path) as handle:
                size = os.fstat(handle.fileno()).st_size
                if size < cursor["size"] or _digest(handle, 0, cursor["head_len"]) != cursor["head"]:
                    # rewritten since the listing: offsets are unreliable, the next pass resets
                    return {**cursor, "last": last, "tail": "stale"}
                return {**cursor, "last": last, "tail": _digest(handle, max(0, last - WINDOW), last)}
        except MailboxError:
            return {**cursor, "last": last, "tail": "stale"}

    # -- fetching ---------------------------------------------------------------------------

    def fetch_headers(self, folder: Folder, keys: Iterable[Any]) -> Iterator[HeaderInfo]:
        for key, end, handle in self._messages(folder, keys):
            size = _body_size(handle, key, end)
            yield HeaderInfo(key, _header(handle, key, end), size)

    def fetch_messages(self, folder: Folder, keys: Iterable[Any], size_cap: int,
                       sizes: Mapping[Any, int] | None = None) -> Iterator[RawMessage]:
        for key, end, handle in self._messages(folder, keys):
            size = _body_size(handle, key, end)
            if size > size_cap:
                yield RawMessage(key, _header(handle, key, end), size, truncated=True)
            else:
                yield RawMessage(key, _body(handle, key, end), size)

    def _messages(self, folder: Folder, keys: Iterable[Any]) -> Iterator[tuple[int, int, BinaryIO]]:
        """(start, end, open file) for each key that still starts a message."""
        path = Path(folder.name)
        with _open(path) as handle:
            stat = os.fstat(handle.fileno())
            cached = self._bounds.get(str(path))
            if cached and (cached[0], cached[1]) != (stat.st_size, stat.st_mtime_ns):
                cached = None
            for key in map(int, keys):
                if not _is_boundary(handle, key, stat.st_size):
                    continue
                end = _cached_end(cached, key) if cached else None
                if end is None:
                    end = next(_scan(handle, key + 1, stat.st_size), stat.st_size)
                yield key, end, handle


def _open(path: Path) -> BinaryIO:
    """Opened for reading without touching atime where allowed (mutt reads atime as 'seen')."""
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    try:
        try:
            fd = os.open(path, flags | getattr(os, "O_NOATIME", 0))
        except PermissionError:  # O_NOATIME needs ownership of the file
            fd = os.open(path, flags)
    except OSError as exc:
        raise MailboxError(f"{path}: cannot read ({exc.strerror})") from None
    return os.fdopen(fd, "rb")


def _scan(handle: BinaryIO, start: int, end: int) -> Iterator[int]:
    """Offsets in [start, end) where a "From " line begins, read a chunk at a time."""
    if _is_boundary(handle, start, end):
        yield start
    position, tail = start, b""
    handle.seek(start)
    while position < end:
        chunk = handle.read(min(CHUNK, end - position))
        if not chunk:
            break
        data, base = tail + chunk, position - len(tail)
        index = data.find(SEPARATOR)
        while index != -1:
            yield base + index + 1
            index = data.find(SEPARATOR, index + 1)
        position += len(chunk)
        tail = data[-(len(SEPARATOR) - 1):]


def _byte_before(handle: BinaryIO, offset: int) -> bytes:
    handle.seek(offset - 1)
    return handle.read(1)


def _is_boundary(handle: BinaryIO, offset: int, size: int) -> bool:
    if offset < 0 or offset >= size or (offset > 0 and _byte_before(handle, offset) != b"\n"):
        return False
    handle.seek(offset)
    return handle.read(5) == b"From "


def _cached_end(cached: tuple[int, int, array[int], int], key: int) -> int | None:
    _size, _mtime, bounds, scan_end = cached
    index = bisect_right(bounds, key)
    if index == 0 or bounds[index - 1] != key:
        return None
    return bounds[index] if index < len(bounds) else scan_end


def _region(handle: BinaryIO, start: int, end: int) -> tuple[int, int]:
    """The message's bytes: after the "From " line, without the blank line that ends it."""
    handle.seek(start)
    body_start = start + len(handle.readline())
    body_end = max(body_start, end)
    handle.seek(max(body_start, body_end - 4))
    ending = handle.read(body_end - max(body_start, body_end - 4))
    if ending.endswith(b"\r\n\r\n"):
        body_end -= 2
    elif ending.endswith(b"\n\n"):
        body_end -= 1
    return body_start, body_end


def _body_size(handle: BinaryIO, start: int, end: int) -> int:
    body_start, body_end = _region(handle, start, end)
    return body_end - body_start


def _body(handle: BinaryIO, start: int, end: int) -> bytes:
    body_start, body_end = _region(handle, start, end)
    handle.seek(body_start)
    return FROM_QUOTED.sub(rb"\1", handle.read(body_end - body_start))


def _header(handle: BinaryIO, start: int, end: int) -> bytes:
    body_start, body_end = _region(handle, start, end)
    handle.seek(body_start)
    lines, position = [], body_start
    while position < body_end:
        line = handle.readline(body_end - position)
        if not line:
            break
        lines.append(line)
        position += len(line)
        if line in (b"\n", b"\r\n"):
            break
    return FROM_QUOTED.sub(rb"\1", b"".join(lines))


def _digest(handle: BinaryIO, start: int, end: int) -> str:
    handle.seek(start)
    window = MOZILLA_STATUS.sub(b"", handle.read(max(0, end - start)))
    return hashlib.sha256(window).hexdigest()


def _still_valid(handle: BinaryIO, size: int, path: str, cursor: dict[str, Any]) -> bool:
    """Whether cursor's offsets still mean the same messages (the file was only appended to)."""
    try:
        if cursor.get("v") != CURSOR_VERSION or cursor.get("path") != path or cursor.get("tail") == "stale":
            return False
        last, head_len = int(cursor["last"]), int(cursor["head_len"])
        if size < int(cursor["size"]) or _digest(handle, 0, head_len) != cursor["head"]:
            return False
        if last < 0:
            return True
        return _is_boundary(handle, last, size) and _digest(handle, max(0, last - WINDOW), last) == cursor["tail"]
    except (KeyError, TypeError, ValueError):
        return False


def _starts_like_mbox(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


def _stem(path: Path) -> str:
    return path.name[:-5] if path.name.lower().endswith(".mbox") else path.name


def _role(path: Path) -> str:
    stem = _stem(path)
    if stem.casefold() == "inbox":
        return INBOX
    return SENT if is_sent_name(stem) else OTHER
