"""Which addresses are one person: the same full display name, corroborated by a shared thread, a
signature or a phone number. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from assistant.network.identity import name_key
from assistant.network.people import FREEMAIL, AddressEvidence


def merge(candidates: list[AddressEvidence], thread_of: dict[str, str]) -> list[list[AddressEvidence]]:
    """Group addresses of one human: the same full name, corroborated by a thread, signature or phone."""
    by_name: dict[str, list[AddressEvidence]] = defaultdict(list)
    for ev in candidates:
        keys = {name_key(n) for n in ev.names} - {""}
        for key in keys:
            by_name[key].append(ev)
    parent = {ev.email: ev.email for ev in candidates}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in by_name.values():
        if len(group) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _corroborated(a, b, thread_of):
                    parent[find(a.email)] = find(b.email)
    for unnamed, named in _named_by_address(candidates):
        parent[find(unnamed.email)] = find(named.email)
    groups: dict[str, list[AddressEvidence]] = defaultdict(list)
    for ev in candidates:
        groups[find(ev.email)].append(ev)
    return list(groups.values())


# a number after the name is how mail systems tell two people of one name apart: rroman1@, lena.fischer2@
_FIRST_LAST = re.compile(r"^([a-z]{2,})[._-]([a-z]{2,})\d{0,3}$")  # lena.fischer@, lena_fischer@, lena-fischer@
_INITIAL_LAST = re.compile(r"^([a-z])([a-z]{3,})\d{0,3}$")  # lfischer@
_JOINED = re.compile(r"^([a-z]{5,})\d{0,3}$")  # lenafischer@: read against each name at the domain


def _named_by_address(candidates: list[AddressEvidence]) -> list[tuple[AddressEvidence, AddressEvidence]]:
    """Addresses seen without any display name, paired with the one address at the same organization
    whose name their local part spells: lena.fischer@x, lena_fischer@x, lenafischer@x, lfischer@x and
    lfischer2@mail.x are "Lena Fischer" <lena@x> (a subdomain is the same organization). Only an
    unambiguous match counts; a free-mail domain is too big to tell."""
    by_domain: dict[str, list[tuple[list[str], AddressEvidence]]] = defaultdict(list)
    for ev in candidates:
        domain = ev.email.split("@")[1]
        if ev.names and domain not in FREEMAIL:
            for name in ev.names:
                tokens = [w for w in re.split(r"[^a-z]+", _ascii(name)) if w]
                if len(tokens) >= 2:
                    by_domain[_organization(domain)].append((tokens, ev))
    pairs = []
    for ev in candidates:
        if ev.names:
            continue
        local, _, domain = ev.email.partition("@")
        full, initial, joined = _FIRST_LAST.match(local), _INITIAL_LAST.match(local), _JOINED.match(local)
        named = by_domain.get(_organization(domain)) if domain not in FREEMAIL else None
        if not (full or initial or joined) or not named:
            continue
        matches = {other.email: other for tokens, other in named if other is not ev and (
            (full and tokens[0] == full.group(1) and tokens[-1] == full.group(2))
            or (initial and tokens[0].startswith(initial.group(1)) and tokens[-1] == initial.group(2))
            or (joined and joined.group(1) == tokens[0] + tokens[-1]))}
        if len(matches) == 1:
            pairs.append((ev, next(iter(matches.values()))))
    return pairs


def _organization(domain: str) -> str:
    """A mail domain without the host names an organization puts before it: ems.jsc.nasa.gov and
    jsc.nasa.gov are both nasa.gov, mail.corp.example is corp.example. Two labels, or three under a
    country's two-level suffix (acme.co.uk, firm.com.au)."""
    labels = domain.lower().split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:  # acme.co.uk, firm.com.au
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _corroborated(a: AddressEvidence, b: AddressEvidence, thread_of: dict[str, str]) -> bool:
    if {thread_of.get(m) for m in a.messages} & {thread_of.get(m) for m in b.messages}:
        return True
    sa, sb = a.signature, b.signature
    if sa and sb and sa.phone and _digits(sa.phone) == _digits(sb.phone):
        return True
    if sa and sb and sa.organization and sa.organization == sb.organization:
        return True
    # a personal address beside a work address, both signed with the same full name
    domains = {a.email.split("@")[1], b.email.split("@")[1]}
    return bool(domains & FREEMAIL) and len(domains) == 2 and bool(a.received and b.received)


def _digits(phone: str | None) -> str:
    return re.sub(r"\D", "", phone or "")[-9:]
