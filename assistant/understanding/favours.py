"""Help given to the owner: introductions, referrals and invitations; and introductions the owner made. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import Found
from assistant.understanding import cues
from assistant.understanding.phrases import person_names, unique
from assistant.understanding.sentences import sentences


def find_helped(text: str, owner_names: Sequence[str]) -> list[Found]:
    """The writer introduced the owner to someone, referred someone to them, or invited them."""
    owner = [n for n in owner_names if n]
    found: list[Found] = []
    for sentence in sentences(text):
        if not cues.possible(sentence) & cues.HELPING:
            continue
        item = _intro_for_owner(sentence, owner) or _referral(sentence, owner) or _invitation(sentence)
        if item:
            found.append(item)
    return unique(found)


def _intro_for_owner(sentence: str, owner: Sequence[str]) -> Found | None:
    first = _first_intro(sentence)
    if not first:
        return None
    name, m = first
    lowered = sentence.lower()
    # looping someone in on mail to the owner introduces them; "I introduced Tom to Grace" does not
    addressed = (name in cues.INTRO_ADDRESSED or re.search(r"\byou\b|\bmeet\b", lowered)
                 or any(n.lower() in lowered for n in owner))
    if not addressed:
        return None  # the writer reporting an intro between two other people
    names = person_names(sentence[m.start("name"):], skip=owner) if "name" in m.groupdict() else []
    names = names or person_names(sentence, skip=owner, vocative_only_at_start=True)
    return Found("helped", sentence, "introduction", about=names[0] if names else None)


def _first_intro(sentence: str) -> tuple[str, re.Match[str]] | None:
    """The first introduction cue in the sentence, and its name."""
    possible = cues.possible(sentence)
    for name, (bit, pattern) in cues.INTROS:
        m = pattern.search(sentence) if possible & bit else None
        if m and ("name" not in m.groupdict() or person_names(m.group("name"))):
            return None if cues.INTRO_VETO.search(sentence) else (name, m)  # the veto read last: same answer
    return None


def _referral(sentence: str, owner: Sequence[str]) -> Found | None:
    possible = cues.possible(sentence)
    if not possible & cues.REFERRING or cues.INTRO_VETO.search(sentence) or \
            not cues.REFERRAL_TO_YOU.search(sentence):
        return None
    for bit, pattern in cues.REFERRALS:
        m = pattern.search(sentence) if possible & bit else None
        if m:
            names = person_names(m.groupdict().get("name") or "", skip=owner)
            return Found("helped", sentence, "referral", about=names[0] if names else None)
    return None


def _invitation(sentence: str) -> Found | None:
    possible = cues.possible(sentence)
    if not possible & cues.INVITING or cues.INVITE_VETO.search(sentence):
        return None
    if any(possible & bit and pattern.search(sentence) for bit, pattern in cues.INVITES):
        return Found("helped", sentence, "invitation")
    return None


def is_introduction(text: str) -> bool:
    """The message introduces people to each other (so an ask it answers can be marked done)."""
    return any(_first_intro(s) for s in sentences(text))
