"""Worker processes: parsing raw messages into stored records on every CPU, and a process-pool map.

The pool is forked; what runs in it is top level and pure, and exceptions never cross the process
line: each message comes back as an Outcome.
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from assistant.errors import AssistantError, MessageRefused
from assistant.mailbox.base import RawMessage
from assistant.models import Message, Owner, StoredMessage
from assistant.reading.parse import header_block, parse_message
from assistant.state import lock
from assistant.understanding.message import prepare, understand

PARALLEL_MIN = 64  # messages in a batch before worker processes are worth their start-up
PARSE_CPU_SECONDS = 5.0
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@contextmanager
def process_map(workers: int | None = None) -> Iterator[Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]]:
    """A map() that runs in worker processes on a multi-core machine (results in order)."""
    n = default_workers() if workers is None else workers
    if n < 2:
        yield map
        return
    with fork_pool(n) as pool:
        yield lambda fn, items: pool.map(fn, items, chunksize=chunksize(len(items), n))


def fork_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=worker_start, initargs=(os.getpid(),))


def worker_start(parent: int) -> None:
    """In each worker, first thing after fork: let go of the parent's state lock, and never outlive
    the parent (a kill -9 or the OOM killer gives it no chance to stop its workers)."""
    lock.close_inherited()
    # the service's stop handlers are the service's: a worker just ends with it (SIGTERM as default)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the whole group: the parent decides
    _die_with(parent)


def _die_with(parent: int) -> None:
    try:  # Linux: the kernel signals this process when its parent dies
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:  # elsewhere, and as a second line: look every second
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def chunksize(items: int, workers: int) -> int:
    return max(1, items // (4 * workers))  # a few chunks per worker: even loads, few round trips


Outcome = tuple[dict[str, Any] | None, str, bool]  # (record to store, refusal reason, refusal is our own bug)


def parse_outcome(raw: RawMessage, owner: Owner, folder: str, trust_labels: bool = False,
                  understanding: bool = True) -> Outcome:
    """Top level so worker processes can run it; exceptions do not cross process lines. The
    stored record is made here too: a dict of plain values crosses back faster than a Message.

    A message whose parse takes more than PARSE_CPU_SECONDS of CPU is kept as headers only."""
    slow = ""
    try:
        try:
            with cpu_limit(PARSE_CPU_SECONDS):
                message = parse_message(raw.raw, size=raw.size, truncated=raw.truncated)
        except TooSlow:
            slow = f"reading it took over {PARSE_CPU_SECONDS:g} s of CPU; headers only"
            message = parse_message(header_block(raw.raw), size=raw.size, truncated=True)
    except MessageRefused as exc:
        return None, str(exc), exc.internal
    record = message_record(message, owner, folder, trust_labels=trust_labels, understanding=understanding)
    if slow:
        record["headers_only"] = slow
    return record, "", False


class TooSlow(Exception):  # noqa: N818 - raised by the CPU timer, never seen outside parse_outcome
    """The CPU budget of one parse ran out."""


@contextmanager
def cpu_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in this thread once it has used `seconds` of CPU (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGVTALRM, expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


class Parsing:
    """Parses batches of raw messages, in worker processes when a batch is big enough to pay."""

    def __init__(self, workers: int, understanding: bool = True) -> None:
        self.workers = workers
        self.understanding = understanding
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Parsing:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def submit(self, raws: list[RawMessage], owner: Owner, folder: str,
               trust_labels: bool = False) -> Callable[[], list[Outcome]]:
        """Starts parsing raws; the returned function waits for and returns the outcomes, in order."""
        parse = functools.partial(parse_outcome, owner=owner, folder=folder, trust_labels=trust_labels,
                                  understanding=self.understanding)
        if self.workers < 2 or len(raws) < PARALLEL_MIN:
            parsed = [parse(r) for r in raws]
            return lambda: parsed
        if self._pool is None:
            if self.understanding:
                prepare()
            self._pool = fork_pool(self.workers)
        try:
            running = self._pool.map(parse, raws, chunksize=chunksize(len(raws), self.workers))
        except BrokenProcessPool:
            raise _died() from None

        def wait() -> list[Outcome]:
            try:
                return list(running)
            except BrokenProcessPool:
                raise _died() from None
        return wait


def _died() -> AssistantError:
    return AssistantError("a message parser process died (out of memory?); nothing from this batch was committed")


def message_record(message: Message, owner: Owner, folder: str, *, trust_labels: bool = False,
                   understanding: bool = True) -> dict[str, Any]:
    """What is stored of a message, as the JSON row the store writes (see StoredMessage), with what
    its writer says of themselves understood once, here, in the worker (understanding=False: later)."""
    stored = StoredMessage.from_message(message, owner, folder, trust_labels=trust_labels)
    if understanding:
        stored = replace(stored, findings=understand(stored, owner, from_owner=stored.direction == "sent"))
    return stored.to_json()
