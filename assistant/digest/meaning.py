"""Matching by meaning: an ask's sentence compared with what each person is known for. Pure.

"Anyone who can untangle our visa paperwork?" names no trade, yet it is near in meaning to "Sr.
Immigration Counsel, Lopez Law" and to "happy to look at anyone's H-1B questions". A person is compared
as one text, their whole profile (title at organization, offers in their own words, the fields they
work in: on the matching dev set this ranks the right helper first more often than the best of the
parts), and the part nearest the ask is kept as the evidence a suggestion quotes. The taxonomy's professions,
described by their names and services, are compared the same way: they name what an ask wants when
its words name no profession (the taxonomy becomes a prior, not the gate).

The vectors (unit length, one per text) come from the sentence model at the edge (jobs/meanings.py);
here they are only compared. Nothing here reads a file or the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from assistant.digest.candidates import field_parts, fields
from assistant.models import Item, Person
from assistant.understanding import taxonomy
from assistant.understanding.taxonomy import Profession
from assistant.understanding.taxonomy_data import ROLES
from assistant.understanding.work import work_texts

Vectors = Mapping[str, NDArray[np.float32]]
MAX_OFFERS = 4  # a person's latest offers: what they offer now
SYNONYMS_DESCRIBED = 10  # names and services that describe a profession
NEED_FLOOR = 0.5  # an ask's nearest profession names what it wants only this near
# Asks and offers with no subject ("could you introduce me to someone?", "let me know if I can help
# with anything") are near everything a little: one this near to these carries nothing to match on.
# Measured with the shipped encoder: such sentences score 0.59-0.97, real asks and offers at most 0.41.
GENERIC = ("Do you know anyone who can help?", "Can you introduce me to someone?",
           "Let me know if you know someone.", "Any recommendations?", "Let me know if I can help with anything.",
           "Happy to make introductions.", "Happy to help however I can.", "Reach out if you need anything.")
VAGUE = 0.55


def fit(similarity: float, low: float, high: float) -> float:
    """A similarity as a fit: 0 at `low` or below, 1 at `high` or above, linear between."""
    return min(max((similarity - low) / (high - low), 0.0), 1.0)


@dataclass(frozen=True)
class Evidence:
    """One text a person is known by: "profile" (title and organization), "offer" (their words),
    "fields" (the fields they work in) or "writes" (what only their mail is about)."""

    kind: str
    text: str
    item: Item | None = None


def guessed_organization(person: Person) -> bool:
    """Whether the person's organization is only their mail domain's name (no signature said it)."""
    return str(person.evidence.get("organization") or "").startswith("domain ")


def profile(person: Person) -> list[Evidence]:
    """What a person is known by. An organization guessed from the mail domain, with no title, says
    nothing of what they do: "Futuresource" is a little near any ask about futures or sources (a real
    mailbox's digest introduced a job seeker to a near-stranger on that alone), so it is no evidence
    by meaning; the taxonomy still reads a trade its name spells out (intros, by name)."""
    found: list[Evidence] = []
    organization = None if guessed_organization(person) and not person.title else person.organization
    title = ", ".join(part for part in (person.title, organization) if part)
    if title:
        found.append(Evidence("profile", title))
    for offer in sorted(person.offers, key=lambda o: (o.date is not None, o.date or 0))[-MAX_OFFERS:]:
        found.append(Evidence("offer", offer.text, offer))
    # "works in legal" (their title, organization or domain says so) and "writes about healthcare" (only
    # their mail's words do: a relative's note about a hospital stay is no trade), apart: an introduction
    # rests on the first, never on the second alone
    worked, written = field_parts(person)
    if worked:
        found.append(Evidence("fields", worked))
    if written:
        found.append(Evidence("writes", written))
    return found


def whole(person: Person) -> str:
    """Everything a person is known for, as one text ("" when nothing is known)."""
    parts = [e.text for e in profile(person) if e.kind not in ("fields", "writes")]
    said = fields(person)
    if said:
        parts.append(said[:1].upper() + said[1:])
    return ". ".join(p.rstrip(". ") for p in parts if p.strip()) + ("." if parts else "")


def profession_text(profession: Profession) -> str:
    return f"{profession.label}: {', '.join(profession.synonyms[:SYNONYMS_DESCRIBED])}"


def texts_to_embed(people: Iterable[Person], asks: Iterable[Item], others: Iterable[str] = ()) -> list[str]:
    """Every text matching compares, each once: the asks, every profile text, every title, every
    profession and role description, and `others` (the events' titles)."""
    asks = list(asks)
    texts = [ask.text for ask in asks] + list(others) + list(GENERIC) + work_texts(ask.text for ask in asks)
    for person in people:
        parts = profile(person)
        texts += [e.text for e in parts]
        texts += [whole(person)] if parts else []
    texts += [profession_text(p) for p in taxonomy.professions()]
    texts += [t for person in people if (t := title_of(person))]
    texts += role_texts()
    return list(dict.fromkeys(texts))


@dataclass(frozen=True)
class Near:
    person: Person
    similarity: float
    evidence: Evidence


class Matcher:
    """Everyone's whole profile as one matrix: an ask is compared with all of them in one product."""

    def __init__(self, people: Sequence[Person], vectors: Vectors) -> None:
        self.vectors = vectors
        generic = [vectors[t] for t in GENERIC if t in vectors]
        self.generic = np.stack(generic).astype(np.float32) if generic else np.zeros((0, 1), dtype=np.float32)
        self.people: list[Person] = []
        self.parts: dict[int, list[Evidence]] = {}  # id(person) -> the informative parts, worked out once
        rows: list[NDArray[np.float32]] = []
        for person in people:
            text = whole(person)
            parts = self.informative(person) if text in vectors else []
            if text and parts:
                self.people.append(person)
                self.parts[id(person)] = parts
                rows.append(vectors[text])
        self.emails = np.array([p.email for p in self.people], dtype=object)
        self.matrix = np.stack(rows).astype(np.float32) if rows else np.zeros((0, 1), dtype=np.float32)
        self.row = {p.email: i for i, p in enumerate(self.people)}
        known = [(p, vectors[profession_text(p)]) for p in taxonomy.professions() if profession_text(p) in vectors]
        self.professions = [p for p, _ in known]
        self.profession_matrix = (np.stack([v for _, v in known]).astype(np.float32) if known
                                  else np.zeros((0, 1), dtype=np.float32))

    def informative(self, person: Person) -> list[Evidence]:
        """The parts of a profile that say something: every one but offers with no subject."""
        return [e for e in profile(person) if e.text in self.vectors and not (e.kind == "offer" and self.vague(e.text))]

    def vague(self, text: str) -> bool:
        """A sentence with no subject of its own: nothing to match on by meaning."""
        vector = self.vectors.get(text)
        return vector is None or (len(self.generic) > 0 and float(np.max(self.generic @ vector)) >= VAGUE)

    def similarities(self, text: str) -> NDArray[np.float32] | None:
        """How near `text` is to each person's whole profile (None: `text` has no vector)."""
        vector = self.vectors.get(text)
        return None if vector is None or not self.people else self.matrix @ vector

    def nearest(self, text: str, floor: float, limit: int, exclude: frozenset[str] = frozenset(),
                similarity: NDArray[np.float32] | None = None) -> list[Near]:
        """The people whose whole profile is at least `floor` near `text`, nearest first, each with the
        part of their profile nearest to it; nobody in `exclude` (emails). similarity: similarities(text),
        when the caller has it already."""
        vector = self.vectors.get(text)
        if vector is None or not self.people or limit <= 0:
            return []
        if similarity is None:
            similarity = self.matrix @ vector
        elif len(similarity) != len(self.people):
            raise ValueError("similarity is not this matcher's similarities(text)")
        above = np.flatnonzero(similarity >= floor)
        chosen: list[int] = []
        for i in above[np.lexsort((self.emails[above], -similarity[above]))]:  # nearest first, ties by email
            if self.people[int(i)].email not in exclude:
                chosen.append(int(i))
                if len(chosen) == limit:
                    break
        return [Near(self.people[i], float(similarity[i]), self.evidence(vector, self.people[i])) for i in chosen]

    def similarity(self, text: str, person: Person, similarity: NDArray[np.float32] | None = None) -> float | None:
        """How near `text` is to one person's whole profile (None: nothing to compare). similarity:
        similarities(text), when the caller has it already."""
        vector = self.vectors.get(text)
        row = self.row.get(person.email)
        if vector is None or row is None:
            return None
        if similarity is not None and len(similarity) != len(self.people):
            raise ValueError("similarity is not this matcher's similarities(text)")
        return float(similarity[row] if similarity is not None else self.matrix[row] @ vector)

    def similarity_of(self, text: str, other: str) -> float | None:
        """How near two texts are (None: either has no vector)."""
        a, b = self.vectors.get(text), self.vectors.get(other)
        return None if a is None or b is None else float(a @ b)

    def evidence(self, vector: NDArray[np.float32], person: Person) -> Evidence:
        """The part of a person's profile nearest to the ask: what the suggestion quotes."""
        parts = self.parts.get(id(person)) or self.informative(person)
        if not parts:
            return Evidence("profile", whole(person))
        return max(parts, key=lambda e: float(self.vectors[e.text] @ vector))

    def need(self, text: str) -> Profession | None:
        """The profession nearest in meaning to an ask, if near enough to name what it wants."""
        vector = self.vectors.get(text)
        if vector is None or not self.professions:
            return None
        similarity = self.profession_matrix @ vector
        best = int(np.argmax(similarity))
        return self.professions[best] if similarity[best] >= NEED_FLOOR else None


# Roles from titles the taxonomy does not spell out ("Storyteller-in-Residence", "Talent Partner"): the
# roles of the description (a role's own, or a profession's name or service) nearest in meaning to the
# title, when it is near enough and every description nearly as near agrees: the roles they all imply,
# nothing when they disagree (the sentence model also finds "Lifeguard" near "life coach", and such a
# near-miss is rarely alone). Set on the dev split of benchmarks/data/roles (bench_roles.py), never on
# its test split.
ROLE_FLOOR = 0.55  # the nearest description must be at least this near
ROLE_MARGIN = 0.08  # descriptions this close behind it must imply the same roles
SYNONYMS_FOR_ROLES = 30  # a profession's first names and services describe its roles, each on its own
MEANING = "by meaning: "  # how a role read by meaning says why (the taxonomy's reasons start "title '")


def role_text(role: str) -> str:
    return f"{role.replace('_', ' ')}: {ROLES[role]}"


def _role_descriptions() -> dict[str, frozenset[str]]:
    """Each describing text, with the roles it implies (a profession may carry several)."""
    described: dict[str, set[str]] = {role_text(r): {r} for r in ROLES}
    for p in taxonomy.professions():
        for name in p.synonyms[:SYNONYMS_FOR_ROLES]:
            described.setdefault(name, set()).update(p.roles)
    return {text: frozenset(roles) for text, roles in described.items() if roles}


def role_texts() -> list[str]:
    """What describes the roles: each role's description, and the professions' names and services."""
    return list(_role_descriptions())


def title_of(person: Person) -> str | None:
    """The text a person's roles by meaning are read from: their title, at their organization."""
    if not person.title or not person.title.strip():
        return None
    return ", ".join(part for part in (person.title, person.organization) if part)  # as profile() says it


class RoleReader:
    """The roles a title means, by nearness to the roles' descriptions."""

    def __init__(self, vectors: Vectors) -> None:
        self.vectors = vectors
        known = [(text, roles) for text, roles in _role_descriptions().items() if text in vectors]
        self.texts = [text for text, _ in known]
        self.roles = [roles for _, roles in known]
        self.matrix = (np.stack([vectors[t] for t in self.texts]).astype(np.float32) if known
                       else np.zeros((0, 1), dtype=np.float32))

    def read(self, text: str) -> tuple[tuple[str, float, str], ...]:
        """The roles the text means, each (role, similarity, the nearest description): the roles of the
        nearest description when it is at least ROLE_FLOOR near, less any role a description within
        ROLE_MARGIN of it does not imply."""
        vector = self.vectors.get(text)
        if vector is None or not self.texts:
            return ()
        return self._read(self.matrix @ vector)

    def read_all(self, texts: Sequence[str]) -> list[tuple[tuple[str, float, str], ...]]:
        """read() of each text, in one product (texts without a vector read as nothing)."""
        known = [t for t in texts if t in self.vectors]
        if not known or not self.texts:
            return [() for _ in texts]
        rows = dict(zip(known, np.stack([self.vectors[t] for t in known]).astype(np.float32) @ self.matrix.T,
                        strict=True))
        return [self._read(rows[t]) if t in rows else () for t in texts]

    def _read(self, similarity: NDArray[np.float32]) -> tuple[tuple[str, float, str], ...]:
        best = int(np.argmax(similarity))
        top = float(similarity[best])
        if top < ROLE_FLOOR:
            return ()
        agreed = set(self.roles[best])
        for i in np.flatnonzero(similarity >= top - ROLE_MARGIN):
            agreed &= self.roles[int(i)]
        return tuple((role, top, self.texts[best]) for role in sorted(agreed))


def with_meant_roles(people: Sequence[Person], vectors: Vectors | None) -> list[Person]:
    """People whose title gave the taxonomy no role, with the roles it means (and why, in evidence)."""
    if vectors is None:
        return list(people)
    reader = RoleReader(vectors)
    asked = [i for i, p in enumerate(people) if title_of(p) is not None
             and not any(str(why).startswith(("title ", MEANING)) for why in p.evidence.get("roles", {}).values())]
    read = reader.read_all([title_of(people[i]) or "" for i in asked])
    out = list(people)
    for i, meant in zip(asked, read, strict=True):
        person = people[i]
        new = [(role, sim, near) for role, sim, near in meant if role not in person.roles]
        if new:
            said = person.evidence.get("roles", {})
            why = {role: f"{MEANING}title '{person.title}' is near '{near.split(':')[0]}' ({sim:.2f})"
                   for role, sim, near in new}
            out[i] = replace(person, roles=tuple(sorted({*person.roles, *why})),
                             evidence={**person.evidence, "roles": {**said, **why}})
    return out
