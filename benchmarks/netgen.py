"""Deterministic message records for the network benchmark, as assistant.jobs.workers.message_record stores them.

No MIME is built or parsed: records(messages, seed) yields the dicts the store holds, oldest first,
one at a time, keeping O(people) state (open threads, who awaits a reply). The mix follows a
consultant's mailbox: ~55% personal mail received, ~25% sent by the owner, ~20% newsletters,
notifications, receipts, list traffic and auto-replies with the signals the parser sets.
Correspondents scale with the mail (5,000 at 200,000 messages) and are Zipf-weighted: a few close
contacts, a long tail; some write from two addresses, some sign with title/organization/phone,
colleagues are CC'd, strangers pitch and are never answered.
"""

from __future__ import annotations

import random
import unicodedata
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import Any

from benchmarks import networds as w
from benchmarks.mailparts import OWNER_ALIASES, OWNER_EMAIL, OWNER_NAME

NOW = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # as assistant.jobs.commands.SAMPLE_NOW
SPAN = timedelta(days=3 * 365)
PEOPLE_AT_200K = 5000
MACHINE_DAYS = 90  # older newsletters and notifications are stored as headers only (empty reply_text)
INBOX, SENT = "inbox:", "sent:Sent"
OWNER_ADDR = {"name": OWNER_NAME, "email": OWNER_EMAIL}


def people_for(messages: int) -> int:
    """Correspondents grow with the mail, up to 5,000 at 200,000 messages."""
    return max(40, min(PEOPLE_AT_200K, round(messages * PEOPLE_AT_200K / 200_000)))


@dataclass(slots=True)
class Contact:
    name: str
    first: str
    email: str
    alt: str | None  # a second (personal) address, used now and then
    org: str | None
    title: str | None
    phone: str | None
    signs: bool  # their mail client adds a signature block
    colleagues: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Thread:
    subject: str
    refs: list[str]
    cc: list[int]
    owner_last: bool


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


class RecordGenerator:
    def __init__(self, messages: int, seed: int = 7) -> None:
        self.total = messages
        self.rng = random.Random(seed)
        rng = self.rng
        n = people_for(messages)
        orgs = [f"{rng.choice(w.ORG_HEAD)} {rng.choice(w.ORG_TAIL)}" for _ in range(max(10, n // 4))]
        self.contacts = [self._contact(rng.choice(orgs) if rng.random() < 0.7 else None) for _ in range(n)]
        self.cc_only = [self._contact(rng.choice(orgs)) for _ in range(n // 10)]  # seen only on CC
        by_org: dict[str | None, list[int]] = {}
        for i, c in enumerate(self.contacts):
            by_org.setdefault(c.org, []).append(i)
        for i, c in enumerate(self.contacts):
            if c.org:
                c.colleagues = [j for j in by_org[c.org] if j != i][:6]
        self.cum = list(accumulate(1.0 / (i + 1) ** 0.8 for i in range(n)))
        self.strangers = [self._contact(None) for _ in range(n // 5)]
        self.newsletters = [(f"{rng.choice(w.NEWSLETTERS)}", f"{rng.choice(w.NEWS_LOCALS)}@"
                             f"{_ascii(rng.choice(w.ORG_HEAD))}{i}.example", rng.choice(w.NEWSLETTER_SIGNALS))
                            for i in range(max(5, n // 15))]
        self.notifiers = [(name, f"{local}@{_ascii(name).replace(' ', '')}{i}.example", rng.choice(sig))
                          for i in range(max(4, n // 40))
                          for name, local, sig in [(*rng.choice(w.NOTIFIERS), w.NOTIFIER_SIGNALS)]]
        self.receipts = [(name, f"{local}@{_ascii(name).split()[0]}{i}.example", rng.choice(w.RECEIPT_SIGNALS))
                         for i in range(max(3, n // 100)) for name, local in [rng.choice(w.RECEIPTS)]]
        self.lists = [({"name": f"{rng.choice(w.PLACES)} {topic}", "email": f"{slug}-{i}@lists.example"},
                       rng.sample(range(n), min(n, 30)))
                      for i in range(max(3, n // 250))
                      for topic, slug in [rng.choice((("B2B Growth", "b2b-growth"), ("Founders", "founders"),
                                                      ("Food Makers", "food-makers"), ("Angels", "angels")))]]
        self.threads: dict[int, Thread] = {}
        self.pending: dict[int, None] = {}  # contacts whose last message awaits the owner (ordered set)
        self.seq = 0

    # -- people ---------------------------------------------------------------------------------
    def _contact(self, org: str | None) -> Contact:
        rng = self.rng
        first, last = rng.choice(w.FIRST), rng.choice(w.LAST)
        local = rng.choice((f"{first}.{last}", f"{first}", f"{first[0]}{last}", f"{first}{last[0]}"))
        local = _ascii(local).replace(" ", "").replace("'", "")
        local += str(rng.randint(1, 99)) if rng.random() < 0.2 else ""
        domain = _ascii(org).replace(" & ", "and").replace(" ", "") + ".example" if org else rng.choice(w.FREEMAIL)
        alt = f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 9)}@gmail.com" if org and rng.random() < 0.1 else None
        title = rng.choice(w.TITLES) if org and rng.random() < 0.8 else None
        phone = None
        if rng.random() < 0.5:
            phone = f"{rng.choice(('503', '971', '541', '206'))}-555-{rng.randint(100, 199):04d}"
        return Contact(f"{first} {last}", first, f"{local}@{domain}", alt, org, title, phone, rng.random() < 0.6)

    def _pick(self) -> int:
        return bisect(self.cum, self.rng.random() * self.cum[-1])

    def _addr(self, c: Contact, *, from_alt: bool = False) -> dict[str, str]:
        r = self.rng.random()
        name = c.name if r < 0.75 else c.first if r < 0.85 else ", ".join(reversed(c.name.split(" ", 1))) \
            if r < 0.9 else c.name.lower() if r < 0.95 else ""
        email = c.alt if from_alt and c.alt else c.email
        return {"name": name, "email": email.title() if self.rng.random() < 0.01 else email}

    def _signature(self, c: Contact, sender: dict[str, str]) -> dict[str, str | None] | None:
        if not c.signs or self.rng.random() < 0.25:
            return None
        return {"name": sender["name"] or c.name, "title": c.title, "organization": c.org, "phone": c.phone}

    # -- text -----------------------------------------------------------------------------------
    def _fill(self, template: str, **extra: str) -> str:
        rng = self.rng
        other = self.contacts[self._pick()]
        prof = rng.choice(w.PROFS)
        values = {"prof": prof, "a_prof": ("an " if prof[0] in "aeiouAEIOU" else "a ") + prof,
                  "place": rng.choice(w.PLACES), "org": rng.choice(w.ORG_HEAD) + " " + rng.choice(w.ORG_TAIL),
                  "name": other.first, "full": other.name, "first2": other.first,
                  "day": rng.choice(w.DAYS), "hour": f"{rng.randint(8, 17) % 12 or 12}:{rng.choice(('00', '30'))}",
                  "n": str(rng.randint(3, 40)), "m": str(rng.randint(2, 12)), "month": rng.choice(w.MONTHS),
                  "service": rng.choice(w.SERVICES), "work": rng.choice(w.WORK), "amount": rng.choice(w.AMOUNTS),
                  "round": rng.choice(w.ROUNDS), "title": rng.choice(w.TITLES), "big": f"{rng.randint(2, 90)},000",
                  "years": str(rng.randint(2, 25)), "q": str(rng.randint(1, 4)), **extra}
        return template.format_map(values)

    def _body(self, c: Contact, reply: bool) -> str:
        rng = self.rng
        count = 1 if reply and rng.random() < 0.3 else rng.randint(2, 5 if reply else 8)
        lines = [self._fill(rng.choice(w.CHAT)) for _ in range(count)]
        for pool, chance in ((w.ASKS, 0.05), (w.OFFERS, 0.03), (w.NEWS, 0.03), (w.HELPED, 0.015)):
            if rng.random() < chance:
                lines.insert(rng.randint(0, len(lines)), self._fill(rng.choice(pool)))
        if rng.random() < (0.05 if reply else 0.15):
            lines.append(self._fill(w.LONG_PARAGRAPH, chat=self._fill(rng.choice(w.CHAT)),
                                    chat2=self._fill(rng.choice(w.CHAT))))
        paragraphs = [" ".join(lines[i:i + 2]) for i in range(0, len(lines), 2)]
        if rng.random() < 0.2:  # hard-wrapped plain-text clients
            paragraphs = [_wrap(p) for p in paragraphs]
        greeting = "" if reply and rng.random() < 0.6 else rng.choice(w.GREETINGS)
        signoff = rng.choice(w.SIGNOFFS).format(first=c.first, initial=c.first[0], first_lower=c.first.lower())
        return "\n\n".join(p for p in (greeting, *paragraphs, signoff) if p)

    # -- records --------------------------------------------------------------------------------
    def _mid(self, domain: str) -> str:
        self.seq += 1
        return f"<{self.rng.getrandbits(64):016x}.{self.seq}@{domain}>"

    def _record(self, *, kind: str, sender: dict[str, str], to: list[dict[str, str]], subject: str,
                when: datetime, text: str, direction: str, cc: list[dict[str, str]] | None = None,
                signature: dict[str, Any] | None = None, thread: Thread | None = None,
                signals: tuple[str, ...] = (), event: dict[str, Any] | None = None,
                forwarded: dict[str, Any] | None = None) -> dict[str, Any]:
        mid = self._mid(sender["email"].rsplit("@", 1)[1])
        refs = thread.refs[-10:] if thread else []
        record = {
            "message_id": mid, "kind": kind, "from": sender, "to": to, "cc": cc or [], "subject": subject,
            "date": when.isoformat(), "reply_text": text, "signature": signature, "forwarded": forwarded,
            "event": event, "direction": direction, "folder": SENT if direction == "sent" else INBOX,
            "in_reply_to": refs[-1] if refs else None, "references": refs, "reply_to": [],
            "signals": list(signals), "size": 900 + 3 * len(text) + self.rng.randint(0, 2500), "truncated": False,
        }
        if thread is not None:
            thread.refs.append(mid)
        return record

    def records(self) -> Iterator[dict[str, Any]]:
        rng, start, step = self.rng, NOW - SPAN, SPAN / self.total
        for i in range(self.total):
            when = (start + step * (i + rng.random() * 0.9)).replace(microsecond=0)
            r = rng.random()
            if r < 0.0005:
                yield {"message_id": self._mid("refused.invalid"), "folder": INBOX, "refused": "empty message",
                       "size": 0}
            elif r < 0.20:
                yield self._machine(when)
            elif r < 0.45:
                yield self._sent(when)
            else:
                yield self._received(when)

    def _received(self, when: datetime) -> dict[str, Any]:
        rng = self.rng
        if rng.random() < 0.04:  # cold pitches, never answered
            c = rng.choice(self.strangers)
            sender = self._addr(c)
            return self._record(kind="personal", sender=sender, to=[OWNER_ADDR], subject="Quick question",
                                when=when, direction="received", text=f"Hi Alex,\n\n{rng.choice(w.STRANGER_PITCHES)}"
                                f"\n\n{c.first}", signature=self._signature(c, sender))
        index = self._pick()
        c = self.contacts[index]
        thread = self.threads.get(index)
        if thread is None or (not thread.owner_last and rng.random() < 0.7) or rng.random() < 0.25:
            cc = rng.sample(c.colleagues, min(len(c.colleagues), rng.randint(1, 2))) if c.colleagues and \
                rng.random() < 0.15 else []
            thread = self.threads[index] = Thread(self._fill(rng.choice(w.SUBJECTS)), [], cc, False)
        sender = self._addr(c, from_alt=rng.random() < 0.15)
        text = self._body(c, reply=bool(thread.refs))
        subject = ("Re: " if thread.refs else "") + thread.subject
        kind, event, forwarded = "personal", None, None
        if rng.random() < 0.015:
            kind, event = "event", self._event(when)
        elif rng.random() < 0.01:
            kind = "forwarded"
            forwarded = {"from": self._addr(self.contacts[self._pick()]), "to": [], "cc": [], "subject": subject,
                         "date": (when - timedelta(days=2)).isoformat(), "body": self._fill(rng.choice(w.CHAT))}
        cc_people = [self._addr(self._cc_person(j)) for j in thread.cc]
        to = [OWNER_ADDR if rng.random() < 0.9 else {"name": OWNER_NAME, "email": OWNER_ALIASES[0]}]
        record = self._record(kind=kind, sender=sender, to=to, cc=cc_people, subject=subject, when=when, text=text,
                              direction="received", signature=self._signature(c, sender), thread=thread,
                              event=event, forwarded=forwarded)
        thread.owner_last = False
        self.pending.pop(index, None)
        self.pending[index] = None
        return record

    def _cc_person(self, j: int) -> Contact:
        # a tenth of CC'd colleagues never write themselves: weak contacts or strangers
        return self.cc_only[j % len(self.cc_only)] if j % 10 == 0 and self.cc_only else self.contacts[j]

    def _sent(self, when: datetime) -> dict[str, Any]:
        rng = self.rng
        if rng.random() < 0.06:
            return self._introduction(when)
        if self.pending and rng.random() < 0.7:
            index = next(reversed(self.pending)) if rng.random() < 0.6 else self._pick()
        else:
            index = self._pick()
        c = self.contacts[index]
        thread = self.threads.get(index)
        if thread is None or rng.random() < 0.2:
            thread = self.threads[index] = Thread(self._fill(rng.choice(w.SUBJECTS)), [], [], True)
        text = "\n\n".join(self._fill(rng.choice(w.OWNER_CHAT)) for _ in range(rng.randint(1, 3)))
        text = f"{c.first},\n\n{text}\n\n{rng.choice(w.OWNER_SIGNOFFS)}".strip()
        to = [self._addr(c, from_alt=rng.random() < 0.1)]
        record = self._record(kind="personal", sender=OWNER_ADDR, to=to, subject=("Re: " if thread.refs else "")
                              + thread.subject, cc=[self._addr(self._cc_person(j)) for j in thread.cc], when=when,
                              text=text, direction="sent", thread=thread)
        thread.owner_last = True
        self.pending.pop(index, None)
        return record

    def _introduction(self, when: datetime) -> dict[str, Any]:
        rng = self.rng
        a, b = self.contacts[self._pick()], self.contacts[rng.randrange(len(self.contacts))]
        body = self._fill(rng.choice(w.OWNER_INTROS), a=a.first, b=b.first, b_full=b.name, org=b.org or "her own shop",
                          topic=rng.choice(w.INTRO_TOPICS))
        return self._record(kind="personal", sender=OWNER_ADDR, to=[self._addr(a), self._addr(b)],
                            subject=f"Intro: {a.first} / {b.first}", when=when, direction="sent",
                            text=f"{body}\n\nI'll let you two take it from here.\n\nAlex")

    def _event(self, when: datetime) -> dict[str, Any]:
        start = (when + timedelta(days=self.rng.randint(3, 40))).replace(hour=1, minute=0, second=0)
        place = self.rng.choice(w.PLACES)
        return {"title": f"{place} {self.rng.choice(('Founder Breakfast', 'Pitch Night', 'Panel', 'Meetup'))}",
                "start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat(),
                "location": f"{self.rng.randint(100, 999)} SE Ash St, Portland", "url": None}

    def _machine(self, when: datetime) -> dict[str, Any]:
        rng = self.rng
        old = (NOW - when).days > MACHINE_DAYS
        r = rng.random()
        to = [{"name": "", "email": OWNER_EMAIL}]
        if r < 0.45:
            name, email, signals = rng.choice(self.newsletters)
            subject, text, kind = f"{name} · {when:%B %-d}", f"{name.upper()} · {when:%B %-d, %Y}\n\n" + \
                self._fill(rng.choice(w.NEWS)), "bulk"
        elif r < 0.70:
            name, email, signals = rng.choice(self.notifiers)
            subject, text, kind = f"New activity on {name}", self._fill("{full} mentioned you in {org}."), "automated"
        elif r < 0.80:
            name, email, signals = rng.choice(self.receipts)
            subject, text, kind = f"Your {name} receipt", f"Receipt #{rng.getrandbits(32):08X}\nTotal: $18.00", \
                "automated"
        elif r < 0.95:
            address, members = rng.choice(self.lists)
            c = self.contacts[rng.choice(members)]
            sender = self._addr(c)
            kind = "event" if rng.random() < 0.1 else "bulk"
            return self._record(kind=kind, sender=sender, to=[address], subject=f"[{address['name']}] "
                                + self._fill(rng.choice(w.SUBJECTS)), when=when, direction="received",
                                text="" if old else self._body(c, reply=False), signals=w.LIST_SIGNALS,
                                event=self._event(when) if kind == "event" else None)
        else:  # out-of-office from a correspondent
            c = self.contacts[self._pick()]
            sender = self._addr(c)
            return self._record(kind="automated", sender=sender, to=[OWNER_ADDR], subject="Automatic reply: "
                                + self._fill(rng.choice(w.SUBJECTS)), when=when, direction="received",
                                text="" if old else f"I'm out of the office until {rng.choice(w.DAYS)}.",
                                signals=rng.choice(w.AUTO_REPLY_SIGNALS))
        return self._record(kind=kind, sender={"name": name, "email": email}, to=to, subject=subject, when=when,
                            direction="received", text="" if old else text, signals=signals)


def records(messages: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """The benchmark's records, oldest first; same arguments, same records."""
    return RecordGenerator(messages, seed).records()


def _wrap(text: str, width: int = 72) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line] if line else lines)
