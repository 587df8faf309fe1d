"""Email prose -> one-line sentences: paragraphs, bullets, hard-wrapped lines, then end marks. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from assistant.understanding import cues

MAX_TEXT = 400  # a "sentence" longer than this is a run-on paragraph; keep the item readable
MAX_INPUT = 20_000  # personal prose past this is a pasted document; bounds the cost of one message
_TERMINAL_MARKS = frozenset(".!?:;…)")  # a line ending in one of these ends its sentence


def sentences(text: str) -> list[str]:
    """Split email prose into one-line sentences: paragraphs, bullets and wrapped lines, then end marks."""
    return list(_sentences(text))


@lru_cache(maxsize=8)  # the four finders split the same message one after the other
def _sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for block in _blocks(text[:MAX_INPUT].replace("\u2019", "'").replace("\u2018", "'").replace("\r", "")):
        out.extend(piece for piece in _split(block) if any(c.isalpha() for c in piece))
    return tuple(out)


def _blocks(text: str) -> Iterable[str]:
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        bullet = cues.BULLET.match(line)
        if not line or bullet or (current and _line_break_ends(current[-1], line)):
            if current:
                yield " ".join(current)
            current = []
        if line:
            current.append(line[bullet.end():] if bullet else line)
    if current:
        yield " ".join(current)


def _line_break_ends(previous: str, line: str) -> bool:
    """A line break ends the sentence unless the previous line was hard-wrapped mid-sentence."""
    if previous[-1:] in _TERMINAL_MARKS:  # previous is a stripped line: its last character
        return True
    # a short line followed by a capital is a greeting, a heading or a list without markers
    return len(previous) < 45 and line[:1].isupper()


def _split(block: str) -> list[str]:
    # every match of cues.URLISH holds "@", "://" or "www." (any case): most blocks hold none
    urlish = "@" in block or "://" in block or "ww." in block.lower()
    protected = [(m.start(), m.end()) for m in cues.URLISH.finditer(block)] if urlish else []
    pieces: list[str] = []
    start = 0
    ends = cues.SENTENCE_END if ":" in block or ";" in block or "<" in block else cues.END_MARK
    for m in ends.finditer(block):
        end = m.end()
        if any(a <= m.start() < b for a, b in protected) or not _ends_sentence(block, m.start(), end):
            continue
        pieces.append(block[start:end])
        start = end
    pieces.append(block[start:])
    return [one_line(p) for p in pieces if p.strip()]


def _ends_sentence(block: str, mark: int, end: int) -> bool:
    if block[mark] != ".":
        return True
    words = block[:mark].rsplit(None, 1)  # the last word only (splitting them all at every mark: quadratic)
    word = words[-1].lstrip("([\"'").lower() if words else ""
    if word in cues.ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False  # "Dr. Lee", "e.g. bakeries", the initial in "J. Smith"
    following = block[end:].lstrip()[:1]
    return not following.islower()


def one_line(piece: str) -> str:
    return _unbracketed(" ".join(piece.split()))[:MAX_TEXT]


_OPENS, _CLOSES = "([", ")]"
_EMOTICON_EYES = frozenset(":;=-^8")  # ":)", ";-)", "^^)", "8)": a smile, not a bracket


def _smiles(body: str) -> bool:
    """Whether body's closing bracket is a smile's mouth: after ":" or ";", or after "=", "-", "^" or "8"
    that no letter or digit comes before ("room 208)" is a number in brackets)."""
    eyes, before = body[-2:-1], body[-3:-2]
    if eyes in (":", ";"):
        return True
    return eyes != "" and eyes in _EMOTICON_EYES and not before.isalnum()


def _unbracketed(sentence: str) -> str:
    """A sentence without the bracket an aside opens or closes around it: "(It looks like we MIGHT have
    a new baby." reads as "It looks like we MIGHT have a new baby.", and so does "...afterall.)". A
    bracket the sentence opens and closes inside itself ("Call me (not Ann) today.") stays."""
    body = sentence.rstrip(".!?…")
    end = sentence[len(body):]
    if body[:1] and body[0] in _OPENS:
        close = _CLOSES[_OPENS.index(body[0])]
        if close not in body:
            body = body[1:]
        elif body.endswith(close) and body.count(close) == 1 and body.count(body[0]) == 1:
            # "(We won the grant :)": the smile keeps its mouth, the aside loses its bracket
            body = body[1:] if _smiles(body) else body[1:-1]
    elif body[-1:] and body[-1] in _CLOSES and _OPENS[_CLOSES.index(body[-1])] not in body and not _smiles(body):
        body = body[:-1]
    return body.strip() + end if body.strip() else sentence
