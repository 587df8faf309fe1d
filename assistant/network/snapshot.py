"""The network as plain JSON, to keep between runs: built once after a sync, read back in a moment
by `contacts`, the digest and replies. Pure.

Everything in a Network is time-independent except how strong each relationship is today: that
is worked out again from each person's counts, last contact and usual rhythm with the `now` of
the reader (network/strength.py), and the people are ordered again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from assistant.models import Event, Item, Person
from assistant.network.build import Network, SeenEvent
from assistant.network.strength import strength_at

FORMAT = 1


def network_to_json(net: Network) -> dict[str, Any]:
    return {"format": FORMAT, "people": [_person_json(p) for p in net.people], "excluded": net.excluded,
            "acquainted": sorted(sorted(pair) for pair in net.acquainted),
            "events": [_event_json(e) for e in net.events], "unproven": list(net.unproven),
            "outdated": net.outdated}


def network_from_json(data: dict[str, Any], now: datetime) -> Network:
    """Raises ValueError (or KeyError/TypeError) on anything that is not a snapshot of this format."""
    if data.get("format") != FORMAT:
        raise ValueError(f"snapshot format {data.get('format')!r}, expected {FORMAT}")
    people = [_aged(_person_from(p), now) for p in data["people"]]
    people.sort(key=lambda p: (-p.strength, p.name.lower()))
    return Network(people, dict(data["excluded"]), frozenset(frozenset(pair) for pair in data["acquainted"]),
                   [_event_from(e) for e in data["events"]], tuple(data["unproven"]), int(data["outdated"]))


def _aged(person: Person, now: datetime) -> Person:
    strength, why = strength_at(person.sent, person.received, person.last_contact, person.rhythm, now, person.weak)
    return replace(person, strength=strength, evidence={**person.evidence, "strength": why})


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _item_json(item: Item) -> dict[str, Any]:
    return {"kind": item.kind, "text": item.text, "date": item.date.isoformat() if item.date else None,
            "message_id": item.message_id, "what": item.what, "qualifiers": list(item.qualifiers),
            "confidential": item.confidential, "done": item.done,
            "confidential_until": item.confidential_until.isoformat() if item.confidential_until else None,
            "score": item.score, "answered_by": item.answered_by, "addressed": item.addressed, "about": item.about}


def _item_from(data: dict[str, Any]) -> Item:
    until = data.get("confidential_until")
    return Item(data["kind"], data["text"], _when(data.get("date")), data["message_id"], data.get("what"),
                tuple(data.get("qualifiers") or ()), bool(data.get("confidential")), data.get("done"),
                date.fromisoformat(until) if until else None, data.get("score"), data.get("answered_by"),
                data.get("addressed", True), data.get("about"))


def _person_json(p: Person) -> dict[str, Any]:
    return {"email": p.email, "emails": list(p.emails), "name": p.name, "organization": p.organization,
            "title": p.title, "phone": p.phone, "city": p.city, "roles": list(p.roles), "topics": list(p.topics),
            "strength": p.strength, "sent": p.sent, "received": p.received,
            "first_contact": p.first_contact.isoformat() if p.first_contact else None,
            "last_contact": p.last_contact.isoformat() if p.last_contact else None,
            "items": [_item_json(i) for i in (*p.asks, *p.offers, *p.news, *p.helped)],
            "weak": p.weak, "evidence": p.evidence, "rhythm": p.rhythm}


def _person_from(d: dict[str, Any]) -> Person:
    items = [_item_from(i) for i in d["items"]]
    kinds = {kind: tuple(i for i in items if i.kind == kind) for kind in ("ask", "offer", "news", "helped")}
    return Person(d["email"], tuple(d["emails"]), d["name"], d["organization"], d["title"], d["phone"], d["city"],
                  tuple(d["roles"]), tuple(d["topics"]), float(d["strength"]), int(d["sent"]), int(d["received"]),
                  _when(d["first_contact"]), _when(d["last_contact"]), kinds["ask"], kinds["offer"], kinds["news"],
                  kinds["helped"], bool(d["weak"]), dict(d["evidence"]), d.get("rhythm"))


def _event_json(e: SeenEvent) -> dict[str, Any]:
    return {"event": {**e.event.to_json(), "source": e.event.source}, "message_id": e.message_id,
            "sender": e.sender, "date": e.date.isoformat() if e.date else None, "subject": e.subject,
            "from_owner": e.from_owner, "bulk": e.bulk}


def _event_from(d: dict[str, Any]) -> SeenEvent:
    event = replace(Event.from_json(d["event"]), source=d["event"].get("source", "ics"))
    return SeenEvent(event, d["message_id"], d["sender"], _when(d["date"]), d["subject"], bool(d["from_owner"]),
                     bool(d["bulk"]))
