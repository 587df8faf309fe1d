"""Benchmark: from a reply's (or forward's) arrival, once the sync has stored it, to the receipt (or
the guest suggestions) delivered, on a 200,000-message store. Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_act.py [--messages 200000] [--rounds 50]

The store is the one benchmarks/bench_network.py writes (records with findings, as a sync leaves
them), its network saved as after a sync, and a digest recorded from it. Then, --rounds times,
alternately: a reply "send N" to the digest, and an event forwarded to the assistant's address,
each committed to the store as the sync commits it, and one `act` pass timed until the receipt or
the suggestions are accepted by a real SMTP server on loopback (aiosmtpd, STARTTLS). Target: the
assistant's own work < 10 s, median and worst. Nothing asserts on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_S = 10.0
EVENT = ("Save the date, and please forward to any founders who should be there:\n\n"
         "Founder Demo Night {n}\nWhen: Wednesday, January 13, 2027, 6:00 PM - 9:00 PM\n"
         "Where: Eastside Works, 1030 SE Ash St, Portland, OR\nWhat: eight startups demo to investors.\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--meaning", action="store_true", help="the sentence model on: forwards find guests by "
                        "meaning too (the vector cache warmed first, as the sync's last step does)")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    from assistant.config import parse_settings
    from assistant.jobs import act as act_job
    from assistant.jobs import digest as digest_job
    from assistant.jobs.network import load_network
    from assistant.models import StoredMessage
    from assistant.reading.parse import parse_message
    from assistant.smtp import SmtpMailer
    from assistant.state.store import Store
    from benchmarks import netgen
    from benchmarks.bench_network import write_store
    from benchmarks.mailparts import OWNER_ALIASES, OWNER_EMAIL, OWNER_NAME
    from tests.integration.smtp_server import PASSWORD, USER, certificates_dir, server_starter

    with tempfile.TemporaryDirectory(prefix="assistant-bench-act-") as tmp:
        started = time.perf_counter()
        path, _, _ = write_store(args.messages, 7, Path(tmp))
        print(f"store of {args.messages:,} messages written in {time.perf_counter() - started:.0f} s")
        settings = parse_settings({
            "owner": {"name": OWNER_NAME, "email": OWNER_EMAIL, "aliases": list(OWNER_ALIASES)},
            "mailbox": {"url": f"maildir://{tmp}/none"}, "store": {"path": str(path)},
            "understanding": {"model": "minilm" if args.meaning else "off"}})
        now = netgen.NOW
        key = os.urandom(32)
        with Store(path) as store:
            started = time.perf_counter()
            network = load_network(store, settings.owner, now, None, use_model=args.meaning)
            print(f"network built and saved in {time.perf_counter() - started:.1f} s (the sync's last step)")
            if args.meaning:
                from assistant.digest.events import event_texts
                from assistant.jobs.meanings import vectors_for

                started = time.perf_counter()
                vectors_for(network.people, path, use_model=True, others=event_texts(network.events))
                print(f"vector cache warmed in {time.perf_counter() - started:.1f} s (the sync's last step too)")
            prepared = digest_job.from_store(store, settings, now, key)
            items = [{"id": s.id, "key": s.key, "section": s.section, "people": [p.email for p in s.people],
                      "drafts": [d.to_json() for d in s.drafts]} for s in prepared.digest.items()]
            digest_mid = str(prepared.message["Message-ID"])
            store.record_digest(prepared.digest_id, digest_mid, items, now, gathering=False)
            store.save()
        print(f"digest recorded with {len(items)} items")
        certificates = certificates_dir()
        folder = next(certificates)
        starter = server_starter(folder)
        server = next(starter)("starttls")
        mailer = SmtpMailer("127.0.0.1", server.port, "starttls", USER, lambda: PASSWORD, ca_file=server.ca_file,
                            timeout=10)
        timings: dict[str, list[float]] = {"reply": [], "forward": []}
        address = settings.actions.assistant_address(OWNER_EMAIL)
        for n in range(args.rounds):
            kind = "reply" if n % 2 == 0 else "forward"
            when = now + timedelta(minutes=20 + n)
            raw = _message(kind, n, digest_mid, address, OWNER_EMAIL, len(items))
            record = StoredMessage.from_message(parse_message(raw), settings.owner, "sent:Sent").to_json()
            with Store(path) as store:
                store.commit([record], {}, when, inbound=[record])  # as the sync commits it
                before = len(server.handler.envelopes)
                started = time.perf_counter()
                report = act_job.act(store, settings, when, key=key, mailer=mailer, environ={})
                seconds = time.perf_counter() - started
            if len(server.handler.envelopes) == before or not report.receipts:
                raise SystemExit(f"round {n} ({kind}) delivered nothing: {report.summary()}")
            timings[kind].append(seconds)
        print(f"\n{args.rounds} rounds on a {args.messages:,}-message store (act pass until the answer is accepted "
              "by the SMTP server):")
        for kind, values in timings.items():
            med, worst = statistics.median(values), max(values)
            met = "met" if worst < TARGET_S else "NOT met"
            print(f"  {kind:8s} n={len(values):3d}  median {med:6.2f} s  worst {worst:6.2f} s   "
                  f"target < {TARGET_S:g} s: {met}")
    return 0


def _message(kind: str, n: int, digest_mid: str, address: str, owner: str, items: int) -> bytes:
    m = EmailMessage()
    m["From"], m["Date"] = f"Owner <{owner}>", "Wed, 25 Nov 2026 10:00:00 -0800"
    m["Message-ID"] = f"<bench-{kind}-{n}@bench.example>"
    if kind == "reply":
        m["To"], m["Subject"] = owner, "Re: Your week of helping others"
        m["In-Reply-To"], m["References"] = digest_mid, digest_mid
        m.set_content(f"send {1 + n % max(items, 1)}\n\nOn Wed, Networking assistant <{owner}> wrote:\n> ...\n")
    else:
        m["To"], m["Subject"] = address, f"Fwd: Founder Demo Night {n}"
        m.set_content("---------- Forwarded message ---------\nFrom: Rosa <rosa@events.example>\n"
                      f"Subject: Founder Demo Night {n}\n\n" + EVENT.format(n=n))
    return m.as_bytes()


if __name__ == "__main__":
    raise SystemExit(main())
