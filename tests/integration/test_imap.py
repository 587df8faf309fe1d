"""IMAP against a real Dovecot: TLS policy, credentials, read-only access, drops and resets."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from assistant.errors import AuthenticationError, MailboxError
from assistant.mailbox.base import INBOX, SENT, Folder
from assistant.mailbox.imap import ImapSource
from tests.integration.corpus import SIZE_CAP, inbox_messages, lf, message
from tests.integration.dovecot import Dovecot, User, free_port
from tests.integration.fake_imap import FakeImapServer

INBOX_FOLDER = Folder("INBOX", INBOX)

pytestmark = pytest.mark.integration  # needs the Dovecot test server


class PasswordCommand:
    """Stands in for the password command; counts how often the secret was asked for."""

    def __init__(self, secret: str) -> None:
        self.secret, self.calls = secret, 0

    def __call__(self) -> str:
        self.calls += 1
        return self.secret


def imap(dovecot: Dovecot, user: User, *, starttls: bool = False, password: Callable[[], str] | None = None,
         **options: object) -> ImapSource:
    settings: dict[str, object] = {"ca_file": dovecot.ca_file, "timeout": 10, "backoff": 0.05, **options}
    return ImapSource(dovecot.host, dovecot.imap_port if starttls else dovecot.imaps_port,
                      security="starttls" if starttls else "tls", username=user.name,
                      password=password or PasswordCommand(user.password), **settings)  # type: ignore[arg-type]


def logins(dovecot: Dovecot, user: User, since: int) -> list[str]:
    """Dovecot's log lines about authentication attempts by user, after log offset since."""
    return [line for line in dovecot.log()[since:].splitlines()
            if f"user=<{user.name}>" in line and ("Login:" in line or "auth" in line.lower())]


def read_everything(source: ImapSource, folder: Folder = INBOX_FOLDER) -> list[bytes]:
    keys = source.list_new(folder, None).keys
    list(source.fetch_headers(folder, keys))
    return [m.raw for m in source.fetch_messages(folder, keys, SIZE_CAP)]


@pytest.fixture
def user(dovecot: Dovecot) -> User:
    fresh = dovecot.add_user()
    dovecot.append(fresh, "INBOX", inbox_messages())
    return fresh


def test_full_read_adds_no_seen_flag_and_keeps_other_flags(dovecot: Dovecot, user: User) -> None:
    dovecot.add_flags(user, "INBOX", [1], "\\Flagged")
    dovecot.add_flags(user, "INBOX", [2], "\\Answered", "$Label1")
    before = {uid: dovecot.flags(user, "INBOX", uid) - {"\\Recent"} for uid in range(1, 6)}
    with imap(dovecot, user) as source:
        assert len(read_everything(source)) == 5
    after = {uid: dovecot.flags(user, "INBOX", uid) - {"\\Recent"} for uid in range(1, 6)}
    assert after == before
    assert before[1] == {"\\Flagged"} and before[2] == {"\\Answered", "$Label1"}


def test_flags_are_reported_with_the_message(dovecot: Dovecot, user: User) -> None:
    dovecot.add_flags(user, "INBOX", [1], "\\Flagged")
    with imap(dovecot, user) as source:
        first = next(source.fetch_messages(INBOX_FOLDER, [1], SIZE_CAP))
    assert "\\Flagged" in first.flags and "\\Seen" not in first.flags


@pytest.mark.parametrize("starttls", [True, False], ids=["starttls-on-plain-port", "implicit-tls"])
def test_logs_in_over_tls_verified_with_the_configured_ca(dovecot: Dovecot, user: User, starttls: bool) -> None:
    mark = len(dovecot.log())
    with imap(dovecot, user, starttls=starttls) as source:
        assert [f.role for f in source.folders()] == [INBOX, SENT]
    assert [", TLS," in line for line in logins(dovecot, user, mark)] == [True]


@pytest.mark.parametrize("starttls", [True, False], ids=["starttls", "implicit-tls"])
def test_untrusted_certificate_is_refused_before_any_login(dovecot: Dovecot, user: User, starttls: bool) -> None:
    password = PasswordCommand(user.password)
    mark = len(dovecot.log())
    source = imap(dovecot, user, starttls=starttls, password=password, ca_file=None)
    with pytest.raises(MailboxError, match="certificate not trusted") as failure:
        source.open()
    port = dovecot.imap_port if starttls else dovecot.imaps_port
    assert str(failure.value).startswith(f"127.0.0.1:{port}: ")
    assert password.calls == 0
    assert logins(dovecot, user, mark) == []


def test_server_without_starttls_on_a_plain_port_is_refused_before_login() -> None:
    password = PasswordCommand("hunter2")
    with FakeImapServer(capabilities="IMAP4rev1 AUTH=PLAIN LOGIN") as server:
        source = ImapSource("127.0.0.1", server.port, security="starttls", username="alex",
                            password=password, timeout=5)
        with pytest.raises(MailboxError, match="does not offer STARTTLS") as failure:
            source.open()
    assert str(failure.value).startswith(f"127.0.0.1:{server.port}: ")
    assert password.calls == 0
    assert not any(re.search(rb"\b(LOGIN|AUTHENTICATE)\b", line, re.IGNORECASE) for line in server.received)


def test_silent_server_times_out_with_a_clear_error() -> None:
    with FakeImapServer(greet=False) as server:
        source = ImapSource("127.0.0.1", server.port, security="starttls", username="alex",
                            password=PasswordCommand("x"), timeout=0.5)
        with pytest.raises(MailboxError, match=f"127.0.0.1:{server.port}: no answer within 0.5 s"):
            source.open()


def test_wrong_password_is_an_authentication_error_without_the_password(dovecot: Dovecot, user: User) -> None:
    wrong = "Tr0ub4dor&3-wrong"
    source = imap(dovecot, user, password=PasswordCommand(wrong))
    with pytest.raises(AuthenticationError) as failure:
        source.open()
    text = str(failure.value)
    assert text.startswith(f"127.0.0.1:{dovecot.imaps_port}: login failed for {user.name}")
    assert wrong not in text and wrong not in repr(failure.value.__cause__)


def test_password_command_runs_only_to_log_in(dovecot: Dovecot, user: User) -> None:
    password = PasswordCommand(user.password)
    source = imap(dovecot, user, password=password)
    assert password.calls == 0
    with source:
        read_everything(source)
    assert password.calls == 1


def test_message_expunged_between_list_and_fetch_is_skipped(dovecot: Dovecot, user: User) -> None:
    with imap(dovecot, user) as source:
        keys = source.list_new(INBOX_FOLDER, None).keys
        dovecot.expunge(user, "INBOX", [2])
        fetched = {m.key: m.raw for m in source.fetch_messages(INBOX_FOLDER, keys, size_cap=10**9)}
    # a session not yet told of the expunge may still be served the message: both are fine
    assert set(fetched) - {2} == {1, 3, 4, 5}
    assert all(lf(raw) in {lf(m) for m in inbox_messages()} for raw in fetched.values())


@pytest.mark.parametrize("drop", ["kick", "restart"])
def test_connection_dropped_mid_fetch_reconnects_and_finishes(dovecot: Dovecot, user: User, drop: str) -> None:
    dovecot.append(user, "INBOX", [message(n) for n in range(10, 25)])
    mark = len(dovecot.log())
    with imap(dovecot, user, batch_size=4) as source:
        keys = source.list_new(INBOX_FOLDER, None).keys
        fetched = []
        for raw in source.fetch_messages(INBOX_FOLDER, keys, SIZE_CAP):
            fetched.append(raw.key)
            if len(fetched) == 2:
                dovecot.kick(user) if drop == "kick" else dovecot.restart()
    assert fetched == keys
    assert len([line for line in logins(dovecot, user, mark) if "Login:" in line]) == 2


def test_connection_that_stays_down_gives_up_with_a_clear_error(dovecot: Dovecot, user: User) -> None:
    source = imap(dovecot, user, batch_size=2, max_retries=2)
    with source:
        keys = source.list_new(INBOX_FOLDER, None).keys
        source.port = free_port()  # the server "moved away": every reconnect is refused
        dovecot.kick(user)
        with pytest.raises(MailboxError, match="connection refused .*gave up after 2 reconnect attempts"):
            list(source.fetch_messages(INBOX_FOLDER, keys, SIZE_CAP))


def test_recreated_folder_resets_the_listing(dovecot: Dovecot, user: User) -> None:
    sent = Folder("Sent", SENT)
    dovecot.append(user, "Sent", [message(100)])
    with imap(dovecot, user) as source:
        listing = source.list_new(sent, None)
        cursor = source.advance(listing.cursor, listing.keys)
    dovecot.recreate_folder(user, "Sent")
    dovecot.append(user, "Sent", [message(100), message(101)])
    with imap(dovecot, user) as source:
        again = source.list_new(sent, cursor)
    assert again.reset
    assert again.keys == [1, 2]
    assert again.cursor["uidvalidity"] != cursor["uidvalidity"]


def test_uidvalidity_change_mid_pass_asks_for_another_sync(dovecot: Dovecot, user: User) -> None:
    with imap(dovecot, user, batch_size=2) as source:
        keys = source.list_new(INBOX_FOLDER, None).keys
        dovecot.set_uidvalidity(user, "INBOX", dovecot.uidvalidity(user, "INBOX") + 7)
        dovecot.kick(user)
        with pytest.raises(MailboxError, match="folder INBOX .*UIDVALIDITY changed.*run sync again"):
            list(source.fetch_messages(INBOX_FOLDER, keys, SIZE_CAP))


def test_unknown_host_is_named() -> None:
    source = ImapSource("imap.nonexistent.invalid", 993, username="alex", password=PasswordCommand("x"))
    with pytest.raises(MailboxError, match=r"^imap\.nonexistent\.invalid:993: cannot resolve host"):
        source.open()


def test_refused_port_is_named() -> None:
    port = free_port()
    source = ImapSource("127.0.0.1", port, username="alex", password=PasswordCommand("x"), timeout=5)
    with pytest.raises(MailboxError, match=f"^127.0.0.1:{port}: connection refused$"):
        source.open()


@pytest.mark.parametrize("name", ["[Gmail]/Sent Mail", "[Gmail]/Gesendet", "[Gmail]/Messages envoyés",
                                  "[Google Mail]/Enviados", "Sent Items", "Posta inviata"])
def test_sent_folder_found_by_name_without_special_use(dovecot: Dovecot, name: str) -> None:
    user = dovecot.add_user(sent=None)
    dovecot.create_folder(user, "[Gmail]/All Mail")
    dovecot.create_folder(user, name)
    with imap(dovecot, user) as source:
        assert source.folders() == [Folder("INBOX", INBOX), Folder(name, SENT)]


def test_configured_sent_and_extra_folders_are_used(dovecot: Dovecot) -> None:
    user = dovecot.add_user(sent=None)
    dovecot.create_folder(user, "Outbox copies")
    dovecot.create_folder(user, "Lists/Python")
    with imap(dovecot, user, sent_folder="Outbox copies", extra_folders=["Lists/Python"]) as source:
        assert [(f.name, f.role) for f in source.folders()] == [
            ("INBOX", INBOX), ("Outbox copies", SENT), ("Lists/Python", "other")]


@pytest.mark.parametrize(("setting", "value"), [("sent_folder", "Sent Stuff"), ("extra_folders", ["Projects"])])
def test_missing_configured_folder_is_named(dovecot: Dovecot, user: User, setting: str, value: object) -> None:
    with imap(dovecot, user, **{setting: value}) as source:
        expected = f"127.0.0.1:{dovecot.imaps_port}: .*'(Sent Stuff|Projects)' does not exist"
        with pytest.raises(MailboxError, match=expected):
            source.folders()
