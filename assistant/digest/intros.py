"""Introductions: one person's ask meets another's offer, title or trade. Pure.

Two kinds of evidence, combined per helper. By name: offers, titles and roles indexed by taxonomy
profession (an inverted index), so each ask looks up its few candidate helpers. By meaning (when the
sentence model's vectors are given): the ask's sentence against every profile text (title and
organization, offers in the helper's words, fields), so an ask that names no trade still finds the
person who can help, and a helper the taxonomy found but whose profile is far from the ask in meaning
ranks lower. Each match keeps the profile text that made it, for the reason the digest shows.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from assistant.addresses import clean_text
from assistant.digest.candidates import (
    Candidate,
    Drafting,
    address,
    called,
    clip,
    day,
    describe,
    fields,
    person_context,
    ranked,
    ref,
    with_article,
)
from assistant.digest.meaning import Evidence, Matcher, Vectors, whole
from assistant.digest.meaning import fit as similarity_fit
from assistant.models import Item, Person, Suggestion
from assistant.network.people import FREEMAIL
from assistant.understanding import taxonomy
from assistant.understanding.cues import HELP_WHAT
from assistant.understanding.taxonomy import Profession
from assistant.understanding.what import names_its_object
from assistant.understanding.work import about_work, field_words, seeker_for

SECTION = "intros"
# Weight of each kind of evidence that someone can help: said so, their title says so, their trade does.
# "trade": offered something else in the same trade (a broker's services for an ask for warehouse space).
SOURCE_WEIGHT = {"offer": 1.0, "org": 0.9, "profile": 0.8, "trade": 0.7, "role": 0.5}
# Roles too broad to mean "can help with this" on their own.
GENERIC_ROLES = frozenset({"executive", "founder", "owner", "vendor", "consultant", "operations", "community",
                           "media", "event_organizer"})
ASK_HALF_LIFE_DAYS = 120.0
HELPERS_PER_ASK = 3
TITLE_WORDS = 4  # an "offer" this short is a signature line, not something the helper said
# By meaning: similarity (cosine of unit vectors) mapped to a fit from 0 at LOW to 1 at HIGH; a helper
# found by meaning alone needs FLOOR; what each kind of profile text is worth as evidence. Set on the
# dev split of benchmarks/data/matching (bench_matching.py); a bonus where name and meaning agree
# did not help there and is not used.
MEANING_LOW, MEANING_HIGH, MEANING_FLOOR = 0.2, 0.5, 0.25
# what an introduction found by meaning rests on; what someone's mail is about ("writes") is no trade
MEANING_WEIGHT = {"offer": 1.0, "profile": 0.9, "fields": 0.6, "writes": 0.0}
# A hire answered by a job seeker's ask (understanding.work): the fit when the field the seeker names
# is the role's in its words ("gas trading", "senior gas traders"), and the most a match by meaning
# alone gives. A side that names no field is matched by its person's profile.
WORK_BY_WORDS, WORK_BY_MEANING = 0.9, 0.8
# A field and a role a few words long (rank words left out: understanding.work.field_words) sit near
# each other whatever they are: on the dev split of benchmarks/data/work, of the seeker-hirer pairs at
# 0.35 or more 20 were in one field and 45 were not; at 0.45, 12 and 7; a match by meaning needs WORK_LOW.
WORK_LOW, WORK_HIGH = 0.45, 0.65


@dataclass(frozen=True)
class _Offer:
    person: Person
    depth: int  # 0: the offer names this profession; 1+: a broader profession it implies
    source: str  # offer | profile | role
    item: Item | None = None


@dataclass(frozen=True)
class _Match:
    asker: Person
    ask: Item
    need: Profession
    helper: Person
    source: str
    item: Item | None
    shared: tuple[str, ...]  # industries both sides share
    score: float
    evidence: Evidence | None = None  # the profile text nearest in meaning, when it made the match


@dataclass(frozen=True)
class _Seeker:
    """An open ask for work, and the field it names ("" when none)."""

    person: Person
    ask: Item
    field: str


def _seeks_work(ask: Item) -> bool:
    found = about_work(ask.text)
    return found is not None and not found[0]


class _Chains:
    """Taxonomy look-ups memoised for one planning run: labels repeat across thousands of items."""

    def __init__(self) -> None:
        self.cache: dict[str, tuple[Profession, ...]] = {}

    def __call__(self, text: str | None) -> tuple[Profession, ...]:
        if not text:
            return ()
        if text not in self.cache:
            self.cache[text] = tuple(taxonomy.find_professions(text))
        return self.cache[text]


def candidates(people: Sequence[Person], acquainted: frozenset[frozenset[str]], now: datetime,
               vectors: Vectors | None = None, *, matcher: Matcher | None = None) -> list[Candidate]:
    """Every plausible introduction, best first, at most one per pair of people. Weak ties (met through
    a CC, or never written to) are neither introduced nor asked to help: an introduction spends the
    owner's standing with both people, and the owner has none with them yet. vectors: the
    sentence model's unit vector of each text (meaning.texts_to_embed); None matches by name only.
    matcher: Matcher(people, vectors), when the caller built it already."""
    chains = _Chains()
    by_profession, by_role = _index(people, chains)
    organizations = _organizations(people, [a for p in people for a in p.asks])
    if matcher is None and vectors:
        matcher = Matcher(people, vectors)
    circles: dict[str, set[str]] = defaultdict(set)  # who each person already knows: never introduced
    for pair in acquainted:
        for email in pair:
            circles[email] |= pair
    best: dict[frozenset[str], _Match] = {}
    seekers = [_Seeker(person, ask, found[1]) for person in people if not person.weak for ask in _open_asks(person)
               if (found := about_work(ask.text)) is not None and not found[0]]
    for asker in people:
        if asker.weak:
            continue  # the owner never wrote to them: no relationship to vouch for them with
        known = frozenset(circles.get(asker.email, ())) | {asker.email}
        for ask in _open_asks(asker):
            for match in helpers_for(asker, ask, chains, by_profession, by_role, matcher, acquainted, now, known,
                                     organizations, seekers):
                pair = frozenset((asker.email, match.helper.email))
                if pair not in best or (match.score, ask.message_id) > (best[pair].score, best[pair].ask.message_id):
                    best[pair] = match
    return ranked([_candidate(m) for m in best.values()])


def _open_asks(person: Person) -> list[Item]:
    """Asks not yet answered; the same need asked twice counts once, at its latest date."""
    latest: dict[str, Item] = {}
    for ask in person.asks:
        if ask.done or not ask.what or ask.confidential:
            continue  # answered, naming nothing, or said in confidence: never passed on to a third party
        key = (ask.what if names_its_object(ask.what, ask.text) else ask.text).lower()  # opening words name no need
        known = latest.get(key)
        if known is None or (ask.date and known.date and ask.date > known.date):
            latest[key] = ask
    return [latest[k] for k in sorted(latest)]


def _index(people: Sequence[Person], chains: _Chains) -> tuple[dict[str, list[_Offer]], dict[str, list[_Offer]]]:
    by_profession: dict[str, list[_Offer]] = defaultdict(list)
    by_role: dict[str, list[_Offer]] = defaultdict(list)
    for person in people:
        seen: set[str] = set()
        for offer in person.offers:
            if offer.what and HELP_WHAT.match(offer.what):
                continue  # help named in their words is matched by meaning, never as a trade (cues.HELP_WHAT)
            for depth, profession in enumerate(chains(offer.what)):
                if profession.id not in seen:
                    seen.add(profession.id)
                    by_profession[profession.id].append(_Offer(person, depth, "offer", offer))
        for text in (person.title, person.organization):
            for profession in chains(text):
                if profession.id not in seen:
                    seen.add(profession.id)
                    by_profession[profession.id].append(_Offer(person, 0, "profile"))
        if not person.weak:  # known only from a CC: too little to vouch for their trade
            offered = {role: offer for offer in person.offers for p in chains(offer.what)[:1] for role in p.roles}
            for role in sorted(set(person.roles) - GENERIC_ROLES):
                item = offered.get(role)
                by_role[role].append(_Offer(person, 0, "trade" if item else "role", item))
    return by_profession, by_role


def helpers_for(asker: Person, ask: Item, chains: _Chains, by_profession: dict[str, list[_Offer]],
                by_role: dict[str, list[_Offer]], matcher: Matcher | None, acquainted: frozenset[frozenset[str]],
                now: datetime, known: frozenset[str] = frozenset(),
                organizations: dict[str, list[Person]] | None = None,
                seekers: Sequence[_Seeker] = ()) -> list[_Match]:
    """The best few helpers for one ask, by name and by meaning. known: the asker and everyone they
    already know (never suggested by meaning). seekers: the open asks for work, which a hire finds."""
    org = target_organization(ask)
    if org is not None:  # "do you have a contact at Carr?": only someone at Carr can answer it
        there = (organizations or {}).get(org, [])
        if any(p.email == asker.email for p in there):
            return []  # their own organization: they need no introduction there
        at_org: dict[str, _Fit] = {p.email: (SOURCE_WEIGHT["org"], p, "org", None, None) for p in there}
        return _best(asker, ask, Profession("", f"a contact at {org.title()}", frozenset(), ()), at_org,
                     acquainted, now)
    mine = about_work(ask.text)
    seeking = mine is not None and not mine[0]
    # a job sought in a field is no ask for someone in it: "a job in marketing" looks up no marketer
    need = () if seeking else chains(ask.what)
    by_name = _by_name(ask, need, by_profession, by_role)
    fits: dict[str, _Fit]
    if matcher is None or matcher.vague(ask.text):  # "could you introduce me to someone?": nothing to match by meaning
        fits = {email: (fit, offer.person, offer.source, offer.item, None) for email, (fit, offer) in by_name.items()}
        wanted = need[0] if need else _as_asked(ask)
    else:
        wanted = need[0] if need else (matcher.need(ask.text) or _as_asked(ask))
        fits = _with_meaning(ask, by_name, matcher, known | {asker.email}, names_a_trade=bool(need))
    if mine is not None and mine[0] and seekers:
        # a hire finds the job seekers: the first note goes to the seeker, who says yes before anyone hears of
        # their search (a seeker's own ask never goes to a hirer first)
        answers = _seekers_for(asker, mine[1], seekers, matcher, now)
        if answers:
            wanted = _work_need(mine, ask.text)
            fits = {**fits, **{e: f for e, f in answers.items() if e not in fits or f[0] > fits[e][0]}}
    if mine is not None and seeking:
        wanted = _work_need(mine, ask.text)
        # their employer may not know: never someone at the seeker's own organization
        fits = {e: f for e, f in fits.items() if not same_organization(asker, f[1])}
    if not fits:
        return []
    return _best(asker, ask, wanted, fits, acquainted, now)


def _work_need(mine: tuple[bool, str], text: str) -> Profession:
    hires, phrase = mine
    if hires:
        return Profession("", with_article(phrase) if phrase else "people to hire", frozenset(), ())
    label = f"work in {phrase}" if phrase else "a new job"
    relation = seeker_for(text)  # "my husband lost his job": not the writer's own search
    return Profession("", f"{label} for their {relation}" if relation else label, frozenset(), ())


def same_organization(a: Person, b: Person) -> bool:
    """Two people at one organization: the same work mail domain, or the same organization's name."""
    named = a.organization and b.organization and a.organization.casefold() == b.organization.casefold()
    return bool(_work_domains(a) & _work_domains(b)) or bool(named)


def _work_domains(person: Person) -> set[str]:
    return {e.rsplit("@", 1)[-1] for e in person.emails} - FREEMAIL


def _seekers_for(hirer: Person, role: str, seekers: Sequence[_Seeker], matcher: Matcher | None,
                 now: datetime) -> dict[str, _Fit]:
    """The job seekers a hire for `role` finds: by the words of the field and the role, else by meaning
    (the seeker's profile standing in for a field they did not name), weighed by how fresh their ask is."""
    fits: dict[str, _Fit] = {}
    for seeker in seekers:
        if seeker.person.email == hirer.email or same_organization(hirer, seeker.person):
            continue  # a seeker is never offered to their own employer's hirer: they may not know
        fit = _work_fit(role, seeker.field, seeker.person, matcher, hirer) * _recency(seeker.ask, now)
        email = seeker.person.email
        if fit > 0 and (email not in fits or fit > fits[email][0]):
            fits[email] = (fit, seeker.person, "work", seeker.ask, Evidence("work", seeker.ask.text, seeker.ask))
    return fits


def _work_fit(role: str, field: str, seeker: Person, matcher: Matcher | None, hirer: Person | None = None) -> float:
    """How well a hire's role fits a seeker's field: by a shared word, else by meaning, each side without
    its rank words ("tax manager" and "store manager" are no nearer for "manager"); a side that names
    no field ("", or only rank words: "an assistant manager") stands for its person's profile."""
    if _same_field(_stems(role), _stems(field)):
        return WORK_BY_WORDS
    if matcher is None:
        return 0.0
    role_text = field_words(role) or (whole(hirer) if hirer is not None else "")
    seeker_text = field_words(field) or whole(seeker)
    if not role_text or not seeker_text:
        return 0.0
    a, b = matcher.vectors.get(role_text), matcher.vectors.get(seeker_text)
    if a is None or b is None:
        return 0.0
    return WORK_BY_MEANING * similarity_fit(float(a @ b), WORK_LOW, WORK_HIGH)


def _same_field(a: set[str], b: set[str]) -> bool:
    """One field by its words: the same stems ("gas trading", "gas traders"), or all of a two-word one
    within the other ("gas trading", "natural gas trading"). One word in common is not enough: "software
    sales" is not "software engineering", nor "real estate" "estate planning"."""
    if not a or not b:
        return False
    return a == b or (a < b and len(a) >= 2) or (b < a and len(b) >= 2)


def _stems(phrase: str) -> set[str]:
    """A phrase's words as rough stems: "traders" and "trading" meet at "trad"."""
    words = (w for w in re.findall(r"[^\W\d_]{3,}", field_words(phrase).lower()))
    return {re.sub(r"(?:ing|ers?|ors?|ists?|ants?|ents?|ies|es|s|al|y)$", "", w)[:6] for w in words}


def _best(asker: Person, ask: Item, wanted: Profession, fits: Mapping[str, _Fit],
          acquainted: frozenset[frozenset[str]], now: datetime) -> list[_Match]:
    """The HELPERS_PER_ASK best of these fits, scored."""
    eligible = [f for f in fits.values() if f[1].email != asker.email and not f[1].weak
                and frozenset((asker.email, f[1].email)) not in acquainted]
    if not eligible:
        return []
    # Scored best fit first, stopping once no fit left can reach the HELPERS_PER_ASK-th score: the
    # same helpers as scoring them all (a score is at most fit x BOUND, see _bound), many times faster.
    bound = _bound(asker, ask, max(max(f[1].strength, 0.0) for f in eligible), now)
    if not (math.isfinite(bound) and all(math.isfinite(f[0]) for f in eligible)):
        bound = math.inf  # nothing to compare safely against: score every one
    matches: list[_Match] = []
    kept: list[float] = []  # the best HELPERS_PER_ASK scores so far (a min-heap)
    for fit, person, source, item, evidence in sorted(eligible, key=lambda f: -f[0]):
        if len(kept) == HELPERS_PER_ASK and fit * bound < kept[0]:
            break
        match = _score(asker, ask, wanted, person, source, item, fit, now, evidence)
        matches.append(match)
        if len(kept) < HELPERS_PER_ASK:
            heapq.heappush(kept, match.score)
        elif match.score > kept[0]:
            heapq.heapreplace(kept, match.score)
    return heapq.nsmallest(HELPERS_PER_ASK, matches, key=lambda m: (-m.score, m.helper.email))


_Fit = tuple[float, Person, str, Item | None, Evidence | None]


def _with_meaning(ask: Item, by_name: dict[str, tuple[float, _Offer]], matcher: Matcher,
                  exclude: frozenset[str], names_a_trade: bool = False) -> dict[str, _Fit]:
    """Name and meaning combined: the better of the two, where a helper found by name whose profile
    is far from the ask in meaning keeps only part of its fit. names_a_trade: the ask names one the
    taxonomy knows ("good marketers"); then the field someone works in ("works in energy") is not
    enough to be found by meaning: their title or their own offer must be what is near."""
    fits: dict[str, _Fit] = {}
    row = matcher.similarities(ask.text)  # the ask against everyone, once
    named = list(by_name.items())
    if row is None:
        combined = [fit for _, (fit, _offer) in named]
    else:  # as _meaning_fit and max(fit * (0.5 + 0.5 * meaning), meaning), for all of them at once
        at = np.array([matcher.row.get(offer.person.email, -1) for _, (_fit, offer) in named], dtype=np.int64)
        given = np.array([fit for _, (fit, _offer) in named], dtype=np.float64)
        meaning = np.clip((row[np.maximum(at, 0)].astype(np.float64) - MEANING_LOW) / (MEANING_HIGH - MEANING_LOW),
                          0.0, 1.0)
        combined = np.where(at >= 0, np.maximum(given * (0.5 + 0.5 * meaning), meaning), given).tolist()
    for (email, (_fit, offer)), value in zip(named, combined, strict=True):
        fits[email] = (value, offer.person, offer.source, offer.item, None)
    for near in matcher.nearest(ask.text, MEANING_FLOOR, HELPERS_PER_ASK * 4, exclude, row):
        if near.person.email in fits:
            continue
        evidence = near.evidence
        if not MEANING_WEIGHT[evidence.kind] or names_a_trade and evidence.kind == "fields":
            continue  # nearest by what their mail is about, or only by their field for a named trade
        fit = MEANING_WEIGHT[evidence.kind] * _meaning_fit(near.similarity)
        fits[near.person.email] = (fit, near.person, evidence.kind, evidence.item, evidence)
    return fits


def _meaning_fit(similarity: float) -> float:
    return similarity_fit(similarity, MEANING_LOW, MEANING_HIGH)


def _as_asked(ask: Item) -> Profession:
    """What an ask wants in its own words, when neither name nor meaning names a profession."""
    return Profession("", ask.what or clip(ask.text, 60), frozenset(), ())


def _by_name(ask: Item, need: tuple[Profession, ...], by_profession: dict[str, list[_Offer]],
             by_role: dict[str, list[_Offer]]) -> dict[str, tuple[float, _Offer]]:
    if not need:
        return {}
    found: dict[str, tuple[float, _Offer]] = {}
    for i, profession in enumerate(need):
        if i and i == len(need) - 1:
            continue  # the root of a chain ("engineer") is too broad to answer "a React developer"
        for offer in by_profession.get(profession.id, ()):
            if i == 0:
                closeness = 1.0 - 0.1 * offer.depth  # the offer is this trade or a narrower one
            elif offer.depth == 0:
                closeness = 1.0 - 0.2 * i  # the offer is a broader trade than asked for
            else:
                continue  # siblings: a backend developer for a React ask
            fit = closeness * SOURCE_WEIGHT[offer.source]
            if offer.person.email not in found or fit > found[offer.person.email][0]:
                found[offer.person.email] = (fit, offer)
    wanted = set(ask.qualifiers) | set(need[0].industries)
    for role in sorted(need[0].roles - GENERIC_ROLES):
        for offer in by_role.get(role, ()):
            if offer.person.email not in found and wanted & set(offer.person.topics):
                found[offer.person.email] = (SOURCE_WEIGHT[offer.source], offer)
    return found


def _bound(asker: Person, ask: Item, strongest: float, now: datetime) -> float:
    """The most _score can multiply a fit by for this ask, when no helper is stronger than `strongest`."""
    qualified = _qualified(len(set(ask.qualifiers)))
    return qualified * _ties(asker, strongest) * _recency(ask, now) * (1 + 1e-9)  # a hair over: never prunes a tie


def _qualified(shared: int) -> float:
    """An ask's qualifiers the helper shares ("for a nonprofit", "in Portland") raise the score."""
    return 1 + 0.25 * min(shared, 2)


def _ties(asker: Person, helper_strength: float) -> float:
    return 0.3 + 0.7 * math.sqrt(max(asker.strength, 0.0) * max(helper_strength, 0.0))


def _recency(ask: Item, now: datetime) -> float:
    age = max((now - ask.date).days, 0) if ask.date else ASK_HALF_LIFE_DAYS
    return 0.4 + 0.6 * float(0.5 ** (age / ASK_HALF_LIFE_DAYS))


def _sure(ask: Item) -> float:
    """How sure the sentence model is that the ask is one (1 when the cue patterns alone found it):
    an introduction resting on a doubtful ask is less likely to be worth sending."""
    return 1.0 if ask.score is None else min(max(ask.score, 0.0), 1.0)


def _score(asker: Person, ask: Item, need: Profession, helper: Person, source: str, item: Item | None, fit: float,
           now: datetime, evidence: Evidence | None = None) -> _Match:
    context = set(helper.topics) | set(item.qualifiers if item else ())
    shared = tuple(q for q in ask.qualifiers if q in context) or tuple(
        t for t in need.industries if source in ("role", "trade") and t in context)
    score = (fit * _qualified(len(set(ask.qualifiers) & context)) * _ties(asker, helper.strength) * _recency(ask, now)
             * _sure(ask))
    return _Match(asker, ask, need, helper, source, item, shared, score, evidence)


def _candidate(match: _Match) -> Candidate:
    asker, helper = match.asker, match.helper
    key = f"intro:{'|'.join(sorted((asker.email, helper.email)))}:{match.need.label.lower()}"

    def make(_extras: tuple[Person, ...], drafting: Drafting) -> Suggestion:
        return _suggestion(match, key, drafting)

    return Candidate(SECTION, key, match.score, (asker, helper), make)


def _need_phrase(match: _Match) -> str:
    if match.source in ("org", "work") or _seeks_work(match.ask):
        return match.need.label  # "a contact at Carr", "work in gas trading", "a senior gas trader"
    wanted = tuple(q.replace("_", " ") for q in match.ask.qualifiers if q)
    named = with_article(match.need.label) if match.need.id else "help"  # the ask's own words follow it
    return named + (f" (for {', '.join(wanted)})" if wanted else "")


def _offer_quote(match: _Match) -> str:
    """The helper's own words, unless the 'offer' is only a signature title such as 'Fractional CFO'."""
    if match.item is None or len(match.item.text.split()) <= TITLE_WORDS:
        return ""
    return clip(match.item.text, 300)


def _helper_phrase(match: _Match) -> str:
    helper, first = match.helper, called(match.helper)
    who = describe(helper)
    works_in = f" and {fields(helper, match.shared)}" if match.shared else ""
    if match.source == "work" and match.item is not None:
        return f"{first} wrote on {day(match.item.date)}: \u201c{clip(match.item.text)}\u201d"
    if _offer_quote(match) and match.item is not None:
        return f"{first} offered on {day(match.item.date)}: \u201c{clip(match.item.text)}\u201d"
    if match.source == "org":
        return f"{first} works at {clean_text(helper.organization) or helper.email.rsplit('@', 1)[-1]}"
    evidence = match.evidence
    if evidence is not None:  # found by meaning: the profile text that made the match
        if evidence.kind == "fields":
            return f"{first}{f' ({who})' if who else ''} {fields(helper)}"
        if evidence.kind == "offer":
            return f"{first} wrote: \u201c{clip(evidence.text)}\u201d"
        if not helper.title and helper.organization:
            return f"{first} works at {clean_text(helper.organization)}"  # not "Cory is East Power Trading"
        return f"{first} is {who or evidence.text}"
    if match.source in ("offer", "profile", "trade"):
        label = match.item.what if match.item and match.item.what else match.need.label
        return f"{first} is {with_article(label)}{f' ({who})' if who else ''}{works_in}"
    roles = ", ".join(r.replace("_", " ") for r in sorted(match.need.roles & set(helper.roles)))
    return f"{first}{f' ({who})' if who else ''} is in the trade ({roles}){works_in}"


def _suggestion(match: _Match, key: str, drafting: Drafting) -> Suggestion:
    asker, helper, ask = match.asker, match.helper, match.ask
    need = _need_phrase(match)
    reason = (f"{called(asker)} asked on {day(ask.date)} for {need}: \u201c{clip(ask.text)}\u201d; "
              f"{_helper_phrase(match)}.")
    context = {"asker": person_context(asker), "helper": person_context(helper), "need": need,
               "need_label": match.need.label, "ask_date": day(ask.date),
               # a job search is the seeker's to tell: the helper hears what is sought, not their words
               "ask_text": "" if _seeks_work(ask) else clip(ask.text, 300),
               "offer_text": _offer_quote(match), "offer_date": day(match.item.date) if match.item else "",
               "helper_about": describe(helper),
               "asker_about": describe(asker), "owner_first": drafting.owner_first,
               "asked_me": ask.addressed,
               "candidate": match.source == "work"}  # a hire meets a job seeker: the helper is the candidate
    drafts = (drafting.writer.draft("intro_ask", [address(helper)], context),
              drafting.writer.draft("intro_connect", [address(asker), address(helper)], context))
    return Suggestion(SECTION, key, reason, round(match.score, 4), (address(asker), address(helper)), drafts,
                      {"people": [ref(asker), ref(helper)]})


# "a contact at Carr", "someone at Dynegy", "anyone in Reliant": an ask for a way into an organization
_AT_ORG_WHAT = re.compile(r"^(?:someone|anyone|somebody|anybody|people|folks|a contact|contacts?)\s+"
                          r"(?:at|in|with|from|into)\s+(?P<org>.+)$", re.I)
_AT_ORG_TEXT = re.compile(r"\b(?:contacts?|someone|somebody|anyone|anybody|folks|people|connections?)\s+"
                          r"(?:at|from|with|in|inside)\s+(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})")
_ORG_NOISE = frozenset("the inc llc ltd corp co company group plc gmbh ag sa of and".split())


def _org_key(name: str) -> str:
    return " ".join(w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _ORG_NOISE)


def target_organization(ask: Item) -> str | None:
    """The organization an ask wants a way into ("Also, do you have a contact at Carr?" -> "carr"), or None."""
    m = _AT_ORG_WHAT.match(ask.what or "") or _AT_ORG_TEXT.search(ask.text)
    if m is None:
        return None
    key = _org_key(m.group("org").rstrip(" ?.!,;"))
    if not key or key in ("you", "your", "our", "my", "there", "this", "that") or len(key) < 3:
        return None
    return key


def _organizations(people: Sequence[Person], asks: Sequence[Item]) -> dict[str, list[Person]]:
    """For each organization an ask names, the people at it: by the words of their organization ("Carr"
    is Carr Futures) or their mail domain (dynegy.com)."""
    wanted = {org for ask in asks if (org := target_organization(ask)) is not None}
    if not wanted:
        return {}
    known = [(person, set(_org_key(person.organization or "").split()),
              {domain.split(".")[0] for e in person.emails if (domain := e.rsplit("@", 1)[-1]) not in FREEMAIL})
             for person in people]
    # the domain must spell the whole name ("dynegy.com", "reliantenergy.com"): a prefix would put
    # carrier.com at "Carr"
    return {org: [person for person, names, stems in known
                  if all(w in names for w in org.split()) or org.replace(" ", "") in stems]
            for org in wanted}
