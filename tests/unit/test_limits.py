"""Hostile and odd input: huge encoded headers, parses that eat the CPU, odd names and dates."""

from __future__ import annotations

import pytest

from assistant.addresses import clean_text, parse_address
from assistant.jobs import workers
from assistant.mailbox.base import RawMessage
from assistant.models import Address, Owner
from assistant.reading.parse import MAX_FIELD, MAX_HEADER_BLOCK, cap_headers, parse_date, parse_message

OWNER = Owner("Alex Morgan", "alex@example.com")
WORD = b"=?UTF-8?Q?caf=C3=A9_news?="


def huge_subject(words: int) -> bytes:
    return (b"From: Lena <lena@x.example>\r\nTo: alex@example.com\r\nSubject: " + b" ".join([WORD] * words)
            + b"\r\nMessage-ID: <big@x.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\nThe body.\r\n")


def test_a_two_megabyte_encoded_subject_is_capped_before_decoding():
    raw = huge_subject(100_000)  # 2.1 MB: the stdlib's quadratic decoding took 23 s on it
    message = parse_message(raw)
    assert message.message_id == "<big@x.example>" and message.reply_text.strip() == "The body."
    assert message.subject.startswith("café news") and len(message.subject) <= 998
    capped = cap_headers(raw)
    assert len(capped) < MAX_FIELD + 500


def test_the_header_block_is_capped_at_a_megabyte_and_the_body_kept():
    fields = b"".join(b"X-Pad-%d: %s\r\n" % (i, b"y" * 60_000) for i in range(40))
    raw = b"From: a@b.example\r\nSubject: hi\r\n" + fields + b"\r\nThe body.\r\n"
    capped = cap_headers(raw)
    head, _, body = capped.partition(b"\r\n\r\n")
    assert len(head) <= MAX_HEADER_BLOCK and body == b"The body.\r\n"
    assert parse_message(raw).subject == "hi"


def test_small_messages_are_not_copied():
    raw = huge_subject(3)
    assert cap_headers(raw) is raw


def test_a_parse_over_its_cpu_budget_keeps_the_headers_with_the_reason(monkeypatch):
    monkeypatch.setattr(workers, "PARSE_CPU_SECONDS", 0.001)
    slow = parse_message

    def crawl(raw, **kwargs):
        if not kwargs.get("truncated"):
            total = 0
            for i in range(10**8):  # stands in for a pathological message
                total += i
        return slow(raw, **kwargs)

    monkeypatch.setattr(workers, "parse_message", crawl)
    record, refusal, internal = workers.parse_outcome(RawMessage(1, huge_subject(3), 400), OWNER, "inbox:")
    assert record is not None and not refusal and not internal
    assert record["truncated"] is True and "CPU" in record["headers_only"]
    assert record["subject"].startswith("café news")


@pytest.mark.parametrize("value, expected", [
    ('"Lena <3 Fischer" <lena@x.example>', Address("Lena <3 Fischer", "lena@x.example")),
    ("Lena <3 <lena@x.example>", Address("Lena <3", "lena@x.example")),
    ("Ana > Bo <ana@x.example>", Address("Ana > Bo", "ana@x.example")),
    ("a@x.example <b@y.example> <c@z.example>", None),  # two mailboxes: which one is anyone's guess
])
def test_a_display_name_with_angle_brackets_keeps_the_sender(value, expected):
    assert parse_address(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Mon, 01 Jan 0001 10:00:00 +0000", None),  # not 2001
    ("Sat, 1 Jan 0099 10:00:00 +0000", None),
    ("Mon, 2 Nov 2026 10:00:00 +0100", "2026-11-02T10:00:00+01:00"),
    ("2 Nov 26 10:00 GMT", "2026-11-02T10:00:00+00:00"),  # a two-digit year is still read as the RFC says
])
def test_dates_with_impossible_years_are_none(value, expected):
    when = parse_date(value)
    assert (when.isoformat() if when else None) == expected


def test_zero_width_spaces_leave_names_and_subjects():
    assert clean_text("Le\u200bna Fisch\ufeffer") == "Lena Fischer"
    assert clean_text("👩\u200d💻 Dev") == "👩\u200d💻 Dev", "a zero-width joiner inside an emoji stays"
    message = parse_message("From: =?utf-8?Q?Le=E2=80=8Bna?= <lena@x.example>\r\nSubject: Hi\u200b there\r\n"
                            "Message-ID: <z@x>\r\n\r\nHello\r\n".encode())
    assert message.sender == Address("Lena", "lena@x.example") and message.subject == "Hi there"
