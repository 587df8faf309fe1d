"""Delivery against a real aiosmtpd on 127.0.0.1: STARTTLS and implicit TLS with a throwaway CA, AUTH.

The envelope must name the owner only, TLS must be verified and up before any password is fetched,
and no failure may echo the password. Under CI=true a server that cannot start fails the test.
"""

from __future__ import annotations

import email
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from aiosmtpd.smtp import Envelope

from assistant.digest.render import make_environments, render_digest
from assistant.digest.tokens import message_id_for, new_digest_id, verify
from assistant.errors import DeliveryError, MailboxError
from assistant.mailbox.sent_copy import SentCopySettings, provider_saves_sent, save_to_sent
from assistant.models import SECTIONS, Address, Draft, Suggestion
from assistant.smtp import SmtpMailer
from tests.integration.dovecot import Dovecot, free_port
from tests.integration.smtp_server import PASSWORD, USER, Server

pytestmark = [
    pytest.mark.integration,
    # the "plain" and "implicit" servers offer AUTH outside STARTTLS on purpose
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning"),
]

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
KEY = b"s" * 32
DIGEST_ID = new_digest_id(NOW, b"\x07" * 16)
OWNER = Address("Ana Owner", "ana@owner.example")


class Password:
    """Stands in for the password command; counts how often the secret was asked for."""

    def __init__(self, secret: str = PASSWORD) -> None:
        self.secret, self.calls = secret, 0

    def __call__(self) -> str:
        self.calls += 1
        return self.secret


def mailer(server: Server, security: str = "starttls", *, password: Callable[[], str] | None = None,
           ca_file: str | None | bool = True, username: str = USER) -> SmtpMailer:
    return SmtpMailer("127.0.0.1", server.port, security, username, password or Password(),  # type: ignore[arg-type]
                      ca_file=server.ca_file if ca_file is True else ca_file or None, timeout=10)


@dataclass(frozen=True)
class FakeDigest:
    generated_at: datetime
    sections: dict[str, tuple[Suggestion, ...]]


def digest_message(name: str = "Lena Park") -> EmailMessage:
    person = Address(name, "lena@park.example")
    helper = Address("Kofi Mensah", "kofi@mensah.example")
    draft = Draft((person,), f"Meet {name}", "Hi Lena,\n\nMeet Kofi.\n\nAna", (helper,), "intro_connect")
    item = Suggestion("intros", "intro:x", f"{name} needs a developer; Kofi is one.", 1.0, (person, helper),
                      (draft,), {"people": []}, id=1)
    digest = FakeDigest(NOW, {s: (item,) if s == "intros" else () for s in SECTIONS})
    html_env, text_env = make_environments(TEMPLATES)
    return render_digest(digest, owner=OWNER, sender_name="Networking assistant", html_env=html_env,
                         text_env=text_env, message_id=message_id_for(DIGEST_ID, KEY, "owner.example"), now=NOW)


def received(server: Server) -> tuple[Envelope, EmailMessage]:
    assert len(server.handler.envelopes) == 1
    envelope = server.handler.envelopes[0]
    content = envelope.original_content or envelope.content
    assert isinstance(content, bytes)
    return envelope, email.message_from_bytes(content, policy=default)  # type: ignore[return-value]


def assert_digest_for_the_owner_only(server: Server) -> None:
    envelope, message = received(server)
    assert envelope.rcpt_tos == [OWNER.email]
    assert envelope.mail_from == OWNER.email
    assert [a.addr_spec for a in message["To"].addresses] == [OWNER.email]
    assert message["Cc"] is None and message["Bcc"] is None
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    assert verify(message["Message-ID"], KEY) == DIGEST_ID
    assert "Kofi Mensah" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize("mode, security", [("starttls", "starttls"), ("implicit", "ssl")])
def test_digest_is_delivered_to_the_owner_only(start_server, mode, security):
    server = start_server(mode)
    mailer(server, security).send(digest_message(), [OWNER.email])
    assert_digest_for_the_owner_only(server)
    assert server.handler.logins == [USER.encode()]


def test_envelope_comes_from_the_argument_never_from_the_headers(start_server):
    server = start_server()
    message = digest_message()
    message["Cc"] = "Mallory <mallory@evil.example>"
    message["Bcc"] = "eve@evil.example"
    mailer(server).send(message, [OWNER.email])
    envelope, _ = received(server)
    assert envelope.rcpt_tos == [OWNER.email]


def test_hostile_contact_name_does_not_reach_the_envelope_or_headers(start_server):
    server = start_server()
    mailer(server).send(digest_message("Lena\r\nBcc: x@evil.com"), [OWNER.email])
    envelope, message = received(server)
    assert envelope.rcpt_tos == [OWNER.email] and message["Bcc"] is None


def test_untrusted_certificate_is_refused_before_auth(start_server):
    server = start_server()
    password = Password()
    with pytest.raises(DeliveryError, match=rf"127\.0\.0\.1:{server.port}: certificate not trusted"):
        mailer(server, password=password, ca_file=None).send(digest_message(), [OWNER.email])
    assert password.calls == 0 and server.handler.logins == [] and server.handler.envelopes == []


def test_untrusted_certificate_is_refused_with_implicit_tls(start_server):
    server = start_server("implicit")
    password = Password()
    with pytest.raises(DeliveryError, match="certificate not trusted"):
        mailer(server, "ssl", password=password, ca_file=None).send(digest_message(), [OWNER.email])
    assert password.calls == 0 and server.handler.envelopes == []


def test_server_without_starttls_is_refused_before_auth(start_server):
    server = start_server("plain")
    password = Password()
    with pytest.raises(DeliveryError, match="does not offer STARTTLS.*use an smtps:// url"):
        mailer(server, password=password).send(digest_message(), [OWNER.email])
    assert password.calls == 0 and server.handler.logins == [] and server.handler.envelopes == []


def test_wrong_password_is_one_line_without_the_password(start_server):
    server = start_server()
    wrong = "hunter2-wrong-secret"
    with pytest.raises(DeliveryError) as info:
        mailer(server, password=Password(wrong)).send(digest_message(), [OWNER.email])
    text = str(info.value)
    assert wrong not in text and PASSWORD not in text and "\n" not in text
    assert f"127.0.0.1:{server.port}" in text and "login failed" in text
    assert info.value.__cause__ is None and server.handler.envelopes == []


def test_nothing_listening_is_one_line_naming_host_and_port():
    port = free_port()
    with pytest.raises(DeliveryError, match=rf"^127\.0\.0\.1:{port}: connection refused$"):
        SmtpMailer("127.0.0.1", port, "starttls", USER, Password(), None, 5).send(digest_message(), [OWNER.email])


def test_invalid_envelope_recipient_is_refused_before_connecting():
    with pytest.raises(DeliveryError, match="invalid or missing recipients"):
        SmtpMailer("127.0.0.1", 1, "ssl", USER, Password(), None, 5).send(digest_message(), ["a@b\r\nRCPT TO:<x@y>"])
    with pytest.raises(DeliveryError):
        SmtpMailer("127.0.0.1", 1, "ssl", USER, Password(), None, 5).send(digest_message(), [])


# -- the Sent copy (real Dovecot) ----------------------------------------------------------------

def test_provider_that_files_sent_mail_itself_gets_no_append():
    assert provider_saves_sent("smtp.gmail.com") and provider_saves_sent("imap.googlemail.com.")
    assert not provider_saves_sent("notgmail.com", "mail.example.org")
    settings = SentCopySettings("imap.gmail.com", 1, "tls", USER, Password())  # port 1: would fail if dialled
    assert save_to_sent(digest_message(), settings, smtp_host="smtp.gmail.com", now=NOW) is False


def test_digest_is_appended_to_sent_with_seen(dovecot: Dovecot):
    user = dovecot.add_user(sent="Sent")
    settings = SentCopySettings(dovecot.host, dovecot.imaps_port, "tls", user.name, Password(user.password),
                                ca_file=dovecot.ca_file, timeout=10)
    message = digest_message()
    assert save_to_sent(message, settings, smtp_host="smtp.owner.example", now=NOW) is True
    with dovecot.client(user) as client:
        client.select_folder("Sent", readonly=True)
        uids = client.search("ALL")
        fetched = client.fetch(uids, ["FLAGS", "BODY.PEEK[]"])
    assert len(uids) == 1
    data = fetched[uids[0]]
    assert b"\\Seen" in data[b"FLAGS"]
    assert verify(email.message_from_bytes(data[b"BODY[]"], policy=default)["Message-ID"], KEY) == DIGEST_ID


def test_sent_copy_refuses_an_untrusted_certificate_before_login(dovecot: Dovecot):
    user = dovecot.add_user(sent="Sent")
    password = Password(user.password)
    settings = SentCopySettings(dovecot.host, dovecot.imap_port, "starttls", user.name, password, timeout=10)
    with pytest.raises(MailboxError, match="certificate not trusted"):
        save_to_sent(digest_message(), settings, smtp_host="smtp.owner.example", now=NOW)
    assert password.calls == 0
