"""Benchmark: does an ask find the right helper among the owner's contacts? Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_matching.py                  # both splits
    .venv/bin/python benchmarks/bench_matching.py --split dev --errors               # what dev gets wrong
    .venv/bin/python benchmarks/bench_matching.py --json results.json

The set (benchmarks/data/matching/, see its README.md) was written by a helper who never saw the
matching code: 90 fictional contacts (title, organization, offers in their own words, fields) and
asks as people write them, mostly describing a problem rather than naming a trade, each labeled with
the contact(s) a thoughtful person would introduce. Asks are split by id into `dev` (thresholds are
set on it) and `test` (frozen: its SHA-256 is in data/matching/test.sha256; never tuned on).

Each contact becomes a Person as the network would see them: offers and the ask read by the same
understanding the sync uses (patterns, then the sentence model's `what`), fields as the taxonomy's
industry tags of their title and words, roles from their title. Every ask is matched against all of
them, as plan_digest does (roles by meaning, then intros.candidates), by name only (the taxonomy) and
by name and meaning (the sentence model's vectors). Printed per split: the share of asks whose right helper is first,
and in the top 3 (targets: 60% and 80%), with 95% Wilson intervals.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.digest import intros  # noqa: E402
from assistant.digest.meaning import texts_to_embed, with_meant_roles  # noqa: E402
from assistant.jobs.understanding import load_model  # noqa: E402
from assistant.models import Item, Person  # noqa: E402
from assistant.understanding import taxonomy  # noqa: E402
from assistant.understanding.extract import findings  # noqa: E402
from assistant.understanding.model import SentenceModel, model_findings  # noqa: E402
from assistant.understanding.what import asked_for  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "matching"
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
SPLITS = ("dev", "test")


def split_of(ask_id: str) -> str:
    """By a hash of the id: stable, and blind to what the ask says."""
    return "test" if hashlib.sha256(ask_id.encode()).digest()[0] % 2 else "dev"


def load() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    read = lambda name: [json.loads(line) for line in (DATA / name).read_text().splitlines()  # noqa: E731
                         if line.strip()]
    return read("people.jsonl"), read("asks.jsonl")


def test_digest(asks: list[dict[str, Any]], people: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    for row in sorted((a for a in asks if split_of(a["id"]) == "test"), key=lambda a: a["id"]):
        digest.update(json.dumps(row, sort_keys=True).encode())
    for row in sorted(people, key=lambda p: p["email"]):
        digest.update(json.dumps(row, sort_keys=True).encode())
    return digest.hexdigest()


def read_item(kind: str, sentence: str, model: SentenceModel | None, n: int) -> Item:
    """The sentence as the sync's understanding reads it; kept even when it would miss the kind (this
    benchmark measures matching, not finding: bench_understanding measures that)."""
    found = findings(sentence, title=None, owner_names=(), sent=None)
    if model is not None:
        found = model_findings(sentence, found, model)
    same = next((f for f in found if f.kind == kind), None)
    what = same.what if same is not None and same.what else asked_for(sentence)
    qualifiers = same.qualifiers if same is not None else ()
    return Item(kind, sentence, NOW - timedelta(days=3 + n % 20), f"<{kind}-{n}@bench>", what, tuple(qualifiers))


def person(row: dict[str, Any], offers: tuple[Item, ...], asks: tuple[Item, ...] = ()) -> Person:
    title, organization = row.get("title") or None, row.get("organization") or None
    domain = row["email"].rpartition("@")[2]
    words = " ".join([title or "", *row.get("offers", []), *row.get("topics", [])])
    said = taxonomy.roles_from_profile(title, organization, domain)
    topics = tuple(sorted(set(taxonomy.industries_of(words))))
    return Person(row["email"], (row["email"],), row.get("name") or row["email"], organization, title, None, None,
                  tuple(sorted(said)), topics, 0.5, 4, 4, NOW - timedelta(days=400), NOW - timedelta(days=30),
                  asks=asks, offers=offers, evidence={"roles": said})  # as the network keeps them


def wilson(hits: int, n: int) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    z, p = 1.96, hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS)
    parser.add_argument("--errors", action="store_true", help="list the asks dev gets wrong (dev only)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    people_rows, ask_rows = load()
    frozen = (DATA / "test.sha256").read_text().split()[0] if (DATA / "test.sha256").exists() else ""
    digest = test_digest(ask_rows, people_rows)
    if frozen and frozen != digest:
        print(f"WARNING: the test split changed (sha256 {digest[:12]} != frozen {frozen[:12]}); say why in a note")
    started = time.perf_counter()
    model = load_model()
    offers = {row["email"]: tuple(read_item("offer", s, model, i * 10 + j) for j, s in enumerate(row.get("offers", [])))
              for i, row in enumerate(people_rows)}
    people = {row["email"]: person(row, offers[row["email"]]) for row in people_rows}
    asks = {row["id"]: read_item("ask", row["sentence"], model, i) for i, row in enumerate(ask_rows)}
    texts = texts_to_embed(people.values(), asks.values())
    matrix = model.encoder.encode(texts)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    vectors = dict(zip(texts, matrix, strict=True))
    prepared = time.perf_counter() - started
    results: dict[str, Any] = {"people": len(people), "asks": len(ask_rows), "texts_embedded": len(texts),
                               "prepare_seconds": round(prepared, 2)}
    for method, given in (("names", None), ("names+meaning", vectors)):
        for split in (args.split,) if args.split else SPLITS:
            rows = [a for a in ask_rows if split_of(a["id"]) == split]
            first = top3 = 0
            wrong = []
            for row in rows:
                ask = asks[row["id"]]
                asker = people.get(row["asker"])
                asker = (person({"email": row["asker"]}, ()) if asker is None else asker)
                asker = replace(asker, asks=(ask,))
                others = [p for e, p in people.items() if e != row["asker"]]
                # as plan_digest does: with vectors, titles the taxonomy does not spell out give roles by meaning
                found = intros.candidates(with_meant_roles([asker, *others], given), frozenset(), NOW, given)
                helpers = [next(p.email for p in c.people if p.email != asker.email) for c in found]
                right = set(row["helpers"])
                first += bool(helpers[:1] and helpers[0] in right)
                top3 += bool(right & set(helpers[:3]))
                if not right & set(helpers[:1]):
                    wrong.append((row, helpers[:3]))
            n = len(rows)
            key = f"{method}/{split}"
            results[key] = {"asks": n, "first": round(first / n, 3) if n else 0, "top3": round(top3 / n, 3) if n else 0,
                            "first_ci": [round(x, 3) for x in wilson(first, n)],
                            "top3_ci": [round(x, 3) for x in wilson(top3, n)]}
            lo1, hi1 = wilson(first, n)
            lo3, hi3 = wilson(top3, n)
            print(f"{method:14} {split:4}  asks {n:3}   right helper first {first:3}/{n} = {first / n:.2f} "
                  f"[{lo1:.2f}-{hi1:.2f}]   in top 3 {top3:3}/{n} = {top3 / n:.2f} [{lo3:.2f}-{hi3:.2f}]")
            if args.errors and split == "dev" and method == "names+meaning":
                for row, got in wrong:
                    print(f"   {row['id']} {row['sentence'][:90]!r}\n      want {row['helpers']} got {got}")
    print(f"(targets: first >= 0.60, top 3 >= 0.80; {len(texts)} texts embedded; prepared in {prepared:.1f} s; "
          f"test split sha256 {digest[:12]}{' frozen' if frozen == digest else ''})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
