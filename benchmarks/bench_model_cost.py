"""Benchmark: what the sentence model costs to read mail, reported on its own (issue 13). Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_model_cost.py [--messages 30000]   # ~3 min

For two sets of mail, as the sync's workers see them:

- real: the public real mail of benchmarks/data/understanding/messages/ and, when present,
  ../shared/corpora/ (mailing lists, forwards and replies from many clients);
- generated: the bench_sync.py mailbox of --messages messages (mailgen.py; sentences drawn from a
  small vocabulary, so its counts are an upper bound, not a portrait of anyone's mail).

it counts the messages, those whose writer speaks for themselves (not newsletters, notifications
or the owner's own mail: the only ones the model reads), the sentences of their whole text, of
their own words (quoted history, signature and forwarded letter removed) and the sentences kept
for the model (greetings, sign-offs, field lines and fragments dropped; at most MAX_SENTENCES a
message). Then the encoder, one thread per process as each worker runs it, embeds the kept real
sentences: in this process (sentences per second on one CPU) and in two worker processes at once
(on two CPUs). From the rates: the embedding time of a mailbox of --messages messages written like
the real set, and of the generated one as counted. The sync itself (fetch, parse, store, then the
model) is measured end to end by bench_sync.py --understanding model.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_sync, mailparts  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
SAMPLE = 4000  # real sentences embedded for the rates


def real_files() -> list[Path]:
    roots = [ROOT / "benchmarks" / "data" / "understanding" / "messages", SHARED]
    skip = (".md", ".json", ".jsonl", ".txt.license", ".source-license", "LICENSE")
    return sorted(p for root in roots if root.exists() for p in root.rglob("*")
                  if p.is_file() and not p.name.endswith(skip) and not p.name.startswith("LICENSE"))


def generated_files(messages: int) -> list[Path]:
    mail = bench_sync.corpus(messages, 0, bench_sync.SEED)
    return sorted(p for folder in ("INBOX", "Sent") for p in (mail / folder).glob("*") if p.is_file())


def count(files: list[Path]) -> dict[str, Any]:
    """Messages and sentences at each step, and the kept sentences themselves."""
    from assistant.errors import MessageRefused
    from assistant.models import Owner, StoredMessage
    from assistant.reading.parse import _Body, parse_message
    from assistant.understanding.message import own_words, speaks_for_themselves
    from assistant.understanding.model import sentences_to_judge
    from assistant.understanding.sentences import sentences

    owner = Owner(mailparts.OWNER_NAME, mailparts.OWNER_EMAIL, tuple(mailparts.OWNER_ALIASES))
    out: dict[str, Any] = {"messages": 0, "judged": 0, "whole": 0, "own": 0, "kept": []}
    started = time.perf_counter()
    for path in files:
        raw = path.read_bytes()
        try:
            message = parse_message(raw)
        except MessageRefused:
            continue
        folder = "Sent" if path.parent.name == "Sent" else "INBOX"
        stored = StoredMessage.from_message(message, owner, folder)
        out["messages"] += 1
        if not speaks_for_themselves(stored, owner, stored.direction == "sent"):
            continue
        out["judged"] += 1
        whole = _Body.collect(email.message_from_bytes(raw, policy=email.policy.default)).text()
        out["whole"] += len(sentences(whole))
        own = own_words(stored)
        out["own"] += len(sentences(own))
        out["kept"] += sentences_to_judge(own)
    out["seconds"] = time.perf_counter() - started
    return out


def _encode_share(texts: list[str]) -> float:
    """In a worker: load the encoder (one thread) and read texts as the sync does (Encoder.read: the
    vectors and what the heads read, one run); the seconds it took."""
    from assistant.resources.encoder import load_encoder

    encoder = load_encoder()
    encoder.read(texts[:8])  # the first runs pay for onnxruntime's warm-up
    started = time.perf_counter()
    encoder.read(texts)
    return time.perf_counter() - started


def rates(texts: list[str]) -> dict[str, float]:
    """Sentences per second: one process, then two at once (each half of the texts)."""
    from assistant.jobs.workers import fork_pool

    with fork_pool(1) as pool:
        alone = next(iter(pool.map(_encode_share, [texts])))
    halves = [texts[0::2], texts[1::2]]
    with fork_pool(2) as pool:
        started = time.perf_counter()
        list(pool.map(_encode_share, halves))
        both = time.perf_counter() - started
    return {"one_cpu": len(texts) / alone, "two_cpus": len(texts) / both}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=30_000, help="size of the mailbox costed")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    print("counting the real mail ...", flush=True)
    real = count(real_files())
    print(f"counting the generated mailbox of {args.messages:,} messages ...", flush=True)
    generated = count(generated_files(args.messages))
    kept_real = list(dict.fromkeys(real["kept"]))
    sample = kept_real[:: max(1, len(kept_real) // SAMPLE)][:SAMPLE]
    print(f"embedding {len(sample):,} real sentences (one process, then two) ...", flush=True)
    speed = rates(sample)

    print(f"\nFigures ({os.cpu_count()} CPUs; the encoder runs one thread per process, as in the workers):")
    for name, s in (("real mail", real), ("generated mail", generated)):
        judged = max(1, s["judged"])
        print(f"  {name}: {s['messages']:,} messages, {s['judged']:,} read by the model "
              f"({100 * s['judged'] / max(1, s['messages']):.0f}%)")
        print(f"    sentences per message read: whole text {s['whole'] / judged:.1f}, own words "
              f"{s['own'] / judged:.1f}, kept for the model {len(s['kept']) / judged:.1f} "
              f"({100 * len(s['kept']) / max(1, s['whole']):.0f}% of the whole text's)")
    print(f"  encoder: {speed['one_cpu']:.0f} sentences/s on one CPU, {speed['two_cpus']:.0f} sentences/s "
          f"with two worker processes")
    per_message = len(real["kept"]) / max(1, real["messages"])
    like_real = args.messages * per_message / speed["two_cpus"]
    distinct = len(set(generated["kept"]))
    low, high = distinct / speed["two_cpus"], len(generated["kept"]) / speed["two_cpus"]
    print(f"  embedding a {args.messages:,}-message mailbox on two CPUs: written like the real set "
          f"({per_message:.2f} kept sentences per message; {len(kept_real):,} of {len(real['kept']):,} distinct) "
          f"{like_real:.0f} s")
    print(f"    the generated one: {len(generated['kept']):,} sentences, {distinct:,} distinct (a batch embeds "
          f"each once): between {low:.0f} and {high:.0f} s")
    print(f"  peak RSS of this process (the encoder loads in the workers): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.json:
        figures = {name: {k: (len(v) if k == "kept" else v) for k, v in s.items()}
                   for name, s in (("real", real), ("generated", generated))}
        args.json.write_text(json.dumps({**figures, "rates": speed, "estimate_seconds": {
            "like_real": like_real, "generated": [low, high]}}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
