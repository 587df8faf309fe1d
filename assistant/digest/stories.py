"""Stories for reporters: recent good news of people the owner knows well, matched to each reporter's beat. Pure.

News told in confidence never reaches a draft; it may be named in the reason, under a visible caution.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from assistant.addresses import clean_text
from assistant.digest.candidates import Candidate, Drafting, address, called, clip, day, person_context, ranked, ref
from assistant.models import Item, Person, Suggestion
from assistant.understanding.what import PRIVATE_LIFE

SECTION = "stories"
GENERIC_TAGS = frozenset({"media", "events"})
NEWS_HALF_LIFE_DAYS = 45.0
CAUTION = "CAUTION: under embargo (left out of the draft)"
BEAT_TOPICS = 2  # a reporter's first topics are their beat; the rest is context ("startups", "media")


@dataclass(frozen=True)
class _Story:
    person: Person
    news: tuple[Item, ...]  # best first
    beat: tuple[str, ...]  # the reporter's topics it touches
    score: float


def candidates(people: Sequence[Person], acquainted: frozenset[frozenset[str]], now: datetime, *,
               window_days: int, min_strength: float, max_subjects: int) -> list[Candidate]:
    """One candidate per reporter with fitting news; subjects are the candidate's extras."""
    by_tag: dict[str, list[tuple[Person, Item]]] = defaultdict(list)
    for person in people:
        if person.strength < min_strength:
            continue
        for item in person.news:
            if item.what in PRIVATE_LIFE or _PRIVATE.search(item.text):
                continue  # a wedding, a baby or a job they are leaving is the owner's to hear, not a reporter's
            if item.date and 0 <= (now - item.date).days <= window_days:
                for tag in _tags(person, item):
                    by_tag[tag].append((person, item))
    out = []
    for reporter in (p for p in people if "reporter" in p.roles):
        stories, cautions = _stories(reporter, by_tag, acquainted, now)
        if stories:
            out.append(_candidate(reporter, stories[:max_subjects], cautions, max_subjects))
    return ranked(out)


# news of someone's private life, or of a move their employer may not know of yet, in any words: never pitched
_PRIVATE = re.compile(r"\b(?:birth|born|baby|babies|pregnan\w*|expecting|engaged|engagement|married|marry|wedding|"
                      r"eloped|honeymoon|said yes|fianc[eé]e?|newborn|daughter|son|twins|grandchild\w*|graduat\w*|"
                      r"moved (?:in|into|to)|new (?:house|home|flat|apartment)|leaving|left|resign\w*|"
                      r"stepping down|retir\w*)\b", re.I)


def _tags(person: Person, item: Item) -> frozenset[str]:
    return (frozenset(person.topics) | frozenset(item.qualifiers)) - GENERIC_TAGS


def _stories(reporter: Person, by_tag: dict[str, list[tuple[Person, Item]]],
             acquainted: frozenset[frozenset[str]], now: datetime) -> tuple[list[_Story], list[_Story]]:
    beat = [t for t in reporter.topics if t not in GENERIC_TAGS][:BEAT_TOPICS]
    weight = {t: 1 / (1 + i) for i, t in enumerate(beat)}
    scored: dict[tuple[str, bool], list[tuple[float, Item, tuple[str, ...]]]] = defaultdict(list)
    people: dict[str, Person] = {}
    for tag in beat:
        for person, item in by_tag.get(tag, ()):
            if person.email == reporter.email or _covered(reporter, person, acquainted):
                continue
            fits = tuple(t for t in beat if t in _tags(person, item))
            if tag != fits[0]:
                continue  # met again under a later tag of the same beat
            age = max((now - item.date).days, 0) if item.date else NEWS_HALF_LIFE_DAYS
            score = sum(weight[t] for t in fits) * (0.5 + person.strength) * 0.5 ** (age / NEWS_HALF_LIFE_DAYS)
            scored[(person.email, item.private(now))].append((score, item, fits))
            people[person.email] = person
    stories: list[_Story] = []
    cautions: list[_Story] = []
    for (email, confidential), found in scored.items():
        found.sort(key=lambda f: (-f[0], f[1].message_id, f[1].text))
        story = _Story(people[email], tuple(f[1] for f in found), found[0][2], found[0][0])
        (cautions if confidential else stories).append(story)
    return _best_first(stories), _best_first(cautions)


def _best_first(stories: list[_Story]) -> list[_Story]:
    return sorted(stories, key=lambda s: (-s.score, s.person.email))


def _covered(reporter: Person, person: Person, acquainted: frozenset[frozenset[str]]) -> bool:
    """Already in touch about it: on a thread together, or the owner's last mail to the reporter names them."""
    if frozenset((reporter.email, person.email)) in acquainted:
        return True
    subject = clean_text(reporter.evidence.get("last_subject")).lower()
    names = [clean_text(person.organization), clean_text(person.name)]
    return bool(subject) and any(len(n) >= 4 and n.lower() in subject for n in names)


def _headline(item: Item) -> str:
    return clip(item.what or item.text, 90)


def _candidate(reporter: Person, stories: list[_Story], cautions: list[_Story], max_subjects: int) -> Candidate:
    news_ids = sorted(item.message_id for s in stories for item in s.news[:2])
    key = f"story:{reporter.email}:{'+'.join(news_ids)}"
    by_email = {s.person.email: s for s in stories}
    score = sum(s.score for s in stories)

    def make(chosen: tuple[Person, ...], drafting: Drafting) -> Suggestion:
        return _suggestion(reporter, [by_email[p.email] for p in chosen], cautions, key, score, drafting)

    return Candidate(SECTION, key, score, (reporter,), make, tuple(s.person for s in stories), 1, max_subjects)


def _suggestion(reporter: Person, stories: list[_Story], cautions: list[_Story], key: str, score: float,
                drafting: Drafting) -> Suggestion:
    beat = sorted({t for s in stories for t in s.beat}, key=list(reporter.topics).index)
    lines = [f"{called(s.person)}: " + "; ".join(f"{_headline(i)} ({day(i.date)})" for i in s.news[:2])
             for s in stories]
    reason = (f"{called(reporter)} covers {', '.join(t.replace('_', ' ') for t in beat)}. "
              + ". ".join(lines) + ".")
    for s in cautions[:2]:
        reason += f" {CAUTION}: {called(s.person)}: {_headline(s.news[0])} ({day(s.news[0].date)})."
    subjects = [{**person_context(s.person), "news": [{"headline": _headline(i), "date": day(i.date)}
                                                      for i in s.news[:2]]} for s in stories]
    context = {"reporter": person_context(reporter), "subjects": subjects,
               "beat": [t.replace("_", " ") for t in beat], "owner_first": drafting.owner_first}
    draft = drafting.writer.draft("story_lunch", [address(reporter)], context)
    data = {"reporter": ref(reporter),
            "subjects": [{**ref(s.person), "news": "; ".join(_headline(i) for i in s.news[:2])} for s in stories]}
    return Suggestion(SECTION, key, reason, round(score, 4), (address(reporter), *(address(s.person) for s in stories)),
                      (draft,), data)
