"""`status` and `reset-suggestions`: what the service is doing and what needs the user."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from assistant.config import Settings
from assistant.digest.schedule import latest_slot, next_slot
from assistant.jobs import act as act_job
from assistant.state.outbox import FAILED, PLANNED, SENDING, UNCERTAIN, Outbox
from assistant.state.store import Store

OK, NEEDS_YOU = 0, 1


def status(settings: Settings, now: datetime) -> tuple[dict[str, Any], int]:
    """What `status` shows, and its exit code: 0 all is well, 1 something needs the user. (A state
    or settings file that cannot be read raises: the CLI exits 2.)"""
    path = settings.store.path
    data: dict[str, Any] = {"state": str(path), "service": _service(path)}
    if not path.exists():
        data.update(last_sync=None, last_digest=None, next_digest=None, needs_you=["no state yet: run `sync`"])
        return data, NEEDS_YOU
    with Store(path) as store:
        meta = store.meta()
        outbox = Outbox(store)
        cfg = settings.digest
        last_digest = meta.get("last_digest_sent")
        started = meta.get("service_started")
        upcoming = next_slot(now, cfg.day, cfg.time, cfg.zone)
        if not last_digest and started and latest_slot(now, cfg.day, cfg.time, cfg.zone) < datetime.fromisoformat(
                started):
            upcoming = next_slot(datetime.fromisoformat(started), cfg.day, cfg.time, cfg.zone)
        rows = outbox.rows(PLANNED, SENDING, FAILED, UNCERTAIN)
        waiting = act_job.pending(store, now)
        errors = list(meta.get("errors") or [])
    last_sync = meta.get("last_sync")
    recent = [e for e in errors if not last_sync or e["at"] > last_sync or
              datetime.fromisoformat(e["at"]) > now - timedelta(hours=24)]
    needs = [f"in doubt: {r.kind} \"{r.subject}\" to {', '.join(r.recipients)} ({r.error})"
             for r in rows if r.status == UNCERTAIN]
    needs += [f"not sent: {r.kind} \"{r.subject}\" ({r.error})" for r in rows if r.status == FAILED and r.permanent]
    needs += [f"{e['at'][:16]} {e['job']}: {e['error']}" for e in recent]
    data.update(
        last_sync=last_sync, last_digest=last_digest, next_digest=upcoming.isoformat(),
        service_started=started,
        pending={s: sum(1 for r in rows if r.status == s) for s in (PLANNED, SENDING, FAILED, UNCERTAIN)},
        replies_waiting=len(waiting["replies"]), intros_waiting=len(waiting["unanswered"]),
        errors=errors[-5:], needs_you=needs)
    return data, NEEDS_YOU if needs else OK


def show(data: dict[str, Any], as_json: bool, out: IO[str]) -> None:
    if as_json:
        out.write(json.dumps(data, indent=1) + "\n")
        return
    service = data["service"]
    out.write(f"service:      {'running (pid ' + str(service['pid']) + ')' if service['running'] else 'not running'}\n")
    out.write(f"last sync:    {_when(data.get('last_sync'))}\n")
    out.write(f"last digest:  {_when(data.get('last_digest'))}\n")
    out.write(f"next digest:  {_when(data.get('next_digest'))}\n")
    if "pending" in data:
        p = data["pending"]
        out.write(f"outbox:       {p['planned']} waiting, {p['failed']} failed, {p['uncertain']} in doubt\n")
        out.write(f"replies:      {data['replies_waiting']} not handled yet; "
                  f"{data['intros_waiting']} opt-in note(s) without an answer for a week\n")
    if data["needs_you"]:
        out.write("needs you:\n" + "".join(f"  - {line}\n" for line in data["needs_you"]))
    else:
        out.write("all is well\n")


def reset_suggestions(settings: Settings, now: datetime) -> int:
    """Suggestions resting because they were shown twice come back; skip, never, snooze and done stay."""
    with Store(settings.store.path) as store:
        rested = [key for key, entry in store.history().items() if entry.get("status") == "shown"]
        for key in rested:
            store.delete("history", key)
        store.save()
    return len(rested)


def _service(path: Path) -> dict[str, Any]:
    lock = path.with_name(path.stem + ".service.lock")
    try:
        pid = int(lock.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return {"running": False, "pid": None}
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return {"running": False, "pid": None}
    except PermissionError:
        pass
    return {"running": True, "pid": pid}


def _when(value: str | None) -> str:
    return value[:16].replace("T", " ") + " UTC" if value and value.endswith("+00:00") else (value or "never")
