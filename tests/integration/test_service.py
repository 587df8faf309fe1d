"""The service against a real Dovecot and SMTP server: no digest at first start, a reply acted on
within a minute through IMAP IDLE, SIGTERM obeyed within 10 s, one instance per state, one digest
a week unless forced, and status's exit codes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.smtp_server import PASSWORD
from tests.integration.test_act_end_to_end import OWNER, cli, gmail, mail_world

pytestmark = [pytest.mark.integration,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]

ROOT = Path(__file__).resolve().parents[2]


def start(config: Path, owner, log: Path) -> subprocess.Popen:
    env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": PASSWORD, "ASSISTANT_MAILBOX_PASSWORD": owner.password}
    return subprocess.Popen([sys.executable, str(ROOT / "run.py"), "--config", str(config), "run"],
                            stdout=subprocess.DEVNULL, stderr=log.open("w"), env=env, cwd=ROOT)


def wait_for(log: Path, text: str, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if text in log.read_text():
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not in the log after {timeout} s:\n{log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> float:
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)
    return time.monotonic() - started


@pytest.fixture
def service_world(tmp_path, dovecot, start_server):
    owner, server, delivery, config = mail_world(tmp_path, dovecot, start_server)
    config.write_text(config.read_text().replace("[store]", "poll_minutes = 60\n[store]"))
    return dovecot, owner, server, delivery, config, tmp_path


def test_first_start_sends_no_digest_then_a_reply_is_acted_on_within_a_minute(service_world):
    dovecot, owner, server, delivery, config, tmp_path = service_world
    log = tmp_path / "service.log"
    process = start(config, owner, log)
    try:
        wait_for(log, "INFO: sync:", 120)
        time.sleep(2)
        assert server.handler.envelopes == [], "no digest at first start: it waits for the weekly slot"
    finally:
        assert stop(process) < 10 and process.returncode == 0
    assert "service stopped" in log.read_text()
    line = next(line for line in log.read_text().splitlines() if "service started" in line)
    assert line[:4].isdigit(), "log lines carry a timestamp"

    cli(config, owner, "digest", "--send", "--now", "2026-12-02T17:00:00+00:00")
    (digest,) = [m for m in delivery.inbox(OWNER) if str(m["Subject"]).startswith("Your week")]
    log = tmp_path / "service2.log"
    process = start(config, owner, log)
    try:
        wait_for(log, "INFO: sync:", 120)
        count = len(server.handler.envelopes)
        raw = gmail(digest, "skip 1", "<idle-reply@mail.example>")
        arrived = time.monotonic()
        dovecot.append(owner, "INBOX", [raw])
        dovecot.append(owner, "Sent", [raw])
        while len(server.handler.envelopes) == count and time.monotonic() - arrived < 90:
            time.sleep(0.2)
        took = time.monotonic() - arrived
        assert len(server.handler.envelopes) == count + 1, log.read_text()[-2000:]
        assert took < 60, f"the receipt took {took:.0f} s (poll_minutes is 60: only IDLE can be this quick)"
        assert server.handler.envelopes[-1].rcpt_tos == [OWNER]
    finally:
        assert stop(process) < 10


def test_a_second_instance_is_refused(service_world):
    dovecot, owner, server, delivery, config, tmp_path = service_world
    log = tmp_path / "first.log"
    process = start(config, owner, log)
    try:
        wait_for(log, "service started", 60)
        env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": PASSWORD, "ASSISTANT_MAILBOX_PASSWORD": owner.password}
        second = subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(config), "run"],
                                capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
        assert second.returncode == 1 and "another assistant process" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        stop(process)


def test_one_digest_a_week_unless_forced(service_world):
    dovecot, owner, server, delivery, config, tmp_path = service_world
    now = "2026-12-02T17:00:00+00:00"
    cli(config, owner, "sync", "--now", now)
    cli(config, owner, "digest", "--send", "--now", now)
    env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": PASSWORD, "ASSISTANT_MAILBOX_PASSWORD": owner.password}
    again = subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(config), "digest", "--send",
                            "--now", "2026-12-03T10:00:00+00:00"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert again.returncode == 1 and "already sent" in again.stderr and "--force" in again.stderr
    assert len(server.handler.envelopes) == 1
    cli(config, owner, "digest", "--send", "--force", "--now", "2026-12-03T10:00:00+00:00")
    assert len(server.handler.envelopes) == 2
    import email as email_module
    ids = {email_module.message_from_bytes(e.original_content)["Message-ID"] for e in server.handler.envelopes}
    assert len(ids) == 2, "a forced digest has a Message-ID of its own"


def test_status_says_what_needs_the_user(service_world):
    dovecot, owner, server, delivery, config, tmp_path = service_world
    env = {**os.environ, "ASSISTANT_MAILBOX_PASSWORD": owner.password}

    def status(path=config):
        return subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(path), "status",
                               "--now", "2026-12-02T17:00:00+00:00"], capture_output=True, text=True, env=env,
                              cwd=ROOT)
    assert status().returncode == 1, "no state yet: run sync"
    cli(config, owner, "sync", "--now", "2026-12-02T17:00:00+00:00")
    ok = status()
    assert ok.returncode == 0 and "all is well" in ok.stdout and "next digest" in ok.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text("[owner\n")
    assert status(broken).returncode == 2
    from datetime import UTC, datetime

    from assistant.config import load_settings
    from assistant.state.outbox import Outbox
    from assistant.state.store import Store
    with Store(load_settings(config).store.path) as store:
        box = Outbox(store)
        row = box.plan("action:x", "action", b"x", "<act.note.x@x>", ("x@y.example",), "Hello", datetime.now(UTC))
        box.uncertain(box.sending(row, datetime.now(UTC)), datetime.now(UTC), "the connection dropped")
    doubt = status()
    assert doubt.returncode == 1 and "in doubt" in doubt.stdout
