"""The weekly digest end to end: sample mailbox -> sync -> digest --send through a real SMTP server."""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from email.policy import default
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.digest.tokens import verify
from assistant.jobs.digest import due, key_path
from assistant.jobs.service import digest_tick
from assistant.state.store import Store
from tests.integration.smtp_server import PASSWORD, USER

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assistant" / "sample" / "Maildir"
NOW = "2026-11-25T17:00:00+00:00"  # a Wednesday, 09:00 in Portland: after the weekly slot

pytestmark = [pytest.mark.integration,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]


def settings_file(tmp_path: Path, port: int, ca_file: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(f'''
[owner]
name = "Alex Morgan"
email = "alex@morgan-advisory.example"
aliases = ["alex.morgan@mail.example"]
[mailbox]
url = "maildir://{SAMPLE}"
[store]
path = "{tmp_path}/state/state.json"
[digest]
day = "wednesday"
time = "08:00"
timezone = "America/Los_Angeles"
[smtp]
url = "smtp://{USER}@127.0.0.1:{port}"
ca_file = "{ca_file}"
timeout = 10
''')
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": PASSWORD}
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True,
                          env=env, timeout=180, cwd=ROOT)


def test_digest_is_sent_to_the_owner_only_once_a_week(tmp_path, start_server):  # noqa: F811
    server = start_server("starttls")
    config = settings_file(tmp_path, server.port, server.ca_file)
    assert run("--config", str(config), "sync").returncode == 0

    as_json = run("--config", str(config), "digest", "--json", "--now", NOW)
    assert as_json.returncode == 0, as_json.stderr
    plan = json.loads(as_json.stdout)
    assert set(plan) >= {"generated_at", "intros", "events", "stories", "gathering", "reconnect"}
    ids = [item["id"] for section in ("intros", "events", "stories", "gathering", "reconnect")
           for item in plan[section]]
    assert ids == list(range(1, len(ids) + 1)) and ids

    sent = run("--config", str(config), "digest", "--send", "--now", NOW)
    assert sent.returncode == 0, sent.stderr
    assert len(server.handler.envelopes) == 1
    envelope = server.handler.envelopes[0]
    assert envelope.rcpt_tos == ["alex@morgan-advisory.example"]
    message = email.message_from_bytes(envelope.original_content, policy=default)
    assert message["To"].addresses[0].addr_spec == "alex@morgan-advisory.example"
    assert message["Cc"] is None and message["Bcc"] is None
    assert message["Auto-Submitted"] == "auto-generated"
    key = key_path(load_settings(config)).read_bytes()
    assert verify(message["Message-ID"], key)
    assert oct(key_path(load_settings(config)).stat().st_mode & 0o777) == "0o600"

    settings = load_settings(config)
    when = datetime.fromisoformat(NOW)
    with Store(settings.store.path) as store:
        assert not due(store, settings, when), "a week never gets two digests"
        assert store.meta()["last_digest_sent"] == NOW
    assert digest_tick(settings, {"ASSISTANT_SMTP_PASSWORD": PASSWORD}, when) is False
    next_week = datetime(2026, 12, 2, 16, 30, tzinfo=UTC)  # 08:30 in Portland, the next Wednesday
    with Store(settings.store.path) as store:
        assert due(store, settings, next_week)
    assert len(server.handler.envelopes) == 1


def test_sending_without_smtp_settings_is_one_clear_line(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text(f'[owner]\nname = "A"\nemail = "alex@morgan-advisory.example"\n'
                      f'[mailbox]\nurl = "maildir://{SAMPLE}"\n[store]\npath = "{tmp_path}/s.json"\n')
    assert run("--config", str(config), "sync").returncode == 0
    proc = run("--config", str(config), "digest", "--send", "--now", NOW)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: [smtp] url is not set: the digest cannot be sent " \
                                  "(smtps://USER@HOST:465 or smtp://HOST:587)"
