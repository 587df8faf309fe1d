"""State: atomic, versioned, locked, 0600, never silently reset."""

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from assistant.errors import StoreError
from assistant.state.store import SCHEMA_VERSION, Store

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def rec(i):
    return {"message_id": f"<m{i}@example.com>", "kind": "personal", "subject": f"s{i}"}


def test_commit_persists_records_and_cursors(tmp_path):
    path = tmp_path / "state" / "state.json"
    with Store(path) as store:
        store.commit([rec(1), rec(2)], {"inbox:": {"last_uid": 2}}, NOW)
        store.commit([rec(3)], {"inbox:": {"last_uid": 3}}, NOW)
    with Store(path) as store:
        assert store.cursor("inbox:") == {"last_uid": 3}
        assert store.message_count() == 3
        assert [r.message_id for r in store.records()] == ["<m1@example.com>", "<m2@example.com>",
                                                            "<m3@example.com>"]
        assert store.known("<m2@example.com>") and not store.known("<m9@example.com>")
        assert store.meta()["schema_version"] == SCHEMA_VERSION


def test_files_are_private(tmp_path):
    path = tmp_path / "new" / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {}, NOW)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for seg in store.segments_dir.iterdir():
        assert stat.S_IMODE(seg.stat().st_mode) == 0o600


def test_a_second_process_is_refused(tmp_path):
    path = tmp_path / "state.json"
    with Store(path):
        code = ("import sys; from assistant.state.store import Store; from assistant.errors import StoreError\n"
                f"try:\n    Store({str(path)!r}).open()\nexcept StoreError as e:\n    print(e); sys.exit(3)")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert proc.returncode == 3, proc.stderr
    assert "another assistant process" in proc.stdout and str(os.getpid()) in proc.stdout


def test_unparseable_state_stops_with_file_and_backup_named(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {"a": {"n": 1}}, NOW)
        store.commit([rec(2)], {"a": {"n": 2}}, NOW)
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # what a kill mid-write used to leave behind
    with pytest.raises(StoreError) as err:
        Store(path).open()
    assert str(path) in str(err.value) and "state.json.bak" in str(err.value)
    assert path.read_bytes() == good[: len(good) // 2], "nothing is reset or rewritten"
    os.replace(path.with_name("state.json.bak"), path)
    with Store(path) as store:
        assert store.cursor("a") == {"n": 1}


def test_uncommitted_segment_of_a_killed_run_is_moved_aside_never_deleted(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {}, NOW)
        orphan = store.segments_dir / "seg-000099.jsonl.gz"
        orphan.write_bytes(b"half")
    with Store(path) as store:
        assert not orphan.exists()
        assert (store.segments_dir / "orphans" / orphan.name).read_bytes() == b"half"
        assert store.message_count() == 1


def test_damaged_segment_is_reported_not_ignored(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {}, NOW)
        seg = next(store.segments_dir.iterdir())
    seg.write_bytes(seg.read_bytes()[:-3] + b"xyz")
    with pytest.raises(StoreError, match="damaged.*start over with a full sync"):
        Store(path).open()  # on open: a sync with nothing new would otherwise report success


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}))
    with pytest.raises(StoreError, match="schema version"):
        Store(path).open()


def test_state_file_does_not_grow_with_every_message(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:
        for batch in range(20):
            store.commit([rec(batch * 500 + i) for i in range(500)], {"inbox:": {"last_uid": batch}}, NOW)
    # 10,000 messages: the rewritten-every-batch file holds the segment index, not the messages
    assert path.stat().st_size < 5_000
