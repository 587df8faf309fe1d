"""What every section shares: the candidate a section proposes, and how people and dates are shown."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from assistant.addresses import clean_text
from assistant.digest.drafts import DraftWriter
from assistant.models import Address, Person, Suggestion
from assistant.understanding.greetings import NOT_FIRST_NAMES


@dataclass(frozen=True)
class Drafting:
    """What drafts need besides the facts: the writer and whose name signs them."""

    writer: DraftWriter
    owner_name: str

    @property
    def owner_first(self) -> str:
        return first_name(self.owner_name)


# Called once a candidate is chosen, with the optional people that are still free: drafts are
# rendered only for what makes the digest, never for the thousands of candidates behind it.
Maker = Callable[[tuple[Person, ...], Drafting], Suggestion]


@dataclass(frozen=True)
class Candidate:
    """A possible suggestion before the digest is assembled.

    people must all be under the per-person cap; extras (event guests, gathering invitees) are taken
    best first while they are, and the candidate is dropped when fewer than min_extras remain.
    """

    section: str
    key: str
    score: float
    people: tuple[Person, ...]
    make: Maker
    extras: tuple[Person, ...] = ()
    min_extras: int = 0
    max_extras: int = 0


def ranked(candidates: list[Candidate]) -> list[Candidate]:
    """Best first; the key breaks ties so the same network always gives the same digest."""
    return sorted(candidates, key=lambda c: (-round(c.score, 9), c.key))


def first_name(name: str) -> str:
    words = clean_text(name).split()
    return words[0] if words else ""


def called(person: Person) -> str:
    """The first name to greet someone by: the one the owner's own notes to them open with most
    ("Hi, Connie!!" to "Heizungsbau Armin Scharnberger"); else the one they sign their own notes with,
    when they do so at least twice and more often than with any other ("Love, Connie"); else the
    first word of their name."""
    greetings, sign_offs = person.evidence.get("greeting") or {}, person.evidence.get("signed") or {}
    signed = _habit(sign_offs)
    greeted = _habit(greetings, once=True)
    if greeted:
        # once is enough when the name is theirs already (in their name, their address or their sign-off)
        theirs = {w.casefold() for w in re.findall(r"[^\W\d_]+", f"{person.name} {person.email.split('@')[0]}")}
        if greetings[greeted] >= 2 or greeted.casefold() in theirs or greeted == signed:
            return clean_text(greeted)
    return clean_text(signed) if signed else first_name(person.name)


def _habit(counts: Mapping[str, int], once: bool = False) -> str | None:
    """The one name used more often than any other (at least twice unless `once`), never a stop word."""
    ranked = sorted(((n, c) for n, c in counts.items() if n.casefold() not in NOT_FIRST_NAMES and n[:1].isupper()),
                    key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]) or (not once and ranked[0][1] < 2):
        return None
    return ranked[0][0]


def fields(person: Person, topics: Iterable[str] | None = None) -> str:
    """'works in healthcare; writes about legal': the topics their profile gives, then those only their
    mail's words give (all of them `works in` when the network did not say which is which)."""
    return "; ".join(part for part in field_parts(person, topics) if part)


def field_parts(person: Person, topics: Iterable[str] | None = None) -> tuple[str, str]:
    """fields() as its two halves: ("works in ...", "writes about ...") ("" for a half with none)."""
    topics = list(person.topics if topics is None else topics)
    known = person.evidence.get("profile_topics")
    worked = topics if known is None else [t for t in topics if t in set(known)]
    written = [t for t in topics if t not in worked]
    worked_text, written_text = (f"{verb} {', '.join(t.replace('_', ' ') for t in group)}" if group else ""
                                 for verb, group in (("works in", worked), ("writes about", written)))
    return worked_text, written_text


def address(person: Person) -> Address:
    return Address(clean_text(shown_name(person)), person.email)


def shown_name(person: Person) -> str:
    """The name to put on their address: their own; but an address that never carried a display name is
    named after its own words ("Cptdougie"), and the first name the owner greets them by ("Leonard") is
    better."""
    if person.evidence.get("names"):
        return person.name
    first = called(person)
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", person.name)}
    return first if first and first.casefold() not in words else person.name


def ref(person: Person) -> dict[str, str]:
    """{name, email}: how the digest JSON names a person."""
    return {"name": clean_text(person.name), "email": person.email}


def person_context(person: Person) -> dict[str, Any]:
    """What templates may say about someone: all cleaned, never None."""
    return {"first": called(person) or person.email.split("@")[0], "name": clean_text(person.name),
            "email": person.email, "title": clean_text(person.title), "organization": clean_text(person.organization)}


def describe(person: Person) -> str:
    """'Partner, Brightline IP LLP' or '' when nothing is known."""
    return ", ".join(part for part in (clean_text(person.title), clean_text(person.organization)) if part)


def day(when: datetime | date | None) -> str:
    """'Mar 3': how reasons and drafts cite a date."""
    return f"{when:%b} {when.day}" if when else "recently"


def with_article(phrase: str) -> str:
    """'a patent attorney', 'an accountant'; plurals ('pilot sites') and names ('Angels') stay bare."""
    if not phrase.strip():
        return phrase
    plural = phrase.endswith("s") and not phrase.endswith("ss") and " of " not in phrase
    name = phrase[0].isupper() and not phrase.split()[0].isupper()
    if plural or name:
        return phrase
    return ("an " if phrase[0].lower() in "aeiou" else "a ") + phrase


def clip(text: str, limit: int = 110) -> str:
    text = clean_text(text)
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def parse_when(value: Any) -> datetime | date | None:
    """An ISO date or datetime as stored in records and history; None when unreadable."""
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        return None


def as_date(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def remembered(entry: Mapping[str, Any] | None, now: datetime) -> bool:
    """True when the user already dealt with this suggestion: skipped, done, sent, or snoozed until later."""
    if not entry:
        return False
    status = entry.get("status")
    if status in ("skipped", "done", "sent"):
        return True
    if status == "snoozed":
        until = parse_when(entry.get("until"))
        # a snooze without a readable end is honoured rather than ignored
        return until is None or now.date() < as_date(until)
    if status == "shown" and int(entry.get("times", 0)) >= SHOWN_BEFORE_REST:
        # shown in several digests and never acted on: let it rest so the digest rotates
        last = parse_when(entry.get("at"))
        return last is not None and (now.date() - as_date(last)).days < REST_DAYS
    return False


def never_key(people: Sequence[str]) -> str:
    """The history entry (status "never") that keeps a person, or a pair, out of every later digest."""
    return "never:" + "|".join(sorted(p.lower() for p in people))


def refused(history: Mapping[str, Mapping[str, Any]], people: Sequence[str]) -> bool:
    """The user said `never` to one of these people, or to this pair."""
    keys = [never_key([p]) for p in people] + ([never_key(people)] if len(people) == 2 else [])
    return any((history.get(k) or {}).get("status") == "never" for k in keys)


SHOWN_BEFORE_REST = 2
REST_DAYS = 28
