"""TinyDB storage kept in memory between explicit flushes, written atomically with a backup. IO.

TinyDB's own JSONStorage rewrites its file in place, and a crash inside that window corrupts it.
Here nothing is written until flush(); a flush writes a temp file, fsyncs it, renames it over the
state, fsyncs the directory, and keeps the previous version as `<state>.bak`. A flush that fails
(disk full, read-only) leaves the file as it was and forgets the changes it could not write, so a
later flush cannot record what never happened.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from assistant.errors import StoreError
from assistant.state.files import atomic_write


class AtomicJSONStorage(Storage):
    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.backup = self.path.with_name(self.path.name + ".bak")
        self._data: dict[str, Any] | None = None
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = self._load()
        return self._data

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StoreError(f"state file {self.path} cannot be read: {exc.strerror}") from None
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            raise StoreError(f"state file {self.path} does not parse ({exc}); {self.recovery_hint()}") from None
        return data

    def recovery_hint(self) -> str:
        return (f"the previous version is in {self.backup}: move it into place to recover"
                if self.backup.exists() else "no backup exists")

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def flush(self) -> None:
        """Make the changes durable; raises StoreError (and forgets them) when they cannot be written."""
        if not self.dirty or self._data is None:
            return
        payload = json.dumps(self._data, separators=(",", ":"), sort_keys=True).encode()
        try:
            if self.path.exists():
                # keep the last good version: hard link, then move over the old backup atomically
                tmp_link = self.path.with_name(f".{self.path.name}.bak.tmp")
                tmp_link.unlink(missing_ok=True)
                os.link(self.path, tmp_link)
                os.replace(tmp_link, self.backup)
            atomic_write(self.path, payload)
        except OSError as exc:
            self._data, self.dirty = None, False  # reread what is on disk; the changes did not happen
            raise StoreError(f"state file {self.path} could not be written: {exc.strerror}") from None
        self.dirty = False

    def close(self) -> None:
        """Nothing is written on close: only flush() makes changes durable."""
