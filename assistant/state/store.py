"""The state: one TinyDB file (schema, cursors, segment index) plus immutable message segments.

TinyDB rewrites its whole file on every write, so per-message documents would mean 200,000
documents rewritten on every batch. Messages therefore go into append-only, gzipped JSON Lines
segments (one per batch, written once, checksummed); the TinyDB file only holds the small,
changing part. Every write is atomic (temp file, fsync, os.replace, fsync of the directory),
the previous state file is kept as a backup, files are 0600 in a 0700 directory, and a lock
file keeps a second process out.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from assistant.errors import StoreError
from assistant.models import StoredMessage
from assistant.state.files import atomic_write

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1


class AtomicJSONStorage(Storage):
    """TinyDB storage kept in memory between explicit flushes, written atomically with a backup."""

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
            hint = (f"the previous version is in {self.backup}: move it into place to recover"
                    if self.backup.exists() else "no backup exists")
            raise StoreError(f"state file {self.path} does not parse ({exc}); {hint}") from None
        return data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def flush(self) -> None:
        if not self.dirty or self._data is None:
            return
        payload = json.dumps(self._data, separators=(",", ":"), sort_keys=True).encode()
        if self.path.exists():
            # keep the last good version: hard link, then move over the old backup atomically
            tmp_link = self.path.with_name(f".{self.path.name}.bak.tmp")
            tmp_link.unlink(missing_ok=True)
            os.link(self.path, tmp_link)
            os.replace(tmp_link, self.backup)
        atomic_write(self.path, payload)
        self.dirty = False

    def close(self) -> None:
        """Nothing is written on close: only commit() makes changes durable."""


class Store:
    """Repository of ingested messages and sync cursors. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.segments_dir = self.path.with_name(self.path.stem + ".messages")
        self._lock_fd: int | None = None
        self._db: TinyDB | None = None
        self._storage: AtomicJSONStorage | None = None
        self._ids: set[str] | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def open(self) -> Store:
        self._prepare_dir(self.path.parent)
        self._lock()
        try:
            self._db = TinyDB(str(self.path), storage=AtomicJSONStorage)
            self._storage = self._db.storage  # type: ignore[assignment]
            meta = self._db.table("meta").get(doc_id=1)
            if meta is None:
                self._db.table("meta").insert({"schema_version": SCHEMA_VERSION})
            elif meta.get("schema_version") != SCHEMA_VERSION:
                raise StoreError(f"state file {self.path} has schema version {meta.get('schema_version')}, "
                                 f"this assistant reads version {SCHEMA_VERSION}")
            self._prepare_dir(self.segments_dir)
            self._drop_orphans()
        except BaseException:
            self.close()
            raise
        return self

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db = None
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def _prepare_dir(self, directory: Path) -> None:
        try:
            if not directory.exists():
                directory.mkdir(parents=True, mode=0o700)
                os.chmod(directory, 0o700)
            elif not directory.is_dir():
                raise StoreError(f"{directory} is not a directory")
            elif directory.stat().st_mode & 0o077:
                logger.warning("%s is readable by other users; the state holds your mail's metadata", directory)
        except PermissionError:
            raise StoreError(f"cannot create {directory}: permission denied") from None

    def _lock(self) -> None:
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(f"cannot open lock file {lock_path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            other = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise StoreError(f"another assistant process (pid {other}) is using {self.path}; "
                             "wait for it to finish or stop it") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._lock_fd = fd

    def _drop_orphans(self) -> None:
        """Segments written by a run that died before its commit are not part of the state."""
        listed = {s["file"] for s in self._table("segments").all()}
        for f in self.segments_dir.glob("seg-*.jsonl.gz"):
            if f.name not in listed:
                logger.info("removing %s: written by an interrupted run, never committed", f)
                f.unlink()

    def _table(self, name: str) -> Any:
        if self._db is None:
            raise StoreError("store is not open")
        return self._db.table(name)

    # -- cursors ---------------------------------------------------------------------------
    def cursor(self, key: str) -> dict[str, Any] | None:
        doc = self._table("cursors").get(Query().key == key)
        return dict(doc["cursor"]) if doc else None

    # -- messages --------------------------------------------------------------------------
    def known(self, message_id: str) -> bool:
        if self._ids is None:
            self._ids = {r.message_id for r in self.records()}
        return message_id in self._ids

    def message_count(self) -> int:
        return sum(s["count"] for s in self._table("segments").all())

    def records(self) -> Iterator[StoredMessage]:
        """Every stored message record, oldest segment first."""
        for seg in sorted(self._table("segments").all(), key=lambda s: s["file"]):
            yield from self._read_segment(seg)

    def _read_segment(self, seg: dict[str, Any]) -> Iterator[StoredMessage]:
        path = self.segments_dir / seg["file"]
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise StoreError(f"message segment {path} cannot be read: {exc.strerror}") from None
        if hashlib.sha256(raw).hexdigest() != seg["sha256"]:
            raise StoreError(f"message segment {path} is damaged (checksum mismatch); "
                             f"restore it from a backup or delete {self.path} to start over")
        for line in gzip.decompress(raw).splitlines():
            yield StoredMessage.from_json(json.loads(line))

    def retries(self, key: str) -> dict[str, int]:
        """Attempts so far per message key of a folder that could not be read yet."""
        doc = self._table("retries").get(Query().key == key)
        return dict(doc["attempts"]) if doc else {}

    def commit(self, records: list[dict[str, Any]], cursors: dict[str, dict[str, Any]],
               now: datetime, retries: dict[str, dict[str, int]] | None = None) -> None:
        """Make a batch durable: its segment first, then the state file that references it."""
        table = self._table("segments")
        if records:
            number = max((int(s["file"][4:10]) for s in table.all()), default=0) + 1
            name = f"seg-{number:06d}.jsonl.gz"
            lines = b"\n".join(json.dumps(r, separators=(",", ":"), ensure_ascii=False).encode()
                               for r in records)
            blob = gzip.compress(lines, compresslevel=1, mtime=0)  # level 6 took most of the commit time
            try:
                atomic_write(self.segments_dir / name, blob)
            except OSError as exc:
                raise StoreError(f"message segment {self.segments_dir / name} could not be written: "
                                 f"{exc.strerror}") from None
            table.insert({"file": name, "count": len(records),
                          "sha256": hashlib.sha256(blob).hexdigest(), "created": now.isoformat()})
            if self._ids is not None:
                self._ids.update(r["message_id"] for r in records)
        q = Query()
        for key, cursor in cursors.items():
            self._table("cursors").upsert({"key": key, "cursor": cursor}, q.key == key)
        for key, attempts in (retries or {}).items():
            self._table("retries").upsert({"key": key, "attempts": attempts}, q.key == key)
        assert self._storage is not None
        try:
            self._storage.flush()
        except OSError as exc:
            raise StoreError(f"state file {self.path} could not be written: {exc.strerror}") from None

    # -- digests ---------------------------------------------------------------------------
    def history(self) -> dict[str, dict[str, Any]]:
        """What happened to each suggestion key: shown (how often), skipped, snoozed, done, sent."""
        return {d["key"]: {k: v for k, v in d.items() if k != "key"} for d in self._table("history").all()}

    def record_digest(self, digest_id: str, message_id: str, items: list[dict[str, Any]], now: datetime,
                      gathering: bool) -> None:
        """A digest went out: remember its numbers (for replies) and that its items were shown."""
        self._table("digests").insert({"digest_id": digest_id, "message_id": message_id,
                                       "sent_at": now.isoformat(), "items": items})
        q = Query()
        history = self._table("history")
        for item in items:
            doc = history.get(q.key == item["key"])
            if doc is None:
                history.insert({"key": item["key"], "status": "shown", "times": 1, "at": now.isoformat()})
            elif doc.get("status") == "shown":
                history.update({"times": int(doc.get("times", 0)) + 1, "at": now.isoformat()},
                               doc_ids=[doc.doc_id])
        values: dict[str, Any] = {"last_digest_sent": now.isoformat()}
        if gathering:
            values["last_gathering"] = now.isoformat()
        self.set_meta(values, now)

    def set_meta(self, values: dict[str, Any], now: datetime) -> None:
        self._table("meta").update({**values, "updated": now.isoformat()}, doc_ids=[1])
        assert self._storage is not None
        try:
            self._storage.flush()
        except OSError as exc:
            raise StoreError(f"state file {self.path} could not be written: {exc.strerror}") from None

    def meta(self) -> dict[str, Any]:
        return dict(self._table("meta").get(doc_id=1) or {})

    def size_on_disk(self) -> int:
        files: Iterable[Path] = [self.path, *self.segments_dir.glob("seg-*")]
        return sum(f.stat().st_size for f in files if f.exists())
