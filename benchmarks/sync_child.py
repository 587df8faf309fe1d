"""One real sync pass in a process of its own, so that its peak RSS is its own: writes figures as JSON.

Run by bench_sync.py: `python benchmarks/sync_child.py SPEC.json` with the IMAP password in
$BENCH_IMAP_PASSWORD. Wires the pieces the way assistant.jobs.commands.sync does (make_source over a
MailboxSettings, sync_once into a Store), timing coarse phases by wrapping a few functions.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _timed(totals: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started
    return wrapper


def instrument(totals: dict[str, float]) -> None:
    """Phase timers around the IO and parse calls (negligible overhead: a few per message)."""
    from assistant.jobs import workers as pipeline
    from assistant.mailbox.imap import ImapSource
    from assistant.state.store import Store

    ImapSource._open_client = _timed(totals, "connect + login", ImapSource._open_client)
    ImapSource.folders = _timed(totals, "LIST + SEARCH", ImapSource.folders)
    ImapSource.list_new = _timed(totals, "LIST + SEARCH", ImapSource.list_new)
    ImapSource._fetch = _timed(totals, "IMAP FETCH (network + imapclient)", ImapSource._fetch)
    pipeline.parse_outcome = _timed(totals, "parsing in this process (--workers 1)", pipeline.parse_outcome)
    Store.open = _timed(totals, "store open", Store.open)
    Store.known = _timed(totals, "store known()", Store.known)
    Store.commit = _timed(totals, "store commit (segments + state)", Store.commit)


def run(spec: dict[str, Any], password: str) -> dict[str, Any]:
    started = time.perf_counter()
    from assistant.config import MailboxSettings
    from assistant.jobs.sync import sync_once
    from assistant.mailbox import make_source
    from assistant.models import Owner
    from assistant.state.store import Store

    imports = time.perf_counter() - started
    totals: dict[str, float] = defaultdict(float)
    instrument(totals)
    settings = MailboxSettings(url=f"imaps://{spec['username']}@{spec['host']}:{spec['port']}", scheme="imaps",
                               host=spec["host"], port=spec["port"], username=spec["username"],
                               ca_file=spec["ca_file"], batch_size=spec["batch_size"])
    owner = Owner(spec["owner"]["name"], spec["owner"]["email"], tuple(spec["owner"]["aliases"]))
    now = datetime.fromisoformat(spec["now"])
    store_path = Path(spec["store"])
    profiler = None
    if spec.get("profile"):
        import cProfile

        profiler = cProfile.Profile()
    def one_sync() -> tuple[Any, float]:
        started = time.perf_counter()
        source = make_source(settings, lambda: password)
        with Store(store_path) as store, source:  # as assistant.jobs.commands.sync opens them
            report = sync_once(source, store, owner, now, size_cap=settings.size_cap,
                               batch_size=settings.batch_size, workers=spec.get("workers"),
                               understanding=spec.get("understanding", "model"))
        return report, time.perf_counter() - started

    if spec.get("service"):  # as the service runs: worker processes (the model loaded) kept between syncs
        from assistant.jobs.understanding import keep_workers

        keep_workers(True)
        try:
            warm, warm_seconds = one_sync()
            print("synced", flush=True)  # bench_sync.py now delivers the new mail, then says go
            sys.stdin.readline()
            report, seconds = one_sync()
        finally:
            keep_workers(False)
        return {"seconds": seconds, "read": report.read, "new": report.new, "refused": report.refused,
                "ingest_seconds": report.ingest_seconds, "understood": report.understood,
                "warm_seconds": warm_seconds, "warm_new": warm.new}
    if profiler:
        profiler.enable()
    report, seconds = one_sync()
    if profiler:
        profiler.disable()
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    if profiler:
        profiler.dump_stats(spec["profile"])
    segments = list(Store(store_path).segments_dir.glob("seg-*"))
    return {
        "seconds": seconds, "imports": imports, "read": report.read, "new": report.new,
        "ingest_seconds": report.ingest_seconds, "understood": report.understood,
        "worker_maxrss_mb": workers.ru_maxrss / 1024,
        "duplicates": report.duplicates, "refused": report.refused, "phases": dict(totals),
        "maxrss_kb": own.ru_maxrss,
        "cpu_main": own.ru_utime + own.ru_stime, "cpu_workers": workers.ru_utime + workers.ru_stime,
        "size_on_disk": Store(store_path).size_on_disk(), "state_bytes": store_path.stat().st_size,
        "segments": len(segments), "segment_bytes": sum(f.stat().st_size for f in segments),
    }


def main(argv: list[str]) -> int:
    spec = json.loads(Path(argv[0]).read_text())
    logging.basicConfig(level=logging.WARNING, filename=spec["log"],
                        format="%(levelname)s %(name)s: %(message)s")
    sys.path.insert(0, str(ROOT))
    result = run(spec, os.environ.pop("BENCH_IMAP_PASSWORD"))
    Path(spec["result"]).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
