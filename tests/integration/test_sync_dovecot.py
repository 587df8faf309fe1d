"""`run.py sync` end to end against a real Dovecot: the user's view of the sync."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.corpus import inbox_messages, message, sent_messages
from tests.integration.dovecot import Dovecot, User

ROOT = Path(__file__).resolve().parents[2]


def settings(tmp_path: Path, server: Dovecot, user: User, *, starttls: bool = False, ca: bool = True,
             password_command: list[str] | None = None) -> Path:
    scheme, port = ("imap", server.imap_port) if starttls else ("imaps", server.imaps_port)
    lines = ['[owner]', 'name = "Alex"', 'email = "alex@example.com"', '[mailbox]',
             f'url = "{scheme}://{user.name}@127.0.0.1:{port}"', 'timeout = 10', 'size_cap = 50000']
    if ca:
        lines.append(f'ca_file = "{server.ca_file}"')
    if password_command:
        lines.append("password_command = [" + ", ".join(f'"{a}"' for a in password_command) + "]")
    lines += ['[store]', f'path = "{tmp_path}/state/state.json"']
    path = tmp_path / "settings.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def sync(config: Path, password: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_MAILBOX_PASSWORD"}
    if password is not None:
        env["ASSISTANT_MAILBOX_PASSWORD"] = password
    return subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(config), "sync"],
                          capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


def counts(proc: subprocess.CompletedProcess[str]) -> tuple[int, int, int]:
    found = re.search(r"(\d+) messages read, (\d+) new, (\d+) already known, (\d+) refused", proc.stdout)
    assert found, proc.stdout + proc.stderr
    read, new, known, _ = map(int, found.groups())
    return read, new, known


def flags(server: Dovecot, user: User) -> dict[str, dict[int, set[str]]]:
    with server.client(user) as client:
        out = {}
        for folder in ("INBOX", "Sent"):
            client.select_folder(folder, readonly=True)
            out[folder] = {uid: set(f) - {b"\\Recent"} for uid, f in client.get_flags(client.search("ALL")).items()}
        return out


@pytest.fixture
def mailbox(dovecot: Dovecot) -> User:
    user = dovecot.add_user()
    dovecot.append(user, "INBOX", inbox_messages())
    dovecot.append(user, "Sent", sent_messages())
    dovecot.add_flags(user, "INBOX", [2], "\\Flagged")
    return user


@pytest.mark.parametrize("starttls", [False, True], ids=["implicit-tls", "starttls"])
def test_sync_reads_everything_once_and_changes_no_flag(tmp_path, dovecot, mailbox, starttls):
    config = settings(tmp_path, dovecot, mailbox, starttls=starttls)
    before = flags(dovecot, mailbox)
    first = sync(config, mailbox.password)
    assert first.returncode == 0, first.stderr
    assert counts(first) == (6, 6, 0)
    assert flags(dovecot, mailbox) == before, "a sync must never change the user's flags"
    again = sync(config, mailbox.password)
    assert counts(again) == (0, 0, 0), "a second sync with nothing new ingests nothing"
    dovecot.append(mailbox, "INBOX", [message(50)])
    assert counts(sync(config, mailbox.password)) == (1, 1, 0)


def test_uidvalidity_change_remaps_without_ingesting_twice(tmp_path, dovecot, mailbox):
    config = settings(tmp_path, dovecot, mailbox)
    assert counts(sync(config, mailbox.password))[1] == 6
    dovecot.set_uidvalidity(mailbox, "INBOX", dovecot.uidvalidity(mailbox, "INBOX") + 7)
    dovecot.append(mailbox, "INBOX", [message(60)])
    proc = sync(config, mailbox.password)
    read, new, known = counts(proc)
    assert new == 1 and read == 1, "known messages are matched by Message-ID from their headers"
    assert "re-mapped" in proc.stdout


def test_wrong_password_is_one_line_and_never_echoed(tmp_path, dovecot, mailbox):
    config = settings(tmp_path, dovecot, mailbox)
    proc = sync(config, "not-the-password-xyzzy")
    assert proc.returncode == 1
    assert "xyzzy" not in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and f"127.0.0.1:{dovecot.imaps_port}" in last and "login" in last


def test_untrusted_certificate_is_refused_before_the_password_is_even_fetched(tmp_path, dovecot, mailbox):
    marker = tmp_path / "password-was-asked"
    config = settings(tmp_path, dovecot, mailbox, ca=False,
                      password_command=["sh", "-c", f"touch {marker}; echo {mailbox.password}"])
    proc = sync(config, None)
    assert proc.returncode == 1
    assert "certificate" in proc.stderr.lower() and "Traceback" not in proc.stderr
    assert not marker.exists(), "no credential may be produced before the server is trusted"


def test_state_is_private_and_survives(tmp_path, dovecot, mailbox):
    config = settings(tmp_path, dovecot, mailbox)
    assert sync(config, mailbox.password).returncode == 0
    state = tmp_path / "state" / "state.json"
    assert oct(state.stat().st_mode & 0o777) == "0o600"
    assert oct(state.parent.stat().st_mode & 0o777) == "0o700"
    assert mailbox.password not in state.read_text()
