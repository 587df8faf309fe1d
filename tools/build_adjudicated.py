"""Build the adjudicated labels of the understanding test split: one command, reproducible.

    .venv/bin/python tools/build_adjudicated.py

Two labelers labeled the test split independently (benchmarks/data/understanding/labels/ and
second/). A finding both labeled stands (the first labeler's text and `what`); each finding only
one of them labeled was put, without saying whose it was, to a third helper who saw the guidelines
and the message only (not the code, not the model's findings) and decided yes or no
(adjudicated/decisions.jsonl, with a line of reasoning each). This writes adjudicated/test.jsonl:
per test message, the agreed findings and those decided yes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_understanding as bench  # noqa: E402

HERE = bench.DATA / "adjudicated"
SINGLE = {"asks": "ask", "offers": "offer", "news": "news", "helped": "helped"}


def second_labels() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((bench.DATA / "second").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found[row["id"]] = row
    return found


def split(first: dict[str, Any], second: dict[str, Any], kind: str
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The findings of one kind both labeled (the first labeler's copy), and those only one did."""
    theirs = list(second.get(kind) or [])
    taken: set[int] = set()
    agreed, alone = [], []
    for item in first.get(kind) or []:
        j = next((j for j, other in enumerate(theirs)
                  if j not in taken and bench.overlap(item["text"], other["text"]) >= bench.OVERLAP), None)
        if j is None:
            alone.append(item)
        else:
            taken.add(j)
            agreed.append(item)
    alone += [other for j, other in enumerate(theirs) if j not in taken]
    return agreed, alone


def build() -> tuple[str, int, int]:
    """adjudicated/test.jsonl's text, the disagreements decided and those kept. SystemExit when a
    disagreement has no decision or a decision no disagreement."""
    decisions = {(d["id"], d["kind"], d["text"]): d
                 for d in map(json.loads, (HERE / "decisions.jsonl").read_text(encoding="utf-8").splitlines())}
    second = second_labels()
    rows, asked, kept = [], 0, 0
    for first in bench.rows("test"):
        row: dict[str, Any] = {"id": first["id"], "file": first["file"]}
        for kind, single in SINGLE.items():
            agreed, alone = split(first, second.get(first["id"], {}), kind)
            for item in alone:
                decision = decisions.get((first["id"], single, item["text"]))
                if decision is None:
                    raise SystemExit(f"{first['id']}: no decision on {single} {item['text'][:60]!r}")
                asked += 1
                if decision["decision"] == "yes":
                    kept += 1
                    agreed.append(item)
            row[kind] = agreed
        rows.append(row)
    if asked != len(decisions):
        raise SystemExit(f"{len(decisions)} decisions for {asked} disagreements")
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), asked, kept


def main() -> int:
    text, asked, kept = build()
    out = HERE / "test.jsonl"
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}: {text.count(chr(10))} messages; {asked} disagreements decided, {kept} kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
