"""Named crash points for fault tests: the process kills itself (SIGKILL, no cleanup) at a step.

Tests set ASSISTANT_CRASH_AT to a step name, or "name:N" for the N-th time the step is reached in
the process, and check that the state after a restart equals an uninterrupted run's. Unset (as
for every user), crash_point() only reads the environment and returns.

Steps in use (grep crash_point to see them in place): store.segment_written, store.committed,
outbox.planned, outbox.sending, outbox.delivered, outbox.recorded.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

ENV = "ASSISTANT_CRASH_AT"
_reached: Counter[str] = Counter()


def crash_point(step: str) -> None:
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != step:
        return
    _reached[step] += 1
    if _reached[step] >= (int(nth) if nth.isdigit() else 1):
        os.kill(os.getpid(), signal.SIGKILL)
