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
    """Display names compared without case, accents, punctuation, order or a middle initial ("Doe, John"
    = "John Doe" = "John A. Doe"; "J. R. Doe" keeps its initials, having nothing else). Whether two
    names' initials agree is middle_initials' to say: "John A. Smith" is not "John B. Smith"."""
    tokens = _tokens(name)
    words = [t for t in tokens if len(t) > 1]
    if len(words) >= 2:
        tokens = words
    return " ".join(tokens) if len(tokens) >= 2 else ""


def middle_initials(name: str) -> frozenset[str]:
    """The single letters name_key leaves out of a name: {"a"} for "John A. Smith"."""
    tokens = _tokens(name)
    return frozenset(t for t in tokens if len(t) == 1) if sum(len(t) > 1 for t in tokens) >= 2 else frozenset()


def _tokens(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"['’`]", "", folded)  # O'Brien is one word
    return sorted(t for t in re.split(r"[^a-z0-9]+", folded) if t)
