"""sync_once against an in-memory MailSource: incremental, deduplicated, direction by identity."""

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from assistant.jobs.sync import sync_once
from assistant.mailbox.base import INBOX, SENT, Folder, HeaderInfo, Listing, MailSource, RawMessage
from assistant.models import Owner
from assistant.state.store import Store

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
OWNER = Owner("Alex Morgan", "alex@example.com", ("alex.morgan@mail.example",))


def mail(i, sender="Lena Fischer <lena@kestrel.example>", to="Alex Morgan <alex@example.com>", mid=None):
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, to, f"Note {i}"
    m["Date"] = "Tue, 10 Nov 2026 09:00:00 -0800"
    m["Message-ID"] = mid or f"<n{i}@kestrel.example>"
    m.set_content(f"Hello Alex,\n\nThis is note number {i}.\n\nLena\n")
    return m.as_bytes()


class MemorySource(MailSource):
    """A fake for unit tests only; the real sources pass the contract suite in tests/integration."""

    def __init__(self, boxes):
        self.boxes = boxes  # {Folder: {uid: bytes}}
        self.validity = 1
        self.fetched = 0
        self.refuse = set()  # keys the "server" will not return

    def open(self):
        pass

    def close(self):
        pass

    def folders(self):
        return list(self.boxes)

    def list_new(self, folder, cursor):
        if cursor is None or cursor["validity"] != self.validity:
            fresh = {"validity": self.validity, "last": 0}
            return Listing(sorted(self.boxes[folder]), fresh, reset=cursor is not None)
        return Listing(sorted(k for k in self.boxes[folder] if k > cursor["last"]), cursor)

    def fetch_headers(self, folder, keys):
        for k in keys:
            if k in self.boxes[folder]:
                raw = self.boxes[folder][k]
                yield HeaderInfo(k, raw.split(b"\n\n")[0], len(raw))

    def fetch_messages(self, folder, keys, size_cap, sizes=None):
        for k in keys:
            if k in self.boxes[folder] and k not in self.refuse:
                self.fetched += 1
                yield RawMessage(k, self.boxes[folder][k], len(self.boxes[folder][k]))

    def advance(self, cursor, keys):
        return {**cursor, "last": max([cursor["last"], *keys])}


def run(source, path, understanding="rules"):
    with Store(path) as store:
        return sync_once(source, store, OWNER, NOW, size_cap=10**6, batch_size=2, understanding=understanding)


def test_incremental_sync_ingests_nothing_twice(tmp_path):
    inbox, sent = Folder("", INBOX), Folder("Sent", SENT)
    source = MemorySource({inbox: {1: mail(1), 2: mail(2), 3: mail(3)},
                           sent: {7: mail(4, sender="Alex <alex.morgan@mail.example>", to="lena@kestrel.example")}})
    first = run(source, tmp_path / "s.json")
    assert (first.read, first.new, first.refused) == (4, 4, 0)
    again = run(source, tmp_path / "s.json")
    assert (again.read, again.new) == (0, 0)
    source.boxes[inbox][5] = mail(5)
    third = run(source, tmp_path / "s.json")
    assert (third.read, third.new) == (1, 1)
    with Store(tmp_path / "s.json") as store:
        records = {r.message_id: r for r in store.records()}
    assert records["<n4@kestrel.example>"].direction == "sent"  # from an alias, not from the folder
    assert records["<n1@kestrel.example>"].direction == "received"


def test_same_message_in_two_folders_is_one_message(tmp_path):
    inbox, archive = Folder("", INBOX), Folder("[Gmail]/All Mail", "other")
    source = MemorySource({inbox: {1: mail(1)}, archive: {10: mail(1), 11: mail(2)}})
    report = run(source, tmp_path / "s.json")
    assert (report.new, report.duplicates) == (2, 1)


def test_validity_change_remaps_by_message_id_without_refetching_bodies(tmp_path):
    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: mail(1), 2: mail(2)}})
    run(source, tmp_path / "s.json")
    source.validity = 2
    source.boxes[inbox] = {100: mail(1), 101: mail(2), 102: mail(3)}  # renumbered, one new
    source.fetched = 0
    report = run(source, tmp_path / "s.json")
    assert report.new == 1 and report.duplicates == 2 and report.resets == ["INBOX"]
    assert source.fetched == 1, "headers first: known messages are not fetched again"


def test_refused_message_is_counted_and_not_retried(tmp_path):
    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: b"\x00\x01 binary garbage, not mail", 2: mail(2)}})
    report = run(source, tmp_path / "s.json")
    assert (report.refused, report.new) == (1, 1)
    source.validity = 9  # even a full re-map does not count it again
    report = run(source, tmp_path / "s.json")
    assert (report.refused, report.new) == (0, 0)


def test_a_bug_in_parsing_stops_the_sync_instead_of_refusing_everything(tmp_path, monkeypatch):
    import pytest

    from assistant.errors import AssistantError
    from assistant.reading import parse as parsing

    def broken(*args, **kwargs):
        raise NameError("a bug of ours")

    monkeypatch.setattr(parsing, "_understand", broken)
    monkeypatch.setattr(parsing, "_fallback", broken)
    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {i: mail(i) for i in range(1, 6)}})
    with pytest.raises(AssistantError, match="internal error"):
        run(source, tmp_path / "s.json")
    with Store(tmp_path / "s.json") as store:
        assert store.message_count() == 0 and store.cursor("inbox:") is None, "nothing committed"


@pytest.mark.slow  # forks a worker pool: an equivalence test, for the whole suite rather than the fast loop
def test_worker_processes_give_the_same_result_as_inline_parsing(tmp_path):
    inbox = Folder("", INBOX)
    box = {i: mail(i) for i in range(1, 90)}
    box[90] = b"\x00 not mail"
    results = []
    for workers in (1, 2):
        path = tmp_path / f"w{workers}.json"
        with Store(path) as store:
            report = sync_once(MemorySource({inbox: dict(box)}), store, OWNER, NOW, size_cap=10**6,
                               batch_size=100, workers=workers)
            results.append(((report.read, report.new, report.refused),
                            sorted((r.message_id, r.subject) for r in store.records())))
    assert results[0] == results[1]
    assert results[0][0] == (90, 89, 1)


def test_a_message_the_server_will_not_return_is_retried_not_skipped(tmp_path):
    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: mail(1), 2: mail(2), 3: mail(3)}})
    source.refuse = {2}
    first = run(source, tmp_path / "s.json")
    assert (first.new, first.retry_later, first.refused) == (2, 1, 0)
    source.refuse = set()  # the server recovers
    second = run(source, tmp_path / "s.json")
    assert (second.new, second.refused) == (1, 0)
    with Store(tmp_path / "s.json") as store:
        assert store.message_count() == 3


def test_a_message_that_never_comes_back_is_given_up_after_three_attempts(tmp_path):
    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: mail(1), 2: mail(2), 3: mail(3)}})
    source.refuse = {2}
    reports = [run(source, tmp_path / "s.json") for _ in range(3)]
    assert [r.retry_later for r in reports] == [1, 1, 0]
    assert reports[2].refused == 1
    fourth = run(source, tmp_path / "s.json")
    assert (fourth.read, fourth.new, fourth.refused) == (0, 0, 0), "the folder is not blocked for good"


def test_a_single_internal_error_is_retried_and_never_recorded_as_refused(tmp_path, monkeypatch):
    from assistant.jobs import workers as pipeline

    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: mail(1), 2: mail(2), 3: mail(3)}})
    real = pipeline.parse_outcome

    def flaky(raw, **where):
        return (None, "boom", True) if raw.key == 2 else real(raw, **where)

    monkeypatch.setattr(pipeline, "parse_outcome", flaky)
    first = run(source, tmp_path / "s.json")
    assert (first.new, first.refused, first.retry_later) == (2, 0, 1)
    monkeypatch.setattr(pipeline, "parse_outcome", real)  # the bug is fixed
    assert run(source, tmp_path / "s.json").new == 1


def test_a_message_id_repeated_in_the_next_batch_is_fetched_once(tmp_path):
    # batch 1 is still being parsed (not stored) when batch 2 is triaged: its ids count as known
    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: mail(1), 2: mail(2), 3: mail(1), 4: mail(4)}})
    report = run(source, tmp_path / "s.json")
    assert (report.new, report.duplicates) == (3, 1)
    assert source.fetched == 3


def test_a_failure_while_fetching_the_next_batch_keeps_the_batch_before_it(tmp_path):
    import pytest

    from assistant.errors import MailboxError

    class Dropping(MemorySource):
        def fetch_headers(self, folder, keys):
            if 5 in keys:
                raise MailboxError("imap.example: connection lost (gave up after 4 reconnect attempts)")
            yield from super().fetch_headers(folder, keys)

    inbox = Folder("", INBOX)
    source = Dropping({inbox: {k: mail(k) for k in range(1, 7)}})
    with pytest.raises(MailboxError):
        run(source, tmp_path / "s.json")
    with Store(tmp_path / "s.json") as store:
        stored = {r.message_id for r in store.records()}
        assert stored == {f"<n{k}@kestrel.example>" for k in range(1, 5)}
        assert store.cursor("inbox:")["last"] == 4  # the next sync starts after what was stored


def test_a_message_first_read_in_inbox_and_then_found_in_sent_is_proved_the_owners(tmp_path):
    inbox, sent = Folder("", INBOX), Folder("Sent", SENT)
    mine = mail(7, sender="Alex Morgan <alex@example.com>", to="Lena Fischer <lena@kestrel.example>, "
                "Alex Morgan <alex@example.com>")  # the owner copied themselves: it lands in INBOX too
    forged = mail(8, sender="Alex Morgan <alex@example.com>", to="Rick <rick@leadgen.example>")
    source = MemorySource({inbox: {1: mine, 2: forged}, sent: {1: mine}})
    run(source, tmp_path / "s.json")
    with Store(tmp_path / "s.json") as store:
        assert store.in_sent("<n7@kestrel.example>"), "its copy in Sent proves it is the owner's"
        assert not store.in_sent("<n8@kestrel.example>")
        assert {r.message_id: r.folder for r in store.records()}["<n7@kestrel.example>"] == "inbox:"


def _note(text, n="ask"):
    note = EmailMessage()
    note["From"], note["To"], note["Subject"] = "Lena Fischer <lena@kestrel.example>", "alex@example.com", "Hi"
    note["Date"], note["Message-ID"] = "Tue, 10 Nov 2026 09:00:00 -0800", f"<{n}@kestrel.example>"
    note.set_content(f"Hi Alex,\n\n{text}\n\nLena\n")
    return note.as_bytes()


def test_findings_are_made_at_ingest_and_made_again_when_the_extractor_changes(tmp_path, monkeypatch):
    from assistant.understanding import message as understanding

    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: mail(1, to="Alex Morgan <alex@example.com>"), 2: _note(
        "We're looking for a patent attorney who knows medical devices. Any leads?")}})
    path = tmp_path / "s.json"
    report = run(source, path)
    assert report.understood == 0, "the cue patterns read each message while it is parsed"
    with Store(path) as store:
        found = {r.message_id: r.findings for r in store.records()}
        assert found["<ask@kestrel.example>"].asks[0].what == "patent attorney"
        assert store.outdated_segments(understanding.extractor_version(None)) == []
    monkeypatch.setattr(understanding, "RULES_VERSION", understanding.RULES_VERSION + 1)
    import assistant.jobs.understanding as edge
    edge.current_version.cache_clear()
    shown: list[tuple[str, int, int]] = []
    with Store(path) as store:
        report = sync_once(source, store, OWNER, NOW, size_cap=10**6, batch_size=2, understanding="rules",
                           progress=lambda what, done, total: shown.append((what, done, total)))
    assert report.understood == 2 and report.new == 0
    # counted in messages like every other progress line (it said "1/2 messages" of 2 segments, then 240 understood)
    assert [s for s in shown if s[0] == "understanding stored mail"][-1] == ("understanding stored mail", 2, 2)
    with Store(path) as store:
        versions = {r.message_id: r.findings.version for r in store.records()}
        assert set(versions.values()) == {understanding.extractor_version(None)}
        assert store.outdated_segments(understanding.extractor_version(None)) == []
    assert run(source, path).understood == 0
    edge.current_version.cache_clear()


def test_the_sentence_model_judges_new_mail_in_worker_processes_after_it_is_stored(tmp_path, monkeypatch):
    """With the model, parsing stores no findings; the model pass (in a forked worker, never in the
    sync process) understands every new message once, and stores the version that names the heads."""
    import assistant.jobs.understanding as edge
    from tests.unit.fake_model import fake_heads, fake_model

    monkeypatch.setattr(edge, "load_model", fake_model)
    monkeypatch.setattr(edge, "load_heads", fake_heads)
    edge.current_version.cache_clear()
    inbox = Folder("", INBOX)
    source = MemorySource({inbox: {1: _note("Are you looking for a new bookkeeper this spring?", "a"),
                                   2: _note("Glad the move went well. Say hi to Sam.", "b")}})
    path = tmp_path / "s.json"
    report = run(source, path, understanding="model")
    assert report.understood == 2 and not report.model_problem
    with Store(path) as store:
        found = {r.message_id: r.findings for r in store.records()}
    from assistant.understanding.message import extractor_version
    version = extractor_version(fake_heads().version)
    assert {f.version for f in found.values()} == {version}
    assert [a.text for a in found["<a@kestrel.example>"].asks] == ["Are you looking for a new bookkeeper this spring?"]
    assert found["<a@kestrel.example>"].asks[0].score > 0.9
    assert found["<b@kestrel.example>"].all() == ()
    assert run(source, path, understanding="model").understood == 0, "understood once"
    edge.current_version.cache_clear()


def test_a_model_that_cannot_load_leaves_the_patterns_and_says_why(tmp_path, monkeypatch):
    import assistant.jobs.understanding as edge
    from assistant.errors import ModelError
    from tests.unit.fake_model import fake_heads

    def broken():
        raise ModelError("the sentence model's model.safetensors is not the pinned file (SHA-256 mismatch)")

    monkeypatch.setattr(edge, "load_model", broken)
    monkeypatch.setattr(edge, "load_heads", fake_heads)
    monkeypatch.setattr(edge, "_HERE", edge._Here())
    edge.current_version.cache_clear()
    source = MemorySource({Folder("", INBOX): {1: _note("We're looking for a patent attorney. Any leads?")}})
    report = run(source, tmp_path / "s.json", understanding="model")
    assert "SHA-256 mismatch" in report.model_problem and "without the sentence model" in report.summary()
    with Store(tmp_path / "s.json") as store:
        (record,) = store.records()
    from assistant.understanding.message import extractor_version
    assert record.findings.version == extractor_version(None) and record.findings.asks[0].what == "patent attorney"
    edge.current_version.cache_clear()
