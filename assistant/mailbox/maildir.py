"""Read-only Maildir++ source: INBOX is the root, subfolders are ".Name" directories.

Nothing is ever renamed or moved (no new/ -> cur/, no flag changes). Keys are the unique part of
a file name (before ":2,"), which survives delivery to cur/ and flag renames. Cursor:
{"v": 1, "root": folder directory, "seen": zlib+base64 of the sorted seen keys}; keys that
vanished from the folder are dropped from it, so it stays the size of the folder, compressed.
A cursor made for another directory (the mailbox moved or settings changed) gives a reset.
"""

from __future__ import annotations

import base64
import logging
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from assistant.errors import MailboxError
from assistant.mailbox.base import (
    INBOX,
    OTHER,
    SENT,
    Folder,
    HeaderInfo,
    Listing,
    MailSource,
    RawMessage,
)
from assistant.mailbox.folders import is_sent_name

logger = logging.getLogger(__name__)

CURSOR_VERSION = 1
# Maildir info letters (after ":2,") as IMAP flags.
FLAG_NAMES = {"S": "\\Seen", "R": "\\Answered", "F": "\\Flagged", "T": "\\Deleted", "D": "\\Draft",
              "P": "$Forwarded"}


class MaildirSource(MailSource):
    def __init__(self, path: str | os.PathLike[str], sent_folder: str | None = None,
                 extra_folders: Iterable[str] = ()) -> None:
        self.root = Path(path).expanduser()
        self.sent_folder = sent_folder
        self.extra_folders = list(extra_folders)
        self.description = str(self.root)

    def open(self) -> None:
        if not (self.root / "cur").is_dir() or not os.access(self.root / "cur", os.R_OK | os.X_OK):
            if not self.root.exists():
                raise MailboxError(f"{self.root}: no such Maildir")
            raise MailboxError(f"{self.root}: not a readable Maildir (no cur/ directory)")

    def close(self) -> None:
        pass

    def folders(self) -> list[Folder]:
        self.open()
        subfolders = self._subfolders()
        result = [Folder("", INBOX)]
        sent = self._sent_folder(subfolders)
        if sent is not None:
            result.append(Folder(sent, SENT))
        for extra in self.extra_folders:
            name = _folder_name(extra)
            if name not in subfolders and name != "":
                raise MailboxError(f"{self.root}: folder {extra!r} does not exist (no {self.root / ('.' + name)})")
            if all(f.name != name for f in result):
                result.append(Folder(name, OTHER))
        return result

    def _subfolders(self) -> list[str]:
        try:
            entries = sorted(os.scandir(self.root), key=lambda e: e.name)
        except OSError as exc:
            raise MailboxError(f"{self.root}: cannot list Maildir ({exc.strerror})") from None
        return [e.name[1:] for e in entries
                if e.name.startswith(".") and e.name not in (".", "..") and (Path(e.path) / "cur").is_dir()]

    def _sent_folder(self, subfolders: list[str]) -> str | None:
        if self.sent_folder:
            name = _folder_name(self.sent_folder)
            if name not in subfolders:
                raise MailboxError(f"{self.root}: sent folder {self.sent_folder!r} does not exist "
                                   f"(no {self.root / ('.' + name)})")
            return name
        for name in subfolders:
            if is_sent_name(name):
                return name
        logger.warning("%s: no Sent folder (.Sent, .Sent Items, ...) found; set sent_folder", self.root)
        return None

    def _directory(self, folder: Folder) -> Path:
        return self.root / ("." + folder.name) if folder.name else self.root

    def _scan(self, folder: Folder) -> dict[str, Path]:
        """key -> current path; new/ before cur/ so a file delivered meanwhile is seen once."""
        directory = self._directory(folder)
        found: dict[str, Path] = {}
        for sub in ("new", "cur"):
            try:
                names = os.listdir(directory / sub)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise MailboxError(f"{directory / sub}: cannot list ({exc.strerror})") from None
            for name in names:
                if not name.startswith("."):
                    found[_key(name)] = directory / sub / name
        return found

    def list_new(self, folder: Folder, cursor: dict[str, Any] | None) -> Listing:
        directory = self._directory(folder)
        if not (directory / "cur").is_dir():
            raise MailboxError(f"{directory}: folder is missing (no cur/ directory)")
        present = sorted(self._scan(folder))
        root = str(directory.resolve())
        seen = None
        if cursor is not None and cursor.get("v") == CURSOR_VERSION and cursor.get("root") == root:
            seen = _unpack(cursor.get("seen", ""))
        reset = cursor is not None and seen is None
        if reset:
            logger.info("%s: cursor is damaged or made for another Maildir; listing everything", directory)
        seen = seen or set()
        kept = [key for key in present if key in seen]
        return Listing(keys=[key for key in present if key not in seen],
                       cursor={"v": CURSOR_VERSION, "root": root, "seen": _pack(kept)}, reset=reset)

    def advance(self, cursor: dict[str, Any], keys: Iterable[Any]) -> dict[str, Any]:
        seen = (_unpack(cursor["seen"]) or set()) | {str(k) for k in keys}
        return {**cursor, "seen": _pack(seen)}

    def fetch_headers(self, folder: Folder, keys: Iterable[Any]) -> Iterator[HeaderInfo]:
        for key, _path, size, header in self._read_each(folder, keys, lambda handle, _size: _read_header(handle)):
            # an unreadable file is still present: an empty header makes the pipeline ask for it (and fail)
            yield HeaderInfo(key, header or b"", size)

    def fetch_messages(self, folder: Folder, keys: Iterable[Any], size_cap: int,
                       sizes: Mapping[Any, int] | None = None) -> Iterator[RawMessage]:
        def read(handle: BinaryIO, size: int) -> bytes:
            return _read_header(handle) if size > size_cap else handle.read()

        for key, path, size, raw in self._read_each(folder, keys, read):
            if raw is not None:
                yield RawMessage(key, raw, size, truncated=size > size_cap, flags=_flags(path))

    def _read_each(self, folder: Folder, keys: Iterable[Any],
                   read: Callable[[BinaryIO, int], bytes]) -> Iterator[tuple[str, Path, int, bytes | None]]:
        """(key, path, size, read(file, size)) per key still present, data None when unreadable;
        renamed files are found again."""
        paths = self._scan(folder)
        for key in map(str, keys):
            for attempt in range(2):
                path = paths.get(key)
                if path is None:
                    break
                try:
                    with open(path, "rb") as handle:
                        size = os.fstat(handle.fileno()).st_size
                        data = read(handle, size)
                except FileNotFoundError:
                    if attempt == 0:  # flagged or moved to cur/ since the scan: look again
                        paths = self._scan(folder)
                    continue
                except OSError as exc:
                    # one unreadable file must not stop every sync: the pipeline retries it later
                    logger.warning("%s: cannot read (%s)", path, exc.strerror)
                    yield key, path, 0, None
                    break
                yield key, path, size, data
                break


def _folder_name(name: str) -> str:
    """A configured folder name as a Maildir++ name: ".Sent", "INBOX.Sent" and "Sent" alike."""
    name = name.strip().removeprefix("INBOX.").removeprefix("INBOX/")
    return "" if name.upper() == "INBOX" else name.lstrip(".")


def _key(filename: str) -> str:
    for separator in (":2,", ";2,", "!2,"):  # ";" and "!" where ":" is not allowed in names
        if separator in filename:
            return filename.split(separator, 1)[0]
    return filename


def _flags(path: Path) -> tuple[str, ...]:
    name = path.name
    for separator in (":2,", ";2,", "!2,"):
        if separator in name:
            letters = name.split(separator, 1)[1]
            return tuple(FLAG_NAMES[c] for c in letters if c in FLAG_NAMES)
    return ()


def _read_header(handle: BinaryIO) -> bytes:
    lines = []
    for line in handle:
        lines.append(line)
        if line in (b"\n", b"\r\n"):
            break
    return b"".join(lines)


def _pack(keys: Iterable[str]) -> str:
    text = "\n".join(sorted(keys)).encode("utf-8", "surrogateescape")
    return base64.b64encode(zlib.compress(text, 6)).decode("ascii")


def _unpack(packed: str) -> set[str] | None:
    """The seen keys, or None when the cursor is damaged (the caller then re-lists everything)."""
    try:
        text = zlib.decompress(base64.b64decode(packed, validate=True)).decode("utf-8", "surrogateescape")
    except (ValueError, TypeError, zlib.error):
        return None
    return set(text.split("\n")) if text else set()
