"""Never stuck, never twice: kills, crashes, full disks and unreliable SMTP servers, for real.

Each test drives run.py in a subprocess against a private copy of the sample mailbox, a real
aiosmtpd on 127.0.0.1 and, for the disk-full cases, a real tmpfs filled to the last byte. The
crash hook (ASSISTANT_CRASH_AT, see assistant/crashpoints.py) kills the process with SIGKILL at
a named step."""

from __future__ import annotations

import email
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from email.policy import default

import pytest

from assistant.config import load_settings
from assistant.jobs.digest import slot_of
from assistant.state.outbox import FAILED, SENT, UNCERTAIN, Outbox
from assistant.state.store import Store
from tests.integration.faults import (
    NOW,
    ROOT,
    alive,
    children,
    copy_sample,
    deliver_to_maildir,
    fill,
    run,
    settings_file,
    small_disk,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]


def digest_row(config):
    settings = load_settings(config)
    with Store(settings.store.path) as store:
        return Outbox(store).get(f"digest:{slot_of(settings, datetime.fromisoformat(NOW))}")


def ready(tmp_path, start_server, state=None):
    server = start_server("starttls")
    maildir = copy_sample(tmp_path)
    config = settings_file(tmp_path, maildir, state=state, smtp_port=server.port, ca_file=server.ca_file)
    synced = run(config, "sync")
    assert synced.returncode == 0, synced.stderr
    return server, maildir, config


def send(config, **env):
    return run(config, "digest", "--send", "--now", NOW, env=env or None)


def one_line(proc):
    """The error: one line, last, after any warnings; never a traceback."""
    lines = proc.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("error: ") and "Traceback" not in proc.stderr, proc.stderr
    assert sum(line.startswith("error: ") for line in lines) == 1, proc.stderr
    return lines[-1]


# -- the digest goes out at most once ---------------------------------------------------------------

def test_killed_right_after_the_server_accepted_the_digest_it_is_never_sent_again(tmp_path, start_server):
    server, maildir, config = ready(tmp_path, start_server)
    crashed = send(config, ASSISTANT_CRASH_AT="outbox.delivered")
    assert crashed.returncode == -signal.SIGKILL
    assert server.handler.seen == 1
    again = send(config)
    assert again.returncode == 1 and "uncertain" in one_line(again)
    assert server.handler.seen == 1, "an interrupted send is never repeated on its own"
    assert digest_row(config).status == UNCERTAIN
    # the owner's server delivered it after all: the next sync finds it and settles the doubt
    deliver_to_maildir(maildir, server.handler.envelopes[0].original_content)
    assert run(config, "sync").returncode == 0
    assert digest_row(config).status == SENT
    assert send(config).returncode == 1 and server.handler.seen == 1


@pytest.mark.parametrize("step", ["outbox.planned", "outbox.sending"])
def test_killed_before_the_digest_went_out_it_goes_out_once_on_the_next_run(tmp_path, start_server, step):
    server, _, config = ready(tmp_path, start_server)
    assert send(config, ASSISTANT_CRASH_AT=step).returncode == -signal.SIGKILL
    assert server.handler.seen == 0
    again = send(config)
    if step == "outbox.planned":  # recorded as planned only: nothing left the machine, the same digest goes
        assert again.returncode == 0, again.stderr
        assert server.handler.seen == 1
        sent = email.message_from_bytes(server.handler.envelopes[0].original_content, policy=default)
        assert sent["Message-ID"] == digest_row(config).message_id
    else:  # recorded as sending: it may have gone out, so it is reported, not repeated
        assert again.returncode == 1 and server.handler.seen == 0
        assert digest_row(config).status == UNCERTAIN


def test_a_connection_lost_after_the_whole_digest_went_out_is_uncertain_and_not_repeated(tmp_path, start_server):
    server, _, config = ready(tmp_path, start_server)
    server.handler.script = ["drop"]
    first = send(config)
    assert first.returncode == 1 and "may or may not" in one_line(first)
    assert digest_row(config).status == UNCERTAIN
    assert send(config).returncode == 1
    assert server.handler.seen == 1


def test_a_temporary_refusal_is_retried_with_the_same_message_id(tmp_path, start_server):
    server, _, config = ready(tmp_path, start_server)
    server.handler.script = ["451 4.3.0 try again later"]
    first = send(config)
    assert first.returncode == 1 and "451" in one_line(first) and "next try sends the same digest" in first.stderr
    planned = digest_row(config)
    assert planned.status == FAILED and not planned.permanent
    second = send(config)
    assert second.returncode == 0, second.stderr
    assert len(server.handler.envelopes) == 1 and server.handler.seen == 2
    delivered = email.message_from_bytes(server.handler.envelopes[0].original_content, policy=default)
    assert delivered["Message-ID"] == planned.message_id
    assert digest_row(config).status == SENT


def test_a_permanent_refusal_is_reported_and_not_retried(tmp_path, start_server):
    server, _, config = ready(tmp_path, start_server)
    server.handler.script = ["550 5.7.1 relaying denied"]
    first = send(config)
    assert first.returncode == 1 and "550" in one_line(first)
    assert digest_row(config).permanent
    assert send(config).returncode == 1 and server.handler.seen == 1


# -- a full disk: nothing is sent that could not be recorded first ------------------------------------

def test_with_a_full_disk_nothing_is_sent(tmp_path, start_server):
    with small_disk(tmp_path / "disk", 4096) as disk:
        server, _, config = ready(tmp_path, start_server, state=disk / "state.json")
        assert run(config, "digest", "--now", NOW).returncode == 0  # the signing key exists, as after a first digest
        before = (disk / "state.json").read_bytes()
        filler = fill(disk)
        for _ in range(3):  # as a daemon would, hour after hour
            proc = send(config)
            assert proc.returncode == 1 and "could not be written" in one_line(proc)
        assert server.handler.seen == 0
        assert (disk / "state.json").read_bytes() == before, "the old state stays intact"
        filler.unlink()
        assert send(config).returncode == 0
        assert server.handler.seen == 1


def test_a_disk_that_fills_while_the_server_takes_the_digest_never_sends_it_again(tmp_path, start_server):
    with small_disk(tmp_path / "disk", 4096) as disk:
        server, _, config = ready(tmp_path, start_server, state=disk / "state.json")
        fillers = []

        def disk_fills(envelope):
            # another program pins the old backup (so replacing it frees nothing) and takes every byte
            os.link(disk / "state.json.bak", disk / "pinned.bak")
            fillers.append(fill(disk))

        server.handler.on_data = disk_fills
        first = send(config)
        assert first.returncode == 1 and "could not be written" in one_line(first)
        assert len(server.handler.envelopes) == 1
        server.handler.on_data = None
        for _ in range(3):  # as a daemon would, hour after hour
            assert send(config).returncode == 1
        assert server.handler.seen == 1
        fillers[0].unlink()
        again = send(config)
        assert again.returncode == 1 and "uncertain" in again.stderr
        assert server.handler.seen == 1 and digest_row(config).status == UNCERTAIN


# -- the state lock never outlives the process that took it ------------------------------------------

def big_maildir(tmp_path, count=3000):
    maildir = tmp_path / "Big"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    body = "\n".join(f"Line {i} of a long note about the quarterly plan and who might help." for i in range(40))
    for i in range(count):
        (maildir / "cur" / f"{i:06d}.big:2,").write_text(
            f"From: Person {i % 97} <p{i % 97}@firm{i % 13}.example>\nTo: Alex Morgan <alex@morgan-advisory.example>\n"
            f"Subject: Note {i}\nDate: Mon, 2 Nov 2026 10:{i % 60:02d}:00 -0800\nMessage-ID: <n{i}@big.example>\n\n"
            f"Hi Alex,\n\n{body}\n\nBest,\nPerson {i % 97}\n")
    return maildir


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_of_a_killed_sync_exit_and_never_keep_the_lock(tmp_path, how):
    maildir = big_maildir(tmp_path)
    config = settings_file(tmp_path, maildir, batch_size=100)
    env = {**os.environ, "ASSISTANT_SMTP_PASSWORD": "x"}
    env.pop("ASSISTANT_CRASH_AT", None)
    proc = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "--config", str(config), "sync"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    deadline, workers = time.monotonic() + 60, []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = children(proc.pid)
        time.sleep(0.05)
    assert workers, "the sync never started worker processes"
    proc.send_signal(how)
    proc.wait(timeout=10)
    stop = time.monotonic() + 5
    while time.monotonic() < stop and any(alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(alive(w) for w in workers), "worker processes outlived their parent by 5 s"
    again = run(config, "sync")
    assert again.returncode == 0, again.stderr


# -- a sync killed at any step resumes to the state an uninterrupted sync makes ------------------------

@pytest.mark.parametrize("step", ["store.segment_written:1", "store.segment_written:2", "store.committed:1",
                                  "store.committed:3"])
def test_a_sync_killed_at_a_step_resumes_to_the_same_state(tmp_path, step):
    maildir = copy_sample(tmp_path)
    reference = settings_file(tmp_path / "ref", maildir, batch_size=40) if (tmp_path / "ref").mkdir() is None \
        else None
    assert run(reference, "sync").returncode == 0
    config = settings_file(tmp_path, maildir, batch_size=40)
    assert run(config, "sync", env={"ASSISTANT_CRASH_AT": step}).returncode == -signal.SIGKILL
    resumed = run(config, "sync")
    assert resumed.returncode == 0, resumed.stderr
    with Store(load_settings(reference).store.path) as ref, Store(load_settings(config).store.path) as got:
        expected = sorted(r.to_json()["message_id"] for r in ref.records())
        found = [r.message_id for r in got.records()]
        assert sorted(found) == expected and len(found) == len(set(found)), "every message ingested once"


def test_a_damaged_or_missing_segment_stops_sync_with_a_way_out(tmp_path):
    maildir = copy_sample(tmp_path)
    config = settings_file(tmp_path, maildir)
    assert run(config, "sync").returncode == 0
    segments = sorted((tmp_path / "state" / "state.messages").glob("seg-*"))
    segments[0].write_bytes(segments[0].read_bytes()[:-5] + b"xxxxx")
    damaged = run(config, "sync")
    assert damaged.returncode == 1 and "is damaged" in one_line(damaged) and "full sync" in damaged.stderr
    segments[0].unlink()
    missing = run(config, "sync")
    assert missing.returncode == 1 and "is missing" in one_line(missing)
