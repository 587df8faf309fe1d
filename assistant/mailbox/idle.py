"""Waiting for new mail with IMAP IDLE (RFC 2177), in a thread of its own. IO.

The watcher keeps one extra connection with INBOX selected read-only (nothing is ever fetched or
flagged on it) and sets `wake` when the server says mail arrived, so the service syncs within
seconds instead of at its next poll. IDLE is re-issued every RENEW seconds (servers drop an IDLE
after 30 minutes), checks for `stop` every CHECK seconds, and after a failure reconnects with a
growing pause (logged once per streak). A server without IDLE leaves the service to its poll.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from assistant.mailbox.connect import DROPS, Endpoint, open_client, shutdown_quietly

logger = logging.getLogger(__name__)

RENEW = 28 * 60  # before the 29 minutes RFC 2177 allows
CHECK = 2.0  # how long one idle_check waits: the stop flag is seen within this
MAX_PAUSE = 300.0


class IdleWatcher:
    def __init__(self, endpoint: Endpoint, wake: threading.Event, stop: threading.Event,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.endpoint, self.wake, self.stop, self.clock = endpoint, wake, stop, clock
        self.supported: bool | None = None  # None until the first connection says
        self.thread = threading.Thread(target=self._run, name="imap-idle", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        pause, failing = 1.0, False
        while not self.stop.is_set():
            try:
                self._watch()
                pause, failing = 1.0, False
            except Exception as exc:  # noqa: BLE001 - the watcher only wakes the service; it never stops it
                if not failing:
                    logger.warning("waiting for new mail (IMAP IDLE) failed: %s; the regular poll goes on, "
                                   "reconnecting", type(exc).__name__ if isinstance(exc, DROPS) else exc)
                failing = True
                self.stop.wait(pause)
                pause = min(pause * 2, MAX_PAUSE)
            if self.supported is False:
                return

    def _watch(self) -> None:
        client = open_client(self.endpoint)
        try:
            if not client.has_capability("IDLE"):
                self.supported = False
                logger.info("the IMAP server has no IDLE: new mail is found by polling ([mailbox] poll_minutes)")
                return
            self.supported = True
            client.select_folder("INBOX", readonly=True)
            while not self.stop.is_set():
                client.idle()
                renew_at = self.clock() + RENEW
                try:
                    while not self.stop.is_set() and self.clock() < renew_at:
                        responses = client.idle_check(timeout=CHECK)
                        if any(isinstance(r, tuple) and len(r) > 1 and r[1] in (b"EXISTS", b"RECENT")
                               for r in responses):
                            self.wake.set()
                finally:
                    client.idle_done()
        finally:
            shutdown_quietly(client)
