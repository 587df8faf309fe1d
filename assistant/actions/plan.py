"""From the commands of a reply and the digest as it was shown, what to send and what to remember. Pure.

Recipients, subjects and bodies come only from the drafts stored with the digest (the reply's own
words replace a body only through `edit N:`). What `send N` sends per section:
  - an introduction: the opt-in note to the person whose help is asked ([actions] mode "opt-in"),
    or the connecting introduction to both at once (mode "direct"); `connect N` sends the
    connecting introduction;
  - any other item: each of its drafts (an event's forward or invitation to each guest, a story
    pitch, a gathering invitation, a reconnect note).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from assistant.actions.grammar import GRAMMAR, Command, Reading
from assistant.digest.candidates import never_key

OPT_IN, DIRECT = "opt-in", "direct"


@dataclass(frozen=True)
class ShownItem:
    id: int
    key: str
    section: str
    people: tuple[str, ...]
    drafts: tuple[dict[str, Any], ...]  # {to: [{name, email}], cc, subject, body, kind}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ShownItem:
        return cls(int(data["id"]), str(data["key"]), str(data["section"]), tuple(data.get("people") or ()),
                   tuple(dict(d) for d in data.get("drafts") or ()))


@dataclass(frozen=True)
class ShownDigest:
    digest_id: str
    message_id: str
    sent_at: datetime
    items: tuple[ShownItem, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ShownDigest:
        return cls(str(data["digest_id"]), str(data["message_id"]), datetime.fromisoformat(data["sent_at"]),
                   tuple(ShownItem.from_json(i) for i in data.get("items") or ()))

    def item(self, number: int) -> ShownItem | None:
        return next((i for i in self.items if i.id == number), None)


@dataclass(frozen=True)
class Outgoing:
    key: str  # the outbox key: one per digest, item and draft, so nothing is ever sent twice
    item: int
    draft: dict[str, Any]


@dataclass(frozen=True)
class Plan:
    sends: tuple[Outgoing, ...] = ()
    history: tuple[tuple[str, dict[str, Any]], ...] = ()  # suggestion-history entries to write
    notes: tuple[str, ...] = ()  # what the receipt says besides the sends
    understood: bool = True  # False: nothing is done, the receipt explains


def plan_actions(reading: Reading, digest: ShownDigest, *, mode: str, now: datetime,
                 already: Callable[[str], str | None], done: Callable[[str], bool] = lambda key: False) -> Plan:
    """already(outbox key): how an earlier send of that draft ended ("sent on 2026-12-01"), or None;
    done(item key): the user already sent that item from their own mail program (a mailto: link)."""
    if reading.unclear:
        return Plan(notes=(*(f'I could not read "{line}" with confidence, so nothing was done.'
                             for line in reading.unclear), _how()), understood=False)
    if not reading.commands:
        return Plan(notes=("I found no command in your reply, so nothing was done.", _how()), understood=False)
    unknown = sorted({n for c in reading.commands for n in c.numbers if digest.item(n) is None})
    if unknown:
        listed = ", ".join(map(str, unknown))
        return Plan(notes=(f"The digest of {digest.sent_at:%Y-%m-%d} has no item {listed} (it has "
                           f"{len(digest.items)}), so nothing was done.", _how()), understood=False)
    conflicting = _conflicts(reading, digest)
    if conflicting:
        listed = ", ".join(map(str, conflicting))
        return Plan(notes=(f"Your reply says both to send and not to send item {listed}, so nothing was done.",
                           _how()), understood=False)
    edits = {c.numbers[0]: c.text for c in reading.commands if c.verb == "edit" and c.text}
    sends: list[Outgoing] = []
    history: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for command in reading.commands:
        chosen = [i.id for i in digest.items] if command.everything else list(command.numbers)
        for number in chosen:
            item = digest.item(number)
            assert item is not None
            if command.verb in ("send", "edit", "connect") and done(item.key):
                notes.append(f"Item {item.id} was already sent from your mail program; it was not sent again.")
                continue
            _one(command, item, mode, now, edits.get(number), sends, history, notes, already)
    once: dict[str, Outgoing] = {}
    for outgoing in sends:  # "edit 2: ..." and "send 2" in one reply: item 2 once (edited, both ways)
        once.setdefault(outgoing.key, outgoing)
    return Plan(tuple(once.values()), tuple(history.items()), tuple(notes))


def _conflicts(reading: Reading, digest: ShownDigest) -> list[int]:
    """Items a reply both sends and holds back ("send 2" and "skip 2" or "never 2")."""
    every = [i.id for i in digest.items]
    sending = {n for c in reading.commands if c.verb in ("send", "edit", "connect")
               for n in (every if c.everything else c.numbers)}
    holding = {n for c in reading.commands if c.verb in ("skip", "never", "snooze", "close") for n in c.numbers}
    return sorted(sending & holding)


def _one(command: Command, item: ShownItem, mode: str, now: datetime, edited: str | None, sends: list[Outgoing],
         history: dict[str, dict[str, Any]], notes: list[str], already: Callable[[str], str | None]) -> None:
    at = now.isoformat()
    if command.verb in ("send", "edit", "connect"):
        chosen = _drafts(item, command.verb, mode)
        if not chosen:
            notes.append(f"Item {item.id} has no draft to {command.verb}.")
            return
        for index, draft in chosen:
            key = f"action:{item.key}:{index}"
            earlier = already(key)
            if earlier:
                notes.append(f"Item {item.id} ({_who(draft)}) was already {earlier}; it was not sent again.")
                continue
            if edited is not None and index == _first(item, mode):
                draft = {**draft, "body": edited}
            sends.append(Outgoing(key, item.id, draft))
        history[item.key] = {"status": "sent", "at": at}
    elif command.verb == "skip":
        history[item.key] = {"status": "skipped", "at": at}
        notes.append(f"Item {item.id} is skipped: it will not come back.")
    elif command.verb == "snooze":
        weeks = command.weeks or 4
        until = (now + timedelta(weeks=weeks)).date()
        history[item.key] = {"status": "snoozed", "until": until.isoformat(), "at": at}
        notes.append(f"Item {item.id} is snoozed until {until:%Y-%m-%d}.")
    elif command.verb in ("never", "close"):
        history[item.key] = {"status": "skipped", "at": at}
        people = sorted(item.people)
        if item.section == "intros" and len(people) == 2:
            history[never_key(people)] = {"status": "never", "at": at}
            notes.append(f"Item {item.id}: {people[0]} and {people[1]} will not be suggested to each other again.")
        else:
            for person in people:
                history[never_key([person])] = {"status": "never", "at": at}
            notes.append(f"Item {item.id}: {', '.join(people) or 'this item'} will not be suggested again.")


def _drafts(item: ShownItem, verb: str, mode: str) -> list[tuple[int, dict[str, Any]]]:
    drafts = list(enumerate(item.drafts))
    if item.section != "intros":
        return drafts if verb != "connect" else []
    connect = [(i, d) for i, d in drafts if d.get("kind") == "intro_connect"]
    ask = [(i, d) for i, d in drafts if d.get("kind") == "intro_ask"]
    if verb == "connect" or mode == DIRECT:
        return connect
    return ask


def _first(item: ShownItem, mode: str) -> int:
    chosen = _drafts(item, "send", mode)
    return chosen[0][0] if chosen else 0


def _who(draft: Mapping[str, Any]) -> str:
    return ", ".join(a.get("name") or a.get("email", "") for a in draft.get("to") or ()) or "no one"


def _how() -> str:
    return f"To act on the digest, reply with lines such as: {GRAMMAR}."


@dataclass
class Tally:
    """What one reply led to, for its receipt."""

    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)


def sent_by_hand(digest: ShownDigest, sent_log: Sequence[Mapping[str, Any]], *, now: datetime,
                 token_days: int) -> list[str]:
    """Items whose draft the user sent from their own mail program (the mailto: link): a mail in
    Sent after the digest, within token_days, to the same recipients with the same subject."""
    if now - digest.sent_at > timedelta(days=token_days):
        return []
    done = []
    for item in digest.items:
        for draft in item.drafts:
            people = sorted({str(a.get("email", "")).lower() for a in [*(draft.get("to") or ()),
                                                                       *(draft.get("cc") or ())]})
            subject = _plain_subject(str(draft.get("subject", "")))
            if any(entry.get("to") == people and _plain_subject(str(entry.get("subject", ""))) == subject
                   and str(entry.get("date", "")) >= digest.sent_at.isoformat() for entry in sent_log):
                done.append(item.key)
                break
    return done


def _plain_subject(subject: str) -> str:
    return " ".join(subject.lower().split())
