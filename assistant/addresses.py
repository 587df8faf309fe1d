"""Strict e-mail address parsing and header-safe text.

Python 3.11.7 predates the fixes for CVE-2023-27043 (``parseaddr`` mis-parsing) and
CVE-2024-6923 (newlines in generated headers), so addresses are parsed here with a strict
grammar and every inbound string is cleaned before it can reach an outgoing header.
"""

from __future__ import annotations

import re
import unicodedata
from email.header import decode_header, make_header
from email.headerregistry import Address as HeaderAddress

from assistant.models import Address

# dot-atom local part (RFC 5322 without quoted strings, which real people never use)
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?|xn--[A-Za-z0-9-]+)"
_DOMAIN = rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,63}}|{_LABEL}(?:\.{_LABEL})+"
ADDR_SPEC = rf"(?:{_LOCAL})@(?:{_DOMAIN})"
# In a header, a mailbox as real systems issue them, outside the RFC's dot-atom: dots in a row or one
# before the "@" (Japanese carriers' "taro..yamada@" and "hana.@", Exchange exports' "d..steffes@" for
# James D. Steffes). Not a quote or backtick first: "'gill@enron.com" is what a broken export made of
# "'Gill, Kiran'", an address nobody has. The domain stays strict, so this never changes which host a
# mailbox is at; text in a body is still read by the strict ADDRESS_IN_TEXT.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_HEADER_LOCAL = rf"(?![`'])(?:{_ATEXT}+(?:\.+{_ATEXT}+)*\.?)"
_ADDR_RE = re.compile(rf"^(?:{_HEADER_LOCAL})@(?:{_DOMAIN})$")
_LAX_IN_TEXT = re.compile(rf"{_ATEXT}+(?:\.+{_ATEXT}+)*\.?@(?:{_DOMAIN})")
ADDRESS_IN_TEXT = re.compile(rf"(?<![\w.+-])({ADDR_SPEC})(?![\w-])")

# Characters that must never reach a header: CR, LF, NEL, line/paragraph separators, other
# C0/C1 controls and bidi overrides.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Invisible characters that only hide text (zero-width space, word joiner, byte-order mark). The
# zero-width joiner and non-joiner stay: emoji sequences and Persian or Indic names need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
_ANGLE_ADDR = re.compile(r"<\s*(?:mailto:)?[^<>\s]+@[^<>\s]+\s*>")


def clean_text(value: str | None, limit: int = 998) -> str:
    """Inbound text made safe for a header or a one-line display: controls become spaces."""
    if not value:
        return ""
    text = str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    # str.split() and re's \s agree on what whitespace is; controls are spaces by then
    return " ".join(_UNSAFE.sub(" ", text).split())[:limit]


def is_valid_email(value: str) -> bool:
    return bool(value) and len(value) <= 254 and bool(_ADDR_RE.match(value))


def decode_words(value: str | None) -> str:
    """Decode RFC 2047 encoded words; never raises, result cleaned for header use."""
    if not value:
        return ""
    text = str(value)
    if "=?" in text:
        try:
            text = str(make_header(decode_header(text)))
        except (ValueError, LookupError, UnicodeError, AssertionError):
            pass
    return clean_text(text)


_GROUP_LABEL = re.compile(r'^[^":<>@,()]*:(?!//)\s*')


def _split_top_level(value: str) -> list[str]:
    """Split an address list on commas and semicolons outside quotes, <> and comments."""
    parts, buf, quote, angle, paren = [], [], False, 0, 0
    escaped = False
    for ch in value:
        if escaped:
            buf.append(ch)
            escaped = False
            continue
        if ch == "\\" and quote:
            escaped = True
            buf.append(ch)
            continue
        if ch == '"':
            quote = not quote
        elif not quote:
            if ch == "<":
                angle += 1
            elif ch == ">":
                angle = max(0, angle - 1)
            elif ch == "(":
                paren += 1
            elif ch == ")":
                paren = max(0, paren - 1)
            elif ch in ",;" and not angle and not paren:
                parts.append("".join(buf))
                buf = []
                continue
        buf.append(ch)
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


def _unquote_name(name: str) -> str:
    name = name.strip().strip(",;").strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        name = name[1:-1]
    name = name.replace('\\"', '"').replace("\\\\", "\\")
    return first_last(clean_text(name.strip().strip("'\"").strip()))


# "Fischer, Lena" as Outlook and Exchange write names; not "Acme, Inc." or "Lee, PhD"
_WORD = r"[^\W\d_][\w'’.-]*"
_LAST_FIRST = re.compile(rf"^({_WORD}(?: {_WORD})?),\s*({_WORD}(?: {_WORD}){{0,2}})$")
_NOT_A_FIRST_NAME = frozenset("jr jr. sr sr. ii iii iv phd ph.d. md m.d. esq esq. cpa inc inc. llc ltd ltd. co co. "
                              "corp corp. gmbh sa ag plc llp pc mba rn dds".split())


# what Exchange directories put after a "Last, First" name: "Cherry, Diane - PSP", "Ng, Ana (Legal)"
_DIRECTORY_SUFFIX = re.compile(r"\s+[-–]\s+[^,]{1,40}$|\s*\([^(),]{1,40}\)$")


def first_last(name: str) -> str:
    """"Fischer, Lena" -> "Lena Fischer" ("Cherry, Diane - PSP" -> "Diane Cherry"); any other name as it is."""
    m = _LAST_FIRST.match(name) or _LAST_FIRST.match(_DIRECTORY_SUFFIX.sub("", name))
    if not m or m.group(2).split()[0].lower() in _NOT_A_FIRST_NAME or m.group(2).isupper() and len(m.group(2)) <= 4:
        return name
    return f"{m.group(2)} {m.group(1)}"


def parse_address(value: str) -> Address | None:
    """One mailbox from ``Name <a@b>``, ``a@b (Name)``, ``"Last, First" <a@b>`` or ``a@b``.

    Returns None unless exactly one syntactically valid address is present: a string such
    as ``"a@evil.com"@good.com`` or ``a@b <c@d>`` (CVE-2023-27043 style) is refused.
    """
    text = clean_text(decode_words(value))
    if not text or len(_ANGLE_ADDR.findall(text)) > 1:
        return None  # two <...@...>: which one is the mailbox is anyone's guess
    # the last <...> holds the address; a "<" or ">" before it belongs to the name ("Ana <3 Lee")
    m = re.fullmatch(r"(.*)<\s*(?:mailto:)?([^<>\s]+)\s*>\s*(?:\((.*)\))?", text)
    if m:
        name, email = m.group(1), m.group(2)
        if ADDRESS_IN_TEXT.search(name) or "@" in name and _LAX_IN_TEXT.search(name):
            name = ""  # an address in the display name is a spoofing device, not a name
        if not is_valid_email(email):
            return None
        return Address(_unquote_name(name), email.lower())
    m = re.fullmatch(r"(\S+@\S+?)\s*(?:\((.*)\))?", text)
    if m and is_valid_email(m.group(1)):
        return Address(_unquote_name(m.group(2) or ""), m.group(1).lower())
    return None


def parse_address_list(value: str | None) -> tuple[Address, ...]:
    """Every valid mailbox in a header value; invalid entries and group syntax are skipped."""
    if not value:
        return ()
    seen: dict[str, Address] = {}
    for part in _split_top_level(clean_text(value)):
        # RFC 5322 groups: "Friends: a@b, c@d;" -> drop the group label
        addr = parse_address(_GROUP_LABEL.sub("", part))
        if addr and addr.email not in seen:
            seen[addr.email] = addr
    return tuple(seen.values())


def header_mailbox(name: str, email: str) -> HeaderAddress:
    """A header address from a cleaned name and a validated address. Built from its two parts: the
    stdlib's addr_spec parser refuses mailboxes real systems issue ("d..steffes@", "hana.@"), which
    it writes as they are all the same."""
    local, _, domain = email.rpartition("@")
    return HeaderAddress(display_name=clean_text(name, 200), username=local, domain=domain)


def xoauth2(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (before base64), for IMAP and SMTP alike."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"
