"""MIME builders for the benchmark mailbox: one function per kind of message (see mailgen.py)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, formataddr
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.mailgen import MailboxGenerator

OWNER_NAME, OWNER_EMAIL = "Alex Morgan", "alex@morgan-advisory.example"
OWNER_ALIASES = ("alex.morgan@mail.example",)
OWNER = formataddr((OWNER_NAME, OWNER_EMAIL))
TOPICS = ("Q3 roadmap", "intro: {p}", "coffee next week?", "board deck feedback", "hiring a data lead",
          "pilot with {o}", "conference panel", "contract redlines", "pricing question", "trip to Lisbon",
          "quick question", "follow-up from yesterday", "workshop agenda", "investor update", "draft proposal",
          "budget for next year", "catching up", "speaker slot", "office move", "customer interviews")
NEWSLETTERS = ("The Morning Brief", "Product Weekly", "Founders Digest", "Data Elixir", "City Events",
               "Climate Tech Notes", "Design Matters", "Investor Letter", "Startup Jobs", "Book Club",
               "Hacker Roundup", "Health Insights", "Remote Work Weekly", "Marketing Memo", "AI Dispatch",
               "Local Council News", "Alumni Update", "Conference Alerts", "Travel Deals", "Security Digest")
SERVICES = (("GitHub", "notifications@github.example"), ("Bank of Nowhere", "alerts@bank.example"),
            ("ShopMart", "orders@shopmart.example"), ("ParcelGo", "tracking@parcelgo.example"),
            ("CloudHost", "billing@cloudhost.example"), ("Calendar", "calendar-noreply@cal.example"),
            ("AirLine", "no-reply@airline.example"), ("Ride", "receipts@ride.example"),
            ("Docs", "comments-noreply@docs.example"), ("Linked", "messages-noreply@linked.example"),
            ("Tax Office", "noreply@tax.example"), ("Payroll", "payroll@payroll.example"))
ATTACHMENTS = (("application/pdf", "Proposal_v{n}.pdf"), ("image/jpeg", "IMG_{n}.jpg"),
               ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Budget_{n}.xlsx"),
               ("image/png", "screenshot-{n}.png"), ("application/pdf", "Invoice-{n}.pdf"))
MX = "mail.morgan-advisory.example"
MAX_QUOTE = 5000  # characters of the previous message quoted in a reply


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    header: str  # From/To value, RFC 2047-encoded when the name is not ASCII
    signature: str


@dataclass
class Thread:
    person: Person
    subject: str
    ids: list[str]
    last_text: str
    last_from: Person | None  # None: the owner wrote last
    last_when: datetime
    replied: int = 0


def quoted_printable(text: str) -> str:
    return binascii.b2a_qp(text.encode("utf-8"), istext=True).decode("ascii")


def date_header(when: datetime) -> str:
    return format_datetime(when)


# -- building blocks -------------------------------------------------------------------------
def headers(g: MailboxGenerator, when: datetime, sender: Person, to: list[Person], subject: str, mid: str,
            *, sent: bool, extra: tuple[str, ...] = (), content_type: str = "") -> list[str]:
    domain = sender.email.rsplit("@", 1)[1]
    lines = []
    if not sent:  # delivery headers a real inbox message carries
        r = g.rng
        stamp = date_header(when + timedelta(seconds=r.randint(1, 40)))
        ip = f"203.0.113.{r.randrange(1, 254)}"
        lines += [f"Return-Path: <{sender.email}>", f"Delivered-To: {OWNER_EMAIL}",
                  f"Received: from mx.{domain} (mx.{domain} [{ip}])\n\tby {MX} (Postfix) with ESMTPS id "
                  f"{r.getrandbits(40):010X}\n\tfor <{OWNER_EMAIL}>; {stamp}",
                  f"Received: by mx.{domain} with SMTP id {r.getrandbits(64):016x};\n\t{date_header(when)}",
                  "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=s2024;\n\t"
                  "h=from:to:subject:date:message-id:mime-version; bh="
                  + base64.b64encode(r.randbytes(32)).decode() + ";\n\tb=" + _fold(r.randbytes(256)),
                  f"Authentication-Results: {MX};\n\tdkim=pass header.d={domain};\n\tspf=pass "
                  f"smtp.mailfrom={sender.email};\n\tdmarc=pass header.from={domain}"]
    lines += [f"From: {sender.header}", f"To: {', '.join(p.header for p in to)}", f"Subject: {subject}",
              f"Date: {date_header(when)}", f"Message-ID: {mid}", "MIME-Version: 1.0", *extra]
    if content_type:
        lines.append(content_type)
    return lines


def _fold(data: bytes) -> str:
    text = base64.b64encode(data).decode()
    return "\n\t".join(text[i:i + 70] for i in range(0, len(text), 70))


def text_part(text: str, subtype: str = "plain", qp: bool = True) -> str:
    if qp:
        return (f"Content-Type: text/{subtype}; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quoted_printable(text))
    return f"Content-Type: text/{subtype}; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n\n{text}"


def multipart(g: MailboxGenerator, subtype: str, parts: list[str], params: str = "") -> tuple[str, str]:
    """(Content-Type header, body) of a multipart holding parts (each: headers, blank line, body)."""
    boundary = f"=_{g.rng.getrandbits(64):016x}"
    body = "".join(f"--{boundary}\n{p}\n" for p in parts) + f"--{boundary}--\n"
    return f"Content-Type: multipart/{subtype}; boundary=\"{boundary}\"{params}", body


def message(head: list[str], body: str) -> bytes:
    return ("\n".join(head) + "\n\n" + body).encode("utf-8")


def html_of(text: str) -> str:
    paras = "".join(f"<div>{escape(p).replace(chr(10), '<br>')}</div><div><br></div>" for p in text.split("\n\n"))
    return f"<div dir=\"ltr\">{paras}</div>\n"


def body_parts(g: MailboxGenerator, text: str) -> tuple[str, str]:
    """A personal body: plain text alone (8bit or QP), or text + HTML like webmail sends it."""
    roll = g.rng.random()
    if roll < 0.35:
        return "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit", text
    if roll < 0.6:
        return "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable", \
            quoted_printable(text)
    return multipart(g, "alternative", [text_part(text), text_part(html_of(text), "html")])


# -- personal correspondence ------------------------------------------------------------------
def _thread_for(g: MailboxGenerator, owner_replies: bool) -> Thread | None:
    recent = [t for t in g.threads[-60:] if (t.last_from is not None) == owner_replies and t.replied < 8]
    return g.rng.choice(recent) if recent and g.rng.random() < 0.7 else None


def _quote(previous: Thread, outlook: bool) -> str:
    author = previous.last_from
    text = previous.last_text[:MAX_QUOTE].rsplit("\n", 1)[0]
    who = author.name if author else "Alex Morgan"
    email = author.email if author else OWNER_EMAIL
    if outlook:
        return (f"\n\n-----Original Message-----\nFrom: {who} <{email}>\nSent: {date_header(previous.last_when)}\n"
                f"To: {previous.person.email}\nSubject: {previous.subject}\n\n{text}")
    stamp = previous.last_when.strftime("%a, %b %d, %Y at %H:%M")
    return f"\n\nOn {stamp}, {who} <{email}> wrote:\n\n" + "\n".join(
        "> " + line if line else ">" for line in text.split("\n"))


def personal(g: MailboxGenerator, when: datetime, sent: bool) -> bytes:
    r = g.rng
    thread = _thread_for(g, owner_replies=sent)
    new_text = g.text(250, 1600)
    if r.random() < 0.05:
        new_text += (f"\n\nAre you free for coffee on {(when + timedelta(days=r.randint(2, 9))):%A, %B %d} at "
                     f"{r.randint(8, 11)}am? We could meet at the Blue Bottle on Market Street.")
    if thread is None:
        person = g.correspondent()
        subject = r.choice(TOPICS).format(p=g.correspondent().name, o=r.choice(("Northwind", "Kestrel", "Helix")))
        thread = Thread(person, subject, [], "", None, when)
        g.threads.append(thread)
        if len(g.threads) > 400:
            del g.threads[:100]
        text, refs = new_text, []
    else:
        text = new_text + _quote(thread, outlook=r.random() < 0.2)
        refs = thread.ids[-10:]
    author = g.owner if sent else thread.person
    text += (author.signature if r.random() < 0.85 else "\n\nSent from my phone\n")
    subject = thread.subject if not refs else "Re: " + thread.subject
    mid = g.message_id(author.email.rsplit("@", 1)[1])
    extra = (f"In-Reply-To: {refs[-1]}", "References: " + "\n ".join(refs)) if refs else ()
    extra += ("User-Agent: Mozilla Thunderbird",) if r.random() < 0.3 else ()
    recipients = [thread.person] if sent else [g.owner]
    if r.random() < 0.15:
        extra += (f"Cc: {g.correspondent().header}",)
    ctype, body = body_parts(g, text)
    head = headers(g, when, author, recipients, subject, mid, sent=sent, extra=extra, content_type=ctype)
    thread.ids.append(mid)
    thread.last_text, thread.last_from, thread.last_when = text, None if sent else thread.person, when
    thread.replied += 1
    return message(head, body)


# -- bulk and automated -----------------------------------------------------------------------
def newsletter(g: MailboxGenerator, when: datetime, sent: bool = False) -> bytes:
    r = g.rng
    i = min(int(r.expovariate(0.15)), len(NEWSLETTERS) - 1)
    name, slug = NEWSLETTERS[i], NEWSLETTERS[i].lower().replace(" ", "")
    sender = Person(name, f"news@{slug}.example", f"{name} <news@{slug}.example>", "")
    target = r.randint(20_000, 60_000)
    html, text, n = [], [], 0
    size = 0
    while size < target * 0.72:
        n += 1
        title = g.sentences[r.randrange(len(g.sentences))].rstrip(".?!")
        para = g.paragraph(r.randint(3, 7))
        link = f"https://{slug}.example/r/{r.getrandbits(48):012x}?utm_source=newsletter&utm_medium=email" \
               f"&utm_campaign={when:%Y%m%d}&utm_content=story{n}"
        block = (f'<tr><td style="padding:24px 32px;font-family:Helvetica,Arial,sans-serif;font-size:16px;'
                 f'line-height:24px;color:#333333;"><img src="https://cdn.{slug}.example/img/{r.getrandbits(32):08x}'
                 f'.jpg" width="536" height="240" alt="" style="display:block;border:0;width:100%;"><h2 style="'
                 f'margin:16px 0 8px;font-size:22px;line-height:28px;color:#111111;">{escape(title)}</h2><p style="'
                 f'margin:0 0 12px;">{escape(para)}</p><a href="{escape(link)}" style="color:#1a73e8;'
                 f'text-decoration:underline;font-weight:bold;">Read more &rarr;</a></td></tr>\n')
        html.append(block)
        text.append(f"{title.upper()}\n\n{para}\n\nRead more: {link}\n")
        size += len(block) + len(text[-1])
    unsubscribe = f"https://{slug}.example/u/{r.getrandbits(64):016x}"
    html_doc = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>@media (max-width:600px)'
                f'{{.c{{width:100%!important}}}}</style></head><body style="margin:0;background:#f4f4f4;">'
                f'<table role="presentation" class="c" width="600" align="center" cellpadding="0" cellspacing="0" '
                f'style="background:#ffffff;">\n{"".join(html)}<tr><td style="font-size:12px;color:#888;">'
                f'You are receiving this because you subscribed. <a href="{unsubscribe}">Unsubscribe</a></td></tr>'
                f'</table><img src="https://t.{slug}.example/o/{r.getrandbits(64):016x}.gif" width="1" height="1">'
                f'</body></html>\n')
    plain = f"{name} - {when:%B %d, %Y}\n\n" + "\n".join(text) + f"\nUnsubscribe: {unsubscribe}\n"
    html_part = text_part(html_doc, "html") if r.random() < 0.75 else (
        "Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(html_doc.encode()).decode())
    ctype, body = multipart(g, "alternative", [text_part(plain), html_part])
    extra = (f"List-Unsubscribe: <mailto:unsubscribe@{slug}.example?subject=unsub>,\n <{unsubscribe}>",
             "List-Unsubscribe-Post: List-Unsubscribe=One-Click", f"List-Id: {name} <{slug}.list-id.example>",
             f"Feedback-ID: {r.randrange(10**6)}:{slug}:esp", "Precedence: bulk",
             f"X-Campaign: {r.getrandbits(32):08x}")
    subject = f"{name}: {g.sentences[r.randrange(len(g.sentences))][:60]}"
    mid = g.message_id(f"{slug}.example")
    return message(headers(g, when, sender, [g.owner], subject, mid, sent=False, extra=extra, content_type=ctype),
                   body)


def notification(g: MailboxGenerator, when: datetime, sent: bool = False) -> bytes:
    r = g.rng
    name, address = SERVICES[r.randrange(len(SERVICES))]
    sender = Person(name, address, f"{name} <{address}>", "")
    lines = [f"{r.choice(('Item', 'Order', 'Charge', 'Comment', 'Alert'))} #{r.randrange(10**6)}: "
             f"{g.sentences[r.randrange(len(g.sentences))][:50]} ... {r.randint(1, 300)}.{r.randint(0, 99):02d} USD"
             for _ in range(r.randint(4, 30))]
    plain = f"Hello Alex,\n\n{g.paragraph(2)}\n\n" + "\n".join(lines) + \
        f"\n\nView it online: https://{address.split('@')[1]}/n/{r.getrandbits(48):012x}\n\n-- \n{name}\n"
    rows = "".join(f'<tr><td style="padding:4px 8px;border-bottom:1px solid #eee;">{escape(line)}</td></tr>\n'
                   for line in lines)
    html = (f'<html><body style="font-family:Arial,sans-serif;"><p>Hello Alex,</p><p>{escape(g.paragraph(2))}</p>'
            f'<table width="100%" cellpadding="0" cellspacing="0">\n{rows}</table><p style="color:#999;'
            f'font-size:11px;">{escape(name)}, 1 Example Way. This is an automated message.</p></body></html>\n')
    ctype, body = multipart(g, "alternative", [text_part(plain), text_part(html, "html")])
    extra = ("Auto-Submitted: auto-generated",) if r.random() < 0.5 else ()
    extra += (f"Reply-To: {name} <noreply@{address.split('@')[1]}>", "X-Auto-Response-Suppress: All")
    subject = f"[{name}] {g.sentences[r.randrange(len(g.sentences))][:50]}"
    mid = g.message_id(address.split("@")[1])
    return message(headers(g, when, sender, [g.owner], subject, mid, sent=False, extra=extra, content_type=ctype),
                   body)


# -- attachments, invitations, forwards -------------------------------------------------------
def with_attachment(g: MailboxGenerator, when: datetime, sent: bool) -> bytes:
    r = g.rng
    person = g.correspondent()
    author, to = (g.owner, person) if sent else (person, g.owner)
    ctype_att, pattern = ATTACHMENTS[r.randrange(len(ATTACHMENTS))]
    filename = pattern.format(n=r.randint(1, 9999))
    text = f"Hi {to.name.split()[0]},\n\nPlease find {filename} attached.\n\n{g.text(200, 900)}{author.signature}"
    ctype, body = multipart(g, "mixed", [
        text_part(text),
        f"Content-Type: {ctype_att}; name=\"{filename}\"\nContent-Disposition: attachment; filename=\"{filename}\"\n"
        f"Content-Transfer-Encoding: base64\n\n{g.attachment_blob(50_000, 300_000)}"])
    mid = g.message_id(author.email.rsplit("@", 1)[1])
    return message(headers(g, when, author, [to], f"{filename.split('.')[0].replace('_', ' ')}", mid, sent=sent,
                           content_type=ctype), body)


def invitation(g: MailboxGenerator, when: datetime, sent: bool) -> bytes:
    r = g.rng
    person = g.correspondent()
    organizer, to = (g.owner, person) if sent else (person, g.owner)
    start = (when + timedelta(days=r.randint(1, 30))).replace(hour=r.randint(8, 17), minute=0, second=0)
    end = start + timedelta(minutes=r.choice((30, 45, 60, 90)))
    title = r.choice(("Coffee chat", "Project sync", "Intro call", "Quarterly review", "Workshop", "Dinner"))
    place = r.choice(("Zoom", "Blue Bottle, Market St", "Office, 3rd floor", "https://meet.example/abc-defg-hij"))
    stamp = lambda t: t.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")  # noqa: E731
    ics = ("BEGIN:VCALENDAR\r\nPRODID:-//Example Calendar//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n"
           "METHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
           f"DTSTART:{stamp(start)}\r\nDTEND:{stamp(end)}\r\nDTSTAMP:{stamp(when)}\r\n"
           f"ORGANIZER;CN={organizer.name}:mailto:{organizer.email}\r\n"
           f"UID:{r.getrandbits(64):016x}@cal.example\r\n"
           f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={to.name}:mailto:"
           f"{to.email}\r\nCREATED:{stamp(when)}\r\nDESCRIPTION:{g.paragraph(2)[:300]}\r\n"
           f"LOCATION:{place}\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\nSUMMARY:{title}\r\nTRANSP:OPAQUE\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n")
    plain = (f"{organizer.name} has invited you to: {title}\n\nWhen: {start:%A %b %d, %Y %H:%M} - {end:%H:%M} (UTC)"
             f"\nWhere: {place}\n\n{g.paragraph(2)}\n\nInvitation from Example Calendar\n")
    cal_part = ("Content-Type: text/calendar; charset=\"UTF-8\"; method=REQUEST\n"
                f"Content-Transfer-Encoding: 7bit\n\n{ics}")
    alt_ct, alt_body = multipart(g, "alternative", [text_part(plain), text_part(html_of(plain), "html"), cal_part])
    ctype, body = multipart(g, "mixed", [
        f"{alt_ct}\n\n{alt_body}",
        "Content-Type: application/ics; name=\"invite.ics\"\nContent-Disposition: attachment; "
        "filename=\"invite.ics\"\nContent-Transfer-Encoding: base64\n\n" + base64.encodebytes(ics.encode()).decode()])
    subject = f"Invitation: {title} @ {start:%a %b %d, %Y %H:%M} (UTC) ({to.email})"
    mid = g.message_id(organizer.email.rsplit("@", 1)[1])
    return message(headers(g, when, organizer, [to], subject, mid, sent=sent, content_type=ctype), body)


def forward(g: MailboxGenerator, when: datetime, sent: bool) -> bytes:
    r = g.rng
    person, original = g.correspondent(), g.correspondent()
    author, to = (g.owner, person) if sent else (person, g.owner)
    inner_when = when - timedelta(hours=r.randint(1, 200))
    subject = r.choice(TOPICS).format(p=original.name, o="Northwind")
    inner_text = g.text(500, 2500) + original.signature
    note = f"Hi {to.name.split()[0]},\n\n{g.paragraph(2)}\n{author.signature}"
    mid = g.message_id(author.email.rsplit("@", 1)[1])
    if r.random() < 0.6:
        text = (f"{note}\n---------- Forwarded message ---------\nFrom: {original.name} <{original.email}>\n"
                f"Date: {inner_when:%a, %b %d, %Y at %H:%M}\nSubject: {subject}\nTo: {author.name} <{author.email}>\n"
                f"\n\n{inner_text}")
        ctype, body = body_parts(g, text)
    else:
        inner = message(headers(g, inner_when, original, [author], subject, g.message_id("inner.example"),
                                sent=True, content_type="Content-Type: text/plain; charset=\"UTF-8\""),
                        inner_text).decode("utf-8")
        ctype, body = multipart(g, "mixed", [text_part(note), "Content-Type: message/rfc822\nContent-Disposition: "
                                             f"attachment; filename=\"{subject[:40]}.eml\"\n\n{inner}"])
    return message(headers(g, when, author, [to], "Fwd: " + subject, mid, sent=sent, content_type=ctype), body)
