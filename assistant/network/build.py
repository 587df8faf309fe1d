"""The owner's network: people, how well the owner knows them, who they are, what they need. Pure.

build_network() takes message records (as stored) and `now`, makes one streaming pass, and
returns Person values with the evidence behind every field (for `contacts --person`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from assistant.models import Event, Findings, Found, Item, Owner, Person, Signature, StoredMessage
from assistant.network.identity import canonical
from assistant.network.merge import merge
from assistant.network.owner import OwnerProof
from assistant.network.people import (
    FREEMAIL,
    AddressEvidence,
    Gathered,
    Gatherer,
    MessageInfo,
    Verdict,
    judge,
    no_organization,
    owner_threads,
)
from assistant.network.strength import rhythm_of, strength_at
from assistant.understanding import cues, taxonomy
from assistant.understanding.message import understand

TOPIC_TEXTS = 10
ASK_DONE_WINDOW_DAYS = 120
# people on one thread, or among one note's recipients, who are a group that knows each other and is
# still around; more is an announcement to a department or a list
SMALL_GROUP = 30


@dataclass
class _Extracted:
    """What one address's messages said: their findings, the roles claimed, recent topics."""

    items: list[Item] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    topics: list[tuple[str, ...]] = field(default_factory=list)  # per message, the latest TOPIC_TEXTS

    def add(self, found: Findings, message_id: str, when: datetime | None, addressed: bool = True) -> None:
        self.items += [_item(f, message_id, when, addressed) for f in found.all()]
        for role, because in found.roles:
            self.roles[role] = because  # the latest message that says so
        self.topics.append(found.topics)
        del self.topics[:-TOPIC_TEXTS]


@dataclass(frozen=True)
class Introduction:
    """A message from the owner introducing people to each other."""

    message_id: str
    date: datetime | None
    people: frozenset[str]


@dataclass(frozen=True)
class SeenEvent:
    """An event found in the mail, with where it came from."""

    event: Event
    message_id: str
    sender: str  # canonical address
    date: datetime | None  # when the mail arrived
    subject: str
    from_owner: bool
    bulk: bool


@dataclass
class Network:
    people: list[Person]
    excluded: dict[str, str]  # address -> why it is not a contact
    acquainted: frozenset[frozenset[str]] = frozenset()  # pairs of people (primary emails) on a thread together
    events: list[SeenEvent] = field(default_factory=list)
    unproven: tuple[str, ...] = ()  # Message-IDs of mail claiming to be the owner's without proof (ignored)
    outdated: int = 0  # messages understood by an older extractor (a later sync understands them again)

    def find(self, email: str) -> Person | None:
        key = canonical(email)
        return next((p for p in self.people if key in {canonical(e) for e in p.emails}), None)


Mapper = Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]
EXTRACT_BATCH = 2000


def build_network(records: Iterable[StoredMessage], owner: Owner, now: datetime, *,
                  proof: OwnerProof, mapper: Mapper = map, findings_version: str | None = None) -> Network:
    """proof: which mail from the owner's addresses is really the owner's (see owner.py).
    findings_version: the version current findings carry; records with another are counted as
    outdated (None: none are).

    What each message says is read from its stored findings (made at ingest). A record without
    findings, from a store older than them, is understood here, in batches through mapper (builtin
    map, or a process pool's map: the caller decides; the work itself is pure)."""
    gatherer = Gatherer(proof, owner.names)
    extracted: dict[str, _Extracted] = defaultdict(_Extracted)
    intros: list[Introduction] = []
    events: list[SeenEvent] = []
    pending: list[tuple[StoredMessage, MessageInfo]] = []
    outdated = 0
    greeted: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))  # address -> name -> times

    def use(found: Findings, record: StoredMessage, info: MessageInfo) -> None:
        if info.direction == "sent":
            if found.introduces:
                intros.append(Introduction(info.message_id, info.date, frozenset(info.recipients)))
            if found.greets and len(record.to) == 1:
                greeted[canonical(record.to[0].email)][found.greets] += 1
            return
        # whether the note was to the owner, or only copied them ("asked me" would not be true)
        addressed = any(canonical(a.email) in gatherer.owners for a in record.to)
        if found.helped and not addressed and not any(canonical(a.email) in gatherer.owners for a in record.cc):
            # the owner in neither To nor Cc (a Bcc, a note that reached the wrong mailbox): what the writer
            # did was for whom they wrote to ("I passed your resume to Tom" to someone else), not the owner,
            # unless it names the owner ("Tom, meet Alex Morgan (bcc'd)")
            found = replace(found, helped=tuple(f for f in found.helped if _names_owner(f.text, owner.names)))
        extracted[info.sender].add(found, record.message_id, info.date, addressed)

    def flush() -> None:
        tasks = [(record, owner, info.direction == "sent") for record, info in pending]
        for (record, info), found in zip(pending, mapper(understand_task, tasks), strict=True):
            use(found, record, info)
        pending.clear()

    cancelled: set[str] = set()
    for record in records:
        cancelled.update(record.cancels)
        info = gatherer.observe(record)
        if info is not None and record.event:
            events.append(SeenEvent(record.event, info.message_id, info.sender, info.date,
                                    record.subject, info.direction == "sent", info.machine))
        if info is None or info.machine:
            continue
        if record.findings is None:
            pending.append((record, info))
            if len(pending) >= EXTRACT_BATCH:
                flush()
            continue
        outdated += findings_version is not None and record.findings.version != findings_version
        use(record.findings, record, info)
    flush()
    events = [e for e in events if not (e.event.uid and e.event.uid in cancelled)]  # called off later
    gathered = gatherer.finish()
    threads = owner_threads(gathered)
    domains = frozenset(e.rsplit("@", 1)[-1].lower() for e in (owner.email, *owner.aliases)) - FREEMAIL
    verdicts = {email: judge(ev, threads, gathered.thread_of, owner.name, domains)
                for email, ev in gathered.addresses.items()}
    kept = [gathered.addresses[e] for e, v in verdicts.items() if v.status != "excluded"]
    intros_of: dict[str, list[Introduction]] = defaultdict(list)  # by person: asks x intros would not scale
    for intro in intros:
        for email in intro.people:
            intros_of[email].append(intro)
    spelled = _names_by_words(gathered.addresses.values())
    seen = _last_seen(gathered.messages.values())
    replies = _replies(gathered)
    home = _home_domain(owner.email)
    people = [_colleague(_person(group, verdicts, extracted, intros_of, now, greeted, spelled, seen, replies), home)
              for group in merge(kept, gathered.thread_of)]
    people.sort(key=lambda p: (-p.strength, p.name.lower()))
    excluded = {e: v.reason for e, v in verdicts.items() if v.status == "excluded"}
    return Network(people, excluded, _acquainted(people, gathered), events, tuple(gatherer.unproven), outdated)


def _home_domain(email: str) -> str | None:
    """The owner's own organization's mail domain: their main address's, unless it is free mail or a provider's
    (an alias may be a former employer's, whose people are exactly the ties reconnect is for)."""
    domain = email.rsplit("@", 1)[-1].lower()
    return None if no_organization(domain) else domain


def _colleague(person: Person, home: str | None) -> Person:
    """Marks someone who writes only from the owner's own organization's domain, or one inside it
    (ect.enron.com for an owner at enron.com): a colleague, seen at work whatever the mail says."""
    if home is None or not all((d := e.rsplit("@", 1)[-1].lower()) == home or d.endswith("." + home)
                               for e in person.emails):
        return person
    return replace(person, evidence={**person.evidence, "colleague": True})


def _acquainted(people: list[Person], gathered: Any) -> frozenset[frozenset[str]]:
    """People who were on a thread together already know each other: never introduce them."""
    primary = {canonical(email): p.email for p in people for email in p.emails}
    members: dict[str, set[str]] = defaultdict(set)
    for info in gathered.messages.values():
        if info.machine:
            continue
        thread = members[gathered.thread_of[info.message_id]]
        thread.update(primary[a] for a in (info.sender, *info.recipients) if a in primary)
    pairs: set[frozenset[str]] = set()
    for group in members.values():
        if 1 < len(group) <= SMALL_GROUP:  # a 200-person announcement thread is not an acquaintance
            ordered = sorted(group)
            pairs.update(frozenset((a, b)) for i, a in enumerate(ordered) for b in ordered[i + 1:])
    return frozenset(pairs)


def understand_task(task: tuple[StoredMessage, Owner, bool]) -> Findings:
    """understand() of one record; top level so worker processes can run it."""
    record, owner, from_owner = task
    return understand(record, owner, from_owner=from_owner)


def _names_owner(text: str, names: Sequence[str]) -> bool:
    lowered = text.lower()
    return any(len(n) >= 3 and re.search(rf"\b{re.escape(n.lower())}\b", lowered) for n in names if n)


def _item(found: Found, message_id: str, when: datetime | None, addressed: bool = True) -> Item:
    return Item(kind=found.kind, text=found.text, date=when, message_id=message_id, what=found.what,
                qualifiers=tuple(found.qualifiers), confidential=found.confidential, confidential_until=found.until,
                score=found.score, addressed=addressed, about=found.about if found.kind == "news" else None)


def _person(group: list[AddressEvidence], verdicts: dict[str, Verdict], extracted: dict[str, _Extracted],
            intros: dict[str, list[Introduction]], now: datetime,
            greeted: dict[str, dict[str, int]] | None = None,
            spelled: dict[frozenset[str], str] | None = None,
            seen: dict[str, datetime] | None = None,
            replies: Mapping[str, Sequence[MessageInfo]] | None = None) -> Person:
    group = sorted(group, key=lambda ev: (-(ev.sent_to + ev.received), ev.email))
    spellings: dict[str, int] = defaultdict(int)
    for ev in group:
        for spelling, count in ev.spellings.items():
            spellings[spelling] += count
    emails = tuple(sorted(spellings, key=lambda e: (-spellings[e], e))) or tuple(ev.email for ev in group)
    names: dict[str, int] = defaultdict(int)
    for ev in group:
        for name, count in ev.names.items():
            if "@" not in name:
                names[name] += count
    # no display name: the whole name they sign with ("Many thanks, Tami Grubb" from jg77063@), else the address's words
    signed_names = _summed(ev.signed_names for ev in group)
    name = (max(names.items(), key=lambda kv: (kv[1], len(kv[0].split())))[0] if names
            else max(signed_names, key=lambda n: (signed_names[n], n)) if signed_names
            else _name_from(emails[0], spelled))
    sig_ev = max((ev for ev in group if ev.signature), key=lambda ev: ev.signature_date or now, default=None)
    sig = (sig_ev.signature if sig_ev else None) or Signature()
    name = _signed_name(name, sig.name)
    dates = sorted(d for ev in group for d in ev.dates)
    sent, received = sum(ev.sent_to for ev in group), sum(ev.received for ev in group)
    weak = all(verdicts[ev.email].status == "weak" for ev in group)
    rhythm = rhythm_of(dates)
    strength, why = strength_at(sent, received, dates[-1] if dates else None, rhythm, now, weak)
    said = [extracted.get(ev.email, _Extracted()) for ev in group]
    items = [i for bucket in said for i in bucket.items]
    domain = next((e.split("@")[1] for e in emails if e.split("@")[1] not in FREEMAIL), None)
    organization = sig.organization or (_org_from_domain(domain) if domain else None)
    roles = taxonomy.roles_from_profile(sig.title or _credentials(sig.name), sig.organization, domain)
    for bucket in said:
        for role, because in bucket.roles.items():
            roles.setdefault(role, because)
    for offer in items:
        if offer.kind != "offer" or not offer.what or cues.HELP_WHAT.match(offer.what):
            continue  # "help with the plumbing" is no plumber (cues.HELP_WHAT)
        profession = taxonomy.normalize(offer.what)
        for role in profession.roles if profession else ():
            roles.setdefault(role, f"offers {offer.what} ({offer.message_id})")
    # the profile, then what the latest few messages are about
    of_profile = taxonomy.industries_of(" ".join([organization or "", sig.title or "", domain or ""]))
    topics = tuple(dict.fromkeys([*of_profile, *(t for bucket in said for ts in bucket.topics for t in ts)]))
    asks = _mark_done([i for i in items if i.kind == "ask"], set(emails), intros, replies or {})
    latest = max(group, key=lambda ev: ev.last_subject_date or datetime.min.replace(tzinfo=now.tzinfo))
    evidence = {
        "addresses": {ev.email: verdicts[ev.email].reason for ev in group},
        "last_subject": latest.last_subject,
        "names": dict(names),
        "signature": {"message_id": sig_ev.signature_message if sig_ev else None, **sig.to_json()},
        "organization": "signature" if sig.organization else (f"domain {domain}" if organization else None),
        "roles": roles,
        "strength": why,
        # which topics their title, organization or domain give ("works in"); the rest only their mail's
        # words do ("writes about": a relative's note about a hospital stay is no trade)
        "profile_topics": list(dict.fromkeys(of_profile)),
    }
    # how the owner's own notes to them open ("Hi, Connie!!"), and the first names their sign-offs give
    greetings = _summed((greeted or {}).get(canonical(ev.email), {}) for ev in group)
    if greetings:
        evidence["greeting"] = greetings
    signed = _summed(ev.signed for ev in group)
    if signed:
        evidence["signed"] = signed
    written = max((ev.last_written for ev in group if ev.last_written is not None), default=None)
    if written is not None:
        evidence["last_written"] = written.isoformat()  # the owner's latest note to them: has news been answered?
    around = max((w for ev in group if (w := (seen or {}).get(canonical(ev.email))) is not None), default=None)
    if around is not None and (not dates or around > dates[-1]):
        evidence["last_seen"] = around.isoformat()  # on mail the owner got since their last exchange
    return Person(
        email=emails[0], emails=emails, name=name, organization=organization, title=sig.title,
        phone=sig.phone, city=sig.city, roles=tuple(sorted(roles)), topics=tuple(topics),
        strength=strength, sent=sent, received=received,
        first_contact=dates[0] if dates else None, last_contact=dates[-1] if dates else None,
        asks=tuple(asks), offers=tuple(_dedupe(i for i in items if i.kind == "offer")),
        news=tuple(i for i in items if i.kind == "news"), helped=tuple(i for i in items if i.kind == "helped"),
        weak=weak, evidence=evidence, rhythm=rhythm)


def _signed_name(shown: str, signed: str | None) -> str:
    """The name as the person writes it under their own mail, when the display name only adds to it:
    "RAYFAEL JSC-NT RAY ROMAN" (a directory's entry) signs "Rayfael Roman"."""
    if not signed:
        return shown
    words = re.findall(r"[^\W\d_]+", signed)
    shown_words = re.findall(r"[^\W\d_]+", shown)
    if len(words) < 2 or not {w.lower() for w in words} <= {w.lower() for w in shown_words}:
        return shown
    return signed if shown.isupper() or len(shown_words) > len(words) else shown


def _summed(tallies: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """Counts of several addresses of one person, added up."""
    total: dict[str, int] = defaultdict(int)
    for tally in tallies:
        for key, count in tally.items():
            total[key] += count
    return dict(total)


def _dedupe(items: Iterable[Item]) -> list[Item]:
    """The same offer repeated in every signature is one offer: keep its latest statement."""
    latest: dict[str, Item] = {}
    for item in items:
        key = item.what or item.text
        if key not in latest or _newer(item.date, latest[key].date):
            latest[key] = item
    return list(latest.values())


def _newer(when: datetime | None, than: datetime | None) -> bool:
    return when is not None and (than is None or when > than)


def _mark_done(asks: list[Item], emails: set[str], intros: dict[str, list[Introduction]],
               replies: Mapping[str, Sequence[MessageInfo]]) -> list[Item]:
    """Asks the owner has answered with an introduction since, or that were answered in the ask's own
    thread: a reply to the ask (or to a reply to it), to the asker, from a third person that points to
    someone ("Please talk to James Canney, he works with Carr daily"), which the owner saw because it
    copied them, or from the owner, pointing to someone or taking it on ("I would be happy to speak
    with this person"). An introduction from the owner then repeats what the thread already gave.
    "Sorry, I don't know anyone" or "Same here" answers nothing."""
    mine = [i for e in emails for i in intros.get(canonical(e), ())]
    asker = {canonical(e) for e in emails}
    out = []
    for ask in asks:
        answer = next((i for i in mine if ask.date and i.date and
                       0 <= (i.date - ask.date).days <= ASK_DONE_WINDOW_DAYS), None)
        if answer:
            out.append(replace(ask, done=answer.message_id))
            continue
        reply = next((r for r in replies.get(ask.message_id, ()) if ask.date and r.date and
                      r.date > ask.date and (r.date - ask.date).days <= ASK_DONE_WINDOW_DAYS and
                      r.refers and r.sender not in asker and asker & set(r.recipients)), None)
        out.append(replace(ask, done=reply.message_id, answered_by=reply.sender) if reply else ask)
    return out


def _replies(gathered: Gathered) -> dict[str, list[MessageInfo]]:
    """For each message, the personal mail sent in reply to it or to a reply to it (its id in their
    In-Reply-To or References): others', and the owner's own."""
    out: dict[str, list[MessageInfo]] = defaultdict(list)
    for info in gathered.messages.values():
        if not info.machine and info.date is not None:
            for ref in dict.fromkeys(info.refs):
                out[ref].append(info)
    return out


def _credentials(name: str | None) -> str | None:
    """"Dr. Amara Nwosu, DMD" -> "DMD": the letters after a name say what a person does."""
    if not name or "," not in name:
        return None
    return name.split(",", 1)[1].strip() or None


def _name_from(email: str, spelled: dict[frozenset[str], str] | None = None) -> str:
    """A name from an address alone: the way the mail spells a display name of the same words when it
    has one ("knock.john@" is "John Knock", whose name shows on his other address), else its words."""
    local = email.split("@")[0]
    parts = [p for p in re.split(r"[._-]+", local) if p.isalpha()]
    known = (spelled or {}).get(frozenset(p.lower() for p in parts)) if len(parts) >= 2 else None
    return known or " ".join(p.capitalize() for p in parts) or local


def _last_seen(messages: Iterable[MessageInfo]) -> dict[str, datetime]:
    """When each address last appeared among the recipients of personal mail the owner received: a
    colleague on the department's mail every week has not gone quiet, whatever their own mail says."""
    seen: dict[str, datetime] = {}
    for info in messages:
        if info.machine or info.direction != "received" or info.date is None or len(info.recipients) > SMALL_GROUP:
            continue  # one of 200 on a note is not "still around"
        for address in info.recipients:
            if address not in seen or info.date > seen[address]:
                seen[address] = info.date
    return seen


def _names_by_words(addresses: Iterable[AddressEvidence]) -> dict[frozenset[str], str]:
    """Every display name of two or more words the mail shows, keyed by its lower-cased words (the
    most used spelling of those words)."""
    counts: dict[frozenset[str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for ev in addresses:
        for name, count in ev.names.items():
            words = re.findall(r"[^\W\d_]+", name.lower())
            if len(words) >= 2 and "@" not in name and "," not in name:  # "Knock, John" is read elsewhere
                counts[frozenset(words)][name] += count
    return {words: max(spellings.items(), key=lambda kv: (kv[1], kv[0]))[0] for words, spellings in counts.items()}


def _org_from_domain(domain: str) -> str:
    labels = domain.split(".")
    stem = labels[-3] if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "ac", "gov") else labels[-2] \
        if len(labels) >= 2 else labels[0]
    return " ".join(w.capitalize() for w in re.split(r"[-_]", stem) if w)
