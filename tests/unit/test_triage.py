"""Headers-first triage: which messages keep their headers only, read from the header block alone."""

from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import compat32

import pytest

from assistant.reading.parse import _TRIAGE_FIELDS, MAX_FIELD, _unescape, header_block, header_fields, old_machine_mail
from tests.corpora import CORPORA, SAMPLE_MAILDIR

CUTOFF = datetime(2026, 8, 27, tzinfo=UTC)

NEWSLETTER = (b"From: Remote Work Weekly <news@rww.example>\r\nTo: alex@example.com\r\n"
              b"Subject: This week\r\nList-Unsubscribe: <mailto:u@rww.example>,\r\n <https://rww.example/u>\r\n")
NOTIFICATION = b"From: GitHub <noreply@github.com>\r\nTo: alex@example.com\r\nSubject: [repo] CI failed\r\n"
PERSONAL = b"From: Lena Fischer <lena@kestrel.example>\r\nTo: alex@example.com\r\nSubject: Lunch?\r\n"


@pytest.mark.parametrize("header, expected", [
    (NEWSLETTER + b"Date: Mon, 02 Mar 2026 08:00:00 +0000\r\n\r\n", True),
    (NEWSLETTER + b"Date: Mon, 16 Nov 2026 08:00:00 +0000\r\n\r\n", False),  # recent: its event may be ahead
    (NOTIFICATION + b"Date: Mon, 02 Mar 2026 08:00:00 +0000\r\n\r\n", True),
    (PERSONAL + b"Date: Mon, 02 Mar 2026 08:00:00 +0000\r\n\r\n", False),  # people are always read in full
    (NEWSLETTER + b"\r\n", False),  # no date at all: read it
    # no Date: the newest (first) Received stamp stands in for it
    (b"Received: by mx.example; Mon, 02 Mar 2026 08:00:00 +0000\r\n"
     b"Received: by relay.example; Sun, 01 Mar 2026 08:00:00 +0000\r\n" + NEWSLETTER + b"\r\n", True),
    (b"Received: by mx.example; Mon, 16 Nov 2026 08:00:00 +0000\r\n" + NEWSLETTER + b"\r\n", False),
    # LF line endings, as in Maildir and mbox files
    ((NEWSLETTER + b"Date: Mon, 02 Mar 2026 08:00:00 +0000\r\n\r\n").replace(b"\r\n", b"\n"), True),
    # only the header block counts: a List-Id in the body does not make mail bulk
    (PERSONAL + b"Date: Mon, 02 Mar 2026 08:00:00 +0000\r\n\r\nList-Id: <x.example>\r\n", False),
])
def test_old_machine_mail(header, expected):
    assert old_machine_mail(header, CUTOFF) is expected


def test_header_fields_reads_folds_8bit_and_first_occurrences():
    block = (b"Received: by a.example; Mon, 02 Mar 2026 08:00:00 +0000\r\n"
             b"Received: by b.example; Sun, 01 Mar 2026 08:00:00 +0000\r\n"
             b"From: Ren\xc3\xa9 Dupont <rene@example.fr>\r\nSubject: a long\r\n\tfolded subject\r\n"
             b"X-Other: ignored\r\n\r\nSubject: in the body\r\n")
    fields = header_fields(block, frozenset({"received", "from", "subject"}))
    assert fields == {"received": "by a.example; Mon, 02 Mar 2026 08:00:00 +0000",
                      "from": "René Dupont <rene@example.fr>", "subject": "a long\r\n\tfolded subject"}


def _mail_files():
    sample = sorted(SAMPLE_MAILDIR.rglob("*"))
    corpora = sorted(p for p in CORPORA.rglob("*") if p.suffix in (".eml", ".msg", "")) if CORPORA.is_dir() else []
    return [p for p in sample + corpora if p.is_file() and p.stat().st_size < 2_000_000]


def test_header_fields_agree_with_the_stdlib_parser_on_real_mail():
    files = _mail_files()  # the sample mailbox, and the shared corpora when they are there
    compared = 0
    for path in files:
        raw = path.read_bytes()
        head = header_block(raw)
        if not head.strip():
            continue
        msg = message_from_bytes(head + b"\n\n", policy=compat32)
        mine = header_fields(head, _TRIAGE_FIELDS)
        for name in _TRIAGE_FIELDS:
            value = msg.get(name)
            if value is None or not isinstance(value, str):
                continue
            theirs = value.rstrip("\r\n")
            if len(theirs) > MAX_FIELD:  # capped before decoding (RFC 2047 decoding is quadratic)
                assert theirs.startswith(mine[name]) and len(mine[name]) <= MAX_FIELD, f"{path}: {name}"
                continue
            assert mine.get(name) == _unescape(theirs), f"{path}: {name}"
            compared += 1
    assert compared > 500


def test_a_header_block_kept_alone_reads_like_the_headers_of_the_whole_message():
    from assistant.errors import MessageRefused
    from assistant.reading.parse import parse_message

    checked = 0
    for path in _mail_files():
        raw = path.read_bytes()
        try:
            whole = parse_message(raw)
        except MessageRefused:
            continue
        alone = parse_message(header_block(raw) + b"\n\n", size=len(raw), truncated=True)
        if whole.message_id.endswith("@synthesized.invalid>"):
            continue  # no Message-ID: the stand-in is made from the text too, which is not there
        for field in ("message_id", "sender", "to", "cc", "subject", "date", "in_reply_to", "references",
                      "reply_to"):
            assert getattr(alone, field) == getattr(whole, field), f"{path}: {field}"
        assert alone.truncated and alone.size == len(raw)
        checked += 1
    assert checked > (300 if CORPORA.is_dir() else 200)
