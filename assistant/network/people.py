"""Who is a person, and which addresses are the same person. Pure.

One streaming pass over message records gathers compact evidence per address; threads are
then rebuilt from Message-ID / In-Reply-To / References, non-people are set aside with the
reason, and addresses are merged into people (case, plus-addresses, Gmail dots, and the same
full display name corroborated by a shared thread, signature or phone).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from assistant.models import Address, Signature, StoredMessage
from assistant.network.identity import canonical, middle_initials, name_key
from assistant.network.owner import OwnerProof
from assistant.reading.classify import is_automated, is_bulk, machine_sender
from assistant.understanding.greetings import first_given
from assistant.understanding.message import FEW_RECIPIENTS

FREEMAIL = frozenset("""
gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr ymail.com hotmail.com hotmail.co.uk hotmail.fr
outlook.com live.com msn.com icloud.com me.com mac.com aol.com proton.me protonmail.com pm.me gmx.com gmx.de
gmx.net web.de mail.com yandex.ru yandex.com mail.ru fastmail.com fastmail.fm hey.com zoho.com tutanota.com
comcast.net verizon.net att.net sbcglobal.net earthlink.net qq.com 163.com naver.com libero.it orange.fr
free.fr laposte.net t-online.de btinternet.com rocketmail.com mail.example

yahoo.de yahoo.es yahoo.it yahoo.ca yahoo.com.au yahoo.co.in yahoo.co.jp yahoo.com.br hotmail.de hotmail.es hotmail.it
outlook.de outlook.fr outlook.es live.de live.fr live.co.uk live.ca msn.de gmx.at gmx.ch gmx.fr bluewin.ch
wanadoo.fr sfr.fr neuf.fr virgilio.it tiscali.it alice.it seznam.cz wp.pl o2.pl onet.pl interia.pl rambler.ru bk.ru
list.ru inbox.ru ukr.net hanmail.net daum.net sina.com sohu.com 126.com yeah.net rediffmail.com uol.com.br bol.com.br
terra.com.br ig.com.br telus.net shaw.ca sympatico.ca rogers.com bigpond.com optusnet.com.au xtra.co.nz ziggo.nl
kpnmail.nl planet.nl home.nl telenet.be skynet.be online.no telia.com aim.com cox.net charter.net bellsouth.net
optonline.net frontier.com windstream.net juno.com netzero.net prodigy.net""".split())
# Internet providers' domains the free-mail list misses (regional ones too: houston.rr.com)
_PROVIDERS = re.compile(r"(?:^|\.)(?:rr\.com|swbell\.net|pacbell\.net|ev1\.net|mindspring\.com|airmail\.net|"
                        r"flash\.net|wt\.net|netscape\.net|excite\.com|lycos\.com|usa\.net|bigfoot\.com|"
                        r"worldnet\.att\.net|peoplepc\.com|cs\.com|compuserve\.com|email\.msn\.com)$")


def no_organization(domain: str) -> bool:
    """A free-mail or Internet provider's domain: everyone on it is no one organization."""
    return domain in FREEMAIL or bool(_PROVIDERS.search(domain))


@dataclass
class AddressEvidence:
    """What the mail says about one address."""

    email: str  # canonical key (see canonical())
    names: Counter[str] = field(default_factory=Counter)
    spellings: Counter[str] = field(default_factory=Counter)  # the address as actually written
    sent_to: int = 0  # messages the owner addressed to it (To)
    copied: int = 0  # messages the owner only copied it on (Cc): reply-all is not writing to someone
    received: int = 0  # personal messages it sent the owner
    direct: int = 0  # of those, notes to the owner among at most FEW_RECIPIENTS people (not an announcement)
    signed: Counter[str] = field(default_factory=Counter)  # the first name their own sign-offs give ("Love, Connie")
    signed_names: Counter[str] = field(default_factory=Counter)  # the whole names signed ("Many thanks, Tami Grubb")
    machine: int = 0  # bulk or automated messages it sent
    auto_replies: int = 0
    list_recipient: int = 0  # addressed by list traffic: a mailing list's own address
    dates: list[datetime] = field(default_factory=list)  # every two-way interaction
    messages: list[str] = field(default_factory=list)  # message ids it appears in (personal mail)
    signature: Signature | None = None
    signature_date: datetime | None = None
    signature_message: str | None = None
    last_subject: str = ""  # what the latest interaction was about (for a reconnect note)
    last_subject_date: datetime | None = None
    last_written: datetime | None = None  # the owner's latest note addressed to it (To)
    quoted: int = 0  # of `received`, notes seen only quoted in the owner's replies (no note of theirs within a day)


@dataclass
class MessageInfo:
    message_id: str
    date: datetime | None
    sender: str
    direction: str
    recipients: tuple[str, ...]
    machine: bool
    refs: tuple[str, ...]
    # a reply whose own words answer an ask: point to a person ("talk to", "contact"), or, from the owner,
    # take it on ("I would be happy to speak with this person")
    refers: bool = False


# How a reply to an ask points to someone by name: "Please talk to James Canney", "reach out to Omar",
# "contact Dana", "I'd recommend Haddad IP", "happy to introduce you to Lee", "Omar knows a great CPA",
# "he works with Carr daily", "cc'ing Omar", "looping in Ana", "you should try Ana", "Sara, meet Omar".
# "Talk to you Thursday", "contact me", "I'd recommend you wait", "that works with my schedule" and
# "don't ask Omar" point to no one. Read in the reply's own first words only (a signature's phone
# number is no answer); a test for the words first: a sync reads every reply.
_NAMED = r"(?:[A-Z][\w'’-]+|my\s+(?:friend|colleague|cousin|brother|sister|neighbou?r|partner|contact)\b)"
_REFERRAL = re.compile(
    r"\b(?i:talk|speak|reach\s+out|write|get\s+in\s+touch|go)\s+(?i:to|with)\s+" + _NAMED
    + r"|\b(?i:contact|recommend(?:ing)?|introduc(?:e|ing)\s+you\s+to|meet|loop(?:ing)?\s+in|cc(?:'|’)?(?:ing|ed)?"
    r"|copying|adding|try|you\s+should\s+(?:try|ask|call))\s+" + _NAMED
    + r"|\b(?!(?:Who|What|Which|That|This|It|Nobody|Noone|Everyone|Everybody|Anyone|Anybody|Someone|Somebody)\b)"
    r"(?:[A-Z][\w'’-]+|[Hh]e|[Ss]he|[Tt]hey)\s+"
    r"(?:knows\s+(?:a|an|some|just|the)\b|works?\s+with\s+(?!(?:my|me|your|our|you|us)\b))"
    r"|(?<!n't\s)(?<!not\s)(?<!never\s)\b[Aa]sk\s+" + _NAMED)
_REFERRAL_WORDS = ("talk", "speak", "reach", "write", "touch", "go ", "contact", "recommend", "introduc", "knows",
                   "work", "cc", "copying", "loop", "meet", "adding", "try", "ask")
REFERRAL_CHARS = 600
QUOTED_MAX_AGE = timedelta(days=365)  # a note quoted older than this is history, not a tie


def refers(text: str) -> bool:
    """Whether a reply's own text points someone to a person by name (see _REFERRAL)."""
    head = text[:REFERRAL_CHARS]
    low = head.lower()
    return any(word in low for word in _REFERRAL_WORDS) and bool(_REFERRAL.search(head))


# How the owner's reply takes an ask on themselves: "I would be happy to speak with this person", "glad to
# help", "happy to introduce you", "count me in", "I'll reach out to her today", "Done." alone on its line.
# Not a pleasantry ("happy to hear it", "I'll talk to you Monday", "Done with the deck?", "pleased to
# announce"), and not when it declines or hedges in the same breath ("I'd be happy to help, though I don't
# really know anyone there").
_NOT_YOU = r"(?!you\b|u\b)"
_TAKES_ON = re.compile(
    r"\b(?:happy|glad|delighted|pleased)\s+to\s+(?:help\b|introduce\b|connect\b|put\s+(?:you|them|him|her)\s+in\s+"
    r"touch\b|make\s+(?:the|an|that)\s+intro|(?:speak|talk|meet|chat)\s+(?:with|to)\s+" + _NOT_YOU + r"\w|"
    r"call\s+" + _NOT_YOU + r"\w)|"
    r"\bcount\s+me\s+in\b|\bconsider\s+it\s+done\b|"
    r"\b(?:i|we)(?:'ll|’ll|\s+will)\s+(?:introduce\s+you|connect\s+you|put\s+you\s+in\s+touch|"
    r"(?:reach\s+out\s+to|contact|call|e-?mail|write\s+to)\s+" + _NOT_YOU + r"\w)|"
    r"(?m:^[ \t]*done[ \t]*[.!]*[ \t]*$)", re.I)
_DECLINES = re.compile(r"\b(?:but|though|although|unfortunately|however|afraid|sorry|unable|won'?t|no\s+longer|"
                       r"don'?t\s+(?:really\s+)?know|do\s+not\s+know|can'?t|cannot|no\s+one|nobody|not\s+sure|"
                       r"let\s+me\s+think|maybe)\b", re.I)
TAKES_ON_CHARS = 300


# one of these is in every _TAKES_ON match: a test for them first (a sync reads every reply of the owner's)
_TAKES_ON_WORDS = ("happy to", "glad to", "delighted to", "pleased to", "count me in", "consider it done", "done",
                   "'ll ", "’ll ", " will ")


def takes_on(text: str) -> bool:
    """Whether the owner's reply to an ask takes it on (see _TAKES_ON)."""
    head = text[:TAKES_ON_CHARS]
    low = " ".join(head.lower().split())
    if not any(word in low for word in _TAKES_ON_WORDS):
        return False
    return bool(_TAKES_ON.search(head)) and not _DECLINES.search(head)


@dataclass
class Gathered:
    addresses: dict[str, AddressEvidence]
    messages: dict[str, MessageInfo]
    thread_of: dict[str, str]  # message id -> thread id


class Gatherer:
    """Feed it records one at a time (a mailbox does not fit in memory as records)."""

    def __init__(self, proof: OwnerProof, owner_names: Sequence[str] = ()) -> None:
        self.addresses: dict[str, AddressEvidence] = {}
        # "Thanks, Alex" at the end of a note to Alex thanks the reader: it is no one's signature
        self.owner_words = {w.casefold() for n in owner_names for w in n.split()}
        self.messages: dict[str, MessageInfo] = {}
        self.owners = {canonical(e) for e in proof.identities}
        self.proof = proof
        self.unproven: list[str] = []  # claimed to be the owner's without proof: evidence of nothing
        self.received_on: dict[str, list[datetime]] = defaultdict(list)  # when each address's notes came
        # (address, when, to few people) of the notes the owner's replies quote
        self.quoted_notes: list[tuple[str, datetime, bool]] = []

    def evidence(self, addr: Address) -> AddressEvidence | None:
        key = canonical(addr.email)
        if key in self.owners:
            return None
        ev = self.addresses.get(key)
        if ev is None:
            ev = self.addresses[key] = AddressEvidence(key)
        ev.spellings[addr.email.lower()] += 1
        return ev

    def _subject(self, ev: AddressEvidence, r: StoredMessage, when: datetime | None) -> None:
        if when and (ev.last_subject_date is None or when >= ev.last_subject_date) and r.subject:
            ev.last_subject, ev.last_subject_date = r.subject, when

    def observe(self, r: StoredMessage) -> MessageInfo | None:
        if r.refused is not None or r.sender is None:
            return None
        signals = r.signals
        auto = is_automated(signals) and r.kind != "event"
        machine = auto or is_bulk(signals)
        when = r.date
        refs = tuple(x for x in (r.in_reply_to, *r.references) if x)
        sender = canonical(r.sender.email)
        # from today's identities, not the stored direction: an alias added later counts too
        direction = "sent" if sender in self.owners else "received"
        if direction == "sent" and self.proof.proof(r) is None:
            self.unproven.append(r.message_id)  # a forged From must not make a stranger a contact
            return None
        answers = bool(refs) and not machine and (refers(r.reply_text) or
                                                  direction == "sent" and takes_on(r.reply_text))
        info = MessageInfo(r.message_id, when, sender, direction,
                           tuple(canonical(a.email) for a in (*r.to, *r.cc)), machine, refs, answers)
        self.messages[r.message_id] = info
        if direction == "sent":
            if not auto:  # the owner's out-of-office reply is not writing to someone
                self._sent(r, when)
                self._quoted(r, when)
        else:
            self._received(r, r.sender, signals, machine, auto, when)
        return info

    def _sent(self, r: StoredMessage, when: datetime | None) -> None:
        for addr, copied in [(a, False) for a in r.to] + [(a, True) for a in r.cc]:
            ev = self.evidence(addr)
            if ev is None:
                continue
            if copied:
                ev.copied += 1
                ev.messages.append(r.message_id)
                if when:
                    ev.dates.append(when)
                continue
            ev.sent_to += 1
            self._subject(ev, r, when)
            if when:
                ev.dates.append(when)
                if ev.last_written is None or when > ev.last_written:
                    ev.last_written = when
            ev.messages.append(r.message_id)
            if addr.name:
                ev.names[addr.name] += 1

    def _quoted(self, r: StoredMessage, when: datetime | None) -> None:
        """The note the owner's reply quotes, when its writer is the one the reply goes to: they wrote to
        the owner then, whether or not the mailbox still holds that note (finish() counts it once)."""
        quoted = r.quoted
        if quoted is None or when is None or not quoted.date:
            return
        key = canonical(quoted.sender.email)
        if key in self.owners or key not in {canonical(a.email) for a in r.to}:
            return
        try:
            wrote = datetime.fromisoformat(quoted.date)
        except ValueError:
            return
        wrote = wrote if wrote.tzinfo else wrote.replace(tzinfo=UTC)
        if when - QUOTED_MAX_AGE <= wrote <= when + timedelta(days=1):  # a date the quote may have garbled is none
            few = len({canonical(a.email) for a in (*r.to, *r.cc)}) <= FEW_RECIPIENTS
            self.quoted_notes.append((key, wrote, few))

    def _received(self, r: StoredMessage, sender: Address, signals: tuple[str, ...], machine: bool, auto: bool,
                  when: datetime | None) -> None:
        ev = self.evidence(sender)
        if ev is None:
            return
        if when:
            self.received_on[ev.email].append(when)  # any note of theirs, a list's copy too: its quote is no other
        if machine:
            ev.machine += 1
            ev.auto_replies += auto
            if "list-id" in signals or "mailing-list" in signals:
                for addr in r.to:
                    other = self.evidence(addr)
                    if other is not None:
                        other.list_recipient += 1
            return
        ev.received += 1
        recipients = {canonical(a.email) for a in (*r.to, *r.cc)}
        ev.direct += bool(recipients & self.owners) and len(recipients) <= FEW_RECIPIENTS
        self._subject(ev, r, when)
        ev.messages.append(r.message_id)
        if when:
            ev.dates.append(when)
        if sender.name:
            ev.names[sender.name] += 2  # the name a person signs their own mail with counts most
        sig = r.signature
        given = first_given(sig.name) if sig and sig.name else None
        if given and sig is not None and sig.name and self.owner_words and \
                {w.casefold() for w in sig.name.split()} <= self.owner_words:
            given = None  # the owner's own name: thanks to the reader, or the owner's signature quoted
        if given:
            ev.signed[given] += 1
            if sig is not None and sig.name and len(sig.name.split()) >= 2:
                ev.signed_names[sig.name] += 1
        if sig and (sig.title or sig.organization or sig.phone) and \
                (ev.signature_date is None or (when and when >= ev.signature_date)):
            ev.signature, ev.signature_date, ev.signature_message = sig, when, r.message_id
        for addr in (*r.cc, *r.to):
            other = self.evidence(addr)
            if other is not None and other is not ev:
                other.messages.append(r.message_id)
                if addr.name:
                    other.names[addr.name] += 1

    def finish(self) -> Gathered:
        self._count_quoted()
        return Gathered(self.addresses, self.messages, _threads(self.messages))

    def _count_quoted(self) -> None:
        """Each note the owner's replies quote and the mailbox does not hold (no note from that address
        within a day of it) counts as one they wrote: a reply-all thread quoted twice counts once."""
        counted: dict[str, list[datetime]] = defaultdict(list)
        for key, wrote, few in sorted(self.quoted_notes, key=lambda n: (n[0], n[1])):
            ev = self.addresses.get(key)
            seen = [*self.received_on.get(key, ()), *counted[key]]
            if ev is None or any(abs(day - other) <= timedelta(days=1) for day in _readings(wrote) for other in seen):
                continue
            counted[key].append(wrote)
            ev.received += 1
            ev.quoted += 1
            ev.direct += few  # a note to the owner and a few others, as the reply that quotes it was
            ev.dates.append(wrote)
        self.quoted_notes.clear()


def _readings(wrote: datetime) -> tuple[datetime, ...]:
    """A quoted date and, when its day could be its month ("Sent: 04/05/2024"), the other way of reading
    it: a note the mailbox holds is recognised whichever way its quote was written."""
    if wrote.day <= 12 and wrote.day != wrote.month:
        return wrote, wrote.replace(month=wrote.day, day=wrote.month)
    return (wrote,)


def _threads(messages: dict[str, MessageInfo]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for info in messages.values():
        for ref in info.refs:
            a, b = find(info.message_id), find(ref)
            if a != b:
                parent[a] = b
    return {mid: find(mid) for mid in messages}


@dataclass(frozen=True)
class Verdict:
    status: str  # "contact" | "weak" | "excluded"
    reason: str


def judge(ev: AddressEvidence, owner_threads: set[str], thread_of: dict[str, str],
          owner_name: str = "", owner_domains: frozenset[str] = frozenset()) -> Verdict:
    """Is this address a person the owner knows? The reason is shown by `contacts --person`.
    owner_domains: the owner's own organizations' mail domains (never a freemail one): a colleague
    who writes to the owner is no cold pitch, answered or not."""
    local = ev.email.split("@", 1)[0]
    mine = name_key(owner_name)
    shown = max(ev.names, key=ev.names.__getitem__) if ev.names else ""
    theirs, ours = middle_initials(shown), middle_initials(owner_name)
    if mine and shown and name_key(shown) == mine and not (theirs and ours and theirs != ours):
        return Verdict("excluded", "carries your own name: probably another of your addresses "
                                   "(add it to [owner] aliases)")
    if machine_sender(local):
        return Verdict("excluded", f"role or machine address ({local}@)")
    if ev.list_recipient and ev.list_recipient >= ev.received:
        return Verdict("excluded", f"a mailing list's address (addressed by {ev.list_recipient} list messages)")
    if ev.sent_to == 0 and ev.received == 0:
        shared = {thread_of.get(m) for m in ev.messages} & owner_threads
        if shared:
            return Verdict("weak", f"met through a CC on {len(shared)} thread(s) you took part in")
        if ev.machine:
            return Verdict("excluded", f"only sends newsletters, lists or notifications ({ev.machine})")
        return Verdict("excluded", "only seen on mail you did not take part in")
    if ev.sent_to == 0:
        shared = {thread_of.get(m) for m in ev.messages} & owner_threads
        if shared:
            return Verdict("weak", f"wrote {ev.received} time(s) on threads you took part in, you never wrote to them")
        domain = ev.email.rsplit("@", 1)[-1]
        if domain in owner_domains and ev.direct:  # "Enron Announcements" to everyone is no colleague's note
            return Verdict("weak", f"a colleague at {domain}: wrote {ev.received} time(s), you never wrote back")
        return Verdict("excluded", f"stranger: wrote {ev.received} time(s), you never wrote back")
    quoted = f" ({ev.quoted} seen only quoted in your replies)" if ev.quoted else ""
    return Verdict("contact", f"you wrote {ev.sent_to} time(s), they wrote {ev.received} time(s){quoted}")


def owner_threads(g: Gathered) -> set[str]:
    return {g.thread_of[m.message_id] for m in g.messages.values() if m.direction == "sent"}
