"""A short, readable summary of ingested mail (what `demo` prints). Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import Any


def summarize(records: Iterable[dict[str, Any]], now: datetime) -> list[str]:
    kinds: Counter[str] = Counter()
    directions: Counter[str] = Counter()
    refused: list[str] = []
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for r in records:
        if "refused" in r:
            refused.append(r["refused"])
            continue
        kinds[r["kind"]] += 1
        directions[r["direction"]] += 1
        event = r.get("event")
        if event and event.get("start") and event["start"] >= now.isoformat()[:10]:
            events[(event["title"], event["start"][:10])] = event
    lines = [f"Messages: {sum(kinds.values())} understood ({directions['received']} received, "
             f"{directions['sent']} sent), {len(refused)} refused",
             "By kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common())]
    if events:
        lines += ["", "Upcoming events found in the mail (times in UTC):"]
        for _, event in sorted(events.items(), key=lambda kv: kv[0][1]):
            where = f" - {event['location']}" if event.get("location") else ""
            lines.append(f"  {event['start'][:16].replace('T', ' ')}  {event['title']}{where}")
    if refused:
        lines += ["", "Refused (left untouched in the mailbox):"]
        lines += [f"  {reason}" for reason, _ in Counter(refused).most_common()]
    return lines
