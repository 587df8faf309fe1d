"""The login decision in imap_connect, with a stand-in client (the sessions themselves are tested against Dovecot)."""

import pytest

from assistant.errors import AuthenticationError
from assistant.mailbox.connect import Endpoint, _login


class Client:
    def __init__(self, capabilities):
        self.capabilities, self.calls = capabilities, []

    def has_capability(self, name):
        return name in self.capabilities

    def login(self, user, secret):
        secret.encode("ascii")  # imaplib's LOGIN cannot carry anything else
        self.calls.append(("login", user))

    def plain_login(self, user, secret):
        self.calls.append(("plain_login", user))


def endpoint(secret):
    return Endpoint("imap.example", 993, "tls", "alex", lambda: secret)


@pytest.mark.parametrize("secret, capabilities, call", [
    ("hunter2", {"AUTH=PLAIN"}, "login"),
    ("hunter2", set(), "login"),
    ("pässwörd", {"AUTH=PLAIN"}, "plain_login"),  # LOGIN cannot carry it
])
def test_the_login_command_fits_the_password(secret, capabilities, call):
    client = Client(capabilities)
    _login(client, endpoint(secret))
    assert client.calls == [(call, "alex")]


def test_a_non_ascii_password_without_auth_plain_is_one_clear_error_without_the_password():
    client = Client(set())
    with pytest.raises(AuthenticationError) as raised:
        _login(client, endpoint("pässwörd"))
    assert "non-ASCII" in str(raised.value) and "pässwörd" not in str(raised.value)
    assert client.calls == []
