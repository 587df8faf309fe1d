"""The vector cache beside the state (jobs/meanings.py): each text embedded once, 0600, another
encoder's vectors never reused, a cache that does not read back is made again, the model off means
matching by name only."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.jobs import meanings

from .test_suggest_support import ask, offer, person


def people():
    return [person("Priya Raman", asks=(ask("visa help", "Who can help with our visa paperwork?"),)),
            person("Rosa Lopez", title="Counsel", organization="Lopez Law",
                   offers=(offer("visa", "I help families with green cards."),))]


def fake(monkeypatch, encoder="enc-1"):
    calls: list[int] = []

    def encode(texts):
        calls.append(len(texts))
        rng = np.random.default_rng(len(calls))
        return rng.normal(size=(len(texts), 8)).astype(np.float32)

    monkeypatch.setattr(meanings, "_encode_in_worker", encode)
    monkeypatch.setattr(meanings, "load_heads", lambda: SimpleNamespace(encoder=encoder))
    return calls


def test_each_text_is_embedded_once_and_kept_private(tmp_path, monkeypatch):
    calls = fake(monkeypatch)
    state = tmp_path / "state.json"
    first = meanings.vectors_for(people(), state, use_model=True)
    assert first is not None and "Who can help with our visa paperwork?" in first
    assert all(abs(float(np.linalg.norm(v)) - 1) < 1e-3 for v in first.values())
    path = meanings.cache_path(state)
    assert path.stat().st_mode & 0o777 == 0o600 and len(calls) == 1
    again = meanings.vectors_for(people(), state, use_model=True)
    assert len(calls) == 1 and again is not None  # nothing new to embed
    assert all(np.allclose(first[t], again[t], atol=1e-3) for t in first)


def test_another_encoders_vectors_are_not_reused(tmp_path, monkeypatch):
    state = tmp_path / "state.json"
    fake(monkeypatch, "enc-1")
    meanings.vectors_for(people(), state, use_model=True)
    calls = fake(monkeypatch, "enc-2")
    meanings.vectors_for(people(), state, use_model=True)
    assert len(calls) == 1  # everything embedded again


@pytest.mark.parametrize("damage", ["not an npz", "empty", "truncated"])
def test_a_cache_that_does_not_read_back_is_made_again(tmp_path, monkeypatch, damage):
    state = tmp_path / "state.json"
    path = meanings.cache_path(state)
    if damage == "truncated":
        fake(monkeypatch)
        meanings.vectors_for(people(), state, use_model=True)
        path.write_bytes(path.read_bytes()[:300])
    else:
        path.write_bytes(b"" if damage == "empty" else b"not an npz")
    calls = fake(monkeypatch)
    assert meanings.vectors_for(people(), state, use_model=True) is not None and len(calls) == 1


def _dies(texts):
    import os

    os._exit(3)  # the OOM killer, say


def _fails(texts):
    return None, "the sentence model failed on 5 texts"


def test_a_worker_that_dies_or_fails_means_matching_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(meanings, "load_heads", lambda: SimpleNamespace(encoder="enc-1"))
    for worker in (_dies, _fails):  # run in a real forked worker process
        monkeypatch.setattr(meanings, "_encode", worker)
        assert meanings.vectors_for(people(), tmp_path / "state.json", use_model=True) is None


def test_a_forwarded_event_adds_its_title_and_keeps_the_rest(tmp_path, monkeypatch):
    state = tmp_path / "state.json"
    fake(monkeypatch)
    meanings.vectors_for(people(), state, use_model=True, others=["Founders Breakfast"])
    meanings.vectors_for(people(), state, use_model=True, others=["Grocery Workshop"], prune=False)
    calls = fake(monkeypatch)
    meanings.vectors_for(people(), state, use_model=True, others=["Founders Breakfast", "Grocery Workshop"])
    assert calls == []


def test_the_model_off_means_matching_by_name(tmp_path, monkeypatch):
    calls = fake(monkeypatch)
    assert meanings.vectors_for(people(), tmp_path / "state.json", use_model=False) is None
    assert calls == [] and not meanings.cache_path(tmp_path / "state.json").exists()


def test_cache_only_reading_never_runs_the_model_and_writes_nothing(tmp_path, monkeypatch):
    calls = fake(monkeypatch)
    state = tmp_path / "state.json"
    assert meanings.vectors_for(people(), state, use_model=True, encode_missing=False) == {}
    assert calls == [] and not meanings.cache_path(state).exists()
    meanings.vectors_for(people()[:1], state, use_model=True)  # the asker's texts only
    before = meanings.cache_path(state).read_bytes()
    known = meanings.vectors_for(people(), state, use_model=True, encode_missing=False)
    assert len(calls) == 1 and meanings.cache_path(state).read_bytes() == before
    assert known is not None and "Who can help with our visa paperwork?" in known
    assert "Counsel, Lopez Law" not in known  # not cached: left out, not embedded
