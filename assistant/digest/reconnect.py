"""Reconnect: strong relationships gone quiet for longer than that person's own rhythm. Pure."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from assistant.addresses import clean_text
from assistant.digest.candidates import Candidate, Drafting, address, called, day, person_context, ranked, ref
from assistant.models import Person, Suggestion

SECTION = "reconnect"
MIN_RHYTHM_DAYS = 7.0  # a burst of same-day replies is not a rhythm of hours


def candidates(people: Sequence[Person], now: datetime, *, min_strength: float, min_quiet_days: int,
               quiet_factor: float) -> list[Candidate]:
    out = []
    for person in people:
        if person.weak or person.strength < min_strength or person.last_contact is None:
            continue
        if person.evidence.get("colleague"):
            continue  # the owner's own organization: seen at work, not a tie gone quiet (a probe's teammates)
        quiet = (now - person.last_contact).days
        seen = person.evidence.get("last_seen")
        if seen and (now - datetime.fromisoformat(seen)).days < min_quiet_days:
            continue  # on the mail the owner gets (the department's list, a shared thread): not gone quiet
        rhythm = max(float(person.evidence.get("strength", {}).get("usual_gap_days") or 0.0), MIN_RHYTHM_DAYS)
        if quiet < min_quiet_days or quiet < quiet_factor * rhythm:
            continue
        score = person.strength * math.log1p(quiet / rhythm)
        out.append(_candidate(person, person.last_contact, quiet, score))
    return ranked(out)


def _candidate(person: Person, last: datetime, quiet: int, score: float) -> Candidate:
    # a new exchange gives a new key: after it goes quiet again, the person may come back
    key = f"reconnect:{person.email}:{last.date().isoformat()}"

    def make(_extras: tuple[Person, ...], drafting: Drafting) -> Suggestion:
        return _suggestion(person, last, quiet, key, score, drafting)

    return Candidate(SECTION, key, score, (person,), make)


def _suggestion(person: Person, last: datetime, quiet: int, key: str, score: float, drafting: Drafting) -> Suggestion:
    subject = clean_text(person.evidence.get("last_subject"))
    topic = _topic(subject)
    reason = (f"{called(person)}: {person.sent + person.received} messages between you, "
              f"quiet for {quiet} days since {day(last)}"
              + (f"; last about \u201c{subject}\u201d" if subject else "") + ".")
    context = {"person": person_context(person), "topic": topic, "last_subject": subject,
               "last_day": day(last), "days_quiet": quiet,
               "quiet_for": quiet_for(quiet), "owner_first": drafting.owner_first}
    draft = drafting.writer.draft("reconnect", [address(person)], context)
    return Suggestion(SECTION, key, reason, round(score, 4), (address(person),), (draft,),
                      {"person": {**ref(person), "last_contact": last.isoformat()}})


def _topic(subject: str) -> str:
    """'Re: Fwd: next week!' -> 'next week!': what the last exchange was about, without reply prefixes."""
    words = subject
    while True:
        head, sep, rest = words.partition(":")
        if sep and head.strip().lower() in {"re", "fw", "fwd", "aw", "wg", "tr", "sv", "rv"}:
            words = rest.strip()
        else:
            return words.strip()


def quiet_for(days: int) -> str:
    """'about six weeks', 'nearly three months': how long it has been, as a person would say it."""
    numbers = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
    if days < 60:
        weeks = max(round(days / 7), 1)
        return f"about {numbers[weeks] if weeks < len(numbers) else weeks} week{'s' if weeks > 1 else ''}"
    months = days / 30.4
    whole = round(months)
    if whole >= 12:
        return "over a year" if days >= 365 else "nearly a year"
    return f"{'nearly' if whole > months else 'about'} {numbers[whole]} months"
