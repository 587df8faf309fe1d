"""Good news about the writer or their organization, and whether it may be shared yet. Pure."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from assistant.models import Found
from assistant.reading.dates import find_dates
from assistant.understanding import cues, taxonomy
from assistant.understanding.phrases import person_names, unique
from assistant.understanding.sentences import one_line, sentences


def find_news(text: str, sent: date | None = None, *, moves_only: bool = False) -> list[Found]:
    """Recent good news about the writer or their organization, flagged when not yet public.
    moves_only: only a move in the writer's working or family life (cues.NEWS_OF_A_MOVE).

    sent (the message's date) resolves the day a confidential message names for going public
    ("embargoed until Dec 1", "until we announce on the 15th"): see _public_from. Without such
    a day the confidentiality has no end."""
    all_sentences = sentences(text)
    secret = [s for s in all_sentences if (cues.possible(s) & cues.SECRET) and cues.CONFIDENTIAL.search(s)
              and not cues.DISCLAIMER.search(s)]
    private = bool(secret)
    following = all_sentences[1:] + [""]
    found = [news for s, after in zip(all_sentences, following, strict=False)
             if (news := _news_in(s, private, after, moves_only))]
    until = _public_from(secret, sent) if found and private else None
    return unique([replace(f, until=until) for f in found] if until else found)


def _public_from(secret: list[str], sent: date | None) -> date | None:
    """The first day the news may be shared, when a confidential message names the day it goes
    public ("embargoed until Dec 1", "until we announce on the 15th"): the day after the named
    one (after it when the embargo runs through that day), so that no hour or time zone of the
    announcement lets it out early. None when no such day is named."""
    if sent is None:
        return None
    for sentence in secret:
        for m in cues.PUBLIC_FROM.finditer(sentence):
            hits = [h for h in find_dates(sentence[m.end():m.end() + 40], sent) if h.start <= 4]
            if hits and sent <= hits[0].day <= sent + timedelta(days=366):
                return hits[0].day + timedelta(days=2 if m.group("through") else 1)
    return None


def _news_in(sentence: str, private: bool, after: str = "", moves_only: bool = False) -> Found | None:
    possible = cues.possible(sentence)
    if not possible & cues.TELLING:
        return None
    vetoed = None  # the whole sentence's veto, read once and only when some pattern matches: the same answer
    for name, (bit, pattern) in cues.NEWS:
        if not possible & bit or moves_only and name not in cues.NEWS_OF_A_MOVE:
            continue
        m = pattern.search(sentence)
        if not m:
            continue
        if vetoed is None:
            vetoed = bool(cues.NEWS_VETO_ANY.search(sentence))
        if vetoed:
            return None
        if cues.NEWS_VETO_BEFORE.search(sentence[:m.start("obj")]):
            continue
        groups = m.groupdict()
        if name == "named_subject" and not _named_subject(groups["subj"], m.group("obj")):
            continue
        if name not in cues.NEWS_OF_A_MOVE and cues.NEWS_FUTURE.search(sentence[:m.start("obj")]) \
                and not cues.NEWS_DATE.search(sentence):
            continue  # "in 2027 we will open a subsidiary" is a plan; "I'll be joining Barclays" is decided
        verb = " ".join((groups.get("verb") or "").split())
        obj = _news_object(m.group("obj"))
        if obj.lower().startswith(("you ", "you'", "your ")):
            continue  # the reader's news, not the writer's
        if not obj.strip(" !") and after and cues.WEAK_NEWS_VERB.match(verb):
            obj = _news_object(after)  # "We won!! Oregon Small Business Award, hospitality category."
            sentence = one_line(f"{sentence} {after}")
        if name in cues.NEWS_OF_A_MOVE and (not _a_move(verb, obj, sentence) or cues.HARD_TIMES.search(sentence)):
            continue
        if name not in cues.NEWS_OF_A_MOVE and cues.WEAK_NEWS_VERB.match(verb) and not _newsworthy(verb, obj):
            continue
        what = _life_label(verb) if name == "life_event" else " ".join(f"{verb} {obj}".split()[:10]).strip() or None
        if not what:
            continue
        about = _news_about(groups, obj)
        if name == "life_event" and about == "organization":
            about = "self"  # "we got married": the writer's family, not their company
        return Found("news", sentence, what, taxonomy.qualifiers(sentence), private, about)
    return None


def _life_label(verb: str) -> str:
    """The news label (what.NEWS_LABELS) of an event in the writer's family life, as the model names it."""
    lowered = verb.lower()
    if "graduat" in lowered:
        return "degree"
    if re.search(r"\b(?:house|home|flat)$", lowered):
        return "move"
    if re.search(r"married|engaged|hitched|eloped|knot", lowered):
        return "wedding"
    return "baby"


def _newsworthy(verb: str, obj: str) -> bool:
    """"raised a concern" and "got the email" are not news; "signed with Summit Outfitters" is, and
    so is "I have joined XENERGY" (an employer, named as one is, in capitals)."""
    if verb.lower() == "joined" and cues.NOT_AN_EMPLOYER.search(obj):
        return False  # the call, lunch with Dave, IBM in 1998
    if verb.lower() == "joined" and _an_employer(obj):
        return True
    return bool(cues.NEWS_NOUN.search(obj)) or (verb.lower() in cues.NEWS_DEAL_VERB
                                                and bool(cues.NEWS_COUNTERPART.search(obj)))


def _an_employer(obj: str) -> bool:
    """What follows "joined" names an employer ("XENERGY"), not the call, lunch with Dave or IBM in 1998."""
    return bool(cues.JOINED_EMPLOYER.match(obj)) and not cues.NOT_AN_EMPLOYER.search(obj)


def _a_move(verb: str, obj: str, sentence: str) -> bool:
    """Leaving or resigning is news when the sentence names the next step ("leaving Hart Publications
    to take a position ...", "resigning to pursue another career opportunity"), not a trip ("I'm
    leaving Houston Friday") or an end alone ("I resigned from the board")."""
    lowered = verb.lower()
    if lowered in ("joined", "joining", "join"):
        # "I'll join Tom in Houston" is a person met: a join still to come names a role or a firm
        return _an_employer(obj) and (lowered == "joined" or bool(cues.AS_A_ROLE.search(obj)))
    if lowered not in ("leaving", "left", "resigning", "resigned", "stepping down", "stepped down"):
        return True
    return bool(cues.NEXT_ROLE.search(sentence))


def _named_subject(subject: str, obj: str) -> bool:
    """"Maíz y Sal won ..." is news; "Budget was approved" is a capitalized first word, not a name."""
    words = subject.split()
    if words[0].lower() in cues.NOT_NAMES:
        return False
    return len(words) > 1 or bool(cues.NEWS_NOUN.search(f"{subject} {obj}"))


def _news_object(raw: str) -> str:
    cut = cues.NEWS_TRIM.search(raw)
    return (raw[:cut.start()] if cut else raw).strip(" '\"-–—")


def _news_about(groups: dict[str, str | None], obj: str) -> str:
    subject = (groups.get("subj") or "").strip()
    lowered = subject.lower()
    if lowered in ("i",) or lowered.endswith(" and i") or lowered.startswith("my ") and not person_names(subject):
        return "self"
    if lowered in ("we", "") or lowered.startswith("our ") and not person_names(subject):
        if not subject and obj.lower().split(" ")[0] in ("i", "i'm", "i've", "my"):
            return "self"
        return "organization"
    names = person_names(subject)
    if lowered.startswith(("my ", "our ", "the ")):
        return names[0] if names else "organization"
    return subject  # an organization or person named as the subject: the caller knows whose it is
