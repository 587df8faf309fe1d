"""Strict address parsing and header-safe text (CVE-2023-27043 / CVE-2024-6923 territory)."""

import pytest

from assistant.addresses import clean_text, decode_words, parse_address, parse_address_list
from assistant.models import Address


@pytest.mark.parametrize("raw, expected", [
    ("John Doe <JOHN@Acme.com>", Address("John Doe", "john@acme.com")),
    ('"Doe, John" <j@acme.com>', Address("John Doe", "j@acme.com")),  # Outlook's "Last, First" reads as John Doe
    ("j@acme.com (John Doe)", Address("John Doe", "j@acme.com")),
    ("<j@acme.com>", Address("", "j@acme.com")),
    ("j@acme.com", Address("", "j@acme.com")),
    ("=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <jm@firma.de>", Address("Jörg Müller", "jm@firma.de")),
    ("'Ana Lima' <ana@x.com.br>", Address("Ana Lima", "ana@x.com.br")),
    ("Bob <mailto:bob@corp.example>", Address("Bob", "bob@corp.example")),
    # an address in the display name is a spoofing device: the name is dropped
    ("a@evil.com <c@good.com>", Address("", "c@good.com")),
    ('"ceo@bank.com" <x@attacker.net>', Address("", "x@attacker.net")),
    # mailboxes real systems issue outside the dot-atom: a Japanese carrier's, an Exchange export's
    ("Hanako <hana..yamada@docomo.ne.jp>", Address("Hanako", "hana..yamada@docomo.ne.jp")),
    ("taro.@ezweb.ne.jp", Address("", "taro.@ezweb.ne.jp")),
    ("d..steffes@enron.com", Address("", "d..steffes@enron.com")),
    ("o'brien@firm.ie", Address("", "o'brien@firm.ie")),
])
def test_parse_address_accepts(raw, expected):
    assert parse_address(raw) == expected


@pytest.mark.parametrize("raw", [
    '"a@evil.com"@good.com',  # CVE-2023-27043: stdlib parseaddr would return a@evil.com
    "alice@example.com@evil.com",
    "no address here",
    "",
    "<>",
    "a@b",
    "John <john@acme.com> <other@evil.com>",
    "'gill@enron.com",  # a broken export's remains of "'Gill, Kiran'": nobody's address
    ".lead@x.com",
    "a@x..com",  # the domain stays strict: dots in a row never choose the host
    "a@.x.com",
])
def test_parse_address_refuses(raw):
    assert parse_address(raw) is None


def test_a_list_keeps_the_real_address_beside_an_exports_broken_one():
    # an Exchange export wrote "'Gill, Kiran' <kiran.gill@...>" as two entries
    assert parse_address_list("'gill@enron.com, kiran.gill@neg.pge.com") == (Address("", "kiran.gill@neg.pge.com"),)


def test_list_splits_on_commas_outside_quotes_and_dedupes():
    got = parse_address_list('a@b.com, "Last, First" <f@x.org>; A@B.com, bad, Team: t@y.io')
    assert [a.email for a in got] == ["a@b.com", "f@x.org", "t@y.io"]
    assert got[1].name == "First Last"


@pytest.mark.parametrize("raw, expected", [
    ("hello\r\nBcc: victim@x.com", "hello Bcc: victim@x.com"),
    ("a\u2028b\u2029c\x85d", "a b c d"),
    ("evil\u202etxt.exe", "evil txt.exe"),
    ("  spaced   out  ", "spaced out"),
    (None, ""),
])
def test_clean_text_removes_line_breaks_and_controls(raw, expected):
    assert clean_text(raw) == expected


def test_encoded_newline_in_subject_cannot_reach_a_header():
    decoded = decode_words("=?UTF-8?Q?hi=0ABcc:_victim@x.com?=")
    assert "\n" not in decoded and "\r" not in decoded
    assert decoded == "hi Bcc: victim@x.com"


def test_a_mailbox_outside_the_dot_atom_can_be_written_into_a_header():
    from email.message import EmailMessage

    from assistant.addresses import header_mailbox
    message = EmailMessage()
    message["To"] = [header_mailbox("Jim Steffes", "d..steffes@enron.com"), header_mailbox("", "hana.@docomo.ne.jp")]
    assert str(message["To"]) == "Jim Steffes <d..steffes@enron.com>, hana.@docomo.ne.jp"
    message["Cc"] = header_mailbox("Evil\r\nBcc: x@evil.example", "a@b.example")  # a name never breaks a line
    assert "\n" not in str(message["Cc"]) and "Bcc" not in message


def test_an_address_of_either_grammar_in_a_display_name_drops_the_name():
    assert parse_address('"j..doe@acme.com" <attacker@evil.example>') == Address("", "attacker@evil.example")
