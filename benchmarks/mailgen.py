"""A deterministic synthetic mailbox for the benchmarks: realistic kinds, sizes and threads.

Same seed, same bytes. Messages use LF line endings (as a Maildir stores them); the kinds and
sizes follow what a consultant's mailbox holds: personal threads with quotes and signatures,
newsletters (text + HTML, List-Unsubscribe), notifications and receipts, a few attachments,
calendar invitations (.ics) and forwards, ~400 correspondents, sent mail from the owner.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import formataddr

from benchmarks import mailparts as parts
from benchmarks.mailparts import OWNER, OWNER_EMAIL, OWNER_NAME, Person, Thread

START = datetime(2024, 1, 8, 7, 0, tzinfo=UTC)
INBOX_SHARE = 0.75
# (kind, weight): INBOX and Sent mixes
INBOX_MIX = (("personal", 45), ("newsletter", 25), ("notification", 20), ("attachment", 4),
             ("invite", 3), ("forward", 3))
SENT_MIX = (("personal", 88), ("attachment", 4), ("invite", 3), ("forward", 5))

FIRST = ("Ada Alan Grace Linus Barbara Ken Margaret Dennis Frances Edsger Radia John Hedy Tim Sophie "
         "Karen Donald Leslie Niklaus Shafi Whitfield Adele Jean Ivan Fran Mary Carol Peter Nadia Omar "
         "Priya Wei Mateo Lucia Kwame Aisha Hiro Elena Tomas Ingrid").split()
FIRST_INTL = ("Jörg", "Zoë", "François", "Łukasz", "Søren", "Begoña", "Ümit", "Chloé", "Dagný", "Miloš")
LAST = ("Lovelace Turing Hopper Torvalds Liskov Thompson Hamilton Ritchie Allen Dijkstra Perlman McCarthy "
        "Lamarr Berners-Lee Wilson Jones Knuth Lamport Wirth Goldwasser Diffie Goldberg Sammet Sutherland "
        "Bilas Shaw Kerr Novak Haddad Iyer Chen Rossi Vega Mensah Khan Tanaka Petrova Horak Berg").split()
LAST_INTL = ("Müller", "Østergaard", "Nuñez", "Kowalczyk", "Grün", "Šimek", "Åberg", "Çelik")
ORGS = ("Northwind Labs", "Blue Harbor Capital", "Fennel & Co", "Quanta Health", "Orbital Foods",
        "Riverbed Studio", "Kestrel Robotics", "Cobalt Legal", "Maple Ventures", "Tidewater Group",
        "Lumen Analytics", "Atlas Freight", "Juniper School", "Helix Bio", "Stonebridge Partners")
TITLES = ("CEO", "CTO", "Head of Product", "Founder", "Partner", "VP Engineering", "Designer",
          "Researcher", "Investor", "Program Manager", "Operations Lead", "Professor")
# words that make the event and receipt detectors look closer: in a few sentences only, as in real mail
RARE_WORDS = ("launch", "conference", "panel", "workshop", "dinner", "invoice", "party", "webinar")
RARE_SHARE = 0.015
FREEMAIL = ("gmail.example", "outlook.example", "fastmail.example", "proton.example")
WORDS = ("the project team meeting plan budget customer feedback draft proposal contract timeline "
         "review quarter hiring candidate intro coffee talk slides deadline design data "
         "analysis pilot partner funding round investor board update roadmap trip office "
         "question idea thanks help support market pricing report metrics growth churn onboarding city "
         "school event weekend family schedule call notes follow-up agenda decision approval "
         "we you they it this that next last week month really quite just also still already maybe "
         "should could would will can think know need want hope share send check move finish start "
         "about with from into over after before during for and but so because if when while").split()


@dataclass(frozen=True)
class Mail:
    folder: str  # "INBOX" or "Sent"
    when: datetime
    raw: bytes  # LF line endings
    kind: str


@dataclass
class MailboxGenerator:
    seed: int
    correspondents: int = 400
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.people = [self._person(i) for i in range(self.correspondents)]
        self.weights = [1.0 / (i + 1) ** 0.8 for i in range(self.correspondents)]  # a few close contacts
        self.sentences = [self._sentence() for _ in range(3000)]
        self.threads: list[Thread] = []
        self.counter = 0
        self.owner = Person(OWNER_NAME, OWNER_EMAIL, OWNER, self._signature(OWNER_NAME, "Principal",
                                                                            "Morgan Advisory", True))

    # -- vocabulary ---------------------------------------------------------------------------
    def _person(self, i: int) -> Person:
        r = self.rng
        first = r.choice(FIRST_INTL) if r.random() < 0.08 else r.choice(FIRST)
        last = r.choice(LAST_INTL) if r.random() < 0.06 else r.choice(LAST)
        name = f"{first} {last}"
        local = f"{first}.{last}".lower().encode("ascii", "ignore").decode().replace("-", "")
        if r.random() < 0.35:
            email = f"{local}{i}@{r.choice(FREEMAIL)}"
            org = r.choice(ORGS)
        else:
            org = r.choice(ORGS)
            email = f"{local}{i}@{org.split()[0].lower()}.example"
        header = formataddr((name, email), charset="utf-8")
        return Person(name, email, header, self._signature(name, r.choice(TITLES), org, r.random() < 0.7))

    def _signature(self, name: str, title: str, org: str, full: bool) -> str:
        r = self.rng
        if not full:
            return f"\n{r.choice(('Best', 'Cheers', 'Thanks', 'Talk soon'))},\n{name.split()[0]}\n"
        phone = f"+1 555 {r.randrange(100, 999)} {r.randrange(1000, 9999)}"
        return f"\n{r.choice(('Best', 'Best regards', 'Thanks'))},\n{name.split()[0]}\n\n-- \n{name}\n" \
               f"{title}, {org}\n{phone}\nhttps://{org.split()[0].lower()}.example\n"

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(6, 18))
        if self.rng.random() < RARE_SHARE:
            words[self.rng.randrange(len(words))] = self.rng.choice(RARE_WORDS)
        return " ".join(words).capitalize() + self.rng.choice((".", ".", ".", "?", "!"))

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.rng.choices(self.sentences, k=sentences))

    def text(self, low: int, high: int) -> str:
        """Wrapped prose of low..high bytes, in paragraphs."""
        target, parts, size = self.rng.randint(low, high), [], 0
        while size < target:
            para = _wrap(self.paragraph(self.rng.randint(2, 6)))
            parts.append(para)
            size += len(para) + 2
        return "\n\n".join(parts)

    def correspondent(self) -> Person:
        return self.rng.choices(self.people, self.weights)[0]

    def message_id(self, domain: str) -> str:
        self.counter += 1
        return f"<{self.counter:07d}.{self.rng.getrandbits(40):010x}@{domain}>"

    # -- the mailbox --------------------------------------------------------------------------
    def mailbox(self, inbox: int, sent: int, extra: int = 0) -> Iterator[Mail]:
        """inbox + sent messages in date order, then extra newer ones (75% INBOX) for an incremental run."""
        extra_inbox = round(extra * INBOX_SHARE)
        slots = [("INBOX", k) for k in self._kinds(INBOX_MIX, inbox)] + \
                [("Sent", k) for k in self._kinds(SENT_MIX, sent)]
        more = [("INBOX", k) for k in self._kinds(INBOX_MIX, extra_inbox)] + \
               [("Sent", k) for k in self._kinds(SENT_MIX, extra - extra_inbox)]
        self.rng.shuffle(slots)
        self.rng.shuffle(more)
        when = START
        gap = 720 * 86400 / max(1, len(slots) + len(more))  # two years of mail
        for folder, kind in slots + more:
            when += timedelta(seconds=self.rng.expovariate(1 / gap))
            yield Mail(folder, when, self._make(folder, kind, when), kind)

    def _kinds(self, mix: tuple[tuple[str, int], ...], count: int) -> list[str]:
        total = sum(w for _, w in mix)
        kinds = [k for k, w in mix for _ in range(count * w // total)]
        kinds += [mix[0][0]] * (count - len(kinds))
        return kinds

    def _make(self, folder: str, kind: str, when: datetime) -> bytes:
        return BUILDERS[kind](self, when, folder == "Sent")

    def attachment_blob(self, low: int, high: int) -> str:
        data = self.rng.randbytes(self.rng.randint(low, high) * 3 // 4)
        return base64.encodebytes(data).decode("ascii")


BUILDERS: dict[str, Callable[[MailboxGenerator, datetime, bool], bytes]] = {
    "personal": parts.personal, "newsletter": parts.newsletter, "notification": parts.notification,
    "attachment": parts.with_attachment, "invite": parts.invitation, "forward": parts.forward,
}


def _wrap(text: str, width: int = 76) -> str:
    lines, line = [], []
    size = 0
    for word in text.split(" "):
        if size + len(word) > width and line:
            lines.append(" ".join(line))
            line, size = [], 0
        line.append(word)
        size += len(word) + 1
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)
