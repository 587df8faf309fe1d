"""Events to share: upcoming events seen in the mail, and the contacts who would get the most out of them. Pure.

A guest is found by name (the event's industries, roles and professions against theirs and against
what they asked for) and, when the sentence model's vectors are given, by meaning: the event's title
against each person's whole profile and against their open asks, so a person with no topic tags, or
an ask in words no tag covers, still finds the event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import numpy as np
from numpy.typing import NDArray

from assistant.addresses import ADDRESS_IN_TEXT, clean_text
from assistant.digest.candidates import (
    Candidate,
    Drafting,
    address,
    as_date,
    called,
    clip,
    day,
    fields,
    person_context,
    ranked,
    ref,
    with_article,
)
from assistant.digest.meaning import Matcher, Vectors, with_meant_roles
from assistant.digest.meaning import fit as similarity_fit
from assistant.models import Person, Suggestion
from assistant.network.build import SeenEvent
from assistant.network.identity import canonical
from assistant.understanding import taxonomy
from assistant.understanding.what import names_its_object

SECTION = "events"
GENERIC_TAGS = frozenset({"events", "media"})
GENERIC_EVENT_ROLES = frozenset({"event_organizer", "speaker", "media", "vendor", "owner", "executive"})
# A place at the table rather than a seat in an audience: invite as the user's guest, not forward.
SOCIAL = re.compile(r"\b(breakfast|brunch|lunch|dinner|gala|party|reception|happy hour|mixer|celebration|"
                    r"appreciation|anniversary)\b", re.I)
# ...unless the mail asks to pass it on or to register: then it is a forward.
FORWARD_CUES = re.compile(r"\b(please share|pass (?:it|this) on|spread the word|register|tickets?)\b", re.I)
# A call to action glued to the title by the sender's subject line: "Founder Breakfast, Dec 10 - please share!"
TITLE_TAIL = re.compile(r"\s*[-\u2013\u2014:|]\s*(?:please share|save the date|register now|rsvp|last chance)\W*$",
                        re.I)
MIN_GUEST_SCORE = 1.0
# By meaning: similarity mapped to a fit from 0 at LOW to 1 at HIGH (not tuned: there is no labeled
# event set yet), and a stricter floor than introductions (an event goes to several people at once).
# A near ask is worth what an ask found by name is (2.0), a near profile what a shared role is (1.0),
# each times the fit.
EVENT_LOW, EVENT_HIGH, EVENT_FLOOR = 0.2, 0.6, 0.3
NEAR_POOL = 40  # people nearest an event by meaning considered as guests


@dataclass(frozen=True)
class _Event:
    key: str
    title: str
    start: datetime | date
    end: datetime | date | None
    location: str | None
    url: str | None
    senders: frozenset[str]  # everyone who sent it to the owner: they know already
    personal: bool  # at least one sighting came from a person, not a list or newsletter
    invite: bool  # a seat at a table to offer, rather than an announcement to forward
    tags: frozenset[str]
    roles: frozenset[str]
    professions: frozenset[str]


@dataclass(frozen=True)
class _Guest:
    person: Person
    score: float
    reason: str
    asked: str  # what they asked for that the event may answer: "a mentor", or ""


def candidates(people: Sequence[Person], seen: Sequence[SeenEvent], now: datetime, horizon_days: int,
               max_guests: int, tz: tzinfo = UTC, vectors: Vectors | None = None, *,
               matcher: Matcher | None = None) -> list[Candidate]:
    """Upcoming events within the horizon, deduplicated, each with its guests best first. vectors:
    the sentence model's vector of each text (meaning.texts_to_embed with event_texts); None: by name.
    matcher: Matcher(people, vectors), when the caller built it already."""
    profiles = [_Profile.of(p) for p in people]
    by_email = {pr.person.email: pr for pr in profiles}
    by_tag: dict[str, list[_Profile]] = defaultdict(list)
    for profile in profiles:
        for tag in profile.tags | profile.roles:
            by_tag[tag].append(profile)
    if matcher is None and vectors:
        matcher = Matcher(people, vectors)
    asking = _Asking(profiles, vectors or {})
    out = []
    for event in _upcoming(seen, now, horizon_days, tz):
        pool = {pr.person.email: pr for tag in sorted(event.tags | event.roles) for pr in by_tag.get(tag, ())}
        row = matcher.similarities(event.title) if matcher is not None else None  # the event against everyone
        if matcher is not None:  # also whoever is near it in meaning: by profile, or by an open ask
            pool.update({n.person.email: by_email[n.person.email]
                         for n in matcher.nearest(event.title, EVENT_FLOOR, NEAR_POOL, similarity=row)
                         if n.person.email in by_email})
            pool.update({profiles[i].person.email: profiles[i] for i in asking.near(event.title, matcher)})
        guests = [g for pr in pool.values() if not pr.person.weak  # a weak tie: no standing to invite them on
                  and not event.senders & {canonical(e) for e in pr.person.emails}
                  for g in (pr.guest(event, matcher, row),) if g is not None]
        guests.sort(key=lambda g: (-g.score, g.person.email))
        if guests:
            out.append(_candidate(event, guests, max_guests))
    return ranked(out)


def _upcoming(seen: Sequence[SeenEvent], now: datetime, horizon_days: int, tz: tzinfo = UTC) -> list[_Event]:
    """Events starting after now and within the horizon, one per title and day, never from the owner's own mail."""
    horizon = now + timedelta(days=horizon_days)
    merged: dict[str, list[SeenEvent]] = defaultdict(list)
    starts: dict[str, datetime | date] = {}
    for sighting in seen:
        start = _local(sighting.event.start, tz)
        title = TITLE_TAIL.sub("", clean_text(sighting.event.title))
        if sighting.from_owner or start is None or not title or not now < _moment(start, tz) <= horizon:
            continue
        if not shareable(title, sighting.bulk):
            continue
        key = f"event:{_slug(title)}:{as_date(start).isoformat()}"
        merged[key].append(sighting)
        starts[key] = start
    return [_merge(key, starts[key], merged[key]) for key in sorted(merged)]


# A meeting someone invited the owner to is not theirs to pass around; an announcement is.
PRIVATE_EVENT = re.compile(
    r"\b(?:confidential|private|internal|1:1|one[- ]on[- ]one|interview|review|sync|stand-?up|check[- ]?in|"
    r"catch[- ]?up|call|meeting|coffee|lunch|dinner|appointment|consultation|onboarding|kick-?off)\b"
    r"|\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)? ?(?:/|<>| x | & ) ?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?$", re.I)
PUBLIC_EVENT = re.compile(
    r"\b(?:meetups?|breakfast|gala|conference|summit|panel|webinar|workshop|night|day|festival|fair|open house|"
    r"party|mixer|happy hour|launch|talks?|lecture|class|seminar|expo|forum|fundraiser|networking|celebration|"
    r"awards?|showcase|hackathon|roundtable|reception|tour|screening|pitch|demo|salon|symposium|bootcamp|"
    r"retreat|gathering|social|picnic|potluck|brunch|concert|show|exhibition|training|course|camp|"
    r"info session|open studio|book signing)\b", re.I)


def shareable(title: str, bulk: bool) -> bool:
    """An event the owner could forward or bring a guest to: announcements yes, private meetings never."""
    if PRIVATE_EVENT.search(title):
        return False
    return bulk or bool(PUBLIC_EVENT.search(title))


def _local(when: datetime | date | None, tz: tzinfo) -> datetime | date | None:
    return when.astimezone(tz) if isinstance(when, datetime) and when.tzinfo else when


def _moment(start: datetime | date, tz: tzinfo) -> datetime:
    # an all-day event today has begun; one tomorrow is upcoming
    return start if isinstance(start, datetime) else datetime.combine(start, time(0, 0), tz)


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[^\W_]+", title.lower()))[:80]


def _merge(key: str, start: datetime | date, sightings: list[SeenEvent]) -> _Event:
    """One event from all its sightings: a person's invitation is preferred over a list's copy."""
    sightings = sorted(sightings, key=lambda s: (s.bulk, s.date or datetime.min.replace(tzinfo=UTC), s.message_id))
    text = " ".join(ADDRESS_IN_TEXT.sub(" ", f"{s.event.title} {s.subject}") for s in sightings)
    found = taxonomy.find_professions(text)
    title = TITLE_TAIL.sub("", clean_text(sightings[0].event.title))
    end = sightings[0].event.end
    location = next((clean_text(s.event.location) for s in sightings if s.event.location), None)
    return _Event(key=key, title=title, start=start,
                  end=_local(end, start.tzinfo) if isinstance(start, datetime) and start.tzinfo else end,
                  location=location or None,
                  url=next((s.event.url for s in sightings if s.event.url), None),
                  senders=frozenset(canonical(s.sender) for s in sightings),
                  personal=any(not s.bulk for s in sightings),
                  invite=bool(SOCIAL.search(title)) and not FORWARD_CUES.search(text),
                  tags=frozenset(taxonomy.industries_of(text)) - GENERIC_TAGS,
                  roles=frozenset(r for p in found for r in p.roles) - GENERIC_EVENT_ROLES,
                  professions=frozenset(p.id for p in found))


@dataclass(frozen=True)
class _Profile:
    """One person's side of the match, computed once per planning run."""

    person: Person
    tags: frozenset[str]
    roles: frozenset[str]
    asks: tuple[tuple[str, str, frozenset[str], frozenset[str], frozenset[str]], ...]  # why, what, ids, roles, tags
    ask_texts: tuple[str, ...] = ()  # each ask's sentence, for matching by meaning

    @classmethod
    def of(cls, person: Person) -> _Profile:
        asks, texts = [], []
        for ask in person.asks:
            if ask.done or not ask.what:
                continue
            texts.append(ask.text)
            need = taxonomy.find_professions(ask.what)[:1]
            if names_its_object(ask.what, ask.text):
                what = with_article(clean_text(ask.what))
                said = f"asked for {what} on {day(ask.date)}"
            else:  # the ask names no thing: its own words, and no "you were looking for ..." in a draft
                what, said = "", f"asked on {day(ask.date)}: \u201c{clip(clean_text(ask.text), 60)}\u201d"
            asks.append((said, what,
                         frozenset(p.id for p in need), frozenset(r for p in need for r in p.roles),
                         frozenset(ask.qualifiers) | frozenset(t for p in need for t in p.industries)))
        return cls(person, frozenset(person.topics) - GENERIC_TAGS, frozenset(person.roles), tuple(asks),
                   tuple(texts))

    def guest(self, event: _Event, matcher: Matcher | None = None,
              row: NDArray[np.float32] | None = None) -> _Guest | None:
        """row: matcher.similarities(event.title), when the caller has it."""
        score, why, asked = 0.0, list[str](), list[str]()
        for (said, what, ids, roles, tags), text in zip(self.asks, self.ask_texts, strict=True):
            if ids & event.professions or roles & event.roles:
                score, why, asked = score + 2.0, [*why, said], [*asked, what]
            elif tags & event.tags:
                score, why, asked = score + 1.5, [*why, said], [*asked, what]
            elif matcher is not None and (near := _fit(matcher.similarity_of(event.title, text))) > 0:
                score, why, asked = score + 2.0 * near, [*why, said], [*asked, what]
        if matcher is not None and not why and (near := _fit(matcher.similarity(event.title, self.person, row))) > 0:
            score += near
            about = ", ".join(x for x in (self.person.title, self.person.organization) if x)
            why.append(f"the event is near what {called(self.person)} does"
                       + (f" ({clip(about, 60)})" if about else ""))
        shared_roles = sorted(self.roles & event.roles)
        if shared_roles:
            score += 1.0
            why.append(", ".join(r.replace("_", " ") for r in shared_roles))
        topics = sorted(self.tags & event.tags)
        if topics:
            score += 0.5 * min(len(topics), 2)
            why.append(fields(self.person, topics))
        if score < MIN_GUEST_SCORE:
            return None
        return _Guest(self.person, score * (0.5 + self.person.strength), "; ".join(why[:3]), (asked or [""])[0])


class _Asking:
    """Everyone's open asks as one matrix: who asked for something near an event, in one product."""

    def __init__(self, profiles: Sequence[_Profile], vectors: Vectors) -> None:
        pairs = [(i, vectors[t]) for i, pr in enumerate(profiles) for t in pr.ask_texts if t in vectors]
        self.owners = np.array([i for i, _ in pairs], dtype=np.int64)
        self.matrix = np.stack([v for _, v in pairs]).astype(np.float32) if pairs else None

    def near(self, title: str, matcher: Matcher) -> set[int]:
        """Indexes of the profiles with an open ask at least EVENT_FLOOR near the event's title."""
        vector = matcher.vectors.get(title)
        if vector is None or self.matrix is None:
            return set()
        return {int(i) for i in self.owners[self.matrix @ vector >= EVENT_FLOOR]}


def _fit(similarity: float | None) -> float:
    """0 below the floor, else the similarity mapped onto 0..1."""
    if similarity is None or similarity < EVENT_FLOOR:
        return 0.0
    return similarity_fit(similarity, EVENT_LOW, EVENT_HIGH)


def event_texts(seen: Sequence[SeenEvent]) -> list[str]:
    """The texts of events matching by meaning compares (their titles as the digest shows them)."""
    return list(dict.fromkeys(TITLE_TAIL.sub("", clean_text(s.event.title)) for s in seen if s.event.title))


def _candidate(event: _Event, guests: list[_Guest], max_guests: int) -> Candidate:
    reasons = {g.person.email: g for g in guests}
    score = sum(g.score for g in guests[:max_guests]) * (1.0 if event.personal else 0.8)

    def make(chosen: tuple[Person, ...], drafting: Drafting) -> Suggestion:
        return _suggestion(event, [reasons[p.email] for p in chosen], drafting, score)

    return Candidate(SECTION, event.key, score, (), make, tuple(g.person for g in guests), 1, max_guests)


def _when(event: _Event) -> str:
    """'Tue Dec 8, 6:00 PM PST' in the owner's zone; 'Sat Dec 12' for all-day events."""
    if isinstance(event.start, datetime):
        hour = event.start.hour % 12 or 12
        return f"{event.start:%a} {day(event.start)}, {hour}:{event.start:%M %p} {event.start.tzname()}"
    return f"{event.start:%a} {day(event.start)}"


def _suggestion(event: _Event, guests: list[_Guest], drafting: Drafting, score: float) -> Suggestion:
    kind = "event_invite" if event.invite else "event_forward"
    where = f" at {clip(event.location, 80)}" if event.location else ""
    reason = (f"{event.title} ({_when(event)}{where}) fits "
              + "; ".join(f"{called(g.person)} ({g.reason})" for g in guests) + ".")
    base: dict[str, Any] = {"event": {"title": event.title, "when": _when(event), "day": day(event.start),
                                      "location": event.location or "", "url": event.url or ""},
                            "owner_first": drafting.owner_first}
    drafts = tuple(drafting.writer.draft(kind, [address(g.person)], {**base, "guest": person_context(g.person),
                                                                    "why": g.reason, "asked": g.asked})
                   for g in guests)
    data = {"event": {"title": event.title, "start": event.start.isoformat(),
                      "end": event.end.isoformat() if event.end else None, "location": event.location},
            "guests": [{**ref(g.person), "reason": g.reason} for g in guests]}
    return Suggestion(SECTION, event.key, reason, round(score, 4), tuple(address(g.person) for g in guests), drafts,
                      data)


def guests_for(seen: SeenEvent, people: Sequence[Person], now: datetime, drafting: Drafting, *,
               max_guests: int = 8, tz: tzinfo = UTC, vectors: Vectors | None = None
               ) -> tuple[dict[str, Any], list[Suggestion]]:
    """For an event the user forwarded: the event as understood (title, when in the user's zone,
    place) and one numbered suggestion per guest, best first, each with its own draft. Addresses in
    the forwarded mail are data: the guests come only from the user's network."""
    found = candidates(with_meant_roles(people, vectors), [seen], now, horizon_days=366, max_guests=max_guests,
                       tz=tz, vectors=vectors)
    start = _local(seen.event.start, tz)
    understood = {"title": clean_text(seen.event.title), "when": "", "location": clean_text(seen.event.location or "")}
    if start is not None:
        understood["when"] = (f"{start:%a} {day(start)}, {start.hour % 12 or 12}:{start:%M %p} {start.tzname()}"
                              if isinstance(start, datetime) else f"{start:%a} {day(start)}")
    if not found:
        return understood, []
    candidate = found[0]
    out = []
    for n, guest in enumerate(candidate.extras[:max_guests], 1):
        made = candidate.make((guest,), drafting)
        out.append(replace(made, key=f"{candidate.key}:guest:{guest.email}", id=n))
    return understood, out
