"""Glue: one sync pass from a MailSource into the Store."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from assistant.actions.inbound import for_the_assistant
from assistant.errors import AssistantError
from assistant.jobs.understanding import refresh_findings
from assistant.jobs.workers import Outcome, Parsing, default_workers
from assistant.mailbox.base import SENT, Folder, HeaderInfo, MailSource, RawMessage
from assistant.models import Owner
from assistant.reading.parse import header_block, old_machine_mail
from assistant.state.store import Store

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # folder, done, total
_MSGID_HEADER = re.compile(rb"^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)", re.I | re.M)


@dataclass
class SyncReport:
    read: int = 0  # messages fetched and looked at
    new: int = 0  # stored for the first time
    duplicates: int = 0  # already known (another folder, or re-mapped after UIDVALIDITY changed)
    headers_only: int = 0  # old newsletters/notifications and oversized mail: headers are enough
    refused: int = 0  # not understood; kept out, reported, never retried
    retry_later: int = 0  # could not be read this time (server refused, file unreadable, our bug)
    understood: int = 0  # messages understood after they were stored (new ones, or a new extractor version)
    model_problem: str = ""  # why the sentence model was not used, when it was wanted and could not load
    seconds: float = 0.0
    ingest_seconds: float = 0.0  # fetching, parsing and storing (seconds - ingest_seconds: understanding)
    folders: list[str] = field(default_factory=list)
    resets: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"{self.read} messages read, {self.new} new, {self.duplicates} already known, "
                f"{self.refused} refused, in {self.seconds:.1f} s")
        if self.retry_later:
            text += f"; {self.retry_later} to retry on the next sync"
        if self.headers_only:
            text += f"; {self.headers_only} old newsletters/notifications or oversized messages kept as headers only"
        if self.resets:
            text += f" (re-mapped after a validity change: {', '.join(self.resets)})"
        if self.understood:
            text += f"; {self.understood} messages understood ({self.seconds - self.ingest_seconds:.1f} s)"
        if self.model_problem:
            text += f"; without the sentence model: {self.model_problem}"
        return text


def folder_key(folder: Folder) -> str:
    return f"{folder.role}:{folder.name}"


def sync_once(source: MailSource, store: Store, owner: Owner, now: datetime, *, size_cap: int,
              batch_size: int, machine_days: int = 90, progress: Progress | None = None,
              clock: Callable[[], float] = time.monotonic, workers: int | None = None,
              understanding: str = "model", assistant_address: str = "") -> SyncReport:
    """Ingest everything new in every folder of source; each batch is committed atomically.

    understanding: "model" (the sentence model judges the new mail's sentences, in worker
    processes, once everything is stored), "rules" (the cue patterns alone, while parsing) or
    "none" (nothing is understood: only for measuring what understanding costs)."""
    started = clock()
    report = SyncReport()
    workers = default_workers() if workers is None else workers
    with Parsing(workers, understanding == "rules") as parsing:
        for folder in source.folders():
            _sync_folder(source, folder, store, owner, now, parsing, report, size_cap=size_cap,
                         batch_size=batch_size, machine_days=machine_days, progress=progress,
                         assistant_address=assistant_address)
    report.ingest_seconds = clock() - started
    if understanding != "none":
        report.understood, report.model_problem = refresh_findings(store, owner, workers, understanding == "model",
                                                                   progress)
    store.set_meta({"last_sync": now.isoformat()}, now)
    report.seconds = clock() - started
    return report


def _sync_folder(source: MailSource, folder: Folder, store: Store, owner: Owner, now: datetime,
                 parsing: Parsing, report: SyncReport, *, size_cap: int, batch_size: int, machine_days: int,
                 progress: Progress | None, assistant_address: str = "") -> None:
    """One folder: headers first, then the bodies needed, parsed and committed batch by batch.

    Batches overlap: while worker processes parse one batch, the next one is fetched. Commits
    stay in order, and a batch is committed only after everything before it.
    """
    key = folder_key(folder)
    report.folders.append(folder.name or "INBOX")
    listing = source.list_new(folder, store.cursor(key))
    if listing.reset:
        report.resets.append(folder.name or "INBOX")
        logger.info("%s: validity changed, re-mapping %d messages by Message-ID", key, len(listing.keys))
    state = _FolderState(source, store, now, report, key, folder.name or "INBOX", listing.cursor,
                         store.retries(key), len(listing.keys), progress, assistant_address)
    cutoff = now - timedelta(days=machine_days)
    pending: _Batch | None = None
    for keys in _chunks(listing.keys, batch_size):
        try:
            infos = list(source.fetch_headers(folder, keys))
            plan = _triage(infos, store, cutoff, size_cap, pending.plan.ids if pending else frozenset(),
                           sent=folder.role == SENT)
            raws = [RawMessage(i.key, i.header, i.size, truncated=True) for i in plan.headers_only]
            sizes = {i.key: i.size for i in infos}
            raws += source.fetch_messages(folder, plan.bodies, size_cap, sizes)
        except Exception:
            if pending is not None:  # what was fetched before the failure is still kept
                state.finish(pending)
            raise
        batch = _Batch(keys, plan, raws, parsing.submit(raws, owner, key, trust_labels=source.trusts_labels))
        if pending is not None:
            state.finish(pending)
        pending = batch
    if pending is not None:
        state.finish(pending)
    if not listing.keys and listing.reset:
        store.commit([], {key: state.cursor}, now)


class Stopping(Exception):  # noqa: N818 - a request, not a failure
    """The service was asked to stop: raised from the progress callback, between committed batches."""


SENT_LOG_DAYS = 30  # how far back the user's own sends are matched against the digest's drafts


def _recent_sent(record: dict[str, Any], now: datetime) -> bool:
    if record.get("direction") != "sent" or "refused" in record or not record.get("date"):
        return False
    return now - datetime.fromisoformat(record["date"]) < timedelta(days=SENT_LOG_DAYS)


def _sent_entry(record: dict[str, Any]) -> dict[str, Any]:
    return {"message_id": record["message_id"], "subject": record.get("subject") or "", "date": record["date"],
            "to": sorted({a["email"].lower() for a in [*(record.get("to") or ()), *(record.get("cc") or ())]})}


@dataclass
class _Batch:
    keys: list[Any]  # as listed: the cursor moves past them once they are stored
    plan: _Plan
    raws: list[RawMessage]  # fetched: whole messages, or header blocks for headers_only
    outcomes: Callable[[], list[Outcome]]  # parse results, in the order of raws (may still be running)


@dataclass
class _FolderState:
    """What one folder's sync carries from batch to batch, and how a parsed batch is stored."""

    source: MailSource
    store: Store
    now: datetime
    report: SyncReport
    key: str
    name: str
    cursor: dict[str, Any]
    attempts: dict[str, int]
    total: int
    progress: Progress | None
    assistant_address: str = ""  # mail to it (a forwarded event) goes to the inbound table
    done: int = 0
    blocked: Any = None  # the first key still to be read: the cursor stays below it

    def finish(self, batch: _Batch) -> None:
        """Ingest one parsed batch and commit it with the advanced cursor, atomically."""
        report, plan, raws = self.report, batch.plan, batch.raws
        outcomes = batch.outcomes()
        report.duplicates += len(plan.present) - len(plan.bodies) - len(plan.headers_only)
        report.headers_only += len(plan.headers_only)
        internal = [raw.key for raw, (_, _, bug) in zip(raws, outcomes, strict=True) if bug]
        if len(internal) >= min(3, len(raws)) and len(internal) * 2 > len(raws) > 0:
            # a bug of ours, not bad mail: recording them as refused would lose them for good
            raise AssistantError(f"{len(internal)} of {len(raws)} messages in {self.name} hit an "
                                 "internal error; this batch was not committed (run with --debug for details)")
        records = list(_ingest(raws, outcomes, self.store, self.key, report))
        fetched = {raw.key for raw in raws}
        failed = [k for k in plan.bodies if k not in fetched] + internal
        for k in fetched.difference(internal):
            self.attempts.pop(str(k), None)
        held, given_up = _retry(failed, self.attempts, self.key, report)
        records += given_up
        if held:
            self.blocked = min(held) if self.blocked is None else min(self.blocked, *held)
        # the cursor never passes a message that is still to be read: next time starts there again;
        # what came after it is recognised by Message-ID then
        finished = [k for k in batch.keys if self.blocked is None or k < self.blocked]
        self.cursor = self.source.advance(self.cursor, finished) if finished else self.cursor
        self.store.commit(records, {self.key: self.cursor}, self.now, retries={self.key: self.attempts},
                          sent_copies=plan.sent_copies,
                          inbound=[r for r in records if for_the_assistant(r, self.assistant_address)],
                          sent_log=[_sent_entry(r) for r in records if _recent_sent(r, self.now)])
        self.done += len(batch.keys)
        if self.progress:
            self.progress(self.name, self.done, self.total)
        if held:
            logger.warning("%s: %d message(s) could not be read this time; the next sync tries again",
                           self.key, len(held))
            report.retry_later += len(held)


MAX_ATTEMPTS = 3


def _retry(failed: list[Any], attempts: dict[str, int], folder: str,
           report: SyncReport) -> tuple[list[Any], list[dict[str, Any]]]:
    """Messages that could not be read (or hit a bug of ours) are retried on later syncs, up to
    MAX_ATTEMPTS; then they are recorded as refused so one message cannot block a folder forever."""
    held, given_up = [], []
    for k in failed:
        count = attempts.get(str(k), 0) + 1
        if count < MAX_ATTEMPTS:
            attempts[str(k)] = count
            held.append(k)
            continue
        attempts.pop(str(k), None)
        report.refused += 1
        logger.warning("%s: message %s could not be read after %d attempts; skipped", folder, k, MAX_ATTEMPTS)
        given_up.append({"message_id": f"<{hashlib.sha256(f'{folder}/{k}'.encode()).hexdigest()[:32]}"
                                       "@unreadable.invalid>",
                         "folder": folder, "refused": f"could not be read after {MAX_ATTEMPTS} attempts"})
    return held, given_up


def _chunks(keys: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


@dataclass
class _Plan:
    present: list[Any] = field(default_factory=list)  # keys the source still has
    bodies: list[Any] = field(default_factory=list)  # keys whose full message is needed
    headers_only: list[HeaderInfo] = field(default_factory=list)  # kept from the header block alone
    ids: frozenset[str] = frozenset()  # the Message-IDs of what is kept (bodies and headers_only)
    sent_copies: list[str] = field(default_factory=list)  # already stored, and now seen in a Sent folder


def _triage(infos: Iterable[HeaderInfo], store: Store, cutoff: datetime, size_cap: int,
            in_flight: frozenset[str] = frozenset(), sent: bool = False) -> _Plan:
    """Headers first: known Message-IDs are skipped, and only what the assistant reads needs a body.

    Old newsletters and notifications are not people and their events are past: their headers
    say all the assistant needs. Messages over the size cap keep their headers only. in_flight
    holds the Message-IDs of the batch still being parsed, not yet in the store.
    """
    plan, seen = _Plan(), set()
    for info in infos:
        plan.present.append(info.key)
        found = _MSGID_HEADER.search(info.header)
        if found:
            mid = found.group(1).decode("ascii", "replace")
            if mid in seen or mid in in_flight:
                continue
            if store.known(mid):
                if sent and not store.in_sent(mid):
                    plan.sent_copies.append(mid)  # proof the owner sent it (see network/owner.py)
                continue
            seen.add(mid)
        if info.size > size_cap or old_machine_mail(info.header, cutoff):
            plan.headers_only.append(info)
        else:
            plan.bodies.append(info.key)
    plan.ids = frozenset(seen)
    return plan


def _ingest(raws: list[RawMessage], outcomes: list[Outcome], store: Store, key: str,
            report: SyncReport) -> Iterator[dict[str, Any]]:
    seen_here: set[str] = set()
    for raw, (record, refusal, internal) in zip(raws, outcomes, strict=True):
        if internal:
            continue  # retried later (see _retry), never recorded as the message's fault
        report.read += 1
        if record is None:
            quick = _MSGID_HEADER.search(header_block(raw.raw))
            mid = quick.group(1).decode("ascii", "replace") if quick else \
                "<" + hashlib.sha256(raw.raw).hexdigest()[:32] + "@refused.invalid>"
            if mid in seen_here or store.known(mid):
                report.duplicates += 1
                continue
            report.refused += 1
            seen_here.add(mid)
            logger.warning("%s: message %s refused: %s", key, raw.key, refusal)
            yield {"message_id": mid, "folder": key, "refused": refusal, "size": raw.size}
            continue
        mid = record["message_id"]
        if mid in seen_here or store.known(mid):
            report.duplicates += 1
            continue
        seen_here.add(mid)
        report.new += 1
        yield record
