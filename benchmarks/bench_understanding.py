"""Benchmark: how well the assistant understands real mail nobody here wrote. Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_understanding.py            # both splits
    .venv/bin/python benchmarks/bench_understanding.py --split dev --errors         # what dev gets wrong
    .venv/bin/python benchmarks/bench_understanding.py --json results.json         # the figures as JSON

The evaluation set (benchmarks/data/understanding/, see its README.md) is real public mail labeled
per message by helpers who never saw the extraction rules: asks, offers, news and help given, each
with its sentence and `what`. For each kind and split it prints precision, recall and F1 with 95%
Wilson intervals and the counts. A finding matches a label when it is for the same message and
kind and its sentence overlaps the labeled one (most of the shorter one's words); each label is
matched once. `what` is scored apart, on matched pairs. A kind with no findings has precision 0.

The test split is frozen: its SHA-256 is in data/understanding/test.sha256 and the script says
when it no longer matches. Errors are listed for dev only: test is never looked at to tune rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.jobs.commands import reader_of  # noqa: E402
from assistant.models import FINDING_KINDS as KINDS  # noqa: E402
from assistant.models import StoredMessage  # noqa: E402
from assistant.reading.parse import parse_message  # noqa: E402
from assistant.understanding.message import understand  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "understanding"
SPLITS = ("dev", "test")
OVERLAP = 0.6  # share of the shorter sentence's words the other must hold to match
_WORD = re.compile(r"[^\W_]+(?:'[a-z]+)?", re.I)


def rows(split: str | None = None) -> list[dict[str, Any]]:
    found = []
    for path in sorted((DATA / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if split is None or row["split"] == split:
                    found.append(row)
    return found


def test_digest() -> str:
    """SHA-256 over the test rows (sorted by id) and the bytes of their messages."""
    digest = hashlib.sha256()
    for row in sorted(rows("test"), key=lambda r: r["id"]):
        digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode())
        digest.update((DATA / row["file"]).read_bytes())
    return digest.hexdigest()


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def same_what(found: str | None, labeled: str) -> bool:
    if not found or not labeled:
        return False
    return overlap(found, labeled) >= 0.5 or found.lower() in labeled.lower() or labeled.lower() in found.lower()


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    if total == 0:
        return 0.0, 0.0
    p = successes / total
    centre = p + z * z / (2 * total)
    margin = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    denominator = 1 + z * z / total
    return max(0.0, (centre - margin) / denominator), min(1.0, (centre + margin) / denominator)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    what_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "precision_ci": [round(x, 3) for x in wilson(self.tp, self.tp + self.fp)],
                "recall": round(self.recall, 3), "recall_ci": [round(x, 3) for x in wilson(self.tp, self.tp + self.fn)],
                "f1": round(self.f1, 3), "what_agreement": round(self.what_right / self.tp, 3) if self.tp else None}


@dataclass
class Secrecy:
    """Of the news found that matches a labeled piece of news: how its `confidential` compares."""
    kept: int = 0  # labeled confidential, read as confidential
    missed: int = 0  # labeled confidential, read as shareable: the mistake that leaks
    withheld: int = 0  # labeled shareable, read as confidential: a story idea lost
    shared: int = 0  # labeled shareable, read as shareable

    def add(self, labels: list[dict[str, Any]], found: list[Any]) -> None:
        """found: the news found, paired with the labels as the scores pair them (each label once)."""
        for item, best in zip(found, pair([label["text"] for label in labels], [f.text for f in found]),
                              strict=True):
            if best is None:
                continue
            secret = bool(labels[best].get("confidential"))
            if secret:
                self.kept += item.confidential
                self.missed += not item.confidential
            else:
                self.withheld += item.confidential
                self.shared += not item.confidential

    def to_json(self) -> dict[str, int]:
        return {"kept": self.kept, "missed": self.missed, "withheld": self.withheld, "shared": self.shared}


def evaluate(split: str, show_errors: bool, model: Any = None) -> tuple[dict[str, Score], Secrecy, float, int]:
    scores = {kind: Score() for kind in KINDS}
    secrecy = Secrecy()
    spent, count = 0.0, 0
    for row in rows(split):
        raw = (DATA / row["file"]).read_bytes()
        started = time.perf_counter()
        message = parse_message(raw)
        owner = reader_of(message)  # as `inspect` reads a lone file
        found = understand(StoredMessage.from_message(message, owner, "inbox:"), owner, model=model)
        spent += time.perf_counter() - started
        count += 1
        for kind in KINDS:
            _match(row, kind, [(f.text, f.what) for f in getattr(found, kind)], scores[kind], show_errors)
        secrecy.add(list(row.get("news") or []), list(found.news))
    return scores, secrecy, spent, count


def pair(labels: list[str], found: list[str]) -> list[int | None]:
    """For each found sentence, in order, the index of the label it matches (None: none): the
    unmatched label it overlaps most, when that overlap reaches OVERLAP; each label matched once."""
    unmatched = list(range(len(labels)))
    out: list[int | None] = []
    for text in found:
        best = max(unmatched, key=lambda i: overlap(text, labels[i]), default=None)
        if best is not None and overlap(text, labels[best]) >= OVERLAP:
            unmatched.remove(best)
            out.append(best)
        else:
            out.append(None)
    return out


def _match(row: dict[str, Any], kind: str, found: list[tuple[str, str | None]], score: Score,
           show_errors: bool) -> None:
    labels = list(row.get(kind) or [])
    unmatched = set(range(len(labels)))
    for (text, what), best in zip(found, pair([label["text"] for label in labels], [t for t, _ in found]),
                                  strict=True):
        if best is not None:
            unmatched.discard(best)
            score.tp += 1
            if same_what(what, labels[best].get("what", "")):
                score.what_right += 1
            elif show_errors:
                score.errors.append(f"  what  {row['id']}: found {what!r}, labeled {labels[best].get('what')!r}")
        else:
            score.fp += 1
            if show_errors:
                score.errors.append(f"  FP    {row['id']} [{row.get('category')}]: {text[:150]!r} -> {what!r}")
    score.fn += len(unmatched)
    if show_errors:
        for i in sorted(unmatched):
            score.errors.append(f"  FN    {row['id']}: {labels[i]['text'][:150]!r} ({labels[i].get('what')!r})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list false positives and misses (dev only)")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the figures as JSON")
    parser.add_argument("--understanding", choices=("model", "rules"), default="model",
                        help="the sentence model with the patterns (the default, as the assistant runs), "
                             "or the cue patterns alone")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    model = None
    if args.understanding == "model":
        from assistant.jobs.understanding import load_model

        model = load_model()
    expected = (DATA / "test.sha256").read_text().split()[0] if (DATA / "test.sha256").exists() else None
    digest = test_digest()
    frozen = "matches test.sha256" if digest == expected else "DOES NOT MATCH test.sha256: the frozen split changed"
    print(f"understanding benchmark: {len(rows())} labeled messages; test split {frozen}")
    how = f"sentence model {model.encoder.name}, heads {model.version}" if model else "cue patterns alone"
    print(f"understanding: {how}")
    results: dict[str, Any] = {"test_sha256": digest, "understanding": model.version if model else "rules"}
    for split in (SPLITS if args.split == "both" else (args.split,)):
        show = args.errors and split == "dev"
        scores, secrecy, spent, count = evaluate(split, show, model)
        results[split] = {kind: s.to_json() for kind, s in scores.items()}
        print(f"\n{split}: {count} messages, {1000 * spent / max(count, 1):.1f} ms each to parse and understand")
        print(f"  {'kind':7s} {'precision':>20s} {'recall':>20s} {'F1':>6s} {'TP':>4s} {'FP':>4s} {'FN':>4s} "
              f"{'what':>6s}")
        for kind, s in scores.items():
            pl, ph = wilson(s.tp, s.tp + s.fp)
            rl, rh = wilson(s.tp, s.tp + s.fn)
            what = f"{s.what_right / s.tp:.2f}" if s.tp else "-"
            print(f"  {kind:7s} {s.precision:6.2f} [{pl:.2f}, {ph:.2f}]    {s.recall:6.2f} [{rl:.2f}, {rh:.2f}]   "
                  f"{s.f1:6.2f} {s.tp:4d} {s.fp:4d} {s.fn:4d} {what:>6s}")
        results[split]["confidential"] = secrecy.to_json()
        print(f"  news found and labeled: of {secrecy.kept + secrecy.missed} labeled confidential, "
              f"{secrecy.kept} read as confidential; of {secrecy.withheld + secrecy.shared} labeled shareable, "
              f"{secrecy.withheld} withheld as confidential")
        if args.errors and split == "test":
            print("  (errors on test are not listed: it is never used to tune the rules)")
        for kind, s in scores.items():
            if s.errors:
                print(f"\n  {split} {kind}:")
                print("\n".join(s.errors))
    if model is not None:
        languages = _multilingual(model)
        if languages:
            results["multilingual"] = languages
            print("\nother languages (tools/data/sentences/multilingual.jsonl, helper-written, each sentence alone; "
                  "no bar yet):")
            for lang, figures in languages.items():
                print(f"  {lang}: asks found {figures['asks_found']} of {figures['asks']} "
                      f"(recall {figures['recall']:.2f}); {figures['false_asks']} of {figures['negatives']} "
                      "other sentences read as asks")
    requests = _requests(model)
    if requests:
        results["requests"] = requests
        print(f"\ntask requests (EmailIntentDataSet, not networking asks): {requests['asks_found_in_tasks']} of "
              f"{requests['tasks']} read as asks ({requests['false_ask_rate']:.1%})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


def _multilingual(model: Any) -> dict[str, dict[str, Any]]:
    """Recall of asks written in Spanish, German and French (issue: not English only)."""
    from assistant.understanding.model import model_findings

    path = ROOT / "tools" / "data" / "sentences" / "multilingual.jsonl"
    if not path.exists():
        return {}
    out: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        figures = out.setdefault(row["lang"], {"asks": 0, "asks_found": 0, "negatives": 0, "false_asks": 0})
        said = any(f.kind == "ask" for f in model_findings(row["text"], [], model))
        if row["label"] == "ask":
            figures["asks"] += 1
            figures["asks_found"] += said
        else:
            figures["negatives"] += 1
            figures["false_asks"] += said
    for figures in out.values():
        figures["recall"] = round(figures["asks_found"] / figures["asks"], 3) if figures["asks"] else 0.0
    return out


def _requests(model: Any = None) -> dict[str, Any] | None:
    """Sentences labeled as task requests: each one read as an ask is a false ask."""
    path = DATA / "requests" / "requests.jsonl"
    if not path.exists():
        return None
    from assistant.understanding.asks import find_asks
    from assistant.understanding.model import model_findings

    tasks = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    tasks = [t for t in tasks if t["label"] == "task"]
    if model is not None:
        wrong = sum(1 for t in tasks if any(f.kind == "ask" for f in model_findings(t["text"], find_asks(t["text"]),
                                                                                    model)))
    else:
        wrong = sum(1 for t in tasks if find_asks(t["text"]))
    return {"tasks": len(tasks), "asks_found_in_tasks": wrong, "false_ask_rate": wrong / len(tasks) if tasks else 0}


if __name__ == "__main__":
    raise SystemExit(main())
