"""Find the original of a forward written inline in a plain-text body, in any client's format.

Pure: text in, ``Forwarded`` (or None) out. Evidence is weighed the way a reader would: a
separator that says "forwarded" wins anywhere above a reply's quoted history; an Outlook-style
header block or an "On ... wrote:" line is a forward only when the outer subject agrees.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import pairwise
from typing import NamedTuple

from dateutil import parser as date_parser

from assistant.addresses import ADDRESS_IN_TEXT, clean_text, parse_address, parse_address_list
from assistant.models import Address, Forwarded
from assistant.reading import forward_labels as vocab
from assistant.reading.words import FOLD_EXOTIC, alternation, initials

_ALL_LABELS = [label for _, labels in vocab.FIELD_LABELS for label in labels]
_FIELD_OF = {label.casefold(): field for field, labels in vocab.FIELD_LABELS for label in labels}
_LABEL_LINE = re.compile(
    rf"^\s*\**\s*(?={initials(_ALL_LABELS)})(?P<label>{alternation(_ALL_LABELS)})\s*\**\s*[:：]\**\s*(?P<value>.*)$",
    re.IGNORECASE)
# Yahoo writes the whole header block on one line: "From: a <a@x>To: b <b@x>Subject: ..."
_INLINE_LABEL = re.compile(
    rf"(?:{alternation(_ALL_LABELS + [label.upper() for label in _ALL_LABELS])})\s?[:：]")
_PHRASES = alternation(vocab.FORWARD_PHRASES + vocab.ORIGINAL_PHRASES)
_PHRASE_START = f"(?={initials(vocab.FORWARD_PHRASES, vocab.ORIGINAL_PHRASES)})"
_SEPARATOR = re.compile(rf"^{_PHRASE_START}(?P<phrase>{_PHRASES})(?:\s*[-/]+\s*[\w .'-]{{0,40}})?\s*:?$",
                        re.IGNORECASE)
# A line that may be a separator naming a forward: what _separator_candidate strips, then a
# forward phrase. ("-----Original Message-----" heads a reply.) A phrase matched as an original
# phrase folds into ORIGINAL_PHRASES unless the line holds a character whose case folding
# differs from re.IGNORECASE's: with one of those about, the long way decides.
_SEPARATOR_LINE = re.compile(
    rf"^[-_=*>\s]*(?={initials(vocab.FORWARD_PHRASES)})(?:{alternation(vocab.FORWARD_PHRASES)})",
    re.IGNORECASE | re.MULTILINE)
_DASHED_SEPARATOR = re.compile(
    rf"^\s*[-_=]{{2,}}\s*{_PHRASE_START}(?P<phrase>{_PHRASES})(?:\s*[-/|]+\s*(?:{_PHRASES}|[\w.]{{1,12}}))?"
    rf"\s*[-_=]{{2,}}(?P<rest>.*)$", re.IGNORECASE)
_WROTE = re.compile(alternation(vocab.WROTE_WORDS))
_DIVIDER = re.compile(r"^\s*[-_=*]{5,}\s*$")
_QUOTE_RUN = re.compile(r"^(?:[ \t]*>)+[ \t]?")
_SUBJECT_PREFIX = re.compile(r"^\s*(?:\[[^\]]{0,40}\]\s*)*(?P<p>[^\s:：\[\]]{1,12}?)\.?\s*"
                             r"(?:\[\d+\]|\(\d+\))?\s*[:：]\s*")
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")


class _Line(NamedTuple):  # a tuple: one is made per line of every message
    raw: str
    depth: int  # how many '>' quote markers lead the line
    text: str  # the line without its quote markers or trailing space


@dataclass(frozen=True)
class _Candidate:
    fields: dict[str, str]
    body_start: int
    depth: int
    strong: bool


def find_forward(text: str, subject: str = "") -> Forwarded | None:
    """The top-most forwarded original in ``text``, or None when the message is no forward."""
    kind = subject_kind(subject)
    text = _INVISIBLE.sub("", text or "")
    if kind == "reply" and not FOLD_EXOTIC.search(text) and not _SEPARATOR_LINE.search(text):
        # under a reply's subject only a separator line naming a forward counts ("----- Forwarded
        # message -----"), and every such line holds a forward phrase: most replies stop here
        return None
    lines = _split_lines(text)
    for i, line in enumerate(lines):
        if not line.text.strip() or _DIVIDER.match(line.text):
            continue
        cand = _separator_candidate(lines, i) or _block_candidate(lines, i) or _lotus_candidate(lines, i)
        if cand is not None:
            if cand.strong or kind == "forward" or (kind is None and _at_top(lines, i)):
                return _forwarded(lines, cand, subject)
            return None
        attribution = _attribution(lines, i)
        if attribution is not None:
            # "On ... wrote:" heads replies; Outlook for Mac also heads forwards with it, but
            # then nothing stands above it and the subject says so.
            if kind == "forward" and _at_top(lines, i):
                fields = _attribution_fields(attribution)
                return _forwarded(lines, _Candidate(fields, i + attribution.count("\n") + 1,
                                                    line.depth, False), subject)
            return None
    return None


QUOTE_SCAN_LINES = 400  # the new text above a quoted message is rarely longer than this


def quoted_author(text: str) -> tuple[Address, str | None] | None:
    """Who wrote the topmost message quoted in ``text`` (a reply's history: "-----Original Message-----
    / From: / Sent:", "On <date>, <person> wrote:", a Lotus header) and when (ISO 8601 when it can be
    read), or None when no quoted message names its writer's address. A reply the owner sent says in
    its own history that this person wrote to them, even when their note is no longer in the mailbox."""
    lines = _split_lines(_INVISIBLE.sub("", text or ""))[:QUOTE_SCAN_LINES]
    for i, line in enumerate(lines):
        if not line.text.strip() or _DIVIDER.match(line.text):
            continue
        cand = _separator_candidate(lines, i) or _block_candidate(lines, i) or _lotus_candidate(lines, i)
        fields = cand.fields if cand is not None else None
        if fields is None:
            attribution = _attribution(lines, i)
            fields = _attribution_fields(attribution) if attribution is not None else None
        if fields is None:
            if line.depth:
                return None  # the topmost quote names no writer: an older one further down is not its writer
            continue
        sender = _sender(fields.get("from", ""))
        if sender is None:
            return None
        raw = clean_text(fields.get("date")) or None
        return sender, _iso_date(raw) if raw else None
    return None


_SPACES = re.compile(r"\s+")
FORWARD_PROBE = 80  # characters of a forwarded letter's line that identify it in a text


def letter_start(text: str, letter: str) -> int:
    """Where a forwarded letter's own words start in `text`, counted in `text` with its runs of
    whitespace made one space (-1: not in it). A line of the letter identifies it when it has at least
    six words; its first FORWARD_PROBE characters are looked for."""
    if not letter:
        return -1
    flat = _SPACES.sub(" ", text)
    found = [flat.find(probe) for line in letter.splitlines()[:40]
             if len(probe := _SPACES.sub(" ", line).strip()[:FORWARD_PROBE]) >= 30 and len(line.split()) >= 6]
    return min((f for f in found if f >= 0), default=-1)


def subject_kind(subject: str) -> str | None:
    """"forward" or "reply" from the first prefix of a subject ("TR:", "AW:" ...), else None."""
    m = _SUBJECT_PREFIX.match(subject or "")
    if not m:
        return None
    prefix = _fold(m.group("p"))
    if prefix in vocab.FORWARD_PREFIXES:
        return "forward"
    return "reply" if prefix in vocab.REPLY_PREFIXES else None


def strip_forward_prefixes(subject: str) -> str:
    """The subject without its leading forward prefixes: "Fwd: TR: Hello" -> "Hello"."""
    text = clean_text(subject)
    while (m := _SUBJECT_PREFIX.match(text)) and _fold(m.group("p")) in vocab.FORWARD_PREFIXES:
        text = text[m.end():]
    return text.strip()


def _fold(word: str) -> str:
    return word.casefold().replace("\u0307", "").rstrip(".")


def _split_lines(text: str) -> list[_Line]:
    """text (invisible characters already removed) as lines, their quote depth read."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    out = []
    for raw in text.split("\n"):
        m = _QUOTE_RUN.match(raw)
        depth = m.group(0).count(">") if m else 0
        out.append(_Line(raw, depth, (raw[m.end():] if m else raw).rstrip()))
    return out


def _at_top(lines: list[_Line], index: int) -> bool:
    return all(not ln.text.strip() or _DIVIDER.match(ln.text) for ln in lines[:index])


def _separator_candidate(lines: list[_Line], i: int) -> _Candidate | None:
    text = lines[i].text.strip()
    dashed = _DASHED_SEPARATOR.match(text) if text.startswith(("-", "_", "=")) else None
    m = dashed or _SEPARATOR.match(text.strip("-_=*> \t"))
    if not m:
        return None
    rest = dashed.group("rest").strip(" -_=") if dashed else ""
    strong = _fold(" ".join(m.group("phrase").split())) not in vocab.ORIGINAL_PHRASES
    if rest:
        fields, _ = _parse_block([_Line(s, 0, s) for s in _split_inline(rest)], 0)
        return _Candidate(fields, i + 1, lines[i].depth, strong)
    j = i + 1
    while j < len(lines) and j <= i + 4 and not lines[j].text.strip():
        j += 1
    fields, end = _parse_block(lines, j) if j < len(lines) else ({}, j)
    if not fields and not (strong and dashed):
        return None  # a bare "Forwarded message" line in prose is no evidence
    depth = lines[j].depth if fields else lines[i].depth
    return _Candidate(fields, end if fields else i + 1, depth, strong)


# Lotus Notes: "---------------------- Forwarded by Jane Doe/HOU/ECT on 04/15/2001 07:59 PM ------", the
# time often wrapped onto the next line; then "From: Leslie Lawner on 04/13/2001 02:35 PM / To: / cc: /
# Subject:", or the sender and date on lines of their own above an indented "To: / cc: / Subject:" block
_LOTUS_FORWARD = re.compile(r"^-{3,}\s*forwarded by\s.{1,120}?\son\s\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)
_LOTUS_ON_DATE = re.compile(r"\s+(?:on\s+)?\d{1,2}/\d{1,2}/\d{2,4}\b.*$", re.I)
LOTUS_SENDER_LINES = 4  # lines a Lotus sender and date may take above its "To:" line


def _lotus_candidate(lines: list[_Line], i: int) -> _Candidate | None:
    if not _LOTUS_FORWARD.match(lines[i].text.strip()):
        return None
    j = i + 1
    if j < len(lines) and lines[j].text.strip() and re.fullmatch(r"[\d: ]*(?:[AP]M)?\s*-*", lines[j].text.strip()):
        j += 1  # the separator's time, wrapped
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    depth = lines[i].depth
    if j < len(lines) and _LABEL_LINE.match(lines[j].text):
        fields, end = _parse_block(lines, j)
    else:  # "Jane Doe" / "04/13/01 01:24 PM" above the block
        to = next((k for k in range(j, min(j + LOTUS_SENDER_LINES, len(lines)))
                   if _LABEL_LINE.match(lines[k].text) and _FIELD_OF.get(
                       _label_key(_LABEL_LINE.match(lines[k].text)), "") == "to"), None)  # type: ignore[arg-type]
        fields, end = _parse_block(lines, to) if to is not None else ({}, j)
        head = " ".join(ln.text.strip() for ln in lines[j:to] if ln.text.strip()) if to is not None else ""
        if head and "from" not in fields:
            fields["from"] = head
    if "from" in fields:
        when = _LOTUS_ON_DATE.search(fields["from"])
        if when and "date" not in fields:
            fields["date"] = re.sub(r"^\s*(?:on\s+)?", "", when.group(0), flags=re.I)  # "04/13/2001 02:35 PM"
        fields["from"] = _LOTUS_ON_DATE.sub("", fields["from"]).strip()
    return _Candidate(fields, end if fields else j, depth, True)


def _block_candidate(lines: list[_Line], i: int) -> _Candidate | None:
    text = lines[i].text
    if ":" not in text and "：" not in text or not _LABEL_LINE.match(text):
        return None
    if i and lines[i - 1].text.strip() and not _DIVIDER.match(lines[i - 1].text):
        return None  # a header block starts a paragraph
    fields, end = _parse_block(lines, i)
    if "from" not in fields or not {"subject", "date"} & fields.keys() or len(fields) < 3:
        return None
    return _Candidate(fields, end, lines[i].depth, False)


def _split_inline(text: str) -> list[str]:
    cuts = [m.start() for m in _INLINE_LABEL.finditer(text) if m.start()] + [len(text)]
    return [text[:cuts[0]]] + [text[a:b] for a, b in pairwise(cuts)]


def _parse_block(lines: list[_Line], start: int) -> tuple[dict[str, str], int]:
    """Header fields from the block at ``start`` and the index of the first line after it."""
    fields: dict[str, str] = {}
    depth, current, i = lines[start].depth, "", start
    indent = _indent(lines[start].text)
    while i < len(lines):
        line = lines[i]
        m = _LABEL_LINE.match(line.text) if line.depth == depth else None
        if m:
            field = _FIELD_OF.get(_label_key(m), "other")
            if field == "from" and "from" in fields:
                break  # the next message's header
            current = field
            fields.setdefault(field, m.group("value").strip().strip("*").strip())
        elif not line.text.strip() and fields and _label_follows(lines, i, depth, fields):
            pass  # HTML converted to text often leaves blank lines between header lines
        elif not line.text.strip() or line.depth != depth or not fields:
            break
        else:
            # a value wrapped onto the next line: indented, or with another label after it
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            folded = _indent(line.text) > indent
            if not (folded or (nxt and nxt.depth == depth and _LABEL_LINE.match(nxt.text))):
                break
            if current in fields and current != "other":
                fields[current] = f"{fields[current]} {line.text.strip()}"
        i += 1
    fields.pop("other", None)
    return fields, i


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _label_follows(lines: list[_Line], i: int, depth: int, fields: dict[str, str]) -> bool:
    nxt = next((ln for ln in lines[i:i + 4] if ln.text.strip()), None)
    m = _LABEL_LINE.match(nxt.text) if nxt is not None and nxt.depth == depth else None
    return m is not None and _FIELD_OF.get(_label_key(m), "other") not in fields


def _label_key(m: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", m.group("label")).casefold()


def _attribution(lines: list[_Line], i: int) -> str | None:
    """The "On <date>, <person> wrote:" line at ``i`` (possibly wrapped once), else None."""
    text = lines[i].text.strip()
    if not text.endswith((":", "：")) and i + 1 < len(lines):
        wrapped = lines[i + 1].text.strip()
        if wrapped.endswith((":", "：")) and len(wrapped) < 40 and lines[i + 1].depth == lines[i].depth:
            text = f"{text}\n{wrapped}"
    if not text.endswith((":", "：")) or len(text) > 300 or not re.search(r"\d", text):
        return None
    if not (ADDRESS_IN_TEXT.search(text) or _WROTE.search(text.casefold())):
        return None
    # what follows an attribution is quoted or indented
    end = i + text.count("\n") + 1
    nxt = next((ln for ln in lines[end:] if ln.text.strip()), None)
    if nxt is None or not (nxt.depth > lines[i].depth or nxt.text[:1] in " \t"):
        return None
    return text


def _attribution_fields(text: str) -> dict[str, str]:
    text = " ".join(text.split())
    m = ADDRESS_IN_TEXT.search(text)
    if not m:
        return {}
    before = text[:m.start()].rstrip(" <(")
    quoted = re.search(r"[\"“„«]\s*([^\"“”„«»]+?)\s*[\"”»]\s*,?$", before)
    if quoted:
        name = quoted.group(1)
    else:
        words: list[str] = []
        for word in reversed(before.split()):
            if not word[:1].isupper() or re.search(r"\d", word) or word.strip(",;") in ("AM", "PM", "GMT", "UTC"):
                break
            words.insert(0, word)
        name = " ".join(words)
    fields = {"from": f'"{name}" <{m.group(1)}>' if name else m.group(1)}
    # the date may stand before or after the person, depending on the language
    date = _iso_date(text.replace(m.group(1), " ").replace(name, " ") if name else text)
    if date:
        fields["date"] = date
    return fields


def _forwarded(lines: list[_Line], cand: _Candidate, outer_subject: str) -> Forwarded:
    fields = cand.fields
    subject = fields["subject"] if "subject" in fields else strip_forward_prefixes(outer_subject)
    raw_date = clean_text(fields.get("date")) or None
    return Forwarded(
        sender=_sender(fields.get("from", "")),
        to=_addresses(fields.get("to", "")),
        cc=_addresses(fields.get("cc", "")),
        subject=clean_text(subject),
        date=(_iso_date(raw_date) or raw_date) if raw_date else None,
        body=_body(lines, cand.body_start, cand.depth),
    )


def _body(lines: list[_Line], start: int, depth: int) -> str:
    body = [_unquote(ln.raw, min(depth, ln.depth)) for ln in lines[start:]]
    nonblank = [b for b in body if b.strip()]
    if nonblank and all(b.lstrip().startswith(">") for b in nonblank):
        body = [_unquote(b, 1) for b in body]  # the client quoted the whole original
    return textwrap.dedent("\n".join(b.rstrip() for b in body)).strip()


def _unquote(line: str, levels: int) -> str:
    for _ in range(levels):
        line = re.sub(r"^[ \t]*>[ \t]?", "", line, count=1)
    return line


def _normalise_addresses(value: str) -> str:
    value = re.sub(r"\[mailto:([^\]\s]+)\]", r"<\1>", value)  # Outlook: Name [mailto:a@b]
    value = re.sub(r"(?<=\S)<mailto:[^>]*>", "", value)  # plain-text links: a@b<mailto:a@b>
    value = re.sub(r"\[([^\]]+)\]\(mailto:[^)]*\)", r"\1", value)  # Markdown: [a@b](mailto:a@b)
    value = re.sub(r"[«»“”„]", '"', value).replace("*", "")
    return re.sub(rf"\(\s*<?({ADDRESS_IN_TEXT.pattern})>?\s*\)", r"<\1>", value)


def _sender(value: str) -> Address | None:
    value = _normalise_addresses(value)
    # Outlook's "Assistant <a@x> on behalf of Boss <b@x>": the first is who wrote it
    value = re.split(r"\s+(?:on behalf of|im Auftrag von|au nom de|en nombre de|per conto di|"
                     r"namens|w imieniu)\s+", value, maxsplit=1)[0]
    return parse_address(value) or next(iter(_addresses(value)), None)


def _addresses(value: str) -> tuple[Address, ...]:
    value = _normalise_addresses(value)
    if "<" not in value:
        return parse_address_list(value)
    # split after each "<...>" so that names holding commas ("Doe, John <j@x>") stay whole,
    # then peel bare addresses off the front: "a@x, Nicholas <n@x>"
    found: dict[str, Address] = {}
    for part in re.split(r"(?<=>)\s*[,;]\s*", value):
        chunks = re.split(r"\s*[,;]\s*", part)
        while len(chunks) > 1 and ADDRESS_IN_TEXT.fullmatch(chunks[0].strip()):
            addr = parse_address(chunks.pop(0))
            if addr is not None:
                found.setdefault(addr.email, addr)
        rest = ", ".join(chunks)
        single = parse_address(rest)
        for addr in (single,) if single else parse_address_list(rest):
            found.setdefault(addr.email, addr)
    return tuple(found.values())


def _iso_date(raw: str | None) -> str | None:
    """ISO 8601 for a client-localised date, or None when it cannot be read with confidence."""
    if not raw:
        return None
    text = re.sub(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", r" \1-\2-\3 ", raw)
    offset = None
    m = re.search(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b", text)
    if m:  # dateutil reads "GMT+3" POSIX-style, as three hours *west*
        offset = (1 if m.group(1) == "+" else -1) * (int(m.group(2)) * 60 + int(m.group(3) or 0))
        text = text[:m.start()] + " " + text[m.end():]
    else:
        for token in re.findall(r"\b[A-ZČ]{1,5}\b", text):
            if token in vocab.TZ_OFFSETS:
                offset = vocab.TZ_OFFSETS[token]
                break
    text = re.sub(r"(?:\bkl\.?|\bklo|\bkell|(?<=\d{4}))\s+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?\b",
                  lambda t: f" {t.group(1)}:{t.group(2)}:{t.group(3) or '00'}", text)
    text = re.sub(r"\b(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", r"\1/\2/\3", text)
    words = re.findall(r"[^\W\d_]+\.?", text)
    # "mar" is March in English and Spanish but Tuesday in French ("mar. 5 mars 2024")
    tuesday = any(_month(w) for w in words if _fold(w) != "mar")
    text = re.sub(r"[^\W\d_]+\.?", lambda w: _date_word(w.group(0), tuesday), text)
    has_month = re.search(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b", text) or any(
        name in text for name in _ENGLISH_MONTHS)
    if not has_month or not re.search(r"\b\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2}\b", text):
        return None  # a day and a year alone would be silently completed with January
    year_first = bool(re.match(r"\s*\d{4}\b", text))
    us_style = bool(re.search(r"\b[AP]M\b", text)) and not re.search(r"[A-Z][a-z]", text)
    try:
        parsed = date_parser.parse(text, fuzzy=True, dayfirst=not (us_style or year_first),
                                   yearfirst=year_first, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    if not 1970 <= parsed.year <= 2100:
        return None
    if offset is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return str(parsed.isoformat())


_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")


def _date_word(word: str, mar_is_tuesday: bool) -> str:
    """A date token made readable for dateutil: English month, AM/PM, or dropped."""
    if word.upper().rstrip(".") in ("AM", "PM"):
        return word.upper().rstrip(".")
    month = None if mar_is_tuesday and _fold(word) == "mar" else _month(word)
    return f" {_ENGLISH_MONTHS[month - 1]} " if month else " "


def _month(word: str) -> int | None:
    folded = _fold(word)
    for n, name in enumerate(_ENGLISH_MONTHS, 1):
        if folded in (name.casefold(), name[:3].casefold()) or folded == "sept" and n == 9:
            return n
    return vocab.MONTHS.get(folded)
