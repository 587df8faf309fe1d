"""Signed digest ids carried in the digest's Message-ID, so replies can be matched to their digest. Pure.

Format: ``<digest.{id}.{mac}@{domain}>`` where ``id`` is ``YYYYMMDDtHHMMSSz-{base32 of random bytes}``
(lower case) and ``mac`` the first 16 hex digits (64 bits) of HMAC-SHA256(key, purpose || id). A
reply's In-Reply-To or References carries the Message-ID back; only a MAC made with the local key
verifies, so a forged or guessed "digest reply" is not matched. Everything is lower case because
some clients and servers change the case of Message-IDs they copy.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import UTC, datetime

MAC_HEX = 16
MIN_KEY_BYTES = 16
MIN_ENTROPY_BYTES = 8
_PURPOSE = b"assistant digest message-id v1\x00"
_ID = r"[0-9]{8}t[0-9]{6}z-[a-z2-7]{13,52}"
_ID_RE = re.compile(rf"^{_ID}$")
_MESSAGE_ID_RE = re.compile(rf"<digest\.({_ID})\.([0-9a-f]{{{MAC_HEX}}})@[^<>\s]+>")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN_RE = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*$")
# References headers grow with long threads; nothing legitimate is near this size
_MAX_INPUT = 64_000


def new_digest_id(now: datetime, entropy: bytes) -> str:
    """A new digest id: the UTC time (readable in logs and mailboxes) and random bytes from the caller."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    if len(entropy) < MIN_ENTROPY_BYTES:
        raise ValueError(f"entropy must be at least {MIN_ENTROPY_BYTES} bytes")
    random_part = base64.b32encode(entropy[:32]).decode("ascii").rstrip("=").lower()
    return f"{now.astimezone(UTC):%Y%m%dt%H%M%Sz}-{random_part}"


def message_id_for(digest_id: str, key: bytes, domain: str) -> str:
    """The Message-ID for the digest: ``<digest.{id}.{mac}@{domain}>``."""
    if not _ID_RE.match(digest_id):
        raise ValueError("not a digest id made by new_digest_id")
    host = domain.strip().lower().rstrip(".")
    if not _DOMAIN_RE.match(host):
        raise ValueError(f"{domain!r} is not a domain name")
    return f"<digest.{digest_id}.{_mac(digest_id, key)}@{host}>"


def verify(message_id_or_references: str, key: bytes) -> str | None:
    """The digest id of the newest correctly signed digest Message-ID in the text, else None.

    Accepts a Message-ID, an In-Reply-To or a whole References header (ids in thread order, so the
    last valid one is the digest being replied to).
    """
    if not message_id_or_references:
        return None
    text = message_id_or_references[:_MAX_INPUT].lower()
    found = None
    for match in _MESSAGE_ID_RE.finditer(text):
        digest_id, mac = match.group(1), match.group(2)
        if hmac.compare_digest(mac.encode("ascii"), _mac(digest_id, key).encode("ascii")):
            found = digest_id
    return found


def _mac(digest_id: str, key: bytes) -> str:
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"key must be at least {MIN_KEY_BYTES} bytes")
    return hmac.new(key, _PURPOSE + digest_id.encode("ascii"), hashlib.sha256).hexdigest()[:MAC_HEX]
