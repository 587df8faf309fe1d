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


# -- what a crash or a careless hand may have left (issue: never stuck, never twice) ----------------

@pytest.mark.parametrize("broken", [{}, {"cursors": {"1": {"key": "inbox:", "cursor": {"n": 9}}}}],
                         ids=["empty-object", "cursors-only"])
def test_a_state_that_lost_its_tables_is_refused_and_no_segment_is_touched(tmp_path, broken):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.commit([rec(1), rec(2)], {"inbox:": {"n": 2}}, NOW)
        segments = sorted(store.segments_dir.iterdir())
    path.write_text(json.dumps(broken))
    with pytest.raises(StoreError) as err:
        Store(path).open()
    assert str(path) in str(err.value) and "state.json.bak" in str(err.value)
    assert sorted(store.segments_dir.iterdir()) == segments, "every stored message is still there"


def test_a_state_without_its_segment_index_while_segments_exist_is_refused(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {"inbox:": {"n": 1}}, NOW)
    data = json.loads(path.read_text())
    del data["segments"]
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="lost its index of the 1 message segments"):
        Store(path).open()


def test_a_first_segment_never_committed_is_an_orphan_not_a_lost_index(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:  # a new state: its (empty) segment index is written with it
        assert json.loads(path.read_text())["segments"] == {}
        (store.segments_dir / "seg-000001.jsonl.gz").write_bytes(b"written, then the run was killed")
    with Store(path) as store:
        assert list(store.records()) == []
    assert (path.with_name("state.messages") / "orphans" / "seg-000001.jsonl.gz").exists()


def test_a_state_made_before_the_index_was_written_gets_it_on_open(tmp_path):
    path = tmp_path / "state.json"
    with Store(path):
        pass
    data = json.loads(path.read_text())
    del data["segments"]
    path.write_text(json.dumps(data))
    with Store(path):
        pass
    assert json.loads(path.read_text())["segments"] == {}


def test_a_missing_state_beside_existing_segments_is_refused(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {}, NOW)
    path.unlink()
    with pytest.raises(StoreError, match="is missing but 1 message segments are in"):
        Store(path).open()


def test_temp_files_of_an_interrupted_write_are_removed_at_open(tmp_path):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {}, NOW)
    leftovers = [tmp_path / ".state.json.k3j2.tmp", tmp_path / ".state.json.bak.tmp",
                 store.segments_dir / ".seg-000002.jsonl.gz.x9.tmp"]
    for leftover in leftovers:
        leftover.write_bytes(b"x" * 4096)
    keep = tmp_path / "notes.tmp"  # not ours
    keep.write_text("mine")
    with Store(path):
        pass
    assert not any(f.exists() for f in leftovers) and keep.exists()


def test_loose_permissions_are_tightened_with_a_warning(tmp_path, caplog):
    directory = tmp_path / "state"
    path = directory / "state.json"
    with Store(path) as store:
        store.commit([rec(1)], {}, NOW)
        store.commit([rec(2)], {}, NOW)  # a backup exists now
    files = [path, path.with_name("state.json.bak"), *store.segments_dir.iterdir()]
    for f in files:
        os.chmod(f, 0o644)
    os.chmod(directory, 0o755)
    with Store(path):
        pass
    assert {oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {"0o600"}
    assert oct(stat.S_IMODE(directory.stat().st_mode)) == "0o700"
    assert "were readable by other users and are now 0600" in caplog.text and "set to 0700" in caplog.text
    with Store(path) as store:  # and stay so across rewrites
        store.commit([rec(3)], {}, NOW)
    assert oct(stat.S_IMODE(path.stat().st_mode)) == "0o600"


def test_a_flush_that_fails_forgets_what_it_could_not_write(tmp_path, monkeypatch):
    path = tmp_path / "state.json"
    with Store(path) as store:
        store.set_meta({"seen": 1}, NOW)
        import assistant.state.storage as storage

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(storage, "atomic_write", full)
        with pytest.raises(StoreError, match="could not be written: No space left on device"):
            store.set_meta({"seen": 2}, NOW)
        monkeypatch.undo()
        assert store.meta()["seen"] == 1, "the failed change is not kept in memory"
        store.set_meta({"other": True}, NOW)
    with Store(path) as store:
        assert store.meta()["seen"] == 1 and store.meta()["other"] is True


def test_a_lock_held_by_orphans_of_a_dead_process_is_taken_over_without_killing_them(tmp_path):
    path = tmp_path / "state.json"
    lock_path = tmp_path / "state.json.lock"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(lock_path)!r}, os.O_RDWR | os.O_CREAT, 0o600)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        f"os.pwrite(fd, b'{dead}\\n', 0)\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with Store(path) as store:  # the recorded process is gone: the lock is stale
            store.commit([rec(1)], {}, NOW)
        assert holder.poll() is None, "the assistant never kills a process it did not start"
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_held_by_a_live_process_is_refused_naming_it(tmp_path):
    path = tmp_path / "state.json"
    with Store(path):
        with pytest.raises(StoreError, match=rf"another assistant process \(pid {os.getpid()}\) is using {path}"):
            Store(path).open()
