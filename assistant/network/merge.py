"""Which addresses are one person: the same full display name, corroborated by a shared thread, a
signature or a phone number. Pure."""

from __future__ import annotations

import re
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
    groups: dict[str, list[AddressEvidence]] = defaultdict(list)
    for ev in candidates:
        groups[find(ev.email)].append(ev)
    return list(groups.values())


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
