"""Asks: what the writer is looking for - a profession, an introduction, investors, a resource. Pure."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.models import Found
from assistant.understanding import cues, taxonomy
from assistant.understanding.phrases import head_profession, object_phrase, profession, short, unique
from assistant.understanding.sentences import sentences


def find_asks(text: str) -> list[Found]:
    """What the writer is looking for: a profession, an introduction, investors, a resource."""
    found: list[Found] = []
    all_sentences = sentences(text)
    listing = 0  # items still expected after a lead-in such as "I am looking for two things:"
    for i, sentence in enumerate(all_sentences):
        possible = cues.possible(sentence)
        asks = _asks_in(sentence)
        if not asks and listing:
            asks = _listed_ask(sentence)
            listing = listing - 1 if asks else 0
        if not asks and i and possible & cues.FOLLOWING_UP and cues.FOLLOW_UP.match(sentence):
            asks = _named_before(all_sentences[i - 1])
        lead_in = cues.ASK_LEADIN.search(sentence) if possible & cues.LISTING else None
        if lead_in and not asks:
            rest = sentence[lead_in.end():]
            listing = 5
            asks = _listed_ask(rest) if rest else []  # "Two asks: 1) A seed investor ..."
        if asks:
            found.extend(asks)
        elif found and cues.FULFILLED.search(sentence):
            found = _drop_fulfilled(found, sentence)
    return unique(found)


def _listed_ask(item: str) -> list[Found]:
    obj = object_phrase(cues.ITEM_NUMBER.sub("", item))
    if not obj or len(item) > 160 or cues.NOT_ASK_OBJECT.match(obj) or cues.CLAUSE_SUBJECT.match(obj):
        return []  # an item is a noun phrase, not a clause with its own subject
    entry = taxonomy.normalize(short(obj)) or taxonomy.normalize(obj)
    if entry and entry.roles & cues.NOT_SERVICE_ROLES:
        return []  # "What I'm looking for: device startups with a story" (a reporter) asks for no service
    what = head_profession(obj) or (short(obj, 8) if cues.PERSONISH.search(short(obj, 8)) else None)
    return [Found("ask", item, what, taxonomy.qualifiers(item))] if what else []


def _named_before(sentence: str) -> list[Found]:
    """"Our bookkeeper is retiring. Any names?": the profession named just before the follow-up."""
    if cues.ASK_VETO.search(sentence):
        return []
    named = taxonomy.find_professions(sentence)
    return [Found("ask", sentence, named[0].label, taxonomy.qualifiers(sentence))] if named else []


def _drop_fulfilled(found: list[Found], sentence: str) -> list[Found]:
    named = {p.label for p in taxonomy.find_professions(sentence)}
    if not named:
        return []
    return [f for f in found if f.what not in named]


def _asks_in(sentence: str) -> list[Found]:
    ask = ask_in(sentence)
    if not ask:
        return []
    more = (profession(short(m.group(1), 4)) for m in cues.LIST_ITEM.finditer(sentence))
    return [ask] + [Found("ask", sentence, label, ask.qualifiers) for label in more if label and label != ask.what]


@lru_cache(maxsize=256)  # the offer finder asks again about sentences the ask finder just read
def ask_in(sentence: str) -> Found | None:
    possible = cues.possible(sentence)
    if not possible & cues.ASKING:
        return None
    ask = _ask_of(sentence, possible)
    # the vetoes are read last, and only of a sentence that asks: the answer is the same
    if ask is None or cues.ASK_VETO.search(sentence) or cues.JOB_SEEKER.search(sentence):
        return None
    return ask


def _ask_of(sentence: str, possible: int) -> Found | None:
    raising = cues.RAISE.search(sentence) if possible & cues.RAISING else None
    if raising and not cues.CONDITIONAL_BEFORE.search(sentence[:raising.start()]):
        stage = cues.ROUND.search(raising.group("obj"))
        wanted = f"{stage.group(1).lower()} investor" if stage else "investor"
        return Found("ask", sentence, profession(wanted) or profession("investor") or wanted,
                     taxonomy.qualifiers(sentence))
    for bit, pattern in cues.ASKS:
        if not possible & bit:
            continue
        m = pattern.search(sentence)
        if not m or cues.CONDITIONAL_BEFORE.search(sentence[:m.start()]) or cues.QUESTION_BEFORE.search(
                sentence[:m.start()]):
            continue  # "if we need a lawyer ...", "do I need a separate site?"
        what = _asked_for(m)
        if what:
            return Found("ask", sentence, what, taxonomy.qualifiers(sentence))
    return None


def _asked_for(m: re.Match[str]) -> str | None:
    obj = object_phrase(m.group("obj"))
    det = m.groupdict().get("det")
    phrase = f"{det} {obj}" if det else obj
    if not obj or cues.NOT_ASK_OBJECT.match(obj) or cues.OBJ_WHO_NEEDS.match(phrase) or cues.VAGUE_PERSON.match(phrase):
        return None
    role = cues.WHO_VERB.search(phrase)
    what = head_profession(phrase) or (role and profession(cues.ROLE_OF_VERB[role.group(1).lower()]))
    if what:
        return what
    prep = m.groupdict().get("prep")
    if prep and prep.lower() in ("at", "in", "with", "into") and m.group("noun").lower().startswith(("cont", "conn")):
        return f"someone {prep.lower()} {short(obj, 8)}"  # "a contact at Kaiser"
    if not cues.PERSONISH.search(phrase):
        return None
    return re.sub(r"^(?:anyone|anybody|somebody)\b", "someone", short(phrase, 8), flags=re.I)
