"""One contract, three sources: IMAP (real Dovecot), Maildir and mbox hold the same messages."""

from __future__ import annotations

import pytest

from assistant.mailbox.base import INBOX, SENT, Folder, MailSource
from tests.integration.corpus import SIZE_CAP, header_block, inbox_messages, lf, message, sent_messages
from tests.integration.harnesses import Harness

pytestmark = pytest.mark.integration  # needs the Dovecot test server


@pytest.fixture
def filled(harness: Harness) -> Harness:
    harness.store(INBOX, inbox_messages())
    harness.store(SENT, sent_messages())
    return harness


def folder(source: MailSource, role: str) -> Folder:
    return next(f for f in source.folders() if f.role == role)


def full_read(source: MailSource, box: Folder) -> dict[bytes, bytes]:
    """Message-ID -> raw (LF) of everything listed on a fresh cursor."""
    listing = source.list_new(box, None)
    found = {}
    for raw in source.fetch_messages(box, listing.keys, size_cap=10**9):
        found[next(line for line in lf(raw.raw).split(b"\n") if line.startswith(b"Message-ID"))] = lf(raw.raw)
    return found


def test_folders_start_with_inbox_then_sent(filled: Harness) -> None:
    with filled.source() as source:
        roles = [f.role for f in source.folders()]
    assert roles[:2] == [INBOX, SENT]


def test_fresh_cursor_lists_every_message(filled: Harness) -> None:
    with filled.source() as source:
        inbox, sent = folder(source, INBOX), folder(source, SENT)
        inbox_keys = source.list_new(inbox, None).keys
        sent_listing = source.list_new(sent, None)
    assert len(inbox_keys) == len(inbox_messages())
    assert inbox_keys == sorted(inbox_keys)
    assert len(sent_listing.keys) == len(sent_messages())
    assert not sent_listing.reset


def test_advanced_cursor_lists_nothing_new(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        listing = source.list_new(inbox, None)
        cursor = source.advance(listing.cursor, listing.keys)
        again = source.list_new(inbox, cursor)
    assert again.keys == []
    assert not again.reset


def test_cursor_advanced_over_a_first_batch_lists_the_rest(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        listing = source.list_new(inbox, None)
        cursor = source.advance(listing.cursor, listing.keys[:2])
        rest = source.list_new(inbox, cursor)
    assert rest.keys == listing.keys[2:]


def test_appended_message_is_the_only_new_key(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        listing = source.list_new(inbox, None)
        cursor = source.advance(listing.cursor, listing.keys)
    filled.store(INBOX, [message(42)])
    with filled.source() as source:
        inbox = folder(source, INBOX)
        new = source.list_new(inbox, cursor)
        fetched = list(source.fetch_messages(inbox, new.keys, SIZE_CAP))
    assert len(new.keys) == 1
    assert not new.reset
    assert lf(fetched[0].raw) == lf(message(42))


def test_fetch_headers_returns_header_blocks_and_sizes(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        keys = source.list_new(inbox, None).keys
        headers = list(source.fetch_headers(inbox, keys))
    assert [h.key for h in headers] == keys
    for info, raw in zip(headers, inbox_messages(), strict=True):
        assert lf(info.header) == header_block(raw)
        assert len(lf(raw)) <= info.size <= len(raw)


def test_fetch_messages_returns_the_stored_bytes(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        keys = source.list_new(inbox, None).keys
        fetched = list(source.fetch_messages(inbox, keys, size_cap=10**9))
    assert [lf(m.raw) for m in fetched] == [lf(raw) for raw in inbox_messages()]
    assert not any(m.truncated for m in fetched)


def test_message_over_the_size_cap_comes_as_headers_only(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        keys = source.list_new(inbox, None).keys
        fetched = list(source.fetch_messages(inbox, keys, size_cap=SIZE_CAP))
    big = [m for m in fetched if m.truncated]
    assert len(big) == 1
    assert lf(big[0].raw) == header_block(inbox_messages()[3])
    assert big[0].size > SIZE_CAP
    assert len(fetched) == len(inbox_messages())


def test_vanished_key_is_absent_not_an_error(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        keys = source.list_new(inbox, None).keys
    filled.vanish(inbox, keys[-1])
    with filled.source() as source:
        headers = [h.key for h in source.fetch_headers(inbox, keys)]
        messages = [m.key for m in source.fetch_messages(inbox, keys, SIZE_CAP)]
    assert headers == messages == keys[:-1]


def test_validity_change_resets_the_listing(filled: Harness) -> None:
    with filled.source() as source:
        inbox = folder(source, INBOX)
        listing = source.list_new(inbox, None)
        cursor = source.advance(listing.cursor, listing.keys)
    filled.invalidate(inbox)
    with filled.source() as source:
        inbox = folder(source, INBOX)
        again = source.list_new(inbox, cursor)
        after_reset = source.list_new(inbox, source.advance(again.cursor, again.keys))
        found = full_read(source, inbox)
    assert again.reset
    assert len(again.keys) == len(inbox_messages())
    assert after_reset.keys == [] and not after_reset.reset
    assert sorted(found.values()) == sorted(lf(raw) for raw in inbox_messages())


def test_reading_everything_changes_nothing(filled: Harness) -> None:
    before = filled.snapshot()
    with filled.source() as source:
        for box in source.folders():
            keys = source.list_new(box, None).keys
            list(source.fetch_headers(box, keys))
            list(source.fetch_messages(box, keys, SIZE_CAP))
    assert filled.snapshot() == before
