"""Frozen value types shared by the pure core and the IO edges."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

KINDS = ("personal", "bulk", "automated", "forwarded", "event")


@dataclass(frozen=True)
class Address:
    """One mailbox: display name (may be empty) and a lower-cased, validated address."""

    name: str
    email: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "email": self.email}


@dataclass(frozen=True)
class Signature:
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    phone: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"name": self.name, "title": self.title,
                "organization": self.organization, "phone": self.phone}


@dataclass(frozen=True)
class Forwarded:
    """The original of a forwarded message, found inline or as a message/rfc822 part."""

    sender: Address | None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    subject: str = ""
    date: str | None = None  # ISO 8601 when it could be read, else the client's own text
    body: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"from": self.sender.to_json() if self.sender else None,
                "to": [a.to_json() for a in self.to], "cc": [a.to_json() for a in self.cc],
                "subject": self.subject, "date": self.date, "body": self.body}


@dataclass(frozen=True)
class Event:
    title: str
    start: datetime | date | None = None  # aware UTC datetime; a date for all-day events
    end: datetime | date | None = None  # all-day: the last day, inclusive
    location: str | None = None
    url: str | None = None
    source: str = "ics"  # "ics" or "text"

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None,
                "location": self.location, "url": self.url}


@dataclass(frozen=True)
class Message:
    """What the assistant understood of one email."""

    message_id: str
    sender: Address | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    subject: str
    date: datetime | None  # aware, UTC
    kind: str
    reply_text: str
    signature: Signature | None
    forwarded: Forwarded | None
    event: Event | None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    reply_to: tuple[Address, ...] = ()
    bulk_signals: tuple[str, ...] = ()  # why it is bulk/automated: "list-id", "auto-submitted", ...
    size: int = 0
    truncated: bool = False  # over the size cap: headers only
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "message_id": self.message_id,
            "kind": self.kind,
            "from": self.sender.to_json() if self.sender else None,
            "to": [a.to_json() for a in self.to],
            "cc": [a.to_json() for a in self.cc],
            "subject": self.subject,
            "date": self.date.isoformat() if self.date else None,
            "reply_text": self.reply_text,
            "signature": self.signature.to_json() if self.signature else None,
            "forwarded": self.forwarded.to_json() if self.forwarded else None,
            "event": self.event.to_json() if self.event else None,
        }
