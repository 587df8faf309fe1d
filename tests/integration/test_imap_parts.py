"""Large messages over IMAP: attachments stay on the server, everything the assistant reads arrives."""

from __future__ import annotations

import os
from email.message import EmailMessage

import pytest

from assistant.mailbox.base import INBOX, Folder
from assistant.mailbox.imap import PARTS_OVER
from assistant.reading.parse import parse_message
from tests.integration.dovecot import Dovecot
from tests.integration.test_imap import imap

pytestmark = pytest.mark.integration
INBOX_FOLDER = Folder("INBOX", INBOX)
ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:launch-1@example.com\r\n"
       "DTSTART:20261210T180000Z\r\nDTEND:20261210T200000Z\r\nSUMMARY:Product launch party\r\n"
       "LOCATION:Gardner Hall\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
BLOB = os.urandom(150_000)


def base(i: int, subject: str) -> EmailMessage:
    m = EmailMessage()
    m["From"], m["To"] = "Lena Fischer <lena@kestrel.example>", "Alex Morgan <alex@example.com>"
    m["Subject"], m["Date"] = subject, "Tue, 10 Nov 2026 09:00:00 -0800"
    m["Message-ID"] = f"<parts{i}@kestrel.example>"
    return m


def shapes() -> dict[str, bytes]:
    pdf = base(1, "The deck")
    pdf.set_content("Hi Alex,\n\nThe deck is attached.\n\nLena\n--\nLena Fischer\nPartner, Kestrel Ventures\n")
    pdf.add_attachment(BLOB, maintype="application", subtype="pdf", filename="deck.pdf")

    alternative = base(2, "You're invited: product launch")
    alternative.set_content("You're invited to our product launch party on Dec 10.\n")
    alternative.add_alternative("<p>You're invited to our <b>product launch party</b> on Dec 10.</p>", subtype="html")
    alternative.add_attachment(BLOB, maintype="image", subtype="png", filename="poster.png")
    alternative.add_attachment(ICS.encode(), maintype="text", subtype="calendar", filename="invite.ics")

    inner = base(3, "Numbers for Q4")
    inner.set_content("Here are the numbers.\n")
    inner.add_attachment(BLOB, maintype="application", subtype="vnd.ms-excel", filename="q4.xls")
    forward = base(4, "Fwd: Numbers for Q4")
    forward.set_content("FYI, see below.\n")
    forward.add_attachment(inner)  # message/rfc822: kept whole, its own attachment included
    forward.add_attachment(BLOB, maintype="application", subtype="zip", filename="archive.zip")

    lone = base(5, "scan")
    lone.set_content(BLOB, maintype="application", subtype="pdf", filename="scan.pdf")

    related = base(6, "Newsletter with a photo")
    related.set_content("Plain version of the news.\n")
    related.add_alternative("<p>News <img src='cid:photo'></p>", subtype="html")
    related.get_payload()[1].add_related(BLOB, maintype="image", subtype="jpeg", cid="<photo>")
    related.add_attachment(b"tiny", maintype="application", subtype="octet-stream", filename="x.bin")

    note = base(9, "Coffee next week?")
    note.set_content("Are you free for coffee next week?\n")
    forward_of_note = base(10, "Fwd: Coffee next week?")
    forward_of_note.set_content("See below, and the brochure.\n")
    forward_of_note.add_attachment(note)  # a single-part message inside: its body is section 2.1
    forward_of_note.add_attachment(BLOB, maintype="application", subtype="pdf", filename="brochure.pdf")

    anonymous = base(8, "Scan without an id")  # its stand-in Message-ID must not depend on the attachment
    del anonymous["Message-ID"]
    anonymous.set_content("The scan you asked for.\n")
    anonymous.add_attachment(BLOB, maintype="application", subtype="pdf", filename="scan.pdf")

    return {name: m.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            for name, m in {"pdf": pdf, "alternative": alternative, "forward": forward, "lone": lone,
                            "related": related, "anonymous": anonymous,
                            "forward of a note": forward_of_note}.items()}


def test_large_messages_arrive_without_attachment_data_and_parse_the_same(dovecot: Dovecot) -> None:
    user = dovecot.add_user()
    mails = shapes()
    uids = dovecot.append(user, "INBOX", list(mails.values()))
    assert all(len(raw) > PARTS_OVER for raw in mails.values())
    with imap(dovecot, user) as source:
        sizes = {i.key: i.size for i in source.fetch_headers(INBOX_FOLDER, uids)}
        fetched = {m.key: m for m in source.fetch_messages(INBOX_FOLDER, uids, 10**8, sizes)}
    assert set(fetched) == set(uids)
    for uid, (name, original) in zip(uids, mails.items(), strict=True):
        got = fetched[uid]
        assert got.size == len(original) and not got.truncated
        assert len(got.raw) < len(original) // 2, f"{name}: the attachment data was fetched"
        whole, slim = parse_message(original), parse_message(got.raw, size=len(original))
        assert slim.to_json() == whole.to_json(), name
    # what the assistant reads is there: the text, the invitation after the image, the forward
    assert parse_message(fetched[uids[1]].raw).event.title == "Product launch party"
    forwarded = parse_message(fetched[uids[2]].raw).forwarded
    assert forwarded.subject == "Numbers for Q4" and "Here are the numbers." in forwarded.body
    assert b"FYI, see below." in fetched[uids[2]].raw
    assert b"deck.pdf" in fetched[uids[0]].raw  # the part is still there, with its header


def test_large_message_with_nothing_to_leave_out_is_fetched_whole(dovecot: Dovecot) -> None:
    user = dovecot.add_user()
    m = base(7, "A long letter")
    m.set_content("All text, no attachments.\n" * 5000)
    raw = m.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    [uid] = dovecot.append(user, "INBOX", [raw])
    with imap(dovecot, user) as source:
        got = next(source.fetch_messages(INBOX_FOLDER, [uid], 10**8))
    assert got.raw == raw
