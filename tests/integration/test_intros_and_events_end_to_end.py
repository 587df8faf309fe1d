"""Introductions followed to the end, and forwarded events answered with guests, against a real
Dovecot and a real SMTP server on loopback that delivers into it."""

from __future__ import annotations

import email
import json
from email.message import EmailMessage
from email.policy import default

import pytest

from tests.integration.test_act_end_to_end import OWNER, cli, gmail, mail_world

pytestmark = [pytest.mark.integration,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]

NOW = "2026-11-25T17:00:00+00:00"
T1, T2, T3, T4 = ("2026-11-25T17:20:00+00:00", "2026-11-25T18:00:00+00:00", "2026-11-25T18:30:00+00:00",
                  "2026-11-25T19:00:00+00:00")
EVENT = ("Alex,\n\nSave the date, and please forward to any founders who should be there:\n\n"
         "Cascade Health Innovation Day 2027\nWhen: Wednesday, January 13, 2027, 8:30 AM - 4:00 PM\n"
         "Where: Cascade Health Learning Center, 1800 NW Marshall St, Portland, OR\n"
         "What: 12 startups pitch to our clinical, supply-chain and IT leaders; 3 will be selected for a paid "
         "6-month pilot. Applications: due Tuesday, December 15, at innovation.cascadehealth.example/apply\n\n"
         "We're especially looking for device companies with FDA clearance in hand this year.\n\nLuis\n")


@pytest.fixture
def world(tmp_path, dovecot, start_server):
    owner, server, delivery, config = mail_world(tmp_path, dovecot, start_server)
    cli(config, owner, "sync", "--now", NOW)
    plan = json.loads(cli(config, owner, "digest", "--json", "--now", NOW).stdout)
    cli(config, owner, "digest", "--send", "--now", NOW)
    (digest,) = [m for m in delivery.inbox(OWNER) if str(m["Subject"]).startswith("Your week")]
    return dovecot, owner, server, delivery, config, plan, digest


def mail(sender: str, to: str, subject: str, body: str, mid: str, in_reply_to: str | None = None,
         references: str | None = None) -> bytes:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, to, subject
    m["Date"], m["Message-ID"] = "Wed, 25 Nov 2026 10:00:00 -0800", mid
    if in_reply_to:
        m["In-Reply-To"], m["References"] = in_reply_to, references or in_reply_to
    m.set_content(body)
    return m.as_bytes()


def from_owner(dovecot, owner, raw: bytes) -> None:
    dovecot.append(owner, "INBOX", [raw])
    dovecot.append(owner, "Sent", [raw])


def opt_in(world):
    dovecot, owner, server, delivery, config, plan, digest = world
    intro = plan["intros"][0]
    from_owner(dovecot, owner, gmail(digest, f"send {intro['id']}", "<g-optin@mail.example>"))
    cli(config, owner, "sync", "--now", T1)
    cli(config, owner, "act", "--now", T1)
    helper = intro["drafts"][0]["to"][0]
    (note,) = [m for m in delivery.inbox(helper["email"]) if m["Subject"] == intro["drafts"][0]["subject"]]
    return intro, helper, note


def answer(world, helper, note, text, mid, sender=None):
    dovecot, owner, _, _, config, _, _ = world
    raw = mail(sender or f"{helper['name']} <{helper['email']}>", f"Alex Morgan <{OWNER}>", f"Re: {note['Subject']}",
               f"{text}\n\nOn Wed, Nov 25, 2026, Alex Morgan <{OWNER}> wrote:\n"
               + "\n".join("> " + line for line in note.get_content().splitlines()[:6]),
               mid, note["Message-ID"])
    dovecot.append(owner, "INBOX", [raw])  # the helper's mail arrives in the owner's inbox
    cli(config, owner, "sync", "--now", T2)
    cli(config, owner, "act", "--now", T2)


def receipts(delivery, *, about: str):
    return [m for m in delivery.inbox(OWNER) if str(m["Message-ID"]).startswith("<act.receipt.") and about in
            str(m["Subject"])]


def test_a_yes_leads_to_a_receipt_and_connect_sends_the_introduction_to_both(world):
    dovecot, owner, server, delivery, config, plan, digest = world
    intro, helper, note = opt_in(world)
    before = len(server.handler.envelopes)
    answer(world, helper, note, "Yes, happy to help - send her my way.", "<yes@brightline.example>")
    assert [e.rcpt_tos for e in server.handler.envelopes[before:]] == [[OWNER]], "only a receipt, to the owner"
    (receipt,) = receipts(delivery, about="answered")
    text = receipt.get_content()
    assert f"connect {intro['id']}" in text and "Yes, happy to help" in text
    connect = intro["drafts"][1]
    reply = mail(f"Alex Morgan <{OWNER}>", str(receipt["From"]), f"Re: {receipt['Subject']}",
                 f"connect {intro['id']}\n\nOn Wed, Nov 25, 2026, Networking assistant <{OWNER}> wrote:\n"
                 + "\n".join("> " + line for line in text.splitlines()[:6]), "<connect@mail.example>",
                 receipt["Message-ID"], f"{receipt['References']} {receipt['Message-ID']}")
    from_owner(dovecot, owner, reply)
    cli(config, owner, "sync", "--now", T3)
    acted = cli(config, owner, "act", "--now", T3)
    assert "1 reply handled" in acted.stdout
    everyone = sorted(a["email"] for a in connect["to"])
    sent = [e for e in server.handler.envelopes if sorted(e.rcpt_tos) == everyone]
    assert len(sent) == 1, "one mail to both people"
    message = email.message_from_bytes(sent[0].original_content, policy=default)
    assert message["Subject"] == connect["subject"] and message["From"].addresses[0].addr_spec == OWNER
    for person in connect["to"]:
        assert any(m["Subject"] == connect["subject"] for m in delivery.inbox(person["email"]))
    digest_text = cli(config, owner, "digest", "--now", "2026-12-02T17:00:00+00:00").stdout
    assert "How your introductions are going" in digest_text and "answered your note" in digest_text
    assert "to each other on 2026-11-25" in " ".join(digest_text.split())


def test_a_no_sends_nothing_and_closes_the_pair(world):
    dovecot, owner, server, delivery, config, plan, digest = world
    intro, helper, note = opt_in(world)
    before = len(server.handler.envelopes)
    answer(world, helper, note, "Sorry, I can't take this one on right now.", "<no@brightline.example>")
    assert [e.rcpt_tos for e in server.handler.envelopes[before:]] == [[OWNER]]
    (receipt,) = receipts(delivery, about="answered")
    assert "will not be suggested to each other again" in receipt.get_content()
    later = json.loads(cli(config, owner, "digest", "--json", "--now", "2026-12-02T17:00:00+00:00").stdout)
    pairs = [sorted(p["email"] for p in i["people"]) for i in later["intros"]]
    assert sorted(p["email"] for p in intro["people"]) not in pairs


def test_a_forged_yes_from_another_address_sends_nothing(world):
    dovecot, owner, server, delivery, config, plan, digest = world
    intro, helper, note = opt_in(world)
    before = len(server.handler.envelopes)
    answer(world, helper, note, "Yes! Connect us.", "<forged@evil.example>", sender="Eve <eve@evil.example>")
    new = server.handler.envelopes[before:]
    assert all(e.rcpt_tos == [OWNER] for e in new), "nothing to anyone but the owner"
    (warning,) = receipts(delivery, about="Re:")[-1:]
    assert "eve@evil.example" in warning.get_content()


FORWARDS = {
    "gmail": lambda: ("---------- Forwarded message ---------\nFrom: Luis Carrillo <lcarrillo@cascadehealth.example>\n"
                      "Date: Mon, Nov 2, 2026 at 2:05 PM\nSubject: Cascade Health Innovation Day - January 13\n"
                      f"To: Alex Morgan <{OWNER}>\n\n\n{EVENT}"),
    "outlook": lambda: ("________________________________\nFrom: Luis Carrillo <lcarrillo@cascadehealth.example>\n"
                        "Sent: Monday, November 2, 2026 2:05 PM\nTo: Alex Morgan <" + OWNER + ">\n"
                        "Subject: Cascade Health Innovation Day - January 13\n\n" + EVENT),
    "apple mail, in German": lambda: ("Hier ist es!\n\nAnfang der weitergeleiteten Nachricht:\n\n"
                                      "Von: Luis Carrillo <lcarrillo@cascadehealth.example>\n"
                                      "Betreff: Cascade Health Innovation Day - January 13\n"
                                      "Datum: 2. November 2026 um 14:05:00 GMT-8\nAn: Alex Morgan <" + OWNER + ">\n\n"
                                      + EVENT),
}


@pytest.mark.parametrize("client", FORWARDS, ids=FORWARDS.keys())
def test_a_forwarded_event_comes_back_with_guests_and_send_invites_them(world, client):
    dovecot, owner, server, delivery, config, plan, digest = world
    body = FORWARDS[client]()
    from_owner(dovecot, owner, mail(f"Alex Morgan <{OWNER}>", "alex+assistant@morgan-advisory.example",
                                    "Fwd: Cascade Health Innovation Day - January 13", body, f"<fwd-{len(body)}@mail>"))
    cli(config, owner, "sync", "--now", T1)
    cli(config, owner, "act", "--now", T1)
    (answer_mail,) = [m for m in delivery.inbox(OWNER) if str(m["Subject"]).startswith("Guests for:")]
    text = answer_mail.get_content()
    assert "Cascade Health Innovation Day" in text and "Wed Jan 13, 8:30 AM PST" in text
    assert "Cascade Health Learning Center" in text and "  1. " in text
    assert "lcarrillo@cascadehealth.example" not in text.split("Who in your network")[1], "the organizer is data"
    before = len(server.handler.envelopes)
    reply = mail(f"Alex Morgan <{OWNER}>", str(answer_mail["From"]), f"Re: {answer_mail['Subject']}",
                 "send 1\n\n" + "\n".join("> " + line for line in text.splitlines()[:8]), "<send-guests@mail.example>",
                 answer_mail["Message-ID"])
    from_owner(dovecot, owner, reply)
    cli(config, owner, "sync", "--now", T4)
    cli(config, owner, "act", "--now", T4)
    invited = [e for e in server.handler.envelopes[before:] if e.rcpt_tos != [OWNER]]
    assert len(invited) == 1
    guest = invited[0].rcpt_tos[0]
    assert any("Cascade Health Innovation Day" in str(m["Subject"]) or "Innovation Day" in m.get_content()
               for m in delivery.inbox(guest))


def test_a_forward_to_the_assistant_from_someone_else_does_nothing(world):
    dovecot, owner, server, delivery, config, plan, digest = world
    before = len(server.handler.envelopes)
    raw = mail("Eve <eve@evil.example>", "alex+assistant@morgan-advisory.example", "Fwd: event",
               FORWARDS["gmail"](), "<eve-fwd@evil.example>")
    dovecot.append(owner, "INBOX", [raw])
    cli(config, owner, "sync", "--now", T1)
    cli(config, owner, "act", "--now", T1)
    assert all(e.rcpt_tos == [OWNER] for e in server.handler.envelopes[before:])
    assert not [m for m in delivery.inbox(OWNER) if str(m["Subject"]).startswith("Guests for:")]
