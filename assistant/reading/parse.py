"""Raw bytes -> Message: headers, body text, reply, signature, forward, event, kind. Pure.

The stdlib parser with the compat32 policy does the MIME walk (about ten times faster than
policy.default or mail-parser on this machine, and it keeps message/rfc822 and text/calendar
parts as parts); headers are decoded here with a strict address grammar. mail-parser, the
parser of record, takes over when the stdlib parser gives up on a message.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from email.header import Header, decode_header
from email.message import Message as EmailMessage
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime
from typing import TypeVar

from assistant.addresses import clean_text, decode_words, first_last, parse_address_list
from assistant.errors import MessageRefused
from assistant.models import Address, Event, Forwarded, Message, Quoted, Signature
from assistant.reading import classify
from assistant.reading.announcements import event_from_text
from assistant.reading.authresults import read_auth_results
from assistant.reading.forwards import find_forward, letter_start, quoted_author
from assistant.reading.html_text import html_links, html_to_text
from assistant.reading.ics import ANSWERS, calendar_method, cancelled_uids, events_from_ics
from assistant.reading.replies import split_reply

logger = logging.getLogger(__name__)

MAX_TEXT = 200_000  # characters of body text looked at: beyond this it is a document, not a note
MAX_DEPTH = 40
# Decoding RFC 2047 words is quadratic in the stdlib: a 2 MB Subject took 23 s. Real MTAs refuse
# header fields far smaller than these.
MAX_FIELD = 64 * 1024
MAX_HEADER_BLOCK = 1024 * 1024
_HEADER_LINE = re.compile(rb"^(?:From |[!-9;-~]+[ \t]*:)")
_MSGID = re.compile(r"<([^<>\s]+)>")
_YEAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,4})\b", re.I)
_SURROGATE = re.compile("[\udc80-\udcff]")
_SIGNAL_HEADERS = frozenset(("auto-submitted", "precedence", "x-autoreply", "x-autorespond", "list-id",
                 "list-unsubscribe", "list-post", "mailing-list", "x-mailing-list", "feedback-id",
                 "x-mailer", "return-path", *classify.ESP_HEADERS))
_TRIAGE_FIELDS = _SIGNAL_HEADERS | {"from", "subject", "date", "received"}
# a header field: its name, then its value with any folded continuation lines
_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.M)
MACHINE_EXCERPT = 2_000
T = TypeVar("T")


def parse_message(raw: bytes, *, size: int | None = None, truncated: bool = False) -> Message:
    """Understand one message. Raises MessageRefused (one line) for what is not an email.

    truncated: raw is the message's header block only (it was kept as headers only)."""
    if not raw or not raw.strip():
        raise MessageRefused("empty message")
    if not _HEADER_LINE.match(raw.lstrip(b"\r\n")):
        raise MessageRefused("not an email message: it does not start with header fields")
    raw = cap_headers(raw)
    try:
        # a header block alone (an old newsletter, an oversized message) has no parts to look for
        msg = BytesHeaderParser(policy=compat32).parsebytes(raw) if truncated else \
            message_from_bytes(raw, policy=compat32)
    except RecursionError:
        raise MessageRefused("MIME structure nested too deeply") from None
    present = {k.lower() for k in msg.keys()}
    if not present & {"from", "to", "subject", "date", "message-id", "sender"}:
        raise MessageRefused("no From, To, Subject, Date or Message-ID header")
    size = size if size is not None else len(raw)
    try:
        return _understand(msg, raw, size, truncated)
    except (MessageRefused, RecursionError) as exc:
        raise MessageRefused(str(exc) or "MIME structure nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - the stdlib walk gave up: let mail-parser try
        logger.warning("message needed the fallback parser (%s)", exc.__class__.__name__)
        logger.debug("stdlib walk failed", exc_info=True)
        try:
            return _fallback(raw, size, truncated, exc)
        except MessageRefused:
            raise
        except Exception as again:  # noqa: BLE001 - one poisonous message never stops a sync
            logger.debug("fallback failed too", exc_info=True)
            raise MessageRefused(f"unreadable message ({exc.__class__.__name__}, "
                                 f"{again.__class__.__name__})", internal=True) from None


SEVERAL_FROM = "from-not-single"
_RETURNED_ID = re.compile(rb"^message-id:[ \t]*<([^<>\s]{1,250})>", re.I | re.M)


def _returned(raw: bytes, own: str) -> tuple[str, ...]:
    """The Message-IDs of the mail a delivery report returns (its text/rfc822-headers or message/rfc822
    part): the assistant learns which of its own sends bounced."""
    found = [m.decode("ascii", "replace") for m in _RETURNED_ID.findall(raw[:200_000])]
    return tuple(dict.fromkeys(f for f in found if f"<{f}>" != own))[:5]


def _fallback(raw: bytes, size: int, truncated: bool, first: Exception) -> Message:
    """Headers and plain text through mail-parser, for messages the stdlib walk could not take."""
    import mailparser  # imported here: only the rare broken message pays for it

    try:
        parsed = mailparser.parse_from_bytes(raw)
        msg = BytesHeaderParser(policy=compat32).parsebytes(raw)
        text = "\n".join(parsed.text_plain)[:MAX_TEXT] or html_to_text("\n".join(parsed.text_html)[:MAX_TEXT])
    except Exception as exc:  # noqa: BLE001 - both parsers failed: refuse, one line
        raise MessageRefused(f"unreadable MIME structure ({first.__class__.__name__}, "
                             f"{exc.__class__.__name__})") from None
    subject = header_text(msg, "subject")
    sender = _named(_first(parse_address_list(header_raw(msg, "from"))), msg)
    reply, signature = _safely("reply", lambda: split_reply(text, sender)) or ("", None)
    tags = classify.signals(_signal_headers(msg), sender.email if sender else "", subject, frozenset())
    return Message(message_id=message_id(msg, text), sender=sender,
                   to=parse_address_list(_all_raw(msg, "to")), cc=parse_address_list(_all_raw(msg, "cc")),
                   subject=subject, date=message_date(msg), kind=classify.kind_of(tags, False, False, False),
                   reply_text=reply, signature=signature, forwarded=None, event=None,
                   bulk_signals=tags, size=size, truncated=truncated)


def _understand(msg: EmailMessage, raw: bytes, size: int, truncated: bool) -> Message:
    subject = header_text(msg, "subject")
    sender = _named(_first(parse_address_list(header_raw(msg, "from"))) or
                    _first(parse_address_list(header_raw(msg, "sender"))), msg)
    sent_at = message_date(msg)
    date = sent_at.astimezone(UTC) if sent_at else None
    body = _Body.collect(msg)
    tags = classify.signals(_signal_headers(msg), sender.email if sender else "", subject, body.content_types)
    methods = {calendar_method(c) for c in body.calendars}
    cancels = tuple(uid for c in body.calendars for uid in cancelled_uids(c))
    if methods & set(ANSWERS) or cancels:
        # "Accepted: ...", "Declined: ...", "Canceled: ...": the calendar answering, not an announcement
        tags += ("calendar-reply",) if methods & set(ANSWERS) else ("calendar-cancel",)
    if len(msg.get_all("from", [])) != 1 or len(parse_address_list(_all_raw(msg, "from"))) != 1:
        tags += (SEVERAL_FROM,)  # two From fields, or two addresses in one: nobody in particular wrote it
    machine = classify.is_automated(tags) or classify.is_bulk(tags)

    text = body.text()
    forwarded = body.attached_forward
    quoted = None
    if machine:
        # newsletters and notifications have no quoted history worth trimming: an excerpt will do
        reply, signature = text.strip()[:MACHINE_EXCERPT], None
    else:
        found = _safely("quoted", lambda: quoted_author(text))
        quoted = Quoted(*found) if found else None
        forwarded = forwarded or _safely("forward", lambda: find_forward(text, subject))
        reply, signature = _safely("reply", lambda: split_reply(text, sender)) or ("", None)
        if signature is not None and forwarded is not None and letter_start(reply, forwarded.body) >= 0:
            signature = None  # the text ends with the forwarded letter: the signature under it is its author's
    events = body.calendar_events()
    event = events[0] if events else None
    if event is None and not classify.is_automated(tags) and text:
        html = body.html

        def links() -> list[tuple[str, str]]:  # parsed only when an announcement needs its URL
            return html_links(html) if html else []
        zone = (sent_at.tzinfo if sent_at else None) or UTC
        event = _safely("event", lambda: event_from_text(text, sent_at, subject, links, tz=zone))
        if event is None and forwarded is not None and forwarded.body:
            # a forwarded announcement: the event is in the original, not in the note above it
            event = _safely("event", lambda: event_from_text(forwarded.body, sent_at, forwarded.subject,
                                                             links, tz=zone))
    kind = classify.kind_of(tags, forwarded is not None, event is not None, bool(events))
    return Message(
        message_id=message_id(msg, text),
        sender=sender,
        to=parse_address_list(_all_raw(msg, "to")),
        cc=parse_address_list(_all_raw(msg, "cc")),
        subject=subject,
        date=date,
        kind=kind,
        reply_text=reply,
        signature=signature if isinstance(signature, Signature) else None,
        forwarded=forwarded,
        event=event,
        in_reply_to=_first(_MSGID.findall(header_text(msg, "in-reply-to"))),
        references=tuple(_MSGID.findall(header_text(msg, "references")))[-20:],
        returned=_returned(raw, message_id(msg, text)) if "delivery-report" in tags else (),
        reply_to=parse_address_list(header_raw(msg, "reply-to")),
        bulk_signals=tags,
        size=size,
        truncated=truncated,
        cancels=cancels,
        quoted=quoted,
        auth=read_auth_results(_unescape(v) for v in msg.get_all("authentication-results") or ()),
        labels=_gmail_labels(msg),
    )


def _gmail_labels(msg: EmailMessage) -> tuple[str, ...]:
    """The topmost X-Gmail-Labels field: Takeout writes it above the message's own headers."""
    value = msg.get("x-gmail-labels")
    if not value:
        return ()
    return tuple(label.strip().strip('"') for label in decode_words(_unescape(value)).split(",") if label.strip())


def cap_headers(raw: bytes) -> bytes:
    """raw with its header block cut to MAX_HEADER_BLOCK and each header field to MAX_FIELD."""
    block = header_block(raw)
    if len(block) <= MAX_FIELD:
        return raw  # no field can be over the cap: the common case costs one search
    eol = b"\r\n" if b"\r\n" in block[:1000] else b"\n"
    rest = raw[len(block):]  # "\n" ends the last field, then the blank line, then the body
    body = rest[3:] if rest.startswith(b"\n\r\n") else rest[2:]
    kept, total = [], 0
    for field in re.split(rb"(?<=\n)(?=[^ \t\r\n])", block):
        field = field[:MAX_FIELD].rstrip(b"\r\n")
        total += len(field) + len(eol)
        if total > MAX_HEADER_BLOCK:
            break
        kept.append(field)
    return eol.join(kept) + eol + eol + body


def old_machine_mail(header: bytes, cutoff: datetime) -> bool:
    """From its header block alone: a newsletter or notification sent before cutoff."""
    fields = header_fields(header, _TRIAGE_FIELDS)
    when = _date_of(fields.get("date", ""), fields.get("received", ""))
    if when is None or when >= cutoff:
        return False
    sender = _first(parse_address_list(fields.get("from", "")))
    signal = {name: decode_words(value) for name, value in fields.items() if name in _SIGNAL_HEADERS}
    tags = classify.signals(signal, sender.email if sender else "", decode_words(fields.get("subject", "")),
                            frozenset())
    return classify.is_automated(tags) or classify.is_bulk(tags)


def header_fields(block: bytes, names: frozenset[str]) -> dict[str, str]:
    """The first value of each named field (lower case) in a raw header block, without building
    a message: the sync's triage looks at every header block and needs only a few fields. On
    well-formed headers this is what the compat32 parser reads (folds kept, undeclared 8-bit
    bytes recovered as in _unescape); it also reads past a malformed line, where compat32 stops."""
    found: dict[str, str] = {}
    for m in _FIELD.finditer(header_block(block)[:MAX_HEADER_BLOCK]):
        name = m.group(1).decode("ascii").lower()
        if name in names and name not in found:
            found[name] = _unescape(m.group(2)[:MAX_FIELD].decode("ascii", "surrogateescape").rstrip("\r\n"))
    return found


def header_block(raw: bytes) -> bytes:
    """The bytes before the first empty line (LF or CRLF endings)."""
    ends = [i for i in (raw.find(b"\n\n"), raw.find(b"\n\r\n")) if i >= 0]
    return raw[:min(ends)] if ends else raw


def _signal_headers(msg: EmailMessage) -> dict[str, str]:
    """The headers classification looks at, in one pass (compat32's get() scans every header)."""
    found: dict[str, str] = {}
    for name, value in msg.items():
        key = name.lower()
        if key in _SIGNAL_HEADERS and key not in found:
            found[key] = decode_words(_unescape(value))
    return found


# what an export's X-From holds besides the name: the sender's directory path or address, "@ENRON"
_EXPORT_ADDRESS = re.compile(r"\s*<[^<>]*>(?:@\w+)?\s*$|\s*@\w+\s*$")


def _named(sender: Address | None, msg: EmailMessage) -> Address | None:
    """The sender with the name an archive's export wrote in X-From when From holds the bare address
    (the Enron corpus and others converted from Exchange and Lotus Notes: "From: d..steffes@enron.com",
    "X-From: Steffes, James D. </O=ENRON/OU=NA/CN=RECIPIENTS/CN=JSTEFFE>"). Only a name, and only
    when any address beside it is the sender's own: the header can never change who wrote."""
    if sender is None or sender.name:
        return sender
    raw = clean_text(decode_words(header_raw(msg, "x-from")), 200)
    inside = re.search(r"<([^<>]*)>", raw)
    if inside and "@" in inside.group(1) and inside.group(1).strip().lower() != sender.email:
        return sender
    name = _EXPORT_ADDRESS.sub("", raw).strip().strip("'\"").strip()
    if not name or "@" in name or "/" in name or not re.search(r"[^\W\d_]{2}", name):
        return sender
    return Address(first_last(name), sender.email)


def _first(items: tuple[T, ...] | list[T]) -> T | None:
    return items[0] if items else None


def _safely(what: str, fn: Callable[[], T]) -> T | None:
    """One extractor failing on a poisonous message must not lose the rest of the message."""
    try:
        return fn()
    except RecursionError:
        logger.warning("%s extraction gave up: structure too deep", what)
    except Exception:  # noqa: BLE001 - isolate extractor bugs; the traceback goes to debug
        logger.warning("%s extraction failed on a message; field left empty", what)
        logger.debug("extractor traceback", exc_info=True)
    return None


# -- headers -------------------------------------------------------------------------------
def _unescape(value: object) -> str:
    """compat32 keeps undeclared 8-bit header bytes as surrogates: recover them as UTF-8 or cp1252."""
    if isinstance(value, Header):  # what compat32 makes of a field with raw 8-bit bytes (RFC 6532 UTF-8)
        data = b"".join(part if isinstance(part, bytes) else part.encode("utf-8") for part, _ in decode_header(value))
        return _eight_bit(data)
    text = str(value)
    if not text.isascii() and _SURROGATE.search(text):
        return _eight_bit(text.encode("ascii", "surrogateescape"))
    return text


def _eight_bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def header_raw(msg: EmailMessage, name: str) -> str:
    value = msg.get(name)
    return _unescape(value) if value is not None else ""


def _all_raw(msg: EmailMessage, name: str) -> str:
    return ", ".join(_unescape(v) for v in msg.get_all(name, []))


def header_text(msg: EmailMessage, name: str) -> str:
    return decode_words(header_raw(msg, name))


def message_date(msg: EmailMessage) -> datetime | None:
    received = msg.get_all("received") or []
    return _date_of(header_raw(msg, "date"), _unescape(received[0]) if received else "")


def _date_of(date_field: str, first_received: str) -> datetime | None:
    """The Date header; without a usable one, the newest Received stamp is the next best witness."""
    when = parse_date(date_field)
    if when is None and ";" in first_received:
        when = parse_date(first_received.rsplit(";", 1)[-1])
    return when


def parse_date(value: str) -> datetime | None:
    if not value or not value.strip():
        return None
    try:
        when = parsedate_to_datetime(clean_text(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    written = _YEAR.search(value)
    if written and len(written.group(1)) == 4 and int(written.group(1)) != when.year:
        return None  # "1 Jan 0001": the stdlib reads a small year as 20xx
    if not 1980 <= when.year <= 2100:
        return None
    return when  # in the sender's own offset: announcements' bare clock times are in that zone


def message_id(msg: EmailMessage, text: str) -> str:
    """The Message-ID, or for mail without one a stable stand-in made from its headers and the
    start of its text: the same whether the message came whole or without its attachment data."""
    found = _MSGID.search(header_raw(msg, "message-id"))
    if found:
        return f"<{clean_text(found.group(1), 250)}>"
    digest = hashlib.sha256()
    for name in ("from", "to", "cc", "date", "subject"):
        digest.update(header_raw(msg, name).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(" ".join(text[:4096].split()).encode("utf-8", "surrogatepass"))
    return f"<{digest.hexdigest()[:32]}@synthesized.invalid>"


# -- body ----------------------------------------------------------------------------------
def _payload_text(part: EmailMessage) -> str:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    charset = (part.get_content_charset() or "utf-8").strip().lower()
    for candidate in (charset, "utf-8"):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", "replace")


def _is_attachment(part: EmailMessage) -> bool:
    disposition = str(part.get("content-disposition", "")).lower()
    return disposition.startswith("attachment")


def _is_calendar(part: EmailMessage) -> bool:
    ctype = part.get_content_type()
    name = (part.get_filename() or "").lower() if part.get("content-disposition") or part.get_param("name") else ""
    return ctype in ("text/calendar", "application/ics") or name.endswith((".ics", ".vcs"))


class _Body:
    """The parts of a message the assistant reads, found in one walk."""

    def __init__(self) -> None:
        self.plain = ""
        self.html = ""
        self.calendars: list[bytes] = []
        self.attached_forward: Forwarded | None = None
        self.content_types: frozenset[str] = frozenset()

    @classmethod
    def collect(cls, msg: EmailMessage) -> _Body:
        body = cls()
        types: set[str] = set()
        for part in _leaves(msg, 0):
            ctype = part.get_content_type()
            types.add(ctype)
            if ctype in ("message/rfc822", "message/global"):
                if body.attached_forward is None:
                    body.attached_forward = _safely("attached forward", functools.partial(_inner_forward, part))
                    body.calendars += _inner_calendars(part)
            elif _is_calendar(part):
                data = part.get_payload(decode=True)
                if isinstance(data, bytes) and data.strip():
                    body.calendars.append(data)
            elif ctype == "text/plain" and not _is_attachment(part) and not body.plain:
                body.plain = _payload_text(part)[:MAX_TEXT]
            elif ctype == "text/html" and not _is_attachment(part) and not body.html:
                body.html = _payload_text(part)[:MAX_TEXT]
        if msg.get_content_type() == "multipart/report":
            types.add("multipart/report")
        body.content_types = frozenset(types)
        return body

    def text(self) -> str:
        plain = self.plain.strip()
        if plain and (len(plain) >= 40 or not self.html):
            return self.plain
        if self.html:
            return _safely("html", lambda: html_to_text(self.html)) or plain
        return self.plain

    def calendar_events(self) -> list[Event]:
        for data in self.calendars:
            found = _safely("calendar", functools.partial(events_from_ics, data)) or []
            if found:
                return found
        return []


def _leaves(part: EmailMessage, depth: int) -> Iterator[EmailMessage]:
    """Leaf parts, and message/rfc822 parts as leaves (their insides belong to the original)."""
    if depth > MAX_DEPTH:
        raise MessageRefused("MIME structure nested too deeply")
    ctype = part.get_content_type()
    if ctype in ("message/rfc822", "message/global"):
        yield part
        return
    if part.is_multipart():
        payload = part.get_payload()
        for sub in payload if isinstance(payload, list) else []:
            if isinstance(sub, EmailMessage):
                yield from _leaves(sub, depth + 1)
        return
    yield part


def _inner_calendars(part: EmailMessage) -> list[bytes]:
    """Invitations inside a forwarded message/rfc822 part are the forward's event too."""
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    return _Body.collect(inner).calendars if isinstance(inner, EmailMessage) else []


def _inner_forward(part: EmailMessage) -> Forwarded | None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, EmailMessage):
        return None
    body = _Body.collect(inner)
    when = message_date(inner)
    subject = header_text(inner, "subject")
    sender: Address | None = _first(parse_address_list(header_raw(inner, "from")))
    if not sender and not subject:
        return None
    return Forwarded(sender=sender, to=parse_address_list(_all_raw(inner, "to")),
                     cc=parse_address_list(_all_raw(inner, "cc")), subject=subject,
                     date=when.isoformat() if when else None, body=body.text().strip()[:20_000])
