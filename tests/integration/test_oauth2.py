"""OAuth2 end to end: `auth` (device code and browser with PKCE) against a token endpoint on
127.0.0.1, then sync over XOAUTH2 against a real Dovecot whose oauth2 passdb asks that endpoint,
the access token refreshed and a rotated refresh token written back, a revoked sign-in reported in
one line, and the digest's SMTP login by XOAUTH2. The live Google and Microsoft flows are not
exercised here (they need a browser, an account and a registered client)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.jobs.credentials import smtp_secret
from assistant.smtp import SmtpMailer
from assistant.state.tokens import token_path
from tests.integration.dovecot import Dovecot, running_dovecot
from tests.integration.oauth_provider import CLIENT_ID, CLIENT_SECRET, Provider

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
OWNER = "me@morgan-advisory.example"


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    running = Provider(user="").start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def oauth_dovecot(provider: Provider) -> Iterator[Dovecot]:
    with running_dovecot(oauth2_introspection_url=f"{provider.url}/introspect") as server:
        yield server


@pytest.fixture
def account(tmp_path: Path, provider: Provider, oauth_dovecot: Dovecot) -> tuple[Path, object]:
    user = oauth_dovecot.add_user()
    provider.user, provider.pending, provider.deny, provider.rotate = user.name, 1, False, True
    provider.requests.clear()
    config = tmp_path / "settings.toml"
    config.write_text(f"""
[owner]
name = "Alex Morgan"
email = "{OWNER}"

[mailbox]
url = "imaps://{user.name}@127.0.0.1:{oauth_dovecot.imaps_port}"
ca_file = "{oauth_dovecot.ca_file}"

[mailbox.oauth2]
provider = "custom"
client_id = "{CLIENT_ID}"
client_secret_command = ["printenv", "TEST_SECRET"]
token_url = "{provider.url}/token"
device_url = "{provider.url}/device"
authorize_url = "{provider.url}/authorize"
scope = "mail"

[store]
path = "{tmp_path / 'state' / 'state.json'}"

[understanding]
model = "off"
""")
    return config, user


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TEST_SECRET": CLIENT_SECRET}
    env.pop("ASSISTANT_MAILBOX_PASSWORD", None)
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=timeout)


def tokens_of(config: Path) -> dict:
    return json.loads(token_path(load_settings(config).store.path).read_text())


def mail(subject: str) -> bytes:
    return (f"From: Dana Lee <dana@lee.example>\r\nTo: {OWNER}\r\nSubject: {subject}\r\n"
            f"Date: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{time.time_ns()}@lee.example>\r\n\r\n"
            "Good to see you last week.\r\n").encode()


def test_auth_by_device_code_then_sync_signs_in_with_xoauth2(account, provider, oauth_dovecot):
    config, user = account
    proc = run("--config", str(config), "auth", "--device")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "enter the code WDJB-MJHT" in proc.stdout and "IMAP login to 127.0.0.1" in proc.stdout
    path = token_path(load_settings(config).store.path)
    assert path.stat().st_mode & 0o777 == 0o600
    saved = tokens_of(config)
    assert saved["refresh_token"] in provider.refresh and saved["account"] == user.name
    for secret in (saved["refresh_token"], saved["access_token"], CLIENT_SECRET):
        assert secret not in proc.stdout + proc.stderr and secret not in config.read_text()
    polls = [form for path_, form in provider.requests if path_ == "/token"]
    assert len(polls) == 2 and polls[0]["client_secret"] == CLIENT_SECRET  # one "pending", then the grant

    oauth_dovecot.append(user, "INBOX", [mail("Coffee?")])
    synced = run("--config", str(config), "sync")
    assert synced.returncode == 0, synced.stderr
    assert "1 new" in synced.stdout or "1 message" in synced.stdout or "new: 1" in synced.stdout, synced.stdout
    assert any(path_ == "/introspect" for path_, _ in provider.requests)  # Dovecot checked the token
    assert saved["access_token"] not in synced.stderr


def test_an_expiring_token_is_refreshed_and_a_rotated_refresh_token_written_back(account, provider):
    config, _ = account
    assert run("--config", str(config), "auth", "--device", "--no-test").returncode == 0
    path = token_path(load_settings(config).store.path)
    before = tokens_of(config)
    before["expires_at"] = time.time() + 30  # within the refresh margin
    path.write_text(json.dumps(before))
    proc = run("--config", str(config), "sync")
    assert proc.returncode == 0, proc.stderr
    after = tokens_of(config)
    assert after["refresh_token"] != before["refresh_token"] and after["refresh_token"] in provider.refresh
    assert before["refresh_token"] not in provider.refresh  # the provider rotated it: the old one is dead
    assert after["expires_at"] > time.time() + 3000
    assert path.stat().st_mode & 0o777 == 0o600
    again = run("--config", str(config), "sync")  # the written-back token keeps working
    assert again.returncode == 0, again.stderr


def test_a_token_the_server_refuses_is_refreshed_once_and_the_login_goes_on(account, provider):
    config, _ = account
    assert run("--config", str(config), "auth", "--device", "--no-test").returncode == 0
    provider.expire_access_tokens()  # the file still says the token is good for an hour
    proc = run("--config", str(config), "sync")
    assert proc.returncode == 0, proc.stderr
    assert [form["grant_type"] for p, form in provider.requests if p == "/token"][-1] == "refresh_token"


def test_a_revoked_sign_in_is_one_line_that_says_to_run_auth_again(account, provider):
    config, _ = account
    assert run("--config", str(config), "auth", "--device", "--no-test").returncode == 0
    provider.revoke()
    proc = run("--config", str(config), "sync")
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "revoked or has expired" in lines[0] and "run.py auth" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_without_a_sign_in_sync_says_to_run_auth(account):
    config, _ = account
    proc = run("--config", str(config), "sync")
    assert proc.returncode == 1 and "no OAuth2 sign-in yet" in proc.stderr and "run.py auth" in proc.stderr


def test_a_sign_in_the_server_refuses_is_not_saved(account, provider):
    config, user = account
    provider.user = "someone-else"  # consent given as another account: Dovecot's introspection names them
    proc = run("--config", str(config), "auth", "--device")
    assert proc.returncode == 1 and "refused the token" in proc.stderr and "nothing was saved" in proc.stderr
    assert not token_path(load_settings(config).store.path).exists()


def test_a_declined_device_sign_in_writes_nothing(account, provider):
    config, _ = account
    provider.deny = True
    proc = run("--config", str(config), "auth", "--device")
    assert proc.returncode == 1 and "declined" in proc.stderr
    assert not token_path(load_settings(config).store.path).exists()


def test_browser_sign_in_with_pkce_and_a_loopback_redirect(account, provider):
    config, _ = account
    env = {**os.environ, "TEST_SECRET": CLIENT_SECRET}
    proc = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "--config", str(config), "auth", "--browser",
                             "--no-open"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=ROOT)
    try:
        assert proc.stdout is not None
        url = ""
        deadline = time.monotonic() + 60
        while not url and time.monotonic() < deadline:
            line = proc.stdout.readline()
            found = re.search(r"(http://127\.0\.0\.1:\d+/authorize\?\S+)", line)
            url = found.group(1) if found else ""
        assert url, "auth printed no sign-in address"
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        assert query["code_challenge_method"] == "S256" and query["redirect_uri"].startswith("http://127.0.0.1:")
        # a request to the listener without the right state is turned away and the wait goes on
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{query['redirect_uri']}?code=forged&state=wrong", timeout=10)
        assert refused.value.code == 400
        # the browser: consent at the provider, redirected back to the listener with code and state
        with urllib.request.urlopen(url, timeout=10) as page:
            assert b"Signed in" in page.read()
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, out + err
    assert "IMAP login to 127.0.0.1" in out
    exchange = [form for p, form in provider.requests if p == "/token"][-1]
    assert exchange["grant_type"] == "authorization_code" and len(exchange["code_verifier"]) >= 43
    assert tokens_of(config)["refresh_token"] in provider.refresh


def test_the_digest_signs_in_to_smtp_with_xoauth2(account, provider, start_server, monkeypatch):
    config, user = account
    monkeypatch.setenv("TEST_SECRET", CLIENT_SECRET)  # the client_secret_command runs in this process's environment
    assert run("--config", str(config), "auth", "--device", "--no-test").returncode == 0
    server = start_server("implicit")
    server.handler.oauth_check = lambda name, token: name == user.name and provider.access.get(token, 0) > time.time()
    text = config.read_text() + (f'\n[smtp]\nurl = "smtps://{user.name}@127.0.0.1:{server.port}"\n'
                                 f'ca_file = "{server.ca_file}"\noauth2 = true\n')
    config.write_text(text)
    settings = load_settings(config)
    secret = smtp_secret(settings, os.environ)
    mailer = SmtpMailer(settings.smtp.host, settings.smtp.port, settings.smtp.security, settings.smtp.username,
                        secret, ca_file=settings.smtp.ca_file, timeout=10)
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = OWNER, OWNER, "Your digest"
    message.set_content("hello")
    provider.expire_access_tokens()  # refused once, refreshed, accepted
    mailer.send(message, [OWNER])
    assert len(server.handler.envelopes) == 1 and server.handler.logins[-2:] == [user.name.encode()] * 2
    assert server.handler.challenged == 1  # the refused token got the 334 error challenge, answered empty


def test_init_with_oauth2_writes_the_client_signs_in_and_tests_the_login(tmp_path, provider, oauth_dovecot):
    user = oauth_dovecot.add_user()
    provider.user, provider.pending, provider.deny = user.name, 0, False
    target = tmp_path / "conf" / "settings.toml"
    answers = "\n".join([OWNER, "Alex Morgan", "127.0.0.1", str(oauth_dovecot.imaps_port), "y", "127.0.0.1", "465",
                         oauth_dovecot.ca_file, user.name, "3", f"{provider.url}/token", f"{provider.url}/device", "",
                         "mail", CLIENT_ID, "printenv TEST_SECRET", "Europe/Berlin",
                         str(tmp_path / "state" / "state.json"), "n"]) + "\n"
    env = {**os.environ, "TEST_SECRET": CLIENT_SECRET}
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "init", "--path", str(target)], input=answers,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "enter the code" in proc.stdout and "IMAP login to 127.0.0.1" in proc.stdout
    settings = load_settings(target)
    assert settings.mailbox.oauth2 is not None and settings.mailbox.oauth2.client_id == CLIENT_ID
    assert settings.smtp.oauth2 and target.stat().st_mode & 0o777 == 0o600
    text = target.read_text()
    saved = json.loads(token_path(settings.store.path).read_text())
    assert CLIENT_SECRET not in text and saved["refresh_token"] not in text
    assert "password_command =" not in text and "password_env =" not in text
