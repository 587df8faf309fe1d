"""Build a pool of real sentences for people to label (training data for the understanding heads).

    .venv/bin/python tools/label_pool.py --source fauci --messages 300 --out /tmp/pool-fauci.jsonl
    .venv/bin/python tools/label_pool.py --source clinton --messages 400 --out /tmp/pool-clinton.jsonl
    .venv/bin/python tools/label_pool.py --source enron --messages 400 --out /tmp/pool-enron.jsonl

Whole messages, not single sentences: every candidate sentence of a chosen message's own text
(as the assistant reads it: quotes, forwards and signatures gone) is one row, with the message's
own text as context, so the labels hold the hard negatives that sit beside real asks and news.
Messages are chosen half by the current heads (a sentence scoring >= 0.3 for some kind) and half at
random among personal mail, with a fixed seed. Left out, before anything is read: every message
of an evaluation-set author (benchmarks/data/understanding, dev and test), every document or
message an evaluation message came from, sentences that occur in evaluation messages, and
anything of Kenneth Lay or Jeffrey Skilling. Sources are public records (see
tools/data/sentences/SOURCES.md): the Enron maildir copy of Edgar427/Team22introtoAI, the State
Department's FOIA release of Hillary Clinton's email (datahoarder/secretary-clinton-email-dump) and
the NIH FOIA release of Anthony Fauci's email (nveldt/fauci-email).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from email.utils import formataddr
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.errors import MessageRefused  # noqa: E402
from assistant.models import Owner, StoredMessage  # noqa: E402
from assistant.reading.classify import is_automated, is_bulk  # noqa: E402
from assistant.reading.parse import parse_message  # noqa: E402
from assistant.resources.encoder import load_encoder  # noqa: E402
from assistant.understanding.candidates import candidate_sentences  # noqa: E402
from assistant.understanding.heads import Heads, cue_features  # noqa: E402
from assistant.understanding.message import mass_mail  # noqa: E402

MIRROR = Path("/work/.mirror")
GITS = {"enron": ("Edgar427+Team22introtoAI", "a1331d1274cf82211adb475641fe1a07a629c19f"),
        "clinton": ("datahoarder+secretary-clinton-email-dump", "3a745b81c168126bfeca20ce2b22bfd7de101296"),
        "fauci": ("nveldt+fauci-email", "c5aff5533264b2e959215f5d9474de07e3f9fa93")}
EVAL = ROOT / "benchmarks" / "data" / "understanding"
RESERVED = re.compile(r"lay-k|skilling-j|kenneth\.lay|klay@|ken\.lay|skilling|kenneth lay|\bken lay\b", re.I)
PER_MESSAGE = 14


def git(source: str, *args: str) -> bytes:
    folder, _ = GITS[source]
    repo = MIRROR / folder / "repo"
    repo = repo / ".git" if (repo / ".git").is_dir() else repo
    return subprocess.run(["git", f"--git-dir={repo}", *args], capture_output=True, check=True).stdout


def evaluation() -> tuple[set[str], set[str], str]:
    """Authors (addresses and names), origins (paths, documents), and all evaluation text."""
    authors, origins, texts = set(), set(), []
    for path in (EVAL / "labels").glob("*.jsonl"):
        for line in path.read_text().splitlines():
            row = json.loads(line)
            authors.add(row["author"].lower().strip())
            origin = row["origin"].split(":", 1)[1] if ":" in row["origin"] else row["origin"]
            origins.add(origin.split("#")[0])
            texts.append((EVAL / row["file"]).read_text(errors="replace"))
    return authors, origins, " ".join(" ".join(texts).split()).lower()


def _name(value: str) -> str:
    value = re.sub(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|[^\w\s,.'-]", " ", value).strip(" '\"")
    if "," in value:
        last, first = value.split(",", 1)
        value = f"{first.split()[0] if first.split() else ''} {last}"
    return " ".join(value.lower().split())


def _local(name: str) -> str:
    return ".".join(re.findall(r"[a-z0-9]+", name.encode("ascii", "ignore").decode())) or "someone"


def enron_messages(rng: random.Random, authors: set[str], origins: set[str]) -> Iterator[tuple[str, bytes]]:
    names = git("enron", "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    paths = [p for p in names if p.startswith("maildir/") and "/inbox/" in p and p not in origins
             and not RESERVED.search(p)]
    rng.shuffle(paths)
    for path in paths:
        raw = git("enron", "show", f"HEAD:{path}")
        head = raw[:4000].decode("latin-1")
        sender = re.search(r"^From:\s*(\S+)", head, re.M)
        if RESERVED.search(head) or (sender and sender.group(1).lower() in authors):
            continue
        yield f"enron:Edgar427/Team22introtoAI@{GITS['enron'][1]}:{path}", raw


_HEADER = re.compile(r"^\s*From:\s*(?P<from>.*)\n(?:.*\n){0,3}?\s*(?:Sent|Date):\s*(?P<date>.*)\n"
                     r"(?P<rest>(?:.*\n){0,8}?)\s*Subject:\s*(?P<subject>.*)\n", re.M)
_BANNER = re.compile(r"^.*(?:UNCLASSIFIED U\.S\. Department of State|RELEASE IN (?:PART|FULL)|Classified by|"
                     r"Declassify on|This email is UNCLASSIFIED|^\s*SBU\s*$).*$|"
                     r"^\s*(?:B\d|1\.4\([A-D]\))[\s,B\d.()A-D]*$", re.M)


def clinton_messages(rng: random.Random, authors: set[str], origins: set[str]) -> Iterator[tuple[str, bytes]]:
    names = [p for p in git("clinton", "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
             if p.startswith("data/docs/text/") and p.endswith(".txt") and p not in origins]
    rng.shuffle(names)
    for path in names:
        text = _BANNER.sub("", git("clinton", "show", f"HEAD:{path}").decode("utf-8", "replace"))
        if RESERVED.search(text):
            continue
        heads = list(_HEADER.finditer(text))
        for k, m in enumerate(heads):
            end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
            body = re.split(r"^\s*-*\s*Original Message\s*-*\s*$", text[m.end():end], flags=re.M)[0]
            sender = _name(m.group("from"))
            if not sender or sender in authors or len(body.split()) < 8:
                continue
            mail = (f"From: {formataddr((sender.title(), _local(sender) + '@unknown.invalid'))}\n"
                    f"To: Reader <reader@unknown.invalid>\nSubject: {m.group('subject').strip()}\n\n{body}")
            yield f"clinton:datahoarder/secretary-clinton-email-dump@{GITS['clinton'][1]}:{path}#message{k}", \
                mail.encode()


def fauci_messages(rng: random.Random, authors: set[str], origins: set[str]) -> Iterator[tuple[str, bytes]]:
    data = json.loads(git("fauci", "show", "HEAD:fauci-email-data.json"))
    names = data["names"]
    refs = [(t, i) for t, thread in enumerate(data["emails"]) for i in range(len(thread))]
    used = {o for o in origins if o.startswith("fauci")}
    rng.shuffle(refs)
    for t, i in refs:
        email = data["emails"][t][i]
        sender = _name(names[email["sender"]])
        if sender in authors or f"fauci-email-data.json#emails[{t}][{i}]" in used or RESERVED.search(email["body"]):
            continue
        to = [_name(names[r]) for r in email["recipients"]][:20]
        mail = (f"From: {formataddr((sender.title(), _local(sender) + '@unknown.invalid'))}\n"
                f"To: {', '.join(formataddr((n.title(), _local(n) + '@unknown.invalid')) for n in to)}\n"
                f"Subject: {email['subject']}\n\n{email['body']}")
        yield f"fauci:nveldt/fauci-email@{GITS['fauci'][1]}:fauci-email-data.json#emails[{t}][{i}]", mail.encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", choices=tuple(GITS), required=True)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--scan", type=int, default=6000, help="messages read to choose from")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--skip", type=Path, nargs="*", default=[], help="pools already made (their messages)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    rng = random.Random(args.seed)
    authors, origins, eval_text = evaluation()
    taken = {json.loads(line)["source"] for p in args.skip for line in p.read_text().splitlines()}
    reader = {"enron": enron_messages, "clinton": clinton_messages, "fauci": fauci_messages}[args.source]
    found: list[tuple[str, str, str, str, list[str]]] = []
    for n, (origin, raw) in enumerate(reader(rng, authors, origins)):
        if n >= args.scan:
            break
        if origin in taken:
            continue
        try:
            m = parse_message(raw)
        except MessageRefused:
            continue
        if m.sender is None or not m.to:
            continue
        owner = Owner(m.to[0].name, m.to[0].email)
        stored = StoredMessage.from_message(m, owner, "inbox:")
        if is_automated(stored.signals) or is_bulk(stored.signals):
            continue
        own = m.reply_text.strip()
        sentences = [s for s in candidate_sentences(own) if " ".join(s.lower().split()) not in eval_text]
        if sentences and not mass_mail(stored, owner):
            found.append((origin, m.sender.email, m.subject or "", own[:2500], sentences[:PER_MESSAGE]))
    encoder = load_encoder()
    heads = Heads.from_json(json.loads((ROOT / "assistant" / "resources" / "heads.json").read_text()))
    flat = [s for *_, ss in found for s in ss]
    features = encoder.read(flat)[1]
    scores = heads.probabilities(features, cue_features([[] for _ in flat]), flat)[:, 1:].max(axis=1)
    best, at = [], 0
    for *_, ss in found:
        best.append(float(scores[at:at + len(ss)].max()))
        at += len(ss)
    likely = [i for i in np.argsort(best)[::-1] if best[i] >= 0.3]
    rest = [i for i in range(len(found)) if i not in set(likely)]
    rng.shuffle(rest)
    half = args.messages // 2
    chosen = likely[:half] + rest[:args.messages - min(half, len(likely))]
    rng.shuffle(chosen)
    rows = []
    for i in chosen:
        origin, author, subject, own, ss = found[i]
        for s in ss:
            rows.append({"n": len(rows) + 1, "text": s, "subject": subject, "context": own, "source": origin,
                         "author": author})
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"{args.source}: {len(found)} personal messages read, {len(chosen)} chosen ({min(half, len(likely))} "
          f"by the heads), {len(rows)} sentences -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
