"""Builders for the suggestion tests: small hand-made networks, the real templates, and a digest walker."""

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.digest.drafts import TemplateDraftWriter, make_text_environment
from assistant.digest.plan import Digest, DigestSettings, plan_digest
from assistant.models import Event, Item, Person
from assistant.network.build import Network, SeenEvent

NOW = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)
OWNER = "Alex Morgan"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_ids = iter(range(1, 1_000_000))


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def item(kind: str, what: str | None, text: str = "", days_ago: float = 10, **kw) -> Item:
    return Item(kind=kind, text=text or f"About {what}.", date=ago(days_ago), message_id=f"<m{next(_ids)}@t>",
                what=what, **kw)


def ask(what: str, text: str = "", days_ago: float = 10, **kw) -> Item:
    return item("ask", what, text or f"Do you know a {what}?", days_ago, **kw)


def offer(what: str, text: str = "", days_ago: float = 20, **kw) -> Item:
    return item("offer", what, text or f"I have room for new clients as a {what} this spring.", days_ago, **kw)


def news(what: str, days_ago: float = 10, **kw) -> Item:
    return item("news", what, f"Big news: we {what}!", days_ago, **kw)


def person(name: str, email: str | None = None, *, strength: float = 0.6, roles=(), topics=(), asks=(), offers=(),
           news=(), helped=(), title: str | None = None, organization: str | None = None, quiet: float = 5,
           usual_gap: float | None = 7.0, last_subject: str = "Re: catching up", weak: bool = False,
           reciprocity: float = 0.5, emails=()) -> Person:
    email = email or f"{name.split()[0].lower()}@{name.split()[-1].lower()}.example"
    last = ago(quiet)
    return Person(
        email=email, emails=(email, *emails), name=name, organization=organization, title=title, phone=None,
        city=None, roles=tuple(roles), topics=tuple(topics), strength=strength, sent=6, received=6,
        first_contact=ago(400), last_contact=last, asks=tuple(asks), offers=tuple(offers), news=tuple(news),
        helped=tuple(helped), weak=weak,
        evidence={"last_subject": last_subject,
                  "strength": {"days_quiet": int(quiet), "usual_gap_days": usual_gap, "last_contact": last.isoformat(),
                               "reciprocity": reciprocity}})


def event(title: str, start: datetime | str, sender: str = "rosa@club.example", *, from_owner: bool = False,
          bulk: bool = False, subject: str = "", location: str | None = "Hall A, Portland", end=None) -> SeenEvent:
    start_text = start if isinstance(start, str) else start.isoformat()
    return SeenEvent(Event.from_json({"title": title, "start": start_text, "end": end, "location": location}),
                     f"<e{next(_ids)}@t>", sender, ago(3), subject or title, from_owner, bulk)


def network(*people: Person, excluded=None, acquainted=(), events=()) -> Network:
    return Network(list(people), dict(excluded or {}), frozenset(frozenset(pair) for pair in acquainted),
                   list(events))


def writer() -> TemplateDraftWriter:
    return TemplateDraftWriter(make_text_environment(TEMPLATES))


def plan(net: Network, now: datetime = NOW, **kw) -> Digest:
    kw.setdefault("settings", DigestSettings())
    return plan_digest(net, now, writer=writer(), owner_name=OWNER, **kw)


def generous(**kw) -> DigestSettings:
    """Caps out of the way, to see every candidate a section finds."""
    caps = {"intros": 50, "events": 50, "stories": 50, "gathering": 1, "reconnect": 50}
    return DigestSettings(caps=caps, per_person_cap=99, per_section_cap=99, **kw)


def emails_in(digest: Digest) -> set[str]:
    """Every address anywhere in the digest: people, data and drafts."""
    text = json.dumps(digest.to_json(), ensure_ascii=False) + " ".join(s.reason for s in digest.items())
    found = {a.email for s in digest.items() for a in s.people}
    found |= {a.email for s in digest.items() for d in s.drafts for a in (*d.to, *d.cc)}
    return found | set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))


def section(digest: Digest, name: str):
    return digest.sections[name]
