"""A gathering now and then: breakfast or happy hour with the people who help, answer and give. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from assistant.addresses import clean_text
from assistant.digest.candidates import Candidate, Drafting, address, called, clip, day, person_context, ref
from assistant.models import Person, Suggestion
from assistant.understanding.what import names_its_object

SECTION = "gathering"
KINDS = ("breakfast", "happy hour")  # alternated from one period to the next
MIN_INVITEES = 3


@dataclass(frozen=True)
class _Invitee:
    person: Person
    score: float
    why: str
    gave: bool  # helped the owner or offered something, not only wrote back


def due(now: datetime, last_gathering: datetime | None, every_days: int) -> bool:
    return last_gathering is None or (now - last_gathering).days >= every_days


def period_start(now: datetime, every_days: int) -> date:
    """The first day of the period `now` falls in: one gathering key per period, stable all period long."""
    ordinal = now.date().toordinal()
    return date.fromordinal(ordinal - ordinal % max(every_days, 1))


def candidates(people: Sequence[Person], now: datetime, last_gathering: datetime | None, *, every_days: int,
               size: int, acquainted: frozenset[frozenset[str]] = frozenset()) -> list[Candidate]:
    """At most one candidate, and only when a gathering is due; invitees are its extras, most helpful first.
    acquainted: pairs of people who were on a thread together (the draft does not offer to introduce
    guests who mostly know each other already)."""
    if not due(now, last_gathering, every_days):
        return []
    # those who helped or offered first: the seats go to them before anyone who only writes back
    invitees = sorted((i for p in people if (i := _invitee(p)) is not None),
                      key=lambda i: (not i.gave, -i.score, i.person.email))
    if sum(i.gave for i in invitees) < MIN_INVITEES:
        return []  # a gathering for the people who help needs a few who did: writing back alone is not help
    start = period_start(now, every_days)
    kind = KINDS[(start.toordinal() // max(every_days, 1)) % len(KINDS)]
    key = f"gathering:{start.isoformat()}"
    reasons = {i.person.email: i.why for i in invitees}
    score = sum(i.score for i in invitees[:size])

    def make(chosen: tuple[Person, ...], drafting: Drafting) -> Suggestion:
        return _suggestion(kind, key, score, [(p, reasons[p.email]) for p in chosen], drafting, acquainted)

    return [Candidate(SECTION, key, score, (), make, tuple(i.person for i in invitees), MIN_INVITEES, size)]


def _invitee(person: Person) -> _Invitee | None:
    if person.weak:
        return None
    reciprocity = float(person.evidence.get("strength", {}).get("reciprocity") or 0.0)
    helped = sorted(person.helped, key=lambda i: (i.date is None, i.date, i.message_id))
    offers = [o for o in person.offers if o.what]
    giving = 2.0 * min(len(helped), 2) + 0.5 * min(len(offers), 2)
    if not giving and reciprocity < 0.6:
        return None
    why = []
    if helped:
        why.append(f"helped: {clean_text(helped[-1].what) or 'a favour'} ({day(helped[-1].date)})")
    named = sorted({clean_text(o.what) for o in offers if names_its_object(o.what, o.text)})
    if named:
        why.append("offers " + ", ".join(named[:2]))
    elif offers:  # offers that name no thing ("I'd be happy to host"): the latest in its own words
        latest = max(offers, key=lambda o: (o.date is not None, o.date, o.message_id))
        why.append(f"offered: \u201c{clip(clean_text(latest.text), 60)}\u201d")
    if reciprocity >= 0.6:
        why.append("always writes back")
    return _Invitee(person, (giving + reciprocity) * (0.5 + person.strength), "; ".join(why), giving > 0)


def _suggestion(kind: str, key: str, score: float, invitees: list[tuple[Person, str]],
                drafting: Drafting, acquainted: frozenset[frozenset[str]] = frozenset()) -> Suggestion:
    reason = (f"Time for a {kind} with the people who help, answer and give: "
              + "; ".join(f"{called(p)} ({why})" for p, why in invitees) + ".")
    # thanks only when each of them did the owner a favour: "always writes back" or an offer is no help given
    context = {"kind": kind, "invitees": [person_context(p) for p, _ in invitees], "owner_first": drafting.owner_first,
               "thanks": all(p.helped for p, _ in invitees), "meet": _mostly_strangers([p for p, _ in invitees],
                                                                                     acquainted)}
    draft = drafting.writer.draft("gathering", [address(p) for p, _ in invitees], context)
    return Suggestion(SECTION, key, reason, round(score, 4), tuple(address(p) for p, _ in invitees), (draft,),
                      {"invitees": [ref(p) for p, _ in invitees]})


def _mostly_strangers(people: Sequence[Person], acquainted: frozenset[frozenset[str]]) -> bool:
    """Whether most pairs of guests have not been on a thread together, nor work where the owner works:
    then the gathering also introduces them (seven colleagues from one department know each other)."""
    pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]
    known = sum(frozenset((a.email, b.email)) in acquainted
                or bool(a.evidence.get("colleague") and b.evidence.get("colleague")) for a, b in pairs)
    return not pairs or known * 2 < len(pairs)
