"""A short, readable summary of ingested mail (what `demo` prints). Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import Any


def summarize(records: Iterable[dict[str, Any]], identities: frozenset[str], now: datetime,
              top: int = 8) -> list[str]:
    kinds: Counter[str] = Counter()
    directions: Counter[str] = Counter()
    people: Counter[str] = Counter()
    names: dict[str, str] = {}
    refused: list[str] = []
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for r in records:
        if "refused" in r:
            refused.append(r["refused"])
            continue
        kinds[r["kind"]] += 1
        directions[r["direction"]] += 1
        if r["kind"] in ("personal", "forwarded", "event") or r["direction"] == "sent":
            for who in _counterparts(r, identities):
                people[who["email"]] += 1
                if who.get("name"):
                    names[who["email"]] = who["name"]
        event = r.get("event")
        if event and event.get("start") and event["start"] >= now.isoformat()[:10]:
            events[(event["title"], event["start"][:10])] = event
    lines = [f"Messages: {sum(kinds.values())} understood ({directions['received']} received, "
             f"{directions['sent']} sent), {len(refused)} refused",
             "By kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common())]
    if people:
        lines += ["", "People you exchange the most mail with:"]
        lines += [f"  {n:3d}  {names.get(e, '')} <{e}>".replace("   <", " <") for e, n in people.most_common(top)]
    if events:
        lines += ["", "Upcoming events found in the mail:"]
        for _, event in sorted(events.items(), key=lambda kv: kv[0][1]):
            where = f" - {event['location']}" if event.get("location") else ""
            lines.append(f"  {event['start'][:16].replace('T', ' ')}  {event['title']}{where}")
    if refused:
        lines += ["", "Refused (left untouched in the mailbox):"]
        lines += [f"  {reason}" for reason, _ in Counter(refused).most_common()]
    return lines


def _counterparts(record: dict[str, Any], identities: frozenset[str]) -> list[dict[str, str]]:
    if record["direction"] == "sent":
        return [a for a in record["to"] + record["cc"] if a["email"] not in identities]
    sender = record.get("from")
    return [sender] if sender and sender["email"] not in identities else []
