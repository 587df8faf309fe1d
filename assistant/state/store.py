"""The state: one TinyDB file (schema, cursors, segment index, digests, outbox) plus immutable
message segments. IO.

TinyDB rewrites its whole file on every write, so per-message documents would mean 200,000
documents rewritten on every batch. Messages therefore go into append-only, gzipped JSON Lines
segments (one per batch, written once, checksummed); the TinyDB file only holds the small,
changing part. Every write is atomic (see storage.py and files.py), files are 0600 in a 0700
directory, and a lock keeps a second process out (lock.py).

Opening checks what a crash or a careless hand may have left: temp files of an interrupted write
are removed, loose permissions are tightened (with a warning), every segment's checksum is
verified, a state file that lost its tables is refused, and segments no state refers to are moved
aside, never deleted.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from assistant.crashpoints import crash_point
from assistant.errors import StoreError
from assistant.models import StoredMessage
from assistant.state import lock
from assistant.state.files import atomic_write, temp_files
from assistant.state.storage import AtomicJSONStorage

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SEGMENT_GLOB = "seg-*.jsonl.gz"


_NOTHING_TO_UNDERSTAND = "*"


def _days_before(day: str, days: int) -> str:
    try:
        return (datetime.fromisoformat(day) - timedelta(days=days)).date().isoformat()
    except ValueError:
        return ""


def _segment_version(segment: dict[str, Any]) -> str:
    """The findings version of all of a segment's messages ("" when they differ or have none);
    stores written before versions were strings hold a number (2**31: refused messages only)."""
    value = segment.get("findings_v", "")
    if isinstance(value, int):
        return _NOTHING_TO_UNDERSTAND if value == 2**31 else str(value)
    return str(value)


class Store:
    """Repository of ingested messages, sync cursors, digests and the outbox. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.segments_dir = self.path.with_name(self.path.stem + ".messages")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock_fd: int | None = None
        self._db: TinyDB | None = None
        self._storage: AtomicJSONStorage | None = None
        self._ids: set[str] | None = None
        self._sent_ids: set[str] | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def open(self) -> Store:
        self._prepare_dir(self.path.parent)
        self._lock_fd = lock.acquire(self.lock_path, self.path)
        try:
            self._remove_temp_files()
            self._tighten_permissions()
            fresh = not self.path.exists()
            self._db = TinyDB(str(self.path), storage=AtomicJSONStorage)
            self._storage = self._db.storage  # type: ignore[assignment]
            self._prepare_dir(self.segments_dir)
            if fresh:
                self._create()
            else:
                self._check_tables()
            self._verify_segments()
            self._move_orphans_aside()
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
            lock.release(self._lock_fd)
            self._lock_fd = None

    def _prepare_dir(self, directory: Path) -> None:
        try:
            if not directory.exists():
                directory.mkdir(parents=True, mode=0o700)
                os.chmod(directory, 0o700)
            elif not directory.is_dir():
                raise StoreError(f"{directory} is not a directory")
            elif directory.stat().st_mode & 0o077:
                os.chmod(directory, 0o700)
                logger.warning("%s was open to other users; set to 0700 (the state holds your mail's metadata)",
                               directory)
        except PermissionError:
            raise StoreError(f"cannot create {directory}: permission denied") from None

    def _remove_temp_files(self) -> None:
        """Temp files of a write a crash interrupted: never part of the state (the lock is ours)."""
        leftovers = [*temp_files(self.path), self.path.with_name(f".{self.path.name}.bak.tmp")]
        if self.segments_dir.is_dir():
            leftovers += [f for f in self.segments_dir.glob(".seg-*.tmp")]
        for leftover in leftovers:
            if leftover.exists():
                logger.info("removing %s, left by a write that was interrupted", leftover)
                leftover.unlink()

    def _tighten_permissions(self) -> None:
        files = [self.path, self.path.with_name(self.path.name + ".bak"), self.lock_path]
        if self.segments_dir.is_dir():
            files += sorted(self.segments_dir.glob(SEGMENT_GLOB))
        loose = []
        for f in files:
            try:
                mode = stat.S_IMODE(f.stat().st_mode)
            except FileNotFoundError:
                continue
            if mode & 0o077:
                os.chmod(f, 0o600)
                loose.append(f"{f.name} ({mode:04o})")
        if loose:
            logger.warning("state files were readable by other users and are now 0600: %s", ", ".join(loose[:5])
                           + (f" and {len(loose) - 5} more" if len(loose) > 5 else ""))

    def _segment_files(self) -> list[Path]:
        return sorted(self.segments_dir.glob(SEGMENT_GLOB))

    def _create(self) -> None:
        existing = self._segment_files()
        if existing:
            raise StoreError(f"state file {self.path} is missing but {len(existing)} message segments are in "
                             f"{self.segments_dir}; {self._hint()}, or move {self.segments_dir} aside to start over")
        self._table("meta").insert({"schema_version": SCHEMA_VERSION})
        self._index_segments()
        self._flush()

    def _index_segments(self) -> None:
        """The (empty) index of message segments, written with the state it belongs to. Without it a
        run killed between writing its first segment and committing it would leave a state that looks
        as if it had lost its index; with it, that segment is an orphan and is moved aside."""
        assert self._storage is not None
        data = self._storage.read() or {}
        if "segments" not in data:
            self._storage.write({**data, "segments": {}})

    def _check_tables(self) -> None:
        assert self._db is not None and self._storage is not None
        meta = self._db.table("meta").get(doc_id=1)
        if meta is None or "schema_version" not in meta:
            raise StoreError(f"state file {self.path} has no schema record: it is damaged or not an assistant "
                             f"state file; {self._hint()}")
        if meta["schema_version"] != SCHEMA_VERSION:
            raise StoreError(f"state file {self.path} has schema version {meta['schema_version']}, "
                             f"this assistant reads version {SCHEMA_VERSION}")
        if "segments" not in self._db.tables():
            if self._segment_files():
                raise StoreError(f"state file {self.path} has lost its index of the {len(self._segment_files())} "
                                 f"message segments in {self.segments_dir}; {self._hint()}")
            self._index_segments()  # a state made before the index was written at creation
            self._flush()

    def _hint(self) -> str:
        backup = self.path.with_name(self.path.name + ".bak")
        return f"the previous version is in {backup}: move it into place to recover" if backup.exists() \
            else "no backup exists"

    def _verify_segments(self) -> None:
        """Every segment the state lists is there and whole, or the state is not trusted."""
        for seg in self._table("segments").all():
            self._segment_bytes(seg)

    def _move_orphans_aside(self) -> None:
        """Segments written by a run that died before its commit are not part of the state."""
        listed = {s["file"] for s in self._table("segments").all()}
        overlays = {d["file"] for d in self._table("findings").all()}
        for stale in self.segments_dir.glob("fnd-*.jsonl.gz"):
            if stale.name not in overlays:
                stale.unlink()  # findings made again from the segments: never the only copy of anything
        orphans = [f for f in self._segment_files() if f.name not in listed]
        if not orphans:
            return
        aside = self.segments_dir / "orphans"
        aside.mkdir(mode=0o700, exist_ok=True)
        for f in orphans:
            os.replace(f, aside / f.name)
        logger.warning("%d message segment(s) written by an interrupted run were never committed; moved to %s",
                       len(orphans), aside)

    def _table(self, name: str) -> Any:
        if self._db is None:
            raise StoreError("store is not open")
        return self._db.table(name)

    def _flush(self) -> None:
        assert self._storage is not None
        self._storage.flush()

    # -- cursors ---------------------------------------------------------------------------
    def cursor(self, key: str) -> dict[str, Any] | None:
        doc = self._table("cursors").get(Query().key == key)
        return dict(doc["cursor"]) if doc else None

    # -- messages --------------------------------------------------------------------------
    def known(self, message_id: str) -> bool:
        if self._ids is None:
            self._index()
        assert self._ids is not None
        return message_id in self._ids

    def in_sent(self, message_id: str) -> bool:
        """Whether this message was read from a Sent folder (stored from it, or seen there as a copy)."""
        if self._sent_ids is None:
            self._index()
        assert self._sent_ids is not None
        return message_id in self._sent_ids

    def sent_copies(self) -> frozenset[str]:
        """Message-IDs first stored from another folder and then seen in a Sent folder (cheap: no
        pass over the messages; with a record's own folder, enough to prove a new reply is in Sent)."""
        return frozenset(d["message_id"] for d in self._table("sent_copies").all())

    def _index(self) -> None:
        ids, sent = set(), {d["message_id"] for d in self._table("sent_copies").all()}
        for r in self.records():
            ids.add(r.message_id)
            if r.folder.startswith("sent:"):
                sent.add(r.message_id)
        self._ids, self._sent_ids = ids, sent

    def message_count(self, segments: Iterable[str] | None = None) -> int:
        """Messages stored, or in these segments only."""
        wanted = None if segments is None else set(segments)
        return sum(s["count"] for s in self._table("segments").all() if wanted is None or s["file"] in wanted)

    def records(self) -> Iterator[StoredMessage]:
        """Every stored message record, oldest segment first, with its newest findings."""
        for seg in self._segments():
            overlay = self._overlay(seg["file"])
            for line in gzip.decompress(self._segment_bytes(seg)).splitlines():
                data = json.loads(line)
                if overlay is not None and data["message_id"] in overlay:
                    data["findings"] = overlay[data["message_id"]]
                yield StoredMessage.from_json(data)

    def _segments(self) -> list[dict[str, Any]]:
        return sorted(self._table("segments").all(), key=lambda s: s["file"])

    # -- findings made again by a newer extractor (segments themselves never change) ----------
    def outdated_segments(self, version: str) -> list[str]:
        """Segments whose findings another extractor version made (or none made yet)."""
        # an overlay whose file is gone or damaged counts as never made: the segment is understood again
        overlays = {d["key"]: str(d["version"]) for d in self._table("findings").all()
                    if (self.segments_dir / d["file"]).is_file()}
        return [s["file"] for s in self._segments()
                if overlays.get(s["file"], _segment_version(s)) not in (version, _NOTHING_TO_UNDERSTAND)]

    def segment_records(self, segment: str) -> list[dict[str, Any]]:
        seg = next(s for s in self._segments() if s["file"] == segment)
        return [json.loads(line) for line in gzip.decompress(self._segment_bytes(seg)).splitlines()]

    def put_findings(self, segment: str, version: str, findings: dict[str, dict[str, Any]]) -> None:
        """Findings of every message of a segment, by a newer extractor: an overlay file beside it."""
        name = f"fnd-{segment[4:10]}-v{re.sub(r'[^0-9A-Za-z]+', '-', version)}.jsonl.gz"
        lines = b"\n".join(json.dumps({"m": m, "f": f}, separators=(",", ":"), ensure_ascii=False).encode()
                           for m, f in findings.items())
        blob = gzip.compress(lines, compresslevel=1, mtime=0)
        try:
            atomic_write(self.segments_dir / name, blob)
        except OSError as exc:
            raise StoreError(f"findings file {self.segments_dir / name} could not be written: {exc.strerror}") from None
        old = self.get("findings", segment)
        self.put("findings", segment, {"version": version, "file": name, "sha256": hashlib.sha256(blob).hexdigest()})
        self._flush()
        if old and old["file"] != name:
            (self.segments_dir / old["file"]).unlink(missing_ok=True)

    def _overlay(self, segment: str) -> dict[str, dict[str, Any]] | None:
        doc = self.get("findings", segment)
        if doc is None:
            return None
        path: Path = self.segments_dir / str(doc["file"])
        try:
            raw = path.read_bytes()
        except OSError:
            return None  # derived data: the next sync makes it again
        if hashlib.sha256(raw).hexdigest() != doc["sha256"]:
            return None
        return {row["m"]: row["f"] for row in map(json.loads, gzip.decompress(raw).splitlines())}

    def _segment_bytes(self, seg: dict[str, Any]) -> bytes:
        path: Path = self.segments_dir / str(seg["file"])
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"message segment {path} is missing; restore it from a backup, or move "
                             f"{self.path} and {self.segments_dir} aside to start over with a full sync") from None
        except OSError as exc:
            raise StoreError(f"message segment {path} cannot be read: {exc.strerror}") from None
        if hashlib.sha256(raw).hexdigest() != seg["sha256"]:
            raise StoreError(f"message segment {path} is damaged (checksum mismatch); restore it from a backup, "
                             f"or move {self.path} and {self.segments_dir} aside to start over with a full sync")
        return raw

    def retries(self, key: str) -> dict[str, int]:
        """Attempts so far per message key of a folder that could not be read yet."""
        doc = self._table("retries").get(Query().key == key)
        return dict(doc["attempts"]) if doc else {}

    def commit(self, records: list[dict[str, Any]], cursors: dict[str, dict[str, Any]],
               now: datetime, retries: dict[str, dict[str, int]] | None = None,
               sent_copies: Iterable[str] = (), inbound: Iterable[dict[str, Any]] = (),
               sent_log: Iterable[dict[str, Any]] = ()) -> None:
        """Make a batch durable: its segment first, then the state file that references it.

        sent_copies: Message-IDs of messages already stored from another folder that were just seen
        in a Sent folder (the owner-proof needs to know). inbound: records the assistant must act
        on (replies to what it sent), kept whole in the `inbound` table until they are handled.
        sent_log: the owner's recently sent mail ({message_id, to, subject, date}), to see which
        drafts the user sent from their own mail program."""
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
            crash_point("store.segment_written")
            versions = {str((r.get("findings") or {}).get("v", "")) for r in records if "refused" not in r}
            # a segment of refused messages only has nothing to understand: never outdated
            table.insert({"file": name, "count": len(records),
                          "findings_v": versions.pop() if len(versions) == 1 else
                          "" if versions else _NOTHING_TO_UNDERSTAND,
                          "sha256": hashlib.sha256(blob).hexdigest(), "created": now.isoformat()})
        q = Query()
        for key, cursor in cursors.items():
            self._table("cursors").upsert({"key": key, "cursor": cursor}, q.key == key)
        for key, attempts in (retries or {}).items():
            self._table("retries").upsert({"key": key, "attempts": attempts}, q.key == key)
        copies = sorted(set(sent_copies))
        if copies:
            self._table("sent_copies").insert_multiple({"message_id": m} for m in copies)
        waiting = self._table("inbound")
        for record in inbound:
            if not waiting.contains(q.key == record["message_id"]):
                waiting.insert({"key": record["message_id"], "status": "new", "first_seen": now.isoformat(),
                                "record": record})
        log = self._table("sent_log")
        for entry in sent_log:
            log.upsert({**entry, "key": entry["message_id"]}, q.key == entry["message_id"])
        if sent_log:  # only recent sends are ever matched: the table stays small
            oldest = min(str(e.get("date", "")) for e in sent_log)[:10]
            log.remove(q.date.test(lambda d: str(d)[:10] < _days_before(oldest, 60)))
        self._flush()
        crash_point("store.committed")
        if self._ids is not None:
            self._ids.update(r["message_id"] for r in records)
        if self._sent_ids is not None:
            self._sent_ids.update(copies)
            self._sent_ids.update(r["message_id"] for r in records if str(r.get("folder", "")).startswith("sent:"))

    # -- generic documents (digests, history, outbox) ---------------------------------------
    def rows(self, table: str) -> list[dict[str, Any]]:
        return [dict(d) for d in self._table(table).all()]

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        doc = self._table(table).get(Query().key == key)
        return dict(doc) if doc is not None else None

    def put(self, table: str, key: str, values: dict[str, Any]) -> None:
        """Insert or update the document with this key (not durable until save())."""
        self._table(table).upsert({**values, "key": key}, Query().key == key)

    def delete(self, table: str, key: str) -> None:
        """Remove the document with this key (not durable until save())."""
        self._table(table).remove(Query().key == key)

    def save(self) -> None:
        """Make every change since the last save durable; raises StoreError when it cannot."""
        self._flush()

    # -- digests ---------------------------------------------------------------------------
    def history(self) -> dict[str, dict[str, Any]]:
        """What happened to each suggestion key: shown (how often), skipped, snoozed, done, sent."""
        return {d["key"]: {k: v for k, v in d.items() if k != "key"} for d in self._table("history").all()}

    def record_digest(self, digest_id: str, message_id: str, items: list[dict[str, Any]], now: datetime,
                      gathering: bool, weekly: bool = True) -> None:
        """A digest went out: remember its numbers (for replies) and that its items were shown.
        Not durable until save(): the outbox writes it together with the row that says it was sent.
        weekly=False: numbered suggestions outside the weekly digest (guests for a forwarded event):
        replies act on them the same way, and the weekly schedule and rotation do not change."""
        self._table("digests").insert({"digest_id": digest_id, "message_id": message_id,
                                       "sent_at": now.isoformat(), "items": items})
        if not weekly:
            return
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
        self._table("meta").update({**values, "updated": now.isoformat()}, doc_ids=[1])

    def set_meta(self, values: dict[str, Any], now: datetime) -> None:
        self._table("meta").update({**values, "updated": now.isoformat()}, doc_ids=[1])
        self._flush()

    def meta(self) -> dict[str, Any]:
        return dict(self._table("meta").get(doc_id=1) or {})

    # -- the network, kept between runs (network/snapshot.py makes and reads the JSON) -----------
    SNAPSHOT = "network.json.gz"

    def content_key(self) -> str:
        """Changes whenever what the network is built from changes: messages, findings, Sent copies."""
        digest = hashlib.sha256()
        for seg in self._segments():
            digest.update(f"{seg['file']}:{seg.get('sha256')};".encode())
        for overlay in sorted(self._table("findings").all(), key=lambda d: d["key"]):
            digest.update(f"{overlay['file']}:{overlay.get('sha256')};".encode())
        digest.update(f"sent:{len(self._table('sent_copies'))}".encode())
        return digest.hexdigest()

    def read_snapshot(self, key: str | None) -> dict[str, Any] | None:
        """The network saved under this key (key None: whatever was saved last), or None (none saved,
        another key, or unreadable)."""
        path = self.segments_dir / self.SNAPSHOT
        try:
            data = json.loads(gzip.decompress(path.read_bytes()))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError) as exc:
            logger.warning("the saved network %s is unreadable (%s); it is built again", path, exc)
            return None
        if not isinstance(data, dict) or key is not None and data.get("key") != key \
                or not isinstance(data.get("network"), dict):
            return None
        network: dict[str, Any] = data["network"]
        return network

    def write_snapshot(self, key: str, network: dict[str, Any]) -> None:
        """Saved beside the segments, 0600, atomically; never the only copy of anything."""
        blob = gzip.compress(json.dumps({"key": key, "network": network}, separators=(",", ":"),
                                        ensure_ascii=False).encode(), compresslevel=1, mtime=0)
        try:
            atomic_write(self.segments_dir / self.SNAPSHOT, blob)
        except OSError as exc:
            logger.warning("the network could not be saved to %s (%s); it is built again next time",
                           self.segments_dir / self.SNAPSHOT, exc.strerror)

    def size_on_disk(self) -> int:
        files: Iterable[Path] = [self.path, *self.segments_dir.glob("seg-*")]
        return sum(f.stat().st_size for f in files if f.exists())
