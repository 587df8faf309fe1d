"""Worker processes: parsing raw messages into stored records on every CPU, and a process-pool map.

The pool is forked; what runs in it is top level and pure, and exceptions never cross the process
line: each message comes back as an Outcome.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from assistant.errors import AssistantError, MessageRefused
from assistant.mailbox.base import RawMessage
from assistant.models import Message, Owner, StoredMessage
from assistant.reading.parse import parse_message

PARALLEL_MIN = 64  # messages in a batch before worker processes are worth their start-up


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@contextmanager
def process_map(workers: int | None = None) -> Iterator[Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]]:
    """A map() that runs in worker processes on a multi-core machine (results in order)."""
    n = default_workers() if workers is None else workers
    if n < 2:
        yield map
        return
    with _fork_pool(n) as pool:
        yield lambda fn, items: pool.map(fn, items, chunksize=_chunksize(len(items), n))


def _fork_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def _chunksize(items: int, workers: int) -> int:
    return max(1, items // (4 * workers))  # a few chunks per worker: even loads, few round trips


Outcome = tuple[dict[str, Any] | None, str, bool]  # (record to store, refusal reason, refusal is our own bug)


def parse_outcome(raw: RawMessage, owner: Owner, folder: str) -> Outcome:
    """Top level so worker processes can run it; exceptions do not cross process lines. The
    stored record is made here too: a dict of plain values crosses back faster than a Message."""
    try:
        message = parse_message(raw.raw, size=raw.size, truncated=raw.truncated)
    except MessageRefused as exc:
        return None, str(exc), exc.internal
    return message_record(message, owner, folder), "", False


class Parsing:
    """Parses batches of raw messages, in worker processes when a batch is big enough to pay."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Parsing:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def submit(self, raws: list[RawMessage], owner: Owner, folder: str) -> Callable[[], list[Outcome]]:
        """Starts parsing raws; the returned function waits for and returns the outcomes, in order."""
        parse = functools.partial(parse_outcome, owner=owner, folder=folder)
        if self.workers < 2 or len(raws) < PARALLEL_MIN:
            parsed = [parse(r) for r in raws]
            return lambda: parsed
        if self._pool is None:
            self._pool = _fork_pool(self.workers)
        try:
            running = self._pool.map(parse, raws, chunksize=_chunksize(len(raws), self.workers))
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


def message_record(message: Message, owner: Owner, folder: str) -> dict[str, Any]:
    """What is stored of a message, as the JSON row the store writes (see StoredMessage)."""
    return StoredMessage.from_message(message, owner, folder).to_json()
