"""The daemon: a private schedule.Scheduler that syncs regularly and sends the digest when due.

The `schedule` package never catches up and does not catch job exceptions, so the digest job
runs every minute and asks "is one due?" (the answer is persisted in the state), and every job
is wrapped: one failing run is logged and the daemon goes on.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from types import FrameType

import schedule

from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.jobs import digest as digest_job
from assistant.state.keys import load_or_create_key
from assistant.state.store import Store

logger = logging.getLogger(__name__)

SYNC_EVERY_MINUTES = 15


def guarded(name: str, job: Callable[[], object], clock: Callable[[], float] = time.monotonic) -> Callable[[], None]:
    """Logs a failing run instead of dying, and backs off (1, 2, 4 ... 60 minutes) so a broken
    password or server is not hammered every minute."""
    state = {"failures": 0, "resume": 0.0}

    def run() -> None:
        if clock() < state["resume"]:
            return
        try:
            job()
        except Exception as exc:  # noqa: BLE001 - one failing run must never kill the daemon
            state["failures"] += 1
            wait = 60 * min(60, 2 ** (state["failures"] - 1))
            state["resume"] = clock() + wait
            if isinstance(exc, AssistantError):
                logger.error("%s failed: %s (next try in %d min)", name, exc, wait // 60)
            else:
                logger.exception("%s failed unexpectedly (next try in %d min)", name, wait // 60)
        else:
            state["failures"], state["resume"] = 0, 0.0
    return run


def digest_tick(settings: Settings, environ: Mapping[str, str], now: datetime) -> bool:
    """Called every minute: sync and send the digest if one is due. True when one was sent."""
    from assistant.jobs.commands import sync  # the sync job opens the store itself

    if settings.store.path.exists():
        with Store(settings.store.path) as store:
            if not digest_job.due(store, settings, now):
                return False
    outgoing = digest_job.mailer(settings, environ)  # a broken [smtp] fails before any sync
    sync(settings, now=now, environ=environ, interactive=False)
    key = load_or_create_key(digest_job.key_path(settings))
    with Store(settings.store.path) as store:
        if not digest_job.due(store, settings, now):
            return False
        digest_job.send(lambda: digest_job.from_store(store, settings, now, key), store, settings, now, outgoing,
                        environ)
    return True


def sync_and_act(settings: Settings, environ: Mapping[str, str], now: datetime) -> None:
    """A sync, then whatever replies to the digest it brought (receipts, drafts the user chose)."""
    from assistant.jobs import act as act_job
    from assistant.jobs.commands import sync

    logger.info("%s", sync(settings, now=now, environ=environ, interactive=False).summary())
    outgoing = digest_job.mailer(settings, environ)
    key = load_or_create_key(digest_job.key_path(settings))
    with Store(settings.store.path) as store:
        report = act_job.act(store, settings, now, key=key, mailer=outgoing, environ=environ)
    if report.replies or report.sent or report.receipts:
        logger.info("replies: %s", report.summary())


def run_daemon(settings: Settings, environ: Mapping[str, str],
               clock: Callable[[], datetime] = lambda: datetime.now(UTC),
               sleep: Callable[[float], None] = time.sleep) -> int:

    digest_job.mailer(settings, environ)  # refuse to start without a way to deliver the digest
    stopping: list[int] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.append(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler = schedule.Scheduler()
    scheduler.every(SYNC_EVERY_MINUTES).minutes.do(guarded("sync", lambda: sync_and_act(settings, environ, clock())))
    scheduler.every(1).minutes.do(guarded("digest", lambda: digest_tick(settings, environ, clock())))
    logger.info("daemon started: digest every %s at %s (%s); sync every %d minutes",
                settings.digest.day, settings.digest.time.strftime("%H:%M"), settings.digest.timezone,
                SYNC_EVERY_MINUTES)
    scheduler.run_all()
    while not stopping:
        scheduler.run_pending()
        sleep(1)
    logger.info("daemon stopped")
    return 0
