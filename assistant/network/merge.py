"""Which addresses are one person: the same full display name, corroborated by a shared thread, a
signature or a phone number. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from assistant.network.identity import middle_initials, name_key
from assistant.network.people import FREEMAIL, AddressEvidence


def merge(candidates: list[AddressEvidence], thread_of: dict[str, str]) -> list[list[AddressEvidence]]:
    """Group addresses of one human: the same full name, corroborated by a thread, signature or phone."""
    by_name: dict[str, list[AddressEvidence]] = defaultdict(list)
    # the middle initials each address, then each group, has shown: "John A. Smith" and "John B. Smith"
    # never join, not even through a third address that says only "John Smith"
    shows: dict[str, frozenset[str]] = defaultdict(frozenset)
    for ev in candidates:
        for key in dict.fromkeys(key for n in ev.names if (key := name_key(n))):
            by_name[key].append(ev)
        for n in ev.names:
            shows[ev.email] |= middle_initials(n)
    parent = {ev.email: ev.email for ev in candidates}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb and not (shows[ra] and shows[rb] and shows[ra] != shows[rb]):
            parent[ra] = rb
            shows[rb] = shows[ra] | shows[rb]

    for group in by_name.values():
        if len(group) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _corroborated(a, b, thread_of):
                    join(a.email, b.email)
    for unnamed, named in _named_by_address(candidates):
        join(unnamed.email, named.email)
    groups: dict[str, list[AddressEvidence]] = defaultdict(list)
    for ev in candidates:
        groups[find(ev.email)].append(ev)
    return list(groups.values())


# A number after the name tells two people of one name apart: rroman1@ is the Roman whose own address
# ends in 1 too (rayfael.roman1@), never lena.fischer@'s namesake lena.fischer2@.
_FIRST_LAST = re.compile(r"^([a-z]{2,})[._-]([a-z]{2,})(\d{0,3})$")  # lena.fischer@, lena_fischer@, lena-fischer@
_INITIAL_LAST = re.compile(r"^([a-z])([a-z]{3,})(\d{0,3})$")  # lfischer@
_JOINED = re.compile(r"^([a-z]{5,})(\d{0,3})$")  # lenafischer@: read against each name at the domain


def _named_by_address(candidates: list[AddressEvidence]) -> list[tuple[AddressEvidence, AddressEvidence]]:
    """Addresses seen without any display name, paired with the one address at the same organization
    whose name their local part spells: lena.fischer@x, lena_fischer@x, lenafischer@x and lfischer@x are
    "Lena Fischer" <lena@x>, and so is lfischer@mail.x (one domain inside the other: jsc.nasa.gov and
    ems.jsc.nasa.gov; never two under one provider, nc.rr.com and tampabay.rr.com). A number after the
    name must be the named address's own. Only an unambiguous match counts; a free-mail domain is too
    big to tell."""
    by_domain: dict[str, list[tuple[list[str], str, AddressEvidence]]] = defaultdict(list)
    for ev in candidates:
        local, _, domain = ev.email.partition("@")
        if ev.names and domain not in FREEMAIL:
            for name in ev.names:
                tokens = [w for w in re.split(r"[^a-z]+", _ascii(name)) if w]
                if len(tokens) >= 2:
                    by_domain[domain].append((tokens, local[len(local.rstrip("0123456789")):], ev))
    inside: dict[str, set[str]] = defaultdict(set)  # a domain -> the named domains it holds, itself included
    for there in by_domain:
        labels = there.split(".")
        for i in range(len(labels) - 1):
            inside[".".join(labels[i:])].add(there)
    pairs = []
    for ev in candidates:
        local, _, domain = ev.email.partition("@")
        if ev.names or domain in FREEMAIL:
            continue
        full, initial, joined = _FIRST_LAST.match(local), _INITIAL_LAST.match(local), _JOINED.match(local)
        spelled = full or initial or joined
        if spelled is None:
            continue
        number = spelled.groups()[-1]
        named = [entry for there in _places(domain, inside) for entry in by_domain[there]]
        matches = {other.email: other for tokens, digits, other in named if other is not ev and digits == number and (
            (full and tokens[0] == full.group(1) and tokens[-1] == full.group(2))
            or (initial and tokens[0].startswith(initial.group(1)) and tokens[-1] == initial.group(2))
            or (joined and joined.group(1) == tokens[0] + tokens[-1]))}
        if len(matches) == 1:
            pairs.append((ev, next(iter(matches.values()))))
    return pairs


def _places(domain: str, inside: dict[str, set[str]]) -> list[str]:
    """The named domains that are one place with domain: itself, those inside it (ems.jsc.nasa.gov in
    jsc.nasa.gov) and those it is inside, in a stable order."""
    labels = domain.split(".")
    outer = {".".join(labels[i:]) for i in range(1, len(labels) - 1)}
    return sorted(inside.get(domain, set()) | {d for d in outer if d in inside.get(d, ())})


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
