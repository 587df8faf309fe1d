"""Benchmark: what matching by meaning costs on a large network. Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_meaning_cost.py [--messages 200000]

The network is built from generated records (netgen.py, as bench_network.py: 5,000 correspondents at
200,000 messages). Then, as the sync's after-step and the digest do: every text matching compares is
embedded in a worker process with an empty cache (the first digest after upgrading), embedded again
with the cache filled (every later digest: only new texts), and introductions and events are
matched with the vectors and without (with them, titles first give roles by meaning, as plan_digest
does). Prints texts, seconds, texts per second, the cache file's size and the peak RSS of this
process (the model loads in the worker, not here).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import netgen  # noqa: E402
from benchmarks.mailparts import OWNER_ALIASES, OWNER_EMAIL, OWNER_NAME  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=200_000)
    args = parser.parse_args()
    from assistant.digest import events, intros
    from assistant.digest.meaning import texts_to_embed, with_meant_roles
    from assistant.digest.plan import people_of
    from assistant.jobs.meanings import cache_path, vectors_for
    from assistant.jobs.workers import process_map
    from assistant.models import Owner, StoredMessage
    from assistant.network.build import build_network
    from assistant.network.owner import OwnerProof

    owner = Owner(OWNER_NAME, OWNER_EMAIL, tuple(OWNER_ALIASES))
    started = time.perf_counter()
    with process_map() as mapper:
        records = (StoredMessage.from_json(r) for r in netgen.records(args.messages))
        net = build_network(records, owner, netgen.NOW, proof=OwnerProof(owner.identities), mapper=mapper)
    built = time.perf_counter() - started
    people = people_of(net)
    asks = [a for p in people for a in p.asks if not a.done]
    texts = texts_to_embed(people, asks, events.event_texts(net.events))
    print(f"{args.messages:,} messages: {len(people):,} people, {len(asks):,} open asks, {len(net.events):,} event "
          f"sightings; network built in {built:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "state.json"
        for label in ("empty cache (first digest)", "cache filled (later digests)"):
            started = time.perf_counter()
            vectors = vectors_for(people, state, use_model=True, others=events.event_texts(net.events))
            seconds = time.perf_counter() - started
            assert vectors is not None, "the sentence model could not be used"
            print(f"  embedding, {label:30s} {len(texts):6,} texts {seconds:7.2f} s "
                  f"({len(texts) / seconds:,.0f} texts/s)")
        size = cache_path(state).stat().st_size
        print(f"  vector cache {size / 1e6:.1f} MB (float16)")
        for label, given in (("by name", None), ("by name and meaning", vectors)):
            started = time.perf_counter()
            read = with_meant_roles(people, given)  # as plan_digest: roles of titles the taxonomy does not spell out
            roles = time.perf_counter() - started
            found = intros.candidates(read, net.acquainted, netgen.NOW, given)
            guests = events.candidates(read, net.events, netgen.NOW, 60, 8, vectors=given)
            added = sum(len(a.roles) - len(b.roles) for a, b in zip(read, people, strict=True))
            print(f"  matching {label:22s} {time.perf_counter() - started:6.2f} s "
                  f"({len(found)} introductions, {len(guests)} events with guests; roles by meaning "
                  f"{roles:.2f} s, {added} added)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process {peak:.0f} MB (the model runs in a worker process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
