"""Replies to the digest, through the real act job and a real SMTP server on loopback.

Each refusal test first shows that the well-formed reply it starts from does send (so the test
would send mail if its check were removed), then changes one thing and sees nothing sent."""

from __future__ import annotations

import email
import mailbox
import os
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from assistant.config import parse_settings
from assistant.digest.tokens import message_id_for, new_digest_id
from assistant.jobs import act as act_job
from assistant.jobs.sync import sync_once
from assistant.mailbox.maildir import MaildirSource
from assistant.smtp import SmtpMailer
from assistant.state.outbox import Outbox
from assistant.state.store import Store
from tests.integration.smtp_server import PASSWORD, USER

pytestmark = [pytest.mark.integration,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]

OWNER = "alex@morgan-advisory.example"
KEY = b"k" * 32
SENT_AT = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)
NOW = SENT_AT + timedelta(hours=2)
HELPER = {"name": "Dana Okafor", "email": "dokafor@brightline-ip.example"}
ASKER = {"name": "Priya Raghunathan", "email": "priya@lumenortho.example"}
REPORTER = {"name": "Jordan Ellis", "email": "jellis@pdxledger.example"}


def settings(tmp_path: Path, **actions):
    return parse_settings({
        "owner": {"name": "Alex Morgan", "email": OWNER, "aliases": ["alex.morgan@mail.example"]},
        "mailbox": {"url": f"maildir://{tmp_path / 'Maildir'}", "trusted_authserv_id": "mx.morgan-advisory.example"},
        "store": {"path": str(tmp_path / "state" / "state.json")},
        "understanding": {"model": "off"},
        "actions": actions})


def digest_record(store: Store) -> tuple[str, str]:
    digest_id = new_digest_id(SENT_AT, os.urandom(10))
    message_id = message_id_for(digest_id, KEY, "morgan-advisory.example")
    intro_ask = {"to": [HELPER], "cc": [], "subject": "Would you talk to Priya about a patent question?",
                 "body": "Hi Dana,\n\nPriya is looking for a patent attorney. Open to an intro?\n\nAlex\n",
                 "kind": "intro_ask"}
    intro_connect = {"to": [ASKER, HELPER], "cc": [], "subject": "Intro: Priya <> Dana",
                     "body": "Priya, meet Dana. Dana, meet Priya.\n\nAlex\n", "kind": "intro_connect"}
    story = {"to": [REPORTER], "cc": [], "subject": "Lunch next week?", "body": "Hi Jordan,\n\nLunch?\n\nAlex\n",
             "kind": "story_lunch"}
    items = [{"id": 1, "key": "intro:a|b:patent attorney", "section": "intros",
              "people": [ASKER["email"], HELPER["email"]], "drafts": [intro_ask, intro_connect]},
             {"id": 2, "key": "story:jellis", "section": "stories", "people": [REPORTER["email"]],
              "drafts": [story]}]
    store.record_digest(digest_id, message_id, items, SENT_AT, gathering=False)
    store.save()
    return digest_id, message_id


def reply(digest_message_id: str, text: str = "send 1", *, sender: str = f"Alex Morgan <{OWNER}>",
          mid: str = "<r1@mail.morgan-advisory.example>", headers: dict[str, str] | None = None,
          quoted: str = "") -> bytes:
    m = EmailMessage()
    m["From"], m["To"] = sender, f"Networking assistant <{OWNER}>"
    m["Subject"] = "Re: Your week of helping others: 1 intro, 1 story"
    m["Date"] = "Wed, 25 Nov 2026 10:30:00 -0800"
    m["Message-ID"], m["In-Reply-To"], m["References"] = mid, digest_message_id, digest_message_id
    for name, value in (headers or {}).items():
        m[name] = value
    m.set_content(text + "\n\n" + (quoted or f"On Wed, Nov 25, 2026 at 8:00 AM Networking assistant <{OWNER}> "
                                              "wrote:\n> Reply to act: send 1, 2\n> 1. Priya needs a patent "
                                              "attorney\n"))
    return m.as_bytes()


def deliver_to_maildir(root: Path, raw: bytes, *, sent_copy: bool) -> None:
    box = mailbox.Maildir(root, create=True)
    box.add(raw)
    if sent_copy:
        box.add_folder("Sent") if "Sent" not in box.list_folders() else None
        box.get_folder("Sent").add(raw)


def run_act(tmp_path, server, raws, *, sent_copy=True, now=NOW, **actions):
    """Store a digest, deliver the replies (with the copy the mail client files in Sent, unless not),
    sync, act; returns the envelopes the SMTP server accepted and the receipts among them."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = settings(tmp_path, **actions)
    root = tmp_path / "Maildir"
    mailbox.Maildir(root, create=True).add_folder("Sent")
    with Store(config.store.path) as store:
        _, digest_mid = digest_record(store)
    for raw in raws(digest_mid) if callable(raws) else raws:
        deliver_to_maildir(root, raw, sent_copy=sent_copy)
    mailer = SmtpMailer("127.0.0.1", server.port, "starttls", USER, lambda: PASSWORD, ca_file=server.ca_file,
                        timeout=10)
    with Store(config.store.path) as store, MaildirSource(str(root)) as source:
        sync_once(source, store, config.owner, now, size_cap=10**6, batch_size=50, understanding="none")
        report = act_job.act(store, config, now, key=KEY, mailer=mailer, environ={})
    envelopes = server.handler.envelopes
    receipts = [e for e in envelopes if email.message_from_bytes(e.original_content, policy=default)
                ["Auto-Submitted"] == "auto-replied"]
    drafts = [e for e in envelopes if e not in receipts]
    return drafts, receipts, report, config


def test_a_reply_from_the_owner_sends_the_stored_draft_and_a_receipt(tmp_path, start_server):
    server = start_server("starttls")
    drafts, receipts, report, _ = run_act(tmp_path, server, lambda mid: [reply(mid, "send 1, 2")])
    assert [e.rcpt_tos for e in drafts] == [[HELPER["email"]], [REPORTER["email"]]]
    note = email.message_from_bytes(drafts[0].original_content, policy=default)
    assert note["Subject"] == "Would you talk to Priya about a patent question?"
    assert note.get_content().replace("\r\n", "\n") == \
        "Hi Dana,\n\nPriya is looking for a patent attorney. Open to an intro?\n\nAlex\n"
    assert note["From"].addresses[0].addr_spec == OWNER and note["Auto-Submitted"] is None
    assert note["Message-ID"].startswith("<act.note.")
    (receipt,) = receipts
    assert receipt.rcpt_tos == [OWNER]
    body = email.message_from_bytes(receipt.original_content, policy=default)
    assert body["In-Reply-To"] == "<r1@mail.morgan-advisory.example>"
    text = body.get_content()
    assert "Sent from your address" in text and HELPER["email"] in text and REPORTER["email"] in text
    assert report.sent == 2 and report.receipts == 1


def test_mode_direct_and_connect_send_the_introduction_to_both(tmp_path, start_server):
    server = start_server("starttls")
    drafts, _, _, _ = run_act(tmp_path, server, lambda mid: [reply(mid, "connect 1")])
    assert [sorted(e.rcpt_tos) for e in drafts] == [sorted([ASKER["email"], HELPER["email"]])]


def test_the_same_reply_twice_and_the_same_command_again_send_once(tmp_path, start_server):
    server = start_server("starttls")
    # delivered twice (one Message-ID), also copied into another folder
    drafts, receipts, _, config = run_act(tmp_path, server, lambda mid: [reply(mid, "send 2"), reply(mid, "send 2")])
    assert len(drafts) == 1 and len(receipts) == 1
    root = tmp_path / "Maildir"
    with Store(config.store.path) as store:
        digest_mid = store.rows("digests")[0]["message_id"]
    mailbox.Maildir(root).add_folder("Archive").add(reply(digest_mid, "send 2"))
    deliver_to_maildir(root, reply(digest_mid, "send 2", mid="<r2@mail.morgan-advisory.example>"), sent_copy=True)
    mailer = SmtpMailer("127.0.0.1", server.port, "starttls", USER, lambda: PASSWORD, ca_file=server.ca_file)
    later = NOW + timedelta(minutes=20)
    with Store(config.store.path) as store, MaildirSource(str(root)) as source:
        sync_once(source, store, config.owner, later, size_cap=10**6, batch_size=50, understanding="none")
        act_job.act(store, config, later, key=KEY, mailer=mailer, environ={})
    envelopes = server.handler.envelopes
    assert len(envelopes) == 3, "one draft, and a receipt for each of the two replies"
    second = email.message_from_bytes(envelopes[-1].original_content, policy=default).get_content()
    assert envelopes[-1].rcpt_tos == [OWNER] and "already sent on 2026-11-25" in second


def test_after_a_restart_nothing_is_sent_again(tmp_path, start_server):
    server = start_server("starttls")
    drafts, receipts, _, config = run_act(tmp_path, server, lambda mid: [reply(mid, "send 2")])
    mailer = SmtpMailer("127.0.0.1", server.port, "starttls", USER, lambda: PASSWORD, ca_file=server.ca_file)
    with Store(config.store.path) as store:  # the daemon, restarted, runs the pass again
        act_job.act(store, config, NOW + timedelta(minutes=5), key=KEY, mailer=mailer, environ={})
    assert len(server.handler.envelopes) == len(drafts) + len(receipts) == 2


REFUSALS = {
    "spoofed From: no Sent copy, no trusted result": dict(sent_copy=False, now=NOW + timedelta(minutes=30)),
    "two From addresses": dict(sender=f"Alex Morgan <{OWNER}>, Eve <eve@evil.example>"),
    "someone else's From": dict(sender="Eve <eve@evil.example>"),
    "a command only in quoted text": dict(text="Thanks!", quoted=f"On Wed, Alex <{OWNER}> wrote:\n> send 1, 2\n"),
    "an altered token": dict(altered=True),
    "an expired token": dict(now=SENT_AT + timedelta(days=15)),
    "a forged Authentication-Results of another server": dict(
        sent_copy=False, now=NOW + timedelta(minutes=30),
        headers={"Authentication-Results": "mx.evil.example; dmarc=pass header.from=morgan-advisory.example"}),
    "an out-of-office reply": dict(headers={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"},
                                   text="I am out of the office until Monday. send 1"),
    "a bounce": dict(sender="Mail Delivery System <MAILER-DAEMON@morgan-advisory.example>",
                     headers={"Content-Description": "Delivery report", "Auto-Submitted": "auto-replied"}),
}


@pytest.mark.parametrize("case", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_reply_that_fails_a_check_sends_nothing(tmp_path, start_server, case):
    case = dict(case)
    sent_copy, now = case.pop("sent_copy", True), case.pop("now", NOW)
    altered = case.pop("altered", False)
    text = case.pop("text", "send 1, 2")

    def replies(mid):
        if altered:  # one hex digit of the signature changed
            at = mid.index("@") - 1
            mid = mid[:at] + ("0" if mid[at] != "0" else "1") + mid[at + 1:]
        return [reply(mid, text, **case)]
    control = start_server("starttls")
    good, _, _, _ = run_act(tmp_path / "control", control, lambda mid: [reply(mid, "send 1, 2")])
    assert len(good) == 2, "the well-formed reply this case starts from sends"
    server = start_server("starttls")
    drafts, receipts, _, _ = run_act(tmp_path / "case", server, replies, sent_copy=sent_copy, now=now)
    assert drafts == [], "nothing may reach anyone but the owner"
    for receipt in receipts:
        assert receipt.rcpt_tos == [OWNER]


def test_paused_and_the_daily_cap_hold_drafts_and_say_so(tmp_path, start_server):
    server = start_server("starttls")
    drafts, receipts, report, config = run_act(tmp_path, server, lambda mid: [reply(mid, "send 1, 2")],
                                               daily_cap=1)
    assert len(drafts) == 1 and report.held == 1
    text = email.message_from_bytes(receipts[0].original_content, policy=default).get_content()
    assert "Waiting" in text and "limit of 1" in text
    with Store(config.store.path) as store:
        waiting = [r for r in Outbox(store).rows() if r.status == "planned"]
        assert len(waiting) == 1 and act_job.pending(store, NOW)["actions"][0]["status"] == "planned"
    server2 = start_server("starttls")
    drafts, receipts, report, _ = run_act(tmp_path / "paused", server2, lambda mid: [reply(mid, "send 2")],
                                          paused=True)
    assert drafts == [] and report.held == 1 and len(receipts) == 1


def test_dry_run_sends_and_records_nothing(tmp_path, start_server):
    server = start_server("starttls")
    config = settings(tmp_path)
    root = tmp_path / "Maildir"
    mailbox.Maildir(root, create=True).add_folder("Sent")
    with Store(config.store.path) as store:
        _, mid = digest_record(store)
    deliver_to_maildir(root, reply(mid, "send 2"), sent_copy=True)
    with Store(config.store.path) as store, MaildirSource(str(root)) as source:
        sync_once(source, store, config.owner, NOW, size_cap=10**6, batch_size=50, understanding="none")
        report = act_job.act(store, config, NOW, key=KEY, mailer=None, environ={}, dry_run=True)
        assert any("would send item 2" in line and REPORTER["email"] in line for line in report.lines)
        assert [r["status"] for r in store.rows("inbound")] == ["new"] and not Outbox(store).rows()
    assert server.handler.envelopes == []


def dsn(returned_message_id: str) -> bytes:
    return (f"From: Mail Delivery System <MAILER-DAEMON@mx.morgan-advisory.example>\nTo: {OWNER}\n"
            "Subject: Undelivered Mail Returned to Sender\nMessage-ID: <dsn1@mx.morgan-advisory.example>\n"
            "Date: Wed, 25 Nov 2026 11:00:00 -0800\nMIME-Version: 1.0\n"
            'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
            "--b\nContent-Type: text/plain\n\nThe mail to jellis@pdxledger.example could not be delivered: "
            "mailbox unknown.\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx\n\n"
            "Final-Recipient: rfc822; jellis@pdxledger.example\nAction: failed\nStatus: 5.1.1\n"
            f"--b\nContent-Type: text/rfc822-headers\n\nFrom: Alex Morgan <{OWNER}>\nTo: jellis@pdxledger.example\n"
            f"Subject: Lunch next week?\nMessage-ID: {returned_message_id}\n--b--\n").encode()


def test_a_bounce_of_a_sent_draft_is_in_the_next_receipt(tmp_path, start_server):
    server = start_server("starttls")
    drafts, _, _, config = run_act(tmp_path, server, lambda mid: [reply(mid, "send 2")])
    sent_id = email.message_from_bytes(drafts[0].original_content, policy=default)["Message-ID"]
    root = tmp_path / "Maildir"
    with Store(config.store.path) as store:
        digest_mid = store.rows("digests")[0]["message_id"]
    deliver_to_maildir(root, dsn(sent_id), sent_copy=False)
    deliver_to_maildir(root, reply(digest_mid, "skip 1", mid="<r3@mail.morgan-advisory.example>"), sent_copy=True)
    mailer = SmtpMailer("127.0.0.1", server.port, "starttls", USER, lambda: PASSWORD, ca_file=server.ca_file)
    later = NOW + timedelta(minutes=30)
    with Store(config.store.path) as store, MaildirSource(str(root)) as source:
        sync_once(source, store, config.owner, later, size_cap=10**6, batch_size=50, understanding="none")
        act_job.act(store, config, later, key=KEY, mailer=mailer, environ={})
    receipt = email.message_from_bytes(server.handler.envelopes[-1].original_content, policy=default).get_content()
    assert "Returned as undeliverable" in receipt and "jellis@pdxledger.example" in receipt
    assert "Item 1 is skipped" in receipt
