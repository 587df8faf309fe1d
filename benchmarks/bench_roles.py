"""Benchmark: which roles does a job title give a person? Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_roles.py                 # both splits
    .venv/bin/python benchmarks/bench_roles.py --split dev --errors              # what dev gets wrong
    .venv/bin/python benchmarks/bench_roles.py --json results.json

The set (benchmarks/data/roles/, see its README.md) was written by a helper who never saw the
taxonomy or the code: job titles as people sign them (most unusual, regional or roundabout; some
plain; some that mean no role), some with an organization, each labeled with the roles it clearly
implies and its core role. Rows are split by id into `dev` (ROLE_FLOOR and ROLE_MARGIN in
assistant/digest/meaning.py are set on it) and `test` (frozen: data/roles/test.sha256; never tuned on).

Three readers are scored on each split, as the digest reads a contact's title:
  - taxonomy: roles_from_profile (titles and departments it spells out);
  - meaning: the nearest role descriptions and professions by the sentence model (RoleReader);
  - both: the taxonomy, and meaning only where the taxonomy found nothing (with_meant_roles).
Printed: role precision and recall over all (title, role) pairs with 95% Wilson intervals, the share
of titles whose core role is found, and the share of no-role titles given a role anyway; also for
the titles the taxonomy gives no role at all (the ones meaning is for).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.digest.meaning import RoleReader, role_texts, title_of, with_meant_roles  # noqa: E402
from assistant.jobs.understanding import load_model  # noqa: E402
from assistant.models import Person  # noqa: E402
from assistant.understanding import taxonomy  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "roles"
SPLITS = ("dev", "test")
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def split_of(row_id: str) -> str:
    """By a hash of the id: stable, and blind to what the row says."""
    return "test" if hashlib.sha256(row_id.encode()).digest()[0] % 2 else "dev"


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / "titles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_digest(rows: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    for row in sorted((r for r in rows if split_of(r["id"]) == "test"), key=lambda r: r["id"]):
        digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    if total == 0:
        return 0.0, 0.0
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def person_of(row: dict[str, Any]) -> Person:
    """The contact as the network would see them: roles (and their evidence) from the title alone."""
    said = taxonomy.roles_from_profile(row["title"], row.get("organization"), None)
    return Person(email=f"{row['id']}@example.invalid", emails=(f"{row['id']}@example.invalid",), name=row["id"],
                  organization=row.get("organization"), title=row["title"], phone=None, city=None,
                  roles=tuple(sorted(said)), topics=(), strength=0.5, sent=1, received=1, first_contact=NOW,
                  last_contact=NOW, evidence={"roles": said})


def score(rows: list[dict[str, Any]], found: dict[str, set[str]]) -> dict[str, Any]:
    tp = sum(len(found[r["id"]] & set(r["roles"])) for r in rows)
    said = sum(len(found[r["id"]]) for r in rows)
    truth = sum(len(r["roles"]) for r in rows)
    with_core = [r for r in rows if r.get("core")]
    core = sum(r["core"] in found[r["id"]] for r in with_core)
    none = [r for r in rows if not r["roles"]]
    wrongly = sum(bool(found[r["id"]]) for r in none)
    return {"titles": len(rows), "tp": tp, "found": said, "labeled": truth,
            "precision": tp / said if said else 0.0, "precision_ci": wilson(tp, said),
            "recall": tp / truth if truth else 0.0, "recall_ci": wilson(tp, truth),
            "core": core / len(with_core) if with_core else 0.0, "core_of": len(with_core),
            "no_role_titles": len(none), "no_role_given_one": wrongly}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list what dev gets wrong")
    parser.add_argument("--json", metavar="FILE", type=Path)
    args = parser.parse_args()
    rows = load()
    expected = (DATA / "test.sha256").read_text().split()[0] if (DATA / "test.sha256").exists() else None
    digest = test_digest(rows)
    frozen = "matches test.sha256" if digest == expected else "DOES NOT MATCH test.sha256: the frozen split changed"
    print(f"roles benchmark: {len(rows)} titles; test split {frozen}")
    model = load_model()
    people = [person_of(r) for r in rows]
    texts = list(dict.fromkeys([t for p in people if (t := title_of(p))] + role_texts()))
    vectors = dict(zip(texts, model.encoder.encode(texts), strict=True))
    reader = RoleReader(vectors)
    meant = {p.name: {role for role, _, _ in reader.read(title_of(p) or "")} for p in people}
    readers = {
        "taxonomy": {p.name: set(p.roles) for p in people},
        "meaning": meant,
        "both": {p.name: set(p.roles) for p in with_meant_roles(people, vectors)},
    }
    untouched = {p.name for p in people if not p.roles}
    results: dict[str, Any] = {"test_sha256": digest}
    for split in (SPLITS if args.split == "both" else (args.split,)):
        part = [r for r in rows if split_of(r["id"]) == split]
        results[split] = {}
        for label, subset in (("all titles", part), ("titles the taxonomy gives no role",
                                                     [r for r in part if r["id"] in untouched])):
            print(f"\n{split}, {label} ({len(subset)}):")
            print(f"  {'reader':9s} {'precision':>20s} {'recall':>20s} {'core found':>11s} "
                  f"{'no-role titles given one':>26s}")
            for name, found in readers.items():
                s = score(subset, found)
                results[split].setdefault(label, {})[name] = s
                pl, ph = s["precision_ci"]
                rl, rh = s["recall_ci"]
                print(f"  {name:9s} {s['precision']:6.2f} [{pl:.2f}, {ph:.2f}]    "
                      f"{s['recall']:6.2f} [{rl:.2f}, {rh:.2f}]   {s['core']:10.2f}  "
                      f"{s['no_role_given_one']:>14d} of {s['no_role_titles']}")
        if args.errors and split == "dev":
            print("\n  dev, both readers (title -> found / labeled):")
            for r in part:
                got, want = readers["both"][r["id"]], set(r["roles"])
                if got != want:
                    near = reader.read(title_of(person_of(r)) or "")
                    print(f"  {r['title']!r} ({r.get('organization')}) -> {sorted(got)} / {sorted(want)}"
                          f"  meaning: {[(role, round(sim, 2)) for role, sim, _ in near]}")
        if args.errors and split == "test":
            print("  (errors on test are not listed: it is never used to tune)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
