"""At run time the assistant connects only to the configured IMAP and SMTP hosts: a sync (with the
sentence model), a digest sent, replies acted on, all watched by an audit hook; any other
connection or name lookup fails the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.smtp_server import PASSWORD
from tests.integration.test_act_end_to_end import OWNER, gmail, mail_world

pytestmark = [pytest.mark.integration,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]

ROOT = Path(__file__).resolve().parents[2]


def test_only_the_configured_servers_are_ever_contacted(tmp_path, dovecot, start_server):
    owner, server, delivery, config = mail_world(tmp_path, dovecot, start_server)
    config.write_text(config.read_text().replace('model = "off"', 'model = "minilm"'))  # the model runs too
    log = tmp_path / "audit.log"
    env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": PASSWORD, "ASSISTANT_MAILBOX_PASSWORD": owner.password,
           "AUDIT_LOG": str(log)}

    def run(*args: str) -> None:
        proc = subprocess.run([sys.executable, str(ROOT / "tests" / "integration" / "audited_run.py"),
                               "--config", str(config), *args], capture_output=True, text=True, env=env,
                              timeout=600, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr

    run("sync", "--now", "2026-11-25T17:00:00+00:00")
    run("digest", "--send", "--now", "2026-11-25T17:00:00+00:00")
    (digest,) = [m for m in delivery.inbox(OWNER) if str(m["Subject"]).startswith("Your week")]
    raw = gmail(digest, "send 1", "<audit@mail.example>")
    dovecot.append(owner, "INBOX", [raw])
    dovecot.append(owner, "Sent", [raw])
    run("sync", "--now", "2026-11-25T17:20:00+00:00")
    run("act", "--now", "2026-11-25T17:20:00+00:00")
    seen = set(log.read_text().splitlines())
    allowed = {f"connect 127.0.0.1 {dovecot.imaps_port}", f"connect 127.0.0.1 {server.port}",
               f"lookup 127.0.0.1 {dovecot.imaps_port}", f"lookup 127.0.0.1 {server.port}"}
    assert seen, "the hook saw the connections"
    assert seen <= allowed, f"unexpected connections or lookups: {sorted(seen - allowed)}"
    assert f"connect 127.0.0.1 {server.port}" in seen and f"connect 127.0.0.1 {dovecot.imaps_port}" in seen
