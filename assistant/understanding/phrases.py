"""What the finders share: the Found value, the object phrase after a cue, the profession it names,
and the names of people in a sentence. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.models import Found
from assistant.understanding import cues, taxonomy


def profession(phrase: str) -> str | None:
    found = taxonomy.normalize(phrase)
    return found.label if found else None


def head_profession(phrase: str) -> str | None:
    """The head noun first: "angels who understand developer tools" asks for angels, not developers;
    the clause only when the head is generic ("someone who does bookkeeping")."""
    head = short(phrase)
    named = profession(head)
    if named or not (cues.GENERIC_HEAD.match(head) or len(head.split()) > 3):
        return named
    return profession(phrase)


def object_phrase(raw: str | None) -> str:
    if not raw:
        return ""
    cut = cues.CLAUSE_BREAK.search(raw)
    return (raw[:cut.start()] if cut else raw).strip(" '\"-–—")


def short(phrase: str, words: int = 6) -> str:
    """A few words naming the thing: "a reliable co-packer for our teas" -> "co-packer"."""
    head = cues.LEADING_DET.sub("", phrase.strip())
    if not head.lower().startswith(("someone", "somebody", "anyone", "anybody", "people", "folks")):
        cut = cues.SHORT_BREAK.search(head, 1)
        head = head[:cut.start()] if cut else head
    head = " ".join(head.split()[:words])
    return cues.TRAILING_FUNCTION_WORDS.sub("", head).strip(" ,'\"") or phrase.strip()


def unique(found: list[Found]) -> list[Found]:
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for item in found:
        key = (item.kind, item.what.lower() if item.what else item.text, item.about)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


NAME_RE = re.compile(cues.NAME)


def person_names(text: str, skip: Iterable[str] = (), vocative_only_at_start: bool = False) -> list[str]:
    skipped = {s.lower() for s in skip}
    out = []
    for m in NAME_RE.finditer(text):
        if vocative_only_at_start and m.start() == 0 and not text[m.end():].startswith(","):
            continue  # "Putting you two in touch" starts with a capital, "Sam, meet Alex" with a name
        words = m.group("name").split()
        while words and words[0].lower() in cues.NOT_NAMES:
            words = words[1:]
        name = " ".join(words)
        if name and name.lower() not in skipped and not any(w.lower() in skipped for w in words):
            out.append(name)
    return out
