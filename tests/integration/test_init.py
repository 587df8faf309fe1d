"""`init` end to end against the local Dovecot: questions answered on stdin, the login tested, a
private settings file with no secret in it; a wrong password writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import load_settings

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def init(tmp_path: Path, dovecot, user, password: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    target = tmp_path / "conf" / "settings.toml"
    answers = "\n".join(["me@morgan-advisory.example", "Alex Morgan", "127.0.0.1", str(dovecot.imaps_port), "y",
                         "127.0.0.1", "465", dovecot.ca_file, user.name, "2", "MY_MAIL_PASSWORD",
                         "Europe/Berlin", str(tmp_path / "state" / "state.json"), "n"]) + "\n"
    env = {**os.environ, "MY_MAIL_PASSWORD": password}
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "init", "--path", str(target)], input=answers,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    return proc, target


def test_init_tests_the_login_and_writes_a_private_file_without_the_password(tmp_path, dovecot):
    user = dovecot.add_user()
    proc, target = init(tmp_path, dovecot, user, user.password)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "the login works" in proc.stdout
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_text()
    assert user.password not in text and 'password_env = "MY_MAIL_PASSWORD"' in text
    settings = load_settings(target)
    assert settings.owner.email == "me@morgan-advisory.example"
    assert (settings.mailbox.host, settings.mailbox.port, settings.mailbox.scheme) == ("127.0.0.1",
                                                                                       dovecot.imaps_port, "imaps")
    assert settings.digest.timezone == "Europe/Berlin"
    again, _ = init(tmp_path, dovecot, user, user.password)
    assert again.returncode == 2 and "never overwrites" in again.stderr


def test_a_wrong_password_writes_nothing(tmp_path, dovecot):
    user = dovecot.add_user()
    proc, target = init(tmp_path, dovecot, user, "not-the-password")
    assert proc.returncode == 2 and "login did not work" in proc.stderr and "MY_MAIL_PASSWORD" in proc.stderr
    assert "not-the-password" not in proc.stderr + proc.stdout
    assert not target.exists()


@pytest.mark.parametrize(("email", "imap"), [("someone@gmail.com", "imap.gmail.com"),
                                              ("someone@outlook.com", "outlook.office365.com"),
                                              ("someone@fastmail.com", "imap.fastmail.com"),
                                              ("someone@icloud.com", "imap.mail.me.com"),
                                              ("someone@yahoo.com", "imap.mail.yahoo.com")])
def test_common_providers_are_recognised(email, imap):
    from assistant.jobs.init import provider_for

    provider = provider_for(email)
    assert provider is not None and provider.imap == imap


def test_init_offers_a_first_sync_and_a_first_digest_sent_to_the_owner_only(tmp_path, dovecot):
    from tests.integration.smtp_server import server_starter

    user = dovecot.add_user()
    dovecot.append(user, "INBOX", [(
        b"From: Dana Lee <dana@lee.example>\r\nTo: me@morgan-advisory.example\r\nSubject: Lunch\r\n"
        b"Date: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <lunch-1@lee.example>\r\n\r\n"
        b"Great to catch up. We just closed our seed round!\r\n")])
    dovecot.append(user, "Sent", [(
        b"From: Alex Morgan <me@morgan-advisory.example>\r\nTo: Dana Lee <dana@lee.example>\r\nSubject: Re: Lunch\r\n"
        b"Date: Mon, 30 Nov 2026 12:00:00 +0000\r\nMessage-ID: <re-lunch-1@morgan-advisory.example>\r\n"
        b"In-Reply-To: <lunch-1@lee.example>\r\n\r\nCongratulations, Dana!\r\n")])
    starter = server_starter(Path(dovecot.root))  # the SMTP server shows Dovecot's certificate: one CA file
    start = next(starter)
    try:
        server = start("starttls")
        server.handler.credentials = (user.name, user.password)
        target = tmp_path / "conf" / "settings.toml"
        answers = "\n".join(["me@morgan-advisory.example", "Alex Morgan", "127.0.0.1", str(dovecot.imaps_port), "y",
                             "127.0.0.1", str(server.port), dovecot.ca_file, user.name, "2", "MY_MAIL_PASSWORD",
                             "Europe/Berlin", str(tmp_path / "state" / "state.json"), "y", "y"]) + "\n"
        env = {**os.environ, "MY_MAIL_PASSWORD": user.password, "ASSISTANT_CONFIG": ""}
        proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "init", "--path", str(target)], input=answers,
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "Dana Lee" in proc.stdout  # the network, after the first sync
        assert len(server.handler.envelopes) == 1
        envelope = server.handler.envelopes[0]
        assert envelope.rcpt_tos == ["me@morgan-advisory.example"]
        assert "run keeps it going" in proc.stdout
    finally:
        next(starter, None)
