"""Reconnect: strong relationships gone quiet for longer than that person's own rhythm, and people
whose good news the owner has not answered yet (the best reason there is to write). Pure."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from assistant.addresses import clean_text
from assistant.digest.candidates import (
    Candidate,
    Drafting,
    address,
    called,
    clip,
    day,
    person_context,
    ranked,
    ref,
)
from assistant.models import Item, Person, Suggestion

SECTION = "reconnect"
MIN_RHYTHM_DAYS = 7.0  # a burst of same-day replies is not a rhythm of hours
NEWS_DAYS = 30  # news this recent that the owner has not written to them since is a reason to write now
NEWS_HALF_LIFE_DAYS = 14.0
# how a note names news the sentence model labeled (understanding.what.NEWS_LABELS); news the patterns
# read keeps the writer's own words, which a note to them does not repeat back
ON_THE_NEWS = {"new role": "the new role", "new company": "the new venture", "funding": "the funding",
               "launch": "the launch", "award": "the award", "deal": "the deal", "opening": "the opening",
               "publication": "the publication", "hire": "the new hire", "approval": "the approval",
               "milestone": "the milestone", "degree": "the graduation", "wedding": "the wedding news",
               "baby": "the new baby", "move": "the move", "retirement": "the retirement"}


def candidates(people: Sequence[Person], now: datetime, *, min_strength: float, min_quiet_days: int,
               quiet_factor: float) -> list[Candidate]:
    out = []
    for person in people:
        if person.weak or person.strength < min_strength or person.last_contact is None:
            continue
        if person.evidence.get("colleague"):
            continue  # the owner's own organization: seen at work, not a tie gone quiet (a probe's teammates)
        quiet = (now - person.last_contact).days
        news = unanswered_news(person, now)
        if news is not None:
            age = max((now - news.date).days, 0) if news.date else NEWS_DAYS
            score = person.strength * 2.0 * 0.5 ** (age / NEWS_HALF_LIFE_DAYS)
            out.append(_news_candidate(person, news, score))
            continue
        seen = person.evidence.get("last_seen")
        if seen and (now - datetime.fromisoformat(seen)).days < min_quiet_days:
            continue  # on the mail the owner gets (the department's list, a shared thread): not gone quiet
        rhythm = max(float(person.evidence.get("strength", {}).get("usual_gap_days") or 0.0), MIN_RHYTHM_DAYS)
        if quiet < min_quiet_days or quiet < quiet_factor * rhythm:
            continue
        score = person.strength * math.log1p(quiet / rhythm)
        out.append(_candidate(person, person.last_contact, quiet, score))
    return ranked(out)


def unanswered_news(person: Person, now: datetime) -> Item | None:
    """Their latest good news of the last NEWS_DAYS days that the owner has not written to them since.
    Only news the patterns read as the writer's own or their organization's (a congratulation sent for
    a colleague's promotion, or for a sentence the model alone took for news, would be a mistake sent
    in the owner's name), and never news still private: a note about it could reach the wrong inbox."""
    written = person.evidence.get("last_written")
    since = datetime.fromisoformat(written) if written else None
    fresh = [i for i in person.news if i.date and 0 <= (now - i.date).days <= NEWS_DAYS
             and (since is None or i.date > since) and i.about in ("self", "organization") and not i.private(now)]
    return max(fresh, key=lambda i: (i.date or now, i.message_id), default=None)


def _news_candidate(person: Person, news: Item, score: float) -> Candidate:
    key = f"reconnect:{person.email}:news:{news.message_id}"

    def make(_extras: tuple[Person, ...], drafting: Drafting) -> Suggestion:
        when, last = news.date or datetime.min, person.last_contact
        reason = (f"{called(person)} shared news on {day(when)}: \u201c{clip(clean_text(news.text), 160)}\u201d "
                  "You have not written to them since.")
        context = {"person": person_context(person), "news": ON_THE_NEWS.get(news.what or ""),
                   "owner_first": drafting.owner_first}
        draft = drafting.writer.draft("congratulate", [address(person)], context)
        return Suggestion(SECTION, key, reason, round(score, 4), (address(person),), (draft,),
                          {"person": {**ref(person), "last_contact": last.isoformat() if last else None},
                           "news": {"text": news.text, "date": when.isoformat(), "message_id": news.message_id}})

    return Candidate(SECTION, key, score, (person,), make)


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
