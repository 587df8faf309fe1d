"""Offers: what the writer can do for others, from their own words and their job title. Pure."""

from __future__ import annotations

import re

from assistant.models import Found
from assistant.understanding import cues, taxonomy
from assistant.understanding.asks import ask_in
from assistant.understanding.phrases import object_phrase, profession, short, unique
from assistant.understanding.sentences import one_line, sentences


def find_offers(text: str, title: str | None = None) -> list[Found]:
    """What the writer can do for others, from their own words and, when given, their job title."""
    found: list[Found] = []
    entry = taxonomy.normalize(title) if title else None
    # a founder, a CEO or a reporter holds a position; an attorney or a designer offers a service
    title_label = entry.label if entry and not entry.roles & cues.NOT_SERVICE_ROLES else None
    if title and title_label:
        found.append(Found("offer", one_line(title), title_label, taxonomy.qualifiers(title)))
    for sentence in sentences(text):
        offer = _offer_in(sentence, title_label)
        if offer:
            found.append(offer)
    return unique(found)


def _offer_in(sentence: str, title_label: str | None) -> Found | None:
    possible = cues.possible(sentence)
    if not possible & cues.OFFERING:
        return None
    seeking = cues.JOB_SEEKER.search(sentence) if possible & cues.SEEKING_WORK else None
    if seeking:
        what = profession(sentence[seeking.start():])
        return Found("offer", sentence, what, taxonomy.qualifiers(sentence)) if what else None
    offer = _offer_of(sentence, possible, title_label)
    # a sentence that asks offers nothing; read last, and only of a sentence that offers: the same answer
    return None if offer is None or ask_in(sentence) else offer


def _offer_of(sentence: str, possible: int, title_label: str | None) -> Found | None:
    for name, (bit, pattern) in cues.OFFERS:
        if not possible & bit:
            continue
        m = pattern.search(sentence)
        if not m or cues.OFFER_VETO.search(sentence[:m.start("obj")]):
            continue
        if name in cues.OFFER_HELP:
            if cues.HELP_DECLINED.search(sentence) or cues.HELP_ONLY_WHEN.match(m.group("obj").strip()) or \
                    m.group("verb").lower() == "host" and _HOSTING_A_CALL.match(m.group("obj")):
                continue
            return Found("offer", sentence, _help_offered(m), taxonomy.qualifiers(sentence))
        what = _offered(m, sentence, title_label)
        # "now accepting new patients" is an offer even when nothing names the profession
        if what or (name in cues.OFFER_CAPACITY and _plain_object(m)):
            return Found("offer", sentence, what, taxonomy.qualifiers(sentence))
    return None


def _service(obj: str) -> str | None:
    """The service, not the clientele: "bookkeeping clients" offers a bookkeeper, "founders" nothing,
    "founders who need a second look at their financial model" a CFO."""
    needing = cues.WHO_NEEDS.search(obj)
    if needing:
        return profession(needing.group(1))
    head = short(obj)
    if cues.GENERIC_HEAD.match(head.split()[0]):
        return profession(obj)  # "anyone who ..." is named by its clause
    return profession(cues.ROLE_WORK.sub("", head))


def _plain_object(m: re.Match[str]) -> bool:
    obj = object_phrase(m.group("obj"))
    return bool(obj) and not cues.OFFER_OBJECT_VETO.match(obj) and not cues.LOGISTICS.match(obj)


def _offered(m: re.Match[str], sentence: str, title_label: str | None) -> str | None:
    obj = object_phrase(m.group("obj"))
    if not obj or cues.OFFER_OBJECT_VETO.match(obj) or cues.LOGISTICS.match(obj):
        return None
    verb = (m.groupdict().get("verb") or "").lower().split(" ")[0]
    role = cues.ROLE_OF_VERB.get(verb)
    if role == "investor":
        stage = cues.ROUND.search(obj)
        return (stage and profession(f"{stage.group(1)} investor")) or profession(role) or role
    if role:
        return profession(role) or role
    named = _service(obj)
    if named:
        return named
    if verb:  # "I help ...", "we offer ...": only an offer when it names a profession
        return None
    return profession(sentence[:m.start()]) or title_label  # "Hawthorne Family Dental is now accepting ..."


# "happy to host the call": a meeting of the thread, not a welcome offered
_HOSTING_A_CALL = re.compile(r"\s*(?:the|a|an|our|this|that|tomorrow's|next week's)?\s*(?:[\w-]+\s+){0,2}?"
                             r"(?:call|meeting|webinar|session|zoom|discussion|conference call|review)\b", re.I)


def _help_offered(m: re.Match[str]) -> str:
    """The help as the writer names it: "an introduction", "hosting", "help with specific projects"."""
    verb = m.group("verb").lower()
    if verb == "host":
        return "hosting"
    if not verb.startswith(("help", "assist", "pitch", "lend", "be ")):
        return "introduction"
    obj = object_phrase(m.group("obj"))
    return f"help {short(obj)}" if obj else "help"
