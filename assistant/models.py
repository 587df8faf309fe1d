"""Frozen value types shared by the pure core and the IO edges."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

Day = date  # a calendar day (Item has a field named `date`)
KINDS = ("personal", "bulk", "automated", "forwarded", "event")


@dataclass(frozen=True)
class Owner:
    """Whose mailbox this is: every address of theirs counts as them."""

    name: str
    email: str
    aliases: tuple[str, ...] = ()
    delegates: tuple[str, ...] = ()  # an assistant's addresses: their mail for the owner is the owner's

    @property
    def identities(self) -> frozenset[str]:
        return frozenset((self.email, *self.aliases, *self.delegates))

    @property
    def names(self) -> tuple[str, ...]:
        """How others address the owner: the full name and the first name."""
        return tuple(n for n in (self.name, *self.name.split()[:1]) if n)


@dataclass(frozen=True)
class Address:
    """One mailbox: display name (may be empty) and a lower-cased, validated address."""

    name: str
    email: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "email": self.email}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Address:
        return cls(data.get("name") or "", data["email"])


@dataclass(frozen=True)
class Signature:
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    phone: str | None = None
    city: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"name": self.name, "title": self.title,
                "organization": self.organization, "phone": self.phone, "city": self.city}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Signature:
        return cls(data.get("name"), data.get("title"), data.get("organization"), data.get("phone"),
                   data.get("city"))


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Forwarded:
        sender = data.get("from")
        return cls(Address.from_json(sender) if sender else None, _addresses(data.get("to")),
                   _addresses(data.get("cc")), data.get("subject") or "", data.get("date"), data.get("body") or "")


@dataclass(frozen=True)
class Quoted:
    """The writer of the topmost message a reply quotes, and when they wrote it (ISO 8601 as the quote
    gives it, None when it gives none that reads): the owner's replies keep proof of notes the mailbox
    may no longer hold."""

    sender: Address
    date: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"from": self.sender.to_json(), "date": self.date}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quoted:
        return cls(Address.from_json(data["from"]), data.get("date"))


@dataclass(frozen=True)
class Event:
    title: str
    start: datetime | date | None = None  # aware UTC datetime; a date for all-day events
    end: datetime | date | None = None  # all-day: the last day, inclusive
    location: str | None = None
    url: str | None = None
    source: str = "ics"  # "ics" or "text"
    uid: str | None = None  # a calendar event's UID: a later cancellation names it

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None,
                "location": self.location, "url": self.url, **({"uid": self.uid} if self.uid else {})}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        return cls(data.get("title") or "", _when(data.get("start")), _when(data.get("end")), data.get("location"),
                   data.get("url"), uid=data.get("uid"))


@dataclass(frozen=True)
class AuthResult:
    """One Authentication-Results field: who wrote it, and the DMARC and DKIM verdicts in it."""

    authserv_id: str
    dmarc: str | None = None  # pass | fail | none | ...
    dmarc_from: str | None = None  # the header.from domain DMARC evaluated
    dkim: tuple[tuple[str, str], ...] = ()  # (result, signing domain)

    def passes_for(self, domain: str) -> bool:
        """DMARC passed for domain, or a DKIM signature aligned with it (same or parent domain) passed."""
        domain = domain.lower()
        if self.dmarc == "pass" and (self.dmarc_from is None or self.dmarc_from == domain):
            return True
        return any(result == "pass" and signer and (domain == signer or domain.endswith("." + signer))
                   for result, signer in self.dkim)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.authserv_id, "dmarc": self.dmarc, "dmarc_from": self.dmarc_from,
                "dkim": [list(d) for d in self.dkim]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuthResult:
        return cls(data["id"], data.get("dmarc"), data.get("dmarc_from"),
                   tuple((str(r), str(d)) for r, d in data.get("dkim") or ()))


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
    auth: tuple[AuthResult, ...] = ()  # Authentication-Results fields, topmost first
    labels: tuple[str, ...] = ()  # X-Gmail-Labels (the topmost field), as a Gmail Takeout mbox has them
    cancels: tuple[str, ...] = ()  # UIDs of calendar events this message cancels
    returned: tuple[str, ...] = ()  # a delivery report: Message-IDs of the mail it returns
    quoted: Quoted | None = None  # who wrote the message this one quotes, and when
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


@dataclass(frozen=True)
class Found:
    kind: str  # "ask" | "offer" | "news" | "helped"
    text: str  # the sentence it came from (trimmed, one line)
    what: str | None  # a taxonomy label, or a short phrase (news, or an ask the taxonomy cannot name)
    qualifiers: tuple[str, ...] = ()
    confidential: bool = False
    about: str | None = None  # news: "self" | "organization" | a name; helped: who was introduced/referred
    until: date | None = None  # confidential news: the first day it may be shared, when the message names one
    score: float | None = None  # the sentence model's probability for this kind (None: found by the patterns alone)


FINDING_KINDS = ("asks", "offers", "news", "helped")
KIND_OF = {"ask": "asks", "offer": "offers", "news": "news", "helped": "helped"}


@dataclass(frozen=True)
class Findings:
    asks: tuple[Found, ...] = ()
    offers: tuple[Found, ...] = ()
    news: tuple[Found, ...] = ()
    helped: tuple[Found, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (role, the words that show it) the writer claims
    topics: tuple[str, ...] = ()  # industries and topics the writer writes about
    introduces: bool = False  # the owner's own message introduces people to each other
    version: str = ""  # which extractor found them (understanding.message.extractor_version)
    greets: str | None = None  # the owner's own note to one person: the name it greets them by ("Connie")

    def all(self) -> tuple[Found, ...]:
        return (*self.asks, *self.offers, *self.news, *self.helped)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"v": self.version}
        for kind in FINDING_KINDS:
            items = getattr(self, kind)
            if items:
                out[kind] = [_found_json(f) for f in items]
        if self.roles:
            out["roles"] = [list(r) for r in self.roles]
        if self.topics:
            out["topics"] = list(self.topics)
        if self.introduces:
            out["introduces"] = True
        if self.greets:
            out["greets"] = self.greets
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Findings:
        asks, offers, news, helped = (tuple(_found_from(kind, f) for f in data.get(kind) or ())
                                      for kind in FINDING_KINDS)
        return cls(asks, offers, news, helped, tuple((str(r), str(w)) for r, w in data.get("roles") or ()),
                   tuple(data.get("topics") or ()), bool(data.get("introduces")), str(data.get("v", "")),
                   str(data["greets"]) if data.get("greets") else None)


def _found_json(found: Found) -> dict[str, Any]:
    out: dict[str, Any] = {"text": found.text, "what": found.what}
    if found.qualifiers:
        out["q"] = list(found.qualifiers)
    if found.kind == "news":
        out["confidential"] = found.confidential
        if found.until:
            out["until"] = found.until.isoformat()
    if found.about:
        out["about"] = found.about
    if found.score is not None:
        out["s"] = found.score
    return out


def _found_from(kind: str, data: dict[str, Any]) -> Found:
    single = {"asks": "ask", "offers": "offer", "news": "news", "helped": "helped"}[kind]
    until = data.get("until")
    return Found(single, data["text"], data.get("what"), tuple(data.get("q") or ()), bool(data.get("confidential")),
                 data.get("about"), date.fromisoformat(until) if until else None,
                 float(data["s"]) if data.get("s") is not None else None)


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """One message as the store keeps it: what it said and to whom, not its whole body.

    A message the parser refused keeps only its id, folder, size and the reason (`refused`).
    """

    message_id: str
    folder: str = ""
    size: int = 0
    refused: str | None = None
    kind: str = ""
    sender: Address | None = None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    subject: str = ""
    date: datetime | None = None  # aware, UTC
    reply_text: str = ""
    signature: Signature | None = None
    forwarded: Forwarded | None = None
    event: Event | None = None
    direction: str = "received"  # as decided at ingest; the network decides again from today's aliases
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    truncated: bool = False
    auth: tuple[AuthResult, ...] = ()
    labels: tuple[str, ...] = ()  # kept only from sources whose labels the provider wrote (Takeout mbox)
    headers_only: str | None = None  # why only the headers were read, when it was not the size or age
    cancels: tuple[str, ...] = ()  # UIDs of calendar events this message cancels
    returned: tuple[str, ...] = ()  # a delivery report: Message-IDs of the mail it returns
    findings: Findings | None = None  # what the writer says of themselves (None: not understood yet)
    quoted: Quoted | None = None  # who wrote the message this one quotes, and when (None: none, or read before)

    @classmethod
    def from_message(cls, message: Message, owner: Owner, folder: str, *,
                     trust_labels: bool = False) -> StoredMessage:
        sender = message.sender.email if message.sender else ""
        return cls(message.message_id, folder, message.size, None, message.kind, message.sender, message.to,
                   message.cc, message.reply_to, message.subject, message.date, message.reply_text,
                   message.signature, message.forwarded, message.event,
                   "sent" if sender in owner.identities else "received", message.in_reply_to, message.references,
                   message.bulk_signals, message.truncated, message.auth, message.labels if trust_labels else (),
                   cancels=message.cancels, returned=message.returned, quoted=message.quoted)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoredMessage:
        if "refused" in data:
            return cls(data["message_id"], data.get("folder", ""), data.get("size") or 0, data["refused"])
        sender, signature = data.get("from"), data.get("signature")
        forwarded, event, date = data.get("forwarded"), data.get("event"), data.get("date")
        return cls(
            message_id=data["message_id"], folder=data.get("folder", ""), size=data.get("size") or 0,
            kind=data.get("kind", ""), sender=Address.from_json(sender) if sender else None,
            to=_addresses(data.get("to")), cc=_addresses(data.get("cc")), reply_to=_addresses(data.get("reply_to")),
            subject=data.get("subject") or "", date=_datetime(date), reply_text=data.get("reply_text") or "",
            signature=Signature.from_json(signature) if signature else None,
            forwarded=Forwarded.from_json(forwarded) if forwarded else None,
            event=Event.from_json(event) if event else None, direction=data.get("direction", "received"),
            in_reply_to=data.get("in_reply_to"), references=tuple(data.get("references") or ()),
            signals=tuple(data.get("signals") or ()), truncated=bool(data.get("truncated")),
            auth=tuple(AuthResult.from_json(a) for a in data.get("auth") or ()),
            labels=tuple(data.get("labels") or ()), headers_only=data.get("headers_only"),
            cancels=tuple(data.get("cancels") or ()), returned=tuple(data.get("returned") or ()),
            findings=Findings.from_json(data["findings"]) if data.get("findings") else None,
            quoted=Quoted.from_json(data["quoted"]) if data.get("quoted") else None)

    def to_json(self) -> dict[str, Any]:
        if self.refused is not None:
            return {"message_id": self.message_id, "folder": self.folder, "refused": self.refused, "size": self.size}
        return {
            "message_id": self.message_id, "kind": self.kind,
            "from": self.sender.to_json() if self.sender else None,
            "to": [a.to_json() for a in self.to], "cc": [a.to_json() for a in self.cc],
            "subject": self.subject, "date": self.date.isoformat() if self.date else None,
            "reply_text": self.reply_text,
            "signature": self.signature.to_json() if self.signature else None,
            "forwarded": self.forwarded.to_json() if self.forwarded else None,
            "event": self.event.to_json() if self.event else None,
            "direction": self.direction, "folder": self.folder, "in_reply_to": self.in_reply_to,
            "references": list(self.references), "reply_to": [a.to_json() for a in self.reply_to],
            "signals": list(self.signals), "size": self.size, "truncated": self.truncated,
            **({"auth": [a.to_json() for a in self.auth]} if self.auth else {}),
            **({"labels": list(self.labels)} if self.labels else {}),
            **({"headers_only": self.headers_only} if self.headers_only else {}),
            **({"cancels": list(self.cancels)} if self.cancels else {}),
            **({"returned": list(self.returned)} if self.returned else {}),
            **({"findings": self.findings.to_json()} if self.findings is not None else {}),
            **({"quoted": self.quoted.to_json()} if self.quoted is not None else {}),
        }


def _addresses(items: list[dict[str, Any]] | None) -> tuple[Address, ...]:
    return tuple(Address.from_json(a) for a in items) if items else ()


def _datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _when(value: str | None) -> datetime | date | None:
    """An event's start or end as stored: a date alone for all-day events."""
    if not value:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Item:
    """Something a person asked for, offered, celebrated or did for the owner, with its source."""

    kind: str  # ask | offer | news | helped
    text: str  # the sentence it came from
    date: datetime | None
    message_id: str
    what: str | None = None  # normalized: a profession label for asks/offers, a short phrase for news
    qualifiers: tuple[str, ...] = ()
    confidential: bool = False
    done: str | None = None  # ask answered: the message id of the owner's introduction, or of an answer in its thread
    confidential_until: Day | None = None  # confidential news: the first day it may be shared (see needs)
    score: float | None = None  # the sentence model's probability (None: found by the cue patterns alone)
    answered_by: str | None = None  # the address whose reply in the ask's own thread answered it (done holds the reply)
    addressed: bool = True  # the owner was among the note's To, not only copied: "asked me" is true
    about: str | None = None  # whose news, as the patterns read it: "self", "organization" or a name (None: unknown)

    def private(self, now: datetime) -> bool:
        """Not to be shared as of now: confidential, and its embargo (if it names one) not over."""
        return self.confidential and (self.confidential_until is None or now.date() < self.confidential_until)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "date": self.date.isoformat() if self.date else None,
                               "message_id": self.message_id, "what": self.what}
        if self.qualifiers:
            out["qualifiers"] = list(self.qualifiers)
        if self.kind == "news":
            out["confidential"] = self.confidential
            if self.confidential_until:
                out["confidential_until"] = self.confidential_until.isoformat()
        if self.kind == "ask":
            out["done"] = self.done is not None
            if self.done:
                out["done_by"] = self.done
            if self.answered_by:
                out["answered_by"] = self.answered_by
        if self.score is not None:
            out["score"] = self.score
        return out


@dataclass(frozen=True)
class Person:
    """One human the owner knows, with every address merged, and the evidence behind it."""

    email: str
    emails: tuple[str, ...]
    name: str
    organization: str | None
    title: str | None
    phone: str | None
    city: str | None
    roles: tuple[str, ...]
    topics: tuple[str, ...]
    strength: float
    sent: int
    received: int
    first_contact: datetime | None
    last_contact: datetime | None
    asks: tuple[Item, ...] = ()
    offers: tuple[Item, ...] = ()
    news: tuple[Item, ...] = ()
    helped: tuple[Item, ...] = ()
    weak: bool = False  # a weak tie: met through a CC, or writes while the owner never wrote to them
    evidence: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    rhythm: float | None = None  # usual days between messages (strength measures quiet against it)

    def to_json(self) -> dict[str, Any]:
        return {
            "email": self.email, "emails": list(self.emails), "name": self.name,
            "organization": self.organization, "title": self.title, "phone": self.phone, "city": self.city,
            "roles": list(self.roles), "topics": list(self.topics), "strength": round(self.strength, 3),
            "sent": self.sent, "received": self.received,
            "first_contact": self.first_contact.isoformat() if self.first_contact else None,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "weak": self.weak,
            "asks": [i.to_json() for i in self.asks], "offers": [i.to_json() for i in self.offers],
            "news": [i.to_json() for i in self.news], "helped": [i.to_json() for i in self.helped],
        }


SECTIONS = ("intros", "events", "stories", "gathering", "reconnect")


@dataclass(frozen=True)
class Draft:
    """A message the user may send. Bodies come from the templates/draft_*.txt.j2 templates."""

    to: tuple[Address, ...]
    subject: str
    body: str
    cc: tuple[Address, ...] = ()
    kind: str = ""  # which template made it: intro_ask, intro_connect, event_forward, ...

    def to_json(self) -> dict[str, Any]:
        return {"to": [a.to_json() for a in self.to], "cc": [a.to_json() for a in self.cc],
                "subject": self.subject, "body": self.body, "kind": self.kind}


@dataclass(frozen=True)
class Suggestion:
    """One numbered item of the digest: why, who, and ready-to-send drafts."""

    section: str  # one of SECTIONS
    key: str  # stable across weeks ("intro:a@x|b@y:patent attorney"): skip/snooze/done memory
    reason: str
    score: float
    people: tuple[Address, ...]  # everyone the suggestion is about (rotation: one person, few sections)
    drafts: tuple[Draft, ...] = ()
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # section-specific JSON
    id: int = 0  # the number the user replies with, assigned when the digest is assembled

