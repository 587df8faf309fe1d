"""A general taxonomy of professions and services: what an ask or offer names, what a job title or a
self-description says a person does, and which industries a text is about.

Pure. The vocabulary lives in assistant.understanding.taxonomy_data; it is indexed by token phrases once, on first
use, so that matching a sentence is a dictionary walk over its words rather than a regex per phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from assistant.reading.words import alternation
from assistant.understanding import taxonomy_data as data


@dataclass(frozen=True)
class Profession:
    id: str  # "patent_attorney"
    label: str  # "patent attorney": what the digest shows
    roles: frozenset[str]  # coarse roles it implies: {"attorney"}
    synonyms: tuple[str, ...]  # names first, then the services people ask for
    industries: tuple[str, ...] = ()


V = TypeVar("V")
Hit = tuple[int, int, list[V]]  # token start, token end, values

# "my mother-in-law", "the in-laws", "our in-law suite", "brothers in law": family, not the law
_IN_LAW = re.compile(r"(?:\b(?:mother|father|sister|brother|son|daughter|parent|sibling|child)s?\s+in\s+laws?|"
                     r"-?\bin-laws?)\b")
_TOKEN = re.compile(r"[^\W_][\w+#&]*(?:'[^\W\d_]+)?|\.(?=\s|$)|[,;:!?()\[\]|•·–—\"]")
_BREAK = "|"
_DROPPED = frozenset("a an the our my your their his her its some any this these those".split())
_KEEP_LETTER_AFTER = frozenset("series class type grade tier plan vitamin".split())  # "Series A"
_DOMAIN = re.compile(r"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w-])")
_DOT_LETTER = re.compile(r"\.[a-z]")  # in every _DOMAIN match (before its last label); found far faster
_SUBJECT = re.compile(r"\b(i|we|me|us|you|he|she|they|him|them)\b")  # "her" may be a possessive ("her firm")
_WRITER = frozenset(("i", "we", "me", "us"))
_SELF_START = re.compile(r"\b(?:i|im|we|my|our|as|for|one)\b")  # first words of data.SELF_DESCRIPTIONS
_TITLE_ORG = re.compile(r"\s+(?:at|@)\s+(?!large\b|law\b)|\s*@\s*", re.I)  # not "Editor at Large"
_TITLE_PARTS = re.compile(r"\s*[,;|•·()]\s*|\s+[-–—]\s+")
_ORG_NAME_TOKENS = 6  # a text this short is read as an organization name, where "Capital" means a fund
_IDENTITY_REACH = 3  # "I'm a (small-town) fintech patent attorney": the profession starts within 3 words
_IDENTITY_TEXT = r"[^.,;:!?\n()]{1,80}"


class _Index(Generic[V]):
    """Token phrases -> values, scanned leftmost-longest over a sentence's tokens."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[V]] = {}
        self.longest: dict[str, int] = {}

    def add(self, phrase: str, value: V, plurals: bool = True, verb: bool = False) -> None:
        for key in _variants(phrase, plurals, verb):
            values = self.phrases.setdefault(key, [])
            if value not in values:
                values.append(value)
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def scan(self, tokens: list[str]) -> Iterator[Hit[V]]:
        longest, n = self.longest, len(tokens)
        free = 0  # the first token not inside a phrase already found
        # only tokens that start some phrase are tried (most start none)
        for i in [i for i, token in enumerate(tokens) if token in longest]:
            if i < free:
                continue
            for j in range(min(i + longest[tokens[i]], n), i, -1):
                values = self.phrases.get(tuple(tokens[i:j]))
                if values is not None:
                    yield i, j, values
                    free = j
                    break

    def contains(self, tokens: list[str]) -> bool:
        return next(self.scan(tokens), None) is not None


@dataclass(frozen=True)
class _Vocabulary:
    professions: tuple[Profession, ...]
    broader: dict[int, int]
    everything: _Index[int]  # names and services; -1 shields a phrase that names no profession
    names: _Index[int]
    industries: _Index[str]
    org_industries: _Index[str]
    departments: _Index[str]
    leaders: _Index[str]
    newsroom_cues: _Index[str]
    marketing_cues: _Index[str]
    firm_titles: dict[str, tuple[str, _Index[str]]]  # role -> (firm's industry tag, titles)
    mastheads: re.Pattern[str]
    self_descriptions: re.Pattern[str]
    self_roles: tuple[tuple[tuple[str, ...], bool], ...]  # per pattern: roles, needs a publication named


def _tokens(text: str) -> list[str]:
    """Lower-case words with punctuation as breaks; articles and possessive pronouns dropped, "'s" cut."""
    out: list[str] = []
    prev = ""
    lowered = text.lower().replace("’", "'")
    if "in-law" in lowered or "in law" in lowered:  # a test for the words first: most text has neither
        lowered = _IN_LAW.sub(" inlaw", lowered)
    for tok in _TOKEN.findall(lowered):
        if len(tok) == 1 and not tok.isalnum():
            tok = _BREAK
        elif tok.endswith("'s"):
            tok = tok[:-2]
        if tok in _DROPPED and prev not in _KEEP_LETTER_AFTER:
            continue
        out.append(tok)
        prev = tok
    return out


def _plural(word: str) -> str | None:
    if not word.isalpha() or len(word) < 2:
        return None
    if word.endswith("man") and word not in ("human", "german"):
        return word[:-3] + "men"
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith(("ss", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("s"):
        return None
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _inflections(verb: str) -> tuple[str, ...]:
    """ "organize" -> organizes, organizing, organized; irregular verbs from the data."""
    if verb in data.IRREGULAR_VERBS:
        return tuple(data.IRREGULAR_VERBS[verb].split())
    if not verb.isalpha() or len(verb) < 3:
        return ()
    stem = verb[:-1] if verb.endswith("e") else verb
    if len(verb) <= 4 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        stem = verb + verb[-1]  # plan -> planning, ship -> shipped
    return (_plural(verb) or verb + "s", stem + "ing", stem + ("d" if stem.endswith("e") else "ed"))


def _variants(phrase: str, plurals: bool, verb: bool = False) -> set[tuple[str, ...]]:
    """The phrase's tokens, with the last word pluralized, hyphens joined ("co-founders", "cofounder") and,
    for a service that opens with a verb, that verb inflected ("planning our offsite")."""
    out: set[tuple[str, ...]] = set()
    for form in {phrase, phrase.replace("-", "")}:
        key = tuple(_tokens(form))
        if not key:
            continue
        keys = [key] + ([(v, *key[1:]) for v in _inflections(key[0])] if verb and len(key) > 1 else [])
        for k in keys:
            out.add(k)
            plural = _plural(k[-1]) if plurals else None
            if plural:
                out.add(k[:-1] + (plural,))
    return out


def _phrases(text: str) -> list[str]:
    return [p.strip() for p in text.split("|") if p.strip()]


def _index(pairs: Iterable[tuple[str, str]], plurals: bool = True) -> _Index[str]:
    index: _Index[str] = _Index()
    for phrases, value in pairs:
        for phrase in _phrases(phrases):
            index.add(phrase, value, plurals)
    return index


@cache
def _vocabulary() -> _Vocabulary:
    ids = {entry.id: i for i, entry in enumerate(data.PROFESSIONS)}
    everything: _Index[int] = _Index()
    names: _Index[int] = _Index()
    named = [(phrase, -1) for phrase in _phrases(data.NON_PROFESSIONS)]
    named += [(phrase, i) for i, entry in enumerate(data.PROFESSIONS) for phrase in _phrases(entry.names)]
    # "science writer", "business editor": newsroom jobs, unless an entry lists them ("contributing writer")
    named += [(f"{beat} {job}", ids[target]) for beat in data.BEATS
              for job, target in (("writer", "reporter"), ("editor", "news_editor"))]
    for phrase, i in named:
        if not (i >= 0 and tuple(_tokens(phrase)) in names.phrases):
            names.add(phrase, i)
            everything.add(phrase, i)
    for i, entry in enumerate(data.PROFESSIONS):
        for phrase in _phrases(entry.services):
            everything.add(phrase, i, verb=True)
    general = [(words, tag) for tag, words in data.INDUSTRIES]
    return _Vocabulary(
        professions=tuple(Profession(e.id, e.label, frozenset(e.roles.split()),
                                     tuple(_phrases(e.names) + _phrases(e.services)), tuple(e.industries.split()))
                          for e in data.PROFESSIONS),
        broader={i: ids[e.broader] for i, e in enumerate(data.PROFESSIONS) if e.broader},
        everything=everything,
        names=names,
        industries=_index(general),
        org_industries=_index(general + [(words, tag) for tag, words in data.ORG_INDUSTRIES]),
        departments=_index(data.DEPARTMENTS),
        leaders=_index([(data.LEADERS, "executive"), (data.NOT_LEADERS, "")], plurals=False),
        newsroom_cues=_index([(data.NEWSROOM_CUES, "news")]),
        marketing_cues=_index([(data.MARKETING_CUES, "marketing")]),
        firm_titles={role: (tag, _index([(titles, role)])) for role, (tag, titles) in data.FIRM_TITLES.items()},
        mastheads=re.compile(r"\b[Tt]he\s+(?:[A-Z][\w'&.-]*\s+){0,3}?(?:" + _words_alternation(data.MASTHEADS)
                             + r")\b|\b(?:" + _words_alternation(data.MEDIA_BRANDS) + r")\b"),
        self_descriptions=_self_description_pattern(),
        self_roles=tuple((tuple(roles.rstrip("?").split()), roles.endswith("?"))
                         for roles, _ in data.SELF_DESCRIPTIONS),
    )


def _self_description_pattern() -> re.Pattern[str]:
    """One regex: group g<n> for data.SELF_DESCRIPTIONS[n], "me" for "I'm a ..." with the rest in "rest"."""
    nouns = {"{BUSINESS}": _words_alternation(data.BUSINESS_NOUNS), "{EVENT}": _words_alternation(data.EVENT_NOUNS)}
    led, free = [], []
    for n, (_, pattern) in enumerate(data.SELF_DESCRIPTIONS):
        for key, value in nouns.items():
            pattern = pattern.replace(key, value)
        if pattern.startswith("{I}"):
            led.append(f"(?P<g{n}>{pattern[3:]})")
        else:
            free.append(f"(?P<g{n}>{pattern})")
    # One shared "I/we" prefix: thirty alternatives that each re-read it were five times slower.
    return re.compile("|".join([data.SUBJECT + "(?:" + "|".join(led) + ")", *free,
                                f"(?P<me>(?:{data.IDENTITY})(?=(?P<rest>{_IDENTITY_TEXT})))"]))


def professions() -> tuple[Profession, ...]:
    """Every profession, service and resource in the taxonomy."""
    return _vocabulary().professions


def profession(profession_id: str) -> Profession | None:
    return next((p for p in _vocabulary().professions if p.id == profession_id), None)


def find_professions(text: str) -> list[Profession]:
    """All professions a phrase, sentence or title names, by name or by a service asked for, most specific
    first, then the broader ones they imply: "an attorney, ideally a patent attorney" -> [patent attorney,
    attorney]; "a React dev" -> [react developer, frontend developer, software engineer, engineer]."""
    vocab = _vocabulary()
    found = [values[0] for _, _, values in vocab.everything.scan(_tokens(text)) if values[0] >= 0]
    return [vocab.professions[i] for i in _most_specific_first(found, vocab.broader)]


def _most_specific_first(found: list[int], broader: dict[int, int]) -> list[int]:
    direct = list(dict.fromkeys(found))
    implied = list(dict.fromkeys(parent for i in direct for parent in _ancestors(i, broader)))
    named = [i for i in direct if i not in implied]
    weak = [i for i in named if data.PROFESSIONS[i].id in data.WEAK_ENTRIES]
    return [i for i in named if i not in weak] + weak + implied


def _ancestors(i: int, broader: dict[int, int]) -> Iterator[int]:
    while i in broader:
        i = broader[i]
        yield i


def normalize(phrase: str) -> Profession | None:
    """What is asked for or offered, as a taxonomy entry: "someone to do our books" -> bookkeeper."""
    found = find_professions(phrase)
    return found[0] if found else None


def qualifiers(phrase: str) -> tuple[str, ...]:
    """Industry tags that qualify an ask or offer, leaving out the profession's own words:
    "a good IP lawyer who knows medical devices" -> ("medtech",)."""
    vocab = _vocabulary()
    tokens = _tokens(phrase)
    hits = [(start, end, values[0]) for start, end, values in vocab.everything.scan(tokens)]
    found = _most_specific_first([i for _, _, i in hits if i >= 0], vocab.broader)
    head = {found[0], *_ancestors(found[0], vocab.broader)} if found else set()
    # Other professions stay: "a bookkeeper for restaurants" or "... for medtech startups" qualify the ask.
    return _tags(vocab.industries.scan(_masked(tokens, [(s, e) for s, e, i in hits if i in head or i < 0])))


def _tags(hits: Iterable[Hit[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag for _, _, tags in hits for tag in tags if tag))


def _masked(tokens: list[str], spans: Iterable[tuple[int, int]]) -> list[str]:
    out = list(tokens)
    for start, end in spans:
        out[start:end] = [_BREAK] * (end - start)
    return out


def industries_of(text: str) -> tuple[str, ...]:
    """Industry and topic tags of a sentence, an organization name or a mail domain."""
    if not text:
        return ()
    vocab = _vocabulary()
    tokens = _tokens(text)
    is_name = sum(tok != _BREAK for tok in tokens) <= _ORG_NAME_TOKENS
    tags = list(_tags((vocab.org_industries if is_name else vocab.industries).scan(tokens)))
    if vocab.mastheads.search(text):
        tags.append("media")
    lowered = text.lower()
    for domain in _DOMAIN.findall(lowered) if _DOT_LETTER.search(lowered) else ():
        tags.extend(domain_industries(domain))
    return tuple(dict.fromkeys(tags))


def domain_industries(domain: str) -> tuple[str, ...]:
    """Tags read from a mail domain's name and top-level domain: "smithpatentlaw.com" -> ("legal",)."""
    labels = [label for label in domain.lower().strip(".").split(".") if label and label != "www"]
    if len(labels) < 2:
        return ()
    tags = [data.TLD_TAGS.get(labels[-1], "")]
    names = labels[:-1]
    if len(labels[-1]) == 2 and len(names) >= 2 and names[-1] in ("co", "com", "org", "net", "ac", "edu", "gov"):
        tags.append(data.TLD_TAGS.get({"ac": "edu"}.get(names[-1], names[-1]), ""))  # acme.co.uk, ox.ac.uk
        names = names[:-1]
    for name in (n.replace("-", "") for n in names):
        for tag, ends, contains in data.DOMAIN_CUES:
            if name.endswith(tuple(_phrases(ends))) or any(c in name for c in _phrases(contains)):
                tags.append(tag)
    return tuple(dict.fromkeys(t for t in tags if t))


def roles_from_profile(title: str | None, organization: str | None, email_domain: str | None) -> dict[str, str]:
    """Roles a job title implies, with evidence. The organization and domain only settle generic titles
    ("Partner" at a law firm, "Editor" at a newspaper) and never give a role by themselves."""
    if not title or not title.strip():
        return {}
    vocab = _vocabulary()
    head, *orgs = _TITLE_ORG.split(title.strip(), maxsplit=1)
    parts = [p for p in _TITLE_PARTS.split(head) if p.strip()]
    firm = _firm_kinds(organization, email_domain, orgs + parts[1:])
    said = f"title '{title.strip()}'"
    all_tokens = [tok for part in parts for tok in _tokens(part)]
    marketing_job = vocab.marketing_cues.contains(all_tokens)
    newsroom_title = vocab.newsroom_cues.contains(all_tokens)
    roles: dict[str, str] = {}
    for part in parts:
        tokens = _tokens(part)
        hits = [(s, e, v[0]) for s, e, v in vocab.names.scan(tokens) if v[0] >= 0]
        for _, _, i in hits:
            prof = vocab.professions[i]
            for role in sorted(prof.roles):
                roles.setdefault(role, said)
            by_desk = data.NEWSROOM_AMBIGUOUS.get(prof.id)
            if by_desk is not None and not marketing_job and ("media" in firm or (by_desk and newsroom_title)):
                roles.setdefault("reporter", f"{said} at {firm['media']}" if "media" in firm else said)
        _department_roles(vocab, tokens, hits, said, roles)
        specialist = [(s, e) for s, e, i in hits if vocab.professions[i].id not in data.GENERIC_TITLES]
        for role, (kind, titles) in vocab.firm_titles.items():
            if kind in firm and titles.contains(_masked(tokens, specialist)):
                roles.setdefault(role, f"{said} at {firm[kind]}")
        if any(values[0] for _, _, values in vocab.leaders.scan(tokens)):
            roles.setdefault("executive", said)
    return roles


def _firm_kinds(organization: str | None, email_domain: str | None, context: list[str]) -> dict[str, str]:
    """Industry tag -> where it was seen: the organization, the domain, then the rest of the title."""
    firm: dict[str, str] = {}
    for tag in industries_of(organization or ""):
        firm.setdefault(tag, f"organization '{organization}'")
    for tag in domain_industries(email_domain or ""):
        firm.setdefault(tag, f"domain '{email_domain}'")
    for text in context:
        for tag in industries_of(text):
            firm.setdefault(tag, f"'{text.strip()}'")
    if "accounting" in firm and "legal" in firm and not firm["legal"].startswith("domain"):
        del firm["legal"]  # "LLP" names law and accounting firms alike; "Deloitte LLP" is not a law firm
    return firm


def _department_roles(vocab: _Vocabulary, tokens: list[str], hits: list[tuple[int, int, int]], said: str,
                      roles: dict[str, str]) -> None:
    """ "VP Engineering" -> engineer, but "Engineering Recruiter" is a recruiter: a department word counts
    when the title has a job noun and no specialist title follows the department."""
    if not hits and not vocab.leaders.contains(tokens) and not any(t in data.JOB_NOUNS for t in tokens):
        return
    starts = {s: i for s, _, i in hits}
    for _, end, found in vocab.departments.scan(_masked(tokens, [(s, e) for s, e, _ in hits])):
        follower = starts.get(end)
        if follower is None or vocab.professions[follower].id in data.GENERIC_TITLES:
            for role in found:
                roles.setdefault(role, said)


def roles_from_text(text: str) -> dict[str, str]:
    """Roles people claim in their own words: "I cover small business for the Journal" (reporter), "as an
    angel investor I..." (investor), "I run a small bakery" (founder, owner), "we organize the monthly
    founders breakfast" (event_organizer)."""
    if not text:
        return {}
    vocab = _vocabulary()
    lowered = text.replace("’", "'").lower()
    source = text if len(lowered) == len(text) else lowered  # evidence keeps the writer's capitals
    roles: dict[str, str] = {}
    for m in _self_descriptions(vocab.self_descriptions, lowered):
        if lowered.startswith("as ", m.start()) and not _writer_is_subject(lowered, m.start(), m.end()):
            continue  # "I know you got involved with the group as a speaker": the reader's role
        if m.lastgroup == "me":
            snippet = source[m.start():m.end("rest")]
            sentence = source[m.start():_sentence_end(source, m.end())]
            found = _claimed_roles(vocab, source[m.start("rest"):m.end("rest")], sentence)
        else:
            found, needs_media = vocab.self_roles[int((m.lastgroup or "g0")[1:])]
            snippet = source[m.start():_sentence_end(source, m.end())]
            if needs_media and not _mentions_media(vocab, snippet):
                continue
        for role in found:
            roles.setdefault(role, f"wrote '{_clip(snippet)}'")
    return roles


def _self_descriptions(pattern: re.Pattern[str], lowered: str) -> Iterator[re.Match[str]]:
    """pattern.finditer, tried only where a self-description can start: five times faster on plain text."""
    done = 0
    for start in _SELF_START.finditer(lowered):
        if start.start() >= done:
            m = pattern.match(lowered, start.start())
            if m:
                done = m.end()
                yield m


def _claimed_roles(vocab: _Vocabulary, rest: str, sentence: str) -> tuple[str, ...]:
    """Roles of "I'm a <profession>": the profession must open the phrase, after modifiers only."""
    tokens = _tokens(rest)
    if tokens[:1] in (["not"], ["no"], ["former"], ["ex"], ["retired"]):
        return ()
    for start, _, values in vocab.names.scan(tokens[:_IDENTITY_REACH + 4]):
        if values[0] < 0 or start > _IDENTITY_REACH:
            return ()
        if not all(tok in data.IDENTITY_MODIFIERS or tok in vocab.industries.longest for tok in tokens[:start]):
            return ()
        prof = vocab.professions[values[0]]
        if prof.id in data.NEWSROOM_AMBIGUOUS and _mentions_media(vocab, sentence):
            return tuple(sorted(prof.roles | {"reporter"}))
        return tuple(sorted(prof.roles))
    return ()


def _mentions_media(vocab: _Vocabulary, sentence: str) -> bool:
    """A publication or a newsroom word in the sentence: "... for the Journal", "... for a story"."""
    if vocab.mastheads.search(sentence):
        return True
    tokens = _tokens(sentence[:200])
    if any(tok in data.MEDIA_WORDS for tok in tokens):
        return True
    return any(tok in ("for", "at", "to", "with") and "media" in _tags(vocab.org_industries.scan(tokens[i + 1:i + 5]))
               for i, tok in enumerate(tokens))


def _writer_is_subject(lowered: str, start: int, end: int) -> bool:
    """Whether "as a <role>" at start..end speaks of the writer: the nearest person before it in its
    sentence is the writer ("we came as sponsors", "they invited me as a speaker"), or, opening the
    sentence, the one after it is ("As a speaker, I ...")."""
    begin = max(lowered.rfind(c, 0, start) for c in ".!?\n") + 1
    before = _SUBJECT.findall(lowered, begin, start)
    if before:
        return before[-1] in _WRITER
    after = _SUBJECT.search(lowered, end, _sentence_end(lowered, end))
    return after is None or after.group(1) in _WRITER


def _sentence_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(c, start) for c in ".!?\n") if i >= 0]
    return min(ends) if ends else len(text)


def _clip(snippet: str, limit: int = 90) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= limit else snippet[:limit - 1].rstrip() + "…"


def _words_alternation(words: str) -> str:
    return alternation(_phrases(words))
