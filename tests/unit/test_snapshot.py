"""The saved network: read back it is the network that was built (strength aged to the reader's
`now`), and anything it was built from changing makes it be built again."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta
from pathlib import Path

import pytest

from assistant.jobs import network as network_job
from assistant.jobs.commands import SAMPLE_MAILDIR, SAMPLE_NOW, SAMPLE_OWNER
from assistant.jobs.sync import sync_once
from assistant.mailbox.maildir import MaildirSource
from assistant.models import Owner
from assistant.network.snapshot import network_from_json, network_to_json
from assistant.state.store import Store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("snap")) / "state.json"
    with Store(path) as store, MaildirSource(str(SAMPLE_MAILDIR)) as source:
        sync_once(source, store, SAMPLE_OWNER, SAMPLE_NOW, size_cap=5_000_000, batch_size=200,
                  understanding="rules")
    return path


def _load(path, owner=SAMPLE_OWNER, now=SAMPLE_NOW, builds=None, monkeypatch=None):
    with Store(path) as store:
        return network_job.load_network(store, owner, now, None, use_model=False)


def test_a_saved_network_reads_back_as_built(store_path):
    built = _load(store_path)
    again = network_from_json(json.loads(json.dumps(network_to_json(built))), SAMPLE_NOW)
    assert again.people == built.people
    assert [p.evidence for p in again.people] == [p.evidence for p in built.people]
    assert (again.excluded, again.acquainted, again.events, again.unproven) == \
        (built.excluded, built.acquainted, built.events, built.unproven)


def test_strength_is_aged_to_the_readers_now(store_path):
    built = _load(store_path)
    later = network_from_json(network_to_json(built), SAMPLE_NOW + timedelta(days=200))
    person = built.people[0]
    aged = next(p for p in later.people if p.email == person.email)
    assert aged.strength < person.strength
    assert aged.evidence["strength"]["days_quiet"] == person.evidence["strength"]["days_quiet"] + 200


def test_the_second_reader_does_not_build(store_path, monkeypatch):
    _load(store_path)  # builds and saves
    calls = []
    monkeypatch.setattr(network_job, "build_network", lambda *a, **k: calls.append(1))
    net = _load(store_path)
    assert not calls and net.people


def test_new_mail_or_another_owner_builds_again(store_path, monkeypatch, tmp_path):
    _load(store_path)
    built = []
    real = network_job.build_network
    monkeypatch.setattr(network_job, "build_network", lambda *a, **k: built.append(1) or real(*a, **k))
    other = Owner(SAMPLE_OWNER.name, SAMPLE_OWNER.email, ("alex.other@example.com",))
    _load(store_path, owner=other)
    assert built == [1], "another identity judges the owner's mail differently"
    _load(store_path)
    assert built == [1, 1]
    with Store(store_path) as store:
        store.commit([{"message_id": "<new@x>", "folder": "inbox:", "refused": "empty message", "size": 1}], {},
                     SAMPLE_NOW)
    _load(store_path)
    assert built == [1, 1, 1]


def test_a_damaged_saved_network_is_built_again(store_path):
    _load(store_path)
    with Store(store_path) as store:
        saved = store.segments_dir / Store.SNAPSHOT
    saved.write_bytes(gzip.compress(b"{ not json"))
    assert _load(store_path).people
    assert json.loads(gzip.decompress(saved.read_bytes()))["network"]["format"] == 1
    assert saved.stat().st_mode & 0o777 == 0o600
