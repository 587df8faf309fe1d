"""Mail from the owner's addresses is the owner's only with proof; Authentication-Results read right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.models import Address, AuthResult, Owner, StoredMessage
from assistant.network.build import build_network
from assistant.network.owner import AUTHENTICATED, GMAIL_LABEL, SENT_FOLDER, OwnerProof
from assistant.reading.authresults import read_auth_results
from assistant.reading.parse import parse_message

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
OWNER = Owner("Alex Morgan", "alex@example.com", ("alex.morgan@gmail.com",))
ALEX = Address("Alex Morgan", "alex@example.com")
STRANGER = Address("Rick Sales", "rick@leadgen.example")
GOOGLE = "mx.google.com"


def message(mid, sender, to, folder="inbox:", auth=(), labels=(), days=5):
    return StoredMessage(mid, folder, kind="personal", sender=sender, to=(to,), subject="hi",
                         date=NOW - timedelta(days=days), reply_text="Quick question for you.", auth=auth,
                         labels=labels)


PASS = AuthResult(GOOGLE, "pass", "example.com", (("pass", "example.com"),))


@pytest.mark.parametrize("msg, in_sent, trusted, expected", [
    (message("<a>", ALEX, STRANGER), (), None, None),  # a forged From alone proves nothing
    (message("<a>", ALEX, STRANGER, folder="sent:Sent"), (), None, SENT_FOLDER),
    (message("<a>", ALEX, STRANGER), ("<a>",), None, SENT_FOLDER),  # a copy of it was seen in Sent
    (message("<a>", ALEX, STRANGER, labels=("Inbox", "Sent")), (), None, GMAIL_LABEL),
    (message("<a>", ALEX, STRANGER, auth=(PASS,)), (), GOOGLE, AUTHENTICATED),
    (message("<a>", ALEX, STRANGER, auth=(PASS,)), (), None, None),  # no provider named: no trust
    (message("<a>", ALEX, STRANGER, auth=(AuthResult("evil.example", "pass", "example.com"),)), (), GOOGLE, None),
    # the topmost field of the trusted provider decides: a forged "pass" below a real "fail" counts for nothing
    (message("<a>", ALEX, STRANGER, auth=(AuthResult(GOOGLE, "fail", "example.com"), PASS)), (), GOOGLE, None),
    (message("<a>", ALEX, STRANGER, auth=(AuthResult(GOOGLE, "none", None, (("pass", "example.com"),)),)), (),
     GOOGLE, AUTHENTICATED),  # an aligned DKIM signature passed
    (message("<a>", ALEX, STRANGER, auth=(AuthResult(GOOGLE, "none", None, (("pass", "mailer.example"),)),)), (),
     GOOGLE, None),  # a signature, but not the owner's domain's
    (message("<a>", Address("", "alex+x@example.com"), STRANGER, folder="sent:Sent"), (), None, SENT_FOLDER),
    (message("<a>", STRANGER, ALEX, folder="sent:Sent"), (), None, None),  # not claiming to be the owner
])
def test_owner_proof(msg, in_sent, trusted, expected):
    proof = OwnerProof(OWNER.identities, frozenset(in_sent).__contains__, trusted)
    assert proof.proof(msg) == expected


def test_a_forged_message_from_the_owner_does_not_make_a_stranger_a_contact():
    forged = message("<forged@x>", ALEX, STRANGER, days=6)
    pitch = message("<pitch@x>", STRANGER, ALEX, days=5)
    net = build_network([forged, pitch], OWNER, NOW, proof=OwnerProof(OWNER.identities))
    assert net.find("rick@leadgen.example") is None
    assert "stranger" in net.excluded["rick@leadgen.example"]
    assert net.unproven == ("<forged@x>",)
    real = message("<real@x>", ALEX, STRANGER, folder="sent:Sent", days=6)
    net = build_network([real, pitch], OWNER, NOW, proof=OwnerProof(OWNER.identities))
    assert net.find("rick@leadgen.example") is not None


@pytest.mark.parametrize("fields, expected", [
    (["mx.google.com; dkim=pass header.i=@example.com header.s=20230601 header.b=AbC; spf=pass "
      "smtp.mailfrom=alex@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com"],
     (AuthResult("mx.google.com", "pass", "example.com", (("pass", "example.com"),)),)),
    (["mx.example.net;\n\tdkim=fail (bad signature) header.d=example.com;\n\tdmarc=fail header.from=Example.COM"],
     (AuthResult("mx.example.net", "fail", "example.com", (("fail", "example.com"),)),)),
    (["i=1; mx.microsoft.com 1; spf=pass; dkim=pass header.d=contoso.com; arc=none"],
     (AuthResult("i=1", None, None, (("pass", "contoso.com"),)),)),  # ARC-style: "i=1" is never a provider's id
    (["mx.fastmail.com 1; none"], (AuthResult("mx.fastmail.com", None, None, ()),)),
    ([" ; "], ()),
    (["mx.a.example; dmarc=pass header.from=a.example", "evil.example; dmarc=pass header.from=a.example"],
     (AuthResult("mx.a.example", "pass", "a.example"), AuthResult("evil.example", "pass", "a.example"))),
])
def test_authentication_results_are_read_in_order(fields, expected):
    assert read_auth_results(fields) == expected


def test_the_parser_keeps_authentication_results_and_the_topmost_gmail_labels():
    raw = (b"X-Gmail-Labels: Sent,Important\r\nAuthentication-Results: mx.google.com; dmarc=pass "
           b"header.from=example.com\r\nFrom: Alex Morgan <alex@example.com>\r\nTo: rick@leadgen.example\r\n"
           b"X-Gmail-Labels: Inbox\r\nSubject: hi\r\nMessage-ID: <m@x>\r\n\r\nHello\r\n")
    parsed = parse_message(raw)
    assert parsed.labels == ("Sent", "Important")
    assert parsed.auth == (AuthResult("mx.google.com", "pass", "example.com"),)
    assert StoredMessage.from_message(parsed, OWNER, "inbox:").labels == (), "labels from IMAP are not Google's"
    stored = StoredMessage.from_message(parsed, OWNER, "inbox:/takeout.mbox", trust_labels=True)
    assert StoredMessage.from_json(stored.to_json()) == stored
