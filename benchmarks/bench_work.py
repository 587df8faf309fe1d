"""Benchmark: asks about work. Does the assistant tell a job sought from a hire, and pair each seeker
with a hirer in their field? Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_work.py                  # both splits
    .venv/bin/python benchmarks/bench_work.py --split dev --errors               # what dev gets wrong
    .venv/bin/python benchmarks/bench_work.py --json results.json

The set (benchmarks/data/work/, see its README.md) was written by a helper who never saw the rules:
single sentences labeled `seeking` (with the field named), `hiring` (with the role) or `other` (asks
about anything else, traps such as "a role in the project" or "we need a plumber", and sentences
about jobs that ask for nothing), and an occupational group per seeker and hirer. Whole groups are in
one split; `test` is frozen (data/work/test.sha256) and its errors are never listed.

Printed per split:
  - reading: precision and recall of understanding.work.about_work for seeking and for hiring, over
    every row (the assistant only reads sentences already judged asks: this is the harder test);
    `what`: of the rows read right that name one, how often the field or role read overlaps the labeled one;
  - pairing: for each seeker whose group has hirers, the hirers ranked by the fit introductions use
    (intros._work_fit on the phrases read, by words then by the sentence model's vectors): the right
    group first and in the top 3; and of all pairs the assistant would suggest (fit > 0), the share in
    the right group.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_understanding import wilson  # noqa: E402  (the same intervals as the other benchmarks)

from assistant.digest import intros  # noqa: E402
from assistant.jobs.meanings import _encode  # noqa: E402
from assistant.models import Person  # noqa: E402
from assistant.understanding.work import about_work, work_texts  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "work"
SPLITS = ("dev", "test")
_WORD = re.compile(r"[^\W_]+", re.I)


def rows(split: str | None = None) -> list[dict[str, Any]]:
    out = [json.loads(line) for line in (DATA / "sentences.jsonl").read_text().splitlines() if line.strip()]
    return [r for r in out if split is None or r["split"] == split]


def test_digest() -> str:
    digest = hashlib.sha256()
    for row in sorted(rows("test"), key=lambda r: r["id"]):
        digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def same_phrase(found: str, labeled: str) -> bool:
    a, b = {w.lower() for w in _WORD.findall(found)}, {w.lower() for w in _WORD.findall(labeled)}
    stems = lambda words: {w[:5] for w in words}  # noqa: E731 - "traders" and "trading"
    return bool(a and b) and len(stems(a) & stems(b)) / min(len(a), len(b)) >= 0.5


class _Vectors:
    """What intros._work_fit reads of a Matcher: the unit vector of each text."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors


def evaluate(split: str, show_errors: bool, vectors: dict[str, np.ndarray]) -> dict[str, Any]:
    data = rows(split)
    read = {r["id"]: about_work(r["text"]) for r in data}
    out: dict[str, Any] = {"rows": len(data)}
    errors: list[str] = []
    for label, hiring in (("seeking", False), ("hiring", True)):
        tp = sum(1 for r in data if r["label"] == label and read[r["id"]] is not None and read[r["id"]][0] == hiring)
        found = sum(1 for r in data if read[r["id"]] is not None and read[r["id"]][0] == hiring)
        labeled = sum(1 for r in data if r["label"] == label)
        named = [r for r in data if r["label"] == label and r["field"] and read[r["id"]] is not None
                 and read[r["id"]][0] == hiring and read[r["id"]][1]]
        right = sum(1 for r in named if same_phrase(read[r["id"]][1], r["field"]))
        out[label] = {"tp": tp, "found": found, "labeled": labeled, "what_right": right, "what_named": len(named)}
        if show_errors:
            for r in data:
                got = read[r["id"]]
                if r["label"] == label and (got is None or got[0] != hiring):
                    errors.append(f"  FN {label:7s} {r['id']}: {r['text'][:120]!r}")
                elif r["label"] != label and got is not None and got[0] == hiring:
                    errors.append(f"  FP {label:7s} {r['id']} [{r['label']}]: {r['text'][:120]!r} -> {got[1]!r}")
    out["pairing"] = _pairing(data, read, vectors, errors if show_errors else None)
    out["errors"] = errors
    return out


def _pairing(data: list[dict[str, Any]], read: dict[str, Any], vectors: dict[str, np.ndarray],
             errors: list[str] | None) -> dict[str, int]:
    matcher = _Vectors(vectors)
    nobody = Person(email="seeker@example.org", emails=("seeker@example.org",), name="Seeker", organization=None,
                    title=None, phone=None, city=None, roles=(), topics=(), strength=0.5, sent=1, received=1,
                    first_contact=None, last_contact=None)  # a profile of nothing: only the field named counts
    hirers = [r for r in data if r["label"] == "hiring" and read[r["id"]] is not None and read[r["id"]][0]]
    groups_hiring = {r["group"] for r in data if r["label"] == "hiring"}
    seekers = [r for r in data if r["label"] == "seeking" and r["group"] in groups_hiring]
    first = top3 = suggested = suggested_right = 0
    for seeker in seekers:
        got = read[seeker["id"]]
        field = got[1] if got is not None and not got[0] else None
        ranked: list[tuple[float, str]] = []
        if field is not None:
            for hirer in hirers:
                fit = intros._work_fit(read[hirer["id"]][1], field, nobody, matcher)  # type: ignore[arg-type]
                if fit > 0:
                    ranked.append((fit, hirer["group"]))
                    suggested += 1
                    suggested_right += hirer["group"] == seeker["group"]
        ranked.sort(key=lambda x: -x[0])
        groups = [g for _, g in ranked]
        first += bool(groups) and groups[0] == seeker["group"]
        top3 += seeker["group"] in groups[:3]
        if errors is not None and seeker["group"] not in groups[:3]:
            errors.append(f"  PAIR {seeker['id']} ({seeker['group']}): read {field!r}; top 3 {groups[:3]}")
    return {"seekers": len(seekers), "first": first, "top3": top3, "suggested": suggested,
            "suggested_right": suggested_right}


def _rate(k: int, n: int) -> str:
    lo, hi = wilson(k, n)
    return f"{k / n if n else 0:.2f} [{lo:.2f}, {hi:.2f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list what dev gets wrong")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    frozen = (DATA / "test.sha256").read_text().split()[0]
    state = "matches" if test_digest() == frozen else "DOES NOT MATCH (changed: say why in data/work/README.md)"
    print(f"work benchmark: {len(rows())} labeled sentences; test split {state} test.sha256")
    texts = sorted(set(work_texts(r["text"] for r in rows())))  # what the digest embeds for asks about work
    encoded, problem = _encode(texts)
    if problem:
        print(f"the sentence model could not run ({problem}): pairing by words only")
        vectors: dict[str, np.ndarray] = {}
    else:
        array = np.asarray(encoded, dtype=np.float32)
        array /= np.maximum(np.linalg.norm(array, axis=1, keepdims=True), 1e-12)
        vectors = dict(zip(texts, array, strict=True))
    figures: dict[str, Any] = defaultdict(dict)
    for split in (SPLITS if args.split == "both" else (args.split,)):
        result = evaluate(split, args.errors and split == "dev", vectors)
        print(f"\n{split}: {result['rows']} sentences")
        print(f"  {'kind':8s} {'precision':>20s} {'recall':>20s}   TP  found labeled   what")
        for label in ("seeking", "hiring"):
            s = result[label]
            what = f"{s['what_right']}/{s['what_named']}"
            print(f"  {label:8s} {_rate(s['tp'], s['found']):>20s} {_rate(s['tp'], s['labeled']):>20s} "
                  f"{s['tp']:4d} {s['found']:6d} {s['labeled']:7d}   {what}")
        p = result["pairing"]
        print(f"  pairing: {p['seekers']} seekers whose field has hirers; right group first "
              f"{p['first']}/{p['seekers']} = {_rate(p['first'], p['seekers'])}, in top 3 {p['top3']}/{p['seekers']} = "
              f"{_rate(p['top3'], p['seekers'])}; of {p['suggested']} pairs suggested, {p['suggested_right']} in the "
              f"right group = {_rate(p['suggested_right'], p['suggested'])}")
        if args.errors and split == "dev":
            print("\n".join(result["errors"]))
        figures[split] = {k: v for k, v in result.items() if k != "errors"}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
