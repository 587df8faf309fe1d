"""Glue: one sync pass from a MailSource into the Store."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .config import Owner
from .errors import AssistantError, MessageRefused
from .models import Message
from .parsing import parse_message
from .sources.base import Folder, MailSource, RawMessage
from .store import Store

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # folder, done, total
_MSGID_HEADER = re.compile(rb"^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)", re.I | re.M)


@dataclass
class SyncReport:
    read: int = 0  # messages fetched and looked at
    new: int = 0  # stored for the first time
    duplicates: int = 0  # already known (another folder, or re-mapped after UIDVALIDITY changed)
    refused: int = 0  # not understood; kept out, reported, never retried
    internal_errors: int = 0  # refusals caused by the assistant's own code
    seconds: float = 0.0
    folders: list[str] = field(default_factory=list)
    resets: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"{self.read} messages read, {self.new} new, {self.duplicates} already known, "
                f"{self.refused} refused, in {self.seconds:.1f} s")
        if self.resets:
            text += f" (re-mapped after a validity change: {', '.join(self.resets)})"
        return text


def folder_key(folder: Folder) -> str:
    return f"{folder.role}:{folder.name}"


def sync_once(source: MailSource, store: Store, owner: Owner, now: datetime, *, size_cap: int,
              batch_size: int, progress: Progress | None = None,
              clock: Callable[[], float] = time.monotonic) -> SyncReport:
    """Ingest everything new in every folder of source; each batch is committed atomically."""
    started = clock()
    report = SyncReport()
    for folder in source.folders():
        key = folder_key(folder)
        report.folders.append(folder.name or "INBOX")
        listing = source.list_new(folder, store.cursor(key))
        cursor = listing.cursor
        if listing.reset:
            report.resets.append(folder.name or "INBOX")
            logger.info("%s: validity changed, re-mapping %d messages by Message-ID", key, len(listing.keys))
        total, done = len(listing.keys), 0
        for batch in _chunks(listing.keys, batch_size):
            wanted = _unknown_keys(source, folder, batch, store) if listing.reset else batch
            report.duplicates += len(batch) - len(wanted)
            internal_before = report.internal_errors
            records = list(_ingest(source.fetch_messages(folder, wanted, size_cap), store, owner, key, report))
            failed = report.internal_errors - internal_before
            if failed and failed >= min(3, len(wanted)) and failed * 2 > len(wanted):
                # a bug of ours, not bad mail: recording them as refused would lose them for good
                raise AssistantError(f"{failed} of {len(wanted)} messages in {folder.name or 'INBOX'} hit an internal "
                                     "error; this batch was not committed (run with --debug for details)")
            cursor = source.advance(cursor, batch)
            store.commit(records, {key: cursor}, now)
            done += len(batch)
            if progress:
                progress(folder.name or "INBOX", done, total)
        if not listing.keys and listing.reset:
            store.commit([], {key: cursor}, now)
    store.set_meta({"last_sync": now.isoformat()}, now)
    report.seconds = clock() - started
    return report


def _chunks(keys: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


def _unknown_keys(source: MailSource, folder: Folder, batch: list[Any], store: Store) -> list[Any]:
    """Headers first: only messages whose Message-ID is not stored yet need their body."""
    wanted = []
    for info in source.fetch_headers(folder, batch):
        found = _MSGID_HEADER.search(info.header)
        if not found or not store.known(found.group(1).decode("ascii", "replace")):
            wanted.append(info.key)
    return wanted


def _ingest(messages: Iterable[RawMessage], store: Store, owner: Owner, key: str,
            report: SyncReport) -> Iterator[dict[str, Any]]:
    seen_here: set[str] = set()
    for raw in messages:
        report.read += 1
        quick = _MSGID_HEADER.search(header_block(raw.raw))
        mid = quick.group(1).decode("ascii", "replace") if quick else ""
        if mid:
            if mid in seen_here or store.known(mid):
                report.duplicates += 1
                continue
        try:
            message = parse_message(raw.raw, size=raw.size, truncated=raw.truncated)
        except MessageRefused as exc:
            mid = mid or "<" + hashlib.sha256(raw.raw).hexdigest()[:32] + "@refused.invalid>"
            if mid in seen_here or store.known(mid):
                report.duplicates += 1
                continue
            report.refused += 1
            report.internal_errors += exc.internal
            seen_here.add(mid)
            logger.warning("%s: message %s refused: %s", key, raw.key, exc)
            yield {"message_id": mid, "folder": key, "refused": str(exc), "size": raw.size}
            continue
        if message.message_id in seen_here or store.known(message.message_id):
            report.duplicates += 1
            continue
        seen_here.add(message.message_id)
        report.new += 1
        yield message_record(message, owner, key)


def header_block(raw: bytes) -> bytes:
    """The bytes before the first empty line (LF or CRLF endings)."""
    ends = [i for i in (raw.find(b"\n\n"), raw.find(b"\n\r\n")) if i >= 0]
    return raw[:min(ends)] if ends else raw


def message_record(message: Message, owner: Owner, folder: str) -> dict[str, Any]:
    """What is stored of a message: what it said and to whom, not its full body."""
    record = message.to_json()
    sender = message.sender.email if message.sender else ""
    record.update({
        "direction": "sent" if sender in owner.identities else "received",
        "folder": folder,
        "in_reply_to": message.in_reply_to,
        "references": list(message.references),
        "reply_to": [a.to_json() for a in message.reply_to],
        "signals": list(message.bulk_signals),
        "size": message.size,
        "truncated": message.truncated,
    })
    return record
