"""When two addresses or two display names are the same: one key per mailbox, one per name. Pure."""

from __future__ import annotations

import re
import unicodedata

_PLUS = re.compile(r"\+[^@]*(?=@)")


def canonical(email: str) -> str:
    """One key per mailbox: lower case, no +tag, no dots in Gmail local parts."""
    email = _PLUS.sub("", email.lower())
    local, _, domain = email.partition("@")
    if domain in ("gmail.com", "googlemail.com"):
        return local.replace(".", "") + "@gmail.com"
    return f"{local}@{domain}"


def name_key(name: str) -> str:
    """Display names compared without case, accents, punctuation or order ("Doe, John" = "John Doe")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    tokens = sorted(t for t in re.split(r"[^a-z0-9]+", folded) if t)
    return " ".join(tokens) if len(tokens) >= 2 else ""
