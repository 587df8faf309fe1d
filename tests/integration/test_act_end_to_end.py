"""Acting by email, end to end: a real Dovecot holds the mailboxes, a real SMTP server on loopback
delivers into them. Digest sent -> the user replies in Gmail, Outlook and Apple Mail styles -> the
opt-in note reaches the helper's mailbox, a receipt reaches the user's -> the same reply again sends
nothing."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import threading
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from tests.integration.dovecot import Dovecot, User
from tests.integration.smtp_server import PASSWORD, USER

pytestmark = [pytest.mark.integration,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assistant" / "sample" / "Maildir"
OWNER = "alex@morgan-advisory.example"
OWNER_ADDRESSES = (OWNER, "alex.morgan@mail.example")
NOW = "2026-11-25T17:00:00+00:00"
LATER = "2026-11-25T17:20:00+00:00"


class Delivery:
    """The SMTP server's delivery agent: each recipient's mail into their own Dovecot mailbox."""

    def __init__(self, dovecot: Dovecot, owner: User) -> None:
        self.dovecot, self.users, self.lock = dovecot, {a: owner for a in OWNER_ADDRESSES}, threading.Lock()

    def __call__(self, envelope) -> None:
        for rcpt in envelope.rcpt_tos:
            with self.lock:
                user = self.users.setdefault(rcpt.lower(), self.dovecot.add_user(sent=None))
            self.dovecot.append(user, "INBOX", [envelope.original_content])

    def inbox(self, address: str) -> list[EmailMessage]:
        user = self.users.get(address.lower())
        if user is None:
            return []
        with self.dovecot.client(user) as client:
            client.select_folder("INBOX", readonly=True)
            found = client.fetch(client.search("ALL"), ["BODY.PEEK[]"])
        return [email.message_from_bytes(data[b"BODY[]"], policy=default) for _, data in sorted(found.items())]


def settings_file(tmp_path: Path, dovecot: Dovecot, owner: User, smtp_port: int, smtp_ca: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(f'''
[owner]
name = "Alex Morgan"
email = "{OWNER}"
aliases = ["alex.morgan@mail.example"]
[mailbox]
url = "imaps://{owner.name}@127.0.0.1:{dovecot.imaps_port}"
ca_file = "{dovecot.ca_file}"
[store]
path = "{tmp_path}/state/state.json"
[digest]
day = "wednesday"
time = "08:00"
timezone = "America/Los_Angeles"
[smtp]
url = "smtp://{USER}@127.0.0.1:{smtp_port}"
ca_file = "{smtp_ca}"
timeout = 10
save_to_sent = "always"
[understanding]
model = "off"
''')
    return path


def cli(config: Path, owner: User, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": PASSWORD, "ASSISTANT_MAILBOX_PASSWORD": owner.password}
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(config), *args],
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return proc


def load_sample(dovecot: Dovecot, owner: User) -> None:
    inbox, sent = [], []
    for path in sorted(SAMPLE.rglob("*")):
        if path.is_file() and path.parent.name in ("cur", "new"):
            raw = path.read_bytes()
            if not raw.strip():
                continue  # the sample's deliberately empty message: IMAP cannot store zero bytes
            sender = str(email.message_from_bytes(raw, policy=default).get("From", "")).lower()
            (sent if any(a in sender for a in OWNER_ADDRESSES) else inbox).append(raw)
    dovecot.append(owner, "INBOX", inbox)
    dovecot.append(owner, "Sent", sent)


def gmail(digest: EmailMessage, text: str, mid: str) -> bytes:
    quoted = "\n".join("> " + line for line in digest.get_body(("plain",)).get_content().splitlines()[:30])
    return _reply(digest, f"{text}\n\nOn Wed, Nov 25, 2026 at 9:00 AM Networking assistant <{OWNER}> wrote:\n\n"
                          f"{quoted}\n", mid, "<CAJx" + mid[1:])


def outlook(digest: EmailMessage, text: str, mid: str) -> bytes:
    original = "\n".join(digest.get_body(("plain",)).get_content().splitlines()[:30])
    return _reply(digest, f"{text}\n\n________________________________\nFrom: Networking assistant <{OWNER}>\n"
                          f"Sent: Wednesday, November 25, 2026 9:00 AM\nTo: Alex Morgan <{OWNER}>\n"
                          f"Subject: {digest['Subject']}\n\n{original}\n", mid, mid)


def apple_mail(digest: EmailMessage, text: str, mid: str) -> bytes:
    quoted = "\n".join("> " + line for line in digest.get_body(("plain",)).get_content().splitlines()[:30])
    return _reply(digest, f"{text}\n\nSent from my iPhone\n\n> On Nov 25, 2026, at 9:00 AM, Networking assistant "
                          f"<{OWNER}> wrote:\n> \n{quoted}\n", mid, mid)


def _reply(digest: EmailMessage, body: str, mid: str, message_id: str) -> bytes:
    m = EmailMessage()
    m["From"], m["To"] = f"Alex Morgan <{OWNER}>", str(digest["From"])
    m["Subject"], m["Date"] = f"Re: {digest['Subject']}", "Wed, 25 Nov 2026 09:05:00 -0800"
    m["Message-ID"], m["In-Reply-To"], m["References"] = message_id, digest["Message-ID"], digest["Message-ID"]
    m.set_content(body)
    return m.as_bytes()


def mail_world(tmp_path: Path, dovecot: Dovecot, start_server) -> tuple[User, object, Delivery, Path]:
    """The owner's mailbox in Dovecot holding the sample mail, and an SMTP server delivering into it."""
    owner = dovecot.add_user()
    load_sample(dovecot, owner)
    server = start_server("starttls")
    delivery = Delivery(dovecot, owner)
    server.handler.on_data = delivery
    return owner, server, delivery, settings_file(tmp_path, dovecot, owner, server.port, server.ca_file)


def test_replies_from_three_clients_send_the_chosen_drafts_and_receipts(tmp_path, dovecot, start_server):
    owner, server, delivery, config = mail_world(tmp_path, dovecot, start_server)
    cli(config, owner, "sync")
    plan = __import__("json").loads(cli(config, owner, "digest", "--json", "--now", NOW).stdout)
    cli(config, owner, "digest", "--send", "--now", NOW)
    (digest,) = [m for m in delivery.inbox(OWNER) if str(m["Subject"]).startswith("Your week")]
    assert "Reply to act: send" in digest.get_body(("plain",)).get_content()

    intro, story = plan["intros"][0], plan["stories"][0]
    reconnect = plan["reconnect"][0]
    helper = intro["drafts"][0]["to"][0]["email"]  # the opt-in note goes to the helper only
    replies = [gmail(digest, f"send {intro['id']}", "<g1@mail.gmail.example>"),
               outlook(digest, f"Thanks! yes {story['id']}", "<o1@outlook.example>"),
               apple_mail(digest, f"Send #{reconnect['id']}.", "<a1@icloud.example>")]
    for raw in replies:  # the server delivers the reply to the owner; the client files its copy in Sent
        dovecot.append(owner, "INBOX", [raw])
        dovecot.append(owner, "Sent", [raw])
    before = len(server.handler.envelopes)
    cli(config, owner, "sync", "--now", LATER)
    acted = cli(config, owner, "act", "--now", LATER)
    assert "3 replies handled, 3 sent" in acted.stdout, acted.stdout
    new = server.handler.envelopes[before:]
    drafts = [e for e in new if e.rcpt_tos != [OWNER]]
    assert sorted(r for e in drafts for r in e.rcpt_tos) == sorted(
        [helper, story["drafts"][0]["to"][0]["email"], reconnect["drafts"][0]["to"][0]["email"]])
    (note,) = [m for m in delivery.inbox(helper) if m["Subject"] == intro["drafts"][0]["subject"]]
    assert note.get_content().replace("\r\n", "\n").strip() == intro["drafts"][0]["body"].strip()
    assert note["From"].addresses[0].addr_spec == OWNER
    receipts = [m for m in delivery.inbox(OWNER) if str(m["Message-ID"]).startswith("<act.receipt.")]
    assert len(receipts) == 3 and all("Sent from your address" in r.get_content() for r in receipts)
    assert all(r["Auto-Submitted"] == "auto-replied" and r["To"].addresses[0].addr_spec == OWNER for r in receipts)

    # the same Gmail reply again (a second copy in the inbox) and another sync and pass: nothing more
    dovecot.append(owner, "INBOX", [replies[0]])
    count = len(server.handler.envelopes)
    cli(config, owner, "sync", "--now", "2026-11-25T17:40:00+00:00")
    cli(config, owner, "act", "--now", "2026-11-25T17:40:00+00:00")
    assert len(server.handler.envelopes) == count
    pending = cli(config, owner, "pending", "--now", "2026-11-25T17:40:00+00:00").stdout
    assert "Nothing pending" in pending
