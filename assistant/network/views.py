"""Text views of the network: the contacts table and one person's evidence. Pure."""

from __future__ import annotations

import json
import textwrap
from datetime import datetime

from assistant.models import Item, Person
from assistant.network.build import Network

WIDTH = 80  # a terminal's columns: the table never wraps


def table(network: Network, now: datetime, limit: int | None = None, width: int = WIDTH) -> str:
    """Strongest first, in `width` columns: name, email and strength always; the rest as room allows
    (a cell too long for its column ends in "~")."""
    people = network.people[:limit] if limit else network.people
    rows = [("name", "email", "str.", "sent", "recv", "last", "roles", "organization")]
    for p in people:
        last = f"{(now - p.last_contact).days}d" if p.last_contact else "-"
        rows.append((p.name + (" (weak)" if p.weak else ""), p.email, f"{p.strength:.2f}", str(p.sent),
                     str(p.received), last, ",".join(p.roles) or "-", p.organization or "-"))
    caps = [22, 30, 4, 4, 4, 5, 18, 18]
    widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate(caps)]
    columns = len(widths)
    while columns > 3 and sum(widths[:columns]) + 2 * (columns - 1) > width:
        columns -= 1  # drop columns from the right until the table fits
    spare = width - (sum(widths[:columns]) + 2 * (columns - 1))
    if spare < 0:  # even three columns are too wide: narrow the email column
        widths[1] = max(12, widths[1] + spare)
    lines = ["  ".join(_fit(cell, w) for cell, w in zip(row[:columns], widths[:columns], strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths[:columns]))
    everyone = network.people
    open_asks = sum(1 for p in everyone for a in p.asks if a.done is None)
    lines.append("")
    if limit and len(network.people) > limit:
        lines.append(f"... and {len(network.people) - limit} more (`contacts` lists everyone)")
    weak = sum(p.weak for p in network.people)
    summary = (f"{_count(len(network.people), 'person', 'people')} ({_count(weak, 'weak tie')}: met through a CC "
               "or never written to), "
               f"{_count(len(network.excluded), 'address', 'addresses')} set aside (newsletters, notifications, "
               f"strangers); {_count(open_asks, 'open ask')}, {_count(sum(len(p.offers) for p in everyone), 'offer')}, "
               f"{_count(sum(len(p.news) for p in everyone), 'piece', 'pieces')} of news")
    lines += textwrap.wrap(summary, width)
    if network.outdated:
        lines += textwrap.wrap(f"{network.outdated} messages were understood by an older version; the next sync "
                               "understands them again (until then their old findings are used).", width)
    return "\n".join(lines)


def _fit(cell: str, width: int) -> str:
    return (cell if len(cell) <= width else cell[:width - 1] + "~").ljust(width)


def _tally(counts: dict[str, int]) -> str:
    """"'Connie' x3, 'Conny' x1": most used first."""
    return ", ".join(f"{n!r} x{c}" for n, c in sorted(counts.items(), key=lambda kv: -kv[1]))


def explain(person: Person, now: datetime) -> str:
    ev = person.evidence
    out = [f"{person.name} <{person.email}>", ""]
    out.append("Addresses:")
    out += [f"  {email}: {why}" for email, why in ev.get("addresses", {}).items()]
    names = _tally(ev.get("names", {}))
    out.append(f"Name: {person.name} (seen as {names or 'no display name'})")
    greeted = _tally(ev.get("greeting", {}))
    if greeted:
        out.append(f"Greeted as: {greeted} (how your own notes to them open; drafts greet them so)")
    signed = _tally(ev.get("signed", {}))
    if signed:
        out.append(f"Signs as: {signed} (their own sign-offs)")
    sig = ev.get("signature") or {}
    if sig.get("message_id"):
        out.append(f"Signature (latest, message {sig['message_id']}): "
                   + ", ".join(f"{k}={sig[k]}" for k in ("name", "title", "organization", "phone") if sig.get(k)))
    out.append(f"Organization: {person.organization or '-'} (from {ev.get('organization') or 'nothing'})")
    out.append(f"Title: {person.title or '-'}   Phone: {person.phone or '-'}")
    out.append("Roles: " + ("; ".join(f"{r} ({why})" for r, why in ev.get("roles", {}).items()) or "-"))
    known = set(ev.get("profile_topics") or ())
    topics = [f"{t} ({'their title, organization or domain' if t in known else 'their mail'})" for t in person.topics]
    out.append("Topics: " + (", ".join(topics) or "-"))
    s = ev.get("strength", {})
    out.append(f"Strength {person.strength:.2f}: you wrote {s.get('sent')}, they wrote {s.get('received')}, "
               f"last contact {s.get('last_contact') or 'never'} ({s.get('days_quiet')} days ago), usual gap "
               f"{s.get('usual_gap_days') or '-'} days; reciprocity {s.get('reciprocity')}, volume "
               f"{s.get('volume')}, recency {s.get('recency')}"
               + (" - capped: a weak tie, you never wrote to them" if s.get("weak") else ""))
    if ev.get("last_seen"):
        out.append(f"Last seen among the recipients of mail you got: {ev['last_seen'][:10]} "
                   "(no reconnect while recent)")
    for label, items in (("Asks", person.asks), ("Offers", person.offers), ("News", person.news),
                         ("Helped you", person.helped)):
        out.append(f"{label}:")
        out += [f"  - {_item(i)}" for i in items] or ["  (none)"]
    return "\n".join(out)


def _item(item: Item) -> str:
    when = item.date.date().isoformat() if item.date else "undated"
    flags = []
    if item.what:
        flags.append(item.what)
    if item.confidential:
        flags.append(f"CONFIDENTIAL, shareable from {item.confidential_until.isoformat()}"
                     if item.confidential_until else "CONFIDENTIAL")
    if item.answered_by:
        flags.append(f"done: {item.answered_by} answered it in its thread ({item.done})")
    elif item.done:
        flags.append(f"done: you introduced them ({item.done})")
    flags.append(f"model score {item.score:.2f}" if item.score is not None else "found by the cue patterns")
    extra = f" [{'; '.join(flags)}]" if flags else ""
    return f"{when} \"{item.text}\"{extra} ({item.message_id})"


def as_json(network: Network) -> str:
    return json.dumps([p.to_json() for p in network.people], ensure_ascii=False, indent=1)


def _count(n: int, one: str, many: str | None = None) -> str:
    """'1 open ask', '2 open asks', '1 person', '0 people'."""
    return f"{n} {one if n == 1 else many or one + 's'}"
