"""Mine weakly labeled negative sentences from real personal mail for the understanding heads.

    .venv/bin/python tools/mine_sentences.py --git-dir /work/.mirror/Edgar427+Team22introtoAI/repo \\
        --out tools/data/sentences/weak-enron.jsonl

Networking asks, offers, good news and favours are rare in ordinary mail (a few in a hundred
messages), so the sentences people write in everyday personal mail are, with few exceptions,
none of them. This takes such sentences (the writer's own text, as the assistant reads it) from a
public Enron maildir copy and labels them "none" with source "weak:...", so the heads learn what
real mail looks like, not only the written examples. Messages of any author in the evaluation set
(benchmarks/data/understanding), the evaluation messages themselves, and anything of Kenneth Lay
or Jeffrey Skilling are left out. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.errors import MessageRefused  # noqa: E402
from assistant.models import Owner, StoredMessage  # noqa: E402
from assistant.reading.classify import is_automated, is_bulk  # noqa: E402
from assistant.reading.parse import parse_message  # noqa: E402
from assistant.understanding.candidates import candidate_sentences  # noqa: E402
from assistant.understanding.message import mass_mail  # noqa: E402

EVAL = ROOT / "benchmarks" / "data" / "understanding" / "labels"
RESERVED = re.compile(r"lay-k|skilling-j|kenneth\.lay|klay@|ken\.lay|skilling", re.I)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--git-dir", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--sentences", type=int, default=6000)
    parser.add_argument("--per-message", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    authors, origins = set(), set()
    for path in EVAL.glob("*.jsonl"):
        for line in path.read_text().splitlines():
            row = json.loads(line)
            authors.add(row["author"].lower())
            origins.add(row["origin"].split(":", 1)[1])
    git = ["git", f"--git-dir={args.git_dir}"]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    names = subprocess.run([*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    paths = [p for p in names if p.startswith("maildir/") and "/inbox/" in p and p not in origins
             and not RESERVED.search(p)]
    rng = random.Random(args.seed)
    rng.shuffle(paths)
    out, seen = [], set()
    for path in paths:
        if len(out) >= args.sentences:
            break
        raw = subprocess.run([*git, "show", f"HEAD:{path}"], capture_output=True, check=True).stdout
        if RESERVED.search(raw[:3000].decode("latin-1")):
            continue
        try:
            message = parse_message(raw)
        except MessageRefused:
            continue
        if message.sender is None or message.sender.email in authors or not message.to:
            continue
        reader = Owner(message.to[0].name, message.to[0].email)
        stored = StoredMessage.from_message(message, reader, "inbox:")
        if is_automated(stored.signals) or is_bulk(stored.signals) or mass_mail(stored, reader):
            continue
        picked = [s for s in candidate_sentences(message.reply_text) if s.lower() not in seen]
        for sentence in rng.sample(picked, min(args.per_message, len(picked))):
            seen.add(sentence.lower())
            out.append({"text": sentence, "label": "none", "confidential": False, "what": "", "register": "real",
                        "source": f"weak:enron:Edgar427/Team22introtoAI@{commit}:{path}",
                        "author": message.sender.email})
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out))
    print(f"{len(out)} sentences from {len({r['source'] for r in out})} messages -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
