"""The weekly digest: an hour's worth of ways to help others, planned from the network and `now`. Pure.

Each section proposes ranked candidates; plan_digest then takes them best first, leaving out what the
user skipped, snoozed or did, and keeping any one person from filling the digest. Only the chosen
candidates get drafts. Same network, history and `now` give the same digest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from types import MappingProxyType
from typing import Any

from assistant.digest import events, gathering, intros, reconnect, stories
from assistant.digest.candidates import Candidate, Drafting, refused, remembered
from assistant.digest.drafts import DraftWriter
from assistant.digest.meaning import Matcher, Vectors, with_meant_roles
from assistant.models import SECTIONS, Item, Person, Suggestion
from assistant.network.build import Network

DEFAULT_CAPS: Mapping[str, int] = MappingProxyType(
    {"intros": 3, "events": 3, "stories": 2, "gathering": 1, "reconnect": 3})
NO_HISTORY: Mapping[str, Mapping[str, Any]] = MappingProxyType({})
# Sections about fixed people choose first; events and the gathering can always ask someone else,
# so they fill in around them under the per-person cap.
CHOICE_ORDER = ("intros", "reconnect", "stories", "events", "gathering")


@dataclass(frozen=True)
class DigestSettings:
    """How much goes into one digest and what counts as upcoming, quiet or strong."""

    caps: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CAPS))  # per section; missing -> default
    horizon_days: int = 60  # events starting within this many days
    gathering_every_days: int = 30
    per_person_cap: int = 2  # appearances of one person across the whole digest
    per_section_cap: int = 1  # ... and within one section: three intros for six different people
    reconnect_min_strength: float = 0.45
    reconnect_min_quiet_days: int = 45
    reconnect_quiet_factor: float = 3.0  # quiet for this many of the person's usual gaps
    story_window_days: int = 90
    story_min_strength: float = 0.45  # "key people": only their news is pitched
    max_guests: int = 3  # per event
    max_subjects: int = 3  # per story pitch
    gathering_size: int = 8
    tz: tzinfo = UTC  # how event times are shown in reasons and drafts

    def cap(self, section: str) -> int:
        return int(self.caps.get(section, DEFAULT_CAPS[section]))


DEFAULT_SETTINGS = DigestSettings()


@dataclass(frozen=True)
class Digest:
    """The plan for one digest; ids run 1..N across sections in SECTIONS order."""

    generated_at: datetime
    sections: Mapping[str, tuple[Suggestion, ...]]

    def items(self) -> list[Suggestion]:
        return [s for section in SECTIONS for s in self.sections.get(section, ())]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"generated_at": self.generated_at.isoformat()}
        for section in SECTIONS:
            out[section] = [_item_json(s) for s in self.sections.get(section, ())]
        return out


def _item_json(suggestion: Suggestion) -> dict[str, Any]:
    drafts = [{"to": [a.to_json() for a in d.to], "cc": [a.to_json() for a in d.cc], "subject": d.subject,
               "body": d.body} for d in suggestion.drafts]
    return {"id": suggestion.id, "reason": suggestion.reason, "drafts": drafts, **suggestion.data}


def plan_digest(network: Network, now: datetime, *, writer: DraftWriter,
                history: Mapping[str, Mapping[str, Any]] = NO_HISTORY, settings: DigestSettings = DEFAULT_SETTINGS,
                last_gathering: datetime | None = None, owner_name: str = "", vectors: Vectors | None = None,
                vetoed: frozenset[str] = frozenset(), intro_candidates: Sequence[Candidate] | None = None
                ) -> Digest:
    """Decide this week's digest. Nothing here reads the clock, files or the network: it is all in the arguments.
    vectors: the sentence model's vector of each text matching compares (None: match by name only);
    vetoed: keys of introductions a second opinion ([llm]) turned down; intro_candidates: intros.candidates
    of these people, when the caller worked them out already (for that second opinion)."""
    people = digest_people(network, vectors, settings.tz)
    matcher = Matcher(people, vectors) if vectors else None  # one for introductions and events
    if intro_candidates is None:
        intro_candidates = intros.candidates(people, network.acquainted, now, vectors, matcher=matcher)
    proposed = {
        "intros": [c for c in intro_candidates if c.key not in vetoed],
        "events": events.candidates(people, network.events, now, settings.horizon_days, settings.max_guests,
                                    settings.tz, vectors, matcher=matcher),
        "stories": stories.candidates(people, network.acquainted, now, window_days=settings.story_window_days,
                                      min_strength=settings.story_min_strength, max_subjects=settings.max_subjects),
        "gathering": gathering.candidates(people, now, last_gathering, every_days=settings.gathering_every_days,
                                          size=settings.gathering_size, acquainted=network.acquainted),
        "reconnect": reconnect.candidates(people, now, min_strength=settings.reconnect_min_strength,
                                          min_quiet_days=settings.reconnect_min_quiet_days,
                                          quiet_factor=settings.reconnect_quiet_factor),
    }
    drafting = Drafting(writer, owner_name)
    seen: Counter[str] = Counter()
    chosen = {section: _choose(proposed[section], settings.cap(section), settings, history, now, seen)
              for section in CHOICE_ORDER}
    sections: dict[str, tuple[Suggestion, ...]] = {}
    next_id = 1
    for section in SECTIONS:
        made = []
        for candidate, extras in chosen[section]:
            made.append(replace(candidate.make(extras, drafting), id=next_id))
            next_id += 1
        sections[section] = tuple(made)
    return Digest(now, MappingProxyType(sections))


def digest_people(network: Network, vectors: Vectors | None, tz: tzinfo = UTC) -> list[Person]:
    """The contacts as the digest reads them: with vectors, titles the taxonomy does not spell out
    give the roles they mean (meaning.with_meant_roles); their dates in the digest's time zone, so a
    note written on a Monday evening in California is cited as Monday's, not as Tuesday's (UTC)."""
    people = with_meant_roles(people_of(network), vectors)
    return people if tz is UTC else [in_zone(p, tz) for p in people]


def in_zone(person: Person, tz: tzinfo) -> Person:
    """The same person with every date shown in `tz` (the same instants)."""
    def at(when: datetime | None) -> datetime | None:
        return when.astimezone(tz) if when is not None and when.tzinfo is not None else when

    def items(found: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple(replace(i, date=at(i.date)) for i in found)

    return replace(person, first_contact=at(person.first_contact), last_contact=at(person.last_contact),
                   asks=items(person.asks), offers=items(person.offers), news=items(person.news),
                   helped=items(person.helped))


def people_of(network: Network) -> list[Person]:
    """Contacts only, in a stable order; anyone with an excluded address is left out as a safety net."""
    excluded = {e.lower() for e in network.excluded}
    kept = [p for p in network.people if not excluded & {e.lower() for e in p.emails}]
    return sorted(kept, key=lambda p: p.email)


def _choose(candidates: list[Candidate], cap: int, settings: DigestSettings, history: Mapping[str, Mapping[str, Any]],
            now: datetime, seen: Counter[str]) -> list[tuple[Candidate, tuple[Person, ...]]]:
    """Best first, up to the cap, leaving out what the user dealt with and people already shown enough."""
    chosen: list[tuple[Candidate, tuple[Person, ...]]] = []
    here: Counter[str] = Counter()

    def free(person: Person) -> bool:
        return seen[person.email] < settings.per_person_cap and here[person.email] < settings.per_section_cap

    for candidate in candidates:
        if len(chosen) >= cap:
            break
        if remembered(history.get(candidate.key), now) or not all(free(p) for p in candidate.people) \
                or refused(history, [p.email for p in candidate.people]):
            continue
        extras = tuple(p for p in candidate.extras if free(p) and not refused(history, [p.email]))
        extras = extras[:candidate.max_extras]
        if len(extras) < candidate.min_extras:
            continue
        everyone = [p.email for p in (*candidate.people, *extras)]
        seen.update(everyone)
        here.update(everyone)
        chosen.append((candidate, extras))
    return chosen
