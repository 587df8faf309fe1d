"""Benchmark: build_network over 25,000 to 200,000 generated message records. Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_network.py            # 25k, 50k, 100k, 200k + store
    .venv/bin/python benchmarks/bench_network.py --sizes 20000 --no-store    # a quick look
    .venv/bin/python benchmarks/bench_network.py --profile                   # + cProfile of the largest size

Records are generated directly (netgen.py: dicts as assistant.jobs.workers.message_record stores them,
no MIME) with a fixed seed, and streamed into assistant.network.build.build_network from a generator.
Each size runs in a child process of its own, so its peak RSS (os.wait4 rusage) is its own.
Correspondents grow with the mail up to 5,000 at 200,000 messages. With the store (default), the
largest size is also written to an assistant.state.store.Store (gzipped segments of 500) and the network
built from store.records(), the path `contacts` and the digest take.
Target (the issue): 200,000 messages and 5,000 people in under 60 s and under 500 MB, with cost
growing about linearly with mail. Nothing asserts on time: it prints figures and met / NOT met.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 60.0
TARGET_MB = 500.0
SIZES = (25_000, 50_000, 100_000, 200_000)
STORE_BATCH = 500  # as a sync commits: one gzipped segment per batch


# -- child: one measured run ---------------------------------------------------------------------

def child(messages: int, seed: int, store: str | None, profile: bool) -> dict[str, Any]:
    from assistant.models import Owner, StoredMessage
    from assistant.network.build import build_network
    from benchmarks import netgen
    from benchmarks.mailparts import OWNER_ALIASES, OWNER_EMAIL, OWNER_NAME

    owner = Owner(OWNER_NAME, OWNER_EMAIL, OWNER_ALIASES)
    baseline_mb = _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF))
    generate_s = None
    if store is None and not profile:
        # the generator's own share of the streamed run, measured apart (it is not the assistant's cost)
        started = time.perf_counter()
        for _ in netgen.records(messages, seed):
            pass
        generate_s = time.perf_counter() - started
    profiler = cProfile.Profile() if profile else None
    # profiled: records made up front, so that only build_network's own frames are in the profile
    # typed as the store hands them out: the conversion is the assistant's cost, not the generator's
    source = (StoredMessage.from_json(r) for r in netgen.records(messages, seed))
    if profile and store is None:
        source = iter(list(source))
    started = time.perf_counter()
    if store is None:
        net = _build(build_network, source, owner, netgen.NOW, profiler)
    else:
        from assistant.state.store import Store
        with Store(Path(store)) as opened:
            net = _build(build_network, opened.records(), owner, netgen.NOW, profiler)
    seconds = time.perf_counter() - started
    result = {
        "messages": messages, "source": "store" if store else "generator", "seconds": seconds,
        "generate_s": generate_s, "baseline_mb": baseline_mb, "people": len(net.people),
        "weak": sum(p.weak for p in net.people), "merged": sum(len(p.emails) > 1 for p in net.people),
        "excluded": len(net.excluded), "acquainted": len(net.acquainted), "events": len(net.events),
        "asks": sum(len(p.asks) for p in net.people), "offers": sum(len(p.offers) for p in net.people),
        "news": sum(len(p.news) for p in net.people), "helped": sum(len(p.helped) for p in net.people),
        "asks_done": sum(1 for p in net.people for a in p.asks if a.done),
    }
    if profiler is not None:
        result["profile"] = _profile_text(profiler)
    return result


def _build(build_network: Any, records: Any, owner: Any, now: datetime, profiler: cProfile.Profile | None) -> Any:
    from assistant.jobs.workers import process_map
    from assistant.network.owner import OwnerProof

    # as `contacts` and `digest` run it: extraction in worker processes on a multi-core machine
    if profiler is None:
        with process_map() as mapper:
            return build_network(records, owner, now, proof=OwnerProof(owner.identities), mapper=mapper)
    profiler.enable()
    try:
        return build_network(records, owner, now, proof=OwnerProof(owner.identities))
    finally:
        profiler.disable()


def _profile_text(profiler: cProfile.Profile) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    out.write("top 20 by cumulative time:\n")
    stats.sort_stats("cumulative").print_stats(20)
    out.write("top 15 by own time:\n")
    stats.sort_stats("tottime").print_stats(15)
    return out.getvalue()


def _maxrss_mb(usage: resource.struct_rusage) -> float:
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


# -- parent: sizes, store, table -----------------------------------------------------------------

def run_child(messages: int, seed: int, store: Path | None = None, profile: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(messages), "--seed", str(seed)]
    cmd += ["--store-path", str(store)] if store else []
    cmd += ["--profile"] if profile else []
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child alone, not of every child so far
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"child for {messages} messages failed with exit code {proc.returncode}")
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    result["peak_mb"] = _maxrss_mb(usage)
    return result


def write_store(messages: int, seed: int, directory: Path) -> tuple[Path, float, int]:
    """The records as a sync would leave them: one committed segment per 500 messages."""
    import functools

    from assistant.jobs.workers import process_map
    from assistant.models import Owner
    from assistant.state.store import Store
    from benchmarks import netgen
    from benchmarks.mailparts import OWNER_ALIASES, OWNER_EMAIL, OWNER_NAME

    owner = Owner(OWNER_NAME, OWNER_EMAIL, OWNER_ALIASES)
    path = directory / "state.json"
    started = time.perf_counter()
    with Store(path) as store, process_map() as mapper:
        # as a sync stores them: each record with its findings, made once by the cue patterns
        understood = functools.partial(_with_findings, owner=owner)
        batch: list[dict[str, Any]] = []
        for record in netgen.records(messages, seed):
            batch.append(record)
            if len(batch) == STORE_BATCH:
                store.commit(list(mapper(understood, batch)), {}, netgen.NOW)
                batch = []
        if batch:
            store.commit(list(mapper(understood, batch)), {}, netgen.NOW)
        size = store.size_on_disk()
    return path, time.perf_counter() - started, size


def _with_findings(record: dict[str, Any], owner: Any) -> dict[str, Any]:
    from assistant.models import StoredMessage
    from assistant.understanding.message import understand

    stored = StoredMessage.from_json(record)
    found = understand(stored, owner, from_owner=stored.direction == "sent")
    return {**record, "findings": found.to_json()}


def _row(r: dict[str, Any]) -> str:
    per_k = 1000 * r["seconds"] / r["messages"]
    gen = f"{r['generate_s']:6.1f}" if r["generate_s"] is not None else "     -"
    return (f"{r['messages']:>8,} {r['source']:>9} {r['seconds']:7.1f} {gen} {per_k:8.3f} {r['peak_mb']:7.0f} "
            f"{r['baseline_mb']:5.0f} {r['people']:6,} {r['weak']:5,} {r['merged']:5,} {r['excluded']:6,} "
            f"{r['asks']:6,} {r['offers']:6,} {r['news']:6,} {r['helped']:6,} {r['acquainted']:8,}")


HEADER = (f"{'messages':>8} {'source':>9} {'wall s':>7} {'gen s':>6} {'s/1k msg':>8} {'peak MB':>7} {'base':>5} "
          f"{'people':>6} {'weak':>5} {'merged':>5} {'excl.':>6} {'asks':>6} {'offers':>6} {'news':>6} "
          f"{'helped':>6} {'acq.pairs':>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=list(SIZES),
                        help="comma-separated message counts (default: 25000,50000,100000,200000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", action=argparse.BooleanOptionalAction, default=True,
                        help="also build the largest size from a Store of gzipped segments (default: on)")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size in one more child")
    parser.add_argument("--commands", action=argparse.BooleanOptionalAction, default=True,
                        help="with the store: time `contacts`, `contacts --person` and `digest` on it (default: on)")
    parser.add_argument("--meaning", action="store_true",
                        help="the commands with the sentence model on (vector cache warmed first, as a sync's last "
                             "step does): matching by meaning and roles by meaning in the digest")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store-path", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.seed, args.store_path, args.profile)))
        return 0

    print(f"build_network benchmark: {os.cpu_count()} CPUs, Python {platform.python_version()}, seed {args.seed}")
    print("wall s: build_network from the first record to the Network (the generator's time included when "
          "streaming;\ngen s: the generator alone, measured apart), s/1k msg: wall per 1,000 messages, "
          "peak MB: child's max RSS,\nbase: RSS after imports, before any record\n")
    print(HEADER)
    results = []
    for size in sorted(args.sizes):
        results.append(run_child(size, args.seed))
        print(_row(results[-1]), flush=True)
    largest = max(args.sizes)
    if args.store:
        with tempfile.TemporaryDirectory(prefix="assistant-bench-network-") as tmp:
            path, write_s, size_bytes = write_store(largest, args.seed, Path(tmp))
            results.append(run_child(largest, args.seed, store=path))
            print(_row(results[-1]), flush=True)
            commands = run_commands(path, Path(tmp), meaning=args.meaning) if args.commands else []
        print(f"\n(store: {largest:,} records written in {write_s:.1f} s as {-(-largest // STORE_BATCH)} segments, "
              f"{size_bytes / 1e6:.1f} MB on disk, each record with its findings as a sync stores them)")
        if commands:
            print(f"\nthe commands at {largest:,} messages, each a new `python run.py` process (wall s, peak MB):")
            for label, seconds, peak, target in commands:
                met = "met" if seconds < target and peak < TARGET_MB else "NOT met"
                print(f"  {label:58s} {seconds:6.2f} s {peak:6.0f} MB   target < {target:g} s, "
                      f"< {TARGET_MB:.0f} MB: {met}")
    _report(results, largest)
    if args.profile:
        print(f"\ncProfile of build_network over {largest:,} records generated beforehand (a profiled run is "
              "slower than the timed one):")
        print(run_child(largest, args.seed, profile=True)["profile"])
    return 0


def run_commands(state: Path, tmp: Path, meaning: bool = False) -> list[tuple[str, float, float, float]]:
    """The real CLI on the benchmark store, as after a sync: the sync saves the network (here the first
    `contacts` does, as a sync's last step would), then each command reads it. meaning: the sentence
    model on, its vector cache warmed before the timed commands (a sync's last step does that too)."""
    from benchmarks import netgen
    from benchmarks.mailparts import OWNER_ALIASES, OWNER_EMAIL, OWNER_NAME

    settings = tmp / "settings.toml"
    aliases = json.dumps(list(OWNER_ALIASES))
    settings.write_text(f'[owner]\nname = "{OWNER_NAME}"\nemail = "{OWNER_EMAIL}"\naliases = {aliases}\n'
                        f'[mailbox]\nurl = "maildir://{tmp}/no-mail"\n[store]\npath = "{state}"\n'
                        f'[understanding]\nmodel = "{"minilm" if meaning else "off"}"\n')
    now = netgen.NOW.isoformat()
    base = [sys.executable, str(ROOT / "run.py"), "--config", str(settings)]

    def timed(args: list[str]) -> tuple[float, float, str]:
        errors = tmp / "stderr.txt"
        started = time.perf_counter()
        with errors.open("wb") as err:
            proc = subprocess.Popen(base + args + ["--now", now], stdout=subprocess.PIPE, stderr=err, cwd=ROOT)
            assert proc.stdout is not None
            out = proc.stdout.read()
            proc.stdout.close()
            _, status, usage = os.wait4(proc.pid, 0)  # this command's own peak RSS
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"{' '.join(args)} failed: {errors.read_text()[-500:]}")
        return seconds, _maxrss_mb(usage), out.decode()

    first, first_mb, _ = timed(["contacts"])
    if meaning:  # as a sync's last step: every text the digest compares embedded into the cache
        import logging

        from assistant.digest.events import event_texts
        from assistant.jobs.meanings import vectors_for
        from assistant.jobs.network import load_network
        from assistant.models import Owner
        from assistant.state.store import Store

        logging.disable(logging.WARNING)
        with Store(state) as store:
            net = load_network(store, Owner(OWNER_NAME, OWNER_EMAIL, OWNER_ALIASES), netgen.NOW, None,
                               use_model=True)
        vectors_for(net.people, state, use_model=True, others=event_texts(net.events))
    contacts, contacts_mb, table = timed(["contacts"])
    email = next(word for line in table.splitlines()[2:] for word in line.split()[2:3]
                 if "@" in word and not word.endswith("~"))  # "~": cut to the column, not an address
    person, person_mb, _ = timed(["contacts", "--person", email])
    digest, digest_mb, _ = timed(["digest"])
    return [("network built and saved (the sync's last step)", first, first_mb, TARGET_SECONDS),
            ("contacts", contacts, contacts_mb, 5.0), (f"contacts --person {email}", person, person_mb, 2.0),
            ("digest (planned and rendered, not sent)", digest, digest_mb, 5.0)]


def _report(results: list[dict[str, Any]], largest: int) -> None:
    streamed = [r for r in results if r["source"] == "generator"]
    if len(streamed) >= 2:
        first, last = streamed[0], streamed[-1]
        growth = (last["seconds"] / first["seconds"]) / (last["messages"] / first["messages"])
        print(f"\nlinearity: {last['messages'] / first['messages']:.0f}x the mail took "
              f"{last['seconds'] / first['seconds']:.1f}x the time ({growth:.2f} of linear; 1.00 is linear), "
              f"{last['peak_mb'] / first['peak_mb']:.1f}x the peak RSS")
    print(f"\ntargets at {largest:,} messages (< {TARGET_SECONDS:.0f} s, < {TARGET_MB:.0f} MB):")
    for r in results:
        if r["messages"] != largest:
            continue
        network_s = r["seconds"] - (r["generate_s"] or 0.0)
        time_ok = "met" if r["seconds"] < TARGET_SECONDS else "NOT met"
        memory_ok = "met" if r["peak_mb"] < TARGET_MB else "NOT met"
        extra = f" ({network_s:.1f} s without the generator)" if r["generate_s"] is not None else ""
        print(f"  from {r['source']:<9}: {r['seconds']:.1f} s{extra}: {time_ok}; "
              f"{r['peak_mb']:.0f} MB: {memory_ok}")


if __name__ == "__main__":
    raise SystemExit(main())
