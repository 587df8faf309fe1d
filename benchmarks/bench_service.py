"""Benchmark: the service left running against a real Dovecot while mail and digest replies arrive.

    cd /work/main && .venv/bin/python benchmarks/bench_service.py [--minutes 30] [--mail-every 20]
        [--reply-every 60]

A local Dovecot holds the owner's mailbox (the bundled sample mail) and a local SMTP server
delivers into it. After a first sync and a digest, `run.py run` is started with the default
settings (the sentence model on, IMAP IDLE) and a poll of 60 minutes, so only IDLE can make it
quick. A driver then delivers a new personal message every --mail-every seconds and a reply to the
digest ("skip N", with the copy a mail program files in Sent) every --reply-every seconds, and
times each reply until its receipt is accepted by the SMTP server. Every minute it samples the
service's resident memory, open files and threads (the service process and its workers).

Prints: reply-to-receipt median and worst (target: median < 60 s with IDLE), every reply handled
once (one receipt each), and the growth of memory, open files and threads from minute 5 to the
end (target: < 10%). Needs root and Dovecot, like the integration tests. Nothing asserts on time.
"""

from __future__ import annotations

import argparse
import email
import email.utils
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sample(pid: int) -> tuple[float, int, int]:
    """(RSS MB, open files, threads) of the process and its children, from /proc."""
    pids = [pid] + _children(pid)
    rss = files = threads = 0
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
            rss += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            threads += int(next(line.split()[1] for line in status.splitlines() if line.startswith("Threads:")))
            files += len(os.listdir(f"/proc/{p}/fd"))
        except (OSError, StopIteration, ValueError):
            continue
    return rss / 1024, files, threads


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--mail-every", type=float, default=20.0)
    parser.add_argument("--reply-every", type=float, default=60.0)
    args = parser.parse_args()
    from tests.integration.dovecot import Dovecot
    from tests.integration.smtp_server import PASSWORD, certificates_dir, server_starter
    from tests.integration.test_act_end_to_end import OWNER, Delivery, gmail, load_sample, settings_file

    dovecot = Dovecot()
    dovecot.start()
    certificates = certificates_dir()
    starter = server_starter(next(certificates))
    tmp = Path(tempfile.mkdtemp(prefix="bench-service-"))
    process = None
    try:
        owner = dovecot.add_user()
        load_sample(dovecot, owner)
        server = next(starter)("starttls")
        delivery = Delivery(dovecot, owner)
        server.handler.on_data = delivery
        config = settings_file(tmp, dovecot, owner, server.port, server.ca_file)
        config.write_text(config.read_text().replace('model = "off"', 'model = "minilm"')
                          .replace("[store]", "poll_minutes = 60\n[store]"))
        env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": PASSWORD, "ASSISTANT_MAILBOX_PASSWORD": owner.password}
        run = [sys.executable, str(ROOT / "run.py"), "--config", str(config)]
        subprocess.run([*run, "sync"], env=env, cwd=ROOT, check=True, capture_output=True)
        subprocess.run([*run, "digest", "--send", "--force"], env=env, cwd=ROOT, check=True, capture_output=True)
        (digest,) = [m for m in delivery.inbox(OWNER) if str(m["Subject"]).startswith("Your week")]
        items = len([line for line in digest.get_body(("plain",)).get_content().splitlines()
                     if line[:5].strip().rstrip(".").isdigit()])
        log = (tmp / "service.log").open("w")
        process = subprocess.Popen([*run, "run"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        time.sleep(20)  # its first sync
        started = time.monotonic()
        end = started + args.minutes * 60
        samples: list[tuple[float, float, int, int]] = []
        latencies: list[float] = []
        next_mail = next_reply = next_sample = started
        n = 0
        print(f"service pid {process.pid}; running {args.minutes:g} minutes ...", flush=True)
        while time.monotonic() < end:
            now = time.monotonic()
            if now >= next_sample:
                samples.append((now - started, *sample(process.pid)))
                next_sample += 60
            if now >= next_mail:
                m = EmailMessage()
                m["From"], m["To"], m["Subject"] = f"Person {n} <p{n}@example.org>", OWNER, f"Hello {n}"
                m["Message-ID"], m["Date"] = f"<bench-{n}@example.org>", email.utils.formatdate()
                m.set_content(f"Hi Alex,\n\nGreat to see you last week. We are hiring a bookkeeper.\n\nP{n}\n")
                dovecot.append(owner, "INBOX", [m.as_bytes()])
                next_mail += args.mail_every
                n += 1
            if now >= next_reply:
                count = len(server.handler.envelopes)
                raw = gmail(digest, f"skip {1 + len(latencies) % max(items, 1)}", f"<bench-reply-{n}@mail.example>")
                arrived = time.monotonic()
                dovecot.append(owner, "INBOX", [raw])
                dovecot.append(owner, "Sent", [raw])
                while len(server.handler.envelopes) == count and time.monotonic() - arrived < 300:
                    time.sleep(0.2)
                latencies.append(time.monotonic() - arrived)
                next_reply += args.reply_every
            time.sleep(0.2)
        receipts = Counter(email.message_from_bytes(e.original_content)["In-Reply-To"]
                           for e in server.handler.envelopes if b"act.receipt" in e.original_content)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        once = all(c == 1 for c in receipts.values()) and len(receipts) == len(latencies)
        print(f"\nreplies: {len(latencies)}, receipts: {sum(receipts.values())}, "
              f"every reply handled once: {'yes' if once else 'NO'}")
        if latencies:
            median, worst = statistics.median(latencies), max(latencies)
            print(f"reply to receipt: median {median:.1f} s, worst {worst:.1f} s   target: median < 60 s: "
                  f"{'met' if median < 60 else 'NOT met'}")
        print(f"new messages delivered: {n}")
        print("\nminute   RSS MB   open files   threads   (the service process and its workers)")
        for at, rss, files, threads in samples:
            print(f"{at / 60:6.1f} {rss:8.0f} {files:12d} {threads:9d}")
        later = [s for s in samples if s[0] >= 5 * 60]
        if len(later) >= 2:
            first, last = later[0], later[-1]
            for label, i in (("RSS", 1), ("open files", 2), ("threads", 3)):
                growth = (last[i] - first[i]) / first[i] if first[i] else 0.0
                print(f"{label} from minute {first[0] / 60:.0f} to {last[0] / 60:.0f}: {growth:+.1%}   "
                      f"target < +10%: {'met' if growth < 0.10 else 'NOT met'}")
    finally:
        if process is not None and process.poll() is None:
            process.kill()
        dovecot.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
