"""The service (`run.py run`, also `daemon`): always on, exactly one digest a week, faults survived.

- One instance per state: a lock on `<state>.service.lock` for the life of the process.
- New mail: an IMAP IDLE watcher (mailbox/idle.py) wakes the loop within seconds; a poll every
  [mailbox] poll_minutes covers servers without IDLE, Maildir and mbox, and a lost IDLE.
  Every sync is followed by `act` (replies to the digest, helpers' answers, forwarded events).
- The digest: the `schedule` package ticks every minute and asks "is one due?" from the state,
  so restarts, clock changes and DST never give a week two digests or none; the first digest goes
  out at the first slot after the service first started, not at once.
- A failing job is logged (once per streak, with the reason) and retried with backoff; errors are
  kept in the state for `status`.
- SIGTERM and SIGINT stop it within seconds: a sync stops between two committed batches.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from types import FrameType
from typing import Any

import schedule

from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.jobs import digest as digest_job
from assistant.jobs.sync import Stopping
from assistant.state import lock
from assistant.state.keys import load_or_create_key
from assistant.state.store import Store

logger = logging.getLogger(__name__)

MAX_ERRORS = 20  # kept in the state for `status`


def guarded(name: str, job: Callable[[], object], clock: Callable[[], float] = time.monotonic,
            on_error: Callable[[str, str], None] | None = None) -> Callable[[], None]:
    """Logs a failing run instead of dying, and backs off (1, 2, 4 ... 60 minutes) so a broken
    password or server is not hammered every minute. The same failure is reported once per streak."""
    state: dict[str, Any] = {"failures": 0, "resume": 0.0, "last": ""}

    def run() -> None:
        if clock() < state["resume"]:
            return
        try:
            job()
        except Stopping:
            raise
        except Exception as exc:  # noqa: BLE001 - one failing run must never kill the service
            state["failures"] += 1
            wait = 60 * min(60, 2 ** (state["failures"] - 1))
            state["resume"] = clock() + wait
            text = str(exc) if isinstance(exc, AssistantError) else f"unexpected {type(exc).__name__}: {exc}"
            if text != state["last"]:
                if isinstance(exc, AssistantError):
                    logger.error("%s failed: %s (next try in %d min)", name, text, wait // 60)
                else:
                    logger.exception("%s failed unexpectedly (next try in %d min)", name, wait // 60)
                if on_error is not None:
                    on_error(name, text)
            else:
                logger.info("%s still failing (next try in %d min)", name, wait // 60)
            state["last"] = text
        else:
            if state["failures"]:
                logger.info("%s works again after %d failed attempt(s)", name, state["failures"])
            state["failures"], state["resume"], state["last"] = 0, 0.0, ""
    return run


def record_error(settings: Settings, job: str, text: str, now: datetime) -> None:
    """Kept for `status` (the last MAX_ERRORS); never a message body or a secret, only the error line."""
    if not settings.store.path.exists():
        return
    try:
        with Store(settings.store.path) as store:
            errors = list(store.meta().get("errors") or [])[-(MAX_ERRORS - 1):]
            store.set_meta({"errors": [*errors, {"at": now.isoformat(), "job": job, "error": text[:300]}]}, now)
    except AssistantError:
        pass  # the state itself is the problem: the log has the line


def sync_and_act(settings: Settings, environ: Mapping[str, str], now: datetime,
                 stopping: Callable[[], bool] = lambda: False) -> None:
    """A sync, then whatever it brought that the assistant must answer."""
    from assistant.jobs import act as act_job
    from assistant.jobs.commands import sync

    report = sync(settings, now=now, environ=environ, interactive=False, stopping=stopping)
    logger.info("sync: %s", report.summary())
    outgoing = digest_job.mailer(settings, environ) if settings.smtp.configured else None
    key = load_or_create_key(digest_job.key_path(settings))
    with Store(settings.store.path) as store:
        acted = act_job.act(store, settings, now, key=key, mailer=outgoing, environ=environ)
        store.set_meta({"last_act": now.isoformat()}, now)
    if acted.replies or acted.sent or acted.receipts:
        logger.info("replies: %s", acted.summary())


def digest_tick(settings: Settings, environ: Mapping[str, str], now: datetime,
                stopping: Callable[[], bool] = lambda: False) -> bool:
    """Called every minute: sync and send the digest if one is due. True when one was sent."""
    from assistant.jobs.commands import sync  # the sync job opens the store itself

    if settings.store.path.exists():
        with Store(settings.store.path) as store:
            if not digest_job.due(store, settings, now):
                return False
    outgoing = digest_job.mailer(settings, environ)  # a broken [smtp] fails before any sync
    sync(settings, now=now, environ=environ, interactive=False, stopping=stopping)
    key = load_or_create_key(digest_job.key_path(settings))
    with Store(settings.store.path) as store:
        if not digest_job.due(store, settings, now):
            return False
        digest_job.send(lambda: digest_job.from_store(store, settings, now, key), store, settings, now, outgoing,
                        environ)
    logger.info("digest sent")
    return True


def mark_started(settings: Settings, now: datetime) -> None:
    """The first start is remembered: the first digest waits for the first slot after it."""
    settings.store.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with Store(settings.store.path) as store:
        if not store.meta().get("service_started"):
            store.set_meta({"service_started": now.isoformat()}, now)


def run_service(settings: Settings, environ: Mapping[str, str],
                clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                sleep: Callable[[float], None] = time.sleep, watch: bool = True) -> int:
    digest_job.mailer(settings, environ)  # refuse to start without a way to deliver the digest
    path = settings.store.path
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    held = lock.acquire(path.with_name(path.stem + ".service.lock"), path)  # a second instance is refused
    stop = threading.Event()
    wake = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        logger.info("stopping (%s)", signal.Signals(signum).name)
        stop.set()
        wake.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    from assistant.jobs.understanding import keep_workers

    keep_workers(settings.understanding == "model")  # the model stays loaded between syncs
    try:
        mark_started(settings, clock())
        watcher = _watcher(settings, environ, wake, stop) if watch else None
        errors = lambda job, text: record_error(settings, job, text, clock())  # noqa: E731
        syncing = guarded("sync", lambda: sync_and_act(settings, environ, clock(), stop.is_set), on_error=errors)
        ticking = guarded("digest", lambda: digest_tick(settings, environ, clock(), stop.is_set), on_error=errors)
        scheduler = schedule.Scheduler()
        scheduler.every(settings.mailbox.poll_minutes).minutes.do(wake.set)
        scheduler.every(1).minutes.do(_run_unless(stop, ticking))
        logger.info("service started: digest every %s at %s (%s); new mail by %s, and a poll every %d min",
                    settings.digest.day, settings.digest.time.strftime("%H:%M"), settings.digest.timezone,
                    "IMAP IDLE" if watcher else "polling", settings.mailbox.poll_minutes)
        wake.set()  # a first sync at start
        _run_unless(stop, ticking)()
        while not stop.is_set():
            if wake.is_set():
                wake.clear()
                _run_unless(stop, syncing)()
            scheduler.run_pending()
            wake.wait(1.0)
        logger.info("service stopped")
        return 0
    finally:
        keep_workers(False)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        lock.release(held)


def _run_unless(stop: threading.Event, job: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        if stop.is_set():
            return
        try:
            job()
        except Stopping:
            logger.info("a sync was interrupted between two batches; it goes on from there next time")
    return run


def _watcher(settings: Settings, environ: Mapping[str, str], wake: threading.Event,
             stop: threading.Event) -> Any:
    box = settings.mailbox
    if box.scheme not in ("imap", "imaps"):
        return None
    from assistant.jobs.credentials import mailbox_secret
    from assistant.mailbox.connect import Endpoint
    from assistant.mailbox.idle import IdleWatcher

    password = mailbox_secret(settings, environ)
    endpoint = Endpoint(box.host, box.port, "tls" if box.scheme == "imaps" else "starttls", box.username, password,
                        box.ca_file, box.timeout)
    watcher = IdleWatcher(endpoint, wake, stop)
    watcher.start()
    return watcher


run_daemon = run_service  # `daemon` is kept as another name for `run`
