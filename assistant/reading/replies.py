"""What the sender wrote in this message: quoted history, footers and signature split off.

Lines are classified (text, quote, attribution header, header block, separator, signature
delimiter, mobile footer, disclaimer) and then walked once: the walk stops at the first thing
that starts someone else's words or the sender's sign-off block. Pure: no IO, no clock.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Protocol

from assistant.models import Address, Signature
from assistant.reading import reply_labels as lab
from assistant.reading.gate import required_literals
from assistant.reading.signatures import is_name_like, parse_signature, trailing_signature
from assistant.reading.words import FOLD_EXOTIC

_QUOTE = re.compile(r"^\s*(?:>|&gt;|[A-Za-z]{1,12}>(?!>))")
_JUNK = re.compile(r"^[\s\-_=+~#*ᐧ—–•·|]+$")
_UNDERSCORES = re.compile(r"^\s*[*]?_{2,}[*]?\s*$")
_RULE = re.compile(r"^[-—–]{2,}$")
_SIG_DELIMITER = re.compile(r"^(?:--|—|-- )\s*$")
_CAN_START = re.compile(r"<\s*$|[\w.+-]+@[\w-]+\.[\w.-]+")
_MAX_SPAN = 5  # lines an attribution may be wrapped over ("On ... <\nfoo@bar.com> wrote:")
_HEADER_WINDOW = 6
_WRAP_WIDTH = 50
_VERB_TAIL = 80
_SHORT_SIGNATURE = 6  # lines after a row of underscores that still count as a signature

EMPTY, JUNK, TEXT, QUOTE, ATTRIBUTION, CONTINUATION = "E", "J", "T", "Q", "B", "C"
SEPARATOR, HEADER, DELIMITER, UNDERSCORES, MOBILE, DISCLAIMER = "X", "H", "D", "U", "M", "L"
BANNER = "N"
_NEUTRAL = (EMPTY, JUNK)
# Every match of lab.DISCLAIMER holds one of these once lower-cased; with a character of
# wordmatch.FOLD_EXOTIC about, the pattern decides.
# every match of lab.DISCLAIMER holds one of these (read off the pattern itself)
_DISCLAIMER_WORDS = tuple(sorted(required_literals(lab.DISCLAIMER)))
_HISTORY = (QUOTE, ATTRIBUTION, SEPARATOR, HEADER)


def split_reply(text: str, sender: Address | None = None) -> tuple[str, Signature | None]:
    """(reply_text, signature) of a plain-text body; ``sender`` helps to read the signature."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kinds = _Kinds(lines)
    kept, stop = _walk(kinds)
    if stop is not None and kinds[stop] == QUOTE and TEXT not in (kinds[i] for i in kept):
        if not _quotes_a_message(lines[stop:]):
            return _trim(lines), None  # nothing but a quote that names no author: it is the reply
    own = [lines[i] for i in kept]
    signature = None
    if stop is not None and kinds[stop] in (DELIMITER, UNDERSCORES):
        signature = parse_signature(lines[stop + 1:_history_start(kinds, stop + 1)], sender)
    cut, found = trailing_signature(own, sender)
    own = own[:cut]
    signature = signature or found
    if signature is None and stop is not None:
        signature = _bottom_signature(lines, kinds, stop, sender)
    return _trim(own), signature


def classify(lines: list[str]) -> list[str]:
    """One kind letter per line; an attribution wrapped over lines is B followed by Cs."""
    kinds = _Kinds(lines)
    return [kinds[i] for i in range(len(lines))]


class _Letters(Protocol):
    """Line kinds by index: a list of classify()'s letters, or _Kinds working them out lazily."""

    def __len__(self) -> int: ...

    def __getitem__(self, i: int, /) -> str: ...


class _Kinds:
    """classify()'s letters, worked out from the top only as far as they are asked for.

    The walk stops where someone else's words begin, and below that only a few questions are
    asked; the quoted history, most of a long thread, then need not be classified at all.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stripped = [line.strip() for line in lines]
        self._raw: list[str] = []  # before the wrapped-quote pass
        self._final: list[str] = []
        self._in_code = False

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < len(self.lines):
            raise IndexError(i)
        final = self._final
        if i >= len(final):
            raw, lines, n = self._raw, self.lines, len(self.lines)
            self._classify_to(min(i + 1, n - 1))
            for k in range(len(final), i + 1):
                kind = raw[k]
                # a quoted line the client wrapped without repeating ">"
                if kind == TEXT and 0 < k < n - 1 and final[k - 1] == QUOTE == raw[k + 1] \
                        and _is_wrapped(lines[k - 1], lines[k]):
                    kind = QUOTE
                final.append(kind)
        return final[i]

    def next_is_quote(self, j: int) -> bool:
        """Is the first non-blank line from j on quoted?"""
        stripped = self.stripped
        while j < len(stripped) and not stripped[j]:
            j += 1
        return j < len(stripped) and bool(_QUOTE.match(stripped[j]))

    def _classify_to(self, j: int) -> None:
        raw, stripped = self._raw, self.stripped
        while len(raw) <= j:
            i = len(raw)
            line = stripped[i]
            if line.startswith("```"):
                self._in_code = not self._in_code
                raw.append(TEXT)  # code is never a header or a footer
            elif self._in_code:
                raw.append(TEXT if line else EMPTY)
            elif not line:
                raw.append(EMPTY)
            elif line.startswith(">>>") and lab.GROUPWISE.match(line):
                raw.append(ATTRIBUTION)  # its chevrons open the history, they quote nothing
            elif line[0] == ">" or line.startswith("&gt;"):
                raw.append(QUOTE)  # what _attribution_span and _kind_of would both say
            elif span := _attribution_span(self, i):
                raw.append(ATTRIBUTION)
                raw.extend([CONTINUATION] * (span - 1))
            else:
                raw.append(_kind_of(self.lines, i, line))


def _is_wrapped(previous: str, line: str) -> bool:
    """A quoted line the client wrapped without repeating ">": long line, then lower case."""
    return len(previous) >= _WRAP_WIDTH and line.lstrip()[:1].islower()


def _kind_of(lines: list[str], i: int, stripped: str) -> str:
    if _QUOTE.match(stripped):
        return QUOTE
    if _SIG_DELIMITER.match(lines[i].rstrip("\n")):
        return DELIMITER
    if _UNDERSCORES.match(stripped) or _JUNK.match(stripped):
        if _header_block_at(lines, i + 1):
            return HEADER
        if _after_sign_off(lines, i) and (_UNDERSCORES.match(stripped) or _RULE.match(stripped)):
            return DELIMITER
        if _UNDERSCORES.match(stripped):
            return UNDERSCORES
        return UNDERSCORES if _RULE.match(stripped) and _signature_below(lines, i + 1) else JUNK
    if lab.BANNER.search(stripped[:200]):
        return BANNER
    if lab.SEPARATOR.match(stripped) or lab.FORWARD_INTRO.match(stripped):
        return SEPARATOR
    if _header_block_at(lines, i) or _lotus_header_at(lines, i):
        return HEADER
    if len(stripped) <= 160 and _lotus_attribution(lines, i, stripped):
        return ATTRIBUTION
    if len(stripped) <= 120 and _mobile_footer(_unlink(stripped)):
        return MOBILE
    if _may_be_disclaimer(stripped[:300]) and lab.DISCLAIMER.search(stripped[:300]):
        return DISCLAIMER
    return TEXT


def _mobile_footer(line: str) -> bool:
    """lab.MOBILE_FOOTER.search(line), in its two cheaper halves."""
    return bool(lab.MOBILE_FOOTER_START.match(line)
                or lab.MOBILE_FOOTER_END_TEXT in line and lab.MOBILE_FOOTER_END.search(line))


def _may_be_disclaimer(text: str) -> bool:
    """False only when lab.DISCLAIMER cannot match: each of its matches holds one of these words."""
    if FOLD_EXOTIC.search(text):
        return True
    folded = text.lower()
    return any(word in folded for word in _DISCLAIMER_WORDS)


def _after_sign_off(lines: list[str], i: int) -> bool:
    previous = next((line for line in reversed(lines[max(0, i - 3):i]) if line.strip()), "")
    return bool(lab.SIGN_OFF.match(previous.strip()))


def _signature_below(lines: list[str], i: int) -> bool:
    """After a rule of dashes: a short closing block that starts with a name."""
    rest = [line.strip() for line in lines[i:i + _SHORT_SIGNATURE + 2] if line.strip()]
    if not rest or len(rest) > _SHORT_SIGNATURE or len(lines) - i > _SHORT_SIGNATURE * 3:
        return False
    return is_name_like(rest[0]) and not any(line.endswith((".", "?", "!")) for line in rest)


def _unlink(line: str) -> str:
    """Markdown links reduced to their text: "Sent from [Mail](https://...)"."""
    return re.sub(r"\[([^\]]{0,80})\]\([^)]{0,300}\)", r"\1", line) if "](" in line else line


def _header_block_at(lines: list[str], i: int) -> bool:
    """An inline "From: / Sent: / To: / Subject:" block (any language) starts at line i."""
    start = i
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or start - i > 2:
        return False
    first = lines[start]
    if ":" not in first and "：" not in first or not lab.HEADER_ANY.match(first):
        return False  # a field label ends with a colon
    fields, has_from = 0, False
    for line in lines[start:start + _HEADER_WINDOW]:
        if lab.HEADER_ANY.match(line):
            fields += 1
            has_from = has_from or bool(lab.HEADER_FROM.match(line))
    return has_from and fields >= 2


_LAST_FIRST = re.compile(r"^[A-Z][\w'-]+,\s+[A-Z][\w'-]+(?:\s+[A-Z]\.?)?$")  # Outlook: "Mills, Cheryl D"


def _lotus_header_at(lines: list[str], i: int) -> bool:
    """Lotus Notes' unlabeled header: "To:" with "cc:" and "Subject:" in the lines below it."""
    if not lab.LOTUS_TO.match(lines[i]):
        return False
    window = lines[i + 1:i + _HEADER_WINDOW]
    return any(map(lab.LOTUS_CC.match, window)) and any(map(lab.LOTUS_SUBJECT.match, window))


def _lotus_attribution(lines: list[str], i: int, stripped: str) -> bool:
    """The sender and date Lotus Notes writes above its header block (either line of the two)."""
    if lab.LOTUS_SENT_BY.match(stripped) or lab.LOTUS_DATE.search(stripped):
        return _header_soon(lines, i + 1)
    following = next((j for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), None)
    return following is not None and bool(lab.LOTUS_DATE.search(lines[following].strip())) \
        and _header_soon(lines, following + 1)


def _header_soon(lines: list[str], j: int) -> bool:
    for k in range(j, min(len(lines), j + 4)):
        if lines[k].strip():
            return _lotus_header_at(lines, k) or _header_block_at(lines, k) or bool(lab.LOTUS_SENT_BY.match(lines[k]))
    return False


def _attribution_span(kinds: _Kinds, i: int) -> int:
    """How many lines the "On <date>, X wrote:" header starting at line i takes (0: none)."""
    stripped = kinds.stripped
    first = stripped[i]
    if len(first) > 300 or first.startswith((">", "&gt;")):
        return 0
    if _is_attribution(first, lambda: kinds.next_is_quote(i + 1)):
        return 1
    if len(first) > 200:
        return 0
    window = stripped[i + 1:i + _MAX_SPAN]
    if not any(part.endswith((":", "：")) for part in window) and not lab.DATE_FIRST.match(_bare(first)):
        return 0  # wrapped headers end with a colon; only the date-first form may omit it
    if not _can_start(_bare(first)):
        return 0
    joined = first
    for k, part in enumerate(window):
        j = i + 1 + k
        if not part:
            continue
        if part.startswith(">"):
            part = part.lstrip(">").strip()
            if len(part) > 20:
                return 0  # a real quote, not the tail of a wrapped header ("> wrote:")
        if _can_start(part, strict=True):
            return 0  # the header starts on a later line
        joined = f"{joined} {part}"
        if len(joined) > 300:
            return 0
        if _is_attribution(joined, functools.partial(kinds.next_is_quote, j + 1)):
            return j - i + 1
    return 0


def _can_start(text: str, strict: bool = False) -> bool:
    """Could an attribution wrapped over several lines begin with this line?"""
    if lab.DATE_FIRST.match(text) or lab.ON_WORDS.match(text) and not text[:3].casefold().startswith(("at ", "in ")):
        return True
    return not strict and bool(_CAN_START.search(text) or lab.ATTRIBUTION_MEDIAL.search(text + ":")
                               or lab.ATTRIBUTION_FINAL.search(text)
                               or lab.YEAR.search(text) and lab.TIME.search(text))


def _bare(line: str) -> str:
    return line.strip().lstrip(">*- \t").rstrip("* \t")


def is_attribution(line: str, before_quote: bool = False) -> bool:
    """True for a quote header such as "On Mon, 2 Apr 2012, Bob <b@x.org> wrote:"."""
    return _is_attribution(line, before_quote)


def _is_attribution(line: str, before_quote: bool | Callable[[], bool]) -> bool:
    """is_attribution, with before_quote worked out (by calling it) only if it matters."""
    text = _bare(line)
    if not text or len(text) > 300:
        return False
    tail = max(0, len(text) - _VERB_TAIL)  # the verb and its colon close the line
    final = text[-1] in ":：-)" and lab.ATTRIBUTION_FINAL.search(text, tail)
    if final:
        before = text[:final.start()]
        if before.strip():
            if lab.HAS_DIGIT.search(before) or lab.EMAIL_IN_TEXT.search(before) or lab.ON_WORDS.match(text):
                return True
            # "Bob Smith wrote:" just above a quote; a sentence never looks like that. Outlook's
            # plain replies put "Smith, Bob wrote:" above history that is not quoted at all.
            if len(before) <= 60 and not re.search(r"[.!?;]\s", before) and (
                    (before_quote() if callable(before_quote) else before_quote)
                    or is_name_like(before.strip().strip('"')) or _LAST_FIRST.match(before.strip())):
                return True
    # Gmail's older "2016-10-24 15:36 GMT+02:00 Bob <b@x.org>:" may lack the colon
    if lab.DATE_FIRST.match(text) and (lab.ENDS_WITH_ADDRESS.search(text)
                                       or (lab.GMT_OFFSET.search(text) and len(text) <= 100)):
        return True
    if not text.endswith((":", "：")) or not lab.HAS_DIGIT.search(text):
        return False
    if lab.ATTRIBUTION_MEDIAL.search(text) and (
            lab.ON_WORDS.match(text) or lab.EMAIL_IN_TEXT.search(text) or lab.YEAR.search(text)):
        return True
    return bool(lab.YEAR.search(text) and lab.TIME.search(text) and lab.ENDS_WITH_ADDRESS.search(text))


def _walk(kinds: _Letters) -> tuple[list[int], int | None]:
    """Indices of the sender's own lines, and where the walk stopped (None: at the end)."""
    n = len(kinds)
    kept: list[int] = []
    own_seen = False
    i = 0
    while i < n:
        kind = kinds[i]
        if kind in _NEUTRAL or kind == TEXT:
            kept.append(i)
            own_seen = own_seen or kind == TEXT
            i += 1
        elif kind in (CONTINUATION, BANNER):
            i += 1
        elif kind == QUOTE:
            end = _block_end(kinds, i)
            if not _text_follows(kinds, end):
                return kept, i  # trailing quoted history
            kept.extend(range(i, end))  # an inline reply: the quote gives the answer its context
            i = end
        elif kind == ATTRIBUTION:
            after = _skip(kinds, i + 1, (CONTINUATION, EMPTY))
            if after < n and kinds[after] == QUOTE:
                end = _block_end(kinds, after)
                if not _text_follows(kinds, end):
                    return kept, i
                i = after if own_seen else end  # bottom-posting: the first quote is the history
            elif own_seen or after >= n:
                return kept, i  # unquoted history (Outlook, mobile clients)
            else:
                i = after  # a header left at the very top, above the sender's own text
        elif kind in (SEPARATOR, HEADER) and not own_seen:
            i = _after_header_block(kinds, i)  # a forward without a note: its body is the text
        elif kind == UNDERSCORES and not _short_tail(kinds, i):
            kept.append(i)
            i += 1
        else:
            return kept, i
    return kept, None


def _quotes_a_message(quoted: list[str]) -> bool:
    """Does quoted text carry the header of someone else's message?"""
    for line in quoted[:50]:
        inner = line.strip().lstrip(">").strip()
        if is_attribution(inner) or lab.SEPARATOR.match(inner) or lab.HEADER_FROM.match(inner):
            return True
    return False


def _skip(kinds: _Letters, i: int, skippable: tuple[str, ...]) -> int:
    while i < len(kinds) and kinds[i] in skippable:
        i += 1
    return i


def _block_end(kinds: _Letters, i: int) -> int:
    """End of a quote block, blank lines inside it included."""
    end = i
    while i < len(kinds) and kinds[i] in (QUOTE, EMPTY, JUNK):
        if kinds[i] == QUOTE:
            end = i + 1
        i += 1
    return end


def _text_follows(kinds: _Letters, i: int) -> bool:
    i = _skip(kinds, i, _NEUTRAL)
    return i < len(kinds) and (kinds[i] == TEXT or kinds[i] == UNDERSCORES and not _short_tail(kinds, i))


def _after_header_block(kinds: _Letters, i: int) -> int:
    i = _skip(kinds, i + 1, (EMPTY, JUNK, SEPARATOR))
    if i < len(kinds) and kinds[i] in (HEADER, TEXT):
        while i < len(kinds) and kinds[i] != EMPTY:
            i += 1
    return i


def _short_tail(kinds: _Letters, i: int) -> bool:
    """A row of underscores followed by a few lines and then nothing of the sender's."""
    lines = 0
    for j in range(i + 1, len(kinds)):
        kind = kinds[j]
        if kind in _HISTORY:
            return lines == 0
        if kind not in _NEUTRAL:
            lines += 1
            if lines > _SHORT_SIGNATURE:
                return False
    return True


def _history_start(kinds: _Letters, i: int) -> int:
    while i < len(kinds) and kinds[i] not in _HISTORY:
        i += 1
    return i


def _bottom_signature(lines: list[str], kinds: _Kinds, stop: int, sender: Address | None) -> Signature | None:
    """A "-- " signature placed below a fully quoted history is still the sender's own."""
    # a delimiter line is all dashes or underscores: without one below stop there is none to
    # find, and the history need not be classified to learn that
    if not any(map(_JUNK.match, kinds.stripped[stop:])):
        return None
    delimiter = stop
    while kinds[delimiter] != DELIMITER:
        if kinds[delimiter] not in (QUOTE, ATTRIBUTION, CONTINUATION, EMPTY, JUNK):
            return None  # something else stands between the stop and the delimiter (if any)
        delimiter += 1
        if delimiter == len(kinds):
            return None
    if any(kinds[j] in _HISTORY for j in range(delimiter + 1, len(kinds))):
        return None
    return parse_signature(lines[delimiter + 1:], sender)


def _trim(own: list[str]) -> str:
    start, end = 0, len(own)
    while start < end and not own[start].strip():
        start += 1
    while end > start and (not own[end - 1].strip() or _JUNK.match(own[end - 1])):
        end -= 1
    return "\n".join(line.rstrip() for line in own[start:end])
