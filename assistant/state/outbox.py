"""The outbox: every message the assistant sends, recorded before it is sent. IO.

A row moves planned -> sending -> sent | failed | uncertain, and every move is written to the
state file before the next step happens:

- planned: the message is final (its Message-ID fixed) and kept in `<state>.outbox/`; nothing has
  gone out. A retry sends exactly this message again, with the same Message-ID.
- sending: written just before the SMTP conversation. A row still `sending` when a process
  starts was interrupted: it is never sent again on its own. If its Message-ID turns up in the
  mailbox it becomes `sent`, otherwise `uncertain`.
- failed: the server refused it, or it never got the whole message; nothing was delivered.
  `permanent` when the server said 5xx: retrying will not help, so it is only reported.
- uncertain: it may or may not have been delivered. Reported, and sent again only when the user
  says so (a new row with a new Message-ID).
- sent: delivered (the server said 250, or a copy was found in the mailbox).

If the state cannot be written (a full disk), planning or marking fails with a StoreError and
nothing is sent: the assistant never sends what it could not record first.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.crashpoints import crash_point
from assistant.errors import StoreError
from assistant.state.files import atomic_write
from assistant.state.store import Store

TABLE = "outbox"
PLANNED, SENDING, SENT, FAILED, UNCERTAIN = "planned", "sending", "sent", "failed", "uncertain"
STATUSES = (PLANNED, SENDING, SENT, FAILED, UNCERTAIN)


@dataclass(frozen=True)
class OutboxRow:
    key: str  # unique: what the message is for ("digest:2026-11-30T08:00-08:00", "action:...")
    kind: str  # digest | receipt | draft | ...
    message_id: str
    recipients: tuple[str, ...]
    subject: str
    status: str
    created: str
    updated: str
    attempts: int = 0
    error: str | None = None
    permanent: bool = False
    sent_at: str | None = None
    data: dict[str, Any] = field(default_factory=dict)  # what the caller needs to finish the job

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message_id": self.message_id, "recipients": list(self.recipients),
                "subject": self.subject, "status": self.status, "created": self.created, "updated": self.updated,
                "attempts": self.attempts, "error": self.error, "permanent": self.permanent,
                "sent_at": self.sent_at, "data": self.data}

    @classmethod
    def from_json(cls, key: str, doc: dict[str, Any]) -> OutboxRow:
        return cls(key, doc["kind"], doc["message_id"], tuple(doc["recipients"]), doc.get("subject", ""),
                   doc["status"], doc["created"], doc.get("updated", doc["created"]), int(doc.get("attempts", 0)),
                   doc.get("error"), bool(doc.get("permanent")), doc.get("sent_at"), dict(doc.get("data") or {}))

    @property
    def retryable(self) -> bool:
        """Sending it (again) cannot make a duplicate: nothing of it was delivered."""
        return self.status == PLANNED or (self.status == FAILED and not self.permanent)


class Outbox:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.folder = store.path.with_name(store.path.stem + ".outbox")

    def rows(self, *statuses: str) -> list[OutboxRow]:
        found = [OutboxRow.from_json(d["key"], d) for d in self.store.rows(TABLE)]
        return sorted((r for r in found if not statuses or r.status in statuses), key=lambda r: (r.created, r.key))

    def get(self, key: str) -> OutboxRow | None:
        doc = self.store.get(TABLE, key)
        return OutboxRow.from_json(key, doc) if doc else None

    def plan(self, key: str, kind: str, message: bytes, message_id: str, recipients: tuple[str, ...],
             subject: str, now: datetime, data: dict[str, Any] | None = None) -> OutboxRow:
        """Keep the final message and record it as planned; raises StoreError when either cannot be written."""
        if self.get(key) is not None:
            raise StoreError(f"outbox already has {key}")
        self._prepare_folder()
        try:
            atomic_write(self._file(key), message)
        except OSError as exc:
            raise StoreError(f"outbox message {self._file(key)} could not be written: {exc.strerror}") from None
        at = now.isoformat()
        row = OutboxRow(key, kind, message_id, recipients, subject, PLANNED, at, at, data=dict(data or {}))
        self._write(row)
        crash_point("outbox.planned")
        return row

    def message(self, row: OutboxRow) -> bytes:
        try:
            return self._file(row.key).read_bytes()
        except OSError as exc:
            raise StoreError(f"outbox message {self._file(row.key)} cannot be read: {exc.strerror}") from None

    def sending(self, row: OutboxRow, now: datetime) -> OutboxRow:
        if not row.retryable:
            raise StoreError(f"outbox row {row.key} is {row.status}; it is not sent again on its own")
        return self._move(row, now, SENDING, attempts=row.attempts + 1, error=None, permanent=False)

    def sent(self, row: OutboxRow, now: datetime, also: Callable[[], None] | None = None) -> OutboxRow:
        """Record the delivery; `also` adds the caller's own records to the same write."""
        if also is not None:
            also()
        return self._move(row, now, SENT, sent_at=now.isoformat())

    def failed(self, row: OutboxRow, now: datetime, error: str, permanent: bool) -> OutboxRow:
        return self._move(row, now, FAILED, error=error, permanent=permanent)

    def uncertain(self, row: OutboxRow, now: datetime, why: str) -> OutboxRow:
        return self._move(row, now, UNCERTAIN, error=why)

    def reconcile(self, in_mailbox: Callable[[str], bool], now: datetime,
                  also: Callable[[OutboxRow], None] | None = None) -> list[OutboxRow]:
        """Rows left `sending` by a process that stopped mid-send (call it holding the store):
        `sent` when their Message-ID is in the mailbox, else `uncertain`. Never sent again."""
        settled = []
        for row in self.rows(SENDING):
            if in_mailbox(row.message_id):
                settled.append(self.sent(row, now, also=functools.partial(also, row) if also else None))
            else:
                settled.append(self.uncertain(row, now, "the process stopped while sending it, and no copy was "
                                                        "found in the mailbox: it may or may not have gone out"))
        return settled

    def _move(self, row: OutboxRow, now: datetime, status: str, **changes: Any) -> OutboxRow:
        moved = replace(row, status=status, updated=now.isoformat(), **changes)
        self._write(moved)
        return moved

    def _write(self, row: OutboxRow) -> None:
        self.store.put(TABLE, row.key, row.to_json())
        self.store.save()

    def _file(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".eml")

    def _prepare_folder(self) -> None:
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {self.folder}: {exc.strerror}") from None
