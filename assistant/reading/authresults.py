"""Authentication-Results header fields (RFC 8601) read into AuthResult values. Pure.

Only what the owner-proof needs: the authserv-id that wrote the field, the DMARC result with its
header.from domain, and each DKIM result with its signing domain. Comments in parentheses are
dropped; anything unreadable gives no result rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.models import AuthResult

MAX_FIELDS = 8  # the topmost few: a provider adds one, forwarders a few more; the rest is noise
_COMMENT = re.compile(r"\([^()]*\)")
_METHOD = re.compile(r"^\s*([a-z0-9-]+)\s*=\s*([a-z]+)\b(.*)$", re.I | re.S)
_PROPERTY = re.compile(r"\b(header|smtp|body|policy)\.([a-z0-9-]+)\s*=\s*(\"[^\"]*\"|[^\s;]+)", re.I)


def read_auth_results(fields: Iterable[str]) -> tuple[AuthResult, ...]:
    """Fields in header order (topmost first), as written."""
    found = []
    for field in list(fields)[:MAX_FIELDS]:
        result = _one(field)
        if result is not None:
            found.append(result)
    return tuple(found)


def _one(field: str) -> AuthResult | None:
    text = " ".join(field.split())
    for _ in range(3):  # comments may nest a little
        text = _COMMENT.sub(" ", text)
    head, _, rest = text.partition(";")
    words = head.split()
    if not words:
        return None
    authserv_id = words[0].lower().strip()
    dmarc: str | None = None
    dmarc_from: str | None = None
    dkim: list[tuple[str, str]] = []
    for spec in rest.split(";"):
        m = _METHOD.match(spec)
        if not m:
            continue
        method, result, props = m.group(1).lower(), m.group(2).lower(), _properties(m.group(3))
        if method == "dmarc" and dmarc is None:
            dmarc, dmarc_from = result, _domain(props.get("header.from", ""))
        elif method == "dkim":
            signer = props.get("header.d") or props.get("header.i", "").rpartition("@")[2]
            dkim.append((result, _domain(signer) or ""))
    return AuthResult(authserv_id, dmarc, dmarc_from, tuple(dkim))


def _properties(text: str) -> dict[str, str]:
    return {f"{m.group(1).lower()}.{m.group(2).lower()}": m.group(3).strip('"') for m in _PROPERTY.finditer(text)}


def _domain(value: str) -> str | None:
    value = value.strip().strip("<>").rpartition("@")[2].strip(".").lower()
    return value if re.fullmatch(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?", value) else None
