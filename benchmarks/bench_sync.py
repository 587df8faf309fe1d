"""Benchmark: IMAP sync of a realistic 20,000-message mailbox against a real local Dovecot. Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_sync.py [--messages 20000] [--profile]
    .venv/bin/python benchmarks/bench_sync.py --overhead 4     # what understanding at ingest adds

Needs root and Dovecot (the integration tests' server, tests/integration/dovecot.py). Nothing
here asserts on time: it prints the figures, the targets and whether each is met. See README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import pstats
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from imapclient import IMAPClient, SocketTimeout  # noqa: E402

from benchmarks import mailgen, mailparts  # noqa: E402
from tests.integration.dovecot import Dovecot, DovecotUnavailable, User  # noqa: E402

SEED = 20240601
FLOOR_BATCH = 500
RATIO_TARGET, RSS_TARGET_MB, SECOND_SYNC_TARGET = 3.0, 250.0, 1.0
CACHE = Path(tempfile.gettempdir()) / "assistant-bench-mail"


# -- the mailbox, generated once per parameter set --------------------------------------------
def corpus(messages: int, extra: int, seed: int) -> Path:
    """A directory of Maildir-named files (INBOX/, Sent/) and extra/ messages; cached by parameters."""
    sources = b"".join(Path(m.__file__).read_bytes() for m in (mailgen, mailparts))
    key = hashlib.sha256(sources + f"{messages}:{extra}:{seed}".encode()).hexdigest()[:16]
    target = CACHE / f"{messages}-{key}"
    if (target / "manifest.json").exists():
        print(f"mail set: cached in {target}")
        return target
    CACHE.mkdir(exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f"{messages}-{key}.", dir=CACHE))
    started = time.perf_counter()
    inbox = round(messages * mailgen.INBOX_SHARE)
    counts: dict[str, int] = {}
    total, last = 0, mailgen.START
    generator = mailgen.MailboxGenerator(seed)
    for i, mail in enumerate(generator.mailbox(inbox, messages - inbox, extra)):
        last = mail.when
        if i < messages:
            flags = "" if (mail.folder == "INBOX" and i % 9 == 0) else "S"  # some unread mail
            # W=: the size IMAP clients see, every bare LF sent as CRLF (.ics parts already have CRLF)
            crlf_size = len(mail.raw) + mail.raw.count(b"\n") - mail.raw.count(b"\r\n")
            name = f"{int(mail.when.timestamp())}.M{i:06d}P{seed}.bench,S={len(mail.raw)},W={crlf_size}:2,{flags}"
            folder = building / mail.folder
        else:
            name, folder = f"{i:06d}.eml", building / "extra" / mail.folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(mail.raw)
        counts[str(folder.relative_to(building))] = counts.get(str(folder.relative_to(building)), 0) + 1
        total += len(mail.raw)
    (building / "manifest.json").write_text(json.dumps({"counts": counts, "bytes": total,
                                                        "last": last.isoformat()}))
    os.replace(building, target)
    for stale in CACHE.glob(f"{messages}-*"):  # sets of older generator versions or other seeds
        if stale != target and (stale / "manifest.json").exists():
            shutil.rmtree(stale, ignore_errors=True)
    print(f"mail set: generated in {time.perf_counter() - started:.1f} s into {target}")
    return target


def load(server: Dovecot, user: User, mail: Path) -> None:
    """Hard-links (or copies) the generated files into the user's Maildir, owned by the mail uid."""
    started = time.perf_counter()
    base = server.maildir(user)
    for folder, directory in (("INBOX", base), ("Sent", base / ".Sent")):
        for sub in ("cur", "new", "tmp"):
            (directory / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        for path in (directory, *(directory / s for s in ("cur", "new", "tmp"))):
            os.chown(path, server.uid, server.gid)
        for src in sorted((mail / folder).iterdir()):
            dst = directory / "cur" / src.name
            try:
                os.link(src, dst)
            except OSError:  # another file system: copy
                shutil.copyfile(src, dst)
            os.chown(dst, server.uid, server.gid)
    print(f"loaded into {base} in {time.perf_counter() - started:.1f} s")


# -- the floor: a plain imapclient session reading every body ---------------------------------
def floor(server: Dovecot, user: User) -> dict[str, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    count = size = 0
    context = ssl.create_default_context(cafile=server.ca_file)
    with IMAPClient(server.host, server.imaps_port, ssl_context=context,
                    timeout=SocketTimeout(connect=30, read=120)) as client:
        client.login(user.name, user.password)
        for folder in ("INBOX", "Sent"):
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            for start in range(0, len(uids), FLOOR_BATCH):
                for item in client.fetch(uids[start:start + FLOOR_BATCH], ["BODY.PEEK[]"]).values():
                    count += 1
                    size += len(item[b"BODY[]"])
    return {"seconds": time.perf_counter() - started, "messages": count, "bytes": size,
            "cpu": time.process_time() - cpu}


# -- the sync, in a child process --------------------------------------------------------------
def child_sync(server: Dovecot, user: User, store: Path, work: Path, name: str, now: str,
               **options: Any) -> subprocess.Popen[str]:
    """sync_child.py started on a spec written to work/NAME.spec.json (options: workers,
    understanding, profile, service), the password in its environment only."""
    spec = {"host": server.host, "port": server.imaps_port, "username": user.name, "ca_file": server.ca_file,
            "batch_size": 500, "store": str(store), "now": now, "log": str(work / f"{name}.log"),
            "result": str(work / f"{name}.json"), **options,
            "owner": {"name": mailparts.OWNER_NAME, "email": mailparts.OWNER_EMAIL,
                      "aliases": list(mailparts.OWNER_ALIASES)}}
    (work / f"{name}.spec.json").write_text(json.dumps(spec))
    service = bool(options.get("service"))
    return subprocess.Popen([sys.executable, str(Path(__file__).with_name("sync_child.py")),
                             str(work / f"{name}.spec.json")], cwd=ROOT, text=True,
                            env={**os.environ, "BENCH_IMAP_PASSWORD": user.password},
                            stdin=subprocess.PIPE if service else None, stdout=subprocess.PIPE if service else None)


def sync(server: Dovecot, user: User, store: Path, work: Path, name: str, now: str,
         profile: Path | None = None, workers: int | None = None, understanding: str = "model") -> dict[str, Any]:
    started = time.perf_counter()
    child = child_sync(server, user, store, work, name, now, workers=workers, understanding=understanding,
                       profile=str(profile) if profile else None)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, not all children's
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"sync '{name}' failed (exit {child.returncode}); log: {work / f'{name}.log'}")
    result = json.loads((work / f"{name}.json").read_text())
    result.update(process_wall=wall, maxrss_mb=usage.ru_maxrss / 1024)
    warnings = (work / f"{name}.log").read_text(errors="replace").splitlines()
    result["warnings"] = len(warnings)
    for line in warnings[:5]:
        print(f"  [{name}] {line[:160]}")
    return result


SERVICE_WARMUP = 10  # new messages the service's first sync reads (loading the model in its workers)


def service_sync(server: Dovecot, user: User, work: Path, store: Path, now: str, warm: list[tuple[str, Path]],
                 measured: list[tuple[str, Path]], workers: int | None) -> dict[str, Any]:
    """New mail in the running service: one process keeps its workers (the model loaded) between
    syncs, as the service does. Its first sync reads `warm` (and loads the model); then `measured`
    is delivered and the second sync, the one reported, reads it."""
    deliver(server, user, warm)
    child = child_sync(server, user, store, work, "service", now, workers=workers, understanding="model",
                       service=True)
    assert child.stdin is not None and child.stdout is not None
    if child.stdout.readline().strip() != "synced":
        child.kill()
        raise SystemExit(f"the service sync failed; log: {work / 'service.log'}")
    deliver(server, user, measured)
    child.stdin.write("go\n")
    child.stdin.close()
    if child.wait() != 0:
        raise SystemExit(f"the service sync failed (exit {child.returncode}); log: {work / 'service.log'}")
    return json.loads((work / "service.json").read_text())


def deliver(server: Dovecot, user: User, mail: list[tuple[str, Path]]) -> None:
    for folder in ("INBOX", "Sent"):
        raws = [path.read_bytes().replace(b"\n", b"\r\n") for f, path in mail if f == folder]
        if raws:
            server.append(user, folder, raws)


def extras(mail: Path) -> list[tuple[str, Path]]:
    """The newer messages, (folder, file), in the order they were generated."""
    found = [(folder, path) for folder in ("INBOX", "Sent") if (mail / "extra" / folder).exists()
             for path in (mail / "extra" / folder).glob("*.eml")]
    return sorted(found, key=lambda item: item[1].name)


def server_cpu(server: Dovecot) -> float:
    """CPU seconds Dovecot has used so far: every live process of its session (the master
    started it in a new one) plus the children the master has already collected."""
    assert server.process is not None
    master, total = server.process.pid, 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # exited meanwhile: collected by the master, counted there
            continue
        if int(fields[3]) == master:  # process group
            total += int(fields[11]) + int(fields[12])  # utime + stime
            if stat.parent.name == str(master):
                total += int(fields[13]) + int(fields[14])  # cutime + cstime: collected children
    return total / os.sysconf("SC_CLK_TCK")


# -- output ------------------------------------------------------------------------------------
def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def row(label: str, value: str, target: str = "", met: bool | None = None) -> None:
    verdict = "" if met is None else ("yes" if met else "NO")
    print(f"  {label:44s} {value:>22s}   {target:>9s}   {verdict}")


def phases(result: dict[str, Any]) -> None:
    total = result["seconds"]
    accounted = 0.0
    for name, seconds in sorted(result["phases"].items(), key=lambda kv: -kv[1]):
        if name != "store known()" or seconds > 0.01:
            print(f"  {name:44s} {seconds:8.2f} s  {100 * seconds / total:5.1f} %")
        accounted += seconds
    print(f"  {'other (pipeline loop, header regex, ...)':44s} {total - accounted:8.2f} s  "
          f"{100 * (total - accounted) / total:5.1f} %")


def print_profile(path: Path, top: int = 25) -> None:
    """The profile's hot spots: own time over everything, then cumulative time within assistant/."""
    stdlib = str(Path(os.__file__).parent) + "/"
    for order, restriction, what in (("tottime", (), "own time"), ("cumulative", ("assistant/",), "assistant/")):
        out = io.StringIO()
        pstats.Stats(str(path), stream=out).sort_stats(order).print_stats(*restriction, top)
        text = out.getvalue()
        body = text[text.index("   ncalls"):] if "   ncalls" in text else text
        body = body.replace(str(ROOT) + "/", "").replace(stdlib, "")
        print(f"\ncProfile of a separate initial sync, top {top} by {order} ({what}):\n{body.rstrip()}")


def report(args: argparse.Namespace, info: dict[str, Any], cold: dict[str, Any], warm: dict[str, Any],
           first: dict[str, Any], second: dict[str, Any], incremental: dict[str, Any] | None,
           service: dict[str, Any] | None = None) -> None:
    ratio = first["seconds"] / warm["seconds"]
    print(f"\nFigures ({info['messages']} messages, {mb(info['bytes'])} on the server, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, Dovecot {info['dovecot']}):")
    row("floor: imapclient BODY.PEEK[], cold index", f"{cold['seconds']:.2f} s")
    row("floor: the same, warm (the reference)", f"{warm['seconds']:.2f} s")
    row("  CPU time: client / Dovecot", f"{warm['cpu']:.1f} s / {warm['server_cpu']:.1f} s")
    row("  throughput", f"{warm['messages'] / warm['seconds']:.0f} msg/s, "
        f"{warm['bytes'] / warm['seconds'] / 1e6:.0f} MB/s")
    row("initial sync (in-process: connect..logout)", f"{first['seconds']:.2f} s")
    row("  ratio to the warm floor", f"{ratio:.1f}x", f"<= {RATIO_TARGET:g}x", ratio <= RATIO_TARGET)
    row("  throughput", f"{first['read'] / first['seconds']:.0f} msg/s")
    row("  messages read / new / duplicate / refused",
        f"{first['read']} / {first['new']} / {first['duplicates']} / {first['refused']}")
    row("  CPU time: sync process / parser processes / Dovecot",
        f"{first['cpu_main']:.1f} s / {first['cpu_workers']:.1f} s / {first['server_cpu']:.1f} s")
    own_mb = first["maxrss_kb"] / 1024  # the sync process itself (wait4's figure includes its workers)
    row("  peak RSS of the sync process", f"{own_mb:.0f} MB", f"< {RSS_TARGET_MB:g} MB", own_mb < RSS_TARGET_MB)
    row("  whole child process (start, imports, exit)", f"{first['process_wall']:.2f} s")
    row(f"  understanding ({args.understanding}) after ingest",
        f"{first['seconds'] - first['ingest_seconds']:.2f} s of {first['seconds']:.2f} s, "
        f"{first['understood']} messages", "reported apart" if args.understanding == "model" else "")
    row("  ingest alone (fetch, parse, store)", f"{first['ingest_seconds']:.2f} s")
    row("  peak RSS of the largest worker process", f"{first['worker_maxrss_mb']:.0f} MB", "< 500 MB",
        first["worker_maxrss_mb"] < 500)
    row("state on disk (Store.size_on_disk)", mb(first["size_on_disk"]))
    row("  state file / segments", f"{mb(first['state_bytes'])} / {first['segments']} x, "
        f"{mb(first['segment_bytes'])}")
    row("second sync, nothing new (connect..logout)", f"{second['seconds']:.3f} s",
        f"< {SECOND_SYNC_TARGET:g} s", second["seconds"] < SECOND_SYNC_TARGET)
    row("  read / new", f"{second['read']} / {second['new']}")
    row("  whole child process (start, imports, exit)", f"{second['process_wall']:.2f} s")
    if incremental:
        row(f"incremental sync after {args.incremental} new messages", f"{incremental['seconds']:.3f} s",
            "< 6 s (cold, with the model)" if args.understanding == "model" else "",
            incremental["seconds"] < 6 if args.understanding == "model" else None)
        row("  of which understanding", f"{incremental['seconds'] - incremental['ingest_seconds']:.3f} s")
        row("  read / new / refused", f"{incremental['read']} / {incremental['new']} / {incremental['refused']}")
    if service:
        row(f"the service: {service['new']} new messages", f"{service['seconds']:.3f} s", "< 2 s",
            service["seconds"] < 2)
        row("  of which understanding", f"{service['seconds'] - service['ingest_seconds']:.3f} s")
        row("  its first sync (loads the model)", f"{service['warm_seconds']:.3f} s, {service['warm_new']} new")
    print(f"\nWhere the initial sync's {first['seconds']:.1f} s went (wrapped calls, same run):")
    phases(first)


OVERHEAD_TARGET = 0.30  # what the cue patterns at ingest may add to the initial sync


def overhead(server: Dovecot, user: User, work: Path, now: str, rounds: int, workers: int | None) -> None:
    """What understanding with the cue patterns adds to the initial sync: pairs of initial syncs into
    fresh stores, one without and one with it, in alternating order (ABBA) so that a machine that
    slows down or speeds up during the run weighs on both alike; medians, and every run."""
    floor(server, user)  # warm Dovecot's index and the page cache first
    runs: dict[str, list[dict[str, Any]]] = {"none": [], "rules": []}
    for i in range(rounds):
        for mode in (("none", "rules") if i % 2 == 0 else ("rules", "none")):
            name = f"overhead-{i}-{mode}"
            print(f"initial sync {i + 1}/{rounds}, understanding {mode} ...", flush=True)
            runs[mode].append(sync(server, user, work / name / "state.json", work, name, now, workers=workers,
                                   understanding=mode))
    print(f"\nInitial syncs, {rounds} each, alternating ({os.cpu_count()} CPUs, Python {platform.python_version()}):")
    row("", "without / with the patterns")
    for i, (plain, rules) in enumerate(zip(runs["none"], runs["rules"], strict=True)):
        row(f"  round {i + 1}: connect..logout", f"{plain['seconds']:.2f} s / {rules['seconds']:.2f} s")
        row("    CPU of the parser processes", f"{plain['cpu_workers']:.1f} s / {rules['cpu_workers']:.1f} s")
    plain_s = statistics.median(r["seconds"] for r in runs["none"])
    rules_s = statistics.median(r["seconds"] for r in runs["rules"])
    added = rules_s / plain_s - 1
    row("median initial sync", f"{plain_s:.2f} s / {rules_s:.2f} s")
    row("  added by understanding at ingest", f"{100 * added:+.0f}%", f"<= {100 * OVERHEAD_TARGET:.0f}%",
        added <= OVERHEAD_TARGET)
    cpu = statistics.median(r["cpu_workers"] for r in runs["rules"]) - statistics.median(
        r["cpu_workers"] for r in runs["none"])
    row("  parser processes' CPU added (median)", f"{cpu:+.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=20_000, help="mailbox size (75%% INBOX, 25%% Sent)")
    parser.add_argument("--incremental", type=int, default=100, help="new messages for the incremental sync "
                        "(0: skip it)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--workers", type=int, default=None, help="parser processes for the sync (default: as "
                        "the assistant chooses, one per CPU up to 4; 1 parses in the sync process itself)")
    parser.add_argument("--understanding", choices=("model", "rules", "none"), default="model",
                        help="what the sync understands: the sentence model after ingest (the default, as the "
                             "assistant runs), the cue patterns during parsing, or nothing (to measure the cost)")
    parser.add_argument("--service", type=int, default=0, metavar="N",
                        help="also N new messages in the running service (workers and model kept between "
                             "syncs), after a first sync of 10 that loads the model (100: issue 13's case)")
    parser.add_argument("--overhead", type=int, default=0, metavar="ROUNDS",
                        help="instead of the usual runs: ROUNDS pairs of initial syncs into fresh stores, without "
                             "and with the cue patterns (order alternating), and what understanding adds (median)")
    parser.add_argument("--profile", action="store_true", help="also run a cProfiled initial sync (a separate "
                        "run into a fresh store) and print its hot spots")
    args = parser.parse_args(argv)
    mail = corpus(args.messages, args.incremental + (SERVICE_WARMUP + args.service if args.service else 0), args.seed)
    manifest = json.loads((mail / "manifest.json").read_text())
    now = (datetime.fromisoformat(manifest["last"]) + timedelta(hours=1)).isoformat()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        server = Dovecot()
        server.start()
    except (DovecotUnavailable, OSError, subprocess.CalledProcessError) as exc:
        print(f"Dovecot unavailable: {exc}", file=sys.stderr)
        return 2
    try:
        user = server.add_user(sent="Sent")
        load(server, user, mail)
        info = {"messages": args.messages, "bytes": 0,
                "dovecot": subprocess.run([server.binary, "--version"], capture_output=True,
                                          text=True).stdout.split()[0]}
        if args.overhead:
            overhead(server, user, work, now, args.overhead, args.workers)
            return 0
        print("floor, cold index ...", flush=True)
        cold = floor(server, user)
        info["bytes"] = cold["bytes"]
        print("floor, warm ...", flush=True)
        before = server_cpu(server)
        warm = floor(server, user)
        warm["server_cpu"] = server_cpu(server) - before
        print("initial sync ...", flush=True)
        before = server_cpu(server)
        first = sync(server, user, work / "state" / "state.json", work, "initial", now, workers=args.workers,
                     understanding=args.understanding)
        first["server_cpu"] = server_cpu(server) - before
        print("second sync ...", flush=True)
        second = sync(server, user, work / "state" / "state.json", work, "second", now, workers=args.workers,
                      understanding=args.understanding)
        incremental = service = None
        newer = extras(mail)
        if args.incremental:
            deliver(server, user, newer[:args.incremental])
            print("incremental sync ...", flush=True)
            incremental = sync(server, user, work / "state" / "state.json", work, "incremental", now,
                               workers=args.workers, understanding=args.understanding)
        if args.service:
            print("the service: a first sync (loading the model), then new mail ...", flush=True)
            warming = newer[args.incremental:args.incremental + SERVICE_WARMUP]
            service = service_sync(server, user, work, work / "state" / "state.json", now, warming,
                                   newer[args.incremental + SERVICE_WARMUP:], args.workers)
        profile = None
        if args.profile:
            print("profiled initial sync (separate run, fresh store) ...", flush=True)
            profile = work / "initial.prof"
            sync(server, user, work / "profiled" / "state.json", work, "profiled", now, profile, args.workers)
        report(args, info, cold, warm, first, second, incremental, service)
        if profile:
            print_profile(profile)
    except BaseException:
        print(f"Dovecot log (tail):\n{server.log()[-3000:]}", file=sys.stderr)
        raise
    finally:
        server.cleanup()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
