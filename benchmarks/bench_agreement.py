"""Benchmark: how far two careful people agree on the understanding set, beside the model. Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_agreement.py
    .venv/bin/python benchmarks/bench_agreement.py --json results.json

A second labeler (helpers who saw neither the first labels nor the code; see
data/understanding/second/README.md) labeled the messages of the test split again from
GUIDELINES.md alone. Scored with bench_understanding.py's own rule (same message, same kind, the
sentences overlapping), against the first labels, on the messages both labeled:

  - the second labeler as if it were a finder: the agreement of two people, a ceiling no finder
    can be expected to pass by much on these labels (the bars are precision >= 0.85);
  - the model on the same messages, for comparison (as bench_understanding.py scores it);
  - the model against either labeler (a finding is right when one of the two labeled it): how much
    of what counts as a wrong finding is a sentence one careful person would have labeled. Not a
    bar: it is shown to read the strict figures, never to replace them.

Where the two disagreed, a third helper (the guidelines and the message only; not whose finding it
was, not the code, not the model) decided: data/understanding/adjudicated/ (tools/build_adjudicated.py).
Against those adjudicated labels it prints each labeler and the model.

Nothing is tuned on this: the second and adjudicated labels are read only to measure the labels
themselves and to read the model's figures beside them; the bars are scored on the first labels.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_understanding as bench  # noqa: E402

from assistant.jobs.commands import reader_of  # noqa: E402
from assistant.models import StoredMessage  # noqa: E402
from assistant.reading.parse import parse_message  # noqa: E402
from assistant.understanding.message import understand  # noqa: E402

SECOND = bench.DATA / "second"
ADJUDICATED = bench.DATA / "adjudicated" / "test.jsonl"


def second_labels() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(SECOND.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found[row["id"]] = row
    return found


def either(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Both labelers' findings of one kind, a sentence both labeled counted once."""
    merged = list(first)
    for item in second:
        if not any(bench.overlap(item["text"], known["text"]) >= bench.OVERLAP for known in merged):
            merged.append(item)
    return merged


def line(name: str, s: bench.Score) -> str:
    pl, ph = bench.wilson(s.tp, s.tp + s.fp)
    rl, rh = bench.wilson(s.tp, s.tp + s.fn)
    return (f"  {name:8s} {s.precision:6.2f} [{pl:.2f}, {ph:.2f}]    {s.recall:6.2f} [{rl:.2f}, {rh:.2f}]   "
            f"{s.f1:6.2f} {s.tp:4d} {s.fp:4d} {s.fn:4d}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    second = second_labels()
    if not second:
        raise SystemExit(f"no second labels in {SECOND}")
    first = {row["id"]: row for row in bench.rows()}
    unknown = sorted(set(second) - set(first))
    if unknown:
        raise SystemExit(f"second labels for messages not in the set: {', '.join(unknown[:5])}")
    from assistant.jobs.understanding import load_model

    model = load_model()
    ids = sorted(second)
    splits = sorted({first[i]["split"] for i in ids})
    print(f"agreement: {len(ids)} messages labeled twice ({', '.join(splits)} split); model heads {model.version}")
    people = {kind: bench.Score() for kind in bench.KINDS}
    machine = {kind: bench.Score() for kind in bench.KINDS}
    lenient = {kind: bench.Score() for kind in bench.KINDS}
    judged: dict[str, dict[str, Any]] = {}
    if ADJUDICATED.exists():
        judged = {r["id"]: r for r in map(json.loads, ADJUDICATED.read_text(encoding="utf-8").splitlines())}
    versus = {who: {kind: bench.Score() for kind in bench.KINDS} for who in ("first", "second", "model")}
    for i in ids:
        row = first[i]
        message = parse_message((bench.DATA / row["file"]).read_bytes())
        owner = reader_of(message)
        found = understand(StoredMessage.from_message(message, owner, "inbox:"), owner, model=model)
        for kind in bench.KINDS:
            theirs = [(f["text"], f.get("what")) for f in second[i].get(kind) or []]
            bench._match(row, kind, theirs, people[kind], False)
            ours = [(f.text, f.what) for f in getattr(found, kind)]
            bench._match(row, kind, ours, machine[kind], False)
            both = {kind: either(list(row.get(kind) or []), list(second[i].get(kind) or []))}
            bench._match(both, kind, ours, lenient[kind], False)
            if i in judged:
                firsts = [(f["text"], f.get("what")) for f in row.get(kind) or []]
                for who, items in (("first", firsts), ("second", theirs), ("model", ours)):
                    bench._match(judged[i], kind, items, versus[who][kind], False)
    results: dict[str, Any] = {"messages": len(ids), "splits": splits}
    tables = [("the second labeler, scored against the first", "second_labeler", people),
              ("the model, scored against the first labeler", "model", machine),
              ("the model against either labeler (not a bar)", "model_vs_either", lenient)]
    if judged:
        tables += [(f"{who}, scored against the adjudicated labels ({len(judged)} messages; not a bar)",
                    f"{key}_vs_adjudicated", versus[key])
                   for who, key in (("the first labeler", "first"), ("the second labeler", "second"),
                                    ("the model", "model"))]
    for title, key, scores in tables:
        print(f"\n{title}:")
        print(f"  {'kind':8s} {'precision':>20s} {'recall':>20s} {'F1':>6s} {'TP':>4s} {'FP':>4s} {'FN':>4s}")
        for kind, s in scores.items():
            print(line(kind, s))
        results[key] = {kind: s.to_json() for kind, s in scores.items()}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
