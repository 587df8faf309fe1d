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
from bench_agreement import second_labels  # noqa: E402

HERE = bench.DATA / "adjudicated"
SINGLE = {"asks": "ask", "offers": "offer", "news": "news", "helped": "helped"}


def split(first: dict[str, Any], second: dict[str, Any], kind: str
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The findings of one kind both labeled (the first labeler's copy), and those only one did:
    paired as bench_understanding scores the second labeler against the first (bench.pair)."""
    mine, theirs = list(first.get(kind) or []), list(second.get(kind) or [])
    paired = bench.pair([item["text"] for item in mine], [item["text"] for item in theirs])
    agreed = {i for i in paired if i is not None}
    return ([item for i, item in enumerate(mine) if i in agreed],
            [item for i, item in enumerate(mine) if i not in agreed]
            + [item for item, i in zip(theirs, paired, strict=True) if i is None])


def build() -> tuple[str, int, int]:
    """adjudicated/test.jsonl's text, the disagreements decided and those kept. SystemExit when a
    disagreement has no decision or a decision no disagreement."""
    decisions: dict[tuple[str, str, str], dict[str, Any]] = {}
    for d in map(json.loads, (HERE / "decisions.jsonl").read_text(encoding="utf-8").splitlines()):
        key = (d["id"], d["kind"], d["text"])
        if key in decisions:
            raise SystemExit(f"{d['id']}: two decisions on {d['kind']} {d['text'][:60]!r}")
        decisions[key] = d
    used: set[tuple[str, str, str]] = set()
    second = second_labels()
    rows, asked, kept = [], 0, 0
    for first in bench.rows("test"):
        row: dict[str, Any] = {"id": first["id"], "file": first["file"]}
        for kind, single in SINGLE.items():
            agreed, alone = split(first, second.get(first["id"], {}), kind)
            for item in alone:
                key = (first["id"], single, item["text"])
                decision = decisions.get(key)
                if decision is None or key in used:
                    raise SystemExit(f"{first['id']}: no decision, or one used twice, on {single} "
                                     f"{item['text'][:50]!r}")
                used.add(key)
                asked += 1
                if decision["decision"] == "yes":
                    kept += 1
                    agreed.append(item)
            row[kind] = agreed
        rows.append(row)
    if used != decisions.keys():
        raise SystemExit(f"{len(decisions) - len(used)} decisions match no disagreement")
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), asked, kept


def main() -> int:
    text, asked, kept = build()
    out = HERE / "test.jsonl"
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}: {text.count(chr(10))} messages; {asked} disagreements decided, {kept} kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
