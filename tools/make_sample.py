#!/usr/bin/env python3
"""Write the bundled sample mailbox (a Maildir++ tree) from the hand-written content below.

Deterministic: no randomness, no clock. Running it twice gives byte-identical files.

    .venv/bin/python tools/make_sample.py [OUT_DIR]     # default OUT_DIR: assistant/sample

The tree goes to OUT_DIR/Maildir (INBOX in cur/, sent mail in .Sent/cur/); the Maildir
directory is replaced as a whole. assistant/sample/README.md describes the cast.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import shutil
import sys
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "assistant" / "sample"
OWNER = "alex@morgan-advisory.example"
ALIAS = "alex.morgan@mail.example"
OWNER_MSGID_DOMAIN = "mail.morgan-advisory.example"
MX = "mx1.morgan-advisory.example"

INBOX, SENT = "inbox", "sent"

# ---------------------------------------------------------------------------------------------
# Time: the sample spans the 2026 DST changes (Europe: Oct 25, US: Nov 1).

_ZONES = {  # zone -> (summer offset, winter offset, local switch time)
    "pt": (-7, -8, datetime(2026, 11, 1, 2, 0)),
    "et": (-4, -5, datetime(2026, 11, 1, 2, 0)),
    "cet": (2, 1, datetime(2026, 10, 25, 3, 0)),
    "utc": (0, 0, datetime(2026, 1, 1)),
}


def when(stamp: str, zone: str = "pt") -> datetime:
    """'2026-09-08 09:14' local time in a zone -> aware datetime with that zone's offset."""
    naive = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    summer, winter, switch = _ZONES[zone]
    return naive.replace(tzinfo=timezone(timedelta(hours=summer if naive < switch else winter)))


def localize(moment: datetime, zone: str) -> datetime:
    summer, winter, switch = _ZONES[zone]
    as_summer = moment.astimezone(timezone(timedelta(hours=summer)))
    hours = summer if as_summer.replace(tzinfo=None) < switch else winter
    return moment.astimezone(timezone(timedelta(hours=hours)))


def _h(*parts: object, n: int = 16) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:n]


# ---------------------------------------------------------------------------------------------
# People and their mail clients


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    client: str = "gmail"  # how replies quote: gmail, outlook, outlook-classic, apple, iphone, fr, de, plain
    sig: str = ""
    zone: str = "pt"
    mailer: str = ""  # X-Mailer or User-Agent value

    @property
    def domain(self) -> str:
        return self.email.rsplit("@", 1)[1]


@dataclass(frozen=True)
class M:
    """One message of a thread, as written by `who` (a key of PEOPLE)."""

    who: str
    at: str
    body: str
    to: tuple[str, ...] | None = None  # keys; default: whoever wrote the message answered
    cc: tuple[str, ...] | None = None  # keys; default: everyone else on the thread (reply-all)
    quote: bool = True  # quote the answered message below the reply
    client: str | None = None
    sig: bool | str = True
    via: str | None = None  # another address of the same person (Alex's alias, a personal address)
    seen: bool = True
    subject: str | None = None
    ics: str | None = None
    ics_style: str = "attachment"  # or "alternative" (Google/Outlook put it beside the text)
    html: str | None = None
    attach: tuple[tuple[str, str, bytes], ...] = ()  # (filename, mime type, bytes)
    reply_to: int | None = None  # index of the answered message; default: the one before
    forward: EmailMessage | None = None  # attach this message as message/rfc822
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class _Built:
    who: str
    person: Person
    address: str
    to: list[tuple[str, str]]  # (key, address)
    cc: list[tuple[str, str]]
    subject: str
    date: datetime
    msgid: str
    references: list[str]
    text: str


@dataclass
class Entry:
    folder: str
    date: datetime
    data: bytes
    seen: bool = True
    kind: str = "personal"  # for the summary only: what build() step wrote it


class Mailbox:
    def __init__(self, people: dict[str, Person]) -> None:
        self.people = people
        self.entries: list[Entry] = []
        self.kind = "personal"

    # -- threads of correspondence ------------------------------------------------------------

    def thread(self, subject: str, *msgs: M, people: tuple[str, ...] = (), cc: tuple[str, ...] = (),
               alex: str = OWNER) -> list[_Built]:
        """A conversation; `alex` is the address the others write to (friends use the alias)."""
        participants = ["alex", *people, *cc]
        self._alex = alex
        built: list[_Built] = []
        for i, m in enumerate(msgs):
            prev = built[m.reply_to if m.reply_to is not None else i - 1] if i else None
            person = self.people[m.who]
            address = m.via or person.email
            if m.who == "alex" and not m.via and prev and ("alex", ALIAS) in prev.to + prev.cc:
                address = ALIAS  # answer from the address the mail came to
            to_keys = list(m.to) if m.to is not None else (
                [prev.who] if prev and prev.who != m.who else
                [k for k, _ in prev.to] if prev else (["alex"] if m.who != "alex" else [people[0]]))
            cc_keys = list(m.cc) if m.cc is not None else [
                p for p in participants if p not in to_keys and p != m.who]
            date_ = when(m.at, person.zone)
            if m.subject is not None:
                subj = m.subject
            elif prev is None:
                subj = subject
            else:
                subj = _reply_prefix(m.client or person.client) + _base_subject(prev.subject)
            msgid = self._msgid(m.who, person, address, date_, subject, i)
            refs = [*prev.references, prev.msgid] if prev else []
            client = m.client or person.client
            text = reflow(textwrap.dedent(m.body).strip("\n"), WRAP.get(client))
            signature = person.sig if m.sig is True else (m.sig or "")
            if signature:
                text += "\n\n" + signature
            if client == "iphone":
                text += "\n\nSent from my iPhone"
            if prev is not None and m.quote:
                text += "\n\n" + quote_block(client, prev, person.zone)
            current = _Built(m.who, person, address, [(k, self._addr_of(k, prev)) for k in to_keys],
                             [(k, self._addr_of(k, prev)) for k in cc_keys], subj, date_, msgid, refs, text)
            built.append(current)
            headers = [("In-Reply-To", prev.msgid), ("References", " ".join(refs))] if prev else []
            if client in MAILERS or person.mailer:
                headers.append(("User-Agent" if "Thunderbird" in (person.mailer or MAILERS.get(client, ""))
                                else "X-Mailer", person.mailer or MAILERS[client]))
            if client.startswith("outlook"):
                headers += [("Thread-Topic", _base_subject(subject)), ("Thread-Index", _thread_index(subject, i))]
            headers += list(m.headers)
            msg = compose(
                sender=(person.name, address), to=[(self.people[k].name, a) for k, a in current.to],
                cc=[(self.people[k].name, a) for k, a in current.cc], subject=subj, date=date_, msgid=msgid,
                text=text, html=m.html, ics=m.ics, ics_style=m.ics_style, attach=m.attach, headers=headers,
                received=m.who != "alex", rfc822=m.forward)
            self.add(SENT if m.who == "alex" else INBOX, date_, msg, seen=m.seen)
        return built

    def _addr_of(self, key: str, prev: _Built | None) -> str:
        if prev is not None:
            if prev.who == key:
                return prev.address
            for k, a in prev.to + prev.cc:
                if k == key:
                    return a
        return self._alex if key == "alex" else self.people[key].email

    def _msgid(self, who: str, person: Person, address: str, date_: datetime, subject: str, i: int) -> str:
        h = _h(who, subject, i, date_.isoformat(), n=24)
        if who == "alex":
            return f"<{date_.strftime('%Y%m%d%H%M%S')}.{h[:12]}@{OWNER_MSGID_DOMAIN}>"
        domain = address.rsplit("@", 1)[1]
        if person.client.startswith("outlook"):
            return f"<{h[:6].upper()}PR{h[6:22].upper()}@{domain}>"
        if person.client == "de":
            return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:24]}{_h(h, n=8)}@{domain}>"
        if person.client in ("apple", "iphone"):
            return f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:24].upper()}@{domain}>"
        return f"<CA{h}{_h(h, n=8)}@{domain}>"

    # -- everything else ----------------------------------------------------------------------

    def add(self, folder: str, date_: datetime, msg: EmailMessage, seen: bool = True) -> None:
        _fix_boundaries(msg)
        self.entries.append(Entry(folder, date_, msg.as_bytes(policy=policy.SMTP), seen, self.kind))

    def add_raw(self, folder: str, date_: datetime, data: bytes, seen: bool = True) -> None:
        self.entries.append(Entry(folder, date_, data, seen, self.kind))

    def write(self, out: Path) -> None:
        root = out / "Maildir"
        if root.exists():
            shutil.rmtree(root)
        folders = {INBOX: root, SENT: root / ".Sent"}
        for base in folders.values():
            for sub in ("cur", "new", "tmp"):
                (base / sub).mkdir(parents=True, exist_ok=True)
            for sub in ("new", "tmp"):
                (base / sub / ".gitkeep").write_bytes(b"")
        (folders[SENT] / "maildirfolder").write_bytes(b"")
        order = sorted(range(len(self.entries)), key=lambda i: (self.entries[i].date, i))
        for seq, i in enumerate(order, start=1):
            e = self.entries[i]
            name = f"{int(e.date.timestamp())}.{seq}.sample:2,{'S' if e.seen else ''}"
            (folders[e.folder] / "cur" / name).write_bytes(e.data)


MAILERS = {
    "apple": "Apple Mail (2.3826.300.87.4.3)",
    "iphone": "iPhone Mail (22B91)",
    "outlook": "Microsoft Outlook 16.0",
    "outlook-classic": "Microsoft Outlook 16.0",
    "de": "Mozilla Thunderbird 128.4.2",
}


# Desktop clients that hard-wrap; the others send one line per paragraph (quoted-printable on the wire).
WRAP = {"apple": 76, "iphone": None, "de": 72, "plain": 72, "fr": 76}


def reflow(text: str, width: int | None) -> str:
    """Join the source's wrapped paragraph lines (>= 60 chars), then wrap the way the client would."""
    out: list[str] = []
    for line in text.split("\n"):
        if (out and len(out[-1]) >= 60 and line.strip() and not out[-1].startswith(">")
                and not line.startswith((">", "-", "*", " "))):
            out[-1] += " " + line
        else:
            out.append(line)
    if width:
        out = [textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if len(line) > width
               else line for line in out]
    return "\n".join(out)


def _reply_prefix(client: str) -> str:
    return {"outlook": "RE: ", "outlook-classic": "RE: ", "de": "AW: "}.get(client, "Re: ")


def _base_subject(subject: str) -> str:
    s = subject
    while s[:4].lower() in ("re: ", "aw: "):  # a reply to a forward keeps "Fwd:"
        s = s.split(": ", 1)[1]
    return s


def _thread_index(subject: str, i: int) -> str:
    return base64.b64encode(bytes.fromhex(_h("ti", subject, n=44)) + bytes([i] * (5 * i))).decode()


# ---------------------------------------------------------------------------------------------
# Quoting, the way different mail clients do it

_EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FR_DAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
_FR_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
_DE_DAYS = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
_DE_MONTHS = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]


def _prefixed(text: str) -> str:
    return "\n".join(">" + (" " + line if line and not line.startswith(">") else line) for line in text.split("\n"))


def _clock12(dt: datetime) -> str:
    return f"{(dt.hour % 12) or 12}:{dt:%M} {'AM' if dt.hour < 12 else 'PM'}"


def _addresses(pairs: list[tuple[str, str]]) -> str:
    return "; ".join(f"{PEOPLE[k].name} <{a}>" for k, a in pairs)


def quote_block(client: str, prev: _Built, zone: str) -> str:
    dt = localize(prev.date, zone)
    who = f"{prev.person.name} <{prev.address}>"
    if client == "gmail" or client == "plain":
        return f"On {_EN_DAYS[dt.weekday()]}, {dt:%b} {dt.day}, {dt.year} at {_clock12(dt)} {who} wrote:\n\n" \
            + _prefixed(prev.text)
    if client in ("apple", "iphone"):
        return f"On {dt:%b} {dt.day}, {dt.year}, at {dt:%H:%M}, {who} wrote:\n\n" + _prefixed(prev.text)
    if client == "fr":
        return (f"Le {_FR_DAYS[dt.weekday()]} {dt.day} {_FR_MONTHS[dt.month - 1]} {dt.year} à {dt:%H:%M}, "
                f"{who} a écrit :\n\n" + _prefixed(prev.text))
    if client == "de":
        return (f"Am {_DE_DAYS[dt.weekday()]}, {dt.day}. {_DE_MONTHS[dt.month - 1]} {dt.year} um {dt:%H:%M} Uhr "
                f"schrieb {who}:\n\n" + _prefixed(prev.text))
    sent = f"{dt:%A}, {dt:%B} {dt.day}, {dt.year} {_clock12(dt)}"
    lines = [f"From: {who}", f"Sent: {sent}", f"To: {_addresses(prev.to)}"]
    if prev.cc:
        lines.append(f"Cc: {_addresses(prev.cc)}")
    lines.append(f"Subject: {prev.subject}")
    rule = "-----Original Message-----" if client == "outlook-classic" else "_" * 32
    return rule + "\n" + "\n".join(lines) + "\n\n" + prev.text


# ---------------------------------------------------------------------------------------------
# Building messages


def compose(*, sender: tuple[str, str], to: list[tuple[str, str]], subject: str, date: datetime, msgid: str,
            text: str | None = None, html: str | None = None, cc: list[tuple[str, str]] = (),
            ics: str | None = None, ics_style: str = "attachment", attach: tuple = (),
            headers: list[tuple[str, str]] = (), received: bool = False, envelope: str | None = None,
            rfc822: EmailMessage | None = None, reply_to: tuple[str, str] | None = None) -> EmailMessage:
    msg = EmailMessage(policy=policy.SMTP)
    if received:
        envelope = sender[1] if envelope is None else envelope
        msg["Return-Path"] = f"<{envelope}>"
        msg["Delivered-To"] = OWNER
        host = "mail-out." + sender[1].rsplit("@", 1)[1] if sender[1] else "localhost"
        ip = f"198.51.100.{int(_h(host, n=2), 16) % 250 + 2}"
        arrival = date + timedelta(seconds=3 + int(_h(msgid, n=2), 16) % 40)
        msg["Received"] = (f"from {host} ({host} [{ip}]) by {MX} (Postfix) with ESMTPS id "
                           f"{_h('q', msgid, n=11).upper()} for <{OWNER}>; {format_datetime(arrival)}")
    msg["From"] = _address(*sender)
    if to:
        msg["To"] = [_address(*p) for p in to]
    if cc:
        msg["Cc"] = [_address(*p) for p in cc]
    if reply_to:
        msg["Reply-To"] = _address(*reply_to)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = msgid
    for name, value in headers:
        msg[name] = value
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    if ics is not None:
        if ics_style == "alternative":
            msg.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})
        else:
            msg.add_attachment(ics, subtype="calendar", filename="invite.ics", params={"method": "REQUEST"})
    for filename, mime, data in attach:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    if rfc822 is not None:
        _fix_boundaries(rfc822)
        msg.add_attachment(rfc822)
    return msg


def _address(name: str, addr: str) -> Address:
    local, _, domain = addr.partition("@")
    return Address(display_name=name, username=local, domain=domain)


def _fix_boundaries(msg: EmailMessage) -> None:
    n = 0
    seed = _h(msg.get("Message-ID", ""), msg.get("Subject", ""), n=20)
    for part in msg.walk():
        if part is not msg and "MIME-Version" in part and part.get_content_type() != "message/rfc822":
            del part["MIME-Version"]
        if part.get_content_maintype() == "multipart":
            part.set_boundary(f"----=_Part_{n}_{seed}")
            n += 1


def ics(uid: str, summary: str, start: str, end: str, *, organizer: tuple[str, str],
        attendees: list[tuple[str, str]], location: str = "", description: str = "", stamp: str,
        all_day: bool = False, url: str = "") -> str:
    """A one-event iTIP REQUEST. start/end: '2026-12-03 10:00' local Portland time, or dates if all_day."""
    if all_day:
        dtstart = f"DTSTART;VALUE=DATE:{start.replace('-', '')}"
        dtend = f"DTEND;VALUE=DATE:{end.replace('-', '')}"
    else:
        fmt = "%Y%m%dT%H%M%S"
        dtstart = f"DTSTART;TZID=America/Los_Angeles:{datetime.strptime(start, '%Y-%m-%d %H:%M'):{fmt}}"
        dtend = f"DTEND;TZID=America/Los_Angeles:{datetime.strptime(end, '%Y-%m-%d %H:%M'):{fmt}}"
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Sample//Calendar 1.0//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
             "METHOD:REQUEST"]
    if not all_day:
        lines += ["BEGIN:VTIMEZONE", "TZID:America/Los_Angeles",
                  "BEGIN:DAYLIGHT", "TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "TZNAME:PDT",
                  "DTSTART:19700308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT",
                  "BEGIN:STANDARD", "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "TZNAME:PST",
                  "DTSTART:19701101T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD",
                  "END:VTIMEZONE"]
    lines += ["BEGIN:VEVENT", dtstart, dtend, f"DTSTAMP:{stamp}",
              f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}", f"UID:{uid}"]
    for name, addr in attendees:
        lines.append(f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;"
                     f"CN={name};X-NUM-GUESTS=0:mailto:{addr}")
    if description:
        lines.append("DESCRIPTION:" + description.replace("\\", "\\\\").replace(",", "\\,")
                     .replace(";", "\\;").replace("\n", "\\n"))
    if location:
        lines.append("LOCATION:" + location.replace(",", "\\,").replace(";", "\\;"))
    if url:
        lines.append(f"URL:{url}")
    lines += ["SEQUENCE:0", "STATUS:CONFIRMED", f"SUMMARY:{summary}", "TRANSP:OPAQUE", "END:VEVENT",
              "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _fold(line: str) -> str:
    out, chunk = [], ""
    for ch in line:
        if len((chunk + ch).encode()) > (75 if not out else 74):
            out.append(chunk)
            chunk = ""
        chunk += ch
    out.append(chunk)
    return "\r\n ".join(out)


def fake_pdf(title: str, lines: list[str]) -> bytes:
    """A small, well-formed single-page PDF with a few lines of text."""
    text = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(
        "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for s in [title, *lines]) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# ---------------------------------------------------------------------------------------------
# The cast. Phones use the fictional 555-01xx range; French numbers the 01 99 00 fiction block.

PEOPLE: dict[str, Person] = {
    "alex": Person("Alex Morgan", OWNER, "gmail", "-- \nAlex Morgan\nMorgan Advisory | Growth for small B2B companies\n"
                   "503-555-0142 | morgan-advisory.example"),
    "priya": Person("Priya Raghunathan", "priya@lumenortho.example", "gmail",
                    "Priya Raghunathan\nCo-founder & CEO, Lumen Orthotics\n+1 (971) 555-0118"),
    "daniel": Person("Daniel Okafor", "dokafor@brightline-ip.example", "outlook",
                     "Daniel O. Okafor | Partner | Brightline IP LLP\nDirect: 503.555.0177\n\n"
                     "CONFIDENTIALITY NOTICE: This e-mail may contain privileged or confidential information. "
                     "If you received it in error, please notify the sender and delete it."),
    "marisol": Person("Marisol Vega", "marisol@maizysal.example", "iphone", ""),
    "tom": Person("Tom Henley", "tom@ridgeline-software.example", "gmail",
                  "-- \nTom Henley\nCEO, Ridgeline Software\nm: 503-555-0126"),
    "wei": Person("Wei Zhang", "wei@ridgeline-software.example", "gmail", "Wei Zhang | CTO | Ridgeline Software"),
    "grace": Person("Grace Liu", "grace@liucapital.example", "apple",
                    "Grace Liu\nLiu Family Capital · Rose City Angels"),
    "hannah": Person("Hannah Berg", "hannah@bergfinance.example", "gmail",
                     "Hannah Berg, CPA\nFractional CFO | Berg Finance Partners\n(503) 555-0190"),
    "kofi": Person("Kofi Mensah", "kofi@kofimensah.example", "plain",
                   "-- \nkofi mensah · react / typescript · code.example/kmensah"),
    "rachel": Person("Rachel Stein", "rachel@fernwaygoods.example", "gmail",
                     "Rachel Stein\nFounder, Fernway Goods\n541-555-0134"),
    "amara": Person("Amara Nwosu", "amara@hawthornedental.example", "outlook-classic",
                    "Dr. Amara Nwosu, DMD\nHawthorne Family Dental\nTel. 503-555-0155 | Fax 503-555-0156"),
    "luis": Person("Luis Carrillo", "lcarrillo@cascadehealth.example", "outlook",
                   "Luis Carrillo\nDirector, Strategic Partnerships & Innovation\nCascade Health System\n"
                   "o: 503.555.0109 | c: 971.555.0143"),
    "sophie": Person("Sophie Lefèvre", "s.lefevre@maison-vautrin.example", "fr",
                     "--\nSophie Lefèvre\nDirectrice Export | Export Director\nMaison Vautrin, Lyon\n"
                     "+33 1 99 00 27 41", zone="cet"),
    "jonas": Person("Jonas Krüger", "jonas.krueger@kuehlsens.example", "de",
                    "Beste Grüße / Best regards\nJonas Krüger\nGeschäftsführer | KühlSens GmbH\n"
                    "Berlin | +49 30 5550 1923", zone="cet"),
    "ben": Person("Ben Adeyemi", "ben.adeyemi@mail.example", "gmail", ""),
    "nadia": Person("Nadia Haddad", "nhaddad@harborpinecu.example", "outlook",
                    "Nadia Haddad\nChief of Staff, Office of the CEO\nHarbor & Pine Credit Union\nP 503-555-0171"),
    "kenji": Person("Kenji Watanabe", "kenji@stackyard.example", "gmail",
                    "— Kenji\nCo-founder, Stackyard · stackyard.example"),
    "olivia": Person("Olivia Brennan", "obrennan@northwindledger.example", "outlook",
                     "Olivia Brennan\nVP Marketing | Northwind Ledger\n+1 503 555 0148"),
    "marcus": Person("Marcus Thompson", "marcus@thompsoncre.example", "iphone", ""),
    "elena": Person("Elena Petrova", "elena@petrovabooks.example", "gmail",
                    "Elena Petrova\nPetrova Bookkeeping LLC · QuickBooks & Xero ProAdvisor\n503-555-0139"),
    "ahmed": Person("Ahmed Siddiqui", "ahmed.siddiqui@mail.example", "gmail",
                    "Ahmed Siddiqui\n(206) 555-0112\nprolink.example/in/ahmedsiddiqui"),
    "rosa": Person("Rosa Delgado", "rosa@columbiawib.example", "gmail",
                   "Rosa Delgado (she/her)\nExecutive Director, Columbia Women in Business\n503.555.0104"),
    "sam": Person("Sam Whitaker", "sam.whitaker@mail.example", "apple", ""),
    "meera": Person("Meera Iyer", "meera@tidewatertea.example", "gmail",
                    "Meera Iyer | Founder | Tidewater Tea Co. | 503-555-0197"),
    "chris": Person("Chris Donnelly", "chris@donnellyventures.example", "gmail", ""),
    "yusuf": Person("Yusuf Demir", "yusuf@brambleanalytics.example", "gmail",
                    "Yusuf Demir\nCEO, Bramble Analytics\n(971) 555-0181"),
    "jordan": Person("Jordan Ellis", "jellis@pdxledger.example", "gmail",
                     "Jordan Ellis\nSmall Business Reporter | Portland Business Ledger\n503-555-0121"),
    "anika": Person("Anika Sharma", "asharma@willamettecourier.example", "outlook",
                    "Anika Sharma\nHealth & Science Reporter\nThe Willamette Courier\n503-555-0127"),
    "theo": Person("Theo Marchetti", "theo@cascadiastack.example", "plain",
                   "theo marchetti\neditor, Cascadia Stack (the PNW tech newsletter)"),
    "whitney": Person("Whitney Cole", "whitney@colequillpr.example", "gmail",
                      "Whitney Cole\nFounder & Principal | Cole & Quill Communications\n"
                      "Stories that move markets\n(503) 555-0166"),
    "dev": Person("Dev Patel", "dev@quillfinch.example", "gmail", ""),
}


# ---------------------------------------------------------------------------------------------
# Correspondence. Sam and Meera: close, frequent in July-August, silent since early September.


def old_friends(box: Mailbox) -> None:
    box.thread(
        "Saturday?",
        M("sam", "2026-07-16 19:40", """\
            You still up for Ramona Falls this weekend? Forecast says 84 which is borderline, but if we're
            on the trail by 7 we'll be fine. I can drive.

            Bring the good sandwiches from that place on Division and I'll owe you forever.

            S
            """),
        M("alex", "2026-07-16 21:02", """\
            Yes! 6:30 pickup? I'll get sandwiches. Turkey pesto or the caprese?

            Also Lena says hi and that you still have her copy of Piranesi.

            A
            """, sig=False, via=ALIAS),
        M("sam", "2026-07-16 21:15", """\
            6:30 works. caprese. tell Lena I KNOW
            """, client="iphone"),
        people=("sam",), alex=ALIAS)
    box.thread(
        "that pricing book",
        M("alex", "2026-07-27 08:12", """\
            Finished the pricing book. You were right that chapter 4 is the whole book and the rest is case
            studies with the serial numbers filed off. Still, I stole two slides from it for a client
            workshop already, so, worth it.

            Want it back? I can drop it in your mailbox this week.
            """, sig=False, via=ALIAS),
        M("sam", "2026-07-27 12:47", """\
            Keep it, lend it out, I have the ebook.

            How's the consulting thing going? You sounded stretched thin on the hike. Not in a bad way
            but like, someone who keeps saying "it's fine" about his calendar.
            """),
        M("alex", "2026-07-27 13:30", """\
            Ha. Stretched, but the good kind. Four retainers, which is exactly one more than I can do
            well. Ask me again in October.
            """, sig=False),
        people=("sam",), alex=ALIAS)
    box.thread(
        "can I pick your brain (career thing)",
        M("sam", "2026-08-06 22:18", """\
            Ok so this is a bit out of the blue. A recruiter reached out about a Head of Product role at a
            freight software company (Larchmont Freight, Seattle HQ but remote-friendly). I wasn't looking,
            but I'm also not NOT looking, if you know what I mean. Five years at Evergreen is a long time
            and the last reorg took a lot out of me.

            You made a jump a few years ago that everyone said was crazy and it seems to have worked out.
            How did you know? Did you have a number in the bank, a first client lined up, what?

            No rush on this. Maybe a beer instead of an essay.
            """),
        M("alex", "2026-08-07 07:55", """\
            Not out of the blue at all, I've been waiting for this email for about a year.

            Honest version: I didn't "know." I had six months of runway, one client who'd said yes verbally,
            and a spreadsheet that said I'd be fine if three more things went right (two did). What made me
            go was noticing I'd stopped arguing in meetings. When you stop arguing it's usually because you
            stopped caring whether you win.

            A Head of Product job at a freight company is a very different bet from going solo, though. Less
            risk, and you'd actually get to build something again. I'd want to know who you report to and
            whether the CEO has ever worked with a real product person before.

            Beer, definitely. Thursday?
            """, sig=False),
        M("sam", "2026-08-07 09:03", """\
            "stopped arguing in meetings" oof. yeah.

            thursday works. 6 at the usual?
            """, client="iphone"),
        M("alex", "2026-08-07 09:10", """\
            6 at the usual. First round's on the guy who's about to get a raise.
            """, sig=False),
        people=("sam",), alex=ALIAS)
    box.thread(
        "photos from Trillium",
        M("sam", "2026-08-20 20:31", """\
            Finally got the photos off my camera. Album's here: photos.example/a/trillium-aug-2026

            There is one of you halfway into the lake that I will be bringing to every future event in
            your life. Weddings, funerals, your TED talk.
            """),
        M("alex", "2026-08-20 21:44", """\
            That's going on my website. "Alex Morgan: committed to the process."

            Thanks for organizing, that was the best weekend of the summer.
            """, sig=False, client="iphone"),
        people=("sam",), alex=ALIAS)
    box.thread(
        "next week!",
        M("alex", "2026-09-02 17:20", """\
            Big week next week. Go be great at Larchmont. And resist the urge to redesign the whole roadmap
            in your first 30 days — listen first, then redesign everything in your second 30 days.

            Drinks once you've survived the first month?
            """, sig=False, via=ALIAS),
        M("sam", "2026-09-02 18:02", """\
            ha. no promises on the roadmap.

            yes to drinks. I'll ping you in October when I know where the bathrooms are.
            """, client="iphone"),
        people=("sam",), alex=ALIAS)

    price_sheet = fake_pdf("Tidewater Tea Co. - Wholesale Price Sheet 2026 (v3, DRAFT)", [
        "Cafe tier (under 20 lb/month): loose-leaf from $14.50/lb",
        "Cafe tier (20 lb+/month): loose-leaf from $12.75/lb",
        "Grocery / retail: 24-tin cases, net 30",
        "Free tasting kit for new accounts. Prices FOB Portland, OR.",
    ])
    box.thread(
        "Wholesale price sheet v3",
        M("meera", "2026-07-17 16:05", """\
            Hi Alex,

            Here's v3 of the wholesale sheet with the tiers we talked about. I moved the café tier break to
            20 lbs/month like you suggested and took out the "call for pricing" line (you were right, it
            reads like we're hiding something).

            The thing I'm still unsure about is the tasting kit. Free feels generous but the kits cost us
            about $38 each once you add shipping, and some people just collect free samples. Be brutal.

            Meera
            """, attach=(("Tidewater_Wholesale_2026_v3.pdf", "application/pdf", price_sheet),)),
        M("alex", "2026-07-18 09:40", """\
            This is so much better. The tier break is clear now and the page actually fits on one page.

            On the tasting kit: keep it free, but make it free *after a 15-minute call*. Anyone who won't
            give you 15 minutes wasn't going to order. You'll send fewer kits and the ones you send will
            land with someone who already knows what they're tasting.

            Small thing: "FOB Portland" will confuse half the café owners. Just say "shipping calculated
            at checkout" or whatever you actually do.

            Alex
            """),
        M("meera", "2026-07-18 11:02", """\
            Free-after-a-call is genius and slightly evil. Doing it.

            Changing the FOB line too. Raj says you should start charging me again, I told him you're
            basically family now so the rates are different. (Please send me an invoice for July anyway.)
            """),
        people=("meera",))
    box.thread(
        "How did the café outreach go?",
        M("alex", "2026-07-30 10:15", """\
            Meera, it's been two weeks since you started the café emails, so I'm curious. How many went
            out, how many tastings, anyone ordering?

            No pressure, I just like numbers.
            """),
        M("meera", "2026-07-30 14:48", """\
            Numbers! You'll like these.

            14 emails sent (all personal, no templates, it took forever)
            9 replied
            6 tasting calls
            4 new accounts, including Roseline Coffee, which has 3 shops

            The call-first thing worked. Two people said they'd "been meaning to try us" which I think
            means they had the free kit on their list for months and never asked.

            What do I do with the other five who replied but didn't book a call?
            """),
        M("alex", "2026-07-30 15:20", """\
            4 out of 14 is excellent. Seriously, most people I work with are happy with 1 in 10.

            For the other five: one more email in three weeks, short, with something new in it (fall blend,
            a café that's now serving you, whatever). Then let them go. Don't send a "just checking in."

            Alex
            """),
        people=("meera",))
    box.thread(
        "Dinner Saturday? Raj is making biryani",
        M("meera", "2026-08-13 18:30", """\
            Raj has decided he is making his mother's biryani this Saturday and it feeds 12, so you and
            Lena are required to come. 7ish. Kids will be feral, sorry in advance.
            """, to=("alex",), sig=False),
        M("alex", "2026-08-13 19:05", """\
            We'll be there! Bringing wine and Lena's lemon tart. Tell Raj I'm skipping lunch.
            """, sig=False, via=ALIAS),
        people=("meera",), alex=ALIAS)
    box.thread(
        "random q - co-packer?",
        M("meera", "2026-08-26 11:12", """\
            Random question. We want to test a bottled cold-brew tea concentrate for the cafés (a couple
            of them are already making their own, badly). I'd need a co-packer or a commercial kitchen that
            can do small runs, like 500 bottles, with proper food safety paperwork.

            Do you know anyone? Everyone I call wants a 10,000 unit minimum.
            """),
        M("alex", "2026-08-26 13:40", """\
            Not off the top of my head, but I know people who would know. Let me ask around and I'll come
            back to you. 500 bottles is a very sensible test size, don't let anyone talk you into more.

            A
            """, sig=False),
        people=("meera",))
    box.thread(
        "You're in the Ledger!!",
        M("alex", "2026-09-04 08:05", """\
            Just opened the Ledger and there you are in "Made in Portland," with Raj's photo of the tasting
            room. The quote about "tea people are coffee people who read the label" is perfect.

            Proud of you.
            """, sig=False, via=ALIAS),
        M("meera", "2026-09-04 08:51", """\
            STOP. My mom already bought six copies. Raj wants to frame it next to the health inspection
            certificate, which he says is "our other big award."

            Thank you for making me do the café list this summer. Honestly half of what the reporter
            asked about came from that.

            M.
            """),
        people=("meera",))


# Clients and would-be clients: Priya (medtech), Tom and Wei (logistics SaaS), Daniel (patent attorney).


def medtech_and_ip(box: Mailbox) -> None:
    box.thread(
        "Following up from the founder breakfast",
        M("priya", "2026-07-21 08:42", """\
            Hi Alex,

            It was great to sit next to you at Rosa's breakfast last week. I've been thinking about what
            you said about clinics buying "the outcome, not the insole" ever since.

            Quick recap of where we are, since it was loud in there: Lumen makes custom 3D-printed orthotics
            from a phone scan. Podiatrists prescribe them, we print and ship in 5 days instead of 4 weeks.
            We have 23 clinics using us, almost all through personal connections, and I don't know how to
            get clinic #24 without me personally driving to it. That's the problem I'd love your help with.

            Also, totally separate: do you happen to know a patent attorney who actually understands medical
            devices? Our current firm is lovely but they're software people, and every time we talk about
            the scan-to-print workflow I can see them nodding without following. We have a provisional that
            converts in March and I want someone who has done this for device companies before.

            Would you have time for a call later this week?

            Best,
            Priya
            """),
        M("alex", "2026-07-21 12:05", """\
            Hi Priya,

            Likewise. And 23 clinics through personal connections is a real asset, not a problem. It means
            the product works when someone trusts the messenger. We just need to manufacture the trust part.

            Friday morning? I'm free 9 to 11.

            On the patent attorney: let me think on it. I know a few IP people but I'd rather send you to
            someone who does devices specifically than to someone who's merely nice.

            Alex
            """),
        M("priya", "2026-07-21 12:31", """\
            Friday at 10 is perfect. I'll send a video link. Thank you!
            """, sig=False),
        people=("priya",))
    box.thread(
        "Proposal: clinic go-to-market sprint",
        M("alex", "2026-08-18 16:10", """\
            Priya,

            As promised, here's what I'd suggest, based on our two calls:

            - Weeks 1-2: interview 8 of your current podiatrists (why they said yes, who else they talk to)
            - Weeks 3-4: build the referral program + a one-page clinical outcomes summary
            - Weeks 5-8: run outreach to 40 clinics in Oregon and Washington, with you on the calls that matter

            Fixed fee, same as we discussed, half at the start. If the first two weeks don't turn up
            anything useful, you can stop there and pay only the first half.

            Let me know what you think.

            Alex
            """),
        M("priya", "2026-08-19 07:58", """\
            Signed and sent back through the e-sign thing. Let's go!

            I already told Dr. Hakimi you'll want to interview her, she was weirdly excited about it.

            P.
            """, sig=False),
        people=("priya",))
    box.thread(
        "Notes from Thursday + one ask",
        M("priya", "2026-09-29 17:22", """\
            Alex,

            Notes from Thursday's working session, so we're on the same page:

            * Referral program goes live Oct 5 (clinic gets a free pair for staff per 10 referrals)
            * Outcomes one-pager: Dr. Hakimi to review the data section by Friday
            * Outreach list: 41 clinics, 12 already warm through existing doctors

            The ask: the thing that would unlock the most for us right now is a real conversation with
            someone on the innovation or supply-chain side of a hospital system. Several podiatrists told us
            that once a health system puts us on its approved vendor list, the independent clinics follow.
            I have no idea how a health system actually decides to buy something like us, and I don't know
            a single person inside one.

            Do you know anybody at a hospital system in Oregon or Washington? Even a 20-minute call with the
            right person would save us months.

            Thanks,
            Priya
            """),
        M("alex", "2026-09-30 08:30", """\
            Thanks for the notes, all correct.

            On the hospital system: yes, this is the right next door to knock on. Let me go through my
            contacts. I'm fairly sure I've met someone recently on the health-system side and I want to
            check who it was before I promise anything.

            Alex
            """),
        people=("priya",))
    box.thread(
        "WE GOT IT",
        M("priya", "2026-10-20 14:03", """\
            FDA cleared LumenStep this morning!!! 510(k) clearance, no additional information request,
            173 days from submission.

            The press release goes out Thursday morning (Oct 22), so please don't post anything before then.
            After that, shout it from the rooftops.

            I'm sitting in my car in the parking lot crying a little. Dr. Hakimi sent me a GIF of a dancing
            foot.
            """, sig=False, client="iphone"),
        M("alex", "2026-10-20 14:40", """\
            Priya!!! That's enormous. 173 days with no AI request is a great result, and it's going to
            change every conversation with clinics. "FDA-cleared" does more work than any one-pager we
            write.

            Mum's the word until Thursday. Then I'm telling everyone.

            Go celebrate. The outreach list will still be there tomorrow.
            """, sig=False),
        people=("priya",))
    box.thread(
        "board question (first-timer)",
        M("priya", "2026-11-16 21:14", """\
            Hi Alex, a question that has nothing to do with clinics.

            Now that we're cleared, our lead investor wants us to set up a "real" board and hold the
            first meeting in January. I have never run a board meeting. I've never even been in one.
            I've read the blog posts, but what I actually want is a human who has been through it, who I
            can call before I do something dumb, like share the wrong slide or promise the wrong number.

            Do you know anyone who mentors first-time founders on this kind of thing? Not a paid advisor,
            just someone experienced and kind.

            Priya
            """),
        M("alex", "2026-11-17 08:15", """\
            Great question, and very smart to ask it before January instead of after.

            I have someone in mind. Let me check he has room before I connect you.

            Alex
            """),
        people=("priya",))

    lunch = box.thread(
        "Lunch in August?",
        M("alex", "2026-08-10 09:30", """\
            Hi Daniel,

            It's been too long since the Brightline holiday party. Lunch sometime in the next few weeks? I'd
            love to hear how the new practice group is going, and I owe you for the trademark advice last
            spring.

            Alex
            """),
        M("daniel", "2026-08-25 10:17", """\
            Alex – apologies for the slow reply, I was out on leave (baby #2, a girl, everyone is healthy and
            nobody is sleeping).

            Lunch would be great. To answer your question: the practice group is going well. We now have a
            proper medical device bench: me, one other partner, and a former biomedical engineer who became
            a patent agent. Most of my work these days is for early-stage device companies – provisional
            strategy, freedom-to-operate before a 510(k), claims that survive the first competitor. We also
            started doing flat-fee provisional filings for seed-stage medtech startups, which turns out to be
            a nice way to meet founders before they can afford us.

            So if you come across device founders, I would genuinely appreciate the referral.

            Does Thursday 9/3 work? Noon at Fernhill on Broadway?

            Daniel
            """, reply_to=0),
        M("alex", "2026-08-25 11:02", """\
            Congratulations Daniel! Two under three, you're a brave man.

            Thursday 9/3 at noon works. See you at Fernhill.

            Alex
            """),
        M("daniel", "2026-08-25 11:20", """\
            Booked under my name. See you then.
            """),
        people=("daniel",))
    out_of_office(box, lunch[0], PEOPLE["daniel"], "2026-08-10 09:31", """\
        Thank you for your email. I am out of the office on parental leave through Friday, August 21,
        with limited access to email.

        For urgent matters, please contact my assistant, Carla Ruiz, at cruiz@brightline-ip.example or
        503.555.0178.

        Daniel Okafor
        Brightline IP LLP""")


def ridgeline(box: Mailbox) -> None:
    box.thread(
        "Q3 pipeline review - prep",
        M("tom", "2026-07-22 18:45", """\
            Alex, Wei -

            Ahead of Friday. Pipeline as of tonight: 38 open opps, 11 in late stage, $1.9M weighted.
            Wei pulled the activation numbers you asked for, they're in the shared folder.

            The thing I want to spend most of the time on: mid-size 3PLs stall after the demo. Small
            ones sign in two weeks, big ones at least have a process, and the 50-200 employee guys just go
            dark. I have theories (pricing page? they can't get IT on the call?) but no data.

            T
            """, to=("alex", "wei"), cc=()),
        M("alex", "2026-07-23 07:50", """\
            Thanks Tom. I'll go through the numbers before Friday.

            One hunch to test: at 50-200 employees there's usually an ops director who loves you and a
            CFO who has never heard of you. The demo goes to the first, the decision goes to the second.
            If that's right, the fix isn't the demo, it's a two-page business case the ops person can
            forward. Wei, can you tell from the data whether stalled deals ever had a finance person invited?

            Alex
            """),
        M("wei", "2026-07-23 09:12", """\
            I can get close - we log calendar attendees on demo calls, I'll match titles against
            "finance|cfo|controller".
            Heads up that the "activated" flag changed definition in May so anything before that is apples
            and oranges. I'll have it by Friday morning.
            """),
        people=("tom", "wei"))
    box.thread(
        "Head of sales - time to hire",
        M("tom", "2026-08-12 21:05", """\
            Ok, you've been saying it for six months and the board said it on Tuesday: we're hiring a head
            of sales. Not a VP-of-everything with a fancy title who wants a team of 10 on day one. Someone who
            has actually carried a bag selling to logistics or supply chain companies, can close the
            mid-size 3PLs himself or herself, and can hire the next two reps.

            Budget is approved. I'd rather find someone through people we trust than pay a recruiter 25%.
            If anyone comes to mind, I'm all ears.
            """),
        M("alex", "2026-08-13 08:20", """\
            Finally! Good.

            I'd add to the profile: has been the first or second sales hire at a company under $5M ARR. People
            who've only run big teams tend to struggle when there's no enablement, no SDRs and no
            playbook. You want someone who's built the playbook at least once.

            I'll keep my eyes open.

            Alex
            """),
        people=("tom",))
    box.thread(
        "heads up: we're going out to raise",
        M("tom", "2026-09-15 07:31", """\
            Quick heads up before it gets busy. We're about to raise. Targeting $4M+ seed extension, first
            meetings next week, hoping to close by early November. The cold-chain module is the story:
            40 of our customers run refrigerated warehouses and they're all asking for it.

            Two things:
            1) If you know investors who get logistics software, I'd take the intros.
            2) Flip side: because of those 40 cold-storage customers, I'm in a good position to open doors.
            If you ever meet someone building for cold chain who needs a pilot site, send them my way. Helping
            our customers find good tech makes us look good too.

            Tom
            """),
        M("alex", "2026-09-15 09:02", """\
            Good luck! Your numbers are much better than a year ago, and the cold-chain story is easy to
            understand. That matters more than people think.

            Noted on both. I'll let you know if anyone comes to mind.
            """),
        people=("tom",))
    box.thread(
        "Confidential: we closed",
        M("tom", "2026-11-09 16:48", """\
            Alex (Wei cc'd),

            We closed the round. $4.2M, led by Foundry Lane Ventures, with Rose City Angels and two of our
            customers participating.

            This is under embargo until Tuesday, December 1. We're announcing it together with the cold-chain
            module launch, and Foundry Lane is particular about timing. Please keep it between us until
            then.

            A lot of the pipeline story we told investors came out of the work we did with you this year. So
            thank you.

            Tom
            """),
        M("alex", "2026-11-09 17:30", """\
            Tom, Wei: congratulations! That's a great result in this market, and a great lead.

            Understood on the embargo. Not a word until December 1.

            Alex
            """),
        M("wei", "2026-11-09 19:02", """\
            Thanks Alex! Now the hard part (building the thing we said we'd build).
            """),
        people=("tom",), cc=("wei",))
    review = ics("rdg-q4-review-20261203@ridgeline-software.example", "Ridgeline Q4 growth review",
                 "2026-12-03 10:00", "2026-12-03 11:30", organizer=("Tom Henley", PEOPLE["tom"].email),
                 attendees=[("Alex Morgan", OWNER), ("Wei Zhang", PEOPLE["wei"].email)],
                 location="Ridgeline Software, 2400 NW Thurman St, Suite 300, Portland, OR 97210",
                 description="Agenda: Q4 pipeline, head of sales search, post-raise 2027 plan.",
                 stamp="20261112T221500Z")
    box.thread(
        "Invitation: Ridgeline Q4 growth review @ Thu Dec 3, 2026 10am - 11:30am (PST) (alex@morgan-advisory.example)",
        M("tom", "2026-11-12 14:15", """\
            Ridgeline Q4 growth review
            Thursday Dec 3, 2026 ⋅ 10:00 – 11:30am
            Pacific Time - Los Angeles

            Location
            Ridgeline Software, 2400 NW Thurman St, Suite 300, Portland, OR 97210

            Agenda: Q4 pipeline, head of sales search, post-raise 2027 plan.

            Guests
            Tom Henley - organizer
            Alex Morgan
            Wei Zhang

            Reply for alex@morgan-advisory.example: Yes / No / Maybe / More options

            Invitation from the calendar. You are receiving this email because you are an attendee on the
            event.
            """, sig=False, to=("alex",), cc=("wei",), ics=review, ics_style="alternative",
          headers=(("Sender", "calendar-notification@calendar.example"),)),
        people=("tom",), cc=("wei",))


def investors_and_finance(box: Mailbox) -> None:
    box.thread(
        "Coffee?",
        M("grace", "2026-07-28 13:22", """\
            Alex,

            It's been ages. I keep meaning to write and then a board meeting eats my week.

            News on my side: now that the chip company I left in 2019 has finally been acquired, I've
            been writing more seed checks
            than I ever expected to. Usually $25k to $100k, B2B software and the odd hardware company,
            almost always alongside Rose City Angels so founders get a real syndicate and not just me.
            I like first-time founders who know their customer better than their pitch deck.

            So if you meet anyone like that, send them my way, ideally before they have a term sheet.

            And coffee? I'm traveling most of September, but around in October.

            Grace
            """),
        M("alex", "2026-07-28 15:04", """\
            Grace, great to hear from you, and that's fantastic news (for you and for Portland founders).

            October coffee, yes. Thursday the 8th, 8am? Little Wren on Alberta?

            Alex
            """),
        M("grace", "2026-07-28 15:40", """\
            Perfect. I'll put it on the calendar so neither of us forgets.
            """, sig="G"),
        people=("grace",))
    box.thread(
        "Thanks for coffee",
        M("alex", "2026-10-09 09:15", """\
            Grace, thanks for yesterday. I've already ordered the book you mentioned ("The Cold Start
            Problem") and I'm going to steal your line about founders who "sell the roadmap instead of the
            product."

            Same time in January?

            Alex
            """),
        M("grace", "2026-10-09 18:27", """\
            Same time in January. And remember: first-time founders, before the term sheet!
            """, sig="G", client="iphone"),
        people=("grace",))

    box.thread(
        "Cedar & Sons - Q3 numbers before your pricing workshop",
        M("hannah", "2026-08-04 10:05", """\
            Hi Alex,

            Looping in Elena Petrova, who does Cedar & Sons' books. You two haven't met yet. Elena, Alex is
            the growth consultant I told you about; he's running their pricing workshop on the 20th.

            I'd love for the three of us to look at the Q3 margin numbers before the workshop, so that Alex
            doesn't propose a discount structure that their gross margin can't survive (ask me how I know).
            Thirty minutes next week?

            Hannah
            """, to=("alex",), cc=("elena",)),
        M("elena", "2026-08-04 11:30", """\
            Hi both! Nice to meet you, Alex.

            I can do Tuesday or Wednesday afternoon next week. Heads up that their July close isn't done
            yet: Mike sends receipts in batches of about 300, so the margin by product line will be rough
            until the 15th.
            """),
        M("alex", "2026-08-04 12:02", """\
            Nice to meet you, Elena. And Hannah, thank you, that's a very good instinct.

            Wednesday 2pm? I'll send an invite. Rough numbers are fine for a first look.

            Alex
            """),
        people=("hannah",), cc=("elena",))
    box.thread(
        "fall capacity (personal email, sorry)",
        M("hannah", "2026-09-12 10:48", """\
            Hi Alex, writing from my personal address because it's Saturday and I promised my wife I wouldn't
            open the work laptop.

            Saw your post about startups doing their own finance "until the audit." Made me laugh and
            wince. Related: two of my clients graduated this summer (one got acquired, one hired a full-time
            CFO), so I have room for two more clients this fall. Fractional CFO work: Series A prep, cleaning
            up after a DIY year, board decks, building a model that survives investor questions.

            If anyone in your world needs that, I'd be grateful for the intro. Then I'll go back to
            pretending it's the weekend.

            Hannah
            """, via="hannah.berg@mail.example", sig=False),
        M("alex", "2026-09-12 13:15", """\
            Ha, go enjoy your weekend. And noted, I'll keep you in mind. Founders almost always need this
            six months before they realize it.

            Alex
            """, sig=False),
        people=("hannah",))
    box.thread(
        "Capacity for January",
        M("elena", "2026-10-19 09:20", """\
            Hi Alex,

            Hope the Cedar & Sons workshop paid off. Mike still talks about the "good, better, best"
            slide.

            A quick note: we're taking on three new bookkeeping clients starting in January. Our sweet spot
            is product companies doing $1-10M: Shopify plus wholesale, a 3PL somewhere in the picture, and
            inventory numbers that make their accountant cry. If you know someone whose bookkeeper is
            retiring, or who has outgrown doing it themselves at midnight, I'd love an introduction.

            Thanks!
            Elena
            """),
        M("alex", "2026-10-19 12:44", """\
            Thanks Elena, good to know. That's a very specific sweet spot and a good one. I'll keep you in
            mind.

            Alex
            """),
        people=("elena",))


def founders_and_builders(box: Mailbox) -> None:
    box.thread(
        "between contracts",
        M("kofi", "2026-09-08 11:02", """\
            hey alex

            contract with the agency wrapped friday. first time i'm between gigs in 2 years, which is
            weird. if you hear of anyone who needs react / typescript help (dashboards, b2b portals, the
            unglamorous stuff that has to work) i'm available from oct 1. rates same as before.

            thanks for the referral last year btw, they're still a client
            """),
        M("alex", "2026-09-08 13:15", """\
            Hi Kofi, glad to hear from you, and congrats on surviving two years of agency deadlines.

            Will do. "The unglamorous stuff that has to work" is exactly what most of my clients need.
            I'll keep you in mind.

            Alex
            """),
        M("kofi", "2026-09-08 13:19", """\
            ty
            """, quote=False),
        people=("kofi",))
    box.thread(
        "still around",
        M("kofi", "2026-11-20 16:40", """\
            hi alex. small update: picked up a short contract in october but it ends dec 11, so i'm open
            again from mid december for anything react. longer engagements preferred. hope you're well
            """, seen=False),
        people=("kofi",))

    box.thread(
        "Wholesale launch - a few questions",
        M("rachel", "2026-08-03 20:55", """\
            Hi Alex!

            Ok, we're really doing it: wholesale launches with the spring line. I have a bunch of
            questions, sorry in advance.

            1. Should we have a minimum order? I'm thinking $500 opening order / $250 reorders.
            2. Net 30 for everyone, or only after the second order?
            3. Do I need a separate wholesale site, or is a password page on Shopify fine for now?
            4. Totally random: do you know a React developer? Our wholesale portal was built by my
            cousin's roommate in 2022 and it's held together with duct tape and prayer.

            Thank you!!
            Rachel
            """),
        M("alex", "2026-08-04 07:40", """\
            Hi Rachel, answers inline below.

            > 1. Should we have a minimum order? I'm thinking $500 opening order / $250 reorders.

            Yes, and those numbers are right for outdoor gear. Don't go lower, small shops will happily
            order $180 four times a year and drown your ops team.

            > 2. Net 30 for everyone, or only after the second order?

            After the second order. First order on card or prepay. Nobody serious will object, and the ones
            who do are exactly the ones you don't want on terms.

            > 3. Do I need a separate wholesale site, or is a password page on Shopify fine for now?

            Password page is fine for the first 20 accounts. Past that you'll want a real portal (see #4).

            > 4. Totally random: do you know a React developer? Our wholesale portal was built by my
            > cousin's roommate in 2022 and it's held together with duct tape and prayer.

            Ha. Let me think about who's available. Good freelancers get booked up fast.

            Alex
            """, quote=False),
        M("rachel", "2026-08-04 09:12", """\
            This is gold, thank you. Going with 500/250 and card-first. The line about $180 four times a
            year made my ops manager laugh out loud.
            """),
        people=("rachel",))
    box.thread(
        "Two things (one is a secret)",
        M("rachel", "2026-10-01 16:30", """\
            Hi Alex,

            Two things.

            The secret first, and please keep this between us for now: we signed with Summit Outfitters
            Co-op. 120 stores, starting with the spring line! It won't be announced until their buyers'
            summit in January, so I can't tell anyone. Except you, apparently.

            Second, less fun: Diane, who's done our books since the very beginning, is retiring at the end of
            the year (good for her, terrible for me). I need a bookkeeper who understands inventory and
            wholesale, ideally someone who has worked with Shopify and a 3PL before. With the Summit
            deal our books are about to get a lot more complicated. Any names?

            Rachel
            """),
        M("alex", "2026-10-01 17:45", """\
            Rachel!!! 120 stores! That's huge. Congratulations. My lips are sealed until January.

            On the bookkeeper: I know a couple of good ones. Let me think about who fits best and get back to
            you.

            Alex
            """),
        people=("rachel",))
    box.thread(
        "the portal is on fire",
        M("rachel", "2026-11-05 22:10", """\
            Remember my duct-tape wholesale portal? It fell over twice during the pre-order window this week.
            We lost at least two orders that I know of.

            I need a React developer for maybe three months, starting as soon as possible. Fix what's there,
            then rebuild the order flow properly before the Summit orders hit in February. The budget is
            real now (see: secret).

            If you know anyone who's available, I'll take them. Please.
            """, sig=False, client="iphone"),
        M("alex", "2026-11-06 07:30", """\
            Ugh, sorry. Pre-order week is the worst possible time for that.

            On it. I'll come back to you soon.

            Alex
            """),
        people=("rachel",))

    box.thread(
        "Intro: Alex <> Kenji (Stackyard)",
        M("ben", "2026-07-23 14:10", """\
            Alex, meet Kenji Watanabe, co-founder of Stackyard. They make cloud cost dashboards for small
            engineering teams, the kind of teams that get a surprise $14,000 bill and find out which
            intern left a GPU running. Kenji is one of my Startup Oregon mentees and a very good one. He's at
            the point where the product works and nobody knows it exists, which is exactly your department.

            Kenji, Alex is the growth person I keep telling you about. He's the real deal and he will tell
            you things you don't want to hear, which is why you should talk to him.

            I'll let you two take it from here.

            Ben
            """, to=("alex", "kenji"), cc=()),
        M("kenji", "2026-07-23 15:02", """\
            Thanks Ben (moving you to bcc)!

            Alex, great to e-meet you. Ben has been talking about you for months. Could we grab 30 minutes
            next week? I'm pretty flexible except Monday.

            Kenji
            """, to=("alex",), cc=()),
        M("alex", "2026-07-23 16:40", """\
            Great to meet you, Kenji.

            Tuesday 28th at 2pm? I'll send a link.

            Alex
            """, cc=()),
        people=("ben", "kenji"))
    box.thread(
        "Stackyard - a few questions on the proposal",
        M("kenji", "2026-08-05 10:25", """\
            Hi Alex, thanks for the proposal. A few questions before I take it to my co-founder:

            - Can we start with the positioning piece alone and decide on the outbound part later?
            - Would you work with our one marketer directly, or only through me?
            - Timeline: we want to launch 1.0 mid-October. Is that realistic to have the messaging ready?

            Kenji
            """),
        M("alex", "2026-08-05 13:10", """\
            Good questions.

            - Yes, positioning alone is fine. It's four weeks, and you'll know by the end whether you want
            more.
            - Directly with your marketer, please. You're in the kickoff and the final review; the rest
            goes faster without a founder in every meeting.
            - Mid-October is realistic if we start by August 17.

            Alex
            """),
        people=("kenji",))
    box.thread(
        "Stackyard 1.0 is live",
        M("kenji", "2026-10-14 09:05", """\
            We launched! Stackyard 1.0 went live at 6am this morning. The new positioning is on the
            homepage ("Know what your cloud will cost before it costs you"), and we have 212 signups
            in the first three hours, which is more than all of September.

            Thank you for pushing us to cut the feature list in half. You were right, it reads much better.

            Kenji
            """),
        M("alex", "2026-10-14 10:12", """\
            Congratulations!!! 212 by 9am is a great start. Enjoy today.

            Do you mind if I tell Theo Marchetti at Cascadia Stack? He does a launches section on Mondays
            and this is exactly the kind of thing his readers like.

            Alex
            """),
        M("kenji", "2026-10-14 10:20", """\
            Please do!! I've been reading that newsletter for years.
            """, sig=False),
        people=("kenji",))
    box.thread(
        "Raising in January + a favor",
        M("kenji", "2026-11-04 16:40", """\
            Hi Alex,

            Now that the launch is behind us: we're going to raise a seed round in January. Aiming for $1.5M,
            mostly from angels, maybe one small fund. It'll be my first raise (my co-founder did one before, at
            his last company).

            Two asks, if you're open to them:
            1) Angels who understand developer tools and won't ask us what our "AI strategy" is in the first
            five minutes.
            2) Someone who can help me build a financial model that survives a real investor's questions.
            Mine currently has a tab called "vibes."

            No worries if not. You've already helped a ton.

            Kenji
            """),
        M("alex", "2026-11-05 08:05", """\
            Both doable, and I'm glad you're starting in November, not in January.

            Let me think about who fits best for each and come back to you. And please rename the vibes tab
            before anyone else sees it.

            Alex
            """),
        people=("kenji",))
    box.thread(
        "mentoring capacity",
        M("ben", "2026-09-30 08:15", """\
            Morning Alex,

            The Startup Oregon fall cohort kicked off last week and I took on two founders. Honestly, I have
            room for one or two more first-time founders, outside the program too.

            I'm most useful for the firsts: first board meeting, first big customer contract, first time
            you have to let someone go. The things I learned the hard way in 22 years at Columbia Freight.
            If you meet anyone like that, send them my way. No fee, I just ask for good coffee and honesty.

            How's Kenji doing? He says nice things about you.

            Ben
            """),
        M("alex", "2026-09-30 09:40", """\
            Ben, that's generous, thank you. I'll keep an eye out.

            Kenji's doing well. The launch is October 14 and the homepage copy is much sharper than it
            was. He listens, which helps.

            Alex
            """),
        people=("ben",))


def referrals_and_requests(box: Mailbox) -> None:
    box.thread(
        "FW: looking for a growth consultant",
        M("olivia", "2026-08-27 08:52", """\
            Alex –

            Passing this along. Yusuf Demir runs Bramble Analytics (product analytics for mid-size
            manufacturers). He asked Chris and me whether we knew someone who could help fix their outbound.
            Chris sits on both our boards, and we both said your name at the same time, which I think means
            something. Hope it's OK that I'm forwarding his note directly.

            Olivia

            ________________________________
            From: Yusuf Demir <yusuf@brambleanalytics.example>
            Sent: Wednesday, August 26, 2026 4:12 PM
            To: Olivia Brennan <obrennan@northwindledger.example>; Chris Donnelly <chris@donnellyventures.example>
            Subject: looking for a growth consultant

            Hi both,

            Hoping you can point me somewhere. We're at $2.1M ARR with two AEs, and outbound has basically
            stopped working since spring: reply rates under 1%, and the meetings we do get are with people who
            can't buy. I don't want an agency that sends 10,000 emails on our behalf. I want someone who
            will look at who we sell to and tell us what we're doing wrong.

            Anyone you'd trust?

            Thanks,
            Yusuf
            """, to=("alex",), cc=("chris",), sig=False),
        M("alex", "2026-08-27 10:05", """\
            Olivia, Chris, thank you both. That's very generous of you, and yes, of course it's OK.

            I'll reach out to Yusuf directly today.

            Alex
            """),
        people=("olivia",), cc=("chris",))
    box.thread(
        "Olivia Brennan suggested I get in touch",
        M("alex", "2026-08-28 09:00", """\
            Hi Yusuf,

            Olivia Brennan forwarded me your note about outbound (Chris Donnelly, too). I help small B2B
            companies figure out who they should actually be selling to and how, and "reply rates under 1%,
            meetings with people who can't buy" is a problem I've seen many times. It's almost never the
            email copy.

            Would you have 30 minutes next week? I'd want to look at your last 20 closed-won deals before we
            talk, if you can share them.

            Best,
            Alex
            """),
        M("yusuf", "2026-08-28 11:34", """\
            Hi Alex, thanks for reaching out so quickly. Olivia speaks very highly of you.

            Tuesday or Wednesday afternoon work. I'll ask our ops person to export the closed-won list, it
            should be with you Monday.

            Yusuf
            """),
        M("alex", "2026-08-28 12:01", """\
            Wednesday at 3 then. Talk soon.

            Alex
            """),
        people=("yusuf",))
    box.thread(
        "six weeks in",
        M("yusuf", "2026-10-23 17:05", """\
            Alex, quick update because I think you'll enjoy it. Six weeks after we narrowed outbound to plant
            managers at 200-800 employee manufacturers (and stopped emailing "VP of Innovation" titles):
            reply rate 6.4%, 19 meetings, 5 in pipeline, 1 closed. The AEs are happier too.

            I owe Olivia a very nice dinner. And you a renewal, which I'll sign next week.

            Yusuf
            """),
        people=("yusuf",))
    box.thread(
        "News",
        M("olivia", "2026-09-17 12:30", """\
            Hi Alex,

            Wanted you to hear it from me before ProLink tells you: I've been promoted to Chief Marketing
            Officer, effective October 1. Marketing, sales development and customer marketing all report to
            me now. Terrifying and exciting in roughly equal parts.

            Thank you for all the Friday-afternoon sanity checks over the past two years. They counted.

            Olivia
            """, sig="Olivia Brennan\nChief Marketing Officer (from Oct 1) | Northwind Ledger\n+1 503 555 0148"),
        M("alex", "2026-09-17 13:05", """\
            Olivia, that's wonderful news and so well deserved. Northwind is lucky to have you.

            The Friday sanity checks will continue, now with a CMO surcharge (coffee, on you).

            Alex
            """),
        people=("olivia",))
    box.thread(
        "hiring a content lead - anyone?",
        M("olivia", "2026-11-19 15:48", """\
            Alex, one more for your network: I'm hiring a content marketing lead. Senior IC, someone who can
            write for CFOs without sounding like a CFO. Hybrid, Portland. If you know anyone good, I'd
            rather hear from you than from a recruiter.

            Thanks!
            O.
            """, sig="Olivia Brennan\nChief Marketing Officer | Northwind Ledger\n+1 503 555 0148", seen=False),
        people=("olivia",))

    box.thread(
        "Caterer recommendation for an 80-person event?",
        M("nadia", "2026-10-07 11:15", """\
            Hi Alex,

            I hope you're well. Our CEO asked me to find a local caterer for our member appreciation day on
            Saturday, December 12. About 80 people, lunch plus afternoon snacks, in the community room at
            our Gateway branch. Our usual vendor closed in the spring.

            We'd love a locally owned business, ideally one that banks with us or might. Budget is around
            $35-40 per person. Do you have any recommendations? You seem to know every good small business
            in town.

            Many thanks,
            Nadia
            """),
        M("alex", "2026-10-07 14:20", """\
            Hi Nadia,

            Happy to help. Let me think about who would fit best for that size and date. December books up
            fast, so I'll come back to you this week or next.

            Alex
            """),
        people=("nadia",))
    appreciation = ics("hpcu-member-day-2026@harborpinecu.example", "Harbor & Pine Member Appreciation Day",
                       "2026-12-12", "2026-12-13", all_day=True, organizer=("Nadia Haddad", PEOPLE["nadia"].email),
                       attendees=[("Alex Morgan", OWNER)],
                       location="Harbor & Pine Credit Union, Gateway Branch Community Room, Portland, OR",
                       description="Our annual thank-you to members and community partners. Drop in any "
                                   "time; lunch from noon.",
                       stamp="20261106T190200Z")
    box.thread(
        "Harbor & Pine Member Appreciation Day",
        M("nadia", "2026-11-06 11:02", """\
            Hi Alex,

            You're invited to our Member Appreciation Day on Saturday, December 12, at the Gateway branch. It's
            a drop-in day, lunch from noon. We'd love to have you there as one of our community partners.

            P.S. Still looking for a caterer, if anyone came to mind!

            Nadia
            """, ics=appreciation, ics_style="alternative",
          html="<html><body><p>Hi Alex,</p><p>You're invited to our <b>Member Appreciation Day</b> on "
               "Saturday, December 12, at the Gateway branch. It's a drop-in day, lunch from noon. We'd love "
               "to have you there as one of our community partners.</p><p>P.S. Still looking for a caterer, "
               "if anyone came to mind!</p><p>Nadia</p><p>Nadia Haddad<br>Chief of Staff, Office of the "
               "CEO<br>Harbor &amp; Pine Credit Union<br>P 503-555-0171</p></body></html>"),
        people=("nadia",))

    box.thread(
        "Good to meet you at the Eastside lunch",
        M("marcus", "2026-09-03 15:40", """\
            Alex,

            Good to meet you at the Eastside Business Network lunch. Enjoyed your take on pricing, I'm
            going to use the "nobody reads the third tier" line on my landlords.

            As promised, here's the space I mentioned in case anyone you work with is looking: I just got
            the exclusive on 6,200 sq ft of warehouse in NW Industrial. Dock-high loading, two grade doors,
            18' clear, small office up front, available January 1. Landlord prefers 3-5 years but is
            flexible for the right tenant. Good fit for a distributor or an e-commerce company that's
            outgrown the garage.

            Marcus Thompson
            Principal Broker | Thompson Commercial Realty
            (503) 555-0186 cell
            """, client="gmail", sig=False),
        M("alex", "2026-09-03 16:25", """\
            Good to meet you too, Marcus. Thanks for the details; I'll keep it in mind and send anyone
            relevant your way.

            Alex
            """),
        people=("marcus",))
    box.thread(
        "NW Industrial space - price drop",
        M("marcus", "2026-11-11 12:14", """\
            Quick update on the NW Industrial warehouse. Landlord dropped the ask to $0.95/sf NNN and will do
            a 3 year term now. Still available Jan 1. If you know anyone, now's the time
            """),
        people=("marcus",))

    box.thread(
        "Following up from the Growth meetup",
        M("ahmed", "2026-09-18 10:30", """\
            Hi Alex,

            We spoke briefly after the PDX B2B Growth meetup on Wednesday (I asked the question about
            discounting to close quarter-end deals; sorry about the rant).

            Some context on me: I spent the last 6 years at Freightwise, first as the second sales hire and
            later running sales (0 to $11M ARR, mostly mid-size carriers and 3PLs). We were acquired in June
            and my role went away with the integration. I'm now looking for my next head of sales role,
            ideally at a logistics or supply-chain software company between seed and Series B, where I'd
            still be closing deals myself.

            I'm not asking for anything specific, but if you hear of anything that fits, I'd be grateful.

            Best regards,
            Ahmed
            """),
        M("alex", "2026-09-18 14:02", """\
            Hi Ahmed, I remember, and it wasn't a rant, it was the best question of the night.

            That's a very clear profile, thanks. I'll keep my ears open.

            Alex
            """),
        M("ahmed", "2026-09-18 14:30", """\
            Thank you, much appreciated. I'm in Portland most weeks (family in Seattle), happy to meet for
            coffee any time.
            """),
        people=("ahmed",))


def abroad(box: Mailbox) -> None:
    box.thread(
        "Introduction - Maison Vautrin in Portland",
        M("sophie", "2026-09-09 17:20", """\
            Dear Alex,

            Jonas Krüger (KühlSens) gave me your name. We met at the Ambiente fair in Frankfurt and he said
            you were very kind and very direct, which is the combination I need.

            I am the export director of Maison Vautrin, a family company in Lyon. We make enamelled cast-iron
            cookware since 1911. We have sold in the US through one importer for ten years, and in 2027 we
            will open our own US subsidiary in Portland, with a showroom and a small warehouse for
            restaurants and independent kitchen stores (our best customers are on the West Coast).

            I am looking for two things:
            - warehouse space in Portland, around 5,000 to 6,500 sq ft, with a loading dock, from January
            - advice on how to sell to restaurant groups directly, without the importer

            I will be in Portland in the week of October 5. Could we meet?

            Kind regards,
            Sophie
            """),
        M("alex", "2026-09-09 19:05", """\
            Dear Sophie,

            Thank you for writing, and please thank Jonas for me. Yes, let's meet the week of October 5.
            Tuesday the 6th or Wednesday the 7th, any time after 10?

            Selling to restaurant groups directly is very doable; Portland is a small town for restaurants
            and everyone knows everyone. On the warehouse, I know a few people and will ask around.

            Best,
            Alex
            """),
        M("sophie", "2026-09-10 08:40", """\
            Wednesday 7th at 10h30 is perfect. I will stay in the Pearl District.

            Merci beaucoup,
            Sophie
            """),
        people=("sophie",))
    box.thread(
        "A small personal question",
        M("sophie", "2026-10-14 21:45", """\
            Dear Alex,

            Thank you again for the meeting last week, and for the dinner recommendation. The chef came to
            our table when he heard we make cookware, and now we have our first restaurant customer!

            A more personal question, if I may: my husband and I have decided to move with the children to
            Portland in January, for at least two years. We know nobody. We will need a dentist for the
            family (the children are 7 and 10), a pediatrician, and ideally a neighborhood with a good
            public school where people walk. Do you have recommendations? I am sorry to ask such things
            to a business contact.

            Bien à vous,
            Sophie
            """),
        M("alex", "2026-10-15 08:20", """\
            Sophie, that's wonderful news, and not at all a strange question. Moving with kids is mostly
            about finding the right people.

            Neighborhoods: look at Sellwood and Hawthorne on the east side. Walkable, good schools, and
            the parents are friendly. Let me think about the dentist and pediatrician, I want to give you
            names I trust rather than the first ones that come to mind.

            Alex
            """),
        M("sophie", "2026-10-15 18:02", """\
            Merci mille fois. We will look at Sellwood and Hawthorne in November when we come to find an
            apartment.
            """),
        people=("sophie",))

    box.thread(
        "KühlSens pilots in the Pacific Northwest",
        M("jonas", "2026-08-24 16:30", """\
            Dear Alex,

            Thank you again for your time on the market-entry call last Thursday. Your comments about US
            buyers wanting "a pilot first, a contract later" were very helpful, and my co-founder now
            quotes you.

            As discussed: KühlSens makes wireless temperature and humidity sensors for cold storage, with
            a 10-year battery and calibration certificates that German food inspectors actually accept.
            We have 60 customers in Germany and Austria. For the US, we are looking for one or two pilot
            sites in the Pacific Northwest: a cold-storage warehouse or a logistics company with
            refrigerated space, that would test 50-100 sensors for three months. We pay for everything.

            If you know anyone who runs refrigerated warehouses, or software companies that work with them,
            an introduction would mean a lot to us.
            """),
        M("alex", "2026-08-24 18:12", """\
            Dear Jonas,

            Thanks for the clear summary. That's a very reasonable pilot offer, and "we pay for everything"
            removes most of the friction.

            I'll think about who could be a good fit. Cold storage is a small world here, so a warm
            introduction will matter.

            Best,
            Alex
            """),
        M("jonas", "2026-08-25 09:03", """\
            Many thanks, Alex. We are in no hurry, the right partner is more important than a fast one.
            """),
        people=("jonas",))
    jonas_coffee = ics("morgan-20261208-kruger@mail.morgan-advisory.example", "Coffee: Jonas Krüger / Alex Morgan",
                       "2026-12-08 09:00", "2026-12-08 10:00", organizer=("Alex Morgan", OWNER),
                       attendees=[("Jonas Krüger", PEOPLE["jonas"].email)],
                       location="Little Wren Cafe, NE Alberta St, Portland", stamp="20261028T163000Z")
    box.thread(
        "Portland, 7-10 December",
        M("jonas", "2026-10-28 10:15", """\
            Dear Alex,

            Good news: I will be in Portland from 7 to 10 December, together with our head of sales, for
            customer meetings in Seattle and Portland. Would you have time for a coffee on the 8th or the 9th?
            I would also be happy to meet anyone you think we should talk to (see my email from August
            about pilot sites).
            """),
        M("alex", "2026-10-28 09:30", """\
            Dear Jonas,

            Great! Tuesday the 8th at 9am works. I've sent a calendar invitation. Little Wren on Alberta
            St does the best coffee in the neighborhood.

            Alex
            """, ics=jonas_coffee),
        people=("jonas",))

    box.thread(
        "Great to meet you last night",
        M("luis", "2026-09-25 08:40", """\
            Alex,

            Great to meet you at last night's panel. Your point about startups treating hospital procurement
            as a sales problem when it's really a risk problem has been rattling around my head all
            morning.

            As I mentioned: I run strategic partnerships and the innovation program at Cascade Health
            System (9 hospitals, about 60 clinics across Oregon and SW Washington). We run pilots with
            early-stage companies twice a year: devices, digital health, supply chain. The best ones come
            through referrals, not cold applications. So if you come across device or digital health
            startups that could pilot with us, please send them my way.

            Best,
            Luis
            """),
        M("alex", "2026-09-25 10:15", """\
            Luis, great to meet you too, and thanks for the kind words.

            Noted. I'll send good ones your way. Good luck with the fall cohort.

            Alex
            """),
        people=("luis",))
    box.thread(
        "Cascade Health Innovation Day - January 13",
        M("luis", "2026-11-02 14:05", """\
            Alex,

            Save the date, and please forward to any founders who should be there:

            Cascade Health Innovation Day 2027
            When: Wednesday, January 13, 2027, 8:30 AM - 4:00 PM
            Where: Cascade Health Learning Center, 1800 NW Marshall St, Portland, OR
            What: 12 startups pitch to our clinical, supply-chain and IT leaders; 3 will be selected for a
            paid 6-month pilot.
            Applications: due Tuesday, December 15, at innovation.cascadehealth.example/apply

            We're especially looking for device companies with FDA clearance in hand this year.

            Luis
            """),
        M("alex", "2026-11-02 15:30", """\
            Thanks Luis, will do. I have at least one company in mind.

            Alex
            """),
        people=("luis",))


def neighborhood(box: Mailbox) -> None:
    box.thread(
        "Question about marketing",
        M("amara", "2026-09-22 12:40", """\
            Hello Alex,

            A patient of mine who is one of your clients suggested I write to you. I know you usually
            work with software companies, so please
            tell me if this is outside what you do.

            We have been growing slowly for a few years and mostly by word of mouth. Now we are accepting
            new patients again (Dr. Kwame Osei joined us in August, which doubled our hygiene capacity),
            and I realize I have no idea how to let people know without becoming one of those practices
            with billboards and whitening coupons.

            Would you have time for a short conversation? I would of course pay for your time.

            Regards,
            Amara
            """),
        M("alex", "2026-09-22 16:55", """\
            Hello Dr. Nwosu,

            Not outside at all. A dental practice is a B2C business with a B2B trick hidden inside it: the
            best new patients come through employers, schools and other practitioners. Happy to talk, no
            charge for a first conversation. Friday at 12:30?

            Best,
            Alex
            """),
        M("amara", "2026-09-22 18:05", """\
            Friday at 12:30 is good. Please come to the office, I will be between patients and we have
            a small conference room (and better coffee than you would expect from a dentist).

            Thank you,
            Amara
            """),
        people=("amara",))
    box.thread(
        "You're invited: 10 years of Hawthorne Family Dental",
        M("amara", "2026-11-03 09:10", """\
            Dear Alex,

            On November 14 it will be ten years since I opened Hawthorne Family Dental with two chairs and a
            borrowed X-ray machine. We are celebrating with patients, neighbors and friends at the
            office, Saturday Nov 14, 3-6pm. Food from Maíz y Sal, music, and a raffle for an electric
            toothbrush (the most dentist raffle prize possible).

            It would be lovely to see you there.

            Amara
            """),
        M("alex", "2026-11-03 12:30", """\
            Ten years! Congratulations, that's a real milestone. I'll be there, and I'm going to win that
            toothbrush.

            Alex
            """),
        people=("amara",))

    box.thread(
        "ALBERTA!!!",
        M("marisol", "2026-08-19 22:40", """\
            Alex we signed the lease on Alberta!!! Second Maíz y Sal is REAL. Keys Sept 1, opening mid
            November if the permits gods are kind

            Thank you for making me do the menu pricing math before I signed anything. The landlord's
            broker was so confused that I knew my numbers lol
            """),
        M("alex", "2026-08-20 07:45", """\
            MARISOL! Congratulations! That's wonderful.

            The permit gods will be kind. And the landlord's broker should be confused more often.

            Alex
            """),
        people=("marisol",))
    box.thread(
        "we won",
        M("marisol", "2026-10-16 08:05", """\
            we won!! Oregon Small Business Award, hospitality category. I cried on stage in front of 400
            people and my mom filmed the whole thing vertically. Thank you for nominating us, I didn't know
            it was you until they read the nomination letter
            """),
        M("alex", "2026-10-16 08:40", """\
            You deserved it! I'll watch the vertical video anytime.

            A
            """, sig=False, client="iphone"),
        people=("marisol",))
    box.thread(
        "Alberta opening Nov 20 + catering!",
        M("marisol", "2026-11-10 15:20", """\
            Hi Alex,

            Official: Maíz y Sal Alberta opens to the public Friday, November 20! Friends and family
            soft opening the Wednesday before, come hungry.

            Also, the new kitchen is big enough that we're finally doing catering properly: events from
            20 up to 150 people, tacos, tamales, the mole everybody asks about, staff to serve and clean up.
            We're doing the food for Dr. Nwosu's 10-year party this Saturday as a test run. If you hear of
            companies or organizations planning events, please send them to me!

            Marisol
            """, client="gmail",
          sig="Marisol Vega\nChef/Owner, Maíz y Sal\nmaizysal.example | 503 555 0163"),
        M("alex", "2026-11-10 16:02", """\
            Friday the 20th, I'll be there, and at the soft opening too.

            Catering, great news. I'll spread the word.

            Alex
            """),
        people=("marisol",))

    panel = ics("cwib-panel-20260924@columbiawib.example", "Panel: Growth on a Shoestring",
                "2026-09-24 17:30", "2026-09-24 19:30", organizer=("Rosa Delgado", PEOPLE["rosa"].email),
                attendees=[("Alex Morgan", OWNER)],
                location="Columbia Women in Business, 820 SW 2nd Ave, 4th floor, Portland, OR 97204",
                description="Panelists: Alex Morgan (Morgan Advisory), Luis Carrillo (Cascade Health), "
                            "Tamsin Reyes (Reyes Brand Studio). Moderator: Rosa Delgado.\n"
                            "Panelists please arrive by 5:00pm.",
                stamp="20260813T170000Z")
    box.thread(
        "Would you speak on our fall panel?",
        M("rosa", "2026-08-11 13:30", """\
            Hi Alex!

            I'm putting together our fall panel, "Growth on a Shoestring": how small companies find
            customers without big budgets. Thursday, September 24, 5:30 to 7:30pm at our offices, about
            80 people, mostly founders and small business owners. I'd love for you to be one of three
            panelists. You'd be joined by Luis Carrillo from Cascade Health and Tamsin Reyes from Reyes Brand
            Studio.

            No prep beyond a 20-minute call the week before. We pay in gratitude and very good snacks.

            Say yes?
            Rosa
            """),
        M("alex", "2026-08-12 08:10", """\
            Yes! I'd be honored. Thank you for thinking of me.

            Send me whatever details you have and I'll block the evening.

            Alex
            """),
        M("rosa", "2026-08-13 10:00", """\
            Yay! Calendar invite attached. Prep call info to follow.

            Rosa
            """, ics=panel),
        people=("rosa",))
    box.thread(
        "Thank you!!",
        M("rosa", "2026-09-25 11:20", """\
            Alex, thank you for last night. The feedback forms are glowing, and three people wrote "the
            growth guy" under "what was most useful." (Sorry Luis.)

            Let me know if I can ever return the favor.

            Rosa
            """),
        M("alex", "2026-09-25 12:05", """\
            It was a pleasure, Rosa. You run the best events in town. Happy to do it again anytime.

            Alex
            """),
        people=("rosa",))
    box.thread(
        "Founder Breakfast, Dec 10 - please share!",
        M("rosa", "2026-11-17 09:45", """\
            Hi friends,

            Our last Rose City Founder Breakfast of the year is coming up, and I'd love your help filling the
            room with founders who'd benefit:

            Rose City Founder Breakfast: "Planning 2027 without a crystal ball"
            Thursday, December 10, 2026, 7:30 - 9:00 AM
            The Foundry Room, 1120 SE Water Ave, Portland
            Free for founders, $15 for everyone else (breakfast included)
            RSVP: columbiawib.example/breakfast

            Please forward to anyone who'd enjoy it, especially first-time founders.

            Rosa
            """, to=("rosa",), cc=()),  # the list is on Bcc
        people=("rosa",))


# Reporters (Jordan: small business; Anika: health and medtech; Theo: PNW tech newsletter) and a
# PR consultant who pitches stories but is no reporter.


def press(box: Mailbox) -> None:
    box.thread(
        "Sourcing for a story on fractional executives",
        M("jordan", "2026-07-29 10:20", """\
            Hi Alex,

            Jordan Ellis here, I cover small business for the Portland Business Ledger. Rosa Delgado said
            you'd be a good person to talk to.

            I'm working on a piece about small B2B companies hiring fractional executives (CFOs, CMOs, heads
            of sales) instead of full-timers. Are you seeing more of that? Would you have 15 minutes this week
            to talk? On the record is ideal but background works too.

            Thanks,
            Jordan
            """),
        M("alex", "2026-07-29 11:45", """\
            Hi Jordan, happy to help. I'm seeing a lot of it, and some of it is working better than others.

            Thursday 2pm or Friday morning? On the record is fine.

            Alex
            """),
        M("jordan", "2026-07-29 12:03", """\
            Thursday at 2, I'll call your cell. Thanks!
            """),
        people=("jordan",))
    box.thread(
        "Lunch?",
        M("alex", "2026-10-22 10:00", """\
            Hi Jordan,

            I enjoyed the fractional execs piece. The quote from the roofing supply owner about "renting a
            grown-up" was the best line in the Ledger this summer.

            Lunch sometime? I'm curious what you're working on for the rest of the year, and I'm buying.

            Alex
            """),
        M("jordan", "2026-10-22 13:40", """\
            Ha, yes, he was a gift. Lunch would be great. Thursday 10/29? Anywhere near the office.
            """),
        M("alex", "2026-10-22 14:02", """\
            Thursday 10/29, 12:15 at Marrow & Rye on Washington? I'll book it.
            """, sig=False),
        people=("jordan",))
    box.thread(
        "thanks for lunch",
        M("jordan", "2026-10-30 09:12", """\
            Thanks again for lunch yesterday, and for the recommendation on the book.

            As promised, the kind of thing I'm always hunting for and never get enough of: local openings
            and expansions, anniversaries of businesses that have been around a while, small companies
            landing a big contract, founders doing something unusual. Basically, good news about Portland
            small businesses that the TV stations won't bother with. (Funding rounds go to Mateo on the tech
            desk, so those I can pass along but not write.)

            If you hear of anything, my inbox is open. Tips don't need to be polished.

            Jordan
            """),
        people=("jordan",))
    box.thread(
        "From the panel - health reporter here",
        M("anika", "2026-09-28 10:50", """\
            Hi Alex,

            I was in the audience at Thursday's Growth on a Shoestring panel (I was there for Luis, to be
            honest, but you were the one I took notes on).

            Introducing myself properly: I'm the health and science reporter at the Willamette Courier. I
            cover health systems, medical devices, biotech and digital health in Oregon. What I'm always
            looking for: Oregon device and health startups with a real story: an FDA milestone, a first
            hospital contract, a product that came out of a clinician's frustration. Founders usually don't
            know that their milestones are news.

            If you ever work with companies like that, I'd love a heads-up.

            Best,
            Anika
            """),
        M("alex", "2026-09-28 12:30", """\
            Hi Anika, thanks for the note, and for taking notes.

            Will do. I work with a few health-adjacent companies and you're right, they almost never think
            their milestones are news.

            Alex
            """),
        people=("anika",))
    box.thread(
        "Raised: send me your founders' news",
        M("theo", "2026-08-31 07:45", """\
            hi alex,

            theo from cascadia stack. we've never met properly but your name keeps coming up, which in this
            town means you know things.

            I run a section every monday called "Raised & Launched": pnw startup funding rounds and
            product launches, a few lines each. the best items come from tips, not press releases. if any of
            your founders are about to announce something, I'd love to know (embargoes respected, always).

            theo
            """),
        M("alex", "2026-08-31 09:10", """\
            Hi Theo, nice to meet you (sort of). Big fan of the newsletter, I read it every Monday.

            Happy to. I'll send things your way when founders are ready to share.

            Alex
            """),
        people=("theo",))
    box.thread(
        "Launch tip: Stackyard 1.0",
        M("alex", "2026-10-14 11:00", """\
            Hi Theo,

            A launch for Raised & Launched: Stackyard (Portland, cloud cost dashboards for small engineering
            teams) shipped 1.0 this morning. 212 signups by 9am. Kenji Watanabe (co-founder) is happy to
            talk: kenji@stackyard.example.

            Alex
            """),
        M("theo", "2026-10-14 13:15", """\
            great one, thanks. it'll lead Monday's launches section.
            """),
        people=("theo",))

    box.thread(
        "Story idea for your Growth Notes column",
        M("whitney", "2026-09-10 09:00", """\
            Hi Alex,

            I hope this finds you well! I'm a big fan of your Growth Notes column. Your piece on pricing
            pages was shared all over our office.

            I represent GreenLeaf Payroll, a fast-growing Portland payroll startup, and I think their CEO,
            Dana Whitfield, would make a fantastic subject for an upcoming column. Dana has a great story:
            she grew GreenLeaf from 0 to 400 customers without a single salesperson. She's available for
            interviews the week of September 21.

            Also, I noticed you know Jordan Ellis at the Business Ledger. Would you be open to making an
            introduction? I think Dana's story would be perfect for the Ledger as well.

            Warmly,
            Whitney
            """),
        M("whitney", "2026-09-24 08:30", """\
            Hi Alex, just floating this back to the top of your inbox! Dana's schedule is filling up,
            so let me know if you'd like to grab time with her.

            Whitney
            """, to=("alex",)),
        M("alex", "2026-09-24 12:40", """\
            Hi Whitney,

            Thanks for thinking of me. Growth Notes only covers my own client work, so it isn't a fit, and I
            don't make introductions to reporters on behalf of PR firms. Best of luck with the campaign.

            Alex
            """),
        people=("whitney",))


def forwards(box: Mailbox) -> None:
    box.thread(
        "Fwd: Startup Oregon Mentor Night - December 8",
        M("ben", "2026-11-13 07:50", """\
            Thought you might want to come to this. It's a good room, and you could bring a founder or two.
            I'll be there.

            Ben

            ---------- Forwarded message ---------
            From: Startup Oregon <programs@startuporegon.example>
            Date: Thu, Nov 12, 2026 at 3:00 PM
            Subject: Startup Oregon Mentor Night - December 8
            To: Ben Adeyemi <ben.adeyemi@mail.example>


            Hi Ben,

            Thank you for mentoring with Startup Oregon this year! Join us for our end-of-year Mentor Night:

            When: Tuesday, December 8, 2026, 6:00 - 8:30 PM
            Where: Startup Oregon Hub, 1455 NW Irving St, Portland
            Who: mentors, founders from the 2026 cohorts, and guests (mentors may bring up to two founders
            from outside the program)

            Light dinner and drinks provided. RSVP by December 1: startuporegon.example/mentor-night

            See you there,
            The Startup Oregon team
            """),
        M("alex", "2026-11-13 09:05", """\
            Thanks Ben, I'll be there. And I'll think about who to bring.

            Alex
            """),
        people=("ben",))

    pitch_night = EmailMessage(policy=policy.SMTP)
    pitch_night["From"] = _address("Rose City Angels", "events@rosecityangels.example")
    pitch_night["To"] = _address("Rose City Angels Members", "members@rosecityangels.example")
    pitch_night["Subject"] = "December Pitch Night - founder applications open"
    pitch_night["Date"] = format_datetime(when("2026-11-16 12:00"))
    pitch_night["Message-ID"] = "<pitch-night-dec-2026.members@rosecityangels.example>"
    pitch_night.set_content(reflow(textwrap.dedent("""\
        Dear members,

        Our December Pitch Night is on Tuesday, December 15, 2026, 5:30-8:30 PM, at Gardner Hall,
        1120 NW Couch St, Portland.

        Six seed-stage founders will present. Founder applications are open until December 1 at
        rosecityangels.example/apply. Members, please nominate companies you'd like to see: B2B
        software, hardware and health are all welcome. First-time founders strongly encouraged.

        Rose City Angels
        """), 72))
    box.thread(
        "Fwd: December Pitch Night - founder applications open",
        M("grace", "2026-11-18 08:10", """\
            Alex, forwarding the official note from RCA. Can you think of one or two founders who should
            apply? The December slots are still half empty, and I'd love to see someone from your world
            up there.
            """, sig="G", forward=pitch_night),
        people=("grace",))

    bounced = box.thread(
        "Checking in",
        M("alex", "2026-09-21 10:30", """\
            Hi Dev,

            It's been a while! I saw on ProLink that Quillfinch shipped the new scheduling product. Would
            love to hear how it's going. Coffee sometime this fall?

            Alex
            """),
        people=("dev",))
    bounce(box, bounced[0])


# ---------------------------------------------------------------------------------------------
# Automated mail: auto-replies, bounces, notifications, receipts


def bulk(box: Mailbox, *, sender: tuple[str, str], subject: str, at: str, text: str | None = None,
         html: str | None = None, headers: list[tuple[str, str]] = (), to: tuple[str, str] = ("", OWNER),
         envelope: str | None = None, seen: bool = True, zone: str = "pt", msgid: str | None = None,
         reply_to: tuple[str, str] | None = None) -> EmailMessage:
    date_ = when(at, zone)
    domain = sender[1].rsplit("@", 1)[1]
    msg = compose(sender=sender, to=[to], subject=subject, date=date_,
                  msgid=msgid or f"<{date_:%Y%m%d%H%M}.{_h(sender, subject, at)}@{domain}>",
                  text=textwrap.dedent(text).strip("\n") + "\n" if text else None, html=html,
                  headers=list(headers), received=True, envelope=envelope, reply_to=reply_to)
    box.add(INBOX, date_, msg, seen=seen)
    return msg


def out_of_office(box: Mailbox, original: _Built, person: Person, at: str, text: str) -> None:
    kind, box.kind = box.kind, "automated"
    bulk(box, sender=(person.name, person.email), to=("Alex Morgan", OWNER),
         subject=f"Automatic reply: {original.subject}", at=at, text=text,
         msgid=f"<{_h('ooo', original.msgid, n=10).upper()}PR{_h(at, n=12).upper()}@{person.domain}>",
         headers=[("In-Reply-To", original.msgid), ("References", original.msgid),
                  ("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
                  ("X-MS-Exchange-Inbox-Rules-Loop", person.email)])
    box.kind = kind


def bounce(box: Mailbox, original: _Built) -> None:
    """A multipart/report delivery-status notification, written out the way Postfix does."""
    arrival = original.date + timedelta(seconds=4)
    rcpt = original.to[0][1]
    boundary = f"{_h('dsn', original.msgid, n=12).upper()}.{int(arrival.timestamp())}/{MX}"
    headers = "\r\n".join(f"{k}: {v}" for k, v in [
        ("From", f"Alex Morgan <{OWNER}>"), ("To", f"{PEOPLE['dev'].name} <{rcpt}>"),
        ("Subject", original.subject), ("Date", format_datetime(original.date)), ("Message-ID", original.msgid)])
    raw = f"""Return-Path: <>
Delivered-To: {OWNER}
Received: by {MX} (Postfix) id {_h('dsnid', rcpt, n=11).upper()}; {format_datetime(arrival)}
Date: {format_datetime(arrival)}
From: MAILER-DAEMON@{MX} (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: {OWNER}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="{boundary}"
Content-Transfer-Encoding: 7bit
Message-Id: <{_h('dsnmid', rcpt, n=12)}.{int(arrival.timestamp())}@{MX}>

This is a MIME-encapsulated message.

--{boundary}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host {MX}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<{rcpt}>: host mx.quillfinch.example[203.0.113.25] said: 550 5.1.1
    <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox
    table (in reply to RCPT TO command)

--{boundary}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; {MX}
X-Postfix-Queue-ID: {_h('dsnid', rcpt, n=11).upper()}
X-Postfix-Sender: rfc822; {OWNER}
Arrival-Date: {format_datetime(original.date)}

Final-Recipient: rfc822; {rcpt}
Original-Recipient: rfc822;{rcpt}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.quillfinch.example
Diagnostic-Code: smtp; 550 5.1.1 <{rcpt}>: Recipient address rejected: User
    unknown in virtual mailbox table

--{boundary}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

{headers}

--{boundary}--
"""
    kind, box.kind = box.kind, "automated"
    box.add_raw(INBOX, arrival, raw.replace("\r\n", "\n").replace("\n", "\r\n").encode())
    box.kind = kind


def notifications(box: Mailbox) -> None:
    cal = ("Calendar", "calendar-notification@calendar.example")
    auto = [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")]
    bulk(box, sender=cal, subject="Reminder: Panel: Growth on a Shoestring @ Thu Sep 24, 2026 5:30pm - 7:30pm (PDT)",
         at="2026-09-24 15:30", headers=auto, text="""\
            Panel: Growth on a Shoestring
            Thursday Sep 24, 2026 ⋅ 5:30pm – 7:30pm (Pacific Time - Los Angeles)
            Columbia Women in Business, 820 SW 2nd Ave, 4th floor, Portland, OR 97204

            Organizer: Rosa Delgado

            You are receiving this reminder because you set a notification for this event.
            """)
    bulk(box, sender=cal, subject="Reminder: Coffee with Grace Liu @ Thu Oct 8, 2026 8am - 9am (PDT)",
         at="2026-10-07 20:00", headers=auto, text="""\
            Coffee with Grace Liu
            Thursday Oct 8, 2026 ⋅ 8:00 – 9:00am (Pacific Time - Los Angeles)
            Little Wren Cafe, NE Alberta St, Portland

            You are receiving this reminder because you set a notification for this event.
            """)
    bulk(box, sender=cal,
         subject="Accepted: Ridgeline Q4 growth review @ Thu Dec 3, 2026 10am - 11:30am (PST)",
         at="2026-11-12 15:02", headers=auto, text="""\
            Wei Zhang has accepted this invitation.

            Ridgeline Q4 growth review
            Thursday Dec 3, 2026 ⋅ 10:00 – 11:30am (Pacific Time - Los Angeles)
            """)
    bulk(box, sender=cal, subject="Daily agenda for Alex Morgan - Fri Nov 20, 2026", at="2026-11-20 05:00",
         headers=auto, seen=False, text="""\
            Your agenda for Friday, November 20, 2026

            9:00am - 10:00am   Bramble Analytics weekly (video)
            12:00pm - 1:00pm   Lunch (hold)
            6:00pm - 8:00pm    Maíz y Sal Alberta opening

            You are receiving this daily agenda because you turned it on in your calendar settings.
            """)

    videomeet = ("VideoMeet", "receipts@videomeet.example")
    for month, at in (("August", "2026-08-20 03:12"), ("September", "2026-09-20 03:09"),
                      ("October", "2026-10-20 03:15"), ("November", "2026-11-20 03:11")):
        bulk(box, sender=videomeet, subject=f"Your VideoMeet receipt [#{_h(month, n=8).upper()}]", at=at,
             headers=[("Auto-Submitted", "auto-generated"), ("Feedback-ID", "receipts:videomeet:ses"),
                      ("X-SES-Outgoing", "2026.11.20-54.240.0.1")], text=f"""\
                Receipt from VideoMeet
                Receipt #{_h(month, n=8).upper()}  ·  {month} 2026

                VideoMeet Pro (monthly)        $15.99
                Tax                             $0.00
                Total charged to Visa ··4821   $15.99

                Questions? Reply to this email or visit videomeet.example/billing.
                """)
    bulk(box, sender=("Registrar Billing", "billing@registrar.example"),
         subject="Renewal confirmation: morgan-advisory.example", at="2026-09-30 01:45",
         headers=[("Auto-Submitted", "auto-generated")], text="""\
            Hi Alex Morgan,

            Your domain morgan-advisory.example has been renewed for 1 year.

            New expiration date: October 2, 2027
            Amount: $18.00 (card ending 4821)

            Thank you for your business.
            """)
    bulk(box, sender=("Zippi Receipts", "noreply@zippi.example"), subject="Your Thursday afternoon trip with Zippi",
         at="2026-10-29 13:58", headers=[("Feedback-ID", "trip:zippi:sg"), ("X-SG-EID", "u3RfQxk2Pqo9" + "A" * 40)],
         html="""<html><body style="font-family:Helvetica,Arial,sans-serif">
<h2>Thanks for riding, Alex</h2>
<p>Thursday, October 29, 2026 &middot; 1:41 PM</p>
<table><tr><td>Trip fare</td><td>$14.20</td></tr><tr><td>Tip</td><td>$3.00</td></tr>
<tr><td><b>Total</b></td><td><b>$17.20</b></td></tr></table>
<p>SW Washington St &rarr; NE Alberta St</p>
<p style="color:#888">Zippi Rides &middot; this is an automated message &middot; <a href="https://zippi.example/help">Help</a></p>
</body></html>""")
    bulk(box, sender=("Bookhaven", "orders@bookhaven.example"), subject="Your Bookhaven order #BH-2210457",
         at="2026-10-09 09:20", headers=[("Auto-Submitted", "auto-generated")], text="""\
            Thanks for your order, Alex!

            Order #BH-2210457
            1 x The Cold Start Problem (hardcover)    $30.00
            Shipping                                   $0.00
            Total                                     $30.00

            We'll email you when it ships.
            """)
    bulk(box, sender=("Bookhaven Shipping", "shipping@bookhaven.example"),
         subject="Shipped: your Bookhaven order #BH-2210457", at="2026-10-10 14:05",
         headers=[("Auto-Submitted", "auto-generated"), ("X-SG-EID", "hY7tQm0Zc1" + "B" * 42)], text="""\
            Good news, your order is on its way.

            Carrier: Parcel Post Co.
            Tracking number: 9400 1000 0000 0000 0021 04
            Estimated delivery: Tuesday, October 13

            Track it: bookhaven.example/track/BH-2210457
            """)

    prolink = ("ProLink", "notifications@prolink.example")
    pl_headers = [("List-Unsubscribe", "<https://www.prolink.example/e/unsub?t=n8d2>"),
                  ("Feedback-ID", "notifications:prolink:pl"), ("X-ProLink-Class", "NOTIFICATION")]
    for at, subject, body in [
        ("2026-08-10 06:02", "You appeared in 14 searches this week", """\
            Alex, you appeared in 14 searches this week.
            Searchers came from: Software Development, Financial Services, Logistics.
            See who's looking: prolink.example/me/search-appearances
            """),
        ("2026-09-17 08:41", "Ahmed Siddiqui wants to connect", """\
            Ahmed Siddiqui
            Sales leader | 0 to $11M ARR in logistics SaaS | Open to work
            "Hi Alex, great to meet you at the meetup last night."
            Accept: prolink.example/invitations
            """),
        ("2026-10-01 07:15", "Congratulate Olivia Brennan on the new role", """\
            Olivia Brennan started a new position as Chief Marketing Officer at Northwind Ledger.
            Say congrats: prolink.example/feed/update/olivia-brennan-cmo
            """),
        ("2026-10-15 12:30", "Kenji Watanabe mentioned you in a post", """\
            Kenji Watanabe mentioned you: "Huge thanks to Alex Morgan for making us cut our feature list in
            half before launch. Stackyard 1.0 is live..."
            See the post: prolink.example/feed/update/stackyard-launch
            """),
        ("2026-11-12 19:05", "Marisol Vega shared a post", """\
            Marisol Vega: "Maíz y Sal Alberta opens Friday, November 20! Come hungry."
            142 reactions · 38 comments
            prolink.example/feed/update/maizysal-alberta
            """),
    ]:
        bulk(box, sender=prolink, subject=subject, at=at, headers=pl_headers, text=body)


# ---------------------------------------------------------------------------------------------
# Newsletters and mailing lists (weekly), one per sender, each with its own ESP fingerprints

LEDGER_ISSUES = [  # Fridays from July 17: (headline, one-line summary) x 3
    [("Port of Portland adds weekend hours at Terminal 6", "Shippers welcome the change; truckers less sure."),
     ("Inside the Central Eastside's quiet office comeback", "Vacancy fell two points since spring."),
     ("Startup spotlight: a Gresham company reinventing pallet racks", "Three employees, one patent, big ideas.")],
    [("Business filings up 9% in Multnomah County", "Sole proprietors drive the growth."),
     ("Restaurant owners weigh the cost of a second location", "Lenders want two years of numbers."),
     ("People on the move: new hires and promotions", "Plus: a law firm opens a medtech group.")],
    [("Hillsboro chip supplier to add 120 jobs", "Expansion follows new federal grants."),
     ("The summer slump that wasn't: retail sales up 4%", "Downtown foot traffic still lags."),
     ("Q&A: the woman behind Portland's busiest food cart pod", "On rent, permits and parking.")],
    [("Credit unions court small business borrowers", "Harbor & Pine and others lower SBA fees."),
     ("A bike shop's second act: repair subscriptions", "Members pay $19 a month."),
     ("Five takeaways from the Oregon jobs report", "Health care leads again.")],
    [("Lloyd District tower gets new owner", "Sale price undisclosed; lenders relieved."),
     ("Tariffs hit local furniture makers", "Some move sourcing back to Oregon hardwoods."),
     ("Made in Portland: the sock company that answers every email", "Customer service as marketing.")],
    [("Fractional executives: renting a grown-up", "More small firms hire part-time CFOs, CMOs and sales leads."),
     ("City council delays vote on business license fee", "Small business groups ask for tiered rates."),
     ("Why local breweries are canning for each other", "Shared canning lines cut costs by a third.")],
    [("Logistics hiring cools as warehouse vacancies edge up", "NW Industrial sees the most empty space."),
     ("Portland Tech Week returns Sept. 14-18", "Organizers expect 6,000 attendees."),
     ("State opens small business energy rebates", "Up to $25,000 for efficiency upgrades.")],
    [("Made in Portland: Tidewater Tea's café strategy", "Tea people are coffee people who read the label."),
     ("The return of the business lunch", "Reservations at downtown spots up 12%."),
     ("Mortgage rates ease; commercial lenders cautious", "Brokers see more sublease deals.")],
    [("Oregon Small Business Award finalists named", "Winners announced at the Oct. 15 gala."),
     ("Downtown retail vacancy hits three-year low", "Pop-ups fill ground-floor spaces."),
     ("How one HVAC company doubled its margin", "Maintenance plans, not installs.")],
    [("Tech Week recap: AI everywhere, deals nowhere?", "Founders report busy panels, few term sheets."),
     ("Holiday hiring outlook: retailers plan fewer seasonal staff", "Automation and thin margins."),
     ("A dentist, a baker and a bike mechanic walk into a co-op", "Shared marketing for Hawthorne shops.")],
    [("Forty Under 40 nominations close with a record 900 entries", "Honorees named in November."),
     ("Budget season: what the county's plan means for contractors", "Permit staffing gets a boost."),
     ("Cold storage construction boom reaches Portland", "Three new facilities planned near the airport.")],
    [("Hospital systems tighten vendor rules", "Startups face longer procurement cycles."),
     ("Food carts get a permanent home in Slabtown", "Lease terms favor small operators."),
     ("People on the move", "New leaders at three credit unions and a design firm.")],
    [("Small firms and the four-day week, one year later", "Most kept it."),
     ("Bridge closures to snarl freight this winter", "ODOT says plan ahead."),
     ("Q&A: a credit union chief on lending to food businesses", "Cautious, but open.")],
    [("Oregon Small Business Awards: the winners", "Hospitality, manufacturing, services and more."),
     ("The last-mile delivery startups fighting over Portland", "Two raised this fall."),
     ("Made in Portland: a family of knife sharpeners", "Third generation, first website.")],
    [("Commercial rents soften in inner Eastside", "Landlords offer longer free-rent periods."),
     ("Quarterly earnings roundup: Oregon public companies", "Mixed results; guidance cautious."),
     ("Oregon exports rise on machinery and food", "France and Germany lead European buyers.")],
    [("Election week: what business groups are watching", "Three ballot measures with big stakes."),
     ("Warehouse rents dip for the first time since 2019", "NW Industrial sees the most concessions."),
     ("Made in Portland: a ceramics studio that sells to restaurants", "One plate at a time.")],
    [("After the vote: what changes for small employers", "Paid leave rules take effect in July."),
     ("How local retailers plan to win Small Business Saturday", "Loyalty programs over discounts."),
     ("Small business confidence up slightly in November", "Hiring plans remain modest.")],
    [("The Ledger's 2026 Forty Under 40", "Meet this year's honorees."),
     ("Holiday markets return to Pioneer Square", "Vendor fees unchanged from last year."),
     ("What 2027 looks like for Portland startups", "Investors say 'efficiency' a lot.")],
    [("Thanksgiving week: what's open, what's closed", "Plus the Ledger's holiday schedule."),
     ("Restaurant openings slow, but not everywhere", "The Alberta Arts District bucks the trend."),
     ("Ask the Ledger: hiring your first salesperson", "Readers share what worked.")],
]

STACK_ITEMS = [  # Mondays from July 20: (section lead, two more items)
    ("Tinkerloom raises $3M seed for factory-floor scheduling", "Quietbit launches open-source log search",
     "Hiring: 14 PNW startups with open roles"),
    ("Salmonberry Health closes $6.5M Series A", "Fernway Goods hires its first VP of ops",
     "Event: PDX B2B Growth meetup returns Sept. 16"),
    ("Driftwood Data acquired by a Seattle analytics firm", "Tidepool launches a Slack bot for on-call",
     "The case for boring software in 2026"),
    ("Alder Robotics raises $12M for orchard pruning", "Launched: the Quietbit beta",
     "Reader mail: are pitch competitions worth it?"),
    ("Bramblebox launches B2B gift boxes with an API", "Portland Tech Week: what to actually attend",
     "Raised: two seed rounds under $1M"),
    ("Obsidian Loop raises $2.2M for warehouse robotics software", "Freightwise integration layoffs hit Portland",
     "Launched: a timesheet app that doesn't hate you"),
    ("Kelp & Co raises $1.8M for seaweed packaging", "Launched: Ledgerline for freelancers",
     "Hiring: the design roles roundup"),
    ("Longbow Labs raises $4M for rural broadband mapping", "Quietbit hits 10k GitHub stars",
     "Event: Cascadia B2B Growth Summit announced for January"),
    ("It's Tech Week: a slow week for rounds, a great one for launches", "Mossgrid launches solar permitting software",
     "Opinion: the seed extension is the new Series A"),
    ("Tech Week debrief: fewer parties, more customers", "Cedarline launches payroll for restaurants",
     "Hiring: 11 engineering roles"),
    ("Birchway raises $7M Series A for construction payments", "Launched: Trellis, a CRM for landscapers",
     "Reader mail: how to find a technical co-founder here"),
    ("Dockside AI raises $5M for port scheduling", "Tidepool adds PagerDuty import",
     "Hiring: the PM roles roundup"),
    ("Raised: Parcelcraft $900K pre-seed", "Launched: Mapleworks for school districts",
     "Opinion: please stop calling it a 'pivot'"),
    ("Launched: Stackyard 1.0, cloud cost dashboards for small teams", "Salmonberry Health opens Boise office",
     "Event: Oregon Small Business Awards recap"),
    ("Lumen Orthotics gets FDA clearance for its 3D-printed orthotics", "Raised: two med-device seed rounds",
     "Launched: a pager for restaurant kitchens"),
    ("Quiet week before the election", "Launched: Quietbit Cloud", "Three companies we're watching"),
    ("Portland's angel groups had a record year", "Raised: Alder Robotics extends to $15M",
     "Event: Startup Oregon Mentor Night, Dec. 8"),
    ("Kelp & Co signs its first grocery chain", "Launched: Ledgerline invoicing",
     "Event: Rose City Angels Pitch Night, Dec. 15"),
]

GROWTH_ESSAYS = [  # Tuesdays from September 1 (SaaS Growth Weekly, HTML-only)
    "The pricing page is a sales rep. Hire it like one.",
    "Why your first 10 customers are a terrible sample",
    "Outbound isn't dead. Your list is.",
    "Expansion revenue for teams without a customer success team",
    "The churn you can't see: silent downgrades",
    "Annual plans: when discounts pay for themselves",
    "What we learned from 400 B2B onboarding emails",
    "Founder-led sales has an expiry date",
    "Case studies that close deals (and the ones that don't)",
    "Free trials vs. freemium for products under $500/month",
    "Your board deck should start with the customer",
    "Planning 2027 with less data than you'd like",
]


def newsletters(box: Mailbox) -> None:
    ledger = ("Portland Business Ledger", "newsletters@pdxledger.example")
    for week, items in enumerate(LEDGER_ISSUES):
        day = date(2026, 7, 17) + timedelta(weeks=week)
        stamp = f"{day:%Y-%m-%d} 05:30"
        text = f"MORNING BRIEF · Friday Edition · {day:%B} {day.day}, {day.year}\n\n" + "\n\n".join(
            f"{h.upper()}\n{s}\nRead more: pdxledger.example/news/{day:%Y%m%d}-{i}" for i, (h, s) in enumerate(items)
        ) + ("\n\n--\nYou're receiving this because you subscribed to the Portland Business Ledger Morning "
             "Brief.\nUnsubscribe: pdxledger.example/unsubscribe · 1500 SW 1st Ave, Portland, OR")
        html = ("<html><body style=\"font-family:Georgia,serif;max-width:600px\">"
                f"<h1 style=\"font-size:20px\">Morning Brief <small>Friday Edition, {day:%B} {day.day}</small></h1>"
                + "".join(f"<h2 style=\"font-size:16px\"><a href=\"https://pdxledger.example/news/{day:%Y%m%d}-{i}"
                          f"\">{h}</a></h2><p>{s}</p>" for i, (h, s) in enumerate(items))
                + "<hr><p style=\"font-size:11px;color:#777\">You're receiving this because you subscribed. "
                  "<a href=\"https://pdxledger.example/unsubscribe\">Unsubscribe</a></p></body></html>")
        msg_text = text
        bulk(box, sender=ledger, subject=f"Morning Brief: {items[0][0]}", at=stamp, text=msg_text, html=html,
             envelope=f"bounces+{_h(day, n=6)}@em.pdxledger.example", seen=week < 18,
             headers=[("List-Id", "Morning Brief <morning-brief.pdxledger.example>"),
                      ("List-Unsubscribe", "<https://pdxledger.example/unsubscribe?u=am42>, "
                                           "<mailto:unsubscribe@pdxledger.example?subject=unsubscribe>"),
                      ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk"),
                      ("X-SG-EID", _h("sg", day, n=48)), ("X-Entity-ID", "pbl-news")])

    stack = ("Cascadia Stack", "issues@cascadiastack.example")
    for week, (lead, second, third) in enumerate(STACK_ITEMS):
        day = date(2026, 7, 20) + timedelta(weeks=week)
        text = (f"Cascadia Stack · {day:%B} {day.day}\nthe PNW tech newsletter, by theo marchetti\n\n"
                f"RAISED & LAUNCHED\n\n* {lead}\n* {second}\n\nALSO\n\n* {third}\n\n"
                "Got a tip? Reply to this email, it goes straight to Theo.\n\n"
                "Unsubscribe: cascadiastack.example/unsubscribe")
        html = (f"<html><body><h1>Cascadia Stack</h1><p><i>{day:%B} {day.day}</i></p><h2>Raised &amp; Launched</h2>"
                f"<ul><li><b>{lead}</b></li><li>{second}</li></ul><h2>Also</h2><ul><li>{third}</li></ul>"
                "<p>Got a tip? Reply to this email.</p>"
                "<p><a href=\"https://cascadiastack.example/unsubscribe\">Unsubscribe</a></p></body></html>")
        bulk(box, sender=stack, subject=f"Cascadia Stack: {lead}", at=f"{day:%Y-%m-%d} 06:00", text=text, html=html,
             reply_to=("Theo Marchetti", PEOPLE["theo"].email),
             envelope=f"bounce-{_h('cs', day, n=10)}@mg.cascadiastack.example",
             headers=[("List-Id", "<weekly.cascadiastack.example>"),
                      ("List-Unsubscribe", "<https://cascadiastack.example/unsubscribe?e=alex>"),
                      ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                      ("X-Mailgun-Tag", "weekly"), ("X-Mailgun-Sid", _h("mg", day, n=32)),
                      ("Feedback-ID", f"weekly-{day:%Y%m%d}:cascadiastack:mailgun")])

    growth = ("SaaS Growth Weekly", "hello@saasgrowthweekly.example")
    for week, essay in enumerate(GROWTH_ESSAYS):
        day = date(2026, 9, 1) + timedelta(weeks=week)
        cid = _h("mc", day, n=10)
        html = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{essay}</title></head>"
                "<body style=\"margin:0;background:#f4f4f4\"><table width=\"100%\"><tr><td align=\"center\">"
                "<table width=\"600\" style=\"background:#fff;padding:24px;font-family:Arial,sans-serif\">"
                f"<tr><td><p style=\"color:#999\">Issue #{212 + week} &middot; {day:%B} {day.day}, {day.year}</p>"
                f"<h1>{essay}</h1><p>This week's essay, plus three links we liked and one chart we can't stop "
                "thinking about.</p>"
                f"<p><a href=\"https://saasgrowthweekly.example/issues/{212 + week}\">Read the full issue</a></p>"
                "</td></tr><tr><td style=\"font-size:11px;color:#999\">You are receiving this email because you "
                "opted in at saasgrowthweekly.example. <a href=\"https://saasgrowthweekly.us5.list-manage.example/"
                "unsubscribe?u=7f3e&amp;id=22aa\">Unsubscribe</a></td></tr></table></td></tr></table>"
                f"<img src=\"https://saasgrowthweekly.us5.list-manage.example/track/open.php?u=7f3e&amp;id={cid}\" "
                "width=\"1\" height=\"1\"></body></html>")
        bulk(box, sender=growth, subject=f"#{212 + week}: {essay}", at=f"{day:%Y-%m-%d} 07:00", html=html, zone="et",
             envelope=f"bounce-mc.us5_7f3e.{cid}-alex=morgan-advisory.example@mail{week % 3 + 1}.mcsv.example",
             headers=[("List-Id", "7f3e0a1b2c3d4e5f6a7b8c9d0 list "
                                  "<7f3e0a1b2c3d4e5f6a7b8c9d0.saasgrowthweekly.example>"),
                      ("List-Unsubscribe", "<https://saasgrowthweekly.us5.list-manage.example/unsubscribe?u=7f3e>"),
                      ("X-Mailer", "MailChimp Mailer - **CID" + cid + "**"),
                      ("X-Campaign", f"mailchimp7f3e.{cid}"), ("X-campaignid", f"mailchimp7f3e.{cid}"),
                      ("X-MC-User", "7f3e0a1b2c3d4e5f6a7b8c9d0"), ("Precedence", "bulk"),
                      ("Feedback-ID", f"73283:73283-{cid}:us5:mailchimp")])

    sbdc = ("Oregon SBDC Network", "news@oregonsbdc.example")
    workshops = [
        ("August", "2026-08-05 08:00", "Aug 18: Cash flow basics for seasonal businesses (online)\n"
                                       "Aug 27: Selling to the State of Oregon (Salem)"),
        ("September", "2026-09-02 08:00", "Sep 15: QuickBooks clean-up clinic (online)\n"
                                          "Sep 23: Exporting 101 with the Oregon trade office (Portland)"),
        ("October", "2026-10-07 08:00", "Oct 20: Hiring your first employee (online)\n"
                                        "Oct 28: Small business cybersecurity (Beaverton)"),
        ("November", "2026-11-04 08:00", "Nov 17: Year-end tax moves (online)\n"
                                         "Dec 9: Pricing your services for 2027 (Portland, 9:00-11:30 AM)"),
    ]
    for month, at, lines in workshops:
        bulk(box, sender=sbdc, subject=f"SBDC News - {month} 2026: workshops and resources", at=at, text=f"""\
            Oregon SBDC Network · {month} 2026

            Upcoming workshops
            {lines.replace(chr(10), chr(10) + ' ' * 12)}

            Free one-on-one advising is available at all 20 centers. Book at oregonsbdc.example/advising.

            Oregon SBDC Network · You received this because you attended an SBDC workshop.
            Unsubscribe: oregonsbdc.example/u/alex
            """, headers=[("List-Unsubscribe", "<https://oregonsbdc.example/u/alex>"), ("Precedence", "bulk"),
                          ("X-Mailer", "Constant Contact Mailer"), ("X-Roving-Campaignid", _h(month, n=10))])


def meetup_list(box: Mailbox) -> None:
    """A Mailman-style group list: organizer announcements and members' posts, all via the list."""
    list_addr = "pdx-b2b-growth@lists.example"
    carmen = ("Carmen Ortiz", "carmen.ortiz@mail.example")
    posts = [
        (carmen, "2026-09-02 12:00", "September meetup: Outbound that doesn't suck (Wed Sep 16)", """\
            Hi all,

            We're back after the summer break!

            PDX B2B Growth: "Outbound that doesn't suck"
            Wednesday, September 16, 6:00-8:00 PM
            Eastside Works, 1030 SE Ash St, Portland (2nd floor, elevator at the back)

            Three short talks from people who send cold email for a living and still have friends, then
            Q&A and pizza. RSVP so we order enough: lists.example/pdx-b2b-growth/rsvp

            Carmen
            """),
        (carmen, "2026-09-17 09:30", "Slides from last night + thanks", """\
            Thanks to everyone who came last night: 74 people, a record! Slides are in the shared folder:
            lists.example/pdx-b2b-growth/files/2026-09

            And a special thanks to whoever asked the question about quarter-end discounting. We could
            have spent the whole evening on that one.

            Carmen
            """),
        (carmen, "2026-10-05 11:00", "October meetup: Pricing for services firms (Wed Oct 21)", """\
            Hi everyone,

            October's topic, by popular demand: pricing for services firms (agencies, consultants,
            fractional execs).

            When: Wednesday, October 21, 6:00-8:00 PM
            Where: Eastside Works, 1030 SE Ash St, Portland

            RSVP: lists.example/pdx-b2b-growth/rsvp

            Carmen
            """),
        (("Jamal Wright", "jamal@wrightsupply.example"), "2026-10-22 16:20", "CRM for a team of 4?", """\
            Hey folks, question after last night's chat. We're 4 sellers on spreadsheets and it's starting
            to hurt. HubSpot vs Pipedrive vs something else for a team that small? Budget is tight and
            nobody here wants to be the "CRM admin."

            Jamal
            """),
        (("Lena Fischer", "lena@fischerandfield.example"), "2026-10-22 18:05", "Re: CRM for a team of 4?", """\
            We moved from spreadsheets to Pipedrive at 3 sellers. Set up in a weekend, nobody had to become
            an admin. We'd outgrow it at maybe 15 people. The reporting is basic but honestly so are our
            questions.

            Lena
            """),
        (carmen, "2026-11-04 10:00", "November meetup: Founder-led sales panel (Wed Nov 18)", """\
            Hi all,

            November: a panel of four founders who still run sales themselves, about when to hand it off
            (and when not to).

            Wednesday, November 18, 6:00-8:00 PM, Eastside Works, 1030 SE Ash St.
            RSVP: lists.example/pdx-b2b-growth/rsvp

            Carmen
            """),
        (carmen, "2026-11-20 12:15", "December meetup: 2027 planning + pricing teardown night (Wed Dec 16)", """\
            Hi everyone,

            Last one of the year, and it's a special one:

            PDX B2B Growth Holiday Edition: 2027 planning + pricing teardown night
            When: Wednesday, December 16, 2026, 5:30-8:30 PM
            Where: Eastside Works, 1030 SE Ash St, Portland
            Bring your pricing page, we'll tear it apart (kindly) in small groups.
            Snacks and drinks provided; guests welcome.

            RSVP: lists.example/pdx-b2b-growth/rsvp

            Carmen
            """),
    ]
    first_ids: dict[str, str] = {}
    for sender, at, subject, body in posts:
        base = subject.removeprefix("Re: ")
        msgid = f"<{_h('list', subject, at, n=20)}@{sender[1].rsplit('@', 1)[1]}>"
        headers = [("Sender", "pdx-b2b-growth-bounces@lists.example"),
                   ("List-Id", "PDX B2B Growth meetup <pdx-b2b-growth.lists.example>"),
                   ("List-Unsubscribe", "<https://lists.example/mailman/options/pdx-b2b-growth>, "
                                        "<mailto:pdx-b2b-growth-request@lists.example?subject=unsubscribe>"),
                   ("List-Archive", "<https://lists.example/pipermail/pdx-b2b-growth/>"),
                   ("List-Post", f"<mailto:{list_addr}>"), ("Precedence", "list"),
                   ("X-BeenThere", list_addr), ("X-Mailman-Version", "2.1.39")]
        if base in first_ids and subject.startswith("Re: "):
            headers += [("In-Reply-To", first_ids[base]), ("References", first_ids[base])]
        first_ids.setdefault(base, msgid)
        bulk(box, sender=sender, to=("PDX B2B Growth", list_addr), subject=f"[pdx-b2b-growth] {subject}", at=at,
             text=textwrap.dedent(body) + "\n_______________________________________________\n"
                  f"pdx-b2b-growth mailing list\n{list_addr}\nhttps://lists.example/mailman/listinfo/pdx-b2b-growth",
             msgid=msgid, envelope="pdx-b2b-growth-bounces@lists.example", headers=headers,
             reply_to=("PDX B2B Growth", list_addr), seen=at < "2026-11-20")


def cold_pitches(box: Mailbox) -> None:
    """Strangers selling things. Alex never answers any of them."""
    brad = ("Brad Kessler", "brad.kessler@leadfountain.example")
    outreach = [("X-Mailer", "Outreach"), ("List-Unsubscribe", "<https://go.leadfountain.example/u/8c1d>")]
    first = bulk(box, sender=brad, subject="Quick question, Alex", at="2026-07-23 06:14", zone="et", headers=outreach,
                 text="""\
            Hi Alex,

            Quick question: who handles lead generation at Morgan Advisory?

            We help consultants like you book 15-20 qualified meetings a month with decision-makers,
            guaranteed. Clients like Northstar Partners saw a 3x increase in pipeline in 60 days.

            Worth a 15-minute chat next week?

            Best,
            Brad Kessler
            Senior Growth Partner, LeadFountain
            """)
    bulk(box, sender=brad, subject="Re: Quick question, Alex", at="2026-07-30 06:02", zone="et",
         headers=outreach + [("In-Reply-To", first["Message-ID"]), ("References", first["Message-ID"])], text="""\
            Hi Alex, just bumping this to the top of your inbox in case it got buried.

            Would it make sense to connect for 15 minutes this week?

            Brad
            """)
    bulk(box, sender=("Tiffany Cho", "tiffany@pipely.example"), subject="Alex <> Pipely", at="2026-08-18 10:45",
         headers=[("X-Mailer", "Apollo"), ("X-SG-EID", _h("pipely", n=48))], text="""\
            Hey Alex,

            Saw you're scaling Morgan Advisory. Congrats!

            Pipely's AI SDR writes and sends hyper-personalized outbound 24/7, so you can focus on closing.
            Teams your size typically replace 2 SDRs in the first month.

            Open to a quick demo? Here's my calendar: pipely.example/meet/tiffany

            Tiffany Cho | Account Executive | Pipely
            """)
    bulk(box, sender=("Ravi Kumar", "ravi@rankrise-seo.example"), subject="Re: your website", at="2026-09-15 03:20",
         zone="utc", text="""\
            Hello,

            I was checking your website morgan-advisory.example and noticed it is not ranking on the first
            page of search engines for many keywords. We can fix this with our proven SEO techniques and
            bring you more leads at very affordable price.

            Shall I send you a free audit report?

            Thanks & Regards,
            Ravi Kumar
            Digital Marketing Manager
            """)
    bulk(box, sender=("Jenna Marsh", "jenna@growthfoundersunfiltered.example"), subject="Podcast guest opportunity",
         at="2026-10-06 13:30", zone="et",
         headers=[("List-Unsubscribe", "<mailto:unsub@growthfoundersunfiltered.example>")],
         text="""\
            Hi Alex!

            I'm the booking producer for Growth Founders Unfiltered (top 2% podcast globally!). Our host
            loved your recent post and thinks you'd be a perfect fit for an upcoming episode.

            Guests invest in a small production package ($1,450) that includes the episode, clips for
            social and a feature in our newsletter to 40,000 founders.

            Can I send over some dates?

            Jenna
            """)
    bulk(box, sender=("Vikram Shah", "vikram@codecrafters-dev.example"),
         subject="quick question about Morgan Advisory's dev needs", at="2026-11-10 22:05", zone="utc", text="""\
            Hi Alex,

            Hope you are doing great. Do you or your clients need help with web or mobile development? We are
            a 120-person team of React, Node and Flutter developers, dedicated resources from $22/hour.

            Let me know a good time to connect this week.

            Regards,
            Vikram Shah
            Business Development, CodeCrafters
            """)


def announcements(box: Mailbox) -> None:
    bulk(box, sender=("Portland Tech Week", "hello@pdxtechweek.example"),
         subject="Portland Tech Week is Sept 14-18: 120 events, one week", at="2026-08-20 09:00",
         headers=[("List-Unsubscribe", "<https://pdxtechweek.us5.list-manage.example/unsubscribe>"),
                  ("X-Mailer", "MailChimp Mailer - **CIDa81f22c9**"), ("Precedence", "bulk"),
                  ("X-MC-User", "a81f22c9a81f22c9")], text="""\
            PORTLAND TECH WEEK 2026
            September 14-18, all over Portland

            120+ events: demo days, founder dinners, hiring fairs, and the Friday closing party at the
            waterfront.

            Full schedule and free registration: pdxtechweek.example/schedule

            See you there!
            The Portland Tech Week team
            """)
    bulk(box, sender=("Oregon Small Business Awards", "events@oregonsmallbiz.example"),
         subject="You're invited: Oregon Small Business Awards Gala, October 15", at="2026-09-08 10:00",
         headers=[("List-Unsubscribe", "<https://oregonsmallbiz.example/unsubscribe>"), ("Precedence", "bulk"),
                  ("X-SG-EID", _h("osba", n=48))],
         html="""<html><body style="font-family:Georgia,serif;text-align:center">
<h1>Oregon Small Business Awards Gala 2026</h1>
<p>Celebrate the finalists and winners in eight categories.</p>
<p><b>Thursday, October 15, 2026 &middot; 6:00 PM</b><br>
The Sentinel Ballroom, 614 SW 11th Ave, Portland</p>
<p><a href="https://oregonsmallbiz.example/gala/tickets">Get tickets</a> &middot; $95, tables of 8 available</p>
<p style="font-size:11px;color:#777">Oregon Small Business Awards &middot;
<a href="https://oregonsmallbiz.example/unsubscribe">Unsubscribe</a></p>
</body></html>""")
    bulk(box, sender=("Cascadia B2B Growth Summit", "events@cascadiab2bsummit.example"),
         subject="Early bird ends Nov 30: Cascadia B2B Growth Summit 2027", at="2026-10-27 08:30",
         headers=[("List-Unsubscribe", "<https://cascadiab2bsummit.example/unsubscribe?id=am>"),
                  ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk"),
                  ("X-HubSpot-Message-Id", _h("hs", n=24)), ("Feedback-ID", "summit27:hubspot")],
         html="""<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="font-family:Helvetica,Arial,sans-serif;max-width:640px;margin:auto">
<h1 style="color:#1b4965">Cascadia B2B Growth Summit 2027</h1>
<p>One day, 30 speakers, zero fluff: pipeline, pricing, retention and partnerships for B2B companies
between $1M and $50M in revenue.</p>
<p><b>When:</b> Thursday, January 21, 2027, 8:30 AM &ndash; 5:00 PM (Pacific)<br>
<b>Where:</b> Eastbank Conference Hall, 777 NE Martin Luther King Jr Blvd, Portland, OR</p>
<p>Early bird tickets are $249 until November 30 (then $399).</p>
<p><a href="https://cascadiab2bsummit.example/tickets" style="background:#1b4965;color:#fff;padding:10px 18px;
text-decoration:none">Get your ticket</a></p>
<p style="font-size:11px;color:#888">You're receiving this because you attended a past Cascadia event.
<a href="https://cascadiab2bsummit.example/unsubscribe?id=am">Unsubscribe</a></p>
</body></html>""")
    bulk(box, sender=("Willamette Community Fund", "gala@willamettefund.example"),
         subject="Join us for the Winter Gala, December 5", at="2026-11-03 11:00",
         headers=[("List-Unsubscribe", "<https://willamettefund.example/unsub>"), ("Precedence", "bulk"),
                  ("X-Mailer", "Constant Contact Mailer")],
         html="""<html><body style="font-family:Georgia,serif;background:#faf7f2">
<div style="max-width:560px;margin:auto;padding:24px;background:#fff">
<h1 style="font-weight:normal">The Winter Gala</h1>
<p>An evening in support of Willamette Valley small businesses and the people who start them.</p>
<p>Saturday, December 5, 2026<br>Reception 6:00 PM &middot; Dinner 7:00 PM<br>
The Atrium at Riverplace, 1510 SW Harbor Way, Portland</p>
<p>Cocktail attire. Tickets $175; sponsorships available.</p>
<p><a href="https://willamettefund.example/gala">RSVP by November 25</a></p>
</div></body></html>""")
    bulk(box, sender=("SaaS Growth Weekly Events", "webinars@saasgrowthweekly.example"),
         subject="Live webinar Dec 2: a pricing teardown for B2B services", at="2026-11-09 07:00", zone="et",
         headers=[("List-Unsubscribe", "<https://saasgrowthweekly.us5.list-manage.example/unsubscribe?u=7f3e>"),
                  ("X-Mailer", "MailChimp Mailer - **CID9d0e1f2a3b**"), ("X-MC-User", "7f3e0a1b2c3d4e5f6a7b8c9d0"),
                  ("Precedence", "bulk")],
         text="""\
            LIVE WEBINAR: Pricing for B2B services, a live teardown

            Wednesday, December 2, 2026
            11:00 AM Pacific / 2:00 PM Eastern (60 minutes)

            We'll tear down five real pricing pages submitted by readers, live, and rebuild one from
            scratch.

            Register (free): https://events.saasgrowthweekly.example/register/pricing-teardown

            Can't make it? Register anyway and we'll send the recording.
            """,
         html="""<html><body><h2>LIVE WEBINAR: Pricing for B2B services, a live teardown</h2>
<p><b>Wednesday, December 2, 2026</b><br>11:00 AM Pacific / 2:00 PM Eastern (60 minutes)</p>
<p>We'll tear down five real pricing pages submitted by readers, live, and rebuild one from scratch.</p>
<p><a href="https://events.saasgrowthweekly.example/register/pricing-teardown">Register (free)</a></p>
</body></html>""")


# ---------------------------------------------------------------------------------------------
# Malformed mail, as raw bytes: every reader has to survive these.

_RECEIVED = "Received: from {host} ({host} [203.0.113.{ip}]) by " + MX + " (Postfix) with ESMTP id {qid}\r\n\tfor <" \
    + OWNER + ">; {date}\r\n"


def _raw(headers: str, body: bytes | str = b"", *, host: str, at: str, ip: int) -> tuple[datetime, bytes]:
    date_ = when(at)
    top = f"Delivered-To: {OWNER}\r\n" + _RECEIVED.format(host=host, ip=ip, qid=_h(host, at, n=11).upper(),
                                                          date=format_datetime(date_))
    head = headers.replace("\n", "\r\n")
    data = top.encode() + (head.encode("latin-1") if isinstance(head, str) else head)
    if isinstance(body, str):
        body = body.replace("\n", "\r\n").encode("latin-1")
    return date_, data + body


MALFORMED = {  # what is wrong with each, by subject (the empty message has none)
    "Partnership for Italian kitchenware distribution": "no Date header",
    "Your November membership invoice": "base64 body with invalid characters and broken padding",
    "Reunión la próxima semana": "raw latin-1 bytes in From/Subject and body, no charset declared",
    "Workshop photos": "multipart cut off mid-attachment, closing boundary missing",
    "(empty file)": "zero bytes",
    "Calendar sync": "headers only: no blank line, no body",
}


def malformed(box: Mailbox) -> None:
    box.add_raw(INBOX, *_raw("""Return-Path: <marco@bellini-imports.example>
From: Marco Bellini <marco@bellini-imports.example>
To: alex@morgan-advisory.example
Subject: Partnership for Italian kitchenware distribution
Message-ID: <20261012.bellini.0042@bellini-imports.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

""", """Dear Mr. Morgan,

We are an Italian kitchenware producer looking for a consultant to help us find distributors
on the West Coast. Your name was given to us at a trade fair. Please let us know your rates.

Best regards,
Marco Bellini
Bellini Imports S.r.l.
""", host="smtp.bellini-imports.example", at="2026-10-12 02:14", ip=61))

    box.add_raw(INBOX, *_raw("""Return-Path: <frontdesk@foundrycowork.example>
From: Foundry Cowork <frontdesk@foundrycowork.example>
To: Alex Morgan <alex@morgan-advisory.example>
Subject: Your November membership invoice
Date: Sun, 01 Nov 2026 07:00:00 -0800
Message-ID: <inv-2026-11-0417@foundrycowork.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

""", """SGkgQWxleCwKCllvdXIgTm92ZW1iZXIgbWVtYmVyc2hpcCBpbnZvaWNlIChIb3QgZGVzaywgJDI5
NSkgaXMgcmVhZHkuIFBheW1lbnQgd2lsbCBiZSB0YWtlbiBvbiBOb3ZlbWJlciA1Lgo!!@@#$%^
dGhhbmtzLApGb3VuZHJ5IENvd29yayBmcm9udCBkZXNr=x=
QW5kIHRoZSByZXN0IGlzIGN1dCBvZmY
""", host="mail.foundrycowork.example", at="2026-11-01 07:00", ip=88))

    box.add_raw(INBOX, *_raw("""Return-Path: <jose@ferreteria-muller.example>
From: José Müller <jose@ferreteria-muller.example>
To: alex@morgan-advisory.example
Subject: Reunión la próxima semana
Date: Tue, 13 Oct 2026 10:05:00 -0700
Message-ID: <a81.6624.ferreteria@ferreteria-muller.example>
MIME-Version: 1.0
Content-Type: text/plain

""", """Hola Alex,

Soy José, de la Ferretería Müller en Woodburn. Mi hija me dio su correo. ¿Podríamos hablar
la próxima semana sobre cómo vender a los contratistas? Estoy libre el martes o miércoles.

Gracias,
José Müller
""", host="smtp.ferreteria-muller.example", at="2026-10-13 10:05", ip=17))

    box.add_raw(INBOX, *_raw("""Return-Path: <mike@cedarandsons.example>
From: Mike Cedar <mike@cedarandsons.example>
To: Alex Morgan <alex@morgan-advisory.example>
Subject: Workshop photos
Date: Fri, 21 Aug 2026 16:40:00 -0700
Message-ID: <CAMcedar0821.photos@cedarandsons.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="000000000000a1b2c3d4e5f6"

""", """--000000000000a1b2c3d4e5f6
Content-Type: text/plain; charset="UTF-8"

Alex, photos of the whiteboard from yesterday attached. The "good / better / best" one
is going on the office wall.

Mike

--000000000000a1b2c3d4e5f6
Content-Type: image/jpeg; name="whiteboard.jpg"
Content-Disposition: attachment; filename="whiteboard.jpg"
Content-Transfer-Encoding: base64

/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a
HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIy
MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAQABADASIA
""", host="mail-out.cedarandsons.example", at="2026-08-21 16:40", ip=140))

    box.add_raw(INBOX, when("2026-10-03 04:12"), b"")

    box.add_raw(INBOX, *_raw("""Return-Path: <sync@calendar.example>
From: Calendar <sync@calendar.example>
To: alex@morgan-advisory.example
Subject: Calendar sync
Date: Sat, 17 Oct 2026 03:00:00 -0700
Message-ID: <sync-20261017@calendar.example>""", host="calendar.example", at="2026-10-17 03:00", ip=9))


def build(box: Mailbox) -> None:
    steps = [("personal", (old_friends, medtech_and_ip, ridgeline, investors_and_finance, founders_and_builders,
                           referrals_and_requests, abroad, neighborhood, press, forwards)),
             ("automated", (notifications,)), ("newsletter", (newsletters,)), ("mailing list", (meetup_list,)),
             ("cold pitch", (cold_pitches,)), ("announcement", (announcements,)), ("malformed", (malformed,))]
    for kind, writers in steps:
        box.kind = kind
        for write in writers:
            write(box)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT,
                        help="directory to write Maildir/ into (default: assistant/sample)")
    args = parser.parse_args(argv)
    box = Mailbox(PEOPLE)
    build(box)
    box.write(args.out)
    inbox = sum(e.folder == INBOX for e in box.entries)
    print(f"wrote {len(box.entries)} messages ({inbox} inbox, {len(box.entries) - inbox} sent) "
          f"to {args.out / 'Maildir'}")
    kinds: dict[tuple[str, str], int] = {}
    for e in box.entries:
        kinds[(e.folder, e.kind)] = kinds.get((e.folder, e.kind), 0) + 1
    for (folder, kind), n in sorted(kinds.items()):
        print(f"  {folder:5} {kind:12} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
