"""A short, readable summary of ingested mail (what `demo` prints). Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

from assistant.models import Event, StoredMessage


def summarize(records: Iterable[StoredMessage], now: datetime, tz: tzinfo | None = None) -> list[str]:
    """tz: the owner's time zone, for event times (UTC when not given)."""
    kinds: Counter[str] = Counter()
    directions: Counter[str] = Counter()
    refused: list[str] = []
    events: dict[tuple[str, str], Event] = {}
    for r in records:
        if r.refused is not None:
            refused.append(r.refused)
            continue
        kinds[r.kind] += 1
        directions[r.direction] += 1
        start = r.event.start if r.event else None
        if r.event and start and _day(start) >= now.date():
            events[(r.event.title, _day(start).isoformat())] = r.event
    lines = [f"Messages: {sum(kinds.values())} understood ({directions['received']} received, "
             f"{directions['sent']} sent), {len(refused)} refused",
             "By kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common())]
    if events:
        zone = getattr(tz, "key", None) or (str(tz) if tz else "UTC")
        lines += ["", f"Upcoming events found in the mail (times in {zone}):"]
        for _, event in sorted(events.items(), key=lambda kv: kv[0][1]):
            where = f" - {event.location}" if event.location else ""
            start = event.start.astimezone(tz) if tz and isinstance(event.start, datetime) else event.start
            lines.append(f"  {_shown(start)}  {event.title}{where}")
    if refused:
        lines += ["", "Refused (left untouched in the mailbox):"]
        lines += [f"  {reason}" for reason, _ in Counter(refused).most_common()]
    return lines


def _day(when: datetime | date) -> date:
    return when.date() if isinstance(when, datetime) else when


def _shown(when: datetime | date | None) -> str:
    if isinstance(when, datetime):
        return f"{when:%Y-%m-%d %H:%M}"
    return when.isoformat() if when else ""
